"""Similarity (syllabus 4.4): lengths in similar triangles (separate, nested and crossed), and
for Extended the area and volume scale factors of similar shapes and solids."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.figures import Figure, centroid
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import display, number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

R = sympy.Rational

_FACTORS = [R(3, 2), R(2), R(5, 2), R(3), R(5, 4), R(4, 3), R(7, 4), R(5, 3)]


def size_latex(value: sympy.Rational) -> str:
    return number(value)


def power_latex(value: sympy.Rational, power: int) -> str:
    """LaTeX for a factor raised to a power, bracketed when it is a fraction."""
    text = size_latex(value)
    return f"\\left({text}\\right)^{power}" if "frac" in text or "." in text else f"{text}^{power}"


def equals_latex(value: sympy.Expr, shown: str) -> str:
    """'= 12.5' when the value is exactly what is shown, else '= 1626.67... \\approx 1630'."""
    exact = sympy.nsimplify(value)
    if size_latex(exact) == shown:
        return f"= {shown}"
    if "frac" not in size_latex(exact):  # a terminating decimal, shown in full
        return f"= {size_latex(exact)} \\approx {shown}"
    return f"= {sympy.N(exact, 7)}\\ldots \\approx {shown}"


def _triangle_at(
    a: float, b: float, c: float, origin: tuple[float, float], scale: float
) -> list[tuple[float, float]]:
    """Vertices of a triangle with sides BC = a, AC = b, AB = c: B at origin, C along the x-axis."""
    bx, by = origin
    cos_b = (a * a + c * c - b * b) / (2 * a * c)
    angle_b = math.acos(max(-1.0, min(1.0, cos_b)))
    pa = (bx + c * scale * math.cos(angle_b), by + c * scale * math.sin(angle_b))
    return [pa, (bx, by), (bx + a * scale, by)]


def _side_label(
    fig: Figure,
    p: tuple[float, float],
    q: tuple[float, float],
    words: str,
    inside: tuple[float, float],
) -> None:
    mid = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
    away = math.degrees(math.atan2(mid[1] - inside[1], mid[0] - inside[0]))
    fig.label(mid, words, away, 14)


def _scale_factor_step(
    part: PartBuilder, big: str, small: str, big_v: sympy.Rational, small_v: sympy.Rational
) -> str:
    form = f"({big}/{small})"
    part.step(
        f"Scale factor $= {size_latex(big_v)} \\div {size_latex(small_v)} = {size_latex(big_v / small_v)}$",
        form,
    )
    return form


@register
class SimilarTriangles(Template):
    key = "geometry.similar_triangles"
    title = "Similar triangles: lengths and areas"
    codes = {Tier.CORE: ("C4.4",), Tier.EXTENDED: ("E4.4",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Similar triangles"
        extended = q.tier == Tier.EXTENDED
        if difficulty <= 2:
            self._separate(q, rng, difficulty)
        elif difficulty == 3 or (difficulty == 4 and extended):
            self._nested(q, rng, with_area=difficulty == 4)
        elif difficulty == 4 or not extended:
            self._crossed(q, rng)
        else:
            self._area_to_length(q, rng)

    # -- two separate similar triangles ---------------------------------------------------
    def _separate(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        for _ in range(80):
            k = rng.choice(_FACTORS[:4] if difficulty == 1 else _FACTORS)
            small = [R(v) * k.q for v in rng.sample(range(3, 9), 3)]
            a, b, c = small  # BC, AC, AB of the small triangle
            if a + b > c + 1 and a + c > b + 1 and b + c > a + 1:
                break
        else:
            raise Reject("no triangle")
        big = [v * k for v in small]
        q.param("k", str(k))
        q.given("AB", c, unit="cm")
        q.given("PQ", big[2], unit="cm")
        q.given("BC", a, unit="cm")
        fig = Figure("Two similar triangles ABC and PQR", size=420)
        t1 = _triangle_at(float(a), float(b), float(c), (0, 0), 1)
        gap = max(6.0, 0.2 * float(a + big[0]))  # room for C and Q between, at any scale
        t2 = _triangle_at(float(big[0]), float(big[1]), float(big[2]), (float(a) + gap, 0), 1)
        fig.polygon(t1).polygon(t2)
        for pts, names in ((t1, "ABC"), (t2, "PQR")):
            centre = centroid(pts)
            for p, name in zip(pts, names, strict=True):
                fig.label_away(p, name, centre)
        _side_label(fig, t1[0], t1[1], f"{size_latex(c)} cm", centroid(t1))
        _side_label(fig, t1[1], t1[2], f"{size_latex(a)} cm", centroid(t1))
        _side_label(fig, t2[0], t2[1], f"{size_latex(big[2])} cm", centroid(t2))
        stem = (
            f"Triangle $ABC$ is mathematically similar to triangle $PQR$. "
            f"$AB = {size_latex(c)}$ cm, $BC = {size_latex(a)}$ cm and $PQ = {size_latex(big[2])}$ cm."
        )
        if difficulty == 2:
            q.given("PR", big[1], unit="cm")
            _side_label(fig, t2[0], t2[2], f"{size_latex(big[1])} cm", centroid(t2))
            stem = stem[:-1] + f" and $PR = {size_latex(big[1])}$ cm."
            stem = stem.replace(" cm and $PQ", " cm, $PQ")
        q.diagram_svg = fig.svg()
        q.stem = stem
        label = "a" if difficulty == 2 else ""
        part = q.part(label, "Calculate $QR$.", marks=2, command="Calculate")
        k_form = _scale_factor_step(part, "PQ", "AB", big[2], c)
        part.step(
            f"$QR = {size_latex(a)} \\times {size_latex(k)} = {size_latex(big[0])}$", f"BC*{k_form}"
        )
        part.answer(f"BC*{k_form}", accuracy=exact_or_3sf(q.value_of(f"BC*{k_form}")), unit="cm")
        part.mark(
            "M",
            f"$\\frac{{{size_latex(big[2])}}}{{{size_latex(c)}}}$ or $\\frac{{{size_latex(c)}}}{{{size_latex(big[2])}}}$ oe",
            value=k_form,
            partial=["M1 for a correct scale factor, or for a correct equation of ratios"],
        )
        part.mark("A", f"${size_latex(big[0])}$", value=f"BC*{k_form}")
        wrong(
            part,
            size_latex(a + big[2] - c),
            "added the difference between AB and PQ instead of multiplying",
        )
        wrong(
            part, display(a / k, Accuracy.SF3)[0], "divided by the scale factor", working=[k_form]
        )
        if difficulty == 2:
            part = q.part("b", "Calculate $AC$.", marks=2, command="Calculate")
            part.step(
                f"$AC = {size_latex(big[1])} \\div {size_latex(k)} = {size_latex(b)}$",
                f"PR/{k_form}",
            )
            part.answer(
                f"PR/{k_form}", accuracy=exact_or_3sf(q.value_of(f"PR/{k_form}")), unit="cm"
            )
            part.mark(
                "M",
                f"${size_latex(big[1])} \\div {size_latex(k)}$ oe",
                value=f"PR/{k_form}",
                partial=["FT their scale factor from part (a)"],
            )
            part.mark("A", f"${size_latex(b)}$", value=f"PR/{k_form}")
            misconception(part, Misconception("multiplied by the scale factor", f"PR*{k_form}"))

    # -- DE parallel to BC inside triangle ABC ----------------------------------------------
    def _nested(self, q: QuestionBuilder, rng: random.Random, *, with_area: bool) -> None:
        for _ in range(100):
            k = rng.choice(_FACTORS)
            ad = R(rng.randint(2, 6)) * k.q
            ae = R(rng.randint(2, 6)) * k.q
            de = R(rng.randint(3, 8)) * k.q / 2
            if ad + ae > de + 1 and abs(ad - ae) < de - 1:
                break
        else:
            raise Reject("not a triangle")
        ab, ac, bc = ad * k, ae * k, de * k
        db = ab - ad
        q.param("k", str(k))
        q.given("AD", ad, unit="cm")
        q.given("DB", db, unit="cm")
        q.given("DE", de, unit="cm")
        q.given("AE", ae, unit="cm")
        fig = Figure("Triangle ABC with DE parallel to BC", size=260)
        tri = _triangle_at(float(bc), float(ac), float(ab), (0, 0), 1)
        a, b, c = tri
        t = float(1 / k)
        d = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        e = (a[0] + (c[0] - a[0]) * t, a[1] + (c[1] - a[1]) * t)
        fig.polygon(tri).line(d, e)
        fig.arrows(d, e).arrows(b, c)
        centre = centroid(tri)
        for p, name in ((a, "A"), (b, "B"), (c, "C")):
            fig.label_away(p, name, centre)
        fig.label(d, "D", 180).label(e, "E", 0)
        q.diagram_svg = fig.svg()
        q.stem = (
            f"In triangle $ABC$, $D$ lies on $AB$ and $E$ lies on $AC$. $DE$ is parallel to $BC$. "
            f"$AD = {size_latex(ad)}$ cm, $DB = {size_latex(db)}$ cm, $DE = {size_latex(de)}$ cm and $AE = {size_latex(ae)}$ cm."
        )
        part = q.part("a", "Calculate $BC$.", marks=2, command="Calculate")
        k_form = "(AD + DB)/AD"
        part.step(f"$AB = {size_latex(ad)} + {size_latex(db)} = {size_latex(ab)}$", "AD + DB")
        part.step(
            f"Scale factor $= {size_latex(ab)} \\div {size_latex(ad)} = {size_latex(k)}$", k_form
        )
        part.step(
            f"$BC = {size_latex(de)} \\times {size_latex(k)} = {size_latex(bc)}$", f"DE*{k_form}"
        )
        part.answer(f"DE*{k_form}", accuracy=exact_or_3sf(q.value_of(f"DE*{k_form}")), unit="cm")
        part.mark(
            "M",
            f"$\\frac{{{size_latex(ab)}}}{{{size_latex(ad)}}}$ oe",
            value=k_form,
            partial=["M1 for a correct scale factor or a correct equation of ratios"],
        )
        part.mark("A", f"${size_latex(bc)}$", value=f"DE*{k_form}")
        used_db = de * (ad + db) / db if db != ad else None
        if used_db is not None and used_db != bc:
            wrong(
                part, display(used_db, Accuracy.SF3)[0], "used DB instead of AB in the scale factor"
            )
        if de * db / ad != k:
            wrong(part, display(de * db / ad, Accuracy.SF3)[0], "used DB ÷ AD as the scale factor")
        part = q.part("b", "Calculate $EC$.", marks=2, command="Calculate")
        part.step(
            f"$AC = {size_latex(ae)} \\times {size_latex(k)} = {size_latex(ac)}$", f"AE*{k_form}"
        )
        part.step(
            f"$EC = {size_latex(ac)} - {size_latex(ae)} = {size_latex(ac - ae)}$",
            f"AE*{k_form} - AE",
        )
        part.answer(
            f"AE*{k_form} - AE", accuracy=exact_or_3sf(q.value_of(f"AE*{k_form} - AE")), unit="cm"
        )
        part.mark(
            "M",
            f"$AC = {size_latex(ae)} \\times {size_latex(k)}$ oe",
            value=f"AE*{k_form}",
            qualifiers=["FT"],
        )
        part.mark("A", f"${size_latex(ac - ae)}$", value=f"AE*{k_form} - AE")
        misconception(
            part, Misconception("gave AC instead of EC", f"AE*{k_form}", (f"AE*{k_form}",))
        )
        if with_area:
            area = R(rng.randint(2, 10) * k.q**2)
            q.given("X", area, unit="cm^2")
            q.stem += f" The area of triangle $ADE$ is ${size_latex(area)}$ cm$^2$."
            part = q.part(
                "c", "Calculate the area of the quadrilateral $DBCE$.", marks=3, command="Calculate"
            )
            part.step(
                f"Area scale factor $= {power_latex(k, 2)} = {size_latex(k * k)}$", f"({k_form})**2"
            )
            part.step(
                f"Area of $ABC = {size_latex(area)} \\times {size_latex(k * k)} = {size_latex(area * k * k)}$",
                f"X*({k_form})**2",
            )
            total = area * k * k - area
            shown = display(total, exact_or_3sf(total))[0]
            part.step(
                f"Area of $DBCE = {size_latex(area * k * k)} - {size_latex(area)} = {size_latex(total)}$",
                f"X*({k_form})**2 - X",
            )
            part.answer(
                f"X*({k_form})**2 - X",
                accuracy=exact_or_3sf(q.value_of(f"X*({k_form})**2 - X")),
                unit="cm^2",
            )
            part.mark("M", f"${power_latex(k, 2)}$ seen", value=f"({k_form})**2")
            part.mark(
                "M",
                f"${size_latex(area)} \\times {size_latex(k * k)}$",
                value=f"X*({k_form})**2",
                qualifiers=["dep"],
            )
            part.mark("A", f"${shown}$", value=f"X*({k_form})**2 - X")
            wrong(
                part,
                display(area * k - area, Accuracy.SF3)[0],
                "used the length scale factor for the area",
            )
            wrong(
                part,
                display(area * k * k, Accuracy.SF3)[0],
                "gave the area of triangle ABC, not DBCE",
                working=[f"({k_form})**2", f"X*({k_form})**2"],
            )

    # -- AB parallel to DE, AE and BD cross at C ------------------------------------------
    def _crossed(self, q: QuestionBuilder, rng: random.Random) -> None:
        for _ in range(100):
            k = rng.choice(_FACTORS)
            ab, ac, bc = (R(rng.randint(3, 7)) * k.q for _ in range(3))
            if ab + ac > bc + 1 and ab + bc > ac + 1 and ac + bc > ab + 1:
                break
        else:
            raise Reject("not a triangle")
        de, ce, cd = ab * k, ac * k, bc * k
        q.param("k", str(k))
        q.given("AB", ab, unit="cm")
        q.given("DE", de, unit="cm")
        q.given("AC", ac, unit="cm")
        q.given("CD", cd, unit="cm")
        # C at the origin; A and B on one side, E and D opposite, scaled by k.
        tri = _triangle_at(float(ab), float(bc), float(ac), (0, 0), 1)  # B=(0,0), C apex
        apex = tri[0]
        a_pt, b_pt = tri[1], tri[2]
        kf = float(k)

        def opposite(p: tuple[float, float]) -> tuple[float, float]:
            return (apex[0] - (p[0] - apex[0]) * kf, apex[1] - (p[1] - apex[1]) * kf)

        e_pt, d_pt = opposite(a_pt), opposite(b_pt)
        fig = Figure("Two triangles ABC and EDC with AB parallel to DE", size=300)
        fig.line(a_pt, b_pt).line(d_pt, e_pt).line(a_pt, e_pt).line(b_pt, d_pt)
        fig.arrows(a_pt, b_pt).arrows(e_pt, d_pt)
        for p, name, ref in (
            (a_pt, "A", apex),
            (b_pt, "B", apex),
            (e_pt, "E", apex),
            (d_pt, "D", apex),
        ):
            fig.label_away(p, name, ref)
        fig.label(apex, "C", 0, 16)
        q.diagram_svg = fig.svg()
        q.stem = (
            "The straight lines $AE$ and $BD$ cross at $C$. $AB$ is parallel to $DE$. "
            f"$AB = {size_latex(ab)}$ cm, $DE = {size_latex(de)}$ cm, $AC = {size_latex(ac)}$ cm and $CD = {size_latex(cd)}$ cm."
        )
        part = q.part("a", "Calculate $CE$.", marks=2, command="Calculate")
        k_form = _scale_factor_step(part, "DE", "AB", de, ab)
        part.step(
            f"$CE = {size_latex(ac)} \\times {size_latex(k)} = {size_latex(ce)}$", f"AC*{k_form}"
        )
        part.answer(f"AC*{k_form}", accuracy=exact_or_3sf(q.value_of(f"AC*{k_form}")), unit="cm")
        part.mark("M", f"$\\frac{{{size_latex(de)}}}{{{size_latex(ab)}}}$ oe", value=k_form)
        part.mark("A", f"${size_latex(ce)}$", value=f"AC*{k_form}")
        wrong(
            part, display(ac / k, Accuracy.SF3)[0], "divided by the scale factor", working=[k_form]
        )
        part = q.part("b", "Calculate $BC$.", marks=2, command="Calculate")
        part.step(
            f"$BC = {size_latex(cd)} \\div {size_latex(k)} = {size_latex(bc)}$", f"CD/{k_form}"
        )
        part.answer(f"CD/{k_form}", accuracy=exact_or_3sf(q.value_of(f"CD/{k_form}")), unit="cm")
        part.mark(
            "M",
            f"${size_latex(cd)} \\div {size_latex(k)}$ oe",
            value=f"CD/{k_form}",
            qualifiers=["FT"],
        )
        part.mark("A", f"${size_latex(bc)}$", value=f"CD/{k_form}")
        misconception(part, Misconception("multiplied by the scale factor", f"CD*{k_form}"))

    # -- Extended: from the ratio of areas back to a length -------------------------------
    def _area_to_length(self, q: QuestionBuilder, rng: random.Random) -> None:
        k = rng.choice([R(3, 2), R(2), R(5, 2), R(3), R(5, 4), R(4, 3)])
        small_area = R(rng.randint(2, 12)) * k.q**2
        big_area = small_area * k * k
        side = R(rng.randint(3, 9)) * k.q
        q.param("k", str(k))
        q.given("A1", small_area, unit="cm^2")
        q.given("A2", big_area, unit="cm^2")
        q.given("s", side, unit="cm")
        q.stem = (
            "Two triangles are mathematically similar. The smaller triangle has area "
            f"${size_latex(small_area)}$ cm$^2$ and the larger triangle has area ${size_latex(big_area)}$ cm$^2$. "
            f"The shortest side of the smaller triangle is ${size_latex(side)}$ cm."
        )
        part = q.part(
            "",
            "Calculate the length of the shortest side of the larger triangle.",
            marks=3,
            command="Calculate",
        )
        part.step(
            f"Area factor $= {size_latex(big_area)} \\div {size_latex(small_area)} = {size_latex(k * k)}$",
            "A2/A1",
        )
        part.step(
            f"Length factor $= \\sqrt{{{size_latex(k * k)}}} = {size_latex(k)}$", "sqrt(A2/A1)"
        )
        part.step(
            f"${size_latex(side)} \\times {size_latex(k)} = {size_latex(side * k)}$",
            "s*sqrt(A2/A1)",
        )
        part.answer("s*sqrt(A2/A1)", accuracy=exact_or_3sf(q.value_of("s*sqrt(A2/A1)")), unit="cm")
        part.mark(
            "M", f"$\\frac{{{size_latex(big_area)}}}{{{size_latex(small_area)}}}$ oe", value="A2/A1"
        )
        part.mark("M", f"$\\sqrt{{{size_latex(k * k)}}}$", value="sqrt(A2/A1)", qualifiers=["dep"])
        part.mark("A", f"${size_latex(side * k)}$", value="s*sqrt(A2/A1)")
        wrong(
            part,
            display(side * k * k, Accuracy.SF3)[0],
            "used the area factor as the length factor",
            working=["A2/A1"],
        )
