"""Plane shapes 0580 draws again and again: a circle with its radius or diameter, a sector,
a triangle (or any polygon) with its vertices named, sides and angles labelled."""

from __future__ import annotations

import math

from generation.engine.authoring.figures.figure import Figure, Point, polar


def circle(title: str, label: str, *, diameter: bool = False) -> Figure:
    """A circle with a radius (or a diameter) drawn and labelled."""
    fig = Figure(title, size=170).point("O", 0, 0).circle("O", 1)
    if diameter:
        fig.point("P", -1, 0).point("Q", 1, 0).line("P", "Q").text("O", label, dy=-11)
    else:
        fig.point("P", 1, 0).line("O", "P").text((0.5, 0), label, dy=-11)
    return fig


def sector(
    title: str,
    angle: float,
    radius_label: str,
    angle_label: str,
    *,
    mark_gap: bool = False,
    centre: str = "",
) -> Figure:
    """A sector of a circle, symmetric about the vertical, with one radius and the angle
    labelled (the angle may be reflex); ``mark_gap`` labels the angle outside the sector and
    ``centre`` names the centre. Very thin or nearly full sectors are drawn less extreme."""
    drawn = min(max(angle, 40), 320)
    start = 90 - drawn / 2
    fig = Figure(title, size=180).point("O", 0, 0)
    fig.point("A", *polar((0, 0), 1, start)).point("B", *polar((0, 0), 1, start + drawn))
    fig.arc("O", 1, start, start + drawn, sector=True)
    reflex = drawn > 180
    fig.angle_at("O", "A", "B", angle_label, radius=16, reflex=reflex != mark_gap)
    fig.side("O", "A", radius_label, away_from="B")
    if centre:
        fig.text("O", centre, dy=-13 if mark_gap else (24 if reflex else 13))
    return fig


def triangle(
    title: str,
    points: dict[str, Point],
    *,
    sides: dict[tuple[str, str], str] | None = None,
    angles: dict[str, str] | None = None,
    right: str = "",
    names: bool = True,
) -> Figure:
    """A triangle (or any polygon) through ``points`` in order, with its vertices named, sides
    labelled (keys are vertex pairs), angles labelled at vertices and a right angle marked."""
    fig = Figure(title, size=220)
    order = list(points)
    for name, (x, y) in points.items():
        fig.point(name, x, y)
    fig.polygon(order)
    if names:
        fig.names(*order)
    for (a, b), words in (sides or {}).items():
        fig.side(a, b, words)
    k = len(order)
    for vertex, words in (angles or {}).items():
        i = order.index(vertex)
        fig.angle_at(vertex, order[i - 1], order[(i + 1) % k], words, radius=22)
    if right:
        i = order.index(right)
        fig.angle_at(right, order[i - 1], order[(i + 1) % k], right=True)
    return fig


def triangle_points(a: float, b: float, c: float, names: str = "ABC") -> dict[str, Point]:
    """Vertices of a triangle with sides a = BC, b = CA, c = AB (names in that order), with
    A at the origin and AB along the x-axis."""
    x = (b * b + c * c - a * a) / (2 * c)
    y = math.sqrt(max(b * b - x * x, 1e-9))
    return {names[0]: (0.0, 0.0), names[1]: (c, 0.0), names[2]: (x, y)}


def legs(across: float, up: float, limit: float = 2.2) -> tuple[float, float]:
    """Leg lengths to draw for a right-angled triangle: the real ones, made less extreme
    (the figure is NOT TO SCALE, but a sliver of a triangle cannot be labelled)."""
    across, up = float(across), float(up)
    if up > limit * across:
        across = up / limit
    elif across > limit * up:
        up = across / limit
    return across, up
