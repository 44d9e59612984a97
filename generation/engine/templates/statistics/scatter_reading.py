"""Reading a scatter diagram (9.5): the points are given only on the diagram. The candidate
names the correlation, finds the one point that does not follow the trend (an outlier), draws
a line of best fit by eye ignoring it, and reads estimates from the line: a value of y, a value
of x, and (by difficulty) a difference between two readings. The mark scheme accepts the range
of readings from reasonable lines through the mean point of the other points (between the two
least-squares lines, y on x and x on y), widened by a small square."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, misconception, text
from generation.engine.authoring.coordinates import point, point_plain, wrong_point
from generation.engine.authoring.figures import Graph, reading, scale
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics.scatter import _read, _words_answer
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Context:
    stem: str  # with {n}
    means: tuple[str, str]  # "mean foot length", "mean height"
    x_title: str
    y_title: str
    x_range: tuple[int, int]  # whole numbers of the x unit
    y_start: tuple[int, int]  # y at x_range[0]
    slope: tuple[float, float]  # y per unit of x (its sign is the correlation's)
    noise: float  # the largest scatter about the trend, in y units
    x_words: str  # "a day with {x} hours of sunshine"
    more: str  # "how many more ice creams are sold on {b} than on {a}"
    relation: str


_CONTEXTS = [
    _Context(
        "The scatter diagram shows the number of hours of sunshine, $x$, and the number of ice "
        "creams sold, $y$, by a café on each of {n} days.",
        ("mean number of hours of sunshine", "mean number of ice creams sold"),
        "Hours of sunshine",
        "Ice creams sold",
        (0, 12),
        (8, 16),
        (5.5, 7.0),
        5,
        "a day with {x} hours of sunshine",
        "how many more ice creams the café sells on {b} than on {a}",
        "the more hours of sunshine, the more ice creams are sold",
    ),
    _Context(
        "The scatter diagram shows the mean outside temperature, $x$ °C, and the amount of gas, "
        "$y$ units, a house used for heating in each of {n} weeks.",
        ("mean of the temperatures", "mean amount of gas used"),
        "Mean temperature (°C)",
        "Gas used (units)",
        (0, 16),
        (88, 96),
        (-4.5, -3.5),
        4,
        "a week with a mean temperature of {x} °C",
        "how many fewer units of gas the house uses in {b} than in {a}",
        "the warmer the week, the less gas is used for heating",
    ),
    _Context(
        "The scatter diagram shows the foot length, $x$ cm, and the height, $y$ cm, of each of "
        "{n} adults.",
        ("mean foot length", "mean height"),
        "Foot length (cm)",
        "Height (cm)",
        (20, 32),
        (146, 152),
        (3.8, 4.6),
        3,
        "an adult with a foot length of {x} cm",
        "how much taller, in centimetres, {b} is than {a}",
        "the longer the foot, the taller the person",
    ),
    _Context(
        "The scatter diagram shows the number of hours, $x$, each of {n} runners trained each "
        "week and their time, $y$ seconds, to run 400 metres.",
        ("mean training time", "mean time to run 400 metres"),
        "Training (hours per week)",
        "Time for 400 m (seconds)",
        (1, 12),
        (84, 90),
        (-2.4, -1.8),
        2,
        "a runner who trains for {x} hours a week",
        "how many seconds faster {b} runs 400 metres than {a}",
        "the more hours a runner trains, the less time they take",
    ),
]


def _snap(value: float, step: Rational) -> Rational:
    return Rational(round(value / float(step))) * step


@register
class ScatterReading(Template):
    key = "statistics.scatter_reading"
    title = (
        "Reading a scatter diagram: correlation, the outlier and estimates from a line of best fit"
    )
    codes = {Tier.CORE: ("C9.5",), Tier.EXTENDED: ("E9.5",)}
    calculator = CalculatorPolicy.ALLOWED
    # One-mark readings and a two-mark difference: the rubric measures at most band 3, so the
    # hardest variant offered is 4.
    difficulties = (1, 2, 3, 4)

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        ctx = rng.choice(_CONTEXTS)
        low, high = ctx.x_range
        n = 10  # points following the trend; with the outlier, 11 crosses
        # Whole numbers, none on the y-axis, spread along the axis (no wide gap).
        for _ in range(50):
            xs = sorted(rng.sample(range(low + 1, high + 1), n))
            if max(b - a for a, b in zip(xs, xs[1:], strict=False)) <= (high - low) / 5:
                break
        else:
            raise Reject("the points bunch together")
        base, slope = rng.randint(*ctx.y_start), rng.uniform(*ctx.slope)
        trend = [base + slope * (x - low) for x in xs]
        y_axis = scale(min(trend) - ctx.noise, max(trend) + ctx.noise)
        # Numbered every 2 units (10 small squares): a grid about as wide as it is tall.
        x_axis = scale(low, high, steps=10)
        title = f"Scatter diagram of {ctx.y_title} against {ctx.x_title}"
        graph = Graph(title, x_axis, y_axis, x_title=ctx.x_title, y_title=ctx.y_title)
        y_step = Rational(str(y_axis[2])) / graph.minor[1]  # one small square
        x_step = Rational(str(x_axis[2])) / graph.minor[0]
        ys = [_snap(t + rng.uniform(-1, 1) * ctx.noise, y_step) for t in trend]
        if min(ys) < y_axis[0] or max(ys) > y_axis[1]:
            raise Reject("a point off the grid")
        points = list(zip(xs, ys, strict=True))
        if len(set(points)) < n:
            raise Reject("two points on top of each other")

        # Exact summary statistics of the points that follow the trend: the two least-squares
        # lines through their mean point bound the reasonable lines of best fit.
        mx, my = Rational(sum(xs), n), sum(ys) / n
        sxx = sum((x - mx) ** 2 for x in xs)
        syy = sum((y - my) ** 2 for y in ys)
        sxy = sum((x - mx) * (y - my) for x, y in points)
        if sxy == 0 or sxy**2 < Rational(85, 100) ** 2 * sxx * syy:
            raise Reject("the correlation is not clear")
        gradients = (sxy / sxx, syy / sxy)  # y on x, and x on y

        # The outlier: at a whole-number x inside the data, far from the line (on the side
        # with room on the grid), at a small square.
        ox = rng.randint(xs[1], xs[-2])
        on_line = my + gradients[0] * (ox - mx)
        span = float(y_axis[1] - y_axis[0])
        room_up, room_down = float(y_axis[1] - on_line), float(on_line - y_axis[0])
        sign = 1 if room_up > room_down else -1
        oy = _snap(float(on_line) + sign * rng.uniform(0.3, 0.45) * span, 2 * y_step)
        if not y_axis[0] < oy < y_axis[1]:
            raise Reject("the outlier is off the grid")
        residuals = [abs(y - my - gradients[0] * (x - mx)) for x, y in points]
        if abs(oy - on_line) < 4 * max(residuals) or (ox, oy) in points:
            raise Reject("the outlier does not stand out")

        for p in sorted([*points, (ox, oy)]):
            graph.cross(p)
        q.diagram_svg = graph.svg()
        q.param("context", ctx.x_title)
        q.title = "Reading a scatter diagram"
        q.stem = ctx.stem.format(n=f"${n + 1}$")
        labels = iter("abcdefgh")
        positive = sxy > 0
        kind = "positive" if positive else "negative"

        part = q.part(
            next(labels),
            "What type of correlation does the scatter diagram show?",
            marks=1,
            command="State",
        )
        part.step(
            f"As the {ctx.x_title.split(' (')[0].lower()} increases, the "
            f"{ctx.y_title.split(' (')[0].lower()} tends to "
            f"{'increase' if positive else 'decrease'}: {kind} correlation."
        )
        _words_answer(part, kind, kind.capitalize())

        part = q.part(
            next(labels),
            "One point does not follow the trend of the other points.\n"
            "Write down the coordinates of this point.",
            marks=1,
            command="Write down",
        )
        part.step(
            f"Every other point lies close to one straight line; ${point((ox, oy))}$ is far "
            f"{'above' if sign > 0 else 'below'} it.",
            (ox, oy),
        )
        part.answer((ox, oy), kind=AnswerKind.COORDINATES, plain=point_plain((ox, oy)))
        part.mark("B", f"${point((ox, oy))}$", value=(ox, oy))
        wrong_point(part, (oy, ox), "wrote the coordinates the wrong way round, (y, x)")
        extreme = max(points, key=lambda p: p[1]) if sign > 0 else min(points, key=lambda p: p[1])
        wrong_point(
            part,
            extreme,
            f"chose the point with the {'largest' if sign > 0 else 'smallest'} $y$-value, "
            "which follows the trend",
        )

        mean_point = f"$({number(mx)}, {number(my)})$"
        if difficulty >= 4:
            part = q.part(
                next(labels),
                f"Ignoring that point, the {ctx.means[0]} is ${number(mx)}$ and the "
                f"{ctx.means[1]} is ${number(my)}$.\n"
                "On the scatter diagram, plot the mean point.",
                marks=1,
                command="Plot",
            )
            part.step(f"Plot the point {mean_point}.")
            _words_answer(
                part, f"the point ({number(mx)}, {number(my)}) plotted", f"{mean_point} plotted"
            )
        through = " through the mean point" if difficulty >= 4 else ""
        low_g, high_g = sorted(gradients)
        part = q.part(
            next(labels),
            f"Ignoring that point, draw a line of best fit{through} on the scatter diagram.",
            marks=1,
            command="Plot",
        )
        part.step(
            "A ruled straight line following the trend of the other points, with about as many "
            f"points on each side, passing close to their mean point {mean_point}."
        )
        _words_answer(
            part,
            "a ruled line of best fit",
            f"ruled line of best fit, close to {mean_point}, gradient between "
            f"${text.rounded(low_g, Accuracy.SF3)}$ and ${text.rounded(high_g, Accuracy.SF3)}$",
        )

        # Readings: x values inside the data that are not data values, on grid lines.
        inside = [x for x in range(xs[0] + 1, xs[-1]) if x not in xs and x != ox]
        if len(inside) < 2:
            inside = [x for x in range(xs[0] + 1, xs[-1]) if x != ox]
        x0, x1 = rng.sample(inside, 2)
        q.given("x0", x0)
        band = [my + b * (x0 - mx) for b in gradients]
        found = reading(band[0], band, resolution=y_step)
        part = q.part(
            next(labels),
            f"Use your line of best fit to estimate the value of $y$ when $x = {number(x0)}$.",
            marks=1,
            command="Determine",
        )
        nearest = min(points, key=lambda p: abs(p[0] - x0))
        _read(
            q,
            part,
            found,
            "y",
            f"Up from $x = {number(x0)}$ to the line of best fit, then across: "
            f"$y \\approx {number(found.value)}$",
            [
                ("read the nearest plotted point instead of the line", nearest[1]),
            ],
        )

        if difficulty >= 2:
            y0 = _snap(float(rng.uniform(float(min(ys)), float(max(ys)))), 5 * y_step)
            if not min(ys) < y0 < max(ys):
                raise Reject("no reading of x inside the data")
            q.given("y0", y0)
            band = [mx + (y0 - my) / b for b in gradients]
            found = reading(band[0], band, resolution=x_step)
            part = q.part(
                next(labels),
                f"Use your line of best fit to estimate the value of $x$ when $y = {number(y0)}$.",
                marks=1,
                command="Determine",
            )
            _read(
                q,
                part,
                found,
                "x",
                f"Across from $y = {number(y0)}$ to the line of best fit, then down: "
                f"$x \\approx {number(found.value)}$",
                [("read the value of $y$ instead of $x$", y0)],
            )

        if difficulty >= 3:
            a, b = sorted((x0, x1))
            if b - a < 2:
                raise Reject("the two readings are too close")
            q.given("xa", a)
            q.given("xb", b)
            band = [abs(g) * (b - a) for g in gradients]
            found = reading(band[0], band, resolution=y_step, tolerance=2 * y_step)
            asked = ctx.more.format(
                a=ctx.x_words.format(x=number(a)), b=ctx.x_words.format(x=number(b))
            )
            part = q.part(
                next(labels),
                f"Use your line of best fit to estimate {asked}.",
                marks=2,
                command="Determine",
            )
            value = Working(q, str(found.value), fractions=False)
            final(
                part,
                value,
                step=(
                    f"Read $y$ at $x = {number(a)}$ and at $x = {number(b)}$ from the line; the "
                    f"difference is about ${number(found.value)}$ (the gradient "
                    f"$\\times {number(b - a)}$)"
                ),
                awarded_for=f"${value.latex}$, accept ${found.accepted}$",
                partial=[f"B1 for two readings from their line at $x = {a}$ and $x = {b}$"],
                variable="d",
                satisfies=found.relation("d"),
            )
            single = my + gradients[0] * (b - mx)
            if not found.contains(single):
                misconception(
                    part,
                    Misconception(
                        "gave one reading instead of the difference", _snap(float(single), y_step)
                    ),
                )

        if difficulty >= 4:
            part = q.part(
                next(labels),
                "The point that does not follow the trend was recorded wrongly.\n"
                "Use your line of best fit to estimate the value of $y$ for this point.",
                marks=1,
                command="Determine",
            )
            band = [my + g * (ox - mx) for g in gradients]
            found = reading(band[0], band, resolution=y_step)
            _read(
                q,
                part,
                found,
                "y",
                f"Up from $x = {number(ox)}$ to the line of best fit, then across: "
                f"$y \\approx {number(found.value)}$",
                [("gave the recorded value", oy)],
            )
