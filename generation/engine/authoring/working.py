"""A working value: one machine-form source over a question's givens, written once.

From ``Working(q, "(c1 + c3)/(c1 + c2 + c3)")`` come

- ``.value``: the exact SymPy value (the engine's whitelisted parser, the givens substituted);
- ``.machine``: the machine form, for a step's, an answer's or a mark line's ``value``;
- ``.substituted``: the step's LaTeX with each given's display in place of its name, in the
  order written (``\\frac{12 + 9}{12 + 5 + 9}``);
- ``.latex`` and ``.plain``: the value as printed and as a candidate writes it (a rational as a
  fraction in lowest terms, an integer plainly); ``.shown(accuracy)`` under an accuracy rule;
- ``.equation(lhs)``: a whole step, ``$lhs = substituted = value$``.

Exam notation SymPy's printer does not produce (a ``\\div``, a bracket kept) is a hand
override: ``Working(q, "nb/(1 - pr)", latex="15 \\div \\frac{5}{8}")``.

The substituted LaTeX is printed from the template's own source with SymPy's ``parse_expr``
(``evaluate=False`` keeps the order written); that source is template code, never question data.
Values are always the engine's own :func:`~generation.engine.expressions.evaluate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sympy
from sympy.parsing.sympy_parser import parse_expr

from generation.engine import formatting
from generation.engine.authoring import text
from generation.engine.expressions import FUNCTIONS
from questions.schemas import Accuracy

if TYPE_CHECKING:
    from generation.engine.builder import QuestionBuilder

__all__ = ["Working"]


class Working:
    """One quantity of a question, from which every way of writing it derives."""

    def __init__(
        self,
        q: QuestionBuilder,
        source: str,
        *,
        latex: str | None = None,
        fractions: bool = True,
    ) -> None:
        self.q = q
        self.source = source
        self._latex = latex
        self.fractions = fractions
        self.value = q.value_of(source)

    def __repr__(self) -> str:
        return f"Working({self.source!r} = {self.value})"

    # --- machine form -----------------------------------------------------------------------

    @property
    def machine(self) -> str:
        return self.source

    def then(self, source: str, **kwargs: Any) -> Working:
        """A further working value over the same givens (``w.then(f"1 - {w.source}")``)."""
        return Working(self.q, source, **kwargs)

    # --- LaTeX and plain text ------------------------------------------------------------------

    @property
    def substituted(self) -> str:
        """The source in LaTeX with each given's display substituted, in the order written."""
        if self._latex is not None:
            return self._latex
        return substituted_latex(self.q, self.source)

    @property
    def latex(self) -> str:
        """The value as printed: a rational as ``\\frac`` in lowest terms (``fractions``), else
        the engine's exact LaTeX."""
        if self.fractions and isinstance(self.value, sympy.Rational):
            return text.frac(self.value)
        return formatting.latex(self.value)

    @property
    def plain(self) -> str:
        if self.fractions and isinstance(self.value, sympy.Rational):
            return text.frac_plain(self.value)
        return formatting.plain(self.value)

    def shown(self, accuracy: Accuracy = Accuracy.EXACT) -> tuple[str, str]:
        """``(plain, latex)`` under an accuracy rule (exact: :attr:`plain`, :attr:`latex`)."""
        if accuracy == Accuracy.EXACT:
            return self.plain, self.latex
        return formatting.display(self.value, accuracy)

    def equation(self, lhs: str = "", accuracy: Accuracy = Accuracy.EXACT) -> str:
        """A line of working: ``$lhs = substituted = value$`` (``\\approx`` before a rounded
        value; the value left off when it is the substituted form)."""
        sides = [lhs] if lhs else []
        sides.append(self.substituted)
        plain, result = self.shown(accuracy)
        if result == self.substituted:
            return "$" + " = ".join(sides) + "$"
        exact = accuracy == Accuracy.EXACT or self.value == sympy.Rational(plain)
        return "$" + " = ".join(sides) + (" = " if exact else " \\approx ") + result + "$"


def substituted_latex(q: QuestionBuilder, source: str) -> str:
    """``source`` in LaTeX with each given's display in place of its name."""
    givens = {g.name: g.display for g in q.givens}
    symbols = {name: sympy.Symbol(name, real=True) for name in givens}
    local: dict[str, Any] = {**FUNCTIONS, **symbols}
    expr = parse_expr(source, local_dict=local, evaluate=False)
    powered = {
        str(node.base) for node in sympy.preorder_traversal(expr) if isinstance(node, sympy.Pow)
    }
    names: dict[sympy.Symbol, str] = {}
    for name, display in givens.items():
        plain_number = display.replace(".", "", 1).isdigit()
        if display.startswith("-") or (name in powered and not plain_number):
            display = f"\\left({display}\\right)"
        names[symbols[name]] = display
    return sympy.latex(expr, symbol_names=names, mul_symbol="times", order="none")
