"""Angles in triangles (syllabus 4.6) with reasons, and naming types of angle (4.1)."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import (
    Misconception,
    Working,
    alternative,
    final,
    method,
    misconception,
    wrong,
)
from generation.engine.authoring.angles import DEGREES, linear_givens, reason_part, words_latex
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.text import degrees
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import plain
from generation.engine.templates.geometry.angles import equation_parts, linear_latex
from questions.schemas import CalculatorPolicy, Tier


def _triangle_figure(
    base_angle_b: float, base_angle_c: float, labels: dict[str, str], *, isosceles: bool
) -> str:
    """Triangle ABC (A at the top) with BC extended to D; ``labels`` maps "A", "B", "C" (the
    interior angles) and "D" (the exterior angle ACD) to the text drawn in them."""
    tb, tc = math.tan(math.radians(base_angle_b)), math.tan(math.radians(base_angle_c))
    width = 220.0
    # A = (x, y) with y = x*tb = (width - x)*tc.
    x = width * tc / (tb + tc)
    a, b, c = (x, x * tb), (0.0, 0.0), (width, 0.0)
    if a[1] > 260:
        scale = 260 / a[1]
        a, c = (a[0] * scale, a[1] * scale), (width * scale, 0.0)
    d = (c[0] + 90.0, 0.0)
    fig = Figure("Triangle ABC with side BC extended to D")
    fig.polygon([a, b, c]).line(c, d)
    if isosceles:
        fig.ticks(a, b).ticks(a, c)
    dir_ab = math.degrees(math.atan2(a[1] - b[1], a[0] - b[0]))
    dir_ca = math.degrees(math.atan2(a[1] - c[1], a[0] - c[0]))
    dir_ab_from_a = (dir_ab + 180) % 360
    dir_ac_from_a = (dir_ca + 180) % 360
    if "B" in labels:
        fig.angle(b, 0, dir_ab, labels["B"])
    if "C" in labels:
        fig.angle(c, dir_ca, 180, labels["C"])
    if "A" in labels:
        fig.angle(a, dir_ab_from_a, dir_ac_from_a, labels["A"], radius=18)
    if "D" in labels:
        fig.angle(c, 0, dir_ca, labels["D"], radius=18)
    fig.label(a, "A", 90).label(b, "B", 225).label(c, "C", 300).label(d, "D", 270)
    return fig.svg()


@register
class TriangleAngles(Template):
    key = "geometry.triangle_angles"
    title = "Angles in triangles and on a straight line"
    codes = {Tier.CORE: ("C4.6", "C4.1"), Tier.EXTENDED: ("E4.6", "E4.1")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Angles in a triangle"
        if difficulty <= 3:
            self._isosceles(q, rng, difficulty)
        else:
            self._algebra(q, rng, exterior=difficulty == 5)

    def _isosceles(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        stem = "In the diagram, $ABC$ is a triangle with $AB = AC$ and $BCD$ is a straight line."
        if difficulty == 1:
            b = rng.choice([v for v in range(40, 78) if v != 60])
            q.given("b", b)
            q.stem = f"{stem} Angle $ABC = {degrees(b)}$."
            q.diagram_svg = _triangle_figure(b, b, {"B": f"{b}°"}, isosceles=True)
            part = q.part("a", "Work out the size of angle $BAC$.", marks=2, command="Work out")
            part.step(f"Angle $ACB$ = angle $ABC = {degrees(b)}$ (isosceles triangle)", "b")
            apex = Working(q, "180 - 2*b")
            method(part, apex, lhs="\\text{Angle } BAC")
            final(part, apex, unit=DEGREES, step="")
            misconception(
                part, Misconception("subtracted only one base angle from 180°", "180 - b")
            )
            part = q.part("b(i)", "Work out the size of angle $ACD$.", marks=1, command="Work out")
            exterior = Working(q, "180 - b")
            final(part, exterior, unit=DEGREES, step=exterior.equation("\\text{Angle } ACD"))
            misconception(part, Misconception("gave angle ACB, not the angle beside it", "b"))
            reason_part(q, "b(ii)", "straight")
            part = q.part(
                "c",
                "Write down the mathematical name for the type of angle that angle $ACD$ is.",
                marks=1,
                command="Write down",
            )
            part.step(f"Angle $ACD = {180 - b}^\\circ$, between $90^\\circ$ and $180^\\circ$.")
            part.answer(None, kind="text", plain="obtuse", latex=words_latex("obtuse"))
            part.mark("B", "obtuse")
            return

        if difficulty == 2:
            a = rng.choice([v for v in range(24, 121, 2) if v != 60])
            base = (180 - a) // 2
            q.given("a", a)
            q.stem = f"{stem} Angle $BAC = {degrees(a)}$."
            q.diagram_svg = _triangle_figure(base, base, {"A": f"{a}°"}, isosceles=True)
            part = q.part("a", "Work out the size of angle $ABC$.", marks=2, command="Work out")
            angle = Working(q, "(180 - a)/2", latex=f"(180 - {a}) \\div 2")
            method(part, angle, lhs="\\text{Angle } ABC")
            final(part, angle, unit=DEGREES, step="")
            alternative(part, Working(q, "90 - a/2"), answer=angle)
            misconception(
                part, Misconception("did not halve: gave the two base angles together", "180 - a")
            )
            part = q.part("b(i)", "Work out the size of angle $ACD$.", marks=1, command="Work out")
            exterior = Working(q, "180 - (180 - a)/2", latex=f"180 - {base}")
            final(
                part,
                exterior,
                unit=DEGREES,
                step=exterior.equation("\\text{Angle } ACD"),
                qualifiers=["FT"],
            )
            misconception(part, Misconception("used angle BAC instead of angle ACB", "180 - a"))
            reason_part(q, "b(ii)", "straight")
            return

        e = rng.choice(list(range(100, 171, 2)))
        base = 180 - e
        q.given("e", e)
        q.stem = f"{stem} Angle $ACD = {degrees(e)}$."
        q.diagram_svg = _triangle_figure(base, base, {"D": f"{e}°"}, isosceles=True)
        part = q.part("a(i)", "Find angle $ACB$.", marks=1, command="Work out")
        inside = Working(q, "180 - e")
        final(part, inside, unit=DEGREES, step=inside.equation("\\text{Angle } ACB"))
        reason_part(q, "a(ii)", "straight")
        part = q.part("b", "Find angle $BAC$.", marks=2, command="Work out")
        part.step(f"Angle $ABC$ = angle $ACB = {degrees(base)}$ (isosceles triangle)", "180 - e")
        apex = Working(q, "180 - 2*(180 - e)", latex=f"180 - 2 \\times {base}")
        method(
            part,
            apex,
            f"${apex.substituted}$, FT their (a)(i)",
            lhs="\\text{Angle } BAC",
            qualifiers=["oe", "FT"],
        )
        final(part, apex, unit=DEGREES, step="")
        # The exterior angle ACD is the sum of the interior opposite angles BAC and ABC.
        alternative(part, Working(q, "e - (180 - e)", latex=f"{e} - {base}"), answer=apex)
        misconception(part, Misconception("used only one base angle in the angle sum", "e"))

    def _algebra(self, q: QuestionBuilder, rng: random.Random, *, exterior: bool) -> None:
        for _ in range(80):
            x0 = rng.randint(10, 30)
            pa, pb = rng.choice([1, 2, 3]), rng.choice([1, 2, 3, 4])
            ca, cb = rng.choice(range(-20, 41, 5)), rng.choice(range(-20, 41, 5))
            angle_a, angle_b = pa * x0 + ca, pb * x0 + cb
            angle_c = 180 - angle_a - angle_b
            # A wide apex angle leaves room in the figure for its label.
            if not (angle_a >= 50 and min(angle_b, angle_c) >= 30 and max(angle_b, angle_c) <= 85):
                continue
            if exterior:
                pc = pa + pb + rng.choice([2, 3])
                cc = (angle_a + angle_b) - pc * x0
            else:
                pc = rng.choice([v for v in (1, 2, 3, 4, 5) if v != pa + pb])
                cc = angle_c - pc * x0
            if abs(cc) <= 60 and cc != 0 and ca != 0:
                break
        else:
            raise Reject("no angles in range")
        q.param("x", x0)
        # Only printed numbers are givens: no coefficient 1, no constant 0, constants by size.
        pa_m, ka = linear_givens(q, "pa", pa, "ca", ca)
        pb_m, kb = linear_givens(q, "pb", pb, "cb", cb)
        pc_m, kc = linear_givens(q, "pc", pc, "cc", cc)
        a_m, b_m, c_m = (f"{p}*x + {k}" for p, k in ((pa_m, ka), (pb_m, kb), (pc_m, kc)))
        la, lb, lc = linear_latex(pa, ca), linear_latex(pb, cb), linear_latex(pc, cc)
        labels = {"A": f"({la})°", "B": f"({lb})°"}
        if exterior:
            labels["D"] = f"({lc})°"
            relation = f"Eq({c_m}, {a_m} + {b_m})"
            relation_latex = f"{lc} = {la} + {lb}"
            rearranged = f"{ka} + {kb} - {kc}"
            rearranged_latex = f"{pc - pa - pb}x = {ca + cb - cc}"
            x_form = f"({ka} + {kb} - {kc})/({pc_m} - {pa_m} - {pb_m})"
            stem = (
                f"In triangle $ABC$, $BCD$ is a straight line. Angle $BAC = ({la})^\\circ$, "
                f"angle $ABC = ({lb})^\\circ$ and angle $ACD = ({lc})^\\circ$."
            )
            slip = sympy.Rational(180 - ca - cb - cc, pa + pb + pc)
            slip_error = "added all three angles to make 180° (ACD is an exterior angle)"
            slip_working = []
        else:
            labels["C"] = f"({lc})°"
            relation = f"Eq({a_m} + {b_m} + {c_m}, 180)"
            relation_latex = f"{la} + {lb} + {lc} = 180"
            rearranged = f"180 - {ka} - {kb} - {kc}"
            rearranged_latex = f"{pa + pb + pc}x = {180 - ca - cb - cc}"
            x_form = f"(180 - {ka} - {kb} - {kc})/({pa_m} + {pb_m} + {pc_m})"
            stem = (
                f"In triangle $ABC$, angle $BAC = ({la})^\\circ$, angle $ABC = ({lb})^\\circ$ "
                f"and angle $ACB = ({lc})^\\circ$."
            )
            slip = sympy.Rational(180 + ca + cb + cc, pa + pb + pc)
            slip_error = "sign error: added the constant terms to 180 instead of subtracting"
            slip_working = [relation]
        q.stem = stem
        angle_c = 180 - angle_a - angle_b
        q.diagram_svg = _triangle_figure(angle_b, angle_c, labels, isosceles=False)
        slips: list[tuple[str, str, list[str]]] = []
        if slip != x0 and slip > 0:
            slips.append((plain(slip), slip_error, slip_working))
        equation_parts(
            q, "a", relation_latex, relation, rearranged_latex, rearranged, x0, x_form, slips
        )
        if exterior:
            acd = c_m.replace("x", f"({x_form})")
            size = f"180 - ({acd})"
            part = q.part("b", "Work out the size of angle $ACB$.", marks=2, command="Work out")
            part.step(
                f"Angle $ACD = {pc} \\times {x0} {'+' if cc > 0 else '-'} {abs(cc)} = {angle_a + angle_b}$",
                acd,
            )
            part.step(f"Angle $ACB = 180 - {angle_a + angle_b} = {angle_c}$", size)
            part.answer(size, unit=DEGREES)
            part.mark(
                "M",
                f"$180 - {angle_a + angle_b}$",
                value=size,
                partial=["M1 for 180 − their angle ACD"],
            )
            part.mark("A", f"${angle_c}$", value=size, qualifiers=["FT"])
            wrong(part, str(angle_a + angle_b), "gave angle ACD instead of angle ACB")
            return
        sizes = [
            (m.replace("x", f"({x_form})"), v)
            for m, v in ((a_m, angle_a), (b_m, angle_b), (c_m, angle_c))
        ]
        sizes.sort(key=lambda item: item[1])
        if sizes[-1][1] == sizes[-2][1]:
            raise Reject("two angles share the largest size")
        m_form, value = sizes[-1]
        part = q.part(
            "b",
            "Work out the size of the largest angle in the triangle.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"The angles are ${degrees(angle_a)}$, ${degrees(angle_b)}$ and ${degrees(angle_c)}$."
        )
        part.step(f"The largest angle is ${degrees(value)}$.", m_form)
        part.answer(m_form, unit=DEGREES)
        part.mark("B", f"${value}$", value=m_form, qualifiers=["FT"])
        wrong(part, str(x0), "gave the value of x, not the angle")
