"""Points and straight lines: as givens, as printed, as answers and as a candidate writes them.

- :func:`point` / :func:`point_plain` write a point, :func:`declare_point` states one;
- :func:`line_rhs`, :func:`line_answer`, :func:`line_value` write the line y = mx + c in the
  question, in the answer and in machine form; :func:`state_line` and
  :func:`state_general_line` declare a line the question states (y = mx + c, ax + by = k);
- :func:`coordinates` is a point worked out one coordinate at a time and marked 0580-style
  (B1 for each correct coordinate); :func:`wrong_point` and :func:`wrong_line` are wrong
  answers written out, marked by the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from generation.engine import formatting
from generation.engine.authoring.parts import wrong
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.expressions import machine

__all__ = [
    "coordinates",
    "declare_point",
    "general_form",
    "line_answer",
    "line_rhs",
    "line_value",
    "point",
    "point_plain",
    "state_general_line",
    "state_line",
    "wrong_line",
    "wrong_point",
]

x, y = sympy.symbols("x y", real=True)


def point(p: Sequence[Any]) -> str:
    """LaTeX for a point: ``(3, -\\frac{1}{2})``."""
    return f"({formatting.latex(sympy.sympify(p[0]))}, {formatting.latex(sympy.sympify(p[1]))})"


def column_vector(v: Sequence[Any]) -> str:
    """LaTeX for a column vector: ``\\begin{pmatrix} 3 \\\\ -2 \\end{pmatrix}``."""
    top, bottom = (formatting.latex(sympy.sympify(c)) for c in v)
    return f"\\begin{{pmatrix}} {top} \\\\ {bottom} \\end{{pmatrix}}"


def point_plain(p: Sequence[Any]) -> str:
    return f"({formatting.plain(sympy.sympify(p[0]))}, {formatting.plain(sympy.sympify(p[1]))})"


def declare_point(q: QuestionBuilder, name: str, p: Sequence[Any]) -> tuple[str, str]:
    """State the coordinates of point ``name`` as givens ``x<name>``, ``y<name>``; returns the
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
        body = frac(size) + letter
    if first:
        return f"-{body}" if k < 0 else body
    return f"- {body}" if k < 0 else f"+ {body}"


def line_rhs(m: Any, c: Any, *, plain: bool = False) -> str:
    """The right-hand side mx + c as written: ``2x - 3``, ``-\\frac{1}{2}x + 4``, ``5``."""
    m, c = sympy.Rational(m), sympy.Rational(c)
    if m == 0:
        return frac_plain(c) if plain else frac(c)
    out = _term(m, "x", first=True, plain=plain)
    if c != 0:
        out += " " + _term(c, "", first=False, plain=plain)
    return out


def line_answer(m: Any, c: Any) -> dict[str, str]:
    """Keyword arguments for ``part.answer`` giving the line y = mx + c as an EQUATION."""
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
        q.given(names[0], abs(m), display=frac(abs(m)))
        m_form = f"(-{names[0]})" if m < 0 else names[0]
    if c == 0:
        c_form = "0"
    else:
        q.given(names[1], abs(c), display=frac(abs(c)))
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


def coordinates(part: PartBuilder, forms: tuple[str, str], steps: tuple[str, str]) -> None:
    """A point worked out one coordinate at a time (``forms``: each coordinate's machine form;
    ``steps``: each calculation's LaTeX), marked 0580-style: B1 for each correct coordinate."""
    p = part.q.value_of(forms)
    part.step(f"$x = {steps[0]} = {formatting.latex(p[0])}$", forms[0])
    part.step(f"$y = {steps[1]} = {formatting.latex(p[1])}$", forms[1])
    part.step(f"The point is ${point(p)}$.", f"({forms[0]}, {forms[1]})")
    part.answer(f"({forms[0]}, {forms[1]})", kind="coordinates")
    both = point(p)
    part.mark("B", f"${both}$: $x$-coordinate ${formatting.latex(p[0])}$", value=forms[0])
    part.mark("B", f"${both}$: $y$-coordinate ${formatting.latex(p[1])}$", value=forms[1])


def wrong_point(
    part: PartBuilder, p: Sequence[Any], error: str, working: Sequence[Any] = ()
) -> None:
    """A wrong point (values or machine forms over the givens), marked by the engine."""
    shown = part.q.value_of(tuple(p))
    wrong(
        part, point_plain(shown), error, latex=point(shown), working=[machine(w) for w in working]
    )


def wrong_line(part: PartBuilder, m: Any, c: Any, error: str, working: Sequence[Any] = ()) -> None:
    """A wrong line y = mx + c, marked by the engine against the part's scheme."""
    shown = line_answer(m, c)
    wrong(part, shown["plain"], error, latex=shown["latex"], working=list(working))
