"""The bank's per-code keys (``QuestionCodeKey``, kept by migration 0009's triggers) and the
pages that read them (``questions.selectors.code_keys``): the same rows, in the same order, as
the questions' own filter, however a question is written."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from questions import paging, selectors, services
from questions.models import Question, QuestionCodeKey, ReviewState

pytestmark = pytest.mark.django_db

COLUMNS = (
    "created_at, review_state, owner_id, tier, topic, marks, calculator_policy, difficulty, "
    "origin, quality_score, command_words"
)


def _keys() -> set[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT question_id, code, {COLUMNS} FROM question_code_keys")
        return _rows(cursor.fetchall())


def _expected() -> set[tuple]:
    """What the keys must be: a row per question and each of its codes, with its columns."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT q.id, c.code, {', '.join('q.' + c for c in COLUMNS.split(', '))} "
            "FROM questions q, unnest(q.syllabus_codes) AS c(code)"
        )
        return _rows(cursor.fetchall())


def _rows(rows: list[tuple]) -> set[tuple]:
    """Rows as a set (a list column, the command words, as a tuple); duplicates are an error."""
    made = [tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in rows]
    assert len(made) == len(set(made)), "a key twice"
    return set(made)


def _copy(original: Question, **changes) -> Question:
    fields = {
        f.attname: getattr(original, f.attname)
        for f in Question._meta.concrete_fields
        if f.attname not in ("id", "search_vector", "created_at")
    }
    return Question.objects.create(id=uuid.uuid4(), **{**fields, **changes})


def test_keys_follow_every_write_to_the_questions(make_question, teacher, other_teacher):
    first = make_question(seed=1, owner=teacher)
    second = make_question(seed=2, owner=other_teacher, review_state=ReviewState.APPROVED)
    assert first.syllabus_codes and _keys() == _expected()
    assert len(_keys()) == len(first.syllabus_codes) + len(second.syllabus_codes)

    services.question_approve(question=first)  # the app's save(): every column set
    assert _keys() == _expected()
    assert QuestionCodeKey.objects.filter(question=first).get(code=first.syllabus_codes[0])

    # written around the app, as the admin's SQL console or Supabase's dashboard would
    Question.objects.filter(pk=second.pk).update(
        syllabus_codes=["E1.1", "E1.2", "E1.1"], topic="Number", quality_score=0.25
    )
    assert _keys() == _expected()
    assert set(QuestionCodeKey.objects.filter(question=second).values_list("code", "topic")) == {
        ("E1.1", "Number"),
        ("E1.2", "Number"),
    }

    Question.objects.bulk_create([Question(**{**_fields(first), "id": uuid.uuid4()})])
    assert _keys() == _expected()

    Question.objects.filter(pk=first.pk).update(syllabus_codes=[])
    assert not QuestionCodeKey.objects.filter(question=first).exists()
    services.question_delete(question=second)
    assert _keys() == _expected()

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred check may be pending
        cursor.execute("TRUNCATE questions CASCADE")
    assert _keys() == set()


def _fields(question: Question) -> dict:
    return {
        f.attname: getattr(question, f.attname)
        for f in Question._meta.concrete_fields
        if f.attname not in ("search_vector",)
    }


def test_a_save_that_changes_no_key_column_leaves_the_keys_alone(make_question, teacher):
    question = make_question(seed=3, owner=teacher)

    def versions() -> set:
        with connection.cursor() as cursor:
            cursor.execute("SELECT xmin::text FROM question_code_keys")
            return {row[0] for row in cursor.fetchall()}

    before = versions()
    question.review_note = "Looked at it."
    question.save()
    assert versions() == before
    question.quality_score = 0.5
    question.save(update_fields=["quality_score"])
    assert versions() != before


@pytest.fixture
def bank(make_question, teacher, other_teacher) -> dict[str, list[str]]:
    """Sixty questions over three codes (some with two of them), two tiers' worth of facets,
    others' drafts the teacher may not see; creation times a minute apart, some tied."""
    originals = [
        make_question(seed=4 + d, difficulty=d, owner=teacher, review_state=ReviewState.APPROVED)
        for d in (1, 3, 5)
    ]
    Question.objects.filter(pk__in=[q.pk for q in originals]).delete()
    base = timezone.now() - timedelta(days=1)
    code_sets = [["E5.3"], ["E5.3", "E5.4"], ["E5.4"], ["E4.6"]]
    made = []
    for i in range(60):
        made.append(
            _copy(
                originals[i % 3],
                syllabus_codes=code_sets[i % 4],
                owner=teacher if i % 7 else other_teacher,
                review_state=ReviewState.DRAFT if i % 5 == 0 else ReviewState.APPROVED,
                quality_score=(i % 10) / 10,
            )
        )
    for i, question in enumerate(made):
        Question.objects.filter(pk=question.pk).update(created_at=base + timedelta(minutes=i // 2))
    return {"marks": sorted({q.marks for q in made}), "difficulty": [1, 3, 5]}


FILTERS = [
    {"syllabus_codes": ["E5.3"]},
    {"syllabus_codes": ["E5.3", "E5.4"]},
    {"syllabus_codes": ["E5.4"], "marks_min": 3},
    {"syllabus_codes": ["E5.3", "E4.6"], "difficulty": 3, "tier": "Extended"},
    {"syllabus_codes": ["E5.3"], "review_state": ReviewState.DRAFT},
    {"syllabus_codes": ["E5.4"], "topic": "Mensuration", "quality_min": 0.5},
    {"syllabus_codes": ["E5.4", "E4.6"], "calculator_policy": "allowed", "marks_max": 4},
    {"syllabus_codes": ["C1.1"]},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "+".join(map(str, f)))
@pytest.mark.parametrize("sort", ["newest", "oldest"])
@pytest.mark.parametrize("count_cap", [500, 7], ids=["sought", "walked"])
def test_code_pages_show_the_questions_filter_rows_in_order(
    bank, teacher, other_teacher, staff_user, monkeypatch, filters, sort, count_cap
):
    monkeypatch.setattr(paging, "COUNT_CAP", count_cap)
    for user in (teacher, other_teacher, staff_user):
        listed = selectors.question_list(user=user, filters=filters)
        expected = [
            str(pk)
            for pk in listed.order_by(
                *(("created_at", "id") if sort == "oldest" else ("-created_at", "-id"))
            ).values_list("pk", flat=True)
        ]
        shown, count, capped = _walk(user, filters, sort)
        assert shown == expected, (user.username, filters)
        assert (count, capped) == (
            (count_cap, True) if len(expected) > count_cap else (len(expected), False)
        )


def _walk(user, filters: dict, sort: str) -> tuple[list[str], int, bool]:
    shown: list[str] = []
    query = QueryDict(f"sort={sort}", mutable=True)
    first = None
    for _ in range(100):
        with CaptureQueriesContext(connection) as queries:
            page = selectors.bank_page(user=user, filters=filters, params=query)
        read = [q["sql"] for q in queries.captured_queries]
        # keys first, then the page's rows by id (no query at all when the codes cannot match
        # the tier; no rows to read when nothing matches)
        assert all("question_code_keys" in sql for sql in read[:1])
        assert all("question_code_keys" not in sql for sql in read[1:] if "LIMIT 21" not in sql)
        first = first or page
        shown += [str(q.pk) for q in page.questions]
        if not page.next_cursor:
            return shown, first.count, first.count_capped
        query = QueryDict(f"sort={sort}", mutable=True)
        query["after"] = page.next_cursor
    raise AssertionError("never reached the last page")


def test_a_code_page_reads_its_keys_from_the_code_index(bank, teacher):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE question_code_keys")
    keys = selectors.code_keys(user=teacher, filters={"syllabus_codes": ["E5.3"], "marks_min": 3})
    plan = keys.values_list("created_at", "question_id").explain()
    assert "question_code_keys" in plan
    assert "questions" not in plan.replace("question_code_keys", "")  # never the questions' rows
