"""Equations of straight lines (syllabus 3.5), parallel lines (3.6) and perpendicular lines
(E3.7): y = mx + c from a graph, from two points, through a point with a known gradient."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.coordinates import (
    declare_point,
    line_answer,
    line_rhs,
    line_value,
    point,
    wrong_line,
    wrong_point,
)
from generation.engine.authoring.figures import grid
from generation.engine.authoring.text import bracket, frac
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

R = sympy.Rational


def line_through(
    part: PartBuilder,
    *,
    m: sympy.Rational,
    m_form: str,
    point: tuple[sympy.Rational, sympy.Rational],
    p_form: tuple[str, str],
    earlier: list[str] | None = None,
) -> None:
    """The last steps of finding y = mx + c through a point once the gradient is known:
    substitute to find c (M1), then the equation (A1). ``earlier`` lists the values of the
    part's earlier M lines (a candidate with a wrong c still shows them)."""
    px, py = point
    c = py - m * px
    c_form = f"{p_form[1]} - ({m_form})*{p_form[0]}"
    value = f"Eq(y, ({m_form})*x + {c_form})"
    part.step(
        f"Substitute $({frac(px)}, {frac(py)})$: "
        f"${frac(py)} = {frac(m)} \\times {bracket(px)} + c$, so $c = {frac(c)}$",
        c_form,
    )
    part.step(f"$y = {line_rhs(m, c)}$", value)
    part.answer(value, **line_answer(m, c))
    part.mark(
        "M",
        f"substituting $({frac(px)}, {frac(py)})$ into $y = {bracket(m)}x + c$, or $c = {frac(c)}$",
        value=c_form,
        partial=["M1 for y - y1 = m(x - x1) with their gradient and the point, oe"],
    )
    part.mark("A", f"$y = {line_rhs(m, c)}$", value=value, qualifiers=["oe"])
    done = list(earlier or [])
    wrong_c = py + m * px
    if wrong_c != c:
        wrong_line(
            part, m, wrong_c, "sign error when finding c (added m × x instead of subtracting)", done
        )
    swapped = px - m * py
    if swapped not in (c, wrong_c):
        wrong_line(
            part, m, swapped, "substituted the coordinates the wrong way round (x for y)", done
        )


def pick_gradient(rng: random.Random, difficulty: int) -> sympy.Rational:
    if difficulty <= 3:
        return R(rng.choice([2, 3, 4, 5, -1, -2, -3, -4]))
    return R(rng.choice([1, -1, 2, -2, 3, -3, 5]), rng.choice([2, 3, 4]))


def points_on(
    rng: random.Random, m: sympy.Rational, c: sympy.Rational, span: int
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Two integer points on y = mx + c (x a multiple of the gradient's denominator)."""
    xs = [
        v
        for v in range(-span, span + 1)
        if v % m.q == 0 and (m * v + c).q == 1 and abs(m * v + c) <= 15
    ]
    a, b = rng.sample(xs, 2)
    return (a, int(m * a + c)), (b, int(m * b + c))


@register
class LineEquation(Template):
    key = "coordinate.line_equation"
    title = "Equation of a straight line, y = mx + c"
    codes = {Tier.CORE: ("C3.5", "C3.3"), Tier.EXTENDED: ("E3.5", "E3.3")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Equation of a straight line"
        if difficulty == 1:
            self._from_graph(q, rng)
            return
        m = pick_gradient(rng, difficulty)
        c = R(rng.choice([v for v in range(-7, 8) if v]))
        a, b = points_on(rng, m, c, 6 if difficulty == 2 else 9)
        if a[0] > b[0] and difficulty == 2:
            a, b = b, a
        declare_point(q, "A", a)
        declare_point(q, "B", b)
        q.stem = f"A straight line passes through the points $A{point(a)}$ and $B{point(b)}$."
        grad = "(yB - yA)/(xB - xA)"
        steps = f"gradient $= \\frac{{{b[1]} - {bracket(a[1])}}}{{{b[0]} - {bracket(a[0])}}} = {frac(m)}$"
        if difficulty == 2:
            part = q.part("a", "Work out the gradient of the line.", marks=2, command="Work out")
            part.step(steps, grad)
            part.answer(grad)
            part.mark(
                "M",
                f"$\\frac{{{b[1]} - {bracket(a[1])}}}{{{b[0]} - {bracket(a[0])}}}$ oe",
                value=grad,
            )
            part.mark("A", f"${frac(m)}$", value=grad, qualifiers=["oe"])
            misconception(
                part,
                Misconception("divided the change in x by the change in y", "(xB - xA)/(yB - yA)"),
            )
            part = q.part(
                "b",
                "Find the equation of the line. Give your answer in the form $y = mx + c$.",
                marks=2,
                command="Work out",
            )
            line_through(part, m=m, m_form=grad, point=a, p_form=("xA", "yA"))
        else:
            label = "a" if difficulty == 5 else ""
            part = q.part(
                label,
                "Find the equation of the line. Give your answer in the form $y = mx + c$.",
                marks=3,
                command="Work out",
            )
            part.step(steps, grad)
            part.mark(
                "M",
                f"gradient $\\frac{{{b[1]} - {bracket(a[1])}}}{{{b[0]} - {bracket(a[0])}}}$ oe",
                value=grad,
            )
            line_through(part, m=m, m_form=grad, point=a, p_form=("xA", "yA"), earlier=[grad])
            if m != -1 and m != 1:
                wrong_line(
                    part,
                    1 / m,
                    a[1] - a[0] / m,
                    "used change in x ÷ change in y for the gradient",
                    [],
                )
        if difficulty == 5:
            root = -c / m
            c_form = f"yA - ({grad})*xA"
            part = q.part(
                "b",
                "The line crosses the $x$-axis at $P$. Find the coordinates of $P$.",
                marks=2,
                command="Work out",
            )
            eq = f"Eq(({grad})*x + {c_form}, 0)"
            part.step(f"$0 = {line_rhs(m, c)}$", eq)
            part.step(f"$x = {frac(root)}$", f"-({c_form})/({grad})")
            part.answer(f"(-({c_form})/({grad}), 0)", kind="coordinates", label="P")
            part.mark("M", f"$0 = {line_rhs(m, c)}$ oe", value=eq, qualifiers=["FT"])
            part.mark("A", f"${point((root, 0))}$", value=f"(-({c_form})/({grad}), 0)")
            wrong_point(part, (0, c_form), "gave the point where the line crosses the y-axis")

    def _from_graph(self, q: QuestionBuilder, rng: random.Random) -> None:
        m = R(rng.choice([1, 2, 3, -1, -2, 2, 3]))
        c = R(rng.choice([v for v in (range(-3, 5) if m > 0 else range(2, 8)) if v != m]))
        xs = [v for v in range(-4, 5) if -4 <= m * v + c <= 8]
        lo, hi = min(xs), max(xs)
        q.param("m", int(m))
        q.param("c", int(c))
        fig = grid((-4, 4), (-4, 8), title="A straight line drawn on a grid", unit=22)
        fig.line((lo, float(m * lo + c)), (hi, float(m * hi + c)))
        fig.place((hi, float(m * hi + c)), "L", size=15, prefer=(340, 20, 300, 60))
        q.diagram_svg = fig.svg()
        q.stem = "The diagram shows a straight line $L$."
        part = q.part(
            "",
            "Find the equation of line $L$. Give your answer in the form $y = mx + c$.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"The line goes {abs(m)} {'up' if m > 0 else 'down'} for every 1 across, "
            f"so the gradient is ${frac(m)}$.",
            m,
        )
        part.step(f"It crosses the $y$-axis at $(0, {frac(c)})$, so $c = {frac(c)}$.", c)
        value = line_value(m, c)
        part.step(f"$y = {line_rhs(m, c)}$", value)
        part.answer(value, **line_answer(m, c))
        part.mark("M", f"gradient ${frac(m)}$ (rise $\\div$ run)", value=m)
        part.mark("B", f"$c = {frac(c)}$ (the $y$-intercept)", value=c)
        part.mark("A", f"$y = {line_rhs(m, c)}$", value=value, qualifiers=["oe"])
        if abs(m) != 1:
            wrong_line(part, 1 / m, c, "found the gradient as run ÷ rise", [c])
        wrong_line(part, -m, c, "gave the gradient the wrong sign", [c])
        if c != 0 and c != m:
            wrong_line(part, c, m, "swapped the gradient and the intercept", [])
