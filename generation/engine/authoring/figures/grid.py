"""The one 0580 coordinate grid: squared paper, x- and y-axes with numbered ticks, drawn to
scale (no NOT TO SCALE note), in one ink; shapes on it are labelled, not coloured."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generation.engine.authoring.figures.figure import Figure, centroid, direction
from generation.engine.authoring.figures.svg import MINUS


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
    for x in range(x0, x1 + 1):
        if x and x % step == 0:
            fig.text((x, axis_y), str(x).replace("-", MINUS), dy=12, size=11)
    for y in range(y0, y1 + 1):
        if y and y % step == 0:
            fig.text((axis_x, y), str(y).replace("-", MINUS), dx=-6, size=11, anchor="end")
    if x0 <= 0 <= x1 and y0 <= 0 <= y1:
        fig.text((0, 0), "0", dx=-6, dy=11, size=11, anchor="end")
    return fig


_AROUND = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))


def shape(
    fig: Figure, points: Sequence[tuple[Any, Any]], label: str, vertex_names: Sequence[str] = ()
) -> Figure:
    """A shape on a grid with its label inside, and optionally its vertices named outside."""
    pts = [(float(x), float(y)) for x, y in points]
    fig.polygon(pts)
    middle = centroid(pts)
    # At the centroid, else nudged (further each ring) until it clears the axes' numbers.
    nudges = ((0, 0), *((dx * r, dy * r) for r in (9, 18) for dx, dy in _AROUND))
    fig._items.append(("place", middle, label, 13, nudges))
    for name, p in zip(vertex_names, pts, strict=False):
        away = direction(middle, p)
        fig.place(p, name, size=12, gap=11, prefer=[away + k for k in (0, 45, -45, 90, -90, 180)])
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
