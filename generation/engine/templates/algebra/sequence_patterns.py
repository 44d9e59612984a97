"""Sequences in patterns (2.7): a pattern of shapes made from sticks or tiles, its table, the
nth term in context, which pattern uses a given number, and the largest pattern a supply makes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    wrong,
    wrong_expression,
)
from generation.engine.authoring.algebraic import eq, n
from generation.engine.authoring.text import table, terms, terms_plain, words
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Pattern:
    description: str  # "Pattern $n$ is ..."
    counted: str  # what the table counts: "sticks"
    a: int  # count = a*n + b
    b: int
    why: str  # the structure behind a*n + b, for the solution


_SIMPLE = [
    _Pattern("a row of $n$ squares made from sticks", "sticks", 3, 1,
             "each new square adds $3$ sticks to the $1$ at the start"),
    _Pattern("a row of $n$ triangles made from sticks", "sticks", 2, 1,
             "each new triangle adds $2$ sticks to the $1$ at the start"),
    _Pattern("a row of $n$ square tables pushed together, with chairs around them", "chairs",
             2, 2, "each table adds $2$ chairs, with $1$ more chair at each end"),
    _Pattern("a row of $n$ pentagons made from sticks", "sticks", 4, 1,
             "each new pentagon adds $4$ sticks to the $1$ at the start"),
]  # fmt: skip
_HARDER = [
    _Pattern("a row of $n$ hexagons made from sticks", "sticks", 5, 1,
             "each new hexagon adds $5$ sticks to the $1$ at the start"),
    _Pattern("two rows of $n$ squares each, made from sticks", "sticks", 5, 2,
             "each new column adds $3$ horizontal and $2$ vertical sticks"),
    _Pattern("a row of $n$ grey tiles with a border of white tiles all round it", "white tiles",
             2, 6, "each grey tile has $2$ white tiles beside it, with $3$ more at each end"),
    _Pattern("a row of $n$ hexagonal tables pushed together, with chairs around them",
             "chairs", 4, 2, "each table adds $4$ chairs, with $1$ more chair at each end"),
    _Pattern("three rows of $n$ squares each, made from sticks", "sticks", 7, 3,
             "each new column adds $4$ horizontal and $3$ vertical sticks"),
]  # fmt: skip


def _tex(a: int, b: int) -> str:
    return terms([(a, "n"), (b, "")])


def _plain(a: int, b: int) -> str:
    return terms_plain([(a, "n"), (b, "")])


@register
class SequencePatterns(Template):
    key = "algebra.sequence_patterns"
    title = "Sequences in patterns: the nth term in context"
    codes = {Tier.CORE: ("C2.7",), Tier.EXTENDED: ("E2.7",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Patterns and sequences"
        pattern = rng.choice(_SIMPLE if difficulty <= 3 else _HARDER)
        a, b = pattern.a, pattern.b
        q.param("pattern", pattern.description)
        shown = 4 if difficulty <= 2 else 3
        counts = [a * k + b for k in range(1, shown + 1)]
        for k, c in enumerate(counts, start=1):
            q.given(f"t{k}", c)
        thing = pattern.counted
        rows = [
            [words("Pattern number"), *(str(k) for k in range(1, shown + 1))],
            [words(f"Number of {thing}"), *(str(c) for c in counts)],
        ]
        q.stem = (
            f"Pattern $n$ in a sequence of patterns is {pattern.description}. The table shows "
            f"the number of {thing} in the first {shown} patterns.\n\n$" + table(rows) + "$"
        )
        labels = iter("abcd")
        diff = "(t2 - t1)"
        constant = "(2*t1 - t2)"

        # (a) the next pattern (or a later one at higher difficulty)
        k = shown + 1 if difficulty <= 2 else rng.choice([8, 10, 12])
        if difficulty <= 3:
            q.given("k", k)
            part = q.part(
                next(labels),
                f"Work out the number of {thing} in Pattern ${k}$.",
                marks=1 if difficulty <= 2 else 2,
                command="Work out",
            )
            value = Working(q, f"{diff}*k + {constant}")
            if difficulty <= 2:
                part.step(
                    f"The number of {thing} goes up by ${a}$ each time: "
                    f"${counts[-1]} + {a} = {value.latex}$",
                    value.machine,
                )
                final(part, value, step="", qualifiers=["cao"])
            else:
                method(
                    part,
                    value,
                    f"${counts[-1]} + {k - shown} \\times {a}$ oe",
                    step=f"${counts[-1]} + {k - shown} \\times {a} = {value.latex}$",
                )
                final(part, value, step="", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    f"scaled Pattern 1 up by ${k}$ (the {thing} shared between shapes are "
                    "counted again)",
                    "k*t1",
                ),
            )

        # (b) the nth term in context
        part = q.part(
            next(labels),
            f"Find an expression, in terms of $n$, for the number of {thing} in Pattern $n$.",
            marks=2,
            command="Work out",
        )
        rule = a * n + b
        part.step(f"The number of {thing} goes up by ${a}$ each time, so the expression is "
                  f"${a}n + c$: {pattern.why}", f"{diff}*n")  # fmt: skip
        part.step(f"Pattern 1: ${a} + c = {counts[0]}$, so $c = {b}$", constant)
        part.answer(rule, kind="expression", latex=_tex(a, b), plain=_plain(a, b))
        part.mark("B", f"${_tex(a, 0)} + k$", value=f"{diff}*n")
        part.mark(
            "B",
            f"$kn + {b}$; both: ${_tex(a, b)}$",
            value=constant,
            partial=[f"B2 for ${_tex(a, b)}$ oe"],
        )
        wrong_expression(
            part,
            a * n + counts[0],
            "used the number in Pattern 1 as the constant",
            working=[a * n],
            plain=_plain(a, counts[0]),
            latex=_tex(a, counts[0]),
        )
        wrong_expression(
            part,
            n + a,
            f"wrote $n$ plus the number of {thing} added each time",
            plain=_plain(1, a),
            latex=_tex(1, a),
        )

        # (c) which pattern uses exactly N
        if difficulty >= 2:
            p = rng.randint(15, 40) if difficulty <= 3 else rng.randint(40, 90)
            target = a * p + b
            q.given("N", target)
            part = q.part(
                next(labels),
                f"One pattern in the sequence has ${number(target)}$ {thing}.\n\n"
                "Find the pattern number of this pattern.",
                marks=2,
                command="Work out",
            )
            relation = eq(f"{a}*n + {b}", target)
            part.step(f"${_tex(a, b)} = {number(target)}$", relation)
            part.step(f"${a}n = {number(target - b)}$", target - b)
            part.answer(f"(N - {constant})/{diff}", variable="n", satisfies=relation)
            part.step(f"$n = {p}$", f"(N - {constant})/{diff}")
            part.mark(
                "M",
                f"${_tex(a, b)} = {number(target)}$",
                value=relation,
                qualifiers=["FT"],
                partial=["FT their expression from the previous part"],
            )
            part.mark("A", f"${p}$", value=f"(N - {constant})/{diff}", qualifiers=["cao"])
            if target % a == 0 and target // a != p:
                misconception(
                    part,
                    Misconception(
                        f"divided ${number(target)}$ by ${a}$ without taking away the ${b}$ first",
                        f"N/{diff}",
                    ),
                )

        # (d) the largest pattern from a supply, and what is left over
        if difficulty >= 3:
            biggest = rng.randint(20, 60) if difficulty == 3 else rng.randint(60, 150)
            spare = rng.randint(1, a - 1) if a > 2 else 1
            supply = a * biggest + b + spare
            q.given("M", supply)
            part = q.part(
                next(labels),
                f"Sam has ${number(supply)}$ {thing}. Sam makes the largest pattern in the "
                f"sequence that can be made with these {thing}.\n\n"
                f"Find the pattern number of this pattern and the number of {thing} left over.",
                marks=3,
                command="Work out",
            )
            share = Working(
                q,
                f"(M - {constant})/{diff}",
                latex=f"({number(supply)} - {b}) \\div {a}",
                fractions=False,
            )
            method(
                part,
                share,
                f"$({_tex(a, b)}) \\leq {number(supply)}$ or ${share.substituted}$ oe",
                step=f"${_tex(a, b)} \\leq {number(supply)}$: $n \\leq {share.substituted} = "
                f"{share.latex}$",
            )
            whole = Working(q, f"floor((M - {constant})/{diff})")
            left = Working(q, f"M - {diff}*floor((M - {constant})/{diff}) - {constant}")
            used = f"{a} \\times {biggest} + {b} = {number(a * biggest + b)}"
            part.step(f"So Pattern ${whole.latex}$, which uses ${used}$ {thing}", whole.machine)
            part.step(
                f"Left over $= {number(supply)} - {number(a * biggest + b)} = {left.latex}$",
                left.machine,
            )
            part.answer(whole.machine, label="pattern number")
            part.answer(left.machine, label="left over")
            part.mark("A", f"Pattern ${whole.latex}$", value=whole.machine, qualifiers=["cao"])
            part.mark(
                "B",
                f"${left.latex}$ left over",
                value=left.machine,
                qualifiers=["FT"],
                partial=["FT their pattern number"],
            )
            naive = supply // a
            wrong(
                part,
                f"{naive}, {supply - a * naive}",
                f"divided the {thing} by ${a}$, forgetting the ${b}$ extra in every pattern",
            )
