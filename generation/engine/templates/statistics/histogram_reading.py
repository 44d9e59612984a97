"""Reading a histogram with unequal class widths (E9.7): the histogram is printed and the
candidate completes the frequency table from it (frequency = frequency density x class width),
then estimates how many values lie in part of the range, assuming the values in each class are
spread evenly (part of one class, or, harder, across parts of two classes and the classes
between). Each bar's height is on a grid line, so it is read exactly."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.figures import Graph, scale
from generation.engine.authoring.text import table, words
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._grouped import class_latex
from generation.engine.templates.statistics.histogram import _HISTOGRAMS
from questions.schemas import CalculatorPolicy, Tier

_AXIS = {"t": "Time (seconds)", "m": "Mass (kg)", "a": "Age (years)"}


@register
class HistogramReading(Template):
    key = "statistics.histogram_reading"
    title = "Reading a histogram with unequal class widths: the frequency table and estimates"
    codes = {Tier.EXTENDED: ("E9.7",)}
    calculator = CalculatorPolicy.ALLOWED
    # Extended-only content with a 2-mark table: the rubric's lightest band is 3, so the
    # easiest variant offered is 2.
    difficulties = (2, 3, 4, 5)

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:  # noqa: PLR0915 - one part after another
        what, var, unit, options = rng.choice(_HISTOGRAMS)
        bounds = rng.choice(options)
        k = len(bounds) - 1
        widths = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        # Densities on whole numbers or halves (tenths at the hardest), frequencies whole.
        step = (
            Rational(1, 5)
            if difficulty == 5
            else (Rational(1, 2) if difficulty >= 3 else Rational(1))
        )
        fds: list[Rational] = []
        for w in widths:
            choices = [
                d
                for d in (step * i for i in range(1, 81))
                if (d * w).q == 1 and 3 <= d * w <= 40 and d <= 16
            ]
            fds.append(rng.choice(choices))
        freqs = [int(d * w) for d, w in zip(fds, widths, strict=True)]
        if len(set(fds)) < 3:
            raise Reject("the bars are too alike")
        n = sum(freqs)
        x_axis, y_axis = scale(bounds[0], bounds[-1], steps=8), scale(0, max(fds))
        graph = Graph(
            "Histogram",
            x_axis,
            y_axis,
            x_title=_AXIS[var],
            y_title="Frequency density",
        )
        y_small = Rational(str(y_axis[2])) / graph.minor[1]
        x_small = Rational(str(x_axis[2])) / graph.minor[0]
        if any((d / y_small).q != 1 for d in fds) or any(
            (Rational(b - bounds[0]) / x_small).q != 1 for b in bounds
        ):
            raise Reject("a bar's edge is not on a grid line")
        for i in range(k):
            graph.polyline(
                [(bounds[i], 0), (bounds[i], fds[i]), (bounds[i + 1], fds[i]), (bounds[i + 1], 0)]
            )
            q.param(f"fd{i}", str(fds[i]))  # read from the histogram, not stated
        q.diagram_svg = graph.svg()
        q.param("context", var)
        q.param("bounds", "-".join(map(str, bounds)))
        q.title = "Reading a histogram"
        rows = [[words("Class"), words("Frequency")]]
        rows += [[class_latex(var, bounds[i], bounds[i + 1]), ""] for i in range(k)]
        q.stem = f"The histogram shows information about {what.format(n='some')}."
        labels = iter("abcd")

        part = q.part(
            next(labels),
            f"Use the histogram to complete the frequency table. ${table(rows)}$",
            marks=2,
            command="Write",
        )
        for i in range(k):
            cls = class_latex(var, bounds[i], bounds[i + 1])
            part.step(
                f"${cls}$: ${number(fds[i])} \\times {widths[i]} = {freqs[i]}$",
                str(freqs[i]),
            )
            part.answer(str(freqs[i]), label=cls)
        part.step("Frequencies: " + ", ".join(map(str, freqs)), tuple(freqs))
        part.mark(
            "B",
            "Frequencies " + ", ".join(f"${f}$" for f in freqs),
            2,
            value=tuple(freqs),
            partial=["B1 for 3 or 4 correct"],
        )
        if all(w != 1 for w in widths):
            wrong(
                part,
                ", ".join(number(d) for d in fds),
                "gave the heights of the bars (frequency densities) as the frequencies",
            )

        part = q.part(next(labels), "Work out the total frequency.", marks=1, command="Work out")
        total = Working(q, " + ".join(map(str, freqs)), fractions=False)
        final(
            part,
            total,
            step=f"${total.substituted} = {n}$",
            qualifiers=["FT"],
            partial=["FT their table"],
        )
        if any(w != 1 for w in widths):
            misconception(
                part,
                Misconception("added the frequency densities", sum(fds), fractions=False),
            )

        # Values between two cut-offs, spread evenly in each class: inside one class, or
        # (difficulty 4 and 5) from inside one class to inside a later one.
        spans = []
        for c in range(k):
            last_class = min(k - 1, c + 2) if difficulty >= 4 else c
            for d in range(c + 1 if difficulty >= 4 else c, last_class + 1):
                for a in range(bounds[c] + 1, bounds[c + 1]):
                    for b in range(max(a, bounds[d]) + 1, bounds[d + 1]):
                        if d == c:
                            share = fds[c] * (b - a)
                        else:
                            share = fds[c] * (bounds[c + 1] - a) + fds[d] * (b - bounds[d])
                            share += sum(freqs[c + 1 : d])
                        if share.q == 1 and share >= 2:
                            spans.append((c, d, a, b))
        if not spans:
            raise Reject("no whole-number estimate")
        c, d, a, b = rng.choice(spans)
        q.param("between", f"{a}-{b}")
        if d == c:
            est = Working(q, f"{fds[c]}*({b} - {a})", fractions=False)
            part = q.part(
                next(labels),
                f"Assuming the values in each class are spread evenly, estimate the number of "
                f"values between ${a}$ {unit} and ${b}$ {unit}.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"The class ${class_latex(var, bounds[c], bounds[c + 1])}$ has frequency "
                f"density ${number(fds[c])}$; ${b} - {a} = {b - a}$ {unit} of it"
            )
            method(
                part,
                Working(q, f"{freqs[c]}/{widths[c]}*({b} - {a})", fractions=False),
                f"${number(fds[c])} \\times ({b} - {a})$ or "
                f"$\\frac{{{b - a}}}{{{widths[c]}}} \\times {freqs[c]}$ oe",
                step="",
                qualifiers=[],
            )
            final(
                part,
                est,
                step=f"${number(fds[c])} \\times {b - a} = {est.latex}$",
                qualifiers=["cao"],
            )
            misconception(
                part,
                Misconception("gave the whole frequency of the class", freqs[c], fractions=False),
            )
            misconception(
                part,
                Misconception(
                    "multiplied the frequency of the class, not its frequency density, by "
                    "the width of the part",
                    freqs[c] * (b - a),
                    fractions=False,
                ),
            )
        else:
            first = fds[c] * (bounds[c + 1] - a)
            last = fds[d] * (b - bounds[d])
            middle = sum(freqs[c + 1 : d])
            whole = " + ".join(str(f) for f in freqs[c + 1 : d])
            source = f"{fds[c]}*({bounds[c + 1]} - {a}) + {fds[d]}*({b} - {bounds[d]})"
            source += f" + {middle}" if middle else ""
            est = Working(q, source, fractions=False)
            part = q.part(
                next(labels),
                f"Assuming the values in each class are spread evenly, estimate the number of "
                f"values between ${a}$ {unit} and ${b}$ {unit}.",
                marks=3,
                command="Work out",
            )
            method(
                part,
                Working(q, f"{fds[c]}*({bounds[c + 1]} - {a})", fractions=False),
                f"${number(fds[c])} \\times ({bounds[c + 1]} - {a})$ oe",
                step=f"From ${a}$ to ${bounds[c + 1]}$: ${number(fds[c])} \\times "
                f"{bounds[c + 1] - a} = {number(first)}$",
                qualifiers=[],
            )
            method(
                part,
                Working(q, f"{fds[d]}*({b} - {bounds[d]})", fractions=False),
                f"${number(fds[d])} \\times ({b} - {bounds[d]})$ oe",
                step=f"From ${bounds[d]}$ to ${b}$: ${number(fds[d])} \\times "
                f"{b - bounds[d]} = {number(last)}$"
                + (
                    f"; the classes between: ${whole} = {middle}$"
                    if d - c > 2
                    else (f"; the class between: ${middle}$" if middle else "")
                ),
                qualifiers=[],
            )
            final(
                part,
                est,
                step=f"${number(first)} + {number(last)}"
                + (f" + {middle}" if middle else "")
                + f" = {est.latex}$",
                qualifiers=["cao"],
            )
            misconception(
                part,
                Misconception(
                    "included the whole of both classes containing the cut-offs",
                    sum(freqs[c : d + 1]),
                    fractions=False,
                ),
            )
            misconception(
                part,
                Misconception(
                    "used the heights of the bars without multiplying by the widths",
                    fds[c] + fds[d] + sum(fds[c + 1 : d]),
                    fractions=False,
                ),
            )
