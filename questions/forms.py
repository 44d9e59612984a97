"""Forms of the bank: filters, review actions, edits."""

from __future__ import annotations

from typing import Any

from django import forms

from questions import syllabus
from questions.models import CalculatorPolicy, CommandWord, QuestionOrigin, ReviewState, Tier
from questions.paging import SORTS


class BankFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        label="Search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Words from the question…"}),
    )
    tier = forms.ModelChoiceField(
        Tier.objects.all(), required=False, empty_label="Any tier", to_field_name="code"
    )
    topic = forms.ChoiceField(required=False)
    syllabus_code = forms.CharField(
        required=False,
        label="Syllabus code",
        max_length=10,
        widget=forms.TextInput(attrs={"placeholder": "e.g. E2.5"}),
    )
    command_word = forms.ModelChoiceField(
        CommandWord.objects.all(), required=False, empty_label="Any", to_field_name="code"
    )
    marks_min = forms.IntegerField(required=False, min_value=1, max_value=30, label="Marks from")
    marks_max = forms.IntegerField(required=False, min_value=1, max_value=30, label="Marks to")
    calculator_policy = forms.ModelChoiceField(
        CalculatorPolicy.objects.all(),
        required=False,
        empty_label="Either",
        to_field_name="code",
        label="Calculator",
    )
    difficulty = forms.TypedChoiceField(
        required=False,
        choices=[("", "Any")] + [(i, str(i)) for i in range(1, 6)],
        coerce=int,
        empty_value=None,
    )
    review_state = forms.ChoiceField(
        required=False, choices=[("", "Any")] + list(ReviewState.choices), label="Review state"
    )
    origin = forms.ModelChoiceField(
        QuestionOrigin.objects.all(), required=False, empty_label="Any", to_field_name="code"
    )
    quality_min = forms.FloatField(
        required=False,
        min_value=0,
        max_value=1,
        label="Quality at least",
        widget=forms.NumberInput(attrs={"step": "0.05"}),
    )

    sort = forms.ChoiceField(
        required=False,
        label="Order",
        choices=[("", "Best match, or newest")] + list(SORTS.items()),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "Any topic")] + [
            (t, t) for t in syllabus.TOPICS.values()
        ]

    def clean_syllabus_code(self) -> str:
        code = (self.cleaned_data.get("syllabus_code") or "").strip().upper()
        if code and not syllabus.is_known(code):
            raise forms.ValidationError(f"{code} is not a 0580 syllabus code (e.g. C1.4 or E2.5).")
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        low, high = data.get("marks_min"), data.get("marks_max")
        if low is not None and high is not None and low > high:
            self.add_error("marks_max", "The upper mark must be at least the lower one.")
        return data

    def filters(self) -> dict[str, Any]:
        """The valid filters as the selector takes them; an invalid one is left out, the
        others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        out: dict[str, Any] = {}
        for name in (
            "q",
            "topic",
            "marks_min",
            "marks_max",
            "difficulty",
            "review_state",
            "quality_min",
        ):
            if data.get(name) not in (None, ""):
                out[name] = data[name]
        for name in ("tier", "command_word", "calculator_policy", "origin"):
            if data.get(name):
                out[name] = data[name].code
        if data.get("syllabus_code"):
            out["syllabus_codes"] = [data["syllabus_code"]]
        return out


class RejectForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, label="Why reject it?"
    )


class PartEditForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    marks = forms.IntegerField(min_value=1, max_value=12)


class QuestionEditForm(forms.Form):
    title = forms.CharField(max_length=200)
    stem = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )
