"""Inline SVG figures for geometry and coordinate questions, drawn the way 0580 papers draw them.

A :class:`Figure` takes shapes in model coordinates (y up) and maps them to pixels with a fixed
scale, so angles drawn from a question's numbers look right even though the figure says
NOT TO SCALE. A :func:`grid` is a squared coordinate grid with numbered axes. Directions are in
degrees anticlockwise from the positive x-axis. The output is plain, well-formed SVG with no
scripts, styles or external references.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

Point = tuple[float, float]

_INK = 'stroke="black" stroke-width="1.5" fill="none"'
_THIN = 'stroke="black" stroke-width="1" fill="none"'


def _n(x: float) -> str:
    text = f"{x:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


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


class Figure:
    """A drawing in model units; ``scale`` pixels per unit, a margin of ``pad`` pixels."""

    def __init__(
        self, title: str, *, scale: float = 1.0, pad: float = 30.0, size: float | None = None
    ) -> None:
        """``size``: fit the drawing into about this many pixels across (overrides ``scale``)."""
        self.title = title
        self.scale = scale
        self.pad = pad
        self.size = size
        self._items: list[tuple[Any, ...]] = []
        self._extent: list[Point] = []
        self._note = "NOT TO SCALE"

    # -- model to pixels -------------------------------------------------------------------
    def _box(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self._extent] or [0.0]
        ys = [p[1] for p in self._extent] or [0.0]
        return min(xs), min(ys), max(xs), max(ys)

    def _px(self, p: Point) -> Point:
        x0, _, _, y1 = self._box()
        return (self.pad + (p[0] - x0) * self.scale, self.pad + 16 + (y1 - p[1]) * self.scale)

    def _fit(self, *points: Point) -> None:
        self._extent.extend((float(p[0]), float(p[1])) for p in points)

    # -- shapes ----------------------------------------------------------------------------
    def line(self, a: Point, b: Point, *, dashed: bool = False, thin: bool = False) -> Figure:
        self._items.append(("line", a, b, dashed, thin))
        self._fit(a, b)
        return self

    def polygon(self, points: Sequence[Point]) -> Figure:
        self._items.append(("polygon", tuple(points)))
        self._fit(*points)
        return self

    def circle(self, centre: Point, radius: float) -> Figure:
        self._items.append(("circle", centre, radius))
        self._fit(
            (centre[0] - radius, centre[1] - radius), (centre[0] + radius, centre[1] + radius)
        )
        return self

    def dot(self, p: Point) -> Figure:
        self._items.append(("dot", p))
        self._fit(p)
        return self

    def cross(self, p: Point) -> Figure:
        """A plotted point, drawn as a small cross."""
        self._items.append(("cross", p))
        self._fit(p)
        return self

    def text(
        self,
        p: Point,
        words: str,
        *,
        dx: float = 0,
        dy: float = 0,
        size: int = 14,
        anchor: str = "middle",
    ) -> Figure:
        """Text at a model point, shifted by (dx, dy) pixels (dy downwards)."""
        self._items.append(("text", p, words, dx, dy, size, anchor))
        return self

    def label(self, p: Point, words: str, towards: float, gap: float = 13.0) -> Figure:
        """Text placed ``gap`` pixels from ``p`` in direction ``towards`` (degrees)."""
        t = math.radians(towards)
        spread = gap + 3.5 * max(len(words) - 1, 0) * abs(math.cos(t))
        return self.text(p, words, dx=spread * math.cos(t), dy=-gap * math.sin(t))

    def label_away(self, p: Point, words: str, centre: Point, gap: float = 13.0) -> Figure:
        """Label a vertex on the side away from ``centre`` (a shape's centroid, say)."""
        return self.label(p, words, direction(centre, p), gap)

    def angle(
        self,
        vertex: Point,
        start: float,
        end: float,
        words: str = "",
        *,
        radius: float = 20.0,
        gap: float = 16.0,
    ) -> Figure:
        """An arc marking the angle from direction ``start`` anticlockwise to ``end``, with
        ``words`` just outside it on the bisector."""
        self._items.append(("arc", vertex, start, end, radius))
        if words:
            sweep = (end - start) % 360
            mid = start + sweep / 2
            # Long labels (an expression) sit further out so they clear the arms of a narrow angle.
            extra = 2.5 * max(len(words) - 4, 0) * (1.0 if sweep < 100 else 0.5)
            self.label(vertex, words, mid, radius + extra + gap * (1.0 if sweep > 25 else 1.5))
        return self

    def right_angle(self, vertex: Point, start: float, end: float, size: float = 10.0) -> Figure:
        """The small square marking a right angle between two directions."""
        self._items.append(("square", vertex, start, end, size))
        return self

    def arrows(self, a: Point, b: Point, count: int = 1) -> Figure:
        """Arrowheads at the middle of ab showing which lines are parallel."""
        self._items.append(("arrows", a, b, count))
        return self

    def ticks(self, a: Point, b: Point, count: int = 1) -> Figure:
        """Dashes across the middle of ab showing equal lengths."""
        self._items.append(("ticks", a, b, count))
        return self

    def north(self, p: Point, length: float = 38.0) -> Figure:
        """A north line: an arrow of ``length`` pixels straight up from p, labelled N."""
        self._items.append(("north", p, length))
        self._fit(p)
        return self

    def gridline(self, a: Point, b: Point) -> Figure:
        self._items.append(("gridline", a, b))
        self._fit(a, b)
        return self

    def note(self, words: str) -> Figure:
        """Replace the NOT TO SCALE note (an empty string removes it)."""
        self._note = words
        return self

    # -- output ----------------------------------------------------------------------------
    def _bounds(self) -> tuple[float, float, float, float]:
        """Pixel bounds of the shapes and of every label (estimated from its length)."""
        x0, y0, x1, y1 = self._box()
        (left, top), (right, bottom) = self._px((x0, y1)), self._px((x1, y0))
        for item in self._items:
            if item[0] == "text":
                _, p, words, dx, dy, size, anchor = item
                x, y = self._px(p)
                x, y = x + dx, y + dy
                w = 0.55 * size * len(words)
                lo = {"middle": x - w / 2, "start": x, "end": x - w}[anchor]
                left, right = min(left, lo), max(right, lo + w)
                top, bottom = min(top, y - 0.7 * size), max(bottom, y + 0.7 * size)
            elif item[0] == "north":
                x, y = self._px(item[1])
                top = min(top, y - item[2] - 18)
        return left, top, right, bottom

    def svg(self) -> str:
        if self.size is not None:
            x0, y0, x1, y1 = self._box()
            self.scale = min(self.size / max(x1 - x0, 1e-9), 0.8 * self.size / max(y1 - y0, 1e-9))
        left, top, right, bottom = self._bounds()
        left, top, right, bottom = left - 6, top - 6, right + 6, bottom + 6
        width = max(right - left, 160.0)
        height = bottom - top + 16
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'width="{_n(width)}" height="{_n(height)}" role="img" '
            f'aria-label={quoteattr(self.title)} font-family="serif" font-size="14">'
        ]
        if self._note:
            out.append(
                f'<text x="{_n(width - 4)}" y="12" text-anchor="end" font-family="sans-serif" '
                f'font-size="11">{escape(self._note)}</text>'
            )
        out.append(f'<g transform="translate({_n(-left)} {_n(16 - top)})">')
        out.extend(self._render(item) for item in self._items)
        out.append("</g></svg>")
        return "".join(out)

    def _render(self, item: tuple[Any, ...]) -> str:  # noqa: C901 - one branch per kind of item
        kind = item[0]
        if kind == "gridline":
            _, a, b = item
            (ax, ay), (bx, by) = self._px(a), self._px(b)
            return (
                f'<line x1="{_n(ax)}" y1="{_n(ay)}" x2="{_n(bx)}" y2="{_n(by)}" '
                'stroke="#b5b5b5" stroke-width="0.6"/>'
            )
        if kind == "line":
            _, a, b, dashed, thin = item
            (ax, ay), (bx, by) = self._px(a), self._px(b)
            style = _THIN if thin else _INK
            dash = ' stroke-dasharray="6 4"' if dashed else ""
            return f'<line x1="{_n(ax)}" y1="{_n(ay)}" x2="{_n(bx)}" y2="{_n(by)}" {style}{dash}/>'
        if kind == "polygon":
            pts = " ".join(f"{_n(x)},{_n(y)}" for x, y in map(self._px, item[1]))
            return f'<polygon points="{pts}" {_INK}/>'
        if kind == "circle":
            _, c, r = item
            cx, cy = self._px(c)
            return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r * self.scale)}" {_INK}/>'
        if kind == "dot":
            cx, cy = self._px(item[1])
            return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="2.5" fill="black"/>'
        if kind == "cross":
            cx, cy = self._px(item[1])
            s = 4.5
            return (
                f'<path d="M {_n(cx - s)} {_n(cy - s)} L {_n(cx + s)} {_n(cy + s)} '
                f'M {_n(cx - s)} {_n(cy + s)} L {_n(cx + s)} {_n(cy - s)}" {_INK}/>'
            )
        if kind == "text":
            _, p, words, dx, dy, size, anchor = item
            x, y = self._px(p)
            words = words.replace(" - ", " \u2212 ")  # a minus sign, not a hyphen
            return (
                f'<text x="{_n(x + dx)}" y="{_n(y + dy + 0.35 * size)}" text-anchor="{anchor}" '
                f'font-size="{size}">{escape(words)}</text>'
            )
        if kind == "arc":
            _, v, start, end, r = item
            vx, vy = self._px(v)
            sweep = (end - start) % 360
            sx, sy = vx + r * math.cos(math.radians(start)), vy - r * math.sin(math.radians(start))
            ex, ey = vx + r * math.cos(math.radians(end)), vy - r * math.sin(math.radians(end))
            large = 1 if sweep > 180 else 0
            return (
                f'<path d="M {_n(sx)} {_n(sy)} A {_n(r)} {_n(r)} 0 {large} 0 {_n(ex)} {_n(ey)}" '
                f"{_THIN}/>"
            )
        if kind == "square":
            _, v, start, end, s = item
            vx, vy = self._px(v)
            u = (math.cos(math.radians(start)), -math.sin(math.radians(start)))
            w = (math.cos(math.radians(end)), -math.sin(math.radians(end)))
            corners = [
                (vx + u[0] * s, vy + u[1] * s),
                (vx + (u[0] + w[0]) * s, vy + (u[1] + w[1]) * s),
                (vx + w[0] * s, vy + w[1] * s),
            ]
            coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in corners)
            return f'<polyline points="{coords}" {_THIN}/>'
        if kind in ("arrows", "ticks"):
            _, a, b, count = item
            (ax, ay), (bx, by) = self._px(a), self._px(b)
            length = math.hypot(bx - ax, by - ay) or 1.0
            ux, uy = (bx - ax) / length, (by - ay) / length
            mx, my = (ax + bx) / 2, (ay + by) / 2
            parts = []
            for i in range(count):
                off = (i - (count - 1) / 2) * 6
                px, py = mx + ux * off, my + uy * off
                if kind == "arrows":
                    parts.append(
                        f"M {_n(px - ux * 6 - uy * 5)} {_n(py - uy * 6 + ux * 5)} "
                        f"L {_n(px)} {_n(py)} L {_n(px - ux * 6 + uy * 5)} {_n(py - uy * 6 - ux * 5)}"
                    )
                else:
                    parts.append(
                        f"M {_n(px - uy * 5)} {_n(py + ux * 5)} L {_n(px + uy * 5)} {_n(py - ux * 5)}"
                    )
            return f'<path d="{" ".join(parts)}" {_INK}/>'
        if kind == "north":
            _, p, length = item
            x, y = self._px(p)
            top = y - length
            return (
                f'<path d="M {_n(x)} {_n(y)} L {_n(x)} {_n(top)} M {_n(x - 4)} {_n(top + 8)} '
                f'L {_n(x)} {_n(top)} L {_n(x + 4)} {_n(top + 8)}" {_THIN}/>'
                f'<text x="{_n(x)}" y="{_n(top - 5)}" text-anchor="middle" '
                'font-size="13">N</text>'
            )
        raise ValueError(f"unknown figure item {kind!r}")


def grid(
    x_range: tuple[int, int],
    y_range: tuple[int, int],
    *,
    title: str,
    unit: float = 26.0,
    step: int = 1,
) -> Figure:
    """A squared grid with x- and y-axes numbered every ``step`` (drawn to scale, no note)."""
    (x0, x1), (y0, y1) = x_range, y_range
    fig = Figure(title, scale=unit, pad=24.0).note("")
    for x in range(x0, x1 + 1):
        fig.gridline((x, y0), (x, y1))
    for y in range(y0, y1 + 1):
        fig.gridline((x0, y), (x1, y))
    fig.line((x0, 0), (x1, 0)).line((0, y0), (0, y1))
    fig.text((x1, 0), "x", dx=14, dy=0, size=15)
    fig.text((0, y1), "y", dx=0, dy=-14, size=15)
    for x in range(x0, x1 + 1):
        if x and x % step == 0:
            fig.text((x, 0), str(x).replace("-", "\u2212"), dx=0, dy=12, size=11)
    for y in range(y0, y1 + 1):
        if y and y % step == 0:
            fig.text((0, y), str(y).replace("-", "\u2212"), dx=-10, dy=0, size=11, anchor="end")
    fig.text((0, 0), "0", dx=-8, dy=11, size=11, anchor="end")
    return fig


def centroid(points: Iterable[Point]) -> Point:
    pts = list(points)
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
