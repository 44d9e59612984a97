"""Reads for generation: sessions, their steps and outcomes, and what the reviewer compares."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from generation.models import GenerationSession, GenerationStep
from questions.models import Question
from questions.schemas import Question as QuestionSchema

NEARBY_LIMIT = 50


def session_list(*, user: Any) -> QuerySet[GenerationSession]:
    """The user's sessions, newest first."""
    return GenerationSession.objects.owned_by(user).select_related("status", "tier")


def session_get(*, user: Any, session_id: Any) -> GenerationSession:
    """One of the user's sessions; raises ``GenerationSession.DoesNotExist`` otherwise."""
    return session_list(user=user).get(pk=session_id)


def session_steps(*, session_id: Any, after: int = 0) -> QuerySet[GenerationStep]:
    """The session's steps in order (after a sequence number, if given)."""
    return GenerationStep.objects.filter(session_id=session_id, sequence__gt=after).order_by(
        "sequence"
    )


def session_questions(*, session_id: Any) -> QuerySet[Question]:
    return Question.objects.filter(session_id=session_id).order_by("created_at")


def session_outcomes(session_id: Any) -> list[dict[str, Any]]:
    """Each question's outcome (stored or rejected, with reasons), in question order."""
    results = GenerationSession.objects.values_list("results", flat=True).get(pk=session_id) or {}
    outcomes = results.get("questions", {})
    return [outcomes[k] for k in sorted(outcomes, key=int)]


def session_variant_keys(session_id: Any) -> set[str]:
    return set(Question.objects.filter(session_id=session_id).values_list("variant_key", flat=True))


def bank_variant_keys(keys: list[str]) -> set[str]:
    """Which of these variant keys the bank already holds."""
    return set(Question.objects.filter(variant_key__in=keys).values_list("variant_key", flat=True))


def bank_nearby_texts(question: QuestionSchema) -> list[str]:
    """Wording of recent bank questions on the same syllabus codes (for near-duplicates)."""
    contents = (
        Question.objects.filter(syllabus_codes__overlap=question.syllabus_codes)
        .order_by("-created_at")
        .values_list("content", flat=True)[:NEARBY_LIMIT]
    )
    texts = []
    for content in contents:
        parts = " ".join(p.get("text", "") for p in content.get("parts", []))
        texts.append("\n".join([content.get("title", ""), content.get("stem", ""), parts]))
    return texts
