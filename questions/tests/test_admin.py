from __future__ import annotations

import pytest
from django.urls import reverse

from questions.models import Tier

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("tier", ["Core", "Extended"]),
        ("commandword", ["Write down", "Show that", "Calculate"]),
        ("calculatorpolicy", ["not_allowed", "allowed", "varies"]),
        ("generationstatus", ["pending", "running", "completed", "failed", "cancelled"]),
        ("questionorigin", ["generated", "past_paper", "textbook", "manual"]),
        ("syllabuscode", ["C1.1", "E9.7"]),
    ],
)
def test_admin_shows_seeded_reference_data(client, staff_user, model, expected):
    client.force_login(staff_user)
    response = client.get(reverse(f"admin:questions_{model}_changelist") + "?all=")
    assert response.status_code == 200
    for value in expected:
        assert value in response.content.decode()


def test_staff_without_model_permissions_can_edit_a_reference_table(client, staff_user):
    client.force_login(staff_user)
    url = reverse("admin:questions_tier_change", args=["Core"])
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {
            "code": "Core",
            "name": "Core",
            "description": "Core curriculum (edited)",
            "sort_order": 1,
            "papers": "Papers 1 and 3",
            "grades": "C–G",
        },
    )
    assert response.status_code == 302
    assert Tier.objects.get(code="Core").description == "Core curriculum (edited)"


def test_teachers_cannot_reach_the_admin(client, teacher):
    client.force_login(teacher)
    response = client.get(reverse("admin:questions_tier_changelist"))
    assert response.status_code == 302


def test_question_admin_shows_the_jsonb_readably(client, staff_user, make_question):
    question = make_question()
    client.force_login(staff_user)
    response = client.get(reverse("admin:questions_question_change", args=[question.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "&quot;total_marks&quot;: 4" in body
    assert "verifier report" in body.lower()


def test_there_are_53_core_and_72_extended_codes():
    from questions.models import SyllabusCode

    assert SyllabusCode.objects.filter(tier="Core").count() == 53
    assert SyllabusCode.objects.filter(tier="Extended").count() == 72


def test_staff_can_read_sessions_and_steps_but_not_change_them(client, staff_user, teacher):
    from generation import services
    from generation.schemas import GenerationRequest

    session = services.session_start(
        owner=teacher,
        request=GenerationRequest(tier="Core", syllabus_codes=["C5.3"]),
        enqueue=False,
    )
    client.force_login(staff_user)
    listing = client.get(reverse("admin:generation_generationsession_changelist"))
    assert listing.status_code == 200 and str(session.pk) in listing.content.decode()
    page = client.get(reverse("admin:generation_generationsession_change", args=[session.pk]))
    assert page.status_code == 200
    assert "&quot;tier&quot;: &quot;Core&quot;" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
