"""Circle theorems (syllabus 4.7, E4.8) with reasons: the angle in a semicircle and the
tangent-radius angle (Core); angle at the centre, same segment, cyclic quadrilateral and the
alternate segment theorem (Extended); equal tangents and chords (E4.8). Circle vocabulary (4.1)."""

from __future__ import annotations

import math
import random

from generation.engine.authoring import Working, alternative, wrong
from generation.engine.authoring.angles import DEGREES, reason_part, words_latex
from generation.engine.authoring.figures import Figure, direction, polar
from generation.engine.authoring.text import degrees
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, CommandWord, Tier

CENTRE = (0.0, 0.0)
RADIUS = 100.0


def on_circle(angle: float) -> tuple[float, float]:
    return polar(CENTRE, RADIUS, angle)


def mark_angle(
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
    part.answer(None, kind="text", plain=name, latex=words_latex(name))
    part.mark("B", name)


def angle_part(
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
    second_route: Working | None = None,
) -> None:
    """A part asking for one angle: B1, or M1 A1 when ``method`` (the calculation) is given;
    ``second_route``: another standard route to the angle, as an "Alternative method"."""
    marks = 1 if method is None else 2
    part = q.part(label, text, marks=marks, command=command)
    part.step(working, form)
    part.answer(form, unit=DEGREES)
    if method is None:
        part.mark("B", f"${value}$", value=form)
    else:
        part.mark("M", method, value=form, qualifiers=() if " oe" in method else ("oe",))
        part.mark("A", f"${value}$", value=form)
        if second_route is not None:
            alternative(part, second_route, answer=Working(q, form))
    for shown, error in wrongs:
        if shown != value and shown > 0:
            wrong(part, str(shown), error)


def sentence(facts: list[str]) -> str:
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
        pa, pb, pc = on_circle(180), on_circle(0), on_circle(2 * a)
        fig = Figure("A circle with diameter AB and a point C on the circle", size=260)
        fig.circle(CENTRE, RADIUS).line(pa, pb).line(pa, pc).line(pc, pb).dot(CENTRE)
        fig.label(CENTRE, "O", 270, 12)
        for p, name in ((pa, "A"), (pb, "B"), (pc, "C")):
            # At difficulty 5 the line BT continues to the right, so B is labelled below it.
            towards = 300 if difficulty == 5 and name == "B" else direction(CENTRE, p)
            fig.label(p, name, towards, 14)
        mark_angle(fig, pa, pb, pc, f"{a}°", radius=30)
        stem = (
            f"$A$, $B$ and $C$ are points on a circle, centre $O$. $AB$ is a diameter and angle "
            f"$CAB = {degrees(a)}$."
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
            angle_part(
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
            angle_part(
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
            angle_part(
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
            angle_part(
                q,
                "a(i)",
                "Write down the size of angle $OCA$.",
                "a",
                a,
                f"Triangle $AOC$ is isosceles ($OA = OC$), so angle $OCA = {degrees(a)}$",
                command=CommandWord.WRITE_DOWN,
            )
            reason_part(q, "a(ii)", "radii")
            angle_part(
                q,
                "b",
                "Work out angle $BOC$.",
                "2*a",
                2 * a,
                f"Angle $AOC = 180 - 2 \\times {a} = {180 - 2 * a}$, so angle $BOC = "
                f"180 - {180 - 2 * a} = {2 * a}$",
                method=f"$180 - (180 - 2 \\times {a})$ oe",
                # The angle at the centre is twice the angle at the circumference (Extended).
                second_route=Working(q, "2*a", latex=f"2 \\times {a}")
                if q.tier == Tier.EXTENDED
                else None,
                wrongs=(
                    (180 - 2 * a, "gave angle AOC instead"),
                    (a, "thought angle BOC equals angle CAB"),
                ),
            )
        if difficulty == 4:
            angle_part(
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
            angle_part(
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
