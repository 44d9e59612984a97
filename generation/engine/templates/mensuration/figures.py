"""Small NOT TO SCALE line drawings (inline SVG) for mensuration and trigonometry questions.

A :class:`Figure` collects shapes in model coordinates (y up), then fits them into a fixed
pixel box. Labels are placed in pixel space so they keep a constant distance from the lines
they name. The output is plain, well-formed SVG: no scripts, styles or external references.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

Point = tuple[float, float]

_STROKE = 'stroke="black" stroke-width="1.5"'
_DASH = ' stroke-dasharray="5 4"'
_SHADE = "#d9d9d9"


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


@dataclass
class _Transform:
    scale: float
    dx: float
    dy: float
    height: float

    def __call__(self, p: Point) -> Point:
        return (p[0] * self.scale + self.dx, self.height - (p[1] * self.scale + self.dy))


@dataclass
class Figure:
    """A drawing in model coordinates; ``svg()`` renders it into ``width`` × at most ``height``."""

    title: str
    width: int = 320
    height: int = 230
    margin: int = 54
    points: dict[str, Point] = field(default_factory=dict)
    _items: list[tuple] = field(default_factory=list)
    _extent: list[Point] = field(default_factory=list)

    # -- building ---------------------------------------------------------------------------
    def point(self, name: str, x: float, y: float) -> Figure:
        self.points[name] = (float(x), float(y))
        self._extent.append((float(x), float(y)))
        return self

    def _p(self, p: str | Point) -> Point:
        return self.points[p] if isinstance(p, str) else (float(p[0]), float(p[1]))

    def polygon(self, *names: str | Point, fill: bool = False, dashed: bool = False) -> Figure:
        self._items.append(("poly", [self._p(n) for n in names], fill, dashed))
        self._extent.extend(self._p(n) for n in names)
        return self

    def segment(self, a: str | Point, b: str | Point, *, dashed: bool = False) -> Figure:
        self._items.append(("seg", self._p(a), self._p(b), dashed))
        self._extent.extend([self._p(a), self._p(b)])
        return self

    def circle(
        self, centre: str | Point, r: float, *, fill: bool = False, white: bool = False
    ) -> Figure:
        c = self._p(centre)
        self._items.append(("circle", c, r, fill, white))
        self._extent.extend([(c[0] - r, c[1] - r), (c[0] + r, c[1] + r)])
        return self

    def ellipse(
        self,
        centre: str | Point,
        rx: float,
        ry: float,
        *,
        back_dashed: bool = False,
        only: str = "",
    ) -> Figure:
        """An ellipse (a circle seen at an angle); ``back_dashed`` dashes the upper (hidden) half,
        ``only`` = "front" or "back" draws one half."""
        c = self._p(centre)
        self._items.append(("ellipse", c, rx, ry, back_dashed, only))
        self._extent.extend([(c[0] - rx, c[1] - ry), (c[0] + rx, c[1] + ry)])
        return self

    def arc(
        self,
        centre: str | Point,
        r: float,
        start: float,
        end: float,
        *,
        sector: bool = False,
        fill: bool = False,
    ) -> Figure:
        """An arc from ``start`` to ``end`` degrees (anticlockwise); ``sector`` adds the radii."""
        c = self._p(centre)
        self._items.append(("arc", c, r, start, end, sector, fill))
        sweep = (end - start) % 360 or 360
        steps = max(2, int(sweep // 10))
        for i in range(steps + 1):
            t = math.radians(start + sweep * i / steps)
            self._extent.append((c[0] + r * math.cos(t), c[1] + r * math.sin(t)))
        if sector:
            self._extent.append(c)
        return self

    def label(self, text: str, at: str | Point, dx: float = 0, dy: float = 0) -> Figure:
        """Text at a model point, shifted by (dx, dy) pixels (dy up)."""
        self._items.append(("text", text, self._p(at), dx, dy))
        return self

    def vertex_labels(self, *names: str) -> Figure:
        """Label vertices, each pushed away from the centroid of the named points."""
        cx = sum(self.points[n][0] for n in names) / len(names)
        cy = sum(self.points[n][1] for n in names) / len(names)
        for n in names:
            self._items.append(("away", n, self.points[n], (cx, cy), 13.0))
        return self

    def side_label(
        self,
        a: str | Point,
        b: str | Point,
        text: str,
        *,
        inside: str | Point | None = None,
        gap: float = 10.0,
    ) -> Figure:
        """Label the side ab at its midpoint, on the side away from ``inside`` (default: the
        centroid of all named points)."""
        pa, pb = self._p(a), self._p(b)
        mid = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
        self._items.append(
            ("side", text, mid, pa, pb, None if inside is None else self._p(inside), gap)
        )
        return self

    def angle(
        self,
        at: str,
        a: str,
        b: str,
        text: str = "",
        *,
        right: bool = False,
        radius: float = 20.0,
        reflex: bool = False,
    ) -> Figure:
        """Mark the angle a-at-b: a small square for a right angle, else an arc and ``text``
        (``reflex`` marks the angle greater than 180 degrees)."""
        self._items.append(
            ("angle", self._p(at), self._p(a), self._p(b), text, right, radius, reflex)
        )
        return self

    # -- rendering --------------------------------------------------------------------------
    def _transform(self) -> tuple[_Transform, int]:
        xs = [p[0] for p in self._extent] or [0.0]
        ys = [p[1] for p in self._extent] or [0.0]
        w = max(max(xs) - min(xs), 1e-9)
        h = max(max(ys) - min(ys), 1e-9)
        top = 22  # room for "NOT TO SCALE"
        inner_w = self.width - 2 * self.margin
        inner_h = self.height - 2 * self.margin - top
        scale = min(inner_w / w, inner_h / h)
        height = int(h * scale + 2 * self.margin + top)
        dx = self.margin + (inner_w - w * scale) / 2 - min(xs) * scale
        dy = self.margin - min(ys) * scale
        return _Transform(scale, dx, dy, height), height

    def svg(self) -> str:
        t, height = self._transform()
        centroid = self._centroid()
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {height}" '
            f'width="{self.width}" height="{height}" role="img" aria-label="{escape(self.title)}" '
            'font-family="sans-serif" font-size="13">',
            f'<text x="{self.width - 6}" y="15" text-anchor="end" font-size="11">NOT TO SCALE</text>',
        ]
        for item in self._items:
            out.append(self._render(item, t, centroid))
        out.append("</svg>")
        return "".join(out)

    def _centroid(self) -> Point:
        pts = list(self.points.values()) or self._extent or [(0.0, 0.0)]
        return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))

    def _render(self, item: tuple, t: _Transform, centroid: Point) -> str:
        kind = item[0]
        if kind == "poly":
            _, pts, fill, dashed = item
            coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in map(t, pts))
            return (
                f'<polygon points="{coords}" fill="{_SHADE if fill else "none"}" {_STROKE}'
                f"{_DASH if dashed else ''}/>"
            )
        if kind == "seg":
            _, a, b, dashed = item
            (x1, y1), (x2, y2) = t(a), t(b)
            return (
                f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
                f"{_STROKE}{_DASH if dashed else ''}/>"
            )
        if kind == "circle":
            _, c, r, fill, white = item
            x, y = t(c)
            colour = "white" if white else (_SHADE if fill else "none")
            return (
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r * t.scale)}" '
                f'fill="{colour}" {_STROKE}/>'
            )
        if kind == "ellipse":
            _, c, rx, ry, back_dashed, only = item
            x, y = t(c)
            rxp, ryp = rx * t.scale, ry * t.scale
            left, right = f"{_num(x - rxp)} {_num(y)}", f"{_num(x + rxp)} {_num(y)}"
            radii = f"{_num(rxp)} {_num(ryp)}"
            front = f'<path d="M {left} A {radii} 0 0 0 {right}" fill="none" {_STROKE}/>'
            back = (
                f'<path d="M {left} A {radii} 0 0 1 {right}" fill="none" {_STROKE}'
                f"{_DASH if back_dashed else ''}/>"
            )
            return {"front": front, "back": back}.get(only, front + back)
        if kind == "arc":
            _, c, r, start, end, sector, fill = item
            sweep = (end - start) % 360 or 360
            p0 = (
                c[0] + r * math.cos(math.radians(start)),
                c[1] + r * math.sin(math.radians(start)),
            )
            p1 = (c[0] + r * math.cos(math.radians(end)), c[1] + r * math.sin(math.radians(end)))
            (x0, y0), (x1, y1), (xc, yc) = t(p0), t(p1), t(c)
            rp = _num(r * t.scale)
            large = 1 if sweep > 180 else 0
            d = f"M {_num(x0)} {_num(y0)} A {rp} {rp} 0 {large} 0 {_num(x1)} {_num(y1)}"
            if sector:
                d = f"M {_num(xc)} {_num(yc)} L {_num(x0)} {_num(y0)} " + d[2:] + " Z"
            return f'<path d="{d}" fill="{_SHADE if fill else "none"}" {_STROKE}/>'
        if kind == "text":
            _, text, p, dx, dy = item
            x, y = t(p)
            return self._text(text, x + dx, y - dy)
        if kind == "away":
            _, text, p, c, gap = item
            x, y = t(p)
            cx, cy = t(c)
            ux, uy = _unit(x - cx, y - cy)
            return self._text(text, x + ux * gap, y + uy * gap)
        if kind == "side":
            _, text, mid, a, b, inside, gap = item
            x, y = t(mid)
            (ax, ay), (bx, by) = t(a), t(b)
            nx, ny = _unit(-(by - ay), bx - ax)
            ix, iy = t(inside) if inside is not None else t(centroid)
            if nx * (ix - x) + ny * (iy - y) > 0:
                nx, ny = -nx, -ny
            shift = gap + abs(nx) * 3.6 * len(text)
            return self._text(text, x + nx * shift, y + ny * shift)
        if kind == "angle":
            _, at, a, b, text, right, radius, reflex = item
            (vx, vy), (ax, ay), (bx, by) = t(at), t(a), t(b)
            ux, uy = _unit(ax - vx, ay - vy)
            wx, wy = _unit(bx - vx, by - vy)
            if right:
                s = 10
                pts = [
                    (vx + ux * s, vy + uy * s),
                    (vx + (ux + wx) * s, vy + (uy + wy) * s),
                    (vx + wx * s, vy + wy * s),
                ]
                coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in pts)
                return f'<polyline points="{coords}" fill="none" stroke="black" stroke-width="1"/>'
            x0, y0 = vx + ux * radius, vy + uy * radius
            x1, y1 = vx + wx * radius, vy + wy * radius
            cross = ux * wy - uy * wx
            sweep = 1 if cross > 0 else 0
            if reflex:
                sweep = 1 - sweep
            arc = (
                f'<path d="M {_num(x0)} {_num(y0)} A {_num(radius)} {_num(radius)} 0 '
                f'{int(reflex)} {sweep} {_num(x1)} {_num(y1)}" fill="none" stroke="black" '
                'stroke-width="1"/>'
            )
            if not text:
                return arc
            bx_, by_ = _unit(ux + wx, uy + wy)
            if reflex:
                bx_, by_ = -bx_, -by_
            shift = radius + 10 + abs(bx_) * 3.3 * len(text)
            return arc + self._text(text, vx + bx_ * shift, vy + by_ * shift)
        raise ValueError(kind)

    @staticmethod
    def _text(text: str, x: float, y: float) -> str:
        return (
            f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="middle" '
            f'dominant-baseline="central">{escape(text)}</text>'
        )


def _unit(x: float, y: float) -> Point:
    length = math.hypot(x, y)
    return (0.0, -1.0) if length < 1e-9 else (x / length, y / length)


def circle_figure(title: str, label: str, *, diameter: bool = False) -> Figure:
    """A circle with a radius (or a diameter) drawn and labelled."""
    fig = Figure(title, width=260, height=230).point("O", 0, 0).circle("O", 1)
    if diameter:
        fig.point("P", -1, 0).point("Q", 1, 0).segment("P", "Q").label(label, "O", 0, 11)
    else:
        fig.point("P", 1, 0).segment("O", "P").label(label, (0.5, 0), 0, 11)
    return fig


def sector_figure(
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
    a = (math.cos(math.radians(start)), math.sin(math.radians(start)))
    b = (math.cos(math.radians(start + drawn)), math.sin(math.radians(start + drawn)))
    fig = Figure(title, width=280, height=240).point("O", 0, 0).point("A", *a).point("B", *b)
    fig.arc("O", 1, start, start + drawn, sector=True)
    reflex = drawn > 180
    fig.angle("O", "A", "B", angle_label, radius=16, reflex=reflex != mark_gap)
    fig.side_label("O", "A", radius_label, inside="B")
    if centre:
        fig.label(centre, "O", 0, 13 if mark_gap else (-24 if reflex else -13))
    return fig


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
    if inner:
        fig.ellipse("T", inner, 0.3 * inner)
        fig.segment("T", (-inner, height))
        fig.label(inner_label, (-inner / 2, height), 0, 10)
    if diameter:
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


def triangle_figure(
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
    fig = Figure(title)
    order = list(points)
    for name, (x, y) in points.items():
        fig.point(name, x, y)
    fig.polygon(*order)
    if names:
        fig.vertex_labels(*order)
    for (a, b), text in (sides or {}).items():
        fig.side_label(a, b, text)
    k = len(order)
    for vertex, text in (angles or {}).items():
        i = order.index(vertex)
        fig.angle(vertex, order[i - 1], order[(i + 1) % k], text, radius=22)
    if right:
        i = order.index(right)
        fig.angle(right, order[i - 1], order[(i + 1) % k], right=True)
    return fig


def triangle_points(a: float, b: float, c: float, names: str = "ABC") -> dict[str, Point]:
    """Vertices of a triangle with sides a = BC, b = CA, c = AB (names in that order), with
    A at the origin and AB along the x-axis."""
    x = (b * b + c * c - a * a) / (2 * c)
    y = math.sqrt(max(b * b - x * x, 1e-9))
    return {names[0]: (0.0, 0.0), names[1]: (c, 0.0), names[2]: (x, y)}
