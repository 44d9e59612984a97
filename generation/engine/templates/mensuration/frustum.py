"""The frustum of a cone (E5.4, E5.5): similar cones, volume and curved surface area."""

from __future__ import annotations

import random

from sympy import Rational, sqrt

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import solids
from generation.engine.authoring.text import number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.solids import CONE_AREA, CONE_VOLUME, formulas
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4 = Accuracy.SF3, Accuracy.SF4

# Ratios of the small cone to the large cone, and the radii of the large cone that keep every
# length a whole number.
_RATIOS = [Rational(1, 2), Rational(1, 3), Rational(2, 3), Rational(1, 4), Rational(3, 4),
           Rational(2, 5), Rational(3, 5)]  # fmt: skip


@register
class Frustum(Template):
    key = "mensuration.frustum"
    title = "Frustum of a cone: volume and surface area by similar cones"
    codes = {Tier.EXTENDED: ("E5.4", "E5.5")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        k = rng.choice(_RATIOS)
        q.param("ratio", str(k))
        R = k.q * rng.randint(2, 12 // k.q + 2)  # noqa: N806 - R and r as on the paper
        H = k.q * rng.randint(max(2, R // k.q), 10)  # noqa: N806
        r, h = R * k, H * k
        thing = (
            "lampshade"
            if difficulty == 4
            else rng.choice(["plant pot", "bucket", "waste-paper bin"])
        )
        q.param("context", thing)
        q.title = "Frustum of a cone"
        formula = formulas(CONE_VOLUME, CONE_AREA)
        labels = iter("abc")
        big_v, small_v = "pi*R**2*H/3", "pi*r**2*h/3"
        if difficulty == 1:
            q.given("R", R, unit="cm")
            q.given("H", H, unit="cm")
            q.given("r", r, unit="cm")
            q.given("h", h, unit="cm")
            q.stem = (
                f"A {thing} is a frustum. It is made by removing a cone of radius "
                f"${number(r)}$ cm and height ${number(h)}$ cm from the top of a cone of radius "
                f"${number(R)}$ cm and height ${number(H)}$ cm.\n{formula}"
            )
            fig_labels = {"R": f"{number(R)} cm", "r": f"{number(r)} cm", "h": f"{number(h)} cm"}
        elif difficulty in (2, 4):
            q.given("R", R, unit="cm")
            q.given("H", H, unit="cm")
            q.given("h", h, unit="cm")
            big_v, small_v = "pi*R**2*H/3", "pi*(R*h/H)**2*h/3"
            q.stem = (
                f"A {thing} is a frustum. It is made by removing a small cone of height "
                f"${number(h)}$ cm from the top of a cone of radius ${number(R)}$ cm and height "
                f"${number(H)}$ cm. The two cones are similar.\n{formula}"
            )
            fig_labels = {"R": f"{number(R)} cm", "r": "r cm", "h": f"{number(h)} cm"}
            p = q.part(
                next(labels),
                "Calculate the radius, $r$, of the small cone.",
                marks=2,
                command="Calculate",
            )
            p.step(
                f"The cones are similar, so $\\frac{{r}}{{{number(R)}}} = \\frac{{{number(h)}}}{{{number(H)}}}$",
                None,
            )
            p.step(
                f"$r = {number(R)} \\times \\frac{{{number(h)}}}{{{number(H)}}} = {number(r)}$ cm",
                "R*h/H",
            )
            method(
                p,
                Working(q, "R*h/H"),
                f"${number(R)} \\times \\frac{{{number(h)}}}{{{number(H)}}}$",
                step="",
            )
            final(p, Working(q, "R*h/H", fractions=False), unit="cm", step="", label="r")
            misconception(p, Misconception("used the scale factor the wrong way round", "R*H/h"))
            misconception(
                p,
                Misconception(
                    "subtracted the difference in heights from the radius", "R - (H - h)"
                ),
            )
        else:
            q.given("R", R, unit="cm")
            q.given("r", r, unit="cm")
            q.given("t", H - h, unit="cm")
            big_v, small_v = "pi*R**2*(r*t/(R - r) + t)/3", "pi*r**2*(r*t/(R - r))/3"
            q.stem = (
                f"A {thing} is a frustum of a cone. The radii of its circular ends are "
                f"${number(R)}$ cm and ${number(r)}$ cm and its height is ${number(H - h)}$ cm.\nThe frustum "
                "is made by removing a small cone from a large cone. The two cones are "
                f"similar.\n{formula}"
            )
            fig_labels = {
                "R": f"{number(R)} cm",
                "r": f"{number(r)} cm",
                "t": f"{number(H - h)} cm",
                "h": "h cm",
            }
            p = q.part(
                next(labels),
                "Calculate the height, $h$, of the small cone.",
                marks=3,
                command="Calculate",
            )
            p.step(
                f"$\\frac{{h}}{{{number(r)}}} = \\frac{{h + {number(H - h)}}}{{{number(R)}}}$", None
            )
            p.step(
                f"${number(R)}h = {number(r)}h + {number(r * (H - h))}$, so ${number(R - r)}h = {number(r * (H - h))}$",
                "r*t",
            )
            p.step(f"$h = {number(h)}$ cm", "r*t/(R - r)")
            method(
                p,
                Working(q, "r*t"),
                f"$\\frac{{h}}{{{number(r)}}} = \\frac{{h + {number(H - h)}}}{{{number(R)}}}$",
                step="",
                partial=[f"M1 for scale factor $\\frac{{{number(r)}}}{{{number(R)}}}$ seen"],
            )
            method(
                p,
                Working(q, "r*t/(R - r)"),
                f"${number(R - r)}h = {number(r * (H - h))}$",
                step="",
                qualifiers=("dep", "oe"),
            )
            final(p, Working(q, "r*t/(R - r)", fractions=False), unit="cm", step="", label="h")
            misconception(
                p,
                Misconception(
                    "treated the frustum height as the height of the large cone", "r*t/R"
                ),
            )
        q.diagram_svg = solids.frustum(
            "A frustum of a cone", float(R), float(r), float(H), apex=True, labels=fig_labels
        ).svg()
        if difficulty == 4:
            self._curved_area(q, next(labels), thing)
            return
        volume = f"{big_v} - {small_v}"
        litres = difficulty == 5
        answer = f"({volume})/1000" if litres else volume
        text = (
            f"Calculate the capacity of the {thing} in litres."
            if litres
            else f"Calculate the volume of the {thing}."
        )
        p = q.part(next(labels), text, marks=3, command="Calculate")
        big_shown = rounded(q.value_of(big_v), SF4)
        small_shown = rounded(q.value_of(small_v), SF4)
        p.step(
            f"Large cone: $\\frac{{1}}{{3}} \\times \\pi \\times {number(R)}^2 \\times {number(H)} = "
            f"{big_shown}\\ldots$",
            big_v,
        )
        p.step(
            f"Small cone: $\\frac{{1}}{{3}} \\times \\pi \\times {number(r)}^2 \\times {number(h)} = "
            f"{small_shown}\\ldots$",
            small_v,
        )
        p.step(
            f"Frustum: ${big_shown}\\ldots - {small_shown}\\ldots = "
            f"{rounded(q.value_of(volume), SF4)}\\ldots$ cm$^3$",
            volume,
        )
        ans = Working(q, answer)
        if litres:
            p.step(
                f"${rounded(q.value_of(volume), SF4)}\\ldots \\div 1000 = {rounded(ans.value, SF3)}$ litres",
                answer,
            )
        else:
            p.step(f"$V = {rounded(ans.value, SF3)}$ cm$^3$", answer)
        method(
            p,
            Working(q, big_v),
            f"$\\frac{{1}}{{3}} \\times \\pi \\times {number(R)}^2 \\times {number(H)}$",
            step="",
        )
        method(
            p,
            Working(q, small_v),
            f"$\\frac{{1}}{{3}} \\times \\pi \\times {number(r)}^2 \\times {number(h)}$",
            step="",
            partial=["A1 needs the small cone subtracted from the large one"],
        )
        final(p, ans, accuracy=SF3, unit="litres" if litres else "cm^3", step="", awrt=True)
        scale = "/1000" if litres else ""
        misconception(
            p,
            Misconception(
                "added the two cones instead of subtracting",
                f"({big_v} + {small_v}){scale}",
                (big_v, small_v),
            ),
        )
        misconception(
            p,
            Misconception("left out the ⅓ in both cone volumes", f"({big_v} - {small_v})*3{scale}"),
        )
        if litres:
            misconception(
                p,
                Misconception(
                    "divided by 100 instead of 1000", f"({volume})/100", (big_v, small_v)
                ),
            )

    def _curved_area(self, q: QuestionBuilder, label: str, thing: str) -> None:
        big_l, small_l = "sqrt(R**2 + H**2)", "sqrt((R*h/H)**2 + h**2)"
        area = f"pi*R*{big_l} - pi*(R*h/H)*{small_l}"
        R, H, h = (q.value_of(x) for x in ("R", "H", "h"))  # noqa: N806
        r = R * h / H
        p = q.part(
            label,
            f"The {thing} is open at both ends. Calculate the curved surface area of the {thing}.",
            marks=4,
            command="Calculate",
        )
        p.step(
            f"Slant height of the large cone $= \\sqrt{{{number(R)}^2 + {number(H)}^2}} = "
            f"{rounded(sqrt(R**2 + H**2), SF4)}\\ldots$",
            big_l,
        )
        p.step(
            f"Slant height of the small cone $= \\sqrt{{{number(r)}^2 + {number(h)}^2}} = "
            f"{rounded(sqrt(r**2 + h**2), SF4)}\\ldots$",
            small_l,
        )
        ans = Working(q, area)
        p.step(
            f"$A = \\pi \\times {number(R)} \\times {rounded(sqrt(R**2 + H**2), SF4)}\\ldots - \\pi "
            f"\\times {number(r)} \\times {rounded(sqrt(r**2 + h**2), SF4)}\\ldots = {rounded(ans.value, SF3)}$ "
            "cm$^2$",
            area,
        )
        method(
            p,
            Working(q, big_l),
            f"$\\sqrt{{{number(R)}^2 + {number(H)}^2}}$",
            step="",
        )
        method(p, Working(q, small_l), f"$\\sqrt{{{number(r)}^2 + {number(h)}^2}}$", step="")
        method(
            p,
            Working(q, area),
            "$\\pi \\times R \\times L - \\pi \\times r \\times l$ with their slant heights",
            step="",
            qualifiers=("dep",),
        )
        final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "added the two curved surfaces",
                f"pi*R*{big_l} + pi*(R*h/H)*{small_l}",
                (big_l, small_l),
            ),
        )
        misconception(
            p,
            Misconception(
                "used the vertical heights instead of the slant heights", "pi*R*H - pi*(R*h/H)*h"
            ),
        )
