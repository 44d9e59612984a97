"""Conditional probability for two selections without replacement (E8.4): the second given
the first, both of a kind given they match, and both of a kind given at least one is."""

from __future__ import annotations

import random

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

# (container, item, items, colours)
_BAGS = [
    ("bag", "counter", "counters", ["red", "blue", "green"]),
    ("box", "pen", "pens", ["black", "blue", "red"]),
    ("jar", "sweet", "sweets", ["orange", "lemon", "lime"]),
]


def _p(*factors: tuple[int, int]) -> str:
    """LaTeX of a product of fractions as written in working: 7/12 × 6/11."""
    return " \\times ".join(f"\\frac{{{a}}}{{{b}}}" for a, b in factors)


@register
class ConditionalWithoutReplacement(Template):
    key = "probability.conditional_selection"
    title = "Conditional probability: two chosen without replacement"
    codes = {Tier.EXTENDED: ("E8.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Conditional probability"
        kinds = 3 if difficulty == 4 else 2
        container, item, items, colours = rng.choice(_BAGS)
        colours = colours[:kinds]
        counts = rng.sample(range(3, 10), kinds)  # different counts, so the colours differ
        for i, c in enumerate(counts, start=1):
            q.given(f"c{i}", c)
        total = " + ".join(f"c{i}" for i in range(1, kinds + 1))
        n = sum(counts)
        listing = ", ".join(f"${c}$ {name}" for c, name in zip(counts[:-1], colours, strict=False))
        q.stem = (
            f"A {container} contains {listing} and ${counts[-1]}$ {colours[-1]} {items}.\n\n"
            f"Two {items} are taken at random from the {container}, one after the other, "
            "without replacement."
        )
        q.param("context", item)
        r, b = counts[0], counts[1]
        red, blue = colours[0], colours[1]
        labels = iter("abcd")
        both = Working(
            q, f"c1*(c1 - 1)/(({total})*({total} - 1))", latex=_p((r, n), (r - 1, n - 1))
        )

        if difficulty <= 2:
            # the second given the first
            part = q.part(
                next(labels),
                f"The first {item} taken is {red}. Write down the probability that the second "
                f"{item} is also {red}.",
                marks=1,
                command="Write down",
            )
            second = Working(q, f"(c1 - 1)/({total} - 1)", latex=f"\\frac{{{r - 1}}}{{{n - 1}}}")
            part.step(
                f"After one {red} {item} is taken there are ${r - 1}$ {red} {items} among the "
                f"${n - 1}$ left."
            )
            final(part, second, qualifiers=["oe"])
            misconception(
                part,
                Misconception("used the probability before the first was taken", f"c1/({total})"),
            )

        if difficulty != 4:
            part = q.part(
                next(labels),
                f"Work out the probability that both {items} are {red}.",
                marks=2,
                command="Work out",
            )
            method(part, both, f"${both.substituted}$", step=both.equation())
            final(part, both, qualifiers=["oe"], step="")
            misconception(
                part,
                Misconception(
                    "replaced the first before taking the second",
                    f"(c1/({total}))**2",
                ),
            )

        if difficulty == 2:
            # the first given the second: P(first red | second blue) = r/(n - 1)
            part = q.part(
                next(labels),
                f"Given that the second {item} is {blue}, find the probability that the first "
                f"{item} is {red}.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"If the second is {blue}, the first is one of the other ${n - 1}$ {items}, "
                f"and ${r}$ of them are {red}."
            )
            given = Working(q, f"c1/({total} - 1)", latex=f"\\frac{{{r}}}{{{n - 1}}}")
            method(
                part,
                given,
                f"$\\frac{{{r}}}{{{n - 1}}}$ or "
                f"$\\frac{{{_p((r, n), (b, n - 1))}}}{{\\frac{{{b}}}{{{n}}}}}$",
                step=given.equation("\\mathrm{P}"),
            )
            final(part, given, qualifiers=["oe"], step="")
            misconception(
                part,
                Misconception(
                    f"gave P(first {red} and second {blue}), not the conditional probability",
                    f"c1*c2/(({total})*({total} - 1))",
                ),
            )

        if difficulty in (3, 4):
            self._given_same(q, next(labels), counts, colours, items, total)
        if difficulty == 5:
            self._given_at_least_one(q, next(labels), r, n, red, items, total, both)

    @staticmethod
    def _given_same(
        q: QuestionBuilder,
        label: str,
        counts: list[int],
        colours: list[str],
        items: str,
        total: str,
    ) -> None:
        """P(both the first colour | both the same colour) = c1(c1-1) / sum ci(ci-1)."""
        n = sum(counts)
        red = colours[0]
        if len(counts) == 3:
            part = q.part(
                label,
                f"Work out the probability that the two {items} are the same colour.",
                marks=3,
                command="Work out",
            )
            same_src = " + ".join(f"c{i}*(c{i} - 1)" for i in range(1, 4))
            same = Working(
                q,
                f"({same_src})/(({total})*({total} - 1))",
                latex=" + ".join(_p((c, n), (c - 1, n - 1)) for c in counts),
            )
            one = Working(
                q,
                f"c1*(c1 - 1)/(({total})*({total} - 1))",
                latex=_p((counts[0], n), (counts[0] - 1, n - 1)),
            )
            method(
                part,
                one,
                f"${one.substituted}$ oe (one colour)",
                step=one.equation(f"\\mathrm{{P}}(\\text{{both {red}}})"),
            )
            method(
                part,
                same,
                f"${same.substituted}$",
                step=same.equation("\\mathrm{P}(\\text{same})"),
                qualifiers=("oe", "dep"),
            )
            final(part, same, qualifiers=["oe"], step="")
            misconception(
                part,
                Misconception(
                    "replaced the first before taking the second",
                    " + ".join(f"(c{i}/({total}))**2" for i in range(1, 4)),
                ),
            )
            label = chr(ord(label) + 1)
        else:
            same = Working(
                q,
                f"(c1*(c1 - 1) + c2*(c2 - 1))/(({total})*({total} - 1))",
                latex=" + ".join(_p((c, n), (c - 1, n - 1)) for c in counts),
            )
        part = q.part(
            label,
            f"Given that the two {items} are the same colour, find the probability that they "
            f"are both {red}.",
            marks=3,
            command="Work out",
        )
        r = counts[0]
        rr = Working(q, f"c1*(c1 - 1)/(({total})*({total} - 1))", latex=_p((r, n), (r - 1, n - 1)))
        if len(counts) == 2:
            method(
                part,
                same,
                f"${same.substituted}$ oe",
                step=same.equation("\\mathrm{P}(\\text{same colour})"),
            )
        else:
            part.step(
                f"$\\mathrm{{P}}(\\text{{same colour}}) = {same.latex}$ from the previous part",
                same.machine,
            )
            part.mark(
                "M",
                f"their $\\mathrm{{P}}(\\text{{same colour}}) = {same.latex}$",
                value=same.machine,
                qualifiers=["FT"],
            )
        given = Working(
            q,
            f"c1*(c1 - 1)/({' + '.join(f'c{i}*(c{i} - 1)' for i in range(1, len(counts) + 1))})",
            latex=f"\\frac{{{rr.latex}}}{{{same.latex}}}",
        )
        method(
            part,
            given,
            f"${rr.latex} \\div {same.latex}$ oe",
            step=f"$\\mathrm{{P}}(\\text{{both {red}}} \\mid \\text{{same}}) = {given.substituted} = {given.latex}$",
            qualifiers=("oe", "dep"),
        )
        final(part, given, qualifiers=["oe"], step="")
        misconception(
            part,
            Misconception(
                f"gave P(both {red}) without using the condition", rr.machine, (same.machine,)
            ),
        )

    @staticmethod
    def _given_at_least_one(
        q: QuestionBuilder,
        label: str,
        r: int,
        n: int,
        red: str,
        items: str,
        total: str,
        both: Working,
    ) -> None:
        """P(at least one red), then P(both red | at least one red)."""
        other = n - r
        part = q.part(
            label,
            f"Work out the probability that at least one of the two {items} is {red}.",
            marks=3,
            command="Work out",
        )
        none = Working(
            q,
            f"c2*(c2 - 1)/(({total})*({total} - 1))",
            latex=_p((other, n), (other - 1, n - 1)),
        )
        method(
            part,
            none,
            f"${none.substituted}$",
            step=none.equation(f"\\mathrm{{P}}(\\text{{no {red}}})"),
        )
        least = Working(q, f"1 - {none.source}", latex=f"1 - {none.latex}")
        method(part, least, f"$1 - {none.latex}$", step=least.equation(), qualifiers=("oe", "dep"))
        final(part, least, qualifiers=["oe"], step="")
        misconception(
            part,
            Misconception(
                "replaced the first before taking the second",
                f"1 - (c2/({total}))**2",
            ),
        )
        label = chr(ord(label) + 1)
        part = q.part(
            label,
            f"Given that at least one of the two {items} is {red}, find the probability that "
            f"both are {red}.",
            marks=2,
            command="Work out",
        )
        given = Working(
            q,
            f"({both.source})/({least.source})",
            latex=f"\\frac{{{both.latex}}}{{{least.latex}}}",
        )
        method(
            part,
            given,
            "their $\\mathrm{P}(\\text{both}) \\div$ their $\\mathrm{P}(\\text{at least one})$",
            step=f"${given.substituted} = {given.latex}$",
        )
        final(part, given, qualifiers=["oe"], step="")
        misconception(
            part,
            Misconception(f"gave P(both {red}) without using the condition", both.machine, ()),
        )
