"""Pythagoras' theorem and trigonometry in three dimensions (E6.6): diagonals of cuboids,
edges of pyramids and the angle between a line and a plane."""

from __future__ import annotations

import random

from sympy import Rational, sqrt

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import solids
from generation.engine.authoring.givens import measured_length
from generation.engine.authoring.text import approx, number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, ANGLE = Accuracy.SF3, Accuracy.ANGLE_1DP


@register
class ThreeDimensions(Template):
    key = "trigonometry.three_d"
    title = "Pythagoras and trigonometry in 3D: cuboids and pyramids"
    codes = {Tier.EXTENDED: ("E6.6",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty in (1, 2, 5):
            self._cuboid(q, rng, difficulty)
        else:
            self._pyramid(q, rng, edge_given=difficulty == 4)

    def _cuboid(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        ll = q.given("l", measured_length(rng, 5, 20, 0.4), unit="cm")
        w = q.given("w", measured_length(rng, 3, 15, 0.4), unit="cm")
        h = q.given("h", measured_length(rng, 3, 15, 0.4), unit="cm")
        q.title = "A cuboid: diagonals and angles"
        q.stem = (
            f"The diagram shows a cuboid $ABCDEFGH$ with $AB = {number(ll)}$ cm, $BC = {number(w)}$ "
            f"cm and $AE = {number(h)}$ cm."
        )
        fig = solids.cuboid(
            "A cuboid ABCDEFGH",
            float(ll),
            float(w),
            float(h),
            (f"{number(ll)} cm", f"{number(w)} cm", f"{number(h)} cm"),
        )
        fig.names(*"ABCDEFGH")
        fig.segment("A", "G", dashed=True).segment("A", "C", dashed=True)
        if difficulty == 5:
            fig.segment("B", "G")
        q.diagram_svg = fig.svg()
        labels = iter("abc")
        ac2, ag2 = "l**2 + w**2", "l**2 + w**2 + h**2"
        ag = f"sqrt({ag2})"
        if difficulty == 1:
            p = q.part(next(labels), "Calculate the length $AC$.", marks=2, command="Calculate")
            p.step(f"$AC^2 = {number(ll)}^2 + {number(w)}^2 = {number(ll**2 + w**2)}$", ac2)
            ans = Working(q, f"sqrt({ac2})")
            p.step(f"$AC = {rounded(ans.value, SF3)}$ cm", f"sqrt({ac2})")
            method(p, Working(q, ac2), f"${number(ll)}^2 + {number(w)}^2$", step="")
            final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="AC")
            misconception(
                p, Misconception("added the lengths instead of using Pythagoras", "l + w")
            )
        p = q.part(
            next(labels),
            "Calculate the length of the diagonal $AG$.",
            marks=2 if difficulty == 1 else 3,
            command="Calculate",
        )
        p.step(f"$AC^2 = {number(ll)}^2 + {number(w)}^2 = {number(ll**2 + w**2)}$", ac2)
        p.step(f"$AG^2 = AC^2 + {number(h)}^2 = {number(ll**2 + w**2 + h**2)}$", ag2)
        ans = Working(q, ag)
        p.step(f"$AG = {rounded(ans.value, SF3)}$ cm", ag)
        if difficulty == 1:
            method(p, Working(q, ag2), f"their $AC^2 + {number(h)}^2$", step="", qualifiers=("FT",))
        else:
            method(
                p,
                Working(q, ag2),
                f"${number(ll)}^2 + {number(w)}^2 + {number(h)}^2$",
                step="",
                partial=[f"M1 for ${number(ll)}^2 + {number(w)}^2$ seen"],
                count=2,
            )
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="AG")
        misconception(
            p, Misconception("found the diagonal of the base, AC, instead", "sqrt(l**2 + w**2)")
        )
        misconception(p, Misconception("did not take the square root", ag2, (ag2,)))
        if difficulty == 1:
            return
        if difficulty == 2:
            ratio = f"h/sqrt({ac2})"
            angle = f"atand({ratio})"
            p = q.part(
                next(labels),
                "Calculate the angle between the diagonal $AG$ and the base $ABCD$.",
                marks=3,
                command="Calculate",
            )
            p.step("The angle is $GAC$, since $C$ is directly below $G$.", None)
            p.step(
                f"$\\tan GAC = \\frac{{{number(h)}}}{{AC}} = \\frac{{{number(h)}}}"
                f"{{{approx(sqrt(ll**2 + w**2), dots=True)}}} = {approx(q.value_of(ratio), dots=True)}$",
                ratio,
            )
            ans = Working(q, angle)
            p.step(f"Angle $GAC = {ans.latex}^\\circ$", angle)
            method(
                p,
                Working(q, ratio),
                f"$\\tan GAC = \\frac{{{number(h)}}}{{\\text{{their }} AC}}$",
                step="",
                qualifiers=("FT", "oe"),
                partial=[
                    "M1 for identifying angle $GAC$",
                    "or $\\sin GAC = \\frac{" + number(h) + "}{\\text{their } AG}$",
                ],
                count=2,
            )
            final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle GAC")
            misconception(
                p, Misconception("used angle FAB (the angle with AB) instead of GAC", "atand(h/l)")
            )
            misconception(
                p,
                Misconception(
                    "used the ratio upside down (found angle AGC)", "atand(sqrt(l**2 + w**2)/h)"
                ),
            )
            return
        bg = "sqrt(w**2 + h**2)"
        ratio = f"l/{bg}"
        angle = f"atand({ratio})"
        p = q.part(
            next(labels),
            "Calculate the angle between the diagonal $AG$ and the face $BCGF$.",
            marks=3,
            command="Calculate",
        )
        p.step("$AB$ is perpendicular to the face $BCGF$, so the angle is $AGB$.", None)
        p.step(
            f"$BG = \\sqrt{{{number(w)}^2 + {number(h)}^2}} = {approx(q.value_of(bg), dots=True)}$",
            bg,
        )
        p.step(
            f"$\\tan AGB = \\frac{{{number(ll)}}}{{{approx(q.value_of(bg), dots=True)}}} = "
            f"{approx(q.value_of(ratio), dots=True)}$",
            ratio,
        )
        ans = Working(q, angle)
        p.step(f"Angle $AGB = {rounded(ans.value, ANGLE)}^\\circ$", angle)
        p.mark("B", f"$BG = \\sqrt{{{number(w)}^2 + {number(h)}^2}}$", value=bg)
        method(
            p,
            Working(q, ratio),
            f"$\\tan AGB = \\frac{{{number(ll)}}}{{\\text{{their }} BG}}$",
            step="",
            qualifiers=("FT", "oe"),
            partial=["or $\\sin AGB = \\frac{" + number(ll) + "}{\\text{their } AG}$"],
        )
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle AGB")
        misconception(
            p,
            Misconception(
                "found the angle with the base ABCD instead", "atand(h/sqrt(l**2 + w**2))"
            ),
        )
        misconception(
            p,
            Misconception("used the ratio upside down (found angle GAB)", f"atand({bg}/l)", (bg,)),
        )

    def _pyramid(self, q: QuestionBuilder, rng: random.Random, *, edge_given: bool) -> None:
        s = q.given("s", measured_length(rng, 4, 16, 0.4), unit="cm")
        half_diag = s * sqrt(2) / 2
        if edge_given:
            e = q.given(
                "e", Rational(round(float(half_diag) * rng.uniform(1.2, 2.5) * 10), 10), unit="cm"
            )
            height_expr = "sqrt(e**2 - s**2/2)"
            q.stem = (
                f"The diagram shows a pyramid $VABCD$ with a square base of side ${number(s)}$ "
                f"cm. $V$ is directly above the centre, $O$, of the base and each sloping "
                f"edge is ${number(e)}$ cm long."
            )
            drawn_h = float(sqrt(e**2 - s**2 / 2))
            labels = (f"{number(s)} cm", "")
            slant = f"{number(e)} cm"
        else:
            h = q.given("h", measured_length(rng, 5, 20, 0.4), unit="cm")
            height_expr = "h"
            q.stem = (
                f"The diagram shows a pyramid $VABCD$ with a square base of side ${number(s)}$ "
                f"cm. $V$ is directly above the centre, $O$, of the base and $VO = {number(h)}$ "
                "cm."
            )
            drawn_h = float(h)
            labels = (f"{number(s)} cm", f"{number(h)} cm")
            slant = ""
        q.title = "A square-based pyramid: edges and angles"
        fig = solids.pyramid(
            "A square-based pyramid VABCD", float(s), drawn_h, labels, names=True, slant_label=slant
        )
        fig.segment("A", "C", dashed=True).segment("A", "O", dashed=True)
        q.diagram_svg = fig.svg()
        ac = "s*sqrt(2)"
        ao = "s*sqrt(2)/2"
        p = q.part("a", "Calculate $AC$.", marks=2, command="Calculate")
        p.step(f"$AC^2 = {number(s)}^2 + {number(s)}^2 = {number(2 * s**2)}$", "2*s**2")
        ans = Working(q, ac)
        p.step(f"$AC = {rounded(ans.value, SF3)}$ cm", ac)
        method(p, Working(q, "2*s**2"), f"${number(s)}^2 + {number(s)}^2$", step="")
        final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="AC")
        misconception(p, Misconception("added two sides instead of using Pythagoras", "2*s"))
        if edge_given:
            p = q.part(
                "b", "Calculate the height, $VO$, of the pyramid.", marks=3, command="Calculate"
            )
            p.step(f"$AO = \\frac{{1}}{{2}} AC = {approx(half_diag, dots=True)}$", ao)
            p.step(
                f"$VO^2 = {number(e)}^2 - {approx(half_diag, dots=True)}^2 = "
                f"{approx(q.value_of('e**2 - s**2/2'), dots=True)}$",
                "e**2 - s**2/2",
            )
            ans = Working(q, height_expr)
            p.step(f"$VO = {rounded(ans.value, SF3)}$ cm", height_expr)
            p.mark("B", f"$AO = {approx(half_diag, dots=True)}$", value=ao, qualifiers=["FT"])
            method(
                p,
                Working(q, "e**2 - s**2/2"),
                f"${number(e)}^2 - $ (their $AO)^2$",
                step="",
            )
            final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="VO")
            misconception(p, Misconception("used AC instead of half of AC", "sqrt(e**2 - 2*s**2)"))
            misconception(
                p,
                Misconception(
                    "added the squares instead of subtracting", "sqrt(e**2 + s**2/2)", (ao,)
                ),
            )
            ratio, trig = f"({ao})/e", "acosd"
            ratio_text = f"\\cos VAO = \\frac{{AO}}{{VA}} = \\frac{{{approx(half_diag, dots=True)}}}{{{number(e)}}}"
        else:
            va = "sqrt(h**2 + s**2/2)"
            p = q.part(
                "b", "Calculate the length of the sloping edge $VA$.", marks=3, command="Calculate"
            )
            p.step(f"$AO = \\frac{{1}}{{2}} AC = {approx(half_diag, dots=True)}$", ao)
            p.step(
                f"$VA^2 = {number(h)}^2 + {approx(half_diag, dots=True)}^2 = "
                f"{approx(q.value_of('h**2 + s**2/2'), dots=True)}$",
                "h**2 + s**2/2",
            )
            ans = Working(q, va)
            p.step(f"$VA = {rounded(ans.value, SF3)}$ cm", va)
            p.mark("B", f"$AO = {approx(half_diag, dots=True)}$", value=ao, qualifiers=["FT"])
            method(
                p,
                Working(q, "h**2 + s**2/2"),
                f"${number(h)}^2 + $ (their $AO)^2$",
                step="",
            )
            final(p, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="VA")
            misconception(p, Misconception("used AC instead of half of AC", "sqrt(h**2 + 2*s**2)"))
            misconception(
                p,
                Misconception(
                    "used half the side of the base instead of AO", "sqrt(h**2 + s**2/4)"
                ),
            )
            ratio, trig = f"h/({ao})", "atand"
            ratio_text = f"\\tan VAO = \\frac{{VO}}{{AO}} = \\frac{{{number(h)}}}{{{approx(half_diag, dots=True)}}}"
        angle = f"{trig}({ratio})"
        p = q.part(
            "c",
            "Calculate the angle between the edge $VA$ and the base $ABCD$.",
            marks=2,
            command="Calculate",
        )
        p.step(
            f"The angle is $VAO$: ${ratio_text} = {approx(q.value_of(ratio), dots=True)}$", ratio
        )
        ans = Working(q, angle)
        p.step(f"Angle $VAO = {rounded(ans.value, ANGLE)}^\\circ$", angle)
        method(p, Working(q, ratio), f"${ratio_text}$", step="", qualifiers=("FT", "oe"))
        final(p, ans, accuracy=ANGLE, unit="degrees", step="", awrt=True, label="angle VAO")
        other = {"atand": "atand(h/(s/2))", "acosd": "acosd((s/2)/e)"}[trig]
        misconception(
            p,
            Misconception(
                "used the midpoint of AB instead of O (the angle of a face, not the edge)", other
            ),
        )
