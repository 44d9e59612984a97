"""Similar solids (syllabus E4.4): area and volume scale factors, forwards and backwards."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import wrong
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import display
from generation.engine.templates.geometry.similarity import R, equals_latex, power_latex, size_latex
from questions.schemas import Accuracy, CalculatorPolicy, Tier


@register
class SimilarSolids(Template):
    key = "geometry.similar_solids"
    title = "Similar solids: areas and volumes"
    codes = {Tier.EXTENDED: ("E4.4",)}
    calculator = CalculatorPolicy.ALLOWED

    _OBJECTS = [
        ("bottle", "bottles", "height"),
        ("vase", "vases", "height"),
        ("cone", "cones", "height"),
        ("statue", "statues", "height"),
        ("box", "boxes", "length"),
        ("can", "cans", "height"),
    ]

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        thing, things, dim = rng.choice(self._OBJECTS)
        q.title = f"Similar {things}"
        h1 = rng.choice(range(6, 25))
        h2 = rng.choice([v for v in range(8, 41) if v != h1 and abs(v - h1) >= 3])
        if difficulty <= 3:
            q.given("h1", h1, unit="cm")
            q.given("h2", h2, unit="cm")
        k_form = "h2/h1"
        stem = (
            f"Two {things} are mathematically similar. The first {thing} has {dim} ${h1}$ cm and "
            f"the second {thing} has {dim} ${h2}$ cm."
        )
        if difficulty == 1 or difficulty == 3:
            area = R(rng.randint(40, 600))
            q.given("S1", area, unit="cm^2")
            stem += f" The surface area of the first {thing} is ${size_latex(area)}$ cm$^2$."
        if difficulty in (2, 3):
            volume = R(rng.randint(100, 2000))
            q.given("V1", volume, unit="cm^3")
            stem += f" The volume of the first {thing} is ${size_latex(volume)}$ cm$^3$."
        if difficulty <= 3:
            q.stem = stem
            labels = iter(["a", "b"] if difficulty == 3 else [""])
            if difficulty in (1, 3):
                self._scaled(
                    q,
                    next(labels),
                    k_form,
                    "S1",
                    2,
                    f"surface area of the second {thing}",
                    "cm^2",
                    "cm$^2$",
                )
            if difficulty in (2, 3):
                self._scaled(
                    q,
                    next(labels),
                    k_form,
                    "V1",
                    3,
                    f"volume of the second {thing}",
                    "cm^3",
                    "cm$^3$",
                )
            return
        if difficulty == 4:
            v1 = R(rng.randint(50, 900))
            k = rng.choice([R(3, 2), R(2), R(5, 2), R(3), R(4, 3), R(5, 4), R(6, 5)])
            v2 = v1 * k**3
            h1b = R(rng.randint(5, 20))
            q.given("V1", v1, unit="cm^3")
            q.given("V2", v2, unit="cm^3")
            q.given("h1", h1b, unit="cm")
            q.stem = (
                f"Two {things} are mathematically similar. Their volumes are ${size_latex(v1)}$ cm$^3$ and "
                f"${size_latex(v2)}$ cm$^3$. The {dim} of the smaller {thing} is ${size_latex(h1b)}$ cm."
            )
            part = q.part(
                "", f"Calculate the {dim} of the larger {thing}.", marks=3, command="Calculate"
            )
            part.step(
                f"Volume factor $= {size_latex(v2)} \\div {size_latex(v1)} = {size_latex(k**3)}$",
                "V2/V1",
            )
            part.step(
                f"Length factor $= \\sqrt[3]{{{size_latex(k**3)}}} = {size_latex(k)}$",
                "cbrt(V2/V1)",
            )
            part.step(
                f"${size_latex(h1b)} \\times {size_latex(k)} = {size_latex(h1b * k)}$",
                "h1*cbrt(V2/V1)",
            )
            ans = part.answer(
                "h1*cbrt(V2/V1)", accuracy=exact_or_3sf(q.value_of("h1*cbrt(V2/V1)")), unit="cm"
            )
            part.mark("M", f"$\\frac{{{size_latex(v2)}}}{{{size_latex(v1)}}}$ oe", value="V2/V1")
            part.mark(
                "M", f"$\\sqrt[3]{{{size_latex(k**3)}}}$", value="cbrt(V2/V1)", qualifiers=["dep"]
            )
            part.mark("A", f"${ans.latex}$", value="h1*cbrt(V2/V1)")
            wrong(
                part,
                display(h1b * k**3, Accuracy.SF3)[0],
                "used the volume factor for the length",
                working=["V2/V1"],
            )
            wrong(
                part,
                display(h1b * sympy.sqrt(k**3), Accuracy.SF3)[0],
                "took the square root of the volume factor",
                working=["V2/V1"],
            )
            return
        # Difficulty 5: from the surface areas back to the length factor, then the volume.
        k = rng.choice([R(3, 2), R(2), R(5, 2), R(3), R(4, 3), R(5, 4), R(6, 5)])
        s1 = R(rng.randint(2, 40) * k.q**2)
        s2 = s1 * k**2
        v1 = R(rng.randint(40, 900))
        q.given("S1", s1, unit="cm^2")
        q.given("S2", s2, unit="cm^2")
        q.given("V1", v1, unit="cm^3")
        q.stem = (
            f"Two {things} are mathematically similar. Their surface areas are ${size_latex(s1)}$ cm$^2$ "
            f"and ${size_latex(s2)}$ cm$^2$. The volume of the smaller {thing} is ${size_latex(v1)}$ cm$^3$."
        )
        part = q.part(
            "", f"Calculate the volume of the larger {thing}.", marks=3, command="Calculate"
        )
        part.step(
            f"Area factor $= {size_latex(s2)} \\div {size_latex(s1)} = {size_latex(k**2)}$", "S2/S1"
        )
        part.step(
            f"Length factor $= \\sqrt{{{size_latex(k**2)}}} = {size_latex(k)}$", "sqrt(S2/S1)"
        )
        form = "V1*sqrt(S2/S1)**3"
        ans = part.answer(form, accuracy=exact_or_3sf(q.value_of(form)), unit="cm^3")
        part.step(
            f"Volume $= {size_latex(v1)} \\times {power_latex(k, 3)} {equals_latex(v1 * k**3, ans.latex)}$ cm$^3$",
            form,
        )
        part.mark(
            "M",
            f"$\\sqrt{{\\frac{{{size_latex(s2)}}}{{{size_latex(s1)}}}}}$ oe",
            value="sqrt(S2/S1)",
        )
        part.mark(
            "M", f"${size_latex(v1)} \\times {power_latex(k, 3)}$", value=form, qualifiers=["dep"]
        )
        part.mark("A", f"${ans.latex}$", value=form, qualifiers=["awrt"])
        wrong(part, display(v1 * k**2, Accuracy.SF3)[0], "multiplied the volume by the area factor")
        wrong(
            part,
            display(v1 * k, Accuracy.SF3)[0],
            "multiplied the volume by the length factor",
            working=["sqrt(S2/S1)"],
        )

    def _scaled(
        self,
        q: QuestionBuilder,
        label: str,
        k_form: str,
        base: str,
        power: int,
        what: str,
        unit: str,
        unit_latex: str,
    ) -> None:
        h1, h2 = q.value_of("h1"), q.value_of("h2")
        k = R(h2, h1)
        value = q.value_of(base)
        form = f"{base}*({k_form})**{power}"
        part = q.part(label, f"Calculate the {what}.", marks=2, command="Calculate")
        word = "Area" if power == 2 else "Volume"
        part.step(
            f"{word} factor $= \\left(\\frac{{{h2}}}{{{h1}}}\\right)^{power}$",
            f"({k_form})**{power}",
        )
        ans = part.answer(form, accuracy=exact_or_3sf(q.value_of(form)), unit=unit)
        part.step(
            f"${size_latex(value)} \\times \\left(\\frac{{{h2}}}{{{h1}}}\\right)^{power} "
            f"{equals_latex(value * k**power, ans.latex)}$ {unit_latex}",
            form,
        )
        part.mark(
            "M",
            f"${size_latex(value)} \\times \\left(\\frac{{{h2}}}{{{h1}}}\\right)^{power}$ oe",
            value=form,
            partial=[
                f"M1 for $\\left(\\frac{{{h2}}}{{{h1}}}\\right)^{power}$ or "
                f"$\\left(\\frac{{{h1}}}{{{h2}}}\\right)^{power}$ seen"
            ],
        )
        part.mark("A", f"${ans.latex}$", value=form, qualifiers=["awrt"])
        wrong(part, display(value * k, Accuracy.SF3)[0], "used the length scale factor")
        other = 3 if power == 2 else 2
        wrong(
            part,
            display(value * k**other, Accuracy.SF3)[0],
            "cubed the length factor instead of squaring it"
            if power == 2
            else "squared the length factor instead of cubing it",
        )
        wrong(part, display(value / k**power, Accuracy.SF3)[0], "used the scale factor upside down")
