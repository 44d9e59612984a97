"""Stored XSS, page by page: a hostile value in every field a teacher or an LLM controls,
stored through the real services, reaches every page, every pushed fragment and the HTML the
PDF typesetter prints only as text (see ``tests/security/hostile.py`` for what is checked)."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.db import connections
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.security.hostile import assert_inert, hostile
from tests.security.hostile_world import build, values

# Each example stores a world and renders every page: no shrinking (it would take minutes);
# a failure still names the example and the page.
QUICK = {"deadline": None, "suppress_health_check": list(HealthCheck)}
QUICK["phases"] = [Phase.explicit, Phase.reuse, Phase.generate]
PAGES = settings(max_examples=15, **QUICK)
SOCKETS = settings(max_examples=10, **QUICK)
TIMEOUT = 10  # a loaded machine (the state on connect renders the whole session)

CARD = frozenset({"title", "stem", "part", "answer", "unit", "step", "mark", "note"})
DETAIL = CARD | {"check", "cname", "wrong", "werror"}
EDIT = frozenset({"title", "stem", "part", "mark"})
SESSION = frozenset({"topic", "serror", "smsg", "sthink", "smodel", "outcome", "timing"})
EDITOR = frozenset({"ptitle", "instr", "joblog", "jerror", "title", "stem", "part", "uname"})
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
    # Messages name the question (and why it was refused): the next page shows them.
    added = client.post("/papers/basket/add/", {"question": q}, follow=True)
    assert_inert(added.content.decode(), shows={"title"}, where="added to the basket")
    refused = client.post(f"/papers/{p}/add/", {"question": r}, follow=True)
    assert_inert(refused.content.decode(), shows={"title", "reason"}, where="refused by a paper")
    policy = client.get(f"/papers/{p}/preview/A/student/")["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy  # no script runs
    client.force_login(w.colleague)  # the paper as the teacher it is shared with sees it
    for url, shows in {
        "/papers/": {"ptitle", "uname"},
        f"/papers/{p}/": {"ptitle", "uname"},
    }.items():
        assert_inert(_get(client, url), shows=shows, where=f"{url} as the colleague")


@pytest.mark.django_db
@settings(max_examples=8, **QUICK)
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
        f"/admin/generation/generationstep/{w.steps[0].pk}/change/": {
            "smsg",
            "sthink",
            "outcome",
            "review",
        },
        "/admin/generation/generationstep/": set(),
        f"/admin/papers/paper/{w.paper.pk}/change/": {"ptitle", "instr"},
        "/admin/papers/paper/": {"ptitle"},
        f"/admin/papers/paperjob/{w.job.pk}/change/": {"joblog", "jerror"},
        "/admin/papers/paperjob/": set(),
        "/admin/papers/basketitem/": set(),
    }
    for url, shows in pages.items():
        assert_inert(_get(client, url), shows=shows, where=url)


@pytest.mark.django_db(transaction=True)
@SOCKETS
@given(v=values())
def test_every_pushed_fragment_holds_hostile_values_only_as_text(v, teacher, question_content):
    _clear()
    w = build(v, owner=teacher, question_content=question_content)
    async_to_sync(_watch_every_socket)(w)


async def _watch_every_socket(w) -> None:
    """Through the real ASGI stack and consumers: a session page, a bank page and a paper
    page, each sent its state on connect and then a push of each kind."""
    from channels.db import database_sync_to_async
    from django.utils import timezone

    from generation import live, services
    from tests.security.test_socket_matrix import connect

    page, connected, _ = await connect(w.owner, f"/ws/generate/{w.session.pk}/")
    assert connected
    state = await page.receive_from(timeout=TIMEOUT)
    assert_inert(state, shows=(SESSION - {"topic"}) | CARD, where="/ws/generate/ state")
    await database_sync_to_async(services.step_record)(
        session_id=str(w.session.pk),
        agent="refiner",
        kind="stored",
        message=w.v["smsg"][:2000],
        reasoning=w.v["sthink"],
        data={"question_id": str(w.approved.pk)},
        started_at=timezone.now(),
    )
    pushed = await page.receive_from(timeout=TIMEOUT)
    shows = CARD | {"smsg", "sthink", "serror", "timing"}
    assert_inert(pushed, shows=shows, where="/ws/generate/ step fragment")
    await database_sync_to_async(live.publish_session)(w.session.pk)
    header = await page.receive_from(timeout=TIMEOUT)
    assert_inert(header, shows={"serror", "timing"}, where="/ws/generate/ session fragment")
    await page.disconnect()

    bank, connected, _ = await connect(w.owner, "/ws/bank/")
    assert connected
    for question, shows in ((w.approved, CARD | {"review"}), (w.rejected, CARD)):
        await database_sync_to_async(live.publish_question_change)(
            question_id=str(question.pk), operation="UPDATE"
        )
        card = await bank.receive_from(timeout=TIMEOUT)
        assert_inert(card, shows=shows, where="/ws/bank/ change-feed card")
    await bank.disconnect()

    paper, connected, _ = await connect(w.owner, f"/ws/papers/{w.paper.pk}/")
    assert connected
    panel = await paper.receive_from(timeout=TIMEOUT)
    assert_inert(panel, shows={"joblog", "jerror"}, where="/ws/papers/ state on connect")
    await database_sync_to_async(live.publish_paper_job_change)(
        job_id=str(w.job.pk), operation="UPDATE"
    )
    editor = await paper.receive_from(timeout=TIMEOUT)
    assert_inert(editor, shows=EDITOR, where="/ws/papers/ editor fragment")
    await paper.disconnect()
    await sync_to_async(connections.close_all)()


FORMS = settings(max_examples=10, **QUICK)


@pytest.mark.django_db
@FORMS
@given(
    title=hostile("title", limit=200),
    stem=hostile("stem", limit=4000),
    part=hostile("part", limit=2000),
    reason=hostile("reason", limit=2000),
    ptitle=hostile("ptitle", limit=200),
    instr=hostile("instr", limit=4000),
    other=hostile("other", limit=150),
)
def test_what_teachers_type_into_forms_is_shown_only_as_text(
    title, stem, part, reason, ptitle, instr, other, teacher, make_question
):
    """The edit, reject, paper and share forms store (or refuse, and show again) what a
    teacher typed; every page after shows it only as text."""
    from papers import services as paper_services

    _clear()
    client = Client()
    client.force_login(teacher)
    question = make_question(owner=teacher, review_state="approved")
    q = question.pk
    label = question.content["parts"][0]["label"] or "-"

    edit = {"title": title, "stem": stem, f"part-text-{label}": part}
    assert client.post(f"/bank/{q}/edit/", edit).status_code == 302
    for url in (f"/bank/{q}/", f"/bank/{q}/edit/", "/bank/"):
        assert_inert(_get(client, url), shows={"title", "stem", "part"}, where=url)
    refused = client.post(f"/bank/{q}/edit/", {**edit, "title": ""})
    assert_inert(refused.content.decode(), shows={"stem"}, where="the edit form, refused")

    assert client.post(f"/bank/{q}/reject/", {"reason": reason}).status_code == 302
    assert_inert(_get(client, f"/bank/{q}/"), shows={"reason"}, where="after a rejection")

    fields = {"kind": "worksheet", "tier": "Extended", "calculator_policy": "allowed"}
    fields |= {"page_size": "A4", "title": ptitle, "instructions": instr}
    created = client.post("/papers/new/", fields)
    assert created.status_code == 302, created.content.decode()[:2000]
    paper = paper_services.Paper.objects.get(owner=teacher)
    page = _get(client, f"/papers/{paper.pk}/")
    assert_inert(page, shows={"ptitle", "instr"}, where="the paper made from the form")
    refused = client.post(f"/papers/{paper.pk}/settings/", {**fields, "time_allowed_minutes": "x"})
    assert_inert(refused.content.decode(), shows={"ptitle", "instr"}, where="settings refused")
    shared = client.post(f"/papers/{paper.pk}/share/", {"usernames": other}, follow=True)
    assert_inert(shared.content.decode(), shows={"other"}, where="share with a hostile name")
    asked = client.post("/generate/", {"tier": "Extended", "topic": other, "count": 1}, follow=True)
    assert_inert(asked.content.decode(), shows=set(), where="generate with a hostile topic")


@pytest.mark.django_db
@settings(max_examples=25, **QUICK)
@given(ptitle=hostile("ptitle", limit=200), instr=hostile("instr", limit=4000), data=st.data())
def test_the_html_the_typesetter_prints_holds_hostile_values_only_as_text(
    ptitle, instr, data, teacher, question_content
):
    """What Chromium is given to print: each version's HTML (``render_html``, as
    ``render_all`` passes it) and the running head and foot on every page."""
    from papers import selectors
    from papers.typeset import ALL_VERSIONS, render_html
    from papers.typeset import _header as running_title
    from papers.typeset.chromium import running_head

    _clear()
    v = data.draw(values(), label="values") | {"ptitle": ptitle, "instr": instr}
    w = build(v, owner=teacher, question_content=question_content)
    document = selectors.paper_document(w.paper, label="A")
    for version in ALL_VERSIONS:
        html = render_html(document, version)
        assert_inert(html, shows=PRINTED[version.value], where=f"print HTML, {version.value}")
        header, footer = running_head(running_title(document, version))
        for where, fragment in (("header", header), ("footer", footer)):
            assert_inert(f"<!doctype html><body>{fragment}", shows={"ptitle"}, where=where)


@pytest.mark.django_db
@settings(max_examples=6, **QUICK)
@given(
    status=hostile("status", limit=80),
    origin=hostile("origin", limit=80),
    code=hostile("code", limit=120),
    v=values(),
)
def test_reference_rows_staff_edit_are_shown_only_as_text(
    status, origin, code, v, teacher, question_content
):
    """Staff edit the reference tables in the admin; every teacher's pages show those names."""
    from questions.models import GenerationStatus, QuestionOrigin, SyllabusCode

    _clear()
    GenerationStatus.objects.filter(code="failed").update(name=status)
    QuestionOrigin.objects.filter(code="generated").update(name=origin)
    SyllabusCode.objects.filter(code="E5.3").update(title=code)
    w = build(v, owner=teacher, question_content=question_content)
    client = Client()
    client.force_login(teacher)
    pages = {
        f"/generate/sessions/{w.session.pk}/": {"status"},
        "/generate/sessions/": {"status"},
        f"/bank/{w.approved.pk}/": {"origin"},
        f"/papers/{w.paper.pk}/": {"status"},
        "/generate/": {"code"},
        "/generate/codes/?tier=Extended&code_search=E5.3": {"code"},
    }
    for url, shows in pages.items():
        assert_inert(_get(client, url), shows=shows, where=url)


def test_the_check_catches_each_payload_left_unescaped():
    """The checker is not vacuous: every payload that is markup, put in a page raw (as a
    ``|safe`` would), is caught; escaped, it is only text."""
    import re

    from django.utils.html import escape

    from tests.security.executable import parse
    from tests.security.hostile import PAYLOADS, injected

    markup = re.compile(r"<(script|img|a |svg|style|div|span|iframe|meta|base|form|math)")
    caught = 0
    for payload in (p.replace("MARK", "zqxzraw") for p in PAYLOADS):
        escaped = injected(parse(f"<p>{escape(payload)}</p><input value='{escape(payload)}'>"))
        assert escaped == [], (payload, escaped)
        if markup.search(payload) and "<scr<" not in payload:  # "<scr<script>" is one odd tag
            assert injected(parse(f"<p>{payload}</p>")), payload
            caught += 1
        if payload.startswith(("'", '"')):
            assert injected(parse(f"<input value='{payload}'><input value=\"{payload}\">"))
            caught += 1
    assert caught >= 25
