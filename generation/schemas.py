"""Pydantic schemas at the generation edges: what a teacher asks for, and session results."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from questions import syllabus
from questions.schemas import CalculatorPolicy, CommandWord, Tier


class Mode(StrEnum):
    OFFLINE = "offline"
    HYBRID = "hybrid"
    LLM = "llm"


class GenerationRequest(BaseModel):
    """A teacher's request: either syllabus codes or a whole topic, within one tier."""

    model_config = ConfigDict(extra="forbid")

    tier: Tier
    syllabus_codes: list[str] = Field(default_factory=list)
    topic: str = ""
    command_word: CommandWord | None = None
    marks: Annotated[int, Field(ge=1, le=20)] | None = None
    calculator_policy: CalculatorPolicy | None = None
    difficulty: Annotated[int, Field(ge=1, le=5)] = 3
    count: Annotated[int, Field(ge=1, le=50)] = 1
    mode: Mode = Mode.OFFLINE
    model: str = ""
    seed: int | None = None
    template: str = Field("", description="a template key, for 'another like this'")

    @model_validator(mode="after")
    def _codes_or_topic(self) -> GenerationRequest:
        if not self.syllabus_codes and not self.topic:
            raise ValueError("choose a syllabus code or a topic")
        for code in self.syllabus_codes:
            if not syllabus.is_known(code):
                raise ValueError(f"unknown syllabus code {code}")
            if syllabus.tier_of(code) != self.tier:
                raise ValueError(f"{code} is not a {self.tier.value} code")
        if self.topic and self.topic not in syllabus.TOPICS.values():
            raise ValueError(f"unknown topic {self.topic!r}")
        return self

    def codes(self) -> list[str]:
        """The syllabus codes asked for: the ones named, or every code of the topic and tier."""
        if self.syllabus_codes:
            return list(self.syllabus_codes)
        return [c.code for c in syllabus.codes_for_tier(self.tier.value) if c.topic == self.topic]
