"""Graphs of functions (2.10), a second kind: a quadratic curve drawn on 0580 graph paper (axes
through the origin, ten small squares a numbered step), then used — the solutions of f(x) = 0
and f(x) = k, the line of symmetry, the turning point, and (Extended) the straight line to draw
to solve another quadratic equation and its solutions. Every value read from the graph has the
range the mark scheme accepts (``figures.reading``: a small square either side, rounded
outwards)."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, misconception, wrong
from generation.engine.authoring.algebraic import coefficients, tex, x
from generation.engine.authoring.coordinates import line_rhs
from generation.engine.authoring.figures import Figure, Reading, reading
from generation.engine.authoring.figures.svg import MINUS, label_box
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

R = Rational
X_READ = R(1, 10)  # a small square across: x numbered every 1, ten small squares
X_UNIT = 70.0  # pixels a unit across


def function_grid(
    x_range: tuple[int, int], y_range: tuple[int, int], y_step: int
) -> tuple[Figure, Callable[[float, float], tuple[float, float]]]:
    """0580 graph paper for a function: ten small squares a numbered step on both axes (square
    small squares), the axes through the origin with their numbers beside them; returns the
    figure and the map from data to its model units."""
    (x0, x1), (y0, y1) = x_range, y_range
    fig = Figure("Graph of a quadratic function", scale=1.0, pad=24.0).note("")
    small = X_UNIT / 10
    uy = X_UNIT / y_step  # pixels a unit up

    def at(px: float, py: float) -> tuple[float, float]:
        return ((px - x0) * X_UNIT, (py - y0) * uy)

    for i in range((x1 - x0) * 10 + 1):
        fig.gridline((i * small, 0), (i * small, (y1 - y0) * uy), major=i % 10 == 0)
    for j in range((y1 - y0) // y_step * 10 + 1):
        fig.gridline((0, j * small), ((x1 - x0) * X_UNIT, j * small), major=j % 10 == 0)
    fig.line(at(x0, 0), at(x1, 0)).line(at(0, y0), at(0, y1))
    fig.text(at(x1, 0), "x", dx=12, dy=5, size=15, italic=True)
    fig.text(at(0, y1), "y", dy=-10, size=15, italic=True)
    for v in range(x0, x1 + 1):
        if v:
            fig.nudged(at(v, 0), str(v).replace("-", MINUS), [(-6 if v < 0 else 0, 13), (0, -9)],
                       size=11, optional=True)  # fmt: skip
    for v in range(y0, y1 + 1, y_step):
        if v:
            words = str(v).replace("-", MINUS)
            half = label_box(0, 0, words, 11)[2]
            # beside its line, else just above or below it where the curve runs along
            beside = [(dx, dy) for dy in (4, -5, 13) for dx in (-5 - half, 5 + half)]
            fig.nudged(at(0, v), words, beside, size=11, optional=True)
    fig.nudged(at(0, 0), "0", [(-8, 13), (8, 13)], size=11, optional=True)
    return fig, at


def _read(part: PartBuilder, found: Reading, variable: str, label: str) -> None:
    """A reading as an answer, its accepted range on its B mark and in ``satisfies``."""
    value = Working(part.q, str(found.value), fractions=False)
    part.answer(value.machine, label=label, plain=value.plain, latex=value.latex,
                variable=variable, satisfies=found.relation(variable))  # fmt: skip
    part.mark("B", f"${variable} = {value.latex}$, accept ${found.accepted}$", value=value.machine)


def _solutions(curve: sympy.Expr, rhs: sympy.Expr) -> list[sympy.Expr]:
    """The real solutions of curve = rhs (a quadratic), in order; the variant is rejected if
    they are rational (whole numbers or halves: nothing to read) or not two."""
    a, b, c = sympy.Poly(curve - rhs, x).all_coeffs()
    disc = b**2 - 4 * a * c
    if disc <= 0 or sympy.sqrt(disc).is_rational:
        raise Reject("the equation has no two non-whole solutions to read")
    return sorted([(-b - sympy.sqrt(disc)) / (2 * a), (-b + sympy.sqrt(disc)) / (2 * a)], key=float)


def _readings(roots: list[sympy.Expr]) -> list[Reading]:
    return [reading(R(round(float(r), 6)), [R(round(float(r), 6))], resolution=X_READ, tolerance=X_READ / 2)
            for r in roots]  # fmt: skip


def _solve_part(q: QuestionBuilder, label: str, text: str, roots: list[sympy.Expr],
                relation_rhs: str) -> tuple[PartBuilder, list[Reading]]:  # fmt: skip
    found = _readings(roots)
    part = q.part(label, text, marks=2, command="Determine")
    shown = " and ".join(f"$x = {number(f.value)}$" for f in found)
    part.step(f"Where the curve meets {relation_rhs}: {shown}")
    for f in found:
        _read(part, f, "x", "x")
    return part, found


def _line(
    rng: random.Random, curve: sympy.Expr, x_range: tuple[int, int], y_range: tuple[int, int]
) -> tuple[Rational, Rational]:
    """A line y = mx + d meeting the curve twice inside the grid, at x-values to read."""
    (x0, x1), (y0, y1) = x_range, y_range
    options = []
    roots = [float(r) for r in _solutions(curve, 0)]
    for m in (-2, -1, 1, 2):
        for d in range(y0 + 1, y1):
            try:
                meets = _solutions(curve, m * x + d)
                _readings(meets)
            except Reject:
                continue
            # clear of the curve's roots (not where the line crosses the x-axis on the curve)
            apart = all(abs(float(r) - t) > 0.3 for r in meets for t in roots)
            if apart and all(x0 < float(r) < x1 for r in meets) and d != curve.subs(x, 0):
                options.append((R(m), R(d)))
    if not options:
        raise Reject("no straight line meets the curve twice inside the graph")
    return rng.choice(options)


def _clip(m: Rational, d: Rational, x_range: tuple[int, int], y_range: tuple[int, int]
          ) -> list[tuple[Rational, Rational]]:  # fmt: skip
    """The ends of y = mx + d inside the grid."""
    (x0, x1), (y0, y1) = x_range, y_range
    ends = [(R(v), m * v + d) for v in (x0, x1) if y0 <= m * v + d <= y1]
    ends += [((v - d) / m, R(v)) for v in (y0, y1) if x0 <= (v - d) / m <= x1]
    ends = sorted(set(ends))
    return [ends[0], ends[-1]]


@register
class CurveSolving(Template):
    key = "algebra.curve_solving"
    title = "Using the graph of a quadratic function to solve equations"
    codes = {Tier.CORE: ("C2.10",), Tier.EXTENDED: ("E2.10",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:  # noqa: C901, PLR0915 - one part after another
        extended = q.tier == Tier.EXTENDED
        s = -1 if difficulty in (2, 5) and rng.random() < 0.5 else 1
        # From difficulty 3 the turning point is asked for: on a grid line of x.
        h = R(rng.choice([-1, 0, 1])) if difficulty >= 3 else R(rng.choice([-2, -1, 0, 1, 2]), 2)
        half_width = 3 if h.is_integer else R(5, 2)
        # (x - h)^2 = D at y = 0: D not a square, both roots inside the graph
        choices = [c for c in range(-9, 10)
                   if 1 < h**2 - s * c < half_width**2 and not sympy.sqrt(h**2 - s * c).is_rational]  # fmt: skip
        c = R(rng.choice(choices))
        b = -2 * s * h
        curve = sympy.expand(s * x**2 + b * x + c)
        x0, x1 = int(sympy.ceiling(h - half_width)), int(sympy.floor(h + half_width))
        ys = [curve.subs(x, v) for v in range(x0, x1 + 1)] + [curve.subs(x, h)]
        span = max(ys) - min(ys)
        y_step = 1 if span <= 8 else 2
        y0 = int(math.floor(min(min(ys), 0) / y_step)) * y_step
        y1 = int(math.ceil(max(max(ys), 0) / y_step)) * y_step
        # The turning point not on the edge of the grid: a numbered line beyond it.
        if s > 0 and min(ys) - y0 < R(y_step, 2):
            y0 -= y_step
        if s < 0 and y1 - max(ys) < R(y_step, 2):
            y1 += y_step
        y_read = R(y_step, 10)
        q.param("s", s)
        coefficients(q, "f", sympy.Poly(curve, x).all_coeffs())
        q.given("x0", x0)
        q.given("x1", x1)
        fig, at = function_grid((x0, x1), (y0, y1), y_step)
        xs = [x0 + R(x1 - x0, 120) * i for i in range(121)]
        f = sympy.lambdify(x, curve)
        fig.curve([at(float(v), float(f(float(v)))) for v in xs])
        # From difficulty 4 a straight line: drawn (Core, to read where it meets the curve) or
        # to be found and drawn (Extended, to solve another equation).
        line = _line(rng, curve, (x0, x1), (y0, y1)) if difficulty >= 4 else None
        if line and not extended:
            start, end = _clip(*line, (x0, x1), (y0, y1))
            fig.line(at(float(start[0]), float(start[1])), at(float(end[0]), float(end[1])))
            near = (start[0] + (end[0] - start[0]) / 5, start[1] + (end[1] - start[1]) / 5)
            fig.place(at(float(near[0]), float(near[1])), f"y = {line_rhs(*line)}"
                      .replace("-", MINUS), size=13, gap=(12, 18, 26))  # fmt: skip
        q.diagram_svg = fig.svg()
        curve_tex = tex(curve)
        q.title = "Graph of a quadratic function"
        q.stem = (f"The graph of $y = {curve_tex}$ is drawn on the grid for "
                  f"${x0} \\le x \\le {x1}$.")  # fmt: skip
        if line and not extended:
            q.stem += f"\nThe line $y = {line_rhs(*line)}$ is also drawn on the grid."
            coefficients(q, "l", [line[0], line[1]])
        labels = iter("abcdefgh")

        # f(x) = 0
        roots = _solutions(curve, 0)
        part, found = _solve_part(q, next(labels), f"Use the graph to solve the equation "
                                  f"${curve_tex} = 0$.", roots, "the $x$-axis")  # fmt: skip
        wrong(part, f"{number(-found[1].value)}, {number(-found[0].value)}",
              "gave the solutions with the wrong signs")  # fmt: skip
        if c != 0:
            wrong(part, f"{number(c)}", "gave where the curve crosses the $y$-axis")

        # the line of symmetry
        part = q.part(next(labels), "Write down the equation of the line of symmetry of the "
                      "graph.", marks=1, command="Write down")  # fmt: skip
        part.step(f"The curve is symmetrical about the vertical line through its turning point, "
                  f"$x = {frac(h)}$", sympy.Eq(sympy.Symbol("x"), h))  # fmt: skip
        part.answer(sympy.Eq(sympy.Symbol("x"), h), kind=AnswerKind.EQUATION,
                    latex=f"x = {frac(h)}", plain=f"x = {frac_plain(h)}")  # fmt: skip
        part.mark("B", f"$x = {frac(h)}$", value=sympy.Eq(sympy.Symbol("x"), h),
                  qualifiers=["oe"])  # fmt: skip
        wrong(part, f"y = {frac_plain(h)}", "wrote $y =$ for a vertical line",
              latex=f"y = {frac(h)}")  # fmt: skip

        # f(x) = k
        if difficulty >= 2:
            top = max(ys) if s > 0 else min(ys)
            vertex = curve.subs(x, h)
            ks = [k for k in range(int(min(vertex, top)) + 1, int(max(vertex, top)))
                  if k not in (0, c) and not sympy.sqrt(s * (k - vertex)).is_rational
                  and abs(sympy.sqrt(s * (k - vertex))) < half_width]  # fmt: skip
            if not ks:
                raise Reject("no value of k with two solutions to read")
            k = R(rng.choice(ks))
            q.given("yk", k)
            part, at_k = _solve_part(q, next(labels), f"Use the graph to solve the equation "
                                     f"${curve_tex} = {number(k)}$.", _solutions(curve, k),
                                     f"the line $y = {number(k)}$")  # fmt: skip
            if not any(f.contains(found[0].value) or f.contains(found[1].value) for f in at_k):
                wrong(part, f"{number(found[0].value)}, {number(found[1].value)}",
                      "solved the equation = 0 instead, reading where the curve crosses the "
                      "$x$-axis")  # fmt: skip

        # the turning point
        vertex = curve.subs(x, h)
        if difficulty >= 3:
            part = q.part(next(labels), "Write down the coordinates of the turning point of the "
                          "graph.", marks=1, command="Write down")  # fmt: skip
            kind = "lowest" if s > 0 else "highest"
            point = (h, vertex)
            part.step(f"The {kind} point of the curve, on the line of symmetry: "
                      f"$({frac(h)}, {frac(vertex)})$", point)  # fmt: skip
            part.answer(point, kind=AnswerKind.COORDINATES, latex=f"({frac(h)}, {frac(vertex)})",
                        plain=f"({frac_plain(h)}, {frac_plain(vertex)})")  # fmt: skip
            part.mark("B", f"$({frac(h)}, {frac(vertex)})$", value=point)
            if h != vertex:
                wrong(part, f"({frac_plain(vertex)}, {frac_plain(h)})",
                      "wrote the coordinates the wrong way round")  # fmt: skip
            if c != vertex:
                wrong(part, f"(0, {frac_plain(c)})", "gave where the curve crosses the $y$-axis")

        # Extended: the straight line to draw to solve another quadratic
        if extended and difficulty >= 4:
            assert line is not None  # chosen with the curve for these variants
            m, d = line
            other = sympy.expand(curve - m * x - d)
            coefficients(q, "g", sympy.Poly(other, x).all_coeffs())
            to_draw = sympy.Eq(sympy.Symbol("y"), m * sympy.Symbol("x") + d)
            part = q.part(next(labels), "Write down the equation of the straight line you "
                          f"would draw on the grid to solve the equation ${tex(other)} = 0$.",
                          marks=1, command="Write down")  # fmt: skip
            part.step(f"${tex(other)} = 0$ is ${curve_tex} = {line_rhs(m, d)}$, so draw the line "
                      f"$y = {line_rhs(m, d)}$", to_draw)  # fmt: skip
            part.answer(to_draw, kind=AnswerKind.EQUATION, latex=f"y = {line_rhs(m, d)}",
                        plain=f"y = {line_rhs(m, d).replace(' ', '')}")  # fmt: skip
            part.mark("B", f"$y = {line_rhs(m, d)}$", value=to_draw, qualifiers=["oe"])
            wrong(part, f"y = {line_rhs(-m, -d).replace(' ', '')}",
                  "moved the terms across without changing their signs",
                  latex=f"y = {line_rhs(-m, -d)}")  # fmt: skip
            meets = _solutions(curve, m * x + d)
            part, meets_at = _solve_part(q, next(labels), "Draw this line on the grid and use it to "
                                  f"solve the equation ${tex(other)} = 0$.", meets,
                                  f"the line $y = {line_rhs(m, d)}$")  # fmt: skip
            if not any(f.contains(r.value) for f in meets_at for r in found):
                wrong(part, f"{number(found[0].value)}, {number(found[1].value)}",
                      "gave where the curve crosses the $x$-axis instead of where it meets the "
                      "line")  # fmt: skip

        # Core: where the line drawn meets the curve
        if line and not extended:
            m, d = line
            meets = _solutions(curve, m * x + d)
            across = _readings(meets)
            up = [reading(R(round(float(m * r + d), 6)), [R(round(float(m * r + d), 6))],
                          resolution=y_read, tolerance=y_read / 2) for r in meets]  # fmt: skip
            part = q.part(next(labels), f"Write the coordinates of the two points where the line "
                          f"$y = {line_rhs(m, d)}$ meets the curve.", marks=4,
                          command="Write")  # fmt: skip
            shown = " and ".join(f"$({number(a.value)}, {number(b.value)})$"
                                 for a, b in zip(across, up, strict=True))  # fmt: skip
            part.step(f"Where the line crosses the curve: {shown}")
            for a, b in zip(across, up, strict=True):
                _read(part, a, "x", "x")
                _read(part, b, "y", "y")
            wrong(part, "; ".join(f"{number(f.value)}, 0" for f in found),
                  "gave where the curve crosses the $x$-axis")  # fmt: skip

        # Extended: a tangent and the gradient of the curve
        if extended and difficulty == 5:
            at_x = rng.choice([v for v in range(x0 + 1, x1) if v != h])
            slope = sympy.diff(curve, x).subs(x, at_x)
            q.given("t", at_x)
            part = q.part(next(labels), f"By drawing a suitable tangent, estimate the gradient "
                          f"of the curve at the point where $x = {at_x}$.", marks=3,
                          command="Work out")  # fmt: skip
            part.step(f"Draw a ruled tangent touching the curve at $x = {at_x}$, then gradient "
                      f"$= \\frac{{\\text{{change in }} y}}{{\\text{{change in }} x}}$ for two "
                      "points on it far apart")  # fmt: skip
            band = reading(slope, [slope], resolution=R(1, 10), tolerance=R(1, 2))
            part.step(f"Gradient $\\approx {number(slope)}$", slope)
            part.answer(slope, label="gradient", variable="g", satisfies=band.relation("g"))
            part.mark("B", f"ruled tangent at $x = {at_x}$")
            part.mark("M", "change in $y$ $\\div$ change in $x$ for their tangent",
                      partial=["dep on a tangent drawn, or a close attempt"])  # fmt: skip
            part.mark("A", f"${number(slope)}$, accept ${band.accepted}$", value=slope)
            misconception(part, Misconception("gave the y-value of the curve at the point "
                                              "instead of the gradient", curve.subs(x, at_x)))  # fmt: skip
            misconception(part, Misconception("divided the change in x by the change in y",
                                              1 / slope if slope else 0))  # fmt: skip

        # the value of k for which f(x) = k has one solution
        if difficulty == 5:
            part = q.part(next(labels), f"The equation ${curve_tex} = k$ has exactly one "
                          "solution.\nWrite down the value of $k$.", marks=1,
                          command="Write down")  # fmt: skip
            one = reading(vertex, [vertex], resolution=y_read, tolerance=y_read / 2)
            value = Working(q, str(one.value), fractions=False)
            final(part, value, step=f"The line $y = k$ touches the curve only at the turning "
                  f"point: $k = {value.latex}$", awarded_for=f"$k = {value.latex}$",
                  variable="k", satisfies=one.relation("k"), label="k")  # fmt: skip
            misconception(part, Misconception("gave the x-coordinate of the turning point", h))
