"""Linear combinations of the vectors a and b, written as LaTeX and as a candidate writes them."""

from __future__ import annotations

from typing import Any

import sympy

A, B = sympy.symbols("a b", real=True)


def ordered(terms: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """Lead with a positive term where there is one: b - a rather than -a + b."""
    kept = [(sympy.nsimplify(c), n) for c, n in terms if sympy.nsimplify(c) != 0]
    if kept and kept[0][0] < 0:
        kept.sort(key=lambda t: bool(t[0] < 0))
    return kept


def combo_latex(terms: list[tuple[Any, str]]) -> str:
    """LaTeX for a linear combination such as 2a - 3b (``terms`` are (coefficient, LaTeX))."""
    out = ""
    for coef, name in ordered(terms):
        size = abs(coef)
        shown = "" if size == 1 else sympy.latex(size)
        if out:
            out += f" {'-' if coef < 0 else '+'} {shown}{name}"
        else:
            out = f"{'-' if coef < 0 else ''}{shown}{name}"
    return out or "\\mathbf{0}"


def combo_plain(terms: list[tuple[Any, str]]) -> str:
    out = ""
    for coef, name in ordered(terms):
        size = abs(coef)
        shown = name if size == 1 else f"{sympy.sstr(size)} {name}"
        if out:
            out += f" {'-' if coef < 0 else '+'} {shown}"
        else:
            out = f"-{shown}" if coef < 0 else shown
    return out or "0"


def ab(expr: Any) -> tuple[str, str]:
    """(LaTeX, plain) of an expression in a and b."""
    expr = sympy.expand(expr)
    ca, cb = expr.coeff(A), expr.coeff(B)
    return (
        combo_latex([(ca, "\\mathbf{a}"), (cb, "\\mathbf{b}")]),
        combo_plain([(ca, "a"), (cb, "b")]),
    )
