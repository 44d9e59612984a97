"""Angles in polygons (syllabus 4.6): interior and exterior angles, angle sums, regular
polygons forwards and backwards; polygon names (4.1)."""

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
from generation.engine.authoring.angles import DEGREES, words_latex
from generation.engine.authoring.figures import Figure, direction, polar
from generation.engine.authoring.text import article, degrees
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import plain
from questions.schemas import CalculatorPolicy, Tier

NAMES = {5: "pentagon", 6: "hexagon", 7: "heptagon", 8: "octagon", 9: "nonagon", 10: "decagon"}


def _regular_figure(n: int, exterior_label: str | None = None) -> str:
    fig = Figure(f"A regular polygon with {n} sides")
    pts = [polar((0, 0), 90, -90 - 180 / n + 360 * k / n) for k in range(n)]
    fig.polygon(pts)
    if exterior_label:
        # Extend the bottom side to the right and mark the exterior angle there.
        a, b = pts[0], pts[1]
        ext = (b[0] + (b[0] - a[0]) * 0.6, b[1] + (b[1] - a[1]) * 0.6)
        fig.line(b, ext)
        fig.angle(b, direction(a, b), direction(b, pts[2]), exterior_label, radius=22)
    return fig.svg()


def _closes(angles: list[int]) -> bool:
    try:
        _irregular_figure(angles, [""] * len(angles))
    except Reject:
        return False
    return True


def _irregular_figure(angles: list[int], labels: list[str]) -> str:
    """A convex polygon with these interior angles (closed by solving for the last two sides)."""
    n = len(angles)
    turns = [180 - a for a in angles]
    headings = [0.0]
    for t in turns[1:]:
        headings.append(headings[-1] + t)
    u = [(math.cos(math.radians(h)), math.sin(math.radians(h))) for h in headings]
    lengths = [190.0 if n == 5 else 165.0] * (n - 2)
    sx = sum(lengths[i] * u[i][0] for i in range(n - 2))
    sy = sum(lengths[i] * u[i][1] for i in range(n - 2))
    # Solve l1*u[n-2] + l2*u[n-1] = -(sx, sy).
    (a1, b1), (a2, b2) = u[n - 2], u[n - 1]
    det = a1 * b2 - a2 * b1
    if abs(det) < 1e-9:
        raise Reject("degenerate polygon")
    l1 = (-sx * b2 + sy * a2) / det
    l2 = (-a1 * sy + b1 * sx) / det
    if l1 < 60 or l2 < 60:
        raise Reject("the polygon does not close nicely")
    lengths += [l1, l2]
    pts = [(0.0, 0.0)]
    for i in range(n - 1):
        pts.append((pts[-1][0] + lengths[i] * u[i][0], pts[-1][1] + lengths[i] * u[i][1]))
    # Vertex i+1 sits between side i and side i+1; vertex 0 between the last side and side 0.
    fig = Figure("A polygon with its interior angles labelled")
    fig.polygon(pts)
    for i, p in enumerate(pts):
        incoming = headings[i - 1] if i else headings[-1]
        start = headings[i] % 360
        end = (incoming + 180) % 360
        fig.angle(p, start, end, radius=16)
        if labels[i]:
            sweep = (end - start) % 360
            fig.label(p, labels[i], start + sweep / 2, (46, 60, 74, 88))
    return fig.svg()


@register
class PolygonAngles(Template):
    key = "geometry.polygon_angles"
    title = "Interior and exterior angles of polygons"
    codes = {Tier.CORE: ("C4.6", "C4.1"), Tier.EXTENDED: ("E4.6", "E4.1")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Angles in polygons"
        [self._regular, self._angle_sum, self._from_exterior, self._from_interior, self._irregular][
            difficulty - 1
        ](q, rng)

    def _regular(self, q: QuestionBuilder, rng: random.Random) -> None:
        n = rng.choice([5, 6, 8, 9, 10])
        q.given("n", n)
        ext = 360 // n
        q.diagram_svg = _regular_figure(n, "e")
        q.stem = f"The diagram shows a regular polygon with ${n}$ sides."
        part = q.part(
            "a", "Write down the mathematical name of this polygon.", marks=1, command="Write down"
        )
        part.step(f"A polygon with {n} sides is {article(NAMES[n])} {NAMES[n]}.")
        part.answer(None, kind="text", plain=NAMES[n], latex=words_latex(NAMES[n]))
        part.mark("B", NAMES[n])
        part = q.part(
            "b", "Work out the size of the exterior angle, $e$.", marks=2, command="Work out"
        )
        exterior = Working(q, "360/n", latex=f"360 \\div {n}")
        part.step("The exterior angles add up to $360^\\circ$.")
        method(part, exterior, lhs="e")
        final(part, exterior, unit=DEGREES, step="")
        misconception(part, Misconception("worked out the interior angle instead", "180 - 360/n"))
        part = q.part("c", "Work out the size of one interior angle.", marks=1, command="Work out")
        interior = Working(q, "180 - 360/n", latex=f"180 - {ext}")
        final(
            part,
            interior,
            unit=DEGREES,
            step=interior.equation("\\text{Interior angle}"),
            qualifiers=["FT"],
        )
        misconception(part, Misconception("gave the exterior angle again", "360/n"))

    def _angle_sum(self, q: QuestionBuilder, rng: random.Random) -> None:
        n = rng.choice([5, 6, 8, 9, 10, 12])
        q.given("n", n)
        total = (n - 2) * 180
        q.stem = f"A polygon has ${n}$ sides."
        part = q.part(
            "a",
            "Work out the sum of the interior angles of this polygon.",
            marks=2,
            command="Work out",
        )
        angle_sum = Working(q, "(n - 2)*180", latex=f"({n} - 2) \\times 180")
        method(part, angle_sum, lhs="\\text{Sum}")
        final(part, angle_sum, unit=DEGREES, step="")
        misconception(part, Misconception("multiplied the number of sides by 180", "n*180"))
        misconception(
            part, Misconception("multiplied (n − 2) by 360 instead of 180", "(n - 2)*360")
        )
        part = q.part(
            "b",
            "The polygon is regular. Work out the size of one interior angle.",
            marks=1,
            command="Work out",
        )
        each = Working(q, "(n - 2)*180/n", latex=f"{total} \\div {n}")
        final(part, each, unit=DEGREES, step=each.equation("\\text{Each angle}"), qualifiers=["FT"])
        misconception(part, Misconception("gave the exterior angle", "360/n"))

    def _from_exterior(self, q: QuestionBuilder, rng: random.Random) -> None:
        n = rng.choice([12, 15, 18, 20, 24, 30, 36, 40])
        ext = 360 // n
        q.given("e", ext)
        q.stem = f"Each exterior angle of a regular polygon is ${degrees(ext)}$."
        part = q.part(
            "a", "Work out the number of sides of this polygon.", marks=2, command="Work out"
        )
        sides = Working(q, "360/e", latex=f"360 \\div {ext}")
        method(part, sides, lhs="\\text{Number of sides}")
        final(part, sides, step="")
        misconception(part, Misconception("divided 180 by the exterior angle", "180/e"))
        part = q.part(
            "b",
            "Work out the sum of the interior angles of this polygon.",
            marks=2,
            command="Work out",
        )
        angle_sum = Working(q, "(360/e - 2)*180", latex=f"({n} - 2) \\times 180")
        method(
            part,
            angle_sum,
            f"${angle_sum.substituted}$, FT their (a)",
            lhs="\\text{Sum}",
            qualifiers=["oe", "FT"],
        )
        final(part, angle_sum, unit=DEGREES, step="")
        # Or: each interior angle is 180 - e, and there are n of them.
        alternative(
            part,
            Working(q, "(180 - e)*360/e", latex=f"(180 - {ext}) \\times {n}"),
            answer=angle_sum,
        )
        misconception(part, Misconception("used n × 180 for the angle sum", "360/e*180"))

    def _from_interior(self, q: QuestionBuilder, rng: random.Random) -> None:
        n = rng.choice([12, 15, 18, 20, 24, 30, 36])
        ext = 360 // n
        interior = 180 - ext
        q.given("i", interior)
        q.stem = f"Each interior angle of a regular polygon is ${degrees(interior)}$."
        part = q.part(
            "a", "Work out the number of sides of this polygon.", marks=3, command="Work out"
        )
        exterior = Working(q, "180 - i")
        method(part, exterior, lhs="\\text{Each exterior angle}")
        sides = Working(q, "360/(180 - i)", latex=f"360 \\div {ext}")
        method(part, sides, lhs="\\text{Number of sides}", qualifiers=["oe", "dep"])
        final(part, sides, step="")
        misconception(part, Misconception("divided 360 by the interior angle", "360/i"))
        bad = rng.choice([v for v in range(100, 176, 5) if 360 % (180 - v) != 0])
        q.given("k", bad)
        part = q.part(
            "b",
            f"Explain why a regular polygon cannot have an interior angle of ${degrees(bad)}$.",
            marks=2,
            command="Explain",
        )
        sides = sympy.Rational(360, 180 - bad)
        part.step(f"The exterior angle would be $180 - {bad} = {180 - bad}$", "180 - k")
        part.step(
            f"$360 \\div {180 - bad} = {sympy.latex(sides) if sides.q != 1 else sides}$, "
            "which is not a whole number of sides.",
            "360/(180 - k)",
        )
        shown = plain(sides) if _terminates(sides) else f"{float(sides):.3g}..."
        words = (
            f"Each exterior angle would be {180 - bad}° and 360 ÷ {180 - bad} = {shown}, "
            "which is not a whole number, so there is no such polygon"
        )
        part.answer(None, kind="text", plain=words, latex=words_latex(words))
        part.mark("M", f"exterior angle $180 - {bad} = {180 - bad}$", value="180 - k")
        part.mark(
            "A",
            f"$360 \\div {180 - bad}$ is not a whole number (so the number of sides is not an integer)",
            value="360/(180 - k)",
        )

    def _irregular(self, q: QuestionBuilder, rng: random.Random) -> None:
        n = rng.choice([5, 6])
        total = (n - 2) * 180
        for _ in range(200):
            x0 = rng.randint(20, 45)
            coefficients = [rng.choice([1, 2, 3]) for _ in range(n)]
            constants = [rng.choice(range(-30, 61, 5)) for _ in range(n - 1)]
            angles = [p * x0 + c for p, c in zip(coefficients, constants, strict=False)]
            last = total - sum(angles)
            constants.append(last - coefficients[-1] * x0)
            angles.append(last)
            if not (all(70 <= a <= 170 for a in angles) and abs(constants[-1]) <= 80):
                continue
            if len(set(angles)) == n and _closes(angles):
                break
        else:
            raise Reject("no polygon with angles in range")
        labels = [_angle_label(p, c) for p, c in zip(coefficients, constants, strict=True)]
        q.diagram_svg = _irregular_figure(angles, labels)
        q.param("x", x0)
        names = []
        for k, (p, c) in enumerate(zip(coefficients, constants, strict=True)):
            if p != 1:
                q.given(f"p{k}", p)
            if c:
                q.given(f"c{k}", abs(c))
            names.append(
                (f"p{k}" if p != 1 else "1")
                + "*x"
                + ("" if not c else (f" + c{k}" if c > 0 else f" - c{k}"))
            )
        stated = [_angle_latex(p, c) for p, c in zip(coefficients, constants, strict=True)]
        listed = ", ".join(stated[:-1]) + " and " + stated[-1]
        q.stem = f"The interior angles of a {NAMES[n]} are {listed}."
        sum_form = " + ".join(f"({m})" for m in names)
        coef = sum(coefficients)
        const = sum(constants)
        const_form = (
            " + ".join(f"c{k}" if c > 0 else f"(-c{k})" for k, c in enumerate(constants) if c)
            or "0"
        )
        coef_form = " + ".join(f"p{k}" if p != 1 else "1" for k, p in enumerate(coefficients))
        x_form = f"({(n - 2)}*180 - ({const_form}))/({coef_form})"
        relation = f"Eq({sum_form}, ({n} - 2)*180)"
        part = q.part("a", "Find the value of $x$.", marks=4, command="Work out")
        part.step(
            f"Angle sum of a {NAMES[n]} $= ({n} - 2) \\times 180 = {total}$", f"({n} - 2)*180"
        )
        part.step(f"${_lin(coef, const)} = {total}$", relation)
        part.step(f"${coef}x = {total - const}$", f"{n - 2}*180 - ({const_form})")
        part.step(f"$x = {x0}$", x_form)
        part.answer(x_form, variable="x", satisfies=relation, label="x")
        part.mark("B", f"angle sum ${total}$", value=f"({n} - 2)*180")
        part.mark(
            "M",
            f"${_lin(coef, const)} = {total}$ oe",
            value=relation,
            partial=["M1 for their sum of the angles equated to their angle sum"],
        )
        part.mark(
            "M",
            f"${coef}x = {total - const}$ oe",
            value=f"{n - 2}*180 - ({const_form})",
            qualifiers=["FT"],
        )
        part.mark("A", f"$x = {x0}$", value=x_form)
        wrong_total = n * 180
        slip = sympy.Rational(wrong_total - const, coef)
        if slip != x0:
            wrong(part, plain(slip), "used n × 180 for the angle sum")
        largest = max(range(n), key=lambda k: angles[k])
        m_form = names[largest].replace("x", f"({x_form})")
        part = q.part("b", "Work out the size of the largest angle.", marks=1, command="Work out")
        part.step(
            f"The largest angle is ${_lin(coefficients[largest], constants[largest])} = {angles[largest]}$",
            m_form,
        )
        part.answer(m_form, unit=DEGREES)
        part.mark("B", f"${angles[largest]}$", value=m_form, qualifiers=["FT"])
        wrong(part, str(x0), "gave the value of x, not the angle")


def _terminates(value: sympy.Rational) -> bool:
    q = int(value.q)
    for f in (2, 5):
        while q % f == 0:
            q //= f
    return q == 1


def _angle_label(p: int, c: int) -> str:
    return f"{_lin(p, c)}°" if c == 0 else f"({_lin(p, c)})°"


def _angle_latex(p: int, c: int) -> str:
    return f"${_lin(p, c)}^\\circ$" if c == 0 else f"$({_lin(p, c)})^\\circ$"


def _lin(p: int, c: int) -> str:
    head = "x" if p == 1 else f"{p}x"
    return head if c == 0 else f"{head} {'+' if c > 0 else '-'} {abs(c)}"
