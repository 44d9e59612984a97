"""Spheres, cones, pyramids and frustums (syllabus 5.4 and 5.5), with the formulas stated as a
0580 paper states them."""

from __future__ import annotations

import random

from sympy import Rational, pi, sqrt

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import solids
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.authoring.text import number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
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
        q.stem = f"A {thing} is a sphere with radius ${number(r)}$ cm.\n" + formulas(
            SPHERE_VOLUME, SPHERE_AREA
        )
        q.diagram_svg = solids.sphere("A sphere", f"{number(r)} cm").svg()
        vol, area = "4*pi*r**3/3", "4*pi*r**2"
        a = q.part("a", f"Calculate the volume of the {thing}.", marks=2, command="Calculate")
        a.step(f"$V = \\frac{{4}}{{3}} \\times \\pi \\times {number(r)}^3$", vol)
        ans = Working(q, vol)
        a.step(f"$V = {rounded(ans.value, SF3)}$ cm$^3$", vol)
        method(
            a,
            Working(q, vol),
            f"$\\frac{{4}}{{3}} \\times \\pi \\times {number(r)}^3$",
            step="",
        )
        final(a, ans, accuracy=SF3, unit="cm^3", step="", awrt=True)
        misconception(a, Misconception("squared the radius instead of cubing it", "4*pi*r**2/3"))
        misconception(
            a, Misconception("used the diameter instead of the radius", "4*pi*(2*r)**3/3")
        )
        b = q.part("b", f"Calculate the surface area of the {thing}.", marks=2, command="Calculate")
        b.step(f"$A = 4 \\times \\pi \\times {number(r)}^2$", area)
        ans = Working(q, area)
        b.step(f"$A = {rounded(ans.value, SF3)}$ cm$^2$", area)
        method(b, Working(q, area), f"$4 \\times \\pi \\times {number(r)}^2$", step="")
        final(b, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(b, Misconception("used πr², the area of a circle", "pi*r**2"))

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
                f"A {thing} is a cone with radius ${number(r)}$ cm, height ${number(h)}$ cm and "
                f"slant height ${number(ell)}$ cm.\n" + formulas(CONE_VOLUME, CONE_AREA)
            )
            q.diagram_svg = solids.cone(
                "A cone",
                float(r),
                float(h),
                (f"{number(r)} cm", f"{number(h)} cm"),
                f"{number(ell)} cm",
            ).svg()
        else:
            q.stem = (
                f"A {thing} is a cone with radius ${number(r)}$ cm and height ${number(h)}$ cm.\n"
                + formulas(CONE_VOLUME, CONE_AREA)
            )
            q.diagram_svg = solids.cone(
                "A cone", float(r), float(h), (f"{number(r)} cm", f"{number(h)} cm"), "l cm"
            ).svg()
        vol = "pi*r**2*h/3"
        labels = iter("abc")
        a = q.part(
            next(labels), f"Calculate the volume of the {thing}.", marks=2, command="Calculate"
        )
        a.step(
            f"$V = \\frac{{1}}{{3}} \\times \\pi \\times {number(r)}^2 \\times {number(h)}$", vol
        )
        ans = Working(q, vol)
        a.step(f"$V = {rounded(ans.value, SF3)}$ cm$^3$", vol)
        method(
            a,
            Working(q, vol),
            f"$\\frac{{1}}{{3}} \\times \\pi \\times {number(r)}^2 \\times {number(h)}$",
            step="",
        )
        final(a, ans, accuracy=SF3, unit="cm^3", step="", awrt=True)
        misconception(a, Misconception("forgot the ⅓ (used the cylinder formula)", "pi*r**2*h"))
        misconception(a, Misconception("squared the height instead of the radius", "pi*r*h**2/3"))
        if not slant_given:
            b = q.part(
                next(labels), "Calculate the slant height, $l$.", marks=2, command="Calculate"
            )
            b.step(f"$l^2 = {number(r)}^2 + {number(h)}^2 = {number(r**2 + h**2)}$", "r**2 + h**2")
            ans = Working(q, slant)
            b.step(f"$l = \\sqrt{{{number(r**2 + h**2)}}} = {rounded(ans.value, SF3)}$ cm", slant)
            method(
                b,
                Working(q, "r**2 + h**2"),
                f"${number(r)}^2 + {number(h)}^2$",
                step="",
            )
            final(b, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="l")
            misconception(
                b,
                Misconception("subtracted the squares instead of adding them", "sqrt(h**2 - r**2)"),
            )
            misconception(
                b, Misconception("did not take the square root", "r**2 + h**2", ("r**2 + h**2",))
            )
        curved = f"pi*r*{slant}"
        c = q.part(
            next(labels),
            f"Calculate the curved surface area of the {thing}.",
            marks=2,
            command="Calculate",
        )
        shown_l = (
            number(q.value_of("l")) if slant_given else f"{rounded(q.value_of(slant), SF4)}\\ldots"
        )
        c.step(f"$A = \\pi \\times {number(r)} \\times {shown_l}$", None)
        ans = Working(q, curved)
        c.step(f"$A = {rounded(ans.value, SF3)}$ cm$^2$", curved)
        method(
            c,
            Working(q, curved),
            f"$\\pi \\times {number(r)} \\times {shown_l}$" + ("" if slant_given else " FT"),
            step="",
        )
        final(c, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(
            c, Misconception("used the perpendicular height instead of the slant height", "pi*r*h")
        )
        misconception(c, Misconception("added the area of the base", f"{curved} + pi*r**2"))

    def _pyramid(self, q: QuestionBuilder, rng: random.Random) -> None:
        s = q.given("s", rng.randint(4, 20), unit="cm")
        h = q.given("h", rng.randint(5, 25), unit="cm")
        slant = sqrt((s / 2) ** 2 + h**2)
        # The height of each triangular face, stated to 1 decimal place.
        f = q.given("f", Rational(round(float(slant) * 10), 10), unit="cm")
        q.title = "Square-based pyramid: volume and surface area"
        q.stem = (
            f"A pyramid has a square base of side ${number(s)}$ cm and perpendicular height "
            f"${number(h)}$ cm. Each triangular face has height ${number(f)}$ cm.\n"
            + formulas(PYRAMID_VOLUME)
        )
        q.diagram_svg = solids.pyramid(
            "A square-based pyramid", float(s), float(h), (f"{number(s)} cm", f"{number(h)} cm")
        ).svg()
        vol = "s**2*h/3"
        a = q.part("a", "Calculate the volume of the pyramid.", marks=2, command="Calculate")
        a.step(f"Base area $= {number(s)}^2 = {number(s**2)}$ cm$^2$", "s**2")
        a.step(
            f"$V = \\frac{{1}}{{3}} \\times {number(s**2)} \\times {number(h)} = {rounded(s**2 * h / 3, SF4)}"
            f"{'' if (s**2 * h) % 3 == 0 else '\\ldots'}$",
            vol,
        )
        ans = Working(q, vol)
        shown = exact_or_3sf(ans.value)
        a.step(f"$V = {rounded(ans.value, shown)}$ cm$^3$", vol)
        method(
            a,
            Working(q, vol),
            f"$\\frac{{1}}{{3}} \\times {number(s)}^2 \\times {number(h)}$",
            step="",
        )
        final(a, ans, accuracy=shown, unit="cm^3", step="", awrt=True)
        misconception(a, Misconception("forgot the ⅓", "s**2*h"))
        misconception(a, Misconception("used the side length instead of the base area", "s*h/3"))
        area = "s**2 + 2*s*f"
        b = q.part(
            "b", "Calculate the total surface area of the pyramid.", marks=3, command="Calculate"
        )
        b.step(
            f"Four triangles: $4 \\times \\frac{{1}}{{2}} \\times {number(s)} \\times {number(f)} = "
            f"{number(2 * s * f)}$",
            "2*s*f",
        )
        b.step(
            f"Total $= {number(s**2)} + {number(2 * s * f)} = {number(s**2 + 2 * s * f)}$ cm$^2$",
            area,
        )
        ans = Working(q, area)
        method(
            b,
            Working(q, "2*s*f"),
            f"$4 \\times \\frac{{1}}{{2}} \\times {number(s)} \\times {number(f)}$",
            step="",
            partial=["M1 for the area of one triangular face"],
        )
        method(b, Working(q, area), f"${number(s)}^2$ added", step="", qualifiers=("dep",))
        final(b, ans, accuracy=exact_or_3sf(ans.value), unit="cm^2", step="", awrt=True)
        misconception(b, Misconception("left out the square base", "2*s*f", ("2*s*f",)))
        misconception(b, Misconception("forgot the ½ in the area of each triangle", "s**2 + 4*s*f"))

    def _hemisphere(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(3, 20), unit="cm")
        thing = rng.choice(["bowl", "paperweight", "dome"])
        q.param("context", thing)
        q.title = "Hemisphere: volume and surface area"
        q.stem = f"A solid {thing} is a hemisphere with radius ${number(r)}$ cm.\n" + formulas(
            SPHERE_VOLUME, SPHERE_AREA
        )
        q.diagram_svg = solids.sphere("A hemisphere", f"{number(r)} cm", hemisphere=True).svg()
        vol = "2*pi*r**3/3"
        a = q.part("a", f"Calculate the volume of the {thing}.", marks=2, command="Calculate")
        a.step(
            f"$V = \\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {number(r)}^3$",
            vol,
        )
        ans = Working(q, vol)
        a.step(f"$V = {rounded(ans.value, SF3)}$ cm$^3$", vol)
        method(
            a,
            Working(q, vol),
            f"$\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {number(r)}^3$",
            step="",
        )
        final(a, ans, accuracy=SF3, unit="cm^3", step="", awrt=True)
        misconception(a, Misconception("gave the volume of the whole sphere", "4*pi*r**3/3"))
        total = "3*pi*r**2"
        b = q.part(
            "b", f"Calculate the total surface area of the {thing}.", marks=3, command="Calculate"
        )
        b.step(
            f"Curved surface $= \\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {number(r)}^2 = "
            f"{rounded(2 * pi * r**2, SF4)}\\ldots$",
            "2*pi*r**2",
        )
        b.step(
            f"Flat face $= \\pi \\times {number(r)}^2 = {rounded(pi * r**2, SF4)}\\ldots$",
            "pi*r**2",
        )
        ans = Working(q, total)
        b.step(f"Total $= {rounded(ans.value, SF3)}$ cm$^2$", total)
        method(
            b,
            Working(q, "2*pi*r**2"),
            f"$\\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {number(r)}^2$",
            step="",
        )
        method(b, Working(q, "pi*r**2"), f"$\\pi \\times {number(r)}^2$", step="")
        final(b, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(
            b, Misconception("left out the flat circular face", "2*pi*r**2", ("2*pi*r**2",))
        )
        misconception(
            b,
            Misconception(
                "used the whole sphere's surface area and added the flat face",
                "5*pi*r**2",
                ("pi*r**2",),
            ),
        )

    def _sphere_from_volume(self, q: QuestionBuilder, rng: random.Random) -> None:
        rough = rng.uniform(2, 15)
        volume = q.given("V", 10 * round(4 / 3 * float(pi) * rough**3 / 10), unit="cm^3")
        thing = rng.choice(["ball", "globe", "metal sphere"])
        q.param("context", thing)
        q.title = "Sphere: radius from the volume"
        q.stem = f"A {thing} has volume ${number(volume)}$ cm$^3$.\n" + formulas(
            SPHERE_VOLUME, SPHERE_AREA
        )
        q.diagram_svg = solids.sphere("A sphere", "r cm").svg()
        cube = "3*V/(4*pi)"
        radius = f"({cube})**Rational(1, 3)"
        a = q.part("a", f"Calculate the radius of the {thing}.", marks=3, command="Calculate")
        a.step(
            f"$\\frac{{4}}{{3}}\\pi r^3 = {number(volume)}$, so $r^3 = \\frac{{3 \\times {number(volume)}}}"
            f"{{4\\pi}} = {rounded(q.value_of(cube), SF4)}\\ldots$",
            cube,
        )
        ans = Working(q, radius)
        a.step(
            f"$r = \\sqrt[3]{{{rounded(q.value_of(cube), SF4)}\\ldots}} = {rounded(ans.value, SF3)}$ cm",
            radius,
        )
        method(
            a,
            Working(q, cube),
            f"$\\frac{{4}}{{3}}\\pi r^3 = {number(volume)}$",
            step="",
            partial=[
                f"M1 for $r^3 = {number(volume)} \\times 3 \\div 4 \\div \\pi$ oe, "
                "or for a correct rearrangement with one error"
            ],
            count=2,
        )
        final(a, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="r")
        misconception(
            a,
            Misconception(
                "took the square root instead of the cube root", f"sqrt({cube})", (cube,)
            ),
        )
        misconception(a, Misconception("did not take the cube root", cube, (cube,)))
        area = f"4*pi*({radius})**2"
        b = q.part("b", f"Calculate the surface area of the {thing}.", marks=2, command="Calculate")
        b.step(f"$A = 4 \\times \\pi \\times {rounded(q.value_of(radius), SF4)}\\ldots^2$", None)
        ans = Working(q, area)
        b.step(f"$A = {rounded(ans.value, SF3)}$ cm$^2$", area)
        method(
            b,
            Working(q, area),
            "$4 \\times \\pi \\times$ (their $r$)$^2$",
            step="",
            qualifiers=("FT",),
        )
        final(b, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(b, Misconception("used πr² instead of 4πr²", f"pi*({radius})**2"))
