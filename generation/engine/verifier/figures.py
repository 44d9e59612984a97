"""Figure checks: ``figure.labels`` — no label's box overlaps another label's.

The figure is read as SVG, whoever drew it: every ``<text>`` is placed with the translations of
the groups around it, and its box is estimated from its font size and number of characters
(:func:`~generation.engine.authoring.figures.svg.label_box`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError, fromstring

from generation.engine.authoring.figures.svg import FONT_SIZE, Label, label_box
from generation.engine.verifier.base import Checks

_TRANSLATE = re.compile(r"translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)")
_ROTATE = re.compile(r"rotate\(\s*(-?90)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*\)")
_NUMBER = re.compile(r"[-\d.]+")
SLACK = 1.0  # pixels two boxes may share before they count as overlapping


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _float(value: str | None, default: float) -> float:
    found = _NUMBER.match(value or "")
    try:
        return float(found.group()) if found else default
    except ValueError:
        return default


def figure_labels(svg: str) -> list[Label]:
    """Every label in an SVG figure with its estimated box; raises ``ValueError`` if the figure
    is not well-formed."""
    try:
        root = fromstring(svg)
    except ParseError as exc:
        raise ValueError(f"the figure is not well-formed SVG ({exc})") from exc
    return list(_labels(root, 0.0, 0.0, _float(root.get("font-size"), FONT_SIZE)))


def _labels(element: Element, ox: float, oy: float, size: float) -> Iterator[Label]:
    moved = _TRANSLATE.search(element.get("transform") or "")
    if moved:
        ox, oy = ox + float(moved.group(1)), oy + float(moved.group(2))
    size = _float(element.get("font-size"), size)
    if _tag(element) == "text":
        words = "".join(element.itertext()).strip()
        if words:
            x = ox + _float(element.get("x"), 0.0)
            y = oy + _float(element.get("y"), 0.0)
            anchor = element.get("text-anchor") or "start"
            baseline = element.get("dominant-baseline") or ""
            box = label_box(x, y, words, size, anchor, baseline)
            turned = _ROTATE.search(element.get("transform") or "")
            if turned:  # an axis title turned a quarter turn about its anchor point
                px, py = ox + float(turned.group(2)), oy + float(turned.group(3))
                corners = [((cx - px), (cy - py)) for cx in box[::2] for cy in box[1::2]]
                turn = [(dy, -dx) if turned.group(1) == "-90" else (-dy, dx) for dx, dy in corners]
                xs, ys = [px + dx for dx, _ in turn], [py + dy for _, dy in turn]
                box = (min(xs), min(ys), max(xs), max(ys))
            yield Label(words, box)
        return
    for child in element:
        yield from _labels(child, ox, oy, size)


def overlaps(labels: list[Label]) -> list[tuple[Label, Label]]:
    """Pairs of labels whose boxes share more than :data:`SLACK` pixels each way."""
    found = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            across = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
            down = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
            if across > SLACK and down > SLACK:
                found.append((a, b))
    return found


class FigureChecks(Checks):
    def figure(self) -> None:
        svg = str(self.data.get("diagram_svg") or "")
        if not svg:
            return
        try:
            labels = figure_labels(svg)
        except ValueError as exc:
            self.check("figure.labels", False, str(exc))
            return
        clashes = overlaps(labels)
        detail = (
            f"the figure's {len(labels)} labels are clear of each other"
            if not clashes
            else "labels overlap in the figure: "
            + "; ".join(f"'{a.text}' and '{b.text}'" for a, b in clashes[:3])
        )
        self.check("figure.labels", not clashes, detail)
