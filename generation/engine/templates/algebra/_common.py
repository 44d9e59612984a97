"""Helpers shared by the algebra templates: symbols, LaTeX and candidate-style plain text for
expressions, equations in machine form, and wrong answers written the way candidates write them.

Expressions are built with *real* SymPy symbols, the same kind the machine-form parser creates,
so a value built here and the same value parsed back from its machine form are equal.
"""

from __future__ import annotations

import random
import re
from abc import abstractmethod
from collections.abc import Sequence
from typing import Any

import sympy
from sympy import Rational

from generation.engine import formatting
from generation.engine.base import Template
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.expressions import machine
from questions.schemas import Accuracy

x, y, n, t = sympy.symbols("x y n t", real=True)

NAMES = (
    "Amir", "Bella", "Carlos", "Dina", "Elif", "Femi", "Grace", "Hiro", "Isla", "Jonas",
    "Kofi", "Lena", "Maya", "Nikhil", "Omar", "Priya", "Rosa", "Sami", "Tariq", "Yuki",
)  # fmt: skip


def sym(name: str) -> sympy.Symbol:
    """A real symbol, as the machine-form parser makes it."""
    return sympy.Symbol(name, real=True)


def pick[T](rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


def nonzero(rng: random.Random, low: int, high: int) -> int:
    """A random integer in ``[low, high]`` other than 0."""
    while True:
        value = rng.randint(low, high)
        if value != 0:
            return value


def num(value: Any) -> str:
    """A number for question text: integers plainly, terminating decimals as decimals."""
    return formatting.number(sympy.sympify(value))


def frac(value: Any) -> str:
    """LaTeX for a rational as a fraction (never a decimal): ``\\frac{7}{3}``, ``-\\frac{1}{2}``."""
    r = Rational(value)
    if r.q == 1:
        return str(r.p)
    sign = "-" if r < 0 else ""
    return f"{sign}\\frac{{{abs(r.p)}}}{{{r.q}}}"


def frac_plain(value: Any) -> str:
    r = Rational(value)
    return str(r.p) if r.q == 1 else f"{r.p}/{r.q}"


def tex(expr: Any) -> str:
    """LaTeX for an expression, highest power first; a polynomial in one letter with rational
    coefficients is written the way the question text writes it (``x^2 - 2x - 15``)."""
    e = sympy.sympify(expr)
    symbols = list(e.free_symbols)
    if len(symbols) == 1 and e.is_polynomial(symbols[0]):
        poly = sympy.Poly(e, symbols[0])
        if all(c.is_Rational for c in poly.all_coeffs()):
            return poly_tex(poly.all_coeffs(), str(symbols[0]))
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


def lin_tex(a: Any, b: Any, var: str = "x") -> str:
    """``ax + b`` in LaTeX with the terms in the order written (``3x - 5``, ``-x + 4``)."""
    return terms_tex([(a, var), (b, "")])


def terms_tex(terms: Sequence[tuple[Any, str]]) -> str:
    """Join ``(coefficient, monomial)`` pairs in the given order: ``[(2,'x^2'),(-1,'x'),(3,'')]``
    gives ``2x^2 - x + 3``. Zero terms are dropped; fractions are written ``\\frac``."""
    out = ""
    for coefficient, monomial in terms:
        c = Rational(coefficient)
        if c == 0:
            continue
        magnitude = abs(c)
        if monomial and magnitude == 1:
            body = monomial
        elif monomial and magnitude.q != 1:
            top = monomial if magnitude.p == 1 else f"{magnitude.p}{monomial}"
            body = f"\\frac{{{top}}}{{{magnitude.q}}}"
        else:
            body = frac(magnitude) + monomial
        if not out:
            out = ("-" if c < 0 else "") + body
        else:
            out += (" - " if c < 0 else " + ") + body
    return out or "0"


def terms_plain(terms: Sequence[tuple[Any, str]]) -> str:
    """Plain-text twin of :func:`terms_tex` (``2x^2 - x + 3``)."""
    out = ""
    for coefficient, monomial in terms:
        c = Rational(coefficient)
        if c == 0:
            continue
        magnitude = abs(c)
        if monomial and magnitude == 1:
            body = monomial
        elif monomial and magnitude.q != 1:
            body = f"{magnitude.p}{monomial}/{magnitude.q}"
        else:
            body = frac_plain(magnitude) + monomial
        if not out:
            out = ("-" if c < 0 else "") + body
        else:
            out += (" - " if c < 0 else " + ") + body
    return out or "0"


def poly_terms(coefficients: Sequence[Any], var: str = "x") -> list[tuple[Any, str]]:
    """``[a, b, c]`` (highest power first) as terms ``ax^2 + bx + c``."""
    degree = len(coefficients) - 1
    out = []
    for i, c in enumerate(coefficients):
        power = degree - i
        monomial = "" if power == 0 else var if power == 1 else f"{var}^{power}"
        out.append((c, monomial))
    return out


def poly_tex(coefficients: Sequence[Any], var: str = "x") -> str:
    return terms_tex(poly_terms(coefficients, var))


def signed(value: Any) -> str:
    """``+ 5`` or ``- 5`` (LaTeX) for writing a number after another term."""
    r = sympy.sympify(value)
    return f"- {frac(-r)}" if r < 0 else f"+ {frac(r)}"


def bracket(value: Any) -> str:
    """A number ready to be substituted: negatives in brackets, ``(-3)``."""
    r = sympy.sympify(value)
    return f"({frac(r)})" if r < 0 else frac(r)


def wrong_expr(
    part: PartBuilder,
    expr: Any,
    error: str,
    marks: int,
    *,
    working: Sequence[Any] = (),
    plain: str | None = None,
    latex: str | None = None,
) -> None:
    """A wrong expression answer, written the way a candidate writes it."""
    part.wrong(
        plain if plain is not None else txt(expr),
        error,
        marks,
        latex=latex if latex is not None else tex(expr),
        working=list(working),
    )


def wrong_number(
    part: PartBuilder,
    value: Any,
    error: str,
    marks: int,
    *,
    working: Sequence[Any] = (),
    accuracy: Accuracy = Accuracy.EXACT,
) -> None:
    """A wrong numerical answer, shown under the part's accuracy rule."""
    exact = sympy.nsimplify(value) if isinstance(value, float) else sympy.sympify(value)
    if not exact.is_real:
        return
    plain, latex = formatting.display(exact, accuracy)
    part.wrong(plain, error, marks, latex=latex, working=list(working))


def linear(a: Any, b: Any, var: str = "x", second: str = "") -> tuple[Any, str, str]:
    """The linear expression ``a·var + b`` (or ``a·var + b·second``) as
    ``(sympy expression, LaTeX, plain)``, terms in the written order."""
    terms = [(a, var), (b, second)]
    value = Rational(a) * sym(var) + Rational(b) * (sym(second) if second else 1)
    return value, terms_tex(terms), terms_plain(terms)


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
        display = frac(r) if r.is_Rational and not r.is_Integer else None
        q.given(f"{label or 'k'}{i}", r, display=display)


def term_values(terms: Sequence[tuple[Any, str]]) -> tuple[Any, ...]:
    """The separate terms of an unsimplified expansion, e.g. ``(x**2, 3*x, -5*x, -15)``.

    A mark line that credits "all four terms correct" is valued at this tuple: the expansion
    as one expression would be equivalent to the simplified answer and so could not tell a
    correct expansion followed by a slip from a correct final answer."""
    from generation.engine.expressions import parse_plain

    return tuple(Rational(c) * (parse_plain(m) if m else 1) for c, m in terms if Rational(c) != 0)


def keep_consistent_wrong_answers(q: Any) -> None:
    """Drop a listed wrong answer whose declared marks the marking algorithm does not give.

    Each wrong answer's marks are decided by hand from the error it models; for an unlucky
    draw the wrong final answer can coincide with a value a mark line credits (a wrong root
    equal to the constant of a correct step, say), and then the listed marks would mislead a
    teacher. Such a draw keeps its other wrong answers."""
    from generation.engine.marking import mark_part

    question = q.build()
    keep = []
    for wrong in q.wrongs:
        part = question.part(wrong.part)
        finals = [wrong.plain]
        if len(part.answers) > 1:
            from generation.engine.marking import split_final_answers

            finals = split_final_answers(wrong.plain, len(part.answers))
        if mark_part(question, wrong.part, finals, list(wrong.working)) == wrong.marks_awarded:
            keep.append(wrong)
    q.wrongs[:] = keep


class AlgebraTemplate(Template):
    """A template whose wrong answers are re-marked after writing (see
    :func:`keep_consistent_wrong_answers`). Subclasses implement :meth:`write`."""

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        self.write(q, rng, difficulty)
        keep_consistent_wrong_answers(q)

    @abstractmethod
    def write(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        """Draw parameters from ``rng`` and fill ``q``."""
