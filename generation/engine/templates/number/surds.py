"""Surds: simplifying, adding, expanding brackets and rationalising the denominator
(syllabus E1.18), without a calculator."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

import sympy
from sympy import sqrt

from generation.engine.authoring import wrong
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

SURDS = [2, 3, 5, 6, 7, 10, 11]


def _latex(value: sympy.Expr) -> str:
    return sympy.latex(sympy.nsimplify(value), order="none")


def _plain(value: sympy.Expr) -> str:
    """A surd as a candidate writes it: 6√2, 3 + √5, 1 - 4√3, 2√3/3."""
    text = sympy.sstr(sympy.nsimplify(value), order="none")
    return re.sub(r"\*?sqrt\((\d+)\)", r"√\1", text)


def _square(n: int) -> bool:
    return sympy.sqrt(n).is_Integer


def _square_part(n: int) -> int:
    """The largest k with k**2 dividing n."""
    return max(k for k in range(1, int(n**0.5) + 1) if n % (k * k) == 0)


def _coefficient(k: int) -> str:
    return "" if k == 1 else str(k)


def _answer(part: PartBuilder, machine: str, value: sympy.Expr) -> None:
    part.answer(machine, plain=_plain(value), latex=_latex(value))


def _wrong(part: PartBuilder, value: sympy.Expr, error: str, working: Sequence[Any] = ()) -> None:
    wrong(part, _plain(value), error, latex=_latex(value), working=list(working))


@register
class Surds(Template):
    key = "number.surds"
    title = "Surds"
    codes = {Tier.EXTENDED: ("E1.18",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        plan = {
            1: ["simplify", "product"],
            2: ["simplify", "add"],
            3: ["add", "rationalise"],
            4: ["simplify", "rationalise", "expand"],
            5: ["expand", "rationalise_binomial"],
        }[difficulty]
        q.title = "Surds"
        q.stem = "Do not use a calculator in this question."
        surd_a, surd_b = rng.sample(SURDS, 2)
        for label, kind in zip("abc", plan, strict=False):
            getattr(self, f"_{kind}")(q, rng, label, surd_a if label != "b" else surd_b)
            q.param(label, kind)

    def _simplify(self, q: QuestionBuilder, rng: random.Random, label: str, m: int) -> None:
        k = rng.randint(2, 6)
        n_value = k * k * m
        n = q.given(f"{label}n", n_value)
        part = q.part(
            label,
            f"Write $\\sqrt{{{n}}}$ in the form $k\\sqrt{{{m}}}$, where $k$ is an integer.",
            marks=1,
            command="Write",
        )
        part.step(
            f"$\\sqrt{{{n}}} = \\sqrt{{{k * k}}} \\times \\sqrt{{{m}}} = {k}\\sqrt{{{m}}}$",
            f"sqrt({label}n)",
        )
        _answer(part, f"sqrt({label}n)", sqrt(n_value))
        part.mark("B", f"${k}\\sqrt{{{m}}}$", value=f"sqrt({label}n)", qualifiers=["cao"])
        _wrong(
            part,
            (n_value // m) * sqrt(m),
            f"wrote {n_value} = {n_value // m} × {m} but did not square root {n_value // m}",
        )

    def _product(self, q: QuestionBuilder, rng: random.Random, label: str, m: int) -> None:
        pairs = [
            (a, b)
            for a in range(2, 16)
            for b in range(a + 1, 31)
            if not _square(a) and not _square(b) and not _square(a * b) and _square_part(a * b) > 1
        ]
        a, b = rng.choice(pairs)
        value = sqrt(a) * sqrt(b)
        x = q.given(f"{label}x", a)
        y = q.given(f"{label}y", b)
        part = q.part(
            label, f"Simplify $\\sqrt{{{x}}} \\times \\sqrt{{{y}}}$.", marks=1, command="Work out"
        )
        part.step(
            f"$\\sqrt{{{x} \\times {y}}} = \\sqrt{{{a * b}}} = {_latex(value)}$",
            f"sqrt({label}x*{label}y)",
        )
        _answer(part, f"sqrt({label}x*{label}y)", value)
        part.mark("B", f"${_latex(value)}$", value=f"sqrt({label}x*{label}y)", qualifiers=["cao"])
        _wrong(part, sqrt(a + b), "added the numbers under the square root instead of multiplying")

    def _add(self, q: QuestionBuilder, rng: random.Random, label: str, m: int) -> None:
        j, k = rng.sample(range(2, 6), 2)
        sign = rng.choice([1, -1]) if j != k else 1
        x = q.given(f"{label}x", j * j * m)
        y = q.given(f"{label}y", k * k * m)
        op = "+" if sign > 0 else "-"
        machine = f"sqrt({label}x) {op} sqrt({label}y)"
        value = (j + sign * k) * sqrt(m)
        part = q.part(
            label, f"Simplify $\\sqrt{{{x}}} {op} \\sqrt{{{y}}}$.", marks=2, command="Work out"
        )
        part.step(
            f"$\\sqrt{{{x}}} = {j}\\sqrt{{{m}}}$ and $\\sqrt{{{y}}} = {k}\\sqrt{{{m}}}$",
            f"sqrt({label}x)",
        )
        part.step(f"${j}\\sqrt{{{m}}} {op} {k}\\sqrt{{{m}}} = {_latex(value)}$", machine)
        _answer(part, machine, value)
        part.mark(
            "M",
            f"${j}\\sqrt{{{m}}}$ or ${k}\\sqrt{{{m}}}$",
            value=f"sqrt({label}x)",
            partial=["M1 for either surd simplified correctly"],
        )
        part.mark("A", f"${_latex(value)}$", value=machine, qualifiers=["cao"])
        bad = sqrt(j * j * m + sign * k * k * m)
        if bad != value:
            _wrong(
                part,
                bad,
                f"{'added' if sign > 0 else 'subtracted'} the numbers under the square roots",
            )

    def _rationalise(self, q: QuestionBuilder, rng: random.Random, label: str, m: int) -> None:
        k = rng.randint(2, 5)
        numerator = k * m
        a = q.given(f"{label}a", numerator)
        b = q.given(f"{label}b", m)
        machine = f"{label}a/sqrt({label}b)"
        value = sympy.Integer(numerator) / sqrt(m)
        part = q.part(
            label,
            f"Rationalise the denominator and simplify $\\frac{{{a}}}{{\\sqrt{{{b}}}}}$.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$\\frac{{{a}}}{{\\sqrt{{{b}}}}} \\times \\frac{{\\sqrt{{{b}}}}}{{\\sqrt{{{b}}}}} = \\frac{{{a}\\sqrt{{{b}}}}}{{{b}}}$",
            machine,
        )
        part.step(f"$= {_latex(value)}$", machine)
        _answer(part, machine, value)
        part.mark("M", f"$\\frac{{{a}\\sqrt{{{b}}}}}{{{b}}}$ oe", value=machine)
        part.mark("A", f"${_latex(value)}$", value=machine, qualifiers=["cao"])
        _wrong(part, numerator * sqrt(m), "multiplied the top by the surd but did not divide by it")

    def _expand(self, q: QuestionBuilder, rng: random.Random, label: str, m: int) -> None:
        a, c = rng.randint(1, 6), rng.randint(1, 6)
        if rng.random() < 0.4:
            c = a  # (a + √m)(a - √m): a difference of two squares
        ga = q.given(f"{label}a", a)
        gc = q.given(f"{label}c", c)
        gm = q.given(f"{label}m", m)
        machine = f"({label}a + sqrt({label}m))*({label}c - sqrt({label}m))"
        value = sympy.expand((a + sqrt(m)) * (c - sqrt(m)))
        part = q.part(
            label,
            f"Expand and simplify $({ga} + \\sqrt{{{gm}}})({gc} - \\sqrt{{{gm}}})$.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"${a * c} - {_coefficient(a)}\\sqrt{{{m}}} + {_coefficient(c)}\\sqrt{{{m}}} - {m}$",
            machine,
        )
        part.step(f"$= {_latex(value)}$", machine)
        _answer(part, machine, value)
        part.mark(
            "M",
            f"${a * c} - {_coefficient(a)}\\sqrt{{{m}}} + {_coefficient(c)}\\sqrt{{{m}}} - {m}$, at least 3 terms correct",
            value=machine,
        )
        part.mark("A", f"${_latex(value)}$", value=machine, qualifiers=["cao"])
        if a != c:
            _wrong(
                part,
                sympy.Integer(a * c - m),
                "multiplied only the first terms and the last terms",
            )

    def _rationalise_binomial(
        self, q: QuestionBuilder, rng: random.Random, label: str, m: int
    ) -> None:
        while True:
            a = rng.randint(2, 5)
            difference = a * a - m
            if difference > 0:
                break
            m = rng.choice([2, 3, 5, 6, 7])
        k = rng.randint(1, 3)
        numerator = k * difference
        n = q.given(f"{label}n", numerator)
        ga = q.given(f"{label}a", a)
        gm = q.given(f"{label}m", m)
        machine = f"{label}n/({label}a - sqrt({label}m))"
        value = sympy.expand(k * (a + sqrt(m)))
        part = q.part(
            label,
            f"Rationalise the denominator of $\\frac{{{n}}}{{{ga} - \\sqrt{{{gm}}}}}$.\n\nGive your answer in its simplest form.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"Multiply by $\\frac{{{a} + \\sqrt{{{m}}}}}{{{a} + \\sqrt{{{m}}}}}$: the denominator is "
            f"${a}^2 - {m} = {difference}$",
            f"{label}a**2 - {label}m",
        )
        part.step(
            f"$\\frac{{{n}({a} + \\sqrt{{{m}}})}}{{{difference}}} = {_latex(value)}$", machine
        )
        _answer(part, machine, value)
        part.mark(
            "M",
            f"$\\times \\frac{{{a} + \\sqrt{{{m}}}}}{{{a} + \\sqrt{{{m}}}}}$",
            value=f"{label}a**2 - {label}m",
            partial=[f"M1 for denominator ${difference}$ seen"],
        )
        part.mark(
            "M",
            f"$\\frac{{{n}({a} + \\sqrt{{{m}}})}}{{{difference}}}$",
            value=machine,
            qualifiers=["dep"],
        )
        part.mark("A", f"${_latex(value)}$", value=machine, qualifiers=["cao"])
        _wrong(
            part,
            sympy.expand(k * (a - sqrt(m))),
            "multiplied the denominator correctly but kept the minus sign in the numerator",
            working=[f"{label}a**2 - {label}m"],
        )
