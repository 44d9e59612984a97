"""Admin: sessions and steps are records of what happened, so they are read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from generation.models import GenerationSession, GenerationStep
from questions.admin import StaffReadMostly, pretty_json


class ReadOnly(StaffReadMostly):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StepInline(admin.TabularInline):
    model = GenerationStep
    fields = [
        "sequence",
        "agent",
        "kind",
        "message",
        "duration_ms",
        "tokens_in",
        "tokens_out",
        "cost",
        "model",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(GenerationSession)
class GenerationSessionAdmin(ReadOnly):
    list_display = [
        "id",
        "owner",
        "status",
        "tier",
        "codes",
        "count",
        "mode",
        "questions_made",
        "questions_approved",
        "questions_rejected",
        "tokens_total",
        "cost",
        "created_at",
    ]
    list_filter = ["status", "tier", "mode", "created_at"]
    search_fields = ["id", "syllabus_codes", "topic", "error", "owner__username"]
    date_hierarchy = "created_at"
    list_select_related = ["owner", "status", "tier"]
    inlines = [StepInline]
    readonly_fields = ["request_pretty", "results_pretty", "agent_timings_pretty"]
    exclude = ["request", "results", "agent_timings"]

    @admin.display(description="codes")
    def codes(self, obj: GenerationSession) -> str:
        return ", ".join(obj.syllabus_codes) or obj.topic

    @admin.display(description="tokens")
    def tokens_total(self, obj: GenerationSession) -> int:
        return obj.tokens_in + obj.tokens_out

    @admin.display(description="request")
    def request_pretty(self, obj: GenerationSession) -> str:
        return pretty_json(obj.request)

    @admin.display(description="agent results and reasoning")
    def results_pretty(self, obj: GenerationSession) -> str:
        return pretty_json(obj.results)

    @admin.display(description="time per agent (s)")
    def agent_timings_pretty(self, obj: GenerationSession) -> str:
        return pretty_json(obj.agent_timings)


@admin.register(GenerationStep)
class GenerationStepAdmin(ReadOnly):
    list_display = [
        "session",
        "sequence",
        "agent",
        "kind",
        "message",
        "duration_ms",
        "tokens_in",
        "tokens_out",
        "model",
    ]
    list_filter = ["agent", "kind"]
    search_fields = ["session__id", "message", "reasoning"]
    readonly_fields = ["data_pretty"]
    exclude = ["data"]

    @admin.display(description="data")
    def data_pretty(self, obj: GenerationStep) -> str:
        return pretty_json(obj.data)
