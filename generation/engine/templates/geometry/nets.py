"""Nets of simple solids (4.2: draw, use and interpret nets): name the solid a drawn net folds
into, count its vertices and edges, and use the net for the solid's surface area (and volume),
or work back from the surface area to a missing length."""

from __future__ import annotations

import random
from dataclasses import dataclass

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    text,
)
from generation.engine.authoring.figures import Figure
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

Point = tuple[float, float]


@dataclass(frozen=True)
class _Solid:
    name: str
    faces: int
    edges: int
    vertices: int


CUBE = _Solid("cube", 6, 12, 8)
CUBOID = _Solid("cuboid", 6, 12, 8)
PYRAMID = _Solid("square-based pyramid", 5, 8, 5)
PRISM = _Solid("triangular prism", 5, 9, 6)


def _rect(fig: Figure, x: float, y: float, w: float, h: float) -> None:
    fig.polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])


def _box_net(ln: float, w: float, h: float, labels: tuple[str, str, str]) -> str:
    """A cuboid's net: a strip of four side faces (ln, w, ln, w across, h high) with the top and
    the bottom (ln by w) on the first face."""
    fig = Figure("Net of a solid", size=300)
    x = 0.0
    for width in (ln, w, ln, w):
        _rect(fig, x, 0, width, h)
        x += width
    _rect(fig, 0, h, ln, w)
    _rect(fig, 0, -w, ln, w)
    middle = (ln / 2, h / 2)
    fig.side((0, h + w), (ln, h + w), labels[0], away_from=middle)
    fig.side((ln, h + w), (ln, h), labels[1], away_from=(ln / 2, h + w / 2))
    fig.side((2 * ln + 2 * w, 0), (2 * ln + 2 * w, h), labels[2], away_from=(ln + w, h / 2))
    return fig.svg()


def _pyramid_net(s: float, slant: float, labels: tuple[str, str]) -> str:
    """A square with an isosceles triangle on each side."""
    fig = Figure("Net of a solid", size=280)
    fig.polygon([(0, 0), (s, 0), (s, s), (0, s)])
    fig.polygon([(0, 0), (s, 0), (s / 2, -slant)])
    fig.polygon([(s, 0), (s, s), (s + slant, s / 2)])
    fig.polygon([(s, s), (0, s), (s / 2, s + slant)])
    fig.polygon([(0, s), (0, 0), (-slant, s / 2)])
    fig.side((0, 0), (s, 0), labels[0], away_from=(s / 2, -slant))
    fig.line((s / 2, s), (s / 2, s + slant), dashed=True)
    fig.label((s / 2, s + slant / 2), labels[1], 0, gap=20)
    return fig.svg()


def _prism_net(a: float, b: float, c: float, length: float, labels: tuple[str, ...]) -> str:
    """A right-angled triangular prism: three rectangles (a, b, c wide, ``length`` high) and
    the two triangles (legs a and b) on the first rectangle."""
    fig = Figure("Net of a solid", size=300)
    x = 0.0
    for width in (a, b, c):
        _rect(fig, x, 0, width, length)
        x += width
    # Triangles with legs a (along the rectangle's edge) and b (at right angles).
    fig.polygon([(0, length), (a, length), (0, length + b)])
    fig.polygon([(0, 0), (a, 0), (0, -b)])
    fig.right_angle((0, length), 0, 90)
    fig.label((a / 2, length), labels[0], 270, gap=14)  # inside the first rectangle
    fig.side((0, length), (0, length + b), labels[1], away_from=(a / 2, length + b / 3))
    fig.side((a + b, 0), (a + b + c, 0), labels[2], away_from=(a + b + c / 2, length))
    fig.side((a + b + c, 0), (a + b + c, length), labels[3], away_from=(a + b, length / 2))
    return fig.svg()


@register
class Nets(Template):
    key = "geometry.nets"
    title = "Nets of solids: name the solid, count edges and vertices, surface area from the net"
    codes = {Tier.CORE: ("C4.2",), Tier.EXTENDED: ("E4.2",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Nets of solids"
        q.stem = "The diagram shows the net of a solid."
        if difficulty == 1:
            solid = CUBE
            s = rng.randint(3, 12)
            q.given("s", s)
            q.diagram_svg = _box_net(s, s, s, (f"{s} cm", f"{s} cm", f"{s} cm"))
            q.stem += f" Each face is a square of side ${s}$ cm."
            self._name(q, solid, "The net has six squares: it folds into a cube.")
            self._count(q, rng, solid)
            area = Working(q, "6*s**2", latex=f"6 \\times {s}^2")
            self._surface(
                q,
                area,
                "six squares",
                [
                    Misconception(
                        "counted only the three faces that can be seen at once", "3*s**2"
                    ),
                    Misconception("used the volume, side cubed", "s**3"),
                ],
            )
        elif difficulty in (2, 5):
            solid = CUBOID
            ln, w, h = sorted(rng.sample(range(3, 16), 3), reverse=True)
            q.given("L", ln)
            q.given("w", w)
            if difficulty == 2:
                q.given("h", h)
                q.diagram_svg = _box_net(ln, w, h, (f"{ln} cm", f"{w} cm", f"{h} cm"))
                q.stem += f" The measurements on the net are ${ln}$ cm, ${w}$ cm and ${h}$ cm."
                self._name(q, solid, "Six rectangles, in three matching pairs: a cuboid.")
                self._count(q, rng, solid)
                area = Working(
                    q,
                    "2*(L*w + L*h + w*h)",
                    latex=f"2({ln} \\times {w} + {ln} \\times {h} + {w} \\times {h})",
                )
                self._surface(
                    q,
                    area,
                    "three pairs of rectangles",
                    [
                        Misconception("counted each pair of faces only once", "L*w + L*h + w*h"),
                        Misconception("found the volume instead", "L*w*h"),
                    ],
                )
                self._volume(q, Working(q, "L*w*h", latex=f"{ln} \\times {w} \\times {h}"))
            else:
                total = 2 * (ln * w + ln * h + w * h)
                q.given("A", total)
                q.diagram_svg = _box_net(ln, w, h, (f"{ln} cm", f"{w} cm", "h cm"))
                q.stem += (
                    f" The measurements on the net are ${ln}$ cm, ${w}$ cm and $h$ cm. The total "
                    f"surface area of the solid is ${total}$ cm$^2$."
                )
                self._name(q, solid, "Six rectangles, in three matching pairs: a cuboid.")
                self._height(q, ln, w, h)
        elif difficulty == 3:
            solid = PYRAMID
            s = rng.randint(4, 14)
            slant = rng.randint(s // 2 + 2, s + 6)
            q.given("s", s)
            q.given("t", slant)
            q.diagram_svg = _pyramid_net(s, slant, (f"{s} cm", f"{slant} cm"))
            q.stem += (
                f" The square has side ${s}$ cm. Each triangle is isosceles with perpendicular "
                f"height ${slant}$ cm."
            )
            self._name(
                q,
                solid,
                "A square base with four triangles that meet at a point: a square-based pyramid.",
            )
            self._count(q, rng, solid)
            area = Working(
                q,
                "s**2 + 4*s*t/2",
                latex=f"{s}^2 + 4 \\times \\frac{{1}}{{2}} \\times {s} \\times {slant}",
            )
            self._surface(
                q,
                area,
                "a square and four triangles",
                [
                    Misconception("forgot the half in the area of each triangle", "s**2 + 4*s*t"),
                    Misconception("left out the square base", "4*s*t/2"),
                ],
            )
        else:
            solid = PRISM
            k = rng.randint(1, 3)
            a, b, c = 3 * k, 4 * k, 5 * k
            if rng.random() < 0.5:
                a, b, c = 6 * k // 1, 8 * k, 10 * k
            length = rng.randint(c + 2, c + 12)
            for name, v in (("a", a), ("b", b), ("c", c), ("L", length)):
                q.given(name, v)
            q.diagram_svg = _prism_net(
                a, b, c, length, (f"{a} cm", f"{b} cm", f"{c} cm", f"{length} cm")
            )
            q.stem += (
                f" The triangles are right-angled. The measurements on the net are ${a}$ cm, "
                f"${b}$ cm, ${c}$ cm and ${length}$ cm."
            )
            self._name(q, solid, "Two triangles and three rectangles: a triangular prism.")
            self._count(q, rng, solid)
            area = Working(
                q,
                "2*a*b/2 + (a + b + c)*L",
                latex=f"2 \\times \\frac{{1}}{{2}} \\times {a} \\times {b} + ({a} + {b} + {c}) \\times {length}",
            )
            self._surface(
                q,
                area,
                "two triangles and three rectangles",
                [
                    Misconception("left out the two triangles", "(a + b + c)*L"),
                    Misconception("counted only one triangle", "a*b/2 + (a + b + c)*L"),
                ],
            )
            self._volume(
                q,
                Working(
                    q, "a*b/2*L", latex=f"\\frac{{1}}{{2}} \\times {a} \\times {b} \\times {length}"
                ),
                base="the area of the triangle times the length",
            )
        q.param("solid", solid.name)

    @staticmethod
    def _name(q: QuestionBuilder, solid: _Solid, why: str) -> None:
        part = q.part(
            "a",
            "Write down the mathematical name of the solid.",
            marks=1,
            command="Write down",
        )
        part.step(why)
        part.answer(None, kind=AnswerKind.TEXT, plain=solid.name, latex=text.words(solid.name))
        part.mark("B", solid.name.capitalize(), 1)

    @staticmethod
    def _count(q: QuestionBuilder, rng: random.Random, solid: _Solid) -> None:
        what = rng.choice(["vertices", "edges"])
        count = solid.vertices if what == "vertices" else solid.edges
        part = q.part(
            "b",
            f"Write down the number of {what} of the solid.",
            marks=1,
            command="Write down",
        )
        final(
            part,
            Working(q, str(count)),
            step=f"The {solid.name} has ${solid.faces}$ faces, ${solid.edges}$ edges and "
            f"${solid.vertices}$ vertices.",
        )
        misconception(part, Misconception("gave the number of faces", str(solid.faces)))
        other = solid.edges if what == "vertices" else solid.vertices
        misconception(
            part,
            Misconception(
                f"gave the number of {'edges' if what == 'vertices' else 'vertices'}", str(other)
            ),
        )

    @staticmethod
    def _surface(
        q: QuestionBuilder, area: Working, faces: str, wrongs: list[Misconception]
    ) -> None:
        part = q.part(
            "c",
            "Work out the total surface area of the solid.",
            marks=2,
            command="Work out",
        )
        method(part, area, step=f"The net is {faces}: ${area.substituted}$")
        final(
            part,
            area,
            unit="cm^2",
            step=f"$= {area.latex}$ cm$^2$",
            awarded_for=f"${area.latex}$ cm$^2$",
        )
        for w in wrongs:
            misconception(part, w)

    @staticmethod
    def _volume(
        q: QuestionBuilder, volume: Working, base: str = "length times width times height"
    ) -> None:
        part = q.part(
            "d",
            "The net is folded to make the solid. Work out the volume of the solid.",
            marks=2,
            command="Work out",
        )
        method(part, volume, step=f"Volume $=$ {base} $= {volume.substituted}$")
        final(
            part,
            volume,
            unit="cm^3",
            step=f"$= {volume.latex}$ cm$^3$",
            awarded_for=f"${volume.latex}$ cm$^3$",
        )

    @staticmethod
    def _height(q: QuestionBuilder, ln: int, w: int, h: int) -> None:
        """(b) The height from the total surface area: 2lw + 2(l + w)h = A."""
        part = q.part(
            "b",
            "Work out the value of $h$.",
            marks=3,
            command="Work out",
        )
        eq = "Eq(2*L*w + 2*(L + w)*h, A)"
        part.step(
            f"$2 \\times {ln} \\times {w} + 2({ln} + {w})h = A$: "
            f"${2 * ln * w} + {2 * (ln + w)}h = {2 * (ln * w + ln * h + w * h)}$",
            eq,
        )
        part.mark(
            "M",
            f"$2 \\times {ln} \\times {w} + 2 \\times {ln}h + 2 \\times {w}h = "
            f"{2 * (ln * w + ln * h + w * h)}$ oe",
            value=eq,
            qualifiers=["oe"],
        )
        sides = Working(q, "A - 2*L*w", latex=f"{2 * (ln * w + ln * h + w * h)} - {2 * ln * w}")
        method(
            part,
            sides,
            f"${2 * (ln + w)}h = {sides.latex}$",
            step=f"${2 * (ln + w)}h = {sides.substituted} = {sides.latex}$",
        )
        hw = Working(q, "(A - 2*L*w)/(2*(L + w))")
        final(
            part,
            hw,
            unit="cm",
            step=f"$h = {sides.latex} \\div {2 * (ln + w)} = {hw.latex}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "left out the top and the bottom faces",
                "A/(2*(L + w))",
            ),
        )
