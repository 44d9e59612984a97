"""The teacher's generation form."""

from __future__ import annotations

from typing import Any

from django import forms
from pydantic import ValidationError

from generation.agents import llm
from generation.engine import base
from generation.schemas import GenerationRequest, Mode
from questions import syllabus
from questions.models import CalculatorPolicy, CommandWord, SyllabusCode, Tier

MODE_CHOICES = [
    (Mode.OFFLINE.value, "Offline templates (no AI; instant)"),
    (Mode.HYBRID.value, "Hybrid: templates compute, AI rewrites the wording"),
    (Mode.LLM.value, "AI writes the question; code checks every answer"),
]


def code_choices(tier: str | None, search: str = "") -> list[tuple[str, str]]:
    """Syllabus codes of a tier (optionally matching a search), marked when no template covers
    them yet."""
    if tier and tier not in Tier.objects.values_list("code", flat=True):
        return []  # not a tier (a hand-made or hostile request): no codes, not a query error
    covered = {code for t in base.templates() for codes in t.codes.values() for code in codes}
    qs = SyllabusCode.objects.all()
    if tier:
        qs = qs.filter(tier_id=tier)
    search = search.replace("\x00", "")  # PostgreSQL refuses NUL in a text parameter
    if search:
        qs = qs.filter(code__icontains=search) | qs.filter(title__icontains=search)
    return [
        (c.code, f"{c.code} {c.title}" + ("" if c.code in covered else " (no template yet)"))
        for c in qs.order_by("sort_key")
    ]


class GenerationForm(forms.Form):
    tier = forms.ModelChoiceField(Tier.objects.all(), empty_label=None, to_field_name="code")
    syllabus_code = forms.ChoiceField(required=False, label="Syllabus code")
    topic = forms.ChoiceField(required=False, label="…or a whole topic")
    command_word = forms.ModelChoiceField(
        CommandWord.objects.all(), required=False, empty_label="Any", to_field_name="code"
    )
    marks = forms.IntegerField(required=False, min_value=1, max_value=20, label="Marks (optional)")
    calculator_policy = forms.ModelChoiceField(
        CalculatorPolicy.objects.exclude(code="varies"),
        required=False,
        empty_label="Either",
        to_field_name="code",
        label="Calculator",
    )
    difficulty = forms.TypedChoiceField(
        choices=[
            (i, f"{i} — {w}")
            for i, w in enumerate(["gentle", "standard", "solid", "demanding", "hardest"], 1)
        ],
        coerce=int,
        initial=3,
    )
    count = forms.IntegerField(min_value=1, max_value=20, initial=3, label="How many")
    mode = forms.ChoiceField(choices=MODE_CHOICES, initial=Mode.OFFLINE.value)
    model = forms.ChoiceField(required=False, label="Model")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tier = self.data.get("tier") or self.initial.get("tier") or "Extended"
        self.fields["syllabus_code"].choices = [("", "Choose a code…"), *code_choices(tier)]
        self.fields["topic"].choices = [("", "—")] + [
            (t, f"{n}. {t}") for n, t in syllabus.TOPICS.items()
        ]
        models = llm.available_models()
        if not models:
            self.fields["mode"].choices = MODE_CHOICES[:1]
            self.fields[
                "mode"
            ].help_text = "No AI provider is configured, so generation runs offline."
        self.fields["model"].choices = [("", "Default")] + [(m, m) for m in models]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        code, topic = data.get("syllabus_code"), data.get("topic")
        if not code and not topic:
            self.add_error("syllabus_code", "Choose a syllabus code or a whole topic.")
            return data
        tier = data["tier"].code
        if code and syllabus.tier_of(code) != tier:
            self.add_error("syllabus_code", f"{code} is not a {tier} code.")
            return data
        if (
            code
            and not base.templates_for(code=code, tier=tier)
            and data.get("mode") == Mode.OFFLINE
        ):
            self.add_error(
                "syllabus_code",
                f"No offline template covers {code} yet; choose another code, a whole topic, or an AI mode.",
            )
            return data
        try:
            self.request_model = GenerationRequest(
                tier=tier,
                syllabus_codes=[code] if code else [],
                topic="" if code else topic,
                command_word=data["command_word"].code if data.get("command_word") else None,
                marks=data.get("marks"),
                calculator_policy=data["calculator_policy"].code
                if data.get("calculator_policy")
                else None,
                difficulty=data["difficulty"],
                count=data["count"],
                mode=data["mode"],
                model=data.get("model") or "",
            )
        except ValidationError as exc:
            for error in exc.errors():
                self.add_error(None, error["msg"].removeprefix("Value error, "))
        return data
