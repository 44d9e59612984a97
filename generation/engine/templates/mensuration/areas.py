"""Area and perimeter of rectangles, triangles, parallelograms and trapezia (syllabus 5.2)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.text import number, squared
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

# Pythagorean triples (horizontal offset, height, sloping side) for integer sloping sides.
TRIPLES = [
    (3, 4, 5),
    (4, 3, 5),
    (6, 8, 10),
    (8, 6, 10),
    (5, 12, 13),
    (12, 5, 13),
    (9, 12, 15),
    (8, 15, 17),
]


def _label(value: object, unit: str) -> str:
    return f"{number(value)} {unit}"


@register
class AreaPerimeter(Template):
    key = "mensuration.area_perimeter"
    title = "Area and perimeter of rectangles, triangles, parallelograms and trapezia"
    codes = {Tier.CORE: ("C5.2",), Tier.EXTENDED: ("E5.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        unit = rng.choice(["cm", "cm", "m"])
        q.param("unit", unit)
        if difficulty == 1:
            self._rectangle(q, rng, unit)
        elif difficulty == 2:
            rng.choice([self._right_triangle, self._parallelogram])(q, rng, unit)
        elif difficulty == 3:
            self._trapezium(q, rng, unit)
        elif difficulty == 4:
            self._trapezium_height(q, rng, unit)
        else:
            self._equal_areas(q, rng, unit)

    # d1 ------------------------------------------------------------------------------------
    def _rectangle(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        length = rng.randint(6, 20)
        width = rng.randint(3, length - 2)
        ll = q.given("l", length, unit=unit)
        w = q.given("w", width, unit=unit)
        place = "a rectangular garden" if unit == "m" else "a rectangular card"
        q.title = "Area and perimeter of a rectangle"
        q.stem = f"The diagram shows {place}. It is ${number(ll)}$ {unit} long and ${number(w)}$ {unit} wide."
        fig = Figure("A rectangle", size=210).point("A", 0, 0).point("B", length, 0)
        fig.point("C", length, width).point("D", 0, width).polygon(["A", "B", "C", "D"])
        fig.side("A", "B", _label(ll, unit)).side("B", "C", _label(w, unit))
        fig.angle_at("A", "B", "D", right=True)
        q.diagram_svg = fig.svg()

        thing = place.split()[-1]
        a = q.part("a", f"Work out the area of the {thing}.", marks=1, command="Work out")
        area = Working(q, "l*w")
        final(a, area, unit=f"{unit}^2", step=area.equation("A") + f" {squared(unit)}")
        misconception(a, Misconception("worked out the perimeter instead of the area", "2*(l + w)"))

        b = q.part("b", f"Work out the perimeter of the {thing}.", marks=1, command="Work out")
        perimeter = Working(q, "2*(l + w)")
        final(b, perimeter, unit=unit, step=perimeter.equation("P") + f" {unit}")
        misconception(b, Misconception("added only two of the four sides", "l + w"))
        misconception(b, Misconception("worked out the area instead of the perimeter", "l*w"))

    # d2 ------------------------------------------------------------------------------------
    def _right_triangle(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        base0, height0, hyp0 = rng.choice(TRIPLES)
        k = rng.choice([1, 2, 3] if hyp0 <= 10 else [1])
        b = q.given("b", base0 * k, unit=unit)
        h = q.given("h", height0 * k, unit=unit)
        c = q.given("c", hyp0 * k, unit=unit)
        q.title = "Area and perimeter of a right-angled triangle"
        q.stem = (
            f"The diagram shows a right-angled triangle with sides ${number(b)}$ {unit}, "
            f"${number(h)}$ {unit} and ${number(c)}$ {unit}."
        )
        fig = Figure("A right-angled triangle", size=210).point("P", 0, 0).point("Q", base0, 0)
        fig.point("R", 0, height0).polygon(["P", "Q", "R"]).angle_at("P", "Q", "R", right=True)
        fig.side("P", "Q", _label(b, unit)).side("P", "R", _label(h, unit))
        fig.side("Q", "R", _label(c, unit))
        q.diagram_svg = fig.svg()

        a = q.part("a", "Work out the area of the triangle.", marks=2, command="Work out")
        area = Working(
            q, "b*h/2", latex=f"\\frac{{1}}{{2}} \\times {number(b)} \\times {number(h)}"
        )
        method(a, area, step="")
        final(a, area, unit=f"{unit}^2", step=area.equation("A") + f" {squared(unit)}")
        misconception(a, Misconception("forgot to halve: used base × height", "b*h"))
        misconception(
            a, Misconception("used the longest side (the hypotenuse) as the height", "b*c/2")
        )

        p = q.part("b", "Work out the perimeter of the triangle.", marks=1, command="Work out")
        perimeter = Working(q, "b + h + c")
        final(p, perimeter, unit=unit, step=perimeter.equation("P") + f" {unit}")
        misconception(p, Misconception("worked out the area instead of the perimeter", "b*h/2"))

    def _parallelogram(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        offset, height, slant = rng.choice(TRIPLES[:6])
        base = rng.randint(max(offset + 3, 6), 20)
        b = q.given("b", base, unit=unit)
        h = q.given("h", height, unit=unit)
        s = q.given("s", slant, unit=unit)
        q.title = "Area and perimeter of a parallelogram"
        q.stem = (
            f"The diagram shows a parallelogram. The base is ${number(b)}$ {unit}, the sloping "
            f"sides are ${number(s)}$ {unit} and the perpendicular height is ${number(h)}$ {unit}."
        )
        fig = Figure("A parallelogram", size=210).point("A", 0, 0).point("B", base, 0)
        fig.point("C", base + offset, height).point("D", offset, height).point("F", offset, 0)
        fig.polygon(["A", "B", "C", "D"]).segment("D", "F", dashed=True)
        fig.angle_at("F", "B", "D", right=True)
        fig.side("A", "B", _label(b, unit), away_from="D")
        fig.side("A", "D", _label(s, unit), away_from="B")
        fig.side("D", "F", _label(h, unit), away_from="A")
        q.diagram_svg = fig.svg()

        a = q.part("a", "Work out the area of the parallelogram.", marks=2, command="Work out")
        a.step(
            f"$A = \\text{{base}} \\times \\text{{perpendicular height}} = {number(b)} \\times {number(h)}$",
            "b*h",
        )
        area = Working(q, "b*h")
        method(a, area, step="")
        final(a, area, unit=f"{unit}^2", step=f"$A = {area.latex}$ {squared(unit)}")
        misconception(
            a, Misconception("used the sloping side instead of the perpendicular height", "b*s")
        )
        misconception(a, Misconception("halved, as for a triangle", "b*h/2"))

        p = q.part("b", "Work out the perimeter of the parallelogram.", marks=1, command="Work out")
        perimeter = Working(q, "2*(b + s)")
        final(p, perimeter, unit=unit, step=perimeter.equation("P") + f" {unit}")
        misconception(
            p,
            Misconception("used the perpendicular height instead of the sloping side", "2*(b + h)"),
        )

    # d3-d4 ---------------------------------------------------------------------------------
    def _trapezium_figure(
        self,
        q: QuestionBuilder,
        top: int,
        offset: int,
        height: int,
        labels: tuple[str, str, str, str],
    ) -> None:
        bottom = top + 2 * offset
        fig = Figure("An isosceles trapezium", size=210).point("A", 0, 0).point("B", bottom, 0)
        fig.point("C", bottom - offset, height).point("D", offset, height).point("F", offset, 0)
        fig.polygon(["A", "B", "C", "D"]).segment("D", "F", dashed=True)
        fig.angle_at("F", "B", "D", right=True)
        fig.side("D", "C", labels[0]).side("A", "B", labels[1])
        fig.side("D", "F", labels[2], away_from="A")
        if labels[3]:
            fig.side("B", "C", labels[3])
        q.diagram_svg = fig.svg()

    def _trapezium(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        offset, height, slant = rng.choice(TRIPLES)
        top = rng.randint(4, 16)
        a_ = q.given("a", top, unit=unit)
        b_ = q.given("b", top + 2 * offset, unit=unit)
        h = q.given("h", height, unit=unit)
        s = q.given("s", slant, unit=unit)
        q.title = "Area and perimeter of a trapezium"
        q.stem = (
            f"The diagram shows an isosceles trapezium. The parallel sides are ${number(a_)}$ "
            f"{unit} and ${number(b_)}$ {unit}. The perpendicular height is ${number(h)}$ {unit} and "
            f"each sloping side is ${number(s)}$ {unit}."
        )
        self._trapezium_figure(
            q,
            top,
            offset,
            height,
            (_label(a_, unit), _label(b_, unit), _label(h, unit), _label(s, unit)),
        )
        a = q.part("a", "Work out the area of the trapezium.", marks=2, command="Work out")
        half = f"\\frac{{1}}{{2}}({number(a_)} + {number(b_)}) \\times {number(h)}"
        area = Working(q, "(a + b)*h/2", latex=half)
        method(a, area, step="")
        final(a, area, unit=f"{unit}^2", step=area.equation("A") + f" {squared(unit)}")
        misconception(a, Misconception("forgot the ½ in the trapezium formula", "(a + b)*h"))
        misconception(
            a,
            Misconception(
                "used the sloping side instead of the perpendicular height", "(a + b)*s/2"
            ),
        )

        p = q.part("b", "Work out the perimeter of the trapezium.", marks=1, command="Work out")
        perimeter = Working(q, "a + b + 2*s")
        final(p, perimeter, unit=unit, step=perimeter.equation("P") + f" {unit}")
        misconception(p, Misconception("counted only one of the sloping sides", "a + b + s"))
        misconception(
            p,
            Misconception(
                "used the perpendicular height instead of the sloping sides", "a + b + 2*h"
            ),
        )

    def _trapezium_height(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        offset, height, slant = rng.choice(TRIPLES)
        top = rng.randint(4, 16)
        a_ = q.given("a", top, unit=unit)
        b_ = q.given("b", top + 2 * offset, unit=unit)
        area = q.given("A", (top + offset) * height, unit=f"{unit}^2")
        s = q.given("s", slant, unit=unit)
        q.title = "Trapezium: height from the area"
        q.stem = (
            f"The diagram shows an isosceles trapezium with parallel sides ${number(a_)}$ {unit} "
            f"and ${number(b_)}$ {unit}. The area of the trapezium is ${number(area)}$ {squared(unit)}."
        )
        self._trapezium_figure(
            q, top, offset, height, (_label(a_, unit), _label(b_, unit), f"h {unit}", "")
        )
        a = q.part("a", "Work out the perpendicular height, $h$.", marks=2, command="Work out")
        a.step(
            f"$\\frac{{1}}{{2}}({number(a_)} + {number(b_)}) \\times h = {number(area)}$, so "
            f"${number((a_ + b_) / 2)}h = {number(area)}$",
            "(a + b)/2",
        )
        found = Working(q, "2*A/(a + b)", latex=f"{number(area)} \\div {number((a_ + b_) / 2)}")
        method(
            a,
            found,
            f"$\\frac{{1}}{{2}}({number(a_)} + {number(b_)})h = {number(area)}$ or "
            f"${found.substituted}$",
            step="",
        )
        final(a, found, unit=unit, step=found.equation("h") + f" {unit}", label="h")
        misconception(
            a,
            Misconception(
                "forgot the ½: divided the area by the sum of the parallel sides", "A/(a + b)"
            ),
        )
        misconception(
            a, Misconception("multiplied by ½ instead of dividing by it", "A/(a + b)*2*2")
        )

        p = q.part(
            "b",
            f"Each sloping side is ${number(s)}$ {unit}.\nWork out the perimeter of the trapezium.",
            marks=1,
            command="Work out",
        )
        perimeter = Working(q, "a + b + 2*s")
        final(p, perimeter, unit=unit, step=perimeter.equation("P") + f" {unit}")
        misconception(p, Misconception("counted only one of the sloping sides", "a + b + s"))

    # d5 ------------------------------------------------------------------------------------
    def _equal_areas(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        shape = rng.choice(["triangle", "parallelogram", "trapezium"])
        q.param("shape", shape)
        # Build backwards from the unknown height so that it is a whole number (or .5).
        for _ in range(50):
            length, width = rng.randint(6, 18), rng.randint(3, 12)
            if width >= length:
                continue
            area = length * width
            if shape == "triangle":
                base = rng.randint(5, 24)
                height = Rational(2 * area, base)
            elif shape == "parallelogram":
                base = rng.randint(5, 24)
                height = Rational(area, base)
            else:
                base = rng.randint(4, 14)
                top = base + 2 * rng.randint(1, 5)
                height = Rational(2 * area, base + top)
            if (2 * height).is_integer and height != width and 2 <= height <= 30:
                break
        else:
            raise Reject("no whole-number height")
        ll = q.given("l", length, unit=unit)
        w = q.given("w", width, unit=unit)
        b = q.given("b", base, unit=unit)
        if shape == "trapezium":
            t = q.given("t", top, unit=unit)
            described = (
                f"a trapezium with parallel sides ${number(b)}$ {unit} and ${number(t)}$ {unit} and "
                f"perpendicular height $h$ {unit}"
            )
            formula, half = "2*l*w/(b + t)", f"\\frac{{1}}{{2}}({number(b)} + {number(t)})h"
            forgot = "l*w/(b + t)"
        elif shape == "triangle":
            described = (
                f"a triangle with base ${number(b)}$ {unit} and perpendicular height $h$ {unit}"
            )
            formula, half, forgot = (
                "2*l*w/b",
                f"\\frac{{1}}{{2}} \\times {number(b)} \\times h",
                "l*w/b",
            )
        else:
            described = f"a parallelogram with base ${number(b)}$ {unit} and perpendicular height $h$ {unit}"
            formula, half, forgot = "l*w/b", f"{number(b)} \\times h", "l*w/(2*b)"
        q.title = f"A rectangle and a {shape} with equal areas"
        q.stem = (
            f"A rectangle measures ${number(ll)}$ {unit} by ${number(w)}$ {unit}.\n"
            f"The rectangle has the same area as {described}."
        )
        a = q.part("a", "Work out $h$.", marks=3, command="Work out")
        a.step(
            f"Area of rectangle $= {number(ll)} \\times {number(w)} = {number(ll * w)}$ {squared(unit)}",
            "l*w",
        )
        a.step(f"${half} = {number(ll * w)}$", "l*w")
        rectangle, height = Working(q, "l*w"), Working(q, formula)
        method(a, rectangle, f"${rectangle.substituted}$ [$= {rectangle.latex}$]", step="")
        method(
            a, height, f"${half} = $ their ${rectangle.latex}$", step="", qualifiers=("dep", "oe")
        )
        final(a, height, unit=unit, step=f"$h = {height.latex}$", label="h")
        if shape == "parallelogram":
            misconception(
                a,
                Misconception("halved the area, as if the shape were a triangle", forgot, ("l*w",)),
            )
        else:
            misconception(
                a, Misconception(f"left out the ½ in the {shape} area formula", forgot, ("l*w",))
            )

        p = q.part("b", "Work out the perimeter of the rectangle.", marks=1, command="Work out")
        perimeter = Working(q, "2*(l + w)")
        final(p, perimeter, unit=unit, step=perimeter.equation("P") + f" {unit}")
        misconception(p, Misconception("worked out the area instead of the perimeter", "l*w"))
