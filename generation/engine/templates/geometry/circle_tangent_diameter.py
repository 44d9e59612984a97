"""A tangent from an external point and the diameter through it (syllabus 4.7), with reasons:
the tangent-radius angle, the angle in a semicircle and the isosceles triangle of two radii
(Core); the angle at the centre is twice the angle at the circumference and angles in the same
segment (Extended).

T is outside a circle, centre O; TA touches the circle at A; the line TO meets the circle at B
and, extended, at C, so BC is a diameter. Angle ATO = t is given; then angle AOT = 90 - t and
angle ACB = (90 - t) / 2, whichever route is taken."""

from __future__ import annotations

import math
import random

from generation.engine.authoring import wrong
from generation.engine.authoring.angles import DEGREES, reason_part
from generation.engine.authoring.figures import Figure, direction
from generation.engine.authoring.text import degrees
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.geometry.circles import (
    CENTRE,
    RADIUS,
    angle_part,
    mark_angle,
    on_circle,
)
from questions.schemas import CalculatorPolicy, CommandWord, Tier


@register
class CircleTangentDiameter(Template):
    key = "geometry.circle_tangent_diameter"
    title = "Circle properties and theorems: a tangent from a point and the diameter through it"
    codes = {Tier.CORE: ("C4.7",), Tier.EXTENDED: ("E4.7",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Tangent and diameter"
        extended = q.tier == Tier.EXTENDED
        t = rng.choice(range(32, 51, 2))  # T far enough out to mark its angle
        q.given("t", t)
        aot, acb = 90 - t, (90 - t) // 2
        with_d = extended and difficulty >= 4
        # Figure: O at the origin, T on the right; A above, where the tangent from T touches.
        dist = RADIUS / math.sin(math.radians(t))
        pt = (dist, 0.0)
        pa, pb, pc = on_circle(aot), on_circle(0), on_circle(180)
        fig = Figure("A circle, centre O, with the tangent TA and the diameter CB", size=320)
        fig.circle(CENTRE, RADIUS).dot(CENTRE).label(CENTRE, "O", 270, 12)
        fig.line(pc, pt).line(pa, pt).line(CENTRE, pa)
        if difficulty >= 2:
            fig.line(pa, pb).line(pa, pc)
        pd = on_circle(rng.randint(235, 290))
        if with_d:
            fig.line(pd, pa).line(pd, pb)
        for p, name in ((pa, "A"), (pc, "C"), (pd, "D")):
            if name != "D" or with_d:
                fig.label(p, name, direction(CENTRE, p), 14)
        fig.label(pb, "B", 300, 14).label(pt, "T", 0, 12)
        mark_angle(fig, pt, pa, CENTRE, f"{t}°", radius=34)
        q.diagram_svg = fig.svg()
        stem = (
            "$A$, $B$ and $C$ are points on a circle, centre $O$. $TA$ is the tangent to the "
            "circle at $A$ and $CBT$ is a straight line through $O$, so $BC$ is a diameter. "
        )
        if with_d:
            stem = stem.replace("$A$, $B$ and $C$", "$A$, $B$, $C$ and $D$")
        q.stem = stem + f"Angle $ATO = {degrees(t)}$."

        if difficulty <= 2:
            angle_part(
                q,
                "a(i)",
                "Write down the size of angle $OAT$.",
                "90",
                90,
                "Angle $OAT = 90^\\circ$",
                command=CommandWord.WRITE_DOWN,
                wrongs=((t, "thought angle OAT equals angle ATO"),),
            )
            reason_part(q, "a(ii)", "tangent")
        if difficulty < 5:
            angle_part(
                q,
                "b" if difficulty <= 2 else "a",
                "Work out angle $AOT$.",
                "180 - 90 - t",
                aot,
                f"Angle $OAT = 90^\\circ$, so angle $AOT = 180 - 90 - {t} = {aot}$",
                method=f"$180 - 90 - {t}$",
                wrongs=((180 - t, "left out the right angle at A"), (2 * t, "doubled angle ATO")),
            )
        if difficulty == 2:
            angle_part(
                q,
                "c(i)",
                "Write down the size of angle $BAC$.",
                "90",
                90,
                "Angle $BAC = 90^\\circ$",
                command=CommandWord.WRITE_DOWN,
            )
            reason_part(q, "c(ii)", "semicircle")
        if difficulty in (3, 4):
            if extended:
                angle_part(
                    q,
                    "b(i)",
                    "Work out angle $ACB$.",
                    "(180 - 90 - t)/2",
                    acb,
                    f"Angle $ACB = \\frac{{1}}{{2}} \\times$ angle $AOB = {aot} \\div 2 = {acb}$",
                    method=f"${aot} \\div 2$",
                    wrongs=((aot, "did not halve the angle at the centre"),),
                )
                reason_part(q, "b(ii)", "centre")
            else:
                angle_part(
                    q,
                    "b(i)",
                    "Work out angle $OCA$.",
                    "(180 - (180 - (180 - 90 - t)))/2",
                    acb,
                    f"Angle $AOC = 180 - {aot} = {180 - aot}$; $OA = OC$, so angle "
                    f"$OCA = (180 - {180 - aot}) \\div 2 = {acb}$",
                    method=f"$(180 - {180 - aot}) \\div 2$",
                    wrongs=((180 - aot, "gave angle AOC"), (aot, "did not halve")),
                )
                reason_part(q, "b(ii)", "radii")
            angle_part(
                q,
                "c(i)",
                "Work out angle $ABC$.",
                "90 - (180 - 90 - t)/2",
                90 - acb,
                f"Angle $BAC = 90^\\circ$, so angle $ABC = 180 - 90 - {acb} = {90 - acb}$",
                method=f"$180 - 90 - {acb}$",
                wrongs=((180 - acb, "left out the right angle at A"),),
            )
            reason_part(
                q, "c(ii)", "semicircle", "Give a geometrical reason why angle $BAC = 90^\\circ$."
            )
        if difficulty == 4 and extended:
            angle_part(
                q,
                "d(i)",
                "Write down the size of angle $ADB$.",
                "(180 - 90 - t)/2",
                acb,
                f"Angle $ADB$ = angle $ACB = {degrees(acb)}$",
                command=CommandWord.WRITE_DOWN,
                wrongs=((90 - acb, "gave angle ABC"),),
            )
            reason_part(q, "d(ii)", "segment")
        if difficulty == 4 and not extended:
            angle_part(
                q,
                "d",
                "Work out angle $CAT$.",
                "90 + (180 - 90 - t)/2",
                90 + acb,
                f"Angle $CAT$ = angle $CAO$ + angle $OAT = {acb} + 90 = {90 + acb}$",
                method=f"${acb} + 90$",
                wrongs=((acb, "left out the right angle OAT"),),
            )
        if difficulty == 5:
            target = "ADB" if extended else "OCA"
            part = q.part("a", f"Work out angle ${target}$.", marks=4, command="Work out")
            part.step("Angle $OAT = 90^\\circ$ (tangent and radius)", "90")
            part.step(f"Angle $AOT = 180 - 90 - {t} = {aot}$", "180 - 90 - t")
            if extended:
                part.step(
                    f"Angle $ACB = {aot} \\div 2 = {acb}$ (angle at the centre)",
                    "(180 - 90 - t)/2",
                )
                part.step(f"Angle $ADB$ = angle $ACB = {degrees(acb)}$ (same segment)")
            else:
                part.step(f"Angle $AOC = 180 - {aot} = {180 - aot}$", "180 - (180 - 90 - t)")
                part.step(
                    f"$OA = OC$, so angle $OCA = (180 - {180 - aot}) \\div 2 = {acb}$",
                    "(180 - 90 - t)/2",
                )
            part.answer("(180 - 90 - t)/2", unit=DEGREES)
            part.mark("M", "angle $OAT = 90$ seen", value="90")
            part.mark("M", f"angle $AOT = 180 - 90 - {t}$ oe", value="180 - 90 - t")
            if extended:
                part.mark("M", f"${aot} \\div 2$", value="(180 - 90 - t)/2", qualifiers=["dep"])
            else:
                part.mark(
                    "M",
                    f"$(180 - {180 - aot}) \\div 2$",
                    value="(180 - 90 - t)/2",
                    qualifiers=["dep"],
                )
            part.mark("A", f"${acb}$", value="(180 - 90 - t)/2")
            wrong(part, str(aot), "did not halve angle AOT", working=["90", "180 - 90 - t"])
            wrong(part, str(90 - acb), "gave angle ABC", working=["90", "180 - 90 - t"])
            reason_part(
                q,
                "b",
                "segment" if extended else "tangent",
                "Give a geometrical reason why angle $ADB$ = angle $ACB$."
                if extended
                else "Give a geometrical reason why angle $OAT = 90^\\circ$.",
            )
