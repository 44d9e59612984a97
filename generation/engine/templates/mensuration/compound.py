"""Compound shapes and parts of shapes (syllabus 5.5): L-shapes, windows, running tracks,
plates with holes, pipes, silos and solids made of several parts."""

from __future__ import annotations

import random

from sympy import Rational, pi

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.common import n, shown, wrong
from generation.engine.templates.mensuration.figures import (
    Figure,
    cuboid_figure,
    cylinder_figure,
)
from generation.engine.templates.mensuration.solids import (
    CONE_VOLUME,
    SPHERE_AREA,
    SPHERE_VOLUME,
    _formulas,
)
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4 = Accuracy.SF3, Accuracy.SF4


def _approx(q: QuestionBuilder, expr: str) -> str:
    """A working value to 4 s.f. with an ellipsis when it is not exact."""
    value = q.value_of(expr)
    text = shown(value, SF4)
    return text if value.is_Rational and shown(value, Accuracy.EXACT) == text else text + "\\ldots"


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
            f"{_approx(q, semi)}$",
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
            f"Semicircular arc: $\\frac{{1}}{{2}} \\times \\pi \\times {n(w)} = {_approx(q, arc)}$",
            arc,
        )
        ans = p.answer(per, accuracy=SF3, unit="cm")
        p.step(f"Perimeter $= {_approx(q, arc)} + {n(h)} + {n(h)} + {n(w)} = {ans.latex}$ cm", per)
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
        p.step(f"Hole: $\\pi \\times {n(d / 2)}^2 = {_approx(q, hole)}$", hole)
        ans = p.answer(shaded, accuracy=SF3, unit="cm^2")
        p.step(f"Shaded area $= {n(s**2)} - {_approx(q, hole)} = {ans.latex}$ cm$^2$", shaded)
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
        p.step(f"$\\frac{{{_approx(q, hole)}}}{{{n(s**2)}}} \\times 100 = {ans.latex}$%", percent)
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
        p.step(f"Two semicircles make a circle: $\\pi \\times {n(d)} = {_approx(q, ends)}$", ends)
        ans = p.answer(lap, accuracy=SF3, unit="m")
        p.step(f"Length $= 2 \\times {n(length)} + {_approx(q, ends)} = {ans.latex}$ m", lap)
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
            f"Two semicircles: $\\pi \\times {n(d / 2)}^2 = {_approx(q, 'pi*(d/2)**2')}$",
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
            f"Rectangle: ${n(length)} \\times {_approx(q, d)} = {_approx(q, f'L*{d}')}$", f"L*{d}"
        )
        p.step(
            f"Two semicircles: $\\pi \\times ({_approx(q, d)} \\div 2)^2 = "
            f"{_approx(q, f'pi*({d}/2)**2')}$",
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


@register
class CompoundSolid(Template):
    key = "mensuration.compound_solid"
    title = "Volume of compound solids and parts of solids"
    codes = {Tier.CORE: ("C5.4", "C5.5"), Tier.EXTENDED: ("E5.4", "E5.5")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        [self._pipe, self._silo, self._cone_hemisphere, self._block_with_hole, self._pipe_mass][
            difficulty - 1
        ](q, rng)

    def _pipe(self, q: QuestionBuilder, rng: random.Random, *, thickness: bool = False) -> None:
        outer = rng.randint(4, 15)
        # inner = outer/2 would make (R - r)^2 equal r^2 and blur two errors together
        inner = rng.choice([i for i in range(2, outer) if 2 * i != outer])
        big = q.given("R", outer, unit="cm")
        length = q.given("L", rng.randint(20, 200), unit="cm")
        q.title = "A hollow cylinder (pipe)"
        if thickness:
            t = q.given("t", outer - inner, unit="cm")
            inner_expr = "(R - t)"
            q.stem = (
                f"A metal pipe is a hollow cylinder of length ${n(length)}$ cm. The outer "
                f"radius is ${n(big)}$ cm and the metal is ${n(t)}$ cm thick."
            )
            inner_label = ""
        else:
            q.given("r", inner, unit="cm")
            inner_expr = "r"
            q.stem = (
                f"A pipe is a hollow cylinder of length ${n(length)}$ cm. The outer radius "
                f"is ${n(big)}$ cm and the inner radius is ${n(inner)}$ cm."
            )
            inner_label = f"{inner} cm"
        q.diagram_svg = cylinder_figure(
            "A hollow cylinder",
            float(outer),
            min(float(length), 4.0 * outer),
            (f"{outer} cm", f"{n(length)} cm"),
            inner=float(inner),
            inner_label=inner_label,
        ).svg()
        outer_v, inner_v = "pi*R**2*L", f"pi*{inner_expr}**2*L"
        volume = f"{outer_v} - {inner_v}"
        p = q.part(
            "a", "Calculate the volume of material in the pipe.", marks=3, command="Calculate"
        )
        if thickness:
            p.step(f"Inner radius $= {n(big)} - {n(q.value_of('t'))} = {n(inner)}$ cm", inner_expr)
        p.step(
            f"Outer cylinder: $\\pi \\times {n(big)}^2 \\times {n(length)} = "
            f"{_approx(q, outer_v)}$",
            outer_v,
        )
        p.step(
            f"Inner cylinder: $\\pi \\times {n(inner)}^2 \\times {n(length)} = "
            f"{_approx(q, inner_v)}$",
            inner_v,
        )
        ans = p.answer(volume, accuracy=SF3, unit="cm^3")
        p.step(f"Volume $= {ans.latex}$ cm$^3$", volume)
        p.mark("M", f"$\\pi \\times {n(big)}^2 \\times {n(length)}$", value=outer_v)
        p.mark(
            "M",
            f"$\\pi \\times {n(inner)}^2 \\times {n(length)}$",
            value=inner_v,
            partial=["subtracted from the outer cylinder"],
        )
        p.mark("A", f"${ans.latex}$", value=volume, qualifiers=["awrt"])
        wrong(p, f"pi*(R - {inner_expr})**2*L", "squared the difference of the radii", 0)
        wrong(p, f"{outer_v} + {inner_v}", "added the two cylinders", 2, working=[outer_v, inner_v])
        if thickness:
            wrong(
                p,
                "pi*R**2*L - pi*t**2*L",
                "used the thickness as the inner radius",
                1,
                working=[outer_v],
            )

    def _pipe_mass(self, q: QuestionBuilder, rng: random.Random) -> None:
        self._pipe(q, rng, thickness=True)
        density = q.given("rho", Rational(rng.choice([27, 78, 85, 89, 113]), 10), unit="g/cm^3")
        q.title = "A hollow cylinder (pipe): volume and mass"
        volume = "pi*R**2*L - pi*(R - t)**2*L"
        mass = f"({volume})*rho/1000"
        p = q.part(
            "b",
            f"The metal has a density of ${n(density)}$ g/cm$^3$.\nCalculate the "
            "mass of the pipe in kilograms.",
            marks=2,
            command="Calculate",
        )
        p.step(
            f"Mass $= {_approx(q, volume)} \\times {n(density)} = "
            f"{_approx(q, f'({volume})*rho')}$ g",
            f"({volume})*rho",
        )
        ans = p.answer(mass, accuracy=SF3, unit="kg")
        p.step(f"$= {ans.latex}$ kg", mass)
        p.mark(
            "M", f"their volume $\\times {n(density)}$", value=f"({volume})*rho", qualifiers=["FT"]
        )
        p.mark("A", f"${ans.latex}$", value=mass, qualifiers=["awrt"])
        wrong(p, f"({volume})*rho", "gave the mass in grams", 1)
        wrong(p, f"({volume})/rho/1000", "divided by the density instead of multiplying", 0)

    def _silo(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(2, 6), unit="m")
        h = q.given("h", rng.randint(int(r) + 3, 20), unit="m")
        q.title = "A grain silo: cylinder and hemisphere"
        q.stem = (
            f"A grain silo is a cylinder of radius ${n(r)}$ m and height ${n(h)}$ m with a "
            "hemisphere of the same radius on top.\n" + _formulas(SPHERE_VOLUME)
        )
        q.diagram_svg = cylinder_figure(
            "A cylinder with a hemisphere on top",
            float(r),
            float(h),
            (f"{n(r)} m", f"{n(h)} m"),
            top="hemisphere",
        ).svg()
        cyl, hemi = "pi*r**2*h", "2*pi*r**3/3"
        volume = f"{cyl} + {hemi}"
        p = q.part("a", "Calculate the volume of the silo.", marks=3, command="Calculate")
        p.step(f"Cylinder: $\\pi \\times {n(r)}^2 \\times {n(h)} = {_approx(q, cyl)}$", cyl)
        p.step(
            f"Hemisphere: $\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times "
            f"{n(r)}^3 = {_approx(q, hemi)}$",
            hemi,
        )
        ans = p.answer(volume, accuracy=SF3, unit="m^3")
        p.step(f"Volume $= {ans.latex}$ m$^3$", volume)
        p.mark("M", f"$\\pi \\times {n(r)}^2 \\times {n(h)}$", value=cyl)
        p.mark(
            "M",
            f"$\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {n(r)}^3$",
            value=hemi,
        )
        p.mark("A", f"${ans.latex}$", value=volume, qualifiers=["awrt"])
        wrong(
            p,
            f"{cyl} + 4*pi*r**3/3",
            "added a whole sphere instead of a hemisphere",
            1,
            working=[cyl],
        )
        wrong(
            p,
            f"{cyl} + 2*pi*r**2/3",
            "squared the radius in the hemisphere volume",
            1,
            working=[cyl],
        )

    def _cone_hemisphere(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(2, 9), unit="cm")
        # h = 2r would make the cone and the hemisphere the same volume
        h = q.given(
            "h", rng.choice([x for x in range(int(r) + 2, 4 * int(r) + 1) if x != 2 * r]), unit="cm"
        )
        q.title = "A cone and a hemisphere"
        q.stem = (
            f"A solid toy is made from a cone of radius ${n(r)}$ cm and height ${n(h)}$ cm "
            "joined to a hemisphere of the same radius.\n"
            + _formulas(CONE_VOLUME, SPHERE_VOLUME, SPHERE_AREA)
        )
        fig = Figure("A cone on a hemisphere").point("O", 0, 0).point("V", 0, -float(h))
        fig.ellipse("O", float(r), 0.3 * float(r)).arc("O", float(r), 0, 180)
        fig.segment((-float(r), 0), "V").segment((float(r), 0), "V")
        fig.segment("O", "V", dashed=True).segment("O", (float(r), 0))
        fig.label(f"{n(r)} cm", (float(r) / 2, 0), 0, 10)
        fig.side_label("O", "V", f"{n(h)} cm", inside=(float(r), 0))
        q.diagram_svg = fig.svg()
        cone, hemi = "pi*r**2*h/3", "2*pi*r**3/3"
        volume = f"{cone} + {hemi}"
        p = q.part("a", "Calculate the volume of the toy.", marks=3, command="Calculate")
        p.step(
            f"Cone: $\\frac{{1}}{{3}} \\times \\pi \\times {n(r)}^2 \\times {n(h)} = "
            f"{_approx(q, cone)}$",
            cone,
        )
        p.step(
            f"Hemisphere: $\\frac{{2}}{{3}} \\times \\pi \\times {n(r)}^3 = {_approx(q, hemi)}$",
            hemi,
        )
        ans = p.answer(volume, accuracy=SF3, unit="cm^3")
        p.step(f"Volume $= {ans.latex}$ cm$^3$", volume)
        p.mark("M", f"$\\frac{{1}}{{3}} \\times \\pi \\times {n(r)}^2 \\times {n(h)}$", value=cone)
        p.mark(
            "M",
            f"$\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {n(r)}^3$",
            value=hemi,
        )
        p.mark("A", f"${ans.latex}$", value=volume, qualifiers=["awrt"])
        wrong(p, f"pi*r**2*h + {hemi}", "left out the ⅓ in the cone volume", 1, working=[hemi])
        wrong(p, f"{cone} + 4*pi*r**3/3", "used a whole sphere", 1, working=[cone])
        hemi_area = "2*pi*r**2"
        p = q.part(
            "b",
            "Calculate the curved surface area of the hemisphere.",
            marks=2,
            command="Calculate",
        )
        p.step(f"$\\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {n(r)}^2$", hemi_area)
        ans = p.answer(hemi_area, accuracy=SF3, unit="cm^2")
        p.step(f"$= {ans.latex}$ cm$^2$", hemi_area)
        p.mark("M", f"$\\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {n(r)}^2$", value=hemi_area)
        p.mark("A", f"${ans.latex}$", value=hemi_area, qualifiers=["awrt"])
        wrong(p, "4*pi*r**2", "used the surface area of a whole sphere", 0)
        wrong(p, "3*pi*r**2", "included the flat face, which is joined to the cone", 0)

    def _block_with_hole(self, q: QuestionBuilder, rng: random.Random) -> None:
        length, width = rng.randint(10, 30), rng.randint(6, 15)
        height = rng.randint(5, 15)
        d = rng.randint(2, min(width, height) - 2)
        ll = q.given("l", length, unit="cm")
        w = q.given("w", width, unit="cm")
        h = q.given("h", height, unit="cm")
        dd = q.given("d", d, unit="cm")
        density = q.given("rho", Rational(rng.choice([6, 7, 8, 9, 27]), 10), unit="g/cm^3")
        q.title = "A block with a cylindrical hole"
        q.stem = (
            f"A block of wood is a cuboid ${n(ll)}$ cm long, ${n(w)}$ cm wide and ${n(h)}$ "
            f"cm high. A cylindrical hole of diameter ${n(dd)}$ cm is drilled through the "
            "block along its length."
        )
        fig = cuboid_figure(
            "A cuboid with a cylindrical hole",
            float(w) * 1.0,
            float(ll),
            float(h),
            (f"{n(w)} cm", f"{n(ll)} cm", f"{n(h)} cm"),
        )
        fig.circle((float(w) / 2, float(h) / 2), float(d) / 2, white=True)
        q.diagram_svg = fig.svg()
        block, hole = "l*w*h", "pi*(d/2)**2*l"
        volume = f"{block} - {hole}"
        p = q.part("a", "Calculate the volume of wood that is left.", marks=3, command="Calculate")
        p.step(f"Cuboid: ${n(ll)} \\times {n(w)} \\times {n(h)} = {n(ll * w * h)}$", block)
        p.step(f"Hole: $\\pi \\times {n(dd / 2)}^2 \\times {n(ll)} = {_approx(q, hole)}$", hole)
        ans = p.answer(volume, accuracy=SF3, unit="cm^3")
        p.step(f"Volume $= {ans.latex}$ cm$^3$", volume)
        p.mark("M", f"${n(ll)} \\times {n(w)} \\times {n(h)}$", value=block)
        p.mark("M", f"$\\pi \\times {n(dd / 2)}^2 \\times {n(ll)}$", value=hole)
        p.mark("A", f"${ans.latex}$", value=volume, qualifiers=["awrt"])
        wrong(
            p,
            f"{block} - pi*d**2*l",
            "used the diameter as the radius of the hole",
            1,
            working=[block],
        )
        mass = f"({volume})*rho"
        p = q.part(
            "b",
            f"The wood has a density of ${n(density)}$ g/cm$^3$.\nCalculate the mass "
            "of the block in grams.",
            marks=2,
            command="Calculate",
        )
        ans = p.answer(mass, accuracy=SF3, unit="g")
        p.step(f"Mass $= {_approx(q, volume)} \\times {n(density)} = {ans.latex}$ g", mass)
        p.mark("M", f"their volume $\\times {n(density)}$", value=mass, qualifiers=["FT"])
        p.mark("A", f"${ans.latex}$", value=mass, qualifiers=["awrt"])
        wrong(p, f"({volume})/rho", "divided by the density instead of multiplying", 0)
