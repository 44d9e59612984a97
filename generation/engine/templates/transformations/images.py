"""Images of a triangle under reflection, rotation, translation and enlargement (7.1)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import sympy

from generation.engine.authoring import wrong
from generation.engine.authoring.coordinates import column_vector as column
from generation.engine.authoring.figures import shapes_grid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.transformations._grid import (
    Point,
    coords,
    enlarge,
    factor_latex,
    inside,
    line_latex,
    minus,
    plain_coords,
    reflect,
    rotate,
    rotation_words,
    scalene_triangle,
    shift_words,
    translate,
)
from questions.schemas import AnswerKind, CalculatorPolicy, Tier


@dataclass
class _Op:
    kind: str  # translate / reflect / rotate / enlarge
    whole: bool  # the whole triangle, or only the vertex A
    vector: Point = (0, 0)
    line: str = ""
    k: int = 0
    centre: Point = (0, 0)
    angle: int = 0
    factor: Any = 1


def _image_ops(rng: random.Random, difficulty: int, tier: Tier) -> list[_Op]:
    def vector() -> Point:
        return (rng.choice([-5, -4, -3, -2, 2, 3, 4, 5]), rng.choice([-4, -3, -2, -1, 1, 2, 3, 4]))

    def centre() -> Point:
        return (rng.randint(-3, 3), rng.randint(-3, 3))

    def axis_line() -> tuple[str, int]:
        return rng.choice(["x", "y"]), rng.choice([-2, -1, 0, 1, 2, 3])

    turn = rng.choice([90, -90])
    if difficulty == 1:
        line, k = axis_line()
        return [_Op("translate", True, vector=vector()), _Op("reflect", False, line=line, k=k)]
    if difficulty == 2:
        line, k = axis_line()
        return [
            _Op("reflect", True, line=line, k=k),
            _Op("rotate", True, angle=180),
            _Op("translate", False, vector=vector()),
        ]
    if difficulty == 3:
        # Core reflects only in vertical and horizontal lines (C7.1); Extended in any line.
        if tier == Tier.EXTENDED:
            mirror = _Op("reflect", True, line=rng.choice(["y=x", "y=-x"]))
        else:
            line, k = axis_line()
            mirror = _Op("reflect", True, line=line, k=k)
        return [
            mirror,
            _Op("rotate", True, angle=turn),
            _Op("translate", False, vector=vector()),
        ]
    if difficulty == 4:
        line, k = axis_line()
        return [
            _Op("rotate", True, angle=turn, centre=centre()),
            _Op("enlarge", True, centre=centre(), factor=rng.choice([2, 3])),
            _Op("reflect", False, line=line, k=k),
        ]
    factors = (
        [sympy.Rational(1, 2), -2, sympy.Rational(-1, 2)]
        if tier == Tier.EXTENDED
        else [sympy.Rational(1, 2)]
    )
    return [
        _Op("rotate", True, angle=turn, centre=centre()),
        _Op("enlarge", True, centre=centre(), factor=rng.choice(factors)),
        _Op("reflect", False, line=rng.choice(["y=x", "y=-x"]), k=0)
        if tier == Tier.EXTENDED
        else _Op("translate", False, vector=vector()),
    ]


@register
class ImageOfTriangle(Template):
    key = "transformations.image_of_triangle"
    title = "Images of a triangle under reflection, rotation, translation and enlargement"
    codes = {Tier.CORE: ("C7.1",), Tier.EXTENDED: ("E7.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        ops = _image_ops(rng, difficulty, q.tier)
        fractional = any(
            op.kind == "enlarge" and not sympy.Rational(op.factor).is_Integer for op in ops
        )
        shape = scalene_triangle(rng, scale=2 if fractional else 1)
        enl = next((op for op in ops if op.kind == "enlarge"), None)
        step = 2 if fractional else 1
        anchor = enl.centre if (fractional and enl is not None) else (0, 0)

        def fits(shift: Point) -> bool:
            tri = [translate(p, shift) for p in shape]
            if not inside(tri, *[[self._apply(op, p) for p in tri] for op in ops]):
                return False
            if any(op.kind in ("enlarge", "rotate") and op.centre in tri for op in ops):
                return False
            return not any(not op.whole and self._apply(op, tri[0]) == tri[0] for op in ops)

        # Place the triangle where every image fits the grid (vertices an even distance from
        # the centre of a half-size enlargement, so its image has whole-number coordinates).
        shifts = [
            (anchor[0] + step * i, anchor[1] + step * j)
            for i in range(-8, 9)
            for j in range(-8, 9)
            if abs(anchor[0] + step * i) <= 5 and abs(anchor[1] + step * j) <= 5
        ]
        shifts = [s for s in shifts if fits(s)]
        if not shifts:
            raise Reject("no position keeps every image on the grid")
        tri = [translate(p, rng.choice(shifts)) for p in shape]
        images = [[self._apply(op, p) for p in tri] for op in ops]

        names = ("A", "B", "C")
        sym: list[Point] = []
        for name, p in zip(names, tri, strict=True):
            x = q.given(f"{name.lower()}x", p[0])
            y = q.given(f"{name.lower()}y", p[1])
            assert (x, y) == p
            sym.append((sympy.Symbol(f"{name.lower()}x"), sympy.Symbol(f"{name.lower()}y")))
        q.title = "Transformations of a triangle"
        q.stem = (
            f"Triangle $T$ has vertices $A{coords(tri[0])}$, $B{coords(tri[1])}$ and "
            f"$C{coords(tri[2])}$, as shown on the grid."
        )
        q.diagram_svg = shapes_grid(
            [("T", tri)], vertex_names=names, extent=[p for image in images for p in image]
        ).svg()
        for i, op in enumerate(ops):
            label = "abc"[i]
            q.param(f"op{label}", op.kind)
            self._part(q, label, op, tri, sym)

    @staticmethod
    def _apply(op: _Op, p: Point, sym: dict[str, Any] | None = None) -> Point:
        s = sym or {}
        if op.kind == "translate":
            return translate(p, (s.get("p", op.vector[0]), s.get("q", op.vector[1])))
        if op.kind == "reflect":
            return reflect(p, op.line, s.get("k", op.k))
        if op.kind == "rotate":
            return rotate(p, (s.get("u", op.centre[0]), s.get("v", op.centre[1])), op.angle)
        return enlarge(
            p, (s.get("u", op.centre[0]), s.get("v", op.centre[1])), s.get("s", op.factor)
        )

    def _part(
        self, q: QuestionBuilder, label: str, op: _Op, tri: list[Point], sym: list[Point]
    ) -> None:
        # Declare this part's numbers as givens, named per part, and say the transformation.
        names: dict[str, Any] = {}

        def given(short: str, value: Any, display: str | None = None) -> None:
            name = f"{short}{label}"
            q.given(name, value, display=display)
            names[short] = sympy.Symbol(name)

        if op.kind == "translate":
            given("p", op.vector[0])
            given("q", op.vector[1])
            action = f"translated by the vector ${column(op.vector)}$"
            rule = f"{shift_words(op.vector[0], 'x')} and {shift_words(op.vector[1], 'y')}"
        elif op.kind == "reflect":
            if op.line in ("x", "y") and op.k == 0:
                action = f"reflected in the ${'y' if op.line == 'x' else 'x'}$-axis"
            else:
                if op.line in ("x", "y"):
                    given("k", op.k)
                action = f"reflected in the line ${line_latex(op.line, op.k)}$"
            rule = {
                "x": f"the $y$-coordinate stays the same and $x \\mapsto {minus(2 * op.k, 'x')}$",
                "y": f"the $x$-coordinate stays the same and $y \\mapsto {minus(2 * op.k, 'y')}$",
                "y=x": "$(x, y) \\mapsto (y, x)$",
                "y=-x": "$(x, y) \\mapsto (-y, -x)$",
            }[op.line]
        elif op.kind == "rotate":
            if op.centre != (0, 0):
                given("u", op.centre[0])
                given("v", op.centre[1])
                about = f"about the point ${coords(op.centre)}$"
            else:
                about = "about the origin"
            action = f"rotated {rotation_words(op.angle)} {about}"
            turn = {180: ("-x", "-y"), 90: ("-y", "x"), -90: ("y", "-x")}[op.angle]
            rule = (
                "the vector from the centre to each vertex, "
                "$\\begin{pmatrix} x \\\\ y \\end{pmatrix}$, becomes "
                f"$\\begin{{pmatrix}} {turn[0]} \\\\ {turn[1]} \\end{{pmatrix}}$"
                if op.centre != (0, 0)
                else f"$(x, y) \\mapsto ({turn[0]}, {turn[1]})$"
            )
        else:
            given("u", op.centre[0])
            given("v", op.centre[1])
            given("s", op.factor, display=factor_latex(op.factor))
            action = (
                f"enlarged with scale factor ${factor_latex(op.factor)}$ and centre "
                f"${coords(op.centre)}$"
            )
            rule = (
                f"multiply the vector from the centre ${coords(op.centre)}$ to each vertex "
                f"by ${factor_latex(op.factor)}$"
            )

        if op.whole:
            image_name = {"a": "P", "b": "Q", "c": "R"}[label]
            text = (
                f"Triangle $T$ is {action} to give triangle ${image_name}$. "
                f"Work out the coordinates of the vertices of triangle ${image_name}$."
            )
            part = q.part(label, text, marks=2, command="Work out")
            part.step(f"For this transformation, {rule}.")
            images = []
            for name, p, s in zip("ABC", tri, sym, strict=True):
                image = self._apply(op, p)
                expr = self._apply(op, s, names)
                images.append(expr)
                part.step(f"${name}{coords(p)} \\to {name}'{coords(image)}$", expr)
                part.answer(
                    expr,
                    kind=AnswerKind.COORDINATES,
                    label=f"{name}'",
                    plain=plain_coords(image),
                    latex=coords(image),
                )
            whole = tuple(images)
            pts = ", ".join(f"${coords(self._apply(op, p))}$" for p in tri)
            part.step(f"Triangle ${image_name}$: {pts}", whole)
            partial = {
                "translate": "B1 for a translation by the correct vector in one direction only, "
                "or for two vertices correct",
                "reflect": "B1 for two vertices correct, or for a reflection in the wrong line "
                "of the same type",
                "rotate": "B1 for the correct rotation about a different centre, or for two "
                "vertices correct",
                "enlarge": "B1 for the correct size and orientation in the wrong position, or "
                "for two vertices correct",
            }[op.kind]
            part.mark("B", f"{pts} (all three vertices)", 2, value=whole, partial=[partial])
            return

        text = f"Point $A$ is {action}. Write down the coordinates of the image of point $A$."
        part = q.part(label, text, marks=1, command="Write down")
        image = self._apply(op, tri[0])
        expr = self._apply(op, sym[0], names)
        part.step(f"For this transformation, {rule}.")
        part.step(f"$A{coords(tri[0])} \\to {coords(image)}$", expr)
        part.answer(
            expr,
            kind=AnswerKind.COORDINATES,
            label="A'",
            plain=plain_coords(image),
            latex=coords(image),
        )
        part.mark("B", f"${coords(image)}$", value=expr)
        self._wrong_point(part, op, tri[0])

    def _wrong_point(self, part: PartBuilder, op: _Op, a: Point) -> None:
        wrongs: list[tuple[Point, str]] = []
        if op.kind == "translate":
            wrongs.append(
                (
                    (a[0] - op.vector[0], a[1] - op.vector[1]),
                    "moved in the opposite direction to the vector (subtracted it)",
                )
            )
            wrongs.append(
                (
                    (a[0] + op.vector[1], a[1] + op.vector[0]),
                    "used the vector's top number for y and bottom number for x",
                )
            )
        elif op.kind == "reflect" and op.line in ("x", "y"):
            other = "y" if op.line == "x" else "x"
            wrongs.append(
                (
                    reflect(a, other, op.k),
                    f"reflected in the line {other} = {op.k} instead of {op.line} = {op.k}",
                )
            )
        elif op.kind == "reflect":
            other = "y=-x" if op.line == "y=x" else "y=x"
            wrongs.append((reflect(a, other), f"reflected in {other.replace('=', ' = ')} instead"))
        for point, error in wrongs:
            wrong(part, plain_coords(point), error, latex=coords(point))
