"""Simple and compound interest (syllabus 1.13 and 1.16; compound interest is E1.17 growth)."""

from __future__ import annotations

import random

from sympy import Rational, floor

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.text import amount, money, names
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.number.growth import periods_to_pass
from questions.schemas import Accuracy, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP


def _rate(rng: random.Random, options: tuple[int, ...]) -> Rational:
    """A percentage rate given in tenths: (25, 30, 35) -> 2.5, 3, 3.5."""
    return Rational(rng.choice(options), 10)


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
            f"{first}'s account pays simple interest at a rate of ${number(r1)}\\%$ per year.\n\n"
            f"Calculate the total interest {first} receives.",
            marks=2,
            command="Calculate",
        )
        part.step(
            f"Interest for one year $= {principal} \\times \\frac{{{number(r1)}}}{{100}} = {number(p * r1 / 100, 2)}$",
            "P*r/100",
        )
        part.step(
            f"Total interest $= {number(p * r1 / 100, 2)} \\times {n} = {number(interest, 2)}$",
            "P*r/100*n",
        )
        part.answer("P*r/100*n", accuracy=MONEY, unit="$")
        part.mark(
            "M",
            f"${principal} \\times \\frac{{{number(r1)}}}{{100}}$ oe, one year's interest",
            value="P*r/100",
            partial=[f"M1 for ${principal} \\times {number(r1)} \\times {n} \\div 100$"],
        )
        part.mark("A", f"${number(interest, 2)}$", value="P*r/100*n", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "gave the total amount in the account instead of the interest",
                p + interest,
                ("P*r/100",),
                accuracy=MONEY,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "used compound interest instead of simple interest",
                p * (1 + r1 / 100) ** n - p,
                accuracy=MONEY,
                fractions=False,
            ),
        )

        # (b) compound interest
        value = p * (1 + r2 / 100) ** n
        part = q.part(
            "b",
            f"{second}'s account pays compound interest at a rate of ${number(r2)}\\%$ per year.\n\n"
            f"Calculate the value of {second}'s investment at the end of the ${n}$ years.",
            marks=2,
            command="Calculate",
        )
        answer = part.answer("P*(1 + c/100)**n", accuracy=MONEY, unit="$")
        part.step(
            f"${principal} \\times {number(1 + r2 / 100)}^{{{n}}} = {answer.latex}$",
            "P*(1 + c/100)**n",
        )
        part.mark(
            "M",
            f"${principal} \\times {number(1 + r2 / 100)}^{{{n}}}$ oe",
            value="P*(1 + c/100)**n",
        )
        part.mark("A", f"${answer.latex}$", value="P*(1 + c/100)**n", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "used simple interest instead of compound interest",
                p * (1 + r2 / 100 * n),
                accuracy=MONEY,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                f"multiplied by {number(1 + r2 / 100)} and then by {n}",
                p * (1 + r2 / 100) * n,
                accuracy=MONEY,
                fractions=False,
            ),
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
                f"{first} has ${principal} + {number(interest, 2)} = {number(total_a, 2)}$",
                "P + P*r/100*n",
            )
            part.step(f"Difference $= {answer.latex}$", machine)
            part.mark("M", f"${number(total_a, 2)}$ seen, {first}'s total", value="P + P*r/100*n")
            part.mark(
                "A",
                f"${answer.latex}$",
                value=machine,
                qualifiers=["FT"],
                partial=["FT their (a) and (b)"],
            )
            misconception(
                part,
                Misconception(
                    f"compared {second}'s total with {first}'s interest only",
                    abs(value - interest),
                    accuracy=MONEY,
                    fractions=False,
                ),
            )
        if difficulty >= 4 and q.tier == Tier.EXTENDED:
            factor = 1 + r2 / 100
            target_value = Rational(int(p * Rational(rng.choice([13, 15, 16, 18]), 10) / 100) * 100)
            years_needed = periods_to_pass(p, factor, target_value)
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
                f"After ${years_needed - 1}$ years: ${principal} \\times {number(factor)}^{{{years_needed - 1}}} = {number(before, 2)}$",
                f"P*(1 + c/100)**{years_needed - 1}",
            )
            part.step(
                f"After ${years_needed}$ years: ${principal} \\times {number(factor)}^{{{years_needed}}} = {number(after, 2)}$",
                f"P*(1 + c/100)**{years_needed}",
            )
            part.step(f"So ${years_needed}$ years", years_needed)
            part.answer(years_needed, unit="years")
            part.mark(
                "M",
                f"${principal} \\times {number(factor)}^{{{years_needed}}}$ or a trial giving ${number(after, 2)}$",
                value=f"P*(1 + c/100)**{years_needed}",
            )
            part.mark("A", f"${years_needed}$", value=years_needed, qualifiers=["cao"])
            simple_years = int(floor((target_value - p) / (p * (factor - 1)))) + 1
            if simple_years != years_needed:
                misconception(
                    part,
                    Misconception(
                        "added the same amount of interest every year",
                        simple_years,
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
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
            f"Interest for one year $= {amount(e)} \\div {n} = {number(earned / years, 2)}$",
            "I2/n2",
        )
        part.step(
            f"$r = \\frac{{{number(earned / years, 2)}}}{{{principal}}} \\times 100 = {number(rate)}$",
            "I2/n2/P2*100",
        )
        part.answer("I2/n2/P2*100", plain=number(rate), latex=number(rate))
        part.mark(
            "M",
            f"${amount(e)} \\div {n}$ or ${amount(e)} \\div ({principal} \\times {n})$",
            value="I2/n2",
        )
        part.mark("A", f"${number(rate)}$", value="I2/n2/P2*100", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"forgot to divide by the {years} years",
                earned / principal * 100,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
