"""Proportion in context and the effect of a change (E2.8): a quantity proportional to a power
or root of another, the factor one changes by when the other is scaled, and a percentage
change carried through the proportion."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational, sqrt

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
)
from generation.engine.authoring.text import approx, frac
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Law:
    sentence: str  # "{y} is ... {x}" with the letters in it
    y: str
    x: str
    y_unit: str
    x_unit: str
    power: Rational
    inverse: bool
    x_values: tuple[int, ...]


_LAWS = [
    _Law("The distance, $d$ metres, that a ball rolls down a slope is directly proportional "
         "to the square of the time, $t$ seconds", "d", "t", "m", "s", Rational(2), False,
         (1, 2, 3, 4, 5, 6)),
    _Law("The time, $t$ minutes, taken to fill a tank is inversely proportional to the number "
         "of pipes, $n$, used", "t", "n", "minutes", "", Rational(1), True, (2, 3, 4, 5, 6, 8)),
    _Law("The brightness, $B$ units, of a lamp is inversely proportional to the square of the "
         "distance, $d$ metres, from the lamp", "B", "d", "units", "m", Rational(2), True,
         (1, 2, 4, 5)),
    _Law("The mass, $m$ grams, of a metal ball is directly proportional to the cube of its "
         "radius, $r$ cm", "m", "r", "g", "cm", Rational(3), False, (1, 2, 3, 4, 5)),
    _Law("The time, $T$ seconds, for one swing of a pendulum is directly proportional to the "
         "square root of its length, $l$ cm", "T", "l", "s", "cm", Rational(1, 2), False,
         (4, 9, 16, 25, 36, 49, 64, 81, 100)),
]  # fmt: skip

_POWER_WORDS = {
    Rational(1): "",
    Rational(2): "the square of ",
    Rational(3): "the cube of ",
    Rational(1, 2): "the square root of ",
}


def _power_tex(var: str, power: Rational) -> str:
    if power == 1:
        return var
    if power == Rational(1, 2):
        return f"\\sqrt{{{var}}}"
    return f"{var}^{{{power}}}"


def _short(value: Rational) -> bool:
    """Whether a value is whole or a short terminating decimal."""
    return (value * 100).q == 1


@register
class ProportionChange(Template):
    key = "algebra.proportion_change"
    title = "Proportion in context and the effect of a change"
    codes = {Tier.EXTENDED: ("E2.8",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Proportion"
        # a count of pipes is not increased by a percentage: powers and roots from difficulty 3
        laws = [
            law for law in _LAWS if (law.power in (1, 2)) == (difficulty <= 2) or law.power == 2
        ]
        law = rng.choice(laws)
        q.param("law", law.y + law.x)
        x1, x2 = rng.sample(law.x_values, 2)
        k = Rational(rng.randint(2, 12), rng.choice([1, 1, 2, 4]))
        y1 = k / x1**law.power if law.inverse else k * x1**law.power
        y2 = k / x2**law.power if law.inverse else k * x2**law.power
        if not (_short(y1) and _short(y2)):
            raise Reject("values not whole or short decimals")
        q.given("x1", x1)
        q.given("y1", y1)
        q.given("x2", x2)
        p = law.power
        xp = _power_tex(law.x, p)
        q.stem = f"{law.sentence}.\n\nWhen ${law.x} = {x1}$, ${law.y} = {number(y1)}$."

        # (a) a value from the proportion
        part = q.part(
            "a",
            f"Find ${law.y}$ when ${law.x} = {x2}$.",
            marks=3,
            command="Work out",
        )
        general = f"{law.y} = \\frac{{k}}{{{xp}}}" if law.inverse else f"{law.y} = k{xp}"
        at1 = _power_tex(str(x1), p)
        constant = Working(
            q,
            f"y1*x1**({p})" if law.inverse else f"y1/x1**({p})",
            latex=f"{number(y1)} \\times {at1}"
            if law.inverse
            else f"\\frac{{{number(y1)}}}{{{at1}}}",
        )
        part.step(f"${general}$")
        method(
            part,
            constant,
            f"${general}$ with $k = {frac(k)}$",
            step=f"$k = {constant.substituted} = {number(k) if _short(k) else frac(k)}$",
        )
        at2 = _power_tex(str(x2), p)
        value = Working(
            q,
            f"y1*x1**({p})/x2**({p})" if law.inverse else f"y1/x1**({p})*x2**({p})",
        )
        k_text = number(k) if _short(k) else frac(k)
        shown = f"\\frac{{{k_text}}}{{{at2}}}" if law.inverse else f"{k_text} \\times {at2}"
        unit = f" {law.y_unit}" if law.y_unit else ""
        method(
            part,
            value,
            f"${shown}$ (their $k$)",
            step=f"${law.y} = {shown} = {number(y2)}${unit}",
            qualifiers=("FT",),
        )
        final(part, value, step="", awarded_for=f"${number(y2)}$", qualifiers=["cao"])
        wrong_value = y1 * x2**p / x1**p if law.inverse else y1 * x1**p / x2**p
        misconception(
            part,
            Misconception(
                "used direct proportion instead of inverse"
                if law.inverse
                else "used inverse proportion instead of direct",
                wrong_value,
                fractions=not _short(wrong_value),
                accuracy=Accuracy.EXACT if _short(wrong_value) else Accuracy.SF3,
            ),
        )
        if p != 1:
            plain_law = y1 / x1 * x2 if not law.inverse else y1 * x1 / x2
            misconception(
                part,
                Misconception(
                    f"left out the power: used ${law.x}$ instead of ${xp}$",
                    plain_law,
                    fractions=not _short(plain_law),
                    accuracy=Accuracy.EXACT if _short(plain_law) else Accuracy.SF3,
                ),
            )

        # (b) the factor the quantity changes by
        scale = rng.choice([2, 3, 4] if p != Rational(1, 2) else [4, 9, 16])
        q.given("s", scale)
        factor = Rational(scale) ** p
        if law.inverse:
            factor = 1 / factor
        part = q.part(
            "b",
            f"${law.x}$ is multiplied by ${scale}$.\n\nFind the number that ${law.y}$ is "
            "multiplied by.",
            marks=1 if difficulty <= 2 else 2,
            command="Work out",
        )
        change = Working(
            q,
            f"1/s**({p})" if law.inverse else f"s**({p})",
        )
        sf = _power_tex(str(scale), p)
        over = f"\\frac{{1}}{{{sf}}}" if law.inverse else sf
        step = f"${law.y}$ is multiplied by ${over} = {change.latex}$"
        if difficulty <= 2:
            final(part, change, step=step, qualifiers=["oe"])
        else:
            method(part, change, f"${over}$ seen", step=step)
            final(part, change, step="", qualifiers=["oe"])
        if p != 1:
            misconception(
                part,
                Misconception(
                    f"multiplied by ${scale}$ without the power",
                    "1/s" if law.inverse else "s",
                ),
            )
        misconception(
            part,
            Misconception(
                "used direct proportion instead of inverse"
                if law.inverse
                else "used inverse proportion instead of direct",
                f"s**({p})" if law.inverse else f"1/s**({p})",
            ),
        )

        # (c) a percentage change carried through
        if difficulty >= 3:
            self._percentage(q, rng, law, difficulty)

    @staticmethod
    def _percentage(q: QuestionBuilder, rng: random.Random, law: _Law, difficulty: int) -> None:
        p = law.power
        if p == Rational(1, 2):
            percent = rng.choice([21, 44, 69, 96])
        else:
            percent = rng.choice([10, 20, 30, 50] if difficulty >= 4 else [10, 20, 50])
        q.given("r", percent)
        multiplier = Rational(100 + percent, 100)
        factor = multiplier**p
        if p == Rational(1, 2):
            factor = sqrt(multiplier)
        if law.inverse:
            factor = 1 / factor
        change = (factor - 1) * 100
        exact = _short(Rational(change)) if change.is_Rational else False
        accuracy = Accuracy.EXACT if exact else Accuracy.SF3
        word = "decrease" if law.inverse else "increase"
        part = q.part(
            "c",
            f"${law.x}$ is increased by ${percent}\\%$.\n\nFind the percentage {word} in "
            f"${law.y}$.",
            marks=3,
            command="Work out",
        )
        m = Working(q, "1 + r/100")
        mp = _power_tex(number(multiplier), p)
        scaled = Working(
            q,
            f"1/(1 + r/100)**({p})" if law.inverse else f"(1 + r/100)**({p})",
        )
        method(
            part,
            m,
            f"${number(m.value)}$ seen",
            step=f"${law.x}$ is multiplied by ${number(m.value)}$",
        )
        over = f"\\frac{{1}}{{{mp}}}" if law.inverse else mp
        reached = f"= {number(factor)}" if exact else f"= {approx(factor, dots=True)}"
        method(
            part,
            scaled,
            f"${over}$ oe",
            step=f"${law.y}$ is multiplied by ${over} {reached}$",
        )
        source = (
            f"100*(1 - 1/(1 + r/100)**({p}))" if law.inverse else f"100*((1 + r/100)**({p}) - 1)"
        )
        result = Working(q, source, fractions=False)
        shown = result.shown(accuracy)[1]
        final(
            part,
            result,
            accuracy=accuracy,
            step=f"Percentage {word} $= {shown}\\%$",
            awarded_for=f"${shown}$",
            qualifiers=["cao"] if exact else ["awrt"],
        )
        naive = f"r*({p})"
        if p != 1:
            misconception(
                part,
                Misconception(
                    f"multiplied the percentage by the power (${percent} \\times {p}$)"
                    if p != Rational(1, 2)
                    else "halved the percentage for the square root",
                    naive,
                    accuracy=accuracy,
                    fractions=False,
                ),
            )
        misconception(
            part,
            Misconception(
                f"gave the multiplier for ${law.y}$, not the percentage change",
                scaled.machine,
                (scaled.machine,),
                accuracy=Accuracy.EXACT if exact else Accuracy.SF3,
                fractions=False,
            ),
        )
