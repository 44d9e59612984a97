"""Admin: reference tables editable by any staff member; questions read-mostly."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.html import format_html

from questions import services
from questions.models import (
    CalculatorPolicy,
    CommandWord,
    GenerationStatus,
    Question,
    QuestionOrigin,
    ReviewState,
    SyllabusCode,
    Tier,
)


def pretty_json(value: Any) -> str:
    """JSON shown readably in the admin: indented, in a scrollable block."""
    if value in (None, "", {}, []):
        return "—"
    return format_html(
        '<pre style="max-height:32rem;overflow:auto;white-space:pre-wrap">{}</pre>',
        json.dumps(value, indent=2, ensure_ascii=False),
    )


class StaffReadMostly(admin.ModelAdmin):
    """Records every staff member may read (and review), without per-model permissions;
    only superusers delete."""

    def _staff(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._staff(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._staff(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._staff(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


class StaffEditable(StaffReadMostly):
    """Reference data: every active staff member may also add rows."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._staff(request)


@admin.register(Tier)
class TierAdmin(StaffEditable):
    list_display = ["code", "name", "papers", "grades", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["code", "name"]


@admin.register(CommandWord)
class CommandWordAdmin(StaffEditable):
    list_display = ["code", "description", "usage_guidance", "sort_order"]
    search_fields = ["code", "description", "usage_guidance"]


@admin.register(CalculatorPolicy)
class CalculatorPolicyAdmin(StaffEditable):
    list_display = ["code", "name", "description", "sort_order"]


@admin.register(GenerationStatus)
class GenerationStatusAdmin(StaffEditable):
    list_display = ["code", "name", "is_terminal", "description", "sort_order"]


@admin.register(QuestionOrigin)
class QuestionOriginAdmin(StaffEditable):
    list_display = ["code", "name", "description", "sort_order"]


@admin.register(SyllabusCode)
class SyllabusCodeAdmin(StaffEditable):
    list_display = ["code", "title", "topic", "tier", "extended_only"]
    list_filter = ["tier", "topic", "extended_only"]
    search_fields = ["code", "title", "notes"]
    ordering = ["sort_key"]


@admin.register(Question)
class QuestionAdmin(StaffReadMostly):
    list_display = [
        "title",
        "tier",
        "marks",
        "command_word",
        "calculator_policy",
        "codes",
        "difficulty",
        "quality_score",
        "review_state",
        "verified",
        "origin",
        "owner",
        "created_at",
    ]
    list_filter = [
        "review_state",
        "tier",
        "topic",
        "calculator_policy",
        "command_word",
        "difficulty",
        "origin",
        "verified",
        "created_at",
    ]
    search_fields = ["title", "search_text", "syllabus_codes", "variant_key"]
    date_hierarchy = "created_at"
    list_select_related = ["tier", "command_word", "calculator_policy", "origin", "owner"]
    actions = ["approve", "mark_needs_review"]
    fields = [
        "id",
        "title",
        "tier",
        "marks",
        "command_words",
        "calculator_policy",
        "syllabus_codes",
        "topic",
        "difficulty",
        "quality_score",
        "review_state",
        "review_note",
        "verified",
        "origin",
        "owner",
        "session",
        "variant_key",
        "created_at",
        "updated_at",
        "content_pretty",
        "verification_pretty",
        "review_pretty",
    ]
    readonly_fields = [f for f in fields if f not in ("review_state", "review_note")]

    @admin.display(description="codes")
    def codes(self, obj: Question) -> str:
        return ", ".join(obj.syllabus_codes)

    @admin.display(description="content (JSON)")
    def content_pretty(self, obj: Question) -> str:
        return pretty_json(obj.content)

    @admin.display(description="verifier report")
    def verification_pretty(self, obj: Question) -> str:
        return pretty_json(obj.verification)

    @admin.display(description="review")
    def review_pretty(self, obj: Question) -> str:
        return pretty_json(obj.review)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # questions come from the pipeline, the command or the teacher's pages

    def save_model(self, request: HttpRequest, obj: Question, form: Any, change: bool) -> None:
        if obj.review_state == ReviewState.APPROVED and not obj.verified:
            messages.error(request, "A question that failed verification cannot be approved.")
            obj.review_state = ReviewState.NEEDS_REVIEW
        super().save_model(request, obj, form, change)

    @admin.action(description="Approve selected (verified only)")
    def approve(self, request: HttpRequest, queryset: Any) -> None:
        approved = refused = 0
        for question in queryset:
            try:
                services.question_approve(question=question)
                approved += 1
            except services.QuestionNotVerified:
                refused += 1
        self.message_user(request, f"Approved {approved}; refused {refused} unverified.")

    @admin.action(description="Mark selected as needing review")
    def mark_needs_review(self, request: HttpRequest, queryset: Any) -> None:
        for question in queryset:
            question.review_state = ReviewState.NEEDS_REVIEW
            question.save(update_fields=["review_state", "updated_at"])
