"""Coordinates (syllabus 3.1): completing a shape from its symmetry and its sides — the third
vertex of an isosceles triangle and the fourth of a kite read from a grid (reflection in the
line of symmetry, and where the diagonals cross), then the missing vertices of a square from
two of its vertices (a side turned through 90°, or the half-diagonals from the centre)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from sympy import Rational

from generation.engine.authoring import wrong
from generation.engine.authoring.coordinates import (
    column_vector,
    declare_point,
    point,
    point_plain,
    wrong_point,
)
from generation.engine.authoring.figures import grid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

P = tuple[int, int]


def _flip(p: P, across: bool) -> P:
    """``p`` with its coordinates swapped when the shape is drawn with a horizontal axis."""
    return (p[1], p[0]) if across else p


def _read(part: PartBuilder, name: str, p: P) -> None:
    """Write down the coordinates of a plotted point: B1; swapping x and y is the error."""
    part.step(f"Read across to $x = {p[0]}$, then up to $y = {p[1]}$.", p)
    part.answer(p, kind="coordinates", label=name)
    part.mark("B", f"${point(p)}$", value=p)
    wrong_point(part, (p[1], p[0]), "wrote the coordinates in the wrong order (y, x)")


def _axis(across: bool, k: int) -> str:
    return f"$y = {k}$" if across else f"$x = {k}$"


@register
class SymmetricVertices(Template):
    key = "coordinate.symmetric_vertices"
    title = "Coordinates: completing an isosceles triangle, a kite or a square"
    codes = {Tier.CORE: ("C3.1",), Tier.EXTENDED: ("E3.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Coordinates of the vertices of a shape"
        across = rng.random() < 0.5  # the line of symmetry horizontal instead of vertical
        if difficulty <= 3:
            q.param("across", across)
        if difficulty == 1:
            self._triangle(q, rng, across)
        elif difficulty == 2:
            self._kite_grid(q, rng, across)
        elif difficulty == 3:
            self._kite_text(q, rng, across)
        elif difficulty == 4:
            self._square_side(q, rng)
        else:
            self._square_diagonal(q, rng)

    # -- difficulty 1: an isosceles triangle on a grid ------------------------------------------
    def _triangle(self, q: QuestionBuilder, rng: random.Random, across: bool) -> None:
        k, s = rng.randint(3, 5), rng.randint(1, 3)
        # B's coordinates differ, so writing them the wrong way round is an error.
        apex, base = rng.sample([v for v in range(1, 8) if v != k - s], 2)
        a, b, c = (k, apex), (k - s, base), (k + s, base)
        a, b, c = _flip(a, across), _flip(b, across), _flip(c, across)
        for n, p in (("A", a), ("B", b)):
            q.param(n, point_plain(p))
        fig = grid((0, 8), (0, 8), title="Points A and B and a line of symmetry on a grid")
        end0, end1 = _flip((k, 0), across), _flip((k, 8), across)
        fig.line(end0, end1, dashed=True).line(a, b)
        for n, p in (("A", a), ("B", b)):
            fig.cross(p)
            fig.place(p, n, size=15, prefer=(45, 135, 315, 225))
        q.diagram_svg = fig.svg()
        q.stem = (
            "The diagram shows the points $A$ and $B$ and the dashed line "
            f"{_axis(across, k)} on a grid."
        )
        part = q.part(
            "a", "Write down the coordinates of point $B$.", marks=1, command="Write down"
        )
        _read(part, "B", b)
        part = q.part(
            "b",
            "$ABC$ is an isosceles triangle with $AB = AC$. The dashed line is its line of "
            "symmetry.\nWrite down the coordinates of $C$.",
            marks=1,
            command="Write down",
        )
        part.step(
            f"$C$ is the reflection of $B$ in {_axis(across, k)}: the same distance, ${s}$, on "
            "the other side.",
            c,
        )
        part.answer(c, kind="coordinates", label="C")
        part.mark("B", f"${point(c)}$", value=c)
        if c[0] != c[1]:
            wrong_point(part, (c[1], c[0]), "wrote the coordinates in the wrong order")
        wrong_point(
            part,
            _flip((k + s, apex), across),
            "put C level with A instead of level with B",
        )

    # -- difficulty 2: a kite on a grid in four quadrants ---------------------------------------
    @staticmethod
    def _kite(rng: random.Random, across: bool, span: int) -> dict[str, P]:
        """A kite ABCD with its line of symmetry AC (x = k, or y = k ``across``), B on one
        side, not a rhombus (the diagonals do not cross at the middle of AC)."""
        for _ in range(60):
            # Off the axes, so the dashed line of symmetry is not drawn over one.
            k = rng.choice([v for v in range(-span + 3, span - 2) if v])
            top, bottom = rng.randint(1, span), rng.randint(-span, -1)
            level = rng.randint(bottom + 1, top - 1)
            s = rng.choice([v for v in range(-span + 1, span) if abs(v) >= 2])
            if (
                2 * level == top + bottom
                or not -span <= k + s <= span
                or not -span <= k - s <= span
            ):
                continue
            pts = {"A": (k, top), "B": (k + s, level), "C": (k, bottom), "D": (k - s, level)}
            return {n: _flip(p, across) for n, p in pts.items()}
        raise Reject("no kite fitted the grid")

    def _kite_grid(self, q: QuestionBuilder, rng: random.Random, across: bool) -> None:
        pts = self._kite(rng, across, 5)
        a, b, c, d = pts["A"], pts["B"], pts["C"], pts["D"]
        if a[0] == a[1]:
            raise Reject("A has equal coordinates")
        for n in "ABC":
            q.param(n, point_plain(pts[n]))
        fig = grid((-5, 5), (-5, 5), title="Three vertices of a kite on a coordinate grid")
        fig.line(a, b).line(b, c).line(a, c, dashed=True)
        for n in "ABC":
            fig.cross(pts[n])
            fig.place(pts[n], n, size=15, prefer=(45, 135, 315, 225, 0, 180))
        q.diagram_svg = fig.svg()
        q.stem = (
            "The diagram shows three vertices $A$, $B$ and $C$ of a kite $ABCD$. The diagonal "
            "$AC$ (dashed) is the line of symmetry of the kite."
        )
        _read(q.part("a", "Write down the coordinates of $A$.", marks=1, command="Write down"),
              "A", a)  # fmt: skip
        part = q.part("b", "Write down the coordinates of $D$.", marks=1, command="Write down")
        k = a[1] if across else a[0]
        part.step(f"$D$ is the reflection of $B$ in the line $AC$, {_axis(across, k)}.", d)
        part.answer(d, kind="coordinates", label="D")
        part.mark("B", f"${point(d)}$", value=d)
        wrong_point(part, (a[0] + c[0] - b[0], a[1] + c[1] - b[1]),
                    "completed a parallelogram ABCD instead of a kite")  # fmt: skip
        if d[0] != d[1]:
            wrong_point(part, (d[1], d[0]), "wrote the coordinates in the wrong order")
        m = _flip((k, b[0] if across else b[1]), across)
        part = q.part(
            "c",
            "The diagonals $AC$ and $BD$ cross at $M$.\nWrite down the coordinates of $M$.",
            marks=1,
            command="Write down",
        )
        part.step(f"$M$ is on $AC$, level with $B$ and $D$: $M = {point(m)}$", m)
        part.answer(m, kind="coordinates", label="M")
        part.mark("B", f"${point(m)}$", value=m)
        middle = (Rational(a[0] + c[0], 2), Rational(a[1] + c[1], 2))
        wrong_point(part, middle, "took the midpoint of AC, which is not where a kite's "
                    "diagonals cross")  # fmt: skip

    # -- difficulty 3: a kite from its coordinates -------------------------------------------
    def _kite_text(self, q: QuestionBuilder, rng: random.Random, across: bool) -> None:
        pts = self._kite(rng, across, 8)
        for n in "ABC":
            declare_point(q, n, pts[n])
        k = pts["A"][1] if across else pts["A"][0]
        q.stem = (
            f"$ABCD$ is a kite with vertices $A{point(pts['A'])}$, $B{point(pts['B'])}$ and "
            f"$C{point(pts['C'])}$. The diagonal $AC$ is the line of symmetry of the kite."
        )
        part = q.part("a", "Find the coordinates of $D$.", marks=2, command="Work out")
        part.step(f"$AC$ is the line {_axis(across, k)}, so $D$ is the reflection of $B$ in it.")
        bx, by = pts["B"]
        d = q.value_of(("xB", "2*yA - yB") if across else ("2*xA - xB", "yB"))
        if across:
            part.step(f"$x = {bx}$ (unchanged)", "xB")
            part.step(f"$y = 2 \\times {_signed(k)} - {_signed(by)} = {d[1]}$", "2*yA - yB")
        else:
            part.step(f"$x = 2 \\times {_signed(k)} - {_signed(bx)} = {d[0]}$", "2*xA - xB")
            part.step(f"$y = {by}$ (unchanged)", "yB")
        forms = ("xB", "2*yA - yB") if across else ("2*xA - xB", "yB")
        part.step(f"$D = {point(d)}$", forms)
        part.answer(forms, kind="coordinates", label="D")
        part.mark("B", f"${point(d)}$: $x$-coordinate ${d[0]}$", value=forms[0])
        part.mark("B", f"${point(d)}$: $y$-coordinate ${d[1]}$", value=forms[1])
        # Each wrong point earns the B1 for a coordinate it gets right.
        for wrong_forms, error in (
            (
                ("2*xA - xB", "yB") if across else ("xB", "2*yA - yB"),
                "reflected in a line the other way (changed the wrong coordinate)",
            ),
            (("xA + xC - xB", "yA + yC - yB"), "completed a parallelogram ABCD instead of a kite"),
        ):
            shown = q.value_of(wrong_forms)
            right = [forms[i] for i in (0, 1) if shown[i] == d[i]]
            wrong_point(part, wrong_forms, error, right)
        part = q.part(
            "b",
            "The diagonals $AC$ and $BD$ cross at $M$.\nWrite down the coordinates of $M$.",
            marks=1,
            command="Write down",
        )
        m = ("xA", "yB") if not across else ("xB", "yA")
        part.step(f"$M$ is on $AC$, level with $B$: $M = {point(q.value_of(m))}$", m)
        part.answer(m, kind="coordinates", label="M")
        part.mark("B", f"${point(q.value_of(m))}$", value=m)
        wrong_point(part, ("(xA + xC)/2", "(yA + yC)/2"),
                    "took the midpoint of AC, which is not where a kite's diagonals cross")  # fmt: skip

    # -- difficulty 4: a square from one side -------------------------------------------------
    def _square_side(self, q: QuestionBuilder, rng: random.Random) -> None:
        a = (rng.randint(-6, 2), rng.randint(-6, 2))
        # Less steep than 45 degrees, so "above AB" says which side C and D are on.
        run = rng.randint(2, 5)
        u = (run, rng.choice([v for v in range(1 - run, run) if v]))
        b = (a[0] + u[0], a[1] + u[1])
        declare_point(q, "A", a)
        declare_point(q, "B", b)
        q.stem = (
            f"$ABCD$ is a square. $A$ is the point ${point(a)}$ and $B$ is the point "
            f"${point(b)}$.\nThe vertices $C$ and $D$ are above the line $AB$."
        )
        part = q.part("", "Find the coordinates of $C$ and $D$.", marks=4, command="Work out")
        side = "(xB - xA, yB - yA)"
        turned = "(-(yB - yA), xB - xA)"
        c_form = "(xB - (yB - yA), yB + xB - xA)"
        d_form = "(xA - (yB - yA), yA + xB - xA)"
        v = (-u[1], u[0])
        c, d = q.value_of(c_form), q.value_of(d_form)
        part.step(f"$\\overrightarrow{{AB}} = {column_vector(u)}$", side)
        part.step(
            f"$\\overrightarrow{{BC}}$ is $\\overrightarrow{{AB}}$ turned through $90°$ "
            f"anticlockwise: ${column_vector(v)}$",
            turned,
        )
        part.step(f"$C = B + {column_vector(v)} = {point(c)}$", c_form)
        part.step(f"$D = A + {column_vector(v)} = {point(d)}$", d_form)
        part.answer(c_form, kind="coordinates", label="C")
        part.answer(d_form, kind="coordinates", label="D")
        part.mark("M", f"$\\overrightarrow{{AB}} = {column_vector(u)}$", value=side,
                  qualifiers=["soi"])  # fmt: skip
        part.mark("M", f"${column_vector(v)}$ for $\\overrightarrow{{BC}}$ or $\\overrightarrow{{AD}}$",
                  value=turned, qualifiers=["soi"])  # fmt: skip
        part.mark("A", f"$C{point(c)}$", value=c_form)
        part.mark("A", f"$D{point(d)}$", value=d_form)
        below_c = q.value_of("(xB + (yB - yA), yB - (xB - xA))")
        below_d = q.value_of("(xA + (yB - yA), yA - (xB - xA))")
        _wrong_pair(
            part, (below_c, below_d), "turned AB the wrong way, giving the square below AB", [side]
        )
        swap_c = q.value_of("(xB + yB - yA, yB + xB - xA)")
        swap_d = q.value_of("(xA + yB - yA, yA + xB - xA)")
        _wrong_pair(
            part,
            (swap_c, swap_d),
            "swapped the components of AB without changing a sign (not at right angles)",
            [side],
        )

    # -- difficulty 5: a square from a diagonal ------------------------------------------------
    def _square_diagonal(self, q: QuestionBuilder, rng: random.Random) -> None:
        m = (rng.randint(-3, 3), rng.randint(-3, 3))
        # Not at 45 degrees: that square's sides run along the grid, so the rectangle's
        # corners (a wrong answer) would be right.
        across = rng.choice([-4, -3, -2, 2, 3, 4])
        h = (across, rng.choice([v for v in (-3, -2, -1, 1, 2, 3) if abs(v) != abs(across)]))
        a, c = (m[0] + h[0], m[1] + h[1]), (m[0] - h[0], m[1] - h[1])
        declare_point(q, "A", a)
        declare_point(q, "C", c)
        q.stem = f"$A{point(a)}$ and $C{point(c)}$ are opposite vertices of the square $ABCD$."
        part = q.part(
            "", "Find the coordinates of the other two vertices, $B$ and $D$.", marks=5,
            command="Work out",
        )  # fmt: skip
        centre = "((xA + xC)/2, (yA + yC)/2)"
        half = "((xA - xC)/2, (yA - yC)/2)"
        turned = "(-(yA - yC)/2, (xA - xC)/2)"
        b_form = "((xA + xC)/2 - (yA - yC)/2, (yA + yC)/2 + (xA - xC)/2)"
        d_form = "((xA + xC)/2 + (yA - yC)/2, (yA + yC)/2 - (xA - xC)/2)"
        v = (-h[1], h[0])
        b, d = q.value_of(b_form), q.value_of(d_form)
        part.step(f"The diagonals bisect each other at the centre $M = {point(m)}$.", centre)
        part.step(f"$\\overrightarrow{{MA}} = {column_vector(h)}$", half)
        part.step(
            "The diagonals of a square are equal and cross at right angles, so "
            f"$\\overrightarrow{{MB}}$ is $\\overrightarrow{{MA}}$ turned through $90°$: "
            f"${column_vector(v)}$",
            turned,
        )
        part.step(f"$B = M + {column_vector(v)} = {point(b)}$ and $D = M - {column_vector(v)} = {point(d)}$",
                  (b_form, d_form))  # fmt: skip
        part.answer(b_form, kind="coordinates", label="B")
        part.answer(d_form, kind="coordinates", label="D")
        part.mark("M", f"centre ${point(m)}$", value=centre)
        part.mark("M", f"$\\overrightarrow{{MA}} = {column_vector(h)}$ or $\\overrightarrow{{MC}}$",
                  value=half, qualifiers=["soi"])  # fmt: skip
        part.mark("M", f"${column_vector(v)}$ or ${column_vector((h[1], -h[0]))}$", value=turned,
                  qualifiers=["soi"])  # fmt: skip
        part.mark("A", f"${point(b)}$", value=b_form)
        part.mark("A", f"${point(d)}$", value=d_form)
        corners = ((a[0], c[1]), (c[0], a[1]))
        _wrong_pair(
            part,
            corners,
            "used the corners of the rectangle with sides along the grid lines",
        )
        whole_b = (m[0] - 2 * h[1], m[1] + 2 * h[0])
        whole_d = (m[0] + 2 * h[1], m[1] - 2 * h[0])
        _wrong_pair(
            part, (whole_b, whole_d), "turned the whole diagonal AC instead of half of it", [centre]
        )


def _wrong_pair(
    part: PartBuilder, pair: tuple[Any, Any], error: str, working: Sequence[str] = ()
) -> None:
    """Two wrong points given together (a square's other two vertices), engine-marked."""
    plain = ", ".join(point_plain(p) for p in pair)
    wrong(part, plain, error, latex=", ".join(point(p) for p in pair), working=working)


def _signed(value: int) -> str:
    return f"({value})" if value < 0 else str(value)
