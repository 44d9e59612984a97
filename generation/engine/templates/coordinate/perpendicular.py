"""Perpendicular lines (syllabus E3.7): perpendicular gradients, the perpendicular through a
point, the perpendicular bisector of a segment and the foot of a perpendicular."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.coordinates import (
    coordinates,
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
from generation.engine.templates.coordinate.lines import R, line_through
from questions.schemas import CalculatorPolicy, Tier


@register
class PerpendicularLine(Template):
    key = "coordinate.perpendicular_line"
    title = "Perpendicular lines and the perpendicular bisector"
    codes = {Tier.EXTENDED: ("E3.7", "E3.5")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Perpendicular lines"
        if difficulty <= 2:
            self._through_point(q, rng, difficulty)
        elif difficulty <= 4:
            self._bisector(q, rng, difficulty)
        else:
            self._foot(q, rng)

    def _through_point(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            m = R(rng.choice([2, 3, 4, 5, -2, -3, -4]))
        else:
            m = rng.choice(
                [
                    R(2, 3),
                    R(-2, 3),
                    R(3, 2),
                    R(-3, 2),
                    R(1, 2),
                    R(-1, 3),
                    R(3, 4),
                    R(-4, 3),
                    R(2, 5),
                ]
            )
        c0 = R(rng.choice([v for v in range(-8, 9) if v]))
        equation, m_form, _ = state_line(q, m, c0)
        perp = -1 / m
        perp_form = f"(-1/({m_form}))"
        px = (
            m.p * rng.choice([v for v in range(-4, 5) if v])
            if difficulty == 2
            else m.p * rng.choice([1, 2, -1])
        )
        py = rng.randint(-8, 9) if difficulty == 2 else rng.randint(1, 9)
        declare_point(q, "P", (px, py))
        q.stem = f"The line $L$ has equation ${equation}$."
        part = q.part(
            "a",
            "Write down the gradient of a line perpendicular to $L$.",
            marks=1,
            command="Write down",
        )
        part.step(
            f"Perpendicular gradients multiply to $-1$: $-1 \\div {bracket(m)} = {frac(perp)}$",
            perp_form,
        )
        part.answer(perp_form)
        part.mark("B", f"${frac(perp)}$", value=perp_form)
        misconception(
            part,
            Misconception("took the reciprocal but did not change the sign", f"1/({m_form})"),
        )
        misconception(
            part,
            Misconception("changed the sign but did not take the reciprocal", f"-({m_form})"),
        )
        part = q.part(
            "b",
            f"Find the equation of the line perpendicular to $L$ that passes through the point "
            f"$({px}, {py})$. Give your answer in the form $y = mx + c$.",
            marks=2,
            command="Work out",
        )
        part.step(f"The gradient is ${frac(perp)}$.", perp_form)
        line_through(part, m=perp, m_form=perp_form, point=(R(px), R(py)), p_form=("xP", "yP"))
        wrong_line(part, m, py - m * px, "used the gradient of L (a parallel line)", [])

    def _bisector(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        hx = rng.choice([1, 2, 3, 4]) * rng.choice([1, -1])
        hy = rng.choice([v for v in (1, 2, 3, 4, 5, 6) if abs(v) != abs(hx)]) * rng.choice([1, -1])
        mx = abs(hy) * rng.choice([v for v in range(-3, 4) if v]) // sympy.gcd(abs(hy), abs(hx))
        my = rng.randint(-5, 6)
        a, b = (mx - hx, my - hy), (mx + hx, my + hy)
        declare_point(q, "A", a)
        declare_point(q, "B", b)
        m = R(hy, hx)
        perp = -1 / m
        mid = (mx, my)
        q.stem = f"$A$ is the point ${point(a)}$ and $B$ is the point ${point(b)}$."
        grad = "(yB - yA)/(xB - xA)"
        perp_form = "(-(xB - xA)/(yB - yA))"
        mid_form = ("((xA + xB)/2)", "((yA + yB)/2)")
        text = (
            "Find the equation of the perpendicular bisector of $AB$. "
            "Give your answer in the form $y = mx + c$."
        )
        if difficulty == 3:
            part = q.part(
                "a", "Find the coordinates of the midpoint of $AB$.", marks=2, command="Work out"
            )
            coordinates(
                part,
                (mid_form[0], mid_form[1]),
                (
                    f"\\frac{{{a[0]} + {bracket(b[0])}}}{{2}}",
                    f"\\frac{{{a[1]} + {bracket(b[1])}}}{{2}}",
                ),
            )
            wrong_point(
                part,
                ("(xB - xA)/2", "(yB - yA)/2"),
                "subtracted the coordinates instead of adding them",
            )
            part = q.part("b", text, marks=3, command="Work out")
        else:
            part = q.part("", text, marks=4, command="Work out")
            part.step(f"Midpoint of $AB$ $= {point(mid)}$", f"({mid_form[0]}, {mid_form[1]})")
            part.mark("B", f"midpoint ${point(mid)}$", value=f"({mid_form[0]}, {mid_form[1]})")
        part.step(
            f"Gradient of $AB = \\frac{{{b[1]} - {bracket(a[1])}}}{{{b[0]} - {bracket(a[0])}}} = {frac(m)}$",
            grad,
        )
        part.step(f"Perpendicular gradient $= -1 \\div {bracket(m)} = {frac(perp)}$", perp_form)
        part.mark("M", f"gradient of $AB$ $= {frac(m)}$", value=grad)
        part.mark(
            "M",
            f"perpendicular gradient $= {frac(perp)}$",
            value=perp_form,
            qualifiers=["FT"],
        )
        c = my - perp * mx
        c_form = f"{mid_form[1]} - {perp_form}*{mid_form[0]}"
        value = f"Eq(y, {perp_form}*x + {c_form})"
        part.step(
            f"Through the midpoint: ${my} = {frac(perp)} \\times {bracket(mx)} + c$, so $c = {frac(c)}$",
            c_form,
        )
        part.step(f"$y = {line_rhs(perp, c)}$", value)
        part.answer(value, **line_answer(perp, c))
        part.mark("A", f"$y = {line_rhs(perp, c)}$", value=value, qualifiers=["oe"])
        earlier = [grad, perp_form]
        # Used point A instead of the midpoint: a line perpendicular to AB, but not the bisector.
        c_a = a[1] - perp * a[0]
        wrong_line(part, perp, c_a, "used point A instead of the midpoint of AB", earlier)
        # Used the gradient of AB itself.
        c_par = my - m * mx
        working_par = [grad] if difficulty == 3 else [f"({mid_form[0]}, {mid_form[1]})", grad]
        wrong_line(
            part,
            m,
            c_par,
            "used the gradient of AB instead of the perpendicular gradient",
            working_par,
        )

    def _foot(self, q: QuestionBuilder, rng: random.Random) -> None:
        """Difficulty 5: L is ax + by = k; the perpendicular through P meets L at F."""
        a = rng.choice([1, 2, 3])
        b = rng.choice([v for v in (1, 2, 3, -1, -2, -3) if sympy.gcd(v, a) == 1 and abs(v) != a])
        fx = a * rng.choice([-2, -1, 1, 2])
        fy = rng.randint(-4, 5)
        t = rng.choice([1, 2, -1, -2]) if a + abs(b) <= 4 else rng.choice([1, -1])
        px, py = fx + t * a, fy + t * b
        k = a * fx + b * fy
        equation, m_form, c_form = state_general_line(q, a, b, k)
        declare_point(q, "P", (px, py))
        m = R(-a, b)
        perp = -1 / m
        perp_form = f"(-1/{m_form})"
        q.stem = f"The line $L$ has equation ${equation}$ and $P$ is the point $({px}, {py})$."
        part = q.part(
            "a",
            "Find the equation of the line through $P$ that is perpendicular to $L$. "
            "Give your answer in the form $y = mx + c$.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"Rearranging $L$: $y = {line_rhs(m, R(k, b))}$, so the gradient of $L$ is ${frac(m)}$.",
            m_form,
        )
        part.step(f"Perpendicular gradient $= {frac(perp)}$", perp_form)
        part.mark("M", f"gradient of $L$ $= {frac(m)}$", value=m_form)
        part.mark(
            "M",
            f"perpendicular gradient $= {frac(perp)}$",
            value=perp_form,
            qualifiers=["FT"],
        )
        c_perp = py - perp * px
        c_perp_form = f"yP - {perp_form}*xP"
        value = f"Eq(y, {perp_form}*x + {c_perp_form})"
        part.step(
            f"$c = {py} - {bracket(perp)} \\times {bracket(px)} = {frac(c_perp)}$", c_perp_form
        )
        part.step(f"$y = {line_rhs(perp, c_perp)}$", value)
        part.answer(value, **line_answer(perp, c_perp))
        part.mark("A", f"$y = {line_rhs(perp, c_perp)}$", value=value, qualifiers=["oe"])
        wrong_line(part, m, py - m * px, "used the gradient of L (a parallel line)", [m_form])
        wrong_line(part, perp, py + perp * px, "sign error when finding c", [m_form, perp_form])

        part = q.part(
            "b",
            "The two lines meet at $F$. Find the coordinates of $F$.",
            marks=3,
            command="Work out",
        )
        x_form = f"({c_perp_form} - {c_form})/({m_form} - {perp_form})"
        y_form = f"{perp_form}*{x_form} + {c_perp_form}"
        eliminate = f"Eq({m_form}*x + {c_form}, {perp_form}*x + {c_perp_form})"
        part.step(f"${line_rhs(m, R(k, b))} = {line_rhs(perp, c_perp)}$", eliminate)
        part.step(f"$x = {fx}$", x_form)
        part.step(
            f"$y = {frac(perp)} \\times {bracket(fx)} {'+' if c_perp >= 0 else '-'} {frac(abs(c_perp))} = {fy}$",
            y_form,
        )
        part.answer(f"({x_form}, {y_form})", kind="coordinates", label="F")
        part.mark(
            "M", "eliminating $y$ between the two equations oe", value=eliminate, qualifiers=["FT"]
        )
        part.mark("A", f"$x = {fx}$", value=x_form)
        part.mark("A", f"${point((fx, fy))}$", value=f"({x_form}, {y_form})")
        if fx != fy:
            wrong_point(
                part,
                (y_form, x_form),
                "solved correctly but wrote the coordinates in the wrong order",
                [eliminate, x_form],
            )
