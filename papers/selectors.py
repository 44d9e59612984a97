"""Reads for papers: lists, one paper, its printable documents, the basket, bank candidates."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db.models import Count, Prefetch, QuerySet, Sum

from papers.blueprints import BankCandidate, Blueprint, calculator_fits
from papers.models import BasketItem, Paper, PaperFile, PaperJob, PaperQuestion, PaperVariant
from papers.schemas import PageSize, PaperDocument, PaperItem, PaperKind
from questions.models import Question, ReviewState
from questions.schemas import CalculatorPolicy, Tier
from questions.schemas import Question as QuestionSchema

BANK_CANDIDATES_LIMIT = 5000
LABELS = "ABCDEFGH"


def paper_list(*, user: Any) -> QuerySet[Paper]:
    """Papers the user may see, newest change first, with their question count and marks."""
    return (
        Paper.objects.visible_to(user)
        .select_related("owner", "tier", "calculator_policy")
        .annotate(question_count=Count("items", distinct=True), marks_total=Sum("items__marks"))
        .order_by("-updated_at")
    )


def paper_get(*, user: Any, paper_id: Any, for_change: bool = False) -> Paper:
    """One paper the user may see (or, ``for_change``, change); raises ``Paper.DoesNotExist``."""
    papers = Paper.objects.editable_by(user) if for_change else Paper.objects.visible_to(user)
    return (
        papers.select_related("owner", "tier", "calculator_policy")
        .prefetch_related(
            Prefetch("items", queryset=PaperQuestion.objects.order_by("position")),
            "shared_with",
        )
        .get(pk=paper_id)
    )


def paper_items(paper: Paper) -> list[PaperQuestion]:
    return list(paper.items.order_by("position"))


def paper_total_marks(paper: Paper) -> int:
    return int(paper.items.aggregate(total=Sum("marks"))["total"] or 0)


def _fingerprint(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def items_fingerprint(items: list[PaperQuestion]) -> str:
    """What a paper's versions depend on: which questions it holds (not their order)."""
    return _fingerprint(sorted((item.pk, _fingerprint(item.content)) for item in items))


def paper_variants(paper: Paper, *, items: list[PaperQuestion] | None = None) -> list[PaperVariant]:
    """The paper's other versions (B, C, …) that still match its questions."""
    current = items_fingerprint(paper_items(paper) if items is None else items)
    return [v for v in paper.variants.order_by("label") if v.based_on == current]


def paper_has_stale_variants(paper: Paper) -> bool:
    current = items_fingerprint(paper_items(paper))
    return paper.variants.exclude(based_on=current).exists()


def version_labels(paper: Paper) -> list[str]:
    """ "A" alone, or "A", "B", … when the paper has versions."""
    return ["A", *(v.label for v in paper_variants(paper))]


def paper_document(
    paper: Paper,
    *,
    label: str = "A",
    items: list[PaperQuestion] | None = None,
    variants: list[PaperVariant] | None = None,
) -> PaperDocument:
    """The typesetter's input for one version of the paper: the header and each question's
    snapshot, numbered in order. ``label`` "A" is the paper itself. ``items`` and
    ``variants``, when the caller has read them already, save reading them again."""
    items = paper_items(paper) if items is None else items
    if not items:
        raise ValueError("The paper has no questions yet.")
    if variants is None:
        variants = paper_variants(paper, items=items)
    by_label = {v.label: v for v in variants}
    if label != "A" and label not in by_label:
        raise KeyError(f"The paper has no current version {label}.")
    replaced: dict[int, dict[str, Any]] = {}
    if label != "A":
        replaced = {int(entry["item_id"]): entry["question"] for entry in by_label[label].items}
    return PaperDocument(
        title=paper.title,
        kind=PaperKind(paper.kind),
        tier=Tier(paper.tier_id),
        calculator_policy=CalculatorPolicy(paper.calculator_policy_id),
        time_allowed_minutes=paper.time_allowed_minutes,
        instructions=paper.instructions,
        variant_label=label if by_label else "",
        items=[
            PaperItem(
                number=n,
                question=QuestionSchema.model_validate(replaced.get(item.pk, item.content)),
                question_id=str(item.question_id) if item.question_id else None,
                source_deleted=item.source_deleted,
            )
            for n, item in enumerate(items, start=1)
        ],
    )


def document_fingerprint(document: PaperDocument, page_size: PageSize | str) -> str:
    return _fingerprint([document.model_dump(mode="json"), str(page_size)])


def paper_files(paper: Paper) -> list[PaperFile]:
    """The stored PDFs, without their bytes."""
    return list(paper.files.defer("pdf").order_by("variant_label", "version"))


def paper_jobs(paper: Paper, limit: int = 5) -> list[PaperJob]:
    return list(paper.jobs.select_related("status").order_by("-created_at")[:limit])


def paper_active_job(paper: Paper) -> PaperJob | None:
    return (
        paper.jobs.select_related("status")
        .exclude(status__in=("completed", "failed", "cancelled"))
        .order_by("-created_at")
        .first()
    )


def basket_list(*, user: Any) -> list[BasketItem]:
    """The user's basket, oldest pick first, only questions they may still see."""
    if not getattr(user, "is_authenticated", False):
        return []
    visible = Question.objects.visible_to(user)
    return list(
        BasketItem.objects.filter(owner=user, question__in=visible)
        .select_related("question")
        .order_by("added_at", "id")
    )


def basket_count(*, user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return BasketItem.objects.filter(owner=user).count()


def bank_candidates(*, user: Any, blueprint: Blueprint) -> list[BankCandidate]:
    """Approved, verified bank questions a blueprint may use: its tier, difficulty range,
    calculator policy and codes; the best first."""
    codes = sorted({c for w in blueprint.weights for c in blueprint.codes_of(w.target)})
    policies = [
        p.value for p in CalculatorPolicy if calculator_fits(p, blueprint.calculator_policy)
    ]
    rows = (
        Question.objects.visible_to(user)
        .filter(
            review_state=ReviewState.APPROVED,
            verified=True,
            tier_id=blueprint.tier.value,
            difficulty__gte=blueprint.difficulty_min,
            difficulty__lte=blueprint.difficulty_max,
            calculator_policy_id__in=policies,
            syllabus_codes__overlap=codes,
        )
        .order_by("-quality_score", "-created_at")
        .values_list(
            "pk",
            "syllabus_codes",
            "marks",
            "difficulty",
            "template",
            "variant_key",
            "quality_score",
        )[:BANK_CANDIDATES_LIMIT]
    )
    return [
        BankCandidate(
            question_id=str(pk),
            codes=tuple(codes_),
            marks=marks,
            difficulty=difficulty,
            template=template,
            variant_key=variant_key,
            quality=quality or 0.0,
        )
        for pk, codes_, marks, difficulty, template, variant_key, quality in rows
    ]
