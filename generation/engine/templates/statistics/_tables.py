"""Tables for question text, written as LaTeX arrays (latex2mathml renders them as MathML
tables with ruled lines), and small number helpers shared by the statistics and probability
templates."""

from __future__ import annotations

from typing import Any

import sympy

from generation.engine.formatting import number


def text(words: str) -> str:
    """Words inside a table cell."""
    return f"\\text{{{words}}}"


def table(rows: list[list[str]], *, ruled_first_column: bool = True) -> str:
    """A ruled table from rows of LaTeX cells (the first row or column holds the headings)."""
    columns = max(len(r) for r in rows)
    spec = "|" + "|".join(["l" if ruled_first_column else "c"] + ["c"] * (columns - 1)) + "|"
    body = " \\\\ \\hline ".join(" & ".join(r) for r in rows)
    return f"\\begin{{array}}{{{spec}}} \\hline {body} \\\\ \\hline \\end{{array}}"


def horizontal(heading: str, labels: list[str], value_heading: str, values: list[Any]) -> str:
    """A two-row table: ``heading`` over ``labels`` and ``value_heading`` over ``values``."""
    return table(
        [
            [text(heading), *labels],
            [text(value_heading), *(number(v) for v in values)],
        ]
    )


def fraction(value: Any) -> tuple[str, str]:
    """(plain, LaTeX) of a rational as a fraction in its lowest terms: 3/10, \\frac{3}{10}."""
    value = sympy.Rational(value)
    if value.is_Integer:
        return str(value), str(value)
    sign = "-" if value < 0 else ""
    return f"{value}", f"{sign}\\frac{{{abs(value.p)}}}{{{value.q}}}"


def frac_latex(value: Any) -> str:
    return fraction(value)[1]
