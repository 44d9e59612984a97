"""Histograms with unequal class widths (E9.7): frequency densities worked out and the
histogram completed on the grid printed with the other bars, a frequency from a bar's height,
and an estimate of the values above a cut-off."""

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
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

# (what with {n}, variable, unit, class boundaries with unequal widths)
_HISTOGRAMS = [
    (
        "the times, $t$ seconds, that {n} students took to run 100 metres",
        "t",
        "seconds",
        [[10, 12, 13, 14, 16, 20], [11, 13, 14, 15, 17, 20], [10, 13, 14, 15, 18, 22]],
    ),
    (
        "the masses, $m$ kilograms, of {n} suitcases",
        "m",
        "kg",
        [[0, 10, 15, 20, 30, 50], [0, 5, 10, 20, 25, 40], [0, 10, 20, 25, 30, 40]],
    ),
    (
        "the ages, $a$ years, of {n} people at a concert",
        "a",
        "years",
        [[10, 20, 25, 30, 40, 60], [15, 20, 25, 35, 50, 70], [10, 15, 20, 30, 40, 60]],
    ),
]


@register
class Histogram(Template):
    key = "statistics.histogram"
    title = "Histograms with unequal class widths: frequency density and frequencies"
    codes = {Tier.EXTENDED: ("E9.7",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        what, var, unit, options = rng.choice(_HISTOGRAMS)
        bounds = rng.choice(options)
        k = len(bounds) - 1
        widths = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        # Frequency densities first (tenths or halves), so the frequencies are whole numbers.
        step = Rational(1, 2) if difficulty != 5 else Rational(1, 5)
        freqs: list[int] = []
        for w in widths:
            choices = [
                d for d in (step * i for i in range(1, 61)) if (d * w).q == 1 and 2 <= d * w <= 40
            ]
            freqs.append(int(rng.choice(choices) * w))
        fds = [Rational(f, w) for f, w in zip(freqs, widths, strict=True)]
        n = sum(freqs)
        for i, f in enumerate(freqs):
            q.given(f"f{i}", f)
        q.param("context", var)
        q.param("bounds", "-".join(map(str, bounds)))
        ask = rng.sample([i for i in range(k) if widths[i] != 1], 2 if difficulty <= 3 else 3)
        ask.sort()
        given_fd = [i for i in range(k) if i not in ask]
        cells = [number(fds[i]) if i in given_fd else "" for i in range(k)]
        rows = [[words("Class"), words("Frequency"), words("Frequency density")]]
        for i in range(k):
            rows.append([class_latex(var, bounds[i], bounds[i + 1]), str(freqs[i]), cells[i]])
        q.title = "Histogram"
        q.stem = (
            f"The table shows {what.format(n=f'${n}$')}. Some of the frequency densities are "
            f"missing. ${table(rows)}$"
        )
        labels = iter("abcde")

        part = q.part(
            next(labels),
            "Work out the missing frequency densities, in order from the top of the table.",
            marks=len(ask),
            command="Work out",
        )
        for i in ask:
            expr = f"f{i}/{widths[i]}"
            part.step(
                f"${class_latex(var, bounds[i], bounds[i + 1])}$: "
                f"${freqs[i]} \\div {widths[i]} = {number(fds[i])}$",
                expr,
            )
            part.answer(expr, label=class_latex(var, bounds[i], bounds[i + 1]))
            part.mark("B", f"${number(fds[i])}$", value=expr)
        products = [freqs[i] * widths[i] for i in ask]
        if not set(products) & {fds[i] for i in ask}:
            wrong(
                part,
                ", ".join(str(v) for v in products),
                "multiplied the frequency by the class width instead of dividing",
            )

        # The histogram with the bars of the classes whose density is given; the candidate
        # draws the others.
        axis_titles = {"t": "Time (seconds)", "m": "Mass (kg)", "a": "Age (years)"}
        graph = Graph(
            "Histogram",
            scale(bounds[0], bounds[-1], steps=8),
            scale(0, max(fds)),
            x_title=axis_titles[var],
            y_title="Frequency density",
        )
        for i in given_fd:
            graph.polyline(
                [(bounds[i], 0), (bounds[i], fds[i]), (bounds[i + 1], fds[i]), (bounds[i + 1], 0)]
            )
        q.diagram_svg = graph.svg()
        part = q.part(
            next(labels), "On the grid, complete the histogram.", marks=len(ask), command="Plot"
        )
        bars = [
            f"${class_latex(var, bounds[i], bounds[i + 1])}$ of height ${number(fds[i])}$"
            for i in ask
        ]
        part.step(
            "Draw a bar over each class, its height the frequency density: " + "; ".join(bars) + "."
        )
        drawn = "bars of height " + ", ".join(number(fds[i]) for i in ask)
        part.answer(None, kind=AnswerKind.TEXT, plain=drawn, latex=words(drawn))
        for bar in bars:
            part.mark("B", f"bar for {bar}", 1, qualifiers=["FT"], partial=["FT their density"])

        # frequency from a bar height in another histogram
        j = rng.choice([i for i in range(k) if widths[i] >= 2])
        height = rng.choice(
            [
                d
                for d in (Rational(i, 10) for i in range(2, 80))
                if (d * widths[j]).q == 1 and d * widths[j] >= 3
            ]
        )
        q.given("H", height)
        part = q.part(
            next(labels),
            f"A histogram is drawn for a second group. The bar for the class "
            f"${class_latex(var, bounds[j], bounds[j + 1])}$ has a height of ${number(height)}$. "
            "Work out the frequency for this class.",
            marks=2,
            command="Work out",
        )
        frequency = Working(q, f"H*{widths[j]}")
        method(part, frequency, step="")
        final(
            part,
            frequency,
            step=f"Frequency $=$ frequency density $\\times$ class width $= {frequency.substituted} "
            f"= {frequency.latex}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "divided by the class width instead of multiplying",
                height / widths[j],
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        wrong(part, number(height), "took the height of the bar as the frequency")

        if difficulty >= 3:
            # (c) values above a cut inside one class, assuming even spread
            cuts = [
                (i, d)
                for i in range(1, k - 1)
                for d in range(1, widths[i])
                if (fds[i] * (widths[i] - d)).q == 1
            ]
            if not cuts:
                raise Reject("no whole-number cut")
            c, offset = rng.choice(cuts)
            cut = bounds[c] + offset
            q.given("X", cut)
            part_freq = fds[c] * (bounds[c + 1] - cut)
            rest = sum(freqs[c + 1 :])
            total = part_freq + rest
            part = q.part(
                next(labels),
                f"Assuming the values in each class are spread evenly, estimate the number of "
                f"values greater than ${number(cut)}$ {unit}.",
                marks=3,
                command="Work out",
            )
            part.step(
                f"In ${class_latex(var, bounds[c], bounds[c + 1])}$: "
                f"${number(fds[c])} \\times ({bounds[c + 1]} - {number(cut)}) = {number(part_freq)}$",
                f"f{c}/{widths[c]}*({bounds[c + 1]} - X)",
            )
            later = " + ".join(f"f{i}" for i in range(c + 1, k)) or "0"
            part.step(
                f"Classes above: ${' + '.join(str(freqs[i]) for i in range(c + 1, k)) or '0'} = {rest}$",
                later,
            )
            expr = f"f{c}/{widths[c]}*({bounds[c + 1]} - X) + {later}"
            part.step(f"${number(part_freq)} + {rest} = {number(total)}$", expr)
            part.answer(expr)
            part.mark(
                "M",
                f"${number(fds[c])} \\times ({bounds[c + 1]} - {number(cut)})$ oe",
                value=f"f{c}/{widths[c]}*({bounds[c + 1]} - X)",
            )
            part.mark("M", f"$+ {rest}$", value=expr, qualifiers=["dep"])
            part.mark("A", f"${number(total)}$", value=expr, qualifiers=["cao"])
            whole = freqs[c] + rest
            wrong(part, str(whole), "included the whole of the class containing the cut-off")
            wrong(
                part,
                number(part_freq),
                "found only the part of the class above the cut-off",
                working=[f"f{c}/{widths[c]}*({bounds[c + 1]} - X)"],
            )
