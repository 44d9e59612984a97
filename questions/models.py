"""The bank: reference tables, the syllabus, and questions in the hybrid pattern.

Reference rows are keyed by their code (``tiers.code = 'Core'``), so a question's flat
columns hold the code itself: filters need no join, and the admin can still edit the tables.
"""

from __future__ import annotations

import uuid
from typing import Any, Self

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce


class ReferenceRow(models.Model):
    code = models.CharField(max_length=40, primary_key=True)
    name = models.CharField(max_length=80)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Tier(ReferenceRow):
    papers = models.CharField(max_length=200, blank=True)
    grades = models.CharField(max_length=20, blank=True)

    class Meta(ReferenceRow.Meta):
        db_table = "tiers"


class CommandWord(ReferenceRow):
    usage_guidance = models.TextField(blank=True)

    class Meta(ReferenceRow.Meta):
        db_table = "command_words"


class CalculatorPolicy(ReferenceRow):
    class Meta(ReferenceRow.Meta):
        db_table = "calculator_policies"
        verbose_name_plural = "calculator policies"


class GenerationStatus(ReferenceRow):
    is_terminal = models.BooleanField(default=False)

    class Meta(ReferenceRow.Meta):
        db_table = "generation_statuses"
        verbose_name_plural = "generation statuses"


class QuestionOrigin(ReferenceRow):
    class Meta(ReferenceRow.Meta):
        db_table = "question_origins"


class SyllabusCode(models.Model):
    code = models.CharField(max_length=10, primary_key=True)
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, related_name="syllabus_codes")
    topic_number = models.PositiveSmallIntegerField()
    topic = models.CharField(max_length=80)
    number = models.CharField(max_length=8)
    title = models.CharField(max_length=120)
    extended_only = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    sort_key = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "syllabus_codes"
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draft"
    NEEDS_REVIEW = "needs_review", "Needs review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class VisibleQuerySet[M: models.Model](models.QuerySet[M]):
    """Rows holding a question's ``review_state`` and ``owner``: questions, and their keys
    (``QuestionCodeKey``), whom the same rule shows them to."""

    def visible_to(self, user: Any) -> Self:
        """Approved questions from everyone, plus the user's own in any state."""
        if user.is_staff:
            return self
        if not user.is_authenticated:
            return self.filter(review_state=ReviewState.APPROVED)
        return self.filter(models.Q(review_state=ReviewState.APPROVED) | models.Q(owner=user))

    def visible_in_state(self, user: Any, state: str) -> Self:
        """``visible_to(user)`` in one review state, written so an index finds them: approved
        ones are everyone's; in any other state only the user's own (staff see all). The
        ``approved OR owner`` form hid that from the planner, which then walked the whole
        date index for a teacher's drafts."""
        if user.is_staff or state == ReviewState.APPROVED:
            return self.filter(review_state=state)
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user, review_state=state)


class QuestionQuerySet(VisibleQuerySet["Question"]):
    pass


class CodeKeyQuerySet(VisibleQuerySet["QuestionCodeKey"]):
    pass


class Question(models.Model):
    """A question: flat, indexed columns for filtering, and the complete schema as JSONB.

    The flat columns are derived from ``content`` by ``questions.services`` only (one place),
    and the scalar ones are also held equal to the JSONB by CHECK constraints, so a write that
    bypasses the app (the admin's SQL console, Supabase's dashboard) cannot make them disagree.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    content = models.JSONField()
    title = models.CharField(max_length=200)
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, db_column="tier")
    marks = models.PositiveSmallIntegerField()
    command_word = models.ForeignKey(
        CommandWord, on_delete=models.PROTECT, db_column="command_word"
    )
    command_words = ArrayField(models.CharField(max_length=40), default=list)
    # No index of its own: two or three values, and the planner combined its bitmap (a third
    # of the table) with a selective one for every filter that included it
    # (questions_bank_keys carries the column; see migration 0008).
    calculator_policy = models.ForeignKey(
        CalculatorPolicy, on_delete=models.PROTECT, db_column="calculator_policy", db_index=False
    )
    syllabus_codes = ArrayField(models.CharField(max_length=10), default=list)
    topic = models.CharField(max_length=80)
    difficulty = models.PositiveSmallIntegerField()
    quality_score = models.FloatField(null=True, blank=True)
    review_state = models.CharField(
        max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    review_note = models.TextField(blank=True)
    review = models.JSONField(null=True, blank=True)
    verification = models.JSONField(null=True, blank=True)
    verified = models.BooleanField(default=False)
    origin = models.ForeignKey(QuestionOrigin, on_delete=models.PROTECT, db_column="origin")
    variant_key = models.CharField(max_length=500, db_index=True)
    template = models.CharField(max_length=100, blank=True, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    session = models.ForeignKey(
        "generation.GenerationSession",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    search_text = models.TextField(blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="english")
        + SearchVector("search_text", weight="B", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        db_table = "questions"
        ordering = ["-created_at"]
        indexes = [
            GinIndex(
                fields=["content"], name="questions_content_gin", opclasses=["jsonb_path_ops"]
            ),
            GinIndex(fields=["search_vector"], name="questions_search_gin"),
            GinIndex(fields=["syllabus_codes"], name="questions_codes_gin"),
            GinIndex(fields=["command_words"], name="questions_commands_gin"),
            models.Index(
                fields=["review_state", "tier", "topic", "-created_at"],
                name="questions_state_tier_topic",
            ),
            models.Index(
                fields=["owner", "review_state", "-created_at"], name="questions_owner_state"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tier=KT("content__tier")), name="questions_tier_matches_content"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    marks=Cast(KT("content__total_marks"), models.PositiveSmallIntegerField())
                ),
                name="questions_marks_match_content",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    difficulty=Cast(KT("content__difficulty"), models.PositiveSmallIntegerField())
                ),
                name="questions_difficulty_matches_content",
            ),
            models.CheckConstraint(
                condition=models.Q(calculator_policy=KT("content__calculator_policy")),
                name="questions_calculator_matches_content",
            ),
            models.CheckConstraint(
                condition=models.Q(title=Coalesce(KT("content__title"), models.Value(""))),
                name="questions_title_matches_content",
            ),
            models.CheckConstraint(
                condition=models.Q(difficulty__gte=1, difficulty__lte=5),
                name="questions_difficulty_range",
            ),
            models.CheckConstraint(
                condition=models.Q(quality_score__isnull=True)
                | models.Q(quality_score__gte=0, quality_score__lte=1),
                name="questions_quality_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.marks} marks)"


class QuestionCodeKey(models.Model):
    """One row per (question, syllabus code): the bank's keys for a syllabus-code filter.

    A question lists its codes in an array, which only a GIN index can look into; a GIN index
    keeps no order and no other column, so a code combined with another facet cost a bitmap of
    every row of that facet (tier: 400 000 at a million) or a heap read per row of the code
    (bench/bank.py, 2026-12-07). Here a code's keys are one btree range, newest first, with
    every column a bank filter reads: the count and the keyset walk for "code + anything" are
    index-only reads of that range (``questions.selectors.bank_page``).

    Kept by triggers on ``questions`` (migration 0009), in the writing transaction, whoever
    writes: never by the app. Read only by the bank's selectors.
    """

    pk = models.CompositePrimaryKey("question", "code")
    question = models.ForeignKey(
        Question, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    code = models.CharField(max_length=10)
    created_at = models.DateTimeField()
    review_state = models.CharField(max_length=20, choices=ReviewState.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    tier = models.ForeignKey(
        Tier,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        db_column="tier",
        related_name="+",
    )
    topic = models.CharField(max_length=80)
    marks = models.PositiveSmallIntegerField()
    calculator_policy = models.ForeignKey(
        CalculatorPolicy,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        db_column="calculator_policy",
        related_name="+",
    )
    difficulty = models.PositiveSmallIntegerField()
    origin = models.ForeignKey(
        QuestionOrigin,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        db_column="origin",
        related_name="+",
    )
    quality_score = models.FloatField(null=True)
    command_words = ArrayField(models.CharField(max_length=40), default=list)

    objects = CodeKeyQuerySet.as_manager()

    class Meta:
        db_table = "question_code_keys"
        # The index (code, created_at, question_id) INCLUDE (every filter column) is migration
        # 0009's, in plain SQL like the other bank keys indexes.
