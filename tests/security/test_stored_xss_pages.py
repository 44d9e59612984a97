"""Stored XSS, page by page: a hostile value in every field a teacher or an LLM controls,
stored through the real services, reaches every page, every pushed fragment and the HTML the
PDF typesetter prints only as text (see ``tests/security/hostile.py`` for what is checked)."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.db import connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.hostile import assert_inert, hostile
from tests.security.hostile_world import build, values

PAGES = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
SOCKETS = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
TIMEOUT = 5

CARD = frozenset({"title", "stem", "part", "answer", "unit", "step", "mark", "note"})
DETAIL = CARD | {"check", "cname", "wrong", "werror"}
EDIT = frozenset({"title", "stem", "part", "mark"})
SESSION = frozenset({"topic", "serror", "smsg", "sthink", "smodel", "outcome", "timing"})
EDITOR = frozenset({"ptitle", "instr", "joblog", "jerror", "title", "stem", "part"})
PRINTED = {
    "student": {"ptitle", "instr", "stem", "part", "label", "unit"},
    "teacher": {"ptitle", "instr", "stem", "part", "label", "unit", "answer"},
    "mark_scheme": {"ptitle", "answer", "label", "unit", "mark", "note", "wrong", "werror"},
    "answer_key": {"ptitle", "answer", "label", "unit"},
}


def _clear() -> None:
    """Each example starts from an empty bank, so a page shows this example's values only."""
    from generation.models import GenerationSession
    from papers.models import Paper
    from questions.models import Question

    Paper.objects.all().delete()
    Question.objects.all().delete()
    GenerationSession.objects.all().delete()


def _get(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.mark.django_db
@PAGES
@given(v=values())
def test_every_page_shows_hostile_values_only_as_text(v, teacher, question_content):
    _clear()
    w = build(v, owner=teacher, question_content=question_content)
    client = Client()
    client.force_login(teacher)
    q, r, s, p = w.approved.pk, w.rejected.pk, w.session.pk, w.paper.pk
    pages = {
        "/bank/": CARD | {"review"},
        f"/bank/{q}/": DETAIL | {"review"},
        f"/bank/{r}/": DETAIL | {"reason"},
        f"/bank/{q}/edit/": EDIT,
        f"/generate/sessions/{s}/": SESSION | CARD,
        "/generate/sessions/": {"topic"},
        "/papers/": {"ptitle"},
        f"/papers/{p}/": EDITOR,
        "/papers/basket/": {"title", "ptitle"},
    }
    pages |= {f"/papers/{p}/preview/A/{version}/": shows for version, shows in PRINTED.items()}
    for url, shows in pages.items():
        assert_inert(_get(client, url), shows=shows, where=url)
    fragment = _get(client, "/bank/", **{"HX-Request": "true"})
    assert_inert(fragment, shows=CARD, where="the bank's htmx fragment")


@pytest.mark.django_db
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(v=values())
def test_admin_pages_show_hostile_values_only_as_text(v, teacher, staff_user, question_content):
    _clear()
    w = build(v, owner=teacher, question_content=question_content)
    client = Client()
    client.force_login(staff_user)
    json_fields = {"title", "stem", "part", "step", "mark", "wrong", "werror"}
    pages = {
        f"/admin/questions/question/{w.approved.pk}/change/": json_fields | {"check", "review"},
        f"/admin/questions/question/{w.rejected.pk}/change/": {"reason"},
        "/admin/questions/question/": {"title"},
        f"/admin/generation/generationsession/{w.session.pk}/change/": {"outcome", "timing"},
        "/admin/generation/generationsession/": set(),
        f"/admin/generation/generationstep/{w.steps[0].pk}/change/": {"smsg", "sthink"},
        "/admin/generation/generationstep/": set(),
        f"/admin/papers/paper/{w.paper.pk}/change/": {"ptitle", "instr"},
        "/admin/papers/paper/": {"ptitle"},
        f"/admin/papers/paperjob/{w.job.pk}/change/": {"joblog", "jerror"},
        "/admin/papers/paperjob/": set(),
        "/admin/papers/basketitem/": set(),
    }
    for url, shows in pages.items():
        assert_inert(_get(client, url), shows=shows, where=url)
