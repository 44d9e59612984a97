"""The generate form, the session page (full and fragment), cancel and the session list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from generation import services
from generation.agents.orchestrator import run_session
from generation.models import GenerationSession, Status
from generation.schemas import GenerationRequest

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _valid(**overrides):
    data = {
        "tier": "Extended",
        "syllabus_code": "E5.3",
        "difficulty": "3",
        "count": "2",
        "mode": "offline",
    }
    data.update(overrides)
    return data


def test_generate_form_renders_with_codes_of_the_tier(client, teacher):
    client.force_login(teacher)
    body = client.get(reverse("generation:session-new")).content.decode()
    assert 'id="generation-form"' in body
    assert "E5.3 Circles, arcs and sectors" in body
    assert "C5.3 " not in body  # Core codes only when Core is chosen
    assert "Offline templates" in body


def test_code_options_follow_the_tier_and_the_search(client, teacher):
    client.force_login(teacher)
    body = client.get(
        reverse("generation:code-options"), {"tier": "Core", "code_search": "percent"}, **HTMX
    ).content.decode()
    assert "C1.13 Percentages" in body
    assert "E1.13" not in body and "C5.3" not in body


def test_valid_submit_creates_a_session_and_opens_its_page(
    client, teacher, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("generation:session-new"), _valid())
    session = GenerationSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("generation:session-detail", args=[session.pk])
    assert session.owner == teacher and session.count == 2 and session.status_id == Status.PENDING
    assert len(callbacks) == 1  # the run is enqueued once the row is committed


def test_htmx_submit_redirects_the_client(client, teacher):
    client.force_login(teacher)
    response = client.post(reverse("generation:session-new"), _valid(), **HTMX)
    session = GenerationSession.objects.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("generation:session-detail", args=[session.pk])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"syllabus_code": "", "topic": ""}, "Choose a syllabus code or a whole topic."),
        (
            {"syllabus_code": "C5.3"},
            "Select a valid choice. C5.3 is not one of the available choices.",
        ),
        ({"count": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"marks": "50"}, "Ensure this value is less than or equal to 20."),
    ],
)
def test_invalid_submit_rerenders_the_form_with_inline_errors_and_keeps_the_input(
    client, teacher, data, message
):
    client.force_login(teacher)
    response = client.post(reverse("generation:session-new"), _valid(**data), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<form id="generation-form"')
    assert message in body
    assert 'class="field-error"' in body
    assert not GenerationSession.objects.exists()
    full = client.post(reverse("generation:session-new"), _valid(**data)).content.decode()
    assert "<html" in full and message in full


def test_a_code_without_a_template_is_refused_offline(client, teacher):
    from generation.engine import base

    client.force_login(teacher)
    uncovered = next(
        (c for c in ("E4.2", "E9.1", "E2.11") if not base.templates_for(code=c, tier="Extended")),
        None,
    )
    if uncovered is None:
        pytest.skip("every candidate code has a template")
    body = client.post(
        reverse("generation:session-new"), _valid(syllabus_code=uncovered)
    ).content.decode()
    assert f"No offline template covers {uncovered} yet" in body


def _finished_session(owner, count=1):
    session = services.session_start(
        owner=owner,
        request=GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=count, seed=3),
        enqueue=False,
    )
    run_session(str(session.pk))
    session.refresh_from_db()
    return session


def test_session_page_shows_steps_questions_and_totals(client, teacher):
    session = _finished_session(teacher)
    client.force_login(teacher)
    body = client.get(reverse("generation:session-detail", args=[session.pk])).content.decode()
    assert f'ws-connect="/ws/generate/{session.pk}/"' in body
    assert "Completed" in body
    assert "generator" in body and "reviewer" in body and "Reasoning" in body
    assert 'class="question-card' in body and "<math" in body
    assert 'data-total="made">1<' in body


def test_session_page_fragment_for_htmx(client, teacher):
    session = _finished_session(teacher)
    client.force_login(teacher)
    body = client.get(
        reverse("generation:session-detail", args=[session.pk]), **HTMX
    ).content.decode()
    assert "<html" not in body
    assert f'id="session-header-{session.pk}"' in body and 'id="timeline"' in body


def test_another_teacher_cannot_open_or_cancel_a_session(client, teacher, other_teacher):
    session = services.session_start(
        owner=teacher,
        request=GenerationRequest(tier="Extended", syllabus_codes=["E5.3"]),
        enqueue=False,
    )
    client.force_login(other_teacher)
    assert client.get(reverse("generation:session-detail", args=[session.pk])).status_code == 404
    assert client.post(reverse("generation:session-cancel", args=[session.pk])).status_code == 404
    session.refresh_from_db()
    assert not session.cancel_requested


def test_cancel_a_pending_session(client, teacher):
    session = services.session_start(
        owner=teacher,
        request=GenerationRequest(tier="Extended", syllabus_codes=["E5.3"]),
        enqueue=False,
    )
    client.force_login(teacher)
    response = client.post(reverse("generation:session-cancel", args=[session.pk]), follow=True)
    body = response.content.decode()
    assert "Cancelled before it started." in body
    session.refresh_from_db()
    assert session.status_id == Status.CANCELLED


def test_failed_session_says_why_in_plain_words(client, teacher):
    session = services.session_start(
        owner=teacher,
        request=GenerationRequest(tier="Extended", syllabus_codes=["E5.3"]),
        enqueue=False,
    )
    services.session_finish(
        session_id=str(session.pk),
        status=Status.FAILED,
        error="The session ran past its 600 s deadline.",
    )
    client.force_login(teacher)
    body = client.get(reverse("generation:session-detail", args=[session.pk])).content.decode()
    assert "This session failed." in body and "ran past its 600 s deadline" in body


def test_session_list_shows_only_my_sessions(client, teacher, other_teacher):
    mine = services.session_start(
        owner=teacher,
        request=GenerationRequest(tier="Core", syllabus_codes=["C5.3"]),
        enqueue=False,
    )
    theirs = services.session_start(
        owner=other_teacher,
        request=GenerationRequest(tier="Core", syllabus_codes=["C5.2"]),
        enqueue=False,
    )
    client.force_login(teacher)
    body = client.get(reverse("generation:session-list")).content.decode()
    assert str(mine.pk) in body and str(theirs.pk) not in body
