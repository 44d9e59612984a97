"""Marking one part of a question as a 0580 examiner applies its mark scheme.

The algorithm (the verifier's self-test; a template's declared wrong-answer marks must match):

1. If the final answer is correct — every Answer of the part is matched by one of the
   candidate's final answers, with none left over (numbers: the candidate's number equals the
   answer's displayed value or its exact value; other kinds: mathematically equivalent; text:
   the same words) — the candidate gets the part's full marks.
2. Otherwise walk the part's non-SC mark lines in order. An M or B line is earned if its
   ``value`` is seen: equivalent to one of the working values, or to a final answer. An A line
   is earned if the line it ``depends_on`` was earned and its value is seen. Lines without a
   value are not earned. A line with the ``dep`` qualifier also needs the previous M line of
   the part earned.
   A part with an "Alternative method" (lines with ``alternative`` n > 0) is walked once per
   method; the candidate earns the better total.
3. If that gives 0, the best SC line whose value is seen.

Working values are machine form over the question's givens and are compared exactly. A final
answer is written the way a candidate writes it (``"2290"``, ``"x = 5"``, ``"3:4"``); a final
number also "shows" a line's value when it is that value rounded by the accuracy rule of one of
the part's answers (a candidate who writes 2290 has found pi*27**2).

The module also holds :class:`Values`, the parsed and cached machine-form values of one
question, which the verifier shares.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

import sympy
from pydantic import BaseModel

from generation.engine import formatting
from generation.engine.expressions import ExpressionError, equivalent, parse, parse_plain
from questions.schemas import Accuracy, AnswerKind, MarkType, Qualifier, Question

__all__ = [
    "Values",
    "as_data",
    "answer_matches",
    "is_correct",
    "mark",
    "mark_part",
    "split_final_answers",
]

_TOLERANCE = sympy.Float("1e-20", 30)


def as_data(question: Question | BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    """A question as plain JSON-like data, whether it is a validated model, a
    ``model_construct``-ed one (nested values may be dicts or wrong types) or a dict."""
    converted = _plain_data(question)
    return converted if isinstance(converted, dict) else {}


def _plain_data(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {
            name: _plain_data(getattr(value, name))
            for name in type(value).model_fields
            if hasattr(value, name)
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _plain_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_data(v) for v in value]
    return value


def items(container: Any, key: str) -> list[Any]:
    """``container[key]`` as a list of dicts, tolerating missing or malformed data."""
    value = container.get(key) if isinstance(container, dict) else None
    if not isinstance(value, list):
        return []
    return [v if isinstance(v, dict) else {} for v in value]


class Values:
    """The machine-form values of one question, parsed once, and comparisons between them."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.names: dict[str, Any] = {}
        self.given_errors: dict[str, str] = {}
        for given in items(data, "givens"):
            name = given.get("name")
            if not isinstance(name, str):
                continue
            try:
                value = parse(str(given.get("value")), allow_symbols=False)
            except ExpressionError as exc:
                self.given_errors[name] = str(exc)
                continue
            if not _is_real_number(value):
                self.given_errors[name] = f"{given.get('value')!r} is not a real number"
                continue
            self.names[name] = value
        self._machine: dict[str, Any] = {}
        self._plain: dict[str, Any] = {}
        self._numeric: dict[Any, Any] = {}

    def machine(self, text: Any) -> Any:
        """Parse machine form with the givens substituted; raises :class:`ExpressionError`."""
        if not isinstance(text, str):
            raise ExpressionError(f"{text!r} is not machine form")
        if text not in self._machine:
            try:
                self._machine[text] = parse(text, self.names)
            except ExpressionError as exc:
                self._machine[text] = exc
        result = self._machine[text]
        if isinstance(result, ExpressionError):
            raise result
        return result

    def plain(self, text: Any) -> Any:
        """Parse an answer as a candidate writes it; raises :class:`ExpressionError`."""
        if not isinstance(text, str):
            raise ExpressionError(f"{text!r} is not an answer")
        if text not in self._plain:
            try:
                self._plain[text] = parse_plain(text)
            except ExpressionError as exc:
                self._plain[text] = exc
        result = self._plain[text]
        if isinstance(result, ExpressionError):
            raise result
        return result

    def numeric(self, value: Any) -> Any:
        """A 30-digit Float for a real number (cached), else None."""
        if not _is_number(value):
            return None
        if value not in self._numeric:
            try:
                evaluated = sympy.N(value, 30)
                self._numeric[value] = evaluated if evaluated.is_real else None
            except (TypeError, ValueError):
                self._numeric[value] = None
        return self._numeric[value]

    def same(self, a: Any, b: Any) -> bool:
        """Whether two parsed values are mathematically equal (numbers at 30 digits)."""
        x, y = self.numeric(a), self.numeric(b)
        if x is not None and y is not None:
            return bool(abs(x - y) <= _TOLERANCE * max(1, abs(x)))
        if _is_number(a) != _is_number(b):
            return False
        try:
            return equivalent(a, b)
        except Exception:  # SymPy raises many types on odd input; unequal is the safe answer
            return False

    def shows(self, candidate: Any, value: Any, accuracies: list[Accuracy]) -> bool:
        """Whether a candidate's final answer shows ``value``: equal to it, or equal to it
        rounded by one of ``accuracies``."""
        if self.same(candidate, value):
            return True
        x = self.numeric(candidate)
        if x is None or self.numeric(value) is None:
            return False
        for accuracy in accuracies:
            try:
                shown = formatting.rounded(value, accuracy)
            except formatting.FormattingError:
                continue
            if self.same(candidate, sympy.Rational(str(shown))):
                return True
        return False


def _is_number(value: Any) -> bool:
    return isinstance(value, sympy.Expr) and bool(value.is_number)


def _is_real_number(value: Any) -> bool:
    if not _is_number(value):
        return False
    try:
        return bool(sympy.N(value, 15).is_real)
    except (TypeError, ValueError):
        return False


def _unwrap(value: Any) -> Any:
    """``x = 5`` as a final answer means 5."""
    if isinstance(value, sympy.Equality):
        if isinstance(value.lhs, sympy.Symbol) and _is_number(value.rhs):
            return value.rhs
        if isinstance(value.rhs, sympy.Symbol) and _is_number(value.lhs):
            return value.lhs
    return value


def _words(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def answer_matches(values: Values, answer: Mapping[str, Any], candidate: str) -> bool:
    """Whether one final answer (as the candidate writes it) matches one Answer."""
    kind = answer.get("kind", AnswerKind.NUMBER)
    if kind == AnswerKind.TEXT:
        return _words(candidate) == _words(answer.get("plain", ""))
    try:
        given = values.plain(candidate)
        exact = values.machine(answer.get("value"))
    except ExpressionError:
        return False
    if kind == AnswerKind.NUMBER:
        given = _unwrap(given)
        if values.same(given, exact):
            return True
        try:
            return values.same(given, values.plain(answer.get("plain")))
        except ExpressionError:
            return False
    return values.same(given, exact)


def is_correct(values: Values, answers: list[dict[str, Any]], finals: list[str]) -> bool:
    """Step 1: every answer matched by a distinct final answer, and none left over."""
    if not answers or len(finals) != len(answers):
        return False
    remaining = list(range(len(finals)))
    for answer in answers:
        found = next((i for i in remaining if answer_matches(values, answer, finals[i])), None)
        if found is None:
            return False
        remaining.remove(found)
    return True


def split_final_answers(plain: str, answers: int) -> list[str]:
    """A wrong answer's ``plain`` as the list of final answers it gives.

    Parts with several answers list them separated by ``;``, ``,``, " or " or " and " (outside
    brackets): ``"x = 3 or x = -2"``. A single-answer part's answer is never split.
    """
    if answers <= 1:
        return [plain]
    pieces: list[str] = []
    depth = 0
    current = ""
    i = 0
    while i < len(plain):
        ch = plain[i]
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0:
            separator = re.match(r";|,(?!\d{3}\b)|\s+or\s+|\s+and\s+", plain[i:])
            if separator:
                pieces.append(current)
                current = ""
                i += separator.end()
                continue
        current += ch
        i += 1
    pieces.append(current)
    return [p.strip() for p in pieces if p.strip()]


def mark(
    data: Mapping[str, Any],
    values: Values,
    part_label: str,
    final_answers: list[str],
    working: list[str],
) -> int:
    """The marks one part earns (see the module docstring for the algorithm)."""
    part = next((p for p in items(data, "parts") if p.get("label", "") == part_label), None)
    if part is None:
        raise KeyError(f"no part {part_label!r}")
    answers = items(part, "answers")
    full = part.get("marks") if isinstance(part.get("marks"), int) else 0
    if is_correct(values, answers, final_answers):
        return full

    finals = []
    for text in final_answers:
        try:
            parsed = values.plain(text)
        except ExpressionError:
            continue
        finals.append(parsed)
        if _unwrap(parsed) is not parsed:
            finals.append(_unwrap(parsed))
    seen_working = []
    for text in working:
        try:
            seen_working.append(values.machine(text))
        except ExpressionError:
            continue
    accuracies = [
        Accuracy(a["accuracy"])
        for a in answers
        if a.get("accuracy") in Accuracy._value2member_map_ and a["accuracy"] != Accuracy.EXACT
    ]

    def seen(line: Mapping[str, Any]) -> bool:
        try:
            value = values.machine(line.get("value"))
        except ExpressionError:
            return False
        return any(values.same(value, w) for w in seen_working) or any(
            values.shows(f, value, accuracies) for f in finals
        )

    lines = [(i, line) for i, line in enumerate(items(data, "mark_scheme"))]
    lines = [(i, line) for i, line in lines if line.get("part", "") == part_label]
    # Each method (the main one, then any "Alternative method") is marked on its own; the
    # candidate earns the better.
    methods = sorted({_alternative(line) for _, line in lines}) or [0]
    total = max(
        _walk([(i, line) for i, line in lines if _alternative(line) == method], seen)
        for method in methods
    )
    if total == 0:
        special = [
            _count(line)
            for _, line in lines
            if line.get("mark_type") == MarkType.SC and line.get("value") is not None and seen(line)
        ]
        total = max(special, default=0)
    return min(total, full)


def _walk(lines: list[tuple[int, Mapping[str, Any]]], seen: Any) -> int:
    """The marks one method's lines give (step 2 of the algorithm)."""
    earned: dict[int, bool] = {}
    total = 0
    last_method: int | None = None
    for i, line in lines:
        kind = line.get("mark_type")
        if kind == MarkType.SC:
            continue
        ok = line.get("value") is not None and seen(line)
        if kind == MarkType.A:
            ok = ok and earned.get(line.get("depends_on"), False)  # type: ignore[arg-type]
        if Qualifier.DEP in (line.get("qualifiers") or []):
            ok = ok and last_method is not None and earned.get(last_method, False)
        earned[i] = ok
        if ok:
            total += _count(line)
        if kind == MarkType.M:
            last_method = i
    return total


def _alternative(line: Mapping[str, Any]) -> int:
    method = line.get("alternative", 0)
    return method if isinstance(method, int) else 0


def _count(line: Mapping[str, Any]) -> int:
    count = line.get("count", 1)
    return count if isinstance(count, int) else 0


def mark_part(
    question: Question | Mapping[str, Any],
    part_label: str,
    final_answers: list[str],
    working: list[str],
) -> int:
    """The marks a candidate earns on one part for these final answers (plain strings, as the
    candidate writes them) and working values (machine form over the givens)."""
    data = as_data(question)
    return mark(data, Values(data), part_label, final_answers, working)
