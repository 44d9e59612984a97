"""Powers and roots without a calculator (syllabus 1.3)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


# ---------------------------------------------------------------------------------------------
# 1.3 Powers and roots (non-calculator).


@dataclass(frozen=True)
class _Item:
    latex: str
    machine: str
    value: sympy.Expr
    errors: tuple[tuple[sympy.Expr, str], ...]
    as_fraction: bool = False

    def show(self, value: sympy.Expr) -> tuple[str, str]:
        if self.as_fraction:
            return frac_plain(value), frac(value)
        return number(value), number(value)


def _power_items(rng: random.Random, difficulty: int) -> list[_Item]:
    """Items for "Work out": powers and roots of integers, decimals and fractions."""

    def square() -> _Item:
        n = rng.randint(11, 19) if difficulty <= 2 else rng.randint(13, 25)
        return _Item(
            f"{n}^2", f"{n}**2", sympy.Integer(n * n), ((2 * n, "doubled instead of squaring"),)
        )

    def root() -> _Item:
        n = rng.randint(6, 15) if difficulty <= 2 else rng.randint(12, 25)
        halved = (Rational(n * n, 2), "halved instead of square rooting")
        return _Item(f"\\sqrt{{{n * n}}}", f"sqrt({n * n})", sympy.Integer(n), (halved,))

    def cube() -> _Item:
        n = rng.randint(2, 6)
        return _Item(
            f"{n}^3",
            f"{n}**3",
            sympy.Integer(n**3),
            ((3 * n, "multiplied by 3 instead of cubing"),),
        )

    def cube_root() -> _Item:
        n = rng.randint(3, 10)
        sign = -1 if difficulty >= 4 and rng.random() < 0.5 else 1
        v = sign * n**3
        errors: tuple[tuple[sympy.Expr, str], ...] = ()
        if v % 3 == 0:
            errors = ((Rational(v, 3), "divided by 3 instead of finding the cube root"),)
        if sign < 0:
            errors += ((n, "lost the negative sign"),)
        return _Item(f"\\sqrt[3]{{{v}}}", f"cbrt({n**3})*{sign}", sympy.Integer(sign * n), errors)

    def decimal_square() -> _Item:
        v = Rational(rng.randint(2, 9), 10)
        return _Item(
            f"{number(v)}^2",
            f"({v})**2",
            v**2,
            ((Rational(v * 10) ** 2 / 10, "squared the digit but kept one decimal place"),),
        )

    def decimal_root() -> _Item:
        d = rng.randint(2, 9)
        v = Rational(d * d, 100)
        return _Item(
            f"\\sqrt{{{number(v)}}}",
            f"sqrt({v})",
            Rational(d, 10),
            ((Rational(d, 100), "put the decimal point in the wrong place"),),
        )

    def fraction_power() -> _Item:
        v = rng.choice(
            [Rational(2, 3), Rational(3, 4), Rational(2, 5), Rational(3, 5), Rational(1, 4)]
        )
        return _Item(
            f"\\left({frac(v)}\\right)^3",
            f"({v})**3",
            v**3,
            ((v.p**3 / sympy.Integer(v.q), "cubed the numerator only"),),
            True,
        )

    def fraction_root() -> _Item:
        v = rng.choice(
            [Rational(4, 9), Rational(9, 16), Rational(16, 25), Rational(25, 36), Rational(49, 64)],
        )
        return _Item(
            f"\\sqrt{{{frac(v)}}}",
            f"sqrt({v})",
            sympy.sqrt(v),
            ((v / 2, "halved the fraction instead of square rooting"),),
            True,
        )

    menu = {
        1: [square, root, cube],
        2: [square, root, cube, cube_root],
        3: [square, cube_root, decimal_square, decimal_root],
        4: [cube_root, decimal_square, fraction_power, fraction_root],
        5: [decimal_root, fraction_power, fraction_root, cube_root],
    }[difficulty]
    count = 3 if difficulty <= 2 else 4
    return [make() for make in rng.sample(menu, count)]


_TRIPLES = [(3, 4), (6, 8), (5, 12), (8, 15), (9, 12), (12, 16), (7, 24), (20, 21)]


@register
class PowersAndRoots(Template):
    key = "number.powers_and_roots"
    title = "Powers and roots without a calculator"
    codes = {Tier.CORE: ("C1.3",), Tier.EXTENDED: ("E1.3",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Powers and roots"
        q.stem = "Work out"
        labels = iter("abcdef")
        for item in _power_items(rng, difficulty):
            label = next(labels)
            plain, latex = item.show(item.value)
            part = q.part(label, f"${item.latex}$", marks=1, command="Work out")
            part.step(f"${item.latex} = {latex}$", item.machine)
            part.answer(item.machine, plain=plain, latex=latex)
            part.mark("B", f"${latex}$", value=item.machine, qualifiers=["cao"])
            for bad, error in item.errors:
                bad_plain, bad_latex = item.show(sympy.sympify(bad))
                wrong(part, bad_plain, error, latex=bad_latex)
            q.param(label, item.machine)
        if difficulty >= 4:
            a_value, b_value = rng.choice(_TRIPLES if difficulty == 5 else _TRIPLES[:4])
            a_ = q.given("p", a_value)
            b_ = q.given("s", b_value)
            total = a_**2 + b_**2
            part = q.part(next(labels), f"$\\sqrt{{{a_}^2 + {b_}^2}}$", marks=2, command="Work out")
            part.step(f"${a_}^2 + {b_}^2 = {a_**2} + {b_**2} = {total}$", "p**2 + s**2")
            part.step(f"$\\sqrt{{{total}}} = {sympy.sqrt(total)}$", "sqrt(p**2 + s**2)")
            part.answer("sqrt(p**2 + s**2)")
            part.mark("M", f"${total}$ seen", value="p**2 + s**2")
            part.mark("A", f"${sympy.sqrt(total)}$", value="sqrt(p**2 + s**2)", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    "square rooted each square separately and added",
                    a_ + b_,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
            misconception(
                part,
                Misconception(
                    "did not take the square root at the end",
                    total,
                    ("p**2 + s**2",),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
