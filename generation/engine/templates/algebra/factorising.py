"""Algebraic manipulation (2.2): factorising."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import wrong_expression
from generation.engine.authoring.algebraic import (
    coefficients,
    linear,
    machine_product,
    nonzero,
    product,
    sym,
    tex,
    x,
    y,
)
from generation.engine.authoring.text import bracket, terms, terms_plain
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


def _answer_expression(part: PartBuilder, value: object, latex: str, plain: str) -> None:
    part.answer(sympy.sympify(value) if not isinstance(value, str) else value,
                kind="expression", latex=latex, plain=plain)  # fmt: skip


# --- factorising ----------------------------------------------------------------------------

FACTORISE_COMPLETELY = "Factorise completely"


def _factor_number(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Factorise kax + kb: one mark."""
    k = rng.randint(2, 9)
    a, b = rng.randint(1, 7), nonzero(rng, -9, 9)
    while sympy.gcd(a, b) != 1:  # otherwise k would not be the highest common factor
        b = nonzero(rng, -9, 9)
    inner, inner_tex, inner_plain = linear(a, b)
    shown = terms([(k * a, "x"), (k * b, "")])
    coefficients(q, label, [k * a, k * b])
    part = q.part(label, f"Factorise ${shown}$.", marks=1, command="Write")
    latex, plain = f"{k}({inner_tex})", f"{k}({inner_plain})"
    part.step(f"The highest common factor is ${k}$: ${latex}$", sympy.Mul(k, inner, evaluate=False))
    _answer_expression(part, machine_product([inner], k), latex, plain)
    part.mark("B", f"${latex}$", value=machine_product([inner], k), qualifiers=["cao"])
    wrong_expression(part, sympy.Mul(k, a * x + k * b, evaluate=False), f"divided only the first term by ${k}$", plain=f"{k}({terms_plain([(a, 'x'), (k * b, '')])})", latex=f"{k}({terms([(a, 'x'), (k * b, '')])})")  # fmt: skip


def _factor_monomial(q: QuestionBuilder, label: str, rng: random.Random, n_terms: int) -> None:
    """Factorise completely kx(ax + by [+ c]) written out, e.g. 9x^2 + 15xy."""
    k = rng.randint(2, 6)
    a, b = rng.randint(1, 5), nonzero(rng, -7, 7)
    c = nonzero(rng, -6, 6) if n_terms == 3 else 0
    while sympy.gcd(sympy.gcd(a, b), c) != 1:
        b = nonzero(rng, -7, 7)
    inner_terms = [(a, "x"), (b, "y"), (c, "")]
    inner = a * x + b * y + c
    out_terms = [(k * a, "x^2"), (k * b, "xy"), (k * c, "x")]
    shown = terms(out_terms)
    coefficients(q, label, [k * a, k * b, k * c])
    part = q.part(label, f"{FACTORISE_COMPLETELY} ${shown}$.", marks=2, command="Write")
    latex = f"{k}x({terms(inner_terms)})"
    plain = f"{k}x({terms_plain(inner_terms)})"
    value = machine_product([inner], k * x)
    by_number = f"{k}({terms([(a, 'x^2'), (b, 'xy'), (c, 'x')])})"
    by_x = f"x({terms([(k * a, 'x'), (k * b, 'y'), (k * c, '')])})"
    part.step(f"The highest common factor of the terms is ${k}x$.", k * x)
    part.step(f"${shown} = {latex}$", value)
    _answer_expression(part, value, latex, plain)
    part.mark("B", f"${latex}$", 2, value=value, qualifiers=["cao"],
              partial=[f"B1 for ${by_number}$ or ${by_x}$ or another correct partial "
                       "factorisation"])  # fmt: skip
    half = [(a, "x"), (k * b, "y"), (k * c, "")]
    wrong_expression(part, k * x * (a * x + k * b * y + k * c), f"divided only the first term by the common factor ${k}x$", plain=f"{k}x({terms_plain(half)})", latex=f"{k}x({terms(half)})")  # fmt: skip


def _trinomial(q: QuestionBuilder, label: str, rng: random.Random, leading: bool) -> None:
    """Factorise a quadratic trinomial (ax + b)(cx + d); ``leading``: a or c other than 1."""
    while True:
        a, c = (rng.choice([2, 3, 5]), rng.choice([1, 2, 3])) if leading else (1, 1)
        b, d = nonzero(rng, -9, 9), nonzero(rng, -9, 9)
        if (a, b) != (c, d) and a * d + b * c != 0 and sympy.gcd(a, b) == sympy.gcd(c, d) == 1:
            break
    f1, f2 = linear(a, b), linear(c, d)
    expr = sympy.expand(f1[0] * f2[0])
    coeffs = [expr.coeff(x, 2), expr.coeff(x, 1), expr.coeff(x, 0)]
    coefficients(q, label, coeffs)
    shown = tex(expr)
    part = q.part(label, f"Factorise ${shown}$.", marks=2, command="Write")
    value, latex, plain = product([f1, f2])
    machine_value = machine_product([f1[0], f2[0]])
    if leading:
        part.step(f"Two numbers with product ${coeffs[0]} \\times {bracket(coeffs[2])} = "
                  f"{coeffs[0] * coeffs[2]}$ and sum ${coeffs[1]}$: ${a * d}$ and ${b * c}$",
                  coeffs[0] * coeffs[2])  # fmt: skip
        split = [(a * c, "x^2"), (a * d, "x"), (b * c, "x"), (b * d, "")]
        part.step(f"${terms(split)} = {latex}$", machine_value)
    else:
        part.step(f"Two numbers with product ${coeffs[2]}$ and sum ${coeffs[1]}$: ${b}$ and ${d}$",
                  coeffs[2])  # fmt: skip
        part.step(f"${shown} = {latex}$", machine_value)
    _answer_expression(part, machine_value, latex, plain)
    swapped = product([linear(a, -b), linear(c, -d)])
    part.mark("B", f"${latex}$", 2, value=machine_value, qualifiers=["cao"])
    part.mark("SC", f"${swapped[1]}$ (correct numbers, signs reversed)", 1, value=swapped[0])
    wrong_expression(part, swapped[0], "found the right numbers but with the signs the wrong way round", plain=swapped[2], latex=swapped[1])  # fmt: skip


def _difference_of_squares(q: QuestionBuilder, label: str, rng: random.Random, hard: bool) -> None:
    """Factorise a^2x^2 - b^2 (or a^2x^2 - b^2y^2 when ``hard``)."""
    a = rng.randint(2, 5) if hard else 1
    b = rng.randint(2, 9) if hard else rng.randint(3, 12)
    if hard and a == b:
        b += 1
    second = "y" if hard else ""
    coefficients(q, label, [a * a, -b * b])
    shown = terms([(a * a, "x^2"), (-b * b, "y^2" if hard else "")])
    marks = 2 if hard else 1
    part = q.part(label, f"Factorise ${shown}$.", marks=marks, command="Write")
    f1, f2 = linear(a, -b, "x", second), linear(a, b, "x", second)
    value, latex, plain = product([f1, f2])
    machine_value = machine_product([f1[0], f2[0]])
    first_sq = f"({a}x)^2" if a > 1 else "x^2"
    second_sq = f"({b}{second})^2" if second else f"{b}^2"
    part.step(f"${shown} = {first_sq} - {second_sq}$, a difference of two "
              "squares", machine_value)  # fmt: skip
    part.step(f"$= {latex}$", machine_value)
    _answer_expression(part, machine_value, latex, plain)
    if hard:
        part.mark("B", f"${latex}$", 2, value=machine_value, qualifiers=["cao"],
                  partial=[f"B1 for $({a}x + k)({a}x - k)$ or $({a}x - {b}y)({a}x + k)$"])  # fmt: skip
    else:
        part.mark("B", f"${latex}$", value=machine_value, qualifiers=["cao"])
    same = product([f1, f1])
    wrong_expression(part, same[0], "wrote both brackets with a minus sign", plain=same[2], latex=same[1])  # fmt: skip


def _grouping(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Factorise completely px + qy + rx·k + ... = (x + my)(p + k·a): four terms by grouping."""
    a = sym("a")
    m = nonzero(rng, -5, 5)
    p, k = rng.randint(2, 7), nonzero(rng, -4, 4)
    while (abs(m) == 1 and abs(k) == 1) or sympy.gcd(p, k) != 1:  # "completely": no factor left
        p, k = rng.randint(2, 7), nonzero(rng, -4, 4)
    # (x + m y)(p + k a) = px + pm y + k ax + k m ay
    four = [(p, "x"), (p * m, "y"), (k, "ax"), (k * m, "ay")]
    coefficients(q, label, [p, p * m, k, k * m])
    shown = terms(four)
    part = q.part(label, f"{FACTORISE_COMPLETELY} ${shown}$.", marks=2, command="Write")
    f1, f2 = linear(1, m, "x", "y"), linear(p, k, "", "a")
    f2 = (p + k * a, terms([(p, ""), (k, "a")]), terms_plain([(p, ""), (k, "a")]))
    value, latex, plain = product([f1, f2])
    machine_value = machine_product([f1[0], f2[0]])
    halves = f"{p}({f1[1]}) {'+' if k > 0 else '-'} {'' if abs(k) == 1 else abs(k)}a({f1[1]})"
    part.step(f"${shown} = {halves}$", (p * f1[0], k * a * f1[0]))
    part.step(f"$= {latex}$", machine_value)
    _answer_expression(part, machine_value, latex, plain)
    part.mark("B", f"${latex}$", 2, value=machine_value, qualifiers=["cao"],
              partial=[f"B1 for ${halves}$ seen"])  # fmt: skip
    slip = (1 * x + m * y, p - k * a)
    wrong_expression(part, slip[0] * slip[1], f"sign error when taking ${'' if abs(k) == 1 else k}a$ out of the last two terms", plain=f"({f1[2]})({terms_plain([(p, ''), (-k, 'a')])})", latex=f"({f1[1]})({terms([(p, ''), (-k, 'a')])})")  # fmt: skip


def _cubic_common(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Factorise completely kx^3 + ... = kx(x + b)(x + d): a common factor, then a quadratic."""
    k = rng.randint(1, 3)
    b, d = rng.sample([-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 2)
    if b == -d:  # a difference of two squares is fine, but keep a middle term most of the time
        d = d + 1 if d + 1 not in (0, b) else d - 1
    expr = sympy.expand(k * x * (x + b) * (x + d))
    coeffs = [expr.coeff(x, 3), expr.coeff(x, 2), expr.coeff(x, 1)]
    coefficients(q, label, coeffs)
    shown = tex(expr)
    part = q.part(label, f"{FACTORISE_COMPLETELY} ${shown}$.", marks=3, command="Write")
    prefix_tex = f"{k if k > 1 else ''}x"
    inner = sympy.expand((x + b) * (x + d))
    f1, f2 = linear(1, b), linear(1, d)
    _, latex, plain = product([f1, f2], prefix=(k * x, prefix_tex, prefix_tex))
    machine_value = machine_product([f1[0], f2[0]], k * x)
    part.step(f"Take out the common factor ${prefix_tex}$: ${prefix_tex}({tex(inner)})$",
              (k * x, inner))  # fmt: skip
    part.step(f"$= {latex}$", machine_value)
    _answer_expression(part, machine_value, latex, plain)
    part.mark("B", f"${latex}$", 3, value=machine_value, qualifiers=["cao"],
              partial=[f"B2 for ${prefix_tex}({tex(inner)})$ or $({tex(k * x * (x + b))})"
                       f"({f2[1]})$ or B1 for ${prefix_tex}(x + a)(x + b)$ where $ab = {b * d}$ "
                       f"or $a + b = {b + d}$"])  # fmt: skip
    swapped = product([linear(1, -b), linear(1, -d)], prefix=(k * x, prefix_tex, prefix_tex))
    part.mark("SC", f"${swapped[1]}$ (signs reversed)", 1, value=swapped[0])
    wrong_expression(part, swapped[0], "signs in the brackets the wrong way round", plain=swapped[2], latex=swapped[1])  # fmt: skip


@register
class Factorise(Template):
    key = "algebra.factorise"
    title = "Factorising"
    codes = {Tier.CORE: ("C2.2",), Tier.EXTENDED: ("E2.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Factorising"
        if q.tier == Tier.CORE:
            # Core factorises by common factors only.
            if difficulty <= 2:
                _factor_number(q, "a", rng)
                _factor_monomial(q, "b", rng, n_terms=2)
            else:
                _factor_number(q, "a", rng)
                _factor_monomial(q, "b", rng, n_terms=2 if difficulty == 3 else 3)
                if difficulty == 5:
                    _factor_monomial(q, "c", rng, n_terms=3)
            return
        if difficulty == 1:
            _factor_monomial(q, "a", rng, n_terms=2)
            _difference_of_squares(q, "b", rng, hard=False)
        elif difficulty == 2:
            _trinomial(q, "a", rng, leading=False)
            _difference_of_squares(q, "b", rng, hard=False)
        elif difficulty == 3:
            _trinomial(q, "a", rng, leading=False)
            _grouping(q, "b", rng)
        elif difficulty == 4:
            _trinomial(q, "a", rng, leading=True)
            _difference_of_squares(q, "b", rng, hard=True)
        else:
            _grouping(q, "a", rng)
            _trinomial(q, "b", rng, leading=True)
            _cubic_common(q, "c", rng)
