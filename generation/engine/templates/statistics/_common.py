"""Statistics helpers shared by the statistics templates: exact averages and answer lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sympy import Rational

from generation.engine.builder import PartBuilder
from generation.engine.expressions import ExpressionError, parse_plain
from generation.engine.formatting import display, number
from questions.schemas import Accuracy


def median(values: Sequence[Any]) -> Rational:
    """The median of a list (the mean of the two middle values for an even count)."""
    ordered = sorted(values)
    n = len(ordered)
    if n % 2:
        return Rational(ordered[n // 2])
    return Rational(ordered[n // 2 - 1] + ordered[n // 2], 2)


def mean(values: Sequence[Any]) -> Rational:
    return Rational(sum(values), len(values))


def shown(value: Any, accuracy: Accuracy = Accuracy.SF3) -> str:
    """A value as the answer line shows it (exact if it fits the rule, else rounded)."""
    return display(value, accuracy)[0]


def number_answer(
    part: PartBuilder, value: Any, accuracy: Accuracy = Accuracy.SF3, **kw: Any
) -> str:
    """Add a numeric answer; returns its displayed form."""
    answer = part.answer(value, accuracy=accuracy, **kw)
    return answer.plain


def listing(values: Sequence[Any]) -> str:
    """Numbers for question text, separated by wide spaces inside one maths span."""
    return "$" + " \\quad ".join(number(v) for v in values) + "$"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def wrong_number(part: PartBuilder, value: Any, error: str, marks: int, **kw: Any) -> None:
    """Record a wrong numeric answer (shown to 3 s.f.) unless, once rounded, it reads the same
    as one of the part's answers (then it would be marked right)."""
    plain = shown(value)
    for answer in part.answers:
        try:
            if parse_plain(plain) == parse_plain(answer.plain):
                return
        except ExpressionError:
            continue
    part.wrong(plain, error, marks, **kw)
