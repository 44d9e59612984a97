"""Pythagoras' theorem (syllabus 6.1): sides of right-angled triangles, in plain triangles,
isosceles triangles, quadrilaterals and a ladder against a wall."""

from __future__ import annotations

import random

from sympy import Rational, sqrt

from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.mensuration.common import approx, n, shown, wrong
from generation.engine.templates.mensuration.figures import Figure, triangle_figure
from generation.engine.templates.trigonometry.common import legs
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4 = Accuracy.SF3, Accuracy.SF4
TRIPLES = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41)]


@register
class Pythagoras(Template):
    key = "trigonometry.pythagoras"
    title = "Pythagoras' theorem"
    codes = {Tier.CORE: ("C6.1",), Tier.EXTENDED: ("E6.1",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        [self._hypotenuse, self._shorter, self._isosceles, self._quadrilateral, self._ladder][
            difficulty - 1
        ](q, rng)

    def _hypotenuse(self, q: QuestionBuilder, rng: random.Random) -> None:
        a0, b0, c0 = rng.choice(TRIPLES)
        k = rng.choice([1, 2, 3]) if c0 < 20 else 1
        if rng.random() < 0.5:
            a0, b0 = b0, a0
        ab = q.given("a", a0 * k, unit="cm")
        bc = q.given("b", b0 * k, unit="cm")
        q.title = "Pythagoras' theorem: the hypotenuse"
        q.stem = (
            f"Triangle $ABC$ has a right angle at $B$.\n$AB = {n(ab)}$ cm and $BC = {n(bc)}$ cm."
        )
        x, y = legs(b0, a0)
        q.diagram_svg = triangle_figure(
            "A right-angled triangle ABC",
            {"A": (0, y), "B": (0, 0), "C": (x, 0)},
            sides={("A", "B"): f"{n(ab)} cm", ("B", "C"): f"{n(bc)} cm"},
            right="B",
        ).svg()
        p = q.part("a", "Calculate $AC$.", marks=2, command="Calculate")
        p.step(f"$AC^2 = {n(ab)}^2 + {n(bc)}^2 = {n(ab**2 + bc**2)}$", "a**2 + b**2")
        p.step(
            f"$AC = \\sqrt{{{n(ab**2 + bc**2)}}} = {n(sqrt(ab**2 + bc**2))}$ cm",
            "sqrt(a**2 + b**2)",
        )
        p.answer("sqrt(a**2 + b**2)", unit="cm", label="AC")
        p.mark("M", f"${n(ab)}^2 + {n(bc)}^2$", value="a**2 + b**2")
        p.mark("A", f"${n(sqrt(ab**2 + bc**2))}$", value="sqrt(a**2 + b**2)", qualifiers=["cao"])
        wrong(p, "a**2 + b**2", "did not take the square root", 1)
        wrong(p, "a + b", "added the two sides", 0)
        wrong(
            p,
            "sqrt(Abs(a**2 - b**2))",
            "subtracted the squares instead of adding them",
            0,
            accuracy=SF3,
        )

    def _shorter(self, q: QuestionBuilder, rng: random.Random) -> None:
        hyp = Rational(rng.randint(60, 250), 10)
        leg = rng.randint(3, int(hyp) - 1)
        c = q.given("c", hyp, unit="m")
        a = q.given("a", leg, unit="m")
        q.title = "Pythagoras' theorem: a shorter side"
        q.stem = f"Triangle $PQR$ has a right angle at $Q$.\n$PR = {n(c)}$ m and $PQ = {n(a)}$ m."
        x, y = legs(sqrt(hyp**2 - leg**2), leg)
        q.diagram_svg = triangle_figure(
            "A right-angled triangle PQR",
            {"P": (0, y), "Q": (0, 0), "R": (x, 0)},
            sides={("P", "Q"): f"{n(a)} m", ("P", "R"): f"{n(c)} m"},
            right="Q",
        ).svg()
        p = q.part("a", "Calculate $QR$.", marks=2, command="Calculate")
        p.step(f"$QR^2 = {n(c)}^2 - {n(a)}^2 = {n(c**2 - a**2)}$", "c**2 - a**2")
        ans = p.answer("sqrt(c**2 - a**2)", accuracy=SF3, unit="m", label="QR")
        p.step(f"$QR = \\sqrt{{{n(c**2 - a**2)}}} = {ans.latex}$ m", "sqrt(c**2 - a**2)")
        p.mark("M", f"${n(c)}^2 - {n(a)}^2$", value="c**2 - a**2")
        p.mark("A", f"${ans.latex}$", value="sqrt(c**2 - a**2)", qualifiers=["awrt"])
        wrong(p, "sqrt(c**2 + a**2)", "added the squares although PR is the hypotenuse", 0)
        wrong(p, "c**2 - a**2", "did not take the square root", 1)
        wrong(p, "c - a", "subtracted the lengths without squaring", 0)

    def _isosceles(self, q: QuestionBuilder, rng: random.Random) -> None:
        base = rng.randint(4, 20)
        side = rng.randint(base // 2 + 2, base + 10)
        s = q.given("s", side, unit="cm")
        b = q.given("b", base, unit="cm")
        q.title = "Pythagoras' theorem in an isosceles triangle"
        q.stem = (
            f"Triangle $ABC$ is isosceles with $AB = AC = {n(s)}$ cm and $BC = {n(b)}$ cm."
            "\n$M$ is the midpoint of $BC$."
        )
        height = "sqrt(s**2 - (b/2)**2)"
        half, drawn_h = legs(base / 2, q.value_of(height))
        fig = triangle_figure(
            "An isosceles triangle ABC",
            {"A": (half, drawn_h), "B": (0, 0), "C": (2 * half, 0)},
            sides={("A", "B"): f"{n(s)} cm", ("B", "C"): f"{n(b)} cm"},
        )
        fig.point("M", half, 0).segment("A", "M", dashed=True)
        fig.angle("M", "C", "A", right=True).label("M", "M", -8, 9)
        q.diagram_svg = fig.svg()
        p = q.part("a", "Calculate $AM$, the height of the triangle.", marks=3, command="Calculate")
        p.step(f"$BM = {n(b)} \\div 2 = {n(b / 2)}$", "b/2")
        p.step(f"$AM^2 = {n(s)}^2 - {n(b / 2)}^2 = {n(s**2 - (b / 2) ** 2)}$", "s**2 - (b/2)**2")
        ans = p.answer(height, accuracy=SF3, unit="cm", label="AM")
        p.step(f"$AM = {ans.latex}$ cm", height)
        p.mark("B", f"$BM = {n(b / 2)}$", value="b/2")
        p.mark("M", f"${n(s)}^2 - {n(b / 2)}^2$", value="s**2 - (b/2)**2")
        p.mark("A", f"${ans.latex}$", value=height, qualifiers=["awrt"])
        wrong(p, "sqrt(s**2 - b**2)", "used the whole base instead of half of it", 0)
        wrong(
            p,
            "sqrt(s**2 + (b/2)**2)",
            "added the squares instead of subtracting",
            1,
            working=["b/2"],
        )
        area = f"b*{height}/2"
        p = q.part("b", "Calculate the area of triangle $ABC$.", marks=2, command="Calculate")
        ans = p.answer(area, accuracy=SF3, unit="cm^2")
        p.step(
            f"Area $= \\frac{{1}}{{2}} \\times {n(b)} \\times {approx(q.value_of(height))} = "
            f"{ans.latex}$ cm$^2$",
            area,
        )
        p.mark(
            "M",
            f"$\\frac{{1}}{{2}} \\times {n(b)} \\times$ their $AM$",
            value=area,
            qualifiers=["FT"],
        )
        p.mark("A", f"${ans.latex}$", value=area, qualifiers=["awrt"])
        wrong(p, f"b*{height}", "forgot the ½", 0)
        wrong(p, "s*b/2", "used the sloping side as the height", 0)

    def _quadrilateral(self, q: QuestionBuilder, rng: random.Random) -> None:
        a0, b0, c0 = rng.choice(TRIPLES[:4])
        k = rng.choice([1, 2]) if c0 < 20 else 1
        ab_, bc_ = a0 * k, b0 * k
        cd_ = rng.randint(3, 20)
        if cd_ == c0 * k:
            raise Reject("CD equal to AC")
        ab = q.given("a", ab_, unit="cm")
        bc = q.given("b", bc_, unit="cm")
        cd = q.given("d", cd_, unit="cm")
        q.title = "Pythagoras' theorem in two triangles"
        q.stem = (
            f"In the quadrilateral $ABCD$, angle $ABC = 90^\\circ$ and angle "
            f"$ACD = 90^\\circ$.\n$AB = {n(ab)}$ cm, $BC = {n(bc)}$ cm and "
            f"$CD = {n(cd)}$ cm."
        )
        # Draw A at the origin, C on the x-axis, B below AC and D above it.
        ac = float(c0 * k)
        bx = ab_**2 / ac
        by = -ab_ * bc_ / ac
        fig = Figure("A quadrilateral ABCD made of two right-angled triangles")
        fig.point("A", 0, 0).point("B", bx, by).point("C", ac, 0).point("D", ac, float(cd_))
        fig.polygon("A", "B", "C", "D").segment("A", "C").vertex_labels("A", "B", "C", "D")
        fig.angle("B", "A", "C", right=True).angle("C", "A", "D", right=True)
        fig.side_label("A", "B", f"{n(ab)} cm").side_label("B", "C", f"{n(bc)} cm")
        fig.side_label("C", "D", f"{n(cd)} cm")
        q.diagram_svg = fig.svg()
        p = q.part("a", "Calculate $AC$.", marks=2, command="Calculate")
        p.step(f"$AC^2 = {n(ab)}^2 + {n(bc)}^2 = {n(ab**2 + bc**2)}$", "a**2 + b**2")
        p.step(f"$AC = {n(sqrt(ab**2 + bc**2))}$ cm", "sqrt(a**2 + b**2)")
        p.answer("sqrt(a**2 + b**2)", unit="cm", label="AC")
        p.mark("M", f"${n(ab)}^2 + {n(bc)}^2$", value="a**2 + b**2")
        p.mark("A", f"${n(sqrt(ab**2 + bc**2))}$", value="sqrt(a**2 + b**2)", qualifiers=["cao"])
        wrong(p, "a + b", "added the two sides", 0)
        ad = "sqrt(a**2 + b**2 + d**2)"
        p = q.part("b", "Calculate $AD$.", marks=2, command="Calculate")
        p.step(
            f"$AD^2 = {n(sqrt(ab**2 + bc**2))}^2 + {n(cd)}^2 = {n(ab**2 + bc**2 + cd**2)}$",
            "a**2 + b**2 + d**2",
        )
        ans = p.answer(ad, accuracy=SF3, unit="cm", label="AD")
        p.step(f"$AD = {ans.latex}$ cm", ad)
        p.mark(
            "M",
            f"$({n(sqrt(ab**2 + bc**2))})^2 + {n(cd)}^2$",
            value="a**2 + b**2 + d**2",
            qualifiers=["FT"],
        )
        p.mark("A", f"${ans.latex}$", value=ad, qualifiers=["awrt"])
        wrong(
            p,
            "sqrt(Abs(a**2 + b**2 - d**2))",
            "subtracted the squares although AD is the hypotenuse of triangle ACD",
            0,
        )
        wrong(p, "sqrt(a**2 + d**2)", "used AB instead of AC", 0)

    def _ladder(self, q: QuestionBuilder, rng: random.Random) -> None:
        length = Rational(rng.randint(35, 90), 10)
        foot = Rational(rng.randint(8, int(length * 4)), 10)
        top = sqrt(length**2 - foot**2)
        drop = Rational(rng.randint(2, 8), 10)
        if top - drop <= foot:
            raise Reject("the ladder would end up too flat")
        ll = q.given("L", length, unit="m")
        d = q.given("d", foot, unit="m")
        x = q.given("x", drop, unit="m")
        q.title = "Pythagoras' theorem: a ladder against a wall"
        q.stem = (
            f"A ladder of length ${n(ll)}$ m leans against a vertical wall on horizontal "
            f"ground. The foot of the ladder is ${n(d)}$ m from the wall."
        )
        fig = Figure("A ladder against a wall").point("G", 0, 0).point("W", 0, float(top) * 1.15)
        fig.point("T", 0, float(top)).point("F", float(foot), 0)
        fig.segment("G", "W").segment("G", (float(foot) * 1.6, 0)).segment("F", "T")
        fig.angle("G", "F", "T", right=True)
        fig.side_label("F", "T", f"{n(ll)} m", inside="G").side_label(
            "G", "F", f"{n(d)} m", inside="T"
        )
        q.diagram_svg = fig.svg()
        height = "sqrt(L**2 - d**2)"
        p = q.part(
            "a", "Calculate how far up the wall the ladder reaches.", marks=2, command="Calculate"
        )
        p.step(f"$h^2 = {n(ll)}^2 - {n(d)}^2 = {n(ll**2 - d**2)}$", "L**2 - d**2")
        ans = p.answer(height, accuracy=SF3, unit="m", label="h")
        p.step(f"$h = {ans.latex}$ m", height)
        p.mark("M", f"${n(ll)}^2 - {n(d)}^2$", value="L**2 - d**2")
        p.mark("A", f"${ans.latex}$", value=height, qualifiers=["awrt"])
        wrong(p, "sqrt(L**2 + d**2)", "added the squares although the ladder is the hypotenuse", 0)
        wrong(p, "L**2 - d**2", "did not take the square root", 1)
        new_foot = f"sqrt(L**2 - ({height} - x)**2)"
        moved = f"{new_foot} - d"
        p = q.part(
            "b",
            f"The top of the ladder slides ${n(x)}$ m down the wall.\nCalculate how "
            "far the foot of the ladder moves away from the wall.",
            marks=3,
            command="Calculate",
        )
        p.step(f"New height $= {approx(top)} - {n(x)} = {approx(top - drop)}$", f"{height} - x")
        square = f"L**2 - ({height} - x)**2"
        p.step(
            f"(New distance)$^2 = {n(ll)}^2 - ({approx(top - drop)})^2 = "
            f"{approx(q.value_of(square))}$",
            square,
        )
        p.step(f"New distance from the wall $= {approx(q.value_of(new_foot))}$", new_foot)
        ans = p.answer(moved, accuracy=SF3, unit="m")
        p.step(f"The foot moves ${approx(q.value_of(new_foot))} - {n(d)} = {ans.latex}$ m", moved)
        p.mark("M", f"${n(ll)}^2 - ($their $h - {n(x)})^2$", value=square, qualifiers=["FT"])
        p.mark("A", f"${shown(q.value_of(new_foot), SF3)}$", value=new_foot, qualifiers=["awrt"])
        p.mark(
            "B",
            f"${ans.latex}$",
            value=moved,
            qualifiers=["FT"],
            partial=["FT their new distance $- " + n(d) + "$"],
        )
        wrong(
            p,
            new_foot,
            "gave the new distance from the wall, not how far the foot moved",
            2,
            working=[square],
        )
        wrong(p, "x", "assumed the foot moves the same distance as the top", 0)
