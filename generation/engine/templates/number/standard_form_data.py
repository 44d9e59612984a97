"""Standard form in data (1.8): a table of values in standard form — the greatest, how many
times larger one is than another, a difference across powers of ten, and a mean."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    wrong,
)
from generation.engine.authoring.text import standard_form, table, words
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

# (name, mantissa, exponent): planet masses in kg and small lengths in metres (rounded data).
_PLANETS = [
    ("Mercury", "3.30", 23),
    ("Venus", "4.87", 24),
    ("Earth", "5.97", 24),
    ("Mars", "6.42", 23),
    ("Jupiter", "1.90", 27),
    ("Saturn", "5.68", 26),
    ("Uranus", "8.68", 25),
    ("Neptune", "1.02", 26),
]
_SMALL = [
    ("red blood cell", "8", -6),
    ("bacterium", "2", -6),
    ("virus", "1.2", -7),
    ("human hair (width)", "7.5", -5),
    ("grain of pollen", "2.5", -5),
    ("skin cell", "3", -5),
]
_SETS = [
    ("planet", "Mass (kg)", "mass", "kg", _PLANETS, "greatest mass"),
    ("object", "Length (m)", "length", "m", _SMALL, "greatest length"),
]


def _value(mantissa: str, exponent: int) -> Rational:
    return Rational(mantissa) * Rational(10) ** exponent


def _sf(mantissa: str, exponent: int) -> str:
    return f"{mantissa} \\times 10^{{{exponent}}}"


def _usable(rows: list[tuple[str, str, int]]) -> bool:
    """The greatest value is not the one with the greatest number in front, and two values are
    one power of ten apart."""
    best = max(rows, key=lambda r: _value(r[1], r[2]))
    front = max(rows, key=lambda r: Rational(r[1]))
    exponents = {r[2] for r in rows}
    return best != front and any(e + 1 in exponents for e in exponents)


@register
class StandardFormData(Template):
    key = "number.standard_form_data"
    title = "Standard form in a table of data: comparing, dividing and subtracting"
    codes = {Tier.CORE: ("C1.8",), Tier.EXTENDED: ("E1.8",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        thing, heading, noun, unit, pool, greatest = rng.choice(_SETS)
        rows = rng.choice(
            [rows for rows in (rng.sample(pool, 4) for _ in range(12)) if _usable(rows)]
            or [rng.sample(pool, 4)]
        )
        best = max(rows, key=lambda r: _value(r[1], r[2]))
        biggest_mantissa = max(rows, key=lambda r: Rational(r[1]))
        if biggest_mantissa == best:
            raise Reject("the greatest value also has the greatest number in front")
        q.title = "Standard form"
        the = "" if thing == "planet" else "the "
        for i, (_, m, e) in enumerate(rows, start=1):
            q.given(f"s{i}", _value(m, e), display=_sf(m, e))
        cells = [[words(thing.capitalize()), words(heading)]]
        cells += [
            [words(name.capitalize() if thing == "object" else name), _sf(m, e)]
            for name, m, e in rows
        ]
        q.stem = f"The table shows the {noun} of some {thing}s.\n\n$" + table(cells) + "$"
        labels = iter("abcd")

        # which is greatest: the power of ten decides first
        part = q.part(
            next(labels),
            f"Write down the name of the {thing} with the {greatest}.",
            marks=1,
            command="Write down",
        )
        part.step(
            f"Compare the powers of ten first: $10^{{{best[2]}}}$ is the highest, so the "
            f"{greatest} is {the}{best[0]}."
        )
        part.answer(kind=AnswerKind.TEXT, plain=best[0], latex=words(best[0]))
        part.mark("B", best[0], qualifiers=["cao"])
        wrong(
            part,
            biggest_mantissa[0],
            "compared the numbers in front of the powers of ten instead of the powers",
            latex=words(biggest_mantissa[0]),
        )

        # how many times: a division
        ordered = sorted(range(4), key=lambda i: _value(rows[i][1], rows[i][2]))
        small, large = ordered[0], ordered[-1] if difficulty >= 3 else ordered[2]
        if rows[large][2] == rows[small][2]:
            raise Reject("the same power of ten")
        a, b = f"s{large + 1}", f"s{small + 1}"
        part = q.part(
            next(labels),
            f"How many times greater is the {noun} of {the}{rows[large][0]} than the {noun} of "
            f"{the}{rows[small][0]}?",
            marks=2,
            command="Work out",
        )
        ratio = Working(
            q,
            f"{a}/{b}",
            latex=f"\\frac{{{_sf(rows[large][1], rows[large][2])}}}{{{_sf(rows[small][1], rows[small][2])}}}",
            fractions=False,
        )
        short = (ratio.value * 100).q == 1
        accuracy = Accuracy.EXACT if short else Accuracy.SF3
        method(part, ratio, f"${ratio.substituted}$", step=ratio.equation("", accuracy))
        final(part, ratio, accuracy=accuracy, step="", qualifiers=["cao" if short else "awrt"])
        misconception(
            part,
            Misconception(
                "divided the smaller by the larger", f"{b}/{a}", accuracy=accuracy, fractions=False
            ),
        )
        misconception(
            part,
            Misconception(
                "divided the numbers in front and ignored the powers of ten",
                Rational(rows[large][1]) / Rational(rows[small][1]),
                accuracy=accuracy,
                fractions=False,
            ),
        )

        # a difference across powers of ten
        pairs = [(i, j) for i in range(4) for j in range(4)
                 if rows[i][2] == rows[j][2] + 1]  # fmt: skip
        if not pairs:
            raise Reject("no two values one power of ten apart")
        i, j = rng.choice(pairs)
        x, y = f"s{i + 1}", f"s{j + 1}"
        part = q.part(
            next(labels),
            f"Work out the difference between the {noun} of {the}{rows[i][0]} and the {noun} of "
            f"{the}{rows[j][0]}.\n\nGive your answer in standard form.",
            marks=2,
            command="Work out",
        )
        diff_value = _value(rows[i][1], rows[i][2]) - _value(rows[j][1], rows[j][2])
        shifted = number(Rational(rows[j][1]) / 10)
        diff = Working(
            q,
            f"{x} - {y}",
            latex=f"({rows[i][1]} - {shifted}) \\times 10^{{{rows[i][2]}}}",
            fractions=False,
        )
        method(
            part,
            diff,
            f"${_sf(rows[j][1], rows[j][2])} = {shifted} \\times 10^{{{rows[i][2]}}}$ or "
            f"${diff.substituted}$ oe",
            step=f"${_sf(rows[j][1], rows[j][2])} = {shifted} \\times 10^{{{rows[i][2]}}}$, so "
            f"the difference is ${diff.substituted}$",
        )
        plain, latex = standard_form(diff_value)
        part.step(f"$= {latex}$", diff.machine)
        part.answer(diff.machine, plain=plain, latex=latex, unit=unit)
        part.mark("A", f"${latex}$", value=diff.machine, qualifiers=["cao"])
        slip = (Rational(rows[i][1]) - Rational(rows[j][1])) * Rational(10) ** rows[i][2]
        if slip > 0:
            s_plain, s_latex = standard_form(slip)
            wrong(
                part,
                s_plain,
                "subtracted the numbers in front without first writing both with the same "
                "power of ten",
                latex=s_latex,
            )

        # the mean of all four (Extended, hardest)
        if difficulty >= 4:
            part = q.part(
                next(labels),
                f"Work out the mean {noun} of the four {thing}s.\n\nGive your answer in standard "
                "form.",
                marks=2,
                command="Work out",
            )
            total = " + ".join(f"s{k}" for k in range(1, 5))
            mean = Working(q, f"({total})/4", fractions=False)
            plain, latex = standard_form(mean.value)
            method(
                part,
                mean,
                f"$({' + '.join(_sf(m, e) for _, m, e in rows)}) \\div 4$",
                step=f"Total $\\div 4 = {latex}$",
            )
            part.answer(mean.machine, plain=plain, latex=latex, unit=unit)
            part.mark("A", f"${latex}$", value=mean.machine, qualifiers=["cao"])
            wrong_total = f"({total})"
            t_plain, t_latex = standard_form(q.value_of(wrong_total))
            wrong(part, t_plain, "gave the total instead of the mean", latex=t_latex, working=[])
