"""Units of measure (syllabus 5.1): converting lengths, masses, capacities, areas and volumes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Integer, Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.text import number
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import plain
from questions.schemas import CalculatorPolicy, Tier


@dataclass(frozen=True)
class Conversion:
    source: str  # unit as printed in maths-free prose, e.g. "m$^2$"
    target: str  # the unit word in "Write ... in <target>"
    answer_unit: str  # machine unit for the answer, e.g. "cm^2"
    factor: Rational  # target = source * factor
    values: tuple[int, int, Rational | int]  # source value = randint(lo, hi) / divisor
    linear: Rational | None = None  # the factor a candidate wrongly uses (the length factor)
    dimension: str = "length"


def _c(
    source: str,
    target: str,
    unit: str,
    factor: int | Rational,
    values: tuple[int, int, Rational | int],
    linear: int | Rational | None = None,
    dimension: str = "length",
) -> Conversion:
    return Conversion(
        source,
        target,
        unit,
        Rational(factor),
        values,
        None if linear is None else Rational(linear),
        dimension,
    )


_MULTIPLY_LENGTH = [
    _c("km", "metres", "m", 1000, (12, 95, 10)),
    _c("m", "centimetres", "cm", 100, (12, 95, 10)),
    _c("cm", "millimetres", "mm", 10, (12, 95, 10)),
]
_MULTIPLY_OTHER = [
    _c("kg", "grams", "g", 1000, (12, 95, 10), dimension="mass"),
    _c("litres", "millilitres", "ml", 1000, (12, 95, 10), dimension="capacity"),
    _c("tonnes", "kilograms", "kg", 1000, (12, 95, 10), dimension="mass"),
]
_DIVIDE_LENGTH = [
    _c("m", "kilometres", "km", Rational(1, 1000), (120, 950, 1 / Integer(10))),
    _c("cm", "metres", "m", Rational(1, 100), (105, 950, 1)),
    _c("mm", "centimetres", "cm", Rational(1, 10), (12, 250, 1)),
]
_DIVIDE_OTHER = [
    _c("g", "kilograms", "kg", Rational(1, 1000), (120, 950, 1 / Integer(10)), dimension="mass"),
    _c(
        "ml",
        "litres",
        "litres",
        Rational(1, 1000),
        (120, 950, 1 / Integer(10)),
        dimension="capacity",
    ),
]
_AREA_UP = [
    _c("m$^2$", "cm$^2$", "cm^2", 10_000, (12, 95, 10), linear=100, dimension="area"),
    _c("cm$^2$", "mm$^2$", "mm^2", 100, (12, 95, 10), linear=10, dimension="area"),
]
_AREA_DOWN = [
    _c(
        "cm$^2$",
        "m$^2$",
        "m^2",
        Rational(1, 10_000),
        (12, 95, Rational(1, 500)),
        linear=Rational(1, 100),
        dimension="area",
    ),
    _c(
        "mm$^2$",
        "cm$^2$",
        "cm^2",
        Rational(1, 100),
        (12, 95, Rational(1, 10)),
        linear=Rational(1, 10),
        dimension="area",
    ),
    _c("km$^2$", "m$^2$", "m^2", 1_000_000, (12, 95, 10), linear=1000, dimension="area"),
]
_VOLUME_UP = [
    _c("litres", "cm$^3$", "cm^3", 1000, (12, 95, 10), linear=100, dimension="capacity"),
    _c("cm$^3$", "mm$^3$", "mm^3", 1000, (12, 95, 10), linear=10, dimension="volume"),
]
_VOLUME_DOWN = [
    _c(
        "cm$^3$",
        "m$^3$",
        "m^3",
        Rational(1, 1_000_000),
        (12, 95, Rational(1, 10_000)),
        linear=Rational(1, 100),
        dimension="volume",
    ),
    _c("m$^3$", "cm$^3$", "cm^3", 1_000_000, (12, 95, 100), linear=100, dimension="volume"),
    _c(
        "cm$^3$",
        "litres",
        "litres",
        Rational(1, 1000),
        (12, 95, Rational(1, 100)),
        linear=Rational(1, 100),
        dimension="capacity",
    ),
]


def _draw(rng: random.Random, conversion: Conversion) -> Rational:
    lo, hi, divisor = conversion.values
    while True:
        k = rng.randint(lo, hi)
        if k % 10:  # avoid a trailing zero so the decimal point matters
            return Rational(k) / divisor


@register
class UnitConversion(Template):
    key = "mensuration.unit_conversion"
    title = "Converting metric units, including area, volume and capacity"
    codes = {Tier.CORE: ("C5.1",), Tier.EXTENDED: ("E5.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        plan: list[list[Conversion]] = {
            1: [_MULTIPLY_LENGTH, _MULTIPLY_OTHER],
            2: [_MULTIPLY_LENGTH, _DIVIDE_LENGTH, _DIVIDE_OTHER],
            3: [_DIVIDE_LENGTH + _DIVIDE_OTHER, _AREA_UP, _VOLUME_UP],
            4: [_AREA_DOWN[:2], _VOLUME_DOWN],
            5: [_AREA_DOWN, _VOLUME_DOWN],
        }[difficulty]
        q.title = "Units of measure"
        labels = "abcd"
        for i, pool in enumerate(plan):
            conversion = rng.choice(pool)
            self._conversion(q, rng, labels[i], f"v{i + 1}", conversion)
        if difficulty >= 4:
            self._tank(q, rng, labels[len(plan)], mixed=difficulty == 5)

    def _conversion(
        self, q: QuestionBuilder, rng: random.Random, label: str, name: str, conversion: Conversion
    ) -> None:
        value = q.given(name, _draw(rng, conversion), unit=conversion.source)
        q.param(f"{name}_unit", conversion.answer_unit)
        p = q.part(
            label,
            f"Write ${number(value)}$ {conversion.source} in {conversion.target}.",
            marks=1,
            command="Write",
        )
        factor = conversion.factor
        result = value * factor
        op = f"\\times {number(factor)}" if factor > 1 else f"\\div {number(1 / factor)}"
        p.step(f"${number(value)} {op} = {number(result)}$", f"{name}*{factor}")
        final(
            p, Working(q, f"{name}*{factor}", fractions=False), unit=conversion.answer_unit, step=""
        )
        if conversion.linear is not None:
            used = conversion.linear
            verb = "multiplied" if used > 1 else "divided"
            misconception(
                p,
                Misconception(
                    f"{verb} by {plain(max(used, 1 / used))} instead of {plain(max(factor, 1 / factor))}"
                    f" (a length factor used for {conversion.dimension})",
                    value * used,
                ),
            )
        else:
            verb, other = ("divided", "multiplying") if factor > 1 else ("multiplied", "dividing")
            misconception(
                p,
                Misconception(
                    f"{verb} by {plain(max(factor, 1 / factor))} instead of {other}", value / factor
                ),
            )

    def _tank(self, q: QuestionBuilder, rng: random.Random, label: str, *, mixed: bool) -> None:
        length = rng.choice([40, 50, 60, 80, 90, 120, 150])
        width = rng.choice([20, 25, 30, 40, 45, 50, 60])
        height = rng.choice([15, 20, 25, 30, 35, 40])
        context = rng.choice(["fish tank", "water tank", "storage box"])
        q.param("context", context)
        if not mixed:
            ll = q.given("l", length, unit="cm")
            w = q.given("w", width, unit="cm")
            h = q.given("h", height, unit="cm")
            text = (
                f"A {context} is a cuboid measuring ${number(ll)}$ cm by ${number(w)}$ cm by "
                f"${number(h)}$ cm.\nWork out the capacity of the {context} in litres."
            )
            p = q.part(label, text, marks=2, command="Work out")
            volume = "l*w*h"
            p.step(
                f"$V = {number(ll)} \\times {number(w)} \\times {number(h)} = {number(ll * w * h)}$ cm$^3$",
                volume,
            )
            p.step(
                f"${number(ll * w * h)} \\div 1000 = {number(ll * w * h / 1000)}$ litres",
                f"{volume}/1000",
            )
            method(
                p,
                Working(q, volume),
                f"${number(ll)} \\times {number(w)} \\times {number(h)}$ [$= {number(ll * w * h)}$]",
                step="",
            )
            final(p, Working(q, f"{volume}/1000", fractions=False), unit="litres", step="")
            misconception(
                p,
                Misconception(
                    "gave the volume in cm³ without converting to litres", volume, (volume,)
                ),
            )
            misconception(
                p, Misconception("divided by 100 instead of 1000", f"{volume}/100", (volume,))
            )
            return
        if length * width * height // 1000 == length:
            # the length in cm would equal the capacity in litres and blur two mark lines
            height = 20 if height != 20 else 25
        ll = q.given("l", Rational(length * 10, 1000), unit="m")  # metres, e.g. 1.2
        w = q.given("w", width, unit="cm")
        h = q.given("h", height, unit="cm")
        text = (
            f"A {context} is a cuboid measuring ${number(ll)}$ m by ${number(w)}$ cm by ${number(h)}$ cm.\n"
            f"Work out the capacity of the {context} in litres."
        )
        p = q.part(label, text, marks=3, command="Work out")
        p.step(f"${number(ll)}$ m $= {number(ll * 100)}$ cm", "l*100")
        p.step(
            f"$V = {number(ll * 100)} \\times {number(w)} \\times {number(h)} = {number(ll * 100 * w * h)}$ cm$^3$",
            "l*100*w*h",
        )
        p.step(
            f"${number(ll * 100 * w * h)} \\div 1000 = {number(ll * 100 * w * h / 1000)}$ litres",
            "l*100*w*h/1000",
        )
        p.mark("B", f"${number(ll * 100)}$ cm seen", value="l*100")
        method(
            p,
            Working(q, "l*100*w*h"),
            f"${number(ll * 100)} \\times {number(w)} \\times {number(h)}$ [$= {number(ll * 100 * w * h)}$]",
            step="",
            partial=["M1 for their volume in cm³ divided by 1000, using consistent units"],
        )
        final(p, Working(q, "l*100*w*h/1000", fractions=False), unit="litres", step="")
        misconception(
            p,
            Misconception(
                "multiplied metres by centimetres without converting", "l*w*h/1000", ("l*w*h",)
            ),
        )
        misconception(
            p,
            Misconception(
                "gave the volume in cm³ without converting to litres", "l*100*w*h", ("l*100",)
            ),
        )
