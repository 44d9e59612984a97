"""Indices, standard form and surds (syllabus 1.7, 1.8 and E1.18)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy
from sympy import Rational

from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.number._common import (
    dec,
    frac,
    frac_plain,
    standard_form,
    wrong,
)
from questions.schemas import CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED

# ---------------------------------------------------------------------------------------------
# 1.7 Indices I.


@dataclass(frozen=True)
class _Law:
    text: str  # the question, with the equation in LaTeX
    relation: str  # machine form in n
    answer: str  # machine form over the givens
    value: int
    working: str  # LaTeX of the working
    wrong: int | None
    error: str


def _law(q: QuestionBuilder, rng: random.Random, kind: str, tag: str) -> _Law:
    base = rng.choice([2, 3, 5, 7, 10])
    x, y = rng.sample(range(2, 10), 2)
    if kind == "divide":
        x, y = max(x, y) + 2, min(x, y)
    q.given(f"{tag}b", base)
    q.given(f"{tag}x", x)
    q.given(f"{tag}y", x * y if kind == "power" else y)
    if kind == "multiply":
        return _Law(
            f"${base}^{{{x}}} \\times {base}^{{{y}}} = {base}^n$",
            f"Eq({base}**{x}*{base}**{y}, {base}**n)",
            f"{tag}x + {tag}y",
            x + y,
            f"Add the indices: $n = {x} + {y} = {x + y}$",
            x * y,
            "multiplied the indices instead of adding them",
        )
    if kind == "divide":
        return _Law(
            f"${base}^{{{x}}} \\div {base}^n = {base}^{{{y}}}$",
            f"Eq({base}**{x}/{base}**n, {base}**{y})",
            f"{tag}x - {tag}y",
            x - y,
            f"Subtract the indices: $n = {x} - {y} = {x - y}$",
            x + y,
            "added the indices instead of subtracting",
        )
    if kind == "power":
        return _Law(
            f"$({base}^{{{x}}})^n = {base}^{{{x * y}}}$",
            f"Eq(({base}**{x})**n, {base}**{x * y})",
            f"{tag}y/{tag}x",
            y,
            f"Multiply the indices: ${x}n = {x * y}$, so $n = {y}$",
            x * y - x,
            "subtracted the indices instead of dividing",
        )
    # combined: (b^x * b^y) / b^z = b^n
    z = rng.randint(2, x + y - 1)
    q.given(f"{tag}z", z)
    return _Law(
        f"$\\frac{{{base}^{{{x}}} \\times {base}^{{{y}}}}}{{{base}^{{{z}}}}} = {base}^n$",
        f"Eq({base}**{x}*{base}**{y}/{base}**{z}, {base}**n)",
        f"{tag}x + {tag}y - {tag}z",
        x + y - z,
        f"$n = {x} + {y} - {z} = {x + y - z}$",
        x * y - z,
        "multiplied the indices in the numerator",
    )


def _value_item(
    rng: random.Random, kind: str
) -> tuple[str, sympy.Expr, str, list[tuple[sympy.Expr, str]]]:
    """(latex, exact value, machine, [(wrong value, error)]) for 'Find the value of'."""
    if kind == "zero":
        b = rng.randint(2, 99)
        return (
            f"{b}^0",
            sympy.Integer(1),
            f"{b}**0",
            [(sympy.Integer(0), "thought any number to the power 0 is 0")],
        )
    if kind == "negative":
        b, e = rng.choice(
            [(2, 3), (2, 4), (2, 5), (3, 2), (3, 3), (4, 2), (5, 2), (10, 2), (10, 3)]
        )
        return (
            f"{b}^{{-{e}}}",
            Rational(1, b**e),
            f"{b}**(-{e})",
            [
                (sympy.Integer(-(b**e)), "made the answer negative"),
                (sympy.Integer(-b * e), "multiplied the base by the index"),
            ],
        )
    if kind == "half":
        r = rng.randint(4, 15)
        return (
            f"{r * r}^{{\\frac{{1}}{{2}}}}",
            sympy.Integer(r),
            f"{r * r}**(1/2)",
            [(Rational(r * r, 2), "halved the number")],
        )
    if kind == "fraction_negative":
        a, b = rng.choice([(2, 3), (3, 4), (2, 5), (3, 5), (1, 3), (1, 4)])
        e = 2
        return (
            f"\\left(\\frac{{{a}}}{{{b}}}\\right)^{{-{e}}}",
            Rational(b, a) ** e,
            f"({a}/{b})**(-{e})",
            [(Rational(a, b) ** e, "ignored the negative sign in the index")],
        )
    raise ValueError(kind)


def _fractional(rng: random.Random) -> tuple[int, int, int, bool]:
    """root r, power p, base r**k and whether the index is negative: 27^(2/3) = 9."""
    k, root = rng.choice(
        [(2, 4), (3, 8), (3, 27), (2, 9), (4, 16), (2, 25), (3, 64), (4, 81), (5, 32)]
    )
    power = rng.choice([p for p in range(2, 4) if sympy.gcd(p, k) == 1])
    return k, power, root, rng.random() < 0.6


@register
class Indices(Template):
    key = "number.indices"
    title = "Laws of indices; zero, negative and fractional indices"
    codes = {Tier.CORE: ("C1.7",), Tier.EXTENDED: ("E1.7",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        extended = q.tier == Tier.EXTENDED
        laws = {
            1: ["multiply"],
            2: ["multiply", "divide"],
            3: ["power", "divide"],
            4: ["combined"],
            5: ["combined"],
        }[difficulty]
        values = {
            1: ["zero"],
            2: ["negative"],
            3: ["negative"],
            4: ["negative"],
            5: ["fraction_negative"],
        }[difficulty]
        q.title = "Indices"
        labels = iter("abcdef")
        for i, kind in enumerate(laws):
            law = _law(q, rng, kind, f"l{i}")
            part = q.part(
                next(labels), f"Find the value of $n$.\n\n{law.text}", marks=1, command="Work out"
            )
            part.step(law.working, law.answer)
            part.answer(law.answer, variable="n", satisfies=law.relation)
            part.mark("B", f"${law.value}$", value=law.answer, qualifiers=["cao"])
            if law.wrong is not None and law.wrong != law.value:
                wrong(part, law.wrong, law.error, 0)
        for kind in values:
            latex, value, machine, errors = _value_item(rng, kind)
            command = "Write down" if kind == "zero" else "Work out"
            text = (
                f"Write down the value of ${latex}$."
                if kind == "zero"
                else f"Find the value of ${latex}$."
            )
            part = q.part(next(labels), text, marks=1, command=command)
            shown = frac(value) if value.q != 1 else str(value)
            part.step(f"${latex} = {shown}$", machine)
            part.answer(machine, plain=frac_plain(value), latex=shown)
            part.mark("B", f"${shown}$", value=machine, qualifiers=["cao"])
            for bad, error in errors:
                if bad != value:
                    part.wrong(frac_plain(bad), error, 0, latex=frac(bad))
        if extended and difficulty >= 3:
            self._fractional_part(q, rng, next(labels), difficulty)
        elif difficulty >= 4:
            self._base_change(q, rng, next(labels))

    def _fractional_part(
        self, q: QuestionBuilder, rng: random.Random, label: str, difficulty: int
    ) -> None:
        k, power, base_value, negative = _fractional(rng)
        if difficulty == 3:
            power, negative = 1, False
        root = round(base_value ** (1 / k))
        base = q.given("fb", base_value)
        sign = "-" if negative else ""
        index = f"{sign}\\frac{{{power}}}{{{k}}}" if power > 1 else f"{sign}\\frac{{1}}{{{k}}}"
        machine = f"fb**({sign}{power}/{k})"
        value = Rational(root**power) if not negative else Rational(1, root**power)
        marks = 1 if difficulty == 3 else 2
        part = q.part(
            label, f"Find the value of ${base}^{{{index}}}$.", marks=marks, command="Work out"
        )
        name = {2: "square", 3: "cube", 4: "fourth", 5: "fifth"}[k]
        part.step(f"The {name} root of ${base}$ is ${root}$", f"fb**(1/{k})")
        if power > 1:
            part.step(f"${root}^{{{power}}} = {root**power}$", f"fb**({power}/{k})")
        if negative:
            part.step(f"The negative index gives the reciprocal: ${frac(value)}$", machine)
        else:
            part.step(f"$= {frac(value)}$", machine)
        part.answer(machine, plain=frac_plain(value), latex=frac(value))
        if marks == 1:
            part.mark("B", f"${frac(value)}$", value=machine, qualifiers=["cao"])
            wrong(
                part,
                Rational(base_value, k),
                f"divided by {k} instead of taking the {name} root",
                0,
            )
            return
        part.mark(
            "M",
            f"${root}$ or ${root**power}$ seen",
            value=f"fb**(1/{k})",
            partial=[f"M1 for the {name} root of {base_value}"],
        )
        part.mark("A", f"${frac(value)}$", value=machine, qualifiers=["cao"])
        if negative:
            wrong(
                part,
                -(root**power),
                "made the answer negative instead of taking the reciprocal",
                1,
                working=[f"fb**(1/{k})"],
            )
        wrong(
            part,
            Rational(base_value * power, k) * (-1 if negative else 1),
            "multiplied the base by the index",
            0,
        )

    def _base_change(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        base, square = rng.choice([(2, 4), (3, 9), (2, 8), (5, 25)])
        k = {4: 2, 9: 2, 8: 3, 25: 2}[square]
        x, y = rng.randint(2, 5), rng.randint(2, 7)
        q.given("cb", square)
        q.given("cx", x)
        q.given("cy", y)
        n = k * x + y
        part = q.part(
            label,
            f"Find the value of $n$.\n\n${square}^{{{x}}} \\times {base}^{{{y}}} = {base}^n$",
            marks=2,
            command="Work out",
        )
        part.step(
            f"${square} = {base}^{{{k}}}$, so ${square}^{{{x}}} = {base}^{{{k * x}}}$", f"{k}*cx"
        )
        part.step(f"$n = {k * x} + {y} = {n}$", f"{k}*cx + cy")
        part.answer(
            f"{k}*cx + cy", variable="n", satisfies=f"Eq({square}**{x}*{base}**{y}, {base}**n)"
        )
        part.mark(
            "M",
            f"${square}^{{{x}}} = {base}^{{{k * x}}}$ or ${square} = {base}^{{{k}}}$",
            value=f"{k}*cx",
        )
        part.mark("A", f"${n}$", value=f"{k}*cx + cy", qualifiers=["cao"])
        if x + y != k * x:
            wrong(
                part, x + y, f"added the indices without writing {square} as a power of {base}", 0
            )


# ---------------------------------------------------------------------------------------------
# 1.8 Standard form.


def _sf_latex(value: sympy.Expr) -> str:
    return standard_form(value)[1]


def _sf_answer(part: PartBuilder, machine: str, value: sympy.Expr) -> None:
    plain, latex = standard_form(value)
    part.answer(machine, plain=plain, latex=latex)


def _sf_wrong(
    part: PartBuilder, value: sympy.Expr, error: str, marks: int, working: tuple = ()
) -> None:
    plain, latex = standard_form(value)
    part.wrong(plain, error, marks, latex=latex, working=list(working))


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
        v = q.given("s1", to_sf, display=dec(to_sf))
        part = q.part(
            next(labels),
            f"Write ${dec(v)}$ in standard form.",
            marks=1,
            command="Write",
            calculator=policy,
        )
        part.step(f"${dec(v)} = {_sf_latex(v)}$", "s1")
        _sf_answer(part, "s1", v)
        part.mark("B", f"${_sf_latex(v)}$", value="s1", qualifiers=["cao"])
        exponent = sympy.floor(sympy.log(v, 10))
        _sf_wrong(part, v * 10 ** (-2 * exponent), "gave the power of 10 the wrong sign", 0)

        from_sf = small if difficulty in (1, 2) else big
        w = q.given("s2", from_sf, display=_sf_latex(from_sf))
        part = q.part(
            next(labels),
            f"Write ${_sf_latex(w)}$ as an ordinary number.",
            marks=1,
            command="Write",
            calculator=policy,
        )
        part.step(f"${_sf_latex(w)} = {dec(w)}$", "s2")
        part.answer("s2", plain=dec(w).replace("\\,", ""), latex=dec(w))
        part.mark("B", f"${dec(w)}$", value="s2", qualifiers=["cao"])
        shift = 10 if w < 1 else Rational(1, 10)
        wrong(part, w * shift, "moved the decimal point one place too few", 0)

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
                a_text = dec(Rational(a, 10))
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
        part.step(f"${dec(raw)} \\times 10^{{{power}}}$", machine)
        part.step(f"$= {_sf_latex(value)}$", machine)
        _sf_answer(part, machine, value)
        part.mark(
            "M",
            f"${dec(raw)} \\times 10^{{{power}}}$ oe",
            value=machine,
            partial=["B1 for the correct answer not in standard form"],
        )
        part.mark("A", f"${_sf_latex(value)}$", value=machine, qualifiers=["cao"])
        bad_power = p * r if not divide else p + r
        _sf_wrong(
            part,
            raw * Rational(10) ** bad_power,
            "multiplied the powers of 10" if not divide else "added the powers of 10",
            0,
        )
        if raw >= 10 or raw < 1:
            _sf_wrong(
                part,
                raw / 10 ** sympy.floor(sympy.log(raw, 10)) * Rational(10) ** power,
                "did not adjust the power of 10 after writing the number in standard form",
                0,
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
        part.step(f"${dec(x)} + {dec(y)} = {dec(value)}$", "a1 + a2")
        part.step(f"$= {_sf_latex(value)}$", "a1 + a2")
        _sf_answer(part, "a1 + a2", value)
        part.mark(
            "M",
            f"${dec(x)} + {dec(y)}$ or ${dec(a)} \\times 10^{{{p}}} + {dec(b / 10)} \\times 10^{{{p}}}$",
            value="a1 + a2",
        )
        part.mark("A", f"${_sf_latex(value)}$", value="a1 + a2", qualifiers=["cao"])
        _sf_wrong(part, (a + b) * 10**p, "added the numbers without matching the powers of 10", 0)

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
                f"One grain of rice has a mass of ${_sf_latex(m)}$ grams.\n\n"
                f"Calculate the number of grains of rice in ${t}$ kg of rice.\n\n"
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
        part.step(f"{method} $= {dec(value)} = {_sf_latex(value)}$", machine)
        _sf_answer(part, machine, value)
        part.mark("M", f"{method} oe", value=machine)
        part.mark("A", f"${_sf_latex(value)}$", value=machine, qualifiers=["cao"])
        _sf_wrong(part, bad, error, 0)
