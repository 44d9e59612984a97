"""Sketching curves (2.11), a second kind: recognise a graph from its shape — sketches of
linear and quadratic graphs (Core; with cubic, reciprocal and exponential graphs, Extended),
each lettered, and the letter of the sketch for each equation; then (difficulty 3 up) the
key features of the quadratic sketched, from its completed-square form: the turning point,
where it crosses the y-axis, its line of symmetry and (difficulty 5) its roots."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Rational

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    wrong,
)
from generation.engine.authoring.algebraic import tex, x
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.text import words
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

R = Rational
WINDOW = 4  # each sketch shows -3 <= x <= 3 and -4 <= y <= 4 (not to scale)
PANEL = 6.0  # model units a sketch across and up
GAP = 2.6  # between sketches


@dataclass(frozen=True)
class _Curve:
    family: str  # "quadratic (min)", … the shape a candidate recognises
    expr: sympy.Expr
    shown: str  # the equation's right-hand side as printed (LaTeX)
    # the family a candidate confuses it with, and what they did
    confused: tuple[str, str]


def _families(rng: random.Random, extended: bool, p: int, qv: int) -> dict[str, _Curve]:
    """One curve of each family; the quadratic with a minimum is y = (x - p)^2 + q."""
    a, b = rng.randint(1, 3), rng.randint(1, 3)
    c = rng.choice([2, 3])
    k = rng.choice([1, 2, 3])
    quad = (x - p) ** 2 + qv
    curves = {
        "linear up": _Curve("linear up", a * x + b, tex(a * x + b),
                            ("linear down", "took the sign of the gradient the wrong way")),
        "linear down": _Curve("linear down", b - a * x, f"{b} - {'' if a == 1 else a}x",
                              ("linear up", "took the sign of the gradient the wrong way")),
        "quadratic min": _Curve("quadratic min", quad, f"(x {'-' if p > 0 else '+'} {abs(p)})^2 "
                                f"{'-' if qv < 0 else '+'} {abs(qv)}",
                                ("quadratic max", "chose a curve with a maximum for a positive "
                                 "$x^2$ term")),
        "quadratic max": _Curve("quadratic max", c - x**2, f"{c} - x^2",
                                ("quadratic min", "chose a curve with a minimum for a negative "
                                 "$x^2$ term")),
    }  # fmt: skip
    if not extended:
        curves["horizontal"] = _Curve("horizontal", sympy.Integer(c), str(c),
                                      ("", ""))  # fmt: skip
        return curves
    curves |= {
        "cubic": _Curve("cubic", x**3, "x^3",
                        ("quadratic min", "took a curve with a minimum for $x^3$")),
        "reciprocal": _Curve("reciprocal", k / x, f"\\frac{{{k}}}{{x}}",
                             ("exponential", "took the exponential curve for a reciprocal")),
        "exponential": _Curve("exponential", 2**x if c == 2 else 3**x, f"{c}^x",
                              ("reciprocal", "took the reciprocal curve for an exponential")),
    }  # fmt: skip
    return curves


def _pieces(f: Callable[[float], float]) -> list[list[tuple[float, float]]]:
    """The curve inside the window as unbroken pieces (a reciprocal has two)."""
    out: list[list[tuple[float, float]]] = [[]]
    for i in range(241):
        t = -3 + 6 * i / 240
        try:
            y = f(t)
        except ZeroDivisionError:
            y = float("inf")
        if abs(y) <= WINDOW - 0.8 and abs(t) <= 2.8:  # clear of the axes' letters
            out[-1].append((t, y))
        elif out[-1]:
            out.append([])
    return [p for p in out if len(p) > 1]


def _sketches(panels: list[tuple[str, _Curve]]) -> str:
    """The sketches in rows of three, each with its axes (x, y and O) and its letter below."""
    fig = Figure("Sketches of graphs", scale=24.0, pad=16.0)
    fig.note("")
    for n, (letter, curve) in enumerate(panels):
        ox = (n % 3) * (PANEL + GAP)
        oy = -(n // 3) * (PANEL + GAP + 0.6)

        def at(px: float, py: float, ox: float = ox, oy: float = oy) -> tuple[float, float]:
            return (ox + PANEL / 2 + px * PANEL / 6, oy + py * PANEL / (2 * WINDOW))

        fig.line(at(-3, 0), at(3, 0)).line(at(0, -WINDOW), at(0, WINDOW))
        fig.text(at(3, 0), "x", dx=8, dy=4, size=12, italic=True)
        fig.text(at(0, WINDOW), "y", dx=7, dy=4, size=12, italic=True)
        fig.text(at(0, -WINDOW), letter, dy=24, size=16)
        f = sympy.lambdify(x, curve.expr)
        # The quadratic's minimum and both roots inside its sketch: squeezed to fit (a sketch
        # is not to scale; its shape and where it cuts the axes are what it shows).
        sx, sy = 1.0, 1.0
        if curve.family == "quadratic min":
            b = sympy.Poly(curve.expr, x).all_coeffs()[1]
            lowest = float(curve.expr.subs(x, -b / 2))
            roots = [abs(float(r)) for r in sympy.solve(curve.expr, x) if r.is_real]
            sx = max(1.0, (max(roots, default=0) + 0.3) / 2.8)
            sy = max(1.0, (abs(lowest) + 0.4) / (WINDOW - 0.8))

        def scaled(t: float, f: Any = f, sx: float = sx, sy: float = sy) -> float:
            return float(f(t * sx)) / sy

        for piece in _pieces(scaled):
            fig.curve([at(px, py) for px, py in piece])
    return fig.svg()


@register
class CurveRecognition(Template):
    key = "algebra.curve_recognition"
    title = "Sketching curves: matching equations to sketches and reading key features"
    codes = {Tier.CORE: ("C2.11",), Tier.EXTENDED: ("E2.11",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        extended = q.tier == Tier.EXTENDED
        p = rng.choice([-1, 1])  # the minimum inside the sketch, both sides of it shown
        # roots p ± n (whole numbers) when they are asked for, else any minimum below the axis
        # From difficulty 4 the roots are asked for: p ± n, whole numbers, or (Extended,
        # difficulty 5) surds.
        n: sympy.Expr | None = None
        if difficulty >= 4:
            surd = extended and difficulty == 5
            n = sympy.sqrt(rng.choice([2, 3])) if surd else sympy.Integer(rng.choice([1, 2]))
        qv = int(-(n**2)) if n is not None else rng.choice([-3, -2, -1, 1, 2])
        curves = _families(rng, extended, p, qv)
        order = list(curves)
        if extended:  # six sketches: one of the straight lines or the maximum left out
            order.remove(rng.choice(["linear up", "linear down", "quadratic max"]))
        rng.shuffle(order)
        letters = "ABCDEF"[: len(order)]
        letter_of = {family: letters[i] for i, family in enumerate(order)}
        for family, letter in letter_of.items():
            q.param(f"sketch {letter}", family)
        q.diagram_svg = _sketches([(letter_of[f], curves[f]) for f in order])
        q.title = "Recognising graphs from sketches"
        q.stem = f"Here are sketches of {len(order)} graphs, labelled " \
                 f"{', '.join(letters[:-1])} and {letters[-1]}."  # fmt: skip
        # From difficulty 3 the later parts name the quadratic's sketch, so its letter is not
        # asked for.
        pool = [f for f in order if difficulty < 3 or f != "quadratic min"]
        asked = rng.sample(pool, (4 if difficulty == 2 else 3) + extended)
        labels = iter("abcdefghij")
        for family in asked:
            curve = curves[family]
            part = q.part(next(labels), f"Write down the letter of the sketch of "
                          f"$y = {curve.shown}$.", marks=1, command="Write down")  # fmt: skip
            letter = letter_of[family]
            part.step(f"$y = {curve.shown}$ is {_describe(family)}: sketch {letter}")
            part.answer(None, kind=AnswerKind.TEXT, plain=letter, latex=words(letter),
                        label=f"y = {curve.shown}")  # fmt: skip
            part.mark("B", letter)
            other, error = curve.confused
            if other in letter_of:
                wrong(part, letter_of[other], error, latex=words(letter_of[other]))
        if difficulty >= 3:
            self._features(q, labels, p, qv, n, letter_of["quadratic min"], difficulty)

    @staticmethod
    def _features(q: QuestionBuilder, labels: Iterator[str], p: int, qv: int, n: int | None,
                  letter: str, difficulty: int) -> None:  # fmt: skip
        """The completed square's turning point, y-intercept, symmetry and roots."""
        pp = q.given("p", abs(p))
        qq = q.given("q", abs(qv))
        h, k = R(p), R(qv)
        shown = f"(x {'-' if p > 0 else '+'} {pp})^2 {'-' if qv < 0 else '+'} {qq}"
        hs = "p" if p > 0 else "-p"  # h and k over the givens
        ks = "q" if qv > 0 else "-q"
        part = q.part(next(labels), f"Sketch {letter} is the graph of $y = {shown}$.\nWrite down "
                      "the coordinates of its turning point.", marks=1, command="Write down")  # fmt: skip
        part.step(f"$(x {'-' if p > 0 else '+'} {pp})^2 \\ge 0$, least when $x = {h}$: the "
                  f"minimum point is $({h}, {k})$", (hs, ks))  # fmt: skip
        part.answer((hs, ks), kind=AnswerKind.COORDINATES, latex=f"({h}, {k})", plain=f"({h}, {k})")
        part.mark("B", f"$({h}, {k})$", value=(hs, ks))
        wrong(part, f"({-h}, {k})", "took the number in the bracket without changing its sign")
        part = q.part(next(labels), "Find the $y$-coordinate of the point where this graph "
                      "crosses the $y$-axis.", marks=2, command="Work out")  # fmt: skip
        cut = Working(q, f"(0 - ({hs}))**2 + ({ks})",
                      latex=f"(0 {'-' if p > 0 else '+'} {pp})^2 {'-' if qv < 0 else '+'} {qq}")  # fmt: skip
        method(part, cut, step="At $x = 0$: " + cut.equation("y"))
        final(part, cut, step="", label="y")
        misconception(part, Misconception("subtracted the square instead of adding it",
                                          f"-({hs})**2 + ({ks})", ()))  # fmt: skip
        misconception(part, Misconception("gave the y-coordinate of the turning point", ks))
        if difficulty >= 4:
            part = q.part(next(labels), "Write down the equation of its line of symmetry.",
                          marks=1, command="Write down")  # fmt: skip
            line = sympy.Eq(sympy.Symbol("x"), h)
            part.step(f"The vertical line through the turning point: $x = {h}$", line)
            part.answer(line, kind=AnswerKind.EQUATION, latex=f"x = {h}", plain=f"x = {h}")
            part.mark("B", f"$x = {h}$", value=line)
            wrong(part, f"x = {-h}", "took the number in the bracket without changing its sign")
        if n is not None:
            exact = "" if sympy.sympify(n).is_Integer else "\nGive your answers in exact form."
            part = q.part(next(labels), f"Solve the equation ${shown} = 0$ to find where the "
                          f"graph crosses the $x$-axis.{exact}", marks=3, command="Work out")  # fmt: skip
            part.step(f"$(x {'-' if p > 0 else '+'} {pp})^2 = {qq}$", "q")
            part.mark("M", f"$(x {'-' if p > 0 else '+'} {pp})^2 = {qq}$", value="q",
                      qualifiers=["oe"])  # fmt: skip
            part.step(f"$x {'-' if p > 0 else '+'} {pp} = \\pm {tex(n)}$", "sqrt(q)")
            part.mark("M", f"$x {'-' if p > 0 else '+'} {pp} = \\pm {tex(n)}$", value="sqrt(q)",
                      qualifiers=["oe"])  # fmt: skip
            roots = [h - n, h + n]
            part.step(f"$x = {tex(roots[0])}$ or $x = {tex(roots[1])}$")
            relation = f"Eq((x - ({hs}))**2 + ({ks}), 0)"
            for r in roots:
                part.answer(r, label="x", variable="x", satisfies=relation, latex=tex(r),
                            plain=sympy.sstr(r))  # fmt: skip
            part.mark("A", f"$x = {tex(roots[0])}$ and $x = {tex(roots[1])}$", value=roots[0],
                      qualifiers=[] if sympy.sympify(n).is_Integer else ["cao"])  # fmt: skip
            wrong(part, f"{sympy.sstr(-roots[1])}, {sympy.sstr(-roots[0])}",
                  "took the number in the bracket without changing its sign",
                  latex=f"{tex(-roots[1])}, {tex(-roots[0])}")  # fmt: skip
            wrong(part, sympy.sstr(h + n), "took only the positive square root",
                  latex=tex(h + n))  # fmt: skip


def _describe(family: str) -> str:
    return {
        "linear up": "a straight line with a positive gradient",
        "linear down": "a straight line with a negative gradient",
        "horizontal": "a horizontal straight line",
        "quadratic min": "a parabola with a minimum (positive $x^2$ term)",
        "quadratic max": "a parabola with a maximum (negative $x^2$ term)",
        "cubic": "a cubic curve rising from bottom left to top right",
        "reciprocal": "a reciprocal curve in two parts, with the axes as asymptotes",
        "exponential": "an exponential curve, close to the $x$-axis on the left, crossing the "
        "$y$-axis at 1",
    }[family]
