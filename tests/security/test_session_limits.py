"""Per-teacher limits (``SESSION_LIMITS``): no teacher can exhaust the workers. Sessions running
at once, sessions waiting to start and questions per session are capped in the generation
service (every way of starting one goes through it), with a message the generate form shows
over what the teacher typed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from generation import services
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest

pytestmark = pytest.mark.django_db

SMALL = {
    "MAX_ACTIVE": 1,
    "MAX_QUEUED": 2,
    "MAX_QUESTIONS": 4,
    "STAFF_MULTIPLIER": 3,
    "RETRY_SECONDS": 5,
}
small_limits = override_settings(SESSION_LIMITS=SMALL)
FORM = {
    "tier": "Extended",
    "syllabus_code": "E2.5",
    "count": "2",
    "difficulty": "4",
    "mode": "offline",
}


def start(owner: Any, count: int = 1) -> GenerationSession:
    request = GenerationRequest(tier="Extended", syllabus_codes=["E2.5"], count=count)
    return services.session_start(owner=owner, request=request, enqueue=False)


def test_the_limits_are_settings_with_defaults(settings):
    assert settings.SESSION_LIMITS == {
        "MAX_ACTIVE": 3,
        "MAX_QUEUED": 10,
        "MAX_QUESTIONS": 20,
        "STAFF_MULTIPLIER": 5,
        "RETRY_SECONDS": 5.0,
    }


@small_limits
def test_more_questions_than_the_cap_are_refused(teacher):
    start(teacher, count=4)
    with pytest.raises(services.SessionRefused, match="at most 4 questions"):
        start(teacher, count=5)


@small_limits
def test_a_full_queue_refuses_until_one_starts_or_is_cancelled(teacher, other_teacher):
    first, _ = start(teacher), start(teacher)
    with pytest.raises(services.SessionRefused, match="2 sessions waiting to start"):
        start(teacher)
    start(other_teacher)  # one teacher's queue is not another's
    services.session_cancel(session=first)
    start(teacher)
    assert GenerationSession.objects.filter(owner=teacher).count() == 3


@small_limits
def test_staff_get_the_multiplier_on_sessions_not_on_questions(staff_user):
    for _ in range(6):
        start(staff_user)
    with pytest.raises(services.SessionRefused, match="limit is 6"):
        start(staff_user)
    with pytest.raises(services.SessionRefused, match="at most 4 questions"):
        services.session_limits_check(
            owner=staff_user, request=GenerationRequest(tier="Core", topic="Number", count=5)
        )


@small_limits
def test_without_an_owner_only_the_question_cap_applies():
    for _ in range(4):
        start(None)
    with pytest.raises(services.SessionRefused):
        start(None, count=5)


@small_limits
def test_past_max_active_a_session_waits_pending_and_is_tried_again_later(
    teacher, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    running, waiting = start(teacher), start(teacher)
    assert services.session_begin(session_id=str(running.pk), worker="w1") is not None
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.session_begin(session_id=str(waiting.pk), worker="w2") is None
    waiting.refresh_from_db()
    assert waiting.status_id == Status.PENDING and waiting.attempts == 0
    retry = DBTaskResult.objects.get(args_kwargs__args=[str(waiting.pk)])
    assert (retry.run_after - before).total_seconds() >= 4.5
    services.session_finish(session_id=str(running.pk), status=Status.COMPLETED)
    assert services.session_begin(session_id=str(waiting.pk), worker="w2") is not None


@small_limits
@pytest.mark.parametrize("htmx", [False, True])
def test_the_generate_form_says_why_and_keeps_what_was_typed(client, teacher, htmx):
    client.force_login(teacher)
    headers = {"HX-Request": "true"} if htmx else {}
    for _ in range(2):
        assert client.post("/generate/", FORM, headers=headers).status_code in (200, 302)
    assert GenerationSession.objects.filter(owner=teacher).count() == 2
    response = client.post("/generate/", FORM, headers=headers)
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Redirect" not in response.headers
    assert "2 sessions waiting to start (the limit is 2)" in html and 'role="alert"' in html
    assert 'value="E2.5" selected' in html
    assert 'name="count" value="2"' in html
    assert '<option value="4" selected>' in html
    assert GenerationSession.objects.filter(owner=teacher).count() == 2


@small_limits
def test_too_many_questions_through_the_form(client, teacher):
    client.force_login(teacher)
    response = client.post("/generate/", {**FORM, "count": "5"})
    assert response.status_code == 200
    assert "at most 4 questions" in response.content.decode()
    assert not GenerationSession.objects.filter(owner=teacher).exists()


@small_limits
def test_another_like_this_says_why_when_the_queue_is_full(client, teacher, make_question):
    question = make_question(owner=teacher, seed=3)
    start(teacher), start(teacher)
    client.force_login(teacher)
    response = client.post(f"/bank/{question.pk}/another/", follow=True)
    assert response.redirect_chain[-1][0] == f"/bank/{question.pk}/"
    assert "sessions waiting to start" in response.content.decode()
