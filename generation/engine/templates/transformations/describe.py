"""Describing fully the single transformation that maps one triangle onto another (7.1)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import sympy

from generation.engine.authoring import wrong
from generation.engine.authoring.coordinates import column_vector as column
from generation.engine.authoring.figures import shapes_grid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.transformations._grid import (
    Point,
    coords,
    enlarge,
    factor_latex,
    inside,
    line_latex,
    line_machine,
    move_words,
    plain_coords,
    reflect,
    rotate,
    scalene_triangle,
    translate,
)
from questions.schemas import AnswerKind, CalculatorPolicy, Tier


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
        shape = scalene_triangle(rng, scale=denominator)
        anchor = enl.centre if (enl is not None and denominator > 1) else (0, 0)

        def fits(base: Point) -> bool:
            tri = [translate(p, base) for p in shape]
            images = [[m.apply(p) for p in tri] for m in maps]
            if not inside(tri, *images) or any(set(img) == set(tri) for img in images):
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
        q.diagram_svg = shapes_grid(shapes).svg()
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
                f"{move_words(m.vector)}.",
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
                f"Each side of ${name}$ is ${factor_latex(abs(k))}$ times as long as the "
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
            words = f"Enlargement, scale factor ${factor_latex(k)}$, centre ${coords(m.centre)}$"
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"Enlargement, scale factor {k}, centre {plain_coords(m.centre)}",
                latex=f"\\text{{Enlargement, scale factor }} {factor_latex(k)} \\text{{, centre }} {coords(m.centre)}",
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
            part.mark("B", f"scale factor ${factor_latex(k)}$", 1, value=k)
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
            wrong(
                part,
                plain_coords(m.vector),
                "gave the vector from A to " + name + " instead of back",
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
            shown = factor_latex(k) if k > 0 else f"({factor_latex(k)})"
            part.step(
                f"The reverse enlargement has scale factor $1 \\div {shown} = {factor_latex(1 / k)}$.",
                1 / k,
            )
            part.answer(1 / k, plain=sympy.sstr(1 / k), latex=factor_latex(1 / k))
            part.mark("B", f"${factor_latex(1 / k)}$", value=1 / k, qualifiers=["oe"])
            wrong(
                part,
                sympy.sstr(k),
                "gave the scale factor from A to " + name + " instead of its reciprocal",
                latex=factor_latex(k),
            )
            if k < 0:
                wrong(
                    part,
                    sympy.sstr(-1 / k),
                    "lost the negative sign of the scale factor",
                    latex=factor_latex(-1 / k),
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
            mistake = _Map(
                "reflect", line={"x": "y", "y": "x", "y=x": "y=-x", "y=-x": "y=x"}[m.line], k=m.k
            )
            error = "reflected in the wrong line"
        else:
            what = "rotation"
            mistake = _Map("rotate", angle=-m.angle if m.angle != 180 else 90, centre=m.centre)
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
        wrong_image = mistake.apply(p)
        wrong(part, plain_coords(wrong_image), error, latex=coords(wrong_image))
