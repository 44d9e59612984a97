"""Classifying data, frequency tables, averages and spread (9.1–9.4)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.text import listing, ordinal, table, words
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics.lists import mean_of, median_of
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

# (what was counted, table heading, values, what the frequencies count, "more than k" question,
#  a continuous measure of the same things)
_COUNTS = [
    (
        "the number of pets owned by each of {n} students",
        "Number of pets",
        range(0, 6),
        "students",
        "How many students own more than {k} pets?",
        "the mass of each pet",
    ),
    (
        "the number of goals scored by a football team in each of {n} matches",
        "Number of goals",
        range(0, 6),
        "matches",
        "In how many matches did the team score more than {k} goals?",
        "the time each match lasted",
    ),
    (
        "the number of people in each of {n} cars passing a school",
        "Number of people",
        range(1, 7),
        "cars",
        "How many cars had more than {k} people in them?",
        "the length of each car",
    ),
    (
        "the number of books read last month by each of {n} students",
        "Number of books",
        range(0, 6),
        "students",
        "How many students read more than {k} books?",
        "the time each student spent reading",
    ),
]


def _classify(part: PartBuilder, answer: str, reason: str) -> None:
    part.step(reason)
    part.answer(None, kind=AnswerKind.TEXT, plain=answer, latex=f"\\text{{{answer}}}")
    part.mark("B", answer.capitalize(), 1)


@register
class FrequencyTable(Template):
    key = "statistics.frequency_table"
    title = "Discrete data in a frequency table: type of data, reading the table and averages"
    codes = {Tier.CORE: ("C9.1", "C9.2", "C9.3"), Tier.EXTENDED: ("E9.1", "E9.2", "E9.3")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        what, heading, values, items, more, continuous = rng.choice(_COUNTS)
        xs = list(values)
        freqs = [rng.randint(1, 5 if difficulty == 1 else 11) for _ in xs]
        # One value is clearly the most common, so the mode is unique.
        freqs[rng.randrange(len(xs))] = max(freqs) + rng.randint(1, 2)
        top = max(freqs)
        total = sum(freqs)
        q.param("context", heading)
        unknown = difficulty == 5
        label = iter("abcdefgh")

        if difficulty == 1:
            # Raw data: the candidate tabulates it first.
            raw = [x for x, f in zip(xs, freqs, strict=True) for _ in range(f)]
            rng.shuffle(raw)
            q.title = "Frequency table from raw data"
            q.stem = f"The list shows {what.format(n=f'${total}$')}. {listing(raw)}"
            q.given("N", total)
            part = q.part(
                next(label),
                f"Complete a frequency table for this data, giving the frequency of each value "
                f"from ${xs[0]}$ to ${xs[-1]}$.",
                marks=2,
                command="Work out",
            )
            for x, f in zip(xs, freqs, strict=True):
                part.step(f"${x}$ appears ${f}$ time{'' if f == 1 else 's'}.", f)
                part.answer(f, label=f"frequency of {x}")
            part.step(f"Check: the frequencies add up to ${total}$.", tuple(freqs))
            part.mark(
                "B",
                "Frequencies " + ", ".join(f"${f}$" for f in freqs),
                2,
                value=tuple(freqs),
                partial=[f"B1 for {len(xs) - 1} correct frequencies"],
            )
            part = q.part(
                next(label),
                "State whether this data is discrete or continuous.",
                marks=1,
                command="State",
            )
            _classify(part, "discrete", "The values are counted, so they are whole numbers.")
            self._mode(q, next(label), xs, freqs, heading)
            self._range(q, next(label), xs, freqs)
            return

        if unknown:
            hidden = rng.choice([i for i in range(len(xs)) if freqs[i] != top and xs[i] != 0])
            # Choose the hidden frequency so that the mean is a tidy decimal.
            s_known = sum(
                x * f for i, (x, f) in enumerate(zip(xs, freqs, strict=True)) if i != hidden
            )
            f_known = total - freqs[hidden]
            options = []
            for f in range(3, 21):
                m = Rational(s_known + xs[hidden] * f, f_known + f)
                if (m * 100).q == 1 and f != top and f_known + f > 10:
                    options.append((f, m))
            if not options:
                raise Reject("no tidy mean")
            hidden_f, m = rng.choice(options)
            freqs[hidden] = hidden_f
            if freqs.count(max(freqs)) > 1:
                raise Reject("two modes")
            total = sum(freqs)
        for x, f in zip(xs, freqs, strict=True):
            if not (unknown and x == xs[hidden]):
                q.given(f"f{x}", f)
        cells = [
            "x" if unknown and x == xs[hidden] else str(f) for x, f in zip(xs, freqs, strict=True)
        ]
        q.title = "Frequency table"
        q.stem = (
            f"The frequency table shows {what.format(n='some' if unknown else f'${total}$')}. "
            f"${table([[words(heading), *(str(x) for x in xs)], [words('Frequency'), *cells]])}$"
        )
        if unknown:
            q.stem = q.stem.replace("each of some", "each of a number of")

        # Classification
        if difficulty == 4:
            part = q.part(
                next(label),
                f"Is {continuous} discrete or continuous data?",
                marks=1,
                command="State",
            )
            _classify(part, "continuous", "It is measured, so it can take any value in a range.")
        else:
            part = q.part(
                next(label),
                "State whether the data in the table is discrete or continuous.",
                marks=1,
                command="State",
            )
            _classify(part, "discrete", "The values are counted, so they are whole numbers.")

        if unknown:
            m_given = q.given("m", m)
            assert m_given == m
            hx = xs[hidden]
            s_expr = " + ".join(f"{x}*f{x}" for x in xs if x != hx)
            f_expr = " + ".join(f"f{x}" for x in xs if x != hx)
            part = q.part(
                next(label),
                f"The mean is ${number(m)}$. Work out the value of $x$.",
                marks=3,
                command="Work out",
            )
            known_s = s_known
            part.step(
                f"$\\sum fx = {known_s} + {hx}x$ and $\\sum f = {f_known} + x$",
                f"{known_s} + {hx}*x",
            )
            eq = f"Eq(({s_expr} + {hx}*x)/({f_expr} + x), m)"
            part.step(f"$\\frac{{{known_s} + {hx}x}}{{{f_known} + x}} = {number(m)}$", eq)
            answer = f"(m*({f_expr}) - ({s_expr}))/({hx} - m)"
            part.step(
                f"${known_s} + {hx}x = {number(m * f_known)} + {number(m)}x$, so $x = {hidden_f}$",
                answer,
            )
            part.answer(answer, variable="x", satisfies=eq)
            part.mark("M", f"${known_s} + {hx}x$", value=f"{known_s} + {hx}*x", qualifiers=["oe"])
            part.mark(
                "M",
                f"$\\frac{{{known_s} + {hx}x}}{{{f_known} + x}} = {number(m)}$",
                value=eq,
                qualifiers=["oe"],
            )
            part.mark("A", f"${hidden_f}$", value=answer, qualifiers=["cao"])
            naive = (m * f_known - known_s) / hx
            if naive != hidden_f and naive > 0:
                misconception(
                    part,
                    Misconception(
                        "did not add x to the total frequency",
                        naive,
                        (f"{known_s} + {hx}*x",),
                        accuracy=Accuracy.SF3,
                        fractions=False,
                    ),
                )
            self._median(q, next(label), xs, freqs)
            return

        if difficulty == 2:
            part = q.part(
                next(label),
                f"How many {items} are there altogether?",
                marks=1,
                command="Work out",
            )
            f_expr = " + ".join(f"f{x}" for x in xs)
            final(part, Working(q, f_expr))
            wrong(
                part, str(sum(xs)), "added the values in the first row instead of the frequencies"
            )
            k = rng.choice(xs[1:-2])
            q.given("k", k)
            above = [x for x in xs if x > k]
            expr = " + ".join(f"f{x}" for x in above)
            count = sum(f for x, f in zip(xs, freqs, strict=True) if x > k)
            part = q.part(
                next(label),
                _singular(more.format(k=f"${k}$"), k),
                marks=1,
                command="Work out",
            )
            final(part, Working(q, expr))
            with_k = count + freqs[xs.index(k)]
            wrong(part, str(with_k), f"included the value {k} itself")
            self._mode(q, next(label), xs, freqs, heading)
            self._range(q, next(label), xs, freqs)
            return

        self._median(q, next(label), xs, freqs)
        self._mean(q, next(label), xs, freqs)

    # --- the averages, shared by the difficulties ----------------------------------------

    @staticmethod
    def _mode(
        q: QuestionBuilder, label: str, xs: list[int], freqs: list[int], heading: str
    ) -> None:
        top = max(freqs)
        mode = xs[freqs.index(top)]
        part = q.part(label, "Write down the mode.", marks=1, command="Write down")
        final(
            part,
            Working(q, str(mode)),
            step=f"The highest frequency is ${top}$, for the value ${mode}$.",
        )
        if top != mode:
            wrong(part, str(top), "gave the highest frequency instead of the value")

    @staticmethod
    def _range(q: QuestionBuilder, label: str, xs: list[int], freqs: list[int]) -> None:
        used = [x for x, f in zip(xs, freqs, strict=True) if f > 0]
        part = q.part(label, "Work out the range.", marks=1, command="Work out")
        spread_of_values = Working(q, f"{used[-1]} - {used[0]}")
        final(part, spread_of_values)
        value = spread_of_values.value
        spread = max(freqs) - min(freqs)
        if spread != value:
            wrong(part, str(spread), "found the range of the frequencies")

    @staticmethod
    def _median(q: QuestionBuilder, label: str, xs: list[int], freqs: list[int]) -> None:
        data = [x for x, f in zip(xs, freqs, strict=True) for _ in range(f)]
        n = len(data)
        med = median_of(data)
        position = Rational(n + 1, 2)
        part = q.part(label, "Find the median.", marks=2, command="Work out")
        if n % 2:
            where = f"the {ordinal(n // 2 + 1)} value"
        else:
            where = f"halfway between the {ordinal(n // 2)} and {ordinal(n // 2 + 1)} values"
        method(
            part,
            Working(q, f"({n} + 1)/2", fractions=False),
            f"$\\frac{{{n} + 1}}{{2}} = {number(position)}$: {where}",
            step=f"There are ${n}$ values, so the median is {where}.",
            qualifiers=["soi"],
        )
        final(
            part,
            Working(q, str(med), fractions=False),
            step=f"Adding up the frequencies, the median is ${number(med)}$.",
            qualifiers=["oe"],
        )
        middle = median_of(xs)
        if middle != med:
            wrong(
                part,
                number(middle),
                "found the middle of the values in the table, ignoring the frequencies",
            )
        if position != med:
            wrong(part, number(position), "gave the position of the median instead of its value")

    @staticmethod
    def _mean(q: QuestionBuilder, label: str, xs: list[int], freqs: list[int]) -> None:
        sfx = sum(x * f for x, f in zip(xs, freqs, strict=True))
        n = sum(freqs)
        s_expr = " + ".join(f"{x}*f{x}" for x in xs)
        f_expr = " + ".join(f"f{x}" for x in xs)
        m_expr = f"({s_expr})/({f_expr})"
        part = q.part(label, "Calculate the mean.", marks=3, command="Calculate")
        total = Working(q, s_expr)
        method(
            part,
            total,
            f"$\\sum fx = {sfx}$",
            lhs="\\sum fx",
            qualifiers=(),
            partial=["allow one slip"],
        )
        mean = Working(q, m_expr, latex=f"{sfx} \\div {n}", fractions=False)
        method(part, mean, f"$\\div {n}$", step="", qualifiers=["dep"])
        final(
            part,
            mean,
            accuracy=Accuracy.SF3,
            step=mean.equation("\\text{Mean}", Accuracy.SF3),
            awrt=True,
        )
        value = mean.value
        by_groups = Rational(sfx, len(xs))
        misconception(
            part,
            Misconception(
                f"divided by the number of columns ({len(xs)}) instead of the total frequency",
                by_groups,
                (s_expr,),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        plain_mean = mean_of(xs)
        if plain_mean != value:
            misconception(
                part,
                Misconception(
                    "found the mean of the values in the first row, ignoring the frequencies",
                    plain_mean,
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )


def _singular(question: str, k: int) -> str:
    """'more than $1$ pets' -> 'more than $1$ pet'."""
    if k != 1:
        return question
    for plural, single in (
        ("pets", "pet"),
        ("goals", "goal"),
        ("people", "person"),
        ("books", "book"),
    ):
        question = question.replace(f"$1$ {plural}", f"$1$ {single}")
    return question
