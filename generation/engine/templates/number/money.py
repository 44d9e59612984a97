"""Money: exchange rates, wages, bills and best buys (syllabus 1.16)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import amount, money, names
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP


@dataclass(frozen=True)
class _Exchange:
    currency: str
    rate: Rational  # units of the currency for one dollar


@register
class Money(Template):
    key = "number.money"
    title = "Money: exchange rates, wages, bills and best buys"
    codes = {Tier.CORE: ("C1.16",), Tier.EXTENDED: ("E1.16",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Money"
        plan = {
            1: ["to_foreign", "to_dollars"],
            2: ["to_foreign", "to_dollars", "wages"],
            3: ["to_foreign", "wages", "best_buy"],
            4: ["to_dollars", "best_buy", "bill"],
            5: ["wages", "bill", "commission"],
        }[difficulty]
        currency, rate_choices = rng.choice(
            [
                ("euros", (84, 86, 88, 92, 95)),
                ("pounds", (74, 76, 78, 79, 81)),
                ("rupees", (8150, 8320, 8475)),
                ("yen", (14250, 14820, 15160)),
            ]
        )
        rate_value = Rational(rng.choice(rate_choices), 100)
        exchange = _Exchange(currency, q.given("x", rate_value))
        if {"to_foreign", "to_dollars", "commission"} & set(plan):
            q.stem = f"The exchange rate is \\$1 = ${number(exchange.rate)}$ {currency}."
        else:
            q.givens.pop()  # no exchange rate in this question
            q.params.pop("x")
        for label, kind in zip("abcd", plan, strict=False):
            getattr(self, f"_{kind}")(q, rng, label, exchange)
            q.param(label, kind)

    def _to_foreign(
        self, q: QuestionBuilder, rng: random.Random, label: str, fx: _Exchange
    ) -> None:
        dollars = rng.randint(12, 150) * 5
        d = q.given(f"{label}d", dollars)
        part = q.part(label, f"Change {money(d)} into {fx.currency}.", marks=2, command="Work out")
        machine = f"{label}d*x"
        answer = part.answer(machine, accuracy=MONEY, unit=fx.currency)
        part.step(f"${dollars} \\times {number(fx.rate)} = {answer.latex}$ {fx.currency}", machine)
        part.mark("M", f"${dollars} \\times {number(fx.rate)}$", value=machine)
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided by the exchange rate instead of multiplying",
                Rational(dollars) / fx.rate,
                accuracy=MONEY,
                fractions=False,
            ),
        )

    def _to_dollars(
        self, q: QuestionBuilder, rng: random.Random, label: str, fx: _Exchange
    ) -> None:
        foreign = rng.randint(12, 150) * 10 * (100 if fx.rate > 50 else 1)
        f = q.given(f"{label}f", foreign)
        part = q.part(
            label, f"Change ${number(f)}$ {fx.currency} into dollars.", marks=2, command="Work out"
        )
        machine = f"{label}f/x"
        answer = part.answer(machine, accuracy=MONEY, unit="$")
        part.step(f"${number(f)} \\div {number(fx.rate)} = {answer.latex}$", machine)
        part.mark("M", f"${number(f)} \\div {number(fx.rate)}$", value=machine)
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "multiplied by the exchange rate instead of dividing",
                foreign * fx.rate,
                accuracy=MONEY,
                fractions=False,
            ),
        )

    def _wages(self, q: QuestionBuilder, rng: random.Random, label: str, fx: _Exchange) -> None:
        who = names(rng, 1)[0]
        pay = Rational(rng.randint(1040, 2480), 100) // Rational(1, 10) * Rational(1, 10)
        hours = rng.randint(30, 40)
        extra = rng.randint(3, 12)
        p = q.given(f"{label}p", pay, display=amount(pay))
        h = q.given(f"{label}h", hours)
        e = q.given(f"{label}e", extra)
        overtime = f"{label}p*3/2"
        machine = f"{label}p*{label}h + {label}p*3/2*{label}e"
        part = q.part(
            label,
            f"{who} is paid {money(p)} per hour for a normal week of ${h}$ hours. Overtime is paid at "
            f"time and a half.\n\nOne week {who} works ${h}$ hours plus ${e}$ hours overtime.\n\n"
            f"Calculate {who}'s pay for this week.",
            marks=3,
            command="Calculate",
        )
        part.step(
            f"Normal pay $= {number(pay, 2)} \\times {hours} = {number(pay * hours, 2)}$",
            f"{label}p*{label}h",
        )
        part.step(
            f"Overtime rate $= {number(pay, 2)} \\times 1.5 = {number(pay * Rational(3, 2), 2)}$",
            overtime,
        )
        part.step(
            f"Total $= {number(pay * hours, 2)} + {number(pay * Rational(3, 2), 2)} \\times {extra} = {number(pay * hours + pay * Rational(3, 2) * extra, 2)}$",
            machine,
        )
        part.answer(machine, accuracy=MONEY, unit="$")
        part.mark("B", f"${number(pay * Rational(3, 2), 2)}$ overtime rate", value=overtime)
        part.mark(
            "M",
            f"${number(pay, 2)} \\times {hours} + {number(pay * Rational(3, 2), 2)} \\times {extra}$",
            value=machine,
        )
        part.mark(
            "A",
            f"${number(pay * hours + pay * Rational(3, 2) * extra, 2)}$",
            value=machine,
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "paid the overtime at the normal rate",
                pay * (hours + extra),
                accuracy=MONEY,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "paid only one hour of overtime",
                pay * hours + pay * Rational(3, 2),
                (overtime,),
                accuracy=MONEY,
                fractions=False,
            ),
        )

    def _best_buy(self, q: QuestionBuilder, rng: random.Random, label: str, fx: _Exchange) -> None:
        item = rng.choice(
            ["cans of lemonade", "bars of soap", "packets of crisps", "bottles of water"]
        )
        small, large = rng.choice([(4, 6), (6, 10), (4, 10), (6, 8), (3, 8), (5, 12)])
        unit_small = Rational(rng.randint(45, 120), 100)
        cheaper = rng.random() < 0.5
        unit_large = (
            unit_small - Rational(rng.randint(2, 8), 100)
            if cheaper
            else unit_small + Rational(rng.randint(2, 8), 100)
        )
        price_small, price_large = unit_small * small, unit_large * large
        a = q.given(f"{label}a", price_small, display=amount(price_small))
        b = q.given(f"{label}b", price_large, display=amount(price_large))
        q.given(f"{label}m", small)
        q.given(f"{label}n", large)
        best = "the pack of " + str(large if cheaper else small)
        part = q.part(
            label,
            f"A shop sells {item} in packs of ${small}$ for {money(a)} and packs of ${large}$ for {money(b)}.\n\n"
            "Which pack is the better value? Show all your working.",
            marks=2,
            command="Determine",
        )
        part.step(
            f"Pack of ${small}$: ${number(price_small, 2)} \\div {small} = {number(unit_small, 2)}$ each",
            f"{label}a/{label}m",
        )
        part.step(
            f"Pack of ${large}$: ${number(price_large, 2)} \\div {large} = {number(unit_large, 2)}$ each",
            f"{label}b/{label}n",
        )
        part.step(f"The cost of one is less in {best}, so {best} is the better value")
        part.answer(kind=AnswerKind.TEXT, plain=best, latex=f"\\text{{{best}}}")
        part.mark(
            "M",
            f"${number(unit_small, 2)}$ and ${number(unit_large, 2)}$, or another correct comparison",
            value=f"{label}a/{label}m",
            partial=["M1 for one correct price per item"],
        )
        part.mark("A", f"{best}, with correct working", value=f"{label}b/{label}n")
        worse = "the pack of " + str(small if cheaper else large)
        wrong(part, worse, "did not compare the price of one item in each pack")

    def _bill(self, q: QuestionBuilder, rng: random.Random, label: str, fx: _Exchange) -> None:
        fixed = Rational(rng.randint(800, 2500), 100)
        units = rng.randint(300, 1800)
        cents = Rational(rng.randint(120, 320), 10)
        f = q.given(f"{label}f", fixed, display=amount(fixed))
        u = q.given(f"{label}u", units)
        c = q.given(f"{label}c", cents)
        machine = f"{label}f + {label}u*{label}c/100"
        part = q.part(
            label,
            f"An electricity bill has a fixed charge of {money(f)} and a charge of ${number(c)}$ cents for each "
            f"unit used.\n\nA family uses ${u}$ units.\n\nCalculate the total bill in dollars.",
            marks=3,
            command="Calculate",
        )
        answer = part.answer(machine, accuracy=MONEY, unit="$")
        part.step(
            f"${units} \\times {number(cents)} = {number(units * cents)}$ cents",
            f"{label}u*{label}c",
        )
        part.step(f"$= {number(units * cents / 100, 2)}$ dollars", f"{label}u*{label}c/100")
        part.step(
            f"Total $= {number(fixed, 2)} + {number(units * cents / 100, 2)} = {answer.latex}$",
            machine,
        )
        part.mark("M", f"${units} \\times {number(cents)}$", value=f"{label}u*{label}c")
        part.mark("M", "$\\div 100$ to change cents to dollars", value=f"{label}u*{label}c/100")
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "did not change cents to dollars",
                fixed + units * cents,
                (f"{label}u*{label}c",),
                accuracy=MONEY,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "left out the fixed charge",
                units * cents / 100,
                (f"{label}u*{label}c", f"{label}u*{label}c/100"),
                accuracy=MONEY,
                fractions=False,
            ),
        )

    def _commission(
        self, q: QuestionBuilder, rng: random.Random, label: str, fx: _Exchange
    ) -> None:
        who = names(rng, 1)[0]
        dollars = rng.randint(20, 120) * 10
        fee = rng.choice([1, 2, 3, Rational(3, 2), Rational(5, 2)])
        d = q.given(f"{label}d", dollars)
        k = q.given(f"{label}k", fee)
        machine = f"{label}d*(1 - {label}k/100)*x"
        part = q.part(
            label,
            f"{who} changes {money(d)} into {fx.currency}. The bank takes ${number(k)}\\%$ of the dollars as "
            f"commission and changes the rest.\n\nWork out how many {fx.currency} {who} receives.",
            marks=3,
            command="Work out",
        )
        answer = part.answer(machine, accuracy=MONEY, unit=fx.currency)
        part.step(
            f"Dollars changed $= {dollars} \\times {number(1 - k / 100)} = {number(dollars * (1 - k / 100), 2)}$",
            f"{label}d*(1 - {label}k/100)",
        )
        part.step(
            f"${number(dollars * (1 - k / 100), 2)} \\times {number(fx.rate)} = {answer.latex}$ {fx.currency}",
            machine,
        )
        part.mark(
            "M",
            f"${dollars} \\times {number(1 - k / 100)}$ oe",
            value=f"{label}d*(1 - {label}k/100)",
        )
        part.mark("M", f"$\\times {number(fx.rate)}$", value=machine, qualifiers=["dep"])
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "forgot to take off the commission",
                dollars * fx.rate,
                accuracy=MONEY,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "changed only the commission",
                dollars * fee / 100 * fx.rate,
                accuracy=MONEY,
                fractions=False,
            ),
        )
