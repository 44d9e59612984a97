"""Units of measure in context (syllabus 5.1): a jug poured into glasses (litres to ml), a floor
covered with tiles (m to cm, an area in cm$^2$) and a tank filled from a tap (a volume in m$^3$
to litres, then a time), each conversion a step of the working."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.text import approx, number
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

_JUGS = [Rational(v, 10) for v in (12, 15, 18, 20, 24, 25, 30, 36, 45)]  # litres
_GLASSES = (120, 150, 180, 200, 250, 300, 350, 400)  # ml
_TILE_SIDES = (20, 25, 40, 50)  # cm
_TANK_LENGTHS = [Rational(v, 10) for v in (12, 15, 16, 20, 24, 25, 30)]  # m
_TANK_WIDTHS = [Rational(v, 10) for v in (8, 10, 12, 15, 20)]  # m
_TANK_HEIGHTS = (50, 60, 75, 80, 90, 120, 150)  # cm
_RATES = (12, 15, 16, 20, 24, 25, 30, 32, 40, 45, 48, 50, 60, 75, 80, 90, 100, 120)  # l/min


@register
class UnitsInContext(Template):
    key = "mensuration.units_in_context"
    title = "Converting units of capacity, area and volume in a practical problem"
    codes = {Tier.CORE: ("C5.1",), Tier.EXTENDED: ("E5.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Units of measure in context"
        plan = {
            1: ["glasses"],
            2: ["glasses", "tiles"],
            3: ["tiles", "tank"],
            4: ["glasses", "tiles", "tank"],
            5: ["tiles", "tank"],
        }[difficulty]
        labels = iter("abcd")
        for kind in plan:
            q.param(kind, True)
            if kind == "glasses":
                self._glasses(q, rng, next(labels), exact=difficulty == 1)
            elif kind == "tiles":
                self._tiles(q, rng, next(labels), next(labels))
            else:
                self._tank(q, rng, next(labels), mixed=difficulty == 5)

    @staticmethod
    def _glasses(q: QuestionBuilder, rng: random.Random, label: str, *, exact: bool) -> None:
        """Litres to millilitres, then a share: exact, or the greatest number of full glasses
        (the quotient's fraction at least a half, so rounding to the nearest is wrong)."""
        pairs = [
            (jug, glass)
            for jug in _JUGS
            for glass in _GLASSES
            if 4 <= jug * 1000 / glass <= 30
            and ((jug * 1000 / glass).is_integer if exact else (jug * 1000 / glass) % 1 >= 0.5)
        ]
        jug, glass = rng.choice(pairs)
        v = q.given("v", jug, unit="litres")
        g = q.given("g", glass, unit="ml")
        unit = rng.choice(["ml", "cm$^3$"])
        q.param("glass_unit", unit)
        ask = (
            "Work out how many glasses she fills."
            if exact
            else "Work out the greatest number of glasses she can fill completely."
        )
        p = q.part(
            label,
            f"A jug holds ${number(v)}$ litres of juice.\n"
            f"Maya pours the juice into glasses. Each glass holds ${number(g)}$ {unit}.\n{ask}",
            marks=2,
            command="Work out",
        )
        p.step(
            f"${number(v)}$ litres $= {number(v)} \\times 1000 = {number(v * 1000)}$ {unit}",
            "v*1000",
        )
        share = Working(q, "v*1000/g", latex=f"{number(v * 1000)} \\div {number(g)}")
        if exact:
            method(p, share, step="")
            final(p, share, step=share.equation(), qualifiers=["cao"])
        else:
            method(p, share, step=f"${share.substituted} = {approx(share.value, dots=True)}$")
            whole = Working(q, "floor(v*1000/g)")
            final(
                p,
                whole,
                step=f"Only whole glasses count, so round down: ${whole.latex}$ glasses",
                qualifiers=["cao"],
            )
            misconception(
                p,
                Misconception(
                    "rounded the quotient to the nearest whole number instead of down",
                    "floor(v*1000/g) + 1",
                    (share.machine,),
                ),
            )
        if v * 100 / g >= 1:  # fewer than one glass is no answer a candidate gives
            misconception(
                p,
                Misconception(
                    "used 1 litre = 100 ml",
                    "v*100/g" if exact else "floor(v*100/g)",
                    ("v*100/g",),
                    fractions=False,
                ),
            )

    @staticmethod
    def _tiles(q: QuestionBuilder, rng: random.Random, area_label: str, count_label: str) -> None:
        """A floor in metres, tiles in centimetres: the area in cm$^2$, then the number of tiles."""
        side = rng.choice(_TILE_SIDES)
        along, across = sorted(rng.sample([n for n in range(5, 19) if (n * side) % 100], 2))[::-1]
        fl = q.given("fl", Rational(along * side, 100), unit="m")
        fw = q.given("fw", Rational(across * side, 100), unit="m")
        s = q.given("s", side, unit="cm")
        a = q.part(
            area_label,
            f"A rectangular floor measures ${number(fl)}$ m by ${number(fw)}$ m.\n"
            f"The floor is covered with square tiles of side ${number(s)}$ cm.\n"
            "Work out the area of the floor in cm$^2$.",
            marks=2,
            command="Work out",
        )
        a.step(
            f"${number(fl)}$ m $= {number(fl * 100)}$ cm and ${number(fw)}$ m $= {number(fw * 100)}$ cm",
            "fl*100",
        )
        area = Working(q, "fl*100*fw*100", latex=f"{number(fl * 100)} \\times {number(fw * 100)}")
        method(a, area, step="", partial=["or M1 for their area in m$^2$ $\\times 10000$"])
        final(a, area, unit="cm^2", step=area.equation("A") + " cm$^2$")
        misconception(
            a,
            Misconception(
                "multiplied the area in m² by 100 instead of 10 000 (a length factor used for area)",
                "fl*fw*100",
                ("fl*fw",),
            ),
        )
        misconception(
            a, Misconception("gave the area in m² without converting", "fl*fw", ("fl*fw",))
        )
        b = q.part(
            count_label,
            "Work out the number of tiles needed to cover the floor.",
            marks=2,
            command="Work out",
        )
        b.step(f"Area of one tile $= {number(s)}^2 = {number(s * s)}$ cm$^2$", "s**2")
        tiles = Working(
            q, "fl*100*fw*100/s**2", latex=f"{number(fl * fw * 10000)} \\div {number(s * s)}"
        )
        method(
            b,
            tiles,
            step="",
            partial=[
                f"or M1 for $({number(fl * 100)} \\div {number(s)}) \\times "
                f"({number(fw * 100)} \\div {number(s)})$"
            ],
        )
        final(b, tiles, step=tiles.equation() + " tiles", qualifiers=["cao"])
        misconception(
            b,
            Misconception(
                "divided the area by the side of a tile instead of the area of a tile",
                "fl*100*fw*100/s",
                ("fl*100*fw*100",),
            ),
        )
        misconception(
            b,
            Misconception(
                "used 1 m² = 100 cm² for the area of the floor",
                "fl*fw*100/s**2",
                ("fl*fw*100",),
                fractions=False,
            ),
        )

    @staticmethod
    def _tank(q: QuestionBuilder, rng: random.Random, label: str, *, mixed: bool) -> None:
        """A cuboid tank in metres (its height in cm when ``mixed``) filled at litres per
        minute: the volume in m$^3$, then litres (1 m$^3$ = 1000 litres), then the time."""
        length = rng.choice(_TANK_LENGTHS)
        width = rng.choice([w for w in _TANK_WIDTHS if w < length])
        height_cm = rng.choice(_TANK_HEIGHTS)
        litres = length * width * Rational(height_cm, 100) * 1000
        rates = [r for r in _RATES if (litres / r).is_integer and 8 <= litres / r <= 200]
        if not litres.is_integer or not rates:
            raise Reject("no whole-minute filling rate for this tank")
        rate = rng.choice(rates)
        tl = q.given("tl", length, unit="m")
        tw = q.given("tw", width, unit="m")
        if mixed:
            th = q.given("th", height_cm, unit="cm")
            height, metres = f"${number(th)}$ cm", "th/100"
        else:
            th = q.given("th", Rational(height_cm, 100), unit="m")
            height, metres = f"${number(th)}$ m", "th"
        r = q.given("r", rate, unit="litres per minute")
        text = (
            f"An empty water tank is a cuboid measuring ${number(tl)}$ m by ${number(tw)}$ m "
            f"by {height}.\nWater flows into the tank at ${number(r)}$ litres per minute.\n"
            "Work out the time it takes to fill the tank. Give your answer in minutes."
        )
        p = q.part(label, text, marks=4 if mixed else 3, command="Work out")
        h_m = Rational(height_cm, 100)
        if mixed:
            p.step(f"${number(th)}$ cm $= {number(h_m)}$ m", "th/100")
        volume = Working(
            q,
            f"tl*tw*{metres}",
            latex=f"{number(length)} \\times {number(width)} \\times {number(h_m)}",
            fractions=False,
        )
        method(p, volume, step=volume.equation("V") + " m$^3$")
        capacity = Working(q, f"tl*tw*{metres}*1000")
        method(
            p,
            capacity,
            f"their volume $\\times 1000$ [$= {number(litres)}$ litres]",
            step=f"${number(length * width * h_m)} \\times 1000 = {number(litres)}$ litres",
        )
        time = Working(q, f"tl*tw*{metres}*1000/r", latex=f"{number(litres)} \\div {number(r)}")
        if mixed:
            method(p, time, f"their capacity in litres $\\div {number(r)}$", step="")
        final(p, time, unit="minutes", step=time.equation() + " minutes")
        misconception(
            p,
            Misconception(
                "used 1 m³ = 100 litres",
                f"tl*tw*{metres}*100/r",
                (volume.machine, f"tl*tw*{metres}*100"),
                fractions=False,
            ),
        )
        misconception(
            p,
            Misconception(
                "divided the volume in m³ by the rate without converting to litres",
                f"tl*tw*{metres}/r",
                (volume.machine,),
                fractions=False,
            ),
        )
        if mixed:
            misconception(
                p,
                Misconception(
                    "used the height in centimetres with the other lengths in metres",
                    "tl*tw*th*1000/r",
                    ("tl*tw*th", "tl*tw*th*1000"),
                    fractions=False,
                ),
            )
