"""Scatter diagrams (9.5): plot the last points, pick out the point that does not follow the
trend, and use the mean point a line of best fit passes through (its gradient, an estimate)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    text,
)
from generation.engine.authoring.figures import Figure
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Data:
    intro: str  # "The table shows ... for {n} days."
    x_head: str
    y_head: str
    x_axis: tuple[int, int, int]  # low, high, step of one grid square
    y_axis: tuple[int, int, int]
    x_values: tuple[int, int]  # range the x values are drawn from
    slope: tuple[float, float]
    start: tuple[int, int]  # y at the lowest x
    spread: float
    x_noun: str  # "the number of hours of sunshine"
    y_noun: str  # "the number of ice creams sold"
    x_short: str  # "number of hours of sunshine", in "the mean ..."
    y_short: str


_DATA = [
    _Data(
        "The table shows the number of hours of sunshine and the number of ice creams sold at a "
        "beach café on each of {n} days.",
        "Hours of sunshine",
        "Ice creams sold",
        (0, 12, 1),
        (0, 100, 10),
        (1, 12),
        (5.5, 7.0),
        (12, 20),
        4.0,
        "the number of hours of sunshine",
        "the number of ice creams sold",
        "number of hours of sunshine",
        "number of ice creams sold",
    ),
    _Data(
        "The table shows the age and the value of each of {n} cars of the same model.",
        "Age (years)",
        "Value (1000s of dollars)",
        (0, 10, 1),
        (0, 20, 2),
        (1, 10),
        (-1.8, -1.4),
        (17, 19),
        0.8,
        "the age of the car",
        "the value of the car",
        "age",
        "value",
    ),
    _Data(
        "The table shows the temperature at midday and the number of hot drinks sold at a kiosk "
        "on each of {n} days.",
        "Temperature (°C)",
        "Hot drinks sold",
        (0, 24, 2),
        (0, 100, 10),
        (2, 24),
        (-3.4, -2.6),
        (85, 95),
        4.0,
        "the temperature",
        "the number of hot drinks sold",
        "temperature",
        "number of hot drinks sold",
    ),
    _Data(
        "The table shows the number of hours each of {n} students spent revising and their "
        "mark in a test.",
        "Hours revising",
        "Test mark",
        (0, 12, 1),
        (0, 100, 10),
        (1, 12),
        (4.5, 6.0),
        (22, 30),
        4.0,
        "the number of hours revising",
        "the test mark",
        "number of hours revising",
        "test mark",
    ),
]


def _figure(data: _Data, points: list[tuple[int, int]]) -> str:
    """The scatter diagram with the points already plotted (crosses), on squared paper."""
    (x0, x1, xs), (y0, y1, ys) = data.x_axis, data.y_axis
    cols, rows = (x1 - x0) // xs, (y1 - y0) // ys
    fig = Figure(f"Scatter diagram of {data.y_head} against {data.x_head}", scale=24.0)
    fig.note("")
    for i in range(cols + 1):
        fig.gridline((i, 0), (i, rows))
    for j in range(rows + 1):
        fig.gridline((0, j), (cols, j))
    fig.line((0, 0), (cols, 0)).line((0, 0), (0, rows))
    label_every = 2 if cols > 12 else 1
    for i in range(0, cols + 1, label_every):
        fig.text((i, 0), str(x0 + i * xs), dy=14, size=11)
    for j in range(rows + 1):
        fig.text((0, j), str(y0 + j * ys), dx=-6, dy=4, size=11, anchor="end")
    fig.text((cols / 2, 0), data.x_head, dy=34, size=13)
    fig.text((0, rows), data.y_head, dy=-16, size=13, anchor="start")
    for x, y in points:
        fig.cross(((x - x0) / xs, (y - y0) / ys))
    return fig.svg()


def _coords(p: tuple[int, int]) -> str:
    return f"({p[0]}, {p[1]})"


@register
class ScatterMeanPoint(Template):
    key = "statistics.scatter_mean_point"
    title = "Scatter diagram: plotting points, the point off the trend, the mean point"
    codes = {Tier.CORE: ("C9.5",), Tier.EXTENDED: ("E9.5",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        data = rng.choice(_DATA)
        n = 8 if difficulty <= 2 else 10
        outlier = difficulty <= 2
        points = self._points(rng, data, n, outlier)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        q.param("context", data.x_head)
        q.param("points", ";".join(f"{x},{y}" for x, y in points))
        for i, (x, y) in enumerate(points):
            q.given(f"x{i}", x)
            q.given(f"y{i}", y)
        rows = [
            [text.words(data.x_head), *(str(x) for x in xs)],
            [text.words(data.y_head), *(str(y) for y in ys)],
        ]
        late = 2 if difficulty <= 2 else 3
        q.title = "Scatter diagram"
        q.stem = (
            data.intro.format(n=f"${n}$")
            + f" ${text.table(rows)}$ The first ${n - late}$ points are plotted on the scatter "
            "diagram."
        )
        q.diagram_svg = _figure(data, points[: n - late])

        # (a) plot the last points
        part = q.part(
            "a",
            "Complete the scatter diagram by plotting the last "
            + ("two" if late == 2 else "three")
            + " points.",
            marks=2,
            command="Plot",
        )
        plotted = []
        for i in range(n - late, n):
            source = f"(x{i}, y{i})"
            part.step(f"Plot ${_coords(points[i])}$.", source)
            part.answer(
                source,
                kind=AnswerKind.COORDINATES,
                label=f"point {i + 1}",
                plain=_coords(points[i]),
                latex=_coords(points[i]),
            )
            plotted.append(source)
        shown = ", ".join(f"${_coords(points[i])}$" for i in range(n - late, n))
        part.step(f"All {late} points: {shown}", tuple(plotted))
        part.mark(
            "B",
            f"{shown} plotted",
            2,
            value=tuple(plotted),
            partial=[f"B1 for {late - 1} point{'s' if late > 2 else ''} correct"],
        )

        if outlier:
            self._off_trend(q, points, data)
            return
        self._mean_point(q, rng, difficulty, points, data)

    @staticmethod
    def _points(rng: random.Random, data: _Data, n: int, outlier: bool) -> list[tuple[int, int]]:
        lo, hi = data.x_values
        slope = rng.uniform(*data.slope)
        start = rng.randint(*data.start)
        x_step = data.x_axis[2]
        for _ in range(300):
            xs = rng.sample(range(lo, hi + 1, x_step), min(n, (hi - lo) // x_step + 1))
            if len(xs) < n:
                xs += rng.sample(range(lo, hi + 1, x_step), n - len(xs))
            ys = [round(start + slope * (x - lo) + rng.uniform(-1, 1) * data.spread) for x in xs]
            if outlier:
                k = rng.randrange(1, n - 3)  # among the points already plotted
                jump = rng.choice([-1, 1]) * (4 * data.spread + rng.uniform(0, 2 * data.spread))
                ys[k] = round(ys[k] + jump)
            y0, y1, _ = data.y_axis
            if min(ys) <= y0 or max(ys) >= y1:
                continue
            pts = list(zip(xs, ys, strict=True))
            if len(set(pts)) < n or (outlier and _off_trend(pts) is None):
                continue
            return pts
        raise Reject("no data in range")

    @staticmethod
    def _off_trend(q: QuestionBuilder, points: list[tuple[int, int]], data: _Data) -> None:
        """(b) The point furthest from the trend of the others, by a clear margin."""
        k = _off_trend(points)
        assert k is not None  # _points only returns such data
        part = q.part(
            "b",
            "One of the points does not follow the trend of the others. Write down its "
            "coordinates.",
            marks=1,
            command="Write down",
        )
        part.step(
            f"The other points lie close to a straight line; ${_coords(points[k])}$ is far "
            "from it.",
            f"(x{k}, y{k})",
        )
        part.answer(
            f"(x{k}, y{k})",
            kind=AnswerKind.COORDINATES,
            plain=_coords(points[k]),
            latex=_coords(points[k]),
        )
        part.mark("B", f"${_coords(points[k])}$", value=f"(x{k}, y{k})")
        kind = "positive" if data.slope[0] > 0 else "negative"
        part = q.part(
            "c",
            "What type of correlation does the scatter diagram show?",
            marks=1,
            command="State",
        )
        part.step(
            f"As {data.x_noun} increases, {data.y_noun} tends to "
            f"{'increase' if kind == 'positive' else 'decrease'}."
        )
        part.answer(None, kind=AnswerKind.TEXT, plain=kind, latex=text.words(kind))
        part.mark("B", kind.capitalize(), 1)

    @staticmethod
    def _mean_point(
        q: QuestionBuilder,
        rng: random.Random,
        difficulty: int,
        points: list[tuple[int, int]],
        data: _Data,
    ) -> None:
        """(b) the mean of y (the mean of x given); (c) the gradient of the line of best fit
        through the mean point and a given intercept; (d) an estimate from it."""
        n = len(points)
        x_mean = Rational(sum(p[0] for p in points), n)
        y_mean = Rational(sum(p[1] for p in points), n)
        if (y_mean * 10).q != 1:
            raise Reject("the mean is not a one-decimal value")
        q.given("xm", x_mean)
        sum_y = " + ".join(f"y{i}" for i in range(n))
        q.stem += f" The mean {data.x_short} is ${number(x_mean)}$."
        part = q.part(
            "b",
            f"Calculate the mean {data.y_short}.",
            marks=2,
            command="Calculate",
        )
        total = Working(q, f"({sum_y})", fractions=False)
        method(
            part,
            total,
            f"${number(sum(p[1] for p in points))} \\div {n}$",
            step=f"Total $= {number(sum(p[1] for p in points))}$",
            qualifiers=["oe"],
        )
        mean = Working(q, f"({sum_y})/{n}", fractions=False)
        final(
            part,
            mean,
            step=f"${number(sum(p[1] for p in points))} \\div {n} = {mean.latex}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                f"divided by {n - 1} instead of {n}",
                f"({sum_y})/{n - 1}",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        if difficulty == 3:
            part = q.part(
                "c",
                "Write down the coordinates of the mean point.",
                marks=1,
                command="Write down",
            )
            source = f"(xm, ({sum_y})/{n})"
            part.step(
                f"The mean point is $(\\bar{{x}}, \\bar{{y}}) = ({number(x_mean)}, "
                f"{number(y_mean)})$",
                source,
            )
            part.answer(
                source,
                kind=AnswerKind.COORDINATES,
                plain=f"({number(x_mean)}, {number(y_mean)})",
                latex=f"({number(x_mean)}, {number(y_mean)})",
            )
            part.mark(
                "B",
                f"$({number(x_mean)}, {number(y_mean)})$ FT their mean",
                value=source,
                qualifiers=["FT"],
            )
            return

        # The line of best fit through the mean point and a y-intercept near the data's.
        c = _intercept(points)
        q.given("c", c)
        part = q.part(
            "c",
            f"The line of best fit passes through the mean point and through the point "
            f"$(0, {c})$. Work out the gradient of the line of best fit.",
            marks=2,
            command="Work out",
        )
        grad = Working(
            q,
            f"(({sum_y})/{n} - c)/xm",
            latex=f"\\frac{{{number(y_mean)} - {text.bracket(c)}}}{{{number(x_mean)} - 0}}",
            fractions=False,
        )
        method(part, grad, step=f"${grad.substituted}$")
        exact = (grad.value * 100).q == 1
        accuracy = Accuracy.EXACT if exact else Accuracy.SF3
        final(part, grad, accuracy=accuracy, qualifiers=[] if exact else ["awrt"])
        misconception(
            part,
            Misconception(
                "divided the change in x by the change in y",
                f"xm/(({sum_y})/{n} - c)",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        if difficulty == 5:
            lo, hi = min(p[0] for p in points), max(p[0] for p in points)
            used = {p[0] for p in points}
            inside = [x for x in range(lo + 1, hi) if x not in used]
            halves = [Rational(2 * x + 1, 2) for x in range(lo, hi)]
            x0 = rng.choice(inside or halves)
            q.given("xe", x0)
            part = q.part(
                "d",
                f"Use the line of best fit to estimate {data.y_noun} when {data.x_noun} is ${number(x0)}$.",
                marks=2,
                command="Work out",
            )
            g_shown = grad.shown(accuracy)[1]
            est = Working(
                q,
                f"c + xe*(({sum_y})/{n} - c)/xm",
                latex=f"{text.frac(c)} + {number(x0)} \\times "
                + (f"({g_shown})" if grad.value < 0 else g_shown),
                fractions=False,
            )
            method(
                part,
                est,
                step="$y = " + est.equation(accuracy=Accuracy.SF3)[1:],
                qualifiers=["FT"],
            )
            final(part, est, accuracy=Accuracy.SF3, qualifiers=["awrt"], step="")
            misconception(
                part,
                Misconception(
                    "left out the intercept",
                    f"xe*(({sum_y})/{n} - c)/xm",
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )


def _off_trend(points: list[tuple[int, int]]) -> int | None:
    """The index of the point furthest from the least-squares line of the others, if it is
    clearly (2.5 times) further off than any other point."""

    def residual(i: int) -> float:
        others = [p for j, p in enumerate(points) if j != i]
        mx = sum(p[0] for p in others) / len(others)
        my = sum(p[1] for p in others) / len(others)
        sxx = sum((p[0] - mx) ** 2 for p in others)
        b = sum((p[0] - mx) * (p[1] - my) for p in others) / sxx
        x, y = points[i]
        return abs(y - (my + b * (x - mx)))

    scores = sorted(((residual(i), i) for i in range(len(points))), reverse=True)
    return scores[0][1] if scores[0][0] >= 2.5 * scores[1][0] else None


def _intercept(points: list[tuple[int, int]]) -> int:
    """The least-squares line's y-intercept, rounded to a whole number."""
    n = len(points)
    mx = Rational(sum(p[0] for p in points), n)
    my = Rational(sum(p[1] for p in points), n)
    sxx = sum((p[0] - mx) ** 2 for p in points)
    b = sum((p[0] - mx) * (p[1] - my) for p in points) / sxx
    return int(round(my - b * mx))
