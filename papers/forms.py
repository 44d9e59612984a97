"""Forms for papers: a paper's front-page facts, a blueprint, versions, sharing."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from pydantic import ValidationError

from papers.blueprints import PRESETS, Blueprint, BlueprintImpossible, Weight
from papers.schemas import PageSize, PaperKind
from papers.variants import MAX_VERSIONS
from questions import syllabus
from questions.models import CalculatorPolicy, Tier

KIND_CHOICES = [(k.value, k.value.replace("_", " ").capitalize()) for k in PaperKind]
PAGE_SIZE_CHOICES = [(PageSize.A4.value, "A4"), (PageSize.LETTER.value, "US Letter")]


def _tiers() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(Tier.objects.all(), empty_label=None, to_field_name="code")


def _calculator() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        CalculatorPolicy.objects.exclude(code="varies"),
        empty_label=None,
        to_field_name="code",
        label="Calculator",
    )


class PaperForm(forms.Form):
    """A paper's title and front page."""

    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=KIND_CHOICES, initial=PaperKind.WORKSHEET.value)
    tier = _tiers()
    calculator_policy = _calculator()
    time_allowed_minutes = forms.IntegerField(
        required=False, min_value=1, max_value=600, label="Time allowed (minutes)"
    )
    instructions = forms.CharField(
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Printed on the front page, under the standard 0580 instructions.",
    )
    page_size = forms.ChoiceField(choices=PAGE_SIZE_CHOICES, initial=PageSize.A4.value)

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "kind": data["kind"],
            "tier": data["tier"].code,
            "calculator_policy": data["calculator_policy"].code,
            "time_allowed_minutes": data.get("time_allowed_minutes"),
            "instructions": data.get("instructions") or "",
            "page_size": data["page_size"],
        }


_CODE_WEIGHT = re.compile(r"^\s*([CE]\d{1,2}\.\d{1,2})\s*(?:[:=×x*]\s*(\d+(?:\.\d+)?))?\s*$")


def topic_field_name(number: int) -> str:
    return f"topic_{number}"


class BlueprintForm(forms.Form):
    """ "Make me a Paper 2-style mock": a preset, or the facts and weights by hand."""

    preset = forms.ChoiceField(
        required=False,
        choices=[("", "None: I set everything below")]
        + [
            (p.key, f"{p.name} style ({p.tier.value}, {p.total_marks} marks)")
            for p in PRESETS.values()
        ],
        help_text="A preset fills in the tier, calculator, marks, time and topic weights of a real 0580 paper.",
    )
    title = forms.CharField(
        max_length=200, required=False, help_text="Leave blank for the preset's name."
    )
    tier = _tiers()
    calculator_policy = _calculator()
    total_marks = forms.IntegerField(min_value=5, max_value=200, initial=100, label="Total marks")
    time_allowed_minutes = forms.IntegerField(
        required=False, min_value=5, max_value=300, initial=120, label="Time allowed (minutes)"
    )
    difficulty_min = forms.TypedChoiceField(
        choices=[(i, str(i)) for i in range(1, 6)], coerce=int, initial=2, label="Difficulty from"
    )
    difficulty_max = forms.TypedChoiceField(
        choices=[(i, str(i)) for i in range(1, 6)], coerce=int, initial=5, label="to"
    )
    codes = forms.CharField(
        required=False,
        label="Syllabus codes (optional)",
        help_text="Codes to cover besides the topics, each with a weight: e.g. “E2.5: 10, E2.6: 5”.",
        widget=forms.TextInput(attrs={"placeholder": "E2.5: 10, E2.6: 5"}),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for number, topic in syllabus.TOPICS.items():
            self.fields[topic_field_name(number)] = forms.IntegerField(
                required=False, min_value=0, max_value=100, label=topic
            )

    def topic_fields(self) -> list[forms.BoundField]:
        return [self[topic_field_name(n)] for n in syllabus.TOPICS]

    @staticmethod
    def initial_for(preset_key: str) -> dict[str, Any]:
        """The form's starting values for a preset (its topic weights included)."""
        preset = PRESETS[preset_key]
        blueprint = preset.blueprint()
        initial: dict[str, Any] = {
            "preset": preset.key,
            "tier": blueprint.tier.value,
            "calculator_policy": blueprint.calculator_policy.value,
            "total_marks": blueprint.total_marks,
            "time_allowed_minutes": blueprint.time_allowed_minutes,
            "difficulty_min": blueprint.difficulty_min,
            "difficulty_max": blueprint.difficulty_max,
        }
        numbers = {topic: n for n, topic in syllabus.TOPICS.items()}
        for weight in blueprint.weights:
            initial[topic_field_name(numbers[weight.target])] = int(weight.weight)
        return initial

    def _weights(self, data: dict[str, Any]) -> list[Weight]:
        weights = [
            Weight(target=topic, weight=data[topic_field_name(n)])
            for n, topic in syllabus.TOPICS.items()
            if data.get(topic_field_name(n))
        ]
        for piece in filter(None, (p.strip() for p in (data.get("codes") or "").split(","))):
            match = _CODE_WEIGHT.match(piece)
            if match is None:
                self.add_error("codes", f"“{piece}” is not a code with a weight, like “E2.5: 10”.")
                continue
            code, weight = match.group(1), float(match.group(2) or 1)
            if not syllabus.is_known(code):
                self.add_error("codes", f"{code} is not a 0580 syllabus code.")
                continue
            if weight <= 0:
                self.add_error("codes", f"Give {code} a weight above 0.")
                continue
            weights.append(Weight(target=code, weight=weight))
        return weights

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        weights = self._weights(data)
        if self.errors:
            return data
        if not weights:
            raise forms.ValidationError("Give at least one topic or code a weight above 0.")
        preset = PRESETS.get(data.get("preset") or "")
        title = data.get("title") or (f"{preset.name}-style mock" if preset else "Mock paper")
        try:
            self.blueprint = Blueprint(
                title=title,
                kind=PaperKind.MOCK_EXAM,
                tier=data["tier"].code,
                calculator_policy=data["calculator_policy"].code,
                total_marks=data["total_marks"],
                time_allowed_minutes=data.get("time_allowed_minutes"),
                difficulty_min=data["difficulty_min"],
                difficulty_max=data["difficulty_max"],
                weights=weights,
                preset=preset.key if preset else "",
            )
        except ValidationError as exc:
            for error in exc.errors():
                self.add_error(None, str(error["msg"]).removeprefix("Value error, "))
            return data
        from papers.filling import blueprint_check

        try:
            blueprint_check(user=self.user, blueprint=self.blueprint)
        except BlueprintImpossible as exc:
            for reason in exc.reasons:
                self.add_error(None, reason)
        return data


class VersionsForm(forms.Form):
    count = forms.TypedChoiceField(
        choices=[
            (n, f"{n} versions ({'–'.join(['A', 'ABCDEFGH'[n - 1]])})")
            for n in range(2, MAX_VERSIONS + 1)
        ],
        coerce=int,
        initial=4,
        label="How many versions",
    )


class ShareForm(forms.Form):
    usernames = forms.CharField(
        max_length=1000,
        label="Share with",
        help_text="Teachers' usernames, separated by commas. They can see and print the paper, not change it.",
    )

    def names(self) -> list[str]:
        return [n.strip() for n in self.cleaned_data["usernames"].split(",") if n.strip()]


class PrintForm(forms.Form):
    page_size = forms.ChoiceField(choices=PAGE_SIZE_CHOICES, initial=PageSize.A4.value)
