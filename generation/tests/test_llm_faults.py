"""LLM faults replayed, one kind per session, through the whole pipeline (scripted pydantic-ai
models, no network): timeouts, 429 with ``Retry-After``, 500s, truncated JSON, a schema-valid
question whose arithmetic is wrong, and a rewording that changes a locked given.

For each: no question that fails verification is stored (recomputed here, not read from the
row), and the session's steps say what happened, in words a teacher can read.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic_ai import ModelRateLimitError
from pydantic_ai.exceptions import ModelServerError
from pydantic_ai.messages import ModelResponse, ToolCallPart

from generation.models import Status
from generation.tests.test_llm import http_error, llm_settings, no_network  # noqa: F401
from generation.tests.test_llm_pipeline import (
    Script,
    assert_every_stored_question_passed_verification,
    engine_question,
    given_numbers,
    pipeline,  # noqa: F401
    replace_number,
    rewording,
    run,
    stored,
    wrong_answer,
)

pytestmark = pytest.mark.django_db


def truncated(n: int, prompt: str) -> ModelResponse:
    """The question's JSON cut off mid-string, as a dropped stream leaves it."""
    whole = ToolCallPart("final_result", engine_question(100 + n)).args_as_json_str()
    return ModelResponse(parts=[ToolCallPart("final_result", whole[: len(whole) // 2])])


def first_then_good(fault: Any) -> Any:
    return lambda n, p: (
        fault(n, p)
        if callable(fault) and n == 0
        else (fault if n == 0 else engine_question(100 + n))
    )


FAULTS = {
    # kind: (mode, script handlers, what a step must say)
    "timeout": ("llm", {"question": first_then_good(3.0)}, "timed out after 0.5 s"),
    "429 with Retry-After": (
        "llm",
        {
            "question": first_then_good(
                http_error(429, ModelRateLimitError, **{"retry-after-ms": "50"})
            )
        },
        "rate limited (HTTP 429); retrying in",
    ),
    "500": ("llm", {"question": first_then_good(http_error(500, ModelServerError))}, "HTTP 500"),
    # Cut off on every try of the first model (the first and both output retries): it falls
    # back to the next model, and the step names the reason.
    "truncated JSON": (
        "llm",
        {"question": lambda n, p: truncated(n, p) if n < 3 else engine_question(100 + n)},
        "Invalid JSON",
    ),
    "wrong maths": (
        "llm",
        {"question": first_then_good(lambda n, p: wrong_answer(100))},
        "solution.final_step",
    ),
    "changed given": (
        "hybrid",
        {
            "rewording": lambda n, p: (
                rewording(p, replace_number(given_numbers(p)[0], "987654"))
                if n == 0
                else rewording(p)
            )
        },
        "987654",
    ),
}


@pytest.mark.parametrize("kind", list(FAULTS))
def test_an_llm_fault_stores_no_wrong_question_and_every_step_says_what_happened(
    teacher,
    pipeline,  # noqa: F811
    kind: str,
) -> None:
    pipeline["TIMEOUT_SECONDS"] = 0.5
    mode, handlers, said = FAULTS[kind]
    session = run(teacher, mode, Script(**handlers))

    assert session.status_id in (Status.COMPLETED, Status.FAILED)
    assert session.status_id == Status.COMPLETED or session.error
    assert_every_stored_question_passed_verification(session)
    assert session.questions_made == len(stored(session))
    steps = list(session.steps.order_by("sequence"))
    assert all(step.message.strip() for step in steps)
    assert steps[0].kind == "started" and steps[-1].kind == "finished"
    told = "\n".join(f"{s.message}\n{s.reasoning}\n{s.data}" for s in steps)
    assert said in told, told
