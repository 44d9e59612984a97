"""Angles of elevation and depression (syllabus 6.2): heights, angles, eye level, boats seen
from a cliff."""

from __future__ import annotations

import random

from sympy import Rational, atan, pi, tan

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.common import approx, deg, n, wrong
from generation.engine.templates.mensuration.figures import Figure
from generation.engine.templates.trigonometry.common import random_angle
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
        fig = Figure("An angle of elevation")
        eye = max(eye, 0.12 * distance) if eye else 0.0  # drawn taller so that it shows
        fig.point("P", 0, 0).point("F", distance, 0).point("T", distance, height)
        fig.point("E", 0, eye)
        fig.segment((-distance * 0.1, 0), (distance * 1.1, 0)).segment("F", "T")
        fig.segment("E", "T", dashed=True).angle("F", "P", "T", right=True)
        if eye:
            fig.point("K", distance, eye).segment("P", "E").segment("E", "K", dashed=True)
            fig.angle("E", "K", "T", labels[2], radius=26)
            fig.side_label("P", "E", labels[3], inside="F")
        else:
            fig.angle("P", "F", "T", labels[2], radius=26)
        fig.side_label("P", "F", labels[0], inside="T")
        fig.side_label("F", "T", labels[1], inside="P")
        q.diagram_svg = fig.svg()

    def _height(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing = rng.choice(["tower", "tree", "flagpole", "building"])
        q.param("context", thing)
        d = q.given("d", rng.randint(15, 120), unit="m")
        theta = q.given("theta", random_angle(rng, 12, 60), unit="degrees")
        q.title = "Angle of elevation: finding a height"
        q.stem = (
            f"From a point $P$ on horizontal ground, ${n(d)}$ m from the foot of a "
            f"vertical {thing}, the angle of elevation of the top of the {thing} is "
            f"${deg(theta)}$."
        )
        self._tower_figure(
            q,
            float(d),
            float(d * tan(theta * pi / 180)),
            0,
            (f"{n(d)} m", "h m", f"{n(theta)}°", ""),
        )
        height = "d*tand(theta)"
        p = q.part("a", f"Calculate the height of the {thing}.", marks=2, command="Calculate")
        ans = p.answer(height, accuracy=SF3, unit="m", label="height")
        p.step(f"$h = {n(d)} \\times \\tan {deg(theta)} = {ans.latex}$ m", height)
        p.mark("M", f"${n(d)} \\times \\tan {deg(theta)}$ oe", value=height)
        p.mark("A", f"${ans.latex}$", value=height, qualifiers=["awrt"])
        wrong(p, "d*sind(theta)", "used sin instead of tan", 0)
        wrong(p, "d/tand(theta)", "divided by tan instead of multiplying", 0)

    def _elevation_angle(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing = rng.choice(["tower", "lighthouse", "cliff", "building"])
        q.param("context", thing)
        d = q.given("d", rng.randint(20, 150), unit="m")
        h = q.given("h", rng.randint(10, 90), unit="m")
        q.title = "Angle of elevation: finding the angle"
        q.stem = (
            f"A vertical {thing} is ${n(h)}$ m high. A point $P$ on horizontal ground is "
            f"${n(d)}$ m from the foot of the {thing}."
        )
        self._tower_figure(q, float(d), float(h), 0, (f"{n(d)} m", f"{n(h)} m", "x°", ""))
        angle = "atand(h/d)"
        p = q.part(
            "a",
            f"Calculate the angle of elevation of the top of the {thing} from $P$.",
            marks=2,
            command="Calculate",
        )
        p.step(f"$\\tan x = \\frac{{{n(h)}}}{{{n(d)}}} = {approx(h / d)}$", "h/d")
        ans = p.answer(angle, accuracy=ANGLE, unit="degrees")
        p.step(f"$x = {ans.latex}^\\circ$", angle)
        p.mark("M", f"$\\tan x = \\frac{{{n(h)}}}{{{n(d)}}}$ oe", value="h/d")
        p.mark("A", f"${ans.latex}$", value=angle, qualifiers=["awrt"])
        wrong(p, "atand(d/h)", "used the ratio upside down (found the angle at the top)", 0)
        wrong(p, atan(h / d), "used a calculator in radian mode", 1, working=["h/d"], accuracy=SF3)

    def _eye_level(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing = rng.choice(["tree", "tower", "building"])
        q.param("context", thing)
        d = q.given("d", rng.randint(15, 80), unit="m")
        e = q.given("e", Rational(rng.randint(14, 19), 10), unit="m")
        theta = q.given("theta", random_angle(rng, 15, 55), unit="degrees")
        q.title = "Angle of elevation from eye level"
        q.stem = (
            f"Sam stands on horizontal ground ${n(d)}$ m from the foot of a vertical "
            f"{thing}. His eyes are ${n(e)}$ m above the ground. The angle of elevation "
            f"of the top of the {thing} from his eyes is ${deg(theta)}$."
        )
        self._tower_figure(
            q,
            float(d),
            float(e + d * tan(theta * pi / 180)),
            float(e),
            (f"{n(d)} m", "", f"{n(theta)}°", f"{n(e)} m"),
        )
        above = "d*tand(theta)"
        height = f"{above} + e"
        p = q.part("a", f"Calculate the height of the {thing}.", marks=3, command="Calculate")
        p.step(
            f"Height above eye level $= {n(d)} \\times \\tan {deg(theta)} = "
            f"{approx(q.value_of(above))}$",
            above,
        )
        ans = p.answer(height, accuracy=SF3, unit="m")
        p.step(f"Height $= {approx(q.value_of(above))} + {n(e)} = {ans.latex}$ m", height)
        p.mark("M", f"${n(d)} \\times \\tan {deg(theta)}$", value=above)
        p.mark(
            "M", f"their ${approx(q.value_of(above))} + {n(e)}$", value=height, qualifiers=["dep"]
        )
        p.mark("A", f"${ans.latex}$", value=height, qualifiers=["awrt"])
        wrong(p, above, "forgot to add the height of Sam's eyes", 1)
        wrong(p, "d*sind(theta) + e", "used sin instead of tan", 0)

    def _cliff_figure(
        self, q: QuestionBuilder, height: float, distances: list[float], labels: dict[str, str]
    ) -> None:
        fig = Figure("An angle of depression from the top of a cliff")
        far = max(distances)
        fig.point("F", 0, 0).point("T", 0, height).point("H", far * 1.1, height)
        fig.segment((-far * 0.08, 0), (far * 1.15, 0)).segment("F", "T")
        fig.segment("T", "H", dashed=True)
        names = "BC"
        for i, x in enumerate(distances):
            fig.point(names[i], x, 0).segment("T", names[i]).label(names[i], names[i], 0, -12)
            fig.angle("T", "H", names[i], labels.get(names[i], ""), radius=28 + 44 * i)
        fig.label("T", "T", -10, 8).label("F", "F", -10, -10)
        fig.side_label("F", "T", labels["h"], inside="B")
        q.diagram_svg = fig.svg()

    def _depression(self, q: QuestionBuilder, rng: random.Random) -> None:
        h = q.given("h", rng.randint(30, 150), unit="m")
        theta = q.given("theta", random_angle(rng, 10, 40), unit="degrees")
        q.title = "Angle of depression: a boat from a cliff"
        q.stem = (
            f"The top, $T$, of a vertical cliff is ${n(h)}$ m above sea level. A boat, $B$, "
            f"is at sea. The angle of depression of $B$ from $T$ is ${deg(theta)}$. The "
            "foot of the cliff, $F$, is at sea level."
        )
        self._cliff_figure(
            q, float(h), [float(h / tan(theta * pi / 180))], {"h": f"{n(h)} m", "B": f"{n(theta)}°"}
        )
        distance = "h/tand(theta)"
        p = q.part("a", "Calculate the distance $FB$.", marks=2, command="Calculate")
        p.step(
            f"Angle $TBF = {deg(theta)}$ (alternate angles), so "
            f"$\\tan {deg(theta)} = \\frac{{{n(h)}}}{{FB}}$",
            None,
        )
        ans = p.answer(distance, accuracy=SF3, unit="m", label="FB")
        p.step(f"$FB = {n(h)} \\div \\tan {deg(theta)} = {ans.latex}$ m", distance)
        p.mark("M", f"${n(h)} \\div \\tan {deg(theta)}$ oe", value=distance)
        p.mark("A", f"${ans.latex}$", value=distance, qualifiers=["awrt"])
        wrong(p, "h*tand(theta)", "multiplied by tan instead of dividing", 0)
        wrong(p, "h/sind(theta)", "used sin instead of tan (found TB, not FB)", 0)
        direct = "h/sind(theta)"
        p = q.part("b", "Calculate the distance $TB$.", marks=2, command="Calculate")
        ans = p.answer(direct, accuracy=SF3, unit="m", label="TB")
        p.step(f"$TB = {n(h)} \\div \\sin {deg(theta)} = {ans.latex}$ m", direct)
        p.mark(
            "M", f"${n(h)} \\div \\sin {deg(theta)}$ or Pythagoras with their $FB$", value=direct
        )
        p.mark("A", f"${ans.latex}$", value=direct, qualifiers=["awrt"])
        wrong(p, "h*sind(theta)", "multiplied by sin instead of dividing", 0)

    def _two_boats(self, q: QuestionBuilder, rng: random.Random) -> None:
        h = q.given("h", rng.randint(40, 150), unit="m")
        near = random_angle(rng, 25, 50)
        far = random_angle(rng, 10, near - 6)
        alpha = q.given("alpha", near, unit="degrees")
        beta = q.given("beta", far, unit="degrees")
        q.title = "Angles of depression: two boats"
        q.stem = (
            f"The top, $T$, of a vertical cliff is ${n(h)}$ m above sea level. Two boats, "
            f"$B$ and $C$, are in a straight line with the foot, $F$, of the cliff.\nThe "
            f"angle of depression of $B$ from $T$ is ${deg(alpha)}$ and the angle of "
            f"depression of $C$ from $T$ is ${deg(beta)}$."
        )
        self._cliff_figure(
            q,
            float(h),
            [float(h / tan(alpha * pi / 180)), float(h / tan(beta * pi / 180))],
            {"h": f"{n(h)} m", "B": f"{n(alpha)}°", "C": f"{n(beta)}°"},
        )
        fb, fc = "h/tand(alpha)", "h/tand(beta)"
        gap = f"{fc} - {fb}"
        p = q.part(
            "a", "Calculate the distance between the two boats.", marks=3, command="Calculate"
        )
        p.step(f"$FB = {n(h)} \\div \\tan {deg(alpha)} = {approx(q.value_of(fb))}$", fb)
        p.step(f"$FC = {n(h)} \\div \\tan {deg(beta)} = {approx(q.value_of(fc))}$", fc)
        ans = p.answer(gap, accuracy=SF3, unit="m", label="BC")
        p.step(f"$BC = {approx(q.value_of(fc))} - {approx(q.value_of(fb))} = {ans.latex}$ m", gap)
        p.mark("M", f"${n(h)} \\div \\tan {deg(alpha)}$ oe", value=fb)
        p.mark(
            "M",
            f"${n(h)} \\div \\tan {deg(beta)}$ oe",
            value=fc,
            partial=["A1 needs the two distances subtracted"],
        )
        p.mark("A", f"${ans.latex}$", value=gap, qualifiers=["awrt"])
        wrong(p, "h*tand(alpha) - h*tand(beta)", "multiplied by tan instead of dividing", 0)
        wrong(p, f"{fc} + {fb}", "added the two distances", 2, working=[fb, fc])
