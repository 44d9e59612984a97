"""Combined events with tree diagrams, with and without replacement (8.3)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Working, answer, text, wrong
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier

# (stem with {p}, key, both, neither, exactly one)
_EVENTS = [
    (
        "The probability that Kai's bus to school is late on any day is {p}. Whether it is late "
        "on one day does not depend on any other day.",
        "bus",
        "the bus is late on both Monday and Tuesday",
        "the bus is late on neither Monday nor Tuesday",
        "the bus is late on exactly one of these two days",
    ),
    (
        "The probability that it rains in Manchester on any day in October is {p}. Whether it "
        "rains on one day does not depend on any other day.",
        "rain",
        "it rains on both 1 October and 2 October",
        "it rains on neither 1 October nor 2 October",
        "it rains on exactly one of these two days",
    ),
    (
        "Maya takes two penalties. The probability that she scores from a penalty is {p}. "
        "Whether she scores from one penalty does not depend on the other.",
        "penalty",
        "she scores from both penalties",
        "she scores from neither penalty",
        "she scores from exactly one of the two penalties",
    ),
    (
        "Ben plants two seeds. The probability that a seed grows into a plant is {p}. Whether "
        "one seed grows does not depend on the other.",
        "seeds",
        "both seeds grow",
        "neither seed grows",
        "exactly one of the seeds grows",
    ),
]

_BAG_COLOURS = [("red", "blue"), ("green", "yellow"), ("black", "white")]


@register
class TreeDiagram(Template):
    key = "probability.tree_diagram"
    title = "Combined events with tree diagrams, with and without replacement"
    codes = {Tier.CORE: ("C8.3",), Tier.EXTENDED: ("E8.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty <= 2:
            self._independent(q, rng, difficulty)
        else:
            replace = difficulty == 3 and q.tier == Tier.CORE
            self._bag(q, rng, difficulty, replace)

    def _independent(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        stem, key, both_words, neither_words, one_words = rng.choice(_EVENTS)
        p = Rational(rng.choice([1, 2, 3, 4, 6, 7, 8, 9]), 10)
        if difficulty == 2:
            p = Rational(rng.choice([5, 15, 25, 35, 45, 55, 65, 75, 85]), 100)
        pp = q.given("p", p)
        assert pp == p
        q.param("event", key)
        q.title = "Probability: independent events"
        q.stem = stem.format(p=f"${number(p)}$")
        both = "p**2"
        part = q.part(
            "a",
            f"Work out the probability that {both_words}.",
            marks=2,
            command="Work out",
        )
        part.step(f"${number(p)} \\times {number(p)} = {number(p * p)}$", both)
        part.answer(both)
        part.mark("M", f"${number(p)} \\times {number(p)}$", value=both, qualifiers=["oe"])
        part.mark("A", f"${number(p * p)}$", value=both, qualifiers=["oe"])
        wrong(part, number(2 * p), "added the probabilities instead of multiplying")
        if difficulty == 1:
            neither = "(1 - p)**2"
            part = q.part(
                "b",
                f"Work out the probability that {neither_words}.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"$\\mathrm{{P}}(\\text{{not}}) = 1 - {number(p)} = {number(1 - p)}$", "1 - p"
            )
            part.step(
                f"${number(1 - p)} \\times {number(1 - p)} = {number((1 - p) ** 2)}$", neither
            )
            part.answer(neither)
            part.mark("M", f"$({number(1 - p)})^2$", value=neither, qualifiers=["oe"])
            part.mark("A", f"${number((1 - p) ** 2)}$", value=neither, qualifiers=["oe"])
            wrong(part, number(1 - p * p), "worked out 1 − P(both) instead of P(neither)")
            return
        one = "2*p*(1 - p)"
        part = q.part(
            "b",
            f"Work out the probability that {one_words}.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"${number(p)} \\times {number(1 - p)} = {number(p * (1 - p))}$ (first only)",
            "p*(1 - p)",
        )
        part.step(
            f"${number(1 - p)} \\times {number(p)} = {number(p * (1 - p))}$ (second only)",
            "(1 - p)*p",
        )
        part.step(
            f"${number(p * (1 - p))} + {number(p * (1 - p))} = {number(2 * p * (1 - p))}$", one
        )
        part.answer(one)
        part.mark(
            "M", f"${number(p)} \\times {number(1 - p)}$", value="p*(1 - p)", qualifiers=["oe"]
        )
        part.mark(
            "M",
            f"${number(p)} \\times {number(1 - p)} + {number(1 - p)} \\times {number(p)}$",
            value=one,
            qualifiers=["oe", "dep"],
        )
        part.mark("A", f"${number(2 * p * (1 - p))}$", value=one, qualifiers=["oe"])
        wrong(part, number(p * (1 - p)), "found only one of the two orders", working=["p*(1 - p)"])

    def _bag(self, q: QuestionBuilder, rng: random.Random, difficulty: int, replace: bool) -> None:
        c1, c2 = rng.choice(_BAG_COLOURS)
        r = rng.randint(3, 8 if difficulty < 5 else 11)
        b = rng.choice([v for v in range(3, 9 if difficulty < 5 else 12) if v != r])
        rr = q.given("r", r)
        bb = q.given("b", b)
        assert (rr, bb) == (r, b)
        n = r + b
        q.param("replace", replace)
        how = (
            "She notes its colour and puts it back in the bag. She then takes a second counter "
            "at random."
            if replace
            else "She does not put it back. She then takes a second counter at random."
        )
        q.title = "Probability: two counters from a bag"
        q.stem = (
            f"A bag contains ${r}$ {c1} counters and ${b}$ {c2} counters. Lena takes a counter "
            f"at random from the bag. {how}"
        )
        # Probabilities of the two draws in machine form over r and b.
        if replace:
            rr_expr = "(r/(r + b))**2"
            rb_expr = "r/(r + b)*b/(r + b)"
            second_r, second_b = (r, n), (b, n)
        else:
            rr_expr = "r/(r + b)*(r - 1)/(r + b - 1)"
            rb_expr = "r/(r + b)*b/(r + b - 1)"
            second_r, second_b = (r - 1, n - 1), (b, n - 1)
        p_rr = Rational(r, n) * Rational(*second_r)
        p_rb = Rational(r, n) * Rational(*second_b)

        # (a) both the first colour
        part = q.part(
            "a",
            f"Work out the probability that both counters are {c1}.",
            marks=2,
            command="Work out",
        )
        line = f"\\frac{{{r}}}{{{n}}} \\times \\frac{{{second_r[0]}}}{{{second_r[1]}}}"
        part.step(f"${line} = {text.frac(p_rr)}$", rr_expr)
        answer(part, Working(part.q, rr_expr))
        part.mark("M", f"${line}$", value=rr_expr, qualifiers=["oe"])
        part.mark("A", f"${text.frac(p_rr)}$", value=rr_expr, qualifiers=["oe"])
        added = Rational(r, n) + Rational(*second_r)
        wrong(
            part,
            str(added),
            "added the probabilities instead of multiplying",
            latex=text.frac(added),
        )
        if not replace:
            with_rep = Rational(r, n) ** 2
            wrong(
                part,
                str(with_rep),
                "treated the draws as with replacement (did not reduce the numbers)",
                latex=text.frac(with_rep),
            )

        # (b) one of each colour
        one_each = f"2*{rb_expr}"
        value = 2 * p_rb
        part = q.part(
            "b",
            "Work out the probability that the two counters are different colours.",
            marks=3,
            command="Work out",
        )
        first = f"\\frac{{{r}}}{{{n}}} \\times \\frac{{{second_b[0]}}}{{{second_b[1]}}}"
        second = f"\\frac{{{b}}}{{{n}}} \\times \\frac{{{second_r[0] if replace else r}}}{{{second_b[1]}}}"
        part.step(f"{c1} then {c2}: ${first} = {text.frac(p_rb)}$", rb_expr)
        part.step(f"{c2} then {c1}: ${second} = {text.frac(p_rb)}$", rb_expr)
        part.step(f"${text.frac(p_rb)} + {text.frac(p_rb)} = {text.frac(value)}$", one_each)
        answer(part, Working(part.q, one_each))
        part.mark("M", f"${first}$ or ${second}$", value=rb_expr, qualifiers=["oe"])
        part.mark("M", f"${first} + {second}$", value=one_each, qualifiers=["oe", "dep"])
        part.mark("A", f"${text.frac(value)}$", value=one_each, qualifiers=["oe"])
        wrong(
            part,
            str(p_rb),
            "found only one of the two orders",
            latex=text.frac(p_rb),
            working=[rb_expr],
        )

        if difficulty >= 4:
            at_least = f"1 - {rr_expr}"
            value = 1 - p_rr
            part = q.part(
                "c",
                f"Work out the probability that at least one of the counters is {c2}.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"$1 - \\mathrm{{P}}(\\text{{both {c1}}}) = 1 - {text.frac(p_rr)} = "
                f"{text.frac(value)}$",
                at_least,
            )
            answer(part, Working(part.q, at_least))
            part.mark(
                "M",
                f"$1 - {text.frac(p_rr)}$",
                value=at_least,
                qualifiers=["oe"],
                partial=["or M1 for adding the three products that include a " + c2],
            )
            part.mark("A", f"${text.frac(value)}$", value=at_least, qualifiers=["oe"])
            bb_value = Rational(b, n) * (Rational(b, n) if replace else Rational(b - 1, n - 1))
            wrong(
                part,
                str(bb_value),
                f"found the probability that both are {c2}",
                latex=text.frac(bb_value),
            )

        if difficulty == 5:
            # (d) a third counter: all three the same colour
            rrr = "r*(r - 1)*(r - 2)/((r + b)*(r + b - 1)*(r + b - 2))"
            bbb = "b*(b - 1)*(b - 2)/((r + b)*(r + b - 1)*(r + b - 2))"
            p_rrr = Rational(r * (r - 1) * (r - 2), n * (n - 1) * (n - 2))
            p_bbb = Rational(b * (b - 1) * (b - 2), n * (n - 1) * (n - 2))
            same = f"{rrr} + {bbb}"
            part = q.part(
                "d",
                "Lena does not put the second counter back either. She takes a third counter at "
                "random. Work out the probability that all three counters are the same colour.",
                marks=3,
                command="Work out",
            )
            three_r = (
                f"\\frac{{{r}}}{{{n}}} \\times \\frac{{{r - 1}}}{{{n - 1}}} \\times "
                f"\\frac{{{r - 2}}}{{{n - 2}}}"
            )
            three_b = (
                f"\\frac{{{b}}}{{{n}}} \\times \\frac{{{b - 1}}}{{{n - 1}}} \\times "
                f"\\frac{{{b - 2}}}{{{n - 2}}}"
            )
            part.step(f"All {c1}: ${three_r} = {text.frac(p_rrr)}$", rrr)
            part.step(f"All {c2}: ${three_b} = {text.frac(p_bbb)}$", bbb)
            part.step(
                f"${text.frac(p_rrr)} + {text.frac(p_bbb)} = {text.frac(p_rrr + p_bbb)}$", same
            )
            answer(part, Working(part.q, same))
            part.mark(
                "M",
                f"${three_r}$",
                value=rrr,
                qualifiers=["oe"],
                partial=[f"or M1 for ${three_b}$"],
            )
            part.mark("M", f"${three_r} + {three_b}$", value=same, qualifiers=["oe", "dep"])
            part.mark("A", f"${text.frac(p_rrr + p_bbb)}$", value=same, qualifiers=["oe"])
            wrong(
                part,
                str(p_rrr),
                f"found only the probability that all three are {c1}",
                latex=text.frac(p_rrr),
                working=[rrr],
            )
