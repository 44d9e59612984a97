"""Text helpers the checks share: finding numbers and maths spans in text, describing values."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import sympy

from generation.engine import formatting
from generation.engine.caching import CACHE_SIZE
from generation.engine.expressions import ExpressionError, parse_latex

_SPAN = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TRUNCATED = re.compile(r"(\d+(?:\.\d+)?)\s*(?:\\ldots|\\dots|\.\.\.)")


def _flat(text: Any) -> str:
    """Text with maths delimiters, thin spaces, thousands separators and spaces removed, for
    finding a number or a short expression in it."""
    s = str(text or "")
    for old in ("\\$", "$", "{,}", "\\,", "\\;", "\\!", "\\ ", "\\left", "\\right"):
        s = s.replace(old, "")
    s = s.replace("\\%", "%").replace("−", "-")
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)
    return re.sub(r"\s+", "", s)


def _appears(needle: Any, flat_haystack: str) -> bool:
    target = _flat(needle)
    if not target:
        return False
    pattern = r"(?<!\d)(?<!\d\.)" + re.escape(target) + r"(?!\.?\d)"
    return re.search(pattern, flat_haystack) is not None


@lru_cache(maxsize=CACHE_SIZE)
def _latex_value(piece: str) -> Any:
    try:
        return parse_latex(piece)
    except (ExpressionError, IndexError, ValueError, TypeError):
        return None


# Maths with no commands, braces, scripts or special characters cannot fail to render.
_PLAIN_MATHS = re.compile(r"[\w\s.,+\-=()<>:;'|/!?*]*")


def _render_error(text: str) -> str:
    """Why a text field's maths does not render (empty if it does). Each ``$…$`` span is
    rendered as :func:`questions.rendering.render_maths_strict` does, and cached."""
    for span in _SPAN.findall(text):
        if not _PLAIN_MATHS.fullmatch(span):
            error = _span_error(span)
            if error:
                return error
    return ""


@lru_cache(maxsize=CACHE_SIZE)
def _span_error(span: str) -> str:
    from questions.rendering import MathsError, latex_to_mathml

    try:
        latex_to_mathml(span)
    except MathsError as exc:
        return str(exc)
    return ""


def _maths_pieces(text: str) -> list[str]:
    """Each maths span, and the pieces between its ``=``/``\\approx`` signs."""
    pieces: list[str] = []
    for span in _SPAN.findall(text):
        pieces.append(span)
        parts = re.split(r"(?<![<>!\\])=|\\approx", span)
        if len(parts) > 1:
            pieces.extend(p for p in parts if p.strip())
    return pieces


def _rounds_to(shown: str, value: Decimal) -> bool:
    """Whether the decimal ``shown`` is ``value`` correctly rounded (to at least 2 s.f.)."""
    digits = shown.lstrip("-")
    if "." in digits:
        places = len(digits.split(".")[1])
        tolerance = Decimal(1).scaleb(-places) / 2
        significant = len(digits.replace(".", "").lstrip("0"))
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        tolerance = Decimal(1).scaleb(zeros) / 2
        significant = len(digits.strip("0"))
    return significant >= 2 and abs(Decimal(shown) - value) <= tolerance * Decimal("1.000000001")


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(sympy.N(value, 30)))
    except (InvalidOperation, TypeError, ValueError):
        return None


def _describe(value: Any) -> str:
    """A value for a teacher: exact form, with a decimal when it is not a plain number."""
    try:
        return _describe_cached(value)
    except TypeError:  # unhashable
        return str(value)


@lru_cache(maxsize=CACHE_SIZE)
def _describe_cached(value: Any) -> str:
    try:
        if isinstance(value, sympy.Rational):
            return formatting.plain(value)
        if isinstance(value, sympy.Expr) and value.is_number:
            return f"{sympy.sstr(value)} ≈ {sympy.N(value, 8)}"
    except (TypeError, ValueError):
        pass
    return sympy.sstr(value) if isinstance(value, sympy.Basic) else str(value)


def _label(label: Any) -> str:
    return f"part ({label})" if label else "the question"


def _shown_number(text: str) -> str | None:
    """The one decimal number in an answer as displayed (a unit such as cm^2, and currency,
    ignored); None if the display is not a single number."""
    flat = _flat(text)
    match = _NUMBER.search(flat)
    if match is None:
        return None
    rest = re.sub(r"\^\{?[23]\}?|[²³]", "", flat[match.end() :])
    if re.search(r"\d", flat[: match.start()] + rest):
        return None
    return match.group(0)


def _decimal_places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _holds(relation: Any, symbol: Any, value: Any) -> bool | None:
    """Whether ``relation`` (Eq, <, And, Or, …) holds with ``symbol`` = ``value``."""
    if isinstance(relation, sympy.And | sympy.Or):
        results = [_holds(r, symbol, value) for r in relation.args]
        if None in results:
            return None
        return all(results) if isinstance(relation, sympy.And) else any(results)
    if isinstance(relation, sympy.logic.boolalg.BooleanAtom):
        return bool(relation)
    if not isinstance(relation, sympy.Rel):
        return None
    difference = sympy.N((relation.lhs - relation.rhs).subs(symbol, value), 30)
    if not difference.is_number or not difference.is_real:
        return None
    zero = abs(difference) <= sympy.Float("1e-20") * max(1, abs(sympy.N(value, 30)))
    if isinstance(relation, sympy.Equality):
        return bool(zero)
    if isinstance(relation, sympy.Unequality):
        return not zero
    if isinstance(relation, sympy.StrictGreaterThan):
        return bool(difference > 0) and not zero
    if isinstance(relation, sympy.StrictLessThan):
        return bool(difference < 0) and not zero
    if isinstance(relation, sympy.GreaterThan):
        return bool(difference > 0) or bool(zero)
    if isinstance(relation, sympy.LessThan):
        return bool(difference < 0) or bool(zero)
    return None


def _by_hand(value: Any) -> bool:
    """Rationals, surds and multiples of pi: what a candidate can write without a calculator."""
    for node in sympy.preorder_traversal(value):
        if isinstance(node, sympy.Pow):
            if not isinstance(node.exp, sympy.Rational):
                return False
        elif not isinstance(node, sympy.Rational | sympy.Add | sympy.Mul) and node != sympy.pi:
            return False
    return True
