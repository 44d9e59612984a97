"""The bank page's websocket: a question saved, edited or deleted anywhere changes the open
page, for the people allowed to see it, when it matches the page's filters."""

from __future__ import annotations

import re
import uuid

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.http import QueryDict

from derivativ.ws_urls import websocket_urlpatterns
from generation import live
from questions import selectors, services
from questions.consumers import matches_filters
from questions.models import Question, ReviewState
from questions.paging import PAGE_SIZE
from questions.schemas import Tier

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 3
QUIET = 0.3


@pytest.fixture(autouse=True)
async def _close_thread_connections():
    """Consumers reach the database from a worker thread; close its connection afterwards so
    the test database can be dropped."""
    yield
    await sync_to_async(connections.close_all)()


async def _connect(user, query=""):
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), f"/ws/bank/?{query}")
    communicator.scope["user"] = user
    connected, code = await communicator.connect(timeout=TIMEOUT)
    assert connected, code
    return communicator


async def _publish(question_id, operation="UPDATE"):
    await database_sync_to_async(live.publish_question_change)(
        question_id=str(question_id), operation=operation
    )


def _removed(question_id):
    return f'<article id="question-{question_id}" hx-swap-oob="delete"></article>'


def _card_id(html):
    return re.search(r'<article[^>]*\bid="question-([0-9a-f-]+)"', html).group(1)


@pytest.mark.django_db
async def test_an_anonymous_visitor_is_refused():
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), "/ws/bank/")
    communicator.scope["user"] = AnonymousUser()
    connected, code = await communicator.connect(timeout=TIMEOUT)
    assert (connected, code) == (False, 4401)


async def test_a_new_question_reaches_the_pages_it_matches_for_those_who_may_see_it(
    make_question, teacher, other_teacher, staff_user
):
    matching = await _connect(teacher, "tier=Extended&marks_min=1")
    outside = [
        await _connect(teacher, query)
        for query in ("tier=Core", "marks_min=25", "syllabus_code=E1.1")
    ]
    approved = await database_sync_to_async(make_question)(
        seed=2, owner=other_teacher, review_state=ReviewState.APPROVED
    )
    await _publish(approved.pk, "INSERT")

    html = await matching.receive_from(timeout=TIMEOUT)
    assert html.startswith('<div hx-swap-oob="afterbegin:#bank-cards"><article')
    assert _card_id(html) == str(approved.pk)
    assert 'class="live-changed question-card state-approved"' in html
    assert approved.title in html
    for page in outside:
        assert await page.receive_nothing(timeout=QUIET)

    # A draft: its owner and staff see it arrive; another teacher does not.
    owner, staff = await _connect(other_teacher), await _connect(staff_user)
    draft = await database_sync_to_async(make_question)(seed=3, owner=other_teacher)
    await _publish(draft.pk, "INSERT")
    assert _card_id(await owner.receive_from(timeout=TIMEOUT)) == str(draft.pk)
    assert _card_id(await staff.receive_from(timeout=TIMEOUT)) == str(draft.pk)
    assert await matching.receive_nothing(timeout=QUIET)
    for page in (matching, *outside, owner, staff):
        await page.disconnect()


async def test_a_shown_question_is_replaced_in_place_and_removed_when_it_no_longer_belongs(
    make_question, teacher, other_teacher
):
    theirs = await database_sync_to_async(make_question)(
        seed=5, owner=other_teacher, review_state=ReviewState.APPROVED
    )
    mine = await database_sync_to_async(make_question)(seed=6, owner=teacher)
    deleted = await database_sync_to_async(make_question)(seed=7, owner=teacher)
    everything = await _connect(teacher)  # the bank's first page shows all three
    drafts = await _connect(teacher, "review_state=draft")  # mine and deleted

    # Edited: replaced where it stands.
    await database_sync_to_async(Question.objects.filter(pk=theirs.pk).update)(quality_score=0.91)
    await _publish(theirs.pk)
    replaced = await everything.receive_from(timeout=TIMEOUT)
    assert replaced.startswith(f'<article hx-swap-oob="true" id="question-{theirs.pk}"')
    assert "live-changed" in replaced and "Quality 0.91" in replaced

    # Rejected by its owner: no longer visible to this teacher.
    await database_sync_to_async(services.question_reject)(question=theirs, reason="Too easy")
    await _publish(theirs.pk)
    assert await everything.receive_from(timeout=TIMEOUT) == _removed(theirs.pk)
    await _publish(theirs.pk)  # no longer on the page: nothing more to remove
    assert await everything.receive_nothing(timeout=QUIET)

    # Approved: still in the bank, but no longer a draft.
    await database_sync_to_async(services.question_approve)(question=mine)
    await _publish(mine.pk)
    assert _card_id(await everything.receive_from(timeout=TIMEOUT)) == str(mine.pk)
    assert await drafts.receive_from(timeout=TIMEOUT) == _removed(mine.pk)

    # Deleted: gone from every page that showed it.
    deleted_id = deleted.pk
    await database_sync_to_async(deleted.delete)()
    await _publish(deleted_id, "DELETE")
    assert await everything.receive_from(timeout=TIMEOUT) == _removed(deleted_id)
    assert await drafts.receive_from(timeout=TIMEOUT) == _removed(deleted_id)
    await _publish(uuid.uuid4(), "DELETE")  # never shown
    assert await drafts.receive_nothing(timeout=QUIET)
    for page in (everything, drafts):
        await page.disconnect()


async def test_a_text_search_asks_the_database_whether_the_words_match(
    make_question, teacher, other_teacher
):
    question = await database_sync_to_async(make_question)(seed=8, owner=other_teacher)
    word = question.title.split()[0]
    found = await _connect(teacher, f"q={word}")
    not_found = await _connect(teacher, "q=zeppelin")

    await database_sync_to_async(services.question_approve)(question=question)
    await _publish(question.pk)

    assert _card_id(await found.receive_from(timeout=TIMEOUT)) == str(question.pk)
    assert await not_found.receive_nothing(timeout=QUIET)
    for page in (found, not_found):
        await page.disconnect()


async def test_the_page_tells_its_new_filters_without_reconnecting(
    make_question, teacher, other_teacher
):
    page = await _connect(teacher)
    await page.send_json_to({"bank_query": "?tier=Core"})
    question = await database_sync_to_async(make_question)(
        seed=9, owner=other_teacher, review_state=ReviewState.APPROVED
    )
    await _publish(question.pk, "INSERT")
    assert await page.receive_nothing(timeout=QUIET)

    await page.send_json_to({"bank_query": "tier=Extended"})
    await _publish(question.pk)
    assert _card_id(await page.receive_from(timeout=TIMEOUT)) == str(question.pk)
    await page.disconnect()


def _copies(question, count):
    fields = {
        f.attname: getattr(question, f.attname)
        for f in Question._meta.concrete_fields
        if f.attname not in ("id", "search_vector")
    }
    Question.objects.bulk_create(Question(id=uuid.uuid4(), **fields) for _ in range(count))


async def test_a_later_page_gets_no_new_cards_but_keeps_its_own_current(
    make_question, teacher, other_teacher
):
    first = await database_sync_to_async(make_question)(
        seed=10, owner=teacher, review_state=ReviewState.APPROVED
    )
    await database_sync_to_async(_copies)(first, PAGE_SIZE)
    first_page = await database_sync_to_async(
        lambda: selectors.bank_page(user=teacher, filters={}, params=QueryDict())
    )()
    page_two = await _connect(teacher, f"after={first_page.next_cursor}")
    ids_on_page_two = await database_sync_to_async(
        lambda: [
            str(pk)
            for pk in selectors.question_list(user=teacher)
            .order_by("-created_at", "-pk")
            .values_list("pk", flat=True)[PAGE_SIZE:]
        ]
    )()
    assert len(ids_on_page_two) == 1

    newcomer = await database_sync_to_async(make_question)(
        seed=11, owner=other_teacher, review_state=ReviewState.APPROVED
    )
    await _publish(newcomer.pk, "INSERT")
    assert await page_two.receive_nothing(timeout=QUIET)

    await _publish(ids_on_page_two[0])
    assert _card_id(await page_two.receive_from(timeout=TIMEOUT)) == ids_on_page_two[0]
    await page_two.disconnect()


@pytest.mark.django_db
def test_the_filters_in_python_agree_with_the_selector(make_question, staff_user):
    questions = [
        make_question(seed=12, review_state=ReviewState.APPROVED, quality_score=0.8),
        make_question(seed=13, difficulty=2),
        make_question(
            seed=14,
            template="number.prime_factors_hcf_lcm",
            tier=Tier.CORE,
            difficulty=2,
            origin="manual",
            quality_score=0.4,
        ),
    ]
    circle, hcf = questions[0], questions[2]
    filter_sets = [
        {},
        {"tier": "Extended"},
        {"tier": "Core"},
        {"topic": circle.topic},
        {"topic": hcf.topic},
        {"syllabus_codes": circle.syllabus_codes},
        {"syllabus_codes": ["C1.1", "E9.9"]},
        {"command_word": "Work out"},
        {"command_word": circle.command_words[0]},
        {"marks_min": hcf.marks},
        {"marks_max": hcf.marks - 1},
        {"marks_min": 1, "marks_max": 30},
        {"calculator_policy": circle.calculator_policy_id},
        {"calculator_policy": "not_allowed"},
        {"difficulty": 2},
        {"review_state": "approved"},
        {"origin": "manual"},
        {"quality_min": 0.5},
        {"quality_min": 0.0},
        {"tier": "Extended", "difficulty": 3, "quality_min": 0.1},
    ]
    for filters in filter_sets:
        expected = {q.pk for q in selectors.question_list(user=staff_user, filters=filters)}
        decided = {q.pk for q in questions if matches_filters(live.question_attrs(q), filters)}
        assert decided == expected, filters
