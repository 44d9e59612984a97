"""Hostile strings for the stored-XSS tests, and the check that a page shows them only as text.

Every payload carries a *marker* (``zqxz`` + the field's name, letters only) in each place an
attack would put something: the script's text, the handler, the URL, the htmx attribute. A
page is inert when, parsed as a browser parses it (html5lib), the marker is found only in text
and in attributes that are only ever text (an input's value, a title); never in a tag or
attribute name, a URL, a handler, an htmx attribute, a ``<script>`` or a ``<style>``. The
marker must also be *there*, as text: a field a page should show and does not would make the
test pass for nothing.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from questions.rendering import MATHML_ATTRIBUTES, SVG_ATTRIBUTES
from tests.security.executable import executable_markup, parse

MARKER = "zqxz"  # letters no token, id or word of ours holds
PAYLOADS = [
    "<script>alert('MARK')</script>",
    '"><img src="MARK" onerror=alert(\'MARK\')>',
    "' onmouseover='alert(\"MARK\")' data-x='",
    "javascript:alert('MARK')",
    "<a href=\"javascript:alert('MARK')\">MARK</a>",
    "<a href=\"java&#x09;script:alert('MARK')\">MARK</a>",
    "$\\href{javascript:alert('MARK')}{MARK}$",
    "$\\url{javascript:alert('MARK')}$",
    "$\\style{background:url(javascript:alert('MARK'))}{MARK}$",
    '$\\class{MARK" onclick="alert(1)}{MARK}$',
    "$\\text{<script>alert('MARK')</script>}$",
    '$\\text{<img src="MARK" onerror=alert(1)>}$',
    "$\\color{red\" onmouseover=\"alert('MARK')}{MARK}$",
    "$\\mathrm{</math><script>alert('MARK')</script>}$",
    "$x^{<svg onload=alert('MARK')>}$",
    "$" + "{" * 300 + "MARK" + "}" * 300 + "$",
    "$" + "\\frac{1}{" * 200 + "MARK" + "}" * 200 + "$",
    "<svg onload=alert('MARK')>",
    "</textarea><script>alert('MARK')</script>",
    "</title><script>alert('MARK')</script>",
    "<style>body{background:url(javascript:alert('MARK'))}</style>",
    '<div hx-get="/MARK" hx-trigger="load">MARK</div>',
    "<span hx-on:click=\"alert('MARK')\">MARK</span>",
    "{{ MARK }}{% csrf_token %}<!--MARK-->",
    "&lt;script&gt;alert('MARK')&lt;/script&gt;",
    "<scr<script>ipt>alert('MARK')</script>",
    "<iframe srcdoc=\"&lt;script&gt;alert('MARK')&lt;/script&gt;\"></iframe>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'MARK\')">',
    '<base href="https://evil.example/MARK/">',
    '<form action="https://evil.example/MARK"><button>MARK</button></form>',
    "<math><mi xlink:href=\"javascript:alert('MARK')\">MARK</mi></math>",
    '<svg><foreignObject><img src="MARK" onerror=alert(1)></foreignObject></svg>',
    "]]><script>alert('MARK')</script>",
    "\u202e<script>alert('MARK')</script>\u202c",
    '\ufeff<img src="MARK" onerror=alert(1)>',
    "\uff1cscript\uff1ealert('MARK')\uff1c/script\uff1e",
    '<img src="MARK" onerror=&#97;lert(1)>',
    "MARK\u0085<script>alert(1)</script>\u2028",
    "<ſcript>alert('MARK')</ſcript>",
]
FILLERS = ["$x^2$", "text", "$", "\\", "<", "&", '"', "'"]

# Attributes whose value is only ever shown as text (or, for MathML and SVG, only passed the
# renderers' allow-lists, whose values cannot hold a URL, quote or script).
TEXT_ATTRIBUTES = {"value", "title", "aria-label", "data-confirm", "placeholder", "alt"}
MATHML = "{http://www.w3.org/1998/Math/MathML}"
SVG = "{http://www.w3.org/2000/svg}"


def hostile(field: str, *, limit: int | None = None) -> st.SearchStrategy[str]:
    """A hostile value for ``field`` (at most ``limit`` characters), its marker
    ``zqxz<field>`` in every dangerous place."""
    mark = MARKER + field
    payloads = [p.replace("MARK", mark) for p in PAYLOADS]
    if limit is not None:
        payloads = [p for p in payloads if len(p) <= limit]
    one = st.sampled_from(payloads)
    several = st.lists(st.sampled_from(payloads + FILLERS), min_size=1, max_size=3).map(
        lambda xs: " ".join(xs if any(mark in x for x in xs) else [*xs, payloads[0]])
    )
    if limit is not None:
        several = several.filter(lambda s: len(s) <= limit)
    return st.one_of(one, one, several)


def _local(name: object) -> str:
    return str(name).rsplit("}", 1)[-1].lower()


def injected(tree: Any) -> list[str]:
    """Everything in a parsed page that a stored value made other than text; empty when
    the page is inert."""
    found = executable_markup(tree)
    for element in tree.iter():
        tag = str(element.tag)
        name = _local(tag)
        if MARKER in name:
            found.append(f"an element <{name}>")
        if name in ("script", "style") and MARKER in "".join(element.itertext()):
            found.append(f"<{name}> holding {''.join(element.itertext())[:60]!r}")
        for raw, value in element.attrib.items():
            attribute = str(raw).rsplit("}", 1)[-1]
            if MARKER in attribute.lower():
                found.append(f"<{name}> attribute {attribute}")
            if MARKER not in value or attribute.lower() in TEXT_ATTRIBUTES:
                continue
            if tag.startswith(MATHML) and attribute in MATHML_ATTRIBUTES:
                continue  # written by the allow-list writer: a length, keyword or colour
            if tag.startswith(SVG) and attribute in SVG_ATTRIBUTES and attribute != "href":
                continue  # likewise, by the SVG sanitiser
            found.append(f"<{name} {attribute}={value[:60]!r}>")
    return found


def shown_text(tree: Any) -> str:
    """What a reader of a parsed page sees (its text) and the text attributes' values, in
    lower case (markers are lower case; a filter may capitalise the first letter)."""
    values = [
        value
        for element in tree.iter()
        for raw, value in element.attrib.items()
        if str(raw).rsplit("}", 1)[-1].lower() in TEXT_ATTRIBUTES
    ]
    return ("".join(tree.itertext()) + "\n" + "\n".join(values)).lower()


def assert_inert(document: str, *, shows: set[str] | frozenset[str], where: str) -> None:
    """``document`` holds no executable or injected markup, and shows each field in ``shows``
    (as text)."""
    tree = parse(document)
    bad = injected(tree)
    assert not bad, f"{where}: stored values became markup: {bad[:5]}"
    text = shown_text(tree)
    missing = sorted(f for f in shows if MARKER + f not in text)
    assert not missing, f"{where}: does not show {missing}, so the test proves nothing there"
