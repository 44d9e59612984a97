"""Template filters for showing questions: LaTeX to MathML on the server, units, figures."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from questions.rendering import MathsError, latex_to_mathml, render_maths, sanitise_svg
from questions.schemas import printed_label

register = template.Library()

_SUPERSCRIPTS = {"2": "²", "3": "³"}


@register.filter(name="maths")
def maths(text: str | None) -> SafeString:
    """Escape text and render every ``$…$`` span in it as MathML."""
    return render_maths(text or "")


@register.filter(name="latex")
def latex(source: str | None) -> SafeString:
    """Render a bare LaTeX expression (no dollar signs) as MathML."""
    if not source:
        return mark_safe("")
    try:
        return mark_safe(latex_to_mathml(source))
    except MathsError:
        return mark_safe(f'<code class="latex">{escape(source)}</code>')


@register.filter(name="unit")
def unit(value: str | None) -> str:
    """'cm^2' → 'cm²', 'm^3' → 'm³'."""
    return re.sub(r"\^([23])", lambda m: _SUPERSCRIPTS[m.group(1)], value or "")


@register.filter(name="part_label")
def part_label(label: str | None) -> str:
    """A part's label as Cambridge prints it: 'a' → '(a)', 'a(ii)' → '(a)(ii)'."""
    return printed_label(label or "")


@register.filter(name="humanise")
def humanise(value: str | None) -> str:
    """'tier_difficulty_fit' → 'Tier difficulty fit'."""
    text = (value or "").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


@register.filter(name="safe_svg")
def safe_svg(svg: str | None) -> SafeString:
    """An inline SVG figure with anything active (scripts, handlers, links out) removed."""
    return mark_safe(sanitise_svg(svg or ""))
