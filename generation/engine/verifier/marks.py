"""Mark-scheme checks: ``marks.line_total``, ``marks.depends_on``, ``marks.dep``, ``marks.value``,
``marks.cao`` and ``marks.answer_line``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generation.engine.expressions import ExpressionError
from generation.engine.marking import (
    items,
)
from generation.engine.qualifiers import judge_cao
from generation.engine.verifier.base import Checks
from generation.engine.verifier.text import (
    _appears,
    _describe,
    _flat,
    _label,
    _latex_value,
    _maths_pieces,
)
from questions.schemas import (
    Accuracy,
    AnswerKind,
    MarkType,
    Qualifier,
)

# Report-only until the templates that still write ``cao`` on such values are moved to ranges:
# 8 templates on 2026-12-08, each a rounded answer whose accuracy the question does not ask for,
# most of them money to the cent (whether Cambridge's money convention makes that ``cao`` is an
# examiner's decision). An exact value's ``cao`` with no form asked is ``oe`` by the builder.
CAO_ENFORCED = False


class MarkChecks(Checks):
    def mark_lines(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        lines = [(i, line) for i, line in enumerate(self.lines) if line.get("part", "") == label]
        methods = sorted({line.get("alternative", 0) for _, line in lines}) or [0]
        for method in methods:
            counted = sum(
                line.get("count", 1)
                for _, line in lines
                if line.get("mark_type") != MarkType.SC and line.get("alternative", 0) == method
            )
            ok = counted == part.get("marks")
            which = f" of alternative method {method}" if method else ""
            self.check(
                "marks.line_total",
                ok,
                f"the mark lines{which} give {counted} marks"
                + ("" if ok else f" but {_label(label)} is worth {part.get('marks')}"),
                label,
            )
        known = self._step_values(part) + self._answer_values(part)
        for i, line in lines:
            code = f"{line.get('mark_type')}{line.get('count', 1)}"
            what = f"{code} (line {i}: {line.get('awarded_for')!r})"
            kind = line.get("mark_type")
            if kind == MarkType.A:
                self._a_depends(label, i, line, what)
            if Qualifier.DEP in (line.get("qualifiers") or []):
                earlier = [
                    j for j, other in lines if j < i and other.get("mark_type") == MarkType.M
                ]
                self.check(
                    "marks.dep",
                    bool(earlier),
                    f"{what} is dep"
                    + (" and follows an M mark" if earlier else " but no M mark comes before it"),
                    label,
                )
            if kind != MarkType.SC and line.get("value") is not None:
                value = self._line_value(label, line, what, known)
                if value is not None and Qualifier.CAO in (line.get("qualifiers") or []):
                    self._cao(part, value, what)
        for answer in items(part, "answers"):
            if answer.get("kind") != AnswerKind.TEXT:
                self._answer_line(part, answer, lines)

    def _cao(self, part: Mapping[str, Any], value: Any, what: str) -> None:
        """``marks.cao``: "correct answer only" on a number that has other acceptable forms.

        Cambridge writes ``cao`` where the form is the point (simplest form, standard form, an
        exact value asked for). On a fraction, a surd or a decimal with no form asked for, the
        scheme accepts its equivalents (``oe``: 3/20 for 0.15, 1/√2 for √2/2), and a rounded
        answer is accepted to its accuracy or within a range (``awrt``), not as one string."""
        rounded = any(
            a.get("accuracy", Accuracy.EXACT) != Accuracy.EXACT for a in items(part, "answers")
        )
        judged = judge_cao(str(part.get("text", "")), value, rounded=rounded)
        if judged is None:
            return
        ok, why = judged.fits, judged.why
        detail = f"{what} is cao on {_describe(value)} {why}"
        self.check("marks.cao", ok, detail, part.get("label", ""), enforced=CAO_ENFORCED)

    def _a_depends(self, label: str, i: int, line: Mapping[str, Any], what: str) -> None:
        dep = line.get("depends_on")
        target = self.lines[dep] if isinstance(dep, int) and 0 <= dep < len(self.lines) else None
        if target is None:
            ok, why = False, "depends on no M mark"
        elif target.get("mark_type") != MarkType.M:
            ok, why = False, f"depends on line {dep}, which is {target.get('mark_type')} not M"
        elif target.get("part", "") != label:
            ok, why = False, f"depends on an M mark of {_label(target.get('part'))}"
        elif dep >= i:  # type: ignore[operator]
            ok, why = False, f"comes before the M mark it depends on (line {dep})"
        else:
            ok, why = True, f"depends on the M mark in line {dep}"
        self.check("marks.depends_on", ok, f"{what} {why}", label)

    def _line_value(self, label: str, line: Mapping[str, Any], what: str, known: list[Any]) -> Any:
        """``marks.value``; returns the line's value (None when it cannot be read)."""
        try:
            value = self.values.machine(line.get("value"))
        except ExpressionError as exc:
            self.check("marks.value", False, f"{what}: its value cannot be read: {exc}", label)
            return None
        ok = any(self.values.same(value, k) for k in known)
        self.check(
            "marks.value",
            ok,
            f"{what} credits {_describe(value)}"
            + (
                ""
                if ok
                else f", which is not a value in {_label(label)}'s worked solution or answers"
            ),
            label,
        )
        return value

    def _answer_line(
        self,
        part: Mapping[str, Any],
        answer: Mapping[str, Any],
        lines: list[tuple[int, dict[str, Any]]],
    ) -> None:
        label = part.get("label", "")
        try:
            value = self.values.machine(answer.get("value"))
        except ExpressionError:
            return
        scored = [line for _, line in lines if line.get("mark_type") != MarkType.SC]
        pool = []
        for line in scored:
            try:
                if line.get("value") is not None and self.values.same(
                    self.values.machine(line["value"]), value
                ):
                    pool.append(line)
            except ExpressionError:
                continue
        if not pool:
            pool = [line for line in scored if line.get("mark_type") in (MarkType.A, MarkType.B)]
            pool = pool or scored
        shown = [str(answer.get("latex") or ""), str(answer.get("plain") or "")]
        targets = [value]
        if answer.get("kind", AnswerKind.NUMBER) == AnswerKind.NUMBER:
            shown_value = self._shown(answer)
            targets = [] if shown_value is None else [shown_value]
            if answer.get("accuracy", Accuracy.EXACT) == Accuracy.EXACT:
                targets.append(value)
        ok = any(
            _appears(s, _flat(line.get("awarded_for"))) for line in pool for s in shown
        ) or any(
            (found := _latex_value(piece)) is not None and self.values.same(found, target)
            for line in pool
            for piece in _maths_pieces(str(line.get("awarded_for") or ""))
            for target in targets
        )
        self.check(
            "marks.answer_line",
            ok,
            f"the mark scheme shows the answer {answer.get('plain')!r}"
            if ok
            else f"no mark line for the answer shows {answer.get('plain')!r}",
            label,
        )
