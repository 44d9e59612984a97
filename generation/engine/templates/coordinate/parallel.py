"""Parallel lines (syllabus 3.6): the equation of a line parallel to a given line."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.coordinates import (
    declare_point,
    line_answer,
    line_rhs,
    point,
    state_general_line,
    state_line,
    wrong_line,
    wrong_point,
)
from generation.engine.authoring.text import bracket, frac
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.coordinate.lines import (
    R,
    line_through,
    pick_gradient,
    points_on,
)
from questions.schemas import CalculatorPolicy, Tier


@register
class ParallelLine(Template):
    key = "coordinate.parallel_line"
    title = "Equation of a line parallel to a given line"
    codes = {Tier.CORE: ("C3.6", "C3.5"), Tier.EXTENDED: ("E3.6", "E3.5")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Parallel lines"
        extended = q.tier == Tier.EXTENDED
        c_new_hint = R(rng.choice([v for v in range(-8, 9) if v]))
        if difficulty >= 4 and extended:
            b = rng.choice([2, 3, 4, -2, -3])
            a = rng.choice([v for v in (1, 2, 3, 5) if sympy.gcd(v, b) == 1])
            k = rng.choice([v for v in range(-12, 13) if v])
            equation, m_form, _ = state_general_line(q, a, b, k)
            m = R(-a, b)
            q.stem = f"The line $L$ has equation ${equation}$."
            gradient_line = (
                f"Rearranging: $y = {line_rhs(m, R(k, b))}$, so the gradient of $L$ is "
                f"${frac(m)}$.",
                m_form,
            )
        elif difficulty >= 4:
            m = pick_gradient(rng, 4)
            c0 = R(rng.choice([v for v in range(-6, 7) if v]))
            a_pt, b_pt = points_on(rng, m, c0, 8)
            declare_point(q, "A", a_pt)
            declare_point(q, "B", b_pt)
            m_form = "(yB - yA)/(xB - xA)"
            q.stem = (
                f"The line $L$ passes through the points $A{point(a_pt)}$ and $B{point(b_pt)}$."
            )
            gradient_line = (
                f"gradient of $L = \\frac{{{b_pt[1]} - {bracket(a_pt[1])}}}{{{b_pt[0]} - {bracket(a_pt[0])}}} = {frac(m)}$",
                m_form,
            )
        else:
            m = pick_gradient(rng, 3 if difficulty == 3 else 1)
            if difficulty <= 2:
                m = abs(m) if m != -1 else R(2)
            c0 = R(rng.choice([v for v in range(-9, 10) if v]))
            equation, m_form, _ = state_line(q, m, c0, names=("m", "c"))
            q.stem = f"The line $L$ has equation ${equation}$."
            gradient_line = None

        if difficulty == 1:
            part = q.part(
                "a",
                "Write down the gradient of a line parallel to $L$.",
                marks=1,
                command="Write down",
            )
            part.step(f"Parallel lines have the same gradient: ${frac(m)}$", m_form)
            part.answer(m_form)
            part.mark("B", f"${frac(m)}$", value=m_form)
            misconception(part, Misconception("gave the perpendicular gradient", f"-1/({m_form})"))
            c_new = c_new_hint if c_new_hint != c0 else c_new_hint + 1
            q.given("d", abs(c_new))
            c_form = "d" if c_new > 0 else "(-d)"
            value = f"Eq(y, ({m_form})*x + {c_form})"
            part = q.part(
                "b",
                f"Write down the equation of the line parallel to $L$ that passes through the "
                f"point $(0, {frac(c_new)})$.",
                marks=1,
                command="Write down",
            )
            part.step(
                f"Same gradient, $y$-intercept ${frac(c_new)}$: $y = {line_rhs(m, c_new)}$",
                value,
            )
            part.answer(value, **line_answer(m, c_new))
            part.mark("B", f"$y = {line_rhs(m, c_new)}$", value=value, qualifiers=["oe"])
            wrong_line(part, -1 / m, c_new, "used the perpendicular gradient", [])
            return

        px = rng.choice([v for v in range(-6, 7) if v and v % m.q == 0])
        py = int(m * px + c_new_hint)
        if extended and difficulty >= 4:
            # Keep the new line's intercept away from L's (k/b) so the lines are distinct.
            if R(k, b) == c_new_hint:
                py += 1
        elif c_new_hint == c0:
            py += 1
        declare_point(q, "P", (px, py))
        text = (
            f"Find the equation of the line that is parallel to $L$ and passes through the point "
            f"$P({px}, {py})$. Give your answer in the form $y = mx + c$."
        )
        if gradient_line is None:
            if difficulty >= 3:
                part = q.part("a", "Write down the gradient of $L$.", marks=1, command="Write down")
                part.step(f"$L$ is in the form $y = mx + c$ with $m = {frac(m)}$.", m_form)
                part.answer(m_form)
                part.mark("B", f"${frac(m)}$", value=m_form)
                c_label = "b"
            else:
                c_label = ""
            part = q.part(c_label, text, marks=2, command="Work out")
            part.step(f"A parallel line has gradient ${frac(m)}$.", m_form)
            line_through(part, m=m, m_form=m_form, point=(R(px), R(py)), p_form=("xP", "yP"))
            wrong_line(part, -1 / m, py + px / m, "used the perpendicular gradient", [])
        else:
            label = "a" if difficulty == 5 else ""
            part = q.part(label, text, marks=3, command="Work out")
            part.step(*gradient_line)
            part.mark("M", f"gradient of $L$ is ${frac(m)}$", value=m_form)
            line_through(
                part,
                m=m,
                m_form=m_form,
                point=(R(px), R(py)),
                p_form=("xP", "yP"),
                earlier=[m_form],
            )
            wrong_line(part, -1 / m, py + px / m, "used the perpendicular gradient", [])
        if difficulty == 5:
            c_new = py - m * px
            if c_new == 0:
                return
            c_form = f"yP - ({m_form})*xP"
            root = -c_new / m
            part = q.part(
                "b",
                "This parallel line crosses the $x$-axis at $Q$. Find the coordinates of $Q$.",
                marks=2,
                command="Work out",
            )
            eq = f"Eq(({m_form})*x + {c_form}, 0)"
            part.step(f"$0 = {line_rhs(m, c_new)}$", eq)
            part.step(f"$x = {frac(root)}$", f"-({c_form})/({m_form})")
            part.answer(f"(-({c_form})/({m_form}), 0)", kind="coordinates", label="Q")
            part.mark("M", f"$0 = {line_rhs(m, c_new)}$ oe", value=eq, qualifiers=["FT"])
            part.mark("A", f"${point((root, 0))}$", value=f"(-({c_form})/({m_form}), 0)")
            wrong_point(part, (f"({c_form})/({m_form})", 0), "sign error solving for x", [eq])
