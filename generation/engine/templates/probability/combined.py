"""Combined events (8.3): sample spaces, tree diagrams; Venn diagrams and two-way tables with
conditional probability (E8.4)."""

from __future__ import annotations

import random
from collections.abc import Callable

import sympy
from sympy import Rational

from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._tables import frac_latex, fraction, table, text
from questions.schemas import CalculatorPolicy, Tier


def _prob_answer(part: PartBuilder, expr: str, value: Rational) -> tuple[str, str]:
    plain, latex = fraction(value)
    part.answer(expr, plain=plain, latex=latex)
    return plain, latex


# ---------------------------------------------------------------------------------------------
# Sample space diagrams


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
            q.stem += f" The sample space diagram shows all the possible scores. ${table(rows)}$"

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
        part.wrong(
            str(Rational(1, len(values))),
            "assumed every different score is equally likely",
            0,
            latex=frac_latex(Rational(1, len(values))),
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
        part.wrong(
            str(Rational(including, n)),
            f"included the scores equal to {t}",
            0 if marks == 1 else 1,
            latex=frac_latex(Rational(including, n)),
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
                part.wrong(
                    str(Rational(other, n)),
                    f"counted the scores that are not {words}",
                    0 if marks == 1 else 1,
                    latex=frac_latex(Rational(other, n)),
                    working=[] if marks == 1 else [n],
                )

        if difficulty >= 4:
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
                f"$\\frac{{{count}}}{{{n}}} \\times \\frac{{{count}}}{{{n}}} = {frac_latex(p * p)}$",
                expr,
            )
            _prob_answer(part, expr, p * p)
            part.mark(
                "M", f"$\\left(\\frac{{{count}}}{{{n}}}\\right)^2$", value=expr, qualifiers=["oe"]
            )
            part.mark("A", f"${frac_latex(p * p)}$", value=expr, qualifiers=["cao"])
            part.wrong(
                str(2 * p),
                "added the probabilities instead of multiplying",
                0,
                latex=frac_latex(2 * p),
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
            + ("" if value.q == n else f" = {frac_latex(value)}")
            + "$",
            expr,
        )
        _prob_answer(part, expr, value)
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


# ---------------------------------------------------------------------------------------------
# Tree diagrams


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
        part.mark("A", f"${number(p * p)}$", value=both, qualifiers=["cao"])
        part.wrong(number(2 * p), "added the probabilities instead of multiplying", 0)
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
            part.mark("A", f"${number((1 - p) ** 2)}$", value=neither, qualifiers=["cao"])
            part.wrong(
                number(1 - p * p),
                "worked out 1 − P(both) instead of P(neither)",
                0,
            )
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
        part.mark("A", f"${number(2 * p * (1 - p))}$", value=one, qualifiers=["cao"])
        part.wrong(
            number(p * (1 - p)),
            "found only one of the two orders",
            1,
            working=["p*(1 - p)"],
        )

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
        part.step(f"${line} = {frac_latex(p_rr)}$", rr_expr)
        _prob_answer(part, rr_expr, p_rr)
        part.mark("M", f"${line}$", value=rr_expr, qualifiers=["oe"])
        part.mark("A", f"${frac_latex(p_rr)}$", value=rr_expr, qualifiers=["oe"])
        added = Rational(r, n) + Rational(*second_r)
        part.wrong(
            str(added), "added the probabilities instead of multiplying", 0, latex=frac_latex(added)
        )
        if not replace:
            with_rep = Rational(r, n) ** 2
            part.wrong(
                str(with_rep),
                "treated the draws as with replacement (did not reduce the numbers)",
                0,
                latex=frac_latex(with_rep),
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
        part.step(f"{c1} then {c2}: ${first} = {frac_latex(p_rb)}$", rb_expr)
        part.step(f"{c2} then {c1}: ${second} = {frac_latex(p_rb)}$", rb_expr)
        part.step(f"${frac_latex(p_rb)} + {frac_latex(p_rb)} = {frac_latex(value)}$", one_each)
        _prob_answer(part, one_each, value)
        part.mark("M", f"${first}$ or ${second}$", value=rb_expr, qualifiers=["oe"])
        part.mark("M", f"${first} + {second}$", value=one_each, qualifiers=["oe", "dep"])
        part.mark("A", f"${frac_latex(value)}$", value=one_each, qualifiers=["oe"])
        part.wrong(
            str(p_rb),
            "found only one of the two orders",
            1,
            latex=frac_latex(p_rb),
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
                f"$1 - \\mathrm{{P}}(\\text{{both {c1}}}) = 1 - {frac_latex(p_rr)} = "
                f"{frac_latex(value)}$",
                at_least,
            )
            _prob_answer(part, at_least, value)
            part.mark(
                "M",
                f"$1 - {frac_latex(p_rr)}$",
                value=at_least,
                qualifiers=["oe"],
                partial=["or M1 for adding the three products that include a " + c2],
            )
            part.mark("A", f"${frac_latex(value)}$", value=at_least, qualifiers=["oe"])
            bb_value = Rational(b, n) * (Rational(b, n) if replace else Rational(b - 1, n - 1))
            part.wrong(
                str(bb_value),
                f"found the probability that both are {c2}",
                0,
                latex=frac_latex(bb_value),
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
            part.step(f"All {c1}: ${three_r} = {frac_latex(p_rrr)}$", rrr)
            part.step(f"All {c2}: ${three_b} = {frac_latex(p_bbb)}$", bbb)
            part.step(
                f"${frac_latex(p_rrr)} + {frac_latex(p_bbb)} = {frac_latex(p_rrr + p_bbb)}$", same
            )
            _prob_answer(part, same, p_rrr + p_bbb)
            part.mark(
                "M",
                f"${three_r}$",
                value=rrr,
                qualifiers=["oe"],
                partial=[f"or M1 for ${three_b}$"],
            )
            part.mark("M", f"${three_r} + {three_b}$", value=same, qualifiers=["oe", "dep"])
            part.mark("A", f"${frac_latex(p_rrr + p_bbb)}$", value=same, qualifiers=["oe"])
            part.wrong(
                str(p_rrr),
                f"found only the probability that all three are {c1}",
                1,
                latex=frac_latex(p_rrr),
                working=[rrr],
            )


# ---------------------------------------------------------------------------------------------
# Venn diagrams and two-way tables


_GROUPS = [
    ("students in a class", "students", "student", "study French", "study Spanish", "F", "S"),
    ("members of a sports club", "members", "member", "play tennis", "swim", "T", "S"),
    ("people at a party", "people", "person", "drink tea", "drink coffee", "T", "C"),
]


@register
class VennTwoWay(Template):
    key = "probability.venn_two_way"
    title = "Probability from Venn diagrams and two-way tables (including conditional)"
    codes = {Tier.CORE: ("C8.3",), Tier.EXTENDED: ("E8.3", "E8.4")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty in (1, 2, 4):
            self._venn(q, rng, difficulty)
        else:
            self._two_way(q, rng, difficulty)

    def _venn(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        group, people, person, does_a, does_b, la, lb = rng.choice(_GROUPS)
        both, only_a, only_b, neither = rng.sample(range(2, 16), 4)
        na, nb, total = only_a + both, only_b + both, only_a + only_b + both + neither
        q.given("N", total)
        q.given("A", na)
        q.given("B", nb)
        q.given("AB", both)
        q.param("group", la + lb)
        q.title = "Probability: Venn diagram"
        q.stem = (
            f"There are ${total}$ {group}. ${na}$ {people} {does_a}, ${nb}$ {people} {does_b} "
            f"and ${both}$ {people} do both."
        )
        # (a) neither
        part = q.part(
            "a",
            f"Work out the number of {people} who do neither.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"{people.capitalize()} doing at least one: ${na} + {nb} - {both} = {na + nb - both}$",
            "A + B - AB",
        )
        part.step(f"Neither: ${total} - {na + nb - both} = {neither}$", "N - (A + B - AB)")
        part.answer("N - (A + B - AB)")
        part.mark(
            "M",
            f"${na} + {nb} - {both}$",
            value="A + B - AB",
            qualifiers=["oe"],
            partial=[f"or M1 for ${only_a}$ and ${only_b}$ in the 'only' regions"],
        )
        part.mark("A", f"${neither}$", value="N - (A + B - AB)", qualifiers=["cao"])
        if total - na - nb > 0:
            part.wrong(
                str(total - na - nb),
                "did not allow for those who do both (counted them twice)",
                0,
            )

        # (b) only the first
        expr = "(A - AB)/N"
        value = Rational(only_a, total)
        part = q.part(
            "b",
            f"One of the {people} is chosen at random. Find the probability that this {person} "
            f"{_third(does_a)} but does not {_base(does_b)}.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"${na} - {both} = {only_a}$ {people}: $\\frac{{{only_a}}}{{{total}}}"
            + ("" if value.q == total else f" = {frac_latex(value)}")
            + "$",
            expr,
        )
        _prob_answer(part, expr, value)
        part.mark("B", f"$\\frac{{{only_a}}}{{{total}}}$", value=expr, qualifiers=["oe"])
        part.wrong(
            str(Rational(na, total)),
            f"included the {people} who do both",
            0,
            latex=frac_latex(Rational(na, total)),
        )
        label = "c"
        if difficulty >= 2:
            expr = "(A + B - 2*AB)/N"
            value = Rational(only_a + only_b, total)
            part = q.part(
                "c",
                f"One of the {people} is chosen at random. Find the probability that this "
                f"{person} does exactly one of the two activities.",
                marks=2,
                command="Work out",
            )
            part.step(f"${only_a} + {only_b} = {only_a + only_b}$", "A + B - 2*AB")
            part.step(
                f"$\\frac{{{only_a + only_b}}}{{{total}}}"
                + ("" if value.q == total else f" = {frac_latex(value)}")
                + "$",
                expr,
            )
            _prob_answer(part, expr, value)
            part.mark("M", f"${only_a} + {only_b}$", value="A + B - 2*AB", qualifiers=["oe"])
            part.mark("A", f"${frac_latex(value)}$", value=expr, qualifiers=["oe"])
            if na + nb < total:
                part.wrong(
                    str(Rational(na + nb, total)),
                    f"added the two totals, counting the {people} who do both",
                    0,
                    latex=frac_latex(Rational(na + nb, total)),
                )
            label = "d"
        if q.tier == Tier.EXTENDED:
            expr = "AB/A"
            value = Rational(both, na)
            part = q.part(
                label,
                f"One of the {people} who {does_a} is chosen at random. Find the probability that "
                f"this {person} also {_third(does_b)}.",
                marks=2 if difficulty >= 4 else 1,
                command="Work out",
            )
            part.step(f"Only the ${na}$ {people} who {does_a} can be chosen.", "A")
            part.step(
                f"${both}$ of them {_base(does_b)}: $\\frac{{{both}}}{{{na}}}"
                + ("" if value.q == na else f" = {frac_latex(value)}")
                + "$",
                expr,
            )
            _prob_answer(part, expr, value)
            if difficulty >= 4:
                part.mark("M", f"denominator ${na}$", value="A", qualifiers=["soi"])
                part.mark("A", f"$\\frac{{{both}}}{{{na}}}$", value=expr, qualifiers=["oe"])
            else:
                part.mark("B", f"$\\frac{{{both}}}{{{na}}}$", value=expr, qualifiers=["oe"])
            part.wrong(
                str(Rational(both, total)),
                f"divided by all {total} {people} instead of those who {does_a}",
                0,
                latex=frac_latex(Rational(both, total)),
            )

    def _two_way(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        rows, row_nouns = rng.choice(
            [(("Boys", "Girls"), ("boy", "girl")), (("Men", "Women"), ("man", "woman"))]
        )
        cols, what, does, did, negated = rng.choice(_TWO_WAY)
        place = "school" if rows[0] == "Boys" else "work"
        flat = rng.sample(range(4, 26), 6)
        cells = [flat[:3], flat[3:]]
        row_totals = [sum(r) for r in cells]
        col_totals = [sum(c) for c in zip(*cells, strict=True)]
        total = sum(row_totals)
        # Two inner cells are missing (different rows and columns). At the top difficulty the
        # second row total is hidden too, so that row's cell has to come from its column total.
        first, second = rng.sample(range(3), 2)
        hide = [(0, first), (1, second)]
        hide_total = difficulty == 5
        for i, row in enumerate(cells):
            for j, v in enumerate(row):
                if (i, j) not in hide:
                    q.given(f"n{i}{j}", v)
        for i, t in enumerate(row_totals):
            if not (hide_total and i == 1):
                q.given(f"r{i}", t)
        for j, t in enumerate(col_totals):
            q.given(f"k{j}", t)
        q.given("N", total)

        def cell(i: int, j: int) -> str:
            """Machine form of an inner cell (a hidden cell from its row or column total)."""
            if (i, j) not in hide:
                return f"n{i}{j}"
            if hide_total and i == 1:
                return f"(k{j} - n0{j})"
            others = " - ".join(f"n{i}{jj}" for jj in range(3) if jj != j)
            return f"(r{i} - {others})"

        grid = [[text(""), *(text(c) for c in cols), text("Total")]]
        for i, name in enumerate(rows):
            grid.append(
                [
                    text(name),
                    *("" if (i, j) in hide else str(cells[i][j]) for j in range(3)),
                    "" if (hide_total and i == 1) else str(row_totals[i]),
                ]
            )
        grid.append([text("Total"), *(str(t) for t in col_totals), str(total)])
        q.param("rows", rows[0])
        q.param("cols", cols[0])
        q.title = "Probability: two-way table"
        q.stem = (
            f"The two-way table shows {what.format(n=f'${total}$', place=place)}. "
            f"{'Some' if hide_total else 'Two'} values are missing. ${table(grid)}$"
        )
        part = q.part(
            "a",
            "Work out the two missing values in the body of the table."
            if hide_total
            else "Work out the two missing values in the table.",
            marks=2,
            command="Work out",
        )
        for i, j in hide:
            others = [cells[i][jj] for jj in range(3) if jj != j]
            if hide_total and i == 1:
                working = f"{col_totals[j]} - {cells[0][j]}"
            else:
                working = f"{row_totals[i]} - {others[0]} - {others[1]}"
            part.step(f"{rows[i]}, {cols[j]}: ${working} = {cells[i][j]}$", cell(i, j))
            part.answer(cell(i, j), label=f"{rows[i]}, {cols[j]}")
            part.mark("B", f"${cells[i][j]}$ ({rows[i]}, {cols[j]})", value=cell(i, j))

        i, j = hide[0]
        expr = f"{cell(i, j)}/N"
        value = Rational(cells[i][j], total)
        part = q.part(
            "b",
            "One of these people is chosen at random. Find the probability that this person is "
            f"{_a(row_nouns[i])} {row_nouns[i]} who {does[j]}.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"$\\frac{{{cells[i][j]}}}{{{total}}}"
            + ("" if value.q == total else f" = {frac_latex(value)}")
            + "$",
            expr,
        )
        _prob_answer(part, expr, value)
        part.mark("B", f"$\\frac{{{cells[i][j]}}}{{{total}}}$", value=expr, qualifiers=["oe"])
        wrong = Rational(cells[i][j], row_totals[i])
        part.wrong(
            str(wrong),
            f"divided by the number of {rows[i].lower()} instead of everyone",
            0,
            latex=frac_latex(wrong),
        )

        jj = (j + 1) % 3
        expr = f"k{jj}/N"
        value = Rational(col_totals[jj], total)
        part = q.part(
            "c",
            f"One of these people is chosen at random. Find the probability that {negated[jj]}.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$\\mathrm{{P}}(\\text{{{cols[jj]}}}) = \\frac{{{col_totals[jj]}}}{{{total}}}$", expr
        )
        not_expr = f"1 - {expr}"
        part.step(
            f"$1 - \\frac{{{col_totals[jj]}}}{{{total}}} = {frac_latex(1 - value)}$", not_expr
        )
        _prob_answer(part, not_expr, 1 - value)
        part.mark(
            "M",
            f"$\\frac{{{col_totals[jj]}}}{{{total}}}$ seen",
            value=expr,
            qualifiers=["soi"],
            partial=[f"or M1 for ${total - col_totals[jj]}$ people"],
        )
        part.mark("A", f"${frac_latex(1 - value)}$", value=not_expr, qualifiers=["oe"])
        part.wrong(
            str(value),
            "gave the probability of the opposite event",
            1,
            latex=frac_latex(value),
        )

        if q.tier == Tier.EXTENDED:
            i2, j2 = hide[1]
            expr = f"{cell(i2, j2)}/k{j2}"
            value = Rational(cells[i2][j2], col_totals[j2])
            part = q.part(
                "d",
                f"One of the people who {did[j2]} is chosen at random. Find the probability that "
                f"this person is {_a(row_nouns[i2])} {row_nouns[i2]}.",
                marks=2,
                command="Work out",
            )
            part.step(f"Only the ${col_totals[j2]}$ people who {did[j2]} count.", f"k{j2}")
            part.step(
                f"$\\frac{{{cells[i2][j2]}}}{{{col_totals[j2]}}}"
                + ("" if value.q == col_totals[j2] else f" = {frac_latex(value)}")
                + "$",
                expr,
            )
            _prob_answer(part, expr, value)
            part.mark("M", f"denominator ${col_totals[j2]}$", value=f"k{j2}", qualifiers=["soi"])
            part.mark(
                "A",
                f"$\\frac{{{cells[i2][j2]}}}{{{col_totals[j2]}}}$",
                value=expr,
                qualifiers=["oe"],
            )
            part.wrong(
                str(Rational(cells[i2][j2], total)),
                f"divided by everyone instead of only the people who {did[j2]}",
                0,
                latex=frac_latex(Rational(cells[i2][j2], total)),
            )


# Columns, what the table shows, "a boy who …", "the people who …", "this person …" (not).
_TWO_WAY = [
    (
        ("Walk", "Bus", "Car"),
        "how {n} people travel to {place}",
        ("walks", "travels by bus", "travels by car"),
        ("walk", "travel by bus", "travel by car"),
        (
            "this person does not walk",
            "this person does not travel by bus",
            "this person does not travel by car",
        ),
    ),
    (
        ("Football", "Tennis", "Swimming"),
        "the favourite sport of {n} people",
        ("chose football", "chose tennis", "chose swimming"),
        ("chose football", "chose tennis", "chose swimming"),
        (
            "this person did not choose football",
            "this person did not choose tennis",
            "this person did not choose swimming",
        ),
    ),
    (
        ("Cat", "Dog", "Fish"),
        "the favourite pet of {n} people",
        ("chose a cat", "chose a dog", "chose a fish"),
        ("chose a cat", "chose a dog", "chose a fish"),
        (
            "this person did not choose a cat",
            "this person did not choose a dog",
            "this person did not choose a fish",
        ),
    ),
]


def _a(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _base(verb_phrase: str) -> str:
    """'study Spanish' -> 'study Spanish' (already a base form); kept for readable calls."""
    return verb_phrase


def _third(verb_phrase: str) -> str:
    """'study Spanish' -> 'studies Spanish', 'swim' -> 'swims', 'drink coffee' -> 'drinks coffee'."""
    verb, _, rest = verb_phrase.partition(" ")
    verb = verb[:-1] + "ies" if verb.endswith("y") else verb + "s"
    return f"{verb} {rest}".strip()
