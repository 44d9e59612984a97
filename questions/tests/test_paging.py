"""The bank's keyset pages and capped count (questions.paging)."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from questions import paging, selectors
from questions.models import Question, ReviewState

pytestmark = pytest.mark.django_db


def _copies(original: Question, count: int, *, start: int = 0) -> list[Question]:
    """``count`` copies of ``original`` (another id), a minute apart, some at the same instant
    (a tie the id must break)."""
    fields = {
        f.attname: getattr(original, f.attname)
        for f in Question._meta.concrete_fields
        if f.attname not in ("id", "search_vector", "created_at")
    }
    base = timezone.now() - timedelta(days=1)
    made = Question.objects.bulk_create(Question(id=uuid.uuid4(), **fields) for _ in range(count))
    for i, question in enumerate(made):
        # pairs share a creation time: the order must still be total
        question.created_at = base + timedelta(minutes=(start + i) // 2)
    Question.objects.bulk_update(made, ["created_at"])
    return made


def _walk(user, params: dict[str, str], *, between_loads=None) -> list[str]:
    """Follow the Next links from the first page to the last; ids in the order shown."""
    seen: list[str] = []
    query = QueryDict(mutable=True)
    query.update(params)
    for _ in range(200):
        page = selectors.bank_page(user=user, filters=_filters(params), params=query)
        seen += [str(q.pk) for q in page.questions]
        if not page.next_cursor:
            return seen
        if between_loads:
            between_loads()
        query = QueryDict(mutable=True)
        query.update(params)
        query["after"] = page.next_cursor
    raise AssertionError("never reached the last page")


def _filters(params: dict[str, str]) -> dict[str, str]:
    return {"q": params["q"]} if "q" in params else {}


@pytest.fixture(params=["sought among the capped count's keys", "walked in the index"])
def seek(request, monkeypatch) -> str:
    """Both ways to a date-sorted page: fewer matches than the count's cap (the page is sought
    among their keys) and more (the keyset walk)."""
    if request.param == "walked in the index":
        monkeypatch.setattr(paging, "COUNT_CAP", 10)
    return request.param


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_pages_never_skip_or_repeat_a_row_while_rows_come_and_go(
    make_question, teacher, sort, seek
):
    original = make_question(seed=3, owner=teacher, review_state=ReviewState.APPROVED)
    rows = _copies(original, 95)
    present = {str(q.pk) for q in rows} | {str(original.pk)}
    rng = random.Random(7)
    inserted: set[str] = set()
    deleted: set[str] = set()

    def churn() -> None:
        # a newer question, an older one, and a deletion anywhere, between every two loads
        for minutes in (-10_000, 10_000):
            (new,) = _copies(original, 1)
            Question.objects.filter(pk=new.pk).update(
                created_at=timezone.now() + timedelta(minutes=minutes)
            )
            inserted.add(str(new.pk))
        victim = rng.choice(sorted(present - deleted))
        Question.objects.filter(pk=victim).delete()
        deleted.add(victim)

    shown = _walk(teacher, {"sort": sort}, between_loads=churn)

    assert len(shown) == len(set(shown)), "a row was shown twice"
    # every row there from start to end was shown; nothing shown that never existed
    assert (present - deleted) <= set(shown)
    assert set(shown) <= present | inserted
    order = list(Question.objects.filter(pk__in=shown).order_by("created_at", "id"))
    expected = [str(q.pk) for q in (order if sort == "oldest" else reversed(order))]
    assert [pk for pk in shown if pk not in deleted] == expected  # in the sort's order


def test_previous_goes_back_to_the_rows_before_even_after_a_deletion(make_question, teacher, seek):
    original = make_question(seed=4, owner=teacher)
    _copies(original, 44)
    first = selectors.bank_page(user=teacher, filters={}, params=QueryDict())
    second = selectors.bank_page(
        user=teacher, filters={}, params=QueryDict(f"after={first.next_cursor}")
    )
    third = selectors.bank_page(
        user=teacher, filters={}, params=QueryDict(f"after={second.next_cursor}")
    )
    assert len(third.questions) == 5 and third.next_cursor is None

    back = selectors.bank_page(
        user=teacher, filters={}, params=QueryDict(f"before={third.previous_cursor}")
    )
    assert [q.pk for q in back.questions] == [q.pk for q in second.questions]

    first.questions[3].delete()  # one fewer before page two: back from it is the first page
    start = selectors.bank_page(
        user=teacher, filters={}, params=QueryDict(f"before={back.previous_cursor}")
    )
    assert start.is_first and start.previous_cursor is None
    assert len(start.questions) == paging.PAGE_SIZE
    assert start.questions[0].pk == first.questions[0].pk


def test_search_pages_keep_their_candidates_while_questions_are_added(make_question, teacher):
    original = make_question(seed=5, owner=teacher)
    words = original.title.split()[0]
    _copies(original, 49)
    params = {"q": words}

    def add_one() -> None:
        _copies(original, 1, start=10_000)  # a newer match: not slipped into later pages

    shown = _walk(teacher, params, between_loads=add_one)
    assert len(shown) == len(set(shown)) == 50


def test_the_count_is_exact_below_the_cap_and_says_so_past_it(make_question, teacher):
    original = make_question(seed=6, owner=teacher)
    _copies(original, 8)
    everything = selectors.question_list(user=teacher)
    assert paging.capped_count(everything, cap=10) == (9, False)
    assert paging.capped_count(everything, cap=9) == (9, False)
    assert paging.capped_count(everything, cap=8) == (8, True)
    _copies(original, 1)
    assert paging.capped_count(everything, cap=10) == (10, False)


def test_the_count_text_reads_as_a_teacher_would_write_it():
    def text(count: int, capped: bool) -> str:
        return paging.BankPage([], "newest", count, capped, None, None, True, False).count_text

    assert text(1, False) == "1 question"
    assert text(0, False) == "0 questions"
    assert text(1000, True) == "1\u2009000+ questions"


def test_a_stale_or_edited_cursor_shows_the_first_page(make_question, teacher):
    make_question(seed=7, owner=teacher)
    for bad in ("nonsense", "e30", ""):
        page = selectors.bank_page(user=teacher, filters={}, params=QueryDict(f"after={bad}"))
        assert page.is_first and len(page.questions) == 1


def test_a_review_state_filter_shows_the_same_rows_as_visibility_then_state(
    make_question, teacher, django_user_model
):
    other = django_user_model.objects.create_user("other-teacher")
    staff = django_user_model.objects.create_user("staff-member", is_staff=True)
    for seed, owner, state in [
        (11, teacher, ReviewState.DRAFT),
        (12, teacher, ReviewState.APPROVED),
        (13, other, ReviewState.DRAFT),
        (14, other, ReviewState.APPROVED),
        (15, other, ReviewState.NEEDS_REVIEW),
    ]:
        make_question(seed=seed, owner=owner, review_state=state)
    for user in (teacher, other, staff):
        for state in ReviewState.values:
            expected = set(
                Question.objects.visible_to(user)
                .filter(review_state=state)
                .values_list("pk", flat=True)
            )
            page = selectors.bank_page(
                user=user, filters={"review_state": state}, params=QueryDict()
            )
            assert {q.pk for q in page.questions} == expected, (user.username, state)
            assert page.count == len(expected)


def test_a_code_of_the_other_tier_finds_nothing_without_asking_the_database(
    make_question, teacher, django_assert_num_queries
):
    question = make_question(seed=21, owner=teacher, review_state=ReviewState.APPROVED)
    code, tier = question.syllabus_codes[0], question.tier_id
    other_tier = "Core" if tier == "Extended" else "Extended"
    found = selectors.bank_page(
        user=teacher, filters={"tier": tier, "syllabus_codes": [code]}, params=QueryDict()
    )
    assert [q.pk for q in found.questions] == [question.pk]
    with django_assert_num_queries(0):
        page = selectors.bank_page(
            user=teacher, filters={"tier": other_tier, "syllabus_codes": [code]}, params=QueryDict()
        )
    assert page.questions == [] and page.count == 0


def test_a_search_past_the_count_cap_says_it_ranked_the_newest_candidates(
    make_question, teacher, monkeypatch
):
    original = make_question(seed=22, owner=teacher)
    _copies(original, 5)
    word = {"q": original.title.split()[0]}
    page = selectors.bank_page(user=teacher, filters=word, params=QueryDict())
    assert page.count == 6 and not page.count_capped and not page.searched_candidates
    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    monkeypatch.setattr(paging, "SEARCH_CANDIDATES", 3)
    page = selectors.bank_page(user=teacher, filters=word, params=QueryDict())
    assert page.count_capped and page.searched_candidates
    assert page.count_text == "3+ questions"


@pytest.mark.parametrize("seek_keys", [2000, 5], ids=["sought", "walked"])
def test_a_search_by_date_pages_through_every_match_in_order(
    make_question, teacher, monkeypatch, seek_keys
):
    monkeypatch.setattr(paging, "COUNT_CAP", 5)
    monkeypatch.setattr(paging, "SEARCH_SEEK_KEYS", seek_keys)
    original = make_question(seed=23, owner=teacher)
    _copies(original, 44)
    shown = _walk(teacher, {"q": original.title.split()[0], "sort": "newest"})
    expected = Question.objects.filter(pk__in=shown).order_by("-created_at", "-id")
    assert shown == [str(q.pk) for q in expected] and len(shown) == 45
