"""A missing length from an area or a perimeter (syllabus 5.2): the width of a rectangle from
its area or its perimeter, the height of a triangle, the base of a parallelogram, a parallel
side of a trapezium, and the missing length of an L-shape from its area; then the shape's
perimeter or area with the length found."""

from __future__ import annotations

import random

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.text import number, squared
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.mensuration.areas import TRIPLES
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3 = Accuracy.SF3  # a wrong quotient that need not be whole, as a candidate writes it


def _label(value: object, unit: str) -> str:
    return f"{number(value)} {unit}"


@register
class AreaPerimeterReverse(Template):
    key = "mensuration.area_perimeter_reverse"
    title = "Finding a missing length from the area or perimeter of a shape"
    codes = {Tier.CORE: ("C5.2",), Tier.EXTENDED: ("E5.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        unit = rng.choice(["cm", "cm", "m"])
        q.param("unit", unit)
        kinds = {
            1: [self._rectangle_area],
            2: [self._rectangle_perimeter, self._triangle],
            3: [self._parallelogram, self._triangle],
            4: [self._trapezium],
            5: [self._l_shape],
        }[difficulty]
        rng.choice(kinds)(q, rng, unit)

    # --- rectangles -----------------------------------------------------------------------
    @staticmethod
    def _rectangle_figure(
        q: QuestionBuilder, length: int, width: int, labels: tuple[str, str]
    ) -> None:
        fig = Figure("A rectangle", size=210).point("A", 0, 0).point("B", length, 0)
        fig.point("C", length, width).point("D", 0, width).polygon(["A", "B", "C", "D"])
        fig.side("A", "B", labels[0]).side("B", "C", labels[1])
        fig.angle_at("A", "B", "D", right=True)
        q.diagram_svg = fig.svg()

    def _rectangle_area(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        length = rng.randint(6, 20)
        width = rng.choice([w for w in range(3, length) if w * 2 != length])
        ll = q.given("l", length, unit=unit)
        area = q.given("A", length * width, unit=f"{unit}^2")
        q.param("shape", "rectangle")
        q.title = "Width of a rectangle from its area"
        q.stem = (
            f"The diagram shows a rectangle of length ${number(ll)}$ {unit} and width $w$ {unit}.\n"
            f"The area of the rectangle is ${number(area)}$ {squared(unit)}."
        )
        self._rectangle_figure(q, length, width, (_label(ll, unit), f"w {unit}"))
        a = q.part("a", "Work out $w$.", marks=2, command="Work out")
        a.step(f"${number(ll)} \\times w = {number(area)}$")
        found = Working(q, "A/l", latex=f"{number(area)} \\div {number(ll)}")
        method(a, found, step="")
        final(a, found, unit=unit, step=found.equation("w") + f" {unit}", label="w")
        misconception(a, Misconception("halved, as if the rectangle were a triangle", "A/(2*l)"))
        misconception(
            a,
            Misconception("used the area as if it were the perimeter", "(A - 2*l)/2", ("A - 2*l",)),
        )
        self._rectangle_other(q, "perimeter", unit)

    def _rectangle_perimeter(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        length = rng.randint(6, 20)
        width = rng.choice([w for w in range(2, length) if w * 2 != length])
        ll = q.given("l", length, unit=unit)
        perimeter = q.given("P", 2 * (length + width), unit=unit)
        q.param("shape", "rectangle")
        q.title = "Width of a rectangle from its perimeter"
        q.stem = (
            f"The diagram shows a rectangle of length ${number(ll)}$ {unit} and width $w$ {unit}.\n"
            f"The perimeter of the rectangle is ${number(perimeter)}$ {unit}."
        )
        self._rectangle_figure(q, length, width, (_label(ll, unit), f"w {unit}"))
        a = q.part("a", "Work out $w$.", marks=2, command="Work out")
        a.step(f"$2 \\times {number(ll)} + 2w = {number(perimeter)}$")
        both = Working(q, "P - 2*l", latex=f"{number(perimeter)} - 2 \\times {number(ll)}")
        method(
            a,
            both,
            f"${both.substituted}$ or $\\frac{{{number(perimeter)}}}{{2}} - {number(ll)}$",
            lhs="2w",
        )
        found = Working(q, "(P - 2*l)/2")
        final(
            a,
            found,
            unit=unit,
            step=f"$w = {number(both.value)} \\div 2 = {found.latex}$ {unit}",
            label="w",
        )
        misconception(a, Misconception("took the length away only once, then halved", "(P - l)/2"))
        misconception(a, Misconception("did not halve the two widths", "P - 2*l", ("P - 2*l",)))
        misconception(
            a,
            Misconception(
                "used the area formula: divided the perimeter by the length", "P/l", accuracy=SF3
            ),
        )
        self._rectangle_other(q, "area", unit)

    @staticmethod
    def _rectangle_other(q: QuestionBuilder, which: str, unit: str) -> None:
        """(b) the rectangle's perimeter (or area) with the width found."""
        w = "A/l" if "A" in {g.name for g in q.givens} else "(P - 2*l)/2"
        b = q.part("b", f"Work out the {which} of the rectangle.", marks=1, command="Work out")
        if which == "perimeter":
            result = Working(q, f"2*(l + {w})")
            final(
                b,
                result,
                unit=unit,
                step=f"$P = 2({number(q.value_of('l'))} + {number(q.value_of(w))}) = {result.latex}$ {unit}",
            )
            misconception(b, Misconception("added only two of the four sides", f"l + {w}"))
            misconception(b, Misconception("gave the area instead of the perimeter", f"l*{w}"))
        else:
            result = Working(q, f"l*{w}")
            final(
                b,
                result,
                unit=f"{unit}^2",
                step=f"$A = {number(q.value_of('l'))} \\times {number(q.value_of(w))} = {result.latex}$ {squared(unit)}",
            )
            misconception(
                b,
                Misconception("added the length and the width instead of multiplying", f"l + {w}"),
            )

    # --- triangle, parallelogram ----------------------------------------------------------
    def _triangle(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        base = rng.randint(4, 16)
        height = rng.choice([h for h in range(3, 15) if (base * h) % 2 == 0 and h != base])
        b = q.given("b", base, unit=unit)
        area = q.given("A", base * height / 2, unit=f"{unit}^2")
        q.param("shape", "triangle")
        q.title = "Height of a triangle from its area"
        q.stem = (
            f"The diagram shows a triangle with base ${number(b)}$ {unit} and perpendicular "
            f"height $h$ {unit}.\nThe area of the triangle is ${number(area)}$ {squared(unit)}."
        )
        apex = base * rng.choice([0.3, 0.4, 0.6, 0.7])
        drawn = max(height, base * 0.45)
        fig = Figure("A triangle", size=210).point("A", 0, 0).point("B", base, 0)
        fig.point("C", apex, drawn).point("F", apex, 0).polygon(["A", "B", "C"])
        fig.segment("C", "F", dashed=True).angle_at("F", "B", "C", right=True)
        fig.side("A", "B", _label(b, unit), away_from="C")
        fig.side("C", "F", f"h {unit}", away_from="B" if apex < base / 2 else "A")
        q.diagram_svg = fig.svg()
        a = q.part("a", "Work out $h$.", marks=2, command="Work out")
        a.step(f"$\\frac{{1}}{{2}} \\times {number(b)} \\times h = {number(area)}$")
        found = Working(q, "2*A/b", latex=f"2 \\times {number(area)} \\div {number(b)}")
        method(
            a,
            found,
            f"$\\frac{{1}}{{2}} \\times {number(b)} \\times h = {number(area)}$ or ${found.substituted}$",
            step="",
        )
        final(a, found, unit=unit, step=found.equation("h") + f" {unit}", label="h")
        misconception(a, Misconception("forgot the ½ in the area of a triangle", "A/b"))
        misconception(a, Misconception("halved the area instead of doubling it", "A/(2*b)"))

    def _parallelogram(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        offset, height, slant = rng.choice(TRIPLES[:6])
        base = rng.randint(max(offset + 3, 6), 20)
        h = q.given("h", height, unit=unit)
        area = q.given("A", base * height, unit=f"{unit}^2")
        s = q.given("s", slant, unit=unit)
        q.param("shape", "parallelogram")
        q.title = "Base of a parallelogram from its area"
        q.stem = (
            f"The diagram shows a parallelogram with base $b$ {unit} and perpendicular height "
            f"${number(h)}$ {unit}. The sloping sides are ${number(s)}$ {unit}.\n"
            f"The area of the parallelogram is ${number(area)}$ {squared(unit)}."
        )
        fig = Figure("A parallelogram", size=210).point("A", 0, 0).point("B", base, 0)
        fig.point("C", base + offset, height).point("D", offset, height).point("F", offset, 0)
        fig.polygon(["A", "B", "C", "D"]).segment("D", "F", dashed=True)
        fig.angle_at("F", "B", "D", right=True)
        fig.side("A", "B", f"b {unit}", away_from="D")
        fig.side("A", "D", _label(s, unit), away_from="B")
        fig.side("D", "F", _label(h, unit), away_from="A")
        q.diagram_svg = fig.svg()
        a = q.part("a", "Work out $b$.", marks=2, command="Work out")
        a.step(f"$b \\times {number(h)} = {number(area)}$")
        found = Working(q, "A/h", latex=f"{number(area)} \\div {number(h)}")
        method(a, found, step="")
        final(a, found, unit=unit, step=found.equation("b") + f" {unit}", label="b")
        misconception(a, Misconception("halved, as for a triangle", "A/(2*h)"))
        misconception(a, Misconception("used the triangle formula ½ × base × height", "2*A/h"))
        misconception(
            a,
            Misconception(
                "used the sloping side instead of the perpendicular height", "A/s", accuracy=SF3
            ),
        )
        p = q.part("b", "Work out the perimeter of the parallelogram.", marks=1, command="Work out")
        perimeter = Working(q, "2*(A/h + s)")
        final(
            p,
            perimeter,
            unit=unit,
            step=f"$P = 2({number(base)} + {number(s)}) = {perimeter.latex}$ {unit}",
        )
        misconception(
            p,
            Misconception(
                "used the perpendicular height instead of the sloping side", "2*(A/h + h)"
            ),
        )
        misconception(p, Misconception("added only one base and one sloping side", "A/h + s"))

    # --- trapezium ------------------------------------------------------------------------
    def _trapezium(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        """A right-angled trapezium: the area, the height and the top give the bottom."""
        offset, height, slant = rng.choice(TRIPLES)
        top = rng.choice([t for t in range(3, 15) if ((2 * t + offset) * height) % 2 == 0])
        bottom = top + offset
        a_ = q.given("a", top, unit=unit)
        h = q.given("h", height, unit=unit)
        area = q.given("A", (top + bottom) * height / 2, unit=f"{unit}^2")
        s = q.given("s", slant, unit=unit)
        q.param("shape", "trapezium")
        q.title = "Parallel side of a trapezium from its area"
        q.stem = (
            f"The diagram shows a trapezium. The parallel sides are ${number(a_)}$ {unit} and "
            f"$x$ {unit}, and the perpendicular height is ${number(h)}$ {unit}.\n"
            f"The area of the trapezium is ${number(area)}$ {squared(unit)}."
        )
        fig = Figure("A trapezium", size=210).point("A", 0, 0).point("B", bottom, 0)
        fig.point("C", top, height).point("D", 0, height).polygon(["A", "B", "C", "D"])
        fig.angle_at("A", "B", "D", right=True).angle_at("D", "A", "C", right=True)
        fig.side("D", "C", _label(a_, unit)).side("A", "B", f"x {unit}")
        fig.side("A", "D", _label(h, unit)).side("B", "C", _label(s, unit))
        q.diagram_svg = fig.svg()
        part = q.part("a", "Work out $x$.", marks=3, command="Work out")
        formula = f"\\frac{{1}}{{2}}({number(a_)} + x) \\times {number(h)} = {number(area)}"
        part.step(f"${formula}$")
        total = Working(q, "2*A/h", latex=f"2 \\times {number(area)} \\div {number(h)}")
        method(part, total, f"${formula}$ or ${total.substituted}$", lhs=f"{number(a_)} + x")
        found = Working(q, "2*A/h - a", latex=f"{number(total.value)} - {number(a_)}")
        method(part, found, step="", qualifiers=("dep", "oe"))
        final(part, found, unit=unit, step=found.equation("x") + f" {unit}", label="x")
        misconception(
            part,
            Misconception("forgot the ½ in the trapezium formula", "A/h - a", ("A/h",)),
        )
        misconception(
            part,
            Misconception("did not take away the other parallel side", "2*A/h", ("2*A/h",)),
        )
        misconception(
            part,
            Misconception(
                "used the sloping side as the height", "2*A/s - a", ("2*A/s",), accuracy=SF3
            ),
        )
        self._trapezium_perimeter(q, unit)

    @staticmethod
    def _trapezium_perimeter(q: QuestionBuilder, unit: str) -> PartBuilder:
        p = q.part(
            "b",
            f"The sloping side is ${number(q.value_of('s'))}$ {unit}.\n"
            "Work out the perimeter of the trapezium.",
            marks=1,
            command="Work out",
        )
        perimeter = Working(q, "a + (2*A/h - a) + h + s")
        x = q.value_of("2*A/h - a")
        final(
            p,
            perimeter,
            unit=unit,
            step=f"$P = {number(q.value_of('a'))} + {number(x)} + {number(q.value_of('h'))} + "
            f"{number(q.value_of('s'))} = {perimeter.latex}$ {unit}",
        )
        misconception(p, Misconception("left out the perpendicular side", "2*A/h + s"))
        misconception(
            p, Misconception("counted the sloping side twice instead of the height", "2*A/h + 2*s")
        )
        return p

    # --- L-shape --------------------------------------------------------------------------
    def _l_shape(self, q: QuestionBuilder, rng: random.Random, unit: str) -> None:
        """Two rectangles: the base W by the lower right side u, and the top x by H - u; the
        area gives x."""
        for _ in range(50):
            width, height = rng.randint(8, 20), rng.randint(8, 20)
            top = rng.randint(3, width - 3)
            low = rng.randint(3, height - 3)
            if 0.3 <= top / width <= 0.7 and 0.3 <= low / height <= 0.7 and top != low:
                break
        else:
            raise Reject("no L-shape in proportion")
        w = q.given("W", width, unit=unit)
        h = q.given("H", height, unit=unit)
        u = q.given("u", low, unit=unit)
        area = q.given("A", width * low + top * (height - low), unit=f"{unit}^2")
        q.param("shape", "L-shape")
        q.title = "Missing length of an L-shape from its area"
        q.stem = (
            "The diagram shows a shape made from two rectangles. All the corners are right "
            f"angles.\nThe base is ${number(w)}$ {unit}, the left side is ${number(h)}$ {unit}, the "
            f"lower right side is ${number(u)}$ {unit} and the top is $x$ {unit}.\n"
            f"The area of the shape is ${number(area)}$ {squared(unit)}."
        )
        fig = Figure("An L-shape", size=210)
        corners = {
            "P": (0, 0),
            "Q": (width, 0),
            "R": (width, low),
            "S": (top, low),
            "T": (top, height),
            "U": (0, height),
        }
        for name, (x, y) in corners.items():
            fig.point(name, x, y)
        fig.polygon(list(corners))
        fig.side("P", "Q", _label(w, unit), away_from="T")
        fig.side("P", "U", _label(h, unit), away_from="Q")
        fig.side("Q", "R", _label(u, unit), away_from="P")
        fig.side("U", "T", f"x {unit}", away_from="P")
        q.diagram_svg = fig.svg()

        a = q.part("a", "Work out $x$.", marks=4, command="Work out")
        lower = Working(q, "W*u", latex=f"{number(w)} \\times {number(u)}")
        method(a, lower, step=lower.equation("\\text{Lower rectangle}") + f" {squared(unit)}")
        rest = Working(q, "H - u", latex=f"{number(h)} - {number(u)}")
        method(a, rest, step=rest.equation("\\text{Height of the upper rectangle}") + f" {unit}")
        upper = Working(q, "A - W*u", latex=f"{number(area)} - {number(lower.value)}")
        method(
            a,
            upper,
            f"${number(rest.value)}x = {number(area)} - $ their ${number(lower.value)}$",
            lhs=f"{number(rest.value)}x",
        )
        found = Working(
            q, "(A - W*u)/(H - u)", latex=f"{number(upper.value)} \\div {number(rest.value)}"
        )
        final(a, found, unit=unit, step=found.equation("x") + f" {unit}", label="x")
        misconception(
            a,
            Misconception(
                "used the whole height for the upper rectangle",
                "(A - W*u)/H",
                ("W*u", "A - W*u"),
                accuracy=SF3,
            ),
        )
        misconception(
            a,
            Misconception(
                "divided the area by the height, as if the shape were a rectangle",
                "A/H",
                accuracy=SF3,
            ),
        )

        p = q.part("b", "Work out the perimeter of the shape.", marks=2, command="Work out")
        missing = Working(q, "W - (A - W*u)/(H - u)")
        method(
            p,
            missing,
            f"${number(w)} - $ their $x$ and ${number(h)} - {number(u)}$ seen, or "
            f"$2({number(w)} + {number(h)})$",
            step=f"The unlabelled sides are ${number(w)} - {number(found.value)} = "
            f"{number(missing.value)}$ {unit} and ${number(rest.value)}$ {unit}",
        )
        perimeter = Working(q, "2*(W + H)")
        final(
            p,
            perimeter,
            unit=unit,
            step=f"$P = {number(w)} + {number(u)} + {number(missing.value)} + {number(rest.value)} + "
            f"{number(found.value)} + {number(h)} = {perimeter.latex}$ {unit}",
        )
        misconception(
            p,
            Misconception(
                "added only the four sides with lengths on the diagram",
                "W + H + u + (A - W*u)/(H - u)",
            ),
        )
