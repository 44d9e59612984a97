"""LaTeX in question text to HTML with MathML, on the server (no client-side JavaScript).

Text outside ``$…$`` is HTML-escaped; each maths span becomes a ``<math>`` element. A span that
latex2mathml cannot read raises :class:`MathsError`, so the engine's tests can insist that every
question renders; the page filter falls back to showing the source in ``<code>``.
"""

from __future__ import annotations

import re

import latex2mathml.converter
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_SPAN = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)


class MathsError(ValueError):
    pass


def latex_to_mathml(latex: str) -> str:
    try:
        return str(latex2mathml.converter.convert(latex))
    except Exception as exc:  # latex2mathml raises many exception types
        raise MathsError(f"cannot render ${latex}$: {exc}") from exc


def render_maths_strict(text: str) -> str:
    """HTML for ``text`` with every maths span as MathML; raises :class:`MathsError`."""
    out: list[str] = []
    position = 0
    for match in _SPAN.finditer(text):
        out.append(escape(text[position : match.start()]).replace("\\$", "$"))
        out.append(latex_to_mathml(match.group(1)))
        position = match.end()
    out.append(escape(text[position:]).replace("\\$", "$"))
    return "".join(out)


def render_maths(text: str) -> SafeString:
    """Like :func:`render_maths_strict`, but an unreadable span is shown as its source."""
    out: list[str] = []
    position = 0
    for match in _SPAN.finditer(text):
        out.append(escape(text[position : match.start()]).replace("\\$", "$"))
        try:
            out.append(latex_to_mathml(match.group(1)))
        except MathsError:
            out.append(f'<code class="latex">{escape(match.group(1))}</code>')
        position = match.end()
    out.append(escape(text[position:]).replace("\\$", "$"))
    return mark_safe("".join(out))


_SVG_FORBIDDEN = re.compile(
    r"<\s*(script|foreignObject|iframe|object|embed|style)\b.*?(</\s*\1\s*>|/>)",
    re.IGNORECASE | re.DOTALL,
)
_SVG_HANDLERS = re.compile(r"\s+on[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_SVG_LINKS = re.compile(r"\s+(?:xlink:)?href\s*=\s*(\"(?!#)[^\"]*\"|'(?!#)[^']*')", re.IGNORECASE)


def sanitise_svg(svg: str) -> str:
    """Keep a figure's drawing; drop scripts, event handlers and links to anything outside it."""
    svg = svg.strip()
    if not svg.lower().startswith("<svg"):
        return ""
    svg = _SVG_FORBIDDEN.sub("", svg)
    svg = _SVG_HANDLERS.sub("", svg)
    svg = _SVG_LINKS.sub("", svg)
    return svg
