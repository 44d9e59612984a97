"""Gradient of linear graphs (syllabus 3.3): from a graph, from two points, and backwards."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring.figures import grid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.coordinate.common import (
    br,
    declare_point,
    frac_latex,
    frac_plain,
    point_latex,
)
from questions.schemas import CalculatorPolicy, Tier


def _clip(
    p: tuple[int, int], m: sympy.Rational, lo: int, hi: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ends of the line through p with gradient m inside the square [lo, hi]²."""
    ends = []
    for x_edge in (lo, hi):
        ends.append((float(x_edge), float(p[1] + m * (x_edge - p[0]))))
    for y_edge in (lo, hi):
        ends.append((float(p[0] + (y_edge - p[1]) / m), float(y_edge)))
    inside = sorted(
        {(round(x, 6), round(y, 6)) for x, y in ends if lo <= x <= hi and lo <= y <= hi}
    )
    return inside[0], inside[-1]


def _gradient_steps(part: PartBuilder, a: str, b: str, pa: tuple, pb: tuple, form: str) -> None:
    rise, run = pb[1] - pa[1], pb[0] - pa[0]
    part.step(
        f"gradient $= \\frac{{y_{b} - y_{a}}}{{x_{b} - x_{a}}} = "
        f"\\frac{{{pb[1]} - {br(pa[1])}}}{{{pb[0]} - {br(pa[0])}}} = \\frac{{{rise}}}{{{run}}}$",
        form,
    )


@register
class Gradient(Template):
    key = "coordinate.gradient"
    title = "Gradient of a straight line"
    codes = {Tier.CORE: ("C3.3",), Tier.EXTENDED: ("E3.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Gradient of a straight line"
        if difficulty == 1:
            self._from_graph(q, rng)
        elif difficulty <= 3:
            self._from_points(q, rng, difficulty, label="")
        elif difficulty == 4:
            self._backwards(q, rng, label="")
        else:
            self._from_points(q, rng, difficulty, label="a")
            self._point_on_line(q, rng)

    def _from_graph(self, q: QuestionBuilder, rng: random.Random) -> None:
        m = sympy.Rational(rng.choice([1, 2, 3, 1, 3, -1, -2, -3]), rng.choice([1, 1, 2]))
        if m.q == 2:
            run = 2 * rng.choice([1, 2])
        elif abs(m) == 1:
            run = rng.choice([2, 3, 4])
        else:
            run = rng.choice([1, 2])
        rise = int(m * run)
        xs = [v for v in range(0, 9) if 0 <= v + run <= 8]
        ys = [v for v in range(0, 9) if 0 <= v + rise <= 8]
        if not xs or not ys:
            raise Reject("the line does not fit on the grid")
        p = (rng.choice(xs), rng.choice(ys))
        r = (p[0] + run, p[1] + rise)
        q.param("P", f"{p}")
        q.param("Q", f"{r}")
        fig = grid((0, 8), (0, 8), title="A straight line on a grid", unit=24)
        fig.line(*_clip(p, m, 0, 8))
        fig.cross(p).cross(r)
        fig.place(p, "P", size=15).place(r, "Q", size=15, prefer=(45, 135, 315, 225))
        fig.place(_clip(p, m, 0, 8)[1], "L", size=15, prefer=(200, 340, 160, 20))
        q.diagram_svg = fig.svg()
        q.stem = "The diagram shows a straight line $L$ passing through the points $P$ and $Q$."
        part = q.part("", "Work out the gradient of line $L$.", marks=2, command="Work out")
        part.step(
            f"From $P$ to $Q$ the line goes {abs(rise)} {'up' if rise > 0 else 'down'} and "
            f"{run} across.",
            None,
        )
        part.step(f"gradient $= \\frac{{{rise}}}{{{run}}} = {frac_latex(m)}$", m)
        part.answer(m)
        part.mark(
            "M",
            f"$\\frac{{{rise}}}{{{run}}}$ oe (vertical change $\\div$ horizontal change)",
            value=m,
            partial=["M1 for a correct vertical change over a correct horizontal change"],
        )
        part.mark("A", f"${frac_latex(m)}$", value=m, qualifiers=["oe"])
        if abs(m) != 1:
            part.wrong(frac_plain(1 / m), "divided the horizontal change by the vertical change", 0)
        part.wrong(frac_plain(-m), "gave the wrong sign (the line slopes the other way)", 0)

    def _pick_points(
        self, rng: random.Random, difficulty: int
    ) -> tuple[tuple[int, int], tuple[int, int]]:
        span = 6 if difficulty <= 2 else 9
        for _ in range(80):
            a = (rng.randint(-span, span), rng.randint(-span, span))
            run = rng.randint(1, 8) if difficulty <= 2 else rng.randint(2, 8)
            if difficulty <= 2:
                rise = run * rng.choice([1, 2, 3, 4, 5, -2, -3])
            else:
                rise = rng.choice(
                    [v for v in range(-12, 13) if v and sympy.Rational(v, run).q != 1]
                )
            b = (a[0] + run, a[1] + rise)
            if rng.random() < 0.5:
                a, b = b, a
            if all(abs(t) <= span + 8 for t in b):
                return a, b
        raise Reject("no pair of points in range")

    def _from_points(
        self, q: QuestionBuilder, rng: random.Random, difficulty: int, label: str
    ) -> None:
        a, b = self._pick_points(rng, difficulty)
        declare_point(q, "A", a)
        declare_point(q, "B", b)
        m = sympy.Rational(b[1] - a[1], b[0] - a[0])
        form = "(yB - yA)/(xB - xA)"
        q.stem = f"$A$ is the point ${point_latex(a)}$ and $B$ is the point ${point_latex(b)}$."
        part = q.part(label, "Work out the gradient of the line $AB$.", marks=2, command="Work out")
        _gradient_steps(part, "A", "B", a, b, form)
        if m.q != 1 or abs(b[0] - a[0]) != 1:
            part.step(f"gradient $= {frac_latex(m)}$", form)
        part.answer(form)
        part.mark(
            "M",
            f"$\\frac{{{b[1]} - {br(a[1])}}}{{{b[0]} - {br(a[0])}}}$ oe",
            value=form,
            partial=["M1 for rise/run using the coordinates of A and B"],
        )
        part.mark("A", f"${frac_latex(m)}$", value=form, qualifiers=["oe"])
        if abs(m) != 1:
            part.wrong(frac_plain(1 / m), "divided the change in x by the change in y", 0)
        part.wrong(
            frac_plain(-m), "subtracted the y-coordinates and x-coordinates in opposite orders", 0
        )

    def _backwards(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        m = sympy.Rational(rng.choice([1, 2, 3, 5, -1, -3, -5]), rng.choice([1, 2, 4]))
        run = m.q * rng.choice([1, 2, 3])
        xa = rng.randint(-6, 5)
        k = rng.choice([v for v in range(-9, 10) if v != m * run])
        xb, yb = xa + run, k + int(m * run)
        q.given("xA", xa)
        q.given("xB", xb)
        q.given("yB", yb)
        q.given("m", abs(m), display=frac_latex(abs(m)))
        m_form = "m" if m > 0 else "(-m)"
        q.stem = (
            f"The line through the points $A({xa}, k)$ and $B({xb}, {yb})$ has gradient "
            f"${frac_latex(m)}$."
        )
        relation = f"Eq((yB - k)/(xB - xA), {m_form})"
        product = f"{m_form}*(xB - xA)"
        answer = f"yB - {m_form}*(xB - xA)"
        part = q.part(label, "Find the value of $k$.", marks=3, command="Work out")
        part.step(f"$\\frac{{{yb} - k}}{{{xb} - {br(xa)}}} = {frac_latex(m)}$", relation)
        part.step(f"${yb} - k = {frac_latex(m)} \\times {run} = {int(m * run)}$", product)
        part.step(f"$k = {k}$", answer)
        part.answer(answer, variable="k", satisfies=relation, label="k")
        part.mark(
            "M", f"$\\frac{{{yb} - k}}{{{xb} - {br(xa)}}} = {frac_latex(m)}$ oe", value=relation
        )
        part.mark("M", f"${yb} - k = {int(m * run)}$ oe", value=product)
        part.mark("A", f"${k}$", value=answer)
        part.wrong(
            str(yb + int(m * run)),
            "sign error: added instead of subtracting when making k the subject",
            2,
            working=[relation, product],
        )
        flipped = yb - sympy.Rational(run) / m
        if flipped != m * run:
            part.wrong(sympy.sstr(flipped), "used change in x ÷ change in y for the gradient", 0)
        q.param("k", k)

    def _point_on_line(self, q: QuestionBuilder, rng: random.Random) -> None:
        """Part (b) of difficulty 5: C(h, yC) is on the line AB; find h."""
        a = q.value_of("(xA, yA)")
        m = q.value_of("(yB - yA)/(xB - xA)")
        step = m.q
        h = a[0] + step * rng.choice([v for v in range(-6, 7) if v not in (0, 1)])
        yc = a[1] + m * (h - a[0])
        b = q.value_of("(xB, yB)")
        if h == b[0]:
            h += step * 2
            yc = a[1] + m * (h - a[0])
        q.given("yC", yc)
        relation = "Eq(yC - yA, (yB - yA)/(xB - xA)*(h - xA))"
        across = "(yC - yA)*(xB - xA)/(yB - yA)"
        answer = f"xA + {across}"
        part = q.part(
            "b",
            f"The point $C(h, {yc})$ also lies on the line $AB$. Find the value of $h$.",
            marks=3,
            command="Work out",
        )
        gradient_eq = f"\\frac{{{yc} - {br(a[1])}}}{{h - {br(a[0])}}} = {frac_latex(m)}"
        part.step(
            f"Gradient of $AC$ = gradient of $AB$: ${gradient_eq}$, "
            f"so ${yc} - {br(a[1])} = {frac_latex(m)}(h - {br(a[0])})$",
            relation,
        )
        part.step(f"$h - {br(a[0])} = {frac_latex(yc - a[1])} \\div {br(m)} = {h - a[0]}$", across)
        part.step(f"$h = {h}$", answer)
        part.answer(answer, variable="h", satisfies=relation, label="h")
        part.mark("M", f"${gradient_eq}$ oe", value=relation)
        part.mark("M", f"$h - {br(a[0])} = {h - a[0]}$ oe", value=across)
        part.mark("A", f"${h}$", value=answer)
        part.wrong(
            str(h - 2 * a[0]),
            "subtracted the x-coordinate of A instead of adding it",
            2,
            working=[relation, across],
        )
