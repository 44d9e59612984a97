"""Cumulative frequency (E9.6): reading the median, quartiles, interquartile range, a
percentile and "how many more than" from a cumulative frequency curve.

Two forms, as on 0580 papers: the curve is printed and read from; or the candidate completes
the cumulative frequency table and draws the curve on the grid given (points at the upper
bounds, a smooth curve through them). The curve is a monotone cubic (Fritsch–Carlson) through
the points, with exact rational coefficients; a value read from it is given to half a small
square and the mark scheme accepts a range: from the printed curve (or, for the candidate's
own curve, from the curve and the polygon through the same points) widened by a small square.
"""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, text
from generation.engine.authoring.figures import Graph, Reading, reading, scale
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._grouped import AXIS, MEASURES, grouped_table
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

Point = tuple[Rational, Rational]
_T = sympy.Symbol("t", real=True)


class Curve:
    """The cumulative frequency curve through ``points`` (a monotone cubic), and the polygon
    through the same points."""

    def __init__(self, points: list[Point]) -> None:
        self.points = points
        secants = [
            (y1 - y0) / (x1 - x0) for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False)
        ]
        inner = [
            2 / (1 / a + 1 / b) if a > 0 and b > 0 else Rational(0)
            for a, b in zip(secants, secants[1:], strict=False)
        ]
        self.slopes = [secants[0], *inner, secants[-1]]

    def _segment(self, i: int) -> Any:
        """The cubic on the i-th interval, in t from 0 to 1."""
        (x0, y0), (x1, y1) = self.points[i], self.points[i + 1]
        h, m0, m1, t = x1 - x0, self.slopes[i], self.slopes[i + 1], _T
        return sympy.expand(
            (2 * t**3 - 3 * t**2 + 1) * y0
            + (t**3 - 2 * t**2 + t) * h * m0
            + (-2 * t**3 + 3 * t**2) * y1
            + (t**3 - t**2) * h * m1
        )

    def drawn(self, per_segment: int = 12) -> list[tuple[float, float]]:
        out = [(float(self.points[0][0]), float(self.points[0][1]))]
        for i in range(len(self.points) - 1):
            (x0, _), (x1, _) = self.points[i], self.points[i + 1]
            cubic = self._cubic(i)
            for j in range(1, per_segment + 1):
                t = Fraction(j, per_segment)
                out.append((float(x0 + (x1 - x0) * Rational(j, per_segment)), float(cubic(t))))
        return out

    def _interval(self, y: Any) -> int:
        for i in range(len(self.points) - 1):
            if self.points[i][1] <= y <= self.points[i + 1][1]:
                return i
        raise ValueError(y)

    def x_at(self, y: Any) -> Rational:
        """The value at cumulative frequency ``y`` (the exact cubic, bisected to 30 figures)."""
        i = self._interval(y)
        (x0, _), (x1, _) = self.points[i], self.points[i + 1]
        cubic, target = self._cubic(i), Fraction(str(y))
        low, high = Fraction(0), Fraction(1)
        for _ in range(100):  # the cubic increases on [0, 1]: bisect to 2^-100
            middle = (low + high) / 2
            low, high = (middle, high) if cubic(middle) < target else (low, middle)
        return Rational(str(sympy.N(x0 + (x1 - x0) * Rational(low.numerator, low.denominator), 30)))

    def _cubic(self, i: int) -> Any:
        """The i-th segment's cubic as a function of t over exact fractions."""
        coefficients = sympy.Poly(self._segment(i), _T).all_coeffs()
        a, b, c, d = (Fraction(str(k)) for k in [0] * (4 - len(coefficients)) + coefficients)
        return lambda t: ((a * t + b) * t + c) * t + d

    def y_at(self, x: Any) -> Rational:
        i = next(j for j in range(len(self.points) - 1) if self.points[j + 1][0] >= x)
        (x0, _), (x1, _) = self.points[i], self.points[i + 1]
        return Rational(self._segment(i).subs(_T, (x - x0) / (x1 - x0)))

    def polygon_x(self, y: Any) -> Rational:
        (x0, y0), (x1, y1) = self.points[self._interval(y)], self.points[self._interval(y) + 1]
        return x0 + (Rational(y) - y0) / (y1 - y0) * (x1 - x0)

    def polygon_y(self, x: Any) -> Rational:
        i = next(j for j in range(len(self.points) - 1) if self.points[j + 1][0] >= x)
        (x0, y0), (x1, y1) = self.points[i], self.points[i + 1]
        return y0 + (Rational(x) - x0) / (x1 - x0) * (y1 - y0)


def iqr_part(
    q: QuestionBuilder,
    part: PartBuilder,
    n: int,
    readings: tuple[Reading, Reading, Reading],
    unit: str,
    wrong: tuple[str, Any],
) -> None:
    """An interquartile range read from a cumulative frequency curve of ``n`` values: the two
    quartiles' readings in the working, the range accepted, B1 for either quartile; the upper
    quartile given for the IQR and ``wrong`` as misconceptions."""
    lq, uq, iqr = readings
    part.step(
        f"Lower quartile at cumulative frequency ${number(Rational(n, 4))}$: "
        f"${number(lq.value)}$; upper quartile at ${number(Rational(3 * n, 4))}$: "
        f"${number(uq.value)}$"
    )
    _answer(
        q,
        part,
        iqr,
        f"Interquartile range $\\approx {number(uq.value)} - {number(lq.value)} = "
        f"{number(iqr.value)}$ {unit}",
        [("gave the upper quartile, not the interquartile range", uq.value), wrong],
        unit=unit,
        partial=[f"B1 for lower quartile ${lq.accepted}$ or upper quartile ${uq.accepted}$"],
    )


def _answer(
    q: QuestionBuilder,
    part: PartBuilder,
    found: Reading,
    step: str,
    wrongs: list[tuple[str, Any]],
    **kwargs: Any,
) -> None:
    """The reading as the answer, its accepted range on the mark line; wrong answers outside
    the range as misconceptions."""
    value = Working(q, str(found.value), fractions=False)
    final(
        part,
        value,
        step=step,
        awarded_for=f"${value.latex}$, accept ${found.accepted}$",
        variable="r",  # the reading, which the verifier checks is inside the accepted range
        satisfies=found.relation("r"),
        **kwargs,
    )
    for error, wrong in wrongs:
        if not found.contains(wrong):
            misconception(part, Misconception(error, Rational(wrong), fractions=False))


@register
class CumulativeFrequency(Template):
    key = "statistics.cumulative_frequency"
    title = "Cumulative frequency curves: median, quartiles, interquartile range and percentiles"
    codes = {Tier.EXTENDED: ("E9.6",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:  # noqa: C901, PLR0915 - one part after another
        what, var, unit, start, width = rng.choice(MEASURES)
        k = 5 if difficulty <= 3 else 6
        n = rng.choice(
            {1: [40, 60], 2: [60, 80], 3: [80, 100], 4: [100, 120], 5: [120, 200]}[difficulty]
        )
        # Frequencies rising then falling, adding to n.
        weights = [rng.randint(1, 4) for _ in range(k)]
        weights[k // 2] += 4
        weights[k // 2 - 1] += 2
        freqs = [max(1, round(n * w / sum(weights))) for w in weights]
        freqs[k // 2] += n - sum(freqs)
        if min(freqs) < 1:
            raise Reject("awkward frequencies")
        bounds = [start + width * i for i in range(k + 1)]
        cumulative = [sum(freqs[: i + 1]) for i in range(k)]
        curve = Curve(
            [(Rational(b), Rational(c)) for b, c in zip(bounds, [0, *cumulative], strict=False)]
        )
        q.param("context", var)
        q.given("n", n)
        y_axis = scale(0, n)
        graph = Graph(
            "Cumulative frequency",
            (bounds[0], bounds[-1], width),
            y_axis,
            x_title=AXIS[var],
            y_title="Cumulative frequency",
        )
        x_read = Rational(str(width)) / graph.minor[0]  # a small square across
        y_read = Rational(str(y_axis[2])) / graph.minor[1]
        drawn = difficulty <= 2  # the curve is printed; else the candidate draws it
        labels = iter("abcdefg")

        def read_x(position: Any) -> Reading:
            band = [] if drawn else [curve.polygon_x(position)]
            return reading(curve.x_at(position), band, resolution=x_read / 2, tolerance=x_read / 2)

        whose = "the cumulative frequency curve" if drawn else "your cumulative frequency curve"
        if drawn:
            graph.curve(curve.drawn())
            for b, c in zip(bounds, [0, *cumulative], strict=False):
                q.param(f"cf{b}", c)  # read from the curve, not stated
            q.stem = (
                f"The cumulative frequency curve shows information about {what.format(n=f'${n}$')}."
            )
        else:
            for i, f in enumerate(freqs):
                q.given(f"f{i}", f)
            q.stem = f"The table shows {what.format(n=f'${n}$')}. " + (
                f"${grouped_table(var, bounds, 'Frequency', [str(f) for f in freqs])}$"
            )
            self._table_and_curve(q, next(labels), next(labels), var, bounds, cumulative)
        q.title = "Cumulative frequency"
        q.diagram_svg = graph.svg()

        med = read_x(Rational(n, 2))
        part = q.part(
            next(labels),
            f"Use {whose} to find an estimate of the median.",
            marks=1,
            command="Determine",
        )
        _answer(
            q,
            part,
            med,
            f"Across from cumulative frequency $\\frac{{{n}}}{{2}} = {n // 2}$ to the curve, then "
            f"down: median $\\approx {number(med.value)}$ {unit}",
            [("gave the cumulative frequency of the median instead of its value", Rational(n, 2))],
            unit=unit,
        )

        if difficulty != 3:
            lq, uq = read_x(Rational(n, 4)), read_x(Rational(3 * n, 4))
            spread = [
                curve.x_at(Rational(3 * n, 4)) - curve.x_at(Rational(n, 4)),
                *(
                    []
                    if drawn
                    else [curve.polygon_x(Rational(3 * n, 4)) - curve.polygon_x(Rational(n, 4))]
                ),
            ]
            iqr = reading(spread[0], spread, resolution=x_read / 2, tolerance=x_read)
            iqr_part(
                q,
                q.part(
                    next(labels),
                    f"Use {whose} to find an estimate of the interquartile range.",
                    marks=2,
                    command="Determine",
                ),
                n,
                (lq, uq, iqr),
                unit,
                ("added the quartiles instead of subtracting", uq.value + lq.value),
            )

        if difficulty in (2, 4, 5):
            # A cut-off on a numbered line inside a middle class.
            cuts = [bounds[i] + Rational(width, 2) for i in range(1, k - 1)]
            cut = rng.choice(cuts)
            q.given("X", cut)
            band = [] if drawn else [curve.polygon_y(cut)]
            below = reading(
                curve.y_at(cut), band, resolution=max(y_read / 2, 1), tolerance=max(y_read / 2, 1)
            )
            more = Reading(n - below.value, n - below.high, n - below.low)
            part = q.part(
                next(labels),
                f"Use {whose} to find an estimate of the number of values greater than "
                f"${number(cut)}$ {unit}.",
                marks=2,
                command="Determine",
            )
            method(
                part,
                Working(q, f"n - {below.value}", fractions=False),
                f"${n} - {number(below.value)}$ (their reading at ${number(cut)}$)",
                step=f"Up from ${number(cut)}$ to the curve, then across: cumulative frequency "
                f"$\\approx {number(below.value)}$, so ${n} - {number(below.value)}$",
                qualifiers=["oe"],
            )
            _answer(
                q,
                part,
                more,
                "",
                [("gave the number of values less than the cut-off", below.value)],
            )

        if difficulty == 5:
            pct = rng.choice([10, 20, 80, 90])
            q.given("pct", pct)
            position = Working(q, "pct*n/100", fractions=False)
            found = read_x(position.value)
            part = q.part(
                next(labels),
                f"Use {whose} to find an estimate of the {pct}th percentile.",
                marks=2,
                command="Determine",
            )
            method(
                part,
                position,
                f"cumulative frequency ${number(position.value)}$",
                step=f"The {pct}th percentile is at cumulative frequency "
                f"${pct}\\% \\times {n} = {number(position.value)}$",
                qualifiers=["soi"],
            )
            _answer(
                q,
                part,
                found,
                f"Across from ${number(position.value)}$ to the curve, then down: "
                f"$\\approx {number(found.value)}$ {unit}",
                [("gave the cumulative frequency instead of the value", position.value)],
                unit=unit,
            )

    @staticmethod
    def _table_and_curve(
        q: QuestionBuilder,
        table_label: str,
        curve_label: str,
        var: str,
        bounds: list[int],
        cumulative: list[int],
    ) -> None:
        """Complete the cumulative frequency table, then draw the curve on the grid."""
        rows = [[text.words("Class"), text.words("Cumulative frequency")]]
        rows += [[f"{var} \\le {number(b)}", ""] for b in bounds[1:]]
        part = q.part(
            table_label,
            f"Complete the cumulative frequency table. ${text.table(rows)}$",
            marks=2,
            command="Write",
        )
        sums = [" + ".join(f"f{j}" for j in range(i + 1)) for i in range(len(cumulative))]
        for b, c, s in zip(bounds[1:], cumulative, sums, strict=False):
            part.step(f"${var} \\le {number(b)}$: ${c}$", s)
            part.answer(s, label=f"{var} ≤ {number(b)}")
        part.step("Cumulative frequencies: " + ", ".join(map(str, cumulative)), tuple(cumulative))
        part.mark(
            "B",
            "Cumulative frequencies " + ", ".join(f"${c}$" for c in cumulative),
            2,
            value=tuple(cumulative),
            partial=["B1 for all but one correct"],
        )
        plotted = ", ".join(
            f"$({number(b)}, {c})$" for b, c in zip(bounds[1:], cumulative, strict=False)
        )
        part = q.part(
            curve_label,
            "On the grid, draw the cumulative frequency curve.",
            marks=3,
            command="Plot",
        )
        part.step(
            f"Plot each cumulative frequency at the upper bound of its class: {plotted}; start "
            f"the curve at $({number(bounds[0])}, 0)$ and join the points with a smooth curve."
        )
        words = "a cumulative frequency curve through the points at the upper bounds"
        part.answer(None, kind=AnswerKind.TEXT, plain=words, latex=text.words(words))
        part.mark(
            "B",
            f"points plotted at the upper bounds {plotted}",
            2,
            partial=["B1 for all but one point correct, or points plotted at the mid-points"],
        )
        part.mark(
            "B",
            f"smooth increasing curve (or polygon) through the points, from $({number(bounds[0])}, 0)$",
            1,
        )
