"""A vector read from a grid (E7.2) and its magnitude (E7.3): write AB as a column vector from
the drawing, its length, a parallel vector's missing component, and a vector of the same
magnitude."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring import text as words
from generation.engine.authoring.figures import grid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

R = Rational
# Vectors with a whole-number length, for the same-magnitude part: (x, y) with x^2 + y^2 = n^2.
_TRIPLES = [(3, 4), (4, 3), (6, 8), (8, 6), (5, 12), (12, 5)]


def _column(v: tuple[object, object]) -> str:
    return f"\\begin{{pmatrix}} {words.frac(v[0])} \\\\ {words.frac(v[1])} \\end{{pmatrix}}"


def _plain(v: tuple[object, object]) -> str:
    return f"({words.frac_plain(v[0])}, {words.frac_plain(v[1])})"


@register
class VectorsOnGrid(Template):
    key = "transformations.vectors_on_grid"
    title = "A vector from a grid: column vector, magnitude, parallel and equal-length vectors"
    codes = {Tier.EXTENDED: ("E7.2", "E7.3")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        whole = difficulty >= 4
        for _ in range(100):
            if whole:
                dx, dy = rng.choice(_TRIPLES)
                dx, dy = dx * rng.choice([1, -1]), dy * rng.choice([1, -1])
            else:
                dx, dy = (
                    rng.choice([v for v in range(-7, 8) if v]),
                    rng.choice([v for v in range(-7, 8) if v]),
                )
            ax, ay = rng.randint(-5, 5), rng.randint(-5, 5)
            bx, by = ax + dx, ay + dy
            if -5 <= bx <= 5 and -5 <= by <= 5 and abs(dx) != abs(dy):
                break
        else:
            raise Reject("no vector fits the grid")
        q.param("A", f"{ax},{ay}")
        q.param("B", f"{bx},{by}")
        fig = grid((-6, 6), (-6, 6), title="Points A and B on a grid")
        for name, p, other in (("A", (ax, ay), (bx, by)), ("B", (bx, by), (ax, ay))):
            fig.cross(p)
            away = 180 if other[0] > p[0] else 0
            fig.place(p, name, size=13, gap=10, prefer=(away + 45, away - 45, away, 90, 270))
        q.diagram_svg = fig.svg()
        q.title = "Vectors on a grid"
        q.stem = "The points $A$ and $B$ are marked on the grid."
        ab = (R(dx), R(dy))
        col = _column(ab)

        # (a) the column vector read from the grid
        part = q.part(
            "a",
            "Write $\\overrightarrow{AB}$ as a column vector.",
            marks=1,
            command="Write",
        )
        part.step(
            f"From $A$ to $B$: ${abs(dx)}$ {'right' if dx > 0 else 'left'} and ${abs(dy)}$ "
            f"{'up' if dy > 0 else 'down'}, so $\\overrightarrow{{AB}} = {col}$",
            str(ab),
        )
        part.answer(str(ab), kind=AnswerKind.VECTOR, plain=_plain(ab), latex=col)
        part.mark("B", f"${col}$", value=str(ab))
        back = (-ab[0], -ab[1])
        wrong(part, _plain(back), "gave the vector from B to A", latex=_column(back))
        swapped = (ab[1], ab[0])
        wrong(part, _plain(swapped), "put the vertical step on top", latex=_column(swapped))

        # (b) its magnitude
        # The components are read from the grid, not stated: the machine forms carry them.
        u, v = f"({dx})", f"({dy})"
        part = q.part(
            "b",
            "Calculate $|\\overrightarrow{AB}|$.",
            marks=2,
            command="Calculate",
        )
        squares = Working(q, f"{u}**2 + {v}**2")
        method(
            part,
            squares,
            step=f"$|\\overrightarrow{{AB}}|^2 = {words.bracket(dx)}^2 + {words.bracket(dy)}^2 = "
            f"{squares.latex}$",
        )
        size = Working(q, f"sqrt({u}**2 + {v}**2)", fractions=False)
        exact = size.value.is_Integer
        accuracy = Accuracy.EXACT if exact else Accuracy.SF3
        final(
            part,
            size,
            accuracy=accuracy,
            step=f"$|\\overrightarrow{{AB}}| = \\sqrt{{{squares.latex}}}"
            + (" = " if exact else " \\approx ")
            + f"{size.shown(accuracy)[1]}$",
            qualifiers=[] if exact else ["awrt"],
        )
        misconception(
            part,
            Misconception(
                "forgot to take the square root", f"{u}**2 + {v}**2", (f"{u}**2 + {v}**2",)
            ),
        )
        misconception(
            part,
            Misconception(
                "added the sizes of the components", f"Abs({u}) + Abs({v})", accuracy=accuracy
            ),
        )

        if difficulty >= 2:
            self._parallel(q, rng, difficulty, dx, dy)
        if whole:
            self._same_length(q, rng, dx, dy)

    @staticmethod
    def _parallel(
        q: QuestionBuilder, rng: random.Random, difficulty: int, dx: int, dy: int
    ) -> None:
        """(c) (k, c) is parallel to AB: c is a multiple of AB's second component."""
        scales = [R(2), R(3), R(-2), R(-3)]
        if difficulty == 5 and dx % 2 == 0 and dy % 2 == 0:
            scales = [R(3, 2), R(-3, 2), R(1, 2), R(5, 2)]
        t = rng.choice(scales)
        c = t * dy
        q.given("c", c)
        part = q.part(
            "c",
            f"The vector $\\begin{{pmatrix}} k \\\\ {words.frac(c)} \\end{{pmatrix}}$ is "
            "parallel to $\\overrightarrow{AB}$. Find the value of $k$.",
            marks=2,
            command="Work out",
        )
        factor = Working(q, f"c/({dy})")
        method(
            part,
            factor,
            f"${words.frac(c)} \\div {words.bracket(dy)}$ or $\\frac{{k}}{{{dx}}} = "
            f"\\frac{{{words.frac(c)}}}{{{dy}}}$ oe",
            step=f"Parallel vectors are multiples: ${words.frac(c)} \\div {words.bracket(dy)} = "
            f"{factor.latex}$",
        )
        k = Working(q, f"c/({dy})*({dx})")
        final(
            part,
            k,
            step=f"$k = {factor.latex} \\times {words.bracket(dx)} = {k.latex}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "used the ratio of the components the wrong way up", f"c/({dx})*({dy})", ("c",)
            ),
        )
        misconception(
            part,
            Misconception(
                "made the vector perpendicular, not parallel", f"-c*({dy})/({dx})", ("c",)
            ),
        )

    @staticmethod
    def _same_length(q: QuestionBuilder, rng: random.Random, dx: int, dy: int) -> None:
        """(d) (p, m) with p > 0 has the same magnitude as AB (a whole number)."""
        n2 = dx * dx + dy * dy
        legs = [(a, b) for a, b in _TRIPLES if a * a + b * b == n2 and (a, b) != (abs(dx), abs(dy))]
        p, m = rng.choice(legs)
        m = m * rng.choice([1, -1])
        q.given("m", m)
        part = q.part(
            "d",
            f"The vector $\\begin{{pmatrix}} p \\\\ {m} \\end{{pmatrix}}$, where $p > 0$, has the "
            "same magnitude as $\\overrightarrow{AB}$. Find the value of $p$.",
            marks=2,
            command="Work out",
        )
        eq = f"Eq(p**2 + m**2, {n2})"
        part.step(f"$p^2 + {words.bracket(m)}^2 = {n2}$", eq)
        part.mark(
            "M",
            f"$p^2 + {words.bracket(m)}^2 = {n2}$ oe",
            value=eq,
            qualifiers=["oe"],
        )
        value = Working(q, f"sqrt({n2} - m**2)")
        final(
            part,
            value,
            step=f"$p^2 = {n2} - {m * m} = {n2 - m * m}$, so $p = {value.latex}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "took the difference of the lengths, not of their squares",
                f"sqrt({n2}) - Abs(m)",
            ),
        )
