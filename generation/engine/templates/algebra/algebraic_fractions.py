"""Algebraic fractions (E2.3): single fractions, simplifying, fractional equations (E2.5)."""

from __future__ import annotations

import math
import random

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.algebraic import (
    coefficients,
    eq,
    linear,
    linear_latex,
    product,
    tex,
    txt,
    x,
)
from generation.engine.authoring.text import frac, terms_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def _lin_plain(a: int, b: int) -> str:
    return terms_plain([(a, "x"), (b, "")])


def _numeric_denominators(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """(x + a)/p ± (x + b)/r as a single fraction: M1 denominator, M1 numerator, A1."""
    p, r = rng.choice([(2, 3), (3, 4), (2, 5), (4, 3), (5, 2), (3, 5), (4, 5), (6, 4)])
    sign = rng.choice([1, -1])
    lcm = math.lcm(p, r)
    mp, mr = lcm // p, lcm // r
    while True:  # simplest form: the numerator shares no factor with the denominator
        a, b = rng.sample([-7, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7], 2)
        numerator = sympy.expand(mp * (x + a) + sign * mr * (x + b))
        content = sympy.gcd(numerator.coeff(x, 1), numerator.coeff(x, 0))
        if numerator.coeff(x) != 0 and sympy.gcd(content, lcm) == 1:
            break
    coefficients(q, label, [a, p, b, r])
    op = "+" if sign > 0 else "-"
    shown = f"\\frac{{{linear_latex(1, a)}}}{{{p}}} {op} \\frac{{{linear_latex(1, b)}}}{{{r}}}"
    part = q.part(label, f"Write as a single fraction in its simplest form.\n\n${shown}$",
                  marks=3, command="Write")  # fmt: skip
    unsimplified = (f"\\frac{{{mp if mp > 1 else ''}({linear_latex(1, a)}) {op} "
                    f"{mr if mr > 1 else ''}({linear_latex(1, b)})}}{{{lcm}}}")  # fmt: skip
    answer = numerator / lcm
    answer_tex = f"\\frac{{{tex(numerator)}}}{{{lcm}}}"
    part.step(f"Common denominator ${lcm}$: ${unsimplified}$", lcm)
    part.step(f"$= {answer_tex}$", numerator)
    part.answer(answer, kind="expression", latex=answer_tex, plain=f"({txt(numerator)})/{lcm}")
    part.mark("B", f"denominator ${lcm}$", value=lcm, qualifiers=["soi"])
    part.mark("M", f"${unsimplified}$", value=numerator, qualifiers=["oe"],
              partial=["for a correct numerator, need not be simplified"])  # fmt: skip
    part.mark("A", f"${answer_tex}$", value=answer, qualifiers=["cao"])
    if sign > 0:
        added = 2 * x + a + b
        wrong(part, f"({txt(added)})/{p + r}", "added the numerators and added the denominators", latex=f"\\frac{{{tex(added)}}}{{{p + r}}}")  # fmt: skip
    if sign < 0:
        slip = sympy.expand(mp * (x + a) - mr * x + mr * b)
        if slip != numerator:
            wrong(part, f"({txt(slip)})/{lcm}", f"wrote $-{mr}({linear_latex(1, b)})$ as "
                       f"${linear_latex(-mr, mr * b)}$: a sign error", latex=f"\\frac{{{tex(slip)}}}{{{lcm}}}", working=[lcm, slip])  # fmt: skip


def _algebraic_denominators(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """p/(x + a) ± r/(x + b) as a single fraction."""
    a, b = rng.sample([-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 2)
    p, r = rng.randint(1, 5), rng.randint(2, 6)
    sign = rng.choice([1, -1])
    numerator = sympy.expand(p * (x + b) + sign * r * (x + a))
    # no x term, or a numerator that would cancel with a factor of the denominator
    while numerator.coeff(x) == 0 or sympy.gcd(numerator, (x + a) * (x + b)).has(x):
        r += 1
        numerator = sympy.expand(p * (x + b) + sign * r * (x + a))
    coefficients(q, label, [p, a, r, b])
    op = "+" if sign > 0 else "-"
    f1, f2 = linear(1, a), linear(1, b)
    _, den_tex, den_plain = product([f1, f2])
    den_machine = f"(x + ({a}))*(x + ({b}))"
    shown = f"\\frac{{{p}}}{{{f1[1]}}} {op} \\frac{{{r}}}{{{f2[1]}}}"
    part = q.part(label, f"Write as a single fraction in its simplest form.\n\n${shown}$",
                  marks=3, command="Write")  # fmt: skip
    unsimplified = f"\\frac{{{p}({f2[1]}) {op} {r}({f1[1]})}}{{{den_tex}}}"
    answer_tex = f"\\frac{{{tex(numerator)}}}{{{den_tex}}}"
    answer = f"({sympy.sstr(numerator)})/({den_machine})"
    part.step(f"Common denominator ${den_tex}$: ${unsimplified}$", den_machine)
    part.step(f"$= {answer_tex}$", numerator)
    part.answer(answer, kind="expression", latex=answer_tex,
                plain=f"({txt(numerator)})/({den_plain})")  # fmt: skip
    part.mark("B", f"denominator ${den_tex}$", value=den_machine, qualifiers=["soi"],
              partial=["or $" + tex(sympy.expand((x + a) * (x + b))) + "$"])  # fmt: skip
    part.mark("M", f"${p}({f2[1]}) {op} {r}({f1[1]})$", value=numerator, qualifiers=["oe"],
              partial=["for a correct numerator, need not be simplified"])  # fmt: skip
    part.mark("A", f"${answer_tex}$", value=answer, qualifiers=["cao", "isw"],
              partial=["the denominator may be expanded"])  # fmt: skip
    added_num = p + sign * r
    added_den = sympy.expand(2 * x + a + b)
    if added_num != 0:
        wrong(part, f"{added_num}/({txt(added_den)})", "added the numerators and added the "
                   "denominators", latex=f"\\frac{{{added_num}}}{{{tex(added_den)}}}")  # fmt: skip
    if sign < 0:
        slip = sympy.expand(p * (x + b) - r * x + r * a)
        if slip != numerator:
            wrong(part, f"({txt(slip)})/({den_plain})", f"wrote $-{r}({f1[1]})$ as "
                       f"${linear_latex(-r, r * a)}$", latex=f"\\frac{{{tex(slip)}}}{{{den_tex}}}", working=[den_machine])  # fmt: skip


def _simplify(q: QuestionBuilder, label: str, rng: random.Random, quadratic_top: bool) -> None:
    """Factorise and cancel: e.g. (x^2 - 9)/(x^2 + 5x + 6) or (x^2 - 2x)/(x^2 - 5x + 6)."""
    r, t = rng.sample([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5], 2)
    if quadratic_top:
        s = rng.choice([v for v in (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5) if v not in (r, t)])
        top_factors = [linear(1, r), linear(1, s)]
        top_machine = f"(x + ({r}))*(x + ({s}))"
        result_top, result_top_tex = x + s, linear_latex(1, s)
    else:
        top_factors = [(x, "x", "x"), linear(1, r)]
        top_machine = f"x*(x + ({r}))"
        result_top, result_top_tex = x, "x"
    bottom_factors = [linear(1, r), linear(1, t)]
    bottom_machine = f"(x + ({r}))*(x + ({t}))"
    top = sympy.expand(top_factors[0][0] * top_factors[1][0])
    bottom = sympy.expand((x + r) * (x + t))
    coefficients(q, label, [*sympy.Poly(top, x).all_coeffs(), *sympy.Poly(bottom, x).all_coeffs()])
    shown = f"\\frac{{{tex(top)}}}{{{tex(bottom)}}}"
    part = q.part(label, f"Simplify.\n\n${shown}$", marks=3, command="Write")
    _, top_tex, _ = (
        product(top_factors) if quadratic_top else (None, f"x({linear_latex(1, r)})", None)
    )
    _, bottom_tex, _ = product(bottom_factors)
    answer = f"({sympy.sstr(result_top)})/(x + ({t}))"
    answer_tex = f"\\frac{{{result_top_tex}}}{{{linear_latex(1, t)}}}"
    part.step(f"Numerator: ${tex(top)} = {top_tex}$", top_machine)
    part.step(f"Denominator: ${tex(bottom)} = {bottom_tex}$", bottom_machine)
    part.step(f"${shown} = \\frac{{{top_tex}}}{{{bottom_tex}}}$")
    part.step(f"$= {answer_tex}$", answer)
    part.answer(answer, kind="expression", latex=answer_tex,
                plain=f"({_lin_plain(1, s)})/({_lin_plain(1, t)})" if quadratic_top
                else f"x/({_lin_plain(1, t)})")  # fmt: skip
    part.mark("M", f"${top_tex}$", value=top_machine, partial=["for factorising the numerator"])
    part.mark("M", f"${bottom_tex}$", value=bottom_machine,
              partial=["for factorising the denominator"])  # fmt: skip
    part.mark("A", f"${answer_tex}$", value=answer, qualifiers=["cao"])
    # cancelling terms instead of factors: x^2 + bx + c over x^2 + dx + e -> (bx + c)/(dx + e)
    c_top, c_bottom = top - x**2, bottom - x**2
    if (
        c_top != 0
        and c_bottom.has(x)
        and sympy.cancel(c_top / c_bottom - result_top / (x + t)) != 0
    ):
        wrong(part, f"({txt(c_top)})/({txt(c_bottom)})", "cancelled the $x^2$ terms instead of "
                   "a common factor", latex=f"\\frac{{{tex(c_top)}}}{{{tex(c_bottom)}}}")  # fmt: skip


def _fractional_equation(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """p/(x + a) = r/(x + b): cross-multiply, expand and solve (E2.5)."""
    while True:
        a, b = rng.sample([-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 2)
        p, r = rng.sample(range(2, 8), 2)
        root = Rational(r * a - p * b, p - r)
        if root.q == 1 and root + a != 0 and root + b != 0 and root != 0:
            break
    coefficients(q, label, [p, a, r, b])
    shown = f"\\frac{{{p}}}{{{linear_latex(1, a)}}} = \\frac{{{r}}}{{{linear_latex(1, b)}}}"
    part = q.part(label, f"Solve the equation.\n\n${shown}$", marks=3, command="Work out")
    relation = eq(f"{p}/(x + ({a}))", f"{r}/(x + ({b}))")
    crossed = eq(f"{p}*(x + ({b}))", f"{r}*(x + ({a}))")
    part.step(f"${p}({linear_latex(1, b)}) = {r}({linear_latex(1, a)})$", crossed)
    part.step(
        f"${linear_latex(p, p * b)} = {linear_latex(r, r * a)}$", (p * x + p * b, r * x + r * a)
    )
    part.step(f"${linear_latex(p - r, 0)} = {r * a - p * b}$", r * a - p * b)
    if p - r != 1:
        part.step(f"$x = {frac(root)}$", root)
    part.answer(root, label="x", variable="x", satisfies=relation)
    part.mark("M", f"${p}({linear_latex(1, b)}) = {r}({linear_latex(1, a)})$", value=crossed,
              qualifiers=["oe"], partial=["for multiplying both sides by both denominators"])  # fmt: skip
    part.mark("M", f"${linear_latex(p - r, 0)} = {r * a - p * b}$", value=r * a - p * b,
              qualifiers=["FT"], partial=["for expanding and collecting terms"])  # fmt: skip
    part.mark("A", f"${frac(root)}$", value=root, qualifiers=["cao"])
    wrong_crossed = Rational(p * a - r * b, r - p)  # p(x + a) = r(x + b)
    if wrong_crossed != root:
        misconception(part, Misconception("multiplied each numerator by its own denominator", wrong_crossed, (eq(f"{p}*(x + ({a}))", f"{r}*(x + ({b}))"),), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


@register
class AlgebraicFractions(Template):
    key = "algebra.algebraic_fractions"
    title = "Algebraic fractions"
    codes = {Tier.EXTENDED: ("E2.3", "E2.5")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Algebraic fractions"
        if difficulty == 1:
            _numeric_denominators(q, "a", rng)
            _simplify(q, "b", rng, quadratic_top=False)
        elif difficulty == 2:
            _numeric_denominators(q, "a", rng)
            _fractional_equation(q, "b", rng)
        elif difficulty == 3:
            _algebraic_denominators(q, "a", rng)
            _simplify(q, "b", rng, quadratic_top=False)
        elif difficulty == 4:
            _simplify(q, "a", rng, quadratic_top=True)
            _algebraic_denominators(q, "b", rng)
        else:
            _simplify(q, "a", rng, quadratic_top=True)
            _algebraic_denominators(q, "b", rng)
            _fractional_equation(q, "c", rng)
