"""Algebraic manipulation (2.2): collecting like terms and expanding brackets."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import wrong_expression
from generation.engine.authoring.algebraic import (
    coefficients,
    linear,
    nonzero,
    sym,
    term_values,
    tex,
    txt,
    x,
    y,
)
from generation.engine.authoring.text import bracket, terms, terms_plain
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

EXPAND_AND_SIMPLIFY = "Expand and simplify"


def _answer_expression(part: PartBuilder, value: object, latex: str, plain: str) -> None:
    part.answer(sympy.sympify(value) if not isinstance(value, str) else value,
                kind="expression", latex=latex, plain=plain)  # fmt: skip


# --- expanding ------------------------------------------------------------------------------


def _single(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Expand k(ax + b): one mark."""
    k, a, b = rng.randint(2, 9), rng.randint(2, 7), nonzero(rng, -9, 9)
    inner, inner_tex, _ = linear(a, b)
    shown = f"{k}({inner_tex})"
    coefficients(q, label, [k, a, b])
    part = q.part(label, f"Expand ${shown}$.", marks=1, command="Write")
    answer = sympy.expand(k * inner)
    part.step(f"${k} \\times {a}x = {k * a}x$ and ${k} \\times {bracket(b)} = {k * b}$",
              answer)  # fmt: skip
    _answer_expression(part, answer, terms([(k * a, "x"), (k * b, "")]),
                       terms_plain([(k * a, "x"), (k * b, "")]))  # fmt: skip
    part.mark("B", f"${terms([(k * a, 'x'), (k * b, '')])}$", value=answer)
    wrong_expression(part, k * a * x + b, f"multiplied only the first term by ${k}$")


def _collect(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Simplify by collecting like terms in a and b: B1 for each term."""
    a1, a2 = rng.randint(3, 9), -rng.randint(1, 2)
    b1, b2 = rng.randint(2, 6), nonzero(rng, -5, 5)
    while b1 + b2 == 0:
        b2 = nonzero(rng, -5, 5)
    a, b = sym("a"), sym("b")
    written = [(a1, "a"), (b1, "b"), (a2, "a"), (b2, "b")]
    shown = terms(written)
    coefficients(q, label, [a1, b1, a2, b2])
    part = q.part(label, f"Simplify ${shown}$.", marks=2, command="Write")
    ca, cb = a1 + a2, b1 + b2
    answer = ca * a + cb * b
    part.step(f"${a1}a {'+' if a2 > 0 else '-'} {abs(a2)}a = {ca}a$", ca * a)
    part.step(f"${b1}b {'+' if b2 > 0 else '-'} {abs(b2)}b = {terms([(cb, 'b')])}$", cb * b)
    final = terms([(ca, "a"), (cb, "b")])
    part.step(f"${final}$", answer)
    _answer_expression(part, answer, final, terms_plain([(ca, "a"), (cb, "b")]))
    part.mark("B", f"${ca}a$ in the final answer", value=ca * a)
    part.mark("B", f"${terms([(cb, 'b')])}$ in the final answer ${final}$", value=cb * b)
    if b2 < 0:
        wrong_cb = b1 - b2
        wrong_expression(part, ca * a + wrong_cb * b, f"treated ${terms([(b2, 'b')])}$ as $+{-b2}b$", working=[ca * a])  # fmt: skip


def _two_singles(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Expand and simplify p(ax + b) - r(cx + d)."""
    p, a, b = rng.randint(2, 6), rng.randint(2, 5), nonzero(rng, -7, 7)
    r, c, d = rng.randint(2, 5), rng.randint(1, 3), -rng.randint(1, 7)
    while p * a == r * c:
        c = rng.randint(1, 3)
        r = rng.randint(2, 5)
    first, first_tex, _ = linear(a, b)
    second, second_tex, _ = linear(c, d)
    shown = f"{p}({first_tex}) - {r}({second_tex})"
    coefficients(q, label, [p, a, b, r, c, d])
    answer = sympy.expand(p * first - r * second)
    part = q.part(label, f"{EXPAND_AND_SIMPLIFY} ${shown}$.", marks=2, command="Write")
    expanded = terms([(p * a, "x"), (p * b, ""), (-r * c, "x"), (-r * d, "")])
    unsimplified = term_values([(p * a, "x"), (p * b, ""), (-r * c, "x"), (-r * d, "")])
    part.step(f"${expanded}$", unsimplified)
    part.step(f"$= {tex(answer)}$", answer)
    _answer_expression(part, answer, tex(answer), txt(answer))
    part.mark("M", f"${expanded}$", value=unsimplified,
              partial=["all four terms correct, need not be simplified"])  # fmt: skip
    part.mark("A", f"${tex(answer)}$", value=answer, qualifiers=["cao"])
    sign_slip = sympy.expand(p * first - r * c * x + r * d)
    wrong_expression(part, sign_slip, f"expanded $-{r}({second_tex})$ as $-{r * c}x {'-' if d < 0 else '+'} {abs(r * d)}$"
               " (sign error on the second term)", working=[term_values([(p * a, "x"), (p * b, ""), (-r * c, "x"), (r * d, "")])])  # fmt: skip


def _mono_bracket(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Expand kx(ax - by): B1 for each term."""
    k, a, b = rng.randint(2, 6), rng.randint(2, 5), rng.randint(2, 7)
    inner, inner_tex, _ = linear(a, -b, "x", "y")
    shown = f"{k}x({inner_tex})"
    coefficients(q, label, [k, a, -b])
    part = q.part(label, f"Expand ${shown}$.", marks=2, command="Write")
    answer = sympy.expand(k * x * inner)
    part.step(f"${k}x \\times {a}x = {k * a}x^2$", k * a * x**2)
    part.step(f"${k}x \\times (-{b}y) = -{k * b}xy$", -k * b * x * y)
    final = terms([(k * a, "x^2"), (-k * b, "xy")])
    _answer_expression(part, answer, final, terms_plain([(k * a, "x^2"), (-k * b, "xy")]))
    part.mark("B", f"${k * a}x^2$ in the final answer", value=k * a * x**2)
    part.mark("B", f"$-{k * b}xy$ in the final answer ${final}$", value=-k * b * x * y)
    wrong_expression(part, k * a * x**2 - k * b * y, f"multiplied $-{b}y$ by ${k}$ only, not by ${k}x$", working=[k * a * x**2])  # fmt: skip


def _binomial(q: QuestionBuilder, label: str, rng: random.Random, leading: bool) -> None:
    """Expand and simplify (ax + b)(cx + d); ``leading`` gives coefficients of x other than 1."""
    a, c = (rng.randint(2, 4), rng.randint(1, 3)) if leading else (1, 1)
    b, d = nonzero(rng, -9, 9), nonzero(rng, -9, 9)
    while b * c + a * d == 0 or b == d:  # no middle term, or a square
        d = nonzero(rng, -9, 9)
    f1, f1_tex, _ = linear(a, b)
    f2, f2_tex, _ = linear(c, d)
    shown = f"({f1_tex})({f2_tex})"
    coefficients(q, label, [a, b, c, d])
    part = q.part(label, f"{EXPAND_AND_SIMPLIFY} ${shown}$.", marks=2, command="Write")
    four = [(a * c, "x^2"), (a * d, "x"), (b * c, "x"), (b * d, "")]
    unsimplified = term_values(four)
    answer = sympy.expand(f1 * f2)
    part.step(f"${terms(four)}$", unsimplified)
    part.step(f"$= {tex(answer)}$", answer)
    _answer_expression(part, answer, tex(answer), txt(answer))
    part.mark("M", f"${terms(four)}$", value=unsimplified,
              partial=["for four correct terms, need not be simplified"])  # fmt: skip
    part.mark("A", f"${tex(answer)}$", value=answer, qualifiers=["cao"])
    middle = a * d + b * c
    wrong_expression(part, answer - 2 * middle * x, "expanded correctly but made a sign error collecting the $x$ terms", working=[unsimplified])  # fmt: skip
    wrong_expression(
        part,
        a * c * x**2 + b * d,
        "multiplied only the first terms and the last terms (no middle terms)",
    )


def _square(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Expand and simplify (ax - b)^2."""
    a, b = rng.randint(1, 4), rng.randint(1, 9)
    inner, inner_tex, _ = linear(a, -b)
    shown = f"({inner_tex})^2"
    coefficients(q, label, [a, -b])
    part = q.part(label, f"{EXPAND_AND_SIMPLIFY} ${shown}$.", marks=2, command="Write")
    four = [(a * a, "x^2"), (-a * b, "x"), (-a * b, "x"), (b * b, "")]
    unsimplified = term_values(four)
    answer = sympy.expand(inner**2)
    part.step(f"$({inner_tex})({inner_tex}) = {terms(four)}$", unsimplified)
    part.step(f"$= {tex(answer)}$", answer)
    _answer_expression(part, answer, tex(answer), txt(answer))
    part.mark("M", f"${terms(four)}$", value=unsimplified,
              partial=["for four correct terms, need not be simplified"])  # fmt: skip
    part.mark("A", f"${tex(answer)}$", value=answer, qualifiers=["cao"])
    wrong_expression(part, a * a * x**2 + b * b, "squared each term separately")
    wrong_expression(part, a * a * x**2 - b * b, "squared each term and kept the minus sign")


def _triple(q: QuestionBuilder, label: str, rng: random.Random, leading: bool) -> None:
    """Expand and simplify three linear brackets (Extended)."""
    a = rng.randint(2, 3) if leading else 1
    b, d, e = rng.sample([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5], 3)
    f1, f1_tex, _ = linear(a, b)
    f2, f2_tex, _ = linear(1, d)
    f3, f3_tex, _ = linear(1, e)
    shown = f"({f1_tex})({f2_tex})({f3_tex})"
    coefficients(q, label, [a, b, d, e])
    part = q.part(label, f"{EXPAND_AND_SIMPLIFY} ${shown}$.", marks=3, command="Write")
    pair = sympy.expand(f2 * f3)
    answer = sympy.expand(f1 * f2 * f3)
    six = [(a, "x^3"), (a * pair.coeff(x, 1), "x^2"), (a * pair.coeff(x, 0), "x"),
           (b, "x^2"), (b * pair.coeff(x, 1), "x"), (b * pair.coeff(x, 0), "")]  # fmt: skip
    six_machine = term_values(six)
    part.step(f"$({f2_tex})({f3_tex}) = {tex(pair)}$", pair)
    part.step(f"$({f1_tex})({tex(pair)}) = {terms(six)}$", six_machine)
    part.step(f"$= {tex(answer)}$", answer)
    _answer_expression(part, answer, tex(answer), txt(answer))
    part.mark("M", f"${tex(pair)}$", value=pair,
              partial=["for a correct expansion of any two of the brackets"])  # fmt: skip
    part.mark("M", f"${terms(six)}$", value=six_machine, qualifiers=["dep"],
              partial=["for a correct unsimplified expansion of all three brackets"])  # fmt: skip
    part.mark("A", f"${tex(answer)}$", value=answer, qualifiers=["cao"])
    x_coefficient = answer.coeff(x, 1)
    slip = answer - 2 * x_coefficient * x if x_coefficient else answer + 2 * x
    wrong_expression(part, slip, "sign error when collecting the $x$ terms", working=[pair, six_machine])  # fmt: skip
    wrong_expression(part, sympy.expand(f1 * pair - b * pair.coeff(x, 0)), f"multiplied ${tex(pair)}$ by $({f1_tex})$ but missed one product", working=[pair])  # fmt: skip


@register
class ExpandBrackets(Template):
    key = "algebra.expand_brackets"
    title = "Simplifying and expanding brackets"
    codes = {Tier.CORE: ("C2.2",), Tier.EXTENDED: ("E2.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Expanding brackets"
        extended = q.tier == Tier.EXTENDED
        if difficulty == 1:
            _single(q, "a", rng)
            _collect(q, "b", rng)
        elif difficulty == 2:
            _two_singles(q, "a", rng)
            _mono_bracket(q, "b", rng)
        elif difficulty == 3:
            _two_singles(q, "a", rng)
            _binomial(q, "b", rng, leading=False)
        elif difficulty == 4:
            _binomial(q, "a", rng, leading=extended)
            if extended:
                _triple(q, "b", rng, leading=False)
            else:
                _square(q, "b", rng)
        else:
            _square(q, "a", rng)
            if extended:
                _triple(q, "b", rng, leading=True)
            else:
                _binomial(q, "b", rng, leading=True)
