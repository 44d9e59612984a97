"""Indices II (2.4): simplifying with the rules of indices; exponential equations (Extended)."""

from __future__ import annotations

import random
from typing import Any

import sympy
from sympy import Rational

from generation.engine.authoring import wrong
from generation.engine.authoring.algebraic import coefficients, eq, x, y
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


def _mono(c: Rational, powers: dict[str, Rational]) -> tuple[Any, str, str]:
    """A monomial c·x^m·y^n as (value, LaTeX, plain)."""
    value = sympy.sympify(c)
    if c.q != 1 and c > 0:
        # A fractional number is written as one fraction: 1/(8x^3), 3x^2/4.
        top = [(k, p) for k, p in powers.items() if p > 0]
        bottom = [(k, -p) for k, p in powers.items() if p < 0]
        up = _mono(Rational(c.p), dict(top))
        down = _mono(Rational(c.q), dict(bottom))
        down_plain = down[2] if not bottom else f"({down[2]})"
        return up[0] / down[0], f"\\frac{{{up[1]}}}{{{down[1]}}}", f"{up[2]}/{down_plain}"
    latex = "" if c == 1 else frac(c) if c != -1 else "-"
    plain = "" if c == 1 else frac_plain(c) if c != -1 else "-"
    for letter, power in powers.items():
        if power == 0:
            continue
        value *= {"x": x, "y": y}[letter] ** power
        if power == 1:
            latex += letter
            plain += letter
        else:
            latex += f"{letter}^{{{frac(power)}}}"
            plain += f"{letter}^{frac_plain(power)}" if power.q == 1 and power > 0 else (
                f"{letter}^({frac_plain(power)})")  # fmt: skip
    return value, latex or "1", plain or "1"


def _two_marks(q: QuestionBuilder, label: str, question: str, c: Rational,
               powers: dict[str, Rational], steps: list[tuple[str, object]],
               wrongs: list[tuple[Rational, dict[str, Rational], str, str]]) -> None:  # fmt: skip
    """A 2-mark "simplify" part: B1 for the number, B1 for the letters.

    ``wrongs``: (coefficient, powers, error, which of "number"/"letters" is still right)."""
    part = q.part(label, f"Simplify ${question}$.", marks=2, command="Write")
    value, latex, plain = _mono(c, powers)
    letters, letters_tex, _ = _mono(Rational(1), powers)
    for text, v in steps:
        part.step(text, v)
    part.step(f"${question} = {latex}$", value)
    part.answer(value, kind="expression", latex=latex, plain=plain)
    part.mark("B", f"${frac(c)}$ as the number in the final answer", value=c)
    part.mark("B", f"${letters_tex}$, giving ${latex}$", value=letters)
    for wc, wp, error, right in wrongs:
        w_value, w_latex, w_plain = _mono(wc, wp)
        if sympy.expand(w_value - value) == 0:
            continue
        wrong(part, w_plain, error, latex=w_latex, working=[c] if right == "number" else [letters] if right == "letters" else [])  # fmt: skip


def _product(q: QuestionBuilder, label: str, rng: random.Random, negative: bool) -> None:
    a, b = rng.randint(2, 7), rng.randint(2, 6)
    m = rng.randint(2, 7) * (-1 if negative else 1)
    n = rng.randint(2, 6)
    if negative and m + n == 0:
        n += 1
    coefficients(q, label, [a, m, b, n])
    question = f"{a}x^{{{m}}} \\times {b}x^{{{n}}}"
    R = Rational
    _two_marks(q, label, question, R(a * b), {"x": R(m + n)},
               [(f"${a} \\times {b} = {a * b}$", a * b),
                (f"$x^{{{m}}} \\times x^{{{n}}} = x^{{{m} + {n}}} = x^{{{m + n}}}$", x ** (m + n))],
               [(R(a * b), {"x": R(m * n)}, "multiplied the indices instead of adding them",
                 "number"),
                (R(a + b), {"x": R(m + n)}, "added the numbers instead of multiplying them",
                 "letters")])  # fmt: skip


def _quotient(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    c, b = rng.randint(2, 6), rng.randint(2, 5)
    a = b * c
    n = rng.randint(2, 5)
    m = n * rng.randint(2, 4) + rng.choice([0, 1])
    coefficients(q, label, [a, m, b, n])
    question = f"{a}x^{{{m}}} \\div {b}x^{{{n}}}"
    R = Rational
    _two_marks(q, label, question, R(c), {"x": R(m - n)},
               [(f"${a} \\div {b} = {c}$", c),
                (f"$x^{{{m}}} \\div x^{{{n}}} = x^{{{m} - {n}}} = x^{{{m - n}}}$", x ** (m - n))],
               [(R(c), {"x": R(m, n)}, "divided the indices instead of subtracting them",
                 "number"),
                (R(a - b), {"x": R(m - n)}, "subtracted the numbers instead of dividing",
                 "letters")])  # fmt: skip


def _power(q: QuestionBuilder, label: str, rng: random.Random, two_letters: bool) -> None:
    a, m, k = rng.randint(2, 5), rng.randint(2, 5), rng.randint(2, 4)
    if a**k > 300:
        k = 2
    n = rng.randint(1, 3) if two_letters else 0
    inner = f"{a}x^{{{m}}}" + ("" if not n else "y" if n == 1 else f"y^{{{n}}}")
    coefficients(q, label, [a, m, n, k])
    question = f"({inner})^{{{k}}}"
    R = Rational
    powers = {"x": R(m * k), "y": R(n * k)}
    _two_marks(q, label, question, R(a**k), powers,
               [(f"${a}^{{{k}}} = {a**k}$", a**k),
                _letters_step(m, n, k)],
               [(R(a * k), powers, f"multiplied {a} by {k} instead of working out ${a}^{{{k}}}$",
                 "letters"),
                (R(a**k), {"x": R(m + k), "y": R(n + k) if n else R(0)},
                 "added the indices instead of multiplying them", "number")])  # fmt: skip


def _letters_step(m: int, n: int, k: int) -> tuple[str, object]:
    if not n:
        return f"$(x^{{{m}}})^{{{k}}} = x^{{{m} \\times {k}}} = x^{{{m * k}}}$", x ** (m * k)
    y_part = "y" if n == 1 else f"y^{{{n}}}"
    return (f"$(x^{{{m}}}{y_part})^{{{k}}} = x^{{{m * k}}}y^{{{n * k}}}$",
            x ** (m * k) * y ** (n * k))  # fmt: skip


def _fractional(q: QuestionBuilder, label: str, rng: random.Random, negative: bool) -> None:
    """(c^d x^(d·e))^(±f/d), e.g. (16x^8)^(3/4) = 8x^6."""
    base, d = rng.choice([(2, 4), (3, 3), (2, 3), (4, 2), (5, 2), (3, 2), (2, 5)])
    f = rng.choice([1, 2, 3] if d > 2 else [1, 3])
    if Rational(f, d).q == 1:
        f = 1
    e = rng.randint(1, 3)
    sign = -1 if negative else 1
    power = Rational(sign * f, d)
    c, m = base**d, d * e
    coefficients(q, label, [c, m, power])
    question = f"({c}x^{{{m}}})^{{{frac(power)}}}"
    R = Rational
    result_c = R(base) ** (sign * f)
    root = f"\\sqrt[{d}]{{{c}}} = {base}" if d > 2 else f"\\sqrt{{{c}}} = {base}"
    _two_marks(q, label, question, result_c, {"x": R(m) * power},
               [(f"${root}$, so ${c}^{{{frac(power)}}} = {frac(result_c)}$", result_c),
                (f"$(x^{{{m}}})^{{{frac(power)}}} = x^{{{frac(m * power)}}}$", x ** (m * power))],
               [(R(c) * power, {"x": R(m) * power},
                 f"multiplied {c} by ${frac(power)}$ instead of raising it to that power",
                 "letters"),
                (result_c, {"x": R(m) + power}, "added the indices instead of multiplying them",
                 "number")])  # fmt: skip


def _exponential(q: QuestionBuilder, label: str, rng: random.Random, hard: bool) -> None:
    """Solve b^(x + s) = target, or (hard) a^x = c with both powers of the same base."""
    if not hard:
        base = rng.choice([2, 3, 5])
        k = rng.randint(2, 6 if base == 2 else 4)
        s = rng.choice([0, 1, -1])
        root = Rational(k - s)
        target = base**k
        coefficients(q, label, [base, target])
        left = f"{base}^{{x {'+' if s > 0 else '-'} 1}}" if s else f"{base}^x"
        relation = eq(f"{base}**(x + {s})", target)
        part = q.part(label, f"Find the value of $x$.\n\n${left} = {target}$", marks=2,
                      command="Work out")  # fmt: skip
        part.step(f"${target} = {base}^{{{k}}}$", eq(f"{base}**(x + {s})", f"{base}**{k}"))
        part.step(f"$x {'+' if s > 0 else '-'} 1 = {k}$" if s else f"$x = {k}$", k)
        part.step(f"$x = {k - s}$", root)
        part.answer(root, label="x", variable="x", satisfies=relation)
        part.mark("M", f"${left} = {base}^{{{k}}}$", value=eq(f"{base}**(x + {s})", f"{base}**{k}"),
                  qualifiers=["soi"])  # fmt: skip
        part.mark("A", f"${k - s}$", value=root, qualifiers=["cao"])
        if s:
            wrong(part, str(k + s), f"{'subtracted' if s < 0 else 'added'} 1 instead of "
                       f"{'adding' if s < 0 else 'subtracting'} it", working=[eq(f"{base}**(x + {s})", f"{base}**{k}")])  # fmt: skip
        else:
            wrong(part, frac_plain(Rational(target, base)), f"divided {target} by {base}")
        return
    # (base^i)^x = base^j, e.g. 8^x = 4 -> x = 2/3, or 9^x = 1/27 -> x = -3/2
    base = rng.choice([2, 3])
    i, j = rng.sample([2, 3, 4] if base == 2 else [2, 3], 2)
    j *= rng.choice([1, -1])
    left_base, right = base**i, Rational(base) ** j
    root = Rational(j, i)
    coefficients(q, label, [left_base, right])
    relation = eq(f"{left_base}**x", right)
    part = q.part(label, f"Find the value of $x$.\n\n${left_base}^x = {frac(right)}$", marks=2,
                  command="Work out")  # fmt: skip
    rewritten = eq(f"{base}**({i}*x)", f"{base}**({j})")
    part.step(f"${base}^{{{i}x}} = {base}^{{{j}}}$", rewritten)
    part.step(f"${i}x = {j}$", Rational(j))
    part.step(f"$x = {frac(root)}$", root)
    part.answer(root, label="x", variable="x", satisfies=relation)
    part.mark("M", f"${base}^{{{i}x}} = {base}^{{{j}}}$", value=rewritten, qualifiers=["oe"],
              partial=["for writing both sides as powers of the same number"])  # fmt: skip
    part.mark("A", f"${frac(root)}$", value=root, qualifiers=["oe"])
    wrong(part, frac_plain(Rational(i, j)), f"worked out ${i} \\div {j}$ instead of "
               f"${j} \\div {i}$", latex=frac(Rational(i, j)), working=[rewritten])  # fmt: skip


@register
class Indices(Template):
    key = "algebra.indices"
    title = "Rules of indices"
    codes = {Tier.CORE: ("C2.4",), Tier.EXTENDED: ("E2.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Indices"
        extended = q.tier == Tier.EXTENDED
        if difficulty == 1:
            _product(q, "a", rng, negative=False)
            _quotient(q, "b", rng)
        elif difficulty == 2:
            _power(q, "a", rng, two_letters=False)
            _quotient(q, "b", rng) if not extended else _product(q, "b", rng, negative=True)
        elif difficulty == 3:
            _product(q, "a", rng, negative=True)
            if extended:
                _fractional(q, "b", rng, negative=False)
                _exponential(q, "c", rng, hard=False)
            else:
                _power(q, "b", rng, two_letters=True)
        elif difficulty == 4:
            if extended:
                _fractional(q, "a", rng, negative=False)
                _exponential(q, "b", rng, hard=True)
            else:
                _product(q, "a", rng, negative=True)
                _power(q, "b", rng, two_letters=True)
                _quotient(q, "c", rng)
        else:
            if extended:
                _power(q, "a", rng, two_letters=True)
                _fractional(q, "b", rng, negative=True)
                _exponential(q, "c", rng, hard=True)
            else:
                _power(q, "a", rng, two_letters=True)
                _product(q, "b", rng, negative=True)
                _quotient(q, "c", rng)
