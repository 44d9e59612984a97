"""Worked-solution checks: ``solution.values``, ``solution.final_step``, ``solution.step_text``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy

from generation.engine.expressions import ExpressionError
from generation.engine.marking import (
    items,
)
from generation.engine.verifier.base import Checks
from generation.engine.verifier.text import (
    _describe,
)
from questions.schemas import (
    AnswerKind,
)


class SolutionChecks(Checks):
    def solution(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        steps = items(part, "solution")
        unreadable = []
        for n, step in enumerate(steps, 1):
            if step.get("value") is None:
                continue
            try:
                self.values.machine(step.get("value"))
            except ExpressionError as exc:
                unreadable.append(f"step {n}: {exc}")
        self.check(
            "solution.values",
            not unreadable,
            "; ".join(unreadable) or "every step value can be read",
            label,
        )
        answers = items(part, "answers")
        if len(answers) == 1 and answers[0].get("kind", AnswerKind.NUMBER) == AnswerKind.NUMBER:
            self._final_step(part, answers[0], steps)
        self._step_text(part, steps)

    def _final_step(
        self, part: Mapping[str, Any], answer: Mapping[str, Any], steps: list[dict[str, Any]]
    ) -> None:
        label = part.get("label", "")
        valued = [s for s in steps if s.get("value") is not None]
        if not valued:
            self.check("solution.final_step", False, "no step of the solution has a value", label)
            return
        try:
            last = self.values.machine(valued[-1].get("value"))
            targets = [self.values.machine(answer.get("value"))]
        except ExpressionError as exc:
            self.check("solution.final_step", False, f"cannot be read: {exc}", label)
            return
        shown = self._shown(answer)
        if shown is not None:
            targets.append(shown)
        ok = any(self.values.same(last, t) for t in targets)
        self.check(
            "solution.final_step",
            ok,
            f"the solution ends at {_describe(last)}"
            + ("" if ok else f" but the answer is {_describe(targets[0])}"),
            label,
        )

    def _step_text(self, part: Mapping[str, Any], steps: list[dict[str, Any]]) -> None:
        label = part.get("label", "")
        accuracies = self._accuracies(part)
        missing = []
        for n, step in enumerate(steps, 1):
            text = str(step.get("text") or "")
            if step.get("value") is None or "=" not in text:
                continue
            try:
                value = self.values.machine(step.get("value"))
            except ExpressionError:
                continue
            if not isinstance(value, sympy.Expr) or self.values.numeric(value) is None:
                continue
            if not self.shows_value(text, value, accuracies):
                missing.append(
                    f"step {n} ({text!r}) reaches {_describe(value)} but does not show it"
                )
        self.check(
            "solution.step_text",
            not missing,
            "; ".join(missing) or "each step shows the value it reaches",
            label,
        )
