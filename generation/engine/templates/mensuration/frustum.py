"""The frustum of a cone (E5.4, E5.5): similar cones, volume and curved surface area."""

from __future__ import annotations

import random

from sympy import Rational, sqrt

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.common import n, shown, wrong
from generation.engine.templates.mensuration.solid_figures import (
    frustum_figure,
)
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
                f"${n(r)}$ cm and height ${n(h)}$ cm from the top of a cone of radius "
                f"${n(R)}$ cm and height ${n(H)}$ cm.\n{formula}"
            )
            fig_labels = {"R": f"{n(R)} cm", "r": f"{n(r)} cm", "h": f"{n(h)} cm"}
        elif difficulty in (2, 4):
            q.given("R", R, unit="cm")
            q.given("H", H, unit="cm")
            q.given("h", h, unit="cm")
            big_v, small_v = "pi*R**2*H/3", "pi*(R*h/H)**2*h/3"
            q.stem = (
                f"A {thing} is a frustum. It is made by removing a small cone of height "
                f"${n(h)}$ cm from the top of a cone of radius ${n(R)}$ cm and height "
                f"${n(H)}$ cm. The two cones are similar.\n{formula}"
            )
            fig_labels = {"R": f"{n(R)} cm", "r": "r cm", "h": f"{n(h)} cm"}
            p = q.part(
                next(labels),
                "Calculate the radius, $r$, of the small cone.",
                marks=2,
                command="Calculate",
            )
            p.step(
                f"The cones are similar, so $\\frac{{r}}{{{n(R)}}} = \\frac{{{n(h)}}}{{{n(H)}}}$",
                None,
            )
            p.step(f"$r = {n(R)} \\times \\frac{{{n(h)}}}{{{n(H)}}} = {n(r)}$ cm", "R*h/H")
            p.answer("R*h/H", unit="cm", label="r")
            p.mark("M", f"${n(R)} \\times \\frac{{{n(h)}}}{{{n(H)}}}$ oe", value="R*h/H")
            p.mark("A", f"${n(r)}$", value="R*h/H", qualifiers=["cao"])
            wrong(p, "R*H/h", "used the scale factor the wrong way round", 0)
            wrong(p, "R - (H - h)", "subtracted the difference in heights from the radius", 0)
        else:
            q.given("R", R, unit="cm")
            q.given("r", r, unit="cm")
            q.given("t", H - h, unit="cm")
            big_v, small_v = "pi*R**2*(r*t/(R - r) + t)/3", "pi*r**2*(r*t/(R - r))/3"
            q.stem = (
                f"A {thing} is a frustum of a cone. The radii of its circular ends are "
                f"${n(R)}$ cm and ${n(r)}$ cm and its height is ${n(H - h)}$ cm.\nThe frustum "
                "is made by removing a small cone from a large cone. The two cones are "
                f"similar.\n{formula}"
            )
            fig_labels = {"R": f"{n(R)} cm", "r": f"{n(r)} cm", "t": f"{n(H - h)} cm", "h": "h cm"}
            p = q.part(
                next(labels),
                "Calculate the height, $h$, of the small cone.",
                marks=3,
                command="Calculate",
            )
            p.step(f"$\\frac{{h}}{{{n(r)}}} = \\frac{{h + {n(H - h)}}}{{{n(R)}}}$", None)
            p.step(
                f"${n(R)}h = {n(r)}h + {n(r * (H - h))}$, so ${n(R - r)}h = {n(r * (H - h))}$",
                "r*t",
            )
            p.step(f"$h = {n(h)}$ cm", "r*t/(R - r)")
            p.answer("r*t/(R - r)", unit="cm", label="h")
            p.mark(
                "M",
                f"$\\frac{{h}}{{{n(r)}}} = \\frac{{h + {n(H - h)}}}{{{n(R)}}}$ oe",
                value="r*t",
                partial=[f"M1 for scale factor $\\frac{{{n(r)}}}{{{n(R)}}}$ seen"],
            )
            p.mark(
                "M", f"${n(R - r)}h = {n(r * (H - h))}$ oe", value="r*t/(R - r)", qualifiers=["dep"]
            )
            p.mark("A", f"${n(h)}$", value="r*t/(R - r)", qualifiers=["cao"])
            wrong(p, "r*t/R", "treated the frustum height as the height of the large cone", 0)
        q.diagram_svg = frustum_figure(
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
        big_shown = shown(q.value_of(big_v), SF4)
        small_shown = shown(q.value_of(small_v), SF4)
        p.step(
            f"Large cone: $\\frac{{1}}{{3}} \\times \\pi \\times {n(R)}^2 \\times {n(H)} = "
            f"{big_shown}\\ldots$",
            big_v,
        )
        p.step(
            f"Small cone: $\\frac{{1}}{{3}} \\times \\pi \\times {n(r)}^2 \\times {n(h)} = "
            f"{small_shown}\\ldots$",
            small_v,
        )
        p.step(
            f"Frustum: ${big_shown}\\ldots - {small_shown}\\ldots = "
            f"{shown(q.value_of(volume), SF4)}\\ldots$ cm$^3$",
            volume,
        )
        ans = p.answer(answer, accuracy=SF3, unit="litres" if litres else "cm^3")
        if litres:
            p.step(
                f"${shown(q.value_of(volume), SF4)}\\ldots \\div 1000 = {ans.latex}$ litres", answer
            )
        else:
            p.step(f"$V = {ans.latex}$ cm$^3$", answer)
        p.mark("M", f"$\\frac{{1}}{{3}} \\times \\pi \\times {n(R)}^2 \\times {n(H)}$", value=big_v)
        p.mark(
            "M",
            f"$\\frac{{1}}{{3}} \\times \\pi \\times {n(r)}^2 \\times {n(h)}$",
            value=small_v,
            partial=["A1 needs the small cone subtracted from the large one"],
        )
        p.mark("A", f"${ans.latex}$", value=answer, qualifiers=["awrt"])
        scale = "/1000" if litres else ""
        wrong(
            p,
            f"({big_v} + {small_v}){scale}",
            "added the two cones instead of subtracting",
            2,
            working=[big_v, small_v],
        )
        wrong(p, f"({big_v} - {small_v})*3{scale}", "left out the ⅓ in both cone volumes", 0)
        if litres:
            wrong(
                p, f"({volume})/100", "divided by 100 instead of 1000", 2, working=[big_v, small_v]
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
            f"Slant height of the large cone $= \\sqrt{{{n(R)}^2 + {n(H)}^2}} = "
            f"{shown(sqrt(R**2 + H**2), SF4)}\\ldots$",
            big_l,
        )
        p.step(
            f"Slant height of the small cone $= \\sqrt{{{n(r)}^2 + {n(h)}^2}} = "
            f"{shown(sqrt(r**2 + h**2), SF4)}\\ldots$",
            small_l,
        )
        ans = p.answer(area, accuracy=SF3, unit="cm^2")
        p.step(
            f"$A = \\pi \\times {n(R)} \\times {shown(sqrt(R**2 + H**2), SF4)}\\ldots - \\pi "
            f"\\times {n(r)} \\times {shown(sqrt(r**2 + h**2), SF4)}\\ldots = {ans.latex}$ "
            "cm$^2$",
            area,
        )
        p.mark("M", f"$\\sqrt{{{n(R)}^2 + {n(H)}^2}}$", value=big_l)
        p.mark("M", f"$\\sqrt{{{n(r)}^2 + {n(h)}^2}}$ oe", value=small_l)
        p.mark(
            "M",
            "$\\pi \\times R \\times L - \\pi \\times r \\times l$ with their slant heights",
            value=area,
            qualifiers=["dep"],
        )
        p.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(
            p,
            f"pi*R*{big_l} + pi*(R*h/H)*{small_l}",
            "added the two curved surfaces",
            2,
            working=[big_l, small_l],
        )
        wrong(
            p, "pi*R*H - pi*(R*h/H)*h", "used the vertical heights instead of the slant heights", 0
        )
