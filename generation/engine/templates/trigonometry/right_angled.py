"""Right-angled triangles (syllabus 6.2): sine, cosine and tangent for a side or an angle,
angles of elevation and depression, and bearings."""

from __future__ import annotations

import math
import random

from sympy import Rational, asin, atan, cos, pi, sin, sqrt, tan

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.common import deg, n, shown, wrong
from generation.engine.templates.mensuration.figures import Figure, triangle_figure
from generation.engine.templates.trigonometry.pythagoras import legs
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4, ANGLE = Accuracy.SF3, Accuracy.SF4, Accuracy.ANGLE_1DP

# ratio name -> (machine function, inverse, LaTeX name, which sides: (top, bottom))
_RATIOS = {
    "sin": ("sind", "asind", "\\sin", ("opp", "hyp")),
    "cos": ("cosd", "acosd", "\\cos", ("adj", "hyp")),
    "tan": ("tand", "atand", "\\tan", ("opp", "adj")),
}
_OTHER = {"sin": "cos", "cos": "sin", "tan": "sin"}


def random_angle(rng: random.Random, lo: int, hi: int) -> int:
    """A whole-number angle in degrees for a calculator question, never a multiple of 3.

    SymPy writes sin, cos and tan of a multiple of 3° as nested surds, and exact arithmetic on
    those (then simplified) is slow; other whole-number angles stay as sin(7*pi/180) and cost
    nothing. A paper uses any whole-number angle, so nothing is lost in realism.
    """
    return rng.choice([a for a in range(lo, hi + 1) if a % 3])


def approx(value: object, accuracy: Accuracy = SF4) -> str:
    """A working value to 4 s.f. (angles to 2 d.p.) with an ellipsis when it was rounded."""
    text = shown(value, accuracy)
    exact = getattr(value, "is_Rational", False) and shown(value, Accuracy.EXACT) == text
    return text if exact else text + "\\ldots"


def _length(rng: random.Random, lo: int, hi: int) -> Rational:
    """A measured length: a whole number or one decimal place."""
    return (
        Rational(rng.randint(lo * 10, hi * 10), 10)
        if rng.random() < 0.4
        else Rational(rng.randint(lo, hi))
    )


@register
class RightAngledTrig(Template):
    key = "trigonometry.right_angled"
    title = "Sine, cosine and tangent in right-angled triangles"
    codes = {Tier.CORE: ("C6.2",), Tier.EXTENDED: ("E6.2",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty <= 2:
            self._side(q, rng, inverse=difficulty == 2)
        elif difficulty == 3:
            self._angle(q, rng)
        elif difficulty == 4:
            self._two_triangles(q, rng)
        else:
            self._isosceles(q, rng)

    def _figure(self, q: QuestionBuilder, angle: float, labels: dict[str, str]) -> None:
        """Triangle ABC, right angle at B, angle A; labels for 'opp' (BC), 'adj' (AB),
        'hyp' (AC) and 'angle'."""
        x, y = legs(math.cos(math.radians(angle)), math.sin(math.radians(angle)))
        sides = {
            ("A", "B"): labels.get("adj", ""),
            ("B", "C"): labels.get("opp", ""),
            ("A", "C"): labels.get("hyp", ""),
        }
        fig = triangle_figure(
            "A right-angled triangle ABC",
            {"A": (0, 0), "B": (x, 0), "C": (x, y)},
            sides={k: v for k, v in sides.items() if v},
            angles={"A": labels["angle"]},
            right="B",
        )
        q.diagram_svg = fig.svg()

    def _side(self, q: QuestionBuilder, rng: random.Random, *, inverse: bool) -> None:
        ratio = rng.choice(list(_RATIOS))
        func, _, name, (top, bottom) = _RATIOS[ratio]
        theta = q.given("theta", random_angle(rng, 15, 75), unit="degrees")
        known_side, unknown = (top, bottom) if inverse else (bottom, top)
        k = q.given("k", _length(rng, 4, 25), unit="cm")
        names = {"opp": "BC", "adj": "AB", "hyp": "AC"}
        q.title = "Right-angled triangle: finding a side"
        q.stem = (
            f"Triangle $ABC$ has a right angle at $B$.\nAngle $BAC = {deg(theta)}$ and "
            f"${names[known_side]} = {n(k)}$ cm."
        )
        self._figure(
            q, float(theta), {known_side: f"{n(k)} cm", unknown: "x cm", "angle": f"{n(theta)}°"}
        )
        value = f"k/{func}(theta)" if inverse else f"k*{func}(theta)"
        p = q.part("a", f"Calculate ${names[unknown]}$.", marks=2, command="Calculate")
        rel = (
            f"{name} {deg(theta)} = \\frac{{{n(k)}}}{{x}}"
            if inverse
            else f"{name} {deg(theta)} = \\frac{{x}}{{{n(k)}}}"
        )
        p.step(f"${rel}$", None)
        ans = p.answer(value, accuracy=SF3, unit="cm", label=names[unknown])
        work = (
            f"{n(k)} \\div {name} {deg(theta)}"
            if inverse
            else f"{n(k)} \\times {name} {deg(theta)}"
        )
        p.step(f"$x = {work} = {ans.latex}$ cm", value)
        p.mark("M", f"${work}$ oe", value=value, partial=[f"M1 for ${rel}$ seen"])
        p.mark("A", f"${ans.latex}$", value=value, qualifiers=["awrt"])
        other = _RATIOS[_OTHER[ratio]][0]
        if inverse:
            wrong(p, f"k*{func}(theta)", "multiplied by the ratio instead of dividing", 0)
            wrong(p, f"k/{other}(theta)", f"used {_OTHER[ratio]} instead of {ratio}", 0)
        else:
            wrong(p, f"k/{func}(theta)", "divided by the ratio instead of multiplying", 0)
            wrong(p, f"k*{other}(theta)", f"used {_OTHER[ratio]} instead of {ratio}", 0)

    def _angle(self, q: QuestionBuilder, rng: random.Random) -> None:
        ratio = rng.choice(list(_RATIOS))
        _, inv, name, (top, bottom) = _RATIOS[ratio]
        a = _length(rng, 3, 20)
        b = _length(rng, 3, 20)
        if ratio != "tan" and a >= b:
            a, b = b, a
        if a == b:
            b += 1
        t = q.given("t", a, unit="cm")
        u = q.given("u", b, unit="cm")
        names = {"opp": "BC", "adj": "AB", "hyp": "AC"}
        q.title = "Right-angled triangle: finding an angle"
        q.stem = (
            f"Triangle $ABC$ has a right angle at $B$.\n${names[top]} = {n(t)}$ cm and "
            f"${names[bottom]} = {n(u)}$ cm."
        )
        angle = float(q.value_of(f"{inv}(t/u)"))
        self._figure(q, angle, {top: f"{n(t)} cm", bottom: f"{n(u)} cm", "angle": "x°"})
        value = f"{inv}(t/u)"
        p = q.part("a", "Calculate angle $BAC$.", marks=2, command="Calculate")
        p.step(f"${name} x = \\frac{{{n(t)}}}{{{n(u)}}} = {approx(t / u)}$", "t/u")
        ans = p.answer(value, accuracy=ANGLE, unit="degrees", label="angle BAC")
        p.step(
            f"$x = {name}^{{-1}}\\left(\\frac{{{n(t)}}}{{{n(u)}}}\\right) = {ans.latex}^\\circ$",
            value,
        )
        p.mark("M", f"${name} x = \\frac{{{n(t)}}}{{{n(u)}}}$ oe", value="t/u")
        p.mark("A", f"${ans.latex}$", value=value, qualifiers=["awrt"])
        radians = {"sin": asin, "cos": lambda v: pi / 2 - asin(v), "tan": atan}[ratio](t / u)
        wrong(p, radians, "used a calculator in radian mode", 1, working=["t/u"], accuracy=SF3)
        if ratio == "tan":
            wrong(p, "atand(u/t)", "used the ratio upside down (found the other angle)", 0)
        else:
            wrong(p, "atand(t/u)", f"used tan instead of {ratio}", 0)

    def _two_triangles(self, q: QuestionBuilder, rng: random.Random) -> None:
        ad = q.given("d", _length(rng, 6, 20), unit="cm")
        alpha = q.given("alpha", random_angle(rng, 25, 65), unit="degrees")
        bd = ad * sin(alpha * pi / 180)
        bc = q.given("c", Rational(round(float(bd) * rng.uniform(0.6, 1.6) * 10), 10), unit="cm")
        q.title = "Trigonometry in two right-angled triangles"
        q.stem = (
            f"In the diagram, $ABC$ is a straight line and $BD$ is perpendicular to $AC$."
            f"\n$AD = {n(ad)}$ cm, angle $DAB = {deg(alpha)}$ and $BC = {n(bc)}$ cm."
        )
        ax = float(ad * cos(alpha * pi / 180))
        fig = Figure("Two right-angled triangles ABD and CBD")
        fig.point("A", -ax, 0).point("B", 0, 0).point("C", float(bc), 0).point("D", 0, float(bd))
        fig.polygon("A", "C", "D").segment("B", "D").vertex_labels("A", "B", "C", "D")
        fig.angle("B", "C", "D", right=True).angle("A", "B", "D", f"{n(alpha)}°", radius=22)
        fig.side_label("A", "D", f"{n(ad)} cm", inside="B")
        fig.side_label("B", "C", f"{n(bc)} cm", inside="D")
        q.diagram_svg = fig.svg()
        height = "d*sind(alpha)"
        p = q.part("a", "Calculate $BD$.", marks=2, command="Calculate")
        ans = p.answer(height, accuracy=SF3, unit="cm", label="BD")
        p.step(f"$BD = {n(ad)} \\times \\sin {deg(alpha)} = {ans.latex}$ cm", height)
        p.mark("M", f"${n(ad)} \\times \\sin {deg(alpha)}$ oe", value=height)
        p.mark("A", f"${ans.latex}$", value=height, qualifiers=["awrt"])
        wrong(p, "d*cosd(alpha)", "used cos instead of sin (found AB)", 0)
        wrong(p, "d/sind(alpha)", "divided by sin instead of multiplying", 0)
        angle = f"atand({height}/c)"
        p = q.part("b", "Calculate angle $BCD$.", marks=2, command="Calculate")
        p.step(
            f"$\\tan BCD = \\frac{{{approx(bd)}}}{{{n(bc)}}} = {approx(bd / bc)}$", f"{height}/c"
        )
        ans = p.answer(angle, accuracy=ANGLE, unit="degrees", label="angle BCD")
        p.step(f"Angle $BCD = {ans.latex}^\\circ$", angle)
        p.mark(
            "M",
            "$\\tan BCD = \\frac{\\text{their } BD}{" + n(bc) + "}$",
            value=f"{height}/c",
            qualifiers=["FT"],
        )
        p.mark("A", f"${ans.latex}$", value=angle, qualifiers=["awrt"])
        wrong(p, f"atand(c/({height}))", "used the ratio upside down (found angle BDC)", 0)
        wrong(
            p,
            atan(bd / bc),
            "used a calculator in radian mode",
            1,
            working=[f"{height}/c"],
            accuracy=SF3,
        )

    def _isosceles(self, q: QuestionBuilder, rng: random.Random) -> None:
        base = q.given("b", _length(rng, 6, 24), unit="cm")
        side = q.given(
            "s", Rational(round(float(base) * rng.uniform(0.6, 1.4) * 10), 10), unit="cm"
        )
        q.title = "Trigonometry in an isosceles triangle"
        q.stem = (
            f"Triangle $PQR$ is isosceles with $PQ = PR = {n(side)}$ cm and "
            f"$QR = {n(base)}$ cm.\n$M$ is the midpoint of $QR$."
        )
        angle = "acosd(b/(2*s))"
        half = float(base) / 2
        h = float(sqrt(side**2 - (base / 2) ** 2))
        hx, hy = legs(half, h)
        fig = triangle_figure(
            "An isosceles triangle PQR",
            {"P": (hx, hy), "Q": (0, 0), "R": (2 * hx, 0)},
            sides={("P", "Q"): f"{n(side)} cm", ("Q", "R"): f"{n(base)} cm"},
        )
        fig.point("M", hx, 0).segment("P", "M", dashed=True).angle("M", "R", "P", right=True)
        fig.label("M", "M", -8, 9)
        q.diagram_svg = fig.svg()
        p = q.part("a", "Calculate angle $PQR$.", marks=3, command="Calculate")
        p.step(f"$QM = {n(base)} \\div 2 = {n(base / 2)}$", "b/2")
        p.step(
            f"$\\cos PQR = \\frac{{{n(base / 2)}}}{{{n(side)}}} = {approx(base / 2 / side)}$",
            "b/(2*s)",
        )
        ans = p.answer(angle, accuracy=ANGLE, unit="degrees", label="angle PQR")
        p.step(f"Angle $PQR = {ans.latex}^\\circ$", angle)
        p.mark("B", f"$QM = {n(base / 2)}$", value="b/2")
        p.mark("M", f"$\\cos PQR = \\frac{{{n(base / 2)}}}{{{n(side)}}}$ oe", value="b/(2*s)")
        p.mark("A", f"${ans.latex}$", value=angle, qualifiers=["awrt"])
        wrong(p, "acosd(b/s)", "used the whole base instead of half of it", 0)
        wrong(p, "asind(b/(2*s))", "used sin instead of cos (found angle QPM)", 1, working=["b/2"])
        height = "sqrt(s**2 - (b/2)**2)"
        p = q.part("b", "Calculate the area of triangle $PQR$.", marks=3, command="Calculate")
        p.step(
            f"$PM = {n(side)} \\times \\sin {approx(q.value_of(angle), Accuracy.DP2)}^\\circ = "
            f"{approx(q.value_of(height))}$",
            height,
        )
        area = f"b*{height}/2"
        ans = p.answer(area, accuracy=SF3, unit="cm^2")
        p.step(
            f"Area $= \\frac{{1}}{{2}} \\times {n(base)} \\times {approx(q.value_of(height))} = "
            f"{ans.latex}$ cm$^2$",
            area,
        )
        p.mark("M", f"$PM = {n(side)} \\times \\sin$ their angle, or Pythagoras", value=height)
        p.mark(
            "M",
            f"$\\frac{{1}}{{2}} \\times {n(base)} \\times$ their $PM$",
            value=area,
            qualifiers=["dep"],
        )
        p.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(p, f"b*{height}", "forgot the ½", 1, working=[height])
        wrong(p, "b*s/2", "used the sloping side as the height", 0)


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
            partial=["the two distances subtracted"],
        )
        p.mark("A", f"${ans.latex}$", value=gap, qualifiers=["awrt"])
        wrong(p, "h*tand(alpha) - h*tand(beta)", "multiplied by tan instead of dividing", 0)
        wrong(p, f"{fc} + {fb}", "added the two distances", 2, working=[fb, fc])
