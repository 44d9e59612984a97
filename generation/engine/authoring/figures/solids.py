"""Oblique drawings of solids, hidden edges dashed, on the one :class:`Figure`: cuboids,
pyramids, prisms, cylinders (a pipe, or with a cone or hemisphere on top), cones, spheres,
hemispheres and frustums. Each is NOT TO SCALE, its proportions tamed so labels fit."""

from __future__ import annotations

import math

from generation.engine.authoring.figures.figure import Figure, Point, centroid

DEPTH = (math.cos(math.radians(35)) * 0.5, math.sin(math.radians(35)) * 0.5)


def cuboid(
    title: str, length: float, width: float, height: float, labels: tuple[str, str, str]
) -> Figure:
    """A cuboid ABCDEFGH (ABCD the base, E above A, ...) with length AB, width BC and height
    AE labelled; the three edges meeting at the hidden corner D are dashed."""
    biggest = max(length, width, height)
    length, height = max(length, 0.45 * biggest), max(height, 0.45 * biggest)
    width = max(width, 0.9 * biggest)  # drawn receding at half scale
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
    title: str,
    side: float,
    height: float,
    labels: tuple[str, str],
    *,
    names: bool = False,
    slant_label: str = "",
) -> Figure:
    """A square-based pyramid VABCD, V above the centre O of the base; the back edges AD, DC,
    VD and the height VO are dashed; ``slant_label`` labels the edge VB."""
    # Not too tall, and the base drawn less deep than other solids', so the height has room
    # for its label between the dashed height and the front edge VB.
    height = min(max(height, 0.7 * side), 1.3 * side)
    dx, dy = 0.75 * DEPTH[0] * side, 0.75 * DEPTH[1] * side
    fig = Figure(title, size=250)
    fig.point("A", 0, 0).point("B", side, 0).point("C", side + dx, dy).point("D", dx, dy)
    fig.point("O", (side + dx) / 2, dy / 2).point("V", (side + dx) / 2, dy / 2 + height)
    for a, b in (("A", "B"), ("B", "C"), ("V", "A"), ("V", "B"), ("V", "C")):
        fig.line(a, b)
    for a, b in (("A", "D"), ("D", "C"), ("V", "D"), ("V", "O")):
        fig.line(a, b, dashed=True)
    fig.side("A", "B", labels[0], away_from="V")
    fig.side("V", "O", labels[1], away_from="A", gap=4, close=True)
    if slant_label:
        fig.side("V", "B", slant_label, away_from="A")
    if names:
        fig.names("A", "B", "C", "D", "V")
        # O sits between the front edge AB, the back edge DC and any diagonal through it.
        fig.place("O", "O", prefer=(315, 45, 60, 30, 225, 270, 0, 180), gap=(10.0, 12.0, 15.0))
    return fig


def prism(
    title: str,
    front: list[Point],
    depth: float,
    labels: dict[tuple[int, int], str] | None = None,
    depth_label: str = "",
    inner: tuple[tuple[int, int], ...] = (),
) -> Figure:
    """A convex prism: the polygon ``front`` pushed back by ``depth``; a back or receding edge
    is dashed unless a visible face has it. ``labels`` maps (i, j) vertex index pairs of the
    front face to labels (those in ``inner`` inside the face); ``depth_label`` labels the
    receding edge at the right."""
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
    middle = centroid(front)
    for (i, j), words in (labels or {}).items():
        if (i, j) in inner:  # inside the front face, e.g. a hypotenuse facing a visible face
            (x1, y1), (x2, y2) = front[i], front[j]
            away = (x1 + x2 - middle[0], y1 + y2 - middle[1])
            # Right beside the edge (either face), never out across another edge.
            fig.side(f"F{i}", f"F{j}", words, away_from=away, close=True)
        else:
            fig.side(f"F{i}", f"F{j}", words, away_from=middle)
    if depth_label:
        last = max(range(k), key=lambda i: front[i][0] - front[i][1] * 0.01)
        fig.side(f"F{last}", f"K{last}", depth_label, away_from=middle)
    return fig


def cylinder(
    title: str,
    radius: float,
    height: float,
    labels: tuple[str, str],
    *,
    inner: float = 0,
    inner_label: str = "",
    top: str = "",
    top_height: float = 0,
    top_label: str = "",
    diameter: bool = False,
) -> Figure:
    """A cylinder standing on its base, radius (or ``diameter``) drawn on the top face, the
    back of the base dashed; ``inner`` makes it a pipe, ``top`` = "hemisphere" or "cone"
    puts a solid on top (the joining circle's back dashed)."""
    ry = 0.3 * radius
    fig = Figure(title, size=200).point("O", 0, 0).point("T", 0, height)
    fig.ellipse("O", radius, ry)
    fig.line((-radius, 0), (-radius, height)).line((radius, 0), (radius, height))
    if top == "hemisphere":
        fig.ellipse("T", radius, ry).arc("T", radius, 0, 180)
    elif top == "cone":
        fig.point("V", 0, height + top_height).ellipse("T", radius, ry)
        fig.line((-radius, height), "V").line((radius, height), "V")
        fig.line("T", "V", dashed=True)
        if top_label:
            fig.side("T", "V", top_label, away_from=(radius, height), close=True)
    else:
        fig.ellipse("T", radius, ry, back_dashed=False)
    if inner:  # a pipe: inner radius drawn to the left, outer to the right, labels outside
        fig.ellipse("T", inner, 0.3 * inner, back_dashed=False)
        fig.line("T", (-inner, height)).line("T", (radius, height))
        if inner_label:
            fig.text((-radius, height), inner_label, dx=-(8 + 3.6 * len(inner_label)), dy=-8)
        fig.text((radius, height), labels[0], dx=8 + 3.6 * len(labels[0]), dy=-8)
    elif diameter:
        fig.line((-radius, height), (radius, height))
        fig.side((-radius, height), (radius, height), labels[0], away_from="O")
    else:  # above the radius (below it when a solid stands on the top face)
        fig.line("T", (radius, height))
        below = (radius / 2, height + (1 if top else -1))
        fig.side("T", (radius, height), labels[0], away_from=below)
    fig.side((radius, 0), (radius, height), labels[1], away_from="O")
    return fig


def cone(
    title: str, radius: float, height: float, labels: tuple[str, str], slant_label: str = ""
) -> Figure:
    """A cone on its base with the radius, the perpendicular height (dashed, inside) and
    (optionally) the slant height labelled."""
    # A tall thin cone drawn less so: its height is labelled inside it, beside the dashed line.
    height = min(max(height, 0.8 * radius), 2.0 * radius)
    fig = Figure(title, size=200).point("O", 0, 0).point("V", 0, height).point("P", radius, 0)
    fig.ellipse("O", radius, 0.3 * radius)
    fig.line((-radius, 0), "V").line("P", "V")
    fig.line("O", "V", dashed=True).line("O", "P", dashed=True)
    fig.angle_at("O", "P", "V", right=True)
    fig.side("O", "P", labels[0], away_from="V")
    fig.side("O", "V", labels[1], away_from="P", close=True)
    if slant_label:
        fig.side("P", "V", slant_label, away_from="O")
    return fig


def sphere(title: str, radius_label: str, *, hemisphere: bool = False) -> Figure:
    """A sphere (or a hemisphere on its flat face) with a radius drawn; the back of the
    equator dashed."""
    fig = Figure(title, size=170).point("O", 0, 0).point("P", 1, 0)
    if hemisphere:
        fig.ellipse("O", 1, 0.3).arc("O", 1, 0, 180)
    else:
        fig.circle("O", 1).ellipse("O", 1, 0.3)
    fig.line("O", "P").side("O", "P", radius_label, away_from=(0.5, -1))
    return fig


def frustum(
    title: str, big: float, small: float, height: float, *, apex: bool, labels: dict[str, str]
) -> Figure:
    """A frustum of a cone (base radius ``big``, top radius ``small``, total cone height
    ``height``); ``apex`` draws the removed cone dashed. ``labels`` may hold "R", "r", "t"
    (frustum height) and "h" (height of the removed cone). Extreme shapes are drawn tamer."""
    ratio = min(max(small / big, 0.45), 0.7)
    height = min(max(height / big, 1.3), 2.2)
    big, small = 1.0, ratio
    t = height * (1 - ratio)
    fig = Figure(title, size=200).point("O", 0, 0).point("T", 0, t).point("V", 0, height)
    fig.ellipse("O", big, 0.3 * big).ellipse("T", small, 0.3 * small, back_dashed=False)
    fig.line((-big, 0), (-small, t)).line((big, 0), (small, t))
    if apex:
        fig.line((-small, t), "V", dashed=True).line((small, t), "V", dashed=True)
    if "R" in labels:
        fig.line("O", (big, 0), dashed=True).side("O", (big, 0), labels["R"], away_from="T")
    if "r" in labels:
        fig.line("T", (small, t)).side("T", (small, t), labels["r"], away_from="O")
    if "t" in labels:
        fig.line("O", "T", dashed=True).side("O", "T", labels["t"], away_from=(big, 0))
    if "h" in labels and apex:
        fig.line("T", "V", dashed=True).side("T", "V", labels["h"], away_from=(big, 0))
    return fig
