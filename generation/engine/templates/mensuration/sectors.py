"""Arc length, sector area and the perimeter of a sector, with a calculator (syllabus 5.3);
Extended: the angle from the arc length and the radius from the area."""

from __future__ import annotations

import random

from sympy import Rational, pi

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import shapes
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.authoring.text import degrees, number, rounded, squared
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3 = Accuracy.SF3


@register
class ArcSector(Template):
    key = "mensuration.arc_sector"
    title = "Arc length, sector area and perimeter of a sector"
    codes = {Tier.CORE: ("C5.3",), Tier.EXTENDED: ("E5.3",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        extended = q.tier == Tier.EXTENDED
        if extended and difficulty == 4:
            self._angle_from_arc(q, rng)
            return
        if extended and difficulty == 5:
            self._radius_from_area(q, rng)
            return
        reflex = difficulty >= 4
        cut = difficulty == 5  # the angle removed is given: one more step
        angle = rng.randint(200, 330) if reflex else rng.randint(15, 165)
        if angle % 90 == 0:
            angle += 7
        if cut:
            q.given("alpha", 360 - angle, unit="degrees")
            theta_expr = "(360 - alpha)"
        else:
            q.given("theta", angle, unit="degrees")
            theta_expr = "theta"
        theta = q.value_of(theta_expr)
        if difficulty == 1:
            r = q.given("r", rng.randint(4, 20), unit="cm")
        else:
            r = q.given("r", Rational(rng.randint(41, 199), 10), unit="cm")
        contexts = (
            ["", "a badge", "a logo"]
            if reflex
            else ["", "a fan", "a slice of cake", "a garden lawn", "a badge"]
        )
        context = rng.choice(contexts)
        q.param("context", context or "sector")
        unit = "m" if context == "a garden lawn" else "cm"
        shape = f"The diagram shows {context}" if context else "The diagram shows"
        described = "in the shape of a sector" if context else "a sector"
        q.title = "Arc length and area of a sector"
        if cut:
            alpha = 360 - angle
            q.stem = (
                f"A sector with angle ${degrees(alpha)}$ is cut from a circle with centre $O$ "
                f"and radius ${number(r)}$ {unit}.\nThe diagram shows the sector that is left."
            )
            fig = shapes.sector(
                "A sector of a circle",
                angle,
                f"{number(r)} {unit}",
                f"{alpha}°",
                mark_gap=True,
                centre="O",
            )
        else:
            q.stem = (
                f"{shape} {described} of a circle with centre $O$, radius ${number(r)}$ {unit} "
                f"and angle ${degrees(theta)}$."
            )
            fig = shapes.sector(
                "A sector of a circle", angle, f"{number(r)} {unit}", f"{angle}°", centre="O"
            )
        q.diagram_svg = fig.svg()
        arc, area = f"{theta_expr}/360*2*pi*r", f"{theta_expr}/360*pi*r**2"
        labels = iter("abc")
        p = q.part(next(labels), "Calculate the length of the arc.", marks=2, command="Calculate")
        if cut:
            p.step(
                f"Angle of the sector $= 360 - {number(360 - theta)} = {number(theta)}^\\circ$",
                theta_expr,
            )
        p.step(
            f"$l = \\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times {number(r)}$",
            arc,
        )
        ans = Working(q, arc)
        p.step(f"$l = {rounded(ans.value, SF3)}$ {unit}", arc)
        method(
            p,
            Working(q, arc),
            f"$\\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times {number(r)}$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit=unit, step="", awrt=True)
        misconception(
            p, Misconception("used the sector area formula instead of the arc length", area)
        )
        misconception(
            p, Misconception("divided the angle by 180 instead of 360", f"{theta_expr}/180*2*pi*r")
        )
        if cut:
            misconception(p, Misconception("used the angle that was cut out", "alpha/360*2*pi*r"))

        p = q.part(next(labels), "Calculate the area of the sector.", marks=2, command="Calculate")
        p.step(f"$A = \\frac{{{number(theta)}}}{{360}} \\times \\pi \\times {number(r)}^2$", area)
        ans = Working(q, area)
        p.step(f"$A = {rounded(ans.value, SF3)}$ {squared(unit)}", area)
        method(
            p,
            Working(q, area),
            f"$\\frac{{{number(theta)}}}{{360}} \\times \\pi \\times {number(r)}^2$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit=f"{unit}^2", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "found the area of the rest of the circle", f"(360 - {theta_expr})/360*pi*r**2"
            ),
        )
        misconception(
            p,
            Misconception(
                "used the diameter instead of the radius", f"{theta_expr}/360*pi*(2*r)**2"
            ),
        )

        if difficulty >= 3:
            p = q.part(
                next(labels), "Calculate the perimeter of the sector.", marks=2, command="Calculate"
            )
            p.step(f"Arc length $= {rounded(q.value_of(arc), Accuracy.SF4)}\\ldots$", arc)
            ans = Working(q, f"2*r + {arc}")
            p.step(
                f"Perimeter $= {rounded(q.value_of(arc), Accuracy.SF4)}\\ldots + {number(r)} + {number(r)} "
                f"= {rounded(ans.value, SF3)}$ {unit}",
                f"2*r + {arc}",
            )
            method(
                p,
                Working(q, arc),
                "their arc length $+ 2 \\times" + f" {number(r)}$",
                step="",
                qualifiers=("FT",),
            )
            final(p, ans, accuracy=SF3, unit=unit, step="", awrt=True)
            misconception(
                p, Misconception("gave the arc length only, leaving out the two radii", arc, (arc,))
            )
            misconception(p, Misconception("added only one radius", f"r + {arc}", (arc,)))

    def _angle_from_arc(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(5, 25), unit="cm")
        exact_angle = rng.randint(25, 160)
        length = Rational(round(float(exact_angle / Rational(360) * 2 * pi * r) * 10), 10)
        arc_len = q.given("L", length, unit="cm")
        q.title = "Sector: finding the angle from the arc length"
        q.stem = (
            f"The diagram shows a sector of a circle with centre $O$ and radius ${number(r)}$ cm."
            f"\nThe length of the arc is ${number(arc_len)}$ cm."
        )
        fig = shapes.sector(
            "A sector of a circle", exact_angle, f"{number(r)} cm", "x°", centre="O"
        )
        q.diagram_svg = fig.svg()
        a = q.part("a", "Calculate the angle $x$.", marks=3, command="Calculate")
        a.step(
            f"$\\frac{{x}}{{360}} \\times 2 \\times \\pi \\times {number(r)} = {number(arc_len)}$",
            None,
        )
        a.step(
            f"$\\frac{{x}}{{360}} = \\frac{{{number(arc_len)}}}{{2 \\times \\pi \\times {number(r)}}} = "
            f"{rounded(q.value_of('L/(2*pi*r)'), Accuracy.SF4)}\\ldots$",
            "L/(2*pi*r)",
        )
        ans = Working(q, "360*L/(2*pi*r)")
        a.step(f"$x = {rounded(ans.value, Accuracy.ANGLE_1DP)}^\\circ$", "360*L/(2*pi*r)")
        method(
            a,
            Working(q, "L/(2*pi*r)"),
            f"$\\frac{{x}}{{360}} \\times 2 \\times \\pi \\times {number(r)} = {number(arc_len)}$",
            step="",
            partial=[
                f"M1 for $2 \\times \\pi \\times {number(r)}$ [$= {rounded(q.value_of('2*pi*r'))}$] seen"
            ],
            count=2,
        )
        final(a, ans, accuracy=Accuracy.ANGLE_1DP, unit="degrees", step="", awrt=True, label="x")
        misconception(
            a,
            Misconception(
                "used the area formula πr² instead of the circumference", "360*L/(pi*r**2)"
            ),
        )
        misconception(
            a, Misconception("used 180 instead of 360", "180*L/(2*pi*r)", ("L/(2*pi*r)",))
        )
        misconception(
            a, Misconception("gave the angle in radians (L ÷ r) as if it were degrees", "L/r")
        )
        p = q.part("b", "Calculate the area of the sector.", marks=2, command="Calculate")
        p.step(
            f"$A = \\frac{{x}}{{360}} \\times \\pi \\times {number(r)}^2 = "
            f"{rounded(q.value_of('L/(2*pi*r)'), Accuracy.SF4)}\\ldots \\times \\pi \\times "
            f"{number(r)}^2$",
            None,
        )
        ans = Working(q, "L*r/2")
        shown = exact_or_3sf(ans.value)
        p.step(f"$A = {rounded(ans.value, shown)}$ cm$^2$", "L*r/2")
        method(
            p,
            Working(q, "L*r/2"),
            "$\\frac{\\text{their } x}{360} \\times \\pi \\times " + f"{number(r)}^2$",
            step="",
            qualifiers=("FT", "oe"),
        )
        final(p, ans, accuracy=shown, unit="cm^2", step="", awrt=True)
        misconception(p, Misconception("used 2πr instead of πr² for the whole circle", "L*r"))

    def _radius_from_area(self, q: QuestionBuilder, rng: random.Random) -> None:
        theta = q.given(
            "theta",
            rng.choice([40, 45, 50, 60, 72, 75, 80, 100, 110, 120, 135, 150]),
            unit="degrees",
        )
        area = q.given("A", rng.randint(20, 400), unit="cm^2")
        q.title = "Sector: finding the radius from the area"
        q.stem = (
            f"The diagram shows a sector of a circle with angle ${degrees(theta)}$.\n"
            f"The area of the sector is ${number(area)}$ cm$^2$."
        )
        q.diagram_svg = shapes.sector(
            "A sector of a circle", int(theta), "r cm", f"{number(theta)}°"
        ).svg()
        r2 = "360*A/(theta*pi)"
        a = q.part("a", "Calculate the radius, $r$, of the sector.", marks=3, command="Calculate")
        a.step(f"$\\frac{{{number(theta)}}}{{360}} \\times \\pi r^2 = {number(area)}$", None)
        a.step(
            f"$r^2 = \\frac{{360 \\times {number(area)}}}{{{number(theta)} \\times \\pi}} = "
            f"{rounded(q.value_of(r2), Accuracy.SF4)}\\ldots$",
            r2,
        )
        ans = Working(q, f"sqrt({r2})")
        a.step(f"$r = {rounded(ans.value, SF3)}$ cm", f"sqrt({r2})")
        method(
            a,
            Working(q, r2),
            f"$\\frac{{{number(theta)}}}{{360}} \\times \\pi r^2 = {number(area)}$",
            step="",
            partial=[f"M1 for $\\frac{{{number(theta)}}}{{360}} \\times \\pi r^2$ seen"],
            count=2,
        )
        final(a, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="r")
        misconception(a, Misconception("found r² but did not take the square root", r2, (r2,)))
        misconception(
            a, Misconception("used 2πr instead of πr² (r = 180A ÷ θπ)", "180*A/(theta*pi)")
        )
        p = q.part("b", "Calculate the length of the arc.", marks=2, command="Calculate")
        arc = f"theta/360*2*pi*sqrt({r2})"
        p.step(
            f"$l = \\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times "
            f"{rounded(q.value_of(f'sqrt({r2})'), Accuracy.SF4)}\\ldots$",
            None,
        )
        ans = Working(q, arc)
        p.step(f"$l = {rounded(ans.value, SF3)}$ cm", arc)
        method(
            p,
            Working(q, arc),
            f"$\\frac{{{number(theta)}}}{{360}} \\times 2 \\times \\pi \\times$ their $r$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True)
        misconception(p, Misconception("used πr instead of 2πr", f"theta/360*pi*sqrt({r2})"))
