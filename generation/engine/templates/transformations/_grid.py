"""Coordinate geometry shared by the transformation templates: the maps and a grid figure.

The maps work on SymPy values *and* on symbols, so one function gives both the image of a
point and the machine form of that image over the question's givens.
"""

from __future__ import annotations

import random
from typing import Any

import sympy

from generation.engine.formatting import latex

Point = tuple[Any, Any]


def translate(p: Point, v: Point) -> Point:
    return (p[0] + v[0], p[1] + v[1])


def reflect(p: Point, line: str, k: Any = 0) -> Point:
    """Reflect in ``x = k``, ``y = k``, ``y = x`` or ``y = -x`` (line is "x", "y", "y=x", "y=-x")."""
    x, y = p
    if line == "x":
        return (2 * k - x, y)
    if line == "y":
        return (x, 2 * k - y)
    if line == "y=x":
        return (y, x)
    if line == "y=-x":
        return (-y, -x)
    raise ValueError(line)


def rotate(p: Point, centre: Point, angle: int) -> Point:
    """Rotate anticlockwise through ``angle`` (a multiple of 90; negative is clockwise)."""
    x, y = p[0] - centre[0], p[1] - centre[1]
    for _ in range((angle // 90) % 4):
        x, y = -y, x
    return (centre[0] + x, centre[1] + y)


def enlarge(p: Point, centre: Point, factor: Any) -> Point:
    return (centre[0] + factor * (p[0] - centre[0]), centre[1] + factor * (p[1] - centre[1]))


def coords(p: Point) -> str:
    """LaTeX for a point: ``(3, -2)``."""
    return f"({latex(p[0])}, {latex(p[1])})"


def plain_coords(p: Point) -> str:
    return f"({sympy.sstr(p[0])}, {sympy.sstr(p[1])})"


def column(v: Point) -> str:
    """LaTeX for a column vector."""
    return f"\\begin{{pmatrix}} {latex(v[0])} \\\\ {latex(v[1])} \\end{{pmatrix}}"


def line_latex(line: str, k: Any = 0) -> str:
    return {"x": f"x = {latex(k)}", "y": f"y = {latex(k)}", "y=x": "y = x", "y=-x": "y = -x"}[line]


def line_machine(line: str, k: Any = 0) -> str:
    return {
        "x": f"Eq(x, {k})",
        "y": f"Eq(y, {k})",
        "y=x": "Eq(y, x)",
        "y=-x": "Eq(y, -x)",
    }[line]


_COLOURS = ("#1f4e99", "#b03a2e", "#1e7b45", "#7d3c98")


def grid_svg(
    shapes: list[tuple[str, list[Point]]],
    vertex_names: tuple[str, ...] = (),
    extent: list[Point] | None = None,
) -> str:
    """A square grid with axes and the labelled shapes (integer vertices), as inline SVG.

    ``vertex_names`` labels the first shape's vertices (A, B, C...); the grid covers the shapes
    and the points in ``extent`` (room for images the candidate works out).
    """
    everything = [p for _, pts in shapes for p in pts] + list(extent or [])
    xs = [int(p[0]) for p in everything]
    ys = [int(p[1]) for p in everything]
    x0, x1 = min(min(xs), 0) - 1, max(max(xs), 0) + 1
    y0, y1 = min(min(ys), 0) - 1, max(max(ys), 0) + 1
    unit, margin = 24, 20
    width = (x1 - x0) * unit + 2 * margin
    height = (y1 - y0) * unit + 2 * margin

    def px(x: Any) -> float:
        return margin + (float(x) - x0) * unit

    def py(y: Any) -> float:
        return margin + (y1 - float(y)) * unit

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Coordinate grid">',
        '<g stroke="#cccccc" stroke-width="1">',
    ]
    out += [
        f'<line x1="{px(x)}" y1="{py(y0)}" x2="{px(x)}" y2="{py(y1)}"/>' for x in range(x0, x1 + 1)
    ]
    out += [
        f'<line x1="{px(x0)}" y1="{py(y)}" x2="{px(x1)}" y2="{py(y)}"/>' for y in range(y0, y1 + 1)
    ]
    out.append("</g>")
    out.append(
        f'<g stroke="#000000" stroke-width="1.5"><line x1="{px(x0)}" y1="{py(0)}" '
        f'x2="{px(x1)}" y2="{py(0)}"/><line x1="{px(0)}" y1="{py(y0)}" x2="{px(0)}" '
        f'y2="{py(y1)}"/></g>'
    )
    out.append('<g font-family="sans-serif" font-size="10" fill="#000000">')
    out += [
        f'<text x="{px(x) - 3}" y="{py(0) + 12}">{x}</text>' for x in range(x0, x1 + 1) if x != 0
    ]
    out += [
        f'<text x="{px(0) - 14}" y="{py(y) + 4}">{y}</text>' for y in range(y0, y1 + 1) if y != 0
    ]
    out.append(f'<text x="{px(0) - 10}" y="{py(0) + 12}">0</text>')
    out.append(f'<text x="{px(x1) + 4}" y="{py(0) + 4}" font-style="italic">x</text>')
    out.append(f'<text x="{px(0) - 3}" y="{py(y1) - 6}" font-style="italic">y</text>')
    out.append("</g>")
    for i, (label, pts) in enumerate(shapes):
        colour = _COLOURS[i % len(_COLOURS)]
        points = " ".join(f"{px(p[0])},{py(p[1])}" for p in pts)
        cx = sum(float(p[0]) for p in pts) / len(pts)
        cy = sum(float(p[1]) for p in pts) / len(pts)
        out.append(
            f'<polygon points="{points}" fill="{colour}" fill-opacity="0.15" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        out.append(
            f'<text x="{px(cx) - 4}" y="{py(cy) + 4}" font-family="serif" font-size="13" '
            f'font-style="italic" fill="{colour}">{label}</text>'
        )
    if vertex_names:
        pts = shapes[0][1]
        cx = sum(float(p[0]) for p in pts) / len(pts)
        cy = sum(float(p[1]) for p in pts) / len(pts)
        for name, p in zip(vertex_names, pts, strict=False):
            dx = 8 if float(p[0]) >= cx else -14
            dy = -6 if float(p[1]) >= cy else 14
            out.append(
                f'<text x="{px(p[0]) + dx}" y="{py(p[1]) + dy}" font-family="serif" '
                f'font-size="12" fill="#000000">{name}</text>'
            )
    out.append("</svg>")
    return "".join(out)


# Triangles and wording shared by the transformation templates.

LIMIT = 9  # keep every vertex on a grid from -9 to 9


def scalene_triangle(rng: random.Random, scale: int = 1) -> list[Point]:
    """Offsets of a triangle with three different side lengths (so no symmetry can map it onto
    itself, and the transformation between two copies is unique)."""
    top = 3 if scale == 1 else 2
    while True:
        w, h = rng.randint(1, top), rng.randint(1, top)
        d = rng.randint(0, w)
        pts = [(0, 0), (w, 0), (d, h)]
        turns = rng.randint(0, 3)
        pts = [rotate(p, (0, 0), 90 * turns) for p in pts]
        if rng.random() < 0.5:
            pts = [(-x, y) for x, y in pts]
        sides = sorted(
            (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
            for a, b in ((pts[0], pts[1]), (pts[1], pts[2]), (pts[0], pts[2]))
        )
        if len(set(sides)) == 3:
            return [(scale * x, scale * y) for x, y in pts]


def inside(*shapes: list[Point]) -> bool:
    return all(abs(c) <= LIMIT for pts in shapes for p in pts for c in p)


def rotation_words(angle: int) -> str:
    if angle % 360 == 180:
        return "$180^{\\circ}$"
    return f"$90^{{\\circ}}$ {'anticlockwise' if angle > 0 else 'clockwise'}"


def factor_latex(k: Any) -> str:
    k = sympy.Rational(k)
    if k.is_Integer:
        return str(k)
    sign = "-" if k < 0 else ""
    return f"{sign}\\frac{{{abs(k.p)}}}{{{k.q}}}"


def shift_words(d: int, axis: str) -> str:
    return f"{'add' if d > 0 else 'subtract'} ${abs(d)}$ {'to' if d > 0 else 'from'} each ${axis}$-coordinate"


def minus(c: int, var: str) -> str:
    return f"-{var}" if c == 0 else f"{c} - {var}"


def move_words(v: Point) -> str:
    across = f"${abs(v[0])}$ {'right' if v[0] > 0 else 'left'}"
    up = f"${abs(v[1])}$ {'up' if v[1] > 0 else 'down'}"
    return f"{across} and {up}"
