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


def line_latex(line: str, k: Any = 0) -> str:
    return {"x": f"x = {latex(k)}", "y": f"y = {latex(k)}", "y=x": "y = x", "y=-x": "y = -x"}[line]


def line_machine(line: str, k: Any = 0) -> str:
    return {
        "x": f"Eq(x, {k})",
        "y": f"Eq(y, {k})",
        "y=x": "Eq(y, x)",
        "y=-x": "Eq(y, -x)",
    }[line]


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
