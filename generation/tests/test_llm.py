"""The LLM layer on its own: which models an agent tries, and how one structured call retries,
backs off, falls back and gives up, with pydantic-ai ``FunctionModel``/``TestModel`` scripted
to misbehave. No test here (or in the other ``test_llm_*`` files) may reach the network: the
``no_network`` guard fails any that tries.

``llm_settings`` and ``no_network`` are imported by ``test_llm_pipeline`` and
``test_llm_providers``.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_ai import ModelHTTPError, ModelRateLimitError
from pydantic_ai.exceptions import ModelAuthenticationError, ModelServerError
from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_ai.models.test import TestModel
from pydantic_ai.usage import RequestUsage

from generation.agents import llm
from generation.agents.llm.pricing import PRICE_TABLE, Spend, table_price
from questions.schemas import Question

OPENAI = "openai:gpt-6.1-terra"
ANTHROPIC = "anthropic:claude-sonnet-5-5"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Refuse (and record) any connection or name lookup beyond this machine."""
    attempts: list[Any] = []
    local = {"127.0.0.1", "::1", "localhost"}
    connect, connect_ex, getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def guard(address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in local and not host.startswith("/"):
            attempts.append(address)
            raise OSError(f"a test tried to reach {address!r}")

    def guarded_connect(sock: socket.socket, address: Any) -> None:
        guard(address)
        return connect(sock, address)

    def guarded_connect_ex(sock: socket.socket, address: Any) -> int:
        guard(address)
        return connect_ex(sock, address)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        guard((host, 0) if isinstance(host, str) else host)
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield attempts
    assert not attempts, f"tests must not reach the network: {attempts}"


@pytest.fixture
def llm_settings(settings: Any) -> dict[str, Any]:
    """OpenAI and Anthropic configured with fake keys; timeouts and backoff tiny."""
    settings.LLM = {
        **settings.LLM,
        "OPENAI_API_KEY": "sk-test-not-a-real-key",
        "ANTHROPIC_API_KEY": "sk-ant-test-not-a-real-key",
        "GOOGLE_API_KEY": "",
        "OPENAI_COMPATIBLE_BASE_URL": "",
        "OPENAI_COMPATIBLE_API_KEY": "",
        "OPENAI_MODEL": "gpt-6.1-terra",
        "ANTHROPIC_MODEL": "claude-sonnet-5-5",
        "GOOGLE_MODEL": "gemini-3.8-flash",
        "OPENAI_COMPATIBLE_MODEL": "",
        "GENERATOR_MODEL": "",
        "MARKER_MODEL": "",
        "REVIEWER_MODEL": "",
        "REFINER_MODEL": "",
        "EXTRA_MODELS": [],
        "TIMEOUT_SECONDS": 2.0,
        "DEADLINE_SECONDS": 20.0,
        "RETRIES": 2,
        "BACKOFF_SECONDS": 0.01,
        "BACKOFF_MAX_SECONDS": 0.1,
        "OUTPUT_RETRIES": 2,
    }
    return settings.LLM


class Answer(BaseModel):
    value: int
    reason: str


def tool_call(info: AgentInfo, args: dict[str, Any] | str, *, tokens: int = 100) -> ModelResponse:
    return ModelResponse(
        parts=[ToolCallPart(info.output_tools[0].name, args)],
        usage=RequestUsage(input_tokens=tokens, output_tokens=tokens // 5),
    )


def scripted(*steps: Any, name: str = "scripted") -> tuple[FunctionModel, list[float]]:
    """A model that answers each request with the next step (the last one repeats): a dict of
    output arguments, a raw argument string, a ModelResponse, an exception to raise, or a
    number of seconds to stall for. Returns the model and the times it was asked."""
    asked: list[float] = []

    async def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        asked.append(time.monotonic())
        step = steps[min(len(asked), len(steps)) - 1]
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, float):
            await asyncio.sleep(step)
            return tool_call(info, {"value": 0, "reason": "late"})
        if isinstance(step, ModelResponse):
            return step
        return tool_call(info, step)

    return FunctionModel(answer, model_name=name), asked


def ask(*models: Any) -> llm.LLMResult[Answer]:
    return llm.run_structured(
        agent="generator",
        output_type=Answer,
        instructions="Answer with a number.",
        prompt="What is 6 times 7?",
        models=list(models),
    )


GOOD = {"value": 42, "reason": "6 × 7"}


def waits(reasons: list[str]) -> list[float]:
    return [
        float(r.split("retrying in ")[1].removesuffix(" s")) for r in reasons if "retrying" in r
    ]


def without_waits(reasons: list[str]) -> list[str]:
    return [r.split("; retrying in ")[0] + ("; retry" if "retrying" in r else "") for r in reasons]


def http_error(status: int, category: type | None = None, **headers: str) -> ModelHTTPError:
    return ModelHTTPError.for_category(
        category, status_code=status, model_name="scripted", body={"error": "x"}, headers=headers
    )


# --- which models ------------------------------------------------------------------------


def test_no_provider_configured_means_no_models_and_an_offline_pipeline(settings):
    settings.LLM = {**settings.LLM, "OPENAI_API_KEY": "", "ANTHROPIC_API_KEY": ""}
    settings.LLM.update(GOOGLE_API_KEY="", OPENAI_COMPATIBLE_BASE_URL="")
    assert llm.models_for("generator") == []
    assert llm.models_for("generator", OPENAI) == []
    assert llm.available_models() == []
    with pytest.raises(llm.LLMUnavailable, match="no language model is configured"):
        ask()


def test_models_are_tried_override_first_then_the_agents_own_then_provider_defaults(
    llm_settings,
):
    llm_settings["MARKER_MODEL"] = "anthropic:claude-haiku-5-5"
    assert llm.models_for("generator") == [OPENAI, ANTHROPIC]
    assert llm.models_for("marker") == ["anthropic:claude-haiku-5-5", OPENAI, ANTHROPIC]
    assert llm.models_for("marker", "openai:gpt-6-luna") == [
        "openai:gpt-6-luna",
        "anthropic:claude-haiku-5-5",
        OPENAI,
        ANTHROPIC,
    ]
    # Aliases are spelt canonically, and a name repeated later is tried once.
    assert llm.models_for("generator", "openai-chat:gpt-6.1-terra") == [OPENAI, ANTHROPIC]
    # A provider with no key, or a name that is not "provider:model", is left out.
    assert llm.models_for("generator", "google:gemini-3.8-flash") == [OPENAI, ANTHROPIC]
    assert llm.models_for("generator", "gpt-4o") == [OPENAI, ANTHROPIC]
    with pytest.raises(ValueError, match="unknown agent"):
        llm.models_for("critic")


def test_an_openai_compatible_server_is_configured_by_its_base_url(llm_settings):
    llm_settings.update(OPENAI_API_KEY="", ANTHROPIC_API_KEY="")
    llm_settings["OPENAI_COMPATIBLE_BASE_URL"] = "http://127.0.0.1:11434/v1"
    assert llm.models_for("generator") == []  # no model named for it
    llm_settings["OPENAI_COMPATIBLE_MODEL"] = "qwen3:8b"
    assert llm.models_for("generator") == ["openai-compatible:qwen3:8b"]


def test_the_form_offers_every_configured_model(llm_settings):
    llm_settings["REFINER_MODEL"] = "openai:gpt-6-luna"
    llm_settings["EXTRA_MODELS"] = ["anthropic:claude-haiku-5-5", "google:gemini-3.8-flash"]
    assert llm.available_models() == [
        OPENAI,
        ANTHROPIC,
        "openai:gpt-6-luna",
        "anthropic:claude-haiku-5-5",
    ]


def test_a_substituted_test_never_builds_a_real_model(llm_settings):
    model, _ = scripted(GOOD)
    with llm.substitute_models({ANTHROPIC: model}):
        result = ask(*llm.models_for("generator"))
    assert result.model == ANTHROPIC
    assert result.failures == [f"{OPENAI}: no substitute for {OPENAI} in this test"]


# --- one call ----------------------------------------------------------------------------


def test_an_answer_comes_back_validated_with_its_tokens_and_cost(llm_settings):
    model, asked = scripted(GOOD, name="gpt-6.1-terra")
    result = ask(model)
    assert result.output == Answer(value=42, reason="6 × 7")
    assert result.model == "function:gpt-6.1-terra"
    assert result.failures == []
    assert (result.usage.tokens_in, result.usage.tokens_out, result.usage.calls) == (100, 20, 1)
    # genai-prices knows gpt-6.1-terra: $1 in and $5 out per million tokens.
    assert result.usage.cost == pytest.approx((100 * 1.0 + 20 * 5.0) / 1e6)
    assert result.cost_source == "genai-prices"
    assert len(asked) == 1


def test_the_price_table_prices_what_genai_prices_does_not():
    spend = Spend()
    spend.add_response(
        ModelResponse(
            parts=[],
            model_name="claude-sonnet-5-5",
            usage=RequestUsage(input_tokens=1000, output_tokens=500),
        )
    )
    spend.add_response(
        ModelResponse(parts=[], model_name="my-local-llama", usage=RequestUsage(input_tokens=7))
    )
    assert spend.cost == pytest.approx(table_price("claude-sonnet-5-5", 1000, 500))
    assert spend.cost == pytest.approx((1000 * 2.0 + 500 * 10.0) / 1e6)
    assert spend.cost_source == f"{PRICE_TABLE} + unpriced"
    assert spend.usage("x").tokens_in == 1007


def test_malformed_output_is_asked_again_then_accepted(llm_settings):
    model, asked = scripted('{"value": 42, "reas', {"value": "forty-two"}, GOOD)
    result = ask(model)
    assert result.output.value == 42
    assert len(asked) == 3  # two output retries on the same model
    assert result.usage.calls == 3
    assert result.failures == []


def test_output_that_never_fits_the_schema_falls_back_with_the_reason(llm_settings):
    broken, asked = scripted('{"value": 42, "reas', name="broken")
    good, _ = scripted(GOOD)
    result = ask(broken, good)
    assert len(asked) == 3  # the first try and OUTPUT_RETRIES (2) more
    assert result.model == "function:scripted"
    (failure,) = result.failures
    assert failure.startswith("function:broken: output did not fit the schema after 2 retries")
    assert "json_invalid" in failure or "Invalid JSON" in failure
    assert result.usage.calls == 4  # the failed attempts' tokens are counted too


def test_a_schema_invalid_question_from_testmodel_is_rejected_with_the_validation_error(
    llm_settings,
):
    with pytest.raises(llm.LLMUnavailable) as caught:
        llm.run_structured(
            agent="generator",
            output_type=Question,
            instructions="Write a question.",
            prompt="E5.3",
            models=[TestModel()],
        )
    (reason,) = caught.value.reasons
    assert reason.startswith("test:test: output did not fit the schema after 2 retries")
    assert "validation error for Question" in reason
    assert not caught.value.unreachable  # the model answered; its answer was wrong
    assert caught.value.usage.calls == 3 and caught.value.usage.tokens_out > 0


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (http_error(429, ModelRateLimitError), "rate limited (HTTP 429)"),
        (http_error(500, ModelServerError), "server error (HTTP 500)"),
        (http_error(503), "server error (HTTP 503)"),
        (3.0, "timed out after 0.3 s"),
    ],
    ids=["429", "500", "503", "timeout"],
)
def test_timeouts_429_and_5xx_are_retried_with_exponential_backoff(llm_settings, error, reason):
    llm_settings["TIMEOUT_SECONDS"] = 0.3
    model, asked = scripted(error, error, GOOD)
    result = ask(model)
    assert result.output.value == 42
    assert len(asked) == 3
    assert without_waits(result.failures) == [f"function:scripted: {reason}; retry"] * 2
    first, second = waits(result.failures)
    assert 0.01 <= first <= 0.011 and 0.02 <= second <= 0.022  # BACKOFF_SECONDS * 2**n, +10 %


def test_a_provider_asking_to_wait_is_obeyed_up_to_the_cap(llm_settings):
    model, asked = scripted(http_error(429, ModelRateLimitError, **{"retry-after-ms": "60"}), GOOD)
    result = ask(model)
    assert result.output.value == 42
    assert asked[1] - asked[0] >= 0.06
    assert 0.06 <= waits(result.failures)[0] <= 0.066
    model, _ = scripted(http_error(429, ModelRateLimitError, **{"retry-after": "30"}), GOOD)
    assert waits(ask(model).failures)[0] <= 0.11  # BACKOFF_MAX_SECONDS, not half a minute


def test_retries_run_out_then_the_next_model_answers(llm_settings):
    down, asked = scripted(http_error(500, ModelServerError), name="down")
    up, _ = scripted(GOOD, name="up")
    result = ask(down, up)
    assert len(asked) == 3  # RETRIES (2) + 1
    assert result.model == "function:up"
    assert result.failures[-1] == "function:down: server error (HTTP 500)"
    assert result.notes("Answered")[-1].startswith("Answered by function:up (")


def test_an_error_retrying_cannot_fix_moves_straight_to_the_next_model(llm_settings):
    rejected, asked = scripted(http_error(401, ModelAuthenticationError), name="rejected")
    up, _ = scripted(GOOD)
    result = ask(rejected, up)
    assert len(asked) == 1
    assert result.failures == ["function:rejected: rejected the credentials (HTTP 401)"]


def test_a_refusal_is_a_failure_with_its_reason_and_is_not_repeated(llm_settings):
    filtered, asked_filtered = scripted(
        ModelResponse(
            parts=[],
            finish_reason="content_filter",
            provider_details={"refusal": "This looks like an exam leak."},
        ),
        name="filtered",
    )
    prose, _ = scripted(
        ModelResponse(parts=[TextPart("Sorry, I can't help with writing exam questions.")]),
        name="prose",
    )
    with pytest.raises(llm.LLMUnavailable) as caught:
        ask(filtered, prose)
    assert len(asked_filtered) == 1
    first, second = caught.value.reasons
    assert first.startswith("function:filtered: refused (Content filter triggered.")
    assert "This looks like an exam leak." in first
    assert second == 'function:prose: refused: "Sorry, I can\'t help with writing exam questions."'
    assert not caught.value.unreachable


def test_when_every_model_fails_the_reasons_say_why_for_each(llm_settings):
    down, _ = scripted(http_error(502), name="down")
    slow, _ = scripted(1.0, name="slow")
    llm_settings.update(TIMEOUT_SECONDS=0.05, RETRIES=1)
    with pytest.raises(llm.LLMUnavailable) as caught:
        ask(down, slow)
    assert without_waits(caught.value.reasons) == [
        "function:down: server error (HTTP 502); retry",
        "function:down: server error (HTTP 502)",
        "function:slow: timed out after 0.05 s; retry",
        "function:slow: timed out after 0.05 s",
    ]
    assert caught.value.unreachable  # only the providers' faults: worth no other attempt


def test_the_whole_call_has_a_hard_deadline(llm_settings):
    llm_settings.update(TIMEOUT_SECONDS=0.2, DEADLINE_SECONDS=0.3, RETRIES=5)
    models = [scripted(5.0, name=f"slow{i}")[0] for i in range(4)]
    started = time.monotonic()
    with pytest.raises(llm.LLMUnavailable) as caught:
        ask(*models)
    # Without the deadline: 4 models x 6 attempts x 0.2 s.
    assert time.monotonic() - started < 2.0
    assert caught.value.reasons[-1].startswith("gave up: the call passed its 0.3 s deadline")
    # On a loaded machine the deadline can arrive before the first attempt's own timeout.
    first = caught.value.reasons[0]
    assert "function:slow0" in first and ("timed out after 0.2 s" in first or "deadline" in first)


async def test_a_call_from_inside_an_event_loop_runs_on_its_own_thread(llm_settings):
    model, _ = scripted(GOOD)
    assert ask(model).output.value == 42
