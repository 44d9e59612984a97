"""Comparing two distributions with a cumulative frequency curve (E9.6): the curve for one
group is printed and the median and interquartile range of a second group are given. The
candidate reads the median and the interquartile range of the first group from the curve, makes
two comparisons (an average and the spread, each in the context), and by difficulty reads the
value above which a given percentage lies (the top p %) and the number of values between two
values. Readings accept the range the printed curve gives, widened by a small square."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.authoring import Working, method, text
from generation.engine.authoring.figures import Graph, Reading, reading, scale
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._grouped import AXIS, MEASURES
from generation.engine.templates.statistics.cumulative import Curve, _answer, iqr_part
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

# For each measure's variable: where the first group goes in the description (a word and
# the same word with the group), the group's people or things (``{}`` the group), the two
# groups, the plural compared and what a greater median means.
_GROUPS = {
    "t": (
        "surgery",
        "surgery on {}",
        "the people on {}",
        ("Monday", "Tuesday"),
        "times",
        "waited longer",
    ),
    "m": (
        "apples",
        "apples from {}",
        "the apples from {}",
        ("Farm A", "Farm B"),
        "masses",
        "are heavier",
    ),
    "h": (
        "plants",
        "plants grown {}",
        "the plants grown {}",
        ("in a greenhouse", "outdoors"),
        "heights",
        "are taller",
    ),
    "d": (
        "students",
        "students in {}",
        "the students in {}",
        ("Year 10", "Year 11"),
        "distances",
        "travel further",
    ),
}


@register
class CumulativeCompare(Template):
    key = "statistics.cumulative_compare"
    title = "Comparing two distributions from a cumulative frequency curve: medians and IQRs"
    codes = {Tier.EXTENDED: ("E9.6",)}
    calculator = CalculatorPolicy.ALLOWED
    # Extended-only readings and a 2-mark comparison: the rubric's lightest band is 3, so the
    # easiest variant offered is 2.
    difficulties = (2, 3, 4, 5)

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:  # noqa: PLR0915 - one part after another
        what, var, unit, start, width = rng.choice(MEASURES)
        word, placed, group, (name_a, name_b), plural, more = _GROUPS[var]
        for_a, for_b = group.format(name_a), group.format(name_b)
        k = 5 if difficulty <= 3 else 6
        n = rng.choice(
            {1: [40, 60], 2: [60, 80], 3: [80, 100], 4: [100, 120], 5: [120, 200]}[difficulty]
        )
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
        y_axis = scale(0, n)
        graph = Graph(
            "Cumulative frequency",
            (bounds[0], bounds[-1], width),
            y_axis,
            x_title=AXIS[var],
            y_title="Cumulative frequency",
        )
        x_read = Rational(str(width)) / graph.minor[0]
        y_read = Rational(str(y_axis[2])) / graph.minor[1]
        graph.curve(curve.drawn())
        for b, c in zip(bounds, [0, *cumulative], strict=False):
            q.param(f"cf{b}", c)  # read from the curve, not stated
        q.diagram_svg = graph.svg()
        q.given("n", n)
        q.param("context", var)

        def read_x(position: Rational) -> Reading:
            return reading(curve.x_at(position), [], resolution=x_read / 2, tolerance=x_read / 2)

        med = read_x(Rational(n, 2))
        lq, uq = read_x(Rational(n, 4)), read_x(Rational(3 * n, 4))
        spread = curve.x_at(Rational(3 * n, 4)) - curve.x_at(Rational(n, 4))
        iqr = reading(spread, [], resolution=x_read / 2, tolerance=x_read)

        # The second group: a median and an interquartile range clearly different (at least
        # three small squares beyond the accepted ranges), on the grid's resolution.
        up_median, up_spread = rng.choice([True, False]), rng.choice([True, False])
        shift = rng.randint(3, 8) * x_read
        spread_shift = rng.randint(3, 6) * x_read
        # Whole small squares beyond the accepted ranges (never halfway between two).
        if up_median:
            median_b = sympy.ceiling(med.high / x_read) * x_read + shift
        else:
            median_b = sympy.floor(med.low / x_read) * x_read - shift
        if up_spread:
            iqr_b = sympy.ceiling(iqr.high / x_read) * x_read + spread_shift
        else:
            iqr_b = sympy.floor(iqr.low / x_read) * x_read - spread_shift
        if not bounds[0] < median_b < bounds[-1] or iqr_b < 2 * x_read:
            raise Reject("the second group's figures are off the scale")
        q.given("mB", median_b)
        q.given("iB", iqr_b)
        summary = text.table(
            [
                [text.words(""), text.words("Median"), text.words("Interquartile range")],
                [
                    text.words(for_b.removeprefix("the ").capitalize()),
                    number(median_b),
                    number(iqr_b),
                ],
            ]
        )
        q.title = "Comparing distributions"
        q.stem = (
            f"The cumulative frequency curve shows information about "
            f"{what.format(n=f'${n}$').replace(word, placed.format(name_a), 1)}.\n"
            f"The table shows the median and the interquartile range of the {plural} for "
            f"{for_b}, in {unit}. "
            f"${summary}$"
        )
        labels = iter("abcdef")

        part = q.part(
            next(labels),
            f"Use the cumulative frequency curve to find the median for {for_a}.",
            marks=1,
            command="Determine",
        )
        _answer(
            q,
            part,
            med,
            f"Across from cumulative frequency $\\frac{{{n}}}{{2}} = {number(Rational(n, 2))}$ to the "
            f"curve, then down: median $\\approx {number(med.value)}$ {unit}",
            [("gave the cumulative frequency of the median instead of its value", Rational(n, 2))],
            unit=unit,
        )

        iqr_part(
            q,
            q.part(
                next(labels),
                f"Use the cumulative frequency curve to find the interquartile range for {for_a}.",
                marks=2,
                command="Determine",
            ),
            n,
            (lq, uq, iqr),
            unit,
            (
                "gave the range of the classes, not the interquartile range",
                bounds[-1] - bounds[0],
            ),
        )

        # Two comparisons, in context: an average, then the spread.
        higher, lower = (for_b, for_a) if up_median else (for_a, for_b)
        wider, narrower = (for_b, for_a) if up_spread else (for_a, for_b)
        average = f"the median for {higher} is greater, so on average {higher} {more} than {lower}"
        consistent = (
            f"the interquartile range for {narrower} is smaller, so the {plural} for "
            f"{narrower} are less spread out (more consistent) than for {wider}"
        )
        q.param("higher", higher)
        q.param("wider", wider)
        part = q.part(
            next(labels),
            f"Make two comparisons between the {plural} for {for_a} and the {plural} for {for_b}.",
            marks=2,
            command="Describe",
        )
        part.step(
            f"Medians ${number(med.value)}$ and ${number(median_b)}$: {average}. Interquartile "
            f"ranges ${number(iqr.value)}$ and ${number(iqr_b)}$: {consistent}."
        )
        words = f"{average}; {consistent}"
        part.answer(None, kind=AnswerKind.TEXT, plain=words, latex=text.words(words))
        part.mark(
            "B",
            f"on average {higher} {more} (greater median) oe",
            1,
            qualifiers=["FT"],
            partial=["FT their median"],
        )
        part.mark(
            "B",
            f"the {plural} for {narrower} are less spread out or more consistent (smaller "
            "interquartile range) oe",
            1,
            qualifiers=["FT"],
            partial=["FT their interquartile range"],
        )

        if difficulty >= 3:
            pct = rng.choice([10, 20, 25, 40]) if difficulty < 5 else rng.choice([15, 30, 35])
            q.given("p", pct)
            position = Working(q, "n - p*n/100", fractions=False)
            if not position.value.is_integer:
                raise Reject("the percentage is not a whole number of values")
            found = read_x(position.value)
            part = q.part(
                next(labels),
                f"The top ${pct}\\%$ of {for_a} have {plural} greater than $v$ {unit}.\n"
                f"Use the cumulative frequency curve to find an estimate of $v$.",
                marks=2,
                command="Determine",
            )
            method(
                part,
                position,
                f"cumulative frequency ${number(position.value)}$",
                step=f"The top ${pct}\\%$ of ${n}$ is ${number(Rational(pct * n, 100))}$ values: "
                f"cumulative frequency ${n} - {number(Rational(pct * n, 100))} = "
                f"{number(position.value)}$",
                qualifiers=["soi"],
            )
            _answer(
                q,
                part,
                found,
                f"Across from ${number(position.value)}$ to the curve, then down: "
                f"$v \\approx {number(found.value)}$ {unit}",
                [
                    (
                        "read at the cumulative frequency of the top percentage, not the rest",
                        read_x(Rational(pct * n, 100)).value,
                    ),
                ],
                unit=unit,
            )

        if difficulty >= 4:
            inner = [bounds[i] + Rational(width, 2) for i in range(1, k - 1)]
            a, b = sorted(rng.sample(inner, 2))
            q.given("A", a)
            q.given("B", b)
            tol = max(y_read / 2, 1)
            lo = reading(curve.y_at(a), [], resolution=tol, tolerance=tol)
            hi = reading(curve.y_at(b), [], resolution=tol, tolerance=tol)
            between = Reading(hi.value - lo.value, hi.low - lo.high, hi.high - lo.low)
            part = q.part(
                next(labels),
                f"Use the cumulative frequency curve to find an estimate of the number of "
                f"{for_a.removeprefix('the ')} with a {plural.removesuffix('s').removesuffix('e' if plural == 'masses' else '')} between ${number(a)}$ {unit} and ${number(b)}$ {unit}.",
                marks=2,
                command="Determine",
            )
            part.step(
                f"Up from ${number(a)}$ and from ${number(b)}$ to the curve, then across: "
                f"cumulative frequencies $\\approx {number(lo.value)}$ and "
                f"$\\approx {number(hi.value)}$"
            )
            _answer(
                q,
                part,
                between,
                f"${number(hi.value)} - {number(lo.value)} = {number(between.value)}$",
                [("gave the cumulative frequency at the upper value only", hi.value)],
                partial=[f"B1 for a reading in ${lo.accepted}$ or in ${hi.accepted}$"],
            )
