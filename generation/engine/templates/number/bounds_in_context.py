"""Limits of accuracy in context (1.10): bounds of a count (discrete data: 2400 to the nearest
100 means 2350 to 2449), and on Extended the least total of rounded masses and the greatest
number that can always be carried safely or cut from a length."""

from __future__ import annotations

import random

from sympy import Rational, floor

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.text import names
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier

# (what was counted, rounding unit, range of multiples)
_COUNTS = [
    ("people at a concert", 100, (12, 98)),
    ("fans at a football match", 1000, (12, 60)),
    ("cars that crossed a bridge in one day", 10, (35, 240)),
    ("visitors to a museum in one week", 100, (15, 90)),
]
_UNIT_WORDS = {10: "ten", 100: "hundred", 1000: "thousand"}


def _plain(value: Rational) -> str:
    return number(value).replace("\\,", "")


@register
class BoundsInContext(Template):
    key = "number.bounds_in_context"
    title = "Limits of accuracy in context: counts, totals and safe limits"
    codes = {Tier.CORE: ("C1.10",), Tier.EXTENDED: ("E1.10",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Limits of accuracy in context"
        extended = q.tier == Tier.EXTENDED
        first, second = rng.sample(_COUNTS, 2)
        self._count(q, rng, "a", first, figures=False)
        if not extended or difficulty <= 2:
            if difficulty >= 2:
                self._count(q, rng, "b", second, figures=True)
            if difficulty != 2:
                self._measured(q, rng, "b" if difficulty == 1 else "c")
            return
        self._total(q, rng, "b", difficulty)
        if difficulty == 4:
            self._lift(q, rng, "c")
        elif difficulty == 5:
            self._rope(q, rng, "c")

    # --- a count: discrete data -----------------------------------------------------------------

    @staticmethod
    def _count(
        q: QuestionBuilder,
        rng: random.Random,
        label: str,
        kind: tuple[str, int, tuple[int, int]],
        figures: bool,
    ) -> None:
        what, unit, (low, high) = kind
        rounded = rng.randint(low, high) * unit
        if figures:
            digits = len(str(rounded)) - len(str(rounded).rstrip("0"))
            sf = len(str(rounded)) - digits
            if sf < 1 or digits == 0:
                return
            how = f"correct to ${sf}$ significant figure{'s' if sf > 1 else ''}"
            unit = 10**digits
        else:
            how = f"correct to the nearest {_UNIT_WORDS[unit]}"
        n = q.given(f"{label}n", rounded)
        part = q.part(
            label,
            f"The number of {what} was ${number(n)}$, {how}.\n\n"
            "Write the least possible number and the greatest possible number.",
            marks=2,
            command="Write",
        )
        least = Working(q, f"{label}n - {unit // 2}")
        most = Working(q, f"{label}n + {unit // 2} - 1")
        part.step(
            f"Half of ${number(unit)}$ is ${number(unit // 2)}$: the least number that rounds to "
            f"${number(rounded)}$ is ${number(least.value)}$",
            least.machine,
        )
        part.step(
            f"A count is a whole number, so the greatest is ${number(rounded + unit // 2)} - 1 = "
            f"{number(most.value)}$",
            most.machine,
        )
        part.answer(
            least.machine, label="least", plain=_plain(least.value), latex=number(least.value)
        )
        part.answer(
            most.machine, label="greatest", plain=_plain(most.value), latex=number(most.value)
        )
        part.mark("B", f"${number(least.value)}$", value=least.machine, qualifiers=["cao"])
        part.mark("B", f"${number(most.value)}$", value=most.machine, qualifiers=["cao"])
        wrong(
            part,
            f"{_plain(least.value)}, {_plain(most.value + 1)}",
            "gave the upper bound of a continuous measurement: a count cannot be "
            f"${number(most.value + 1)}$, which rounds up",
        )
        wrong(
            part,
            f"{_plain(Rational(rounded - unit))}, {_plain(Rational(rounded + unit))}",
            "used the whole rounding unit instead of half of it",
        )

    @staticmethod
    def _measured(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """A measurement rounded like a count: its upper bound is not one less."""
        unit = rng.choice([10, 100])
        mass = rng.randint(12, 95) * unit
        m = q.given(f"{label}m", mass)
        part = q.part(
            label,
            f"The mass of a parcel is ${number(m)}$ g, correct to the nearest "
            f"{_UNIT_WORDS[unit]} grams.\n\nWrite the lower bound and the upper bound of the "
            "mass.",
            marks=2,
            command="Write",
        )
        lower = Working(q, f"{label}m - {unit // 2}")
        upper = Working(q, f"{label}m + {unit // 2}")
        part.step(
            f"Lower bound $= {number(mass)} - {unit // 2} = {number(lower.value)}$ g", lower.machine
        )
        part.step(
            f"Mass is measured, not counted, so the upper bound is ${number(mass)} + {unit // 2} = "
            f"{number(upper.value)}$ g",
            upper.machine,
        )
        part.answer(
            lower.machine,
            label="lower bound",
            unit="g",
            plain=_plain(lower.value),
            latex=number(lower.value),
        )
        part.answer(
            upper.machine,
            label="upper bound",
            unit="g",
            plain=_plain(upper.value),
            latex=number(upper.value),
        )
        part.mark("B", f"${number(lower.value)}$", value=lower.machine, qualifiers=["cao"])
        part.mark("B", f"${number(upper.value)}$", value=upper.machine, qualifiers=["cao"])
        wrong(
            part,
            f"{_plain(lower.value)}, {_plain(upper.value - 1)}",
            "took one off the upper bound as for a count, but a mass is continuous",
        )

    # --- Extended: bounds of a total ------------------------------------------------------------

    @staticmethod
    def _total(q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        count = rng.randint(6, 25)
        step = Rational(1) if difficulty == 3 else Rational(1, 10)
        mass = rng.randint(12, 60) * step if step == 1 else Rational(rng.randint(15, 95), 10)
        k = q.given(f"{label}k", count)
        m = q.given(f"{label}m", mass, display=number(mass) if step == 1 else number(mass, 1))
        words = "the nearest kilogram" if step == 1 else "1 decimal place"
        part = q.part(
            label,
            f"A lorry carries ${k}$ boxes. The mass of each box is ${number(m) if step == 1 else number(m, 1)}$ kg, correct to "
            f"{words}.\n\nWork out the least possible total mass of the ${k}$ boxes.",
            marks=2,
            command="Work out",
        )
        half = step / 2
        lower = Working(q, f"{label}m - {half}")
        part.step(
            f"Lower bound of one box $= {number(m) if step == 1 else number(m, 1)} - {number(half)} = {number(lower.value)}$ kg",
            lower.machine,
        )
        total = Working(
            q,
            f"{label}k*({label}m - {half})",
            latex=f"{k} \\times {number(lower.value)}",
            fractions=False,
        )
        method(part, total, f"${total.substituted}$", step=total.equation("\\text{Least total}"))
        final(part, total, step="", unit="kg", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"took ${number(half)}$ kg off the total once instead of off each box",
                f"{label}k*{label}m - {half}",
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "used the upper bound of each box", f"{label}k*({label}m + {half})", fractions=False
            ),
        )

    # --- Extended: the greatest number that is always safe ----------------------------------------

    @staticmethod
    def _lift(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        load = rng.randint(12, 30) * 50
        person = rng.randint(14, 18) * 5
        q.given(f"{label}L", load)
        q.given(f"{label}p", person)
        part = q.part(
            label,
            f"A lift can carry a mass of ${number(load)}$ kg, correct to the nearest $50$ kg. "
            f"Each person using the lift has a mass of ${person}$ kg, correct to the nearest "
            "$5$ kg.\n\nWork out the greatest number of people that the lift can always carry "
            "safely.",
            marks=4,
            command="Work out",
        )
        safe = Working(q, f"{label}L - 25")
        heavy = Working(q, f"{label}p + 5/2", fractions=False)
        method(
            part,
            safe,
            f"${number(safe.value)}$ seen",
            step=f"Least safe load $= {number(load)} - 25 = {number(safe.value)}$ kg",
        )
        method(
            part,
            heavy,
            f"${number(heavy.value)}$ seen",
            step=f"Heaviest person $= {person} + 2.5 = {number(heavy.value)}$ kg",
        )
        share = Working(
            q,
            f"({label}L - 25)/({label}p + 5/2)",
            latex=f"{number(safe.value)} \\div {number(heavy.value)}",
            fractions=False,
        )
        method(
            part,
            share,
            f"their ${number(safe.value)} \\div$ their ${number(heavy.value)}$",
            step=f"${share.substituted} = {_cut(share.value)}$",
        )
        people = Working(q, f"floor({share.source})")
        final(part, people, step=f"Round down: ${people.latex}$ people", qualifiers=["cao"])
        misconception(
            part,
            Misconception("did not use bounds at all", f"floor({label}L/{label}p)"),
        )
        misconception(
            part,
            Misconception(
                "used the upper bound of the load and the lower bound of a person",
                f"floor(({label}L + 25)/({label}p - 5/2))",
            ),
        )

    @staticmethod
    def _rope(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        length = rng.randint(20, 60)
        piece = Rational(rng.randint(8, 25), 10)
        who = names(rng, 1)[0]
        q.given(f"{label}L", length)
        q.given(f"{label}p", piece)
        part = q.part(
            label,
            f"{who} has a rope of length ${length}$ m, correct to the nearest metre. {who} cuts "
            f"pieces of length ${number(piece)}$ m, correct to the nearest $10$ cm, from the "
            "rope.\n\nWork out the greatest number of pieces that can always be cut from the rope.",
            marks=4,
            command="Work out",
        )
        short = Working(q, f"{label}L - 1/2", fractions=False)
        long_piece = Working(q, f"{label}p + 1/20", fractions=False)
        method(
            part,
            short,
            f"${number(short.value)}$ seen",
            step=f"Shortest rope $= {length} - 0.5 = {number(short.value)}$ m",
        )
        method(
            part,
            long_piece,
            f"${number(long_piece.value)}$ seen",
            step=f"Longest piece $= {number(piece)} + 0.05 = {number(long_piece.value)}$ m",
        )
        share = Working(
            q,
            f"({label}L - 1/2)/({label}p + 1/20)",
            latex=f"{number(short.value)} \\div {number(long_piece.value)}",
            fractions=False,
        )
        method(
            part,
            share,
            f"their ${number(short.value)} \\div$ their ${number(long_piece.value)}$",
            step=f"${share.substituted} = {_cut(share.value)}$",
        )
        pieces = Working(q, f"floor({share.source})")
        final(part, pieces, step=f"Round down: ${pieces.latex}$ pieces", qualifiers=["cao"])
        misconception(part, Misconception("did not use bounds at all", f"floor({label}L/{label}p)"))
        misconception(
            part,
            Misconception(
                "used the upper bound of the rope and the lower bound of a piece",
                f"floor(({label}L + 1/2)/({label}p - 1/20))",
            ),
        )


def _cut(value: Rational) -> str:
    """A quotient for a line of working, cut (not rounded) to 2 d.p. with dots."""
    if (value * 100).q == 1:
        return number(value)
    return f"{number(floor(value * 100) / 100, 2)}\\ldots"
