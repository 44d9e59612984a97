"""Reads from the bank."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet
from django.http import QueryDict

from questions import paging, syllabus
from questions.models import Question, QuestionCodeKey, SyllabusCode, VisibleQuerySet

# Columns a list of questions never shows (see question_list).
LIST_DEFERRED = ("verification", "search_text", "search_vector")


def question_list(*, user: Any, filters: dict[str, Any] | None = None) -> QuerySet[Question]:
    """Questions the user may see, filtered (AND) by the bank's facets; newest first, or by
    search rank when there is a text query.

    For listing: the verifier's report and the search columns are not loaded (the cards show
    neither, and the report is the largest column: loading it doubled a page's fetch).
    """
    filters = filters or {}
    qs = _facets(_visible(Question.objects.all(), user, filters), filters).defer(*LIST_DEFERRED)
    if codes := filters.get("syllabus_codes"):
        qs = qs.filter(syllabus_codes__overlap=list(codes))
    if text := (filters.get("q") or "").strip():
        query = SearchQuery(text, search_type="websearch", config="english")
        return (
            qs.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-created_at")
        )
    return qs.order_by("-created_at")


def code_keys(*, user: Any, filters: dict[str, Any]) -> QuerySet[QuestionCodeKey]:
    """The keys (``created_at``, ``question_id``) of ``question_list``'s questions for a filter
    with syllabus codes and no search words, from the per-code keys (``QuestionCodeKey``):
    the same rows, found in one btree range per code instead of the questions' GIN index. A
    question with two of the codes has a key for each: the keys are then distinct."""
    codes = list(filters["syllabus_codes"])
    keys = _facets(_visible(QuestionCodeKey.objects.all(), user, filters), filters)
    keys = keys.filter(code__in=codes) if len(codes) > 1 else keys.filter(code=codes[0])
    return keys.distinct() if len(codes) > 1 else keys


def _visible[Q: VisibleQuerySet[Any]](rows: Q, user: Any, filters: dict[str, Any]) -> Q:
    """``rows`` (questions, or their keys) the user may see, in the filter's review state."""
    if review_state := filters.get("review_state"):
        return rows.visible_in_state(user, review_state)
    return rows.visible_to(user)


def _facets[Q: QuerySet[Any]](rows: Q, filters: dict[str, Any]) -> Q:
    """``rows`` (questions, or their keys: the columns have the same names) that pass every
    facet of ``filters`` but the syllabus codes, which the two hold differently."""
    tier = filters.get("tier")
    if tier:
        rows = rows.filter(tier_id=tier)
    codes = filters.get("syllabus_codes") or ()
    if (
        tier
        and codes
        and not any(syllabus.tier_of(c) == tier for c in codes if syllabus.is_known(c))
    ):
        # A question's codes are its tier's (the schema holds them to it): no row can
        # match, and proving that in SQL read the whole index (≈ 0.5 s at a million).
        return rows.none()
    if topic := filters.get("topic"):
        rows = rows.filter(topic=topic)
    if command_word := filters.get("command_word"):
        rows = rows.filter(command_words__contains=[command_word])
    if (marks_min := filters.get("marks_min")) is not None:
        rows = rows.filter(marks__gte=marks_min)
    if (marks_max := filters.get("marks_max")) is not None:
        rows = rows.filter(marks__lte=marks_max)
    if calculator := filters.get("calculator_policy"):
        rows = rows.filter(calculator_policy_id=calculator)
    if difficulty := filters.get("difficulty"):
        rows = rows.filter(difficulty=difficulty)
    if origin := filters.get("origin"):
        rows = rows.filter(origin_id=origin)
    if (quality_min := filters.get("quality_min")) is not None:
        rows = rows.filter(quality_score__gte=quality_min)
    return rows


def bank_page(*, user: Any, filters: dict[str, Any], params: QueryDict) -> paging.BankPage:
    """The bank page ``params`` asks for (its sort and cursor) of the questions the user may
    see that pass ``filters``: keyset-paginated, with a capped count (``questions.paging``).
    With syllabus codes (and no search words) the count and the page's keys come from the
    per-code keys (``code_keys``)."""
    text = (filters.get("q") or "").strip()
    facets = {name: value for name, value in filters.items() if name != "q"}
    questions = question_list(user=user, filters=facets).select_related("tier", "origin")
    by_id = Question.objects.visible_to(user).defer(*LIST_DEFERRED).select_related("tier", "origin")
    keys = (
        code_keys(user=user, filters=facets) if facets.get("syllabus_codes") and not text else None
    )
    return paging.bank_page(questions, params, text=text, by_id=by_id, keys=keys)


def question_get(*, user: Any, question_id: Any) -> Question:
    """One question the user may see; raises ``Question.DoesNotExist`` otherwise."""
    return (
        Question.objects.visible_to(user)
        .select_related("tier", "origin", "calculator_policy", "session")
        .get(pk=question_id)
    )


def syllabus_code_list(*, tier: str | None = None) -> QuerySet[SyllabusCode]:
    qs = SyllabusCode.objects.all()
    return qs.filter(tier_id=tier) if tier else qs
