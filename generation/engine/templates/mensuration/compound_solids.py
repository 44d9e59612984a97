"""Compound solids and parts of solids (syllabus 5.4, 5.5): pipes, silos, a cone on a
hemisphere, a block with a hole, and masses from densities."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure, solids
from generation.engine.authoring.text import approx, number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.solids import (
    CONE_VOLUME,
    SPHERE_AREA,
    SPHERE_VOLUME,
    formulas,
)
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4 = Accuracy.SF3, Accuracy.SF4


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
        inner = rng.choice(
            [i for i in range((outer + 1) // 2, outer) if 2 * i != outer] or [outer - 1]
        )
        big = q.given("R", outer, unit="cm")
        length = q.given("L", rng.randint(20, 200), unit="cm")
        q.title = "A hollow cylinder (pipe)"
        if thickness:
            t = q.given("t", outer - inner, unit="cm")
            inner_expr = "(R - t)"
            q.stem = (
                f"A metal pipe is a hollow cylinder of length ${number(length)}$ cm. The outer "
                f"radius is ${number(big)}$ cm and the metal is ${number(t)}$ cm thick."
            )
            inner_label = ""
        else:
            q.given("r", inner, unit="cm")
            inner_expr = "r"
            q.stem = (
                f"A pipe is a hollow cylinder of length ${number(length)}$ cm. The outer radius "
                f"is ${number(big)}$ cm and the inner radius is ${number(inner)}$ cm."
            )
            inner_label = f"{inner} cm"
        q.diagram_svg = solids.cylinder(
            "A hollow cylinder",
            float(outer),
            min(float(length), 2.5 * outer),
            (f"{outer} cm", f"{number(length)} cm"),
            inner=float(inner),
            inner_label=inner_label,
        ).svg()
        outer_v, inner_v = "pi*R**2*L", f"pi*{inner_expr}**2*L"
        volume = f"{outer_v} - {inner_v}"
        p = q.part(
            "a", "Calculate the volume of material in the pipe.", marks=3, command="Calculate"
        )
        if thickness:
            p.step(
                f"Inner radius $= {number(big)} - {number(q.value_of('t'))} = {number(inner)}$ cm",
                inner_expr,
            )
        p.step(
            f"Outer cylinder: $\\pi \\times {number(big)}^2 \\times {number(length)} = "
            f"{approx(q.value_of(outer_v), dots=True)}$",
            outer_v,
        )
        p.step(
            f"Inner cylinder: $\\pi \\times {number(inner)}^2 \\times {number(length)} = "
            f"{approx(q.value_of(inner_v), dots=True)}$",
            inner_v,
        )
        ans = Working(q, volume)
        p.step(f"Volume $= {rounded(ans.value, SF3)}$ cm$^3$", volume)
        method(
            p,
            Working(q, outer_v),
            f"$\\pi \\times {number(big)}^2 \\times {number(length)}$",
            step="",
        )
        method(
            p,
            Working(q, inner_v),
            f"$\\pi \\times {number(inner)}^2 \\times {number(length)}$",
            step="",
            partial=["A1 needs the inner cylinder subtracted from the outer one"],
        )
        final(p, ans, accuracy=SF3, unit="cm^3", step="", awrt=True)
        misconception(
            p, Misconception("squared the difference of the radii", f"pi*(R - {inner_expr})**2*L")
        )
        misconception(
            p,
            Misconception("added the two cylinders", f"{outer_v} + {inner_v}", (outer_v, inner_v)),
        )
        if thickness:
            misconception(
                p,
                Misconception(
                    "used the thickness as the inner radius", "pi*R**2*L - pi*t**2*L", (outer_v,)
                ),
            )

    def _pipe_mass(self, q: QuestionBuilder, rng: random.Random) -> None:
        self._pipe(q, rng, thickness=True)
        density = q.given("rho", Rational(rng.choice([27, 78, 85, 89, 113]), 10), unit="g/cm^3")
        q.title = "A hollow cylinder (pipe): volume and mass"
        volume = "pi*R**2*L - pi*(R - t)**2*L"
        mass = f"({volume})*rho/1000"
        p = q.part(
            "b",
            f"The metal has a density of ${number(density)}$ g/cm$^3$.\nCalculate the "
            "mass of the pipe in kilograms.",
            marks=2,
            command="Calculate",
        )
        p.step(
            f"Mass $= {approx(q.value_of(volume), dots=True)} \\times {number(density)} = "
            f"{approx(q.value_of(f'({volume})*rho'), dots=True)}$ g",
            f"({volume})*rho",
        )
        ans = Working(q, mass)
        p.step(f"$= {rounded(ans.value, SF3)}$ kg", mass)
        method(
            p,
            Working(q, f"({volume})*rho"),
            f"their volume $\\times {number(density)}$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=SF3, unit="kg", step="", awrt=True)
        misconception(
            p, Misconception("gave the mass in grams", f"({volume})*rho", (f"({volume})*rho",))
        )
        misconception(
            p,
            Misconception("divided by the density instead of multiplying", f"({volume})/rho/1000"),
        )

    def _silo(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(2, 6), unit="m")
        h = q.given("h", rng.randint(int(r) + 3, 20), unit="m")
        q.title = "A grain silo: cylinder and hemisphere"
        q.stem = (
            f"A grain silo is a cylinder of radius ${number(r)}$ m and height ${number(h)}$ m with a "
            "hemisphere of the same radius on top.\n" + formulas(SPHERE_VOLUME)
        )
        q.diagram_svg = solids.cylinder(
            "A cylinder with a hemisphere on top",
            float(r),
            float(h),
            (f"{number(r)} m", f"{number(h)} m"),
            top="hemisphere",
        ).svg()
        cyl, hemi = "pi*r**2*h", "2*pi*r**3/3"
        volume = f"{cyl} + {hemi}"
        p = q.part("a", "Calculate the volume of the silo.", marks=3, command="Calculate")
        p.step(
            f"Cylinder: $\\pi \\times {number(r)}^2 \\times {number(h)} = {approx(q.value_of(cyl), dots=True)}$",
            cyl,
        )
        p.step(
            f"Hemisphere: $\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times "
            f"{number(r)}^3 = {approx(q.value_of(hemi), dots=True)}$",
            hemi,
        )
        ans = Working(q, volume)
        p.step(f"Volume $= {rounded(ans.value, SF3)}$ m$^3$", volume)
        method(
            p,
            Working(q, cyl),
            f"$\\pi \\times {number(r)}^2 \\times {number(h)}$",
            step="",
        )
        method(
            p,
            Working(q, hemi),
            f"$\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {number(r)}^3$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="m^3", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "added a whole sphere instead of a hemisphere", f"{cyl} + 4*pi*r**3/3", (cyl,)
            ),
        )
        misconception(
            p,
            Misconception(
                "squared the radius in the hemisphere volume", f"{cyl} + 2*pi*r**2/3", (cyl,)
            ),
        )

    def _cone_hemisphere(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(2, 9), unit="cm")
        # h = 2r would make the cone and the hemisphere the same volume
        h = q.given(
            "h", rng.choice([x for x in range(int(r) + 2, 4 * int(r) + 1) if x != 2 * r]), unit="cm"
        )
        q.title = "A cone and a hemisphere"
        q.stem = (
            f"A solid toy is made from a cone of radius ${number(r)}$ cm and height ${number(h)}$ cm "
            "joined to a hemisphere of the same radius.\n"
            + formulas(CONE_VOLUME, SPHERE_VOLUME, SPHERE_AREA)
        )
        # NOT TO SCALE: a tall thin cone drawn less so, its height labelled inside it.
        drawn = min(float(h), 1.6 * float(r))
        fig = Figure("A cone on a hemisphere", size=210).point("O", 0, 0).point("V", 0, -drawn)
        fig.ellipse("O", float(r), 0.3 * float(r), back_dashed=False).arc("O", float(r), 0, 180)
        fig.segment((-float(r), 0), "V").segment((float(r), 0), "V")
        fig.segment("O", "V", dashed=True).segment("O", (float(r), 0))
        fig.side("O", (float(r), 0), f"{number(r)} cm", away_from="V")
        fig.side("O", "V", f"{number(h)} cm", away_from=(float(r), 0), close=True)
        q.diagram_svg = fig.svg()
        cone, hemi = "pi*r**2*h/3", "2*pi*r**3/3"
        volume = f"{cone} + {hemi}"
        p = q.part("a", "Calculate the volume of the toy.", marks=3, command="Calculate")
        p.step(
            f"Cone: $\\frac{{1}}{{3}} \\times \\pi \\times {number(r)}^2 \\times {number(h)} = "
            f"{approx(q.value_of(cone), dots=True)}$",
            cone,
        )
        p.step(
            f"Hemisphere: $\\frac{{2}}{{3}} \\times \\pi \\times {number(r)}^3 = {approx(q.value_of(hemi), dots=True)}$",
            hemi,
        )
        ans = Working(q, volume)
        p.step(f"Volume $= {rounded(ans.value, SF3)}$ cm$^3$", volume)
        method(
            p,
            Working(q, cone),
            f"$\\frac{{1}}{{3}} \\times \\pi \\times {number(r)}^2 \\times {number(h)}$",
            step="",
        )
        method(
            p,
            Working(q, hemi),
            f"$\\frac{{1}}{{2}} \\times \\frac{{4}}{{3}} \\times \\pi \\times {number(r)}^3$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="cm^3", step="", awrt=True)
        misconception(
            p, Misconception("left out the ⅓ in the cone volume", f"pi*r**2*h + {hemi}", (hemi,))
        )
        misconception(p, Misconception("used a whole sphere", f"{cone} + 4*pi*r**3/3", (cone,)))
        hemi_area = "2*pi*r**2"
        p = q.part(
            "b",
            "Calculate the curved surface area of the hemisphere.",
            marks=2,
            command="Calculate",
        )
        p.step(f"$\\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {number(r)}^2$", hemi_area)
        ans = Working(q, hemi_area)
        p.step(f"$= {rounded(ans.value, SF3)}$ cm$^2$", hemi_area)
        method(
            p,
            Working(q, hemi_area),
            f"$\\frac{{1}}{{2}} \\times 4 \\times \\pi \\times {number(r)}^2$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(p, Misconception("used the surface area of a whole sphere", "4*pi*r**2"))
        misconception(
            p, Misconception("included the flat face, which is joined to the cone", "3*pi*r**2")
        )

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
            f"A block of wood is a cuboid ${number(ll)}$ cm long, ${number(w)}$ cm wide and ${number(h)}$ "
            f"cm high. A cylindrical hole of diameter ${number(dd)}$ cm is drilled through the "
            "block along its length."
        )
        fig = solids.cuboid(
            "A cuboid with a cylindrical hole",
            float(w) * 1.0,
            float(ll),
            float(h),
            (f"{number(w)} cm", f"{number(ll)} cm", f"{number(h)} cm"),
        )
        fig.circle((float(w) / 2, float(h) / 2), float(d) / 2, white=True)
        q.diagram_svg = fig.svg()
        block, hole = "l*w*h", "pi*(d/2)**2*l"
        volume = f"{block} - {hole}"
        p = q.part("a", "Calculate the volume of wood that is left.", marks=3, command="Calculate")
        p.step(
            f"Cuboid: ${number(ll)} \\times {number(w)} \\times {number(h)} = {number(ll * w * h)}$",
            block,
        )
        p.step(
            f"Hole: $\\pi \\times {number(dd / 2)}^2 \\times {number(ll)} = {approx(q.value_of(hole), dots=True)}$",
            hole,
        )
        ans = Working(q, volume)
        p.step(f"Volume $= {rounded(ans.value, SF3)}$ cm$^3$", volume)
        method(
            p,
            Working(q, block),
            f"${number(ll)} \\times {number(w)} \\times {number(h)}$",
            step="",
        )
        method(
            p,
            Working(q, hole),
            f"$\\pi \\times {number(dd / 2)}^2 \\times {number(ll)}$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="cm^3", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "used the diameter as the radius of the hole", f"{block} - pi*d**2*l", (block,)
            ),
        )
        mass = f"({volume})*rho"
        p = q.part(
            "b",
            f"The wood has a density of ${number(density)}$ g/cm$^3$.\nCalculate the mass "
            "of the block in grams.",
            marks=2,
            command="Calculate",
        )
        ans = Working(q, mass)
        p.step(
            f"Mass $= {approx(q.value_of(volume), dots=True)} \\times {number(density)} = {rounded(ans.value, SF3)}$ g",
            mass,
        )
        method(
            p,
            Working(q, mass),
            f"their volume $\\times {number(density)}$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=SF3, unit="g", step="", awrt=True)
        misconception(
            p, Misconception("divided by the density instead of multiplying", f"({volume})/rho")
        )
