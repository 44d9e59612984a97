"""Circles, arcs and sectors (syllabus 5.3): area, circumference, arc length, sector area."""

from __future__ import annotations

import random

from sympy import Rational, pi

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import shapes
from generation.engine.authoring.text import degrees, number, rounded, squared
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import latex
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3 = Accuracy.SF3
IN_PI = "Give your answer in terms of $\\pi$."

# (object, unit, smallest and largest sensible radius)
_CIRCLES = [
    ("pond", "m", 2, 15),
    ("flower bed", "m", 1, 6),
    ("table top", "cm", 40, 90),
    ("rug", "cm", 60, 150),
    ("clock face", "cm", 10, 30),
]


@register
class CircleAreaCircumference(Template):
    key = "mensuration.circle_area_circumference"
    title = "Area and circumference of a circle"
    codes = {Tier.CORE: ("C5.3",), Tier.EXTENDED: ("E5.3",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        thing, unit, lo, hi = rng.choice(_CIRCLES)
        q.param("context", thing)
        q.title = "Circle: area and circumference"
        if difficulty == 5:
            self._from_area(q, rng, thing, unit, lo, hi)
            return
        if difficulty == 1:
            q.given("r", rng.randint(lo, hi), unit=unit)
            radius, stated = "r", "radius"
        elif difficulty == 2:
            q.given("r", rng.randint(lo, hi - 1) + Rational(1, 2), unit=unit)
            radius, stated = "r", "radius"
        else:
            q.given("d", 2 * rng.randint(lo, hi - 1) + rng.choice([0, 1]), unit=unit)
            radius, stated = "d/2", "diameter"
        shown_length = number(q.value_of("r" if stated == "radius" else "d"))
        r_value = q.value_of(radius)
        q.stem = f"A circular {thing} has {stated} ${shown_length}$ {unit}."
        q.diagram_svg = shapes.circle(
            "A circle", f"{shown_length} {unit}", diameter=stated == "diameter"
        ).svg()

        a = q.part("a", f"Calculate the area of the {thing}.", marks=2, command="Calculate")
        if stated == "diameter":
            a.step(f"$r = {shown_length} \\div 2 = {number(r_value)}$ {unit}", radius)
        area = Working(q, f"pi*({radius})**2", latex=f"\\pi \\times {number(r_value)}^2")
        method(a, area, step=f"$A = \\pi r^2 = {area.substituted}$")
        shown_area = rounded(area.value, SF3)
        final(a, area, accuracy=SF3, unit=f"{unit}^2", step=f"$A = {shown_area}$", awrt=True)
        misconception(
            a,
            Misconception("used the circumference formula 2πr instead of πr²", f"2*pi*({radius})"),
        )
        if stated == "diameter":
            misconception(a, Misconception("used the diameter as the radius", "pi*d**2"))

        b = q.part(
            "b", f"Calculate the circumference of the {thing}.", marks=2, command="Calculate"
        )
        circumference = Working(
            q, f"2*pi*({radius})", latex=f"2 \\times \\pi \\times {number(r_value)}"
        )
        method(b, circumference, step=f"$C = 2\\pi r = {circumference.substituted}$")
        shown_c = rounded(circumference.value, SF3)
        final(b, circumference, accuracy=SF3, unit=unit, step=f"$C = {shown_c}$ {unit}", awrt=True)
        if stated == "diameter":
            misconception(b, Misconception("used the diameter as the radius in 2πr", "2*pi*d"))
        misconception(b, Misconception("used πr instead of 2πr", f"pi*({radius})"))
        misconception(
            b,
            Misconception("worked out the area instead of the circumference", f"pi*({radius})**2"),
        )

        if difficulty == 4:
            c_len = q.given("C", rng.randint(60, 300), unit="cm")
            c = q.part(
                "c",
                f"A hoop has circumference ${number(c_len)}$ cm.\nCalculate the radius of the hoop.",
                marks=2,
                command="Calculate",
            )
            r = Working(q, "C/(2*pi)", latex=f"{number(c_len)} \\div (2\\pi)")
            method(c, r, step=f"$2\\pi r = {number(c_len)}$, so $r = {r.substituted}$")
            shown_r = rounded(r.value, SF3)
            final(c, r, accuracy=SF3, unit="cm", step=f"$r = {shown_r}$ cm", awrt=True, label="r")
            misconception(c, Misconception("found the diameter (divided by π only)", "C/pi"))
            misconception(
                c,
                Misconception(
                    "used the area formula πr² instead of the circumference", "sqrt(C/pi)"
                ),
            )

    def _from_area(
        self, q: QuestionBuilder, rng: random.Random, thing: str, unit: str, lo: int, hi: int
    ) -> None:
        # A stated area, rounded as a real measurement would be (no whole-number radius).
        rough = float(pi) * rng.uniform(lo, hi) ** 2
        step = 10 if rough > 2000 else 1
        area = q.given("A", max(step, round(rough / step) * step), unit=f"{unit}^2")
        q.title = "Circle: radius and circumference from the area"
        q.stem = f"A circular {thing} has area ${number(area)}$ {squared(unit)}."
        q.diagram_svg = shapes.circle("A circle", "r").svg()
        a = q.part("a", f"Calculate the radius of the {thing}.", marks=2, command="Calculate")
        a.step(
            f"$\\pi r^2 = {number(area)}$, so $r^2 = {number(area)} \\div \\pi = "
            f"{rounded(area / pi, Accuracy.SF4)}\\ldots$",
            "A/pi",
        )
        rans = Working(q, "sqrt(A/pi)")
        a.step(
            f"$r = \\sqrt{{{number(area)} \\div \\pi}} = {rounded(rans.value, SF3)}$ {unit}",
            "sqrt(A/pi)",
        )
        method(a, Working(q, "A/pi"), f"$r^2 = {number(area)} \\div \\pi$", step="")
        final(a, rans, accuracy=SF3, unit=unit, step="", awrt=True, label="r")
        misconception(a, Misconception("did not take the square root of r²", "A/pi", ("A/pi",)))
        misconception(a, Misconception("took the square root before dividing by π", "sqrt(A)/pi"))

        b = q.part(
            "b", f"Calculate the circumference of the {thing}.", marks=2, command="Calculate"
        )
        b.step(
            f"$C = 2 \\times \\pi \\times {rounded(q.value_of('sqrt(A/pi)'), Accuracy.SF4)}\\ldots$",
            None,
        )
        cans = Working(q, "2*pi*sqrt(A/pi)")
        b.step(f"$C = {rounded(cans.value, SF3)}$ {unit}", "2*pi*sqrt(A/pi)")
        method(
            b,
            Working(q, "2*pi*sqrt(A/pi)"),
            "$2 \\times \\pi \\times$ their $r$",
            step="",
            qualifiers=("FT",),
        )
        final(b, cans, accuracy=SF3, unit=unit, step="", awrt=True)
        misconception(b, Misconception("used πr instead of 2πr", "pi*sqrt(A/pi)"))


# (object, unit, radius range) for the non-calculator circle questions
_EXACT_CIRCLES = [
    ("coaster", "cm", 4, 6),
    ("badge", "mm", 10, 30),
    ("plate", "cm", 8, 14),
    ("mirror", "cm", 10, 25),
    ("pond", "m", 2, 9),
    ("flower bed", "m", 1, 5),
]


@register
class CircleInTermsOfPi(Template):
    key = "mensuration.circle_sector_exact"
    title = "Circles and sectors: answers in terms of π (non-calculator)"
    codes = {Tier.CORE: ("C5.3",), Tier.EXTENDED: ("E5.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    # (angle, radii that make every answer a whole or half multiple of pi)
    _SECTORS = {
        90: (2, 4, 6, 8, 10, 12),
        60: (3, 6, 9, 12),
        120: (3, 6, 9, 12),
        45: (4, 8, 12),
        30: (6, 12),
        150: (6, 12),
        72: (5, 10),
        36: (5, 10),
        40: (3, 6, 9),
        80: (3, 9),
    }
    _REFLEX = {270: (2, 4, 6, 8), 240: (3, 6, 9), 300: (3, 6, 12), 216: (5, 10)}

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        unit = "cm"
        if difficulty <= 2:
            self._circle(q, rng, difficulty, unit)
            return
        table = self._REFLEX if difficulty == 5 and q.tier == Tier.CORE else self._SECTORS
        angle = rng.choice(sorted(table))
        theta = q.given("theta", angle, unit="degrees")
        r = q.given("r", rng.choice(table[angle]), unit=unit)
        q.title = "Sector: arc length and area in terms of π"
        q.stem = (
            f"The diagram shows a sector of a circle with radius ${number(r)}$ {unit} and "
            f"angle ${degrees(theta)}$."
        )
        q.diagram_svg = shapes.sector(
            "A sector of a circle", angle, f"{number(r)} {unit}", f"{number(theta)}°"
        ).svg()
        frac = theta / 360
        arc, area = "theta/360*2*pi*r", "theta/360*pi*r**2"
        parts = iter("abc")
        p = q.part(
            next(parts), f"Work out the area of the sector. {IN_PI}", marks=2, command="Work out"
        )
        p.step(f"$A = \\frac{{{number(theta)}}}{{360}} \\times \\pi \\times {number(r)}^2$", area)
        ans = Working(q, area, fractions=False)
        p.step(f"$A = {ans.latex}$ {squared(unit)}", area)
        method(
            p,
            Working(q, area),
            f"$\\frac{{{number(theta)}}}{{360}} \\times \\pi \\times {number(r)}^2$",
            step="",
        )
        final(p, ans, unit=f"{unit}^2", step="")
        misconception(p, Misconception("used the arc length formula instead of the area", arc))
        misconception(p, Misconception("gave the area of the whole circle", "pi*r**2"))

        if difficulty == 3:
            p = q.part(
                next(parts), f"Work out the arc length. {IN_PI}", marks=2, command="Work out"
            )
            p.step(
                f"$l = \\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times {number(r)}$",
                arc,
            )
            ans = Working(q, arc, fractions=False)
            p.step(f"$l = {ans.latex}$ {unit}", arc)
            method(
                p,
                Working(q, arc),
                f"$\\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times {number(r)}$",
                step="",
            )
            final(p, ans, unit=unit, step="")
            misconception(
                p, Misconception("used the sector area formula instead of the arc length", area)
            )
            misconception(p, Misconception("used πr instead of 2πr", "theta/360*pi*r"))
            return

        p = q.part(
            next(parts),
            f"Work out the perimeter of the sector. {IN_PI}",
            marks=2,
            command="Work out",
        )
        p.step(
            f"Arc length $= \\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times {number(r)} = "
            f"{latex(frac * 2 * pi * r)}$",
            arc,
        )
        ans = Working(q, f"2*r + {arc}", fractions=False)
        p.step(
            f"Perimeter $= {latex(frac * 2 * pi * r)} + {number(r)} + {number(r)} = {ans.latex}$ {unit}",
            f"2*r + {arc}",
        )
        method(
            p,
            Working(q, arc),
            f"$\\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times {number(r)}$",
            step="",
        )
        final(p, ans, unit=unit, step="")
        misconception(
            p, Misconception("gave the arc length only, leaving out the two radii", arc, (arc,))
        )
        misconception(p, Misconception("added only one radius", f"r + {arc}", (arc,)))

        if difficulty == 5 and q.tier == Tier.EXTENDED:
            angle2 = rng.choice([a for a in self._SECTORS if a != angle])
            r2 = q.given("R", rng.choice(self._SECTORS[angle2]), unit=unit)
            area2 = q.given(
                "K",
                Rational(angle2, 360) * r2**2 * pi,
                display=latex(Rational(angle2, 360) * r2**2 * pi),
                unit=f"{unit}^2",
            )
            q.param("angle2", angle2)
            p = q.part(
                next(parts),
                f"A different sector has radius ${number(r2)}$ {unit} and area "
                f"${latex(area2)}$ {squared(unit)}.\nWork out the angle of this sector.",
                marks=2,
                command="Work out",
            )
            p.step(
                f"Let the angle be $x^\\circ$: $\\frac{{x}}{{360}} \\times \\pi \\times "
                f"{number(r2)}^2 = {latex(area2)}$",
                None,
            )
            p.step(
                f"$x = 360 \\times \\frac{{{latex(area2)}}}{{{number(r2**2)}\\pi}}$",
                "360*K/(pi*R**2)",
            )
            ans = Working(q, "360*K/(pi*R**2)", fractions=False)
            p.step(f"$x = {ans.latex}^\\circ$", "360*K/(pi*R**2)")
            method(
                p,
                Working(q, "360*K/(pi*R**2)"),
                f"$\\frac{{x}}{{360}} \\times \\pi \\times {number(r2)}^2 = {latex(area2)}$",
                step="",
            )
            final(p, ans, unit="degrees", step="", label="angle")
            misconception(
                p, Misconception("used the arc length formula 2πr instead of πr²", "180*K/(pi*R)")
            )

    def _circle(self, q: QuestionBuilder, rng: random.Random, difficulty: int, unit: str) -> None:
        thing, unit, lo, hi = rng.choice(_EXACT_CIRCLES)
        q.param("context", thing)
        q.title = "Circle: area and circumference in terms of π"
        if difficulty == 1:
            r = q.given("r", rng.randint(lo, hi), unit=unit)
            q.stem = f"A circular {thing} has radius ${number(r)}$ {unit}."
            radius = "r"
            q.diagram_svg = shapes.circle("A circle", f"{number(r)} {unit}").svg()
        else:
            d = q.given("d", 2 * rng.randint(lo, hi), unit=unit)
            q.stem = f"A circular {thing} has diameter ${number(d)}$ {unit}."
            radius = "d/2"
            q.diagram_svg = shapes.circle("A circle", f"{number(d)} {unit}", diameter=True).svg()
        r_value = q.value_of(radius)
        a = q.part("a", f"Work out the area of the {thing}. {IN_PI}", marks=2, command="Work out")
        if difficulty == 2:
            a.step(f"$r = {number(q.value_of('d'))} \\div 2 = {number(r_value)}$", radius)
        a.step(f"$A = \\pi \\times {number(r_value)}^2$", f"pi*({radius})**2")
        ans = Working(q, f"pi*({radius})**2", fractions=False)
        a.step(f"$A = {ans.latex}$ {squared(unit)}", f"pi*({radius})**2")
        method(
            a,
            Working(q, f"pi*({radius})**2"),
            f"$\\pi \\times {number(r_value)}^2$",
            step="",
        )
        final(a, ans, unit=f"{unit}^2", step="")
        misconception(
            a, Misconception("used 2πr (the circumference) instead of πr²", f"2*pi*({radius})")
        )
        if difficulty == 2:
            misconception(a, Misconception("used the diameter as the radius", "pi*d**2"))
        else:
            misconception(a, Misconception("worked out 2πr² instead of πr²", f"2*pi*({radius})**2"))

        b = q.part(
            "b", f"Work out the circumference of the {thing}. {IN_PI}", marks=1, command="Work out"
        )
        b.step(
            f"$C = 2 \\times \\pi \\times {number(r_value)} = {latex(2 * pi * r_value)}$ {unit}",
            f"2*pi*({radius})",
        )
        final(
            b,
            Working(q, f"2*pi*({radius})", fractions=False),
            unit=unit,
            step="",
            awarded_for=f"${latex(2 * pi * r_value)}$",
        )
        misconception(
            b,
            Misconception("worked out the area instead of the circumference", f"pi*({radius})**2"),
        )
        if difficulty == 2:
            misconception(b, Misconception("used the diameter as the radius", "2*pi*d"))
