"""Small NOT TO SCALE line drawings (inline SVG) for mensuration and trigonometry questions.

A :class:`Figure` collects shapes in model coordinates (y up), then fits them into a fixed
pixel box. Labels are placed in pixel space so they keep a constant distance from the lines
they name. The output is plain, well-formed SVG: no scripts, styles or external references.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from generation.engine.authoring.figures.svg import Label, label_box
from generation.engine.verifier.figures import overlaps

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
        self._boxes: list[tuple[float, float, float, float]] = []
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

    def _text(self, text: str, x: float, y: float) -> str:
        # Stepped up or down (then sideways) until it clears the labels already drawn.
        for dx, dy in ((0, 0), (0, -13), (0, 13), (-12, 0), (12, 0), (0, -26), (0, 26)):
            box = label_box(x + dx, y + dy, text, 13, "middle", "central")
            if not overlaps([Label("", box), *(Label("", b) for b in self._boxes)]):
                x, y = x + dx, y + dy
                break
        self._boxes.append(label_box(x, y, text, 13, "middle", "central"))
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
