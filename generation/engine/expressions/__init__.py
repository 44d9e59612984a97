"""Machine-form maths: parse SymPy expressions from strings without ``eval``.

Two entry points:

- :func:`parse` reads *machine form*, the Python-like syntax the schema stores
  (``"pi*r**2"``, ``"Eq(3*x + 5, 20)"``, ``"(3, -2)"``).
- :func:`parse_plain` reads an answer as a candidate writes it (``"2x + 3"``, ``"x^2"``,
  ``"3 : 4"``, ``"y = 2x - 1"``, ``"√2"``, ``"12.6 cm"``) by normalising it to machine form first.

Both walk Python's ``ast`` and build SymPy objects node by node; only whitelisted names and
functions exist, so nothing in the string can reach Python itself.

The package is split by what each part reads or decides: :mod:`.parsing` (machine form),
:mod:`.plain` (candidates' plain text), :mod:`.latex` (LaTeX) and :mod:`.equivalence`.
"""

from generation.engine.expressions.equivalence import equivalent
from generation.engine.expressions.latex import latex_to_plain, parse_latex
from generation.engine.expressions.parsing import (
    CONSTANTS,
    FUNCTIONS,
    ExpressionError,
    evaluate,
    machine,
    parse,
)
from generation.engine.expressions.plain import parse_plain

__all__ = [
    "ExpressionError",
    "parse",
    "parse_plain",
    "parse_latex",
    "latex_to_plain",
    "evaluate",
    "machine",
    "equivalent",
    "FUNCTIONS",
    "CONSTANTS",
]
