"""Making questions for papers: a new variant of a template, verified, and (for questions that
join the bank) marked and reviewed by the pipeline's own agents.

Used by a blueprint fill (questions the bank lacks), by "another like this" in the editor and
by versions (the same template, difficulty and marks question by question, other seeds).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from generation import selectors as generation_selectors
from generation.agents import marker, reviewer
from generation.agents.schemas import Decision, QuestionSpec
from generation.engine import base
from generation.engine.verifier import verify
from questions import services as question_services
from questions.models import Question as QuestionRow
from questions.models import ReviewState
from questions.schemas import Question, Tier, VerificationReport

TRIES = 12


class CannotMake(RuntimeError):
    """No acceptable question came from the template within the tries; says why."""


def seed_for(*parts: object) -> int:
    """A stable seed from names (a job, a slot, a version): the same work makes the same
    questions again, so a resumed job does not make different ones."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:6], "big")


def same_shape(question: Question, like: Question) -> bool:
    """The same parts worth the same marks: an equivalent question for another class."""
    return [(p.label, p.marks) for p in question.parts] == [(p.label, p.marks) for p in like.parts]


@dataclass(frozen=True)
class Made:
    question: Question
    report: VerificationReport
    seed: int


def make_variant(
    *,
    template: str,
    tier: Tier | str,
    difficulty: int,
    seed: int,
    marks: int | None = None,
    like: Question | None = None,
    avoid: set[str] | frozenset[str] = frozenset(),
    tries: int = TRIES,
) -> Made:
    """A verified question from ``template`` worth ``marks`` (and shaped like ``like``), whose
    variant key is not in ``avoid``; raises :class:`CannotMake` with the reasons."""
    reasons: list[str] = []
    for attempt in range(tries):
        attempt_seed = seed + 7919 * attempt
        try:
            generated = base.generate(
                template, seed=attempt_seed, difficulty=difficulty, tier=Tier(tier)
            )
        except base.TemplateExhausted as exc:
            reasons.append(str(exc))
            continue
        question = generated.question
        if question.variant.key in avoid:
            reasons.append("a variant already used")
            continue
        if marks is not None and question.total_marks != marks:
            reasons.append(f"{question.total_marks} marks, not {marks}")
            continue
        if like is not None and not same_shape(question, like):
            reasons.append("parts that differ from the original's")
            continue
        report = verify(question)
        if not report.passed:
            reasons.append(f"failed verification ({report.summary()})")
            continue
        return Made(question, report, attempt_seed)
    counted: dict[str, int] = {}
    for reason in reasons:
        counted[reason] = counted.get(reason, 0) + 1
    summary = "; ".join(f"{r} ×{n}" if n > 1 else r for r, n in counted.items())
    raise CannotMake(f"{template} made no usable question in {tries} tries ({summary})")


def store_for_bank(*, made: Made, owner: Any, codes: list[str]) -> QuestionRow:
    """Mark and review a made question as a session would, and save it to the bank as the
    owner's; raises :class:`CannotMake` when the reviewer would not keep it.

    The owner's own earlier copy of this very variant (a resumed job, a second fill) is
    returned instead of saving it twice.
    """
    existing = (
        QuestionRow.objects.filter(
            owner=owner, variant_key=made.question.variant.key[:500], verified=True
        )
        .order_by("created_at")
        .first()
    )
    if existing is not None:
        return existing
    spec = QuestionSpec(
        index=0,
        tier=made.question.tier,
        codes=codes,
        marks=made.question.total_marks,
        difficulty=made.question.difficulty,
        seed=made.seed,
    )
    question = marker.mark(made.question, spec=spec).question
    report = made.report if question == made.question else verify(question)
    review = reviewer.review(
        question,
        spec,
        known_variant_keys=generation_selectors.bank_variant_keys([question.variant.key]),
        nearby_texts=generation_selectors.bank_nearby_texts(question),
        report=report,
    )
    if review.decision not in (Decision.APPROVE, Decision.MANUAL_REVIEW) or not report.passed:
        raise CannotMake(
            f"the reviewer did not keep it (score {review.score:.2f}: "
            + "; ".join(review.reason_list()[:2])
            + ")"
        )
    return question_services.question_create(
        content=question,
        origin="generated",
        owner=owner,
        verification=report,
        review=review.model_dump(mode="json"),
        quality_score=review.score,
        review_state=ReviewState.APPROVED
        if review.decision == Decision.APPROVE
        else ReviewState.NEEDS_REVIEW,
    )
