"""Spheres, cones, pyramids and frustums (syllabus 5.4 and 5.5), with the formulas stated as a
0580 paper states them."""

from __future__ import annotations

import random

from sympy import Rational, pi, sqrt

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.common import n, shown, wrong
from generation.engine.templates.mensuration.solid_figures import (
    cone_figure,
    pyramid_figure,
    sphere_figure,
)
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4 = Accuracy.SF3, Accuracy.SF4

SPHERE_VOLUME = "The volume, $V$, of a sphere with radius $r$ is $V = \\frac{4}{3}\\pi r^3$."
SPHERE_AREA = "The surface area, $A$, of a sphere with radius $r$ is $A = 4\\pi r^2$."
CONE_VOLUME = (
    "The volume, $V$, of a cone with radius $r$ and height $h$ is $V = \\frac{1}{3}\\pi r^2 h$."
)
CONE_AREA = (
    "The curved surface area, $A$, of a cone with radius $r$ and slant height $l$ is "
    "$A = \\pi r l$."
)
PYRAMID_VOLUME = (
    "The volume, $V$, of a pyramid with base area $A$ and height $h$ is $V = \\frac{1}{3}Ah$."
)


def formulas(*lines: str) -> str:
    return "\n".join(f"[{line}]" for line in lines)


@register
class SphereConePyramid(Template):
    key = "mensuration.sphere_cone_pyramid"
    title = "Volume and surface area of a sphere, cone or pyramid"
    codes = {Tier.CORE: ("C5.4",), Tier.EXTENDED: ("E5.4",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            self._sphere(q, rng)
        elif difficulty == 2:
            self._cone(q, rng, slant_given=True)
        elif difficulty == 3:
            self._pyramid(q, rng)
        elif difficulty == 4:
            self._cone(q, rng, slant_given=False)
        elif q.tier == Tier.EXTENDED:
            self._sphere_from_volume(q, rng)
        else:
            self._hemisphere(q, rng)

    def _sphere(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing, lo, hi = rng.choice([("ball", 3, 15), ("marble", 1, 3), ("globe", 10, 25)])
        q.param("context", thing)
        r = q.given("r", rng.randint(lo, hi) + rng.choice([0, Rational(1, 2)]), unit="cm")
        q.title = "Sphere: volume and surface area"
        q.stem = f"A {thing} is a sphere with radius ${n(r)}$ cm.\n" + formulas(
            SPHERE_VOLUME, SPHERE_AREA
        )
        q.diagram_svg = sphere_figure("A sphere", f"{n(r)} cm").svg()
        vol, area = "4*pi*r**3/3", "4*pi*r**2"
        a = q.part("a", f"Calculate the volume of the {thing}.", marks=2, command="Calculate")
        a.step(f"$V = \\frac{{4}}{{3}} \\times \\pi \\times {n(r)}^3$", vol)
        ans = a.answer(vol, accuracy=SF3, unit="cm^3")
        a.step(f"$V = {ans.latex}$ cm$^3$", vol)
        a.mark("M", f"$\\frac{{4}}{{3}} \\times \\pi \\times {n(r)}^3$", value=vol)
        a.mark("A", f"${ans.latex}$", value=vol, qualifiers=["awrt"])
        wrong(a, "4*pi*r**2/3", "squared the radius instead of cubing it", 0)
        wrong(a, "4*pi*(2*r)**3/3", "used the diameter instead of the radius", 0)
        b = q.part("b", f"Calculate the surface area of the {thing}.", marks=2, command="Calculate")
        b.step(f"$A = 4 \\times \\pi \\times {n(r)}^2$", area)
        ans = b.answer(area, accuracy=SF3, unit="cm^2")
        b.step(f"$A = {ans.latex}$ cm$^2$", area)
        b.mark("M", f"$4 \\times \\pi \\times {n(r)}^2$", value=area)
        b.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(b, "pi*r**2", "used πr², the area of a circle", 0)

    def _cone(self, q: QuestionBuilder, rng: random.Random, *, slant_given: bool) -> None:
        thing = rng.choice(["party hat", "paper cup", "traffic cone", "funnel"])
        q.param("context", thing)
        r = q.given("r", rng.randint(3, 15), unit="cm")
        h = q.given("h", rng.randint(int(r) + 2, 3 * int(r) + 5), unit="cm")
        slant = "sqrt(r**2 + h**2)"
        q.title = "Cone: volume and surface area"
        if slant_given:
            # The slant height is stated to 1 decimal place, as a measured length would be.
            ell = q.given("l", Rational(round(float(sqrt(r**2 + h**2)) * 10), 10), unit="cm")
            slant = "l"
            q.stem = (
                f"A {thing} is a cone with radius ${n(r)}$ cm, height ${n(h)}$ cm and "
                f"slant height ${n(ell)}$ cm.\n" + formulas(CONE_VOLUME, CONE_AREA)
            )
            q.diagram_svg = cone_figure(
                "A cone", float(r), float(h), (f"{n(r)} cm", f"{n(h)} cm"), f"{n(ell)} cm"
            ).svg()
        else:
            q.stem = (
                f"A {thing} is a cone with radius ${n(r)}$ cm and height ${n(h)}$ cm.\n"
                + formulas(CONE_VOLUME, CONE_AREA)
            )
            q.diagram_svg = cone_figure(
                "A cone", float(r), float(h), (f"{n(r)} cm", f"{n(h)} cm"), "l cm"
            ).svg()
        vol = "pi*r**2*h/3"
        labels = iter("abc")
        a = q.part(
            next(labels), f"Calculate the volume of the {thing}.", marks=2, command="Calculate"
        )
        a.step(f"$V = \\frac{{1}}{{3}} \\times \\pi \\times {n(r)}^2 \\times {n(h)}$", vol)
        ans = a.answer(vol, accuracy=SF3, unit="cm^3")
        a.step(f"$V = {ans.latex}$ cm$^3$", vol)
        a.mark("M", f"$\\frac{{1}}{{3}} \\times \\pi \\times {n(r)}^2 \\times {n(h)}$", value=vol)
        a.mark("A", f"${ans.latex}$", value=vol, qualifiers=["awrt"])
        wrong(a, "pi*r**2*h", "forgot the ⅓ (used the cylinder formula)", 0)
        wrong(a, "pi*r*h**2/3", "squared the height instead of the radius", 0)
        if not slant_given:
            b = q.part(
                next(labels), "Calculate the slant height, $l$.", marks=2, command="Calculate"
            )
            b.step(f"$l^2 = {n(r)}^2 + {n(h)}^2 = {n(r**2 + h**2)}$", "r**2 + h**2")
            ans = b.answer(slant, accuracy=SF3, unit="cm", label="l")
            b.step(f"$l = \\sqrt{{{n(r**2 + h**2)}}} = {ans.latex}$ cm", slant)
            b.mark("M", f"${n(r)}^2 + {n(h)}^2$", value="r**2 + h**2")
            b.mark("A", f"${ans.latex}$", value=slant, qualifiers=["awrt"])
            wrong(b, "sqrt(h**2 - r**2)", "subtracted the squares instead of adding them", 0)
            wrong(b, "r**2 + h**2", "did not take the square root", 1)
        curved = f"pi*r*{slant}"
        c = q.part(
            next(labels),
            f"Calculate the curved surface area of the {thing}.",
            marks=2,
            command="Calculate",
        )
        shown_l = n(q.value_of("l")) if slant_given else f"{shown(q.value_of(slant), SF4)}\\ldots"
        c.step(f"$A = \\pi \\times {n(r)} \\times {shown_l}$", None)
        ans = c.answer(curved, accuracy=SF3, unit="cm^2")
        c.step(f"$A = {ans.latex}$ cm$^2$", curved)
        c.mark(
            "M",
            f"$\\pi \\times {n(r)} \\times {shown_l}$" + ("" if slant_given else " FT"),
            value=curved,
        )
        c.mark("A", f"${ans.latex}$", value=curved, qualifiers=["awrt"])
        wrong(c, "pi*r*h", "used the perpendicular height instead of the slant height", 0)
        wrong(c, f"{curved} + pi*r**2", "added the area of the base", 0)

    def _pyramid(self, q: QuestionBuilder, rng: random.Random) -> None:
        s = q.given("s", rng.randint(4, 20), unit="cm")
        h = q.given("h", rng.randint(5, 25), unit="cm")
        slant = sqrt((s / 2) ** 2 + h**2)
        # The height of each triangular face, stated to 1 decimal place.
        f = q.given("f", Rational(round(float(slant) * 10), 10), unit="cm")
        q.title = "Square-based pyramid: volume and surface area"
        q.stem = (
            f"A pyramid has a square base of side ${n(s)}$ cm and perpendicular height "
            f"${n(h)}$ cm. Each triangular face has height ${n(f)}$ cm.\n"
            + formulas(PYRAMID_VOLUME)
        )
        q.diagram_svg = pyramid_figure(
            "A square-based pyramid", float(s), float(h), (f"{n(s)} cm", f"{n(h)} cm")
        ).svg()
        vol = "s**2*h/3"
        a = q.part("a", "Calculate the volume of the pyramid.", marks=2, command="Calculate")
        a.step(f"Base area $= {n(s)}^2 = {n(s**2)}$ cm$^2$", "s**2")
        a.step(
            f"$V = \\frac{{1}}{{3}} \\times {n(s**2)} \\times {n(h)} = {shown(s**2 * h / 3, SF4)}"
            f"{'' if (s**2 * h) % 3 == 0 else '\\ldots'}$",
            vol,
        )
        ans = a.answer(vol, accuracy=SF3, unit="cm^3")
        a.step(f"$V = {ans.latex}$ cm$^3$", vol)
        a.mark("M", f"$\\frac{{1}}{{3}} \\times {n(s)}^2 \\times {n(h)}$", value=vol)
        a.mark("A", f"${ans.latex}$", value=vol, qualifiers=["awrt"])
        wrong(a, "s**2*h", "forgot the ⅓", 0)
        wrong(a, "s*h/3", "used the side length instead of the base area", 0)
        area = "s**2 + 2*s*f"
        b = q.part(
            "b", "Calculate the total surface area of the pyramid.", marks=3, command="Calculate"
        )
        b.step(
            f"Four triangles: $4 \\times \\frac{{1}}{{2}} \\times {n(s)} \\times {n(f)} = "
            f"{n(2 * s * f)}$",
            "2*s*f",
        )
        b.step(f"Total $= {n(s**2)} + {n(2 * s * f)} = {n(s**2 + 2 * s * f)}$ cm$^2$", area)
        ans = b.answer(area, accuracy=SF3, unit="cm^2")
        b.mark(
            "M",
            f"$4 \\times \\frac{{1}}{{2}} \\times {n(s)} \\times {n(f)}$",
            value="2*s*f",
            partial=["M1 for the area of one triangular face"],
        )
        b.mark("M", f"${n(s)}^2$ added", value=area, qualifiers=["dep"])
        b.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(b, "2*s*f", "left out the square base", 1)
        wrong(b, "s**2 + 4*s*f", "forgot the ½ in the area of each triangle", 0)

    def _hemisphere(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(3, 20), unit="cm")
        thing = rng.choice(["bowl", "paperweight", "dome"])
        q.param("context", thing)
        q.title = "Hemisphere: volume and surface area"
        q.stem = f"A solid {thing} is a hemisphere with radius ${n(r)}$ cm.\n" + formulas(
            SPHERE_VOLUME, SPHERE_AREA
        )
        q.diagram_svg = sphere_figure("A hemisphere", f"{n(r)} cm", hemisphere=True).svg()
        vol = "2*pi*r**3/3"
        a = q.part("a", f"Calculate the volume of the {thing}.", marks=2, command="Calculate")
        a.step(
            f"$V = \\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {n(r)}^3$", vol
        )
        ans = a.answer(vol, accuracy=SF3, unit="cm^3")
        a.step(f"$V = {ans.latex}$ cm$^3$", vol)
        a.mark(
            "M",
            f"$\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {n(r)}^3$",
            value=vol,
        )
        a.mark("A", f"${ans.latex}$", value=vol, qualifiers=["awrt"])
        wrong(a, "4*pi*r**3/3", "gave the volume of the whole sphere", 0)
        total = "3*pi*r**2"
        b = q.part(
            "b", f"Calculate the total surface area of the {thing}.", marks=3, command="Calculate"
        )
        b.step(
            f"Curved surface $= \\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {n(r)}^2 = "
            f"{shown(2 * pi * r**2, SF4)}\\ldots$",
            "2*pi*r**2",
        )
        b.step(f"Flat face $= \\pi \\times {n(r)}^2 = {shown(pi * r**2, SF4)}\\ldots$", "pi*r**2")
        ans = b.answer(total, accuracy=SF3, unit="cm^2")
        b.step(f"Total $= {ans.latex}$ cm$^2$", total)
        b.mark(
            "M", f"$\\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {n(r)}^2$", value="2*pi*r**2"
        )
        b.mark("M", f"$\\pi \\times {n(r)}^2$", value="pi*r**2")
        b.mark("A", f"${ans.latex}$", value=total, qualifiers=["awrt"])
        wrong(b, "2*pi*r**2", "left out the flat circular face", 1)
        wrong(
            b,
            "5*pi*r**2",
            "used the whole sphere's surface area and added the flat face",
            1,
            working=["pi*r**2"],
        )

    def _sphere_from_volume(self, q: QuestionBuilder, rng: random.Random) -> None:
        rough = rng.uniform(2, 15)
        volume = q.given("V", 10 * round(4 / 3 * float(pi) * rough**3 / 10), unit="cm^3")
        thing = rng.choice(["ball", "globe", "metal sphere"])
        q.param("context", thing)
        q.title = "Sphere: radius from the volume"
        q.stem = f"A {thing} has volume ${n(volume)}$ cm$^3$.\n" + formulas(
            SPHERE_VOLUME, SPHERE_AREA
        )
        q.diagram_svg = sphere_figure("A sphere", "r cm").svg()
        cube = "3*V/(4*pi)"
        radius = f"({cube})**Rational(1, 3)"
        a = q.part("a", f"Calculate the radius of the {thing}.", marks=3, command="Calculate")
        a.step(
            f"$\\frac{{4}}{{3}}\\pi r^3 = {n(volume)}$, so $r^3 = \\frac{{3 \\times {n(volume)}}}"
            f"{{4\\pi}} = {shown(q.value_of(cube), SF4)}\\ldots$",
            cube,
        )
        ans = a.answer(radius, accuracy=SF3, unit="cm", label="r")
        a.step(f"$r = \\sqrt[3]{{{shown(q.value_of(cube), SF4)}\\ldots}} = {ans.latex}$ cm", radius)
        a.mark(
            "M",
            f"$\\frac{{4}}{{3}}\\pi r^3 = {n(volume)}$",
            value=cube,
            count=2,
            partial=[
                f"M1 for $r^3 = {n(volume)} \\times 3 \\div 4 \\div \\pi$ oe, "
                "or for a correct rearrangement with one error"
            ],
        )
        a.mark("A", f"${ans.latex}$", value=radius, qualifiers=["awrt"])
        wrong(
            a, f"sqrt({cube})", "took the square root instead of the cube root", 2, working=[cube]
        )
        wrong(a, cube, "did not take the cube root", 2)
        area = f"4*pi*({radius})**2"
        b = q.part("b", f"Calculate the surface area of the {thing}.", marks=2, command="Calculate")
        b.step(f"$A = 4 \\times \\pi \\times {shown(q.value_of(radius), SF4)}\\ldots^2$", None)
        ans = b.answer(area, accuracy=SF3, unit="cm^2")
        b.step(f"$A = {ans.latex}$ cm$^2$", area)
        b.mark("M", "$4 \\times \\pi \\times$ (their $r$)$^2$", value=area, qualifiers=["FT"])
        b.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(b, f"pi*({radius})**2", "used πr² instead of 4πr²", 0)
