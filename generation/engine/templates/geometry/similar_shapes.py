"""Similar rectangles (syllabus 4.4): the scale factor between two mathematically similar
rectangles, a length on the large one from the small one and back, the perimeter of the large
one, and for Extended the area of the large one from the area scale factor k²."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.geometry.similarity import power_latex, size_latex
from questions.schemas import CalculatorPolicy, Tier

R = sympy.Rational

_EASY = [R(2), R(3), R(3, 2), R(5, 2)]
_HARD = [R(5, 4), R(4, 3), R(7, 4), R(5, 3), R(5, 2), R(3, 2)]


@register
class SimilarRectangles(Template):
    key = "geometry.similar_rectangles"
    title = "Similar rectangles: scale factor, lengths both ways, perimeter and area"
    codes = {Tier.CORE: ("C4.4",), Tier.EXTENDED: ("E4.4",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Similar rectangles"
        k = rng.choice(_EASY if difficulty <= 2 else _HARD)
        w, h = (R(v) * k.q for v in rng.sample(range(2, 8), 2))
        if w < h:
            w, h = h, w  # the base is the longer side
        big_w, big_h = w * k, h * k
        q.param("k", str(k))
        # Which lengths are stated: the bases always; the small height (find the large one)
        # and/or the large height (find the small one).
        find_big = difficulty in (1, 2)
        q.given("AB", w, unit="cm")
        q.given("PQ", big_w, unit="cm")
        facts = [f"$AB = {size_latex(w)}$ cm", f"$PQ = {size_latex(big_w)}$ cm"]
        if find_big or difficulty == 4:
            q.given("BC", h, unit="cm")
            facts.append(f"$BC = {size_latex(h)}$ cm")
        if difficulty == 3:
            q.given("QR", big_h, unit="cm")
        # Figure: the two rectangles side by side, NOT TO SCALE (the note is the default).
        fig = Figure("Two similar rectangles ABCD and PQRS", size=420)
        small = [(0.0, float(h)), (0.0, 0.0), (float(w), 0.0), (float(w), float(h))]
        gap = 0.25 * float(w + big_w) + 2
        x0 = float(w) + gap
        large = [(x0, float(big_h)), (x0, 0.0), (x0 + float(big_w), 0.0)]
        large.append((x0 + float(big_w), float(big_h)))
        fig.polygon(small).polygon(large)
        for pts, names in ((small, "ABCD"), (large, "PQRS")):
            cx = sum(p[0] for p in pts) / 4
            cy = sum(p[1] for p in pts) / 4
            for p, name in zip(pts, names, strict=True):
                fig.label_away(p, name, (cx, cy))
        fig.side(small[1], small[2], f"{size_latex(w)} cm", away_from=(float(w) / 2, float(h)))
        fig.side(large[1], large[2], f"{size_latex(big_w)} cm", away_from=(x0, float(big_h)))
        if find_big or difficulty == 4:
            fig.side(small[2], small[3], f"{size_latex(h)} cm", away_from=(0.0, float(h) / 2))
        if difficulty == 3:
            fig.side(
                large[2], large[3], f"{size_latex(big_h)} cm", away_from=(x0, float(big_h) / 2)
            )
        if difficulty == 5:
            fig.label((float(w) / 2, float(h) / 2), f"{size_latex(w * h)} cm²", 0, 0)
        q.diagram_svg = fig.svg()
        stem = (
            "Rectangle $ABCD$ is mathematically similar to rectangle $PQRS$. "
            + ", ".join(facts[:-1])
            + f" and {facts[-1]}."
        )
        if difficulty == 3:
            stem = stem[:-1].replace(" and ", ", ") + f" and $QR = {size_latex(big_h)}$ cm."
        k_form = "(PQ/AB)"
        labels = iter("abcd")

        if difficulty == 1:
            part = q.part(
                next(labels),
                "Work out the scale factor of the enlargement from $ABCD$ to $PQRS$.",
                marks=1,
                command="Work out",
            )
            part.step(
                f"Scale factor $= {size_latex(big_w)} \\div {size_latex(w)} = {size_latex(k)}$",
                k_form,
            )
            part.answer(k_form)
            part.mark("B", f"${size_latex(k)}$ oe", value=k_form)
            misconception(part, Misconception("divided the small length by the large one", "AB/PQ"))
            misconception(part, Misconception("subtracted the lengths", "PQ - AB"))

        if find_big:
            part = q.part(
                next(labels) if difficulty != 2 else "",
                "Calculate $QR$.",
                marks=2,
                command="Calculate",
            )
            if difficulty == 1:
                part.step("Use the scale factor from part (a).")
            else:
                part.step(
                    f"Scale factor $= {size_latex(big_w)} \\div {size_latex(w)} = {size_latex(k)}$",
                    k_form,
                )
            part.step(
                f"$QR = {size_latex(h)} \\times {size_latex(k)} = {size_latex(big_h)}$",
                f"BC*{k_form}",
            )
            part.answer(f"BC*{k_form}", accuracy=exact_or_3sf(big_h), unit="cm")
            part.mark(
                "M",
                f"${size_latex(h)} \\times {size_latex(k)}$ oe",
                value=f"BC*{k_form}",
                partial=["M1 for a correct equation of ratios, e.g. QR/BC = PQ/AB"],
            )
            part.mark("A", f"${size_latex(big_h)}$", value=f"BC*{k_form}")
            misconception(
                part, Misconception("added the difference between the bases", "BC + PQ - AB")
            )
            misconception(
                part, Misconception("divided by the scale factor", f"BC/{k_form}", (k_form,))
            )

        if difficulty == 3:
            part = q.part(next(labels), "Calculate $BC$.", marks=2, command="Calculate")
            part.step(
                f"Scale factor $= {size_latex(big_w)} \\div {size_latex(w)} = {size_latex(k)}$",
                k_form,
            )
            part.step(
                f"$BC = QR \\div {size_latex(k)} = {size_latex(big_h)} \\div {size_latex(k)} = {size_latex(h)}$",
                f"QR/{k_form}",
            )
            part.answer(f"QR/{k_form}", accuracy=exact_or_3sf(h), unit="cm")
            part.mark("M", f"${size_latex(big_h)} \\div {size_latex(k)}$ oe", value=f"QR/{k_form}")
            part.mark("A", f"${size_latex(h)}$", value=f"QR/{k_form}")
            misconception(
                part, Misconception("multiplied by the scale factor", f"QR*{k_form}", (k_form,))
            )

        if difficulty == 4:
            part = q.part(
                "", "Calculate the perimeter of rectangle $PQRS$.", marks=3, command="Calculate"
            )
            part.step(
                f"Scale factor $= {size_latex(big_w)} \\div {size_latex(w)} = {size_latex(k)}$",
                k_form,
            )
            part.step(
                f"$QR = {size_latex(h)} \\times {size_latex(k)} = {size_latex(big_h)}$",
                f"BC*{k_form}",
            )
            perimeter = 2 * (big_w + big_h)
            part.step(
                f"Perimeter $= 2 \\times ({size_latex(big_w)} + {size_latex(big_h)}) = {size_latex(perimeter)}$",
                f"2*(PQ + BC*{k_form})",
            )
            part.answer(f"2*(PQ + BC*{k_form})", accuracy=exact_or_3sf(perimeter), unit="cm")
            part.mark("M", f"${size_latex(big_w)} \\div {size_latex(w)}$ oe", value=k_form)
            part.mark(
                "M", f"$QR = {size_latex(h)} \\times {size_latex(k)}$ oe", value=f"BC*{k_form}"
            )
            part.mark("A", f"${size_latex(perimeter)}$", value=f"2*(PQ + BC*{k_form})")
            misconception(part, Misconception("used the height of ABCD for PQRS", "2*(PQ + BC)"))
            misconception(
                part,
                Misconception(
                    "added only one base and one height",
                    f"PQ + BC*{k_form}",
                    (k_form, f"BC*{k_form}"),
                ),
            )

        if difficulty == 5:
            area = w * h
            q.given("X", area, unit="cm^2")
            stem += f" The area of rectangle $ABCD$ is ${size_latex(area)}$ cm$^2$."
            part = q.part(
                "", "Calculate the area of rectangle $PQRS$.", marks=4, command="Calculate"
            )
            part.step(
                f"Scale factor $= {size_latex(big_w)} \\div {size_latex(w)} = {size_latex(k)}$",
                k_form,
            )
            if q.tier == Tier.EXTENDED:
                part.step(
                    f"Area scale factor $= {power_latex(k, 2)} = {size_latex(k * k)}$",
                    f"{k_form}**2",
                )
                part.step(
                    f"Area $= {size_latex(area)} \\times {size_latex(k * k)} = {size_latex(area * k * k)}$",
                    f"X*{k_form}**2",
                )
                part.mark("M", f"${size_latex(big_w)} \\div {size_latex(w)}$ oe", value=k_form)
                part.mark(
                    "M", f"${power_latex(k, 2)}$ oe", value=f"{k_form}**2", qualifiers=["dep"]
                )
            else:  # Core 4.4 is lengths only: the height of ABCD, then of PQRS
                part.step(
                    f"$BC = {size_latex(area)} \\div {size_latex(w)} = {size_latex(h)}$", "X/AB"
                )
                part.step(
                    f"$QR = {size_latex(h)} \\times {size_latex(k)} = {size_latex(big_h)}$",
                    f"X/AB*{k_form}",
                )
                part.step(
                    f"Area $= {size_latex(big_w)} \\times {size_latex(big_h)} = {size_latex(area * k * k)}$",
                    f"X*{k_form}**2",
                )
                part.mark("M", f"$BC = {size_latex(area)} \\div {size_latex(w)}$ oe", value="X/AB")
                part.mark(
                    "M",
                    f"$QR = {size_latex(h)} \\times {size_latex(k)}$ oe",
                    value=f"X/AB*{k_form}",
                )
            if q.tier == Tier.EXTENDED:
                third = f"${size_latex(area)} \\times {size_latex(k * k)}$"
            else:
                third = f"${size_latex(big_w)} \\times {size_latex(big_h)}$"
            part.mark("M", f"{third} oe", value=f"X*{k_form}**2", qualifiers=["dep"])
            part.answer(f"X*{k_form}**2", accuracy=exact_or_3sf(area * k * k), unit="cm^2")
            part.mark("A", f"${size_latex(area * k * k)}$", value=f"X*{k_form}**2")
            misconception(
                part,
                Misconception(
                    "used the length scale factor for the area", f"X*{k_form}", (k_form,)
                ),
            )
            misconception(
                part,
                Misconception(
                    "added the area of ABCD to its enlargement",
                    f"X*{k_form}**2 + X",
                    (k_form, f"{k_form}**2"),
                ),
            )
        q.stem = stem
