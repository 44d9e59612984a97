"""Typed inputs and outputs of the agents (pydantic, so they can be stored as JSONB)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from generation.schemas import Mode
from questions.schemas import (
    CalculatorPolicy,
    CommandWord,
    Question,
    Tier,
    VerificationReport,
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Usage(_Model):
    """What the LLM calls of one step cost (zero for offline steps)."""

    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    model: str = ""
    calls: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            tokens_in=self.tokens_in + other.tokens_in,
            tokens_out=self.tokens_out + other.tokens_out,
            cost=self.cost + other.cost,
            model=other.model or self.model,
            calls=self.calls + other.calls,
        )


class QuestionSpec(_Model):
    """What one question of a session must be."""

    index: int
    tier: Tier
    codes: list[str]
    command_word: CommandWord | None = None
    marks: int | None = None
    calculator_policy: CalculatorPolicy | None = None
    difficulty: int = 3
    seed: int
    mode: Mode = Mode.OFFLINE
    model: str = ""
    template: str = ""


class GeneratorResult(_Model):
    question: Question
    template: str = ""
    mode_used: Mode = Mode.OFFLINE
    unmet: list[str] = Field(default_factory=list, description="request constraints not met")
    notes: list[str] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)


class MarkerResult(_Model):
    question: Question
    changes: list[str] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)


class Decision(StrEnum):
    APPROVE = "approve"
    MANUAL_REVIEW = "manual_review"
    REFINE = "refine"
    REGENERATE = "regenerate"
    REJECT = "reject"


class Review(_Model):
    scores: dict[str, float]
    weights: dict[str, float]
    score: float
    decision: Decision
    reasons: dict[str, list[str]] = Field(
        default_factory=dict, description="per dimension, what lowered its score"
    )
    verification: VerificationReport
    critique: str = ""
    usage: Usage = Field(default_factory=Usage)

    def reason_list(self) -> list[str]:
        return [r for reasons in self.reasons.values() for r in reasons]


class RefinerResult(_Model):
    question: Question
    changes: list[str] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
