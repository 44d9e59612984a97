"""Cumulative frequency (E9.6): median, quartiles, interquartile range, percentiles."""

from __future__ import annotations

import random
from typing import Any

from sympy import Rational

from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._common import shown, wrong_number
from generation.engine.templates.statistics._grouped import MEASURES, grouped_table
from questions.schemas import Accuracy, CalculatorPolicy, Tier


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
        what, var, unit, start, width = rng.choice(MEASURES)
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
            f"${grouped_table(var, bounds, 'Frequency', [str(f) for f in freqs])}$ "
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
