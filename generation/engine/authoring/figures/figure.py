"""A figure in model units (y up) with named points, drawn through one transform.

The transform is fixed-scale (``scale`` pixels or ``mm_per_unit`` millimetres per unit: a
figure a student measures from) or fit-to-box (``size`` pixels across). Labels are placed in
pixels so they keep their distance from the lines they name. Directions are in degrees
anticlockwise from the positive x-axis.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from generation.engine.authoring.figures import layout
from generation.engine.authoring.figures.svg import (
    GRID_INK,
    NOT_TO_SCALE,
    PX_PER_MM,
    Point,
    Svg,
    label_box,
    num,
)
from generation.engine.base import Reject

Where = str | Point
# A label's candidate place: pixels (dx, dy) from its point, or (q, dx, dy) from another point q.
Offset = Point | tuple[Point, float, float]
SHADE = "#d9d9d9"
_ALONG = (
    0.4,
    0.6,
    0.3,
    0.7,
    0.22,
    0.78,
)  # where on a side its label may go when the middle is taken


def polar(centre: Point, radius: float, degrees: float) -> Point:
    """The point at ``radius`` from ``centre`` in direction ``degrees``."""
    t = math.radians(degrees)
    return (centre[0] + radius * math.cos(t), centre[1] + radius * math.sin(t))


def direction(a: Point, b: Point) -> float:
    """The direction of b from a, in degrees anticlockwise from the x-axis."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 360


def bearing_point(a: Point, bearing: float, distance: float) -> Point:
    """The point ``distance`` from ``a`` on a three-figure bearing (clockwise from north)."""
    return polar(a, distance, 90 - bearing)


def _offset(words: str, gap: float, degrees: float) -> Point:
    """Where a label's centre goes to stand ``gap`` pixels off a point in direction
    ``degrees``: further across for a long label beside an upright line."""
    t = math.radians(degrees)
    spread = gap + 3.5 * max(len(words) - 1, 0) * abs(math.cos(t))
    return (spread * math.cos(t), -gap * math.sin(t))


def centroid(points: Iterable[Point]) -> Point:
    pts = list(points)
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


class Figure:
    """A drawing in model units. ``scale``: pixels per unit; ``mm_per_unit``: millimetres per
    unit, exact when printed (no NOT TO SCALE note); ``size``: fit into about this many pixels
    across. ``pad`` is the margin in pixels."""

    def __init__(
        self,
        title: str,
        *,
        scale: float = 1.0,
        pad: float = 30.0,
        size: float | None = None,
        mm_per_unit: float | None = None,
    ) -> None:
        self.title = title
        self.mm_per_unit = mm_per_unit
        self.scale = mm_per_unit * PX_PER_MM if mm_per_unit else scale
        self.pad = pad
        self.size = size
        self.points: dict[str, Point] = {}
        self._items: list[tuple[Any, ...]] = []
        self._extent: list[Point] = []
        self._note = "" if mm_per_unit else NOT_TO_SCALE
        self._offset: Point = (0.0, 0.0)
        self._part_of: dict[int, str] = {}  # item index -> its part token (see :meth:`part`)

    # -- points ----------------------------------------------------------------------------
    def point(self, name: str, x: float, y: float) -> Figure:
        """Name a point; every method takes a name or a coordinate pair."""
        self.points[name] = (float(x), float(y))
        self._fit(self.points[name])
        return self

    def at(self, p: Where) -> Point:
        return self.points[p] if isinstance(p, str) else (float(p[0]), float(p[1]))

    # -- model to pixels -------------------------------------------------------------------
    def _box(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self._extent] or [0.0]
        ys = [p[1] for p in self._extent] or [0.0]
        return min(xs), min(ys), max(xs), max(ys)

    def px(self, p: Where) -> Point:
        """A model point in the figure's pixels."""
        x, y = self.at(p)
        x0, _, _, y1 = self._box()
        return (
            self._offset[0] + self.pad + (x - x0) * self.scale,
            self._offset[1] + self.pad + 16 + (y1 - y) * self.scale,
        )

    def _fit(self, *points: Point) -> None:
        self._extent.extend((float(p[0]), float(p[1])) for p in points)

    # -- shapes ----------------------------------------------------------------------------
    def line(self, a: Where, b: Where, *, dashed: bool = False, thin: bool = False) -> Figure:
        self._items.append(("line", self.at(a), self.at(b), dashed, thin))
        self._fit(self.at(a), self.at(b))
        return self

    segment = line

    def polygon(
        self, points: Sequence[Where], *, fill: bool = False, dashed: bool = False
    ) -> Figure:
        pts = tuple(self.at(p) for p in points)
        self._items.append(("polygon", pts, fill, dashed))
        self._fit(*pts)
        return self

    def circle(
        self, centre: Where, radius: float, *, fill: bool = False, white: bool = False
    ) -> Figure:
        """A circle of model ``radius``; ``fill`` shades it, ``white`` blanks what is under it
        (a hole cut from a shaded shape)."""
        c = self.at(centre)
        self._items.append(("circle", c, radius, "white" if white else SHADE if fill else "none"))
        self._fit((c[0] - radius, c[1] - radius), (c[0] + radius, c[1] + radius))
        return self

    def ellipse(
        self, centre: Where, rx: float, ry: float, *, back_dashed: bool = True, half: str = ""
    ) -> Figure:
        """A circle seen at an angle: the front half solid, the back half dashed (hidden);
        ``half`` = "front" or "back" draws only that half."""
        c = self.at(centre)
        self._items.append(("ellipse", c, rx, ry, back_dashed, half))
        self._fit((c[0] - rx, c[1] - ry), (c[0] + rx, c[1] + ry))
        return self

    def arc(
        self,
        centre: Where,
        radius: float,
        start: float,
        end: float,
        *,
        sector: bool = False,
        fill: bool = False,
    ) -> Figure:
        """An arc of model ``radius`` from direction ``start`` anticlockwise to ``end``;
        ``sector`` closes it with the two radii, ``fill`` shades it."""
        c = self.at(centre)
        self._items.append(("sector", c, radius, start, end, sector, fill))
        sweep = (end - start) % 360 or 360
        steps = max(2, int(sweep // 10))
        self._fit(*(polar(c, radius, start + sweep * i / steps) for i in range(steps + 1)))
        if sector:
            self._fit(c)
        return self

    def dot(self, p: Where, *, radius: float = 2.5, hollow: bool = False) -> Figure:
        """A filled dot ``radius`` pixels across, or a hollow one (an open circle on a number
        line)."""
        self._items.append(("dot", self.at(p), radius, hollow))
        self._fit(self.at(p))
        return self

    def curve(self, points: Sequence[Where], *, width: float = 1.5) -> Figure:
        """A smooth curve drawn through many close points (a polyline)."""
        pts = tuple(self.at(p) for p in points)
        self._items.append(("curve", pts, width))
        self._fit(*pts)
        return self

    def cross(self, p: Where) -> Figure:
        """A plotted point, drawn as a small cross."""
        self._items.append(("cross", self.at(p)))
        self._fit(self.at(p))
        return self

    def text(
        self,
        p: Where,
        words: str,
        *,
        dx: float = 0,
        dy: float = 0,
        size: int = 14,
        anchor: str = "middle",
        italic: bool = False,
    ) -> Figure:
        """Text centred at a model point, shifted by (dx, dy) pixels (dy downwards)."""
        self._items.append(("text", self.at(p), words, dx, dy, size, anchor, italic))
        return self

    def label(
        self,
        p: Where,
        words: str,
        towards: float,
        gap: float | Sequence[float] = 13.0,
        *,
        along: Sequence[Point] = (),
    ) -> Figure:
        """Text placed ``gap`` pixels from ``p`` in direction ``towards`` (degrees); several
        gaps: the first at which it clears every other label and every line, trying each gap
        at ``p`` and then at the points ``along`` (further along the side it labels). Failing
        those, a little further round on either side (a vertex name between two lines, a side
        label beside another line) and then further out."""
        gaps = [float(gap)] if isinstance(gap, int | float) else [float(g) for g in gap]
        at = self.at(p)

        def offset(g: float, degrees: float) -> Point:
            return _offset(words, g, degrees)

        candidates: list[tuple[Point, float, float]] = []
        for g in gaps:
            candidates += [(q, *offset(g, towards)) for q in (at, *along)]
        for turn, reach in ((25, gaps), (50, gaps), (0, [gaps[-1] * k for k in (1.4, 1.8)])):
            for g in reach:
                for degrees in [towards - turn, towards + turn] if turn else [towards]:
                    candidates.append((at, *offset(g, degrees)))
        self._items.append(("place", at, words, 14, tuple(candidates), ()))
        return self

    def place(
        self,
        p: Where,
        words: str,
        *,
        size: int = 14,
        gap: float | Sequence[float] = 12.0,
        prefer: Sequence[float] = (135, 45, 225, 315, 90, 270, 180, 0),
        parts: Sequence[str] = (),
    ) -> Figure:
        """A label beside ``p`` in the first of the ``prefer`` directions (degrees) where it
        clears every other label and every line but those of its ``parts`` (see :meth:`part`);
        placed when the figure is drawn, once the scale is known."""
        offsets = []
        for g in (gap,) if isinstance(gap, int | float) else gap:
            for degrees in prefer:
                t = math.radians(degrees)
                reach = g + 0.3 * size * len(words) * abs(math.cos(t))
                offsets.append((reach * math.cos(t), -g * math.sin(t)))
        self._items.append(("place", self.at(p), words, size, tuple(offsets), tuple(parts)))
        return self

    def nudged(
        self,
        p: Where,
        words: str,
        offsets: Sequence[Offset],
        *,
        size: int = 14,
        parts: Sequence[str] = (),
        optional: bool = False,
    ) -> Figure:
        """A label at the first of the pixel ``offsets`` from ``p`` where it clears every other
        label and every line but those of its ``parts``; an ``optional`` one (a number on an
        axis that a shape runs across) is left out when there is none."""
        item = ("place", self.at(p), words, size, tuple(offsets), tuple(parts), optional)
        self._items.append(item)
        return self

    def part(self) -> str:
        """Make the item drawn last a part a label may belong to (touch): returns the token
        to pass as ``parts`` (a shape's name inside its own outline)."""
        index = len(self._items) - 1
        self._part_of.setdefault(index, f"part-{index}")
        return self._part_of[index]

    def label_away(self, p: Where, words: str, centre: Where, gap: float = 13.0) -> Figure:
        """Label a point on the side away from ``centre`` (a shape's centroid, say)."""
        return self.label(p, words, direction(self.at(centre), self.at(p)), gap)

    def names(self, *names: str) -> Figure:
        """Label named points with their names, each away from the centroid of them all."""
        middle = centroid(self.points[n] for n in names)
        for n in names:
            self.label_away(n, n, middle)
        return self

    def side(
        self,
        a: Where,
        b: Where,
        words: str,
        *,
        away_from: Where | None = None,
        gap: float = 10.0,
        close: bool = False,
    ) -> Figure:
        """Label the side ab at its midpoint, on the side away from ``away_from`` (by default
        the centroid of the points named so far), stepping along it and outwards until it is
        clear. ``close``: only right beside ab, on either side, never further out (a pyramid's
        height, whose label further out would read as a slant edge's)."""
        pa, pb = self.at(a), self.at(b)
        mid = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
        normal = direction(pa, pb) + 90
        inside = self.at(away_from) if away_from is not None else centroid(self.points.values())
        if math.cos(math.radians(normal - direction(mid, inside))) > 0:
            normal += 180
        # Further along the side, then further out when a label or a line is already there (a
        # short side between two vertex names, a height beside a slant edge).
        along = [(pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])) for t in _ALONG]
        if close:
            beside = [
                (q, *_offset(words, g, n))
                for g in sorted({min(gap + 4, 8.0), gap + 4})
                for q in (mid, *along)
                for n in (normal, normal + 180)
            ]
            return self.nudged(mid, words, beside)
        gaps = (gap + 4, gap + 12, gap + 20, gap + 30)
        return self.label(mid, words, normal, gaps, along=along)

    def angle(
        self,
        vertex: Where,
        start: float,
        end: float,
        words: str = "",
        *,
        radius: float = 20.0,
        gap: float = 16.0,
    ) -> Figure:
        """An arc marking the angle from direction ``start`` anticlockwise to ``end``, with
        ``words`` just outside it on the bisector."""
        v = self.at(vertex)
        self._items.append(("arc", v, start, end, radius))
        arc = self.part()  # the label may touch its own arc
        if words:
            sweep = (end - start) % 360
            mid = start + sweep / 2
            # Long labels (an expression) sit further out so they clear the arms of a narrow angle.
            extra = 2.5 * max(len(words) - 4, 0) * (1.0 if sweep < 100 else 0.5)
            # Further out along the bisector if a label or a line is already there; then off
            # the bisector towards either arm (a chord crossing the angle near its bisector).
            offsets = []
            for turn in (0.0, 0.2, 0.32):
                for k in (1.0, 1.5, 2.0, 2.5, 3.0, 3.6):
                    for degrees in [mid - turn * sweep, mid + turn * sweep] if turn else [mid]:
                        t = math.radians(degrees)
                        reach = radius + extra + k * gap * (1.0 if sweep > 25 else 1.5)
                        spread = reach + 3.5 * max(len(words) - 1, 0) * abs(math.cos(t))
                        offsets.append((spread * math.cos(t), -reach * math.sin(t)))
            self._items.append(("place", v, words, 14, tuple(offsets), (arc,)))
        return self

    def right_angle(self, vertex: Where, start: float, end: float, size: float = 10.0) -> Figure:
        """The small square marking a right angle between two directions."""
        self._items.append(("square", self.at(vertex), start, end, size))
        return self

    def angle_at(
        self,
        vertex: Where,
        a: Where,
        b: Where,
        words: str = "",
        *,
        radius: float = 20.0,
        reflex: bool = False,
        right: bool = False,
    ) -> Figure:
        """Mark the angle a-vertex-b between two points (the reflex one for ``reflex``; a
        square for ``right``)."""
        v = self.at(vertex)
        start, end = direction(v, self.at(a)), direction(v, self.at(b))
        if ((end - start) % 360 > 180) != reflex:
            start, end = end, start
        if right:
            return self.right_angle(vertex, start, end)
        return self.angle(vertex, start, end, words, radius=radius)

    def arrows(self, a: Where, b: Where, count: int = 1) -> Figure:
        """Arrowheads at the middle of ab showing which lines are parallel."""
        self._items.append(("arrows", self.at(a), self.at(b), count))
        return self

    def vector(
        self,
        a: Where,
        b: Where,
        words: str,
        *,
        away_from: Where,
        at: float = 0.5,
        gap: float = 12.0,
    ) -> Figure:
        """A vector drawn on the line ab as a paper marks it: one arrowhead pointing from a to b,
        ``at`` of the way along, with its name (``words``, e.g. a bold **a**) beside the arrow
        on the side away from ``away_from``."""
        pa, pb = self.at(a), self.at(b)
        mid = (pa[0] + at * (pb[0] - pa[0]), pa[1] + at * (pb[1] - pa[1]))
        step = ((pb[0] - pa[0]) / 100, (pb[1] - pa[1]) / 100)
        self.arrows((mid[0] - step[0], mid[1] - step[1]), (mid[0] + step[0], mid[1] + step[1]))
        normal = direction(pa, pb) + 90
        if math.cos(math.radians(normal - direction(mid, self.at(away_from)))) > 0:
            normal += 180
        return self.label(mid, words, normal, (gap + 4, gap + 12, gap + 20))

    def ticks(self, a: Where, b: Where, count: int = 1) -> Figure:
        """Dashes across the middle of ab showing equal lengths."""
        self._items.append(("ticks", self.at(a), self.at(b), count))
        return self

    def north(self, p: Where, length: float = 38.0) -> Figure:
        """A north line: an arrow of ``length`` pixels straight up from p, labelled N."""
        self._items.append(("north", self.at(p), length))
        self._fit(self.at(p))
        return self

    def gridline(self, a: Where, b: Where, *, major: bool = False) -> Figure:
        """A line of the squared paper; ``major`` lines (every numbered step) a little bolder."""
        self._items.append(("gridline", self.at(a), self.at(b), major))
        self._fit(self.at(a), self.at(b))
        return self

    def note(self, words: str) -> Figure:
        """Replace the NOT TO SCALE note (an empty string removes it)."""
        self._note = words
        return self

    # -- output ----------------------------------------------------------------------------
    def _text_box(self, item: tuple[Any, ...]) -> tuple[float, float, float, float]:
        _, p, words, dx, dy, size, anchor, _ = item
        x, y = self.px(p)
        return label_box(x + dx, y + dy, words, size, anchor, "central")

    def _drawn(self) -> layout.Reading:
        """Every line, curve and outline (and a north line's N), read as the verifier reads
        them."""
        out = Svg()
        for i, item in enumerate(self._items):
            if item[0] not in ("text", "place", "gridline"):
                out.part = self._part_of.get(i, "")
                self._render(out, item)
        return layout.read(out.document(1, 1, "", note=""))

    def _place_labels(self) -> None:
        """Turn each :meth:`place` label into text at its first position clear of the other
        labels and of the lines it does not belong to; a label with none rejects the draw (the
        template draws another variant), as an examiner would redraw a figure rather than
        print a label on a line or on another label."""
        if not any(item[0] == "place" for item in self._items):
            return
        drawn = self._drawn()
        strokes = drawn.strokes
        boxes = [self._text_box(item) for item in self._items if item[0] == "text" and item[2]]
        boxes += [label.box for label in drawn.labels]
        for i, item in enumerate(self._items):
            if item[0] != "place":
                continue
            _, p, words, size, offsets, *rest = item
            parts = frozenset(rest[0]) if rest else frozenset()
            optional = len(rest) > 1 and rest[1]
            choice = None
            for offset in offsets:  # (dx, dy) from p, or (q, dx, dy) from another point q
                q, dx, dy = offset if len(offset) == 3 else (p, *offset)
                text = ("text", q, words, dx, dy, size, "middle", False)
                box = self._text_box(text)
                if layout.label_clear(box, parts, boxes, strokes):
                    choice = text
                    break
            if choice is None and optional:
                self._items[i] = ("text", p, "", 0, 0, size, "middle", False)
                continue
            if choice is None:
                raise Reject(f"no clear place in the figure for the label {words!r}")
            self._items[i] = choice
            if parts:
                self._part_of[i] = " ".join(sorted(parts))
            boxes.append(self._text_box(choice))

    def _bounds(self) -> tuple[float, float, float, float]:
        """Pixel bounds of the shapes and of every label (estimated from its length)."""
        x0, y0, x1, y1 = self._box()
        (left, top), (right, bottom) = self.px((x0, y1)), self.px((x1, y0))
        for item in self._items:
            if item[0] == "text" and item[2]:
                box = self._text_box(item)
                left, top = min(left, box[0]), min(top, box[1])
                right, bottom = max(right, box[2]), max(bottom, box[3])
            elif item[0] == "north":
                top = min(top, self.px(item[1])[1] - item[2] - 18)
        return left, top, right, bottom

    def svg(self) -> str:
        if self.size is not None:
            x0, y0, x1, y1 = self._box()
            self.scale = min(self.size / max(x1 - x0, 1e-9), 0.8 * self.size / max(y1 - y0, 1e-9))
        self._offset = (0.0, 0.0)
        self._place_labels()
        left, top, right, bottom = self._bounds()
        left, top, right, bottom = left - 6, top - 6, right + 6, bottom + 6
        self._offset = (-left, 16 - top)
        width = max(right - left, 160.0)
        height = bottom - top + 16
        out = Svg()
        for i, item in enumerate(self._items):
            out.part = self._part_of.get(i, "")
            self._render(out, item)
        return out.document(
            width, height, self.title, note=self._note, mm=self.mm_per_unit is not None
        )

    def _render(self, out: Svg, item: tuple[Any, ...]) -> None:  # noqa: C901, PLR0912 - one branch per kind
        kind = item[0]
        if kind == "gridline":
            major = len(item) > 3 and item[3]
            out.line(
                self.px(item[1]), self.px(item[2]), width=1.0 if major else 0.6, colour=GRID_INK
            )
        elif kind == "line":
            _, a, b, dashed, thin = item
            out.line(self.px(a), self.px(b), width=1 if thin else 1.5, dashed=dashed)
        elif kind == "polygon":
            _, pts, fill, dashed = item
            out.polygon([self.px(p) for p in pts], fill=SHADE if fill else "none", dashed=dashed)
        elif kind == "circle":
            out.circle(self.px(item[1]), item[2] * self.scale, fill=item[3])
        elif kind == "sector":
            self._render_sector(out, item)
        elif kind == "ellipse":
            _, c, rx, ry, back_dashed, half = item
            x, y = self.px(c)
            rxp, ryp = rx * self.scale, ry * self.scale
            left, right, radii = (
                f"{num(x - rxp)} {num(y)}",
                f"{num(x + rxp)} {num(y)}",
                (f"{num(rxp)} {num(ryp)}"),
            )
            if half != "back":
                out.path(f"M {left} A {radii} 0 0 0 {right}")
            if half != "front":
                out.path(f"M {left} A {radii} 0 0 1 {right}", dashed=back_dashed)
        elif kind == "dot":
            _, p, radius, hollow = item
            out.circle(self.px(p), radius, fill="white" if hollow else "black")
        elif kind == "curve":
            out.polyline([self.px(p) for p in item[1]], width=item[2])
        elif kind == "cross":
            cx, cy = self.px(item[1])
            s = 4.5
            out.path(
                f"M {num(cx - s)} {num(cy - s)} L {num(cx + s)} {num(cy + s)} "
                f"M {num(cx - s)} {num(cy + s)} L {num(cx + s)} {num(cy - s)}"
            )
        elif kind == "text":
            _, p, words, dx, dy, size, anchor, italic = item
            if not words:
                return
            x, y = self.px(p)
            out.text((x + dx, y + dy), words, size=size, anchor=anchor, italic=italic)
        elif kind == "arc":
            _, v, start, end, r = item
            vx, vy = self.px(v)
            sweep = (end - start) % 360
            sx, sy = vx + r * math.cos(math.radians(start)), vy - r * math.sin(math.radians(start))
            ex, ey = vx + r * math.cos(math.radians(end)), vy - r * math.sin(math.radians(end))
            large = 1 if sweep > 180 else 0
            out.path(
                f"M {num(sx)} {num(sy)} A {num(r)} {num(r)} 0 {large} 0 {num(ex)} {num(ey)}",
                width=1,
            )
        elif kind == "square":
            _, v, start, end, s = item
            vx, vy = self.px(v)
            u = (math.cos(math.radians(start)), -math.sin(math.radians(start)))
            w = (math.cos(math.radians(end)), -math.sin(math.radians(end)))
            out.polyline(
                [
                    (vx + u[0] * s, vy + u[1] * s),
                    (vx + (u[0] + w[0]) * s, vy + (u[1] + w[1]) * s),
                    (vx + w[0] * s, vy + w[1] * s),
                ]
            )
        elif kind in ("arrows", "ticks"):
            _, a, b, count = item
            (ax, ay), (bx, by) = self.px(a), self.px(b)
            length = math.hypot(bx - ax, by - ay) or 1.0
            ux, uy = (bx - ax) / length, (by - ay) / length
            mx, my = (ax + bx) / 2, (ay + by) / 2
            parts = []
            for i in range(count):
                off = (i - (count - 1) / 2) * 6
                px, py = mx + ux * off, my + uy * off
                if kind == "arrows":
                    parts.append(
                        f"M {num(px - ux * 6 - uy * 5)} {num(py - uy * 6 + ux * 5)} "
                        f"L {num(px)} {num(py)} L {num(px - ux * 6 + uy * 5)} {num(py - uy * 6 - ux * 5)}"
                    )
                else:
                    parts.append(
                        f"M {num(px - uy * 5)} {num(py + ux * 5)} L {num(px + uy * 5)} {num(py - ux * 5)}"
                    )
            out.path(" ".join(parts))
        elif kind == "north":
            _, p, length = item
            x, y = self.px(p)
            top = y - length
            out.path(
                f"M {num(x)} {num(y)} L {num(x)} {num(top)} M {num(x - 4)} {num(top + 8)} "
                f"L {num(x)} {num(top)} L {num(x + 4)} {num(top + 8)}",
                width=1,
            )
            out.text((x, top - 9), "N", size=13)
        else:
            raise ValueError(f"unknown figure item {kind!r}")

    def _render_sector(self, out: Svg, item: tuple[Any, ...]) -> None:
        _, c, r, start, end, sector, fill = item
        sweep = (end - start) % 360 or 360
        (x0, y0), (x1, y1) = self.px(polar(c, r, start)), self.px(polar(c, r, end))
        rp = num(r * self.scale)
        d = f"M {num(x0)} {num(y0)} A {rp} {rp} 0 {int(sweep > 180)} 0 {num(x1)} {num(y1)}"
        if sector:
            xc, yc = self.px(c)
            d = f"M {num(xc)} {num(yc)} L {num(x0)} {num(y0)} " + d[2:] + " Z"
        out.path(d, fill=SHADE if fill else "none")
