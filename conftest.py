"""Shared pytest fixtures: users, and questions made by the real engine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _reference_data(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush the database after each test, seeded rows included; put the
    reference tables and syllabus back before such a test runs."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction", False):
        return
    request.getfixturevalue("transactional_db")
    from django.db import transaction

    from questions.reference_data import seed

    with transaction.atomic():
        seed()


@pytest.fixture
def teacher(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user("alice", "alice@example.com", "pw-alice-123")


@pytest.fixture
def other_teacher(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user("bob", "bob@example.com", "pw-bob-123")


@pytest.fixture
def staff_user(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(
        "stella", "stella@example.com", "pw-stella-123", is_staff=True
    )


@pytest.fixture
def question_content() -> Callable[..., Any]:
    """A real question schema from the engine: ``question_content(seed=1)``."""
    from generation.engine.base import generate
    from questions.schemas import Tier

    def make(
        seed: int = 1,
        template: str = "mensuration.circle_area_circumference",
        tier: Tier = Tier.EXTENDED,
        difficulty: int = 3,
    ) -> Any:
        return generate(template, seed=seed, difficulty=difficulty, tier=tier).question

    return make


@pytest.fixture
def make_question(question_content: Callable[..., Any]) -> Callable[..., Any]:
    """Store an engine question through the service: ``make_question(owner=u, seed=2)``."""
    from questions import services

    def make(seed: int = 1, **kwargs: Any) -> Any:
        template_args = {
            k: kwargs.pop(k) for k in ("template", "tier", "difficulty") if k in kwargs
        }
        return services.question_create(
            content=question_content(seed=seed, **template_args), **kwargs
        )

    return make
