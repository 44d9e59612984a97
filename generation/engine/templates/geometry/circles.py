"""Circle theorems (syllabus 4.7, E4.8) with reasons: the angle in a semicircle and the
tangent-radius angle (Core); angle at the centre, same segment, cyclic quadrilateral and the
alternate segment theorem (Extended); equal tangents and chords (E4.8). Circle vocabulary (4.1)."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import display, number
from generation.engine.templates.geometry.common import DEGREES, deg, reason_part, text_latex
from generation.engine.templates.geometry.diagram import Figure, direction, polar
from questions.schemas import Accuracy, CalculatorPolicy, CommandWord, Tier

CENTRE = (0.0, 0.0)
RADIUS = 100.0


def _on_circle(angle: float) -> tuple[float, float]:
    return polar(CENTRE, RADIUS, angle)


def _mark(
    fig: Figure,
    vertex: tuple[float, float],
    p: tuple[float, float],
    r: tuple[float, float],
    words: str,
    radius: float = 20.0,
) -> None:
    """Mark the (smaller) angle p-vertex-r with an arc and words."""
    d1, d2 = direction(vertex, p), direction(vertex, r)
    start, end = (d1, d2) if (d2 - d1) % 360 <= 180 else (d2, d1)
    fig.angle(vertex, start, end, words, radius=radius)


def _name_part(q: QuestionBuilder, label: str, line: str, name: str, why: str) -> None:
    part = q.part(
        label,
        f"Write down the mathematical name of the straight line ${line}$.",
        marks=1,
        command="Write down",
    )
    part.step(why)
    part.answer(None, kind="text", plain=name, latex=text_latex(name))
    part.mark("B", name)


def _angle_part(
    q: QuestionBuilder,
    label: str,
    text: str,
    form: str,
    value: int,
    working: str,
    *,
    method: str | None = None,
    wrongs: tuple[tuple[int, str], ...] = (),
    command: CommandWord = CommandWord.WORK_OUT,
) -> None:
    """A part asking for one angle: B1, or M1 A1 when ``method`` (the calculation) is given."""
    marks = 1 if method is None else 2
    part = q.part(label, text, marks=marks, command=command)
    part.step(working, form)
    part.answer(form, unit=DEGREES)
    if method is None:
        part.mark("B", f"${value}$", value=form)
    else:
        part.mark("M", method, value=form)
        part.mark("A", f"${value}$", value=form)
    for wrong, error in wrongs:
        if wrong != value and wrong > 0:
            part.wrong(str(wrong), error, 0)


def _sentence(facts: list[str]) -> str:
    text = " and ".join(facts)
    return text[0].upper() + text[1:] + "."


@register
class CircleSemicircleTangent(Template):
    key = "geometry.circle_semicircle_tangent"
    title = "Circle properties: angle in a semicircle, tangent and radius"
    codes = {Tier.CORE: ("C4.7", "C4.1"), Tier.EXTENDED: ("E4.7", "E4.1")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Angles in a circle"
        if difficulty == 5:
            a = rng.randint(16, 32)  # keeps T, where the tangent at C meets AB, near the circle
        else:
            a = rng.choice([v for v in range(18, 73) if v != 45])
        q.given("a", a)
        pa, pb, pc = _on_circle(180), _on_circle(0), _on_circle(2 * a)
        fig = Figure("A circle with diameter AB and a point C on the circle", size=260)
        fig.circle(CENTRE, RADIUS).line(pa, pb).line(pa, pc).line(pc, pb).dot(CENTRE)
        fig.label(CENTRE, "O", 270, 12)
        for p, name in ((pa, "A"), (pb, "B"), (pc, "C")):
            # At difficulty 5 the line BT continues to the right, so B is labelled below it.
            towards = 300 if difficulty == 5 and name == "B" else direction(CENTRE, p)
            fig.label(p, name, towards, 14)
        _mark(fig, pa, pb, pc, f"{a}°", radius=30)
        stem = (
            f"$A$, $B$ and $C$ are points on a circle, centre $O$. $AB$ is a diameter and angle "
            f"$CAB = {deg(a)}$."
        )
        if difficulty in (2, 3):
            t_up, t_down = (RADIUS, 110.0), (RADIUS, -110.0)
            fig.line(t_down, t_up)
            fig.label(t_up, "T", 90, 12).label(t_down, "S", 270, 12)
            stem += " $TS$ is the tangent to the circle at $B$."
        if difficulty >= 4:
            fig.line(CENTRE, pc)
        if difficulty == 5:
            t = (RADIUS / math.cos(math.radians(2 * a)), 0.0)
            fig.line(pb, t).line(pc, t)
            fig.label(t, "T", 0, 12)
            stem += " The tangent to the circle at $C$ meets $AB$ extended at $T$."
        q.diagram_svg = fig.svg()
        q.stem = stem
        if difficulty == 1:
            _name_part(q, "a", "AB", "diameter", "$AB$ is a chord through the centre $O$.")
        if difficulty <= 3:
            first = "b" if difficulty == 1 else "a"
            _angle_part(
                q,
                f"{first}(i)",
                "Write down the size of angle $ACB$.",
                "90",
                90,
                "Angle $ACB = 90^\\circ$",
                command=CommandWord.WRITE_DOWN,
                wrongs=((90 - a, "found angle ABC instead"),),
            )
            reason_part(q, f"{first}(ii)", "semicircle")
            _angle_part(
                q,
                "c" if difficulty == 1 else "b",
                "Work out angle $ABC$.",
                "180 - 90 - a",
                90 - a,
                f"Angle $ABC = 180 - 90 - {a} = {90 - a}$",
                method=f"$180 - 90 - {a}$",
                wrongs=((180 - a, "forgot the right angle at C"),),
            )
        if difficulty == 2:
            _name_part(q, "c", "TS", "tangent", "$TS$ touches the circle at one point, $B$.")
        if difficulty == 3:
            _angle_part(
                q,
                "c(i)",
                "Work out angle $CBT$.",
                "90 - (90 - a)",
                a,
                f"Angle $ABT = 90^\\circ$, so angle $CBT = 90 - {90 - a} = {a}$",
                method=f"$90 - {90 - a}$",
                wrongs=(
                    (90 - a, "gave angle ABC again"),
                    (90 + a, "used 180° instead of 90° at B"),
                ),
            )
            reason_part(
                q, "c(ii)", "tangent", "Give a geometrical reason why angle $ABT = 90^\\circ$."
            )
        if difficulty >= 4:
            _angle_part(
                q,
                "a(i)",
                "Write down the size of angle $OCA$.",
                "a",
                a,
                f"Triangle $AOC$ is isosceles ($OA = OC$), so angle $OCA = {deg(a)}$",
                command=CommandWord.WRITE_DOWN,
            )
            reason_part(q, "a(ii)", "radii")
            _angle_part(
                q,
                "b",
                "Work out angle $BOC$.",
                "2*a",
                2 * a,
                f"Angle $AOC = 180 - 2 \\times {a} = {180 - 2 * a}$, so angle $BOC = "
                f"180 - {180 - 2 * a} = {2 * a}$",
                method=f"$180 - (180 - 2 \\times {a})$ oe",
                wrongs=(
                    (180 - 2 * a, "gave angle AOC instead"),
                    (a, "thought angle BOC equals angle CAB"),
                ),
            )
        if difficulty == 4:
            _angle_part(
                q,
                "c",
                "Work out angle $OCB$.",
                "(180 - 2*a)/2",
                90 - a,
                f"Triangle $OBC$ is isosceles: $(180 - {2 * a}) \\div 2 = {90 - a}$",
                method=f"$(180 - {2 * a}) \\div 2$",
                wrongs=((180 - 2 * a, "did not halve"),),
            )
        if difficulty == 5:
            _angle_part(
                q,
                "c(i)",
                "Work out angle $OTC$.",
                "90 - 2*a",
                90 - 2 * a,
                f"Angle $OCT = 90^\\circ$, so angle $OTC = 180 - 90 - {2 * a} = {90 - 2 * a}$",
                method=f"$180 - 90 - {2 * a}$",
                wrongs=(
                    (90 - a, "used angle CAB instead of angle COT"),
                    (180 - 2 * a, "left out the right angle at C"),
                ),
            )
            reason_part(
                q, "c(ii)", "tangent", "Give a geometrical reason why angle $OCT = 90^\\circ$."
            )


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
        pa, pb, pc, pd = (_on_circle(theta_a + t) for t in (0, p, p + qq, p + qq + r))
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
            _mark(fig, pb, pa, pc, f"{abc}°")
            facts.append(f"angle $ABC = {deg(abc)}$")
        if difficulty <= 2:
            fig.line(CENTRE, pa).line(CENTRE, pc)
        if difficulty == 2:
            q.given("e", bac)
            fig.line(pa, pc).line(pb, pd)
            _mark(fig, pa, pb, pc, f"{bac}°", radius=28)
            facts.append(f"angle $BAC = {deg(bac)}$")
        if difficulty >= 3:
            q.given("t", acb)
            _mark(fig, pa, t_pt, pb, f"{acb}°", radius=24)
            facts.append(f"angle $TAB = {deg(acb)}$")
        if difficulty == 3:
            fig.line(pa, pc)
        if difficulty >= 4:
            q.given("d", bac)
            fig.line(pb, pd)
            _mark(fig, pd, pb, pc, f"{bac}°", radius=24)
            facts.append(f"angle $BDC = {deg(bac)}$")
        if difficulty == 5:
            fig.line(CENTRE, pa).line(CENTRE, pb)
        q.diagram_svg = fig.svg()
        stem = "$A$, $B$, $C$ and $D$ lie on a circle, centre $O$."
        if difficulty >= 3:
            stem += " $TS$ is the tangent to the circle at $A$."
        q.stem = f"{stem} {_sentence(facts)}"

        if difficulty <= 2:
            _angle_part(
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
            _angle_part(
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
            _angle_part(
                q,
                "c(i)",
                "Find angle $BDC$.",
                "e",
                bac,
                f"Angle $BDC$ = angle $BAC = {deg(bac)}$",
                wrongs=((180 - bac, "thought the angles add up to 180°"),),
            )
            reason_part(q, "c(ii)", "segment")
        if difficulty == 3:
            _angle_part(
                q,
                "a(i)",
                "Find angle $ACB$.",
                "t",
                acb,
                f"Angle $ACB$ = angle $TAB = {deg(acb)}$",
                wrongs=((90 - acb, "used the angle between the tangent and the radius"),),
            )
            reason_part(q, "a(ii)", "alternate segment")
            _angle_part(
                q,
                "b",
                "Find angle $BAC$.",
                "180 - b - t",
                bac,
                f"Angle $BAC = 180 - {abc} - {acb} = {bac}$",
                method=f"$180 - {abc} - {acb}$",
                wrongs=((180 - abc, "left out angle ACB"),),
            )
            _angle_part(
                q,
                "c",
                "Find angle $ADC$.",
                "180 - b",
                adc,
                f"Angle $ADC = 180 - {abc} = {adc}$ (cyclic quadrilateral)",
                wrongs=((abc, "thought opposite angles are equal"),),
            )
        if difficulty >= 4:
            _angle_part(
                q,
                "a(i)",
                "Find angle $ADB$.",
                "t",
                acb,
                f"Angle $ADB$ = angle $TAB = {deg(acb)}$",
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
            part.wrong(
                str(adc),
                "gave angle ADC (did not use the cyclic quadrilateral)",
                1,
                working=["t + d"],
            )
            part.wrong(str(180 - bac), "used only angle BDC", 0)
        if difficulty == 5:
            _angle_part(
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
        pa, pb = _on_circle(90 - t / 2), _on_circle(t / 2 - 90)
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
            _angle_part(
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
            _mark(fig, p, pa, pb, f"{t}°", radius=22)
            q.diagram_svg = fig.svg()
            q.stem = f"{stem} Angle $APB = {deg(t)}$."
            _angle_part(
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
            _angle_part(
                q,
                "b(i)",
                "Work out angle $PAB$.",
                "(180 - t)/2",
                (180 - t) // 2,
                f"$PA = PB$, so triangle $PAB$ is isosceles: $(180 - {t}) \\div 2 = "
                f"{(180 - t) // 2}$",
                method=f"$(180 - {t}) \\div 2$",
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
        part.step(f"$PA^2 = {op}^2 - {r}^2 = {op * op - r * r}$", "d**2 - r**2")
        shown = part.answer("sqrt(d**2 - r**2)", accuracy=Accuracy.SF3, unit="cm")
        part.step(f"$PA = \\sqrt{{{op * op - r * r}}} = {shown.latex}$", "sqrt(d**2 - r**2)")
        part.mark(
            "M",
            f"${op}^2 - {r}^2$",
            value="d**2 - r**2",
            partial=["M1 implies the right angle at A was used"],
        )
        part.mark(
            "M", f"$\\sqrt{{{op * op - r * r}}}$", value="sqrt(d**2 - r**2)", qualifiers=["dep"]
        )
        part.mark("A", f"${shown.latex}$", value="sqrt(d**2 - r**2)", qualifiers=["awrt"])
        part.wrong(
            display(sympy.sqrt(op * op + r * r), Accuracy.SF3)[0],
            "added the squares although OP is the hypotenuse",
            0,
        )
        part.wrong(
            str(op * op - r * r), "forgot to take the square root", 1, working=["d**2 - r**2"]
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
        part.wrong(
            display(sympy.Rational(r, 2) * sympy.sqrt(op * op - r * r), Accuracy.SF3)[0],
            "found the area of only one triangle",
            0,
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
        pa, pb = _on_circle(270 - theta), _on_circle(270 + theta)
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
            part.wrong(str(2 * half), "did not halve the chord", 0)
            part = q.part("b", "Work out the length of $OM$.", marks=2, command="Work out")
            part.step(f"$OM^2 = {r}^2 - {half}^2 = {dist * dist}$", "r**2 - (c/2)**2")
            part.step(f"$OM = \\sqrt{{{dist * dist}}} = {dist}$ cm", "sqrt(r**2 - (c/2)**2)")
            part.answer("sqrt(r**2 - (c/2)**2)", unit="cm")
            part.mark("M", f"${r}^2 - {half}^2$", value="r**2 - (c/2)**2", qualifiers=["FT"])
            part.mark("A", f"${dist}$", value="sqrt(r**2 - (c/2)**2)")
            part.wrong(
                str(dist * dist), "forgot to take the square root", 1, working=["r**2 - (c/2)**2"]
            )
            part.wrong(
                display(sympy.sqrt(r * r + half * half), Accuracy.EXACT)[0],
                "added the squares although OA is the hypotenuse",
                0,
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
        part.wrong(
            display(sympy.sqrt(r * r - dist * dist), Accuracy.SF3)[0],
            "found AM but did not double it",
            1,
            working=["r**2 - h**2"],
        )
        part.wrong(
            display(2 * sympy.sqrt(r * r + dist * dist), Accuracy.SF3)[0],
            "added the squares although OA is the hypotenuse",
            0,
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
