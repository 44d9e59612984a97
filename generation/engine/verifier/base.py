"""What every check group shares: the question as data, its values, the report's checks, and
the values a part's answers and solution reach."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy
from pydantic import BaseModel

from generation.engine import formatting
from generation.engine.expressions import ExpressionError
from generation.engine.marking import (
    Values,
    as_data,
    items,
)
from generation.engine.verifier.text import (
    _NUMBER,
    _TRUNCATED,
    _appears,
    _decimal,
    _flat,
    _latex_value,
    _maths_pieces,
    _rounds_to,
)
from questions.schemas import (
    Accuracy,
    AnswerKind,
    Check,
    Question,
)


class Checks:
    """The state and shared readings every check group works on."""

    def __init__(self, question: Question | BaseModel | Mapping[str, Any]) -> None:
        self.original = question
        self.data = as_data(question)
        self.values = Values(self.data)
        self.checks: list[Check] = []
        self.parts = items(self.data, "parts")
        self.lines = items(self.data, "mark_scheme")
        self.text = "\n".join(
            [str(self.data.get("stem") or "")] + [str(p.get("text") or "") for p in self.parts]
        )
        self.flat_text = _flat(self.text)

    def check(
        self, name: str, passed: bool, detail: str = "", part: Any = None, *, enforced: bool = True
    ) -> None:
        """Record a check. A check not yet ``enforced`` passes, and a failure it would have been
        says so ("report only: …"), so a stress run lists what enforcing it would refuse."""
        if not passed and not enforced:
            passed, detail = True, "report only: " + detail
        self.checks.append(
            Check(name=name, part=None if part is None else str(part), passed=passed, detail=detail)
        )

    def _answer_values(self, part: Mapping[str, Any]) -> list[Any]:
        found = []
        for answer in items(part, "answers"):
            if answer.get("kind") == AnswerKind.TEXT:
                continue
            try:
                found.append(self.values.machine(answer.get("value")))
            except ExpressionError:
                continue
            if answer.get("kind", AnswerKind.NUMBER) == AnswerKind.NUMBER:
                shown = self._shown(answer)
                if shown is not None:
                    found.append(shown)
        return found

    def _shown(self, answer: Mapping[str, Any]) -> Any:
        """The value an answer displays (its ``plain``), or None if it cannot be read."""
        try:
            return self.values.plain(answer.get("plain"))
        except ExpressionError:
            return None

    def _step_values(self, part: Mapping[str, Any]) -> list[Any]:
        found = []
        for step in items(part, "solution"):
            if step.get("value") is None:
                continue
            try:
                found.append(self.values.machine(step.get("value")))
            except ExpressionError:
                continue
        return found

    def _accuracies(self, part: Mapping[str, Any]) -> list[Accuracy]:
        return [
            Accuracy(a["accuracy"])
            for a in items(part, "answers")
            if a.get("accuracy") in Accuracy._value2member_map_ and a["accuracy"] != Accuracy.EXACT
        ]

    def shows_value(self, text: str, value: Any, accuracies: list[Accuracy]) -> bool:
        """Whether ``text`` states ``value``: as an expression between ``=`` signs, written
        exactly, or correctly rounded."""
        for piece in _maths_pieces(text):
            found = _latex_value(piece)
            if found is not None and self.values.same(found, value):
                return True
            if _TRUNCATED.search(piece) and self._truncation_of(piece, value):
                return True
        flat = _flat(text)
        candidates = [formatting.plain(value), formatting.latex(value)]
        for accuracy in accuracies:
            candidates.append(formatting.display(value, accuracy)[0])
        if any(_appears(c, flat) for c in candidates):
            return True
        exact = _decimal(value)
        if exact is None:
            return False
        return any(_rounds_to(n, exact) for n in _NUMBER.findall(flat))

    def _truncation_of(self, piece: str, value: Any) -> bool:
        """Whether a piece with truncated decimals (``2 \\times \\pi \\times 25.61\\ldots``)
        is ``value`` to the precision those decimals carry."""
        digits = [len(m.group(1).replace(".", "").lstrip("0")) for m in _TRUNCATED.finditer(piece)]
        found = _latex_value(_TRUNCATED.sub(lambda m: m.group(1), piece))
        target = self.values.numeric(value)
        approximate = self.values.numeric(found) if found is not None else None
        if approximate is None or target is None or not digits or min(digits) < 2:
            return False
        tolerance = sympy.Float(10) ** (1 - min(digits))
        return bool(abs(approximate - target) <= tolerance * max(abs(target), 1e-30))
