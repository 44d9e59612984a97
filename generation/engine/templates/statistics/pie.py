"""Pie charts (9.4): sector angles and frequencies."""

from __future__ import annotations

import random
from typing import Any

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure, polar
from generation.engine.authoring.text import degrees, table, words
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

# (what was asked, heading, categories with "the people who …" phrases, plural, singular)
_PIES = [
    (
        "students were asked how they travel to school",
        "Method",
        {
            "Walk": "walk",
            "Bus": "travel by bus",
            "Car": "travel by car",
            "Bicycle": "cycle",
            "Train": "travel by train",
        },
        "students",
        "student",
    ),
    (
        "people were asked to name their favourite fruit",
        "Fruit",
        {
            "Apple": "chose apple",
            "Banana": "chose banana",
            "Mango": "chose mango",
            "Orange": "chose orange",
            "Grapes": "chose grapes",
        },
        "people",
        "person",
    ),
    (
        "families were asked where they went on holiday",
        "Holiday",
        {
            "Beach": "went to the beach",
            "City": "went to a city",
            "Mountains": "went to the mountains",
            "Countryside": "went to the countryside",
            "Home": "stayed at home",
        },
        "families",
        "family",
    ),
]


def pie_svg(labels: list[str], angles: list[Any]) -> str:
    """A pie chart drawn accurately (its angles can be measured), sectors clockwise from the
    top, each labelled outside the circle where the label clears its neighbours'."""
    fig = Figure("Pie chart", scale=100).note("").circle((0, 0), 1)
    start = 0.0
    for angle in angles:
        fig.line((0, 0), polar((0, 0), 1, 90 - start), thin=True)
        start += float(angle)
    start = 0.0
    for label, angle in zip(labels, angles, strict=True):
        mid = 90 - (start + float(angle) / 2)
        fig.place(
            polar((0, 0), 1, mid), label, size=12, gap=(12, 26),
            prefer=[mid + k for k in (0, 15, -15, 30, -30, 45, -45)],
        )  # fmt: skip
        start += float(angle)
    return fig.svg()


@register
class PieChart(Template):
    key = "statistics.pie_chart"
    title = "Pie charts: sector angles and frequencies"
    codes = {Tier.CORE: ("C9.4",), Tier.EXTENDED: ("E9.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        intro, heading, phrases, people, person = rng.choice(_PIES)
        k = 4 if difficulty <= 2 else 5
        cats = list(phrases)[:k]
        total = rng.choice(
            {
                1: [30, 36, 40, 45, 60],
                2: [60, 72, 90],
                3: [72, 90, 120],
                4: [60, 90, 120],
                5: [72, 120, 180],
            }[difficulty]
        )
        # Frequencies: positive, different, adding to the total.
        for _ in range(50):
            cuts = sorted(rng.sample(range(2, total - 1), k - 1))
            freqs = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
            if min(freqs) >= 2 and len(set(freqs)) == k:
                break
        else:
            raise Reject("no spread of frequencies")
        angles = [Rational(360 * f, total) for f in freqs]
        q.param("context", heading)
        q.param("total", total)
        labels = iter("abcde")
        q.title = "Pie chart"

        if difficulty <= 3:
            missing = difficulty == 3
            hide = rng.randrange(k) if missing else -1
            for i, f in enumerate(freqs):
                if i != hide:
                    q.given(f"f{i}", f)
            q.given("N", total)
            cells = ["" if i == hide else str(f) for i, f in enumerate(freqs)]
            q.stem = (
                f"${total}$ {intro}. The table shows the results. "
                f"${table([[words(heading), *(words(c) for c in cats)], [words('Frequency'), *cells]])}$"
                " The results are to be shown in a pie chart."
            )

            def f_expr(i: int) -> str:
                if i != hide:
                    return f"f{i}"
                return "(N - " + " - ".join(f"f{j}" for j in range(k) if j != hide) + ")"

            if missing:
                part = q.part(
                    next(labels),
                    f"Work out the frequency for {cats[hide]}.",
                    marks=1,
                    command="Work out",
                )
                part.step(
                    f"${total} - ({' + '.join(cells[j] for j in range(k) if j != hide)}) "
                    f"= {freqs[hide]}$",
                    f_expr(hide),
                )
                part.answer(f_expr(hide))
                part.mark("B", f"${freqs[hide]}$", value=f_expr(hide))
            target = hide if missing else rng.randrange(k)
            f = freqs[target]
            expr = f"{f_expr(target)}/N*360"
            part = q.part(
                next(labels),
                f"Work out the sector angle for {cats[target]}.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"Each {person} is shown by "
                f"$360 \\div {total} = {number(Rational(360, total))}^{{\\circ}}$",
                "360/N",
            )
            angle = Working(q, expr, latex=f"\\frac{{{f}}}{{{total}}} \\times 360")
            method(part, angle, step="")
            final(
                part,
                angle,
                unit="degrees",
                step=f"${angle.substituted} = {degrees(angle.value)}$",
                awarded_for=f"${angle.latex}$",
                qualifiers=["cao"],
            )
            pct = Rational(100 * f, total)
            if pct != angles[target]:
                misconception(
                    part,
                    Misconception(
                        "worked out a percentage (out of 100) instead of an angle",
                        pct,
                        accuracy=Accuracy.SF3,
                        fractions=False,
                    ),
                )
            if difficulty >= 2:
                self._reverse(q, next(labels), rng, cats, people, phrases)
            return

        # Difficulties 4-5: the pie chart is given by its angles; one frequency is known.
        q.diagram_svg = pie_svg(cats, angles)
        known = rng.randrange(k)
        ask = rng.choice([i for i in range(k) if i != known])
        hide = rng.choice([i for i in range(k) if i not in (known, ask)])
        for i, a in enumerate(angles):
            if i != hide:
                q.given(f"a{i}", a)
        q.given("fk", freqs[known])
        shown_angles = ", ".join(
            f"{cats[i]} ${number(a)}^{{\\circ}}$" for i, a in enumerate(angles) if i != hide
        )
        q.stem = (
            f"Some {intro}. The pie chart shows the results. "
            f"The sector angles are: {shown_angles}. The angle for {cats[hide]} is not shown. "
            f"${freqs[known]}$ {people} {phrases[cats[known]]}."
        )
        part = q.part(
            next(labels),
            f"Work out the sector angle for {cats[hide]}.",
            marks=1,
            command="Work out",
        )
        others = " - ".join(f"a{i}" for i in range(k) if i != hide)
        part.step(
            f"$360 - ({' + '.join(number(angles[i]) for i in range(k) if i != hide)}) = "
            f"{number(angles[hide])}^{{\\circ}}$",
            f"360 - {others}",
        )
        part.answer(f"360 - {others}", unit="degrees")
        part.mark("B", f"${number(angles[hide])}$", value=f"360 - {others}")

        total_expr = f"fk*360/a{known}"
        part = q.part(
            next(labels), f"Work out the total number of {people}.", marks=2, command="Work out"
        )
        part.step(
            f"${number(angles[known])}^{{\\circ}}$ represents ${freqs[known]}$ {people}, so "
            f"$1^{{\\circ}}$ represents $\\frac{{{freqs[known]}}}{{{number(angles[known])}}}$",
            f"fk/a{known}",
        )
        whole = Working(
            q, total_expr, latex=f"\\frac{{{freqs[known]}}}{{{number(angles[known])}}} \\times 360"
        )
        method(part, whole, step="")
        final(part, whole, step=whole.equation("\\text{Total}"), qualifiers=["cao"])
        wrong = Rational(freqs[known] * angles[known], 360)
        misconception(
            part,
            Misconception(
                "multiplied the frequency by the angle fraction instead of dividing",
                wrong,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

        ask_expr = f"a{ask}/360*{total_expr}"
        part = q.part(
            next(labels),
            f"Work out the number of {people} who {phrases[cats[ask]]}.",
            marks=2,
            command="Work out",
        )
        count = Working(
            q, ask_expr, latex=f"\\frac{{{number(angles[ask])}}}{{360}} \\times {total}"
        )
        method(part, count, step="", qualifiers=["oe", "FT"], partial=["FT their total"])
        final(part, count, step=count.equation(), qualifiers=["cao"])
        if difficulty == 5:
            part = q.part(
                next(labels),
                f"A pie chart for a second group of {people} has a smaller sector for "
                f"{cats[ask]}. Sam says: 'Fewer {people} in the second group {phrases[cats[ask]]}.' "
                "Explain why Sam may be wrong.",
                marks=1,
                command="Explain",
            )
            part.step(
                "A pie chart shows fractions of a group, not numbers: if the second group is "
                "larger, a smaller fraction of it can still be more people."
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain="The groups may be different sizes; the angle shows a fraction, not a number",
                latex="\\text{The angle shows a fraction of each group, not a number}",
            )
            part.mark(
                "B", "The groups may be different sizes (angles show fractions, not numbers) oe", 1
            )

    @staticmethod
    def _reverse(
        q: QuestionBuilder,
        label: str,
        rng: random.Random,
        cats: list[str],
        people: str,
        phrases: dict[str, str],
    ) -> None:
        other_total = rng.choice([200, 240, 300, 400, 450, 600, 720])
        angle = rng.choice(
            [a for a in range(10, 181, 2) if (a * other_total) % 360 == 0 and a != 90]
        )
        cat = rng.choice(cats)
        q.given("T", other_total)
        q.given("theta", angle)
        part = q.part(
            label,
            f"In a pie chart for a different group of ${other_total}$ {people}, the sector for "
            f"{cat} has an angle of ${angle}^{{\\circ}}$. Work out the number of {people} in this "
            f"group who {phrases[cat]}.",
            marks=2,
            command="Work out",
        )
        count = Working(q, "theta/360*T", latex=f"\\frac{{{angle}}}{{360}} \\times {other_total}")
        method(part, count, step="")
        final(part, count, step=count.equation(), qualifiers=["cao"])
        pct = Rational(angle * other_total, 100)
        misconception(
            part,
            Misconception(
                "treated the angle as a percentage", pct, accuracy=Accuracy.SF3, fractions=False
            ),
        )
