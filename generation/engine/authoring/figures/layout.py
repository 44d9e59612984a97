"""What an SVG figure shows where, read from the SVG whoever drew it: every label's box and
every line, curve and outline as a polyline in the figure's pixels.

The toolkit places its labels with this reading of what it has drawn, and the verifier checks
a question's figure with the same reading, so the two cannot disagree. A label's box is
estimated from its font size and number of characters (:func:`.svg.label_box`); a stroke is
any ``line``, ``polyline``, ``polygon``, ``circle``, ``ellipse`` or ``path`` (``M L H V A Z``)
not in the grid's grey ink (squared paper is under every label on a grid). A label and the
lines it belongs to share a ``class`` token ``part-N``: the one place a label may touch a line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, fromstring

from generation.engine.authoring.figures.svg import FONT_SIZE, GRID_INK, Label, Point, label_box

Box = tuple[float, float, float, float]
SLACK = 1.0  # pixels a label may share with another label or a line before they count as touching
CURVE_STEPS = 48  # straight pieces a full circle or ellipse is read as

_TRANSLATE = re.compile(r"translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)")
_ROTATE = re.compile(r"rotate\(\s*(-?90)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*\)")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH = re.compile(r"[MLHVAZmlhvaz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Stroke:
    """A drawn line, curve or outline as a polyline in pixels, with the parts it belongs to."""

    points: tuple[Point, ...]
    parts: frozenset[str] = frozenset()

    @property
    def box(self) -> Box:
        xs, ys = [p[0] for p in self.points], [p[1] for p in self.points]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Reading:
    labels: list[Label]
    strokes: list[Stroke]


def parts_of(element: Element) -> frozenset[str]:
    return frozenset(t for t in (element.get("class") or "").split() if t.startswith("part-"))


def read(svg: str) -> Reading:
    """The labels and strokes of an SVG figure; raises ``ValueError`` if it is not
    well-formed."""
    try:
        root = fromstring(svg)
    except ParseError as exc:
        raise ValueError(f"the figure is not well-formed SVG ({exc})") from exc
    labels: list[Label] = []
    strokes: list[Stroke] = []
    _walk(root, 0.0, 0.0, _float(root.get("font-size"), FONT_SIZE), labels, strokes)
    return Reading(labels, strokes)


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _float(value: str | None, default: float) -> float:
    found = _NUMBER.match((value or "").strip())
    try:
        return float(found.group()) if found else default
    except ValueError:
        return default


def _walk(
    element: Element,
    ox: float,
    oy: float,
    size: float,
    labels: list[Label],
    strokes: list[Stroke],
) -> None:
    moved = _TRANSLATE.search(element.get("transform") or "")
    if moved:
        ox, oy = ox + float(moved.group(1)), oy + float(moved.group(2))
    size = _float(element.get("font-size"), size)
    tag = _tag(element)
    if tag == "text":
        label = _label(element, ox, oy, size)
        if label is not None:
            labels.append(label)
        return
    if tag in ("line", "polyline", "polygon", "circle", "ellipse", "path"):
        for points in _outline(tag, element):
            if len(points) > 1:
                shifted = tuple((x + ox, y + oy) for x, y in points)
                strokes.append(Stroke(shifted, parts_of(element)))
        return
    for child in element:
        _walk(child, ox, oy, size, labels, strokes)


def _label(element: Element, ox: float, oy: float, size: float) -> Label | None:
    words = "".join(element.itertext()).strip()
    if not words:
        return None
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
    return Label(words, box, parts_of(element))


def _inked(element: Element) -> bool:
    stroke = (element.get("stroke") or "").lower()
    if stroke == GRID_INK:
        return False
    if stroke and stroke != "none":
        return True
    fill = (element.get("fill") or "black").lower()  # SVG fills black by default
    return fill not in ("none", "white", "#fff", "#ffffff")  # a dot is drawn by its fill


def _outline(tag: str, element: Element) -> list[list[Point]]:
    if not _inked(element):
        return []

    def f(name: str) -> float:
        return _float(element.get(name), 0.0)

    if tag == "line":
        return [[(f("x1"), f("y1")), (f("x2"), f("y2"))]]
    if tag in ("polyline", "polygon"):
        values = [float(v) for v in _NUMBER.findall(element.get("points") or "")]
        pts = list(zip(values[::2], values[1::2], strict=False))
        return [pts + pts[:1] if tag == "polygon" and pts else pts]
    if tag in ("circle", "ellipse"):
        rx = f("r") if tag == "circle" else f("rx")
        ry = f("r") if tag == "circle" else f("ry")
        cx, cy = f("cx"), f("cy")
        return [
            [
                (cx + rx * math.cos(2 * math.pi * i / CURVE_STEPS),
                 cy + ry * math.sin(2 * math.pi * i / CURVE_STEPS))
                for i in range(CURVE_STEPS + 1)
            ]
        ]  # fmt: skip
    return path_points(element.get("d") or "")


def path_points(d: str) -> list[list[Point]]:
    """A path's pieces (one per ``M``) as polylines, arcs read as short straight pieces."""
    tokens = _PATH.findall(d)
    pieces: list[list[Point]] = []
    here: Point = (0.0, 0.0)
    start: Point = here
    command = ""
    i = 0

    def take(n: int) -> list[float]:
        nonlocal i
        values = [float(t) for t in tokens[i : i + n]]
        i += n
        return values

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "Zz":
                if pieces:
                    pieces[-1].append(start)
                here = start
                continue
        rel = command.islower()
        c = command.upper()
        needs = {"M": 2, "L": 2, "H": 1, "V": 1, "A": 7}.get(c)
        if needs is None or i + needs > len(tokens):
            break
        v = take(needs)
        if c == "M":
            here = (here[0] + v[0], here[1] + v[1]) if rel else (v[0], v[1])
            start = here
            pieces.append([here])
            command = "l" if rel else "L"  # further pairs after M are lines
            continue
        if not pieces:
            pieces.append([here])
        if c == "L":
            here = (here[0] + v[0], here[1] + v[1]) if rel else (v[0], v[1])
            pieces[-1].append(here)
        elif c == "H":
            here = (here[0] + v[0] if rel else v[0], here[1])
            pieces[-1].append(here)
        elif c == "V":
            here = (here[0], here[1] + v[0] if rel else v[0])
            pieces[-1].append(here)
        else:
            end = (here[0] + v[5], here[1] + v[6]) if rel else (v[5], v[6])
            pieces[-1].extend(_arc(here, end, v[0], v[1], v[2], bool(v[3]), bool(v[4])))
            here = end
    return pieces


def _arc(
    a: Point, b: Point, rx: float, ry: float, turn: float, large: bool, sweep: bool
) -> list[Point]:
    """Points along an SVG elliptical arc from a to b (endpoint to centre form, SVG 1.1
    appendix F.6.5), ``a`` left out."""
    rx, ry = abs(rx), abs(ry)
    if rx < 1e-9 or ry < 1e-9 or a == b:
        return [b]
    phi = math.radians(turn)
    cos, sin = math.cos(phi), math.sin(phi)
    hx, hy = (a[0] - b[0]) / 2, (a[1] - b[1]) / 2
    x1, y1 = cos * hx + sin * hy, -sin * hx + cos * hy
    grow = (x1 / rx) ** 2 + (y1 / ry) ** 2
    if grow > 1:
        rx, ry = rx * math.sqrt(grow), ry * math.sqrt(grow)
    top = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    bottom = rx * rx * y1 * y1 + ry * ry * x1 * x1
    k = math.sqrt(max(top, 0.0) / bottom) if bottom else 0.0
    if large == sweep:
        k = -k
    cx1, cy1 = k * rx * y1 / ry, -k * ry * x1 / rx
    cx = cos * cx1 - sin * cy1 + (a[0] + b[0]) / 2
    cy = sin * cx1 + cos * cy1 + (a[1] + b[1]) / 2
    t1 = math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx)
    t2 = math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx)
    dt = t2 - t1
    if sweep and dt < 0:
        dt += 2 * math.pi
    elif not sweep and dt > 0:
        dt -= 2 * math.pi
    steps = max(2, math.ceil(abs(dt) / (2 * math.pi) * CURVE_STEPS))
    out = []
    for j in range(1, steps + 1):
        t = t1 + dt * j / steps
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        out.append((cos * ex - sin * ey + cx, sin * ex + cos * ey + cy))
    out[-1] = b
    return out


# -- what touches what -----------------------------------------------------------------------


def boxes_clash(a: Box, b: Box, slack: float = SLACK) -> bool:
    """Two label boxes share more than ``slack`` pixels each way."""
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def crosses(box: Box, stroke: Stroke, slack: float = SLACK) -> bool:
    """Some of the stroke runs inside the box shrunk by ``slack`` pixels each side."""
    left, top, right, bottom = box[0] + slack, box[1] + slack, box[2] - slack, box[3] - slack
    sx0, sy0, sx1, sy1 = stroke.box
    if left >= right or top >= bottom or sx1 < left or sx0 > right or sy1 < top or sy0 > bottom:
        return False
    pts = stroke.points
    return any(
        _segment_in(pts[k], pts[k + 1], (left, top, right, bottom)) for k in range(len(pts) - 1)
    )


def _segment_in(a: Point, b: Point, box: Box) -> bool:
    """Liang-Barsky: does the segment ab meet the (open) box?"""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - box[0]),
        (dx, box[2] - a[0]),
        (-dy, a[1] - box[1]),
        (dy, box[3] - a[1]),
    ):
        if abs(p) < 1e-12:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


def label_clear(
    box: Box, parts: frozenset[str], labels: Sequence[Box], strokes: Sequence[Stroke]
) -> bool:
    """A label box clear of the other labels and of every stroke but its own part's."""
    return not any(boxes_clash(box, other) for other in labels) and not any(
        crosses(box, s) for s in strokes if not (s.parts & parts)
    )


def overlaps(labels: Sequence[Label]) -> list[tuple[Label, Label]]:
    """Pairs of labels whose boxes share more than :data:`SLACK` pixels each way."""
    return [
        (a, b) for i, a in enumerate(labels) for b in labels[i + 1 :] if boxes_clash(a.box, b.box)
    ]


def on_lines(reading: Reading) -> Iterator[Label]:
    """The labels whose box a line they do not belong to runs through."""
    for label in reading.labels:
        if any(crosses(label.box, s) for s in reading.strokes if not (s.parts & label.parts)):
            yield label
