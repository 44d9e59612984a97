"""The verifier: recompute every answer of a question and check it holds together as 0580.

:func:`verify` takes any question in the schema — from a template, an LLM or a teacher, as a
model or as a dict — and never raises: schema errors become failed checks, and the structure is
re-checked here too, so a ``model_construct``-ed question with planted mistakes is caught.
Every answer is recomputed from its machine form with the givens substituted (parsed with the
whitelist in :mod:`generation.engine.expressions`, never ``eval``-ed) and compared with what
the question displays. The report lists every check that ran, passed or failed, each with a
reason a teacher can read.

Check names (one check per item per part):

- ``schema``, ``structure``, ``text.maths`` — the question fits the schema, its parts, lines and
  wrong answers refer to each other correctly, and every maths span renders.
- ``given.value``, ``given.display``, ``given.stated`` — each given is a number, its display is
  that number, and the display appears in the question text.
- ``answer.value``, ``answer.display``, ``answer.satisfies``, ``answer.by_hand``, ``answer.form``
  — answers recompute, are shown by the accuracy rule, satisfy their equation, can be reached
  without a calculator on a non-calculator part, and non-numeric answers read as their value.
- ``solution.values``, ``solution.final_step``, ``solution.step_text`` — the worked solution.
- ``marks.total``, ``marks.line_total``, ``marks.depends_on``, ``marks.dep``, ``marks.value``,
  ``marks.answer_line`` — the mark scheme.
- ``command_word``, ``calculator_policy``, ``syllabus_codes``.
- ``figure.labels``, ``figure.label_lines`` — no label in the figure overlaps another, and no
  line runs through a label it does not belong to (:mod:`.figures`).
- ``difficulty.band`` — the declared difficulty is within one band of the rubric's
  (:mod:`.difficulty`; report-only while ``difficulty.ENFORCED`` is false).
- ``marking.full_marks``, ``marking.wrong_answer_is_wrong``, ``marking.wrong_answer_marks`` —
  self-tests with :mod:`generation.engine.marking`.

The checks live in one module per group (:mod:`.question`, :mod:`.answers`, :mod:`.solution`,
:mod:`.marks`, :mod:`.commands`, :mod:`.self_test`, :mod:`.figures`, :mod:`.difficulty`) over
shared state in :mod:`.base`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from pydantic import BaseModel

from generation.engine.verifier.answers import AnswerChecks
from generation.engine.verifier.commands import CommandChecks
from generation.engine.verifier.difficulty import DifficultyChecks
from generation.engine.verifier.figures import FigureChecks
from generation.engine.verifier.marks import MarkChecks
from generation.engine.verifier.question import QuestionChecks
from generation.engine.verifier.self_test import SelfTestChecks
from generation.engine.verifier.solution import SolutionChecks
from questions.schemas import Question, VerificationReport

__all__ = ["verify"]


def verify(question: Question | BaseModel | Mapping[str, Any]) -> VerificationReport:
    """Check a question; ``report.passed`` only if every check passed."""
    return _Verifier(question).run()


class _Verifier(
    QuestionChecks,
    AnswerChecks,
    SolutionChecks,
    MarkChecks,
    CommandChecks,
    SelfTestChecks,
    FigureChecks,
    DifficultyChecks,
):
    def run(self) -> VerificationReport:
        steps: list[tuple[str, Callable[[], None], Any]] = [
            ("schema", self.schema, None),
            ("structure", self.structure, None),
            ("text.maths", self.maths_renders, None),
            ("given", self.givens, None),
            ("marks.total", self.total, None),
            ("calculator_policy", self.calculator_policy, None),
            ("syllabus_codes", self.syllabus_codes, None),
            ("figure.labels", self.figure, None),
            ("difficulty.band", self.difficulty_band, None),
        ]
        for part in self.parts:
            label = part.get("label", "")
            for name, method in (
                ("answer", self.answers),
                ("solution", self.solution),
                ("marks", self.mark_lines),
                ("command_word", self.command_word),
                ("marking", self.self_test),
            ):
                steps.append((name, partial(method, part), label))
        for name, step, label in steps:
            try:
                step()
            except Exception as exc:  # a malformed question must give a report, not a crash
                self.check(name, False, f"the verifier could not run this check: {exc}", label)
        return VerificationReport(passed=all(c.passed for c in self.checks), checks=self.checks)
