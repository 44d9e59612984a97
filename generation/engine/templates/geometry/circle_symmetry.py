"""Circle theorems II (syllabus E4.8): tangents from an external point are equal, and the
perpendicular from the centre to a chord bisects it (equal chords are equidistant)."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    wrong,
)
from generation.engine.authoring.angles import reason_part
from generation.engine.authoring.figures import Figure, direction
from generation.engine.authoring.text import degrees
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import display, number
from generation.engine.templates.geometry.circles import (
    CENTRE,
    RADIUS,
    angle_part,
    mark_angle,
    on_circle,
)
from questions.schemas import Accuracy, CalculatorPolicy, CommandWord, Tier


@register
class CircleChordsTangents(Template):
    key = "geometry.circle_chords_tangents"
    title = "Circle symmetry: equal tangents and the perpendicular from the centre to a chord"
    codes = {Tier.EXTENDED: ("E4.8",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty in (1, 2, 4):
            self._tangents(q, rng, difficulty)
        else:
            self._chord(q, rng, difficulty)

    def _tangents(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Tangents from a point"
        t = rng.choice(range(30, 111, 2)) if difficulty == 2 else 70
        dist = RADIUS / math.sin(math.radians(t / 2))
        p = (dist, 0.0)
        pa, pb = on_circle(90 - t / 2), on_circle(t / 2 - 90)
        fig = Figure("Two tangents from P touching the circle at A and B", size=300)
        fig.circle(CENTRE, RADIUS).dot(CENTRE).label(CENTRE, "O", 180, 12)
        fig.line(p, pa).line(p, pb).line(CENTRE, pa).line(CENTRE, pb)
        fig.label(p, "P", 0, 12).label(pa, "A", 90, 14).label(pb, "B", 270, 14)
        stem = "$PA$ and $PB$ are tangents to the circle, centre $O$, at $A$ and $B$."
        if difficulty == 1:
            length = rng.choice([sympy.Rational(13, 2), 7, 8, sympy.Rational(19, 2), 11, 12])
            q.given("L", length, unit="cm")
            q.diagram_svg = fig.svg()
            q.stem = f"{stem} $PA = {number(length)}$ cm."
            part = q.part("a(i)", "Write down the length of $PB$.", marks=1, command="Write down")
            part.step(f"$PB = PA = {number(length)}$ cm", "L")
            part.answer("L", unit="cm")
            part.mark("B", f"${number(length)}$", value="L")
            reason_part(q, "a(ii)", "tangents")
            angle_part(
                q,
                "b(i)",
                "Write down the size of angle $OAP$.",
                "90",
                90,
                "Angle $OAP = 90^\\circ$",
                command=CommandWord.WRITE_DOWN,
            )
            reason_part(q, "b(ii)", "tangent")
            return
        if difficulty == 2:
            q.given("t", t)
            fig.line(pa, pb)
            mark_angle(fig, p, pa, pb, f"{t}°", radius=22)
            q.diagram_svg = fig.svg()
            q.stem = f"{stem} Angle $APB = {degrees(t)}$."
            angle_part(
                q,
                "a",
                "Work out angle $AOB$.",
                "360 - 90 - 90 - t",
                180 - t,
                f"In quadrilateral $OAPB$, angles $OAP$ and $OBP$ are $90^\\circ$: "
                f"$360 - 90 - 90 - {t} = {180 - t}$",
                method=f"$360 - 90 - 90 - {t}$ oe",
                wrongs=(
                    (360 - t, "left out the two right angles"),
                    (t, "thought angle AOB equals angle APB"),
                ),
            )
            angle_part(
                q,
                "b(i)",
                "Work out angle $PAB$.",
                "(180 - t)/2",
                (180 - t) // 2,
                f"$PA = PB$, so triangle $PAB$ is isosceles: $(180 - {t}) \\div 2 = "
                f"{(180 - t) // 2}$",
                method=f"$(180 - {t}) \\div 2$",
                second_route=Working(q, "90 - t/2", latex=f"90 - {t} \\div 2"),
                wrongs=((180 - t, "did not halve"),),
            )
            reason_part(
                q, "b(ii)", "tangents", "Give a geometrical reason why triangle $PAB$ is isosceles."
            )
            return
        # Difficulty 4: lengths, with a calculator.
        r, op = rng.choice([(5, 13), (8, 17), (7, 25), (9, 15), (6, 10), (5, 9), (7, 12), (4, 11)])
        q.given("r", r, unit="cm")
        q.given("d", op, unit="cm")
        q.diagram_svg = fig.svg()
        q.stem = f"{stem} The radius of the circle is ${r}$ cm and $OP = {op}$ cm."
        part = q.part(
            "a", "Calculate the length of $PA$.", marks=3, command="Calculate", calculator="allowed"
        )
        part.step("Angle $OAP = 90^\\circ$ (the tangent is perpendicular to the radius).")
        squares = Working(q, "d**2 - r**2", latex=f"{op}^2 - {r}^2")
        method(
            part,
            squares,
            lhs="PA^2",
            partial=["M1 implies the right angle at A was used"],
        )
        length = Working(q, "sqrt(d**2 - r**2)", latex=f"\\sqrt{{{op * op - r * r}}}")
        method(part, length, qualifiers=["dep"], step=f"$PA = {length.substituted}$")
        final(
            part,
            length,
            accuracy=Accuracy.SF3,
            unit="cm",
            step=f"$PA \\approx {length.shown(Accuracy.SF3)[1]}$",
            qualifiers=["awrt"],
        )
        shown = part.answers[-1]
        misconception(
            part,
            Misconception("added the squares although OP is the hypotenuse", "sqrt(d**2 + r**2)"),
        )
        misconception(
            part,
            Misconception(
                "forgot to take the square root",
                "d**2 - r**2",
                ("d**2 - r**2",),
                accuracy=Accuracy.EXACT,
            ),
        )
        part = q.part(
            "b",
            "Calculate the area of the quadrilateral $OAPB$.",
            marks=2,
            command="Calculate",
            calculator="allowed",
        )
        area = "r*sqrt(d**2 - r**2)"
        shown_area = part.answer(area, accuracy=Accuracy.SF3, unit="cm^2")
        part.step(
            f"Two congruent right-angled triangles: $2 \\times \\frac{{1}}{{2}} \\times {r} "
            f"\\times {shown.latex} = {shown_area.latex}$",
            area,
        )
        part.mark(
            "M",
            f"$2 \\times \\frac{{1}}{{2}} \\times {r} \\times$ their $PA$",
            value=area,
            qualifiers=["FT"],
        )
        part.mark("A", f"${shown_area.latex}$", value=area, qualifiers=["awrt"])
        wrong(
            part,
            display(sympy.Rational(r, 2) * sympy.sqrt(op * op - r * r), Accuracy.SF3)[0],
            "found the area of only one triangle",
        )

    def _chord(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Chords of a circle"
        if difficulty == 3:
            r, half, dist = rng.choice(
                [
                    (5, 4, 3),
                    (10, 8, 6),
                    (13, 12, 5),
                    (10, 6, 8),
                    (17, 15, 8),
                    (13, 5, 12),
                    (25, 24, 7),
                    (15, 12, 9),
                ]
            )
        else:
            r = rng.randint(6, 15)
            dist = rng.randint(2, r - 2)
        theta = math.degrees(math.acos(dist / r))
        pa, pb = on_circle(270 - theta), on_circle(270 + theta)
        m = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
        fig = Figure("A chord AB of a circle, centre O, with M the midpoint of AB", size=260)
        fig.circle(CENTRE, RADIUS).dot(CENTRE).label(CENTRE, "O", 90, 12)
        fig.line(pa, pb).line(CENTRE, m).dot(m).right_angle(m, 0, 90)
        fig.label(pa, "A", direction(CENTRE, pa), 14).label(pb, "B", direction(CENTRE, pb), 14)
        fig.label(m, "M", 270, 14)
        q.diagram_svg = fig.svg()
        if difficulty == 3:
            q.given("r", r, unit="cm")
            q.given("c", 2 * half, unit="cm")
            q.stem = (
                f"$AB$ is a chord of a circle, centre $O$, radius ${r}$ cm. $AB = {2 * half}$ cm "
                "and $M$ is the point on $AB$ such that $OM$ is perpendicular to $AB$."
            )
            part = q.part("a", "Write down the length of $AM$.", marks=1, command="Write down")
            part.step(
                f"The perpendicular from the centre bisects the chord: "
                f"$AM = {2 * half} \\div 2 = {half}$ cm",
                "c/2",
            )
            part.answer("c/2", unit="cm")
            part.mark("B", f"${half}$", value="c/2")
            wrong(part, str(2 * half), "did not halve the chord")
            part = q.part("b", "Work out the length of $OM$.", marks=2, command="Work out")
            part.step(f"$OM^2 = {r}^2 - {half}^2 = {dist * dist}$", "r**2 - (c/2)**2")
            part.step(f"$OM = \\sqrt{{{dist * dist}}} = {dist}$ cm", "sqrt(r**2 - (c/2)**2)")
            part.answer("sqrt(r**2 - (c/2)**2)", unit="cm")
            part.mark("M", f"${r}^2 - {half}^2$", value="r**2 - (c/2)**2", qualifiers=["FT"])
            part.mark("A", f"${dist}$", value="sqrt(r**2 - (c/2)**2)")
            wrong(
                part,
                str(dist * dist),
                "forgot to take the square root",
                working=["r**2 - (c/2)**2"],
            )
            wrong(
                part,
                display(sympy.sqrt(r * r + half * half), Accuracy.EXACT)[0],
                "added the squares although OA is the hypotenuse",
            )
            return
        q.given("r", r, unit="cm")
        q.given("h", dist, unit="cm")
        q.stem = (
            f"$AB$ is a chord of a circle, centre $O$, radius ${r}$ cm. $M$ is the midpoint of "
            f"$AB$ and $OM = {dist}$ cm."
        )
        part = q.part(
            "a",
            "Calculate the length of the chord $AB$.",
            marks=3,
            command="Calculate",
            calculator="allowed",
        )
        part.step(
            "$OM$ is perpendicular to $AB$ (the line from the centre to the midpoint of a "
            "chord is its perpendicular bisector)."
        )
        part.step(f"$AM^2 = {r}^2 - {dist}^2 = {r * r - dist * dist}$", "r**2 - h**2")
        chord = "2*sqrt(r**2 - h**2)"
        shown = part.answer(chord, accuracy=Accuracy.SF3, unit="cm")
        part.step(f"$AB = 2 \\times \\sqrt{{{r * r - dist * dist}}} = {shown.latex}$", chord)
        part.mark("M", f"${r}^2 - {dist}^2$", value="r**2 - h**2")
        part.mark(
            "M", f"$2 \\times \\sqrt{{{r * r - dist * dist}}}$", value=chord, qualifiers=["dep"]
        )
        part.mark("A", f"${shown.latex}$", value=chord, qualifiers=["awrt"])
        wrong(
            part,
            display(sympy.sqrt(r * r - dist * dist), Accuracy.SF3)[0],
            "found AM but did not double it",
            working=["r**2 - h**2"],
        )
        wrong(
            part,
            display(2 * sympy.sqrt(r * r + dist * dist), Accuracy.SF3)[0],
            "added the squares although OA is the hypotenuse",
        )
        part = q.part(
            "b(i)",
            "$CD$ is another chord of the circle with the same length as $AB$. Write down the "
            "distance of $CD$ from $O$.",
            marks=1,
            command="Write down",
            calculator="allowed",
        )
        part.step(f"Equal chords are the same distance from the centre: ${dist}$ cm", "h")
        part.answer("h", unit="cm")
        part.mark("B", f"${dist}$", value="h")
        reason_part(q, "b(ii)", "chords", calculator="allowed")
