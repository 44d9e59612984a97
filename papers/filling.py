"""Filling a paper to its blueprint: plan, take the approved bank questions, generate the rest
(verified, marked, reviewed and saved to the teacher's bank, as a session would), and put them
in the paper in one go, easiest first.

The plan and every seed come from the job's id, so a job run again after its worker died
makes the same questions and finds those it had already saved.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from generation.engine import base
from papers import making, selectors
from papers.blueprints import Blueprint, BlueprintImpossible, Slot, calculator_fits, plan
from papers.catalogue import load
from papers.jobs import job_log
from papers.models import Paper, PaperJob, PaperQuestion
from questions.models import Question, ReviewState
from questions.schemas import CalculatorPolicy, Tier


def blueprint_check(*, user: Any, blueprint: Blueprint, seed: int = 0) -> None:
    """Raise :class:`BlueprintImpossible` (with what to change) if the blueprint cannot be met;
    cheap enough for a form (no question is generated). ``user`` None: a paper nobody owns
    (made from the command line), which uses approved questions only."""
    plan(
        blueprint,
        catalogue=load(),
        bank=selectors.bank_candidates(user=user or AnonymousUser(), blueprint=blueprint),
        seed=seed,
    )


def _bank_question(slot: Slot, user: Any) -> Question | None:
    return (
        Question.objects.visible_to(user)
        .filter(pk=slot.question_id, verified=True, review_state=ReviewState.APPROVED)
        .first()
    )


def _generate(job: PaperJob, index: int, slot: Slot, used: set[str]) -> Question:
    """A new verified question for a template slot, saved to the owner's bank."""
    tier = Tier(job.paper.tier_id)
    policy = CalculatorPolicy(job.paper.calculator_policy_id)
    templates = [slot.template] + [
        t.key
        for t in base.templates_for(code=slot.code, tier=tier)
        if t.key != slot.template and calculator_fits(t.calculator, policy)
    ]
    failures: list[str] = []
    for template in templates:
        seed = making.seed_for(job.pk, index, template)
        for _ in range(3):
            try:
                made = making.make_variant(
                    template=template,
                    tier=tier,
                    difficulty=slot.difficulty,
                    marks=slot.marks,
                    seed=seed,
                    avoid=used,
                )
            except making.CannotMake as exc:
                failures.append(str(exc))
                break
            try:
                return making.store_for_bank(made=made, owner=job.owner, codes=[slot.code])
            except making.CannotMake as exc:
                failures.append(str(exc))
                used.add(made.question.variant.key)
                seed = made.seed + 1
    raise making.CannotMake(
        f"no {slot.marks}-mark question on {slot.code} at difficulty {slot.difficulty} could be "
        f"made ({'; '.join(failures[:3])})"
    )


def run_fill(job: PaperJob) -> None:
    paper = Paper.objects.select_related("tier").get(pk=job.paper_id)
    job.paper = paper
    blueprint = Blueprint.model_validate(job.params["blueprint"])
    seed = making.seed_for(job.pk, "plan")
    viewer = job.owner or AnonymousUser()
    bank = selectors.bank_candidates(user=viewer, blueprint=blueprint)
    the_plan = plan(blueprint, catalogue=load(), bank=bank, seed=seed)
    slots = the_plan.slots
    from_bank = sum(1 for s in slots if s.from_bank)
    job_log(
        job,
        f"Planned {len(slots)} questions worth {the_plan.total_marks} marks: {from_bank} from "
        f"the bank, {len(slots) - from_bank} to generate."
        + (
            f" Weights met as closely as the questions allow: {'; '.join(the_plan.notes)}."
            if the_plan.notes
            else ""
        ),
        done=0,
        total=len(slots),
    )
    used = set(paper.items.values_list("variant_key", flat=True)) | {
        c.variant_key for c in bank if c.question_id in {s.question_id for s in slots}
    }
    chosen: list[Question] = []
    for index, slot in enumerate(slots):
        question = _bank_question(slot, viewer) if slot.from_bank else None
        if question is not None:
            message = f"Question {index + 1}: “{question.title}” ({question.marks} marks, {slot.code}) from the bank"
        else:
            question = _generate(job, index, slot, used)
            message = (
                f"Question {index + 1}: generated “{question.title}” ({question.marks} marks, "
                f"{slot.code}, difficulty {slot.difficulty}); verified and saved to your bank"
            )
        used.add(question.variant_key)
        chosen.append(question)
        job_log(job, message, done=index + 1)
    total = sum(q.marks for q in chosen)
    if total != blueprint.total_marks:  # the plan's marks are checked question by question
        raise BlueprintImpossible(
            [f"the questions made add up to {total} marks, not {blueprint.total_marks}"]
        )
    with transaction.atomic():
        locked = Paper.objects.select_for_update().get(pk=paper.pk)
        start = locked.items.count()
        for offset, question in enumerate(chosen, start=1):
            PaperQuestion.objects.create(
                paper=locked,
                position=start + offset,
                question=question,
                source_question_id=question.pk,
                content=question.content,
                marks=question.marks,
                template=question.template,
                variant_key=question.variant_key,
            )
        locked.blueprint = blueprint.model_dump(mode="json")
        locked.save(update_fields=["blueprint", "updated_at"])
    job_log(job, f"The paper holds {len(chosen)} questions, {total} marks.")
