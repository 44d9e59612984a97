"""Reads from the bank."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet
from django.http import QueryDict

from questions import paging, syllabus
from questions.models import Question, SyllabusCode

# Columns a list of questions never shows (see question_list).
LIST_DEFERRED = ("verification", "search_text", "search_vector")


def question_list(*, user: Any, filters: dict[str, Any] | None = None) -> QuerySet[Question]:
    """Questions the user may see, filtered (AND) by the bank's facets; newest first, or by
    search rank when there is a text query.

    For listing: the verifier's report and the search columns are not loaded (the cards show
    neither, and the report is the largest column: loading it doubled a page's fetch).
    """
    filters = filters or {}
    if review_state := filters.get("review_state"):
        qs = Question.objects.visible_in_state(user, review_state)
    else:
        qs = Question.objects.visible_to(user)
    qs = qs.defer(*LIST_DEFERRED)
    if tier := filters.get("tier"):
        qs = qs.filter(tier_id=tier)
    if topic := filters.get("topic"):
        qs = qs.filter(topic=topic)
    if codes := filters.get("syllabus_codes"):
        if tier and not any(syllabus.is_known(c) and syllabus.tier_of(c) == tier for c in codes):
            # A question's codes are its tier's (the schema holds them to it): no row can
            # match, and proving that in SQL read the whole index (≈ 0.5 s at a million).
            return qs.none()
        qs = qs.filter(syllabus_codes__overlap=list(codes))
    if command_word := filters.get("command_word"):
        qs = qs.filter(command_words__contains=[command_word])
    if (marks_min := filters.get("marks_min")) is not None:
        qs = qs.filter(marks__gte=marks_min)
    if (marks_max := filters.get("marks_max")) is not None:
        qs = qs.filter(marks__lte=marks_max)
    if calculator := filters.get("calculator_policy"):
        qs = qs.filter(calculator_policy_id=calculator)
    if difficulty := filters.get("difficulty"):
        qs = qs.filter(difficulty=difficulty)
    if origin := filters.get("origin"):
        qs = qs.filter(origin_id=origin)
    if (quality_min := filters.get("quality_min")) is not None:
        qs = qs.filter(quality_score__gte=quality_min)
    if text := (filters.get("q") or "").strip():
        query = SearchQuery(text, search_type="websearch", config="english")
        return (
            qs.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-created_at")
        )
    return qs.order_by("-created_at")


def bank_page(*, user: Any, filters: dict[str, Any], params: QueryDict) -> paging.BankPage:
    """The bank page ``params`` asks for (its sort and cursor) of the questions the user may
    see that pass ``filters``: keyset-paginated, with a capped count (``questions.paging``)."""
    text = (filters.get("q") or "").strip()
    facets = {name: value for name, value in filters.items() if name != "q"}
    questions = question_list(user=user, filters=facets).select_related("tier", "origin")
    by_id = Question.objects.visible_to(user).defer(*LIST_DEFERRED).select_related("tier", "origin")
    return paging.bank_page(questions, params, text=text, by_id=by_id)


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
