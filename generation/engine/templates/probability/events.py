"""The probability of a single event (8.1): items taken at random from a bag."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    text,
    wrong,
)
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier

_BAGS = [
    ("A bag contains", "counter", "counters", ["red", "blue", "green", "yellow", "white"]),
    ("A box contains", "sweet", "sweets", ["strawberry", "lemon", "orange", "lime", "cherry"]),
    ("A drawer contains", "sock", "socks", ["black", "white", "grey", "blue", "brown"]),
    ("A jar contains", "marble", "marbles", ["red", "green", "blue", "purple", "orange"]),
]

_ABSENT = {"counter": "purple", "sweet": "mint", "sock": "pink", "marble": "yellow"}


def _listing(counts: list[int], names: list[str], plural: str) -> str:
    pieces = [f"${c}$ {n}" for c, n in zip(counts, names, strict=True)]
    return ", ".join(pieces[:-1]) + f" and {pieces[-1]} {plural}"


@register
class SingleEvent(Template):
    key = "probability.single_event"
    title = "Probability of a single event: items taken at random"
    codes = {Tier.CORE: ("C8.1",), Tier.EXTENDED: ("E8.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        opener, item, items, colours = rng.choice(_BAGS)
        k = 3 if difficulty <= 2 else 4
        names = rng.sample(colours, k)
        q.param("context", item)
        top = {1: 9, 2: 12, 3: 12, 4: 10, 5: 10}[difficulty]
        counts = [rng.randint(2, top) for _ in names]
        if len(set(counts)) < 2:
            raise Reject("all counts equal")
        for i, c in enumerate(counts, start=1):
            q.given(f"c{i}", c)
        total = "(" + " + ".join(f"c{i}" for i in range(1, k + 1)) + ")"
        n = sum(counts)
        q.title = "Probability: taking one at random"
        q.stem = f"{opener} {_listing(counts, names, items)} only."

        # (a) P(first colour)
        part = q.part(
            "a",
            f"One {item} is taken at random. Write down the probability that it is {names[0]}.",
            marks=1,
            command="Write down",
        )
        part.step(f"There are ${n}$ {items} and ${counts[0]}$ are {names[0]}.", n)
        share = f"\\frac{{{counts[0]}}}{{{n}}}"
        final(
            part,
            Working(q, f"c1/{total}"),
            step=f"$\\mathrm{{P}}(\\text{{{names[0]}}}) = {share}$",
            awarded_for=f"${share}$",
            qualifiers=["oe"],
        )
        misconception(
            part,
            Misconception(
                f"compared the {names[0]} {items} with the others instead of with the total",
                f"c1/({total} - c1)",
            ),
        )

        # (b) P(not second colour)
        part = q.part(
            "b",
            f"One {item} is taken at random. Work out the probability that it is not {names[1]}.",
            marks=1,
            command="Work out",
        )
        p_not = Working(q, f"1 - c2/{total}", latex=f"1 - \\frac{{{counts[1]}}}{{{n}}}")
        lhs = f"\\mathrm{{P}}(\\text{{not {names[1]}}})"
        final(part, p_not, step=p_not.equation(lhs), qualifiers=["oe"])
        misconception(
            part, Misconception(f"gave the probability that it is {names[1]}", f"c2/{total}")
        )

        if difficulty == 1:
            absent = _ABSENT[item]
            part = q.part(
                "c",
                f"One {item} is taken at random. Write down the probability that it is {absent}.",
                marks=1,
                command="Write down",
            )
            final(
                part,
                Working(q, "0"),
                step=f"There are no {absent} {items}, so this is impossible: probability $0$.",
            )
            return

        # (c) P(first or third colour): mutually exclusive outcomes add
        either = Working(q, f"(c1 + c3)/{total}")
        value = either.value
        part = q.part(
            "c",
            f"One {item} is taken at random. Work out the probability that it is {names[0]} or "
            f"{names[2]}.",
            marks=1,
            command="Work out",
        )
        final(
            part,
            either,
            step=f"$\\frac{{{counts[0]}}}{{{n}}} + \\frac{{{counts[2]}}}{{{n}}} = "
            f"\\frac{{{counts[0] + counts[2]}}}{{{n}}}"
            + ("" if value.q == n else f" = {either.latex}")
            + "$",
            qualifiers=["oe"],
        )
        misconception(
            part,
            Misconception(
                "multiplied the two probabilities instead of adding them", f"c1*c3/{total}**2"
            ),
        )

        if difficulty == 3:
            self._red_from_blue(q, rng)
        elif difficulty == 4:
            self._added(q, rng, counts, names, item, items, total)
        elif difficulty == 5:
            self._unknown_total(q, rng, item, items)

    @staticmethod
    def _red_from_blue(q: QuestionBuilder, rng: random.Random) -> None:
        """Another bag: P(red) is given and the number of blue counters; how many red?"""
        a, b = rng.choice([(3, 8), (2, 5), (3, 5), (1, 4), (3, 7), (2, 7), (5, 8), (4, 9)])
        m = rng.randint(2, 6)
        blue = (b - a) * m
        pr = q.given("pr", Rational(a, b), display=f"\\frac{{{a}}}{{{b}}}")
        nb = q.given("nb", blue)
        assert pr == Rational(a, b) and nb == blue
        part = q.part(
            "d",
            "Another bag contains only red and blue counters. The probability of taking a red "
            f"counter from this bag is $\\frac{{{a}}}{{{b}}}$. There are ${blue}$ blue counters in "
            "this bag. Work out the number of red counters in this bag.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$\\mathrm{{P}}(\\text{{blue}}) = 1 - \\frac{{{a}}}{{{b}}} = \\frac{{{b - a}}}{{{b}}}$",
            "1 - pr",
        )
        whole = Working(q, "nb/(1 - pr)", latex=f"{blue} \\div \\frac{{{b - a}}}{{{b}}}")
        method(
            part,
            whole,
            f"${whole.substituted}$ or total $= {whole.latex}$",
            step=f"Total $= {whole.substituted} = {whole.latex}$ counters",
            partial=[f"M1 for red : blue $= {a} : {b - a}$"],
        )
        red = Working(q, "nb/(1 - pr) - nb")
        final(part, red, step=f"Red $= {b * m} - {blue} = {red.latex}$", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "gave the total number of counters, not the number of red",
                whole.source,
                (whole.source,),
            ),
        )
        misconception(
            part,
            Misconception(
                "multiplied the number of blue counters by the probability of red",
                "pr*nb",
                fractions=False,
            ),
        )

    @staticmethod
    def _added(
        q: QuestionBuilder,
        rng: random.Random,
        counts: list[int],
        names: list[str],
        item: str,
        items: str,
        total: str,
    ) -> None:
        """Some of the last colour are added; the new probability is given; how many?"""
        last = len(counts)
        g, n = counts[-1], sum(counts)
        options = []
        for a, b in [(1, 2), (1, 3), (2, 3), (2, 5), (3, 5), (1, 4), (3, 4), (3, 7), (4, 7)]:
            for x in range(2, 16):
                if Rational(g + x, n + x) == Rational(a, b) and Rational(g, n) != Rational(a, b):
                    options.append((a, b, x))
        if not options:
            raise Reject("no nice new probability")
        a, b, x = rng.choice(options)
        p = q.given("p", Rational(a, b), display=f"\\frac{{{a}}}{{{b}}}")
        assert p == Rational(a, b)
        q.param("added", x)
        g_name = f"c{last}"
        colour = names[-1]
        part = q.part(
            "d",
            f"Some more {colour} {items} are added to the {_container(item)}. The probability of "
            f"taking {text.article(colour)} {colour} {item} is now $\\frac{{{a}}}{{{b}}}$. Work out how many {colour} "
            f"{items} were added.",
            marks=3,
            command="Work out",
        )
        eq1 = f"Eq(({g_name} + x)/({total} + x), p)"
        eq2 = f"Eq({b}*({g_name} + x), {a}*({total} + x))"
        answer = f"({a}*{total} - {b}*{g_name})/{b - a}"
        rhs = f"{n} + x" if a == 1 else f"{a}({n} + x)"
        part.step(
            f"Let $x$ be the number added: $\\frac{{{g} + x}}{{{n} + x}} = \\frac{{{a}}}{{{b}}}$",
            eq1,
        )
        part.step(f"${b}({g} + x) = {rhs}$", eq2)
        part.step(
            f"${b * g} + {b}x = {a * n} + {_times(a, 'x')}$, so "
            f"${_times(b - a, 'x')} = {a * n - b * g}$"
        )
        part.step(f"$x = {x}$", answer)
        part.answer(answer, variable="x", satisfies=eq1)
        part.mark(
            "M",
            f"$\\frac{{{g} + x}}{{{n} + x}} = \\frac{{{a}}}{{{b}}}$",
            value=eq1,
            qualifiers=["oe"],
        )
        part.mark(
            "M",
            f"${b}({g} + x) = {rhs}$",
            value=eq2,
            qualifiers=["oe"],
            partial=["for removing the fractions correctly"],
        )
        part.mark("A", f"${x}$", value=answer, qualifiers=["cao"])
        naive = Rational(a * n, b) - g
        if naive != x:
            wrong(
                part,
                number(naive) if naive.q in (1, 2, 4, 5) else str(naive),
                "forgot that the total number of items also increases",
                latex=number(naive) if naive.q in (1, 2, 4, 5) else text.frac(naive),
            )

    @staticmethod
    def _unknown_total(q: QuestionBuilder, rng: random.Random, item: str, items: str) -> None:
        """Only two colours; P(red) given; k red added and P(red) given again: the total?"""
        box = _container(item)
        options = []
        for a, b in [(1, 3), (1, 4), (2, 5), (3, 8), (1, 5), (3, 10), (2, 7), (1, 6)]:
            for m in range(2, 7):
                n = b * m
                for k in range(2, 13):
                    new = Rational(a * m + k, n + k)
                    if new.q <= 10 and new != Rational(a, b):
                        options.append((a, b, n, k, new))
        a, b, n, k, new = rng.choice(options)
        q.param("start_total", n)
        p1 = q.given("p1", Rational(a, b), display=f"\\frac{{{a}}}{{{b}}}")
        kk = q.given("k", k)
        p2 = q.given("p2", new, display=text.frac(new))
        assert (p1, kk, p2) == (Rational(a, b), k, new)
        part = q.part(
            "d",
            f"A second {box} contains only red {items} and blue {items}. The probability of "
            f"taking a red {item} from it is $\\frac{{{a}}}{{{b}}}$. Then ${k}$ more red {items} "
            f"are added to it, and the probability of taking a red {item} becomes "
            f"${text.frac(new)}$. Work out how many {items} were in the second {box} at the "
            "start.",
            marks=4,
            command="Work out",
        )
        eq1 = "Eq((p1*n + k)/(n + k), p2)"
        eq2 = f"Eq({new.q}*(p1*n + k), {new.p}*(n + k))"
        answer = "k*(p2 - 1)/(p1 - p2)"
        part.step(f"With $n$ {items} at the start there are $\\frac{{{a}}}{{{b}}}n$ red.", "p1*n")
        part.step(f"$\\frac{{\\frac{{{a}}}{{{b}}}n + {k}}}{{n + {k}}} = {text.frac(new)}$", eq1)
        rhs = f"n + {k}" if new.p == 1 else f"{new.p}(n + {k})"
        part.step(f"${new.q}(\\frac{{{a}}}{{{b}}}n + {k}) = {rhs}$", eq2)
        part.step(f"$n = {n}$", answer)
        part.answer(answer, variable="n", satisfies=eq1)
        part.mark("M", f"$\\frac{{{a}}}{{{b}}}n$ red {items}", value="p1*n", qualifiers=["oe"])
        part.mark(
            "M",
            f"$\\frac{{\\frac{{{a}}}{{{b}}}n + {k}}}{{n + {k}}} = {text.frac(new)}$",
            value=eq1,
            qualifiers=["oe"],
        )
        part.mark(
            "M",
            f"${new.q}(\\frac{{{a}}}{{{b}}}n + {k}) = {rhs}$",
            value=eq2,
            qualifiers=["oe"],
            partial=["for a correct equation without fractions"],
        )
        part.mark("A", f"${n}$", value=answer, qualifiers=["cao"])
        wrong(
            part,
            str(n + k),
            f"gave the number of {items} after the red ones were added",
            working=["p1*n", eq1, eq2],
        )


def _times(c: int, var: str) -> str:
    return var if c == 1 else f"{c}{var}"


def _container(item: str) -> str:
    return {"counter": "bag", "sweet": "box", "sock": "drawer", "marble": "jar"}[item]
