"""A paper as data: what is printed, in the order it is printed.

A :class:`PaperDocument` is the complete, self-contained input of the typesetter: the paper's
front-page facts and each numbered question as a snapshot of the bank question's schema, taken
when it was put in the paper. The typesetter prints answers and mark schemes only from these
snapshots (the verified data), never recomputes them, and needs no database.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from questions.schemas import CalculatorPolicy, Question, Tier, printed_label


class PaperKind(StrEnum):
    WORKSHEET = "worksheet"
    HOMEWORK = "homework"
    QUIZ = "quiz"
    MOCK_EXAM = "mock_exam"


class Version(StrEnum):
    """The printed versions of one paper."""

    STUDENT = "student"  # questions, answer lines and spaces, no answers
    TEACHER = "teacher"  # the student copy with the answers inline
    MARK_SCHEME = "mark_scheme"  # Cambridge's table: Question | Answer | Marks | Partial marks
    ANSWER_KEY = "answer_key"  # the final answers only, one line a question part


class PageSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PaperItem(_Model):
    """One numbered question of a paper: a snapshot of a bank question."""

    number: Annotated[int, Field(ge=1, le=200)]
    question: Question
    question_id: str | None = Field(None, description="the bank question it was taken from")
    source_deleted: bool = Field(
        False, description="the bank question was deleted after it was put in the paper"
    )

    def part_number(self, label: str) -> str:
        """How Cambridge prints a part's number: ``2``, ``2(a)``, ``2(a)(i)``."""
        return f"{self.number}{printed_label(label)}"


class PaperDocument(_Model):
    """Everything the typesetter prints for one version of one paper."""

    title: str = Field(min_length=1, max_length=200)
    kind: PaperKind = PaperKind.WORKSHEET
    tier: Tier
    calculator_policy: CalculatorPolicy
    time_allowed_minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    instructions: str = Field("", max_length=4000, description="the teacher's own instructions")
    variant_label: str = Field("", max_length=8, description="'A'..'D' for variants, else ''")
    items: list[PaperItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_in_order(self) -> PaperDocument:
        numbers = [item.number for item in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"questions must be numbered 1, 2, 3 … in order, not {numbers}")
        return self

    @property
    def total_marks(self) -> int:
        return sum(item.question.total_marks for item in self.items)
