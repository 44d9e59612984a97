"""Units of measure in practical problems (5.1): a conversion inside a problem — glasses from a
jug, pieces cut from a ribbon, buckets to fill a tank, boxes of tiles for a floor, the time to
fill a tank — where the answer is a whole number rounded the way the situation needs."""

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
)
from generation.engine.authoring.figures.solids import cuboid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def _n(value: object) -> str:
    return number(value)


@register
class UnitsInContext(Template):
    key = "mensuration.units_in_context"
    title = "Units of measure in a practical problem: convert, then divide and round sensibly"
    codes = {Tier.CORE: ("C5.1",), Tier.EXTENDED: ("E5.1",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        {
            1: self._glasses,
            2: self._ribbon,
            3: self._buckets,
            4: self._tiles,
            5: self._fill_time,
        }[difficulty](q, rng)

    @staticmethod
    def _glasses(q: QuestionBuilder, rng: random.Random) -> None:
        litres = Rational(rng.choice([12, 15, 18, 20, 24, 25, 30]), 10)
        sizes = [150, 175, 200, 225, 250, 275, 300, 330]
        glass = rng.choice([g for g in sizes if not (1000 * litres / g).is_integer])
        q.given("L", litres)
        q.given("g", glass)
        q.title = "Units of measure: filling glasses"
        q.stem = (
            f"A jug holds ${_n(litres)}$ litres of juice. Each glass holds ${glass}$ ml of juice."
        )
        part = q.part("a", f"Write ${_n(litres)}$ litres in millilitres.", marks=1, command="Write")
        ml = Working(q, "1000*L")
        final(
            part,
            ml,
            unit="ml",
            step=f"$1$ litre $= 1000$ ml, so ${_n(litres)} \\times 1000 = {ml.latex}$ ml",
        )
        misconception(part, Misconception("used 1 litre = 100 ml", "100*L"))

        part = q.part(
            "b",
            "Work out the greatest number of glasses that can be filled completely from the jug.",
            marks=2,
            command="Work out",
        )
        share = Working(q, "1000*L/g", latex=f"{ml.latex} \\div {glass}", fractions=False)
        method(part, share, step=share.equation(accuracy=Accuracy.SF4))
        count = Working(q, "floor(1000*L/g)")
        final(
            part,
            count,
            step=f"Only whole glasses count, so round down: ${count.latex}$ glasses",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "rounded up, but the last glass cannot be filled",
                "ceiling(1000*L/g)",
                ("1000*L/g",),
            ),
        )

    @staticmethod
    def _ribbon(q: QuestionBuilder, rng: random.Random) -> None:
        metres = Rational(rng.choice([25, 28, 32, 35, 40, 42, 45, 50, 55]), 10)
        sizes = [15, 18, 24, 35, 40, 45, 60, 65, 70]
        piece = rng.choice([c for c in sizes if not (100 * metres / c).is_integer])
        q.given("m", metres)
        q.given("c", piece)
        q.title = "Units of measure: cutting a ribbon"
        q.stem = (
            f"A ribbon is ${_n(metres)}$ m long. Sara cuts as many pieces of length ${piece}$ cm "
            "as she can from the ribbon."
        )
        part = q.part("a", "Work out the number of pieces she cuts.", marks=2, command="Work out")
        cm = Working(q, "100*m")
        part.step(f"${_n(metres)}$ m $= {_n(metres)} \\times 100 = {cm.latex}$ cm", cm.machine)
        share = Working(q, "100*m/c", latex=f"{cm.latex} \\div {piece}", fractions=False)
        method(part, share, step=share.equation(accuracy=Accuracy.SF4))
        pieces = Working(q, "floor(100*m/c)")
        final(
            part, pieces, step=f"Round down to whole pieces: ${pieces.latex}$", qualifiers=["cao"]
        )
        misconception(
            part,
            Misconception(
                "rounded to the nearest whole number, not down", "ceiling(100*m/c)", ("100*m/c",)
            ),
        )

        part = q.part(
            "b",
            "Work out the length of ribbon left over. Give your answer in centimetres.",
            marks=2,
            command="Work out",
        )
        used = Working(q, "floor(100*m/c)*c", latex=f"{pieces.latex} \\times {piece}")
        method(part, used, step=used.equation(), qualifiers=["oe"])
        left = Working(q, "100*m - floor(100*m/c)*c")
        final(
            part,
            left,
            unit="cm",
            step=f"${cm.latex} - {used.latex} = {left.latex}$ cm",
        )
        misconception(
            part,
            Misconception(
                "gave the length left over in metres",
                "(100*m - floor(100*m/c)*c)/100",
                ("floor(100*m/c)*c",),
                fractions=False,
            ),
        )

    @staticmethod
    def _buckets(q: QuestionBuilder, rng: random.Random) -> None:
        length = 5 * rng.randint(8, 24)
        width, height = 5 * rng.randint(4, 9), 5 * rng.randint(5, 12)
        bucket = Rational(rng.choice([5, 8, 9, 12, 15, 18]), 1)
        if rng.random() < 0.5:
            bucket = Rational(rng.choice([45, 55, 65, 75]), 10)
        litres = Rational(length * width * height, 1000)
        if (litres / bucket).is_integer:
            raise Reject("the buckets fill the tank exactly")
        for name, value in (("l", length), ("w", width), ("h", height), ("b", bucket)):
            q.given(name, value)
        q.title = "Units of measure: filling a fish tank"
        q.stem = (
            f"A fish tank is a cuboid ${length}$ cm long, ${width}$ cm wide and ${height}$ cm high."
        )
        q.diagram_svg = cuboid(
            "Fish tank",
            length,
            width,
            height,
            (f"{length} cm", f"{width} cm", f"{height} cm"),
        ).svg()
        part = q.part(
            "a",
            "Work out the volume of the tank. Give your answer in cm$^3$.",
            marks=2,
            command="Work out",
        )
        volume = Working(q, "l*w*h")
        method(part, volume, step=volume.equation("V") + " cm$^3$")
        final(part, volume, unit="cm^3", step="", awarded_for=f"${volume.latex}$ cm$^3$")

        part = q.part("b", "Write the volume of the tank in litres.", marks=1, command="Write")
        cap = Working(q, "l*w*h/1000", fractions=False)
        final(
            part,
            cap,
            unit="litres",
            step=f"$1000$ cm$^3$ $= 1$ litre, so ${volume.latex} \\div 1000 = {cap.latex}$ litres",
        )
        misconception(
            part,
            Misconception("used 100 cm$^3$ = 1 litre", "l*w*h/100", fractions=False),
        )

        part = q.part(
            "c",
            f"The tank is filled with water from a bucket that holds ${_n(bucket)}$ litres. "
            "Work out the least number of full buckets needed to fill the tank.",
            marks=2,
            command="Work out",
        )
        share = Working(q, "l*w*h/1000/b", latex=f"{cap.latex} \\div {_n(bucket)}", fractions=False)
        method(part, share, step=share.equation(accuracy=Accuracy.SF4))
        count = Working(q, "ceiling(l*w*h/1000/b)")
        final(
            part,
            count,
            step=f"The tank is not full until the last bucket: round up to ${count.latex}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "rounded down, leaving the tank not quite full",
                "floor(l*w*h/1000/b)",
                ("l*w*h/1000/b",),
            ),
        )

    @staticmethod
    def _tiles(q: QuestionBuilder, rng: random.Random) -> None:
        side = rng.choice([20, 25, 30, 40, 50])
        along, across = rng.randint(8, 18), rng.randint(6, 14)
        a, b = Rational(along * side, 100), Rational(across * side, 100)
        tiles = along * across
        box = rng.choice([k for k in (8, 10, 12, 15, 20, 25) if tiles % k])
        if a == b:
            raise Reject("a square floor")
        for name, value in (("a", a), ("b", b), ("s", side), ("k", box)):
            q.given(name, value)
        q.title = "Units of measure: tiling a floor"
        q.stem = (
            f"A rectangular floor measures ${_n(a)}$ m by ${_n(b)}$ m. It is covered with square "
            f"tiles of side ${side}$ cm, with no gaps. The tiles are sold in boxes of ${box}$."
        )
        part = q.part(
            "a",
            "Work out the area of the floor. Give your answer in cm$^2$.",
            marks=2,
            command="Work out",
        )
        m2 = Working(q, "a*b", latex=f"{_n(a)} \\times {_n(b)}", fractions=False)
        method(part, m2, step=m2.equation() + " m$^2$")
        cm2 = Working(q, "10000*a*b")
        final(
            part,
            cm2,
            unit="cm^2",
            awarded_for=f"${cm2.latex}$ cm$^2$",
            step=f"$1$ m$^2$ $= 100 \\times 100 = 10000$ cm$^2$, so ${m2.latex} \\times 10000 = "
            f"{cm2.latex}$ cm$^2$",
        )
        misconception(part, Misconception("used 1 m$^2$ = 100 cm$^2$", "100*a*b", ("a*b",)))

        part = q.part(
            "b",
            "Work out the number of boxes of tiles needed to cover the floor.",
            marks=3,
            command="Work out",
        )
        count = Working(q, "10000*a*b/s**2", latex=f"{cm2.latex} \\div {side * side}")
        method(
            part,
            count,
            f"${cm2.latex} \\div ({side} \\times {side})$ or "
            f"$\\frac{{{_n(a)} \\times 100}}{{{side}}} \\times \\frac{{{_n(b)} \\times 100}}{{{side}}}$",
            step=f"Each tile is ${side} \\times {side} = {side * side}$ cm$^2$; "
            + count.equation()
            + " tiles",
        )
        boxes = Working(q, "10000*a*b/s**2/k", latex=f"{tiles} \\div {box}", fractions=False)
        method(part, boxes, step=boxes.equation(accuracy=Accuracy.SF4))
        whole = Working(q, "ceiling(10000*a*b/s**2/k)")
        final(
            part,
            whole,
            step=f"A part box is not sold, so round up: ${whole.latex}$ boxes",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "rounded down, so some of the floor is left uncovered",
                "floor(10000*a*b/s**2/k)",
                ("10000*a*b/s**2", "10000*a*b/s**2/k"),
            ),
        )
        misconception(
            part,
            Misconception(
                "gave the number of tiles, not the number of boxes",
                "10000*a*b/s**2",
                ("10000*a*b/s**2",),
            ),
        )

    @staticmethod
    def _fill_time(q: QuestionBuilder, rng: random.Random) -> None:
        dims = (rng.randint(10, 30), rng.randint(6, 14), rng.randint(4, 12))
        length, width, height = (Rational(d, 10) for d in dims)
        rate = rng.choice([120, 125, 150, 160, 200, 240, 250, 300, 400, 500])
        for name, value in (("l", length), ("w", width), ("h", height), ("r", rate)):
            q.given(name, value)
        q.title = "Units of measure: the time to fill a tank"
        q.stem = (
            f"A water tank is a cuboid ${_n(length)}$ m long, ${_n(width)}$ m wide and "
            f"${_n(height)}$ m high. It is empty. Water flows into the tank at a rate of "
            f"${rate}$ millilitres per second."
        )
        q.diagram_svg = cuboid(
            "Water tank",
            float(length),
            float(width),
            float(height),
            (f"{_n(length)} m", f"{_n(width)} m", f"{_n(height)} m"),
        ).svg()
        part = q.part(
            "a",
            "Work out the capacity of the tank in litres.",
            marks=2,
            command="Work out",
        )
        m3 = Working(q, "l*w*h", fractions=False)
        method(part, m3, step=m3.equation("V") + " m$^3$")
        litres = Working(q, "1000*l*w*h", fractions=False)
        final(
            part,
            litres,
            unit="litres",
            step=f"$1$ m$^3$ $= 1000$ litres, so ${m3.latex} \\times 1000 = {litres.latex}$ litres",
        )
        misconception(
            part,
            Misconception("used 1 m$^3$ = 100 litres", "100*l*w*h", ("l*w*h",), fractions=False),
        )

        part = q.part(
            "b",
            "Work out the time it takes to fill the tank. Give your answer in minutes.",
            marks=3,
            command="Work out",
        )
        seconds = Working(
            q, "1000000*l*w*h/r", latex=f"{litres.latex} \\times 1000 \\div {rate}", fractions=False
        )
        method(
            part,
            seconds,
            step=seconds.equation(accuracy=Accuracy.SF4) + " seconds",
        )
        minutes = Working(
            q,
            "1000000*l*w*h/r/60",
            latex=f"{text.approx(seconds.value)} \\div 60",
            fractions=False,
        )
        exact = (minutes.value * 10).is_integer
        accuracy = Accuracy.EXACT if exact else Accuracy.SF3
        method(
            part,
            minutes,
            "their seconds $\\div 60$",
            step=minutes.equation(accuracy=accuracy) + " minutes",
            qualifiers=["dep"],
        )
        final(part, minutes, accuracy=accuracy, unit="min", step="")
        misconception(
            part,
            Misconception(
                "gave the time in seconds, not minutes",
                "1000000*l*w*h/r",
                ("1000000*l*w*h/r",),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "did not change litres to millilitres",
                "1000*l*w*h/r/60",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
