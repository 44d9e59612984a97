"""Combined events from a sample space diagram (8.3)."""

from __future__ import annotations

import random
from collections.abc import Callable

import sympy
from sympy import Rational

from generation.engine.authoring import Working, answer, text, wrong
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

_OPS: dict[str, tuple[str, str, Callable[[int, int], int]]] = {
    "sum": ("total", "+", lambda a, b: a + b),
    "product": ("product", "\\times", lambda a, b: a * b),
    "difference": ("difference", "-", lambda a, b: abs(a - b)),
}


@register
class SampleSpace(Template):
    key = "probability.sample_space"
    title = "Combined events from a sample space diagram"
    codes = {Tier.CORE: ("C8.3",), Tier.EXTENDED: ("E8.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            sides = rng.choice([(4, 3), (3, 4), (4, 4), (5, 3)])
            devices = (
                f"two fair spinners. The first spinner is numbered 1 to {sides[0]} and the "
                f"second spinner is numbered 1 to {sides[1]}"
            )
            op = "sum"
        elif difficulty == 2:
            sides = (4, 6)
            devices = "a fair four-sided spinner, numbered 1 to 4, and a fair six-sided dice"
            op = rng.choice(["sum", "product"])
        elif difficulty == 3:
            sides = rng.choice([(4, 6), (5, 6), (6, 6)])
            devices = (
                "two fair six-sided dice"
                if sides == (6, 6)
                else f"a fair spinner numbered 1 to {sides[0]} and a fair six-sided dice"
            )
            op = rng.choice(["product", "sum"])
        else:
            sides = (6, 6)
            devices = "two fair six-sided dice"
            op = rng.choice(["difference", "sum", "product"])
        noun, symbol, fn = _OPS[op]
        q.param("op", op)
        q.param("sides", f"{sides[0]}x{sides[1]}")
        outcomes = [fn(a, b) for a in range(1, sides[0] + 1) for b in range(1, sides[1] + 1)]
        n = len(outcomes)
        values = sorted(set(outcomes))
        score_word = {
            "sum": "the total of the two numbers",
            "product": "the product of the two numbers",
            "difference": "the larger number minus the smaller number (0 if they are equal)",
        }[op]
        q.title = "Probability: sample space"
        q.stem = f"A game uses {devices}. Both are used once and the score is {score_word}."
        shown_table = difficulty <= 2
        if shown_table:
            rows = [[symbol, *(str(b) for b in range(1, sides[1] + 1))]]
            for a in range(1, sides[0] + 1):
                rows.append([str(a), *(str(fn(a, b)) for b in range(1, sides[1] + 1))])
            q.stem += (
                f" The sample space diagram shows all the possible scores. ${text.table(rows)}$"
            )

        # (a) P(score = s): the most interesting single values have several ways
        common = [v for v in values if 2 <= outcomes.count(v) < n // 2]
        s = rng.choice(common)
        q.given("s", s)
        count = outcomes.count(s)
        marks = 1 if shown_table else 2
        part = q.part(
            "a",
            f"Find the probability that the score is ${s}$.",
            marks=marks,
            command="Work out",
        )
        self._count_part(part, q, count, n, f"a score of ${s}$", marks, "s")
        wrong(
            part,
            str(Rational(1, len(values))),
            "assumed every different score is equally likely",
            latex=text.frac(Rational(1, len(values))),
        )

        # (b) P(score > t)
        t = rng.choice([v for v in values[1:-2] if v != s])
        q.given("t", t)
        count_b = sum(1 for v in outcomes if v > t)
        part = q.part(
            "b",
            f"Find the probability that the score is greater than ${t}$.",
            marks=marks,
            command="Work out",
        )
        self._count_part(part, q, count_b, n, f"a score greater than ${t}$", marks, "t")
        including = count_b + outcomes.count(t)
        wrong(
            part,
            str(Rational(including, n)),
            f"included the scores equal to {t}",
            latex=text.frac(Rational(including, n)),
            working=[] if marks == 1 else [n],
        )

        # (c) a property: even / odd / prime / multiple of 3
        checks: list[tuple[str, Callable[[int], bool]]] = [
            ("an even number", lambda v: v % 2 == 0),
            ("an odd number", lambda v: v % 2 == 1),
            ("a prime number", lambda v: sympy.isprime(v)),
            ("a multiple of 3", lambda v: v % 3 == 0 and v > 0),
        ]
        if op == "difference":
            checks = checks[1:3]  # 0 is a possible score: keep clear of "even" and "multiple"
        if difficulty >= 2:
            words, test = rng.choice(checks)
            count_c = sum(1 for v in outcomes if test(v))
            part = q.part(
                "c",
                f"Find the probability that the score is {words}.",
                marks=marks,
                command="Work out",
            )
            self._count_part(part, q, count_c, n, f"a score that is {words}", marks, None)
            other = n - count_c
            if other != count_c:
                wrong(
                    part,
                    str(Rational(other, n)),
                    f"counted the scores that are not {words}",
                    latex=text.frac(Rational(other, n)),
                    working=[] if marks == 1 else [n],
                )

        if difficulty == 5:
            self._at_least_once(q, count_b, n, t)
        elif difficulty == 4:
            p = Rational(count, n)
            part = q.part(
                "d",
                f"The game is played twice. Find the probability that the score is ${s}$ both "
                "times.",
                marks=2,
                command="Work out",
            )
            expr = f"({count}/{n})**2"
            part.step(
                f"$\\frac{{{count}}}{{{n}}} \\times \\frac{{{count}}}{{{n}}} = {text.frac(p * p)}$",
                expr,
            )
            answer(part, Working(part.q, expr))
            part.mark(
                "M", f"$\\left(\\frac{{{count}}}{{{n}}}\\right)^2$", value=expr, qualifiers=["oe"]
            )
            part.mark("A", f"${text.frac(p * p)}$", value=expr, qualifiers=["oe"])
            wrong(
                part,
                str(2 * p),
                "added the probabilities instead of multiplying",
                latex=text.frac(2 * p),
            )

    @staticmethod
    def _at_least_once(q: QuestionBuilder, count: int, n: int, t: int) -> None:
        """Two games: the score is greater than t in at least one of them."""
        p = Rational(count, n)
        miss = 1 - p
        part = q.part(
            "d",
            f"The game is played twice. Find the probability that the score is greater than "
            f"${t}$ in at least one of the two games.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"$\\mathrm{{P}}(\\text{{not greater than }} {t}) = 1 - {text.frac(p)} = "
            f"{text.frac(miss)}$",
            f"1 - {count}/{n}",
        )
        part.step(
            f"$\\mathrm{{P}}(\\text{{neither game}}) = \\left({text.frac(miss)}\\right)^2 = "
            f"{text.frac(miss**2)}$",
            f"(1 - {count}/{n})**2",
        )
        expr = f"1 - (1 - {count}/{n})**2"
        part.step(f"$1 - {text.frac(miss**2)} = {text.frac(1 - miss**2)}$", expr)
        answer(part, Working(part.q, expr))
        part.mark("M", f"${text.frac(miss)}$", value=f"1 - {count}/{n}", qualifiers=["oe"])
        part.mark(
            "M",
            f"$1 - \\left({text.frac(miss)}\\right)^2$",
            value=expr,
            qualifiers=["oe", "dep"],
            partial=["or M1 for adding the three ways of at least one"],
        )
        part.mark("A", f"${text.frac(1 - miss**2)}$", value=expr, qualifiers=["oe"])
        if 2 * p not in (miss, 1 - miss**2) and 2 * p < 1:
            wrong(
                part,
                str(2 * p),
                "added the probabilities for the two games",
                latex=text.frac(2 * p),
            )
        wrong(
            part,
            str(p**2),
            "found the probability that it happens in both games",
            latex=text.frac(p**2),
        )

    @staticmethod
    def _count_part(
        part: PartBuilder,
        q: QuestionBuilder,
        count: int,
        n: int,
        what: str,
        marks: int,
        _given: str | None,
    ) -> None:
        value = Rational(count, n)
        part.step(f"There are ${n}$ equally likely outcomes.", n)
        expr = f"{count}/{n}"
        part.step(
            f"${count}$ of them give {what}: probability $\\frac{{{count}}}{{{n}}}"
            + ("" if value.q == n else f" = {text.frac(value)}")
            + "$",
            expr,
        )
        answer(part, Working(part.q, expr))
        if marks == 1:
            part.mark("B", f"$\\frac{{{count}}}{{{n}}}$", value=expr, qualifiers=["oe"])
        else:
            part.mark(
                "M",
                f"${n}$ equally likely outcomes",
                value=n,
                qualifiers=["soi"],
                partial=[f"or ${count}$ favourable outcomes seen"],
            )
            part.mark("A", f"$\\frac{{{count}}}{{{n}}}$", value=expr, qualifiers=["oe"])
