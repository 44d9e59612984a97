"""Vectors drawn on a grid (E7.2, E7.3): write each as a column vector, combine them, find the
magnitude of the combination, then the scalars k and m with k a + m b equal to a given vector."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.coordinates import column_vector as column
from generation.engine.authoring.figures import Figure, direction
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.authoring.text import bracket, terms
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.expressions import machine
from generation.engine.templates.transformations._grid import plain_coords
from generation.engine.templates.transformations._vectors import combo_latex
from generation.engine.templates.transformations.vector_geometry import BOLD
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

_WIDTH, _HEIGHT = 12, 7  # squares of the grid


def _figure(a: tuple[int, int], b: tuple[int, int]) -> str:
    """The squared grid with a drawn in its left half and b in its right, each an arrow from a
    grid point with its bold name beside it (no axes: only the squares are read)."""
    fig = Figure("Vectors a and b drawn on a grid", scale=28.0, pad=12.0).note("")
    for x in range(_WIDTH + 1):
        fig.gridline((x, 0), (x, _HEIGHT))
    for y in range(_HEIGHT + 1):
        fig.gridline((0, y), (_WIDTH, y))
    for name, v, left in (("a", a, 1), ("b", b, 7)):
        start = (left + max(0, -v[0]), 1 + max(0, -v[1]))
        end = (start[0] + v[0], start[1] + v[1])
        fig.line(start, end)
        # the arrowhead close to the head of the vector, as the papers draw it
        near = (start[0] + 0.88 * v[0], start[1] + 0.88 * v[1])
        tip = (start[0] + 0.9 * v[0], start[1] + 0.9 * v[1])
        fig.arrows(near, tip)
        # the name beside the middle of the arrow, on the side away from the other vector
        middle = (start[0] + v[0] / 2, start[1] + v[1] / 2)
        normal = direction(start, end) + 90
        other = (10.0, 3.5) if left == 1 else (2.0, 3.5)
        if math.cos(math.radians(normal - direction(middle, other))) > 0:
            normal += 180
        fig.label(middle, BOLD[name], normal, (14, 20, 28))
    return fig.svg()


def _read(part: PartBuilder, name: str, v: tuple[int, int]) -> None:
    """Write down a drawn vector as a column vector: B1, with its reading errors."""
    expr = machine(v)
    part.step(
        f"$\\mathbf{{{name}}}$ goes ${abs(v[0])}$ {'right' if v[0] > 0 else 'left'} and "
        f"${abs(v[1])}$ {'up' if v[1] > 0 else 'down'}: $\\mathbf{{{name}}} = {column(v)}$",
        expr,
    )
    part.answer(expr, kind=AnswerKind.VECTOR, plain=plain_coords(v), latex=column(v))
    part.mark("B", f"${column(v)}$", value=expr)
    if v[0] != v[1]:
        swapped = (v[1], v[0])
        wrong(
            part,
            plain_coords(swapped),
            "wrote the vertical movement on top (the components the wrong way round)",
            latex=column(swapped),
        )
    backwards = (-v[0], -v[1])
    wrong(
        part,
        plain_coords(backwards),
        "read the vector from its head to its tail (both signs wrong)",
        latex=column(backwards),
    )


@register
class GridVectors(Template):
    key = "transformations.grid_vectors"
    title = "Vectors drawn on a grid: column vectors, combinations, magnitude, scalars"
    codes = {Tier.EXTENDED: ("E7.2", "E7.3")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        calc = CalculatorPolicy.ALLOWED if difficulty >= 4 else CalculatorPolicy.NOT_ALLOWED

        def comp() -> int:
            return rng.choice([-4, -3, -2, -1, 1, 2, 3, 4])

        a = (comp(), comp())
        b = (comp(), rng.choice([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]))
        if a[0] * b[1] == a[1] * b[0]:
            raise Reject("a and b are parallel")
        if difficulty == 1:
            m, n = 1, 1
        elif difficulty == 5:
            m, n = rng.choice([(2, -1), (3, -1), (2, -3), (3, 2)])
        else:
            m, n = 1, 2
        # Read from the grid, not stated: parameters of the variant, numbers in the machine forms.
        (a1, a2), (b1, b2) = a, b
        for name, v in (("a1", a1), ("a2", a2), ("b1", b1), ("b2", b2)):
            q.param(name, v)
        q.param("m", m)
        q.param("n", n)
        q.title = "Vectors on a grid"
        q.stem = "The vectors $\\mathbf{a}$ and $\\mathbf{b}$ are drawn on the grid."
        q.diagram_svg = _figure(a, b)

        for label, vector in (("a", a), ("b", b)):
            part = q.part(
                label,
                f"Write down $\\mathbf{{{label}}}$ as a column vector.",
                marks=1,
                command="Write down",
                calculator=calc,
            )
            _read(part, label, vector)

        # (c) the combination
        combo_l = combo_latex([(m, "\\mathbf{a}"), (n, "\\mathbf{b}")])
        value = (m * a1 + n * b1, m * a2 + n * b2)
        expr = machine(value)
        if difficulty >= 3 and 0 in value:
            raise Reject("a combination along a grid line: its magnitude needs no Pythagoras")
        marks = 1 if difficulty == 1 else 2
        part = q.part(
            "c",
            f"Work out ${combo_l}$ as a column vector.",
            marks=marks,
            command="Work out",
            calculator=calc,
        )
        if (m, n) != (1, 1):
            part.step(
                f"${combo_latex([(m, '\\mathbf{a}')])} = {column((m * a1, m * a2))}$ and "
                f"${combo_latex([(n, '\\mathbf{b}')])} = {column((n * b1, n * b2))}$",
                machine((n * b1, n * b2)),
            )
        part.step(f"${combo_l} = {column(value)}$", expr)
        part.answer(expr, kind=AnswerKind.VECTOR, plain=plain_coords(value), latex=column(value))
        part.mark(
            "B",
            f"${column(value)}$",
            marks,
            value=expr,
            qualifiers=["FT"],
            partial=["B1 for one correct component"] if marks == 2 else [],
        )
        if m != n:
            other = (n * a1 + m * b1, n * a2 + m * b2)
            wrong(
                part,
                plain_coords(other),
                "multiplied the wrong vector by the scalar",
                latex=column(other),
            )
        if abs(n) != 1:
            lazy = (m * a1 + n * b1, m * a2 + b2 * (1 if n > 0 else -1))
            wrong(
                part,
                plain_coords(lazy),
                "multiplied only the top component of b by the scalar",
                latex=column(lazy),
            )
        if difficulty <= 2:
            return

        # (d) the magnitude of the combination
        vx, vy = value
        size = sympy.sqrt(value[0] ** 2 + value[1] ** 2)
        squares = Working(
            q,
            f"({vx})**2 + ({vy})**2",
            latex=f"{bracket(value[0])}^2 + {bracket(value[1])}^2",
        )
        magnitude = Working(
            q, f"sqrt(({vx})**2 + ({vy})**2)", latex=f"\\sqrt{{{value[0] ** 2 + value[1] ** 2}}}"
        )
        if calc == CalculatorPolicy.ALLOWED:
            accuracy = exact_or_3sf(size)
            text, command = f"Calculate $\\left|{combo_l}\\right|$.", "Calculate"
        else:
            accuracy = Accuracy.EXACT
            text = f"Work out $\\left|{combo_l}\\right|$."
            if not size.is_Integer:
                text = (
                    f"Work out $\\left|{combo_l}\\right|$, giving your answer as a surd in its "
                    "simplest form."
                )
            command = "Work out"
        part = q.part("d", text, marks=2, command=command, calculator=calc)
        lhs = f"\\left|{combo_l}\\right|"
        method(
            part,
            squares,
            f"${squares.substituted}$ FT their (c)",
            step=f"${lhs}^2 = {squares.substituted} = {squares.value}$",
        )
        final(
            part,
            magnitude,
            accuracy=accuracy,
            awrt=accuracy != Accuracy.EXACT,
            step=magnitude.equation(lhs, accuracy=accuracy),
        )
        misconception(
            part,
            Misconception(
                "forgot to take the square root", squares.value, (squares.machine,), accuracy
            ),
        )
        misconception(
            part,
            Misconception(
                "added the sizes of the components instead of using Pythagoras",
                abs(value[0]) + abs(value[1]),
                accuracy=Accuracy.EXACT,
            ),
        )
        if difficulty == 3:
            return

        # (e) k a + m b = c (the scalars k and j here)
        pairs = [(x, y) for x in (-3, -2, -1, 1, 2, 3) for y in (-3, -2, -1, 1, 2, 3)]
        k, j = rng.choice([p for p in pairs if p not in ((m, n), (1, 1))])
        c = (k * a1 + j * b1, k * a2 + j * b2)
        c1, c2 = q.given("c1", c[0]), q.given("c2", c[1])
        q.param("k", k)
        q.param("j", j)
        part = q.part(
            "e",
            f"$\\mathbf{{c}} = {column((c1, c2))}$. Find the values of $k$ and $m$ such that "
            f"$k\\mathbf{{a}} + m\\mathbf{{b}} = \\mathbf{{c}}$.",
            marks=3,
            command="Work out",
            calculator=calc,
        )
        eq1 = f"Eq(({a1})*k + ({b1})*m, c1)"
        both = (
            f"${terms([(a1, 'k'), (b1, 'm')])} = {c1}$ and ${terms([(a2, 'k'), (b2, 'm')])} = {c2}$"
        )
        part.step(both, eq1)
        part.mark("M", both + " oe", value=eq1)
        kw = Working(q, f"(c1*({b2}) - c2*({b1}))/({a1}*({b2}) - ({a2})*({b1}))")
        mw = Working(q, f"(({a1})*c2 - ({a2})*c1)/({a1}*({b2}) - ({a2})*({b1}))")
        assert (kw.value, mw.value) == (k, j)
        for name, w in (("k", kw), ("m", mw)):
            final(
                part,
                w,
                step=f"{'Solving simultaneously: ' if name == 'k' else ''}${name} = {w.latex}$",
                awarded_for=f"${name} = {w.latex}$",
                label=name,
                variable=name,
            )
