"""Conversion graphs (2.9): reading a straight-line conversion graph both ways, converting an
amount beyond the graph, comparing prices, and the gradient as the rate of conversion."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Conversion:
    x_words: str  # "pounds (£)"
    y_words: str
    x_name: str  # "pounds"
    y_name: str
    x_fmt: str  # "£{}"
    y_fmt: str
    rate: Rational  # y per x
    x_max: int
    x_minor: int
    y_max: int
    y_minor: int
    big: tuple[int, ...]  # amounts beyond the graph, in x
    every: int = 5  # squares between numbered ticks


_CONVERSIONS = [
    _Conversion("Pounds (£)", "Dollars ($)", "pounds", "dollars", "£{}", "\\${}",
                Rational(5, 4), 40, 2, 50, 2, (120, 160, 200, 240, 320, 400)),
    _Conversion("Kilometres", "Miles", "kilometres", "miles", "{} km", "{} miles",
                Rational(5, 8), 80, 4, 50, 2, (160, 240, 320, 400, 480)),
    _Conversion("Euros (€)", "Dollars ($)", "euros", "dollars", "€{}", "\\${}",
                Rational(6, 5), 50, 5, 60, 2, (150, 200, 250, 300, 500), 2),
]  # fmt: skip


def _figure(c: _Conversion) -> str:
    cols, rows = c.x_max // c.x_minor, c.y_max // c.y_minor
    fig = Figure("Conversion graph", scale=12, pad=34).note("")
    for i in range(cols + 1):
        fig.gridline((i, 0), (i, rows))
    for j in range(rows + 1):
        fig.gridline((0, j), (cols, j))
    fig.line((0, 0), (cols, 0)).line((0, 0), (0, rows))
    for i in range(0, cols + 1, c.every):
        fig.text((i, 0), str(i * c.x_minor), dy=14, size=11)
    for j in range(0, rows + 1, 5):
        if j:
            fig.text((0, j), str(j * c.y_minor), dx=-6, dy=4, size=11, anchor="end")
    fig.text((cols / 2, 0), c.x_words, dy=32, size=12)
    fig.text((0, rows), c.y_words, dx=-4, dy=-12, size=12, anchor="start")
    end_x = min(c.x_max, c.y_max / c.rate)
    fig.line((0, 0), (end_x / c.x_minor, end_x * c.rate / c.y_minor))
    return fig.svg()


def _readable(c: _Conversion) -> list[int]:
    """x values on a grid line whose converted value is also on a grid line (not the ends)."""
    return [
        x
        for x in range(c.x_minor, c.x_max, c.x_minor)
        if (x * c.rate) % c.y_minor == 0 and x * c.rate < c.y_max and x % 10
    ]


@register
class ConversionGraphs(Template):
    key = "algebra.conversion_graphs"
    title = "Conversion graphs: reading both ways, beyond the graph, and the rate"
    codes = {Tier.CORE: ("C2.9",), Tier.EXTENDED: ("E2.9",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        c = rng.choice(_CONVERSIONS)
        q.title = "Conversion graph"
        q.param("conversion", c.x_name)
        q.diagram_svg = _figure(c)
        q.stem = f"The graph can be used to change {c.x_name} into {c.y_name}."
        r = f"({c.rate})"
        readable = _readable(c)
        x1, x2 = rng.sample(readable, 2)
        labels = iter("abcde")

        # read across: x to y
        q.given("x1", x1)
        part = q.part(
            next(labels),
            f"Use the graph to change {c.x_fmt.format(x1)} into {c.y_name}.",
            marks=1,
            command="Write down",
        )
        read = Working(q, f"x1*{r}")
        final(
            part,
            read,
            step=f"Up from ${x1}$ on the horizontal axis to the line, then across: "
            f"${number(read.value)}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "read the graph the wrong way round (across, then down)", f"x1/{r}", fractions=False
            ),
        )

        # read back: y to x
        y2 = x2 * c.rate
        q.given("y2", y2)
        part = q.part(
            next(labels),
            f"Use the graph to change {c.y_fmt.format(number(y2))} into {c.x_name}.",
            marks=1,
            command="Write down",
        )
        back = Working(q, f"y2/{r}")
        final(
            part,
            back,
            step=f"Across from ${number(y2)}$ on the vertical axis to the line, then down: "
            f"${number(back.value)}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "read the graph the wrong way round (up, then across)", f"y2*{r}", fractions=False
            ),
        )

        # beyond the graph: scale up a reading
        if difficulty >= 2:
            big = rng.choice(c.big)
            base = next(
                x
                for x in sorted(readable + [c.x_max], reverse=True)
                if big % x == 0 and x * c.rate <= c.y_max
            )
            q.given("X", big)
            part = q.part(
                next(labels),
                f"Change {c.x_fmt.format(big)} into {c.y_name}.",
                marks=2,
                command="Work out",
            )
            reading = Working(q, f"{base}*{r}")
            part.step(
                f"From the graph, ${base}$ {c.x_name} $= {number(reading.value)}$ {c.y_name}",
                reading.machine,
            )
            scaled = Working(q, f"X*{r}", latex=f"{number(reading.value)} \\times {big // base}")
            method(
                part,
                scaled,
                f"a correct reading $\\times$ the right factor, e.g. ${scaled.substituted}$",
                step=f"${big} = {big // base} \\times {base}$, so {c.x_fmt.format(big)} $= "
                f"{scaled.substituted} = {number(scaled.value)}$ {c.y_name}",
            )
            final(part, scaled, step="", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    f"divided by the rate, changing {c.y_name} into {c.x_name}",
                    f"X/{r}",
                    fractions=False,
                ),
            )

        # comparing two prices (money conversions), or the rate as a gradient
        if difficulty >= 3 and c.y_name == "dollars":
            here = rng.choice([x for x in readable if x >= 10])
            there = here * c.rate + rng.choice([-4, -3, -2, 2, 3, 4])
            q.given("h", here)
            q.given("t", there)
            part = q.part(
                next(labels),
                f"A pair of shoes costs {c.x_fmt.format(here)} in one shop and "
                f"{c.y_fmt.format(number(there))} in another shop.\n\nWork out the difference "
                "between the two prices, in dollars.",
                marks=2,
                command="Work out",
            )
            converted = Working(q, f"h*{r}")
            method(
                part,
                converted,
                f"{c.x_fmt.format(here)} $= {number(converted.value)}$ dollars",
                step=f"{c.x_fmt.format(here)} $= {number(converted.value)}$ dollars from the graph",
            )
            gap = Working(q, f"Abs(t - h*{r})")
            final(
                part,
                gap,
                step=f"Difference $= {number(abs(there - converted.value))}$ dollars",
                qualifiers=["cao"],
            )
            misconception(
                part,
                Misconception(
                    "subtracted the prices without changing them into the same currency",
                    "Abs(t - h)",
                ),
            )
        if difficulty >= 4:
            part = q.part(
                next(labels),
                "Work out the gradient of the line.",
                marks=2,
                command="Work out",
            )
            top = min(c.x_max * c.rate, c.y_max)
            run = top / c.rate
            gradient = Working(
                q,
                f"{number(top)}/{number(run)}",
                latex=f"\\frac{{{number(top)}}}{{{number(run)}}}",
                fractions=False,
            )
            method(
                part,
                gradient,
                f"${gradient.substituted}$",
                step=gradient.equation("\\text{Gradient}"),
            )
            final(part, gradient, step="", qualifiers=["oe"])
            part.step(f"It is the number of {c.y_name} for one of the {c.x_name}")
            misconception(
                part,
                Misconception(
                    "divided the horizontal distance by the vertical", f"1/{r}", fractions=False
                ),
            )
