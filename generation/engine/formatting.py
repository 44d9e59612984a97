"""How numbers are shown: the 0580 accuracy rules, and LaTeX / plain renderings of values.

An inexact answer is rounded half-up from a 50-digit evaluation (never from an already rounded
value); an exact answer whose decimal form already fits the rule is shown exactly (12.5 to
3 s.f. is "12.5", 12 is "12"). Money always shows two decimal places.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sympy

from questions.schemas import Accuracy

_SIG_FIGS = {Accuracy.SF2: 2, Accuracy.SF3: 3, Accuracy.SF4: 4}
_DECIMAL_PLACES = {
    Accuracy.DP1: 1,
    Accuracy.DP2: 2,
    Accuracy.DP3: 3,
    Accuracy.ANGLE_1DP: 1,
    Accuracy.MONEY_2DP: 2,
    Accuracy.NEAREST_INTEGER: 0,
}

ACCURACY_WORDS = {
    Accuracy.EXACT: "exact",
    Accuracy.SF2: "correct to 2 significant figures",
    Accuracy.SF3: "correct to 3 significant figures",
    Accuracy.SF4: "correct to 4 significant figures",
    Accuracy.DP1: "correct to 1 decimal place",
    Accuracy.DP2: "correct to 2 decimal places",
    Accuracy.DP3: "correct to 3 decimal places",
    Accuracy.ANGLE_1DP: "correct to 1 decimal place",
    Accuracy.MONEY_2DP: "correct to the nearest cent",
    Accuracy.NEAREST_INTEGER: "correct to the nearest whole number",
}


class FormattingError(ValueError):
    pass


def to_decimal(value: Any) -> Decimal:
    """The value as a 50-digit Decimal; raises FormattingError if it is not a real number."""
    expr = sympy.sympify(value)
    if not expr.is_number or expr.is_real is False:
        raise FormattingError(f"{value!r} is not a real number")
    return Decimal(str(sympy.N(expr, 50)))


def _exact_decimal(value: Any) -> Decimal | None:
    """The exact terminating decimal of a rational value, else None."""
    expr = (
        sympy.nsimplify(sympy.sympify(value)) if isinstance(value, float) else sympy.sympify(value)
    )
    if not expr.is_Rational:
        return None
    q = int(expr.q)
    while q % 2 == 0:
        q //= 2
    while q % 5 == 0:
        q //= 5
    if q != 1:
        return None
    return (Decimal(int(expr.p)) / Decimal(int(expr.q))).normalize()


def round_sig(value: Decimal, figures: int) -> Decimal:
    if value == 0:
        return Decimal(0)
    exponent = value.adjusted() - figures + 1
    result = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    if result.adjusted() > value.adjusted():
        # Rounding carried into a new leading digit (9.996 -> 10.00): keep the figure count.
        result = result.quantize(Decimal(1).scaleb(exponent + 1), rounding=ROUND_HALF_UP)
    return result


def round_dp(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _plain_decimal(d: Decimal) -> str:
    text = format(d, "f")
    return "0" if text in ("-0", "-0.0") else text


def _significant_figures(d: Decimal) -> int:
    digits = d.normalize().as_tuple().digits
    return len(digits) if d != 0 else 1


def rounded(value: Any, accuracy: Accuracy) -> Decimal:
    """The value rounded by ``accuracy`` (exact-if-exact for sig-fig and decimal-place rules)."""
    if accuracy == Accuracy.EXACT:
        raise FormattingError("exact answers are not rounded")
    exact = _exact_decimal(value)
    if accuracy in _SIG_FIGS:
        figures = _SIG_FIGS[accuracy]
        if exact is not None and _significant_figures(exact) <= figures:
            return exact
        return round_sig(to_decimal(value), figures)
    places = _DECIMAL_PLACES[accuracy]
    if accuracy == Accuracy.MONEY_2DP:
        return round_dp(to_decimal(value), 2)
    if exact is not None and max(0, -exact.as_tuple().exponent) <= places:  # type: ignore[operator]
        return exact
    return round_dp(to_decimal(value), places)


def plain(value: Any) -> str:
    """An exact value as a candidate would write it: 12, -7/3, 3*sqrt(2), 4*pi, (2, -3)."""
    if isinstance(value, tuple | list | sympy.Tuple):
        return "(" + ", ".join(plain(v) for v in value) + ")"
    expr = sympy.sympify(value)
    if expr.is_Rational:
        exact = _exact_decimal(expr)
        if exact is not None and not expr.is_Integer and len(_plain_decimal(exact)) <= 8:
            return _plain_decimal(exact)
        return str(expr)
    return sympy.sstr(expr)


def latex(value: Any) -> str:
    """LaTeX for an exact value (fractions as \\frac, surds as \\sqrt, decimals kept decimal)."""
    if isinstance(value, tuple | list | sympy.Tuple):
        return "\\left(" + ", ".join(latex(v) for v in value) + "\\right)"
    expr = sympy.sympify(value)
    if expr.is_Integer:
        return grouped(str(int(expr)))
    if expr.is_Rational:
        exact = _exact_decimal(expr)
        if exact is not None and len(_plain_decimal(exact)) <= 8:
            return grouped(_plain_decimal(exact))
    return sympy.latex(expr)


def grouped(text: str) -> str:
    """A decimal numeral's LaTeX with the thousands of a whole part of five or more digits
    set apart by thin spaces, as 0580 papers print numbers (93\\,750, 11\\,017.50; 2024
    stays whole): the same in an answer as in the question's text (``number``)."""
    sign = "-" if text.startswith("-") else ""
    whole, dot, rest = text.removeprefix("-").partition(".")
    if len(whole) > 4 and whole.isdigit():
        whole = f"{int(whole):,}".replace(",", "\\,")
    return f"{sign}{whole}{dot}{rest}"


def display(value: Any, accuracy: Accuracy) -> tuple[str, str]:
    """``(plain, latex)`` for a numeric answer under an accuracy rule."""
    if accuracy == Accuracy.EXACT:
        return plain(value), latex(value)
    d = rounded(value, accuracy)
    if accuracy == Accuracy.MONEY_2DP:
        d = round_dp(d, 2)
    text = _plain_decimal(d)
    return text, grouped(text)


def number(value: Any, places: int | None = None) -> str:
    """A given number for question text: integers plainly, decimals without float noise.

    ``places`` forces that many decimal places (money: ``number(12.5, 2) == "12.50"``).
    """
    expr = sympy.sympify(value)
    if places is not None:
        return _plain_decimal(round_dp(to_decimal(expr), places))
    if expr.is_Integer:
        return grouped(str(int(expr)))
    exact = _exact_decimal(expr)
    if exact is not None:
        return grouped(_plain_decimal(exact))
    return latex(expr)


def money(value: Any, symbol: str = "\\$") -> str:
    """Money in question text: ``\\$12.50`` (LaTeX-safe dollar sign)."""
    return f"{symbol}{number(value, 2)}"
