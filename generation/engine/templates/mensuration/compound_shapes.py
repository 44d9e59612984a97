"""Compound shapes and parts of shapes (syllabus 5.5): L-shapes, windows, running tracks,
plates with holes, pipes, silos and solids made of several parts."""

from __future__ import annotations

import random

from sympy import pi

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.common import approx_of, n, wrong
from generation.engine.templates.mensuration.figures import Figure
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
            f"angles.\nThe base is ${n(w)}$ {unit}, the left side is ${n(h)}$ {unit}, the "
            f"top is ${n(a_)}$ {unit} and the lower right side is ${n(b_)}$ {unit}."
        )
        fig = Figure("An L-shape")
        for name, (x, y) in {
            "P": (0, 0),
            "Q": (width, 0),
            "R": (width, side),
            "S": (top, side),
            "T": (top, height),
            "U": (0, height),
        }.items():
            fig.point(name, x, y)
        fig.polygon("P", "Q", "R", "S", "T", "U")
        fig.side_label("P", "Q", f"{width} {unit}", inside="T")
        fig.side_label("P", "U", f"{height} {unit}", inside="Q")
        fig.side_label("U", "T", f"{top} {unit}", inside="P")
        fig.side_label("Q", "R", f"{side} {unit}", inside="P")
        q.diagram_svg = fig.svg()
        area = "W*b + a*(H - b)"
        p = q.part("a", "Calculate the area of the shape.", marks=3, command="Calculate")
        p.step(f"Lower rectangle: ${n(w)} \\times {n(b_)} = {n(w * b_)}$", "W*b")
        p.step(
            f"Upper rectangle: ${n(a_)} \\times ({n(h)} - {n(b_)}) = {n(a_ * (h - b_))}$",
            "a*(H - b)",
        )
        p.step(
            f"Area $= {n(w * b_)} + {n(a_ * (h - b_))} = {n(w * b_ + a_ * (h - b_))}$ {unit}$^2$",
            area,
        )
        p.answer(area, unit=f"{unit}^2")
        p.mark(
            "M",
            f"${n(w)} \\times {n(b_)}$ or another correct rectangle",
            value="W*b",
            partial=[
                "or M2 for $" + f"{n(w)} \\times {n(h)} - ({n(w)} - {n(a_)})({n(h)} - {n(b_)})$"
            ],
        )
        p.mark("M", f"${n(a_)} \\times ({n(h)} - {n(b_)})$", value="a*(H - b)")
        p.mark("A", f"${n(w * b_ + a_ * (h - b_))}$", value=area, qualifiers=["cao"])
        wrong(p, "W*H", "used the whole rectangle, ignoring the missing corner", 0)
        wrong(p, "W*b + a*H", "overlapped the two rectangles", 1, working=["W*b"])
        per = "2*(W + H)"
        p = q.part("b", "Calculate the perimeter of the shape.", marks=2, command="Calculate")
        p.step(
            f"Missing sides: ${n(w)} - {n(a_)} = {n(w - a_)}$ and ${n(h)} - {n(b_)} = {n(h - b_)}$",
            "W - a",
        )
        p.step(
            f"Perimeter $= {n(w)} + {n(b_)} + {n(w - a_)} + {n(h - b_)} + {n(a_)} + {n(h)} = "
            f"{n(2 * (w + h))}$ {unit}",
            per,
        )
        p.answer(per, unit=unit)
        p.mark("B", f"${n(w - a_)}$ and ${n(h - b_)}$ seen", value="W - a")
        p.mark("B", f"${n(2 * (w + h))}$", value=per, qualifiers=["cao"])
        wrong(p, "W + H + a + b", "left out the two sides that are not labelled", 0)

    def _window(self, q: QuestionBuilder, rng: random.Random) -> None:
        width = rng.choice([60, 70, 80, 90, 100, 110, 120, 140])
        height = rng.randint(width // 10 + 5, 20) * 10
        w = q.given("w", width, unit="cm")
        h = q.given("h", height, unit="cm")
        thing = rng.choice(["window", "door", "mirror"])
        q.param("context", thing)
        q.title = "A rectangle with a semicircle"
        q.stem = (
            f"A {thing} is in the shape of a rectangle ${n(w)}$ cm wide and ${n(h)}$ cm "
            "high, with a semicircle on top. The diameter of the semicircle is the width "
            f"of the {thing}."
        )
        fig = Figure(f"A {thing}: a rectangle with a semicircle on top")
        fig.point("P", 0, 0).point("Q", width, 0).point("R", width, height).point("S", 0, height)
        fig.segment("S", "P").segment("P", "Q").segment("Q", "R")
        fig.segment("R", "S", dashed=True).arc((width / 2, height), width / 2, 0, 180)
        fig.side_label("P", "Q", f"{width} cm", inside="R").side_label(
            "Q", "R", f"{height} cm", inside="P"
        )
        q.diagram_svg = fig.svg()
        rect, semi = "w*h", "pi*(w/2)**2/2"
        area = f"{rect} + {semi}"
        p = q.part("a", f"Calculate the area of the {thing}.", marks=3, command="Calculate")
        p.step(f"Rectangle: ${n(w)} \\times {n(h)} = {n(w * h)}$", rect)
        p.step(
            f"Semicircle: $\\frac{{1}}{{2}} \\times \\pi \\times {n(w / 2)}^2 = "
            f"{approx_of(q, semi)}$",
            semi,
        )
        ans = p.answer(area, accuracy=SF3, unit="cm^2")
        p.step(f"Area $= {ans.latex}$ cm$^2$", area)
        p.mark("M", f"${n(w)} \\times {n(h)}$", value=rect)
        p.mark("M", f"$\\frac{{1}}{{2}} \\times \\pi \\times {n(w / 2)}^2$", value=semi)
        p.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(
            p,
            f"{rect} + pi*(w/2)**2",
            "added a whole circle instead of a semicircle",
            1,
            working=[rect],
        )
        wrong(
            p,
            f"{rect} + pi*w**2/2",
            "used the width as the radius of the semicircle",
            1,
            working=[rect],
        )
        arc = "pi*w/2"
        per = f"{arc} + 2*h + w"
        p = q.part("b", f"Calculate the perimeter of the {thing}.", marks=3, command="Calculate")
        p.step(
            f"Semicircular arc: $\\frac{{1}}{{2}} \\times \\pi \\times {n(w)} = {approx_of(q, arc)}$",
            arc,
        )
        ans = p.answer(per, accuracy=SF3, unit="cm")
        p.step(
            f"Perimeter $= {approx_of(q, arc)} + {n(h)} + {n(h)} + {n(w)} = {ans.latex}$ cm", per
        )
        p.mark("M", f"$\\frac{{1}}{{2}} \\times \\pi \\times {n(w)}$", value=arc)
        p.mark("M", f"their arc $+ 2 \\times {n(h)} + {n(w)}$", value=per, qualifiers=["dep"])
        p.mark("A", f"${ans.latex}$", value=per, qualifiers=["awrt"])
        wrong(
            p,
            f"{per} + w",
            "included the diameter across the top of the rectangle",
            1,
            working=[arc],
        )
        wrong(p, "pi*w + 2*h + w", "used the whole circumference instead of half", 0)

    def _plate(self, q: QuestionBuilder, rng: random.Random) -> None:
        side = rng.randint(8, 30)
        diameter = rng.randint(3, side - 3)
        s = q.given("s", side, unit="cm")
        d = q.given("d", diameter, unit="cm")
        q.title = "A square plate with a circular hole"
        q.stem = (
            f"A metal plate is a square of side ${n(s)}$ cm. A circular hole of diameter "
            f"${n(d)}$ cm is cut out of the plate. The shaded region is the metal that "
            "is left."
        )
        fig = Figure("A square plate with a circular hole").point("A", 0, 0).point("B", side, 0)
        fig.point("C", side, side).point("D", 0, side)
        fig.polygon("A", "B", "C", "D", fill=True).circle(
            (side / 2, side / 2), diameter / 2, white=True
        )
        fig.side_label("A", "B", f"{side} cm", inside="C")
        fig.segment((side / 2 - diameter / 2, side / 2), (side / 2 + diameter / 2, side / 2))
        label = f"{diameter} cm"
        fig.label(label, (side / 2 + diameter / 2, side / 2), 8 + 3.6 * len(label), 0)
        q.diagram_svg = fig.svg()
        hole = "pi*(d/2)**2"
        shaded = f"s**2 - {hole}"
        p = q.part("a", "Calculate the area of the shaded region.", marks=3, command="Calculate")
        p.step(f"Square: ${n(s)}^2 = {n(s**2)}$", "s**2")
        p.step(f"Hole: $\\pi \\times {n(d / 2)}^2 = {approx_of(q, hole)}$", hole)
        ans = p.answer(shaded, accuracy=SF3, unit="cm^2")
        p.step(f"Shaded area $= {n(s**2)} - {approx_of(q, hole)} = {ans.latex}$ cm$^2$", shaded)
        p.mark("M", f"${n(s)}^2$", value="s**2")
        p.mark("M", f"$\\pi \\times {n(d / 2)}^2$", value=hole)
        p.mark("A", f"${ans.latex}$", value=shaded, qualifiers=["awrt"])
        wrong(
            p, "s**2 - pi*d**2", "used the diameter as the radius of the hole", 1, working=["s**2"]
        )
        wrong(
            p,
            "s**2 - pi*d",
            "subtracted the circumference instead of the area",
            1,
            working=["s**2"],
        )
        percent = f"{hole}/s**2*100"
        p = q.part(
            "b",
            "Calculate the percentage of the square that is cut out.",
            marks=2,
            command="Calculate",
        )
        ans = p.answer(percent, accuracy=SF3, unit="%")
        p.step(f"$\\frac{{{approx_of(q, hole)}}}{{{n(s**2)}}} \\times 100 = {ans.latex}$%", percent)
        p.mark(
            "M", f"$\\frac{{\\pi \\times {n(d / 2)}^2}}{{{n(s)}^2}} \\times 100$ oe", value=percent
        )
        p.mark("A", f"${ans.latex}$", value=percent, qualifiers=["awrt"])
        wrong(p, f"({shaded})/s**2*100", "gave the percentage that is left", 0)

    def _track_figure(
        self, q: QuestionBuilder, straight: float, diameter: float, labels: tuple[str, str]
    ) -> None:
        r = diameter / 2
        fig = Figure("A running track: a rectangle with a semicircle at each end")
        fig.point("P", 0, 0).point("Q", straight, 0).point("R", straight, diameter)
        fig.point("S", 0, diameter)
        fig.segment("P", "Q").segment("S", "R")
        fig.arc((straight, r), r, -90, 90).arc((0, r), r, 90, 270)
        fig.segment("P", "S", dashed=True).segment("Q", "R", dashed=True)
        fig.side_label("P", "Q", labels[0], inside="R")
        fig.side_label("Q", "R", labels[1], inside=(straight + r, r), gap=6)
        q.diagram_svg = fig.svg()

    def _track(self, q: QuestionBuilder, rng: random.Random) -> None:
        length = q.given("L", rng.randint(60, 120), unit="m")
        d = q.given("d", rng.randint(40, 80), unit="m")
        q.title = "A running track"
        q.stem = (
            f"The inside edge of a running track is made of two straight sections, each "
            f"${n(length)}$ m long, and two semicircles, each of diameter ${n(d)}$ m."
        )
        self._track_figure(q, float(length), float(d), (f"{n(length)} m", f"{n(d)} m"))
        ends = "pi*d"
        lap = f"2*L + {ends}"
        p = q.part(
            "a",
            "Calculate the length of the inside edge of the track.",
            marks=3,
            command="Calculate",
        )
        p.step(f"Two semicircles make a circle: $\\pi \\times {n(d)} = {approx_of(q, ends)}$", ends)
        ans = p.answer(lap, accuracy=SF3, unit="m")
        p.step(f"Length $= 2 \\times {n(length)} + {approx_of(q, ends)} = {ans.latex}$ m", lap)
        p.mark(
            "M",
            f"$\\pi \\times {n(d)}$",
            value=ends,
            partial=[f"M1 for $\\frac{{1}}{{2}} \\times \\pi \\times {n(d)}$ seen"],
        )
        p.mark(
            "M",
            f"$2 \\times {n(length)} +$ their $\\pi \\times {n(d)}$",
            value=lap,
            qualifiers=["dep"],
        )
        p.mark("A", f"${ans.latex}$", value=lap, qualifiers=["awrt"])
        wrong(p, "2*L + 2*pi*d", "used a whole circle for each end", 0)
        wrong(p, "L + pi*d", "counted only one straight section", 1, working=[ends])
        area = "L*d + pi*(d/2)**2"
        p = q.part(
            "b",
            "Calculate the area enclosed by the inside edge of the track.",
            marks=3,
            command="Calculate",
        )
        p.step(f"Rectangle: ${n(length)} \\times {n(d)} = {n(length * d)}$", "L*d")
        p.step(
            f"Two semicircles: $\\pi \\times {n(d / 2)}^2 = {approx_of(q, 'pi*(d/2)**2')}$",
            "pi*(d/2)**2",
        )
        ans = p.answer(area, accuracy=SF3, unit="m^2")
        p.step(f"Area $= {ans.latex}$ m$^2$", area)
        p.mark("M", f"${n(length)} \\times {n(d)}$", value="L*d")
        p.mark("M", f"$\\pi \\times {n(d / 2)}^2$", value="pi*(d/2)**2")
        p.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(p, "L*d + pi*d**2", "used the diameter as the radius", 1, working=["L*d"])
        wrong(p, "L*d + 2*pi*(d/2)**2", "used a whole circle at each end", 1, working=["L*d"])

    def _track_reverse(self, q: QuestionBuilder, rng: random.Random) -> None:
        lap = q.given("P", rng.choice([300, 350, 400, 450, 500]), unit="m")
        length = q.given("L", rng.randint(int(lap) // 5, int(lap) * 3 // 10), unit="m")
        q.title = "A running track: finding the diameter"
        q.stem = (
            f"The inside edge of a running track is made of two straight sections, each "
            f"${n(length)}$ m long, and two semicircles of the same diameter, $d$ m.\n"
            f"The total length of the inside edge is ${n(lap)}$ m."
        )
        diameter = float((lap - 2 * length) / pi)
        self._track_figure(q, float(length), diameter, (f"{n(length)} m", "d m"))
        d = "(P - 2*L)/pi"
        p = q.part("a", "Calculate $d$.", marks=3, command="Calculate")
        p.step(
            f"The two semicircles together: ${n(lap)} - 2 \\times {n(length)} = "
            f"{n(lap - 2 * length)}$",
            "P - 2*L",
        )
        ans = p.answer(d, accuracy=SF3, unit="m", label="d")
        p.step(
            f"$\\pi d = {n(lap - 2 * length)}$, so $d = {n(lap - 2 * length)} \\div \\pi = "
            f"{ans.latex}$",
            d,
        )
        p.mark("M", f"${n(lap)} - 2 \\times {n(length)}$", value="P - 2*L")
        p.mark("M", f"their ${n(lap - 2 * length)} \\div \\pi$", value=d, qualifiers=["dep"])
        p.mark("A", f"${ans.latex}$", value=d, qualifiers=["awrt"])
        wrong(
            p,
            "(P - 2*L)/(2*pi)",
            "found the radius instead of the diameter",
            1,
            working=["P - 2*L"],
        )
        wrong(p, "(P - L)/pi", "subtracted only one straight section", 0)
        area = f"L*{d} + pi*({d}/2)**2"
        p = q.part(
            "b",
            "Calculate the area enclosed by the inside edge of the track.",
            marks=3,
            command="Calculate",
        )
        p.step(
            f"Rectangle: ${n(length)} \\times {approx_of(q, d)} = {approx_of(q, f'L*{d}')}$",
            f"L*{d}",
        )
        p.step(
            f"Two semicircles: $\\pi \\times ({approx_of(q, d)} \\div 2)^2 = "
            f"{approx_of(q, f'pi*({d}/2)**2')}$",
            f"pi*({d}/2)**2",
        )
        ans = p.answer(area, accuracy=SF3, unit="m^2")
        p.step(f"Area $= {ans.latex}$ m$^2$", area)
        p.mark("M", f"${n(length)} \\times$ their $d$", value=f"L*{d}", qualifiers=["FT"])
        p.mark(
            "M", "$\\pi \\times$ (their $d \\div 2)^2$", value=f"pi*({d}/2)**2", qualifiers=["FT"]
        )
        p.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(p, f"L*{d} + pi*({d})**2", "used the diameter as the radius", 1, working=[f"L*{d}"])
