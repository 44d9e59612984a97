"""LLM calls through pydantic-ai: model selection per agent, structured output, retries,
fallback across configured models, and usage (tokens, cost) per call.

The agents call :func:`run_structured` with the models :func:`models_for` gives them; with no
provider configured that list is empty and the agents stay offline. Tests put pydantic-ai
``TestModel``/``FunctionModel`` instances behind the configured names with
:func:`substitute_models`, or pass models to :func:`run_structured` directly.

- :mod:`.config`: ``settings.LLM`` → providers, model names, built models.
- :mod:`.calls`: one call with retries, backoff, fallback and a deadline.
- :mod:`.pricing`: tokens and cost of the responses.
- :mod:`.guards`: checks that LLM wording kept the numbers code computed.
"""

from __future__ import annotations

from generation.agents.llm.calls import Limits, LLMResult, LLMUnavailable, run_structured
from generation.agents.llm.config import (
    ModelConfigError,
    available_models,
    build_model,
    canonical,
    models_for,
    providers,
    substitute_models,
)
from generation.agents.llm.guards import checks_broken, numbers_added, numbers_in
from generation.agents.llm.pricing import PRICES

__all__ = [
    "PRICES",
    "LLMResult",
    "LLMUnavailable",
    "Limits",
    "ModelConfigError",
    "available_models",
    "build_model",
    "canonical",
    "checks_broken",
    "models_for",
    "numbers_added",
    "numbers_in",
    "providers",
    "run_structured",
    "substitute_models",
]
