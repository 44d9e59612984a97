"""Bearings with Pythagoras and right-angled trigonometry (syllabus 6.1 and 6.2)."""

from __future__ import annotations

import random

from sympy import Rational, cos, pi, sin

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.text import approx, degrees, number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, ANGLE = Accuracy.SF3, Accuracy.ANGLE_1DP

_VECTORS = {"north": (0, 1), "east": (1, 0), "south": (0, -1), "west": (-1, 0)}
# (first leg, second leg) -> (base bearing, sign): bearing of the end from the start is
# base + sign * angle, where tan(angle) = second / first. Every case gives a bearing of 100°
# or more, so no bearing needs a leading zero.
_TURNS = {
    ("east", "south"): (90, 1),
    ("south", "east"): (180, -1),
    ("south", "west"): (180, 1),
    ("west", "south"): (270, -1),
    ("west", "north"): (270, 1),
    ("north", "west"): (360, -1),
}
_TRIPLES = [(3, 4, 5), (4, 3, 5), (5, 12, 13), (12, 5, 13), (8, 15, 17), (15, 8, 17)]


def _north(fig: Figure, at: str, length: float) -> None:
    x, y = fig.points[at]
    # Above the north line, else beside its top where another line runs past.
    fig.segment(at, (x, y + length))
    fig.nudged((x, y + length), "N", [(0, -9), (0, -15), (-9, 0), (9, 0)])


@register
class Bearings(Template):
    key = "trigonometry.bearings"
    title = "Bearings: distances and directions with Pythagoras and trigonometry"
    codes = {Tier.CORE: ("C6.1", "C6.2"), Tier.EXTENDED: ("E6.1", "E6.2")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty <= 3:
            self._two_legs(q, rng, difficulty)
        else:
            self._on_a_bearing(q, rng, difficulty)

    def _two_legs(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        routes = sorted(_TURNS)
        if difficulty == 3:  # part (c) asks for the back bearing: keep it at 100° or more too
            routes = [
                r
                for r in routes
                if _TURNS[r][0] in (90, 360) or r == ("south", "east") or r == ("west", "north")
            ]
        first, second = rng.choice(routes)
        base, sign = _TURNS[(first, second)]
        q.param("route", f"{first}-{second}")
        if difficulty == 1:
            a0, b0, _ = rng.choice(_TRIPLES)
            k = rng.choice([1, 2, 3])
            a_, b_ = Rational(a0 * k), Rational(b0 * k)
        else:
            a_ = Rational(rng.randint(30, 250), 10)
            b_ = Rational(round(float(a_) * rng.uniform(0.4, 2.5) * 10), 10)
        a = q.given("a", a_, unit="km")
        b = q.given("b", b_, unit="km")
        vessel = rng.choice(["ship", "boat", "yacht"])
        q.param("vessel", vessel)
        q.title = "Bearings: two journeys at right angles"
        q.stem = (
            f"A {vessel} leaves port $P$ and sails ${number(a)}$ km due {first} to $Q$. It then sails "
            f"${number(b)}$ km due {second} to $R$."
        )
        (ux, uy), (vx, vy) = _VECTORS[first], _VECTORS[second]
        scale = max(float(a_), float(b_))
        fig = Figure(f"The {vessel}'s journey", size=210).point("P", 0, 0)
        fig.point("Q", ux * float(a_), uy * float(a_))
        fig.point("R", ux * float(a_) + vx * float(b_), uy * float(a_) + vy * float(b_))
        fig.polygon(["P", "Q", "R"]).names("P", "Q", "R").angle_at("Q", "P", "R", right=True)
        fig.side("P", "Q", f"{number(a)} km").side("Q", "R", f"{number(b)} km")
        # The north line at P (when the first leg is due north it runs along PQ and beyond).
        _north(fig, "P", (float(a_) if first == "north" else 0) + 0.3 * scale)
        q.diagram_svg = fig.svg()

        distance = "sqrt(a**2 + b**2)"
        exact = difficulty == 1
        p = q.part("a", "Calculate the distance $PR$.", marks=2, command="Calculate")
        p.step(f"$PR^2 = {number(a)}^2 + {number(b)}^2 = {number(a**2 + b**2)}$", "a**2 + b**2")
        pr, accuracy = Working(q, distance), Accuracy.EXACT if exact else SF3
        p.step(f"$PR = {rounded(pr.value, accuracy)}$ km", distance)
        method(p, Working(q, "a**2 + b**2"), f"${number(a)}^2 + {number(b)}^2$", step="")
        final(p, pr, accuracy=accuracy, unit="km", step="", awrt=not exact, label="PR")
        misconception(p, Misconception("added the two distances", "a + b"))
        misconception(
            p, Misconception("did not take the square root", "a**2 + b**2", ("a**2 + b**2",))
        )

        angle = "atand(b/a)"
        bearing = f"{base} + {angle}" if sign > 0 else f"{base} - {angle}"
        p = q.part("b", "Calculate the bearing of $R$ from $P$.", marks=3, command="Calculate")
        p.step(
            f"$\\tan QPR = \\frac{{{number(b)}}}{{{number(a)}}} = {approx(b / a, dots=True)}$",
            "b/a",
        )
        p.step(f"Angle $QPR = {approx(q.value_of(angle), Accuracy.DP2, dots=True)}^\\circ$", angle)
        ans = Working(q, bearing)
        op = "+" if sign > 0 else "-"
        p.step(
            f"Bearing $= {base} {op} {approx(q.value_of(angle), Accuracy.DP2, dots=True)} = "
            f"{rounded(ans.value, ANGLE)}^\\circ$",
            bearing,
        )
        method(p, Working(q, "b/a"), f"$\\tan QPR = \\frac{{{number(b)}}}{{{number(a)}}}$", step="")
        method(
            p, Working(q, bearing), f"${base} {op}$ their angle $QPR$", step="", qualifiers=("dep",)
        )
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="bearing")
        misconception(
            p,
            Misconception(
                "gave angle QPR, not the bearing measured clockwise from north",
                angle,
                ("b/a",),
                accuracy=ANGLE,
            ),
        )
        flipped = f"{base} - {angle}" if sign > 0 else f"{base} + {angle}"
        if 0 < q.value_of(flipped) < 360:  # a bearing past 360° is not a plausible slip
            misconception(
                p,
                Misconception(
                    f"used {base} {'-' if sign > 0 else '+'} the angle",
                    flipped,
                    ("b/a",),
                    accuracy=ANGLE,
                ),
            )
        if difficulty == 3:
            back = f"{bearing} - 180" if q.value_of(bearing) > 180 else f"{bearing} + 180"
            p = q.part("c", "Calculate the bearing of $P$ from $R$.", marks=1, command="Calculate")
            shown = rounded(q.value_of(back), ANGLE)
            p.step(f"The back bearing differs by $180^\\circ$: ${shown}^\\circ$", back)
            final(
                p,
                Working(q, back),
                accuracy=ANGLE,
                unit="degrees",
                step="",
                qualifiers=("FT",),
                partial=["FT their (b) $\\pm 180$"],
                label="bearing",
            )
            misconception(
                p,
                Misconception(
                    "subtracted the bearing from 360°", f"360 - ({bearing})", accuracy=ANGLE
                ),
            )

    def _on_a_bearing(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        theta = q.given(
            "theta", rng.choice([a for a in range(100, 171) if a % 10 and a % 3]), unit="degrees"
        )
        d = q.given("d", rng.randint(8, 60), unit="km")
        vessel = rng.choice(["ship", "boat", "plane"])
        q.param("vessel", vessel)
        leg2 = difficulty == 5
        q.title = "Bearings: components of a journey"
        text = f"A {vessel} travels ${number(d)}$ km from $P$ on a bearing of ${degrees(theta)}$ to $Q$."
        east_x = float(d * sin(theta * pi / 180))
        south_y = float(-d * cos(theta * pi / 180))
        fig = (
            Figure(f"The {vessel}'s journey", size=210)
            .point("P", 0, 0)
            .point("Q", east_x, -south_y)
        )
        fig.segment("P", "Q").text("P", "P", dx=-10, dy=-4).text("Q", "Q", dx=10, dy=-4)
        _north(fig, "P", 0.35 * float(d))
        fig.point("N1", 0, 1).angle_at("P", "N1", "Q", f"{number(theta)}°", radius=18)
        fig.side("P", "Q", f"{number(d)} km")
        if leg2:
            s = q.given("s", rng.randint(5, 40), unit="km")
            text += f"\nIt then travels ${number(s)}$ km due south to $R$."
            fig.point("R", east_x, -south_y - float(s)).segment("Q", "R").text(
                "R", "R", dx=10, dy=4
            )
            fig.side("Q", "R", f"{number(s)} km", away_from="P")
        else:
            fig.segment("P", (0, -south_y), dashed=True).segment((0, -south_y), "Q", dashed=True)
        q.stem = text
        q.diagram_svg = fig.svg()
        east, south = "d*sind(180 - theta)", "d*cosd(180 - theta)"
        p = q.part(
            "a",
            f"Calculate how far east of $P$ the {vessel} is at $Q$.",
            marks=2,
            command="Calculate",
        )
        ans = Working(q, east)
        p.step(
            f"The angle between $PQ$ and south is $180 - {number(theta)} = {number(180 - theta)}^\\circ$; "
            f"east $= {number(d)} \\times \\sin {degrees(180 - theta)} = {rounded(ans.value, SF3)}$ km",
            east,
        )
        method(p, Working(q, east), f"${number(d)} \\times \\sin {degrees(180 - theta)}$", step="")
        final(p, ans, accuracy=SF3, unit="km", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "used cos instead of sin (found the distance south)", "d*cosd(180 - theta)"
            ),
        )
        misconception(
            p, Misconception("measured the angle from east but used sin", "d*sind(theta - 90)")
        )
        p = q.part(
            "b",
            f"Calculate how far south of $P$ the {vessel} is at {'$R$' if leg2 else '$Q$'}.",
            marks=2,
            command="Calculate",
        )
        total = f"{south} + s" if leg2 else south
        p.step(
            f"South from $P$ to $Q$ $= {number(d)} \\times \\cos {degrees(180 - theta)} = "
            f"{approx(q.value_of(south), dots=True)}$",
            south,
        )
        ans = Working(q, total)
        if leg2:
            p.step(
                f"South of $P$ at $R$: ${approx(q.value_of(south), dots=True)} + {number(q.value_of('s'))} = "
                f"{rounded(ans.value, SF3)}$ km",
                total,
            )
        method(p, Working(q, south), f"${number(d)} \\times \\cos {degrees(180 - theta)}$", step="")
        final(p, ans, accuracy=SF3, unit="km", step="", awrt=True)
        misconception(
            p,
            Misconception(
                "used sin instead of cos", "d*sind(180 - theta)" + (" + s" if leg2 else "")
            ),
        )
        if not leg2:
            return
        dist = f"sqrt(({east})**2 + ({total})**2)"
        p = q.part("c", "Calculate the distance $PR$.", marks=2, command="Calculate")
        p.step(
            f"$PR^2 = {approx(q.value_of(east), dots=True)}^2 + {approx(q.value_of(total), dots=True)}^2 = "
            f"{approx(q.value_of(f'({east})**2 + ({total})**2'), dots=True)}$",
            f"({east})**2 + ({total})**2",
        )
        ans = Working(q, dist)
        p.step(f"$PR = {rounded(ans.value, SF3)}$ km", dist)
        method(
            p,
            Working(q, f"({east})**2 + ({total})**2"),
            "(their east)$^2$ + (their south)$^2$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=SF3, unit="km", step="", awrt=True, label="PR")
        misconception(p, Misconception("added the two distances", "d + s"))
        bearing = f"180 - atand(({east})/({total}))"
        p = q.part("d", "Calculate the bearing of $R$ from $P$.", marks=2, command="Calculate")
        p.step(
            f"$\\tan(\\text{{angle from south}}) = \\frac{{{approx(q.value_of(east), dots=True)}}}"
            f"{{{approx(q.value_of(total), dots=True)}}}$",
            f"({east})/({total})",
        )
        ans = Working(q, bearing)
        p.step(
            f"Bearing $= 180 - {approx(q.value_of(f'atand(({east})/({total}))'), Accuracy.DP2, dots=True)}"
            f" = {rounded(ans.value, ANGLE)}^\\circ$",
            bearing,
        )
        method(
            p,
            Working(q, f"({east})/({total})"),
            "$\\tan = \\frac{\\text{their east}}{\\text{their south}}$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="bearing")
        misconception(
            p,
            Misconception(
                "gave the angle from south, not the bearing",
                f"atand(({east})/({total}))",
                (f"({east})/({total})",),
                accuracy=ANGLE,
            ),
        )
