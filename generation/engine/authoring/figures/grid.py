"""The one 0580 coordinate grid: squared paper, x- and y-axes with numbered ticks, drawn to
scale (no NOT TO SCALE note), in one ink; shapes on it are labelled, not coloured."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from generation.engine.authoring.figures.figure import Figure, centroid, direction
from generation.engine.authoring.figures.svg import MINUS, label_box, num


def grid(
    x_range: tuple[int, int],
    y_range: tuple[int, int],
    *,
    title: str,
    unit: float = 26.0,
    step: int = 1,
) -> Figure:
    """A squared grid with x- and y-axes numbered every ``step``; ``unit`` pixels a square."""
    (x0, x1), (y0, y1) = x_range, y_range
    fig = Figure(title, scale=unit, pad=24.0).note("")
    for x in range(x0, x1 + 1):
        fig.gridline((x, y0), (x, y1))
    for y in range(y0, y1 + 1):
        fig.gridline((x0, y), (x1, y))
    if y0 <= 0 <= y1:
        fig.line((x0, 0), (x1, 0))
    if x0 <= 0 <= x1:
        fig.line((0, y0), (0, y1))
    axis_y = min(max(0, y0), y1)
    axis_x = min(max(0, x0), x1)
    fig.text((x1, axis_y), "x", dx=14, size=15, italic=True)
    fig.text((axis_x, y1), "y", dy=-14, size=15, italic=True)
    # Each number below (left of) its axis, else above (right of) it where a shape drawn on the
    # grid runs across; left out if a shape covers both places.
    for x in range(x0, x1 + 1):
        if x and x % step == 0:
            fig.nudged((x, axis_y), str(x).replace("-", MINUS), [(0, 12), (0, -12)], size=11,
                       optional=True)  # fmt: skip
    for y in range(y0, y1 + 1):
        if y and y % step == 0:
            words = str(y).replace("-", MINUS)
            half = label_box(0, 0, words, 11)[2]
            fig.nudged((axis_x, y), words, [(-6 - half, 0), (6 + half, 0)], size=11,
                       optional=True)  # fmt: skip
    if x0 <= 0 <= x1 and y0 <= 0 <= y1:
        half = label_box(0, 0, "0", 11)[2]
        fig.nudged((0, 0), "0", [(-6 - half, 11), (6 + half, 11), (-6 - half, -11), (6 + half, -11)],
                   size=11, optional=True)  # fmt: skip
    return fig


_AROUND = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))


def shape(
    fig: Figure, points: Sequence[tuple[Any, Any]], label: str, vertex_names: Sequence[str] = ()
) -> Figure:
    """A shape on a grid with its label inside, and optionally its vertices named outside."""
    pts = [(float(x), float(y)) for x, y in points]
    own = fig.polygon(pts).part()
    middle = centroid(pts)
    # At the centroid, else nudged (further each ring) until it clears the axes, their
    # numbers and the other shapes; its own outline it may touch.
    nudges = ((0, 0), *((dx * r, dy * r) for r in (9, 18) for dx, dy in _AROUND))
    fig.nudged(middle, label, nudges, size=13, parts=[own])
    for name, p in zip(vertex_names, pts, strict=False):
        away = direction(middle, p)
        turns = (0, 45, -45, 90, -90, 180)
        fig.place(p, name, size=12, gap=(11, 15), prefer=[away + k for k in turns])
    return fig


def shapes_grid(
    shapes: Sequence[tuple[str, Sequence[tuple[Any, Any]]]],
    vertex_names: Sequence[str] = (),
    extent: Sequence[tuple[Any, Any]] = (),
    *,
    title: str = "Shapes on a coordinate grid",
    unit: float = 24.0,
) -> Figure:
    """A grid covering the shapes, the origin and ``extent`` (room for images the candidate
    works out), one square of margin; ``vertex_names`` names the first shape's vertices."""
    everything = [p for _, pts in shapes for p in pts] + list(extent)
    xs = [int(p[0]) for p in everything] + [0]
    ys = [int(p[1]) for p in everything] + [0]
    fig = grid((min(xs) - 1, max(xs) + 1), (min(ys) - 1, max(ys) + 1), title=title, unit=unit)
    for i, (label, pts) in enumerate(shapes):
        shape(fig, pts, label, vertex_names if i == 0 else ())
    return fig


Value = Any  # a number: int, float or SymPy Rational


def scale(low: float, high: float, *, steps: int = 6) -> tuple[float, float, float]:
    """A tidy axis covering ``low``..``high``: (start, end, step) with at most ``steps``
    numbered steps, the step 1, 2 or 5 times a power of ten."""
    span = max(float(high) - float(low), 1e-9)
    step = next(
        s * 10**e for e in range(-2, 6) for s in (1, 2, 2.5, 5) if span / (s * 10**e) <= steps
    )
    start = math.floor(float(low) / step + 1e-9) * step
    end = math.ceil(float(high) / step - 1e-9) * step
    return start, max(end, start + step), step


def minor_squares(step: float) -> int:
    """Small squares a numbered step, as on 0580 graph paper: 10 for a step of 1 or 2 (times a
    power of ten), else 5."""
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    return 10 if round(mantissa, 6) in (1, 2) else 5


def _number(value: float) -> str:
    return num(round(float(value), 6))


class Graph:
    """A 0580 graph on squared paper: numbered axes in the data's own units (``x`` and ``y``:
    start, end and the step between numbered lines, each step ``minor`` small squares), axis
    titles, and what is plotted in data coordinates. Drawn to scale, in one ink."""

    def __init__(
        self,
        title: str,
        x: tuple[Value, Value, Value],
        y: tuple[Value, Value, Value],
        *,
        x_title: str,
        y_title: str,
        minor: tuple[int, int] | None = None,
        size: tuple[float, float] = (420.0, 300.0),
    ) -> None:
        self.x0, self.x1, self.xs = (float(v) for v in x)
        self.y0, self.y1, self.ys = (float(v) for v in y)
        self.minor = minor or (minor_squares(self.xs), minor_squares(self.ys))
        minor = self.minor
        nx = round((self.x1 - self.x0) / self.xs)
        ny = round((self.y1 - self.y0) / self.ys)
        # Square small squares: the same number of pixels a small square on both axes.
        small = min(size[0] / (nx * minor[0]), size[1] / (ny * minor[1]))
        self.ux, self.uy = small * minor[0], small * minor[1]
        self.fig = Figure(title, scale=1.0, pad=24.0).note("")
        fig = self.fig
        width, height = nx * self.ux, ny * self.uy
        for i in range(nx * minor[0] + 1):
            fig.gridline((i * small, 0), (i * small, height), major=i % minor[0] == 0)
        for j in range(ny * minor[1] + 1):
            fig.gridline((0, j * small), (width, j * small), major=j % minor[1] == 0)
        fig.line((0, 0), (width, 0)).line((0, 0), (0, height))
        both_zero = self.x0 == 0 and self.y0 == 0
        for i in range(nx + 1):
            if not (i == 0 and both_zero):
                fig.text((i * self.ux, 0), _number(self.x0 + i * self.xs), dy=12, size=11)
        for j in range(ny + 1):
            if not (j == 0 and both_zero):
                value = _number(self.y0 + j * self.ys)
                fig.text((0, j * self.uy), value, dx=-6, size=11, anchor="end")
        if both_zero:
            fig.text((0, 0), "0", dx=-6, dy=11, size=11, anchor="end")
        fig.text((width / 2, 0), x_title, dy=32, size=13)
        fig.text((0, height), y_title, dx=-8, dy=-18, size=13, anchor="start")

    def to(self, p: tuple[Value, Value]) -> tuple[float, float]:
        """A data point in the figure's model units."""
        return (
            (float(p[0]) - self.x0) / self.xs * self.ux,
            (float(p[1]) - self.y0) / self.ys * self.uy,
        )

    def cross(self, p: tuple[Value, Value]) -> Graph:
        self.fig.cross(self.to(p))
        return self

    def line(
        self, a: tuple[Value, Value], b: tuple[Value, Value], *, dashed: bool = False
    ) -> Graph:
        self.fig.line(self.to(a), self.to(b), dashed=dashed)
        return self

    def polyline(self, points: Sequence[tuple[Value, Value]]) -> Graph:
        """Straight segments joining the points (a journey on a travel graph)."""
        for a, b in zip(points, points[1:], strict=False):
            self.fig.line(self.to(a), self.to(b))
        return self

    def curve(self, points: Sequence[tuple[Value, Value]]) -> Graph:
        """A smooth curve through many close points."""
        self.fig.curve([self.to(p) for p in points])
        return self

    def text(self, p: tuple[Value, Value], words: str, **kwargs: Any) -> Graph:
        self.fig.text(self.to(p), words, **kwargs)
        return self

    def svg(self) -> str:
        return self.fig.svg()


def number_line(
    low: int,
    high: int,
    ends: Sequence[tuple[Value, bool]],
    *,
    title: str = "Number line",
    unit: float = 34.0,
) -> Figure:
    """A 0580 number line from ``low`` to ``high`` with the interval between the ``ends``
    drawn above it: each end ``(value, included)``, a filled circle for an included end and
    an open one for an excluded end."""
    fig = Figure(title, scale=unit, pad=20.0).note("")
    fig.line((low - 0.45, 0), (high + 0.45, 0))
    for v in range(low, high + 1):
        fig.line((v, -0.15), (v, 0.15), thin=True)
        fig.text((v, 0), str(v), dy=20, size=13)
    (a, _), (b, _) = ends[0], ends[-1]
    fig.line((float(a), 0.6), (float(b), 0.6))
    for value, included in ends:
        fig.dot((float(value), 0.6), radius=5.0, hollow=not included)
    return fig
