"""Each real provider path (OpenAI, Anthropic, Google, an OpenAI-compatible server), built by
``llm.build_model`` as production builds it, replaying recorded response bodies.

The recordings (``recordings/*.json``) are the HTTP bodies each provider documents for a
structured-output call, written by hand to match what the installed SDKs parse. They are
served by an ``httpx2.MockTransport`` given to the provider as its HTTP client: the SDKs now
speak httpx2, which respx (an httpx mock) cannot intercept. No request leaves the process.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx2
import pytest

from generation.agents import llm
from generation.agents.generator import Rewording
from generation.tests.test_llm import llm_settings, no_network  # noqa: F401

RECORDINGS = Path(__file__).parent / "recordings"


def recording(name: str) -> Any:
    return json.loads((RECORDINGS / name).read_text())


class Replay:
    """Answers each request with the next recorded reply (the last one repeats), keeping
    the requests; a reply of seconds stalls instead."""

    def __init__(self, *replies: tuple[int, str] | tuple[int, str, dict[str, str]] | float):
        self.replies = replies
        self.requests: list[httpx2.Request] = []

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        if isinstance(reply, float):
            await asyncio.sleep(reply)
            raise AssertionError("the request should have timed out")
        status, name, *headers = reply
        return httpx2.Response(status, json=recording(name), headers=headers[0] if headers else {})

    def model(self, name: str) -> Any:
        client = httpx2.AsyncClient(transport=httpx2.MockTransport(self), timeout=60)
        return llm.build_model(name, http_client=client)

    def body(self, index: int = 0) -> dict[str, Any]:
        return json.loads(self.requests[index].content)


def reword(*models: Any) -> llm.LLMResult[Rewording]:
    return llm.run_structured(
        agent="generator",
        output_type=Rewording,
        instructions="Reword the question.",
        prompt="A circular pond has diameter $28$ m.",
        models=list(models),
    )


EXPECTED = Rewording(
    title="The pond in the park",
    stem="The park has a circular pond with diameter $28$ m.",
    parts=[
        {"label": "a", "text": "Calculate the area of the surface of the pond."},
        {"label": "b", "text": "Calculate the distance around the edge of the pond."},
    ],
    rationale="A park setting; the diameter and both questions are unchanged.",
)
SCHEMA_FIELDS = {"title", "stem", "parts", "rationale"}


@pytest.fixture
def providers(llm_settings):  # noqa: F811
    llm_settings.update(
        GOOGLE_API_KEY="AIza-test-not-a-real-key",
        OPENAI_COMPATIBLE_BASE_URL="http://gpu-box.internal:8000/v1",
        OPENAI_COMPATIBLE_API_KEY="local-test-key",
        OPENAI_COMPATIBLE_MODEL="qwen3:8b",
    )
    return llm_settings


def assert_sent_once_per_attempt(replay: Replay) -> None:
    # The SDKs' own retries are off: each attempt is one request, retried by us.
    assert all(r.headers.get("x-stainless-retry-count", "0") == "0" for r in replay.requests)


def test_openai_sends_our_schema_as_a_tool_and_reads_the_answer_and_usage(providers):
    replay = Replay((200, "openai_chat_completion.json"))
    result = reword(replay.model("openai:gpt-6.1-terra"))

    (request,) = replay.requests
    assert str(request.url) == "https://api.openai.com/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test-not-a-real-key"
    body = replay.body()
    assert body["model"] == "gpt-6.1-terra"
    assert body["messages"][0] == {"role": "system", "content": "Reword the question."}
    assert body["tool_choice"] == "required"
    (tool,) = body["tools"]
    assert tool["function"]["name"] == "final_result"
    assert set(tool["function"]["parameters"]["properties"]) == SCHEMA_FIELDS
    assert body["max_completion_tokens"] == 16000

    assert result.output == EXPECTED
    assert result.model == "openai:gpt-6.1-terra"
    assert (result.usage.tokens_in, result.usage.tokens_out) == (412, 96)
    # genai-prices prices the dated snapshot the API names as gpt-6.1-terra: $1 and $5 per M.
    assert result.usage.cost == pytest.approx((412 * 1.0 + 96 * 5.0) / 1e6)
    assert result.cost_source == "genai-prices"


def test_anthropic_sends_our_schema_as_structured_output_and_reads_the_answer(providers):
    replay = Replay((200, "anthropic_message.json"))
    result = reword(replay.model("anthropic:claude-sonnet-5-5"))

    (request,) = replay.requests
    assert str(request.url) == "https://api.anthropic.com/v1/messages"
    assert "sk-ant-test-not-a-real-key" in (
        request.headers.get("x-api-key", "") + request.headers.get("authorization", "")
    )
    assert request.headers["anthropic-version"]
    body = replay.body()
    assert body["model"] == "claude-sonnet-5-5"
    assert body["system"] == [{"type": "text", "text": "Reword the question."}]
    schema = body["output_config"]["format"]["schema"]
    assert set(schema["properties"]) == SCHEMA_FIELDS
    # Kept under the SDK's non-streaming limit, so the reply is one JSON body.
    assert (body["max_tokens"], body["stream"]) == (16000, False)

    assert result.output == EXPECTED
    assert (result.usage.tokens_in, result.usage.tokens_out) == (530, 118)
    assert result.usage.cost == pytest.approx((530 * 2.0 + 118 * 10.0) / 1e6)
    assert result.cost_source == "genai-prices"


def test_google_sends_our_schema_as_a_function_and_reads_the_answer(providers):
    replay = Replay((200, "google_generate_content.json"))
    result = reword(replay.model("google:gemini-3.8-flash"))

    (request,) = replay.requests
    assert str(request.url) == (
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-3.8-flash:generateContent"
    )
    assert request.headers["x-goog-api-key"] == "AIza-test-not-a-real-key"
    body = replay.body()
    (declaration,) = body["tools"][0]["functionDeclarations"]
    assert declaration["name"] == "final_result"
    assert set(declaration["parameters_json_schema"]["properties"]) == SCHEMA_FIELDS
    assert body["toolConfig"]["functionCallingConfig"]["mode"] == "ANY"
    assert body["systemInstruction"]["parts"] == [{"text": "Reword the question."}]

    assert result.output == EXPECTED
    assert (result.usage.tokens_in, result.usage.tokens_out) == (380, 85)
    assert result.usage.cost == pytest.approx((380 * 0.75 + 85 * 3.75) / 1e6, abs=1e-6)


def test_an_openai_compatible_server_is_called_at_its_base_url_with_its_own_key(providers):
    replay = Replay((200, "openai_compatible_chat_completion.json"))
    result = reword(replay.model("openai-compatible:qwen3:8b"))

    (request,) = replay.requests
    assert str(request.url) == "http://gpu-box.internal:8000/v1/chat/completions"
    # Its own key, never the OpenAI one.
    assert request.headers["authorization"] == "Bearer local-test-key"
    body = replay.body()
    assert body["model"] == "qwen3:8b"
    assert set(body["tools"][0]["function"]["parameters"]["properties"]) == SCHEMA_FIELDS

    assert result.output == EXPECTED
    assert result.model == "openai-compatible:qwen3:8b"
    assert (result.usage.tokens_in, result.usage.tokens_out) == (301, 77)
    assert (result.usage.cost, result.cost_source) == (0.0, "unpriced")


def test_a_recorded_429_is_retried_after_the_wait_the_provider_asks_for_capped(providers):
    replay = Replay(
        (429, "openai_rate_limit_429.json", {"retry-after-ms": "1016", "x-should-retry": "true"}),
        (200, "openai_chat_completion.json"),
    )
    result = reword(replay.model("openai:gpt-6.1-terra"))

    assert len(replay.requests) == 2
    assert_sent_once_per_attempt(replay)
    (failure,) = result.failures
    assert failure.startswith("openai:gpt-6.1-terra: rate limited (HTTP 429); retrying in 0.1")
    assert result.output == EXPECTED


def test_a_recorded_anthropic_overload_is_retried(providers):
    replay = Replay((529, "anthropic_overloaded_529.json"), (200, "anthropic_message.json"))
    result = reword(replay.model("anthropic:claude-sonnet-5-5"))

    assert len(replay.requests) == 2
    assert_sent_once_per_attempt(replay)
    assert result.failures[0].startswith("anthropic:claude-sonnet-5-5: server error (HTTP 529)")
    assert result.output == EXPECTED


def test_google_unavailable_three_times_falls_back_to_the_next_provider(providers):
    google = Replay((503, "google_unavailable_503.json"))
    local = Replay((200, "openai_compatible_chat_completion.json"))
    result = reword(
        google.model("google:gemini-3.8-flash"), local.model("openai-compatible:qwen3:8b")
    )

    assert len(google.requests) == 3  # the first try and RETRIES (2) more
    assert len(local.requests) == 1
    assert result.failures[-1] == "google:gemini-3.8-flash: server error (HTTP 503)"
    assert result.model == "openai-compatible:qwen3:8b"


def test_a_rejected_key_is_not_retried(providers):
    replay = Replay((401, "openai_invalid_key_401.json"))
    with pytest.raises(llm.LLMUnavailable) as caught:
        reword(replay.model("openai:gpt-6.1-terra"))
    assert len(replay.requests) == 1
    assert caught.value.reasons == ["openai:gpt-6.1-terra: rejected the credentials (HTTP 401)"]


def test_a_provider_that_does_not_answer_in_time_times_out_per_request(providers):
    providers.update(TIMEOUT_SECONDS=0.05, RETRIES=1)
    replay = Replay(5.0)
    with pytest.raises(llm.LLMUnavailable) as caught:
        reword(replay.model("openai:gpt-6.1-terra"))
    assert len(replay.requests) == 2
    assert [r.split(";")[0] for r in caught.value.reasons] == [
        "openai:gpt-6.1-terra: timed out after 0.05 s"
    ] * 2
    assert caught.value.unreachable
