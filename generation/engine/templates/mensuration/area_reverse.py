"""Area and perimeter worked backwards and in context (5.2): a missing side from a perimeter or an
area, a rectangle with the same perimeter as a square, fencing and seed for a field, a
triangle's height from its area, and a rectangle whose sides are given in terms of x."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    method,
    misconception,
    text,
)
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP


@register
class AreaReverse(Template):
    key = "mensuration.area_perimeter_reverse"
    title = "Area and perimeter backwards: a missing length from a perimeter or an area, and costs"
    codes = {Tier.CORE: ("C5.2",), Tier.EXTENDED: ("E5.2",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        {
            1: self._rectangle_width,
            2: self._square_and_rectangle,
            3: self._field,
            4: self._triangle_height,
            5: self._algebraic_rectangle,
        }[difficulty](q, rng)

    @staticmethod
    def _rectangle_width(q: QuestionBuilder, rng: random.Random) -> None:
        length = rng.randint(8, 25)
        width = rng.randint(3, length - 2)
        perimeter = 2 * (length + width)
        q.given("L", length)
        q.given("P", perimeter)
        q.title = "A rectangle from its perimeter"
        q.stem = (
            f"A rectangle has length ${length}$ cm. The perimeter of the rectangle is "
            f"${perimeter}$ cm."
        )
        part = q.part("a", "Work out the width of the rectangle.", marks=2, command="Work out")
        two = Working(q, "P - 2*L", latex=f"{perimeter} - 2 \\times {length}")
        method(part, two, step=two.equation() + " cm for the two widths")
        w = Working(q, "(P - 2*L)/2")
        final(part, w, unit="cm", step=f"Width $= {two.latex} \\div 2 = {w.latex}$ cm")
        misconception(
            part,
            Misconception("did not halve what is left for the two widths", "P - 2*L", ("P - 2*L",)),
        )
        misconception(
            part, Misconception("took the length away from the perimeter only once", "P - L")
        )
        part = q.part("b", "Work out the area of the rectangle.", marks=1, command="Work out")
        area = Working(q, "L*(P - 2*L)/2", latex=f"{length} \\times {w.latex}")
        final(
            part,
            area,
            unit="cm^2",
            step=area.equation() + " cm$^2$",
            awarded_for=f"${area.latex}$ cm$^2$ FT their width",
            qualifiers=["FT"],
        )
        misconception(
            part,
            Misconception("added the length and the width", "L + (P - 2*L)/2"),
        )

    @staticmethod
    def _square_and_rectangle(q: QuestionBuilder, rng: random.Random) -> None:
        side = rng.randint(5, 15)
        length = rng.randint(side + 1, 2 * side - 2)
        q.given("A", side * side)
        q.given("l", length)
        q.title = "A square and a rectangle with the same perimeter"
        q.stem = f"A square has an area of ${side * side}$ cm$^2$."
        part = q.part("a", "Work out the perimeter of the square.", marks=2, command="Work out")
        s = Working(q, "sqrt(A)")
        method(
            part,
            s,
            f"$\\sqrt{{{side * side}}}$ or ${side}$ seen",
            step=f"Side $= \\sqrt{{{side * side}}} = {side}$ cm",
            qualifiers=["soi"],
        )
        p = Working(q, "4*sqrt(A)")
        final(part, p, unit="cm", step=f"Perimeter $= 4 \\times {side} = {p.latex}$ cm")
        misconception(part, Misconception("divided the area by 4", "A/4", fractions=False))
        misconception(
            part,
            Misconception(
                "gave the side of the square, not the perimeter", "sqrt(A)", ("sqrt(A)",)
            ),
        )

        part = q.part(
            "b",
            f"A rectangle has the same perimeter as the square. The length of the rectangle is "
            f"${length}$ cm. Work out the area of the rectangle.",
            marks=3,
            command="Work out",
        )
        width = Working(q, "(4*sqrt(A) - 2*l)/2", latex=f"({p.latex} - 2 \\times {length}) \\div 2")
        method(part, width, step=f"Width $= {width.substituted} = {width.latex}$ cm")
        area = Working(q, "l*(4*sqrt(A) - 2*l)/2", latex=f"{length} \\times {width.latex}")
        method(
            part,
            area,
            f"${length} \\times$ their width",
            step=area.equation() + " cm$^2$",
            qualifiers=["dep"],
        )
        final(part, area, unit="cm^2", step="", awarded_for=f"${area.latex}$ cm$^2$")
        misconception(
            part,
            Misconception("assumed the rectangle has the same area as the square", "A"),
        )
        misconception(
            part,
            Misconception(
                "took the whole of the perimeter minus the length as the width",
                "l*(4*sqrt(A) - l)",
            ),
        )

    @staticmethod
    def _field(q: QuestionBuilder, rng: random.Random) -> None:
        a, b = rng.randint(15, 45), rng.randint(10, 30)
        if a == b:
            raise Reject("a square field")
        fence = Rational(rng.choice([350, 425, 450, 480, 525, 600, 650, 750]), 100)
        cover = rng.choice([20, 25, 30, 40, 50])
        price = Rational(rng.choice([799, 850, 1050, 1199, 1250, 1499]), 100)
        if (a * b) % cover == 0:
            raise Reject("the boxes cover the field exactly")
        q.given("a", a)
        q.given("b", b)
        q.given("f", fence, display=text.amount(fence))
        q.given("k", cover)
        q.given("p", price, display=text.amount(price))
        q.title = "Fencing and seeding a field"
        q.stem = (
            f"A rectangular field measures ${a}$ m by ${b}$ m. A fence is put all the way round "
            f"the edge of the field. The fencing costs ${text.money(fence)}$ per metre."
        )
        part = q.part("a", "Calculate the cost of the fencing.", marks=2, command="Calculate")
        perimeter = Working(q, "2*(a + b)")
        method(part, perimeter, step=perimeter.equation("\\text{Perimeter}") + " m")
        cost = Working(q, "2*(a + b)*f", fractions=False)
        final(
            part,
            cost,
            accuracy=MONEY,
            unit="$",
            step=f"Cost $= {perimeter.latex} \\times {text.amount(fence)} = "
            f"{text.money(cost.value)}$",
            awarded_for=f"${text.money(cost.value)}$",
        )
        misconception(
            part,
            Misconception(
                "used the area instead of the perimeter", "a*b*f", accuracy=MONEY, fractions=False
            ),
        )
        misconception(
            part,
            Misconception(
                "added only two sides", "(a + b)*f", ("a + b",), accuracy=MONEY, fractions=False
            ),
        )

        part = q.part(
            "b",
            f"Grass seed is sold in boxes. One box of seed covers ${cover}$ m$^2$ and costs "
            f"${text.money(price)}$. Calculate the cost of buying enough boxes to cover the whole "
            "field.",
            marks=3,
            command="Calculate",
        )
        area = Working(q, "a*b")
        method(part, area, step=area.equation("\\text{Area}") + " m$^2$")
        boxes = Working(q, "ceiling(a*b/k)")
        share = Working(q, "a*b/k", latex=f"{area.latex} \\div {cover}", fractions=False)
        method(
            part,
            share,
            f"${area.latex} \\div {cover}$, rounded up to ${boxes.latex}$",
            step=share.equation(accuracy=Accuracy.SF4) + f", so ${boxes.latex}$ boxes",
        )
        total = Working(q, "ceiling(a*b/k)*p", fractions=False)
        final(
            part,
            total,
            accuracy=MONEY,
            unit="$",
            step=f"${boxes.latex} \\times {text.amount(price)} = {text.money(total.value)}$",
            awarded_for=f"${text.money(total.value)}$",
        )
        misconception(
            part,
            Misconception(
                "did not round the number of boxes up to a whole number",
                "a*b/k*p",
                ("a*b", "a*b/k"),
                accuracy=MONEY,
                fractions=False,
            ),
        )

    @staticmethod
    def _triangle_height(q: QuestionBuilder, rng: random.Random) -> None:
        base = rng.randint(6, 20)
        height = rng.randint(4, 18)
        if (base * height) % 2:
            base += 1
        area = Rational(base * height, 2)
        q.given("b", base)
        q.given("A", area)
        side = rng.randint(4, 12)
        q.given("s", side)
        q.title = "A triangle and a parallelogram with the same area"
        q.stem = f"A triangle has base ${base}$ cm and area ${number(area)}$ cm$^2$."
        part = q.part(
            "a",
            "Work out the perpendicular height of the triangle.",
            marks=2,
            command="Work out",
        )
        eq_latex = f"\\frac{{1}}{{2}} \\times {base} \\times h = {number(area)}"
        h = Working(q, "2*A/b", latex=f"\\frac{{2 \\times {number(area)}}}{{{base}}}")
        method(part, h, f"${eq_latex}$ oe", step=f"${eq_latex}$, so $h = {h.substituted}$")
        final(part, h, unit="cm", step=f"$h = {h.latex}$ cm")
        misconception(
            part, Misconception("forgot the half in the area of a triangle", "A/b", fractions=False)
        )
        part = q.part(
            "b",
            f"A parallelogram has the same area as the triangle. The base of the parallelogram is "
            f"${side}$ cm. Work out its perpendicular height.",
            marks=2,
            command="Work out",
        )
        ph = Working(q, "A/s", latex=f"{number(area)} \\div {side}", fractions=False)
        method(part, ph, step=f"${side} \\times h = {number(area)}$, so $h = {ph.substituted}$")
        accuracy = Accuracy.EXACT if (ph.value * 100).q == 1 else Accuracy.SF3
        final(
            part,
            ph,
            accuracy=accuracy,
            unit="cm",
            qualifiers=[] if accuracy == Accuracy.EXACT else ["awrt"],
        )
        misconception(
            part,
            Misconception(
                "used half base times height for the parallelogram",
                "2*A/s",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    @staticmethod
    def _algebraic_rectangle(q: QuestionBuilder, rng: random.Random) -> None:
        k = rng.choice([2, 3])
        extra = rng.choice([v for v in range(-4, 8) if v])
        x = rng.randint(3, 12)
        length = k * x + extra
        if length <= x:
            raise Reject("the length should be the longer side")
        perimeter = 2 * (length + x)
        q.given("k", k)
        q.given("e", abs(extra))
        q.given("P", perimeter)
        e_src = "e" if extra > 0 else "(-e)"
        q.title = "A rectangle with sides in terms of x"
        q.stem = (
            f"The width of a rectangle is $x$ cm. Its length is ${text.terms([(k, 'x'), (extra, '')])}$ "
            f"cm. The perimeter of the rectangle is ${perimeter}$ cm."
        )
        part = q.part(
            "a",
            "Form an equation in $x$ and solve it to find the value of $x$.",
            marks=3,
            command="Work out",
        )
        lhs = f"2(x + {text.terms([(k, 'x'), (extra, '')])})"
        eq = f"Eq(2*(x + k*x + {e_src}), P)"
        part.step(f"${lhs} = {perimeter}$", eq)
        part.mark("M", f"${lhs} = {perimeter}$ oe", value=eq, qualifiers=["oe"])
        simplified = f"Eq({2 * (k + 1)}*x, P - 2*{e_src})"
        part.step(f"${2 * (k + 1)}x = {perimeter - 2 * extra}$", simplified)
        part.mark("M", f"${2 * (k + 1)}x = {perimeter - 2 * extra}$", value=simplified)
        xw = Working(q, f"(P - 2*{e_src})/(2*(k + 1))")
        final(part, xw, step=f"$x = {xw.latex}$", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "used length + width = perimeter (forgot to double)",
                f"(P - {e_src})/(k + 1)",
            ),
        )
        part = q.part("b", "Work out the area of the rectangle.", marks=2, command="Work out")
        ll = Working(q, f"k*{xw.source} + {e_src}")
        method(
            part,
            ll,
            f"length $= {ll.latex}$",
            step=f"Length $= {k} \\times {xw.latex} {text.signed(extra)} = {ll.latex}$ cm",
        )
        area = Working(q, f"{xw.source}*({ll.source})", latex=f"{xw.latex} \\times {ll.latex}")
        final(
            part,
            area,
            unit="cm^2",
            step=area.equation() + " cm$^2$",
            awarded_for=f"${area.latex}$ cm$^2$",
        )
        misconception(
            part,
            Misconception(
                "added the length and the width instead of multiplying",
                f"{xw.source} + {ll.source}",
                (ll.source,),
            ),
        )
