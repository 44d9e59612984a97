"""Direct and inverse proportion (E2.8)."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.algebraic import eq, x
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

_k = sympy.Symbol("k", real=True)

# (words, power of x, inverse?) — y = k x^p or y = k / x^p
_RELATIONS = {
    "direct": ("is directly proportional to $x$", Rational(1), False),
    "square": ("is directly proportional to the square of $x$", Rational(2), False),
    "cube": ("is directly proportional to the cube of $x$", Rational(3), False),
    "root": ("is directly proportional to the square root of $x$", Rational(1, 2), False),
    "inverse": ("is inversely proportional to $x$", Rational(1), True),
    "inverse_square": ("is inversely proportional to the square of $x$", Rational(2), True),
    "inverse_root": ("is inversely proportional to the square root of $x$", Rational(1, 2), True),
}

_BY_DIFFICULTY = {
    1: ("direct", "square"),
    2: ("square", "inverse"),
    3: ("inverse", "cube", "root"),
    4: ("inverse_square", "root"),
    5: ("inverse_square", "inverse_root"),
}


def _x_power_tex(power: Rational) -> str:
    return {Rational(1): "x", Rational(2): "x^2", Rational(3): "x^3"}.get(power, "\\sqrt{x}")


def _x_values(power: Rational) -> list[int]:
    """x values that make x^p a whole number."""
    if power.q == 2:
        return [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]
    return list(range(2, {1: 11, 2: 9, 3: 6}[int(power)]))


@register
class Proportion(Template):
    key = "algebra.proportion"
    title = "Direct and inverse proportion"
    codes = {Tier.EXTENDED: ("E2.8",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        name = rng.choice(_BY_DIFFICULTY[difficulty])
        words, power, inverse = _RELATIONS[name]
        xs = _x_values(power)
        x1, x2, x3 = rng.sample(xs[1:], 3) if power.q == 2 else rng.sample(xs, 3)
        k = Rational(rng.randint(2, 12))
        x_pow = _x_power_tex(power)

        def f(v: object) -> Rational:
            base = sympy.Integer(v) ** power
            return k / base if inverse else k * base

        y1 = f(x1)
        if y1.q != 1:
            k = k * y1.q  # keep the stated value of y a whole number
            y1 = f(x1)
        y2, y3 = f(x2), f(x3)
        q.given("x1", x1)
        q.given("y1", y1, display=frac(y1))
        q.given("x2", x2)
        q.title = "Proportion"
        q.stem = f"$y$ {words}.\nWhen $x = {x1}$, $y = {frac(y1)}$."
        rule = k / x**power if inverse else k * x**power
        rule_tex = f"\\frac{{{frac(k)}}}{{{x_pow}}}" if inverse else f"{frac(k)}{x_pow}"
        xp = {"x": "x", "x^2": "x^2", "x^3": "x^3"}.get(x_pow, "√x")
        rule_plain = f"{frac_plain(k)}/{xp}" if inverse else f"{frac_plain(k)}{xp}"

        a = q.part("a", "Find $y$ in terms of $x$.", marks=2, command="Work out")
        general = f"y = \\frac{{k}}{{{x_pow}}}" if inverse else f"y = k{x_pow}"
        substituted = eq(f"k/{x1}**({power})", y1) if inverse else eq(f"k*{x1}**({power})", y1)
        sub_tex = (f"{frac(y1)} = \\frac{{k}}{{{_at(x_pow, x1)}}}" if inverse
                   else f"{frac(y1)} = k \\times {_at(x_pow, x1)}")  # fmt: skip
        a.step(f"${general}$")
        a.step(f"${sub_tex}$", substituted)
        a.step(f"$k = {frac(k)}$", k)
        a.step(f"$y = {rule_tex}$", eq("y", rule))
        a.answer(eq("y", rule), kind=AnswerKind.EQUATION, latex=f"y = {rule_tex}",
                 plain=f"y = {rule_plain}")  # fmt: skip
        a.mark("M", f"${sub_tex}$ or ${general}$ with $k = {frac(k)}$", value=substituted,
               qualifiers=["oe"])  # fmt: skip
        a.mark("A", f"$y = {rule_tex}$", value=eq("y", rule), qualifiers=["oe"])
        xp_plain = {"x": "x", "x^2": "x^2", "x^3": "x^3"}.get(x_pow, "√x")
        wrong_k = (
            y1 * sympy.Integer(x1) ** power if not inverse else y1 / sympy.Integer(x1) ** power
        )
        if not inverse:
            wrong(a, f"y = {frac_plain(wrong_k)}/{xp_plain}", "used inverse proportion instead of "
                    "direct proportion", latex=f"y = \\frac{{{frac(wrong_k)}}}{{{x_pow}}}")  # fmt: skip
        else:
            coefficient = frac_plain(wrong_k) if wrong_k.q == 1 else f"({frac_plain(wrong_k)})"
            wrong(a, f"y = {coefficient}{xp_plain}", "used direct proportion instead of "
                    "inverse proportion", latex=f"y = {frac(wrong_k)}{x_pow}")  # fmt: skip

        b = q.part("b", f"Find $y$ when $x = {x2}$.", marks=1, command="Work out")
        at_x2 = (f"\\frac{{{frac(k)}}}{{{_at(x_pow, x2)}}}" if inverse
                 else f"{frac(k)} \\times {_at(x_pow, x2)}")  # fmt: skip
        b.step(f"$y = {at_x2} = {frac(y2)}$", y2)
        b.answer(y2)
        b.mark("B", f"${frac(y2)}$", value=y2, qualifiers=["FT"], partial=["FT their (a)"])
        if power != 1:
            plain_k = k / x2 if inverse else k * x2
            misconception(
                b,
                Misconception(
                    f"used $x$ instead of ${_at(x_pow, x2)}$",
                    plain_k,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )

        if difficulty >= 3:
            q.given("y3", y3, display=frac(y3))
            c = q.part("c", f"Find $x$ when $y = {frac(y3)}$.", marks=2, command="Work out")
            relation = eq(rule, y3)
            c.step(f"${frac(y3)} = {rule_tex}$", relation)
            target = k / y3 if inverse else y3 / k
            c.step(f"${x_pow} = {frac(target)}$", target)
            c.step(f"$x = {x3}$", x3)
            c.answer(x3, variable="x", satisfies=relation, label="x")
            c.mark("M", f"${frac(y3)} = {rule_tex}$", value=relation, qualifiers=["FT"],
                   partial=["or better"])  # fmt: skip
            c.mark("A", f"${x3}$", value=x3, qualifiers=["cao"])
            if power != 1:
                misconception(
                    c,
                    Misconception(
                        f"found ${x_pow}$ and stopped",
                        target,
                        (relation,),
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )


def _at(x_pow: str, value: int) -> str:
    """x^2 at x = 3 written for substitution: 3^2, \\sqrt{9}."""
    return x_pow.replace("x", str(value)) if "sqrt" not in x_pow else f"\\sqrt{{{value}}}"
