"""Every place the app marks a string as safe HTML (or turns autoescaping off) was reviewed;
each is listed here with why it cannot carry a teacher's or a model's markup. A new one fails
this test until it is reviewed and listed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ["questions", "generation", "papers", "derivativ", "templates", "static/js"]
RISKY = re.compile(
    r"\|\s*safe\b|\|\s*safeseq\b|mark_safe\(|SafeString\(|format_html\(|autoescape\s+off"
    r"|is_safe\s*=|html_safe|\.innerHTML|insertAdjacentHTML"
)

REVIEWED = {
    ("questions/rendering.py", 'return mark_safe("".join(out))'): (
        "render_maths: text outside $…$ is escaped; each span is MathML re-written by the "
        "allow-list writer (elements, attributes and value shapes), or its escaped source"
    ),
    ("questions/templatetags/maths.py", 'return mark_safe("")'): "an empty string",
    ("questions/templatetags/maths.py", "return mark_safe(latex_to_mathml(source))"): (
        "latex filter: the allow-list MathML writer's output"
    ),
    (
        "questions/templatetags/maths.py",
        "return mark_safe(f'<code class=\"latex\">{escape(source)}</code>')",
    ): "the LaTeX source, escaped",
    ("questions/templatetags/maths.py", 'return mark_safe(sanitise_svg(svg or ""))'): (
        "safe_svg filter: the figure rebuilt from allow-listed SVG elements and attributes"
    ),
    ("questions/admin.py", "return format_html("): (
        "pretty_json: the JSON is a format_html argument, so it is escaped"
    ),
    ("papers/typeset/html.py", 'return mark_safe(f"{latex_to_mathml(label)} =")'): (
        "only for a label that is one ASCII letter (re.fullmatch [A-Za-z]), as MathML"
    ),
    ("papers/typeset/html.py", 'return format_html("{} =", label[:1].upper() + label[1:])'): (
        "the label is a format_html argument, so it is escaped"
    ),
    ("templates/papers/print/paper.html", "{{ css|safe }}"): (
        "static/css/print.css, read from disk: no stored value reaches it"
    ),
}


def _uses() -> set[tuple[str, str]]:
    found = set()
    for top in SCANNED:
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in (".py", ".html", ".js") or "tests" in path.parts:
                continue
            for line in path.read_text().splitlines():
                if RISKY.search(line) and not line.lstrip().startswith(("from ", "import ")):
                    found.add((str(path.relative_to(ROOT)), line.strip()))
    return found


def test_every_safe_marking_is_reviewed():
    unreviewed = sorted(_uses() - set(REVIEWED))
    assert not unreviewed, f"review these and list them in REVIEWED: {unreviewed}"


def test_the_reviewed_list_has_no_stale_entries():
    assert set(REVIEWED) <= _uses(), sorted(set(REVIEWED) - _uses())
