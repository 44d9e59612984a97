"""Filters for printed papers."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter(name="duration_words")
def duration_words(minutes: int | None) -> str:
    """90 → '1 hour 30 minutes', 120 → '2 hours', 45 → '45 minutes'."""
    if not minutes:
        return ""
    hours, rest = divmod(int(minutes), 60)
    words = []
    if hours:
        words.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        words.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(words)


@register.filter(name="kind_name")
def kind_name(kind: object) -> str:
    """'mock_exam' → 'Mock exam'."""
    text = str(getattr(kind, "value", kind)).replace("_", " ")
    return text[:1].upper() + text[1:]
