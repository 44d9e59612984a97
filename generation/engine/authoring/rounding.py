"""Rounding as 0580 does it: half up, from the exact value, and never on a boundary.

:func:`round_half_up` rounds an exact value by an accuracy rule (the same rule answers are
displayed by). :func:`on_boundary` says whether the exact value sits on a rounding boundary
(509.535 to 2 d.p., 62.5 minutes to the nearest minute): such a value is ambiguous to a
candidate whose working rounds at a different point, so a template rejects the seed with
:func:`require_clear`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sympy

from generation.engine import formatting
from generation.engine.base import Reject
from questions.schemas import Accuracy

__all__ = ["exact_or_3sf", "on_boundary", "require_clear", "round_half_up"]

_SIG_FIGS = {Accuracy.SF2: 2, Accuracy.SF3: 3, Accuracy.SF4: 4}
_PLACES = {
    Accuracy.DP1: 1,
    Accuracy.DP2: 2,
    Accuracy.DP3: 3,
    Accuracy.ANGLE_1DP: 1,
    Accuracy.MONEY_2DP: 2,
    Accuracy.NEAREST_INTEGER: 0,
}


def round_half_up(value: Any, accuracy: Accuracy) -> Decimal:
    """``value`` rounded half up by ``accuracy`` from its exact value (1194.975 to the nearest
    cent is 1194.98)."""
    return formatting.rounded(_exact(value), accuracy)


def _exact(value: Any) -> Any:
    if isinstance(value, float):
        return sympy.Rational(str(value))
    if isinstance(value, str):
        return sympy.Rational(value)
    return sympy.sympify(value)


def _quantum(value: Any, accuracy: Accuracy) -> sympy.Rational | None:
    """The unit the rule rounds to at this value (0.01 for 2 d.p.; 10 for 3 s.f. of 1234)."""
    if accuracy in _PLACES:
        return sympy.Rational(1, 10 ** _PLACES[accuracy])
    if accuracy in _SIG_FIGS:
        if value == 0:
            return None
        exponent = formatting.to_decimal(abs(value)).adjusted() - _SIG_FIGS[accuracy] + 1
        return sympy.Rational(10) ** exponent
    return None


def on_boundary(value: Any, accuracy: Accuracy) -> bool:
    """Whether the exact value lies exactly halfway between two values the rule rounds to
    (so half up and half down disagree). Only a rational can; an irrational never does."""
    exact = _exact(value)
    if accuracy == Accuracy.EXACT or not exact.is_Rational:
        return False
    quantum = _quantum(exact, accuracy)
    if quantum is None:
        return False
    if accuracy in _SIG_FIGS and formatting.rounded(exact, accuracy) == formatting.to_decimal(
        exact
    ):
        return False  # an exact value that already fits the rule is shown exactly
    halves = exact / (quantum / 2)
    return bool(halves.is_Integer and int(halves) % 2 == 1)


def require_clear(value: Any, accuracy: Accuracy) -> None:
    """Reject the variant (:class:`~generation.engine.base.Reject`) if ``value`` sits on a
    rounding boundary under ``accuracy``."""
    if on_boundary(value, accuracy):
        raise Reject(f"{value} is on a rounding boundary ({accuracy})")


def exact_or_3sf(value: Any) -> Accuracy:
    """How 0580 asks for an answer: exactly when it is a short exact decimal (a terminating
    decimal of at most 4 significant figures, 18.75, or a whole number), otherwise to 3 significant figures
    (1054.265625 as 1050)."""
    exact = _exact(value)
    if isinstance(exact, sympy.Integer):
        return Accuracy.EXACT
    if isinstance(exact, sympy.Rational):
        q = int(exact.q)
        for f in (2, 5):
            while q % f == 0:
                q //= f
        digits = Decimal(exact.p) / Decimal(exact.q)
        if q == 1 and len(digits.normalize().as_tuple().digits) <= 4:
            return Accuracy.EXACT
    return Accuracy.SF3
