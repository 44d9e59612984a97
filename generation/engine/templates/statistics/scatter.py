"""Scatter diagrams (9.5): correlation, and a line of best fit the candidate draws and reads
from. The question gives no equation: the mark scheme accepts the range of readings from
reasonable lines through the mean point (between the two least-squares lines, y on x and x on
y), widened by a small square."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, misconception, text
from generation.engine.authoring.figures import Graph, Reading, reading, scale
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import display, number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

# (x description, x heading, y heading, x values, gradient sign, y at the first x, y spread,
#  relationship in words, units)
_SCATTER = [
    (
        "the number of hours",
        "Hours revising",
        "Test mark",
        (1, 12),
        1,
        (25, 35),
        (4, 6),
        "the more hours a student revises, the higher their test mark",
        "hours",
        "marks",
    ),
    (
        "the age, in years,",
        "Age (years)",
        "Value (1000s of dollars)",
        (1, 10),
        -1,
        (24, 30),
        (1, 2),
        "the older the car, the lower its value",
        "years",
        "thousand dollars",
    ),
    (
        "the temperature, in °C,",
        "Temperature (°C)",
        "Hot drinks sold",
        (2, 24),
        -1,
        (120, 160),
        (3, 6),
        "the higher the temperature, the fewer hot drinks are sold",
        "°C",
        "drinks",
    ),
    (
        "the height, in centimetres,",
        "Height (cm)",
        "Arm span (cm)",
        (150, 185),
        1,
        (145, 155),
        (1, 1),
        "the taller the person, the longer their arm span",
        "cm",
        "cm",
    ),
]

_SCATTER_STEMS = {
    "Hours revising": "The table shows the number of hours, $x$, that each of {n} students spent "
    "revising and their mark, $y$, in a test.",
    "Age (years)": "The table shows the age, $x$ years, and the value, $y$ thousand dollars, of "
    "each of {n} cars of the same model.",
    "Temperature (°C)": "The table shows the midday temperature, $x$ °C, and the number of hot "
    "drinks sold, $y$, at a café on {n} days.",
    "Height (cm)": "The table shows the height, $x$ cm, and the arm span, $y$ cm, of {n} people.",
}


def _sf(value: Rational, accuracy: Accuracy = Accuracy.SF3) -> str:
    return display(value, accuracy)[1]


def _words_answer(part: PartBuilder, words: str, mark: str) -> None:
    part.answer(None, kind=AnswerKind.TEXT, plain=words, latex=text.words(words))
    part.mark("B", mark, 1)


def _read(
    q: QuestionBuilder,
    part: PartBuilder,
    found: Reading,
    variable: str,
    step: str,
    wrongs: list[tuple[str, Rational]],
) -> None:
    """The reading as the answer, its accepted range as the B mark; wrong readings outside the
    range as misconceptions."""
    value = Working(q, str(found.value), fractions=False)
    final(
        part,
        value,
        step=step,
        awarded_for=f"${value.latex}$, accept ${found.accepted}$",
        variable=variable,
        satisfies=found.relation(variable),
    )
    for error, value in wrongs:
        if not found.contains(value):
            misconception(part, Misconception(error, value))


@register
class ScatterDiagram(Template):
    key = "statistics.scatter_diagram"
    title = "Scatter diagrams: correlation, drawing and reading from a line of best fit"
    codes = {Tier.CORE: ("C9.5",), Tier.EXTENDED: ("E9.5",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        (_, x_head, y_head, x_range, sign, y_start, spread, relation, _, _) = rng.choice(_SCATTER)
        span = x_range[1] - x_range[0]
        n = min(8 if difficulty <= 2 else 10, span - 2)
        xs = sorted(rng.sample(range(x_range[0], x_range[1] + 1), n))
        base = rng.randint(*y_start)
        # A clear trend with some scatter about it.
        rise = {
            "Hours revising": (3.5, 5.5),
            "Age (years)": (1.5, 2.2),
            "Temperature (°C)": (3, 5),
            "Height (cm)": (0.9, 1.1),
        }[x_head]
        slope = sign * rng.uniform(*rise)
        ys = [
            round(base + slope * (x - x_range[0]) + rng.uniform(-1, 1) * spread[1] * 1.5)
            for x in xs
        ]
        if min(ys) < 1 or (x_head == "Hours revising" and max(ys) > 100):
            raise Reject("values out of range")
        # Exact summary statistics; the two least-squares lines through the mean point bound
        # the reasonable lines of best fit.
        mx, my = Rational(sum(xs), n), Rational(sum(ys), n)
        sxx = sum((x - mx) ** 2 for x in xs)
        syy = sum((y - my) ** 2 for y in ys)
        sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
        if sxy == 0 or sxy**2 < Rational(85, 100) ** 2 * sxx * syy:
            raise Reject("the correlation is not clear")
        gradients = (sxy / sxx, syy / sxy)  # y on x, and x on y
        q.param("context", x_head)
        q.param("n", n)
        for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
            q.given(f"px{i}", x)
            q.given(f"py{i}", y)
        x_axis = scale(min(xs), max(xs))
        y_axis = scale(min(ys), max(ys))
        graph = Graph(
            f"Scatter diagram of {y_head} against {x_head}",
            x_axis,
            y_axis,
            x_title=x_head,
            y_title=y_head,
        )
        for point in zip(xs, ys, strict=True):
            graph.cross(point)
        q.diagram_svg = graph.svg()
        rows = [[text.words(x_head), *map(str, xs)], [text.words(y_head), *map(str, ys)]]
        q.title = "Scatter diagram"
        q.stem = (
            f"{_SCATTER_STEMS[x_head].format(n=f'${n}$')} ${text.table(rows)}$ "
            "The scatter diagram shows this information."
        )
        labels = iter("abcdef")
        positive = sxy > 0
        kind = "positive" if positive else "negative"
        part = q.part(
            next(labels),
            "What type of correlation is shown by the scatter diagram?",
            marks=1,
            command="State",
        )
        part.step(
            f"As $x$ increases, $y$ tends to {'increase' if positive else 'decrease'}, so the "
            f"correlation is {kind}."
        )
        _words_answer(part, kind, kind.capitalize())

        low, high = sorted(gradients)
        part = q.part(
            next(labels),
            "On the scatter diagram, draw a line of best fit.",
            marks=1,
            command="Plot",
        )
        mean_point = f"$({_sf(mx)}, {_sf(my)})$"
        part.step(
            f"A ruled straight line following the trend, with about as many points on each side, "
            f"passing close to the mean point {mean_point}."
        )
        _words_answer(
            part,
            "a ruled line of best fit",
            f"ruled line of best fit, close to the mean point {mean_point}, gradient between "
            f"${_sf(low, Accuracy.SF2)}$ and ${_sf(high, Accuracy.SF2)}$",
        )

        # A value of x inside the data's range that is not one of the data values.
        inside = [x for x in range(xs[0] + 1, xs[-1]) if x not in xs]
        x0 = rng.choice(inside or [x + Rational(1, 2) for x in xs[1:-1]])
        q.given("x0", x0)
        band = [my + b * (x0 - mx) for b in gradients]
        found = reading(band[0], band, resolution=Rational(str(y_axis[2])) / graph.minor[1])
        nearest_point = min(zip(xs, ys, strict=True), key=lambda p: abs(p[0] - x0))
        part = q.part(
            next(labels),
            f"Use your line of best fit to estimate the value of $y$ when $x = {number(x0)}$.",
            marks=1,
            command="Determine",
        )
        _read(
            q,
            part,
            found,
            "y",
            f"Up from $x = {number(x0)}$ to the line of best fit, then across: "
            f"$y \\approx {number(found.value)}$",
            [
                ("read the nearest plotted point instead of the line", Rational(nearest_point[1])),
                ("read the value of $x$ instead of $y$", Rational(x0)),
            ],
        )

        if difficulty >= 2:
            y0 = rng.randint(min(ys) + 1, max(ys) - 1)
            q.given("y0", y0)
            band = [mx + (y0 - my) / b for b in gradients]
            found = reading(band[0], band, resolution=Rational(str(x_axis[2])) / graph.minor[0])
            part = q.part(
                next(labels),
                f"Use your line of best fit to estimate the value of $x$ when $y = {y0}$.",
                marks=1,
                command="Determine",
            )
            _read(
                q,
                part,
                found,
                "x",
                f"Across from $y = {y0}$ to the line of best fit, then down: "
                f"$x \\approx {number(found.value)}$",
                [("read the value of $y$ instead of $x$", Rational(y0))],
            )

        if difficulty >= 4:
            far = xs[-1] + rng.randint(2, 4) * max(1, span // 4)
            q.given("xf", far)
            part = q.part(
                next(labels),
                f"Explain why it may not be reliable to use the line of best fit to estimate $y$ "
                f"when $x = {far}$.",
                marks=1,
                command="Explain",
            )
            part.step(
                f"${far}$ is outside the range of the data (${xs[0]}$ to ${xs[-1]}$); the "
                "trend may not continue beyond the data."
            )
            _words_answer(
                part,
                f"{far} is outside the range of the data",
                "It is outside the range of the data oe",
            )
        if difficulty == 5:
            part = q.part(
                next(labels),
                "Describe the relationship between the two variables in the context of the "
                "question.",
                marks=1,
                command="Describe",
            )
            part.step(relation.capitalize() + ".")
            _words_answer(part, relation, relation.capitalize() + " oe")
