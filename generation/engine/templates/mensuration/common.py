"""Wording and answer helpers shared by the mensuration and trigonometry templates."""

from __future__ import annotations

from typing import Any

import sympy

from generation.engine import formatting
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import Accuracy


def n(value: Any) -> str:
    """A number as it is printed in question text (no float noise)."""
    return formatting.number(sympy.sympify(value))


def word(value: Any) -> str:
    """A number for plain prose (error notes): 10000, 0.45, 7/3."""
    return formatting.plain(sympy.sympify(value))


def tex(value: Any) -> str:
    """LaTeX for an exact value (fractions, surds, multiples of pi)."""
    return formatting.latex(sympy.sympify(value))


def shown(value: Any, accuracy: Accuracy = Accuracy.SF3) -> str:
    """The value as the answer line shows it under ``accuracy`` (LaTeX)."""
    return formatting.display(sympy.sympify(value), accuracy)[1]


def approx(value: Any, accuracy: Accuracy = Accuracy.SF4) -> str:
    """A working value to 4 s.f. (or ``accuracy``), with an ellipsis when it was rounded."""
    value = sympy.sympify(value)
    text = shown(value, accuracy)
    exact = value.is_Rational and shown(value, Accuracy.EXACT) == text
    return text if exact else text + "\\ldots"


def approx_of(q: QuestionBuilder, expr: str) -> str:
    """:func:`approx` of a machine-form expression over the question's givens."""
    return approx(q.value_of(expr))


def sq(unit: str) -> str:
    """An area unit for prose: cm$^2$."""
    return f"{unit}$^2$"


def cu(unit: str) -> str:
    """A volume unit for prose: cm$^3$."""
    return f"{unit}$^3$"


def deg(value: Any) -> str:
    """An angle in LaTeX, e.g. 35^\\circ."""
    return f"{n(value)}^\\circ"


def wrong(
    part: PartBuilder,
    value: Any,
    error: str,
    marks: int,
    *,
    accuracy: Accuracy | None = None,
    working: tuple[Any, ...] | list[Any] = (),
) -> None:
    """Record a computed common wrong answer, shown under the same accuracy rule as the answer
    (by default the part's first answer's rule).

    Values that are not positive real numbers (a negative length from a calculator in the
    wrong mode, say) are skipped, as is a "wrong" value that displays like the right answer or
    like a value some other mark line credits.
    """
    exact = part.q.value_of(value)
    if not (exact.is_real and exact.is_finite) or not exact > 0:
        return
    if accuracy is None:
        accuracy = part.answers[0].accuracy if part.answers else Accuracy.SF3
    plain, latex = formatting.display(exact, accuracy)
    if any(
        formatting.display(part.q.value_of(a.value), accuracy)[0] == plain
        for a in part.answers
        if a.value
    ):
        return
    # A value that merely rounds like one a mark line credits would earn that mark by
    # coincidence; such a "common error" says nothing useful, so leave it out.
    for line in part.q.lines:
        if line.part != part.label or line.value is None:
            continue
        credited = part.q.value_of(line.value)
        if abs(sympy.N(credited - exact, 30)) < 1e-20:
            continue  # the error really does reach this value (the line is meant to be earned)
        if formatting.display(credited, accuracy)[0] == plain:
            return
    part.wrong(plain, error, marks, latex=latex, working=working)
