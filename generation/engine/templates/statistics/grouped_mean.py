"""Grouped data (E9.3): modal class, class containing the median, estimated mean."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._grouped import (
    MEASURES,
    class_answer,
    class_latex,
    grouped_table,
)
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier


@register
class GroupedMean(Template):
    key = "statistics.grouped_mean"
    title = "Grouped data: modal class, class containing the median and an estimate of the mean"
    codes = {Tier.EXTENDED: ("E9.3",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        what, var, unit, start, width = rng.choice(MEASURES)
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
            f"${grouped_table(var, bounds, 'Frequency', [str(f) for f in freqs])}$"
        )
        labels = iter("abcde")

        top = freqs.index(max(freqs))
        part = q.part(next(labels), "Write down the modal class.", marks=1, command="Write down")
        part.step(f"The highest frequency is ${freqs[top]}$.")
        class_answer(part, var, bounds[top], bounds[top + 1])
        part.mark(
            "B",
            f"${class_latex(var, bounds[top], bounds[top + 1])}$",
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
            class_answer(part, var, bounds[index], bounds[index + 1])
            part.mark(
                "B",
                f"${class_latex(var, bounds[index], bounds[index + 1])}$",
                value=f"And({bounds[index]} < {var}, {var} <= {bounds[index + 1]})",
            )

        f_names = [f"f{i}" for i in range(k)]
        sfx_expr = " + ".join(f"{m}*{f}" for m, f in zip(mids, f_names, strict=True))
        mean_expr = f"({sfx_expr})/({' + '.join(f_names)})"
        sfx = sum(m * f for m, f in zip(mids, freqs, strict=True))
        mean_label = next(labels)
        part = q.part(
            mean_label, "Calculate an estimate of the mean.", marks=4, command="Calculate"
        )
        part.step("Midpoints: " + ", ".join(f"${number(m)}$" for m in mids), tuple(mids))
        part.mark(
            "M",
            "Midpoints " + ", ".join(f"${number(m)}$" for m in mids),
            value=tuple(mids),
            qualifiers=["soi"],
        )
        total = Working(q, sfx_expr)
        method(
            part,
            total,
            f"$\\sum fx = {total.latex}$",
            lhs="\\sum fx",
            qualifiers=(),
            partial=["for $\\sum fx$ with $x$ in the correct class, including the bounds"],
        )
        mean = Working(q, mean_expr, latex=f"{total.latex} \\div {n}", fractions=False)
        method(part, mean, f"$\\div {n}$", step="", qualifiers=["dep"])
        final(
            part,
            mean,
            accuracy=Accuracy.SF3,
            unit=unit,
            step=mean.equation("\\text{Estimate of mean}", Accuracy.SF3),
            awrt=True,
        )
        misconception(
            part,
            Misconception(
                "found the mean of the midpoints, ignoring the frequencies",
                sum(mids) / k,
                (tuple(mids),),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                f"divided by the number of classes ({k}) instead of {n}",
                sfx / k,
                (
                    tuple(mids),
                    sfx_expr,
                ),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        upper = sum(b * f for b, f in zip(bounds[1:], freqs, strict=True))
        misconception(
            part,
            Misconception(
                "used the upper class bounds instead of the midpoints",
                Rational(upper, n),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

        if difficulty >= 4:
            part = q.part(
                next(labels),
                f"Explain why your answer to part ({mean_label}) is an estimate.",
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
            pct = Working(
                q,
                f"100*({expr})/({' + '.join(f_names)})",
                latex=f"\\frac{{{count}}}{{{n}}} \\times 100",
                fractions=False,
            )
            part.step(f"${count}$ values are greater than ${number(bounds[cut])}$", expr)
            method(part, pct, step="")
            final(
                part,
                pct,
                accuracy=Accuracy.SF3,
                unit="%",
                step=pct.equation("", Accuracy.SF3),
                awrt=True,
            )
            wrong = Rational(100 * sum(freqs[cut - 1 :]), n)
            misconception(
                part,
                Misconception(
                    "included the class below the boundary",
                    wrong,
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )
