"""Three-figure bearings (syllabus 4.3): back bearings, bearings round a corner, and angles in
a triangle of bearings."""

from __future__ import annotations

import math
import random

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.angles import DEGREES
from generation.engine.authoring.figures import Figure, bearing_point, direction
from generation.engine.authoring.text import degrees
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

# Answers are three-figure bearings from 100° to 359°, so that the number a candidate writes
# ("250") is the number the engine reads; bearings below 100 ("045") are only ever given.


def three_figure(bearing: int) -> str:
    return f"{bearing:03d}"


def _north_figure(
    points: dict[str, tuple[float, float]], north_at: list[str], segments: list[tuple[str, str]]
) -> Figure:
    fig = Figure("Points with north lines", scale=1.4)
    for a, b in segments:
        fig.line(points[a], points[b])
    for name in north_at:
        fig.north(points[name], length=72)
    centre = (
        sum(p[0] for p in points.values()) / len(points),
        sum(p[1] for p in points.values()) / len(points),
    )
    for name, p in points.items():
        fig.dot(p).label_away(p, name, centre if len(points) > 2 else (p[0] + 1, p[1] - 1))
    return fig


@register
class Bearings(Template):
    key = "geometry.bearings"
    title = "Three-figure bearings"
    codes = {Tier.CORE: ("C4.3",), Tier.EXTENDED: ("E4.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Bearings"
        if difficulty <= 2:
            self._back_bearing(q, rng, difficulty)
        elif difficulty == 3:
            self._turn(q, rng)
        else:
            self._triangle(q, rng, difficulty)

    def _back_bearing(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            theta = rng.choice([v for v in range(15, 166, 5) if v != 90])
        else:
            theta = rng.choice([v for v in range(281, 356) if v % 5])
        back = (theta + 180) % 360
        place_a, place_b = rng.choice(
            [
                ("a lighthouse", "a ship"),
                ("a school", "a library"),
                ("a port", "an island"),
                ("a village", "a radio mast"),
            ]
        )
        q.given("theta", theta, display=three_figure(theta))
        a, b = (0.0, 0.0), bearing_point((0.0, 0.0), theta, 150)
        fig = _north_figure({"A": a, "B": b}, ["A", "B"], [("A", "B")])
        fig.angle(a, (90 - theta) % 360, 90, f"{three_figure(theta)}°", radius=24)
        q.diagram_svg = fig.svg()
        q.stem = (
            f"$A$ is {place_a} and $B$ is {place_b}. "
            f"The bearing of $B$ from $A$ is ${three_figure(theta)}^\\circ$."
        )
        part = q.part("", "Work out the bearing of $A$ from $B$.", marks=2, command="Work out")
        formula = "theta + 180" if theta < 180 else "theta - 180"
        sign = "+" if theta < 180 else "-"
        bearing = Working(q, formula, latex=f"{three_figure(theta)} {sign} 180")
        part.step("The bearing back is $180^\\circ$ different.")
        method(part, bearing, step=f"${bearing.substituted} = {three_figure(back)}$")
        final(part, bearing, unit=DEGREES, step="", awarded_for=f"${three_figure(back)}$")
        if theta < 180:
            misconception(
                part,
                Misconception(
                    "subtracted the bearing from 360° instead of adding 180°", "360 - theta"
                ),
            )
            if 180 - theta >= 100:
                misconception(
                    part, Misconception("subtracted the bearing from 180°", "180 - theta")
                )
        else:
            misconception(
                part,
                Misconception("added 180° (a bearing must be less than 360°)", "theta + 180"),
            )

    def _turn(self, q: QuestionBuilder, rng: random.Random) -> None:
        """B is on a bearing from A; C is reached by turning at B through a given angle ABC."""
        while True:
            theta = rng.choice([v for v in range(20, 161) if v % 5 == 0 and v != 90])
            beta = rng.choice(range(40, 141, 2))
            side = rng.choice([1, -1])  # C to the left or right of the path A -> B
            back = theta + 180
            psi = (back + side * beta) % 360
            if psi >= 100 and abs(beta - 180) > 20:
                break
        q.given("theta", theta, display=three_figure(theta))
        q.given("beta", beta)
        a = (0.0, 0.0)
        b = bearing_point(a, theta, 140)
        c = bearing_point(b, psi, 120)
        fig = _north_figure({"A": a, "B": b, "C": c}, ["A", "B"], [("A", "B"), ("B", "C")])
        fig.angle(a, 90 - theta, 90, f"{three_figure(theta)}°", radius=22)
        d_ba, d_bc = direction(b, a), direction(b, c)
        start, end = (d_ba, d_bc) if (d_bc - d_ba) % 360 < 180 else (d_bc, d_ba)
        fig.angle(b, start, end, f"{beta}°", radius=20)
        q.diagram_svg = fig.svg()
        q.stem = (
            f"A boat sails from $A$ to $B$ on a bearing of ${three_figure(theta)}^\\circ$. "
            f"At $B$ it changes direction and sails to $C$. Angle $ABC = {degrees(beta)}$."
        )
        sign = "+" if side > 0 else "-"
        back_form = "theta + 180"
        formula = f"theta + 180 {sign} beta" + (" - 360" if back + side * beta >= 360 else "")
        part = q.part("a", "Work out the bearing of $A$ from $B$.", marks=1, command="Work out")
        back_bearing = Working(q, back_form, latex=f"{three_figure(theta)} + 180")
        final(part, back_bearing, unit=DEGREES, step=back_bearing.equation())
        if 360 - theta >= 100:
            misconception(part, Misconception("subtracted the bearing from 360°", "360 - theta"))
        part = q.part("b", "Work out the bearing of $C$ from $B$.", marks=2, command="Work out")
        turned = f"theta + 180 {sign} beta"
        part.step(
            f"Turn from the direction of $A$ through ${degrees(beta)}$: "
            f"${back} {sign} {beta} = {back + side * beta}$",
            turned,
        )
        if back + side * beta >= 360:
            part.step(f"${back + side * beta} - 360 = {three_figure(psi)}$", formula)
        part.answer(formula, unit=DEGREES, label="bearing")
        part.mark(
            "M",
            f"${back} {sign} {beta}$",
            value=turned,
            qualifiers=["FT"],
            partial=["M1 for their bearing of A from B ± angle ABC"],
        )
        part.mark("A", f"${three_figure(psi)}$", value=formula)
        other = (back - side * beta) % 360
        if other >= 100 and other != psi:
            wrong(part, three_figure(other), "turned the wrong way at B", working=[back_form])

    def _triangle(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        """B is due east of A; C is north of AB. Bearings of C from A and from B are given."""
        while True:
            t1 = rng.choice(range(20, 76, 2))
            t2 = rng.choice(range(284, 341, 2))
            angle_a, angle_b = 90 - t1, t2 - 270
            angle_c = 180 - angle_a - angle_b
            if angle_c >= 30 and angle_a >= 15 and angle_b >= 15:
                break
        q.given("t1", t1, display=three_figure(t1))
        q.given("t2", t2)
        a, b = (0.0, 0.0), (200.0, 0.0)
        # C where the two bearing lines meet.
        ta, tb = math.radians(angle_a), math.radians(angle_b)
        cx = 200 * math.tan(tb) / (math.tan(ta) + math.tan(tb))
        c = (cx, cx * math.tan(ta))
        fig = _north_figure(
            {"A": a, "B": b, "C": c}, ["A", "B"], [("A", "B"), ("A", "C"), ("B", "C")]
        )
        q.diagram_svg = fig.svg()
        q.stem = (
            "$A$, $B$ and $C$ are three towns. $B$ is due east of $A$. "
            f"The bearing of $C$ from $A$ is ${three_figure(t1)}^\\circ$ and the bearing of $C$ from "
            f"$B$ is ${t2}^\\circ$."
        )
        part = q.part(
            "a" if difficulty == 5 else "", "Work out angle $ACB$.", marks=3, command="Work out"
        )
        cab = Working(q, "90 - t1", latex=f"90 - {t1}")
        method(part, cab, f"angle $CAB = {angle_a}$", lhs="\\text{Angle } CAB")
        cba = Working(q, "t2 - 270")
        method(part, cba, f"angle $CBA = {angle_b}$", lhs="\\text{Angle } CBA")
        acb = Working(q, "180 - (90 - t1) - (t2 - 270)", latex=f"180 - {angle_a} - {angle_b}")
        final(part, acb, unit=DEGREES, step=acb.equation("\\text{Angle } ACB"))
        misconception(part, Misconception("subtracted one bearing from the other", "t2 - t1"))
        if difficulty == 5:
            part = q.part("b", "Work out the bearing of $A$ from $C$.", marks=2, command="Work out")
            back_bearing = Working(q, "t1 + 180", latex=f"{three_figure(t1)} + 180")
            method(part, back_bearing)
            final(part, back_bearing, unit=DEGREES, step="")
            misconception(part, Misconception("subtracted the bearing from 360°", "360 - t1"))
