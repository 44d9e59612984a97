"""Writes for papers: create and edit them, their questions (add, remove, reorder, replace),
sharing, and the basket a teacher fills while browsing.

Every change to a paper's questions keeps them numbered 1, 2, 3 … without gaps. A question is
copied into the paper as a snapshot of its verified schema, so the paper prints the same
whatever later happens to the bank question.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from papers import making
from papers.blueprints import MAX_QUESTIONS, calculator_fits
from papers.models import BasketItem, Paper, PaperQuestion
from papers.schemas import PageSize, PaperKind
from questions.models import Question, ReviewState
from questions.schemas import CalculatorPolicy, Tier


class PaperError(ValueError):
    """A change to a paper that cannot be made; the message says why, in a teacher's words."""


@dataclass
class AddResult:
    added: list[PaperQuestion] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one sentence per question left out


def question_unfit(
    paper: Paper, question: Question, *, holding: Iterable[PaperQuestion] = ()
) -> str:
    """Why ``question`` cannot go into ``paper`` (empty when it can)."""
    name = f"“{question.title}”"
    if not question.verified:
        return f"{name} failed verification, so it cannot be printed."
    if question.review_state == ReviewState.REJECTED:
        return f"{name} was rejected{': ' + question.review_note if question.review_note else ''}."
    if paper.tier_id == Tier.CORE and question.tier_id != Tier.CORE:
        return f"{name} is an Extended question and this is a Core paper."
    if not calculator_fits(
        question.calculator_policy_id, CalculatorPolicy(paper.calculator_policy_id)
    ):
        return f"{name} needs a calculator and this is a non-calculator paper."
    for item in holding:
        if item.question_id == question.pk or (
            item.variant_key and item.variant_key == question.variant_key
        ):
            return f"{name} is already question {item.position}."
    return ""


def _snapshot_fields(question: Question) -> dict[str, Any]:
    return {
        "question": question,
        "source_question_id": question.pk,
        "content": question.content,
        "marks": question.marks,
        "template": question.template,
        "variant_key": question.variant_key,
    }


@transaction.atomic
def paper_create(
    *,
    owner: Any,
    title: str,
    tier: Tier | str,
    calculator_policy: CalculatorPolicy | str,
    kind: PaperKind | str = PaperKind.WORKSHEET,
    time_allowed_minutes: int | None = None,
    instructions: str = "",
    page_size: PageSize | str = PageSize.A4,
    blueprint: dict[str, Any] | None = None,
) -> Paper:
    """A new, empty paper owned by ``owner``."""
    if not title.strip():
        raise PaperError("Give the paper a title.")
    return Paper.objects.create(
        owner=owner,
        title=title.strip(),
        tier_id=Tier(tier).value,
        calculator_policy_id=CalculatorPolicy(calculator_policy).value,
        kind=PaperKind(kind).value,
        time_allowed_minutes=time_allowed_minutes,
        instructions=instructions.strip(),
        page_size=PageSize(page_size).value,
        blueprint=blueprint,
    )


@transaction.atomic
def paper_update(*, paper: Paper, **fields: Any) -> Paper:
    """Change a paper's title, kind, tier, calculator policy, time, instructions or page size.

    Refused (nothing changed) when a question it holds would no longer fit, e.g. a calculator
    question on a paper turned non-calculator.
    """
    allowed = {
        "title",
        "kind",
        "tier",
        "calculator_policy",
        "time_allowed_minutes",
        "instructions",
        "page_size",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"paper_update() got unknown fields {sorted(unknown)}")
    locked = Paper.objects.select_for_update().get(pk=paper.pk)
    if "title" in fields:
        if not str(fields["title"]).strip():
            raise PaperError("Give the paper a title.")
        locked.title = str(fields["title"]).strip()
    if "kind" in fields:
        locked.kind = PaperKind(fields["kind"]).value
    if "tier" in fields:
        locked.tier_id = Tier(fields["tier"]).value
    if "calculator_policy" in fields:
        locked.calculator_policy_id = CalculatorPolicy(fields["calculator_policy"]).value
    if "time_allowed_minutes" in fields:
        locked.time_allowed_minutes = fields["time_allowed_minutes"]
    if "instructions" in fields:
        locked.instructions = str(fields["instructions"]).strip()
    if "page_size" in fields:
        locked.page_size = PageSize(fields["page_size"]).value
    problems = []
    for item in locked.items.select_related(None).order_by("position"):
        content = item.content
        policy = CalculatorPolicy(content["calculator_policy"])
        if locked.tier_id == Tier.CORE and content["tier"] != Tier.CORE:
            problems.append(f"question {item.position} is an Extended question")
        elif not calculator_fits(policy, CalculatorPolicy(locked.calculator_policy_id)):
            problems.append(f"question {item.position} needs a calculator")
    if problems:
        raise PaperError(
            "Not changed: " + "; ".join(problems) + ". Remove or replace those questions first."
        )
    locked.save()
    return locked


@transaction.atomic
def paper_add_questions(*, paper: Paper, questions: Sequence[Question]) -> AddResult:
    """Append questions to the paper in the order given; those that do not fit are skipped
    with the reason (see :func:`question_unfit`)."""
    locked = Paper.objects.select_for_update().get(pk=paper.pk)
    holding = list(locked.items.order_by("position"))
    result = AddResult()
    position = len(holding)
    for question in questions:
        reason = question_unfit(locked, question, holding=holding)
        if not reason and position >= MAX_QUESTIONS:
            reason = f"“{question.title}” was not added: a paper holds at most {MAX_QUESTIONS} questions."
        if reason:
            result.skipped.append(reason)
            continue
        position += 1
        item = PaperQuestion.objects.create(
            paper=locked, position=position, **_snapshot_fields(question)
        )
        holding.append(item)
        result.added.append(item)
    if result.added:
        locked.save(update_fields=["updated_at"])
    return result


def _renumber(paper: Paper, ordered: list[PaperQuestion]) -> None:
    # The unique (paper, position) constraint is deferred to the commit, so positions may
    # collide while they are rewritten.
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    paper.save(update_fields=["updated_at"])


def _item(paper: Paper, item_id: Any) -> PaperQuestion:
    try:
        return paper.items.get(pk=int(item_id))
    except (PaperQuestion.DoesNotExist, ValueError, TypeError):
        raise PaperError("That question is no longer in the paper.") from None


@transaction.atomic
def paper_remove_item(*, paper: Paper, item_id: Any) -> PaperQuestion:
    """Remove one question; the ones after it move up a number."""
    locked = Paper.objects.select_for_update().get(pk=paper.pk)
    item = _item(locked, item_id)
    item.delete()
    _renumber(locked, list(locked.items.order_by("position")))
    return item


@transaction.atomic
def paper_move_item(*, paper: Paper, item_id: Any, position: int) -> None:
    """Move one question to ``position`` (1 = first; clamped to the paper's length)."""
    locked = Paper.objects.select_for_update().get(pk=paper.pk)
    item = _item(locked, item_id)
    ordered = [i for i in locked.items.order_by("position") if i.pk != item.pk]
    target = max(1, min(int(position), len(ordered) + 1))
    ordered.insert(target - 1, item)
    _renumber(locked, ordered)


@transaction.atomic
def paper_reorder(*, paper: Paper, item_ids: Sequence[Any]) -> None:
    """Put the questions in the order given (every question of the paper, once each)."""
    locked = Paper.objects.select_for_update().get(pk=paper.pk)
    items = {i.pk: i for i in locked.items.all()}
    try:
        wanted = [int(i) for i in item_ids]
    except (TypeError, ValueError):
        raise PaperError("The new order is not a list of the paper's questions.") from None
    if sorted(wanted) != sorted(items):
        raise PaperError(
            "The paper changed while you were reordering it; the page now shows it as it is."
        )
    _renumber(locked, [items[i] for i in wanted])


@transaction.atomic
def paper_replace_item(*, paper: Paper, item_id: Any, owner: Any, seed: int) -> PaperQuestion:
    """ "Another like this": replace one question by a new variant of its template, at the same
    difficulty and worth the same marks, verified and saved to the owner's bank."""
    locked = Paper.objects.select_for_update().get(pk=paper.pk)
    item = _item(locked, item_id)
    if not item.template or item.template in ("llm", "manual"):
        raise PaperError(
            f"Question {item.position} was not made from a template, so there is no other "
            "like it to make; remove it and add another from the bank."
        )
    content = item.content
    used = set(locked.items.values_list("variant_key", flat=True))
    try:
        made = making.make_variant(
            template=item.template,
            tier=content["tier"],
            difficulty=content["difficulty"],
            marks=item.marks,
            seed=seed,
            avoid=used,
        )
        row = making.store_for_bank(made=made, owner=owner, codes=list(content["syllabus_codes"]))
    except making.CannotMake as exc:
        raise PaperError(
            f"Could not make another question like question {item.position}: {exc}."
        ) from None
    for name, value in _snapshot_fields(row).items():
        setattr(item, name, value)
    item.save()
    locked.save(update_fields=["updated_at"])
    return item


@transaction.atomic
def paper_share(*, paper: Paper, usernames: Iterable[str]) -> list[str]:
    """Share the paper with these teachers (by username); returns the names not found."""
    wanted = {u.strip() for u in usernames if u.strip()}
    users = list(get_user_model().objects.filter(username__in=wanted, is_active=True))
    found = {u.get_username() for u in users}
    paper.shared_with.add(*[u for u in users if u.pk != paper.owner_id])
    return sorted(wanted - found)


@transaction.atomic
def paper_unshare(*, paper: Paper, user_id: Any) -> None:
    paper.shared_with.remove(*paper.shared_with.filter(pk=user_id))


@transaction.atomic
def paper_delete(*, paper: Paper) -> None:
    paper.delete()


# -- the basket ------------------------------------------------------------------------------
@transaction.atomic
def basket_add(*, owner: Any, question: Question) -> bool:
    """Put a question in the owner's basket; False when it was there already."""
    _, created = BasketItem.objects.get_or_create(owner=owner, question=question)
    return created


@transaction.atomic
def basket_remove(*, owner: Any, question_id: Any) -> None:
    BasketItem.objects.filter(owner=owner, question_id=question_id).delete()


@transaction.atomic
def basket_clear(*, owner: Any) -> None:
    BasketItem.objects.filter(owner=owner).delete()


@transaction.atomic
def basket_into_paper(*, owner: Any, paper: Paper, questions: Sequence[Question]) -> AddResult:
    """Add the basket's questions to the paper; those added leave the basket, those that do
    not fit stay in it (with the reason in the result)."""
    result = paper_add_questions(paper=paper, questions=questions)
    added = [i.question_id for i in result.added if i.question_id is not None]
    BasketItem.objects.filter(owner=owner, question_id__in=added).delete()
    return result
