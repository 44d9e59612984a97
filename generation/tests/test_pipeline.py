"""The whole pipeline offline, against PostgreSQL, through the real task queue and worker."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.management import call_command

from generation import services
from generation.agents.orchestrator import run_session
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest
from questions.models import Question, ReviewState

pytestmark = pytest.mark.django_db(transaction=True)


def _request(**overrides):
    values = {
        "tier": "Extended",
        "syllabus_codes": ["E5.3"],
        "count": 3,
        "difficulty": 3,
        "seed": 11,
    }
    values.update(overrides)
    return GenerationRequest(**values)


def test_a_session_started_by_the_service_runs_on_the_worker_and_stores_verified_questions(teacher):
    session = services.session_start(owner=teacher, request=_request())
    assert session.status_id == Status.PENDING
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    session.refresh_from_db()
    assert session.status_id == Status.COMPLETED, session.error
    questions = list(Question.objects.filter(session=session))
    assert len(questions) == session.questions_made == 3
    assert session.questions_approved == sum(
        q.review_state == ReviewState.APPROVED for q in questions
    )
    for question in questions:
        assert question.verified and question.verification["passed"]
        assert question.owner == teacher
        content = question.content
        assert (question.tier_id, question.marks, question.difficulty) == (
            content["tier"],
            content["total_marks"],
            content["difficulty"],
        )
        assert question.syllabus_codes == content["syllabus_codes"] == ["E5.3"]
        assert question.review["decision"] in ("approve", "manual_review")
        assert question.quality_score == question.review["score"]
    assert len({q.variant_key for q in questions}) == 3


def test_steps_are_recorded_in_order_with_timings_and_totals(teacher):
    session = services.session_start(owner=teacher, request=_request(count=2), enqueue=False)
    assert run_session(str(session.pk)) == Status.COMPLETED
    session.refresh_from_db()
    steps = list(session.steps.order_by("sequence"))
    assert [s.sequence for s in steps] == list(range(1, len(steps) + 1))
    assert steps[0].kind == "started" and steps[-1].kind == "finished"
    per_question = [s.agent for s in steps if s.question_index == 0]
    assert per_question[:3] == ["generator", "marker", "reviewer"]
    assert per_question[-1] == "orchestrator"
    assert all(s.finished_at >= s.started_at for s in steps)
    generator_steps = [s for s in steps if s.agent == "generator"]
    assert all(s.duration_ms > 0 for s in generator_steps)
    assert session.agent_timings["generator"] == pytest.approx(
        sum(s.duration_ms for s in generator_steps) / 1000, abs=0.01
    )
    assert session.started_at <= session.finished_at
    reviewer = next(s for s in steps if s.agent == "reviewer")
    assert set(reviewer.data["scores"]) == {
        "correctness",
        "cambridge_compliance",
        "tier_difficulty_fit",
        "clarity",
        "novelty",
    }
    assert "Scores:" in reviewer.reasoning


def test_a_variant_the_bank_already_holds_is_passed_over_without_a_regeneration(
    teacher, other_teacher
):
    """Two teachers asking with the same seed: the second session's generator skips the
    variant the first stored and makes another, at the first try (no review sends it back)."""
    first = services.session_start(owner=teacher, request=_request(count=1), enqueue=False)
    assert run_session(str(first.pk)) == Status.COMPLETED
    second = services.session_start(owner=other_teacher, request=_request(count=1), enqueue=False)
    assert run_session(str(second.pk)) == Status.COMPLETED
    keys = [Question.objects.get(session=s).variant_key for s in (first, second)]
    assert keys[0] != keys[1]
    assert [s.agent for s in second.steps.all() if s.agent == "generator"] == ["generator"]


def test_a_code_with_no_template_ends_the_session_failed_with_a_reason(teacher):
    session = services.session_start(
        owner=teacher, request=_request(syllabus_codes=["E4.2"], count=1), enqueue=False
    )
    from generation.engine import base

    if base.templates_for(code="E4.2", tier="Extended"):
        pytest.skip("E4.2 has a template now")
    assert run_session(str(session.pk)) == Status.FAILED
    session.refresh_from_db()
    assert "no question template covers E4.2" in session.error
    assert session.questions_rejected == 1
    assert not Question.objects.filter(session=session).exists()


def test_cancel_mid_run_stops_the_session(teacher):
    session = services.session_start(owner=teacher, request=_request(count=12), enqueue=False)
    result: dict[str, str] = {}
    runner = threading.Thread(
        target=lambda: result.setdefault("status", run_session(str(session.pk)))
    )
    runner.start()
    deadline = time.monotonic() + 60
    while not Question.objects.filter(session=session).exists():
        assert time.monotonic() < deadline, "no question was stored in time"
        time.sleep(0.05)
    services.session_cancel(session=session)
    runner.join(timeout=60)
    session.refresh_from_db()
    assert result["status"] == Status.CANCELLED
    assert session.status_id == Status.CANCELLED
    assert session.error == "Cancelled by the teacher."
    assert 1 <= session.questions_made < 12
    assert session.steps.order_by("-sequence").first().kind == "finished"


def test_cancelling_a_pending_session_stops_it_before_it_runs(teacher):
    session = services.session_start(owner=teacher, request=_request(), enqueue=False)
    services.session_cancel(session=session)
    assert run_session(str(session.pk)) == Status.CANCELLED
    assert not GenerationSession.objects.get(pk=session.pk).steps.exists()
    with pytest.raises(services.SessionNotCancellable):
        services.session_cancel(session=GenerationSession.objects.get(pk=session.pk))


def test_a_failing_step_ends_the_session_failed_with_the_reason(teacher, monkeypatch):
    from generation.agents import marker

    def broken(question, **kwargs):
        raise RuntimeError("marker exploded")

    monkeypatch.setattr(marker, "mark", broken)
    session = services.session_start(owner=teacher, request=_request(count=1), enqueue=False)
    assert run_session(str(session.pk)) == Status.FAILED
    session.refresh_from_db()
    assert session.error == "RuntimeError: marker exploded"
    assert session.steps.filter(kind="error").exists()
    assert session.finished_at is not None
