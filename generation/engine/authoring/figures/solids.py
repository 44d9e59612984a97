"""Oblique drawings of solids, hidden edges dashed, on the one :class:`Figure`."""

from __future__ import annotations

import math

from generation.engine.authoring.figures.figure import Figure, Point

DEPTH = (math.cos(math.radians(35)) * 0.5, math.sin(math.radians(35)) * 0.5)


def cuboid(
    title: str, length: float, width: float, height: float, labels: tuple[str, str, str]
) -> Figure:
    """A cuboid ABCDEFGH (ABCD the base, E above A, ...) with length AB, width BC and height
    AE labelled; the three edges meeting at the hidden corner D are dashed."""
    dx, dy = DEPTH[0] * width, DEPTH[1] * width
    fig = Figure(title, size=240)
    for name, (x, y) in {
        "A": (0, 0), "B": (length, 0), "C": (length + dx, dy), "D": (dx, dy),
        "E": (0, height), "F": (length, height), "G": (length + dx, height + dy),
        "H": (dx, height + dy),
    }.items():  # fmt: skip
        fig.point(name, x, y)
    for a, b in (("A", "B"), ("B", "F"), ("F", "E"), ("E", "A"), ("F", "G"), ("G", "H"),
                 ("H", "E"), ("B", "C"), ("C", "G")):  # fmt: skip
        fig.line(a, b)
    for a, b in (("A", "D"), ("D", "C"), ("D", "H")):
        fig.line(a, b, dashed=True)
    fig.side("A", "B", labels[0], away_from="E")
    fig.side("B", "C", labels[1], away_from="A")
    fig.side("A", "E", labels[2], away_from="B")
    return fig


def pyramid(
    title: str, side: float, height: float, labels: tuple[str, str], *, names: bool = False
) -> Figure:
    """A square-based pyramid VABCD, V above the centre O of the base; the back edges AD, DC,
    VD and the height VO are dashed."""
    dx, dy = DEPTH[0] * side, DEPTH[1] * side
    fig = Figure(title, size=220)
    fig.point("A", 0, 0).point("B", side, 0).point("C", side + dx, dy).point("D", dx, dy)
    fig.point("O", (side + dx) / 2, dy / 2).point("V", (side + dx) / 2, dy / 2 + height)
    for a, b in (("A", "B"), ("B", "C"), ("V", "A"), ("V", "B"), ("V", "C")):
        fig.line(a, b)
    for a, b in (("A", "D"), ("D", "C"), ("V", "D"), ("V", "O")):
        fig.line(a, b, dashed=True)
    fig.side("A", "B", labels[0], away_from="V")
    fig.side("V", "O", labels[1], away_from="A", gap=4)
    if names:
        fig.names("A", "B", "C", "D", "V")
    return fig


def prism(title: str, front: list[Point], depth: float) -> Figure:
    """A convex prism: the polygon ``front`` pushed back by ``depth``; a back or receding edge
    is dashed unless a visible face has it."""
    dx, dy = DEPTH[0] * depth * 2, DEPTH[1] * depth * 2
    fig = Figure(title, size=240)
    k = len(front)
    for i, (x, y) in enumerate(front):
        fig.point(f"F{i}", x, y).point(f"K{i}", x + dx, y + dy)
    fig.polygon([f"F{i}" for i in range(k)])
    area = sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(front, front[1:] + front[:1], strict=True)
    )
    sign = 1 if area > 0 else -1
    visible = []
    for i in range(k):
        (x1, y1), (x2, y2) = front[i], front[(i + 1) % k]
        visible.append(sign * (y2 - y1) * dx - sign * (x2 - x1) * dy > 1e-9)
    for i in range(k):
        fig.line(f"K{i}", f"K{(i + 1) % k}", dashed=not visible[i])
        fig.line(f"F{i}", f"K{i}", dashed=not (visible[i] or visible[i - 1]))
    return fig
