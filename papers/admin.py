"""Admin: staff see every teacher's papers (and may fix a title or sharing); their questions,
versions, PDFs and jobs are records of what was made, so read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet, Sum
from django.http import HttpRequest

from generation.admin import ReadOnly
from papers.models import BasketItem, Paper, PaperFile, PaperJob, PaperQuestion, PaperVariant
from questions.admin import StaffReadMostly, pretty_json


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class QuestionInline(_ReadOnlyInline):
    model = PaperQuestion
    fields = ["position", "title", "marks", "template", "question", "source_deleted"]
    readonly_fields = fields
    ordering = ["position"]

    @admin.display(description="title")
    def title(self, obj: PaperQuestion) -> str:
        return str(obj.content.get("title", ""))

    @admin.display(description="deleted from the bank", boolean=True)
    def source_deleted(self, obj: PaperQuestion) -> bool:
        return obj.source_deleted


class VariantInline(_ReadOnlyInline):
    model = PaperVariant
    fields = ["label", "based_on", "created_at"]
    readonly_fields = fields


class FileInline(_ReadOnlyInline):
    model = PaperFile
    fields = ["variant_label", "version", "page_size", "size_bytes", "render_ms", "created_at"]
    readonly_fields = fields


@admin.register(Paper)
class PaperAdmin(StaffReadMostly):
    list_display = [
        "title",
        "owner",
        "kind",
        "tier",
        "calculator_policy",
        "questions",
        "marks",
        "updated_at",
    ]
    list_filter = ["kind", "tier", "calculator_policy", "updated_at"]
    search_fields = ["title", "owner__username", "instructions"]
    list_select_related = ["owner", "tier", "calculator_policy"]
    date_hierarchy = "updated_at"
    fields = [
        "id",
        "title",
        "owner",
        "kind",
        "tier",
        "calculator_policy",
        "time_allowed_minutes",
        "instructions",
        "page_size",
        "shared_with",
        "blueprint_pretty",
        "created_at",
        "updated_at",
    ]
    readonly_fields = [
        "id",
        "owner",
        "tier",
        "calculator_policy",
        "blueprint_pretty",
        "created_at",
        "updated_at",
    ]
    filter_horizontal = ["shared_with"]
    inlines = [QuestionInline, VariantInline, FileInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Paper]:
        return (
            super()
            .get_queryset(request)
            .annotate(question_count=Count("items"), marks_total=Sum("items__marks"))
        )

    @admin.display(description="questions", ordering="question_count")
    def questions(self, obj: Any) -> int:
        return int(obj.question_count)

    @admin.display(description="marks", ordering="marks_total")
    def marks(self, obj: Any) -> int:
        return int(obj.marks_total or 0)

    @admin.display(description="blueprint")
    def blueprint_pretty(self, obj: Paper) -> str:
        return pretty_json(obj.blueprint)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # papers are made on the teacher's pages or by `make_paper`


@admin.register(PaperJob)
class PaperJobAdmin(ReadOnly):
    list_display = [
        "paper",
        "kind",
        "status",
        "done",
        "total",
        "owner",
        "created_at",
        "finished_at",
    ]
    list_filter = ["kind", "status", "created_at"]
    search_fields = ["paper__title", "error", "owner__username"]
    list_select_related = ["paper", "status", "owner"]
    readonly_fields = ["log_pretty", "params_pretty"]
    exclude = ["log", "params"]

    @admin.display(description="log")
    def log_pretty(self, obj: PaperJob) -> str:
        return pretty_json(obj.log)

    @admin.display(description="parameters")
    def params_pretty(self, obj: PaperJob) -> str:
        return pretty_json(obj.params)


@admin.register(BasketItem)
class BasketItemAdmin(ReadOnly):
    list_display = ["owner", "question", "added_at"]
    search_fields = ["owner__username", "question__title"]
    list_select_related = ["owner", "question"]
