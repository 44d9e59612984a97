"""Values read from a graph, and the range a mark scheme accepts for them.

A value read from a graph is given to the graph's resolution (a small square, or half of
one), and the mark scheme accepts a range (Cambridge writes ``[172, 178]``): every reading from
a reasonable line or curve, widened by the tolerance a reader's eye needs, rounded outwards to
the resolution. Everything is exact (SymPy rationals), rounded half up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Rational

from generation.engine.base import Reject
from generation.engine.formatting import number

__all__ = ["Reading", "nearest", "reading"]


def nearest(value: Any, resolution: Any) -> Rational:
    """``value`` to the nearest multiple of ``resolution``, half up; a value exactly halfway
    rejects the variant (two readers would disagree)."""
    steps = Rational(value) / Rational(resolution)
    if (2 * steps).is_integer and not steps.is_integer:
        raise Reject(f"{value} is halfway between two readings")
    return Rational(sympy.floor(steps + Rational(1, 2))) * Rational(resolution)


@dataclass(frozen=True)
class Reading:
    """A value read from a graph: ``value`` to the graph's resolution and the accepted range."""

    value: Rational
    low: Rational
    high: Rational

    @property
    def accepted(self) -> str:
        """The range as a mark scheme writes it (LaTeX): ``[172, 178]``."""
        return f"[{number(self.low)}, {number(self.high)}]"

    def relation(self, variable: str) -> str:
        """The range as a relation in machine form, for the answer's ``satisfies``."""
        return f"And({self.low} <= {variable}, {variable} <= {self.high})"

    def contains(self, value: Any) -> bool:
        return bool(self.low <= Rational(value) <= self.high)


def reading(
    value: Any, band: Iterable[Any], *, resolution: Any, tolerance: Any | None = None
) -> Reading:
    """The reading ``value`` (to ``resolution``) and the range accepted: from the lowest to
    the highest of ``band`` (readings from other reasonable lines, with ``value``), widened by
    ``tolerance`` (default one ``resolution``) and rounded outwards to ``resolution``."""
    step = Rational(resolution)
    slack = step if tolerance is None else Rational(tolerance)
    values = [Rational(value), *(Rational(v) for v in band)]
    low = sympy.floor((min(values) - slack) / step) * step
    high = sympy.ceiling((max(values) + slack) / step) * step
    return Reading(nearest(value, step), Rational(low), Rational(high))
