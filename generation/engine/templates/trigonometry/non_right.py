"""Non-right-angled triangles (E6.5): the sine rule (including the obtuse case), the cosine
rule and the area ½ab sin C."""

from __future__ import annotations

import math
import random
from typing import Any

from sympy import Rational, acos, asin, pi, sin, sqrt

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import shapes
from generation.engine.authoring.givens import measured_length, random_angle
from generation.engine.authoring.text import approx, degrees, number, rounded
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, ANGLE, DP2 = Accuracy.SF3, Accuracy.ANGLE_1DP, Accuracy.DP2
SINE_RULE = "$\\frac{a}{\\sin A} = \\frac{b}{\\sin B} = \\frac{c}{\\sin C}$"


def _rad(degrees: Any) -> Any:
    return degrees * pi / 180


def _draw(
    q: QuestionBuilder,
    angles: tuple[float, float, float],
    sides: dict[tuple[str, str], str],
    marks: dict[str, str],
) -> None:
    """Triangle ABC with angles (A, B, C) in degrees; labels on sides and angles."""
    a, b, c = (float(sin(_rad(x))) for x in angles)  # proportional to the sides
    q.diagram_svg = shapes.triangle(
        "Triangle ABC", shapes.triangle_points(a, b, c), sides=sides, angles=marks
    ).svg()


def _draw_sas(
    q: QuestionBuilder,
    b: Any,
    c: Any,
    angle: float,
    sides: dict[tuple[str, str], str],
    marks: dict[str, str],
) -> None:
    """Triangle ABC from AC = b, AB = c and angle A, with the two sides drawn no more than
    twice as long as each other (the figure is NOT TO SCALE)."""
    ratio = min(max(float(b) / float(c), 0.5), 2.0)
    t = float(_rad(angle))
    points = {"A": (0.0, 0.0), "B": (1.0, 0.0), "C": (ratio * math.cos(t), ratio * math.sin(t))}
    q.diagram_svg = shapes.triangle("Triangle ABC", points, sides=sides, angles=marks).svg()


def _area_part(
    q: QuestionBuilder, label: str, s1: str, s2: str, angle: str, names: tuple[str, str, str]
) -> PartBuilder:
    """Area = ½ × s1 × s2 × sin(angle), all machine forms; names are for the text."""
    area = f"({s1})*({s2})*sind({angle})/2"
    p = q.part(label, "Calculate the area of triangle $ABC$.", marks=2, command="Calculate")
    ans = Working(q, area)
    p.step(
        f"Area $= \\frac{{1}}{{2}} \\times {names[0]} \\times {names[1]} \\times "
        f"\\sin {names[2]} = {rounded(ans.value, SF3)}$ cm$^2$",
        area,
    )
    method(
        p,
        Working(q, area),
        f"$\\frac{{1}}{{2}} \\times {names[0]} \\times {names[1]} \\times \\sin {names[2]}$",
        step="",
        qualifiers=("FT",),
    )
    final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
    misconception(p, Misconception("forgot the ½", f"({s1})*({s2})*sind({angle})"))
    if abs(q.value_of(f"sind({angle})")) < Rational(95, 100):
        misconception(
            p,
            Misconception(
                "left out sin A (as if the angle were a right angle)", f"({s1})*({s2})/2"
            ),
        )
    return p


@register
class SineRule(Template):
    key = "trigonometry.sine_rule"
    title = "The sine rule: a side or an angle (including the obtuse case)"
    codes = {Tier.EXTENDED: ("E6.5",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "The sine rule"
        if difficulty <= 2:
            self._side(q, rng, third_angle=difficulty == 2)
        else:
            self._angle(q, rng, difficulty)

    def _side(self, q: QuestionBuilder, rng: random.Random, *, third_angle: bool) -> None:
        A_ = random_angle(rng, 30, 110)  # noqa: N806 - angle names as on the paper
        B_ = rng.choice([b for b in range(25, 151 - A_) if b % 3 and (A_ + b) % 3])  # noqa: N806
        a = q.given("a", measured_length(rng, 5, 20), unit="cm")
        if third_angle:
            B = q.given("B", B_, unit="degrees")  # noqa: N806
            C = q.given("C", 180 - A_ - B_, unit="degrees")  # noqa: N806
            A_expr = "(180 - B - C)"  # noqa: N806
            q.stem = (
                f"In triangle $ABC$, $BC = {number(a)}$ cm, angle $ABC = {degrees(B)}$ and angle "
                f"$ACB = {degrees(C)}$."
            )
            marks = {"B": f"{number(B)}°", "C": f"{number(C)}°"}
        else:
            A = q.given("A", A_, unit="degrees")  # noqa: N806
            B = q.given("B", B_, unit="degrees")  # noqa: N806
            A_expr = "A"  # noqa: N806
            q.stem = (
                f"In triangle $ABC$, $BC = {number(a)}$ cm, angle $BAC = {degrees(A)}$ and angle "
                f"$ABC = {degrees(B)}$."
            )
            marks = {"A": f"{number(A)}°", "B": f"{number(B)}°"}
        _draw(q, (A_, B_, 180 - A_ - B_), {("B", "C"): f"{number(a)} cm"}, marks)
        ratio = f"a/sind({A_expr})"
        side = f"{ratio}*sind(B)"
        p = q.part("a", "Calculate $AC$.", marks=4 if third_angle else 3, command="Calculate")
        if third_angle:
            p.step(
                f"Angle $BAC = 180 - {number(B)} - {number(q.value_of('C'))} = {number(A_)}^\\circ$",
                A_expr,
            )
            p.mark("B", f"Angle $BAC = {number(A_)}$", value=A_expr)
        p.step(
            f"$\\frac{{AC}}{{\\sin {degrees(B_)}}} = \\frac{{{number(a)}}}{{\\sin {degrees(A_)}}} = "
            f"{approx(q.value_of(ratio), dots=True)}$",
            ratio,
        )
        ans = Working(q, side)
        p.step(
            f"$AC = {approx(q.value_of(ratio), dots=True)} \\times \\sin {degrees(B_)} = {rounded(ans.value, SF3)}$ cm",
            side,
        )
        method(
            p,
            Working(q, ratio),
            f"$\\frac{{AC}}{{\\sin {degrees(B_)}}} = \\frac{{{number(a)}}}{{\\sin {degrees(A_)}}}$",
            step="",
        )
        method(
            p,
            Working(q, side),
            f"$AC = \\frac{{{number(a)} \\sin {degrees(B_)}}}{{\\sin {degrees(A_)}}}$",
            step="",
            qualifiers=("dep",),
        )
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="AC")
        misconception(
            p,
            Misconception(
                "rearranged the sine rule upside down", f"a*sind({A_expr})/sind(B)", (ratio,)
            ),
        )
        if third_angle:
            misconception(
                p, Misconception("used angle C, which is not opposite BC", "a*sind(B)/sind(C)")
            )
        else:
            misconception(p, Misconception("used cos instead of sin", "a*cosd(B)/cosd(A)"))

    def _angle(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        obtuse = difficulty == 5
        for _ in range(30):
            A_ = random_angle(rng, 25, 60)  # noqa: N806
            a_ = measured_length(rng, 6, 18)
            sin_a = float(sin(_rad(A_)))
            if obtuse:  # b > a > b sin A (two triangles; the question says B is obtuse), and
                # the acute value of B at least A + 8 so that angle C is drawable
                low = max(1.1, float(sin(_rad(A_ + 8))) / sin_a * 1.02)
                b_ = Rational(round(float(a_) * rng.uniform(low, 0.95 / sin_a) * 10), 10)
            else:  # b < a: only one triangle
                b_ = Rational(round(float(a_) * rng.uniform(0.45, 0.9) * 10), 10)
            sin_b = b_ * sin(_rad(A_)) / a_
            if not (b_ > 0 and sin_b < Rational(98, 100)) or (obtuse and b_ <= a_):
                continue
            acute_b = float(asin(sin_b)) * 180 / float(pi)
            B_ = 180 - acute_b if obtuse else acute_b  # noqa: N806
            if 180 - A_ - B_ >= 8:
                break
        else:
            raise Reject("no triangle with a drawable angle C")
        A = q.given("A", A_, unit="degrees")  # noqa: N806
        a = q.given("a", a_, unit="cm")
        b = q.given("b", b_, unit="cm")
        q.stem = (
            f"In triangle $ABC$, $BC = {number(a)}$ cm, $AC = {number(b)}$ cm and angle "
            f"$BAC = {degrees(A)}$." + ("\nAngle $ABC$ is obtuse." if obtuse else "")
        )
        _draw(
            q,
            (A_, B_, 180 - A_ - B_),
            {("B", "C"): f"{number(a)} cm", ("A", "C"): f"{number(b)} cm"},
            {"A": f"{number(A)}°"},
        )
        sinb = "b*sind(A)/a"
        angle = f"180 - asind({sinb})" if obtuse else f"asind({sinb})"
        p = q.part("a", "Calculate angle $ABC$.", marks=4 if obtuse else 3, command="Calculate")
        p.step(
            f"$\\frac{{\\sin B}}{{{number(b)}}} = \\frac{{\\sin {degrees(A)}}}{{{number(a)}}}$, so "
            f"$\\sin B = {approx(q.value_of(sinb), dots=True)}$",
            sinb,
        )
        if obtuse:
            p.step(
                f"$\\sin^{{-1}}({approx(q.value_of(sinb), dots=True)}) = "
                f"{approx(q.value_of(f'asind({sinb})'), DP2, dots=True)}^\\circ$, but $B$ is obtuse",
                f"asind({sinb})",
            )
        ans = Working(q, angle)
        p.step(
            (
                "$B = 180 - " + approx(q.value_of(f"asind({sinb})"), DP2, dots=True) + " = "
                if obtuse
                else "$B = "
            )
            + f"{rounded(ans.value, ANGLE)}^\\circ$",
            angle,
        )
        method(
            p,
            Working(q, sinb),
            f"$\\sin B = \\frac{{{number(b)} \\sin {degrees(A)}}}{{{number(a)}}}$",
            step="",
            partial=[
                f"M1 for $\\frac{{\\sin B}}{{{number(b)}}} = \\frac{{\\sin {degrees(A)}}}{{{number(a)}}}$ oe"
            ],
            count=2,
        )
        if obtuse:
            method(p, Working(q, angle), "$180 -$ their acute angle", step="", qualifiers=("dep",))
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle ABC")
        if obtuse:
            misconception(
                p,
                Misconception(
                    "gave the acute angle although angle ABC is obtuse", f"asind({sinb})", (sinb,)
                ),
            )
        else:
            misconception(
                p,
                Misconception(
                    "used a calculator in radian mode", asin(sin_b), (sinb,), accuracy=SF3
                ),
            )
        upside = a_ * sin(_rad(A_)) / b_
        if upside < 1:
            misconception(p, Misconception("used the sine rule upside down", "asind(a*sind(A)/b)"))
        if difficulty == 4:
            C_expr = f"(180 - A - {angle})"  # noqa: N806
            p = q.part("b", "Calculate the area of triangle $ABC$.", marks=3, command="Calculate")
            p.step(
                f"Angle $ACB = 180 - {number(A)} - {approx(q.value_of(angle), DP2, dots=True)} = "
                f"{approx(q.value_of(C_expr), DP2, dots=True)}^\\circ$",
                C_expr,
            )
            area = f"a*b*sind({C_expr})/2"
            ans = Working(q, area)
            p.step(
                f"Area $= \\frac{{1}}{{2}} \\times {number(a)} \\times {number(b)} \\times \\sin "
                f"{approx(q.value_of(C_expr), DP2, dots=True)}^\\circ = {rounded(ans.value, SF3)}$ cm$^2$",
                area,
            )
            p.mark(
                "B",
                "Angle $ACB = " + approx(q.value_of(C_expr), DP2, dots=True) + "$",
                value=C_expr,
                qualifiers=["FT"],
            )
            method(
                p,
                Working(q, area),
                f"$\\frac{{1}}{{2}} \\times {number(a)} \\times {number(b)} \\times \\sin C$",
                step="",
            )
            final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
            misconception(
                p, Misconception("used angle A, which is not between BC and AC", "a*b*sind(A)/2")
            )
            misconception(p, Misconception("forgot the ½", f"a*b*sind({C_expr})", (C_expr,)))


@register
class CosineRule(Template):
    key = "trigonometry.cosine_rule"
    title = "The cosine rule: a side or an angle, and the area ½ab sin C"
    codes = {Tier.EXTENDED: ("E6.5",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "The cosine rule"
        if difficulty <= 2 or difficulty == 5:
            self._side(q, rng, difficulty)
        else:
            self._angle(q, rng, difficulty)

    def _side(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        A_ = random_angle(rng, 95, 150) if difficulty == 2 else random_angle(rng, 25, 85)  # noqa: N806
        b_, c_ = measured_length(rng, 4, 20), measured_length(rng, 4, 20)
        if difficulty == 5 and b_ > c_:  # angle B (opposite the shorter side) is then acute
            b_, c_ = c_, b_
        b = q.given("b", b_, unit="cm")
        c = q.given("c", c_, unit="cm")
        A = q.given("A", A_, unit="degrees")  # noqa: N806
        q.stem = f"In triangle $ABC$, $AB = {number(c)}$ cm, $AC = {number(b)}$ cm and angle $BAC = {degrees(A)}$."
        a2 = "b**2 + c**2 - 2*b*c*cosd(A)"
        a_exact = sqrt(q.value_of(a2))
        _draw_sas(
            q,
            b,
            c,
            A_,
            {("A", "B"): f"{number(c)} cm", ("A", "C"): f"{number(b)} cm"},
            {"A": f"{number(A)}°"},
        )
        side = f"sqrt({a2})"
        p = q.part("a", "Calculate $BC$.", marks=3, command="Calculate")
        p.step(
            f"$BC^2 = {number(b)}^2 + {number(c)}^2 - 2 \\times {number(b)} \\times {number(c)} \\times "
            f"\\cos {degrees(A)} = {approx(q.value_of(a2), dots=True)}$",
            a2,
        )
        ans = Working(q, side)
        p.step(f"$BC = {rounded(ans.value, SF3)}$ cm", side)
        method(
            p,
            Working(q, a2),
            f"${number(b)}^2 + {number(c)}^2 - 2 \\times {number(b)} \\times {number(c)} \\cos {degrees(A)}$",
            step="",
            partial=["M1 for a correct implicit version"],
            count=2,
        )
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="BC")
        misconception(p, Misconception("did not take the square root", a2, (a2,)))
        bad = q.value_of("(b**2 + c**2 - 2*b*c)*cosd(A)")
        if bad > 0:
            misconception(
                p,
                Misconception(
                    "worked out (b² + c² − 2bc) before multiplying by cos A",
                    "sqrt((b**2 + c**2 - 2*b*c)*cosd(A))",
                ),
            )
        misconception(
            p, Misconception("used + 2bc cos A instead of −", "sqrt(b**2 + c**2 + 2*b*c*cosd(A))")
        )
        if difficulty == 5:
            sinb = f"b*sind(A)/{side}"
            angle = f"asind({sinb})"
            p = q.part("b", "Calculate angle $ABC$.", marks=3, command="Calculate")
            p.step(
                f"$\\frac{{\\sin B}}{{{number(b)}}} = \\frac{{\\sin {degrees(A)}}}{{"
                f"{approx(a_exact, dots=True)}}}$, so $\\sin B = {approx(q.value_of(sinb), dots=True)}$",
                sinb,
            )
            ans = Working(q, angle)
            p.step(f"$B = {rounded(ans.value, ANGLE)}^\\circ$", angle)
            method(
                p,
                Working(q, sinb),
                f"$\\frac{{\\sin B}}{{{number(b)}}} = \\frac{{\\sin {degrees(A)}}}{{\\text{{their }}"
                "BC}$",
                step="",
                qualifiers=("FT", "oe"),
                partial=["or M2 for a correct cosine-rule method"],
                count=2,
            )
            final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle ABC")
            misconception(
                p,
                Misconception(
                    "used AB instead of AC (found angle ACB)", f"asind(c*sind(A)/{side})"
                ),
            )

    def _angle(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        for _ in range(40):
            a_, b_, c_ = (measured_length(rng, 4, 20) for _ in range(3))
            if difficulty == 4:  # the largest angle is obtuse
                a_, b_, c_ = sorted((a_, b_, c_), reverse=True)
                if a_**2 <= b_**2 + c_**2:
                    continue
            if b_ + c_ > a_ + 1 and a_ + b_ > c_ + 1 and a_ + c_ > b_ + 1 and b_ != c_:
                break
        else:
            raise Reject("no triangle found")
        a = q.given("a", a_, unit="cm")
        b = q.given("b", b_, unit="cm")
        c = q.given("c", c_, unit="cm")
        q.stem = f"In triangle $ABC$, $BC = {number(a)}$ cm, $AC = {number(b)}$ cm and $AB = {number(c)}$ cm."
        cos_a = "(b**2 + c**2 - a**2)/(2*b*c)"
        angle = f"acosd({cos_a})"
        A_ = float(q.value_of(angle))  # noqa: N806
        B_ = float(acos((a_**2 + c_**2 - b_**2) / (2 * a_ * c_))) * 180 / float(pi)  # noqa: N806
        _draw(
            q,
            (A_, B_, 180 - A_ - B_),
            {
                ("B", "C"): f"{number(a)} cm",
                ("A", "C"): f"{number(b)} cm",
                ("A", "B"): f"{number(c)} cm",
            },
            {},
        )
        largest = difficulty == 4
        p = q.part(
            "a",
            "Calculate the largest angle of the triangle." if largest else "Calculate angle $BAC$.",
            marks=3,
            command="Calculate",
        )
        if largest:
            p.step(
                f"The largest angle is opposite the longest side, $BC = {number(a)}$ cm: angle $BAC$.",
                None,
            )
        p.step(
            f"$\\cos A = \\frac{{{number(b)}^2 + {number(c)}^2 - {number(a)}^2}}{{2 \\times {number(b)} \\times "
            f"{number(c)}}} = {approx(q.value_of(cos_a), dots=True)}$",
            cos_a,
        )
        ans = Working(q, angle)
        p.step(f"Angle $BAC = {rounded(ans.value, ANGLE)}^\\circ$", angle)
        method(
            p,
            Working(q, cos_a),
            f"$\\cos A = \\frac{{{number(b)}^2 + {number(c)}^2 - {number(a)}^2}}{{2 \\times {number(b)} "
            f"\\times {number(c)}}}$",
            step="",
            partial=[
                f"M1 for ${number(a)}^2 = {number(b)}^2 + {number(c)}^2 - 2 \\times {number(b)} \\times {number(c)} \\cos A$"
            ],
            count=2,
        )
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle BAC")
        misconception(
            p,
            Misconception(
                "used a calculator in radian mode", acos(q.value_of(cos_a)), (cos_a,), accuracy=SF3
            ),
        )
        misconception(
            p, Misconception("found angle ABC instead", "acosd((a**2 + c**2 - b**2)/(2*a*c))")
        )
        if largest:
            slip = approx(-q.value_of(cos_a), SF3, dots=True).replace("\\ldots", "")
            misconception(p, Misconception(f"sign error: used cos A = +{slip}", "180 - " + angle))
        _area_part(q, "b", "b", "c", angle, (number(b), number(c), "A"))
