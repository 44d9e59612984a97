"""Generation sessions and their agent steps: every step is a row, so progress can be
streamed, replayed after a reload and audited later."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models

from questions.models import CalculatorPolicy, CommandWord, GenerationStatus, Tier


class Status(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


TERMINAL_STATUSES = (Status.COMPLETED, Status.FAILED, Status.CANCELLED)


class GenerationSessionQuerySet(models.QuerySet["GenerationSession"]):
    def owned_by(self, user: object) -> GenerationSessionQuerySet:
        """Sessions the user may see: their own (staff see all)."""
        if getattr(user, "is_staff", False):
            return self
        return self.filter(owner=user)

    def active(self) -> GenerationSessionQuerySet:
        """Sessions not yet in a terminal state."""
        return self.exclude(status__in=TERMINAL_STATUSES)


class GenerationSession(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="generation_sessions",
    )
    # The request, complete as JSONB and flat for filtering.
    request = models.JSONField()
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, db_column="tier")
    syllabus_codes = ArrayField(models.CharField(max_length=10), default=list)
    topic = models.CharField(max_length=80, blank=True)
    command_word = models.ForeignKey(
        CommandWord, null=True, blank=True, on_delete=models.PROTECT, db_column="command_word"
    )
    marks = models.PositiveSmallIntegerField(null=True, blank=True)
    count = models.PositiveSmallIntegerField(default=1)
    calculator_policy = models.ForeignKey(
        CalculatorPolicy,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        db_column="calculator_policy",
    )
    difficulty = models.PositiveSmallIntegerField(default=3)
    mode = models.CharField(max_length=20, default="offline")
    model = models.CharField(max_length=120, blank=True)

    status = models.ForeignKey(
        GenerationStatus, on_delete=models.PROTECT, db_column="status", default=Status.PENDING
    )
    cancel_requested = models.BooleanField(default=False)
    error = models.TextField(blank=True)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=120, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    agent_timings = models.JSONField(default=dict, blank=True)

    expected_steps = models.PositiveIntegerField(default=0)
    questions_made = models.PositiveIntegerField(default=0)
    questions_approved = models.PositiveIntegerField(default=0)
    questions_rejected = models.PositiveIntegerField(default=0)
    tokens_in = models.PositiveIntegerField(default=0)
    tokens_out = models.PositiveIntegerField(default=0)
    cost = models.DecimalField(max_digits=10, decimal_places=6, default=0)
    results = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GenerationSessionQuerySet.as_manager()

    class Meta:
        db_table = "generation_sessions"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="sessions_owner_created"),
            models.Index(fields=["status", "heartbeat_at"], name="sessions_status_heartbeat"),
        ]

    def __str__(self) -> str:
        return f"Session {self.id} ({self.status_id})"

    @property
    def is_terminal(self) -> bool:
        return self.status_id in TERMINAL_STATUSES

    @property
    def duration_seconds(self) -> float | None:
        if not self.started_at:
            return None
        end = self.finished_at
        if end is None:
            from django.utils import timezone

            end = timezone.now()
        return (end - self.started_at).total_seconds()


class GenerationStep(models.Model):
    session = models.ForeignKey(GenerationSession, on_delete=models.CASCADE, related_name="steps")
    sequence = models.PositiveIntegerField()
    agent = models.CharField(max_length=30)
    kind = models.CharField(max_length=30)
    message = models.TextField()
    reasoning = models.TextField(blank=True)
    question_index = models.PositiveSmallIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    tokens_in = models.PositiveIntegerField(default=0)
    tokens_out = models.PositiveIntegerField(default=0)
    cost = models.DecimalField(max_digits=10, decimal_places=6, default=0)
    model = models.CharField(max_length=120, blank=True)

    class Meta:
        db_table = "generation_steps"
        ordering = ["session", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["session", "sequence"], name="steps_session_sequence")
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.agent}: {self.message}"
