"""LaTeX in question text to HTML with MathML, on the server (no client-side JavaScript).

Text outside ``$…$`` is HTML-escaped; each maths span becomes a ``<math>`` element. A span that
latex2mathml cannot read raises :class:`MathsError`, so the engine's tests can insist that every
question renders; the page filter falls back to showing the source in ``<code>``.

Question text comes from teachers and LLMs, so nothing latex2mathml emits reaches a page as is:
its element tree is written out again by an allow-list writer (MathML elements and
presentation attributes only, values of a safe shape, every text escaped). ``\\href``,
``\\style``, ``\\class`` and raw markup inside ``\\text{…}`` therefore become inert. SVG figures
go through the same kind of allow-list.
"""

from __future__ import annotations

import hashlib
import html
import re
from xml.etree.ElementTree import Element, ParseError, fromstring

import latex2mathml.converter
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_SPAN = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
# Deeper than any real question's maths; deeper input is refused rather than recursed into.
MAX_LATEX_LENGTH = 2000
MAX_DEPTH = 60

MATHML_NS = "http://www.w3.org/1998/Math/MathML"
MATHML_ELEMENTS = frozenset(
    [
        "math",
        "mrow",
        "mi",
        "mn",
        "mo",
        "ms",
        "mtext",
        "mspace",
        "msup",
        "msub",
        "msubsup",
        "mfrac",
        "msqrt",
        "mroot",
        "mstyle",
        "mtable",
        "mtr",
        "mtd",
        "mlabeledtr",
        "mover",
        "munder",
        "munderover",
        "mpadded",
        "mphantom",
        "menclose",
        "merror",
        "mmultiscripts",
        "mprescripts",
        "none",
        "semantics",
    ]
)
MATHML_ATTRIBUTES = frozenset(
    [
        "display",
        "mathvariant",
        "stretchy",
        "fence",
        "separator",
        "lspace",
        "rspace",
        "accent",
        "accentunder",
        "movablelimits",
        "linethickness",
        "columnalign",
        "rowalign",
        "columnlines",
        "rowlines",
        "columnspacing",
        "rowspacing",
        "frame",
        "framespacing",
        "width",
        "height",
        "depth",
        "notation",
        "displaystyle",
        "scriptlevel",
        "minsize",
        "maxsize",
        "symmetric",
        "largeop",
        "form",
        "mathsize",
        "mathcolor",
        "mathbackground",
        "columnspan",
        "rowspan",
        "align",
        "voffset",
        "bevelled",
        "numalign",
        "denomalign",
    ]
)
# Lengths, keywords, colours: nothing that could carry a URL, a quote or a script.
_SAFE_VALUE = re.compile(r"[\w#.,%+\- ]{0,64}")


class MathsError(ValueError):
    pass


def _attribute_ok(name: str, value: str) -> bool:
    return (
        name in MATHML_ATTRIBUTES
        and _SAFE_VALUE.fullmatch(value) is not None
        and "javascript" not in value.lower()
    )


def _write(element: Element, out: list[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise MathsError("the maths is nested too deeply")
    tag = element.tag
    if tag not in MATHML_ELEMENTS:
        # Not MathML (it cannot be, from LaTeX): keep only its text, escaped.
        out.append(escape(html.unescape(element.text or "")))
        for child in element:
            _write(child, out, depth + 1)
            out.append(escape(html.unescape(child.tail or "")))
        return
    attrs = "".join(
        f' {name}="{escape(value)}"'
        for name, value in element.attrib.items()
        if _attribute_ok(name, value)
    )
    if tag == "math":
        attrs = f' xmlns="{MATHML_NS}"' + attrs
    out.append(f"<{tag}{attrs}>")
    out.append(escape(html.unescape(element.text or "")))
    for child in element:
        _write(child, out, depth + 1)
        out.append(escape(html.unescape(child.tail or "")))
    out.append(f"</{tag}>")


# A sign is a prefix (no space after it) at the start of a row and after an operator, an
# opening bracket or a comma: (−4, −2), x = −5, 2 × −3; after a closing bracket it is binary.
_SIGNS = frozenset(["−", "-", "+", "±", "∓"])
_CLOSING = frozenset([")", "]", "}", "|", "!", "%", "′", "″"])
# Function names LaTeX sets apart from their argument with a thin space (\cos x → cos x).
_FUNCTIONS = frozenset(["sin", "cos", "tan", "log", "ln", "exp", "lg"])


def _text(element: Element) -> str:
    return html.unescape(element.text or "").strip()


def _function_name(element: Element) -> bool:
    if element.tag in ("msup", "msub", "msubsup") and len(element):
        element = element[0]
    return element.tag == "mi" and _text(element) in _FUNCTIONS


def _tidy(element: Element) -> None:
    """Typeset signs and function names as exam papers print them: latex2mathml writes every
    minus as a binary operator (a browser puts space both sides of it, "( − 4") and sets a
    function name flush against its argument ("cosx")."""
    children = list(element)
    # A script's or fraction's children are positional (base, script): nothing goes between.
    rows = element.tag in ("math", "mrow", "mstyle", "mtd", "msqrt", "mpadded", "mphantom")
    rebuilt: list[Element] = []
    for index, child in enumerate(children):
        _tidy(child)
        rebuilt.append(child)
        previous = children[index - 1] if index else None
        if (
            child.tag == "mo"
            and _text(child) in _SIGNS
            and "form" not in child.attrib
            and (previous is None or (previous.tag == "mo" and _text(previous) not in _CLOSING))
        ):
            child.set("form", "prefix")
        following = children[index + 1] if index + 1 < len(children) else None
        if (
            rows
            and _function_name(child)
            and following is not None
            and not (following.tag == "mo" and _text(following) == "(")
        ):
            rebuilt.append(Element("mspace", {"width": "0.1667em"}))
    if len(rebuilt) != len(children):
        for child in children:
            element.remove(child)
        element.extend(rebuilt)


def latex_to_mathml(latex: str) -> str:
    """MathML for one LaTeX expression, written by the allow-list writer."""
    if len(latex) > MAX_LATEX_LENGTH:
        raise MathsError(f"the maths is too long ({len(latex)} characters)")
    try:
        tree = latex2mathml.converter.convert_to_element(latex)
    except Exception as exc:  # latex2mathml raises many exception types (RecursionError too)
        raise MathsError(f"cannot render ${latex[:200]}$: {type(exc).__name__}") from exc
    _tidy(tree)
    out: list[str] = []
    _write(tree, out, 0)
    return "".join(out)


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


SVG_NS = "http://www.w3.org/2000/svg"
SVG_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "path",
        "line",
        "polyline",
        "polygon",
        "rect",
        "circle",
        "ellipse",
        "text",
        "tspan",
        "title",
        "desc",
        "defs",
        "marker",
        "clipPath",
        "pattern",
        "linearGradient",
        "radialGradient",
        "stop",
        "symbol",
        "use",
    ]
)
SVG_ATTRIBUTES = frozenset(
    [
        "viewBox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "d",
        "points",
        "transform",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "stroke-linecap",
        "stroke-linejoin",
        "fill-opacity",
        "stroke-opacity",
        "opacity",
        "font-size",
        "font-family",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "marker-start",
        "marker-mid",
        "marker-end",
        "markerWidth",
        "markerHeight",
        "refX",
        "refY",
        "orient",
        "id",
        "preserveAspectRatio",
        "role",
        "aria-label",
        "class",
        "dx",
        "dy",
        "offset",
        "stop-color",
        "gradientUnits",
        "patternUnits",
        "clip-path",
        "href",
    ]
)
_SVG_VALUE = re.compile(r"[\w#.,%+\-()/: ]{0,4000}")
MAX_SVG_LENGTH = 200_000


def _svg_value_ok(name: str, value: str) -> bool:
    if name == "aria-label":  # words, escaped like any text
        return len(value) <= 500
    if name == "href":  # <use> of a shape in the same figure, nothing else
        return re.fullmatch(r"#[\w\-]+", value) is not None
    if _SVG_VALUE.fullmatch(value) is None:
        return False
    lowered = value.lower()
    # url(#id) references are how markers and clips work; url() to anything else is not.
    return "javascript" not in lowered and all(
        ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", lowered)
    )


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _own_ids(name: str, value: str, prefix: str) -> str:
    """``value`` with the figure's ids (``id``, ``href="#…"``, ``url(#…)``) put under
    ``prefix``, so that no figure can take an id the page's own elements have (htmx targets,
    swaps and the scripts find elements by id)."""
    if name == "id":
        return prefix + value
    if name == "href":
        return "#" + prefix + value[1:]
    return re.sub(r"url\(#", f"url(#{prefix}", value)


def _write_svg(element: Element, out: list[str], depth: int, prefix: str) -> None:
    tag = _local(str(element.tag))
    if depth > MAX_DEPTH or tag not in SVG_ELEMENTS:
        return  # dropped with everything inside it (a script's text included)
    attrs: list[str] = []
    for raw_name, value in element.attrib.items():
        name = _local(raw_name)
        if name in SVG_ATTRIBUTES and _svg_value_ok(name, value):
            attrs.append(f' {name}="{escape(_own_ids(name, value, prefix))}"')
    if tag == "svg":
        attrs.insert(0, f' xmlns="{SVG_NS}"')
    out.append(f"<{tag}{''.join(attrs)}>")
    out.append(escape(element.text or ""))
    for child in element:
        _write_svg(child, out, depth + 1, prefix)
        out.append(escape(child.tail or ""))
    out.append(f"</{tag}>")


def sanitise_svg(svg: str) -> str:
    """A figure's drawing re-written from an allow-list of SVG elements and attributes: no
    scripts, event handlers, styles, foreign content or links to anything outside it, and
    ids of its own (under a prefix), never one of the page's.
    Anything that is not well-formed SVG is dropped whole."""
    svg = svg.strip()
    if not svg.lower().startswith("<svg") or len(svg) > MAX_SVG_LENGTH or "<!" in svg:
        return ""  # no doctype, entities or CDATA: nothing an expander could feed on
    try:
        root = fromstring(svg)
    except (ParseError, ValueError):
        return ""
    out: list[str] = []
    # Ids are the figure's own: the same figure gets the same ones wherever it is shown.
    _write_svg(root, out, 0, f"fig-{hashlib.sha1(svg.encode()).hexdigest()[:10]}-")
    return "".join(out)
