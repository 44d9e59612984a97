"""Transformations of shapes on a grid (syllabus 7.1): images, and describing a transformation."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import sympy

from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.transformations._grid import (
    Point,
    column,
    coords,
    enlarge,
    grid_svg,
    line_latex,
    line_machine,
    plain_coords,
    reflect,
    rotate,
    translate,
)
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

LIMIT = 9  # keep every vertex on a grid from -9 to 9


def _scalene_triangle(rng: random.Random, scale: int = 1) -> list[Point]:
    """Offsets of a triangle with three different side lengths (so no symmetry can map it onto
    itself, and the transformation between two copies is unique)."""
    top = 3 if scale == 1 else 2
    while True:
        w, h = rng.randint(1, top), rng.randint(1, top)
        d = rng.randint(0, w)
        pts = [(0, 0), (w, 0), (d, h)]
        turns = rng.randint(0, 3)
        pts = [rotate(p, (0, 0), 90 * turns) for p in pts]
        if rng.random() < 0.5:
            pts = [(-x, y) for x, y in pts]
        sides = sorted(
            (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
            for a, b in ((pts[0], pts[1]), (pts[1], pts[2]), (pts[0], pts[2]))
        )
        if len(set(sides)) == 3:
            return [(scale * x, scale * y) for x, y in pts]


def _inside(*shapes: list[Point]) -> bool:
    return all(abs(c) <= LIMIT for pts in shapes for p in pts for c in p)


def _rotation_words(angle: int) -> str:
    if angle % 360 == 180:
        return "$180^{\\circ}$"
    return f"$90^{{\\circ}}$ {'anticlockwise' if angle > 0 else 'clockwise'}"


def _factor_latex(k: Any) -> str:
    k = sympy.Rational(k)
    if k.is_Integer:
        return str(k)
    sign = "-" if k < 0 else ""
    return f"{sign}\\frac{{{abs(k.p)}}}{{{k.q}}}"


def _shift_words(d: int, axis: str) -> str:
    return f"{'add' if d > 0 else 'subtract'} ${abs(d)}$ {'to' if d > 0 else 'from'} each ${axis}$-coordinate"


def _minus(c: int, var: str) -> str:
    return f"-{var}" if c == 0 else f"{c} - {var}"


def _move_words(v: Point) -> str:
    across = f"${abs(v[0])}$ {'right' if v[0] > 0 else 'left'}"
    up = f"${abs(v[1])}$ {'up' if v[1] > 0 else 'down'}"
    return f"{across} and {up}"


# ---------------------------------------------------------------------------------------------
# Images of a triangle


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
        shape = _scalene_triangle(rng, scale=2 if fractional else 1)
        enl = next((op for op in ops if op.kind == "enlarge"), None)
        step = 2 if fractional else 1
        anchor = enl.centre if (fractional and enl is not None) else (0, 0)

        def fits(shift: Point) -> bool:
            tri = [translate(p, shift) for p in shape]
            if not _inside(tri, *[[self._apply(op, p) for p in tri] for op in ops]):
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
        q.diagram_svg = grid_svg(
            [("T", tri)], vertex_names=names, extent=[p for image in images for p in image]
        )
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
            rule = f"{_shift_words(op.vector[0], 'x')} and {_shift_words(op.vector[1], 'y')}"
        elif op.kind == "reflect":
            if op.line in ("x", "y") and op.k == 0:
                action = f"reflected in the ${'y' if op.line == 'x' else 'x'}$-axis"
            else:
                if op.line in ("x", "y"):
                    given("k", op.k)
                action = f"reflected in the line ${line_latex(op.line, op.k)}$"
            rule = {
                "x": f"the $y$-coordinate stays the same and $x \\mapsto {_minus(2 * op.k, 'x')}$",
                "y": f"the $x$-coordinate stays the same and $y \\mapsto {_minus(2 * op.k, 'y')}$",
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
            action = f"rotated {_rotation_words(op.angle)} {about}"
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
            given("s", op.factor, display=_factor_latex(op.factor))
            action = (
                f"enlarged with scale factor ${_factor_latex(op.factor)}$ and centre "
                f"${coords(op.centre)}$"
            )
            rule = (
                f"multiply the vector from the centre ${coords(op.centre)}$ to each vertex "
                f"by ${_factor_latex(op.factor)}$"
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
            part.wrong(plain_coords(point), error, 0, latex=coords(point))


# ---------------------------------------------------------------------------------------------
# Describing a single transformation


@dataclass
class _Map:
    kind: str
    vector: Point = (0, 0)
    line: str = ""
    k: Any = 0
    centre: Point = (0, 0)
    angle: int = 0
    factor: Any = 1

    def apply(self, p: Point) -> Point:
        if self.kind == "translate":
            return translate(p, self.vector)
        if self.kind == "reflect":
            return reflect(p, self.line, self.k)
        if self.kind == "rotate":
            return rotate(p, self.centre, self.angle)
        return enlarge(p, self.centre, self.factor)


def _describe_maps(rng: random.Random, difficulty: int, tier: Tier) -> list[_Map]:
    def centre(origin_ok: bool = True) -> Point:
        while True:
            c = (rng.randint(-3, 3), rng.randint(-3, 3))
            if origin_ok or c != (0, 0):
                return c

    def simple() -> _Map:
        if rng.random() < 0.5:
            return _Map(
                "translate",
                vector=(rng.choice([-6, -5, -4, 4, 5, 6]), rng.choice([-5, -3, -2, 2, 3, 5])),
            )
        return _Map("reflect", line=rng.choice(["x", "y"]), k=rng.choice([-2, -1, 0, 1, 2, 3]))

    if difficulty == 1:
        return [simple()]
    if difficulty == 2:
        choice = rng.choice(["diag", "half", "axis"] if tier == Tier.EXTENDED else ["half", "axis"])
        if choice == "diag":
            return [_Map("reflect", line=rng.choice(["y=x", "y=-x"]))]
        if choice == "half":
            return [_Map("rotate", angle=180, centre=(0, 0))]
        return [_Map("reflect", line=rng.choice(["x", "y"]), k=rng.choice([-3, -2, 2, 3]))]
    if difficulty == 3:
        if rng.random() < 0.5:
            return [_Map("rotate", angle=rng.choice([90, -90]), centre=centre())]
        return [_Map("enlarge", factor=rng.choice([2, 3]), centre=centre())]
    if difficulty == 4:
        second = (
            _Map("rotate", angle=rng.choice([90, -90, 180]), centre=centre(False))
            if rng.random() < 0.5
            else _Map("enlarge", factor=rng.choice([2, 3]), centre=centre(False))
        )
        return [simple(), second]
    factors = (
        [sympy.Rational(1, 2), -2, sympy.Rational(-1, 2), sympy.Rational(1, 3)]
        if tier == Tier.EXTENDED
        else [sympy.Rational(1, 2), sympy.Rational(1, 3)]
    )
    return [
        _Map("rotate", angle=rng.choice([90, -90]), centre=centre(False)),
        _Map("enlarge", factor=rng.choice(factors), centre=centre(False)),
    ]


@register
class DescribeTransformation(Template):
    key = "transformations.describe_transformation"
    title = "Describe fully the single transformation"
    codes = {Tier.CORE: ("C7.1",), Tier.EXTENDED: ("E7.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        maps = _describe_maps(rng, difficulty, q.tier)
        enl = next((m for m in maps if m.kind == "enlarge"), None)
        denominator = int(sympy.Rational(enl.factor).q) if enl else 1
        shape = _scalene_triangle(rng, scale=denominator)
        anchor = enl.centre if (enl is not None and denominator > 1) else (0, 0)

        def fits(base: Point) -> bool:
            tri = [translate(p, base) for p in shape]
            images = [[m.apply(p) for p in tri] for m in maps]
            if not _inside(tri, *images) or any(set(img) == set(tri) for img in images):
                return False
            return not any(m.kind in ("enlarge", "rotate") and m.centre in tri for m in maps)

        bases = [
            (anchor[0] + denominator * i, anchor[1] + denominator * j)
            for i in range(-8, 9)
            for j in range(-8, 9)
            if abs(anchor[0] + denominator * i) <= 5 and abs(anchor[1] + denominator * j) <= 5
        ]
        bases = [b for b in bases if fits(b)]
        if not bases:
            raise Reject("no position keeps every image on the grid")
        tri = [translate(p, rng.choice(bases)) for p in shape]
        images = [[m.apply(p) for p in tri] for m in maps]

        names = ["B", "C"][: len(maps)]
        q.title = "Describing transformations"
        shapes = [("A", tri)] + [(n, img) for n, img in zip(names, images, strict=True)]
        for shape_name, pts in shapes:
            for i, p in enumerate(pts, start=1):
                q.given(f"{shape_name.lower()}{i}x", p[0])
                q.given(f"{shape_name.lower()}{i}y", p[1])
        listed = "; ".join(
            f"triangle ${n}$ has vertices ${coords(p[0])}$, ${coords(p[1])}$ and ${coords(p[2])}$"
            for n, p in shapes
        )
        q.stem = (
            f"The diagram shows triangles {', '.join(f'${n}$' for n, _ in shapes[:-1])} and "
            f"${shapes[-1][0]}$ on a coordinate grid: {listed}."
        )
        q.diagram_svg = grid_svg(shapes)
        for i, (m, name) in enumerate(zip(maps, names, strict=True)):
            q.param(f"map{i}", m.kind)
            self._describe(q, "ab"[i], m, name, tri)
        self._follow_up(q, "abc"[len(maps)], "ab"[len(maps) - 1], maps[-1], names[-1], tri, rng)

    def _describe(
        self, q: QuestionBuilder, label: str, m: _Map, name: str, tri: list[Point]
    ) -> None:
        marks = 2 if m.kind in ("translate", "reflect") else 3
        part = q.part(
            label,
            f"Describe fully the single transformation that maps triangle $A$ onto triangle ${name}$.",
            marks=marks,
            command="Describe",
        )
        a1, b1 = tri[0], m.apply(tri[0])
        if m.kind == "translate":
            vec = f"({name.lower()}1x - a1x, {name.lower()}1y - a1y)"
            part.step(
                f"Each vertex moves the same way: ${coords(a1)} \\to {coords(b1)}$ is "
                f"{_move_words(m.vector)}.",
                vec,
            )
            words = f"Translation by ${column(m.vector)}$"
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"Translation by the vector ({m.vector[0]}, {m.vector[1]})",
                latex=f"\\text{{Translation, }} {column(m.vector)}",
            )
            part.answer(
                vec,
                kind=AnswerKind.VECTOR,
                label="vector",
                plain=plain_coords(m.vector),
                latex=column(m.vector),
            )
            part.mark("B", "Translation", 1)
            part.mark("B", f"${column(m.vector)}$", 1, value=vec)
        elif m.kind == "reflect":
            mirror = line_latex(m.line, m.k)
            part.step(
                f"The triangles are mirror images; each vertex and its image are the same distance "
                f"from the line ${mirror}$, e.g. ${coords(a1)} \\to {coords(b1)}$.",
                line_machine(m.line, m.k),
            )
            words = f"Reflection in the line ${mirror}$"
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"Reflection in the line {mirror}",
                latex=f"\\text{{Reflection in }} {mirror}",
            )
            part.answer(
                line_machine(m.line, m.k),
                kind=AnswerKind.EQUATION,
                label="mirror line",
                plain=mirror,
                latex=mirror,
            )
            part.mark("B", "Reflection", 1)
            part.mark("B", f"${mirror}$", 1, value=line_machine(m.line, m.k))
        elif m.kind == "rotate":
            direction = (
                "" if m.angle == 180 else (" anticlockwise" if m.angle > 0 else " clockwise")
            )
            part.step(
                f"The triangle has turned through $90^{{\\circ}}${direction}."
                if m.angle != 180
                else "The triangle has turned through $180^{\\circ}$ (upside down)."
            )
            part.step(
                f"The centre ${coords(m.centre)}$ is the point that does not move: it is the same "
                f"distance from each vertex and its image, e.g. ${coords(a1)} \\to {coords(b1)}$.",
                m.centre,
            )
            angle = abs(m.angle)
            words = f"Rotation, ${angle}^{{\\circ}}${direction}, centre ${coords(m.centre)}$"
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"Rotation, {angle}°{direction}, centre {plain_coords(m.centre)}",
                latex=f"\\text{{Rotation, }} {angle}^{{\\circ}} \\text{{{direction}, centre }} {coords(m.centre)}",
            )
            part.answer(angle, label=f"angle{direction}", unit="°")
            part.answer(
                m.centre,
                kind=AnswerKind.COORDINATES,
                label="centre",
                plain=plain_coords(m.centre),
                latex=coords(m.centre),
            )
            part.mark("B", "Rotation", 1)
            part.mark(
                "B",
                f"${angle}^{{\\circ}}${direction}",
                1,
                value=angle,
                partial=["accept 270° in the opposite direction"] if angle == 90 else [],
            )
            part.mark("B", f"centre ${coords(m.centre)}$", 1, value=m.centre)
        else:
            k = sympy.Rational(m.factor)
            part.step(
                f"Each side of ${name}$ is ${_factor_latex(abs(k))}$ times as long as the "
                f"corresponding side of $A$"
                + (
                    f", and ${name}$ is upside down on the other side of the centre, so the "
                    "scale factor is negative"
                    if k < 0
                    else ""
                )
                + ".",
                k,
            )
            part.step(
                f"Lines through each vertex and its image meet at the centre ${coords(m.centre)}$, "
                f"e.g. ${coords(a1)} \\to {coords(b1)}$.",
                m.centre,
            )
            words = f"Enlargement, scale factor ${_factor_latex(k)}$, centre ${coords(m.centre)}$"
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"Enlargement, scale factor {k}, centre {plain_coords(m.centre)}",
                latex=f"\\text{{Enlargement, scale factor }} {_factor_latex(k)} \\text{{, centre }} {coords(m.centre)}",
            )
            part.answer(k, label="scale factor")
            part.answer(
                m.centre,
                kind=AnswerKind.COORDINATES,
                label="centre",
                plain=plain_coords(m.centre),
                latex=coords(m.centre),
            )
            part.mark("B", "Enlargement", 1)
            part.mark("B", f"scale factor ${_factor_latex(k)}$", 1, value=k)
            part.mark("B", f"centre ${coords(m.centre)}$", 1, value=m.centre)
        part.step(f"{words}.")

    def _follow_up(
        self,
        q: QuestionBuilder,
        label: str,
        described: str,
        m: _Map,
        name: str,
        tri: list[Point],
        rng: random.Random,
    ) -> None:
        if m.kind == "translate":
            back = (-m.vector[0], -m.vector[1])
            part = q.part(
                label,
                f"Write down the column vector of the translation that maps triangle ${name}$ "
                f"onto triangle $A$.",
                marks=1,
                command="Write down",
            )
            part.step(f"Going back reverses both components: ${column(back)}$.", back)
            part.answer(back, kind=AnswerKind.VECTOR, plain=plain_coords(back), latex=column(back))
            part.mark("B", f"${column(back)}$", value=back)
            part.wrong(
                plain_coords(m.vector),
                "gave the vector from A to " + name + " instead of back",
                0,
                latex=column(m.vector),
            )
            return
        if m.kind == "enlarge":
            k = sympy.Rational(m.factor)
            part = q.part(
                label,
                f"Write down the scale factor of the enlargement that maps triangle ${name}$ onto "
                f"triangle $A$.",
                marks=1,
                command="Write down",
            )
            shown = _factor_latex(k) if k > 0 else f"({_factor_latex(k)})"
            part.step(
                f"The reverse enlargement has scale factor $1 \\div {shown} = {_factor_latex(1 / k)}$.",
                1 / k,
            )
            part.answer(1 / k, plain=sympy.sstr(1 / k), latex=_factor_latex(1 / k))
            part.mark("B", f"${_factor_latex(1 / k)}$", value=1 / k, qualifiers=["oe"])
            part.wrong(
                sympy.sstr(k),
                "gave the scale factor from A to " + name + " instead of its reciprocal",
                0,
                latex=_factor_latex(k),
            )
            if k < 0:
                part.wrong(
                    sympy.sstr(-1 / k),
                    "lost the negative sign of the scale factor",
                    0,
                    latex=_factor_latex(-1 / k),
                )
            return
        # Reflection or rotation: the image of another point under the same map.
        while True:
            p = (rng.randint(-4, 5), rng.randint(-4, 5))
            if m.apply(p) != p and p not in tri:
                break
        q.given("px", p[0])
        q.given("py", p[1])
        image = m.apply(p)
        expr = m.apply((sympy.Symbol("px"), sympy.Symbol("py")))
        if m.kind == "reflect":
            what = "reflection"
            wrong = _Map(
                "reflect", line={"x": "y", "y": "x", "y=x": "y=-x", "y=-x": "y=x"}[m.line], k=m.k
            )
            error = "reflected in the wrong line"
        else:
            what = "rotation"
            wrong = _Map("rotate", angle=-m.angle if m.angle != 180 else 90, centre=m.centre)
            error = (
                "rotated in the wrong direction" if m.angle != 180 else "rotated through 90° only"
            )
        part = q.part(
            label,
            f"The point ${coords(p)}$ is mapped by the same {what} as in part ({described}). "
            "Write down the coordinates of its image.",
            marks=1,
            command="Write down",
        )
        part.step(f"${coords(p)} \\to {coords(image)}$", expr)
        part.answer(
            expr, kind=AnswerKind.COORDINATES, plain=plain_coords(image), latex=coords(image)
        )
        part.mark("B", f"${coords(image)}$", value=expr)
        wrong_image = wrong.apply(p)
        part.wrong(plain_coords(wrong_image), error, 0, latex=coords(wrong_image))
