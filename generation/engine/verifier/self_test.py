"""Self-tests with :mod:`generation.engine.marking`: ``marking.full_marks``,
``marking.wrong_answer_is_wrong`` and ``marking.wrong_answer_marks``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generation.engine.expressions import ExpressionError
from generation.engine.marking import (
    is_correct,
    items,
    mark,
    split_final_answers,
)
from generation.engine.verifier.base import Checks


class SelfTestChecks(Checks):
    def self_test(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        answers = items(part, "answers")
        finals = [str(a.get("plain") or "") for a in answers]
        got = mark(self.data, self.values, label, finals, [])
        self.check(
            "marking.full_marks",
            got == part.get("marks"),
            f"the correct answer {' and '.join(finals)!r} earns {got} of {part.get('marks')} marks",
            label,
        )
        for wrong in items(self.data, "wrong_answers"):
            if wrong.get("part", "") != label:
                continue
            plain = str(wrong.get("plain") or "")
            finals = split_final_answers(plain, len(answers))
            working = [str(w) for w in wrong.get("working") or []]
            really_wrong = not is_correct(self.values, answers, finals)
            self.check(
                "marking.wrong_answer_is_wrong",
                really_wrong,
                f"{plain!r} ({wrong.get('error')}) "
                + ("is marked wrong" if really_wrong else "is actually a correct answer"),
                label,
            )
            unreadable = []
            for w in working:
                try:
                    self.values.machine(w)
                except ExpressionError:
                    unreadable.append(w)
            got = mark(self.data, self.values, label, finals, working)
            declared = wrong.get("marks_awarded")
            ok = got == declared and not unreadable
            detail = f"{plain!r} with working {working} earns {got} marks; {declared} declared"
            if unreadable:
                detail += f"; working {unreadable} cannot be read"
            self.check("marking.wrong_answer_marks", ok, detail, label)
