"""Compound shapes and parts of shapes (syllabus 5.5): L-shapes, windows, running tracks,
plates with holes, pipes, silos and solids made of several parts."""

from __future__ import annotations

import random

from sympy import pi

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.text import approx, number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4 = Accuracy.SF3, Accuracy.SF4


@register
class CompoundArea(Template):
    key = "mensuration.compound_area"
    title = "Area and perimeter of compound shapes"
    codes = {Tier.CORE: ("C5.5",), Tier.EXTENDED: ("E5.5",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        [self._l_shape, self._window, self._plate, self._track, self._track_reverse][
            difficulty - 1
        ](q, rng)

    def _l_shape(self, q: QuestionBuilder, rng: random.Random) -> None:
        width, height = rng.randint(8, 20), rng.randint(8, 20)
        top = rng.randint(3, width - 3)  # length of the top edge
        side = rng.randint(3, height - 3)  # length of the lower right edge
        unit = rng.choice(["cm", "m"])
        q.param("unit", unit)
        w = q.given("W", width, unit=unit)
        h = q.given("H", height, unit=unit)
        a_ = q.given("a", top, unit=unit)
        b_ = q.given("b", side, unit=unit)
        q.title = "Area and perimeter of an L-shape"
        q.stem = (
            f"The diagram shows a shape made from rectangles. All the corners are right "
            f"angles.\nThe base is ${number(w)}$ {unit}, the left side is ${number(h)}$ {unit}, the "
            f"top is ${number(a_)}$ {unit} and the lower right side is ${number(b_)}$ {unit}."
        )
        fig = Figure("An L-shape", size=210)
        for name, (x, y) in {
            "P": (0, 0),
            "Q": (width, 0),
            "R": (width, side),
            "S": (top, side),
            "T": (top, height),
            "U": (0, height),
        }.items():
            fig.point(name, x, y)
        fig.polygon(["P", "Q", "R", "S", "T", "U"])
        fig.side("P", "Q", f"{width} {unit}", away_from="T")
        fig.side("P", "U", f"{height} {unit}", away_from="Q")
        fig.side("U", "T", f"{top} {unit}", away_from="P")
        fig.side("Q", "R", f"{side} {unit}", away_from="P")
        q.diagram_svg = fig.svg()
        area = "W*b + a*(H - b)"
        p = q.part("a", "Calculate the area of the shape.", marks=3, command="Calculate")
        p.step(f"Lower rectangle: ${number(w)} \\times {number(b_)} = {number(w * b_)}$", "W*b")
        p.step(
            f"Upper rectangle: ${number(a_)} \\times ({number(h)} - {number(b_)}) = {number(a_ * (h - b_))}$",
            "a*(H - b)",
        )
        p.step(
            f"Area $= {number(w * b_)} + {number(a_ * (h - b_))} = {number(w * b_ + a_ * (h - b_))}$ {unit}$^2$",
            area,
        )
        method(
            p,
            Working(q, "W*b"),
            f"${number(w)} \\times {number(b_)}$ or another correct rectangle",
            step="",
            partial=[
                "or M2 for $"
                + f"{number(w)} \\times {number(h)} - ({number(w)} - {number(a_)})({number(h)} - {number(b_)})$"
            ],
        )
        method(
            p,
            Working(q, "a*(H - b)"),
            f"${number(a_)} \\times ({number(h)} - {number(b_)})$",
            step="",
        )
        final(p, Working(q, area, fractions=False), unit=f"{unit}^2", step="")
        misconception(
            p, Misconception("used the whole rectangle, ignoring the missing corner", "W*H")
        )
        misconception(p, Misconception("overlapped the two rectangles", "W*b + a*H", ("W*b",)))
        per = "2*(W + H)"
        p = q.part("b", "Calculate the perimeter of the shape.", marks=2, command="Calculate")
        p.step(
            f"Missing sides: ${number(w)} - {number(a_)} = {number(w - a_)}$ and ${number(h)} - {number(b_)} = {number(h - b_)}$",
            "W - a",
        )
        p.step(
            f"Perimeter $= {number(w)} + {number(b_)} + {number(w - a_)} + {number(h - b_)} + {number(a_)} + {number(h)} = "
            f"{number(2 * (w + h))}$ {unit}",
            per,
        )
        p.mark("B", f"${number(w - a_)}$ and ${number(h - b_)}$ seen", value="W - a")
        final(p, Working(q, per, fractions=False), unit=unit, step="")
        misconception(
            p, Misconception("left out the two sides that are not labelled", "W + H + a + b")
        )

    def _window(self, q: QuestionBuilder, rng: random.Random) -> None:
        width = rng.choice([60, 70, 80, 90, 100, 110, 120, 140])
        height = rng.randint(width // 10 + 5, 20) * 10
        w = q.given("w", width, unit="cm")
        h = q.given("h", height, unit="cm")
        thing = rng.choice(["window", "door", "mirror"])
        q.param("context", thing)
        q.title = "A rectangle with a semicircle"
        q.stem = (
            f"A {thing} is in the shape of a rectangle ${number(w)}$ cm wide and ${number(h)}$ cm "
            "high, with a semicircle on top. The diameter of the semicircle is the width "
            f"of the {thing}."
        )
        fig = Figure(f"A {thing}: a rectangle with a semicircle on top", size=210)
        fig.point("P", 0, 0).point("Q", width, 0).point("R", width, height).point("S", 0, height)
        fig.segment("S", "P").segment("P", "Q").segment("Q", "R")
        fig.segment("R", "S", dashed=True).arc((width / 2, height), width / 2, 0, 180)
        fig.side("P", "Q", f"{width} cm", away_from="R").side(
            "Q", "R", f"{height} cm", away_from="P"
        )
        q.diagram_svg = fig.svg()
        rect, semi = "w*h", "pi*(w/2)**2/2"
        area = f"{rect} + {semi}"
        p = q.part("a", f"Calculate the area of the {thing}.", marks=3, command="Calculate")
        p.step(f"Rectangle: ${number(w)} \\times {number(h)} = {number(w * h)}$", rect)
        p.step(
            f"Semicircle: $\\frac{{1}}{{2}} \\times \\pi \\times {number(w / 2)}^2 = "
            f"{approx(q.value_of(semi), dots=True)}$",
            semi,
        )
        ans = Working(q, area)
        p.step(f"Area $= {rounded(ans.value, SF3)}$ cm$^2$", area)
        method(p, Working(q, rect), f"${number(w)} \\times {number(h)}$", step="")
        method(
            p,
            Working(q, semi),
            f"$\\frac{{1}}{{2}} \\times \\pi \\times {number(w / 2)}^2$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "added a whole circle instead of a semicircle", f"{rect} + pi*(w/2)**2", (rect,)
            ),
        )
        misconception(
            p,
            Misconception(
                "used the width as the radius of the semicircle", f"{rect} + pi*w**2/2", (rect,)
            ),
        )
        arc = "pi*w/2"
        per = f"{arc} + 2*h + w"
        p = q.part("b", f"Calculate the perimeter of the {thing}.", marks=3, command="Calculate")
        p.step(
            f"Semicircular arc: $\\frac{{1}}{{2}} \\times \\pi \\times {number(w)} = {approx(q.value_of(arc), dots=True)}$",
            arc,
        )
        ans = Working(q, per)
        p.step(
            f"Perimeter $= {approx(q.value_of(arc), dots=True)} + {number(h)} + {number(h)} + {number(w)} = {rounded(ans.value, SF3)}$ cm",
            per,
        )
        method(
            p,
            Working(q, arc),
            f"$\\frac{{1}}{{2}} \\times \\pi \\times {number(w)}$",
            step="",
        )
        method(
            p,
            Working(q, per),
            f"their arc $+ 2 \\times {number(h)} + {number(w)}$",
            step="",
            qualifiers=("dep",),
        )
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "included the diameter across the top of the rectangle", f"{per} + w", (arc,)
            ),
        )
        misconception(
            p, Misconception("used the whole circumference instead of half", "pi*w + 2*h + w")
        )

    def _plate(self, q: QuestionBuilder, rng: random.Random) -> None:
        side = rng.randint(8, 30)
        diameter = rng.randint(3, side - 3)
        s = q.given("s", side, unit="cm")
        d = q.given("d", diameter, unit="cm")
        q.title = "A square plate with a circular hole"
        q.stem = (
            f"A metal plate is a square of side ${number(s)}$ cm. A circular hole of diameter "
            f"${number(d)}$ cm is cut out of the plate. The shaded region is the metal that "
            "is left."
        )
        fig = (
            Figure("A square plate with a circular hole", size=210)
            .point("A", 0, 0)
            .point("B", side, 0)
        )
        fig.point("C", side, side).point("D", 0, side)
        fig.polygon(["A", "B", "C", "D"], fill=True).circle(
            (side / 2, side / 2), diameter / 2, white=True
        )
        fig.side("A", "B", f"{side} cm", away_from="C")
        fig.segment((side / 2 - diameter / 2, side / 2), (side / 2 + diameter / 2, side / 2))
        label = f"{diameter} cm"
        fig.side(
            (side / 2 - diameter / 2, side / 2),
            (side / 2 + diameter / 2, side / 2),
            label,
            away_from="A",
        )
        q.diagram_svg = fig.svg()
        hole = "pi*(d/2)**2"
        shaded = f"s**2 - {hole}"
        p = q.part("a", "Calculate the area of the shaded region.", marks=3, command="Calculate")
        p.step(f"Square: ${number(s)}^2 = {number(s**2)}$", "s**2")
        p.step(
            f"Hole: $\\pi \\times {number(d / 2)}^2 = {approx(q.value_of(hole), dots=True)}$", hole
        )
        ans = Working(q, shaded)
        p.step(
            f"Shaded area $= {number(s**2)} - {approx(q.value_of(hole), dots=True)} = {rounded(ans.value, SF3)}$ cm$^2$",
            shaded,
        )
        method(p, Working(q, "s**2"), f"${number(s)}^2$", step="")
        method(p, Working(q, hole), f"$\\pi \\times {number(d / 2)}^2$", step="")
        final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "used the diameter as the radius of the hole", "s**2 - pi*d**2", ("s**2",)
            ),
        )
        misconception(
            p,
            Misconception(
                "subtracted the circumference instead of the area", "s**2 - pi*d", ("s**2",)
            ),
        )
        percent = f"{hole}/s**2*100"
        p = q.part(
            "b",
            "Calculate the percentage of the square that is cut out.",
            marks=2,
            command="Calculate",
        )
        ans = Working(q, percent)
        p.step(
            f"$\\frac{{{approx(q.value_of(hole), dots=True)}}}{{{number(s**2)}}} \\times 100 = {rounded(ans.value, SF3)}$%",
            percent,
        )
        method(
            p,
            Working(q, percent),
            f"$\\frac{{\\pi \\times {number(d / 2)}^2}}{{{number(s)}^2}} \\times 100$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="%", step="", awrt=True)
        misconception(p, Misconception("gave the percentage that is left", f"({shaded})/s**2*100"))

    def _track_figure(
        self, q: QuestionBuilder, straight: float, diameter: float, labels: tuple[str, str]
    ) -> None:
        r = diameter / 2
        fig = Figure("A running track: a rectangle with a semicircle at each end", size=210)
        fig.point("P", 0, 0).point("Q", straight, 0).point("R", straight, diameter)
        fig.point("S", 0, diameter)
        fig.segment("P", "Q").segment("S", "R")
        fig.arc((straight, r), r, -90, 90).arc((0, r), r, 90, 270)
        fig.segment("P", "S", dashed=True).segment("Q", "R", dashed=True)
        fig.side("P", "Q", labels[0], away_from="R")
        fig.side("Q", "R", labels[1], away_from=(straight + r, r), gap=6)
        q.diagram_svg = fig.svg()

    def _track(self, q: QuestionBuilder, rng: random.Random) -> None:
        length = q.given("L", rng.randint(60, 120), unit="m")
        d = q.given("d", rng.randint(40, 80), unit="m")
        q.title = "A running track"
        q.stem = (
            f"The inside edge of a running track is made of two straight sections, each "
            f"${number(length)}$ m long, and two semicircles, each of diameter ${number(d)}$ m."
        )
        self._track_figure(q, float(length), float(d), (f"{number(length)} m", f"{number(d)} m"))
        ends = "pi*d"
        lap = f"2*L + {ends}"
        p = q.part(
            "a",
            "Calculate the length of the inside edge of the track.",
            marks=3,
            command="Calculate",
        )
        p.step(
            f"Two semicircles make a circle: $\\pi \\times {number(d)} = {approx(q.value_of(ends), dots=True)}$",
            ends,
        )
        ans = Working(q, lap)
        p.step(
            f"Length $= 2 \\times {number(length)} + {approx(q.value_of(ends), dots=True)} = {rounded(ans.value, SF3)}$ m",
            lap,
        )
        method(
            p,
            Working(q, ends),
            f"$\\pi \\times {number(d)}$",
            step="",
            partial=[f"M1 for $\\frac{{1}}{{2}} \\times \\pi \\times {number(d)}$ seen"],
        )
        method(
            p,
            Working(q, lap),
            f"$2 \\times {number(length)} +$ their $\\pi \\times {number(d)}$",
            step="",
            qualifiers=("dep",),
        )
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True)
        misconception(p, Misconception("used a whole circle for each end", "2*L + 2*pi*d"))
        misconception(p, Misconception("counted only one straight section", "L + pi*d", (ends,)))
        area = "L*d + pi*(d/2)**2"
        p = q.part(
            "b",
            "Calculate the area enclosed by the inside edge of the track.",
            marks=3,
            command="Calculate",
        )
        p.step(f"Rectangle: ${number(length)} \\times {number(d)} = {number(length * d)}$", "L*d")
        p.step(
            f"Two semicircles: $\\pi \\times {number(d / 2)}^2 = {approx(q.value_of('pi*(d/2)**2'), dots=True)}$",
            "pi*(d/2)**2",
        )
        ans = Working(q, area)
        p.step(f"Area $= {rounded(ans.value, SF3)}$ m$^2$", area)
        method(p, Working(q, "L*d"), f"${number(length)} \\times {number(d)}$", step="")
        method(
            p,
            Working(q, "pi*(d/2)**2"),
            f"$\\pi \\times {number(d / 2)}^2$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="m^2", step="", awrt=True)
        misconception(
            p, Misconception("used the diameter as the radius", "L*d + pi*d**2", ("L*d",))
        )
        misconception(
            p, Misconception("used a whole circle at each end", "L*d + 2*pi*(d/2)**2", ("L*d",))
        )

    def _track_reverse(self, q: QuestionBuilder, rng: random.Random) -> None:
        lap = q.given("P", rng.choice([300, 350, 400, 450, 500]), unit="m")
        length = q.given("L", rng.randint(int(lap) // 5, int(lap) * 3 // 10), unit="m")
        q.title = "A running track: finding the diameter"
        q.stem = (
            f"The inside edge of a running track is made of two straight sections, each "
            f"${number(length)}$ m long, and two semicircles of the same diameter, $d$ m.\n"
            f"The total length of the inside edge is ${number(lap)}$ m."
        )
        diameter = float((lap - 2 * length) / pi)
        self._track_figure(q, float(length), diameter, (f"{number(length)} m", "d m"))
        d = "(P - 2*L)/pi"
        p = q.part("a", "Calculate $d$.", marks=3, command="Calculate")
        p.step(
            f"The two semicircles together: ${number(lap)} - 2 \\times {number(length)} = "
            f"{number(lap - 2 * length)}$",
            "P - 2*L",
        )
        ans = Working(q, d)
        p.step(
            f"$\\pi d = {number(lap - 2 * length)}$, so $d = {number(lap - 2 * length)} \\div \\pi = "
            f"{rounded(ans.value, SF3)}$",
            d,
        )
        method(
            p,
            Working(q, "P - 2*L"),
            f"${number(lap)} - 2 \\times {number(length)}$",
            step="",
        )
        method(
            p,
            Working(q, d),
            f"their ${number(lap - 2 * length)} \\div \\pi$",
            step="",
            qualifiers=("dep",),
        )
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True, label="d")
        misconception(
            p,
            Misconception(
                "found the radius instead of the diameter", "(P - 2*L)/(2*pi)", ("P - 2*L",)
            ),
        )
        misconception(p, Misconception("subtracted only one straight section", "(P - L)/pi"))
        area = f"L*{d} + pi*({d}/2)**2"
        p = q.part(
            "b",
            "Calculate the area enclosed by the inside edge of the track.",
            marks=3,
            command="Calculate",
        )
        p.step(
            f"Rectangle: ${number(length)} \\times {approx(q.value_of(d), dots=True)} = {approx(q.value_of(f'L*{d}'), dots=True)}$",
            f"L*{d}",
        )
        p.step(
            f"Two semicircles: $\\pi \\times ({approx(q.value_of(d), dots=True)} \\div 2)^2 = "
            f"{approx(q.value_of(f'pi*({d}/2)**2'), dots=True)}$",
            f"pi*({d}/2)**2",
        )
        ans = Working(q, area)
        p.step(f"Area $= {rounded(ans.value, SF3)}$ m$^2$", area)
        method(
            p,
            Working(q, f"L*{d}"),
            f"${number(length)} \\times$ their $d$",
            step="",
            qualifiers=("FT",),
        )
        method(
            p,
            Working(q, f"pi*({d}/2)**2"),
            "$\\pi \\times$ (their $d \\div 2)^2$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=SF3, unit="m^2", step="", awrt=True)
        misconception(
            p, Misconception("used the diameter as the radius", f"L*{d} + pi*({d})**2", (f"L*{d}",))
        )
