"""The world the security tests attack: objects owned by teacher A, another teacher B, staff."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

PRIVATE_TITLE = "Alice's private draft 7f3a"


@dataclass
class World:
    a: Any
    b: Any
    staff: Any
    ids: dict[str, str]
    private: list[str]  # strings no one but A and staff may ever receive

    def path(self, template: str) -> str:
        return template.format(**self.ids)

    def fill(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.fill(v) for v in value]
        return self.path(value) if isinstance(value, str) else value


def build_world(teacher: Any, other_teacher: Any, staff_user: Any, question_content: Any) -> World:
    from generation import services as generation_services
    from generation.models import GenerationSession, GenerationStep
    from generation.schemas import GenerationRequest
    from papers import services as paper_services
    from papers.models import JobKind, PaperFile, PaperJob
    from questions import services
    from questions.models import ReviewState

    def question(seed: int, state: str, title: str | None = None) -> Any:
        content = question_content(seed=seed)
        if title:
            content.title = title
        return services.question_create(content=content, owner=teacher, review_state=state)

    draft = question(1, ReviewState.DRAFT, PRIVATE_TITLE)
    approved = question(2, ReviewState.APPROVED)
    rejected = question(3, ReviewState.REJECTED, "Alice's rejected one 7f3a")
    request = GenerationRequest(tier="Extended", syllabus_codes=["E5.3"], count=2)
    running = generation_services.session_start(owner=teacher, request=request, enqueue=False)
    finished = generation_services.session_start(owner=teacher, request=request, enqueue=False)
    GenerationSession.objects.filter(pk=running.pk).update(status_id="running")
    GenerationSession.objects.filter(pk=finished.pk).update(status_id="completed")
    step = GenerationStep.objects.create(
        session=finished,
        sequence=1,
        agent="generator",
        kind="generated",
        message="made one",
        started_at=timezone.now(),
        finished_at=timezone.now(),
    )
    paper = paper_services.paper_create(
        owner=teacher, title="Alice's paper 7f3a", tier="Extended", calculator_policy="allowed"
    )
    paper_services.paper_add_questions(paper=paper, questions=[approved, question(4, "draft")])
    shared = paper_services.paper_create(
        owner=teacher, title="Shared paper", tier="Extended", calculator_policy="allowed"
    )
    paper_services.paper_add_questions(paper=shared, questions=[approved])
    paper_services.paper_share(paper=shared, usernames=[other_teacher.username])
    PaperFile.objects.create(
        paper=paper,
        variant_label="A",
        version="student",
        page_size="A4",
        fingerprint="x",
        pdf=b"%PDF-1.7 alice",
        size_bytes=14,
    )
    job = PaperJob.objects.create(
        paper=paper, owner=teacher, kind=JobKind.PRINT, status_id="running"
    )
    basket_item = paper_services.basket_add(owner=teacher, question=approved)
    from papers.models import BasketItem

    basket_item = BasketItem.objects.get(owner=teacher, question=approved)
    group = Group.objects.create(name="markers")
    item = paper.items.order_by("position").first()
    assert item is not None
    ids = {
        "draft": str(draft.pk),
        "approved": str(approved.pk),
        "rejected": str(rejected.pk),
        "running": str(running.pk),
        "finished": str(finished.pk),
        "step": str(step.pk),
        "paper": str(paper.pk),
        "shared": str(shared.pk),
        "item": str(item.pk),
        "job": str(job.pk),
        "basket_item": str(basket_item.pk),
        "group": str(group.pk),
        "a_id": str(teacher.pk),
        "b_id": str(other_teacher.pk),
        "task": str(uuid.uuid4()),
    }
    private = [ids[k] for k in ("draft", "rejected", "running", "finished", "paper")]
    private += [PRIVATE_TITLE, "Alice&#x27;s private draft 7f3a", "Alice&#x27;s paper 7f3a"]
    return World(teacher, other_teacher, staff_user, ids, private)


@pytest.fixture
def world(teacher: Any, other_teacher: Any, staff_user: Any, question_content: Any) -> World:
    return build_world(teacher, other_teacher, staff_user, question_content)
