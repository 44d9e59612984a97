"""Command-word checks: ``command_word`` (Write down, Show that, Calculate, …)."""

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
    _latex_value,
    _maths_pieces,
)
from questions.schemas import (
    AnswerKind,
    CommandWord,
)

_TEXT_ALLOWED = {
    CommandWord.EXPLAIN,
    CommandWord.DESCRIBE,
    CommandWord.STATE,
    CommandWord.GIVE,
    CommandWord.WRITE,
    CommandWord.WRITE_DOWN,
    CommandWord.SKETCH,
    CommandWord.CONSTRUCT,
    CommandWord.PLOT,
    CommandWord.DETERMINE,
}


class CommandChecks(Checks):
    def command_word(self, part: Mapping[str, Any]) -> None:
        label = part.get("label", "")
        word = part.get("command_word")
        answers = items(part, "answers")
        text_only = bool(answers) and all(a.get("kind") == AnswerKind.TEXT for a in answers)
        if word == CommandWord.WRITE_DOWN:
            ok = part.get("marks") == 1
            detail = f"'Write down' carries 1 mark; this part carries {part.get('marks')}"
        elif word == CommandWord.SHOW_THAT:
            ok, detail = self._show_that(part, answers)
        elif word in (CommandWord.CALCULATE, CommandWord.WORK_OUT):
            ok = bool(answers) and not any(a.get("kind") == AnswerKind.TEXT for a in answers)
            detail = f"'{word}' asks for a computed result" + (
                "" if ok else ", but the answer is words"
            )
        else:
            ok = not text_only or word in _TEXT_ALLOWED
            detail = f"'{word}' fits the answer" + ("" if ok else " (a written answer)")
        self.check("command_word", ok, detail, label)

    def _show_that(
        self, part: Mapping[str, Any], answers: list[dict[str, Any]]
    ) -> tuple[bool, str]:
        stated = part.get("show_that")
        if not stated:
            return False, "'Show that' needs the stated result (show_that is empty)"
        try:
            result = self.values.machine(stated)
        except ExpressionError as exc:
            return False, f"the stated result {stated!r} cannot be read: {exc}"
        values = []
        for answer in answers:
            try:
                values.append(self.values.machine(answer.get("value")))
            except ExpressionError:
                continue
        if not any(self.values.same(result, v) for v in values):
            return False, f"the stated result {_describe(result)} is not the part's answer"
        text = f"{part.get('text') or ''}\n{self.data.get('stem') or ''}"
        if isinstance(result, sympy.Expr) and result.is_number:
            found = self.shows_value(text, result, self._accuracies(part))
        else:
            found = any(
                (v := _latex_value(piece)) is not None and self.values.same(v, result)
                for piece in _maths_pieces(text)
            )
        if not found:
            return False, f"the stated result {_describe(result)} does not appear in the text"
        return True, f"'Show that' states {_describe(result)} and the answer reaches it"
