"""Rounding and estimating a calculation (syllabus 1.9)."""

from __future__ import annotations

import math
import random
from decimal import Decimal

import sympy
from sympy import Rational

from generation.engine import formatting
from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _measured(value: Rational, step: Rational) -> str:
    """A measurement shown to the accuracy it was rounded to: 16.0 when correct to 1 d.p."""
    places = 1 if step.q == 10 else 0
    return formatting.number(value, places) if places else number(value)


def _fixed(value: Rational, places: int) -> str:
    """A value with exactly ``places`` decimal places: 7.40."""
    return str(formatting.round_dp(Decimal(str(sympy.N(value, 30))), places))


def _sf(value: Rational, figures: int) -> Rational:
    return Rational(str(formatting.round_sig(Decimal(str(sympy.N(value, 30))), figures)))


def _near(rng: random.Random, rounded: Rational, figures: int = 3) -> Rational:
    """A number shown to ``figures`` s.f. that rounds to ``rounded`` at 1 s.f. (and is not it)."""
    unit = Rational(10) ** math.floor(math.log10(float(rounded)))
    for _ in range(100):
        step = unit / 10 ** (figures - 1)
        value = (
            rounded + rng.randint(-45 * 10 ** (figures - 2), 45 * 10 ** (figures - 2)) * step / 10
        )
        value = _sf(value, figures)
        if value > 0 and value != rounded and _sf(value, 1) == rounded and _sf(value, 2) != rounded:
            return value
    raise Reject("no number near the rounded value")


# ---------------------------------------------------------------------------------------------
# 1.9 Estimation.


def _estimate_shape(rng: random.Random, difficulty: int) -> tuple[list[Rational], str, str, str]:
    """Rounded values, the LaTeX template, the machine template and the numerator's machine
    template for an estimate; {0}, {1}, {2} are the three numbers."""
    tens = [Rational(n) for n in (20, 30, 40, 50, 60, 70, 80, 90, 200, 300, 400, 500, 600, 800)]
    units = [Rational(n) for n in (2, 3, 4, 5, 6, 7, 8, 9)]
    divisors = [Rational(n, 10) for n in (2, 4, 5, 8)] + [Rational(n) for n in (2, 3, 4, 5, 6, 8)]
    if difficulty <= 3:
        first, second = rng.choice(tens), rng.choice(units)
        latex, machine, numerator = "\\frac{{{0} \\times {1}}}{{{2}}}", "{0}*{1}/{2}", "{0}*{1}"
        top = first * second
    elif difficulty == 4:
        first, second = rng.sample(tens, 2)
        latex, machine, numerator = "\\frac{{{0} + {1}}}{{{2}}}", "({0} + {1})/{2}", "{0} + {1}"
        top = first + second
    else:
        first = rng.choice(
            [
                Rational(4),
                Rational(9),
                Rational(400),
                Rational(900),
                Rational(9, 100),
                Rational(4, 100),
            ]
        )
        second = rng.choice(units)
        latex = "\\frac{{\\sqrt{{{0}}} \\times {1}}}{{{2}}}"
        machine, numerator = "sqrt({0})*{1}/{2}", "sqrt({0})*{1}"
        top = sympy.sqrt(first) * second
    pool = divisors if difficulty >= 3 else [d for d in divisors if d.q == 1]
    nice = [d for d in pool if (top / d).q == 1 and d != top]
    if not nice:
        raise Reject("no divisor gives a whole-number estimate")
    return [first, second, rng.choice(nice)], latex, machine, numerator


@register
class Estimation(Template):
    key = "number.rounding_and_estimation"
    title = "Rounding and estimating a calculation"
    codes = {Tier.CORE: ("C1.9",), Tier.EXTENDED: ("E1.9",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Rounding and estimation"
        labels = iter("abcd")
        if difficulty <= 2:
            place = rng.choice([100, 1000]) if difficulty == 1 else rng.choice([10, 100, 1000])
            x_value = rng.randint(10_000, 99_999)
            if x_value % place == 0 or (x_value // (place // 10)) % 10 == 5:
                x_value += place // 5 + 1
            x = q.given("x", x_value)
            words = {10: "ten", 100: "hundred", 1000: "thousand"}[place]
            machine = f"{place}*round_dp(x/{place}, 0)"
            rounded = q.value_of(machine)
            part = q.part(
                next(labels),
                f"Round ${number(x)}$ to the nearest {words}.",
                marks=1,
                command="Write",
            )
            part.step(f"${number(x)} = {number(rounded)}$ to the nearest {words}", machine)
            part.answer(machine, plain=str(rounded), latex=number(rounded))
            part.mark("B", f"${number(rounded)}$", value=machine, qualifiers=["cao"])
            truncated = (x_value // place) * place
            if truncated != rounded:
                misconception(
                    part,
                    Misconception(
                        "cut the number off instead of rounding up",
                        truncated,
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
        else:
            figures = 2 if difficulty <= 4 else 3
            zeros = rng.randint(1, 3)
            digits = rng.randint(10**3, 10**4 - 1)
            x_value = Rational(digits, 10 ** (zeros + 4))
            x = q.given("x", x_value)
            part = q.part(
                next(labels),
                f"Write ${number(x)}$ correct to {figures} significant figures.",
                marks=1,
                command="Write",
            )
            accuracy = Accuracy.SF2 if figures == 2 else Accuracy.SF3
            shown = formatting.display(x, accuracy)[0]
            part.step(f"${number(x)} = {shown}$ to {figures} significant figures", "x")
            part.answer("x", accuracy=accuracy)
            part.mark("B", f"${shown}$", value="x", qualifiers=["cao"])
            by_places = {2: Accuracy.DP2, 3: Accuracy.DP3}[figures]
            if formatting.display(x, by_places)[0] != shown:
                misconception(
                    part,
                    Misconception(
                        f"rounded to {figures} decimal places instead of {figures} significant figures",
                        x,
                        accuracy=by_places,
                        fractions=False,
                    ),
                )

        d_value = Rational(rng.randint(1000, 9999), 1000) + rng.randint(1, 30)
        d = q.given("y", d_value)
        places = rng.choice([1, 2])
        accuracy = Accuracy.DP1 if places == 1 else Accuracy.DP2
        shown = formatting.display(d, accuracy)[0]
        part = q.part(
            next(labels),
            f"Write ${number(d)}$ correct to {places} decimal place{'s' if places == 2 else ''}.",
            marks=1,
            command="Write",
        )
        part.step(f"${number(d)} = {shown}$", "y")
        part.answer("y", accuracy=accuracy)
        part.mark("B", f"${shown}$", value="y", qualifiers=["cao"])
        truncated = Rational(int(d_value * 10**places), 10**places)
        if truncated != Rational(shown):
            wrong(part, _fixed(truncated, places), "truncated instead of rounding")

        rounded, latex_t, machine_t, numerator_t = _estimate_shape(rng, difficulty)
        estimate = sympy.sympify(machine_t.format(*[f"({v})" for v in rounded]))
        actual = [_near(rng, r) for r in rounded]
        names = ["e1", "e2", "e3"]
        for name, value in zip(names, actual, strict=True):
            q.given(name, value)
        shown_actual = latex_t.format(*[number(v) for v in actual])
        shown_rounded = latex_t.format(*[number(v) for v in rounded])
        numerator = numerator_t.format(*[f"({v})" for v in rounded])
        part = q.part(
            next(labels),
            f"By rounding each number correct to 1 significant figure, estimate the value of\n\n"
            f"${shown_actual}$.\n\nYou must show all your working.",
            marks=2,
            command="Work out",
        )
        top = sympy.sympify(numerator)
        full = machine_t.format(*[f"({v})" for v in rounded])
        part.step(f"$\\approx {shown_rounded}$")
        part.step(f"$= \\frac{{{number(top)}}}{{{number(rounded[2])}}}$", numerator)
        part.step(f"$= {number(estimate)}$", full)
        part.answer(full, plain=formatting.plain(estimate), latex=number(estimate))
        part.mark(
            "M",
            f"${shown_rounded}$, all three rounded correctly",
            value=numerator,
            partial=[f"the numerator ${number(sympy.sympify(numerator))}$ implies the rounding"],
        )
        part.mark(
            "A",
            f"${number(estimate)}$",
            value=machine_t.format(*[f"({v})" for v in rounded]),
            qualifiers=["cao"],
        )
        exact = sympy.sympify(machine_t.format(*[f"({v})" for v in actual]))
        misconception(
            part,
            Misconception(
                "worked out the exact value instead of an estimate",
                exact,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        times = sympy.sympify(numerator) * rounded[2]
        if times != estimate:
            misconception(
                part,
                Misconception(
                    f"multiplied by {number(rounded[2])} instead of dividing",
                    times,
                    (numerator,),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        if difficulty >= 3:
            self._in_context(q, rng, next(labels))

    def _in_context(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """An estimate in a real setting: how many times a price, roughly."""
        count_rounded = rng.choice([Rational(n) for n in (200, 300, 400, 500, 600, 700, 800, 900)])
        price_rounded = rng.choice([Rational(n) for n in (2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40)])
        count = int(_near(rng, count_rounded))
        price = _near(rng, price_rounded, 3)
        thing, unit = rng.choice(
            [
                ("tickets for a concert", "each"),
                ("copies of a book", "each"),
                ("meals at a festival", "each"),
            ]
        )
        c = q.given("h", count)
        p = q.given("g", price, display=formatting.number(price, 2))
        estimate = count_rounded * price_rounded
        part = q.part(
            label,
            f"A shop sold ${c}$ {thing} at \\${formatting.number(p, 2)} {unit}.\n\n"
            "By rounding each number correct to 1 significant figure, estimate the total amount of "
            "money taken. Show your working.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$\\approx {number(count_rounded)} \\times {number(price_rounded)}$", count_rounded
        )
        part.step(f"$= {number(estimate)}$", count_rounded * price_rounded)
        part.answer(
            count_rounded * price_rounded,
            plain=formatting.plain(estimate),
            latex=number(estimate),
            unit="$",
        )
        part.mark(
            "M",
            f"${number(count_rounded)} \\times {number(price_rounded)}$",
            value=count_rounded,
            partial=[f"M1 for ${number(count_rounded)}$ and ${number(price_rounded)}$ seen"],
        )
        part.mark(
            "A", f"${number(estimate)}$", value=count_rounded * price_rounded, qualifiers=["cao"]
        )
        misconception(
            part,
            Misconception(
                "worked out the exact amount instead of an estimate",
                count * price,
                accuracy=Accuracy.MONEY_2DP,
                fractions=False,
            ),
        )
