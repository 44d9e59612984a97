"""Papers: a teacher's worksheets and mock exams, their questions (snapshots of bank questions),
their variants (one per class), the PDFs printed from them, and the background jobs that fill,
vary and print them.

A paper keeps a snapshot of every question it holds (the verified schema as JSONB), so editing
or deleting the bank question afterwards never changes or breaks a paper a class has sat.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Deferrable, Q

from papers.schemas import PageSize, PaperKind, Version
from questions.models import CalculatorPolicy, GenerationStatus, Tier


class PaperQuerySet(models.QuerySet["Paper"]):
    def visible_to(self, user: Any) -> PaperQuerySet:
        """Papers the user may see and download: their own, those shared with them (staff see
        every paper)."""
        if getattr(user, "is_staff", False):
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        shared = Paper.shared_with.through.objects.filter(user=user).values("paper_id")
        return self.filter(Q(owner=user) | Q(pk__in=shared))

    def editable_by(self, user: Any) -> PaperQuerySet:
        """Papers the user may change: their own (staff may change any)."""
        if getattr(user, "is_staff", False):
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


class Paper(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="papers",
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=20,
        choices=[(k.value, k.value.replace("_", " ").capitalize()) for k in PaperKind],
        default=PaperKind.WORKSHEET.value,
    )
    tier = models.ForeignKey(Tier, on_delete=models.PROTECT, db_column="tier")
    calculator_policy = models.ForeignKey(
        CalculatorPolicy, on_delete=models.PROTECT, db_column="calculator_policy"
    )
    time_allowed_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    instructions = models.TextField(blank=True, max_length=4000)
    page_size = models.CharField(
        max_length=10, choices=[(p.value, p.value) for p in PageSize], default=PageSize.A4.value
    )
    blueprint = models.JSONField(null=True, blank=True, help_text="the blueprint it was filled to")
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="papers_shared_with_me"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PaperQuerySet.as_manager()

    class Meta:
        db_table = "papers"
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["owner", "-updated_at"], name="papers_owner_updated")]

    def __str__(self) -> str:
        return self.title


class PaperQuestion(models.Model):
    """One numbered question of a paper: ``position`` is its number (1, 2, 3 …)."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        "questions.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paper_items",
    )
    # The bank question it was taken from, kept after that question is deleted.
    source_question_id = models.UUIDField(null=True, blank=True)
    content = models.JSONField(help_text="the question's verified schema when it was added")
    marks = models.PositiveSmallIntegerField()
    template = models.CharField(max_length=100, blank=True)
    variant_key = models.CharField(max_length=500, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "paper_questions"
        ordering = ["paper", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "position"],
                name="paper_questions_position",
                deferrable=Deferrable.DEFERRED,
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.content.get('title', '')}"

    @property
    def source_deleted(self) -> bool:
        return self.question_id is None and self.source_question_id is not None


class PaperVariant(models.Model):
    """Another version of a paper (B, C, …; the paper itself is A): the same templates,
    difficulty and marks question by question, other seeds."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="variants")
    label = models.CharField(max_length=2)
    items = models.JSONField(help_text="one question schema per position, in order")
    based_on = models.CharField(max_length=64, help_text="fingerprint of the paper it varies")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "paper_variants"
        ordering = ["paper", "label"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "label"], name="paper_variants_label")
        ]

    def __str__(self) -> str:
        return f"{self.paper} — version {self.label}"


class PaperFile(models.Model):
    """A printed PDF, stored so it can be downloaded again."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="files")
    variant_label = models.CharField(max_length=2, default="A")
    version = models.CharField(max_length=20, choices=[(v.value, v.value) for v in Version])
    page_size = models.CharField(max_length=10, choices=[(p.value, p.value) for p in PageSize])
    fingerprint = models.CharField(max_length=64, help_text="of the document it was printed from")
    pdf = models.BinaryField()
    size_bytes = models.PositiveIntegerField(default=0)
    render_ms = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "paper_files"
        ordering = ["paper", "variant_label", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "variant_label", "version", "page_size"], name="paper_files_one"
            )
        ]

    def __str__(self) -> str:
        return f"{self.paper} {self.variant_label} {self.version} ({self.page_size})"


class JobKind(models.TextChoices):
    FILL = "fill", "Fill to the blueprint"
    VARIANTS = "variants", "Make versions"
    PRINT = "print", "Print the PDFs"


class PaperJob(models.Model):
    """Long work on a paper, done by the task worker: progress and a log a page can show."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="jobs")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    kind = models.CharField(max_length=20, choices=JobKind.choices)
    params = models.JSONField(default=dict, blank=True)
    status = models.ForeignKey(
        GenerationStatus, on_delete=models.PROTECT, db_column="status", default="pending"
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    log = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    cancel_requested = models.BooleanField(default=False)
    worker = models.CharField(max_length=120, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "paper_jobs"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["paper", "-created_at"], name="paper_jobs_paper_created"),
            models.Index(fields=["status", "heartbeat_at"], name="paper_jobs_status_heartbeat"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.paper} ({self.status_id})"

    @property
    def is_terminal(self) -> bool:
        return self.status_id in ("completed", "failed", "cancelled")

    @property
    def percent(self) -> int:
        if self.is_terminal and self.status_id == "completed":
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class BasketItem(models.Model):
    """A question a teacher picked for a paper, kept while they browse (the basket)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="basket_items"
    )
    question = models.ForeignKey(
        "questions.Question", on_delete=models.CASCADE, related_name="basket_items"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "paper_basket_items"
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "question"], name="basket_one_each")
        ]

    def __str__(self) -> str:
        return f"{self.owner} · {self.question_id}"
