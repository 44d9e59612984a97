"""Small helpers shared by the Number templates (fractions and standard form in LaTeX,
money in text, clock times, wrong answers shown by the accuracy rule)."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Sequence
from typing import Any

import sympy
from sympy import Rational

from generation.engine import formatting
from generation.engine.builder import PartBuilder
from generation.engine.expressions import ExpressionError, equivalent, parse_plain
from questions.schemas import Accuracy, AnswerKind

NAMES = (
    "Amir",
    "Bella",
    "Carlos",
    "Dina",
    "Elif",
    "Femi",
    "Grace",
    "Hiro",
    "Isla",
    "Jonas",
    "Kofi",
    "Lena",
    "Maya",
    "Nikhil",
    "Omar",
    "Priya",
    "Rosa",
    "Sami",
    "Tariq",
    "Yuki",
)


def frac(value: Any) -> str:
    """LaTeX for a rational: ``\\frac{3}{8}``, ``-\\frac{1}{4}``, or an integer."""
    r = Rational(value)
    if r.q == 1:
        return str(r.p)
    sign = "-" if r < 0 else ""
    return f"{sign}\\frac{{{abs(r.p)}}}{{{r.q}}}"


def frac_plain(value: Any) -> str:
    """A rational as a candidate writes a fraction: ``3/8`` (never a decimal)."""
    r = Rational(value)
    return str(r.p) if r.q == 1 else f"{r.p}/{r.q}"


def mixed(value: Any) -> str:
    """LaTeX for a positive rational as a mixed number: ``2\\frac{5}{8}``."""
    r = Rational(value)
    whole, rest = divmod(r.p, r.q)
    if rest == 0:
        return str(whole)
    if whole == 0:
        return frac(r)
    return f"{whole}\\frac{{{rest}}}{{{r.q}}}"


def mixed_plain(value: Any) -> str:
    """A positive rational as a candidate writes a mixed number: ``2 5/8``."""
    r = Rational(value)
    whole, rest = divmod(r.p, r.q)
    if rest == 0:
        return str(whole)
    if whole == 0:
        return frac_plain(r)
    return f"{whole} {rest}/{r.q}"


def money(value: Any) -> str:
    """Money in prose, as on 0580 papers: ``\\$12.50``, ``\\$120`` for whole dollars, and
    ``\\$251 000`` with the thousands grouped."""
    text = amount(value)
    whole, dot, cents = text.partition(".")
    if len(whole) > 4:  # 251 000, grouped with non-breaking spaces as on the papers
        whole = f"{int(whole):,}".replace(",", "\u00a0")
    return f"\\${whole}{dot}{cents}"


def amount(value: Any) -> str:
    """A sum of money without the symbol, as printed: ``68`` or ``12.50``."""
    if sympy.sympify(value).is_Integer:
        return str(int(value))
    return formatting.number(value, 2)


def cash(value: Any) -> str:
    """Money to 2 d.p. without the symbol, e.g. ``12.50``."""
    return formatting.number(value, 2)


def dec(value: Any) -> str:
    """An exact terminating decimal as text (``0.35``), an integer plainly."""
    return formatting.number(value)


def shown(value: Any, accuracy: Accuracy = Accuracy.EXACT) -> tuple[str, str]:
    """``(plain, latex)`` of a value under an accuracy rule."""
    return formatting.display(sympy.sympify(value), accuracy)


def is_right(part: PartBuilder, plain: str) -> bool:
    """Whether a would-be wrong answer is numerically one of the part's answers (as shown or
    exactly); such an "error" does not lead to a wrong answer, so it is not listed."""
    try:
        candidate = parse_plain(plain)
    except ExpressionError:
        return False
    for answer in part.answers:
        if answer.kind != AnswerKind.NUMBER or answer.value is None:
            continue
        targets = [part.q.value_of(answer.value)]
        with contextlib.suppress(ExpressionError):
            targets.append(parse_plain(answer.plain))
        if any(equivalent(candidate, t) for t in targets):
            return True
    return False


def shows_a_mark_line(part: PartBuilder, plain: str) -> bool:
    """Whether a would-be wrong answer is itself the value a mark line of the part credits
    (exactly, or rounded as the answers are). A zero-mark error that lands there by chance is
    not listed: it would earn that line's marks."""
    try:
        candidate = parse_plain(plain)
    except ExpressionError:
        return False
    accuracies = [a.accuracy for a in part.answers if a.accuracy != Accuracy.EXACT]
    for line in part.q.lines:
        if line.part != part.label or line.value is None:
            continue
        value = part.q.value_of(line.value)
        if not getattr(value, "is_number", False):
            continue
        if equivalent(candidate, value):
            return True
        for accuracy in accuracies:
            with contextlib.suppress(formatting.FormattingError):
                if equivalent(candidate, sympy.Rational(str(formatting.rounded(value, accuracy)))):
                    return True
    return False


def wrong(
    part: PartBuilder,
    value: Any,
    error: str,
    marks: int,
    *,
    accuracy: Accuracy = Accuracy.EXACT,
    working: Sequence[Any] = (),
) -> None:
    """A common wrong answer given as a value, shown the way the candidate would write it."""
    plain, latex = shown(value, accuracy)
    if not is_right(part, plain) and not (marks == 0 and shows_a_mark_line(part, plain)):
        part.wrong(plain, error, marks, latex=latex, working=list(working))


def wrong_fraction(
    part: PartBuilder, value: Any, error: str, marks: int, *, working: Sequence[Any] = ()
) -> None:
    """A wrong answer written as a fraction."""
    plain = frac_plain(value)
    if not is_right(part, plain) and not (marks == 0 and shows_a_mark_line(part, plain)):
        part.wrong(plain, error, marks, latex=frac(value), working=list(working))


def standard_form(value: Any, figures: int | None = None) -> tuple[str, str]:
    """``(plain, latex)`` of a value in standard form, optionally rounded to ``figures`` s.f."""
    d = formatting.to_decimal(value)
    if figures is not None:
        d = formatting.round_sig(d, figures)
    exponent = d.adjusted()
    mantissa = (d.scaleb(-exponent)).normalize()
    m = format(mantissa, "f")
    return f"{m} × 10^{exponent}", f"{m} \\times 10^{{{exponent}}}"


def clock(minutes: int) -> str:
    """A time of day on the 24-hour clock as printed on 0580 papers: ``09 47``."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d} {minutes % 60:02d}"


def hours_minutes(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    if h == 0:
        return f"{m} minutes"
    if m == 0:
        return f"{h} hours" if h != 1 else "1 hour"
    return f"{h} h {m} min"


def names(rng: random.Random, k: int) -> list[str]:
    """``k`` different first names for the people in a question."""
    return rng.sample(NAMES, k)


def periods_to_pass(start: Rational, factor: Rational, target: Rational) -> int:
    """The first whole number of periods after which ``start * factor**n`` passes ``target``
    (goes above it when growing, below it when decaying)."""
    value, n = start, 0
    growing = factor > 1
    while (value <= target) if growing else (value >= target):
        value *= factor
        n += 1
    return n


def approx(value: Any, *, dots: bool = False) -> str:
    """A value for a line of working: exactly if it is a short decimal, else to 4 significant
    figures (followed by dots when ``dots``, as a calculator display is copied)."""
    shown = formatting.display(sympy.sympify(value), Accuracy.SF4)[0]
    if sympy.sympify(value) == sympy.Rational(shown):
        return shown
    exact = formatting.number(value)
    if sympy.sympify(value).is_Rational and len(exact) <= 8 and "frac" not in exact:
        return exact
    return f"{shown}\\ldots" if dots else shown
