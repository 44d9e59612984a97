"""Algebraic expressions for templates: real symbols, expressions written as the question text
and a candidate write them, equations in machine form, and the givens an expression prints.

Expressions are built with *real* SymPy symbols, the same kind the machine-form parser creates,
so a value built here and the same value parsed back from its machine form are equal.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

import sympy
from sympy import Rational

from generation.engine.authoring import text
from generation.engine.expressions import machine, parse_plain

__all__ = [
    "coefficients",
    "eq",
    "linear",
    "linear_latex",
    "machine_product",
    "n",
    "nonzero",
    "product",
    "sym",
    "t",
    "term_values",
    "tex",
    "txt",
    "x",
    "y",
]

x, y, n, t = sympy.symbols("x y n t", real=True)


def sym(name: str) -> sympy.Symbol:
    """A real symbol, as the machine-form parser makes it."""
    return sympy.Symbol(name, real=True)


def nonzero(rng: random.Random, low: int, high: int) -> int:
    """A random integer in ``[low, high]`` other than 0."""
    while True:
        value = rng.randint(low, high)
        if value != 0:
            return value


def tex(expr: Any) -> str:
    """LaTeX for an expression, highest power first; a polynomial in one letter with rational
    coefficients is written the way the question text writes it (``x^2 - 2x - 15``)."""
    e = sympy.sympify(expr)
    symbols = list(e.free_symbols)
    if len(symbols) == 1 and e.is_polynomial(symbols[0]):
        poly = sympy.Poly(e, symbols[0])
        if all(c.is_Rational for c in poly.all_coeffs()):
            return text.polynomial(poly.all_coeffs(), str(symbols[0]))
    return sympy.latex(e)


_STAR_AFTER_NUMBER = re.compile(r"(?<![A-Za-z_.\d])(\d+)\*(?=[A-Za-z(])")
_STAR_AFTER_BRACKET = re.compile(r"\)\*(?=[A-Za-z(])")
_STAR_BETWEEN_LETTERS = re.compile(r"(?<![A-Za-z])([A-Za-z])\*(?=(?:[A-Za-z](?![A-Za-z(])|\())")


def txt(expr: Any) -> str:
    """An expression as a candidate writes it: ``x^2 - 2x - 15``, ``3x(3x + 5y)``."""
    s = expr if isinstance(expr, str) else sympy.sstr(sympy.sympify(expr))
    s = s.replace("**", "^")
    for _ in range(2):  # overlapping matches (x*y*z) need a second pass
        s = _STAR_AFTER_NUMBER.sub(r"\1", s)
        s = _STAR_AFTER_BRACKET.sub(")", s)
        s = _STAR_BETWEEN_LETTERS.sub(r"\1", s)
    return s


def eq(lhs: Any, rhs: Any) -> str:
    """Machine form of the equation ``lhs = rhs``."""
    return f"Eq({machine(lhs)}, {machine(rhs)})"


def linear_latex(a: Any, b: Any, var: str = "x") -> str:
    """``ax + b`` in LaTeX with the terms in the order written (``3x - 5``, ``-x + 4``)."""
    return text.terms([(a, var), (b, "")])


def linear(a: Any, b: Any, var: str = "x", second: str = "") -> tuple[Any, str, str]:
    """The linear expression ``a·var + b`` (or ``a·var + b·second``) as
    ``(sympy expression, LaTeX, plain)``, terms in the written order."""
    terms = [(a, var), (b, second)]
    value = Rational(a) * sym(var) + Rational(b) * (sym(second) if second else 1)
    return value, text.terms(terms), text.terms_plain(terms)


def product(
    factors: Sequence[tuple[Any, str, str]], prefix: tuple[Any, str, str] | None = None
) -> tuple[Any, str, str]:
    """A product of bracketed factors, kept factorised in LaTeX and plain:
    ``3x(3x + 5y)``, ``(x - 5)(x + 3)``. ``prefix`` is an unbracketed monomial factor."""
    value = sympy.Integer(1)
    latex = plain = ""
    if prefix is not None:
        value, latex, plain = prefix
    for f_value, f_latex, f_plain in factors:
        value = value * f_value
        latex += f"({f_latex})"
        plain += f"({f_plain})"
    return value, latex, plain


def machine_product(factors: Sequence[Any], prefix: Any = None) -> str:
    """Machine form of a product that stays factorised when printed (``3*x*(3*x + 5*y)``)."""
    parts = [] if prefix is None else [f"({machine(prefix)})"]
    parts += [f"({machine(f)})" for f in factors]
    return "*".join(parts)


def coefficients(q: Any, label: str, values: Sequence[Any]) -> None:
    """Declare the numbers printed in an expression as givens (``a1``, ``a2``, … for part a),
    so a rewording that changes the question's numbers is caught. A coefficient is printed
    as its size after a + or - sign, so that size is what is declared; 0 and ±1 are not
    printed at all."""
    for i, value in enumerate(values, 1):
        r = abs(sympy.sympify(value))
        if r in (0, 1):
            continue
        display = text.frac(r) if r.is_Rational and not r.is_Integer else None
        q.given(f"{label or 'k'}{i}", r, display=display)


def term_values(terms: Sequence[tuple[Any, str]]) -> tuple[Any, ...]:
    """The separate terms of an unsimplified expansion, e.g. ``(x**2, 3*x, -5*x, -15)``.

    A mark line that credits "all four terms correct" is valued at this tuple: the expansion
    as one expression would be equivalent to the simplified answer and so could not tell a
    correct expansion followed by a slip from a correct final answer."""
    return tuple(Rational(c) * (parse_plain(m) if m else 1) for c, m in terms if Rational(c) != 0)
