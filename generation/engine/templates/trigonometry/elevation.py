"""Angles of elevation and depression (syllabus 6.2): heights, angles, eye level, boats seen
from a cliff."""

from __future__ import annotations

import random

from sympy import Rational, atan, pi, tan

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.givens import random_angle
from generation.engine.authoring.text import approx, degrees, number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4, ANGLE = Accuracy.SF3, Accuracy.SF4, Accuracy.ANGLE_1DP


@register
class ElevationDepression(Template):
    key = "trigonometry.elevation_depression"
    title = "Angles of elevation and depression"
    codes = {Tier.CORE: ("C6.2",), Tier.EXTENDED: ("E6.2",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        [self._height, self._elevation_angle, self._eye_level, self._depression,
         self._two_boats][difficulty - 1](q, rng)  # fmt: skip

    def _tower_figure(
        self,
        q: QuestionBuilder,
        distance: float,
        height: float,
        eye: float,
        labels: tuple[str, str, str, str],
    ) -> None:
        """Ground, a tower at x = distance, the observer at the origin (eye height ``eye``)."""
        fig = Figure("An angle of elevation", size=210)
        eye = max(eye, 0.12 * distance) if eye else 0.0  # drawn taller so that it shows
        fig.point("P", 0, 0).point("F", distance, 0).point("T", distance, height)
        fig.point("E", 0, eye)
        fig.segment((-distance * 0.1, 0), (distance * 1.1, 0)).segment("F", "T")
        fig.segment("E", "T", dashed=True).angle_at("F", "P", "T", right=True)
        if eye:
            fig.point("K", distance, eye).segment("P", "E").segment("E", "K", dashed=True)
            fig.angle_at("E", "K", "T", labels[2], radius=26)
            fig.side("P", "E", labels[3], away_from="F")
        else:
            fig.angle_at("P", "F", "T", labels[2], radius=26)
        fig.side("P", "F", labels[0], away_from="T")
        fig.side("F", "T", labels[1], away_from="P")
        q.diagram_svg = fig.svg()

    def _height(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing = rng.choice(["tower", "tree", "flagpole", "building"])
        q.param("context", thing)
        d = q.given("d", rng.randint(15, 120), unit="m")
        theta = q.given("theta", random_angle(rng, 12, 60), unit="degrees")
        q.title = "Angle of elevation: finding a height"
        q.stem = (
            f"From a point $P$ on horizontal ground, ${number(d)}$ m from the foot of a "
            f"vertical {thing}, the angle of elevation of the top of the {thing} is "
            f"${degrees(theta)}$."
        )
        self._tower_figure(
            q,
            float(d),
            float(d * tan(theta * pi / 180)),
            0,
            (f"{number(d)} m", "h m", f"{number(theta)}°", ""),
        )
        height = "d*tand(theta)"
        p = q.part("a", f"Calculate the height of the {thing}.", marks=2, command="Calculate")
        ans = Working(q, height)
        p.step(
            f"$h = {number(d)} \\times \\tan {degrees(theta)} = {rounded(ans.value, SF3)}$ m",
            height,
        )
        method(p, Working(q, height), f"${number(d)} \\times \\tan {degrees(theta)}$", step="")
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True, label="height")
        misconception(p, Misconception("used sin instead of tan", "d*sind(theta)"))
        misconception(p, Misconception("divided by tan instead of multiplying", "d/tand(theta)"))

    def _elevation_angle(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing = rng.choice(["tower", "lighthouse", "cliff", "building"])
        q.param("context", thing)
        d = q.given("d", rng.randint(20, 150), unit="m")
        h = q.given("h", rng.randint(10, 90), unit="m")
        q.title = "Angle of elevation: finding the angle"
        q.stem = (
            f"A vertical {thing} is ${number(h)}$ m high. A point $P$ on horizontal ground is "
            f"${number(d)}$ m from the foot of the {thing}."
        )
        self._tower_figure(q, float(d), float(h), 0, (f"{number(d)} m", f"{number(h)} m", "x°", ""))
        angle = "atand(h/d)"
        p = q.part(
            "a",
            f"Calculate the angle of elevation of the top of the {thing} from $P$.",
            marks=2,
            command="Calculate",
        )
        p.step(
            f"$\\tan x = \\frac{{{number(h)}}}{{{number(d)}}} = {approx(h / d, dots=True)}$", "h/d"
        )
        ans = Working(q, angle)
        p.step(f"$x = {rounded(ans.value, ANGLE)}^\\circ$", angle)
        method(p, Working(q, "h/d"), f"$\\tan x = \\frac{{{number(h)}}}{{{number(d)}}}$", step="")
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True)
        misconception(
            p,
            Misconception("used the ratio upside down (found the angle at the top)", "atand(d/h)"),
        )
        misconception(
            p,
            Misconception("used a calculator in radian mode", atan(h / d), ("h/d",), accuracy=SF3),
        )

    def _eye_level(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing = rng.choice(["tree", "tower", "building"])
        q.param("context", thing)
        d = q.given("d", rng.randint(15, 80), unit="m")
        e = q.given("e", Rational(rng.randint(14, 19), 10), unit="m")
        theta = q.given("theta", random_angle(rng, 15, 55), unit="degrees")
        q.title = "Angle of elevation from eye level"
        q.stem = (
            f"Sam stands on horizontal ground ${number(d)}$ m from the foot of a vertical "
            f"{thing}. His eyes are ${number(e)}$ m above the ground. The angle of elevation "
            f"of the top of the {thing} from his eyes is ${degrees(theta)}$."
        )
        self._tower_figure(
            q,
            float(d),
            float(e + d * tan(theta * pi / 180)),
            float(e),
            (f"{number(d)} m", "", f"{number(theta)}°", f"{number(e)} m"),
        )
        above = "d*tand(theta)"
        height = f"{above} + e"
        p = q.part("a", f"Calculate the height of the {thing}.", marks=3, command="Calculate")
        p.step(
            f"Height above eye level $= {number(d)} \\times \\tan {degrees(theta)} = "
            f"{approx(q.value_of(above), dots=True)}$",
            above,
        )
        ans = Working(q, height)
        p.step(
            f"Height $= {approx(q.value_of(above), dots=True)} + {number(e)} = {rounded(ans.value, SF3)}$ m",
            height,
        )
        method(
            p,
            Working(q, above),
            f"${number(d)} \\times \\tan {degrees(theta)}$",
            step="",
        )
        method(
            p,
            Working(q, height),
            f"their ${approx(q.value_of(above), dots=True)} + {number(e)}$",
            step="",
            qualifiers=("dep",),
        )
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True)
        misconception(p, Misconception("forgot to add the height of Sam's eyes", above, (above,)))
        misconception(p, Misconception("used sin instead of tan", "d*sind(theta) + e"))

    def _cliff_figure(
        self, q: QuestionBuilder, height: float, distances: list[float], labels: dict[str, str]
    ) -> None:
        fig = Figure("An angle of depression from the top of a cliff", size=210)
        far = max(distances)
        fig.point("F", 0, 0).point("T", 0, height).point("H", far * 1.1, height)
        fig.segment((-far * 0.08, 0), (far * 1.15, 0)).segment("F", "T")
        fig.segment("T", "H", dashed=True)
        names = "BC"
        for i, x in enumerate(distances):
            fig.point(names[i], x, 0).segment("T", names[i]).text(names[i], names[i], dy=12)
            fig.angle_at("T", "H", names[i], labels.get(names[i], ""), radius=28 + 44 * i)
        fig.text("T", "T", dx=-10, dy=-8).text("F", "F", dx=-10, dy=10)
        fig.side("F", "T", labels["h"], away_from="B")
        q.diagram_svg = fig.svg()

    def _depression(self, q: QuestionBuilder, rng: random.Random) -> None:
        h = q.given("h", rng.randint(30, 150), unit="m")
        theta = q.given("theta", random_angle(rng, 10, 40), unit="degrees")
        q.title = "Angle of depression: a boat from a cliff"
        q.stem = (
            f"The top, $T$, of a vertical cliff is ${number(h)}$ m above sea level. A boat, $B$, "
            f"is at sea. The angle of depression of $B$ from $T$ is ${degrees(theta)}$. The "
            "foot of the cliff, $F$, is at sea level."
        )
        self._cliff_figure(
            q,
            float(h),
            [float(h / tan(theta * pi / 180))],
            {"h": f"{number(h)} m", "B": f"{number(theta)}°"},
        )
        distance = "h/tand(theta)"
        p = q.part("a", "Calculate the distance $FB$.", marks=2, command="Calculate")
        p.step(
            f"Angle $TBF = {degrees(theta)}$ (alternate angles), so "
            f"$\\tan {degrees(theta)} = \\frac{{{number(h)}}}{{FB}}$",
            None,
        )
        ans = Working(q, distance)
        p.step(
            f"$FB = {number(h)} \\div \\tan {degrees(theta)} = {rounded(ans.value, SF3)}$ m",
            distance,
        )
        method(p, Working(q, distance), f"${number(h)} \\div \\tan {degrees(theta)}$", step="")
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True, label="FB")
        misconception(p, Misconception("multiplied by tan instead of dividing", "h*tand(theta)"))
        misconception(
            p, Misconception("used sin instead of tan (found TB, not FB)", "h/sind(theta)")
        )
        direct = "h/sind(theta)"
        p = q.part("b", "Calculate the distance $TB$.", marks=2, command="Calculate")
        ans = Working(q, direct)
        p.step(
            f"$TB = {number(h)} \\div \\sin {degrees(theta)} = {rounded(ans.value, SF3)}$ m", direct
        )
        method(
            p,
            Working(q, direct),
            f"${number(h)} \\div \\sin {degrees(theta)}$ or Pythagoras with their $FB$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True, label="TB")
        misconception(p, Misconception("multiplied by sin instead of dividing", "h*sind(theta)"))

    def _two_boats(self, q: QuestionBuilder, rng: random.Random) -> None:
        h = q.given("h", rng.randint(40, 150), unit="m")
        near = random_angle(rng, 25, 50)
        far = random_angle(rng, 10, near - 6)
        alpha = q.given("alpha", near, unit="degrees")
        beta = q.given("beta", far, unit="degrees")
        q.title = "Angles of depression: two boats"
        q.stem = (
            f"The top, $T$, of a vertical cliff is ${number(h)}$ m above sea level. Two boats, "
            f"$B$ and $C$, are in a straight line with the foot, $F$, of the cliff.\nThe "
            f"angle of depression of $B$ from $T$ is ${degrees(alpha)}$ and the angle of "
            f"depression of $C$ from $T$ is ${degrees(beta)}$."
        )
        self._cliff_figure(
            q,
            float(h),
            [float(h / tan(alpha * pi / 180)), float(h / tan(beta * pi / 180))],
            {"h": f"{number(h)} m", "B": f"{number(alpha)}°", "C": f"{number(beta)}°"},
        )
        fb, fc = "h/tand(alpha)", "h/tand(beta)"
        gap = f"{fc} - {fb}"
        p = q.part(
            "a", "Calculate the distance between the two boats.", marks=3, command="Calculate"
        )
        p.step(
            f"$FB = {number(h)} \\div \\tan {degrees(alpha)} = {approx(q.value_of(fb), dots=True)}$",
            fb,
        )
        p.step(
            f"$FC = {number(h)} \\div \\tan {degrees(beta)} = {approx(q.value_of(fc), dots=True)}$",
            fc,
        )
        ans = Working(q, gap)
        p.step(
            f"$BC = {approx(q.value_of(fc), dots=True)} - {approx(q.value_of(fb), dots=True)} = {rounded(ans.value, SF3)}$ m",
            gap,
        )
        method(p, Working(q, fb), f"${number(h)} \\div \\tan {degrees(alpha)}$", step="")
        method(
            p,
            Working(q, fc),
            f"${number(h)} \\div \\tan {degrees(beta)}$",
            step="",
            partial=["A1 needs the two distances subtracted"],
        )
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True, label="BC")
        misconception(
            p,
            Misconception("multiplied by tan instead of dividing", "h*tand(alpha) - h*tand(beta)"),
        )
        misconception(p, Misconception("added the two distances", f"{fc} + {fb}", (fb, fc)))
