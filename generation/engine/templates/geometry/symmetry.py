"""Symmetry (syllabus 4.5): lines of symmetry and order of rotational symmetry of 2D shapes;
for Extended, planes of symmetry and rotational symmetry of prisms and pyramids. Naming shapes
from their symmetry properties (4.1)."""

from __future__ import annotations

import random

from generation.engine.authoring import wrong
from generation.engine.authoring.angles import words_latex
from generation.engine.authoring.figures import Figure, polar
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.geometry.polygons import NAMES
from questions.schemas import CalculatorPolicy, Tier

Point = tuple[float, float]

# name: (lines of symmetry, order of rotational symmetry, outline)
SHAPES: dict[str, tuple[int, int, list[Point]]] = {
    "square": (4, 4, [(0, 0), (120, 0), (120, 120), (0, 120)]),
    "rectangle": (2, 2, [(0, 0), (180, 0), (180, 100), (0, 100)]),
    "rhombus": (2, 2, [(0, 0), (90, 60), (180, 0), (90, -60)]),
    "parallelogram": (0, 2, [(0, 0), (160, 0), (210, 90), (50, 90)]),
    "kite": (1, 1, [(0, 0), (70, 50), (0, 160), (-70, 50)]),
    "isosceles trapezium": (1, 1, [(0, 0), (200, 0), (150, 100), (50, 100)]),
    "equilateral triangle": (3, 3, [(0, 0), (150, 0), (75, 130)]),
}

# Properties that pick out exactly one quadrilateral, for naming questions.
DESCRIPTIONS = {
    "parallelogram": "no lines of symmetry and rotational symmetry of order 2",
    "kite": "exactly one line of symmetry, and its diagonals cross at right angles",
    "isosceles trapezium": "exactly one line of symmetry and exactly one pair of parallel sides",
    "rhombus": "two lines of symmetry and four equal sides, but no right angles",
    "rectangle": "two lines of symmetry and four right angles, but its sides are not all equal",
    "square": "four lines of symmetry",
}

# Extended solids: name, planes of symmetry, order of rotational symmetry about the main axis.
SOLIDS = {
    "cuboid": (3, 2),
    "square_cuboid": (5, 4),
    "triangular_prism": (4, 3),
    "hexagonal_prism": (7, 6),
    "pentagonal_prism": (6, 5),
    "square_pyramid": (4, 4),
    "cube_pyramid": (4, 4),
}


def _shape_figure(name: str) -> str:
    fig = Figure(f"A {name}", size=200)
    fig.polygon(SHAPES[name][2])
    outline = SHAPES[name][2]
    if name == "kite":
        fig.ticks(outline[0], outline[1]).ticks(outline[0], outline[3])
        fig.ticks(outline[1], outline[2], 2).ticks(outline[3], outline[2], 2)
    if name == "rhombus" or name == "square":
        for i in range(4):
            fig.ticks(outline[i], outline[(i + 1) % 4])
    if name == "isosceles trapezium":
        fig.ticks(outline[1], outline[2]).ticks(outline[3], outline[0])
        fig.arrows(outline[0], outline[1]).arrows(outline[3], outline[2])
    if name == "parallelogram":
        fig.arrows(outline[0], outline[1]).arrows(outline[3], outline[2])
        fig.arrows(outline[0], outline[3], 2).arrows(outline[1], outline[2], 2)
    if name == "rectangle":
        for corner, (a, b) in zip(
            outline, ((0, 90), (90, 180), (180, 270), (270, 360)), strict=True
        ):
            fig.right_angle(corner, a, b)
    if name == "square":
        for corner, (a, b) in zip(
            outline, ((0, 90), (90, 180), (180, 270), (270, 360)), strict=True
        ):
            fig.right_angle(corner, a, b)
    return fig.note("").svg()


def _regular_figure(n: int) -> str:
    fig = Figure(f"A regular polygon with {n} sides", size=200).note("")
    fig.polygon([polar((0, 0), 90, 90 + 360 * k / n) for k in range(n)])
    return fig.svg()


def _prism_figure(cross_section: list[Point], depth: float, title: str) -> str:
    """An oblique drawing of a prism: the front face, the back face shifted up and to the right,
    hidden edges dashed."""
    shift = (depth * 0.6, depth * 0.45)
    back = [(x + shift[0], y + shift[1]) for x, y in cross_section]
    n = len(cross_section)
    fig = Figure(title, size=240)
    visible = []
    for i in range(n):
        a, b = cross_section[i], cross_section[(i + 1) % n]
        # The side face through edge ab faces the viewer if its outward normal points up/right.
        cx = sum(p[0] for p in cross_section) / n
        cy = sum(p[1] for p in cross_section) / n
        normal = (b[1] - a[1], -(b[0] - a[0]))
        mid = ((a[0] + b[0]) / 2 - cx, (a[1] + b[1]) / 2 - cy)
        if normal[0] * mid[0] + normal[1] * mid[1] < 0:
            normal = (-normal[0], -normal[1])
        visible.append(normal[0] * shift[0] + normal[1] * shift[1] > 1e-9)
    fig.polygon(cross_section)
    for i in range(n):
        j = (i + 1) % n
        fig.line(back[i], back[j], dashed=not visible[i])
        seen = visible[i] or visible[i - 1]
        fig.line(cross_section[i], back[i], dashed=not seen)
    return fig.svg()


def _pyramid_figure(on_cube: bool) -> str:
    w, o = 140.0, (55.0, 40.0)
    base = [(0.0, 0.0), (w, 0.0), (w + o[0], o[1]), (o[0], o[1])]
    lift = w if on_cube else 0.0
    top = [(x, y + lift) for x, y in base]
    apex = (w / 2 + o[0] / 2, o[1] / 2 + lift + 150)
    fig = Figure("A solid with a square-based pyramid", size=220)
    if on_cube:
        fig.line(base[0], base[1]).line(base[1], base[2], dashed=False)
        fig.line(base[2], base[3], dashed=True).line(base[3], base[0], dashed=True)
        for i in range(4):
            fig.line(base[i], top[i], dashed=i == 3)
    fig.line(top[0], top[1]).line(top[1], top[2])
    fig.line(top[2], top[3], dashed=not on_cube).line(top[3], top[0], dashed=not on_cube)
    for i in range(4):
        fig.line(top[i], apex, dashed=i == 3)
    return fig.svg()


@register
class Symmetry(Template):
    key = "geometry.symmetry"
    title = "Line and rotational symmetry (planes of symmetry for solids)"
    codes = {Tier.CORE: ("C4.5", "C4.1"), Tier.EXTENDED: ("E4.5", "E4.1")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Symmetry"
        if difficulty <= 2:
            self._plane_shape(q, rng, difficulty)
        elif q.tier == Tier.EXTENDED:
            self._solid(q, rng, difficulty)
        else:
            self._naming(q, rng, difficulty)

    def _count_part(
        self,
        q: QuestionBuilder,
        label: str,
        text: str,
        value: int,
        reason: str,
        wrongs: list[tuple[int, str]],
    ) -> None:
        part = q.part(label, text, marks=1, command="Write down")
        part.step(reason, value)
        part.answer(value)
        part.mark("B", f"${value}$", value=value)
        for shown, error in wrongs:
            if shown != value:
                wrong(part, str(shown), error)

    def _plane_shape(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            n = rng.choice([5, 6, 8, 9, 10])
            q.diagram_svg = _regular_figure(n)
            q.param("shape", f"regular {n}-gon")
            q.stem = f"The diagram shows a regular {NAMES[n]}."
            lines = order = n
            shape = f"regular {NAMES[n]}"
            line_reason = f"A regular polygon with {n} sides has {n} lines of symmetry."
            order_reason = f"It looks the same in {n} positions as it turns through $360^\\circ$."
            line_wrongs = [(n // 2, "counted only the lines through opposite vertices or sides")]
            order_wrongs = [(n - 1, "did not count the starting position")]
        else:
            shape = rng.choice(list(SHAPES))
            lines, order, _ = SHAPES[shape]
            q.diagram_svg = _shape_figure(shape)
            q.param("shape", shape)
            article = "an" if shape[0] in "aeiou" else "a"
            q.stem = f"The diagram shows {article} {shape}."
            line_reason = f"A {shape} has {lines} line{'s' if lines != 1 else ''} of symmetry."
            order_reason = (
                f"It fits onto itself {order} time{'s' if order != 1 else ''} in one full turn."
            )
            line_wrongs = []
            if shape in ("rectangle", "parallelogram"):
                line_wrongs.append((lines + 2, "counted the diagonals as lines of symmetry"))
            elif order != lines:
                line_wrongs.append((order, "confused line symmetry with rotational symmetry"))
            order_wrongs = []
            if order == 1:
                order_wrongs.append(
                    (0, "gave 0, but every shape has rotational symmetry of order 1 or more")
                )
            elif lines != order:
                order_wrongs.append((lines, "confused rotational symmetry with line symmetry"))
        self._count_part(
            q, "a", "Write down the number of lines of symmetry.", lines, line_reason, line_wrongs
        )
        self._count_part(
            q,
            "b",
            "Write down the order of rotational symmetry.",
            order,
            order_reason,
            order_wrongs,
        )

    def _naming(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        """Core 3-5: counts for a named shape, then naming shapes from their symmetry."""
        n = rng.choice([5, 6, 8, 9, 10])
        q.param("n", n)  # the question names the polygon; its sides are not stated
        part = q.part(
            "a",
            f"Write down the number of lines of symmetry of a regular {NAMES[n]}.",
            marks=1,
            command="Write down",
        )
        part.step(f"A regular {NAMES[n]} has ${n}$ sides, so ${n}$ lines of symmetry.", n)
        part.answer(n)
        part.mark("B", f"${n}$", value=n)
        wrong(part, str(n // 2), "counted only the lines through the vertices")
        names = rng.sample(list(DESCRIPTIONS), 2 if difficulty >= 4 else 1)
        for label, name in zip("bc", names, strict=False):
            part = q.part(
                label,
                f"A quadrilateral has {DESCRIPTIONS[name]}. Write down the mathematical name of "
                "this quadrilateral.",
                marks=1,
                command="Write down",
            )
            article = "an" if name[0] in "aeiou" else "a"
            part.step(f"Only {article} {name} has {DESCRIPTIONS[name]}.")
            part.answer(None, kind="text", plain=name, latex=words_latex(name))
            part.mark("B", name)
        if difficulty == 5:
            part = q.part(
                "d",
                "A regular polygon has rotational symmetry of order $12$. Write down the number of "
                "lines of symmetry it has.",
                marks=1,
                command="Write down",
            )
            q.given("r", 12)
            part.step(
                "A regular polygon with rotational symmetry of order 12 has 12 sides, so 12 "
                "lines of symmetry.",
                "r",
            )
            part.answer("r")
            part.mark("B", "$12$", value="r")
            wrong(part, "6", "counted only lines through opposite vertices")

    def _solid(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 3:
            kind = rng.choice(["cuboid", "square_cuboid"])
            a, b, c = sorted(rng.sample([3, 4, 5, 6, 8, 10], 3))  # the length c is the longest
            if kind == "square_cuboid":
                b = a
            q.given("l", c, unit="cm")
            q.given("w", a, unit="cm")
            if kind == "cuboid":
                q.given("h", b, unit="cm")
            section = [(0.0, 0.0), (a * 25.0, 0.0), (a * 25.0, b * 25.0), (0.0, b * 25.0)]
            q.diagram_svg = _prism_figure(section, c * 25.0, "A cuboid")
            q.stem = (
                f"The diagram shows a cuboid of length ${c}$ cm. Its ends are rectangles measuring "
                f"${a}$ cm by ${b}$ cm."
                if kind == "cuboid"
                else f"The diagram shows a cuboid of length ${c}$ cm. Its ends are squares of side "
                f"${a}$ cm."
            )
            description = "cuboid"
        elif difficulty == 4:
            n = rng.choice([3, 5, 6])
            kind = {3: "triangular_prism", 5: "pentagonal_prism", 6: "hexagonal_prism"}[n]
            name = {3: "an equilateral triangle", 5: "a regular pentagon", 6: "a regular hexagon"}[
                n
            ]
            section = [polar((0, 0), 70, 90 + 360 * k / n) for k in range(n)]
            q.diagram_svg = _prism_figure(section, 170.0, "A prism")
            q.stem = f"The diagram shows a prism. Its cross-section is {name}."
            description = "prism"
        else:
            kind = rng.choice(["square_pyramid", "cube_pyramid"])
            q.diagram_svg = _pyramid_figure(kind == "cube_pyramid")
            q.stem = (
                "The diagram shows a pyramid with a square base. Its vertex is directly above the "
                "centre of the base."
                if kind == "square_pyramid"
                else "The diagram shows a solid made from a cube with a square-based pyramid on top. "
                "The base of the pyramid is the top face of the cube and its vertex is directly "
                "above the centre of that face."
            )
            description = "solid"
        planes, order = SOLIDS[kind]
        q.param("solid", kind)
        wrongs = {
            "cuboid": [
                (6, "counted diagonal planes, which are not planes of symmetry of a cuboid"),
                (9, "used the number of planes of symmetry of a cube"),
            ],
            "square_cuboid": [
                (3, "missed the two diagonal planes through the square ends"),
                (9, "used the number of planes of symmetry of a cube"),
            ],
            "triangular_prism": [(3, "missed the plane parallel to the triangular ends")],
            "pentagonal_prism": [(5, "missed the plane parallel to the pentagonal ends")],
            "hexagonal_prism": [(6, "missed the plane parallel to the hexagonal ends")],
            "square_pyramid": [
                (2, "counted only the planes through the midpoints of the sides"),
                (5, "counted a horizontal plane, which is not a plane of symmetry"),
            ],
            "cube_pyramid": [
                (9, "used the number of planes of symmetry of a cube"),
                (5, "counted a horizontal plane, which is not a plane of symmetry"),
            ],
        }[kind]
        self._count_part(
            q,
            "a",
            f"Write down the number of planes of symmetry of this {description}.",
            planes,
            f"There are {planes} planes of symmetry.",
            wrongs,
        )
        if difficulty == 3:
            axis = "the axis through the centres of its two ends"
            if kind == "cuboid":
                order = 2
            self._count_part(
                q,
                "b",
                f"Write down the order of rotational symmetry of the cuboid about {axis}.",
                order,
                f"It looks the same {order} times in one full turn about this axis.",
                [(planes, "gave the number of planes of symmetry")],
            )
        if difficulty >= 4:
            axis = (
                "the axis through the centres of its two ends"
                if difficulty == 4
                else "the vertical axis through its vertex"
            )
            self._count_part(
                q,
                "b",
                f"Write down the order of rotational symmetry of the {description} about {axis}.",
                order,
                f"It looks the same {order} times in one full turn about this axis.",
                [(planes, "gave the number of planes of symmetry")],
            )
