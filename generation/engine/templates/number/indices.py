"""Indices I: laws of indices; zero, negative and fractional indices (syllabus 1.7)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

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
                misconception(
                    part,
                    Misconception(law.error, law.wrong, accuracy=Accuracy.EXACT, fractions=False),
                )
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
            part.mark(
                "B", f"${shown}$", value=machine, qualifiers=["cao"] if value.q == 1 else ["oe"]
            )
            for bad, error in errors:
                if bad != value:
                    wrong(part, frac_plain(bad), error, latex=frac(bad))
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
            part.mark("B", f"${frac(value)}$", value=machine, qualifiers=["oe"])
            misconception(
                part,
                Misconception(
                    f"divided by {k} instead of taking the {name} root",
                    Rational(base_value, k),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
            return
        part.mark(
            "M",
            f"${root}$ or ${root**power}$ seen",
            value=f"fb**(1/{k})",
            partial=[f"M1 for the {name} root of {base_value}"],
        )
        part.mark("A", f"${frac(value)}$", value=machine, qualifiers=["oe"])
        if negative:
            misconception(
                part,
                Misconception(
                    "made the answer negative instead of taking the reciprocal",
                    -(root**power),
                    (f"fb**(1/{k})",),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        misconception(
            part,
            Misconception(
                "multiplied the base by the index",
                Rational(base_value * power, k) * (-1 if negative else 1),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
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
            misconception(
                part,
                Misconception(
                    f"added the indices without writing {square} as a power of {base}",
                    x + y,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
