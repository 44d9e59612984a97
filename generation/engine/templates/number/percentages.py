"""Percentages: of an amount, increase and decrease, one quantity as a percentage of another,
percentage change and profit, reverse percentages, simple and compound interest
(syllabus 1.13 and 1.16)."""

from __future__ import annotations

import random

from sympy import Rational, lcm

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.text import amount, approx, money, names
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP


def _price(rng: random.Random, low: int, high: int, step: int = 1) -> Rational:
    """A price in dollars from ``low`` to ``high``, a whole number of ``step`` cents."""
    return Rational(rng.randrange(low * 100, high * 100 + 1, step), 100)


def _price_for(
    rng: random.Random, multiplier: Rational, low: int, high: int, *, whole: bool
) -> Rational:
    """An original price (whole dollars if ``whole``) that the multiplier takes to whole cents."""
    unit = Rational(lcm(multiplier.q, 100 if whole else 1), 100)
    options = [
        unit * k for k in range(int(low / unit), int(high / unit) + 1) if low <= unit * k <= high
    ]
    if not options:
        raise Reject("no price gives whole cents")
    return rng.choice(options)


@register
class Percentages(Template):
    key = "number.percentages"
    title = "Percentages of amounts, increase and decrease, percentage change"
    codes = {Tier.CORE: ("C1.13",), Tier.EXTENDED: ("E1.13",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Percentages"
        plan = {
            1: ["of", "decrease"],
            2: ["increase", "express"],
            3: ["decrease", "change"],
            4: ["of", "profit", "change"],
            5: ["increase", "profit", "change"],
        }[difficulty]
        for label, kind in zip("abc", plan, strict=False):
            getattr(self, f"_{kind}")(q, rng, label, difficulty)
            q.param(label, kind)

    def _of(self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        pct = (
            rng.choice([5, 10, 15, 20, 25, 35, 40, 45, 60, 75])
            if difficulty <= 2
            else Rational(rng.choice([25, 35, 45, 65, 75, 125, 175]), 10)
        )
        amount_value = rng.randint(4, 60) * 20
        p = q.given(f"{label}p", pct)
        a = q.given(f"{label}a", amount_value)
        machine = f"{label}p/100*{label}a"
        value = p / 100 * a
        part = q.part(
            label, f"Work out ${number(p)}\\%$ of {money(a)}.", marks=2, command="Work out"
        )
        part.step(f"${number(p / 100)} \\times {a} = {number(value, 2)}$", machine)
        part.answer(machine, accuracy=MONEY, unit="$")
        part.mark("M", f"${number(p / 100)} \\times {a}$ oe", value=machine)
        part.mark("A", f"${number(value, 2)}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(f"divided {a} by {number(p)}", a / p, accuracy=MONEY, fractions=False),
        )

    def _change_price(self, q: QuestionBuilder, rng: random.Random, label: str, sign: int) -> None:
        item = rng.choice(["jacket", "television", "bicycle", "pair of shoes", "lamp", "guitar"])
        pct = Rational(rng.choice([5, 10, 12, 15, 20, 25, 30, 35, 40]))
        price_value = _price(rng, 20, 400, 50 if sign < 0 else 100)
        p = q.given(f"{label}p", pct)
        c = q.given(f"{label}c", price_value, display=amount(price_value))
        change = f"{label}p/100*{label}c"
        machine = f"{label}c*(1 {'+' if sign > 0 else '-'} {label}p/100)"
        value = c * (1 + sign * p / 100)
        if sign < 0:
            text = (
                f"A {item} costs {money(c)}. In a sale, its price is reduced by ${p}\\%$.\n\n"
                "Work out the sale price."
            )
        else:
            text = (
                f"A {item} costs {money(c)}. Its price is increased by ${p}\\%$.\n\n"
                "Work out the new price."
            )
        part = q.part(label, text, marks=2, command="Work out")
        part.step(f"${p}\\%$ of ${amount(c)} = {number(c * p / 100, 2)}$", change)
        part.step(
            f"${amount(c)} {'+' if sign > 0 else '-'} {number(c * p / 100, 2)} = {number(value, 2)}$",
            machine,
        )
        part.answer(machine, accuracy=MONEY, unit="$")
        part.mark(
            "M",
            f"${number(p / 100)} \\times {amount(c)}$ or ${number(1 + sign * p / 100)} \\times {amount(c)}$",
            value=change,
            partial=[f"M1 for {number(c * p / 100, 2)} seen"],
        )
        part.mark("A", f"${number(value, 2)}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"gave the {'reduction' if sign < 0 else 'increase'} instead of the {'sale' if sign < 0 else 'new'} price",
                c * p / 100,
                (change,),
                accuracy=MONEY,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                f"{'added' if sign < 0 else 'subtracted'} the percentage instead",
                c * (1 - sign * p / 100),
                (change,),
                accuracy=MONEY,
                fractions=False,
            ),
        )

    def _decrease(
        self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int
    ) -> None:
        self._change_price(q, rng, label, -1)

    def _increase(
        self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int
    ) -> None:
        self._change_price(q, rng, label, 1)

    def _express(self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        total_value = rng.choice([20, 25, 40, 50, 60, 80, 120, 150])
        part_value = rng.randint(total_value // 5, total_value - 2)
        team = rng.choice(["A football team", "A hockey team", "A chess club"])
        t = q.given(f"{label}t", total_value)
        w = q.given(f"{label}w", part_value)
        machine = f"{label}w/{label}t*100"
        part = q.part(
            label,
            f"{team} played ${t}$ matches and won ${w}$ of them.\n\nWork out the percentage of the matches that were won.",
            marks=2,
            command="Work out",
        )
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="%")
        part.step(f"$\\frac{{{w}}}{{{t}}} \\times 100 = {answer.latex}$", machine)
        part.mark("M", f"$\\frac{{{w}}}{{{t}}} \\times 100$ oe", value=machine)
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        misconception(
            part,
            Misconception(
                "divided the wrong way round",
                Rational(total_value, part_value) * 100,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    def _change(self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        old_value = _price(rng, 1, 40, 5) if difficulty <= 3 else _price(rng, 100, 900, 100)
        factor = Rational(rng.randint(103, 130), 100)
        new_value = Rational(round(old_value * factor * 20), 20)
        if new_value == old_value:
            raise Reject("no change")
        thing = (
            rng.choice(["a loaf of bread", "a bus ticket", "a cinema ticket"])
            if difficulty <= 3
            else rng.choice(["a flight", "a laptop", "a hotel room"])
        )
        o = q.given(f"{label}o", old_value, display=amount(old_value))
        n = q.given(f"{label}n", new_value, display=amount(new_value))
        machine = f"({label}n - {label}o)/{label}o*100"
        part = q.part(
            label,
            f"The price of {thing} increased from {money(o)} to {money(n)}.\n\nCalculate the percentage increase.",
            marks=2,
            command="Calculate",
        )
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="%")
        ratio = f"({label}n - {label}o)/{label}o"
        part.step(
            f"Increase $= {amount(n)} - {amount(o)} = {number(n - o, 2)}$", f"{label}n - {label}o"
        )
        part.step(f"$\\frac{{{number(n - o, 2)}}}{{{amount(o)}}} = {approx((n - o) / o)}$", ratio)
        part.step(f"${approx((n - o) / o)} \\times 100 = {answer.latex}$", machine)
        part.mark(
            "M",
            f"$\\frac{{{amount(n)} - {amount(o)}}}{{{amount(o)}}}$ oe",
            value=ratio,
            partial=[f"or M1 for $\\frac{{{amount(n)}}}{{{amount(o)}}} \\times 100$"],
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        misconception(
            part,
            Misconception(
                "divided by the new price instead of the original price",
                (n - o) / n * 100,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    def _profit(self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        who = names(rng, 1)[0]
        item = rng.choice(["a car", "a painting", "a motorbike", "some furniture"])
        cost_value = rng.randint(8, 90) * 50
        loss = difficulty == 5 and rng.random() < 0.5
        factor = (
            Rational(rng.randint(60, 95), 100) if loss else Rational(rng.randint(105, 160), 100)
        )
        sell_value = Rational(round(cost_value * factor / 10) * 10)
        c = q.given(f"{label}c", cost_value)
        s = q.given(f"{label}s", sell_value)
        word = "loss" if loss else "profit"
        machine = (
            f"({label}c - {label}s)/{label}c*100" if loss else f"({label}s - {label}c)/{label}c*100"
        )
        diff = f"{label}c - {label}s" if loss else f"{label}s - {label}c"
        part = q.part(
            label,
            f"{who} bought {item} for {money(c)} and sold it for {money(s)}.\n\nCalculate the percentage {word}.",
            marks=3,
            command="Calculate",
        )
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="%")
        part.step(f"{word.capitalize()} $= {abs(sell_value - cost_value)}$", diff)
        part.step(
            f"$\\frac{{{abs(sell_value - cost_value)}}}{{{cost_value}}} \\times 100 = {answer.latex}$",
            machine,
        )
        part.mark("B", f"{word} ${abs(sell_value - cost_value)}$", value=diff)
        part.mark(
            "M",
            f"$\\frac{{{abs(sell_value - cost_value)}}}{{{cost_value}}} \\times 100$",
            value=machine,
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        misconception(
            part,
            Misconception(
                "divided by the selling price instead of the cost",
                abs(sell_value - cost_value) / sell_value * 100,
                (diff,),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "gave the selling price as a percentage of the cost",
                sell_value / cost_value * 100,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )


@register
class ReversePercentages(Template):
    key = "number.reverse_percentages"
    title = "Reverse percentages: finding the original amount"
    codes = {Tier.EXTENDED: ("E1.13",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Reverse percentages"
        if difficulty <= 3:
            self._single(q, rng, difficulty)
        else:
            self._double(q, rng, difficulty)

    def _single(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        up = difficulty == 1 or (difficulty == 3 and rng.random() < 0.5)
        pct = (
            rng.choice([5, 10, 15, 20, 25, 30, 40])
            if difficulty <= 2
            else Rational(rng.choice([25, 35, 45, 75, 125, 175]), 10)
        )
        pct = Rational(pct)
        multiplier = 1 + pct / 100 if up else 1 - pct / 100
        if difficulty == 3:
            low, high = (15000, 60000) if up else (2000, 20000)
        else:
            low, high = (300, 3000) if up else (40, 300)
        original = _price_for(rng, multiplier, low, high, whole=difficulty <= 2 or low >= 2000)
        final = original * multiplier
        if difficulty == 3 and up:
            first = "After a pay rise of ${p}\\%$, {who}'s salary is {new} per year."
            ask = "Work out {who}'s salary before the pay rise."
        elif difficulty == 3:
            first = "{who} sells a car for {new}. This is a loss of ${p}\\%$ on the price {who} paid for it."
            ask = "Work out the price {who} paid for the car."
        elif up:
            first = "After a ${p}\\%$ increase, the price of a holiday is {new}."
            ask = "Work out the price before the increase."
        else:
            first = "In a sale, all prices are reduced by ${p}\\%$. A coat costs {new} in the sale."
            ask = "Work out the original price of the coat."
        who = names(rng, 1)[0]
        p = q.given("p", pct)
        f = q.given("F", final, display=amount(final))
        sign = "+" if up else "-"
        machine = f"F/(1 {sign} p/100)"
        part = q.part(
            "a",
            (first + "\n\n" + ask).format(p=number(p), new=money(f), who=who),
            marks=3 if difficulty == 3 else 2,
            command="Work out",
        )
        part.step(
            f"{amount(final)} is ${number(100 + (pct if up else -pct))}\\%$ of the original",
            f"1 {sign} p/100",
        )
        part.step(
            f"${amount(final)} \\div {number(multiplier)} = {number(original, 2)}$",
            machine,
        )
        part.answer(machine, accuracy=MONEY, unit="$")
        if part.marks == 3:
            part.mark(
                "B",
                f"${number(multiplier)}$ or ${number(100 + (pct if up else -pct))}\\%$ seen",
                value=f"1 {sign} p/100",
            )
        part.mark(
            "M",
            f"${amount(final)} \\div {number(multiplier)}$ oe",
            value=machine,
        )
        part.mark("A", f"${number(original, 2)}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"{'decreased' if up else 'increased'} the new amount by {number(pct)}%",
                final * (1 - pct / 100) if up else final * (1 + pct / 100),
                accuracy=MONEY,
                fractions=False,
            ),
        )

    def _double(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        up, down = rng.choice([10, 20, 25, 30, 40, 50]), rng.choice([10, 15, 20, 25, 30])
        multiplier = Rational(100 + up, 100) * Rational(100 - down, 100)
        original = _price_for(rng, multiplier, 40, 800, whole=True)
        final = original * multiplier
        u = q.given("u", up)
        d = q.given("d", down)
        f = q.given("F", final, display=amount(final))
        q.stem = (
            f"A shop increases the price of a sofa by ${u}\\%$.\n\nLater, in a sale, the new price is reduced by ${d}\\%$.\n\n"
            f"The sale price of the sofa is {money(f)}."
        )
        part = q.part(
            "a", "Work out the price of the sofa before the increase.", marks=3, command="Work out"
        )
        part.step(
            f"Overall multiplier $= {number(1 + u / 100)} \\times {number(1 - d / 100)} = {number(multiplier)}$",
            "(1 + u/100)*(1 - d/100)",
        )
        part.step(
            f"${amount(final)} \\div {number(multiplier)} = {number(original, 2)}$",
            "F/((1 + u/100)*(1 - d/100))",
        )
        part.answer("F/((1 + u/100)*(1 - d/100))", accuracy=MONEY, unit="$")
        part.mark(
            "M",
            f"${number(1 + u / 100)} \\times {number(1 - d / 100)}$ oe",
            value="(1 + u/100)*(1 - d/100)",
        )
        part.mark(
            "M",
            f"$\\div {number(multiplier)}$",
            value="F/((1 + u/100)*(1 - d/100))",
            qualifiers=["dep"],
        )
        part.mark(
            "A", f"${number(original, 2)}$", value="F/((1 + u/100)*(1 - d/100))", qualifiers=["cao"]
        )
        net = Rational(up - down, 100)
        if up != down and net != multiplier - 1:
            misconception(
                part,
                Misconception(
                    f"combined the changes as a single {up - down}% change",
                    final / (1 + net),
                    accuracy=MONEY,
                    fractions=False,
                ),
            )
        if difficulty == 5:
            change = (multiplier - 1) * 100
            word = "increase" if change > 0 else "decrease"
            part = q.part(
                "b",
                f"Work out the overall percentage {word} in the price of the sofa.",
                marks=2,
                command="Work out",
            )
            machine = (
                "((1 + u/100)*(1 - d/100) - 1)*100"
                if change > 0
                else "(1 - (1 + u/100)*(1 - d/100))*100"
            )
            part.step(
                f"${number(multiplier)} - 1 = {number(multiplier - 1)}$"
                if change > 0
                else f"$1 - {number(multiplier)} = {number(1 - multiplier)}$",
                "(1 + u/100)*(1 - d/100)",
            )
            part.step(f"{word.capitalize()} $= {number(abs(change))}\\%$", machine)
            part.answer(machine, unit="%", plain=number(abs(change)), latex=number(abs(change)))
            part.mark(
                "M",
                f"${number(multiplier)}$ used",
                value="(1 + u/100)*(1 - d/100)",
                qualifiers=["FT"],
            )
            part.mark("A", f"${number(abs(change))}$", value=machine, qualifiers=["cao"])
            if up != down and abs(up - down) != abs(change):
                misconception(
                    part,
                    Misconception(
                        f"{'added' if up > down else 'subtracted'} the two percentages",
                        abs(up - down),
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
