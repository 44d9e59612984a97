"""Sets: listing elements with set notation, and Venn-diagram counting (syllabus 1.2)."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from sympy import Rational, isprime

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

UNIVERSAL = "\\mathscr{E}"


@dataclass(frozen=True)
class _Rule:
    words: str
    test: Callable[[int], bool]


def _rules(rng: random.Random) -> list[_Rule]:
    k = rng.choice([2, 3, 4, 5])
    f = rng.choice([12, 18, 20, 24, 30, 36])
    return [
        _Rule(f"a multiple of {k}", lambda n: n % k == 0),
        _Rule(f"a factor of {f}", lambda n: f % n == 0),
        _Rule("a prime number", isprime),
        _Rule("a square number", lambda n: math.isqrt(n) ** 2 == n),
        _Rule("an odd number", lambda n: n % 2 == 1),
        _Rule("an even number", lambda n: n % 2 == 0),
    ]


def _set(elements: set[int]) -> tuple[str, str, str]:
    """``(machine, plain, latex)`` of a finite set of integers."""
    ordered = sorted(elements)
    inner = ", ".join(str(e) for e in ordered)
    return f"FiniteSet({inner})", "{" + inner + "}", "\\{" + inner + "\\}"


def _list_part(
    q: QuestionBuilder, label: str, notation: str, elements: set[int], how: str
) -> PartBuilder:
    machine, plain, latex = _set(elements)
    part = q.part(label, f"List the elements of ${notation}$.", marks=1, command="Write down")
    part.step(f"${notation}$ contains the numbers {how}: ${latex}$", machine)
    part.answer(machine, kind=AnswerKind.SET, plain=plain, latex=latex)
    part.mark("B", f"${latex}$", value=machine, qualifiers=["cao"])
    return part


def _wrong_set(part: PartBuilder, elements: set[int], error: str) -> None:
    machine, plain, latex = _set(elements)
    wrong(part, plain, error, latex=latex)


@register
class SetNotation(Template):
    key = "number.set_notation"
    title = "Set notation: listing elements and counting"
    codes = {Tier.CORE: ("C1.2",), Tier.EXTENDED: ("E1.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        top_value = rng.choice(
            {1: [10, 12], 2: [12, 15], 3: [15, 16, 18], 4: [16, 18, 20], 5: [20, 24]}[difficulty]
        )
        rules = _rules(rng)
        universe = set(range(1, top_value + 1))
        pairs = []
        for ra in rules:
            for rb in rules:
                a = {n for n in universe if ra.test(n)}
                b = {n for n in universe if rb.test(n)}
                if ra is rb or not 1 <= len(a & b) <= 4 or a <= b or b <= a:
                    continue
                if len(a | b) >= top_value - 1:
                    continue  # keep a few numbers outside both sets
                pairs.append((ra, rb, a, b))
        rule_a, rule_b, a, b = rng.choice(pairs)
        top = q.given("U", top_value)
        q.param("A", rule_a.words)
        q.param("B", rule_b.words)
        q.title = "Sets"
        q.stem = (
            f"${UNIVERSAL} = \\{{x : x \\text{{ is an integer and }} 1 \\le x \\le {top}\\}}$\n\n"
            f"$A = \\{{x : x \\text{{ is {rule_a.words}}}\\}}$\n\n"
            f"$B = \\{{x : x \\text{{ is {rule_b.words}}}\\}}$"
        )
        labels = iter("abcdef")

        part = _list_part(
            q, next(labels), "A \\cap B", a & b, f"that are both {rule_a.words} and {rule_b.words}"
        )
        _wrong_set(part, a | b, "listed the union instead of the intersection")

        n_union = len(a | b)
        part = q.part(next(labels), "Find $n(A \\cup B)$.", marks=1, command="Work out")
        _, _, union_latex = _set(a | b)
        part.step(f"$A \\cup B = {union_latex}$")
        part.step(f"$n(A \\cup B) = {n_union}$", n_union)
        part.answer(n_union)
        part.mark("B", f"${n_union}$", value=n_union, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "added n(A) and n(B), counting the intersection twice",
                len(a) + len(b),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "found n(A ∩ B) instead of n(A ∪ B)",
                len(a & b),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )

        if difficulty >= 2:
            part = _list_part(
                q, next(labels), "A'", universe - a, f"from $1$ to ${top}$ that are not in $A$"
            )
            _wrong_set(part, b - a, "listed only the elements of B that are not in A")
        if difficulty >= 3:
            outside = universe - (a | b)
            part = _list_part(q, next(labels), "(A \\cup B)'", outside, "that are in neither set")
            _wrong_set(part, universe - (a & b), "took the complement of the intersection instead")
        if difficulty >= 4:
            only_b = b - a
            part = _list_part(q, next(labels), "A' \\cap B", only_b, "in $B$ but not in $A$")
            _wrong_set(part, a - b, "listed the elements of A that are not in B")
        if difficulty == 5 and q.tier == Tier.EXTENDED:
            count = len((universe - b) | a)
            part = q.part(next(labels), "Find $n(A \\cup B')$.", marks=1, command="Work out")
            part.step("$A \\cup B'$ is everything except the elements only in $B$", count)
            part.step(f"$n(A \\cup B') = {top} - {len(b - a)} = {count}$", count)
            part.answer(count)
            part.mark("B", f"${count}$", value=count, qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    "found n(A ∩ B') instead of n(A ∪ B')",
                    len(a & (universe - b)),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )


@dataclass(frozen=True)
class _Venn:
    group: str  # "students in a class"
    members: str  # "students"
    does_a: str  # "study French"
    does_b: str  # "study Spanish"
    letter_a: str
    letter_b: str
    neither: str  # "study neither language"
    both: str  # "study both languages"


_VENN_CONTEXTS = [
    _Venn(
        "students in a class",
        "students",
        "study French",
        "study Spanish",
        "F",
        "S",
        "study neither language",
        "study both languages",
    ),
    _Venn(
        "members of a sports club",
        "members",
        "play tennis",
        "play squash",
        "T",
        "Q",
        "play neither sport",
        "play both sports",
    ),
    _Venn(
        "families in a street",
        "families",
        "own a cat",
        "own a dog",
        "C",
        "D",
        "own neither a cat nor a dog",
        "own both a cat and a dog",
    ),
    _Venn(
        "students in a year group",
        "students",
        "sing in the choir",
        "act in the drama club",
        "C",
        "D",
        "do neither activity",
        "do both activities",
    ),
    _Venn(
        "people at a meeting",
        "people",
        "drink tea",
        "drink coffee",
        "T",
        "C",
        "drink neither",
        "drink both",
    ),
]


@register
class VennCounts(Template):
    key = "number.venn_counts"
    title = "Venn diagram counting problem"
    codes = {Tier.CORE: ("C1.2",), Tier.EXTENDED: ("E1.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        v = rng.choice(_VENN_CONTEXTS)
        fa, fb = v.letter_a, v.letter_b
        q.title = "Venn diagram problem"
        definitions = (
            f"${fa} = \\{{\\text{{{v.members} who {v.does_a}}}\\}}$ and "
            f"${fb} = \\{{\\text{{{v.members} who {v.does_b}}}\\}}$."
        )
        if difficulty == 5 and q.tier == Tier.EXTENDED:
            self._algebra(q, rng, v, definitions)
            return
        scale = {1: 12, 2: 18, 3: 25, 4: 35, 5: 45}[difficulty]
        only_a = rng.randint(scale // 3, scale)
        only_b = rng.randint(scale // 3, scale)
        both = rng.randint(2, max(3, scale // 2))
        neither = rng.randint(2, max(3, scale // 3))
        total_value = only_a + only_b + both + neither
        total = q.given("T", total_value)
        na = q.given("a", only_a + both)
        nb = q.given("b", only_b + both)
        nn = q.given("k", neither)
        q.stem = (
            f"There are ${total}$ {v.group}. ${na}$ {v.does_a}, ${nb}$ {v.does_b} and "
            f"${nn}$ {v.neither}.\n\n{definitions}"
        )
        in_one = total_value - neither

        part = q.part(
            "a", f"Work out the number of {v.members} who {v.both}.", marks=2, command="Work out"
        )
        part.step(f"Number in at least one of the sets $= {total} - {nn} = {in_one}$", "T - k")
        part.step(f"$n({fa} \\cap {fb}) = {na} + {nb} - {in_one} = {both}$", "a + b - (T - k)")
        part.answer("a + b - (T - k)")
        part.mark("M", f"${total} - {nn}$ or ${na} + {nb} + {nn} - {total}$ oe", value="T - k")
        part.mark("A", f"${both}$", value="a + b - (T - k)", qualifiers=["cao"])
        if only_a + only_b + 2 * both > total_value:
            misconception(
                part,
                Misconception(
                    f"forgot the {neither} outside both sets: worked out {na} + {nb} - {total}",
                    only_a + only_b + 2 * both - total_value,
                    ("a + b",),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        misconception(
            part,
            Misconception(
                "stopped at the number in at least one set",
                in_one,
                ("T - k",),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )

        part = q.part("b", f"Find $n({fa} \\cap {fb}')$.", marks=1, command="Work out")
        part.step(
            f"$n({fa} \\cap {fb}')$ is the number in ${fa}$ but not in ${fb}$",
            "a - (a + b - (T - k))",
        )
        part.step(f"${na} - {both} = {only_a}$", "a - (a + b - (T - k))")
        part.answer("a - (a + b - (T - k))")
        part.mark(
            "B",
            f"${only_a}$",
            value="a - (a + b - (T - k))",
            qualifiers=["FT"],
            partial=["FT their (a)"],
        )
        misconception(
            part,
            Misconception(
                f"found n({fa} ∩ {fb}) instead", both, accuracy=Accuracy.EXACT, fractions=False
            ),
        )

        if difficulty >= 3:
            value = only_a + only_b
            part = q.part(
                "c",
                f"Work out the number of {v.members} who are in exactly one of the two sets.",
                marks=1,
                command="Work out",
            )
            part.step(f"${only_a} + ({nb} - {both}) = {only_a} + {only_b} = {value}$", value)
            part.answer(value)
            part.mark("B", f"${value}$", value=value, qualifiers=["FT"], partial=["FT their (a)"])
            misconception(
                part,
                Misconception(
                    "added the two set sizes without removing the overlap",
                    only_a + only_b + 2 * both,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        if difficulty >= 4 and q.tier == Tier.EXTENDED:
            value = total_value - only_a
            part = q.part("d", f"Find $n({fa}' \\cup {fb})$.", marks=1, command="Work out")
            part.step(
                f"Everything except the {only_a} in ${fa}$ only: ${total} - {only_a} = {value}$",
                value,
            )
            part.answer(value)
            part.mark("B", f"${value}$", value=value, qualifiers=["FT"], partial=["FT their (b)"])
            misconception(
                part,
                Misconception(
                    f"found n({fa}′ ∩ {fb}) instead of the union",
                    only_b,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )

    def _algebra(self, q: QuestionBuilder, rng: random.Random, v: _Venn, definitions: str) -> None:
        """Extended: the overlap is an unknown x and the outside region is a multiple of x."""
        fa, fb = v.letter_a, v.letter_b
        x = rng.randint(2, 9)
        k = rng.choice([2, 3])
        a_value = x + rng.randint(6, 25)
        b_value = x + rng.randint(6, 25)
        total_value = a_value + b_value + (k - 1) * x
        total = q.given("T", total_value)
        na = q.given("a", a_value)
        nb = q.given("b", b_value)
        q.given("m", k)
        q.stem = (
            f"There are ${total}$ {v.group}. ${na}$ {v.does_a} and ${nb}$ {v.does_b}.\n\n"
            f"{definitions}\n\n$n({fa} \\cap {fb}) = x$ and $n(({fa} \\cup {fb})') = {k}x$."
        )
        part = q.part("a", "Find the value of $x$.", marks=3, command="Work out")
        part.step(f"${na} + {nb} - x + {k}x = {total}$")
        part.step(f"${a_value + b_value} + {k - 1 if k > 2 else ''}x = {total}$", "a + b")
        part.step(f"${k - 1 if k > 2 else ''}x = {(k - 1) * x}$", "T - a - b")
        part.step(f"$x = {x}$", "(T - a - b)/(m - 1)")
        part.answer(
            "(T - a - b)/(m - 1)",
            variable="x",
            satisfies=f"Eq({a_value} + {b_value} - x + {k}*x, {total_value})",
        )
        part.mark(
            "M",
            f"${na} + {nb} - x + {k}x = {total}$ oe",
            value="a + b",
            partial=["M1 for the four regions in terms of x added"],
        )
        part.mark(
            "M",
            f"${k - 1 if k > 2 else ''}x = {(k - 1) * x}$",
            value="T - a - b",
            qualifiers=["dep"],
        )
        part.mark("A", f"${x}$", value="(T - a - b)/(m - 1)", qualifiers=["cao"])
        naive = Rational(total_value - a_value - b_value, k)
        misconception(
            part,
            Misconception(
                "did not subtract the overlap: wrote a + b + kx = T",
                naive,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        ) if naive.q == 1 else None
        only = a_value + b_value - 2 * x
        part = q.part(
            "b",
            f"Work out the number of {v.members} who are in exactly one of the two sets.",
            marks=1,
            command="Work out",
        )
        part.step(f"$({na} - {x}) + ({nb} - {x}) = {only}$", only)
        part.answer(only)
        part.mark("B", f"${only}$", value=only, qualifiers=["FT"], partial=["FT their x"])
        misconception(
            part,
            Misconception(
                f"found n({fa} ∪ {fb}) instead of the number in exactly one set",
                a_value + b_value - x,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
