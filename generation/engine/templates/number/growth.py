"""Exponential growth and decay (syllabus E1.17)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational, floor

from generation.engine.authoring import Misconception, misconception, round_half_up
from generation.engine.authoring.text import amount, approx, money
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP


@dataclass(frozen=True)
class _Context:
    start_words: str  # "A car was bought for {start}."
    change_words: str  # "Its value decreases by {r}% each year."
    period: str  # "year"
    thing: str  # "the value of the car"
    money: bool
    growing: bool


_CONTEXTS = [
    _Context(
        "A car was bought for {start}.",
        "Its value decreases by ${r}\\%$ each year.",
        "year",
        "the value of the car",
        True,
        False,
    ),
    _Context(
        "A boat was bought for {start}.",
        "Its value depreciates by ${r}\\%$ each year.",
        "year",
        "the value of the boat",
        True,
        False,
    ),
    _Context(
        "The population of a town is ${start}$.",
        "The population increases by ${r}\\%$ each year.",
        "year",
        "the population",
        False,
        True,
    ),
    _Context(
        "A colony contains ${start}$ bacteria.",
        "The number of bacteria increases by ${r}\\%$ each hour.",
        "hour",
        "the number of bacteria",
        False,
        True,
    ),
    _Context(
        "A house was bought for {start}.",
        "Its value increases by ${r}\\%$ each year.",
        "year",
        "the value of the house",
        True,
        True,
    ),
]


def periods_to_pass(start: Rational, factor: Rational, target: Rational) -> int:
    """The first whole number of periods after which ``start * factor**n`` passes ``target``
    (goes above it when growing, below it when decaying)."""
    value, n = start, 0
    growing = factor > 1
    while (value <= target) if growing else (value >= target):
        value *= factor
        n += 1
    return n


@register
class ExponentialGrowth(Template):
    key = "number.exponential_growth_decay"
    title = "Exponential growth and decay"
    codes = {Tier.EXTENDED: ("E1.17",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        context = rng.choice(_CONTEXTS)
        if context.money:
            start_value = (
                Rational(rng.randint(40, 400) * 100)
                if "house" not in context.thing
                else Rational(rng.randint(80, 400) * 1000)
            )
        else:
            start_value = (
                Rational(rng.randint(20, 900) * 100)
                if "population" in context.thing
                else Rational(rng.randint(5, 90) * 100)
            )
        rate = (
            Rational(rng.choice([2, 3, 4, 5, 6, 8, 12, 15, 18, 20, 25]))
            if not context.money or not context.growing
            else Rational(rng.choice([2, 3, 4, 5, 6]))
        )
        if context.growing and "bacteria" not in context.thing:
            rate = min(rate, Rational(8))
        periods = rng.randint(3, 8) if difficulty <= 3 else rng.randint(4, 12)
        factor = 1 + rate / 100 if context.growing else 1 - rate / 100
        start_display = amount(start_value) if context.money else number(start_value)
        s = q.given("S", start_value, display=start_display)
        r = q.given("r", rate)
        n = q.given("n", periods)
        sign = "+" if context.growing else "-"
        q.title = "Exponential growth and decay"
        q.stem = (
            context.start_words.format(start=money(s) if context.money else start_display)
            + " "
            + context.change_words.format(r=number(r))
        )
        accuracy = MONEY if context.money else Accuracy.NEAREST_INTEGER
        rounding = "" if context.money else " Give your answer correct to the nearest whole number."
        machine = f"S*(1 {sign} r/100)**n"
        part = q.part(
            "a",
            f"Calculate {context.thing} after ${n}$ {context.period}s.{rounding}",
            marks=2,
            command="Calculate",
        )
        answer = part.answer(machine, accuracy=accuracy, unit="$" if context.money else "")
        part.step(
            f"Multiplier $= 1 {sign} {number(r / 100)} = {number(factor)}$", f"1 {sign} r/100"
        )
        part.step(
            f"${start_display} \\times {number(factor)}^{{{periods}}} = {answer.latex}$", machine
        )
        part.mark(
            "M", f"${start_display} \\times {number(factor)}^{{{periods}}}$ oe", value=machine
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
        linear = start_value * (1 + (1 if context.growing else -1) * rate / 100 * periods)
        if linear > 0:
            misconception(
                part,
                Misconception(
                    f"{'added' if context.growing else 'took off'} {number(rate)}% of the first value every {context.period}",
                    linear,
                    accuracy=accuracy,
                    fractions=False,
                ),
            )
        misconception(
            part,
            Misconception(
                f"multiplied by {number(factor)} and then by {periods}",
                start_value * factor * periods,
                accuracy=accuracy,
                fractions=False,
            ),
        )
        labels = iter("bcd")

        if difficulty in (3, 5):
            word = "increase" if context.growing else "decrease"
            machine_pct = f"Abs((1 {sign} r/100)**n - 1)*100"
            part = q.part(
                next(labels),
                f"Calculate the overall percentage {word} in {context.thing} after ${n}$ {context.period}s.",
                marks=2,
                command="Calculate",
            )
            answer_pct = part.answer(machine_pct, accuracy=Accuracy.SF3, unit="%")
            part.step(
                f"${number(factor)}^{{{periods}}} = {approx(factor**periods)}$",
                f"(1 {sign} r/100)**n",
            )
            part.step(f"{word.capitalize()} $= {answer_pct.latex}\\%$", machine_pct)
            part.mark("M", f"${number(factor)}^{{{periods}}}$ seen", value=f"(1 {sign} r/100)**n")
            part.mark("A", f"${answer_pct.latex}$", value=machine_pct, qualifiers=["awrt"])
            if context.growing or rate * periods < 100:
                misconception(
                    part,
                    Misconception(
                        f"multiplied {number(rate)}% by {periods}",
                        rate * periods,
                        accuracy=Accuracy.SF3,
                        fractions=False,
                    ),
                )
        if difficulty >= 2:
            ratio = Rational(rng.choice([3, 4]), 2) if context.growing else Rational(1, 2)
            target = start_value * ratio
            needed = periods_to_pass(start_value, factor, target)
            word = "less than" if not context.growing else "more than"
            target_words = {
                Rational(1, 2): "half",
                Rational(3, 2): "one and a half times",
                2: "double",
            }[ratio]
            part = q.part(
                next(labels),
                f"Find the number of complete {context.period}s it takes for {context.thing} to be "
                f"{word} {target_words} its first value.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"${number(factor)}^{{{needed - 1}}} = {approx(factor ** (needed - 1))}$",
                f"(1 {sign} r/100)**{needed - 1}",
            )
            part.step(
                f"${number(factor)}^{{{needed}}} = {approx(factor**needed)}$",
                f"(1 {sign} r/100)**{needed}",
            )
            part.step(f"So ${needed}$ {context.period}s", needed)
            part.answer(needed, unit=f"{context.period}s")
            part.mark(
                "M",
                f"${number(factor)}^{{{needed}}}$ or a trial with ${needed}$ {context.period}s",
                value=f"(1 {sign} r/100)**{needed}",
            )
            part.mark("A", f"${needed}$", value=needed, qualifiers=["cao"])
            linear = int(floor(abs(ratio - 1) * 100 / rate)) + 1
            misconception(
                part,
                Misconception(
                    f"assumed {number(rate)}% of the first value is {'added' if context.growing else 'lost'} every {context.period}",
                    linear,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        if difficulty >= 4:
            later = q.given("k", 3)
            start_two = start_value * Rational(rng.randint(60, 140), 100)
            start_two = Rational(round(start_two, -2 if start_two > 1000 else -1))
            now = start_two * factor**3
            to = Accuracy.MONEY_2DP if context.money else Accuracy.NEAREST_INTEGER
            now_rounded = Rational(str(round_half_up(now, to)))  # half up, as 0580 rounds
            shown_now = amount(now_rounded) if context.money else number(now_rounded)
            v = q.given("V", now_rounded, display=shown_now)
            part = q.part(
                next(labels),
                f"In a second example, with the same percentage rate, {context.thing} after ${later}$ "
                f"{context.period}s is {money(v) if context.money else f'${shown_now}$'}.\n\n"
                f"Work out {context.thing} at the start of this example.",
                marks=2,
                command="Work out",
            )
            machine = f"V/(1 {sign} r/100)**k"
            answer = part.answer(machine, accuracy=accuracy, unit="$" if context.money else "")
            part.step(f"${shown_now} \\div {number(factor)}^3 = {answer.latex}$", machine)
            part.mark("M", f"${shown_now} \\div {number(factor)}^3$", value=machine)
            part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
            opposite = now_rounded * (1 - (1 if context.growing else -1) * rate / 100) ** 3
            misconception(
                part,
                Misconception(
                    f"{'decreased' if context.growing else 'increased'} by {number(rate)}% three times",
                    opposite,
                    accuracy=accuracy,
                    fractions=False,
                ),
            )
