"""Fractions, decimals and percentages, and recurring decimals (syllabus 1.4), without a
calculator."""

from __future__ import annotations

import random

from sympy import Rational, gcd

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _terminating(rng: random.Random, denominators: list[int]) -> Rational:
    """A proper fraction in lowest terms with one of ``denominators``."""
    b = rng.choice(denominators)
    a = rng.choice([n for n in range(1, b) if gcd(n, b) == 1])
    return Rational(a, b)


@register
class FractionsDecimalsPercentages(Template):
    key = "number.fractions_decimals_percentages"
    title = "Converting between fractions, decimals and percentages"
    codes = {Tier.CORE: ("C1.4",), Tier.EXTENDED: ("E1.4",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        denominators = {
            1: [4, 5, 10],
            2: [4, 5, 20, 25],
            3: [8, 20, 25, 40],
            4: [8, 40, 16],
            5: [16, 40, 80],
        }[difficulty]
        q.title = "Fractions, decimals and percentages"
        f = q.given("f", _terminating(rng, denominators), display=None)
        q.givens[-1].display = frac(f)
        labels = iter("abcdef")

        part = q.part(next(labels), f"Write ${frac(f)}$ as a decimal.", marks=1, command="Write")
        part.step(f"${f.p} \\div {f.q} = {number(f)}$", "f")
        part.answer("f", plain=number(f), latex=number(f))
        part.mark("B", f"${number(f)}$", value="f", qualifiers=["cao"])
        wrong(
            part,
            f"{f.p}.{f.q}" if f.p < 10 else f"0.{f.p}{f.q}",
            "wrote the numerator and denominator side by side",
        )

        part = q.part(next(labels), f"Write ${frac(f)}$ as a percentage.", marks=1, command="Write")
        part.step(f"${number(f)} \\times 100 = {number(f * 100)}$", "f*100")
        part.answer("f*100", unit="%", plain=number(f * 100), latex=number(f * 100))
        part.mark("B", f"${number(f * 100)}\\%$", value="f*100", qualifiers=["cao"])
        wrong(part, f"{number(f)}%", "wrote the decimal with a % sign, without multiplying by 100")

        places = 2 if difficulty <= 2 else 3
        while True:
            d_value = Rational(rng.randint(1, 10**places - 1), 10**places)
            last_place = d_value.q == 10**places
            if last_place and gcd(d_value.p, 10) > 1 and d_value * 10 ** (places - 1) % 1 != 0:
                break
            if not last_place and d_value * 10 ** (places - 1) % 1 != 0:
                break
        d = q.given("d", d_value)
        part = q.part(
            next(labels),
            f"Write ${number(d)}$ as a fraction in its simplest form.",
            marks=1,
            command="Write",
        )
        scale = 10**places
        part.step(f"${number(d)} = \\frac{{{d * scale}}}{{{scale}}}$", "d")
        part.step(f"$= {frac(d)}$ in its simplest form", "d")
        part.answer("d", plain=frac_plain(d), latex=frac(d))
        part.mark("B", f"${frac(d)}$", value="d", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"used {scale // 10} instead of {scale} as the denominator",
                Rational(d * scale, scale // 10),
            ),
        )

        if difficulty >= 2:
            if difficulty <= 3:
                p_value = Rational(
                    rng.choice(
                        [
                            n
                            for n in range(2, 100)
                            if n % 10 != 0 and n % 25 != 0 and gcd(n, 100) > 1
                        ]
                    )
                )
            elif difficulty == 4:
                p_value = Rational(rng.choice([25, 75, 125, 175, 225, 375]), 10)
            else:
                p_value = Rational(rng.choice([2, 4, 5, 6, 8]), 10)
            p = q.given("p", p_value)
            part = q.part(
                next(labels),
                f"Write ${number(p)}\\%$ as a fraction in its simplest form.",
                marks=1 if difficulty <= 3 else 2,
                command="Write",
            )
            value = p / 100
            part.step(f"${number(p)}\\% = \\frac{{{number(p)}}}{{100}}$", "p/100")
            if p.q != 1:
                part.step(f"$= \\frac{{{p * p.q}}}{{{100 * p.q}}}$", "p/100")
            part.step(f"$= {frac(value)}$", "p/100")
            part.answer("p/100", plain=frac_plain(value), latex=frac(value))
            if difficulty <= 3:
                part.mark("B", f"${frac(value)}$", value="p/100", qualifiers=["cao"])
                misconception(part, Misconception("divided by 10 instead of 100", Rational(p, 10)))
            else:
                part.mark(
                    "M",
                    f"$\\frac{{{p * p.q}}}{{{100 * p.q}}}$ or any correct unsimplified fraction",
                    value="p/100",
                )
                part.mark("A", f"${frac(value)}$", value="p/100", qualifiers=["cao"])
                misconception(part, Misconception("divided by 10 instead of 100", Rational(p, 10)))


# ---------------------------------------------------------------------------------------------
# E1.4 Recurring decimals to fractions.


def _recurring(prefix: str, cycle: str, whole: int = 0) -> tuple[Rational, str]:
    """The value and LaTeX of whole.prefix(cycle recurring): 0.2(7) -> 5/18, '0.2\\dot{7}'."""
    n, k = len(prefix), len(cycle)
    value = Rational(int(prefix + cycle) - int(prefix or "0"), 10**n * (10**k - 1)) + whole
    dots = (
        f"\\dot{{{cycle}}}" if k == 1 else f"\\dot{{{cycle[0]}}}{cycle[1:-1]}\\dot{{{cycle[-1]}}}"
    )
    return value, f"{whole}.{prefix}{dots}"


def _random_recurring(rng: random.Random, prefix_len: int, cycle_len: int) -> tuple[str, str]:
    while True:
        prefix = "".join(str(rng.randint(0, 9)) for _ in range(prefix_len))
        cycle = "".join(str(rng.randint(0, 9)) for _ in range(cycle_len))
        if set(cycle) <= {"0"} or set(cycle) <= {"9"} or len(set(cycle)) < min(2, cycle_len):
            continue
        if prefix and prefix[-1] == cycle[-1]:
            continue  # 0.3(3) would really be 0.(3)
        if cycle_len == 2 and cycle[0] == cycle[1]:
            continue
        return prefix, cycle


@register
class RecurringDecimals(Template):
    key = "number.recurring_decimals"
    title = "Recurring decimals as fractions"
    codes = {Tier.EXTENDED: ("E1.4",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        shapes = {
            1: [(0, 1, False), (0, 2, False)],
            2: [(0, 2, False), (1, 1, False)],
            3: [(1, 1, True), (0, 3, False)],
            4: [(1, 2, False), (2, 1, False)],
            5: [(1, 2, True), (2, 1, False)],
        }[difficulty]
        q.title = "Recurring decimals"
        labels = iter("ab")
        for index, (prefix_len, cycle_len, show) in enumerate(shapes):
            prefix, cycle = _random_recurring(rng, prefix_len, cycle_len)
            value, latex = _recurring(prefix, cycle)
            name = f"r{index + 1}"
            q.given(name, value, display=latex)
            label = next(labels)
            n, k = len(prefix), len(cycle)
            big, small = 10 ** (n + k), 10**n
            difference = int(prefix + cycle) - int(prefix or "0")
            if show:
                text = f"Show that ${latex} = {frac(value)}$."
                part = q.part(label, text, marks=2, command="Show that")
                part.show_that = f"Rational({value.p}, {value.q})"
            elif prefix_len == 0 and cycle_len == 1:
                text = f"Write ${latex}$ as a fraction."
                part = q.part(label, text, marks=1, command="Write")
            else:
                text = f"Write the recurring decimal ${latex}$ as a fraction in its simplest form."
                part = q.part(label, text, marks=2, command="Write")
            repeat = f"{prefix}{cycle}{cycle}"
            part.step(f"Let $x = 0.{repeat}\\ldots$")
            part.step(
                f"${big}x = {int(prefix + cycle) if True else 0}.{cycle}{cycle}\\ldots$"
                + (f" and ${small}x = {int(prefix)}.{cycle}{cycle}\\ldots$" if small > 1 else "")
            )
            factor = big - small
            part.step(f"${factor}x = {difference}$", difference)
            simplified = "" if Rational(difference, factor).q == factor else f" = {frac(value)}"
            part.step(f"$x = \\frac{{{difference}}}{{{factor}}}{simplified}$", name)
            part.answer(name, plain=frac_plain(value), latex=frac(value))
            if part.marks == 1:
                part.mark("B", f"${frac(value)}$", value=name, qualifiers=["cao"])
            else:
                subtraction = f"{big}x - {small}x" if small > 1 else f"{big}x - x"
                part.mark(
                    "M",
                    f"${subtraction} = {difference}$ oe, or $\\frac{{{difference}}}{{{factor}}}$",
                    value=difference,
                )
                part.mark(
                    "A",
                    f"${frac(value)}$" + (" with no errors seen" if show else ""),
                    value=name,
                    qualifiers=["cao"],
                )
            if show:
                continue
            as_written = Rational(int(prefix + cycle), 10 ** (n + k))
            misconception(
                part,
                Misconception(
                    "ignored the recurring part and wrote the digits over a power of 10", as_written
                ),
            )
            if prefix:
                pure = Rational(int(prefix + cycle), 10 ** (n + k) - 1)
                misconception(part, Misconception("treated every digit as recurring", pure))
            q.param(name, latex)
