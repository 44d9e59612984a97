"""Rounding an answer to suit its context: up for buses and tins of paint, down for full boxes
and tickets a budget buys, with what is left over (syllabus 1.9)."""

from __future__ import annotations

import random

from sympy import Rational, floor

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    wrong,
)
from generation.engine.authoring.text import amount, money
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP

# (people, vehicle, vehicles, seats per vehicle)
_TRIPS = [
    ("students", "bus", "buses", (45, 49, 52, 53, 57)),
    ("fans", "coach", "coaches", (48, 50, 54, 56)),
    ("passengers", "minibus", "minibuses", (12, 14, 15, 16)),
    ("tourists", "boat", "boats", (18, 24, 28, 32)),
]
# (item, containers, per container)
_PACKS = [
    ("eggs", "boxes", (6, 12)),
    ("cakes", "trays", (8, 9, 15)),
    ("pencils", "packs", (10, 12, 24)),
    ("tennis balls", "tubes", (3, 4)),
]
# (drink, bottle sizes in ml)
_DRINKS = [("juice", (330, 350, 750)), ("water", (330, 450, 750)), ("milk", (300, 400))]


@register
class RoundingInContext(Template):
    key = "number.rounding_in_context"
    title = "Rounding an answer to suit the context"
    codes = {Tier.CORE: ("C1.9",), Tier.EXTENDED: ("E1.9",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Rounding in context"
        plan = {
            1: ["up", "down"],
            2: ["up", "down"],
            3: ["up", "down", "paint"],
            4: ["up", "paint", "bottles"],
            5: ["down", "paint", "bottles"],
        }[difficulty]
        big = difficulty >= 2
        for label, kind in zip("abc", plan, strict=False):
            q.param(label, kind)
            if kind == "up":
                self._up(q, rng, label, big)
            elif kind == "down":
                self._down(q, rng, label, big)
            elif kind == "paint":
                self._paint(q, rng, label, difficulty)
            else:
                self._bottles(q, rng, label)

    @staticmethod
    def _up(q: QuestionBuilder, rng: random.Random, label: str, big: bool) -> None:
        """The least number of vehicles: the quotient rounds to nearest *down*, the answer is up."""
        people, vehicle, vehicles, seats = rng.choice(_TRIPS)
        size = rng.choice(seats)
        count = rng.choice(
            [n for n in range(2 * size + 1, size * (9 if big else 5)) if 0 < n % size < size / 2]
        )
        n = q.given(f"{label}n", count)
        c = q.given(f"{label}c", size)
        part = q.part(
            label,
            f"${number(n)}$ {people} are going on a trip. Each {vehicle} can carry ${c}$ "
            f"{people}.\n\nWork out the least number of {vehicles} needed.",
            marks=2,
            command="Work out",
        )
        share = Working(q, f"{label}n/{label}c", latex=f"{number(n)} \\div {c}")
        method(
            part,
            share,
            f"${share.substituted}$",
            step=f"${share.substituted} = {_dots(share.value)}$",
        )
        need = Working(q, f"ceiling({label}n/{label}c)")
        final(
            part,
            need,
            step=f"{int(floor(share.value))} {vehicles} are not enough, so round up: "
            f"${need.latex}$ {vehicles}",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "rounded to the nearest whole number, leaving some people without a seat",
                f"floor({label}n/{label}c)",
                (share.machine,),
            ),
        )
        misconception(
            part,
            Misconception(
                f"gave the exact quotient instead of a whole number of {vehicles}",
                share.machine,
                (share.machine,),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    @staticmethod
    def _down(q: QuestionBuilder, rng: random.Random, label: str, big: bool) -> None:
        """The number of full containers: the quotient rounds to nearest *up*, the answer is down."""
        items, boxes, sizes = rng.choice(_PACKS)
        size = rng.choice(sizes)
        count = rng.choice(
            [n for n in range(size * 3, size * (40 if big else 12)) if n % size >= size / 2]
        )
        n = q.given(f"{label}n", count)
        c = q.given(f"{label}c", size)
        part = q.part(
            label,
            f"A shop has ${number(n)}$ {items}. The {items} are packed in {boxes} of ${c}$.\n\n"
            f"Work out the greatest number of full {boxes}.",
            marks=2,
            command="Work out",
        )
        share = Working(q, f"{label}n/{label}c", latex=f"{number(n)} \\div {c}")
        method(
            part,
            share,
            f"${share.substituted}$",
            step=f"${share.substituted} = {_dots(share.value)}$",
        )
        full = Working(q, f"floor({label}n/{label}c)")
        final(
            part,
            full,
            step=f"Only whole {boxes} count, so round down: ${full.latex}$ full {boxes}",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                f"rounded to the nearest whole number, but the last of the {boxes} is not full",
                f"ceiling({label}n/{label}c)",
                (share.machine,),
            ),
        )

    @staticmethod
    def _paint(q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        """Tins of paint for a wall: round the number of tins up, then cost it."""
        # lengths and heights in tenths of a metre (whole metres below difficulty 4)
        lengths = range(30, 91) if difficulty >= 4 else range(40, 121, 10)
        heights = range(22, 31) if difficulty >= 4 else (20, 30)
        x10, y10, cover = rng.choice(
            [
                (x, y, k)
                for x in lengths
                for y in heights
                for k in (5, 6, 8, 12, 15)
                if x * y > 100 * k and 0 < x * y % (100 * k) < 50 * k
            ]
        )
        length, height = Rational(x10, 10), Rational(y10, 10)
        price = Rational(rng.randint(60, 240) * 5, 100)
        area = length * height
        tins = area / cover
        w = q.given(f"{label}w", length)
        h = q.given(f"{label}h", height)
        k = q.given(f"{label}k", cover)
        p = q.given(f"{label}p", price, display=amount(price))
        part = q.part(
            label,
            f"A wall is a rectangle ${number(w)}$ m long and ${number(h)}$ m high. One tin of "
            f"paint covers ${k}$ m$^2$ and costs {money(p)}. Only whole tins can be bought.\n\n"
            "Work out the cost of the paint needed to paint the wall once.",
            marks=3,
            command="Work out",
        )
        a = f"{label}w*{label}h"
        count = Working(q, f"{a}/{label}k", latex=f"{number(area)} \\div {k}")
        part.step(f"Area $= {number(w)} \\times {number(h)} = {number(area)}$ m$^2$", a)
        method(
            part,
            count,
            f"${number(w)} \\times {number(h)} \\div {k}$ oe",
            step=f"Tins $= {count.substituted} = {_dots(tins)}$",
        )
        whole = Working(q, f"ceiling({a}/{label}k)")
        cost = Working(q, f"ceiling({a}/{label}k)*{label}p")
        method(
            part,
            cost,
            f"their ${whole.latex}$ (rounded up) $\\times {number(p)}$",
            step=f"${whole.latex}$ tins: ${whole.latex} \\times {number(p)} = {money(cost.value)}$",
        )
        final(part, cost, accuracy=MONEY, step="", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "paid for part of a tin: multiplied the unrounded number of tins by the price",
                f"{a}/{label}k*{label}p",
                (count.machine,),
                accuracy=MONEY,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "rounded the number of tins to the nearest whole number, which is not enough",
                f"floor({a}/{label}k)*{label}p",
                (count.machine,),
                accuracy=MONEY,
                fractions=False,
            ),
        )

    @staticmethod
    def _bottles(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """Litres into bottles of so many ml: full bottles (round down) and the amount left."""
        drink, sizes = rng.choice(_DRINKS)
        size = rng.choice(sizes)
        litres = rng.choice([n for n in range(12, 91) if n * 1000 % size >= size / 2])
        v = q.given(f"{label}v", litres)
        s = q.given(f"{label}s", size)
        part = q.part(
            label,
            f"A machine fills bottles with {drink}. Each bottle holds ${s}$ ml. The machine "
            f"starts with ${v}$ litres of {drink}.\n\n"
            f"Work out the number of bottles it can fill completely and the amount of {drink}, "
            "in ml, left over.",
            marks=3,
            command="Work out",
        )
        ml = f"1000*{label}v"
        share = Working(q, f"{ml}/{label}s", latex=f"{number(litres * 1000)} \\div {s}")
        part.step(f"${v}$ litres $= {number(litres * 1000)}$ ml", ml)
        method(
            part,
            share,
            f"${v} \\times 1000 \\div {s}$ oe",
            step=f"${share.substituted} = {_dots(share.value)}$",
        )
        full = Working(q, f"floor({ml}/{label}s)")
        left = Working(q, f"{ml} - floor({ml}/{label}s)*{label}s")
        part.step(f"So ${full.latex}$ full bottles", full.machine)
        part.step(
            f"Left over $= {number(litres * 1000)} - {full.latex} \\times {s} = {left.latex}$ ml",
            left.machine,
        )
        part.answer(full.machine, label="bottles")
        part.answer(left.machine, label="left over", unit="ml")
        part.mark("A", f"${full.latex}$ bottles", value=full.machine, qualifiers=["cao"])
        part.mark(
            "B",
            f"${left.latex}$ ml",
            value=left.machine,
            qualifiers=["FT"],
            partial=["FT their whole number of bottles"],
        )
        slip = litres * 100 // size
        wrong(
            part,
            f"{slip}, {litres * 100 - slip * size}",
            "used $1$ litre $= 100$ ml",
            working=[f"100*{label}v"],
        )


def _dots(value: Rational) -> str:
    """A calculator result for a line of working: exactly, or cut to 2 d.p. with dots."""
    if (value * 100).q == 1:
        return number(value)
    return f"{number(floor(value * 100) / 100, 2)}\\ldots"
