"""Grouped data (Extended): estimated mean and modal class (E9.3), cumulative frequency (E9.6)
and histograms with unequal class widths (E9.7)."""

from __future__ import annotations

import random
from typing import Any

from sympy import Rational

from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._common import shown, wrong_number
from generation.engine.templates.statistics._tables import table, text
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

# (what was measured with {n}, variable, unit, first lower bound, class width)
_MEASURES = [
    ("the times, $t$ minutes, that {n} people waited at a doctor's surgery", "t", "minutes", 0, 10),
    ("the masses, $m$ grams, of {n} apples", "m", "grams", 80, 20),
    ("the heights, $h$ centimetres, of {n} plants", "h", "cm", 10, 5),
    ("the distances, $d$ kilometres, that {n} students travel to school", "d", "km", 0, 2),
]


def _class_latex(var: str, low: Any, high: Any) -> str:
    return f"{number(low)} < {var} \\le {number(high)}"


def _class_answer(part: PartBuilder, var: str, low: Any, high: Any) -> None:
    part.answer(
        f"And({low} < {var}, {var} <= {high})",
        kind=AnswerKind.INEQUALITY,
        variable=var,
        plain=f"{number(low)} < {var} ≤ {number(high)}",
        latex=_class_latex(var, low, high),
    )


def _grouped_table(var: str, bounds: list[Any], column: str, values: list[str]) -> str:
    rows = [[text("Class"), text(column)]]
    for (low, high), v in zip(zip(bounds, bounds[1:], strict=False), values, strict=True):
        rows.append([_class_latex(var, low, high), v])
    return table(rows)


@register
class GroupedMean(Template):
    key = "statistics.grouped_mean"
    title = "Grouped data: modal class, class containing the median and an estimate of the mean"
    codes = {Tier.EXTENDED: ("E9.3",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        what, var, unit, start, width = rng.choice(_MEASURES)
        k = 4 if difficulty <= 2 else 5 if difficulty <= 4 else 6
        bounds = [start + width * i for i in range(k + 1)]
        freqs = [rng.randint(3, 9 + 3 * difficulty) for _ in range(k)]
        freqs[rng.randrange(k)] = max(freqs) + rng.randint(1, 4)  # a single modal class
        n = sum(freqs)
        for i, f in enumerate(freqs):
            q.given(f"f{i}", f)
        q.param("context", var)
        mids = [Rational(bounds[i] + bounds[i + 1], 2) for i in range(k)]
        q.title = "Grouped frequency table"
        q.stem = (
            f"The table shows {what.format(n=f'${n}$')}. "
            f"${_grouped_table(var, bounds, 'Frequency', [str(f) for f in freqs])}$"
        )
        labels = iter("abcde")

        top = freqs.index(max(freqs))
        part = q.part(next(labels), "Write down the modal class.", marks=1, command="Write down")
        part.step(f"The highest frequency is ${freqs[top]}$.")
        _class_answer(part, var, bounds[top], bounds[top + 1])
        part.mark(
            "B",
            f"${_class_latex(var, bounds[top], bounds[top + 1])}$",
            value=f"And({bounds[top]} < {var}, {var} <= {bounds[top + 1]})",
        )

        if difficulty >= 2:
            position = Rational(n + 1, 2)
            index = next(i for i in range(k) if sum(freqs[: i + 1]) >= position)
            part = q.part(
                next(labels),
                "Write down the class that contains the median.",
                marks=1,
                command="Write down",
            )
            part.step(
                f"The median is value number $\\frac{{{n} + 1}}{{2}} = {number(position)}$; "
                f"the running total first reaches it in this class."
            )
            _class_answer(part, var, bounds[index], bounds[index + 1])
            part.mark(
                "B",
                f"${_class_latex(var, bounds[index], bounds[index + 1])}$",
                value=f"And({bounds[index]} < {var}, {var} <= {bounds[index + 1]})",
            )

        f_names = [f"f{i}" for i in range(k)]
        sfx_expr = " + ".join(f"{m}*{f}" for m, f in zip(mids, f_names, strict=True))
        mean_expr = f"({sfx_expr})/({' + '.join(f_names)})"
        sfx = sum(m * f for m, f in zip(mids, freqs, strict=True))
        part = q.part(
            next(labels), "Calculate an estimate of the mean.", marks=4, command="Calculate"
        )
        part.step("Midpoints: " + ", ".join(f"${number(m)}$" for m in mids), tuple(mids))
        products = " + ".join(f"{number(m)} \\times {f}" for m, f in zip(mids, freqs, strict=True))
        part.step(f"$\\sum fx = {products} = {number(sfx)}$", sfx_expr)
        ans = part.answer(mean_expr, accuracy=Accuracy.SF3, unit=unit)
        part.step(f"Estimate of mean $= {number(sfx)} \\div {n} = {ans.latex}$", mean_expr)
        part.mark(
            "M",
            "Midpoints " + ", ".join(f"${number(m)}$" for m in mids),
            value=tuple(mids),
            qualifiers=["soi"],
        )
        part.mark(
            "M",
            f"$\\sum fx = {number(sfx)}$",
            value=sfx_expr,
            partial=["for $\\sum fx$ with $x$ in the correct class, including the bounds"],
        )
        part.mark("M", f"$\\div {n}$", value=mean_expr, qualifiers=["dep"])
        exact = (sfx / n).q in (1, 2, 4, 5, 10)
        part.mark("A", f"${ans.latex}$", value=mean_expr, qualifiers=[] if exact else ["awrt"])
        wrong_number(
            part,
            (sum(mids) / k),
            "found the mean of the midpoints, ignoring the frequencies",
            1,
            working=[tuple(mids)],
        )
        wrong_number(
            part,
            (sfx / k),
            f"divided by the number of classes ({k}) instead of {n}",
            2,
            working=[tuple(mids), sfx_expr],
        )
        upper = sum(b * f for b, f in zip(bounds[1:], freqs, strict=True))
        wrong_number(
            part, (Rational(upper, n)), "used the upper class bounds instead of the midpoints", 0
        )

        if difficulty >= 4:
            part = q.part(
                next(labels),
                "Explain why your answer to the previous part is an estimate.",
                marks=1,
                command="Explain",
            )
            part.step(
                "The exact values are not known; each value was replaced by the midpoint "
                "of its class."
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain="The midpoints were used because the exact values are not known",
                latex="\\text{The exact values are not known (midpoints were used)}",
            )
            part.mark("B", "The exact values are not known / midpoints were used oe", 1)
        if difficulty == 5:
            cut = rng.randint(2, k - 2)
            q.given("cut", bounds[cut])
            count = sum(freqs[cut:])
            expr = " + ".join(f_names[cut:])
            part = q.part(
                next(labels),
                f"Work out the percentage of the {n} values that are greater than "
                f"${number(bounds[cut])}$ {unit}.".replace(f"the {n} values", f"the ${n}$ values"),
                marks=2,
                command="Work out",
            )
            pct = Rational(100 * count, n)
            pct_expr = f"100*({expr})/({' + '.join(f_names)})"
            ans = part.answer(pct_expr, accuracy=Accuracy.SF3, unit="%")
            part.step(
                f"${count}$ values: $\\frac{{{count}}}{{{n}}} \\times 100 = {ans.latex}$", pct_expr
            )
            part.mark(
                "M", f"$\\frac{{{count}}}{{{n}}} \\times 100$", value=pct_expr, qualifiers=["oe"]
            )
            exact = pct.q in (1, 2, 4, 5, 10)
            part.mark("A", f"${ans.latex}$", value=pct_expr, qualifiers=[] if exact else ["awrt"])
            wrong = Rational(100 * sum(freqs[cut - 1 :]), n)
            wrong_number(part, wrong, "included the class below the boundary", 0)


# ---------------------------------------------------------------------------------------------
# Cumulative frequency


def _interpolate(bounds: list[int], cumulative: list[int], position: Any) -> Rational:
    """The value at a cumulative position, by straight lines between the plotted points."""
    points = [(bounds[0], 0)] + list(zip(bounds[1:], cumulative, strict=True))
    for (x0, c0), (x1, c1) in zip(points, points[1:], strict=False):
        if c0 <= position <= c1 and c1 > c0:
            return Rational(x0) + Rational(position - c0, 1) / (c1 - c0) * (x1 - x0)
    raise ValueError(position)


def _interp_step(bounds: list[int], cumulative: list[int], position: Any, var: str) -> str:
    points = [(bounds[0], 0)] + list(zip(bounds[1:], cumulative, strict=True))
    for (x0, c0), (x1, c1) in zip(points, points[1:], strict=False):
        if c0 <= position <= c1 and c1 > c0:
            return (
                f"{number(x0)} + \\frac{{{number(position)} - {c0}}}{{{c1 - c0}}} \\times {x1 - x0}"
            )
    raise ValueError(position)


@register
class CumulativeFrequency(Template):
    key = "statistics.cumulative_frequency"
    title = "Cumulative frequency: median, quartiles, interquartile range and percentiles"
    codes = {Tier.EXTENDED: ("E9.6",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        what, var, unit, start, width = rng.choice(_MEASURES)
        k = 5 if difficulty <= 3 else 6
        n = rng.choice(
            {1: [40, 60], 2: [60, 80], 3: [80, 100], 4: [100, 120], 5: [120, 200]}[difficulty]
        )
        # Frequencies rising then falling, adding to n.
        weights = [rng.randint(1, 4) for _ in range(k)]
        weights[k // 2] += 4
        weights[k // 2 - 1] += 2
        raw = [n * w / sum(weights) for w in weights]
        freqs = [max(1, round(x)) for x in raw]
        freqs[k // 2] += n - sum(freqs)
        if min(freqs) < 1:
            raise Reject("awkward frequencies")
        bounds = [start + width * i for i in range(k + 1)]
        cumulative = [sum(freqs[: i + 1]) for i in range(k)]
        for i, f in enumerate(freqs):
            q.given(f"f{i}", f)
        q.param("context", var)
        q.param("n", n)
        q.title = "Cumulative frequency"
        q.stem = (
            f"The table shows {what.format(n=f'${n}$')}. "
            f"${_grouped_table(var, bounds, 'Frequency', [str(f) for f in freqs])}$ "
            "In this question, estimate values from the cumulative frequencies by assuming the "
            "values in each class are spread evenly (as when reading from a cumulative frequency "
            "polygon)."
        )
        labels = iter("abcdef")
        cf_exprs = [" + ".join(f"f{j}" for j in range(i + 1)) for i in range(k)]

        part = q.part(
            next(labels),
            f"Work out the cumulative frequency for ${var} \\le {number(bounds[1])}$, "
            + ", ".join(f"${var} \\le {number(b)}$" for b in bounds[2:-1])
            + f" and ${var} \\le {number(bounds[-1])}$.",
            marks=2,
            command="Work out",
        )
        for b, c, e in zip(bounds[1:], cumulative, cf_exprs, strict=True):
            part.step(f"${var} \\le {number(b)}$: ${c}$", e)
            part.answer(e, label=f"{var} ≤ {number(b)}")
        part.step(
            "Cumulative frequencies: " + ", ".join(str(c) for c in cumulative), tuple(cumulative)
        )
        part.mark(
            "B",
            "Cumulative frequencies " + ", ".join(f"${c}$" for c in cumulative),
            2,
            value=tuple(cumulative),
            partial=["B1 for all but one correct"],
        )

        med = _interpolate(bounds, cumulative, Rational(n, 2))
        part = q.part(next(labels), "Find an estimate of the median.", marks=2, command="Work out")
        part.step(f"The median is at cumulative frequency $\\frac{{{n}}}{{2}} = {n // 2}$.", n // 2)
        ans = part.answer(med, accuracy=Accuracy.SF3, unit=unit)
        part.step(f"${_interp_step(bounds, cumulative, Rational(n, 2), var)} = {ans.latex}$", med)
        part.mark("M", f"cumulative frequency ${n // 2}$", value=n // 2, qualifiers=["soi"])
        part.mark("A", f"${ans.latex}$", value=med, qualifiers=["awrt"])
        part.wrong(str(n // 2), "gave the position of the median instead of its value", 1)

        lq = _interpolate(bounds, cumulative, Rational(n, 4))
        uq = _interpolate(bounds, cumulative, Rational(3 * n, 4))
        part = q.part(
            next(labels),
            "Find an estimate of the interquartile range.",
            marks=3,
            command="Work out",
        )
        lq_shown = shown(lq, Accuracy.SF4)
        uq_shown = shown(uq, Accuracy.SF4)
        part.step(
            f"Lower quartile at ${number(Rational(n, 4))}$: "
            f"${_interp_step(bounds, cumulative, Rational(n, 4), var)} = {lq_shown}$",
            lq,
        )
        part.step(
            f"Upper quartile at ${number(Rational(3 * n, 4))}$: "
            f"${_interp_step(bounds, cumulative, Rational(3 * n, 4), var)} = {uq_shown}$",
            uq,
        )
        iqr = uq - lq
        ans = part.answer(iqr, accuracy=Accuracy.SF3, unit=unit)
        part.step(f"$\\text{{IQR}} = {uq_shown} - {lq_shown} = {ans.latex}$", iqr)
        part.mark("B", f"lower quartile ${lq_shown}$", value=lq, qualifiers=["awrt"])
        part.mark("B", f"upper quartile ${uq_shown}$", value=uq, qualifiers=["awrt"])
        part.mark(
            "B",
            f"${ans.latex}$",
            value=iqr,
            qualifiers=["FT", "awrt"],
            partial=["FT their upper quartile − their lower quartile"],
        )
        if iqr not in (lq, uq) and uq + lq not in (lq, uq, iqr):
            wrong_number(
                part, (uq + lq), "added the quartiles instead of subtracting", 2, working=[lq, uq]
            )

        if difficulty >= 3:
            # A cut-off inside a class that gives a whole number of values.
            cuts = [
                (i, t)
                for i in range(1, k - 1)
                for t in (Rational(1, 4), Rational(1, 2), Rational(3, 4))
                if (t * freqs[i]).q == 1
            ]
            if not cuts:
                raise Reject("no cut-off giving a whole number")
            cut_index, fraction = rng.choice(cuts)
            cut = bounds[cut_index] + fraction * width
            q.given("X", cut)
            below = (
                Rational(cumulative[cut_index - 1])
                + (cut - bounds[cut_index]) / width * freqs[cut_index]
            )
            part = q.part(
                next(labels),
                f"Find an estimate of the number of values greater than ${number(cut)}$ {unit}.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"Cumulative frequency at ${number(cut)}$: ${cumulative[cut_index - 1]} + "
                f"\\frac{{{number(cut - bounds[cut_index])}}}{{{width}}} \\times "
                f"{freqs[cut_index]} = {number(below)}$",
                below,
            )
            ans = part.answer(n - below, accuracy=Accuracy.SF3)
            part.step(f"${n} - {number(below)} = {ans.latex}$", n - below)
            part.mark("M", f"${number(below)}$ seen", value=below, qualifiers=["soi"])
            part.mark("A", f"${ans.latex}$", value=n - below, qualifiers=["awrt"])
            if below != n - below:
                wrong_number(part, below, "gave the number of values less than the cut-off", 1)

        if difficulty == 5:
            pct = rng.choice([10, 20, 80, 90])
            position = Rational(pct * n, 100)
            value = _interpolate(bounds, cumulative, position)
            q.given("pct", pct)
            part = q.part(
                next(labels),
                f"Find an estimate of the {pct}th percentile.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"The {pct}th percentile is at cumulative frequency "
                f"${pct}\\% \\times {n} = {number(position)}$.",
                position,
            )
            ans = part.answer(value, accuracy=Accuracy.SF3, unit=unit)
            part.step(f"${_interp_step(bounds, cumulative, position, var)} = {ans.latex}$", value)
            part.mark(
                "M",
                f"cumulative frequency ${number(position)}$",
                value=position,
                qualifiers=["soi"],
            )
            part.mark("A", f"${ans.latex}$", value=value, qualifiers=["awrt"])


# ---------------------------------------------------------------------------------------------
# Histograms


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
        rows = [[text("Class"), text("Frequency"), text("Frequency density")]]
        for i in range(k):
            rows.append([_class_latex(var, bounds[i], bounds[i + 1]), str(freqs[i]), cells[i]])
        q.title = "Histogram"
        q.stem = (
            f"The table shows {what.format(n=f'${n}$')}. Some of the frequency densities are "
            f"missing. ${table(rows)}$"
        )
        labels = iter("abcd")

        part = q.part(
            next(labels),
            "Work out the missing frequency densities, in order from the top of the table.",
            marks=len(ask),
            command="Work out",
        )
        for i in ask:
            expr = f"f{i}/{widths[i]}"
            part.step(
                f"${_class_latex(var, bounds[i], bounds[i + 1])}$: "
                f"${freqs[i]} \\div {widths[i]} = {number(fds[i])}$",
                expr,
            )
            part.answer(expr, label=_class_latex(var, bounds[i], bounds[i + 1]))
            part.mark("B", f"${number(fds[i])}$", value=expr)
        products = [freqs[i] * widths[i] for i in ask]
        if not set(products) & {fds[i] for i in ask}:
            part.wrong(
                ", ".join(str(v) for v in products),
                "multiplied the frequency by the class width instead of dividing",
                0,
            )

        # (b) frequency from a bar height in another histogram
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
            f"${_class_latex(var, bounds[j], bounds[j + 1])}$ has a height of ${number(height)}$. "
            "Work out the frequency for this class.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"Frequency $=$ frequency density $\\times$ class width $= {number(height)} "
            f"\\times {widths[j]} = {number(height * widths[j])}$",
            f"H*{widths[j]}",
        )
        part.answer(f"H*{widths[j]}")
        part.mark(
            "M",
            f"${number(height)} \\times {widths[j]}$",
            value=f"H*{widths[j]}",
            qualifiers=["oe"],
        )
        part.mark(
            "A", f"${number(height * widths[j])}$", value=f"H*{widths[j]}", qualifiers=["cao"]
        )
        wrong_number(
            part, (height / widths[j]), "divided by the class width instead of multiplying", 0
        )
        part.wrong(number(height), "took the height of the bar as the frequency", 0)

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
                f"In ${_class_latex(var, bounds[c], bounds[c + 1])}$: "
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
            part.wrong(str(whole), "included the whole of the class containing the cut-off", 0)
            part.wrong(
                number(part_freq),
                "found only the part of the class above the cut-off",
                1,
                working=[f"f{c}/{widths[c]}*({bounds[c + 1]} - X)"],
            )
