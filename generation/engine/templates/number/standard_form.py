"""Standard form: converting, and calculating with and without a calculator (syllabus 1.8)."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import standard_form
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


# ---------------------------------------------------------------------------------------------
# 1.8 Standard form.


def _sf_latex(value: sympy.Expr) -> str:
    return standard_form(value)[1]


def _sf_answer(part: PartBuilder, machine: str, value: sympy.Expr) -> None:
    plain, latex = standard_form(value)
    part.answer(machine, plain=plain, latex=latex)


def _sf_wrong(part: PartBuilder, value: sympy.Expr, error: str, working: tuple = ()) -> None:
    plain, latex = standard_form(value)
    wrong(part, plain, error, latex=latex, working=list(working))


def _mantissa(rng: random.Random, figures: int) -> Rational:
    """A number 1 <= m < 10 with ``figures`` significant figures (last digit non-zero)."""
    while True:
        digits = rng.randint(10 ** (figures - 1), 10**figures - 1)
        if digits % 10:
            return Rational(digits, 10 ** (figures - 1))


@register
class StandardForm(Template):
    key = "number.standard_form"
    title = "Standard form"
    codes = {Tier.CORE: ("C1.8",), Tier.EXTENDED: ("E1.8",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Standard form"
        labels = iter("abcd")
        big = _mantissa(rng, 2 if difficulty <= 2 else 3) * 10 ** rng.randint(3, 7)
        small = _mantissa(rng, 2 if difficulty <= 2 else 3) * Rational(1, 10 ** rng.randint(2, 5))
        policy = CalculatorPolicy.ALLOWED if difficulty == 4 else NON_CALC

        to_sf = big if difficulty in (1, 2) else small
        v = q.given("s1", to_sf, display=number(to_sf))
        part = q.part(
            next(labels),
            f"Write ${number(v)}$ in standard form.",
            marks=1,
            command="Write",
            calculator=policy,
        )
        part.step(f"${number(v)} = {_sf_latex(v)}$", "s1")
        _sf_answer(part, "s1", v)
        part.mark("B", f"${_sf_latex(v)}$", value="s1", qualifiers=["cao"])
        exponent = sympy.floor(sympy.log(v, 10))
        _sf_wrong(part, v * 10 ** (-2 * exponent), "gave the power of 10 the wrong sign")

        from_sf = small if difficulty in (1, 2) else big
        w = q.given("s2", from_sf, display=_sf_latex(from_sf))
        part = q.part(
            next(labels),
            f"Write ${_sf_latex(w)}$ as an ordinary number.",
            marks=1,
            command="Write",
            calculator=policy,
        )
        part.step(f"${_sf_latex(w)} = {number(w)}$", "s2")
        part.answer("s2", plain=number(w).replace("\\,", ""), latex=number(w))
        part.mark("B", f"${number(w)}$", value="s2", qualifiers=["cao"])
        shift = 10 if w < 1 else Rational(1, 10)
        misconception(
            part,
            Misconception(
                "moved the decimal point one place too few",
                w * shift,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )

        if difficulty == 4:
            self._calculator_context(q, rng, next(labels))
        elif difficulty >= 2:
            self._multiply_divide(q, rng, next(labels), difficulty)
        if difficulty == 5:
            self._add(q, rng, next(labels))

    def _multiply_divide(
        self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int
    ) -> None:
        a, b = rng.randint(2, 9), rng.randint(2, 9)
        p, r = rng.randint(2, 8), rng.randint(2, 6)
        divide = difficulty >= 3 and rng.random() < 0.6
        if divide:
            a = a * b  # a multiple of b, so a / b is whole
            if a >= 10:
                a_text = number(Rational(a, 10))
                a_value = Rational(a, 10)
                p += 1
            else:
                a_text, a_value = str(a), Rational(a)
            r = -r if difficulty == 5 else r
        else:
            a_text, a_value = str(a), Rational(a)
        x = q.given("m1", a_value * 10**p, display=f"{a_text} \\times 10^{{{p}}}")
        y = q.given("m2", Rational(b) * Rational(10) ** r, display=f"{b} \\times 10^{{{r}}}")
        op, machine = ("\\div", "m1/m2") if divide else ("\\times", "m1*m2")
        value = x / y if divide else x * y
        part = q.part(
            label,
            f"Work out $({a_text} \\times 10^{{{p}}}) {op} ({b} \\times 10^{{{r}}})$.\n\n"
            "Give your answer in standard form.",
            marks=2,
            command="Work out",
        )
        raw = a_value / b if divide else a_value * b
        power = p - r if divide else p + r
        part.step(f"${number(raw)} \\times 10^{{{power}}}$", machine)
        part.step(f"$= {_sf_latex(value)}$", machine)
        _sf_answer(part, machine, value)
        part.mark(
            "M",
            f"${number(raw)} \\times 10^{{{power}}}$ oe",
            value=machine,
            partial=["B1 for the correct answer not in standard form"],
        )
        part.mark("A", f"${_sf_latex(value)}$", value=machine, qualifiers=["cao"])
        bad_power = p * r if not divide else p + r
        _sf_wrong(
            part,
            raw * Rational(10) ** bad_power,
            "multiplied the powers of 10" if not divide else "added the powers of 10",
        )
        if raw >= 10 or raw < 1:
            _sf_wrong(
                part,
                raw / 10 ** sympy.floor(sympy.log(raw, 10)) * Rational(10) ** power,
                "did not adjust the power of 10 after writing the number in standard form",
            )

    def _add(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        p = rng.randint(4, 8)
        a = _mantissa(rng, 2)
        b = _mantissa(rng, 2)
        x = q.given("a1", a * 10**p, display=_sf_latex(a * 10**p))
        y = q.given("a2", b * 10 ** (p - 1), display=_sf_latex(b * 10 ** (p - 1)))
        value = x + y
        part = q.part(
            label,
            f"Work out ${_sf_latex(x)} + {_sf_latex(y)}$.\n\nGive your answer in standard form.",
            marks=2,
            command="Work out",
        )
        part.step(f"${number(x)} + {number(y)} = {number(value)}$", "a1 + a2")
        part.step(f"$= {_sf_latex(value)}$", "a1 + a2")
        _sf_answer(part, "a1 + a2", value)
        part.mark(
            "M",
            f"${number(x)} + {number(y)}$ or ${number(a)} \\times 10^{{{p}}} + {number(b / 10)} \\times 10^{{{p}}}$",
            value="a1 + a2",
        )
        part.mark("A", f"${_sf_latex(value)}$", value="a1 + a2", qualifiers=["cao"])
        _sf_wrong(part, (a + b) * 10**p, "added the numbers without matching the powers of 10")

    def _calculator_context(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        if rng.random() < 0.5:
            mass = rng.choice(
                [
                    Rational(16, 10),
                    Rational(25, 10),
                    Rational(32, 10),
                    Rational(64, 10),
                    Rational(125, 100),
                    Rational(4),
                    Rational(8),
                    Rational(5),
                ]
            )
            mass *= Rational(1, 10 ** rng.randint(3, 6))
            total_kg = rng.choice([2, 4, 5, 8, 10, 20, 25])
            m = q.given("g", mass, display=_sf_latex(mass))
            t = q.given("k", total_kg)
            value = t * 1000 / m
            text = (
                f"One grain of sand has a mass of ${_sf_latex(m)}$ grams.\n\n"
                f"Calculate the number of grains of sand in ${t}$ kg of sand.\n\n"
                "Give your answer in standard form."
            )
            machine = "k*1000/g"
            method = f"${t * 1000} \\div ({_sf_latex(m)})$"
            error, bad = "did not change kilograms to grams", t / m
        else:
            speed = 3 * 10**5
            planet, distance = rng.choice(
                [
                    ("Mercury", Rational(579, 10)),
                    ("Venus", Rational(108)),
                    ("Mars", Rational(228)),
                    ("Jupiter", Rational(7785, 10)),
                    ("Saturn", Rational(1434)),
                ]
            )
            distance *= 10**6
            c = q.given("c", speed, display=_sf_latex(speed))
            d = q.given("d", distance, display=_sf_latex(distance))
            value = d / c
            text = (
                f"Light travels at ${_sf_latex(c)}$ km/s.\n\nThe distance from the Sun to {planet} is "
                f"${_sf_latex(d)}$ km.\n\nCalculate the time, in seconds, that light takes to travel "
                f"from the Sun to {planet}.\n\nGive your answer in standard form."
            )
            machine = "d/c"
            method = f"$\\frac{{{_sf_latex(d)}}}{{{_sf_latex(c)}}}$"
            error, bad = "multiplied the distance by the speed", d * c
        part = q.part(
            label, text, marks=2, command="Calculate", calculator=CalculatorPolicy.ALLOWED
        )
        part.step(f"{method} $= {number(value)} = {_sf_latex(value)}$", machine)
        _sf_answer(part, machine, value)
        part.mark("M", f"{method} oe", value=machine)
        part.mark("A", f"${_sf_latex(value)}$", value=machine, qualifiers=["cao"])
        _sf_wrong(part, bad, error)
