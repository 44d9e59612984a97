"""Pythagoras' theorem (syllabus 6.1): sides of right-angled triangles, in plain triangles,
isosceles triangles, quadrilaterals and a ladder against a wall."""

from __future__ import annotations

import random

from sympy import Rational, sqrt

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure, shapes
from generation.engine.authoring.text import approx, number, rounded
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
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
        q.stem = f"Triangle $ABC$ has a right angle at $B$.\n$AB = {number(ab)}$ cm and $BC = {number(bc)}$ cm."
        x, y = shapes.legs(b0, a0)
        q.diagram_svg = shapes.triangle(
            "A right-angled triangle ABC",
            {"A": (0, y), "B": (0, 0), "C": (x, 0)},
            sides={("A", "B"): f"{number(ab)} cm", ("B", "C"): f"{number(bc)} cm"},
            right="B",
        ).svg()
        p = q.part("a", "Calculate $AC$.", marks=2, command="Calculate")
        p.step(f"$AC^2 = {number(ab)}^2 + {number(bc)}^2 = {number(ab**2 + bc**2)}$", "a**2 + b**2")
        p.step(
            f"$AC = \\sqrt{{{number(ab**2 + bc**2)}}} = {number(sqrt(ab**2 + bc**2))}$ cm",
            "sqrt(a**2 + b**2)",
        )
        method(
            p,
            Working(q, "a**2 + b**2"),
            f"${number(ab)}^2 + {number(bc)}^2$",
            step="",
        )
        final(p, Working(q, "sqrt(a**2 + b**2)", fractions=False), unit="cm", step="", label="AC")
        misconception(
            p, Misconception("did not take the square root", "a**2 + b**2", ("a**2 + b**2",))
        )
        misconception(p, Misconception("added the two sides", "a + b"))
        misconception(
            p,
            Misconception(
                "subtracted the squares instead of adding them",
                "sqrt(Abs(a**2 - b**2))",
                accuracy=SF3,
            ),
        )

    def _shorter(self, q: QuestionBuilder, rng: random.Random) -> None:
        hyp = Rational(rng.randint(60, 250), 10)
        leg = rng.randint(3, int(hyp) - 1)
        c = q.given("c", hyp, unit="m")
        a = q.given("a", leg, unit="m")
        q.title = "Pythagoras' theorem: a shorter side"
        q.stem = f"Triangle $PQR$ has a right angle at $Q$.\n$PR = {number(c)}$ m and $PQ = {number(a)}$ m."
        x, y = shapes.legs(sqrt(hyp**2 - leg**2), leg)
        q.diagram_svg = shapes.triangle(
            "A right-angled triangle PQR",
            {"P": (0, y), "Q": (0, 0), "R": (x, 0)},
            sides={("P", "Q"): f"{number(a)} m", ("P", "R"): f"{number(c)} m"},
            right="Q",
        ).svg()
        p = q.part("a", "Calculate $QR$.", marks=2, command="Calculate")
        p.step(f"$QR^2 = {number(c)}^2 - {number(a)}^2 = {number(c**2 - a**2)}$", "c**2 - a**2")
        ans = Working(q, "sqrt(c**2 - a**2)")
        p.step(
            f"$QR = \\sqrt{{{number(c**2 - a**2)}}} = {rounded(ans.value, SF3)}$ m",
            "sqrt(c**2 - a**2)",
        )
        method(p, Working(q, "c**2 - a**2"), f"${number(c)}^2 - {number(a)}^2$", step="")
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True, label="QR")
        misconception(
            p, Misconception("added the squares although PR is the hypotenuse", "sqrt(c**2 + a**2)")
        )
        misconception(
            p, Misconception("did not take the square root", "c**2 - a**2", ("c**2 - a**2",))
        )
        misconception(p, Misconception("subtracted the lengths without squaring", "c - a"))

    def _isosceles(self, q: QuestionBuilder, rng: random.Random) -> None:
        base = rng.randint(4, 20)
        side = rng.randint(base // 2 + 2, base + 10)
        s = q.given("s", side, unit="cm")
        b = q.given("b", base, unit="cm")
        q.title = "Pythagoras' theorem in an isosceles triangle"
        q.stem = (
            f"Triangle $ABC$ is isosceles with $AB = AC = {number(s)}$ cm and $BC = {number(b)}$ cm."
            "\n$M$ is the midpoint of $BC$."
        )
        height = "sqrt(s**2 - (b/2)**2)"
        half, drawn_h = shapes.legs(base / 2, q.value_of(height))
        fig = shapes.triangle(
            "An isosceles triangle ABC",
            {"A": (half, drawn_h), "B": (0, 0), "C": (2 * half, 0)},
            sides={("A", "B"): f"{number(s)} cm", ("B", "C"): f"{number(b)} cm"},
        )
        fig.point("M", half, 0).segment("A", "M", dashed=True)
        fig.angle_at("M", "C", "A", right=True).text("M", "M", dx=-8, dy=-9)
        q.diagram_svg = fig.svg()
        p = q.part("a", "Calculate $AM$, the height of the triangle.", marks=3, command="Calculate")
        p.step(f"$BM = {number(b)} \\div 2 = {number(b / 2)}$", "b/2")
        p.step(
            f"$AM^2 = {number(s)}^2 - {number(b / 2)}^2 = {number(s**2 - (b / 2) ** 2)}$",
            "s**2 - (b/2)**2",
        )
        ans = Working(q, height)
        p.step(f"$AM = {rounded(ans.value, SF3)}$ cm", height)
        p.mark("B", f"$BM = {number(b / 2)}$", value="b/2")
        method(
            p,
            Working(q, "s**2 - (b/2)**2"),
            f"${number(s)}^2 - {number(b / 2)}^2$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="AM")
        misconception(
            p, Misconception("used the whole base instead of half of it", "sqrt(s**2 - b**2)")
        )
        misconception(
            p,
            Misconception(
                "added the squares instead of subtracting", "sqrt(s**2 + (b/2)**2)", ("b/2",)
            ),
        )
        area = f"b*{height}/2"
        p = q.part("b", "Calculate the area of triangle $ABC$.", marks=2, command="Calculate")
        ans = Working(q, area)
        p.step(
            f"Area $= \\frac{{1}}{{2}} \\times {number(b)} \\times {approx(q.value_of(height), dots=True)} = "
            f"{rounded(ans.value, SF3)}$ cm$^2$",
            area,
        )
        method(
            p,
            Working(q, area),
            f"$\\frac{{1}}{{2}} \\times {number(b)} \\times$ their $AM$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(p, Misconception("forgot the ½", f"b*{height}"))
        misconception(p, Misconception("used the sloping side as the height", "s*b/2"))

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
            f"$ACD = 90^\\circ$.\n$AB = {number(ab)}$ cm, $BC = {number(bc)}$ cm and "
            f"$CD = {number(cd)}$ cm."
        )
        # Draw A at the origin, C on the x-axis, B below AC and D above it.
        ac = float(c0 * k)
        bx = ab_**2 / ac
        by = -ab_ * bc_ / ac
        fig = Figure("A quadrilateral ABCD made of two right-angled triangles", size=210)
        fig.point("A", 0, 0).point("B", bx, by).point("C", ac, 0).point("D", ac, float(cd_))
        fig.polygon(["A", "B", "C", "D"]).segment("A", "C").names("A", "B", "C", "D")
        fig.angle_at("B", "A", "C", right=True).angle_at("C", "A", "D", right=True)
        fig.side("A", "B", f"{number(ab)} cm").side("B", "C", f"{number(bc)} cm")
        fig.side("C", "D", f"{number(cd)} cm")
        q.diagram_svg = fig.svg()
        p = q.part("a", "Calculate $AC$.", marks=2, command="Calculate")
        p.step(f"$AC^2 = {number(ab)}^2 + {number(bc)}^2 = {number(ab**2 + bc**2)}$", "a**2 + b**2")
        p.step(f"$AC = {number(sqrt(ab**2 + bc**2))}$ cm", "sqrt(a**2 + b**2)")
        method(
            p,
            Working(q, "a**2 + b**2"),
            f"${number(ab)}^2 + {number(bc)}^2$",
            step="",
        )
        final(p, Working(q, "sqrt(a**2 + b**2)", fractions=False), unit="cm", step="", label="AC")
        misconception(p, Misconception("added the two sides", "a + b"))
        ad = "sqrt(a**2 + b**2 + d**2)"
        p = q.part("b", "Calculate $AD$.", marks=2, command="Calculate")
        p.step(
            f"$AD^2 = {number(sqrt(ab**2 + bc**2))}^2 + {number(cd)}^2 = {number(ab**2 + bc**2 + cd**2)}$",
            "a**2 + b**2 + d**2",
        )
        ans = Working(q, ad)
        p.step(f"$AD = {rounded(ans.value, SF3)}$ cm", ad)
        method(
            p,
            Working(q, "a**2 + b**2 + d**2"),
            f"$({number(sqrt(ab**2 + bc**2))})^2 + {number(cd)}^2$",
            step="",
            qualifiers=("FT",),
        )
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="AD")
        misconception(
            p,
            Misconception(
                "subtracted the squares although AD is the hypotenuse of triangle ACD",
                "sqrt(Abs(a**2 + b**2 - d**2))",
            ),
        )
        misconception(p, Misconception("used AB instead of AC", "sqrt(a**2 + d**2)"))

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
            f"A ladder of length ${number(ll)}$ m leans against a vertical wall on horizontal "
            f"ground. The foot of the ladder is ${number(d)}$ m from the wall."
        )
        fig = (
            Figure("A ladder against a wall", size=210)
            .point("G", 0, 0)
            .point("W", 0, float(top) * 1.15)
        )
        fig.point("T", 0, float(top)).point("F", float(foot), 0)
        fig.segment("G", "W").segment("G", (float(foot) * 1.6, 0)).segment("F", "T")
        fig.angle_at("G", "F", "T", right=True)
        fig.side("F", "T", f"{number(ll)} m", away_from="G").side(
            "G", "F", f"{number(d)} m", away_from="T"
        )
        q.diagram_svg = fig.svg()
        height = "sqrt(L**2 - d**2)"
        p = q.part(
            "a", "Calculate how far up the wall the ladder reaches.", marks=2, command="Calculate"
        )
        p.step(f"$h^2 = {number(ll)}^2 - {number(d)}^2 = {number(ll**2 - d**2)}$", "L**2 - d**2")
        ans = Working(q, height)
        p.step(f"$h = {rounded(ans.value, SF3)}$ m", height)
        method(
            p,
            Working(q, "L**2 - d**2"),
            f"${number(ll)}^2 - {number(d)}^2$",
            step="",
        )
        final(p, ans, accuracy=SF3, unit="m", step="", awrt=True, label="h")
        misconception(
            p,
            Misconception(
                "added the squares although the ladder is the hypotenuse", "sqrt(L**2 + d**2)"
            ),
        )
        misconception(
            p, Misconception("did not take the square root", "L**2 - d**2", ("L**2 - d**2",))
        )
        new_foot = f"sqrt(L**2 - ({height} - x)**2)"
        moved = f"{new_foot} - d"
        p = q.part(
            "b",
            f"The top of the ladder slides ${number(x)}$ m down the wall.\nCalculate how "
            "far the foot of the ladder moves away from the wall.",
            marks=3,
            command="Calculate",
        )
        p.step(
            f"New height $= {approx(top, dots=True)} - {number(x)} = {approx(top - drop, dots=True)}$",
            f"{height} - x",
        )
        square = f"L**2 - ({height} - x)**2"
        p.step(
            f"(New distance)$^2 = {number(ll)}^2 - ({approx(top - drop, dots=True)})^2 = "
            f"{approx(q.value_of(square), dots=True)}$",
            square,
        )
        p.step(
            f"New distance from the wall $= {approx(q.value_of(new_foot), dots=True)}$", new_foot
        )
        moved_answer = p.answer(moved, accuracy=SF3, unit="m")
        p.step(
            f"The foot moves ${approx(q.value_of(new_foot), dots=True)} - {number(d)} = {moved_answer.latex}$ m",
            moved,
        )
        method(
            p,
            Working(q, square),
            f"${number(ll)}^2 - ($their $h - {number(x)})^2$",
            step="",
            qualifiers=("FT",),
        )
        p.mark("A", f"${rounded(q.value_of(new_foot), SF3)}$", value=new_foot, qualifiers=["awrt"])
        p.mark(
            "B",
            f"${moved_answer.latex}$",
            value=moved,
            qualifiers=["FT"],
            partial=["FT their new distance $- " + number(d) + "$"],
        )
        misconception(
            p,
            Misconception(
                "gave the new distance from the wall, not how far the foot moved",
                new_foot,
                (square,),
            ),
        )
        misconception(p, Misconception("assumed the foot moves the same distance as the top", "x"))
