"""Right-angled triangles (syllabus 6.2): sine, cosine and tangent for a side or an angle,
angles of elevation and depression, and bearings."""

from __future__ import annotations

import math
import random

from sympy import Rational, asin, atan, cos, pi, sin, sqrt

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure, shapes
from generation.engine.authoring.givens import measured_length, random_angle
from generation.engine.authoring.text import approx, degrees, number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4, ANGLE = Accuracy.SF3, Accuracy.SF4, Accuracy.ANGLE_1DP

# ratio name -> (machine function, inverse, LaTeX name, which sides: (top, bottom))
_RATIOS = {
    "sin": ("sind", "asind", "\\sin", ("opp", "hyp")),
    "cos": ("cosd", "acosd", "\\cos", ("adj", "hyp")),
    "tan": ("tand", "atand", "\\tan", ("opp", "adj")),
}
_OTHER = {"sin": "cos", "cos": "sin", "tan": "sin"}


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
        x, y = shapes.legs(math.cos(math.radians(angle)), math.sin(math.radians(angle)))
        sides = {
            ("A", "B"): labels.get("adj", ""),
            ("B", "C"): labels.get("opp", ""),
            ("A", "C"): labels.get("hyp", ""),
        }
        fig = shapes.triangle(
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
        k = q.given("k", measured_length(rng, 4, 25, 0.4), unit="cm")
        names = {"opp": "BC", "adj": "AB", "hyp": "AC"}
        q.title = "Right-angled triangle: finding a side"
        q.stem = (
            f"Triangle $ABC$ has a right angle at $B$.\nAngle $BAC = {degrees(theta)}$ and "
            f"${names[known_side]} = {number(k)}$ cm."
        )
        self._figure(
            q,
            float(theta),
            {known_side: f"{number(k)} cm", unknown: "x cm", "angle": f"{number(theta)}°"},
        )
        value = f"k/{func}(theta)" if inverse else f"k*{func}(theta)"
        p = q.part("a", f"Calculate ${names[unknown]}$.", marks=2, command="Calculate")
        rel = (
            f"{name} {degrees(theta)} = \\frac{{{number(k)}}}{{x}}"
            if inverse
            else f"{name} {degrees(theta)} = \\frac{{x}}{{{number(k)}}}"
        )
        p.step(f"${rel}$", None)
        ans = Working(q, value)
        work = (
            f"{number(k)} \\div {name} {degrees(theta)}"
            if inverse
            else f"{number(k)} \\times {name} {degrees(theta)}"
        )
        p.step(f"$x = {work} = {rounded(ans.value, SF3)}$ cm", value)
        method(p, Working(q, value), f"${work}$", step="", partial=[f"M1 for ${rel}$ seen"])
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label=names[unknown])
        other = _RATIOS[_OTHER[ratio]][0]
        if inverse:
            misconception(
                p, Misconception("multiplied by the ratio instead of dividing", f"k*{func}(theta)")
            )
            misconception(
                p, Misconception(f"used {_OTHER[ratio]} instead of {ratio}", f"k/{other}(theta)")
            )
        else:
            misconception(
                p, Misconception("divided by the ratio instead of multiplying", f"k/{func}(theta)")
            )
            misconception(
                p, Misconception(f"used {_OTHER[ratio]} instead of {ratio}", f"k*{other}(theta)")
            )

    def _angle(self, q: QuestionBuilder, rng: random.Random) -> None:
        ratio = rng.choice(list(_RATIOS))
        _, inv, name, (top, bottom) = _RATIOS[ratio]
        a = measured_length(rng, 3, 20, 0.4)
        b = measured_length(rng, 3, 20, 0.4)
        if ratio != "tan" and a >= b:
            a, b = b, a
        if a == b:
            b += 1
        t = q.given("t", a, unit="cm")
        u = q.given("u", b, unit="cm")
        names = {"opp": "BC", "adj": "AB", "hyp": "AC"}
        q.title = "Right-angled triangle: finding an angle"
        q.stem = (
            f"Triangle $ABC$ has a right angle at $B$.\n${names[top]} = {number(t)}$ cm and "
            f"${names[bottom]} = {number(u)}$ cm."
        )
        angle = float(q.value_of(f"{inv}(t/u)"))
        self._figure(q, angle, {top: f"{number(t)} cm", bottom: f"{number(u)} cm", "angle": "x°"})
        value = f"{inv}(t/u)"
        p = q.part("a", "Calculate angle $BAC$.", marks=2, command="Calculate")
        p.step(
            f"${name} x = \\frac{{{number(t)}}}{{{number(u)}}} = {approx(t / u, dots=True)}$", "t/u"
        )
        ans = Working(q, value)
        p.step(
            f"$x = {name}^{{-1}}\\left(\\frac{{{number(t)}}}{{{number(u)}}}\\right) = {rounded(ans.value, ANGLE)}^\\circ$",
            value,
        )
        method(p, Working(q, "t/u"), f"${name} x = \\frac{{{number(t)}}}{{{number(u)}}}$", step="")
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle BAC")
        radians = {"sin": asin, "cos": lambda v: pi / 2 - asin(v), "tan": atan}[ratio](t / u)
        misconception(
            p, Misconception("used a calculator in radian mode", radians, ("t/u",), accuracy=SF3)
        )
        if ratio == "tan":
            misconception(
                p, Misconception("used the ratio upside down (found the other angle)", "atand(u/t)")
            )
        else:
            misconception(p, Misconception(f"used tan instead of {ratio}", "atand(t/u)"))

    def _two_triangles(self, q: QuestionBuilder, rng: random.Random) -> None:
        ad = q.given("d", measured_length(rng, 6, 20, 0.4), unit="cm")
        alpha = q.given("alpha", random_angle(rng, 25, 65), unit="degrees")
        bd = ad * sin(alpha * pi / 180)
        bc = q.given("c", Rational(round(float(bd) * rng.uniform(0.6, 1.6) * 10), 10), unit="cm")
        q.title = "Trigonometry in two right-angled triangles"
        q.stem = (
            f"In the diagram, $ABC$ is a straight line and $BD$ is perpendicular to $AC$."
            f"\n$AD = {number(ad)}$ cm, angle $DAB = {degrees(alpha)}$ and $BC = {number(bc)}$ cm."
        )
        ax = float(ad * cos(alpha * pi / 180))
        fig = Figure("Two right-angled triangles ABD and CBD", size=210)
        fig.point("A", -ax, 0).point("B", 0, 0).point("C", float(bc), 0).point("D", 0, float(bd))
        fig.polygon(["A", "C", "D"]).segment("B", "D").names("A", "B", "C", "D")
        fig.angle_at("B", "C", "D", right=True).angle_at(
            "A", "B", "D", f"{number(alpha)}°", radius=22
        )
        fig.side("A", "D", f"{number(ad)} cm", away_from="B")
        fig.side("B", "C", f"{number(bc)} cm", away_from="D")
        q.diagram_svg = fig.svg()
        height = "d*sind(alpha)"
        p = q.part("a", "Calculate $BD$.", marks=2, command="Calculate")
        ans = Working(q, height)
        p.step(
            f"$BD = {number(ad)} \\times \\sin {degrees(alpha)} = {rounded(ans.value, SF3)}$ cm",
            height,
        )
        method(p, Working(q, height), f"${number(ad)} \\times \\sin {degrees(alpha)}$", step="")
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="BD")
        misconception(p, Misconception("used cos instead of sin (found AB)", "d*cosd(alpha)"))
        misconception(p, Misconception("divided by sin instead of multiplying", "d/sind(alpha)"))
        angle = f"atand({height}/c)"
        p = q.part("b", "Calculate angle $BCD$.", marks=2, command="Calculate")
        p.step(
            f"$\\tan BCD = \\frac{{{approx(bd, dots=True)}}}{{{number(bc)}}} = {approx(bd / bc, dots=True)}$",
            f"{height}/c",
        )
        ans = Working(q, angle)
        p.step(f"Angle $BCD = {rounded(ans.value, ANGLE)}^\\circ$", angle)
        method(
            p,
            Working(q, f"{height}/c"),
            "$\\tan BCD = \\frac{\\text{their } BD}{" + number(bc) + "}$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle BCD")
        misconception(
            p, Misconception("used the ratio upside down (found angle BDC)", f"atand(c/({height}))")
        )
        misconception(
            p,
            Misconception(
                "used a calculator in radian mode", atan(bd / bc), (f"{height}/c",), accuracy=SF3
            ),
        )

    def _isosceles(self, q: QuestionBuilder, rng: random.Random) -> None:
        base = q.given("b", measured_length(rng, 6, 24, 0.4), unit="cm")
        side = q.given(
            "s", Rational(round(float(base) * rng.uniform(0.6, 1.4) * 10), 10), unit="cm"
        )
        q.title = "Trigonometry in an isosceles triangle"
        q.stem = (
            f"Triangle $PQR$ is isosceles with $PQ = PR = {number(side)}$ cm and "
            f"$QR = {number(base)}$ cm.\n$M$ is the midpoint of $QR$."
        )
        angle = "acosd(b/(2*s))"
        half = float(base) / 2
        h = float(sqrt(side**2 - (base / 2) ** 2))
        hx, hy = shapes.legs(half, h)
        fig = shapes.triangle(
            "An isosceles triangle PQR",
            {"P": (hx, hy), "Q": (0, 0), "R": (2 * hx, 0)},
            sides={("P", "Q"): f"{number(side)} cm", ("Q", "R"): f"{number(base)} cm"},
        )
        fig.point("M", hx, 0).segment("P", "M", dashed=True).angle_at("M", "R", "P", right=True)
        fig.text("M", "M", dx=-8, dy=-9)
        q.diagram_svg = fig.svg()
        p = q.part("a", "Calculate angle $PQR$.", marks=3, command="Calculate")
        p.step(f"$QM = {number(base)} \\div 2 = {number(base / 2)}$", "b/2")
        p.step(
            f"$\\cos PQR = \\frac{{{number(base / 2)}}}{{{number(side)}}} = {approx(base / 2 / side, dots=True)}$",
            "b/(2*s)",
        )
        ans = Working(q, angle)
        p.step(f"Angle $PQR = {rounded(ans.value, ANGLE)}^\\circ$", angle)
        p.mark("B", f"$QM = {number(base / 2)}$", value="b/2")
        method(
            p,
            Working(q, "b/(2*s)"),
            f"$\\cos PQR = \\frac{{{number(base / 2)}}}{{{number(side)}}}$",
            step="",
        )
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle PQR")
        misconception(p, Misconception("used the whole base instead of half of it", "acosd(b/s)"))
        misconception(
            p,
            Misconception("used sin instead of cos (found angle QPM)", "asind(b/(2*s))", ("b/2",)),
        )
        height = "sqrt(s**2 - (b/2)**2)"
        p = q.part("b", "Calculate the area of triangle $PQR$.", marks=3, command="Calculate")
        p.step(
            f"$PM = {number(side)} \\times \\sin {approx(q.value_of(angle), Accuracy.DP2, dots=True)}^\\circ = "
            f"{approx(q.value_of(height), dots=True)}$",
            height,
        )
        area = f"b*{height}/2"
        ans = Working(q, area)
        p.step(
            f"Area $= \\frac{{1}}{{2}} \\times {number(base)} \\times {approx(q.value_of(height), dots=True)} = "
            f"{rounded(ans.value, SF3)}$ cm$^2$",
            area,
        )
        method(
            p,
            Working(q, height),
            f"$PM = {number(side)} \\times \\sin$ their angle, or Pythagoras",
            step="",
        )
        method(
            p,
            Working(q, area),
            f"$\\frac{{1}}{{2}} \\times {number(base)} \\times$ their $PM$",
            step="",
            qualifiers=("dep",),
        )
        final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(p, Misconception("forgot the ½", f"b*{height}", (height,)))
        misconception(p, Misconception("used the sloping side as the height", "b*s/2"))
