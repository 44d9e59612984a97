"""Averages and spread of a list of data, and stem-and-leaf diagrams (9.3, 9.4)."""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.text import listing, ordinal
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier


def median_of(values: Sequence[Any]) -> Rational:
    """The median, exactly (the mean of the two middle values for an even count)."""
    return Rational(statistics.median(Fraction(v) for v in values))


def mean_of(values: Sequence[Any]) -> Rational:
    return Rational(sum(values), len(values))


# (description with {n}, unit after a value, low, high)
_LISTS = [
    ("the times, in minutes, that {n} students took to travel to school", "minutes", 5, 45),
    ("the marks scored by {n} students in a test marked out of 50", "marks", 12, 50),
    ("the numbers of text messages sent by {n} friends on one day", "messages", 0, 40),
    ("the masses, in kilograms, of {n} dogs at a vet's clinic", "kg", 4, 40),
]
_TEMPERATURES = ("the midday temperatures, in °C, in a town on {n} days in January", "°C", -9, 9)


def _data(rng: random.Random, n: int, low: int, high: int) -> list[int]:
    """n values with exactly one mode (one value appears twice, the others once)."""
    distinct = rng.sample(range(low, high + 1), n - 1)
    return [*distinct, rng.choice(distinct)]


def _median_part(part: PartBuilder, data: Sequence[int]) -> None:
    ordered = sorted(data)
    med = Working(part.q, str(median_of(data)), fractions=False)
    part.step(f"In order: ${', '.join(number(v) for v in ordered)}$", tuple(ordered))
    part.mark(
        "M",
        "Values in order",
        value=tuple(ordered),
        qualifiers=["soi"],
        partial=["allow one error in the order"],
    )
    n = len(data)
    if n % 2:
        step = f"The middle ({ordinal(n // 2 + 1)}) value is ${med.latex}$."
    else:
        a, b = ordered[n // 2 - 1], ordered[n // 2]
        step = (
            f"The middle two values are ${number(a)}$ and ${number(b)}$: "
            f"$\\frac{{{number(a)} + {number(b)}}}{{2}} = {med.latex}$"
        )
    final(part, med, step=step, qualifiers=["oe"])
    unsorted = median_unsorted(data)
    if unsorted != med.value:
        wrong(part, number(unsorted), "took the middle of the list without putting it in order")


def median_unsorted(data: Sequence[int]) -> Rational:
    n = len(data)
    if n % 2:
        return Rational(data[n // 2])
    return Rational(data[n // 2 - 1] + data[n // 2], 2)


def _mean_part(part: PartBuilder, data: Sequence[int]) -> None:
    total = sum(data)
    n = len(data)
    method(
        part,
        Working(part.q, str(total)),
        f"${total} \\div {n}$",
        step=f"Total $= {total}$",
        qualifiers=(),
        partial=[f"M1 for their total divided by {n}"],
    )
    mean = Working(part.q, f"{total}/{n}", latex=f"{total} \\div {n}", fractions=False)
    final(
        part,
        mean,
        accuracy=Accuracy.SF3,
        step=mean.equation("\\text{Mean}", Accuracy.SF3),
        awrt=True,
    )
    wrong = Rational(total, n - 1)
    misconception(
        part,
        Misconception(
            f"divided by {n - 1} instead of {n}",
            wrong,
            (total,),
            accuracy=Accuracy.SF3,
            fractions=False,
        ),
    )


@register
class AveragesList(Template):
    key = "statistics.averages_list"
    title = "Mean, median, mode and range of a list of data"
    codes = {Tier.CORE: ("C9.3",), Tier.EXTENDED: ("E9.3",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        what, unit, low, high = _TEMPERATURES if difficulty == 3 else rng.choice(_LISTS)
        n = {1: rng.choice([7, 9]), 2: rng.choice([8, 10]), 3: rng.choice([8, 9, 10])}.get(
            difficulty, rng.choice([8, 9, 10, 11])
        )
        data = _data(rng, n, low, high)
        if difficulty == 3 and (min(data) >= 0 or max(data) <= 0):
            raise Reject("temperatures all on one side of zero")
        if difficulty == 5:
            # One extreme value, far above the rest.
            mode = max(set(data), key=data.count)
            where = rng.choice([i for i in range(n) if data[i] != mode])
            data[where] = high + rng.randint(40, 70)
            # Make the extreme value pull the mean clearly away from the median.
            while (
                mean_of(data) - median_of(data) < Rational(high - low, 8)
                and data[where] < high + 110
            ):
                data[where] += 10
            if mean_of(data) - median_of(data) < Rational(high - low, 8):
                raise Reject("the extreme value hardly moves the mean")
        rng.shuffle(data)
        q.param("context", unit)
        q.param("n", n)
        q.title = "Averages and range"
        q.stem = f"Here are {what.format(n=f'${n}$')}. {listing(data)}"
        labels = iter("abcdef")

        if difficulty <= 3:
            part = q.part(next(labels), "Work out the range.", marks=1, command="Work out")
            value = max(data) - min(data)
            part.step(
                f"${number(max(data))} - ({number(min(data))}) = {value}$"
                if min(data) < 0
                else f"${max(data)} - {min(data)} = {value}$",
                value,
            )
            final(part, Working(q, str(value)), step="")
            if min(data) < 0:
                wrong(
                    part,
                    str(max(data) + min(data)),
                    "subtracted the size of the lowest temperature, ignoring its sign",
                )
            else:
                wrong(part, str(max(data)), "gave the largest value instead of the range")
        if difficulty <= 2:
            mode = max(set(data), key=data.count)
            part = q.part(next(labels), "Write down the mode.", marks=1, command="Write down")
            final(
                part,
                Working(q, str(mode)),
                step=f"${number(mode)}$ appears twice; every other value appears once.",
            )
        part = q.part(next(labels), "Find the median.", marks=2, command="Work out")
        _median_part(part, data)
        part = q.part(next(labels), "Calculate the mean.", marks=2, command="Calculate")
        _mean_part(part, data)

        if difficulty == 5:
            part = q.part(
                next(labels),
                "Explain why the median is a better average than the mean to represent this data.",
                marks=1,
                command="Explain",
            )
            part.step(
                f"The value ${max(data)}$ is much larger than the rest; it pulls the mean up but "
                "does not change the median much."
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"The mean is affected by the extreme value {max(data)}; the median is not",
                latex=f"\\text{{The mean is affected by the extreme value }} {max(data)}",
            )
            part.mark("B", f"The mean is affected by the extreme value ${max(data)}$ oe", 1)
        if difficulty >= 4:
            self._extra_value(q, next(labels), rng, data, unit)

    @staticmethod
    def _extra_value(
        q: QuestionBuilder, label: str, rng: random.Random, data: list[int], unit: str
    ) -> None:
        n, total = len(data), sum(data)
        options = []
        for extra in range(1, 80):
            m2 = Rational(total + extra, n + 1)
            if (m2 * 10).q == 1 and extra not in data:
                options.append((extra, m2))
        if not options:
            raise Reject("no tidy new mean")
        extra, m2 = rng.choice(options)
        new_mean = q.given("m2", m2)
        assert new_mean == m2
        part = q.part(
            label,
            f"One more value is added to the list. The mean of all ${n + 1}$ values is "
            f"${number(m2)}$. Work out the value that was added.",
            marks=3,
            command="Work out",
        )
        part.step(f"Total of the first ${n}$ values $= {total}$", total)
        new_total = Working(q, f"{n + 1}*m2", fractions=False)
        method(part, new_total, lhs=f"\\text{{Total of all }} {n + 1} \\text{{ values}}")
        added = Working(q, f"{n + 1}*m2 - {total}", latex=f"{number(new_total.value)} - {total}")
        method(part, added, step="", qualifiers=["dep"])
        final(part, added, step=added.equation("\\text{Added value}"), qualifiers=["cao"])
        wrong(
            part,
            number((n + 1) * m2),
            "gave the new total instead of the added value",
            working=[f"{n + 1}*m2"],
        )
        if m2 * n - total > 0:
            misconception(
                part,
                Misconception(
                    f"multiplied the new mean by {n} instead of {n + 1}",
                    m2 * n - total,
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )


# ---------------------------------------------------------------------------------------------
# Stem-and-leaf diagrams


_STEMS = [
    ("the ages, in years, of {n} people at a party", "years", 1, "people", "older than"),
    (
        "the times, in seconds, taken by {n} students to solve a puzzle",
        "seconds",
        1,
        "students",
        "took longer than",
    ),
    ("the masses, in kilograms, of {n} parcels", "kg", 10, "parcels", "heavier than"),
    ("the heights, in metres, of {n} trees in a park", "m", 10, "trees", "taller than"),
]


def _diagram(data: Sequence[int], scale: int, unit: str) -> str:
    """An ordered stem-and-leaf diagram (a LaTeX array) and its key, as question text."""
    ordered = sorted(data)
    stems = range(ordered[0] // 10, ordered[-1] // 10 + 1)
    rows = []
    for stem in stems:
        leaves = [v % 10 for v in ordered if v // 10 == stem]
        rows.append(f"{stem} & " + " \\; ".join(str(leaf) for leaf in leaves))
    example = next(v for v in ordered if v % 10)
    shown_value = number(Rational(example, scale))
    key = (
        f"\\text{{Key: }} {example // 10} \\mid {example % 10} \\text{{ represents }} "
        f"{shown_value} \\text{{ {unit}}}"
    )
    body = " \\\\ ".join(rows)
    return f"$\\begin{{array}}{{r|l}} {body} \\end{{array}}$ $\\quad {key}$"


@register
class StemAndLeaf(Template):
    key = "statistics.stem_and_leaf"
    title = "Reading a stem-and-leaf diagram: averages, range and quartiles"
    codes = {Tier.CORE: ("C9.3", "C9.4"), Tier.EXTENDED: ("E9.3", "E9.4")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        pick = _STEMS[:2] if difficulty <= 3 else _STEMS[2:]
        what, unit, scale, items, more = rng.choice(pick)
        extended = q.tier == Tier.EXTENDED
        if extended:
            n = {1: 11, 2: 11, 3: 15, 4: 15, 5: 19}[difficulty]
        else:
            n = {1: 13, 2: 12, 3: 15, 4: 16, 5: 17}[difficulty]
        low = rng.randint(1, 2) * 10
        data = _data(rng, n, low, low + rng.randint(35, 45))
        values = [Rational(v, scale) for v in data]
        q.param("context", unit)
        q.param("n", n)
        q.title = "Stem-and-leaf diagram"
        q.stem = (
            f"The ordered stem-and-leaf diagram shows {what.format(n=f'${n}$')}. "
            f"{_diagram(data, scale, unit)}"
        )
        labels = iter("abcdef")
        ordered = sorted(values)

        # How many above a threshold (read the diagram)
        k = rng.choice([v for v in ordered[n // 3 : 2 * n // 3] if ordered.count(v) == 1])
        q.given("k", k)
        count = sum(1 for v in values if v > k)
        part = q.part(
            next(labels),
            f"How many {items} {'' if more.startswith('took') else 'are '}{more} "
            f"${number(k)}$ {unit}?",
            marks=1,
            command="Work out",
        )
        final(
            part,
            Working(q, str(count)),
            step=f"Count the values after ${number(k)}$ in the diagram: ${count}$.",
        )
        wrong(part, str(count + 1), f"included the value {number(k)} itself")

        mode = max(set(values), key=values.count)
        if not extended or difficulty <= 2:
            part = q.part(next(labels), "Write down the mode.", marks=1, command="Write down")
            final(
                part,
                Working(q, str(mode), fractions=False),
                unit=unit,
                step=f"${number(mode)}$ is the only value that appears twice.",
                awarded_for=f"${number(mode)}$",
            )

        rng_value = ordered[-1] - ordered[0]
        part = q.part(next(labels), "Work out the range.", marks=1, command="Work out")
        part.step(
            f"${number(ordered[-1])} - {number(ordered[0])} = {number(rng_value)}$", rng_value
        )
        part.answer(rng_value, unit=unit)
        part.mark("B", f"${number(rng_value)}$", value=rng_value)
        stems_only = ordered[-1] // 1 if scale == 1 else None
        if stems_only is not None:
            leaf_range = max(d % 10 for d in data) - min(d % 10 for d in data)
            if leaf_range != rng_value:
                wrong(part, str(leaf_range), "subtracted the smallest leaf from the largest leaf")

        med = median_of(values)
        if extended:
            part = q.part(next(labels), "Write down the median.", marks=1, command="Write down")
        else:
            part = q.part(next(labels), "Find the median.", marks=2, command="Work out")
        position = Rational(n + 1, 2)
        where = (
            f"the {ordinal(n // 2 + 1)} value"
            if n % 2
            else f"halfway between the {ordinal(n // 2)} and {ordinal(n // 2 + 1)} values"
        )
        part.step(
            f"$\\frac{{{n} + 1}}{{2}} = {number(position)}$, so the median is {where} in the "
            "ordered diagram.",
            position,
        )
        part.step(f"Median $= {number(med)}$ {unit}", med)
        part.answer(med, unit=unit)
        if extended:
            part.mark("B", f"${number(med)}$", value=med)
        else:
            part.mark("M", f"$\\frac{{{n} + 1}}{{2}}$th value", value=position, qualifiers=["soi"])
            part.mark("A", f"${number(med)}$", value=med, qualifiers=["oe"])
            if position != med:
                wrong(part, number(position), "gave the position of the median, not its value")

        if extended and difficulty >= 2:
            lq = ordered[(n + 1) // 4 - 1]
            uq = ordered[3 * (n + 1) // 4 - 1]
            iqr = uq - lq
            part = q.part(
                next(labels), "Work out the interquartile range.", marks=3, command="Work out"
            )
            part.step(
                f"Lower quartile: value number $\\frac{{{n} + 1}}{{4}} = {(n + 1) // 4}$, "
                f"which is ${number(lq)}$",
                lq,
            )
            part.step(
                f"Upper quartile: value number $\\frac{{3({n} + 1)}}{{4}} = "
                f"{3 * (n + 1) // 4}$, which is ${number(uq)}$",
                uq,
            )
            part.step(f"$\\text{{IQR}} = {number(uq)} - {number(lq)} = {number(iqr)}$", iqr)
            part.answer(iqr, unit=unit)
            part.mark("B", f"lower quartile ${number(lq)}$", value=lq)
            part.mark("B", f"upper quartile ${number(uq)}$", value=uq)
            part.mark(
                "B",
                f"${number(iqr)}$",
                value=iqr,
                qualifiers=["FT"],
                partial=["FT their upper quartile − their lower quartile"],
            )
            if iqr not in (lq, uq):
                wrong(
                    part,
                    number(uq + lq),
                    "added the quartiles instead of subtracting",
                    working=[lq, uq],
                )
            if rng_value not in (lq, uq):
                wrong(part, number(rng_value), "gave the range instead of the interquartile range")

        if difficulty >= 3:
            total = sum(values)
            part = q.part(next(labels), "Calculate the mean.", marks=2, command="Calculate")
            method(
                part,
                Working(q, str(total), fractions=False),
                f"${number(total)} \\div {n}$",
                step=f"Total $= {number(total)}$",
            )
            mean = Working(q, f"{total}/{n}", latex=f"{number(total)} \\div {n}", fractions=False)
            final(
                part,
                mean,
                accuracy=Accuracy.SF3,
                unit=unit,
                step=mean.equation("\\text{Mean}", Accuracy.SF3),
                awarded_for=None,
                awrt=True,
            )
            misconception(
                part,
                Misconception(
                    f"divided by {n - 1} instead of {n}",
                    total / (n - 1),
                    (total,),
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )
