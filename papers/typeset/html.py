"""A paper's versions as standalone HTML: what is printed, laid out as a 0580 paper.

This module only arranges the snapshot's own data (numbers, parts, answers, mark lines, wrong
answers) for the templates under ``templates/papers/print/``; maths is rendered to MathML by
the same filters the app's pages use, figures are sanitised SVG.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from papers.schemas import PageSize, PaperDocument, PaperItem, Version
from questions.rendering import latex_to_mathml
from questions.schemas import (
    Answer,
    AnswerKind,
    CalculatorPolicy,
    CommandWord,
    MarkLine,
    MarkType,
    Question,
)

TEMPLATE = "papers/print/paper.html"
STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "print.css"

# Working space under a part, by its marks (a 0580 paper gives roughly this much room).
SPACE_PER_MARK_MM = 9
SPACE_MAX_MM = 70
# A part answered by drawing (on the grid, or a construction) has no answer line.
DRAWN = frozenset([CommandWord.PLOT, CommandWord.SKETCH, CommandWord.CONSTRUCT])


@cache
def _stylesheet(mtime: float) -> str:
    return STYLESHEET.read_text()


def stylesheet() -> str:
    """The print stylesheet, inlined so the HTML stands alone (a browser's set_content, an
    iframe, a saved file)."""
    return _stylesheet(STYLESHEET.stat().st_mtime)


@dataclass
class AnswerLine:
    label: str  # HTML: "x =", "Area =" or ""
    unit: str
    answer: Answer
    coordinates: bool

    @property
    def words(self) -> bool:
        """An answer in words (a description, a construction), printed as text."""
        return self.answer.kind == AnswerKind.TEXT


@dataclass
class PartView:
    number: str  # "2(a)(i)", for the mark scheme and the key
    letter: str  # "(a)" when this part starts a new lettered part, else ""
    roman: str  # "(i)" for a sub-part, else ""
    text: str
    marks: int
    answers: list[AnswerLine]
    space_mm: int
    lines: list[MarkLine] = field(default_factory=list)
    wrong: list[Any] = field(default_factory=list)
    final_qualifiers: list[str] = field(default_factory=list)
    show_that: bool = False  # the result is in the question: no answer line, only space
    drawn: bool = False  # the answer is a drawing (a line on the grid, a construction): no line


@dataclass
class QuestionView:
    number: int
    question: Question
    parts: list[PartView]
    source_deleted: bool

    @property
    def marks(self) -> int:
        return self.question.total_marks


def _answer_label(answer: Answer) -> str:
    """HTML before an answer line: "x =" (the unknown in maths italic), "Area =", or nothing
    for an answer that is itself an equation, inequality, set or words."""
    label = answer.label.strip()
    if not label or answer.kind in (
        AnswerKind.EQUATION,
        AnswerKind.INEQUALITY,
        AnswerKind.SET,
        AnswerKind.TEXT,
    ):
        return ""
    if re.fullmatch(r"[A-Za-z]", label):
        return mark_safe(f"{latex_to_mathml(label)} =")
    return format_html("{} =", label[:1].upper() + label[1:])


def _parts(item: PaperItem) -> list[PartView]:
    question = item.question
    views = []
    previous_letter = None
    for part in question.parts:
        letter, _, roman = part.label.partition("(")
        roman = f"({roman}" if roman else ""
        lines = question.lines_for(part.label)
        # The qualifiers of the line that credits the final answer (the part's last A or B).
        final = [lines[-1]] if lines and lines[-1].mark_type in (MarkType.A, MarkType.B) else []
        drawn = part.command_word in DRAWN and all(a.kind == AnswerKind.TEXT for a in part.answers)
        views.append(
            PartView(
                number=item.part_number(part.label),
                letter=f"({letter})" if letter and letter != previous_letter else "",
                roman=roman,
                text=part.text,
                marks=part.marks,
                answers=[
                    AnswerLine(
                        label=_answer_label(answer),
                        unit=answer.unit,
                        answer=answer,
                        coordinates=answer.kind == AnswerKind.COORDINATES,
                    )
                    for answer in part.answers
                ],
                space_mm=0
                if part.command_word.value == "Write down"
                or part.marks == 1
                or (drawn and part.command_word == CommandWord.PLOT)  # drawn on the grid
                else min(SPACE_MAX_MM, SPACE_PER_MARK_MM * part.marks),
                lines=lines,
                wrong=[w for w in question.wrong_answers if w.part == part.label],
                final_qualifiers=[q.value for q in final[0].qualifiers] if final else [],
                show_that=part.show_that is not None or part.command_word.value == "Show that",
                drawn=drawn,
            )
        )
        previous_letter = letter or previous_letter
    return views


def questions(document: PaperDocument) -> list[QuestionView]:
    return [
        QuestionView(
            number=item.number,
            question=item.question,
            parts=_parts(item),
            source_deleted=item.source_deleted,
        )
        for item in document.items
    ]


def render_html(
    document: PaperDocument, version: Version, *, page_size: PageSize = PageSize.A4
) -> str:
    """A complete HTML document of one version of the paper."""
    return render_to_string(
        TEMPLATE,
        {
            "doc": document,
            "version": Version(version).value,
            "page_size": PageSize(page_size).value,
            "questions": questions(document),
            "calculator": document.calculator_policy != CalculatorPolicy.NOT_ALLOWED,
            "css": stylesheet(),
            "total_marks": document.total_marks,
        },
    )
