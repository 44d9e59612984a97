"""Gradient of linear graphs (syllabus 3.3): from a graph, from two points, and backwards."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.coordinates import declare_point, point
from generation.engine.authoring.figures import grid
from generation.engine.authoring.text import bracket, frac
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
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
        fig.place(_clip(p, m, 0, 8)[1], "L", size=15, prefer=(200, 340, 160, 20), gap=(12, 18, 24))
        q.diagram_svg = fig.svg()
        q.stem = "The diagram shows a straight line $L$ passing through the points $P$ and $Q$."
        part = q.part("", "Work out the gradient of line $L$.", marks=2, command="Work out")
        part.step(
            f"From $P$ to $Q$ the line goes {abs(rise)} {'up' if rise > 0 else 'down'} and "
            f"{run} across.",
            None,
        )
        gradient = Working(q, f"{rise}/{run}", latex=f"\\frac{{{rise}}}{{{run}}}")
        method(
            part,
            gradient,
            f"${gradient.substituted}$ oe (vertical change $\\div$ horizontal change)",
            lhs="\\text{gradient}",
            partial=["M1 for a correct vertical change over a correct horizontal change"],
        )
        final(part, gradient, step="", qualifiers=["oe"])
        if abs(m) != 1:
            misconception(
                part,
                Misconception(
                    "divided the horizontal change by the vertical change", f"{run}/{rise}"
                ),
            )
        misconception(
            part,
            Misconception("gave the wrong sign (the line slopes the other way)", f"-{rise}/{run}"),
        )

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
        q.stem = f"$A$ is the point ${point(a)}$ and $B$ is the point ${point(b)}$."
        part = q.part(label, "Work out the gradient of the line $AB$.", marks=2, command="Work out")
        gradient = Working(q, "(yB - yA)/(xB - xA)")
        method(
            part,
            gradient,
            lhs="\\text{gradient}",
            partial=["M1 for rise/run using the coordinates of A and B"],
        )
        final(part, gradient, step="", qualifiers=["oe"])
        if abs(gradient.value) != 1:
            misconception(
                part,
                Misconception("divided the change in x by the change in y", "(xB - xA)/(yB - yA)"),
            )
        misconception(
            part,
            Misconception(
                "subtracted the y-coordinates and x-coordinates in opposite orders",
                "(yB - yA)/(xA - xB)",
            ),
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
        q.given("m", abs(m), display=frac(abs(m)))
        m_form = "m" if m > 0 else "(-m)"
        q.stem = (
            f"The line through the points $A({xa}, k)$ and $B({xb}, {yb})$ has gradient "
            f"${frac(m)}$."
        )
        relation = f"Eq((yB - k)/(xB - xA), {m_form})"
        product = f"{m_form}*(xB - xA)"
        answer = f"yB - {m_form}*(xB - xA)"
        part = q.part(label, "Find the value of $k$.", marks=3, command="Work out")
        part.step(f"$\\frac{{{yb} - k}}{{{xb} - {bracket(xa)}}} = {frac(m)}$", relation)
        part.step(f"${yb} - k = {frac(m)} \\times {run} = {int(m * run)}$", product)
        part.step(f"$k = {k}$", answer)
        part.answer(answer, variable="k", satisfies=relation, label="k")
        part.mark(
            "M", f"$\\frac{{{yb} - k}}{{{xb} - {bracket(xa)}}} = {frac(m)}$ oe", value=relation
        )
        part.mark("M", f"${yb} - k = {int(m * run)}$ oe", value=product)
        part.mark("A", f"${k}$", value=answer)
        misconception(
            part,
            Misconception(
                "sign error: added instead of subtracting when making k the subject",
                f"yB + {product}",
                (relation, product),
            ),
        )
        if abs(m) != 1:
            misconception(
                part,
                Misconception(
                    "used change in x ÷ change in y for the gradient", f"yB - (xB - xA)/{m_form}"
                ),
            )
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
        gradient_eq = f"\\frac{{{yc} - {bracket(a[1])}}}{{h - {bracket(a[0])}}} = {frac(m)}"
        part.step(
            f"Gradient of $AC$ = gradient of $AB$: ${gradient_eq}$, "
            f"so ${yc} - {bracket(a[1])} = {frac(m)}(h - {bracket(a[0])})$",
            relation,
        )
        part.step(
            f"$h - {bracket(a[0])} = {frac(yc - a[1])} \\div {bracket(m)} = {h - a[0]}$", across
        )
        part.step(f"$h = {h}$", answer)
        part.answer(answer, variable="h", satisfies=relation, label="h")
        part.mark(
            "M",
            f"${gradient_eq}$ oe, FT their gradient from (a)",
            value=relation,
            qualifiers=["oe", "FT"],
        )
        part.mark("M", f"$h - {bracket(a[0])} = {h - a[0]}$ oe", value=across)
        part.mark("A", f"${h}$", value=answer)
        misconception(
            part,
            Misconception(
                "subtracted the x-coordinate of A instead of adding it",
                f"{across} - xA",
                (relation, across),
            ),
        )
