"""Shared pieces of the coordinate geometry templates: points and straight lines as givens,
and how a line's equation is written in the question, in the answer and by a candidate."""

from __future__ import annotations

from typing import Any

import sympy

from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import latex as value_latex
from generation.engine.formatting import plain as value_plain

x, y = sympy.symbols("x y", real=True)


def frac_latex(value: Any) -> str:
    """LaTeX for a rational as a written fraction (never a decimal): ``-\\frac{2}{3}``."""
    v = sympy.Rational(value)
    if v.q == 1:
        return str(v.p)
    sign = "-" if v < 0 else ""
    return f"{sign}\\frac{{{abs(v.p)}}}{{{v.q}}}"


def frac_plain(value: Any) -> str:
    v = sympy.Rational(value)
    return str(v.p) if v.q == 1 else f"{v.p}/{v.q}"


def br(value: Any) -> str:
    """A number in LaTeX, in brackets when it is negative: ``5``, ``(-3)``, ``(-\\frac{3}{4})``."""
    text = value if isinstance(value, str) else frac_latex(value)
    return f"({text})" if text.startswith("-") else text


def point_latex(p: tuple[Any, Any]) -> str:
    return f"({value_latex(p[0])}, {value_latex(p[1])})"


def point_plain(p: tuple[Any, Any]) -> str:
    return f"({value_plain(p[0])}, {value_plain(p[1])})"


def declare_point(q: QuestionBuilder, name: str, p: tuple[Any, Any]) -> tuple[str, str]:
    """Declare the coordinates of point ``name`` as givens ``x<name>``, ``y<name>``; returns the
    two given names (for machine forms)."""
    q.given(f"x{name}", p[0])
    q.given(f"y{name}", p[1])
    return f"x{name}", f"y{name}"


def _term(coefficient: Any, letter: str, *, first: bool, plain: bool) -> str:
    """One term of a line's equation, with its sign: ``3x``, ``- x``, ``+ \\frac{1}{2}x``."""
    k = sympy.Rational(coefficient)
    size = abs(k)
    if size == 1 and letter:
        body = letter
    elif plain:
        body = (f"({frac_plain(size)})" if size.q != 1 else frac_plain(size)) + letter
    else:
        body = frac_latex(size) + letter
    if first:
        return f"-{body}" if k < 0 else body
    return f"- {body}" if k < 0 else f"+ {body}"


def line_rhs(m: Any, c: Any, *, plain: bool = False) -> str:
    """The right-hand side mx + c as written: ``2x - 3``, ``-\\frac{1}{2}x + 4``, ``5``."""
    m, c = sympy.Rational(m), sympy.Rational(c)
    if m == 0:
        return frac_plain(c) if plain else frac_latex(c)
    text = _term(m, "x", first=True, plain=plain)
    if c != 0:
        text += " " + _term(c, "", first=False, plain=plain)
    return text


def line_answer(m: Any, c: Any) -> dict[str, str]:
    """Keyword arguments for ``part.answer`` giving the line y = mx + c as an EQUATION."""
    m, c = sympy.Rational(m), sympy.Rational(c)
    return {
        "kind": "equation",
        "plain": f"y = {line_rhs(m, c, plain=True)}",
        "latex": f"y = {line_rhs(m, c)}",
    }


def line_value(m: Any, c: Any) -> str:
    """Machine form of the line y = mx + c."""
    return f"Eq(y, {sympy.sstr(sympy.Rational(m) * x + sympy.Rational(c))})"


def state_line(
    q: QuestionBuilder, m: Any, c: Any, *, names: tuple[str, str] = ("m", "c")
) -> tuple[str, str, str]:
    """Declare the line y = mx + c that a question states.

    The sizes of the gradient and intercept are the givens (their signs are part of how the
    equation is written), so each given's display appears verbatim in the equation.
    Returns ``(latex, gradient machine form, intercept machine form)``.
    """
    m, c = sympy.Rational(m), sympy.Rational(c)
    if abs(m) in (0, 1):
        m_form = str(m)
    else:
        q.given(names[0], abs(m), display=frac_latex(abs(m)))
        m_form = f"(-{names[0]})" if m < 0 else names[0]
    if c == 0:
        c_form = "0"
    else:
        q.given(names[1], abs(c), display=frac_latex(abs(c)))
        c_form = f"(-{names[1]})" if c < 0 else names[1]
    return f"y = {line_rhs(m, c)}", m_form, c_form


def general_form(a: int, b: int, k: int) -> str:
    """LaTeX for ax + by = k with integer coefficients (a > 0): ``3x - 2y = 12``."""
    return (
        f"{_term(a, 'x', first=True, plain=False)} {_term(b, 'y', first=False, plain=False)} = {k}"
    )


def state_general_line(q: QuestionBuilder, a: int, b: int, k: int) -> tuple[str, str, str]:
    """Declare a line stated as ax + by = k (a > 0, b != 0; k may be negative).

    Returns ``(latex, gradient machine form, intercept machine form)``: m = -a/b, c = k/b.
    """
    a_form = "1"
    if a != 1:
        q.given("a", a)
        a_form = "a"
    b_form = str(b)
    if abs(b) != 1:
        q.given("b", abs(b))
        b_form = "(-b)" if b < 0 else "b"
    q.given("k", k)
    return general_form(a, b, k), f"(-{a_form}/{b_form})", f"(k/{b_form})"


def coordinate_steps_and_marks(
    part: PartBuilder, p: tuple[Any, Any], forms: tuple[str, str], working: tuple[str, str]
) -> None:
    """Work out a point one coordinate at a time (``working`` is the LaTeX for each
    calculation), then mark it 0580-style: B1 for each correct coordinate."""
    part.step(f"$x = {working[0]} = {value_latex(p[0])}$", forms[0])
    part.step(f"$y = {working[1]} = {value_latex(p[1])}$", forms[1])
    part.step(f"The point is ${point_latex(p)}$.", f"({forms[0]}, {forms[1]})")
    part.answer(f"({forms[0]}, {forms[1]})", kind="coordinates")
    both = point_latex(p)
    part.mark("B", f"${both}$: $x$-coordinate ${value_latex(p[0])}$", value=forms[0])
    part.mark("B", f"${both}$: $y$-coordinate ${value_latex(p[1])}$", value=forms[1])
