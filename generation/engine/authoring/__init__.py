"""The one vocabulary templates are written in.

- :mod:`.working`: :class:`Working`, one machine-form source over the givens from which the
  value, the substituted LaTeX of a step, the plain text and the mark line's value derive.
- :mod:`.parts`: :func:`method` (a method line with its step), :func:`final` (the answer with
  its A mark and accuracy), :func:`alternative` (an "Alternative method" block), :class:`Misconception` and :func:`misconception` (a wrong answer the
  engine marks against the part's own scheme).
- :mod:`.text`: how numbers and words are written (fractions, signed terms, brackets,
  polynomials, degrees, money, approximations, names, ordinals).
- :mod:`.algebraic`: real symbols, expressions as printed and as a candidate writes them,
  equations in machine form, the givens an expression prints.
- :mod:`.rounding`: half-up rounding from the exact value; rounding boundaries detected so a
  template can reject the seed.

See ``generation/engine/MIGRATING.md``.
"""

from generation.engine.authoring import text
from generation.engine.authoring.parts import (
    Misconception,
    alternative,
    answer,
    final,
    method,
    misconception,
    wrong,
    wrong_expression,
)
from generation.engine.authoring.rounding import on_boundary, require_clear, round_half_up
from generation.engine.authoring.working import Working

__all__ = [
    "Misconception",
    "Working",
    "alternative",
    "answer",
    "final",
    "method",
    "misconception",
    "on_boundary",
    "require_clear",
    "round_half_up",
    "text",
    "wrong",
    "wrong_expression",
]
