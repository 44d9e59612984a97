"""Multiplying and dividing algebraic fractions (E2.3): monomials cancelled, and quadratics
factorised before cancelling (e.g. 3a/4 × 9a/10; (x² − 9)/(x + 2) × (x² + 2x)/(x − 3))."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import wrong_expression
from generation.engine.authoring.algebraic import coefficients, linear_latex, sym, tex, txt, x
from generation.engine.authoring.text import terms_plain
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

y = sym("y")


def _mono(c: int, px: int, py: int) -> sympy.Expr:
    return sympy.Integer(c) * x**px * y**py


def _mono_tex(c: int, px: int, py: int) -> str:
    letters = "".join(v if p == 1 else f"{v}^{{{p}}}" for v, p in (("x", px), ("y", py)) if p)
    return f"{'' if c == 1 and letters else c}{letters}"


def _frac_tex(top: str, bottom: str) -> str:
    return f"\\frac{{{top}}}{{{bottom}}}"


def _lin(p: int) -> str:
    return linear_latex(1, p)


def _lin_plain(p: int) -> str:
    return terms_plain([(1, "x"), (p, "")])


def _quad(r: int, s: int) -> sympy.Expr:
    return sympy.expand((x + r) * (x + s))


def _lowest(a: int, b: int) -> bool:
    return math.gcd(a, b) == 1


# Coefficients (a, b, c, d) of a/b and c/d, each fraction in lowest terms, with a factor to
# cancel across the product (and, for a product, a numerator that does not become whole).
_PAIRS = [(a, b) for a in range(2, 13) for b in range(2, 13) if _lowest(a, b)]
_TIMES = [
    (a, b, c, d)
    for a, b in _PAIRS
    for c, d in _PAIRS
    if not _lowest(a * c, b * d) and (a * c) % (b * d)
]
_DIVIDE = [(a, b, c, d) for a, b in _PAIRS for c, d in _PAIRS if not _lowest(a * d, b * c)]


@register
class FractionProducts(Template):
    key = "algebra.fraction_products"
    title = "Multiplying and dividing algebraic fractions"
    codes = {Tier.EXTENDED: ("E2.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Algebraic fractions: multiplying and dividing"
        plan = {
            1: ["times_mono", "divide_mono"],
            2: ["times_mono", "divide_mono"],
            3: ["divide_mono", "times_quadratic"],
            4: ["times_quadratic", "divide_quadratic"],
            5: ["times_mono", "divide_quadratic"],
        }[difficulty]
        q.stem = "Simplify, giving each answer as a single fraction in its simplest form."
        for label, kind in zip("ab", plan, strict=True):
            q.param(label, kind)
            if kind == "times_mono":
                self._times_mono(q, rng, label, two_letters=difficulty >= 2)
            elif kind == "divide_mono":
                self._divide_mono(q, rng, label, two_letters=difficulty >= 3)
            elif kind == "times_quadratic":
                self._times_quadratic(q, rng, label)
            else:
                self._divide_quadratic(q, rng, label, hard=difficulty == 5)

    # --- monomials -----------------------------------------------------------------------------

    @staticmethod
    def _times_mono(q: QuestionBuilder, rng: random.Random, label: str, two_letters: bool) -> None:
        """a x^m / b  ×  c x^k / d (with y^j under the first and y^i over the second)."""
        a, b, c, d = rng.choice(_TIMES)
        px, qx = rng.randint(1, 3), rng.randint(1, 3)
        py, qy = (rng.randint(1, 3), rng.randint(1, 3)) if two_letters else (0, 0)
        if two_letters and py == qy:
            qy = py + 1
        coefficients(q, label, [a, b, c, d])
        f1 = _frac_tex(_mono_tex(a, px, 0), _mono_tex(b, 0, py))
        f2 = _frac_tex(_mono_tex(c, qx, qy), str(d))
        part = q.part(label, f"${f1} \\times {f2}$", marks=2, command="Work out")
        top, bottom = _mono(a * c, px + qx, qy), _mono(b * d, 0, py)
        unsimplified = _frac_tex(_mono_tex(a * c, px + qx, qy), _mono_tex(b * d, 0, py))
        result = sympy.cancel(top / bottom)
        part.step(f"Multiply the numerators and the denominators: ${unsimplified}$", top / bottom)
        part.mark("M", f"${unsimplified}$ oe", value=top / bottom)
        part.step(f"Cancel common factors: ${tex(result)}$", result)
        part.answer(result, kind="expression", latex=tex(result), plain=txt(result))
        part.mark("A", f"${tex(result)}$", value=result, qualifiers=["cao"])
        if px * qx != px + qx:
            slip = sympy.cancel(_mono(a * c, px * qx, qy) / bottom)
            shown = " \\times ".join(_mono_tex(1, k, 0) for k in (px, qx))
            wrong_expression(
                part,
                slip,
                f"multiplied the powers of $x$ (${shown} = {_mono_tex(1, px * qx, 0)}$)",
            )

    @staticmethod
    def _divide_mono(q: QuestionBuilder, rng: random.Random, label: str, two_letters: bool) -> None:
        a, b, c, d = rng.choice(_DIVIDE)
        px, qx = rng.randint(1, 3), rng.randint(1, 3)
        if px == qx:
            qx = px + 1
        py = rng.randint(1, 2) if two_letters else 0
        first = _mono(a, px, py) / _mono(b, 0, 0)
        second = _mono(c, qx, 0) / _mono(d, 0, 1 if two_letters else 0)
        coefficients(q, label, [a, b, c, d])
        f1 = _frac_tex(_mono_tex(a, px, py), _mono_tex(b, 0, 0))
        f2 = _frac_tex(_mono_tex(c, qx, 0), _mono_tex(d, 0, 1 if two_letters else 0))
        flipped = _frac_tex(_mono_tex(d, 0, 1 if two_letters else 0), _mono_tex(c, qx, 0))
        part = q.part(label, f"${f1} \\div {f2}$", marks=2, command="Work out")
        reciprocal = first * (1 / second)
        part.step(f"Multiply by the reciprocal: ${f1} \\times {flipped}$", reciprocal)
        part.mark("M", f"${f1} \\times {flipped}$ oe", value=reciprocal)
        result = sympy.cancel(first / second)
        part.step(f"$= {tex(result)}$", result)
        part.answer(result, kind="expression", latex=tex(result), plain=txt(result))
        part.mark("A", f"${tex(result)}$", value=result, qualifiers=["cao"])
        wrong_expression(
            part,
            sympy.cancel(first * second),
            "multiplied without turning the second fraction upside down",
        )
        wrong_expression(
            part,
            sympy.cancel(second / first),
            "turned the first fraction upside down instead of the second",
        )

    # --- quadratics ----------------------------------------------------------------------------

    @staticmethod
    def _times_quadratic(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """(x² − p²)/(x + r) × (x² + rx)/(x − p) = x(x + p)."""
        p = rng.randint(1, 6)
        r = rng.choice([k for k in range(-6, 7) if k not in (0, p, -p)])
        top1, top2 = sympy.expand((x - p) * (x + p)), sympy.expand(x * (x + r))
        coefficients(q, label, [p * p, r, r, p])
        f1 = _frac_tex(tex(top1), _lin(r))
        f2 = _frac_tex(tex(top2), _lin(-p))
        part = q.part(label, f"${f1} \\times {f2}$", marks=3, command="Work out")
        diff_sq = f"(x - {p})*(x + {p})"
        common = f"x*(x + ({r}))"
        part.step(f"${tex(top1)} = ({_lin(-p)})({_lin(p)})$", diff_sq)
        part.mark("M", f"$({_lin(-p)})({_lin(p)})$", value=diff_sq)
        part.step(f"${tex(top2)} = x({_lin(r)})$", common)
        part.mark("M", f"$x({_lin(r)})$", value=common)
        part.step(
            f"${_frac_tex(f'({_lin(-p)})({_lin(p)})', _lin(r))} \\times "
            f"{_frac_tex(f'x({_lin(r)})', _lin(-p))}$: cancel $({_lin(-p)})$ and $({_lin(r)})$"
        )
        result = x * (x + p)
        answer_tex = f"x({_lin(p)})"
        part.step(f"$= {answer_tex}$", result)
        part.answer(result, kind="expression", latex=answer_tex, plain=f"x({_lin_plain(p)})")
        part.mark("A", f"${answer_tex}$ or ${tex(sympy.expand(result))}$", value=result,
                  qualifiers=["cao"])  # fmt: skip
        wrong_expression(
            part,
            x * (x - p),
            f"cancelled $({_lin(p)})$ instead of $({_lin(-p)})$",
            working=[diff_sq, common],
            plain=f"x({_lin_plain(-p)})",
            latex=f"x({_lin(-p)})",
        )

    @staticmethod
    def _divide_quadratic(q: QuestionBuilder, rng: random.Random, label: str, hard: bool) -> None:
        """(x + a)(x + b)/((x − c)(x + c)) ÷ (x + a)/(x − c) = (x + b)/(x + c)."""
        a, b, c = rng.sample([-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 3)
        c = abs(c)
        if len({a, b, c, -c}) < 4:
            raise Reject("repeated factor")
        top1, bottom1 = _quad(a, b), _quad(-c, c)
        top2 = (x + a) if not hard else _quad(a, 0)
        bottom2 = x - c if not hard else _quad(-c, 0)
        coefficients(q, label, [*sympy.Poly(top1, x).all_coeffs(), c * c, a, c])
        f1 = _frac_tex(tex(top1), tex(bottom1))
        f2 = _frac_tex(tex(top2), tex(bottom2))
        flipped = _frac_tex(tex(bottom2), tex(top2))
        part = q.part(label, f"${f1} \\div {f2}$", marks=4, command="Work out")
        reciprocal = f"({sympy.sstr(top1)})/({sympy.sstr(bottom1)})*({sympy.sstr(bottom2)})/({sympy.sstr(top2)})"
        part.step(f"Multiply by the reciprocal: ${f1} \\times {flipped}$", reciprocal)
        part.mark("M", f"${f1} \\times {flipped}$", value=reciprocal)
        fac_top = f"(x + ({a}))*(x + ({b}))"
        fac_bottom = f"(x - {c})*(x + {c})"
        part.step(f"${tex(top1)} = ({_lin(a)})({_lin(b)})$", fac_top)
        part.mark("M", f"$({_lin(a)})({_lin(b)})$", value=fac_top)
        part.step(f"${tex(bottom1)} = ({_lin(-c)})({_lin(c)})$", fac_bottom)
        part.mark("M", f"$({_lin(-c)})({_lin(c)})$", value=fac_bottom)
        result = (x + b) / (x + c)
        answer_tex = _frac_tex(_lin(b), _lin(c))
        part.step(f"Cancel $({_lin(a)})$ and $({_lin(-c)})$" + (" and $x$" if hard else "")
                  + f": ${answer_tex}$", result)  # fmt: skip
        part.answer(result, kind="expression", latex=answer_tex,
                    plain=f"({_lin_plain(b)})/({_lin_plain(c)})")  # fmt: skip
        part.mark("A", f"${answer_tex}$", value=result, qualifiers=["cao"])
        upside = (x + c) / (x + b)
        wrong_expression(
            part,
            upside,
            "turned the first fraction upside down instead of the second",
            working=[fac_top, fac_bottom],
            plain=f"({_lin_plain(c)})/({_lin_plain(b)})",
            latex=_frac_tex(_lin(c), _lin(b)),
        )
        no_flip = sympy.factor(top1 / bottom1 * top2 / bottom2)
        wrong_expression(
            part,
            no_flip,
            "multiplied without turning the second fraction upside down",
            working=[fac_top, fac_bottom],
        )
