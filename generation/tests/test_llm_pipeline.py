"""Sessions in hybrid and llm modes, run through the orchestrator against PostgreSQL, with the
configured models replaced by scripted pydantic-ai models that misbehave on purpose.

Whatever the models do, a stored question has passed verification, and every failure of a
model leaves a reason in the step log.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from pydantic_ai import ModelHTTPError, ModelRateLimitError
from pydantic_ai.exceptions import ModelServerError
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart, UserPromptPart
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_ai.models.test import TestModel
from pydantic_ai.usage import RequestUsage

from generation import services
from generation.agents import llm
from generation.agents.generator import Rewording, apply_rewording
from generation.agents.orchestrator import run_session
from generation.engine.base import generate
from generation.engine.verifier import verify
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest
from generation.tests.test_llm import ANTHROPIC, OPENAI, llm_settings, no_network  # noqa: F401
from questions.models import Question
from questions.schemas import Question as QuestionSchema
from questions.schemas import Tier

pytestmark = pytest.mark.django_db

TEMPLATE = "mensuration.circle_area_circumference"
Handler = Callable[[int, str], Any]


# --- a scripted language model -----------------------------------------------------------


def engine_question(seed: int) -> dict[str, Any]:
    """A correct question from the engine, as an LLM would send it."""
    question = generate(TEMPLATE, seed=seed, difficulty=3, tier=Tier.EXTENDED).question
    data = question.model_dump(mode="json")
    data["variant"]["source"] = "llm"
    return data


def wrong_display(seed: int) -> dict[str, Any]:
    """Part (a)'s answer shown as a number its own working does not give."""
    data = engine_question(seed)
    answer = data["parts"][0]["answers"][0]
    line = next(m for m in data["mark_scheme"] if m["part"] == "a" and m["mark_type"] == "A")
    wrong = str(int(float(answer["plain"])) + 7)
    line["awarded_for"] = line["awarded_for"].replace(answer["latex"], wrong)
    answer["plain"] = answer["latex"] = wrong
    return data


def wrong_answer(seed: int) -> dict[str, Any]:
    """Part (a) asks for the area but its answer is the circumference: no display to fix."""
    data = engine_question(seed)
    data["parts"][0]["answers"][0] = dict(data["parts"][1]["answers"][0])
    return data


def section(prompt: str, heading: str) -> dict[str, Any]:
    """The JSON that follows ``heading`` in a prompt."""
    blocks = prompt.split("\n\n")
    return json.loads(blocks[blocks.index(heading) + 1])


def rewording(prompt: str, change: Callable[[str], str] = lambda t: t) -> dict[str, Any]:
    """A new context for the question in the prompt, each text passed through ``change``."""
    heading = "Original question (JSON):" if "Original question (JSON):" in prompt else None
    original = section(prompt, heading or "Question (JSON):")
    return {
        "title": "At the garden centre",
        "stem": change("At the garden centre: " + original["stem"]),
        "parts": [{"label": p["label"], "text": change(p["text"])} for p in original["parts"]],
        "rationale": "a garden-centre context",
    }


def given_numbers(prompt: str) -> list[str]:
    return re.findall(r"[\d.]+", prompt.split("Numbers that must survive unchanged: ")[1])


def replace_number(number: str, by: str) -> Callable[[str], str]:
    return lambda text: re.sub(rf"(?<![\d.]){re.escape(number)}(?![\d.])", by, text)


class Script:
    """One scripted model per provider name, answering each agent's schema with a handler
    ``(n, prompt) -> arguments | ModelResponse | exception | seconds to stall``; ``n`` counts
    that schema's requests so far, across threads."""

    KINDS = {"mark_scheme": "question", "rationale": "rewording", "critique": "critique"}

    def __init__(self, **handlers: Handler) -> None:
        self.handlers: dict[str, Handler] = {
            "question": lambda n, p: engine_question(100 + n),
            "rewording": lambda n, p: rewording(p),
            "lines": lambda n, p: {"lines": []},
            "critique": lambda n, p: {"critique": "A realistic context, clearly worded."},
            **handlers,
        }
        self.asked: dict[str, int] = {}
        self.lock = threading.Lock()

    def model(self, name: str) -> FunctionModel:
        async def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
            tool = info.output_tools[0]
            properties = tool.parameters_json_schema.get("properties", {})
            kind = next((k for p, k in self.KINDS.items() if p in properties), "lines")
            with self.lock:
                n = self.asked.get(kind, 0)
                self.asked[kind] = n + 1
            step = self.handlers[kind](n, prompt_of(messages))
            if isinstance(step, BaseException):
                raise step
            if isinstance(step, float):
                await asyncio.sleep(step)
                raise AssertionError("the request should have timed out")
            if isinstance(step, ModelResponse):
                return step
            return ModelResponse(
                parts=[ToolCallPart(tool.name, step)],
                usage=RequestUsage(input_tokens=1000, output_tokens=200),
            )

        return FunctionModel(answer, model_name=name)


def prompt_of(messages: list[ModelMessage]) -> str:
    return next(
        str(part.content)
        for message in messages
        for part in getattr(message, "parts", [])
        if isinstance(part, UserPromptPart)
    )


def run(
    teacher: Any,
    mode: str,
    script: Script,
    *,
    fallback: Any = None,
    count: int = 1,
    **request: Any,
) -> GenerationSession:
    """Run a session with ``script`` behind OpenAI and ``fallback`` (or the script) behind
    Anthropic; returns the finished session."""
    values: dict[str, Any] = {"tier": "Extended", "syllabus_codes": ["E5.3"], "seed": 11}
    values.update(request)
    session = services.session_start(
        owner=teacher,
        request=GenerationRequest(mode=mode, count=count, **values),
        enqueue=False,
    )
    models = {
        OPENAI: script.model("gpt-6.1-terra"),
        ANTHROPIC: fallback if fallback is not None else script.model("claude-sonnet-5-5"),
    }
    with llm.substitute_models(models):
        run_session(str(session.pk))
    session.refresh_from_db()
    return session


def steps(session: GenerationSession, agent: str) -> list[Any]:
    return list(session.steps.filter(agent=agent).order_by("sequence"))


def stored(session: GenerationSession) -> list[Question]:
    return list(Question.objects.filter(session=session))


def assert_every_stored_question_passed_verification(session: GenerationSession) -> None:
    for question in stored(session):
        assert question.verified and question.verification["passed"]
        assert verify(question.content).passed  # recomputed now, not taken from the row
        assert question.review["decision"] in ("approve", "manual_review")


def http_error(status: int, category: Any = None) -> ModelHTTPError:
    return ModelHTTPError.for_category(
        category, status_code=status, model_name="scripted", body={"error": {"message": "x"}}
    )


@pytest.fixture
def pipeline(llm_settings, settings):  # noqa: F811
    settings.PIPELINE = {**settings.PIPELINE, "MAX_REFINEMENTS": 1, "MAX_REGENERATIONS": 1}
    return llm_settings


# --- llm mode ----------------------------------------------------------------------------


def test_a_wrong_answer_written_by_the_llm_is_caught_and_refined_never_stored(teacher, pipeline):
    session = run(teacher, "llm", Script(question=lambda n, p: wrong_display(100 + n)))

    assert session.status_id == Status.COMPLETED, session.error
    first_review, second_review = steps(session, "reviewer")
    assert not first_review.data["verification"]["passed"]
    assert "answer.display" in first_review.reasoning
    (refined,) = steps(session, "refiner")
    assert "part a: answer shown as" in refined.reasoning
    (question,) = stored(session)
    right = engine_question(100)["parts"][0]["answers"][0]["plain"]
    assert question.content["parts"][0]["answers"][0]["plain"] == right
    assert second_review.data["verification"]["passed"]
    assert_every_stored_question_passed_verification(session)


def test_an_answer_the_refiner_cannot_fix_is_regenerated(teacher, pipeline):
    script = Script(
        question=lambda n, p: wrong_answer(100 + n) if n == 0 else engine_question(100 + n)
    )
    session = run(teacher, "llm", script)

    assert session.status_id == Status.COMPLETED, session.error
    assert script.asked["question"] == 2
    first, second = steps(session, "generator")
    assert first.data["question"]["parts"][0]["answers"][0]["value"] == "2*pi*(d/2)"
    (refined,) = steps(session, "refiner")
    assert "nothing the refiner can fix automatically" in refined.reasoning
    (question,) = stored(session)
    assert question.content["parts"] == second.data["question"]["parts"]
    assert question.content["parts"][0]["answers"][0]["value"] == "pi*(d/2)**2"
    assert_every_stored_question_passed_verification(session)


def test_an_llm_that_is_always_wrong_ends_the_session_failed_with_reasons(teacher, pipeline):
    session = run(teacher, "llm", Script(question=lambda n, p: wrong_answer(100 + n)))

    assert session.status_id == Status.FAILED
    assert session.error.startswith("No question passed review. question 1: still refine")
    assert not stored(session)
    (rejected,) = session.steps.filter(kind="rejected")
    assert "solution.final_step" in rejected.reasoning or "marks" in rejected.reasoning
    assert session.steps.order_by("-sequence").first().kind == "finished"


def test_malformed_and_schema_invalid_output_falls_back_with_the_reasons(teacher, pipeline):
    malformed = ModelResponse(parts=[ToolCallPart("final_result", '{"title": "Circ')])
    script = Script(question=lambda n, p: malformed, rewording=lambda n, p: malformed)
    session = run(teacher, "llm", script, fallback=TestModel())

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    notes = generated.data["notes"]
    assert notes[0].startswith("LLM question writing failed (")
    assert notes[0].endswith("; fell back.")
    assert f"{OPENAI}: output did not fit the schema after 2 retries" in notes[0]
    assert f"{ANTHROPIC}: output did not fit the schema after 2 retries" in notes[0]
    assert "validation error for Question" in notes[0]
    # The hybrid fallback: TestModel's rewording ("a") drops the pond's numbers, which the
    # verifier catches and the refiner undoes with the template's own wording.
    assert f"fallback: {OPENAI}: output did not fit the schema" in "\n".join(notes)
    assert generated.data["mode"] == "hybrid"
    assert "given.stated" in steps(session, "reviewer")[0].reasoning
    assert "the template's own wording" in steps(session, "refiner")[0].reasoning
    assert_every_stored_question_passed_verification(session)


def test_a_refusal_falls_back_to_the_next_configured_model(teacher, pipeline):
    refusal = ModelResponse(
        parts=[], finish_reason="content_filter", provider_details={"refusal": "Not today."}
    )
    refusing = Script(question=lambda n, p: refusal)
    willing = Script()
    session = run(teacher, "llm", refusing, fallback=willing.model("claude-sonnet-5-5"))

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    assert f"fallback: {OPENAI}: refused (Content filter triggered. Refusal: 'Not today.')" in (
        generated.reasoning
    )
    assert f"Written by {ANTHROPIC}" in generated.reasoning
    assert generated.model == ANTHROPIC
    assert refusing.asked["question"] == 1  # a refusal is not asked again
    assert_every_stored_question_passed_verification(session)


def test_unreachable_providers_send_llm_mode_straight_to_offline(teacher, pipeline):
    down = Script(question=lambda n, p: http_error(500, ModelServerError))
    also_down = Script(question=lambda n, p: http_error(503))
    session = run(teacher, "llm", down, fallback=also_down.model("claude-sonnet-5-5"))

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    assert generated.data["mode"] == "offline"
    assert generated.data["notes"][0].endswith("; ran offline.")
    assert f"{OPENAI}: server error (HTTP 500); retrying in" in generated.reasoning
    assert f"{ANTHROPIC}: server error (HTTP 503)" in generated.reasoning
    assert (down.asked["question"], also_down.asked["question"]) == (3, 3)
    assert "rewording" not in down.asked  # hybrid would only wait for them again
    assert_every_stored_question_passed_verification(session)


def test_tokens_and_cost_are_recorded_on_steps_and_session_totals(teacher, pipeline):
    session = run(teacher, "llm", Script())

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    assert (generated.tokens_in, generated.tokens_out, generated.model) == (1000, 200, OPENAI)
    # genai-prices: gpt-6.1-terra costs $1 in and $5 out per million tokens.
    assert generated.cost == Decimal("0.002000")
    assert "Written by openai:gpt-6.1-terra (1000 tokens in, 200 out, $0.0020 by genai-prices)" in (
        generated.reasoning
    )
    for agent in ("marker", "reviewer"):
        step = steps(session, agent)[0]
        assert (step.tokens_in, step.tokens_out, step.model) == (1000, 200, OPENAI)
    all_steps = list(session.steps.all())
    assert session.tokens_in == sum(s.tokens_in for s in all_steps) == 3000
    assert session.tokens_out == sum(s.tokens_out for s in all_steps) == 600
    assert session.cost == sum(s.cost for s in all_steps) == Decimal("0.006")
    (question,) = stored(session)
    assert question.review["critique"] == "A realistic context, clearly worded."


def test_marker_and_refiner_llm_wording_is_kept_only_when_it_keeps_the_numbers(teacher, pipeline):
    def question(n: int, prompt: str) -> dict[str, Any]:
        data = wrong_display(100)  # refined once: the refiner's LLM gets the clarity finding
        data["stem"] += " ??"
        return data

    def lines(n: int, prompt: str) -> dict[str, Any]:
        scheme = section(prompt, "Mark scheme (JSON, index = position):")["mark_scheme"]
        method = next(i for i, m in enumerate(scheme) if m["mark_type"] == "M")
        if n == 0:  # an invented number: dropped
            return {"lines": [{"index": method, "awarded_for": "$\\pi \\times 15^2$"}]}
        return {
            "lines": [{"index": method, "awarded_for": scheme[method]["awarded_for"] + " seen"}]
        }

    def reword(n: int, prompt: str) -> dict[str, Any]:
        return rewording(prompt, lambda text: text.replace(" ??", ""))

    session = run(teacher, "llm", Script(question=question, lines=lines, rewording=reword))

    assert session.status_id == Status.COMPLETED, session.error
    first_mark = steps(session, "marker")[0]
    assert "Dropped the LLM's mark-scheme wording: it adds 15" in first_mark.reasoning
    (refined,) = steps(session, "refiner")
    assert "Reworded for clarity by openai:gpt-6.1-terra" in refined.reasoning
    (question_row,) = stored(session)
    assert "??" not in question_row.content["stem"]
    assert question_row.content["stem"].startswith("At the garden centre: ")
    assert_every_stored_question_passed_verification(session)


# --- hybrid mode -------------------------------------------------------------------------


def test_a_number_dropped_from_hybrid_wording_is_caught_and_refined_back(teacher, pipeline):
    def drop(n: int, prompt: str) -> dict[str, Any]:
        return rewording(prompt, replace_number(given_numbers(prompt)[0], "the given"))

    session = run(teacher, "hybrid", Script(rewording=drop))

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    assert generated.data["mode"] == "hybrid"
    first_review = steps(session, "reviewer")[0]
    assert "given.stated" in first_review.reasoning
    assert "was the number reworded or dropped?" in first_review.reasoning
    (refined,) = steps(session, "refiner")
    assert "the template's own wording" in refined.reasoning
    (question,) = stored(session)
    assert not question.content["stem"].startswith("At the garden centre")
    assert_every_stored_question_passed_verification(session)


def test_a_wrong_number_slipped_into_hybrid_wording_is_caught(teacher, pipeline):
    def change(n: int, prompt: str) -> dict[str, Any]:
        return rewording(prompt, replace_number(given_numbers(prompt)[0], "987654"))

    session = run(teacher, "hybrid", Script(rewording=change))

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    assert "The rewording added 987654" in generated.reasoning
    # Caught before review; had it gone on, the verifier would have caught it too.
    template = QuestionSchema.model_validate(generated.data["question"])
    number = template.givens[0].display
    slipped = apply_rewording(
        template,
        Rewording.model_validate(
            rewording(
                "Original question (JSON):\n\n" + template.model_dump_json(),
                replace_number(number, "987654"),
            )
        ),
    )
    assert "given.stated" in {c.name for c in verify(slipped).failures}
    (question,) = stored(session)
    assert "987654" not in json.dumps(question.content)
    assert_every_stored_question_passed_verification(session)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (http_error(429, ModelRateLimitError), "rate limited (HTTP 429)"),
        (http_error(500, ModelServerError), "server error (HTTP 500)"),
        (3.0, "timed out after 0.5 s"),
    ],
    ids=["429", "500", "timeout"],
)
def test_hybrid_rewording_retries_after_timeouts_429_and_500(teacher, pipeline, error, reason):
    pipeline["TIMEOUT_SECONDS"] = 0.5

    def flaky(n: int, prompt: str) -> Any:
        return error if n < 2 else rewording(prompt)

    script = Script(rewording=flaky)
    session = run(teacher, "hybrid", script)

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    assert generated.reasoning.count(f"fallback: {OPENAI}: {reason}; retrying in") == 2
    assert f"Reworded by {OPENAI}" in generated.reasoning
    assert script.asked["rewording"] == 3
    (question,) = stored(session)
    assert question.content["stem"].startswith("At the garden centre: ")
    assert_every_stored_question_passed_verification(session)


def test_hybrid_falls_back_to_the_next_model_then_offline_and_says_so(teacher, pipeline):
    down = Script(rewording=lambda n, p: http_error(500, ModelServerError))
    also_down = Script(rewording=lambda n, p: http_error(529))
    session = run(teacher, "hybrid", down, fallback=also_down.model("claude-sonnet-5-5"))

    assert session.status_id == Status.COMPLETED, session.error
    generated = steps(session, "generator")[0]
    assert generated.data["mode"] == "offline"
    note = generated.data["notes"][-1]
    assert note.startswith(f"LLM rewording unavailable ({OPENAI}: server error (HTTP 500)")
    assert f"{ANTHROPIC}: server error (HTTP 529))" in note
    assert note.endswith("; kept the template's wording.")
    assert_every_stored_question_passed_verification(session)


# --- every mode --------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_no_mode_stores_a_question_that_failed_verification(teacher, pipeline):
    """Three questions per mode, run in parallel, with models that are wrong two times in
    three in different ways."""

    def question(n: int, prompt: str) -> Any:
        return [wrong_display, wrong_answer, engine_question][n % 3](200 + n)

    def reword(n: int, prompt: str) -> Any:
        number = given_numbers(prompt)[0]
        change = [replace_number(number, "the given"), replace_number(number, "987654")]
        return rewording(prompt, *change[n % 3 : n % 3 + 1])

    def critique(n: int, prompt: str) -> Any:
        return http_error(500) if n % 2 else {"critique": "Fine."}

    outcomes = {}
    for mode in ("offline", "hybrid", "llm"):
        script = Script(question=question, rewording=reword, critique=critique)
        session = run(teacher, mode, script, count=3, seed=31)
        outcomes[mode] = session
        assert bool(script.asked) == (mode != "offline")
        assert session.status_id in (Status.COMPLETED, Status.FAILED)
        assert session.questions_made + session.questions_rejected == 3
        assert session.questions_made == len(stored(session))
        assert_every_stored_question_passed_verification(session)
    assert all(outcomes[mode].questions_made for mode in outcomes)
    assert outcomes["offline"].tokens_in == 0
    assert outcomes["hybrid"].tokens_in > 0 and outcomes["llm"].tokens_in > 0
