"""Finding a question's parts in tests."""

from __future__ import annotations

from questions.schemas import Question, QuestionPart


def part_labelled(question: Question, label: str) -> QuestionPart:
    """The part labelled ``label``; "a" is also the only part of a one-part question, which
    Cambridge prints without a label (a template's easiest variant often asks one part)."""
    if label == "a" and [p.label for p in question.parts] == [""]:
        return question.parts[0]
    return question.part(label)
