"""Circle theorems I for Extended (syllabus E4.7): angle at the centre, angles in the same
segment, the cyclic quadrilateral and the alternate segment theorem, with reasons."""

from __future__ import annotations

import math
import random

from generation.engine.authoring import wrong
from generation.engine.authoring.angles import DEGREES, reason_part
from generation.engine.authoring.figures import Figure, direction, polar
from generation.engine.authoring.text import degrees
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.geometry.circles import (
    CENTRE,
    RADIUS,
    angle_part,
    mark_angle,
    on_circle,
    sentence,
)
from questions.schemas import CalculatorPolicy, Tier


@register
class CircleTheorems(Template):
    key = "geometry.circle_theorems"
    title = "Circle theorems: centre, same segment, cyclic quadrilateral, alternate segment"
    codes = {Tier.EXTENDED: ("E4.7",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Circle theorems"
        # Arcs AB, BC, CD, DA (central angles); B is on the major arc AC, so angle AOC < 180.
        for _ in range(200):
            p, qq, r = (2 * rng.randint(22, 70) for _ in range(3))
            s = 360 - p - qq - r
            if s >= 44 and r + s < 170 and 70 <= p <= 140:
                break
        else:
            raise Reject("no quadrilateral")
        abc, adc, bac, acb = (r + s) // 2, (p + qq) // 2, qq // 2, p // 2
        q.param("arcs", f"{p},{qq},{r},{s}")
        theta_a = 250.0
        pa, pb, pc, pd = (on_circle(theta_a + t) for t in (0, p, p + qq, p + qq + r))
        fig = Figure("Points A, B, C and D on a circle, centre O", size=280)
        fig.circle(CENTRE, RADIUS).dot(CENTRE).label(CENTRE, "O", 90, 12)
        fig.polygon([pa, pb, pc, pd])
        for pt, name in ((pa, "A"), (pb, "B"), (pc, "C"), (pd, "D")):
            fig.label(pt, name, direction(CENTRE, pt), 14)
        t_pt = pa
        if difficulty >= 3:
            t_pt, s_pt = polar(pa, 130, theta_a + 90), polar(pa, 130, theta_a - 90)
            if math.dist(t_pt, pb) > math.dist(s_pt, pb):
                t_pt, s_pt = s_pt, t_pt  # T is on the same side as B
            fig.line(s_pt, t_pt)
            fig.label(t_pt, "T", direction(pa, t_pt), 12).label(s_pt, "S", direction(pa, s_pt), 12)
        facts = []
        if difficulty <= 3:
            q.given("b", abc)
            mark_angle(fig, pb, pa, pc, f"{abc}°")
            facts.append(f"angle $ABC = {degrees(abc)}$")
        if difficulty <= 2:
            fig.line(CENTRE, pa).line(CENTRE, pc)
        if difficulty == 2:
            q.given("e", bac)
            fig.line(pa, pc).line(pb, pd)
            mark_angle(fig, pa, pb, pc, f"{bac}°", radius=28)
            facts.append(f"angle $BAC = {degrees(bac)}$")
        if difficulty >= 3:
            q.given("t", acb)
            mark_angle(fig, pa, t_pt, pb, f"{acb}°", radius=24)
            facts.append(f"angle $TAB = {degrees(acb)}$")
        if difficulty == 3:
            fig.line(pa, pc)
        if difficulty >= 4:
            q.given("d", bac)
            fig.line(pb, pd)
            mark_angle(fig, pd, pb, pc, f"{bac}°", radius=24)
            facts.append(f"angle $BDC = {degrees(bac)}$")
        if difficulty == 5:
            fig.line(CENTRE, pa).line(CENTRE, pb)
        q.diagram_svg = fig.svg()
        stem = "$A$, $B$, $C$ and $D$ lie on a circle, centre $O$."
        if difficulty >= 3:
            stem += " $TS$ is the tangent to the circle at $A$."
        q.stem = f"{stem} {sentence(facts)}"

        if difficulty <= 2:
            angle_part(
                q,
                "a(i)",
                "Find angle $AOC$.",
                "2*b",
                2 * abc,
                f"Angle $AOC = 2 \\times {abc} = {2 * abc}$",
                wrongs=(
                    (abc, "did not double the angle at the circumference"),
                    (180 - abc, "treated AOC and ABC as supplementary"),
                ),
            )
            reason_part(q, "a(ii)", "centre")
            angle_part(
                q,
                "b(i)",
                "Find angle $ADC$.",
                "180 - b",
                adc,
                f"Angle $ADC = 180 - {abc} = {adc}$",
                wrongs=((abc, "thought opposite angles are equal"),),
            )
            reason_part(q, "b(ii)", "cyclic")
        if difficulty == 2:
            angle_part(
                q,
                "c(i)",
                "Find angle $BDC$.",
                "e",
                bac,
                f"Angle $BDC$ = angle $BAC = {degrees(bac)}$",
                wrongs=((180 - bac, "thought the angles add up to 180°"),),
            )
            reason_part(q, "c(ii)", "segment")
        if difficulty == 3:
            angle_part(
                q,
                "a(i)",
                "Find angle $ACB$.",
                "t",
                acb,
                f"Angle $ACB$ = angle $TAB = {degrees(acb)}$",
                wrongs=((90 - acb, "used the angle between the tangent and the radius"),),
            )
            reason_part(q, "a(ii)", "alternate segment")
            angle_part(
                q,
                "b",
                "Find angle $BAC$.",
                "180 - b - t",
                bac,
                f"Angle $BAC = 180 - {abc} - {acb} = {bac}$",
                method=f"$180 - {abc} - {acb}$",
                wrongs=((180 - abc, "left out angle ACB"),),
            )
            angle_part(
                q,
                "c",
                "Find angle $ADC$.",
                "180 - b",
                adc,
                f"Angle $ADC = 180 - {abc} = {adc}$ (cyclic quadrilateral)",
                wrongs=((abc, "thought opposite angles are equal"),),
            )
        if difficulty >= 4:
            angle_part(
                q,
                "a(i)",
                "Find angle $ADB$.",
                "t",
                acb,
                f"Angle $ADB$ = angle $TAB = {degrees(acb)}$",
                wrongs=((180 - acb, "thought the angles add up to 180°"),),
            )
            reason_part(q, "a(ii)", "alternate segment")
            part = q.part("b", "Find angle $ABC$.", marks=3, command="Work out")
            part.step(f"Angle $ADC = {acb} + {bac} = {adc}$", "t + d")
            part.step(
                f"Angle $ABC = 180 - {adc} = {abc}$ (opposite angles of a cyclic quadrilateral)",
                "180 - (t + d)",
            )
            part.answer("180 - (t + d)", unit=DEGREES)
            part.mark(
                "M",
                f"angle $ADC = {acb} + {bac}$",
                value="t + d",
                partial=["M1 for their angle ADB added to angle BDC"],
            )
            part.mark("M", f"$180 - {adc}$", value="180 - (t + d)", qualifiers=["dep"])
            part.mark("A", f"${abc}$", value="180 - (t + d)")
            wrong(
                part,
                str(adc),
                "gave angle ADC (did not use the cyclic quadrilateral)",
                working=["t + d"],
            )
            wrong(part, str(180 - bac), "used only angle BDC")
        if difficulty == 5:
            angle_part(
                q,
                "c",
                "Find angle $OAB$.",
                "(180 - 2*t)/2",
                90 - acb,
                f"Angle $AOB = 2 \\times {acb} = {2 * acb}$ (angle at the centre) and "
                f"$OA = OB$, so angle $OAB = (180 - {2 * acb}) \\div 2 = {90 - acb}$",
                method=f"$(180 - 2 \\times {acb}) \\div 2$",
                wrongs=((acb, "used the tangent-chord angle"), (180 - 2 * acb, "did not halve")),
            )
