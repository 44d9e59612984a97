"""Simple and compound interest, and exponential growth and decay (syllabus 1.13, 1.16 and
E1.17)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational, floor

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.number._common import amount, cash, dec, money, names, wrong
from questions.schemas import Accuracy, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP


def _rate(rng: random.Random, options: tuple[int, ...]) -> Rational:
    """A percentage rate given in tenths: (25, 30, 35) -> 2.5, 3, 3.5."""
    return Rational(rng.choice(options), 10)


def _first_year(start: Rational, factor: Rational, target: Rational) -> int:
    """The first whole number of periods after which start * factor**n passes target."""
    value, n = start, 0
    growing = factor > 1
    while (value <= target) if growing else (value >= target):
        value *= factor
        n += 1
    return n


@register
class Interest(Template):
    key = "number.simple_and_compound_interest"
    title = "Simple and compound interest"
    codes = {Tier.CORE: ("C1.13", "C1.16"), Tier.EXTENDED: ("E1.13", "E1.16", "E1.17")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        first, second = names(rng, 2)
        principal = rng.randint(5, 100) * 100 if difficulty >= 2 else rng.randint(5, 40) * 100
        years = rng.randint(2, 5) if difficulty <= 2 else rng.randint(3, 10)
        simple_rate = _rate(rng, (20, 25, 30, 35, 40, 45, 50))
        compound_rate = (
            simple_rate - _rate(rng, (0, 1, 2, 3, 4, 5))
            if difficulty >= 3
            else _rate(rng, (15, 20, 25, 30, 35, 40))
        )
        p = q.given("P", principal)
        r1 = q.given("r", simple_rate)
        r2 = q.given("c", compound_rate)
        n = q.given("n", years)
        q.title = "Simple and compound interest"
        q.stem = f"{first} and {second} each invest {money(p)} for ${n}$ years."

        # (a) simple interest
        interest = p * r1 / 100 * n
        part = q.part(
            "a",
            f"{first}'s account pays simple interest at a rate of ${dec(r1)}\\%$ per year.\n\n"
            f"Calculate the total interest {first} receives.",
            marks=2,
            command="Calculate",
        )
        part.step(
            f"Interest for one year $= {principal} \\times \\frac{{{dec(r1)}}}{{100}} = {cash(p * r1 / 100)}$",
            "P*r/100",
        )
        part.step(
            f"Total interest $= {cash(p * r1 / 100)} \\times {n} = {cash(interest)}$", "P*r/100*n"
        )
        part.answer("P*r/100*n", accuracy=MONEY, unit="$")
        part.mark(
            "M",
            f"${principal} \\times \\frac{{{dec(r1)}}}{{100}}$ oe, one year's interest",
            value="P*r/100",
            partial=[f"M1 for ${principal} \\times {dec(r1)} \\times {n} \\div 100$"],
        )
        part.mark("A", f"${cash(interest)}$", value="P*r/100*n", qualifiers=["cao"])
        wrong(
            part,
            p + interest,
            "gave the total amount in the account instead of the interest",
            1,
            accuracy=MONEY,
            working=["P*r/100"],
        )
        wrong(
            part,
            p * (1 + r1 / 100) ** n - p,
            "used compound interest instead of simple interest",
            0,
            accuracy=MONEY,
        )

        # (b) compound interest
        value = p * (1 + r2 / 100) ** n
        part = q.part(
            "b",
            f"{second}'s account pays compound interest at a rate of ${dec(r2)}\\%$ per year.\n\n"
            f"Calculate the value of {second}'s investment at the end of the ${n}$ years.",
            marks=2,
            command="Calculate",
        )
        answer = part.answer("P*(1 + c/100)**n", accuracy=MONEY, unit="$")
        part.step(
            f"${principal} \\times {dec(1 + r2 / 100)}^{{{n}}} = {answer.latex}$",
            "P*(1 + c/100)**n",
        )
        part.mark(
            "M", f"${principal} \\times {dec(1 + r2 / 100)}^{{{n}}}$ oe", value="P*(1 + c/100)**n"
        )
        part.mark("A", f"${answer.latex}$", value="P*(1 + c/100)**n", qualifiers=["cao"])
        wrong(
            part,
            p * (1 + r2 / 100 * n),
            "used simple interest instead of compound interest",
            0,
            accuracy=MONEY,
        )
        wrong(
            part,
            p * (1 + r2 / 100) * n,
            f"multiplied by {dec(1 + r2 / 100)} and then by {n}",
            0,
            accuracy=MONEY,
        )

        if difficulty >= 3:
            total_a = p + interest
            part = q.part(
                "c",
                "Work out the difference between the amounts in the two accounts at the end of the "
                f"${n}$ years.",
                marks=2,
                command="Work out",
            )
            machine = "Abs(P*(1 + c/100)**n - (P + P*r/100*n))"
            answer = part.answer(machine, accuracy=MONEY, unit="$")
            part.step(
                f"{first} has ${principal} + {cash(interest)} = {cash(total_a)}$", "P + P*r/100*n"
            )
            part.step(f"Difference $= {answer.latex}$", machine)
            part.mark("M", f"${cash(total_a)}$ seen, {first}'s total", value="P + P*r/100*n")
            part.mark(
                "A",
                f"${answer.latex}$",
                value=machine,
                qualifiers=["FT"],
                partial=["FT their (a) and (b)"],
            )
            wrong(
                part,
                abs(value - interest),
                f"compared {second}'s total with {first}'s interest only",
                0,
                accuracy=MONEY,
            )
        if difficulty >= 4 and q.tier == Tier.EXTENDED:
            factor = 1 + r2 / 100
            target_value = Rational(int(p * Rational(rng.choice([13, 15, 16, 18]), 10) / 100) * 100)
            years_needed = _first_year(p, factor, target_value)
            t = q.given("X", target_value)
            part = q.part(
                "d",
                f"{second} leaves the money in the account.\n\n"
                f"Find the number of complete years it takes for the investment to be worth more than {money(t)}.",
                marks=2,
                command="Work out",
            )
            before = p * factor ** (years_needed - 1)
            after = p * factor**years_needed
            part.step(
                f"After ${years_needed - 1}$ years: ${principal} \\times {dec(factor)}^{{{years_needed - 1}}} = {cash(before)}$",
                f"P*(1 + c/100)**{years_needed - 1}",
            )
            part.step(
                f"After ${years_needed}$ years: ${principal} \\times {dec(factor)}^{{{years_needed}}} = {cash(after)}$",
                f"P*(1 + c/100)**{years_needed}",
            )
            part.step(f"So ${years_needed}$ years", years_needed)
            part.answer(years_needed, unit="years")
            part.mark(
                "M",
                f"${principal} \\times {dec(factor)}^{{{years_needed}}}$ or a trial giving ${cash(after)}$",
                value=f"P*(1 + c/100)**{years_needed}",
            )
            part.mark("A", f"${years_needed}$", value=years_needed, qualifiers=["cao"])
            simple_years = int(floor((target_value - p) / (p * (factor - 1)))) + 1
            if simple_years != years_needed:
                wrong(part, simple_years, "added the same amount of interest every year", 0)
        elif difficulty >= 4:
            self._find_rate(q, rng, first)

    def _find_rate(self, q: QuestionBuilder, rng: random.Random, first: str) -> None:
        """Core: the rate of simple interest from the interest earned."""
        principal = rng.randint(10, 80) * 100
        rate = _rate(rng, (15, 20, 25, 30, 35, 40, 45, 50, 55, 60))
        years = rng.randint(2, 8)
        earned = principal * rate / 100 * years
        who = names(rng, 3)[2]
        p = q.given("P2", principal)
        n = q.given("n2", years)
        e = q.given("I2", earned, display=amount(earned))
        part = q.part(
            "d",
            f"{who} invests {money(p)} at a rate of $r\\%$ per year simple interest.\n\n"
            f"After ${n}$ years {who} has received {money(e)} in interest.\n\nWork out the value of $r$.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"Interest for one year $= {amount(e)} \\div {n} = {cash(earned / years)}$", "I2/n2"
        )
        part.step(
            f"$r = \\frac{{{cash(earned / years)}}}{{{principal}}} \\times 100 = {dec(rate)}$",
            "I2/n2/P2*100",
        )
        part.answer("I2/n2/P2*100", plain=dec(rate), latex=dec(rate))
        part.mark(
            "M",
            f"${amount(e)} \\div {n}$ or ${amount(e)} \\div ({principal} \\times {n})$",
            value="I2/n2",
        )
        part.mark("A", f"${dec(rate)}$", value="I2/n2/P2*100", qualifiers=["cao"])
        wrong(part, earned / principal * 100, f"forgot to divide by the {years} years", 0)


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
        start_display = amount(start_value) if context.money else dec(start_value)
        s = q.given("S", start_value, display=start_display)
        r = q.given("r", rate)
        n = q.given("n", periods)
        sign = "+" if context.growing else "-"
        q.title = "Exponential growth and decay"
        q.stem = (
            context.start_words.format(start=money(s) if context.money else start_display)
            + " "
            + context.change_words.format(r=dec(r))
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
        part.step(f"Multiplier $= 1 {sign} {dec(r / 100)} = {dec(factor)}$", f"1 {sign} r/100")
        part.step(
            f"${start_display} \\times {dec(factor)}^{{{periods}}} = {answer.latex}$", machine
        )
        part.mark("M", f"${start_display} \\times {dec(factor)}^{{{periods}}}$ oe", value=machine)
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
        linear = start_value * (1 + (1 if context.growing else -1) * rate / 100 * periods)
        if linear > 0:
            wrong(
                part,
                linear,
                f"{'added' if context.growing else 'took off'} {dec(rate)}% of the first value every {context.period}",
                0,
                accuracy=accuracy,
            )
        wrong(
            part,
            start_value * factor * periods,
            f"multiplied by {dec(factor)} and then by {periods}",
            0,
            accuracy=accuracy,
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
                f"${dec(factor)}^{{{periods}}} = {_approx(factor**periods)}$",
                f"(1 {sign} r/100)**n",
            )
            part.step(f"{word.capitalize()} $= {answer_pct.latex}\\%$", machine_pct)
            part.mark("M", f"${dec(factor)}^{{{periods}}}$ seen", value=f"(1 {sign} r/100)**n")
            part.mark("A", f"${answer_pct.latex}$", value=machine_pct, qualifiers=["awrt"])
            if context.growing or rate * periods < 100:
                wrong(
                    part,
                    rate * periods,
                    f"multiplied {dec(rate)}% by {periods}",
                    0,
                    accuracy=Accuracy.SF3,
                )
        if difficulty >= 2:
            ratio = Rational(rng.choice([3, 4]), 2) if context.growing else Rational(1, 2)
            target = start_value * ratio
            needed = _first_year(start_value, factor, target)
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
                f"${dec(factor)}^{{{needed - 1}}} = {_approx(factor ** (needed - 1))}$",
                f"(1 {sign} r/100)**{needed - 1}",
            )
            part.step(
                f"${dec(factor)}^{{{needed}}} = {_approx(factor**needed)}$",
                f"(1 {sign} r/100)**{needed}",
            )
            part.step(f"So ${needed}$ {context.period}s", needed)
            part.answer(needed, unit=f"{context.period}s")
            part.mark(
                "M",
                f"${dec(factor)}^{{{needed}}}$ or a trial with ${needed}$ {context.period}s",
                value=f"(1 {sign} r/100)**{needed}",
            )
            part.mark("A", f"${needed}$", value=needed, qualifiers=["cao"])
            linear = int(floor(abs(ratio - 1) * 100 / rate)) + 1
            wrong(
                part,
                linear,
                f"assumed {dec(rate)}% of the first value is {'added' if context.growing else 'lost'} every {context.period}",
                0,
            )
        if difficulty >= 4:
            later = q.given("k", 3)
            start_two = start_value * Rational(rng.randint(60, 140), 100)
            start_two = Rational(round(start_two, -2 if start_two > 1000 else -1))
            now = start_two * factor**3
            now_rounded = (
                Rational(round(now)) if not context.money else Rational(round(now * 100), 100)
            )
            shown_now = amount(now_rounded) if context.money else dec(now_rounded)
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
            answer = part.answer(machine, accuracy=accuracy)
            part.step(f"${shown_now} \\div {dec(factor)}^3 = {answer.latex}$", machine)
            part.mark("M", f"${shown_now} \\div {dec(factor)}^3$", value=machine)
            part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
            opposite = now_rounded * (1 - (1 if context.growing else -1) * rate / 100) ** 3
            wrong(
                part,
                opposite,
                f"{'decreased' if context.growing else 'increased'} by {dec(rate)}% three times",
                0,
                accuracy=accuracy,
            )


def _approx(value: Rational) -> str:
    text = dec(value)
    if len(text) <= 8:
        return text
    from generation.engine import formatting

    return formatting.display(value, Accuracy.SF4)[0]
