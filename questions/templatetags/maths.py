"""Template filters that render LaTeX maths to MathML on the server."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from questions.rendering import render_maths

register = template.Library()


@register.filter(name="maths")
def maths(text: str | None) -> SafeString:
    """Escape text and render every ``$…$`` span in it as MathML."""
    return render_maths(text or "")
