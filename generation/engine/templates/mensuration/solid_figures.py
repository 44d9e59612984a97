"""Oblique NOT TO SCALE drawings of solids: cuboids, prisms, cylinders, cones, spheres,
pyramids and frustums (built on :class:`~generation.engine.templates.mensuration.figures.Figure`)."""

from __future__ import annotations

import math

from generation.engine.templates.mensuration.figures import Figure, Point

# -- solids (oblique drawings) ----------------------------------------------------------------

_DEPTH = (math.cos(math.radians(35)) * 0.5, math.sin(math.radians(35)) * 0.5)


def cuboid_figure(
    title: str, length: float, width: float, height: float, labels: tuple[str, str, str]
) -> Figure:
    """A cuboid ABCDEFGH (ABCD the base, E above A, ...) with length, width and height
    labelled; hidden edges dashed."""
    biggest = max(length, width, height)
    length, height = max(length, 0.45 * biggest), max(height, 0.45 * biggest)
    width = max(width, 0.9 * biggest)  # drawn receding at half scale
    dx, dy = _DEPTH[0] * width, _DEPTH[1] * width
    fig = Figure(title, width=320, height=240)
    for name, (x, y) in {
        "A": (0, 0), "B": (length, 0), "C": (length + dx, dy), "D": (dx, dy),
        "E": (0, height), "F": (length, height), "G": (length + dx, height + dy),
        "H": (dx, height + dy),
    }.items():  # fmt: skip
        fig.point(name, x, y)
    fig.polygon("A", "B", "F", "E").polygon("E", "F", "G", "H").polygon("B", "C", "G", "F")
    for a, b in (("A", "D"), ("D", "C"), ("D", "H")):
        fig.segment(a, b, dashed=True)
    fig.side_label("A", "B", labels[0], inside="E")
    fig.side_label("B", "C", labels[1], inside="A")
    fig.side_label("A", "E", labels[2], inside="B")
    return fig


def cylinder_figure(
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
    """A cylinder standing on its base, radius (or ``diameter``) drawn on the top face;
    ``inner`` makes it a pipe, ``top`` = "hemisphere" or "cone" puts a solid on top."""
    ry = 0.3 * radius
    fig = Figure(title, width=300, height=260).point("O", 0, 0).point("T", 0, height)
    fig.ellipse("O", radius, ry, back_dashed=True)
    fig.segment((-radius, 0), (-radius, height)).segment((radius, 0), (radius, height))
    if top == "hemisphere":
        fig.ellipse("T", radius, ry, back_dashed=True)
        fig.arc("T", radius, 0, 180)
    elif top == "cone":
        fig.point("V", 0, height + top_height)
        fig.ellipse("T", radius, ry, back_dashed=True)
        fig.segment((-radius, height), "V").segment((radius, height), "V")
        fig.segment("T", "V", dashed=True)
        if top_label:
            fig.side_label("T", "V", top_label, inside=(radius, height))
    else:
        fig.ellipse("T", radius, ry)
    if inner:  # a pipe: inner radius drawn to the left, outer to the right, labels outside
        fig.ellipse("T", inner, 0.3 * inner)
        fig.segment("T", (-inner, height)).segment("T", (radius, height))
        if inner_label:
            fig.label(inner_label, (-radius, height), -(8 + 3.6 * len(inner_label)), 8)
        fig.label(labels[0], (radius, height), 8 + 3.6 * len(labels[0]), 8)
    elif diameter:
        fig.segment((-radius, height), (radius, height))
        fig.label(labels[0], "T", 0, 10)
    else:
        fig.segment("T", (radius, height))
        fig.label(labels[0], (radius / 2, height), 0, -9 if top else 10)
    fig.side_label((radius, 0), (radius, height), labels[1], inside="O")
    return fig


def cone_figure(
    title: str, radius: float, height: float, labels: tuple[str, str], slant_label: str = ""
) -> Figure:
    """A cone on its base with the radius, perpendicular height and (optionally) slant height."""
    fig = Figure(title, width=280, height=260).point("O", 0, 0).point("V", 0, height)
    fig.point("P", radius, 0)
    fig.ellipse("O", radius, 0.3 * radius, back_dashed=True)
    fig.segment((-radius, 0), "V").segment("P", "V")
    fig.segment("O", "V", dashed=True).segment("O", "P", dashed=True)
    fig.angle("O", "P", "V", right=True)
    fig.label(labels[0], (radius / 2, 0), 0, -11)
    fig.side_label("O", "V", labels[1], inside="P")
    if slant_label:
        fig.side_label("P", "V", slant_label, inside="O")
    return fig


def sphere_figure(title: str, radius_label: str, *, hemisphere: bool = False) -> Figure:
    """A sphere (or a hemisphere on its flat face) with a radius drawn."""
    fig = Figure(title, width=260, height=230).point("O", 0, 0).point("P", 1, 0)
    if hemisphere:
        fig.ellipse("O", 1, 0.3, back_dashed=True).arc("O", 1, 0, 180)
    else:
        fig.circle("O", 1).ellipse("O", 1, 0.3, back_dashed=True)
    fig.segment("O", "P").label(radius_label, (0.5, 0), 0, 10)
    return fig


def pyramid_figure(
    title: str,
    side: float,
    height: float,
    labels: tuple[str, str],
    *,
    names: bool = False,
    slant_label: str = "",
) -> Figure:
    """A square-based pyramid with its vertex V above the centre O of the base ABCD."""
    height = min(max(height, 0.7 * side), 1.6 * side)
    dx, dy = _DEPTH[0] * side, _DEPTH[1] * side
    fig = Figure(title, width=300, height=260)
    fig.point("A", 0, 0).point("B", side, 0).point("C", side + dx, dy).point("D", dx, dy)
    fig.point("O", (side + dx) / 2, dy / 2).point("V", (side + dx) / 2, dy / 2 + height)
    fig.segment("A", "B").segment("B", "C")
    fig.segment("A", "D", dashed=True).segment("D", "C", dashed=True)
    fig.segment("V", "A").segment("V", "B").segment("V", "C").segment("V", "D", dashed=True)
    fig.segment("V", "O", dashed=True)
    fig.side_label("A", "B", labels[0], inside="V")
    fig.side_label("V", "O", labels[1], inside="A", gap=6)
    if slant_label:
        fig.side_label("V", "B", slant_label, inside="A")
    if names:
        fig.label("A", "A", -9, -9).label("B", "B", 9, -9).label("C", "C", 10, 4)
        fig.label("D", "D", -10, 6).label("V", "V", 0, 12).label("O", "O", 9, -8)
    return fig


def prism_figure(
    title: str,
    front: list[Point],
    depth: float,
    labels: dict[tuple[int, int], str],
    depth_label: str,
    inner: tuple[tuple[int, int], ...] = (),
) -> Figure:
    """A prism: the polygon ``front`` pushed back by ``depth``, hidden edges dashed.
    ``labels`` maps (i, j) vertex index pairs of the front face to labels; pairs in ``inner``
    are labelled inside the front face."""
    dx, dy = _DEPTH[0] * depth * 2, _DEPTH[1] * depth * 2
    fig = Figure(title, width=330, height=240)
    k = len(front)
    for i, (x, y) in enumerate(front):
        fig.point(f"F{i}", x, y).point(f"K{i}", x + dx, y + dy)
    cx = sum(x for x, _ in front) / k
    cy = sum(y for _, y in front) / k
    fig.polygon(*[f"F{i}" for i in range(k)])
    # For a convex prism a side face is visible when its outward normal points the way the
    # drawing recedes; back edges and receding edges are dashed unless a visible face has them.
    area = sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(front, front[1:] + front[:1], strict=True)
    )
    sign = 1 if area > 0 else -1
    visible = []
    for i in range(k):
        (x1, y1), (x2, y2) = front[i], front[(i + 1) % k]
        normal = (sign * (y2 - y1), -sign * (x2 - x1))
        visible.append(normal[0] * dx + normal[1] * dy > 1e-9)
    for i in range(k):
        fig.segment(f"K{i}", f"K{(i + 1) % k}", dashed=not visible[i])
        fig.segment(f"F{i}", f"K{i}", dashed=not (visible[i] or visible[i - 1]))
    for (i, j), text in labels.items():
        if (i, j) in inner:  # inside the front face, e.g. a hypotenuse facing a visible face
            (x1, y1), (x2, y2) = front[i], front[j]
            away = (x1 + x2 - cx, y1 + y2 - cy)
            fig.side_label(f"F{i}", f"F{j}", text, inside=away)
        else:
            fig.side_label(f"F{i}", f"F{j}", text, inside=(cx, cy))
    last = max(range(k), key=lambda i: front[i][0] - front[i][1] * 0.01)
    fig.side_label(f"F{last}", f"K{last}", depth_label, inside=(cx, cy))
    return fig


def frustum_figure(
    title: str, big: float, small: float, height: float, *, apex: bool, labels: dict[str, str]
) -> Figure:
    """A frustum of a cone (base radius ``big``, top radius ``small``, total cone height
    ``height``); ``apex`` draws the removed cone dashed. ``labels`` may hold "R", "r", "t"
    (frustum height) and "h" (height of the removed cone). Extreme shapes are drawn tamer."""
    ratio = min(max(small / big, 0.45), 0.7)
    height = min(max(height / big, 1.3), 2.2)
    big, small = 1.0, ratio
    t = height * (1 - ratio)
    fig = Figure(title, width=300, height=270).point("O", 0, 0).point("T", 0, t)
    fig.point("V", 0, height)
    fig.ellipse("O", big, 0.3 * big, back_dashed=True).ellipse("T", small, 0.3 * small)
    fig.segment((-big, 0), (-small, t)).segment((big, 0), (small, t))
    if apex:
        fig.segment((-small, t), "V", dashed=True).segment((small, t), "V", dashed=True)
    if "R" in labels:
        fig.segment("O", (big, 0), dashed=True).label(labels["R"], (big / 2, 0), 0, -11)
    if "r" in labels:
        fig.segment("T", (small, t)).label(labels["r"], (small, t), 8 + 3.6 * len(labels["r"]), 8)
    if "t" in labels:
        fig.segment("O", "T", dashed=True).side_label("O", "T", labels["t"], inside=(big, 0))
    if "h" in labels and apex:
        fig.segment("T", "V", dashed=True).side_label("T", "V", labels["h"], inside=(big, 0))
    return fig
