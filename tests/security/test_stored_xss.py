"""Stored XSS: hostile strings in every field a teacher or an LLM controls reach every page,
pushed fragment and printed paper only as inert text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from questions.rendering import latex_to_mathml, render_maths, sanitise_svg
from tests.security.executable import executable_markup
from tests.security.hostile import FILLERS, PAYLOADS

# The same payloads the page tests store (each carries MARKER where an injection would land).
hostile = st.one_of(
    st.sampled_from(PAYLOADS),
    st.lists(st.sampled_from(PAYLOADS + FILLERS), min_size=1, max_size=4).map(" ".join),
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _page(fragment: str) -> str:
    return f"<!doctype html><html><body><div>{fragment}</div></body></html>"


@FAST
@given(hostile)
def test_maths_rendering_leaves_no_executable_markup(text):
    assert executable_markup(_page(render_maths(text))) == []


@FAST
@given(hostile)
def test_mathml_is_written_from_an_allow_list(latex):
    try:
        html = latex_to_mathml(latex.strip("$"))
    except ValueError:
        return
    assert executable_markup(_page(html)) == []
    for banned in ("href=", "style=", "class=", "<script", "<img", "<a "):
        assert banned not in html


SVG_ATTACKS = [
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body onload="alert(1)"/></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(javascript:alert(1))" fill="url(javascript:alert(1))"/></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/><animate attributeName="href" to="javascript:alert(1)"/></svg>',
    '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg>&x;</svg>',
    "<svg><text>&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>",
    "<svg ONLOAD=alert(1)>",
]


@pytest.mark.parametrize("svg", SVG_ATTACKS)
def test_svg_figures_are_sanitised(svg):
    clean = sanitise_svg(svg)
    assert executable_markup(_page(clean)) == []
    assert "javascript" not in clean.lower() and "onload" not in clean.lower()


def test_the_engines_own_figures_survive_the_sanitiser():
    from generation.engine.base import generate, templates
    from questions.schemas import Tier

    checked = 0
    for template in templates():
        try:
            question = generate(template, seed=1, difficulty=3, tier=Tier.EXTENDED).question
        except Exception:
            continue
        if not question.diagram_svg:
            continue
        shape = [(e.tag, sorted(e.attrib)) for e in ET.fromstring(question.diagram_svg).iter()]
        clean = [
            (e.tag, sorted(e.attrib))
            for e in ET.fromstring(sanitise_svg(question.diagram_svg)).iter()
        ]
        assert clean == shape, template.key
        checked += 1
    assert checked > 10


def test_a_figure_cannot_take_an_id_of_the_page():
    """htmx swaps, targets and the page's script find elements by id: a figure that names a
    shape ``paper-editor`` or ``timeline`` would be swapped into; its ids are its own."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><marker id="timeline"><path d="M0 0"/>'
        '</marker></defs><g id="paper-editor"><line x1="0" y1="0" x2="5" y2="5" '
        'marker-end="url(#timeline)"/></g><use href="#paper-editor"/></svg>'
    )
    root = ET.fromstring(sanitise_svg(svg))
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert ids and not ids & {"timeline", "paper-editor"}
    marker = next(e.get("id") for e in root.iter() if e.tag.endswith("marker"))
    group = next(e.get("id") for e in root.iter() if e.tag.endswith("}g"))
    line = next(e for e in root.iter() if e.tag.endswith("line"))
    use = next(e for e in root.iter() if e.tag.endswith("use"))
    assert line.get("marker-end") == f"url(#{marker})" and use.get("href") == f"#{group}"
    assert sanitise_svg(svg) == sanitise_svg(svg)  # the same figure, the same ids
