"""Exact trigonometric values (E6.3) and trigonometric equations (E6.4)."""

from __future__ import annotations

import math
import random

import sympy
from sympy import Rational, acos, asin, atan

from generation.engine import formatting
from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.figures import shapes
from generation.engine.authoring.text import approx, degrees, number
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import latex
from questions.schemas import Accuracy, CalculatorPolicy, Tier

ANGLE = Accuracy.ANGLE_1DP
_FUNCS = {"sin": "sind", "cos": "cosd", "tan": "tand"}
_EXACT_ANGLES = {"sin": (0, 30, 45, 60, 90), "cos": (0, 30, 45, 60, 90), "tan": (0, 30, 45, 60)}
_SWAP = {"sin": "cos", "cos": "sin", "tan": "tan"}


def _trig(func: str, angle: object) -> str:
    return f"\\{func} {degrees(angle)}"


@register
class ExactTrigValues(Template):
    key = "trigonometry.exact_values"
    title = "Exact values of sin, cos and tan (non-calculator)"
    codes = {Tier.EXTENDED: ("E6.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Exact trigonometric values"
        labels = iter("abc")
        self._write_down(q, rng, next(labels), "p")
        if difficulty == 1:
            self._write_down(q, rng, next(labels), "q2")
        if difficulty == 3 or difficulty == 5:
            self._expression(q, rng, next(labels), squares=difficulty == 5)
        if difficulty in (2, 3):
            self._side(q, rng, next(labels), divide=False)
        if difficulty == 4:
            self._side(q, rng, next(labels), divide=True)
        if difficulty == 5:
            self._area(q, rng, next(labels))

    def _write_down(self, q: QuestionBuilder, rng: random.Random, label: str, name: str) -> None:
        used = {(q.params.get(f"{g.name}_func"), g.value) for g in q.givens}
        choices = [
            (f, a)
            for f in _FUNCS
            for a in _EXACT_ANGLES[f]
            if a not in (0, 90) and (f, str(a)) not in used
        ]
        func, value_angle = rng.choice(choices)
        angle = q.given(name, value_angle, unit="degrees")
        q.param(f"{name}_func", func)
        value = f"{_FUNCS[func]}({name})"
        p = q.part(
            label,
            f"Write down the exact value of ${_trig(func, angle)}$.",
            marks=1,
            command="Write down",
        )
        p.step(f"${_trig(func, angle)} = {latex(q.value_of(value))}$", value)
        final(
            p,
            Working(q, value, fractions=False),
            step="",
            awarded_for=f"${latex(q.value_of(value))}$",
        )
        if func == "tan":
            misconception(
                p,
                Misconception(
                    f"gave 1/tan {number(angle)}° (the ratio upside down)", f"1/tand({name})"
                ),
            )
        else:
            other = _SWAP[func]
            misconception(
                p,
                Misconception(f"gave {other} {number(angle)}° instead", f"{_FUNCS[other]}({name})"),
            )

    def _expression(
        self, q: QuestionBuilder, rng: random.Random, label: str, *, squares: bool
    ) -> None:
        value_of = {"sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan}
        while True:
            f1, f2 = rng.choice(list(_FUNCS)), rng.choice(list(_FUNCS))
            x1, x2 = rng.choice([30, 45, 60]), rng.choice([30, 45, 60])
            v1, v2 = value_of[f1](sympy.pi * x1 / 180), value_of[f2](sympy.pi * x2 / 180)
            # The answer must not coincide with the first value (its own mark line).
            if all(
                sympy.simplify(r - v1) != 0
                for r in (v1**2 + v2**2, v1**2 - v2**2, v1 + v2, v1 * v2)
            ):
                break
        a1 = q.given("e1", x1, unit="degrees")
        a2 = q.given("e2", x2, unit="degrees")
        q.param("expr", f"{f1}-{f2}")
        t1, t2 = f"{_FUNCS[f1]}(e1)", f"{_FUNCS[f2]}(e2)"
        if squares:
            op = rng.choice(["+", "-"])
            value = f"{t1}**2 {op} {t2}**2"
            shown_text = f"\\{f1}^{{2}} {degrees(a1)} {op} \\{f2}^{{2}} {degrees(a2)}"
            mistake, error, marks = f"{t1} {op} {t2}", "did not square the values", 1
        else:
            op = rng.choice(["+", "\\times"])
            machine_op = "+" if op == "+" else "*"
            value = f"{t1} {machine_op} {t2}"
            shown_text = f"{_trig(f1, a1)} {op} {_trig(f2, a2)}"
            swapped = "1/tand(e1)" if f1 == "tan" else f"{_FUNCS[_SWAP[f1]]}(e1)"
            mistake = f"{swapped} {machine_op} {t2}"
            error = (
                f"used 1/tan {number(a1)}° for tan {number(a1)}°"
                if f1 == "tan"
                else f"used the value of {_SWAP[f1]} {number(a1)}° for {f1} {number(a1)}°"
            )
            marks = 0
        result = q.value_of(value)
        p = q.part(
            label,
            f"Work out the exact value of ${shown_text}$.\nGive your answer in its simplest form.",
            marks=2,
            command="Work out",
        )
        v1 = q.value_of(t1)
        p.step(
            f"${_trig(f1, a1)} = {latex(v1)}$ and ${_trig(f2, a2)} = {latex(q.value_of(t2))}$", t1
        )
        p.step(f"${shown_text} = {latex(result)}$", value)
        p.mark("B", f"${_trig(f1, a1)} = {latex(v1)}$ seen", value=t1)
        final(p, Working(q, value, fractions=False), step="", awarded_for=f"${latex(result)}$")
        if q.value_of(mistake) not in (result, v1):  # v1 would earn its own B mark
            misconception(p, Misconception(error, mistake, (t1,) if marks else ()))

    def _side(self, q: QuestionBuilder, rng: random.Random, label: str, *, divide: bool) -> None:
        theta = q.given("theta", rng.choice([30, 45, 60]), unit="degrees")
        ratio = rng.choice(["sin", "cos"])
        func = _FUNCS[ratio]
        k = q.given("k", 2 * rng.randint(2, 9), unit="cm")
        names = {"sin": ("BC", "AC"), "cos": ("AB", "AC")}[ratio]
        known, unknown = (names[0], names[1]) if divide else (names[1], names[0])
        q.stem = (
            f"Triangle $ABC$ has a right angle at $B$. Angle $BAC = {degrees(theta)}$ and "
            f"${known} = {number(k)}$ cm."
        )
        x, y = shapes.legs(
            math.cos(math.radians(float(theta))), math.sin(math.radians(float(theta)))
        )
        sides = {"AB": ("A", "B"), "BC": ("B", "C"), "AC": ("A", "C")}
        q.diagram_svg = shapes.triangle(
            "A right-angled triangle ABC",
            {"A": (0, 0), "B": (x, 0), "C": (x, y)},
            sides={sides[known]: f"{number(k)} cm", sides[unknown]: f"{unknown}"},
            angles={"A": f"{number(theta)}°"},
            right="B",
        ).svg()
        value = f"k/{func}(theta)" if divide else f"k*{func}(theta)"
        result = q.value_of(value)
        p = q.part(
            label,
            f"Work out the exact length of ${unknown}$.\nGive your answer in its simplest form.",
            marks=3 if divide else 2,
            command="Work out",
        )
        ratio_value = q.value_of(f"{func}(theta)")
        p.answer(value, unit="cm", label=unknown)
        p.step(f"${_trig(ratio, theta)} = {latex(ratio_value)}$", f"{func}(theta)")
        if divide:
            p.step(
                f"${unknown} = {number(k)} \\div {latex(ratio_value)} = "
                f"\\frac{{{latex(2 * k)}}}{{{latex(2 * ratio_value)}}}$",
                value,
            )
            p.step(f"${unknown} = {latex(result)}$ cm", value)
            p.mark("B", f"${_trig(ratio, theta)} = {latex(ratio_value)}$", value=f"{func}(theta)")
            method(p, Working(q, value), f"${number(k)} \\div {latex(ratio_value)}$", step="")
            p.mark(
                "A",
                f"${latex(result)}$",
                value=value,
                qualifiers=["cao"],
                partial=["accept an equivalent form with a rationalised denominator only"],
            )
            misconception(
                p,
                Misconception(
                    "multiplied by the ratio instead of dividing",
                    f"k*{func}(theta)",
                    (f"{func}(theta)",),
                ),
            )
        else:
            p.step(
                f"${unknown} = {number(k)} \\times {latex(ratio_value)} = {latex(result)}$ cm",
                value,
            )
            method(p, Working(q, value), f"${number(k)} \\times {_trig(ratio, theta)}$", step="")
            p.mark("A", f"${latex(result)}$", value=value, qualifiers=["cao"])
            other = _FUNCS[_SWAP[ratio]]
            misconception(
                p, Misconception(f"used {_SWAP[ratio]} instead of {ratio}", f"k*{other}(theta)")
            )

    def _area(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        angle = q.given("C", rng.choice([30, 45, 60, 120, 135, 150]), unit="degrees")
        a = q.given("a", 2 * rng.randint(2, 8), unit="cm")
        b = q.given("b", rng.randint(3, 15), unit="cm")
        area = "a*b*sind(C)/2"
        p = q.part(
            label,
            f"In triangle $PQR$, $PQ = {number(a)}$ cm, $QR = {number(b)}$ cm and angle "
            f"$PQR = {degrees(angle)}$.\nWork out the exact area of triangle $PQR$.",
            marks=2,
            command="Work out",
        )
        p.step(
            f"Area $= \\frac{{1}}{{2}} \\times {number(a)} \\times {number(b)} \\times "
            f"\\sin {degrees(angle)} = \\frac{{1}}{{2}} \\times {number(a)} \\times {number(b)} \\times "
            f"{latex(q.value_of('sind(C)'))}$",
            area,
        )
        p.step(f"Area $= {latex(q.value_of(area))}$ cm$^2$", area)
        method(
            p,
            Working(q, area),
            f"$\\frac{{1}}{{2}} \\times {number(a)} \\times {number(b)} \\times \\sin {degrees(angle)}$",
            step="",
        )
        final(
            p,
            Working(q, area, fractions=False),
            unit="cm^2",
            step="",
            awarded_for=f"${latex(q.value_of(area))}$",
        )
        misconception(p, Misconception("used cos instead of sin", "a*b*cosd(C)/2"))
        misconception(p, Misconception("forgot the ½", "a*b*sind(C)"))


def solutions(func: str, k: str, negative: bool) -> tuple[str, str]:
    """Machine forms of the two solutions of func(x) = k for 0 <= x <= 360, where k is a
    machine-form expression (between -1 and 1 for sin and cos) and ``negative`` its sign."""
    p = f"{_INVERSES[func]}({k})"
    if func == "sin":
        return (f"180 - {p}", f"360 + {p}") if negative else (p, f"180 - {p}")
    if func == "cos":
        return (p, f"360 - {p}")
    return (f"180 + {p}", f"360 + {p}") if negative else (p, f"180 + {p}")


_INVERSES = {"sin": "asind", "cos": "acosd", "tan": "atand"}
_INVERSE_TEX = {"sin": "\\sin^{-1}", "cos": "\\cos^{-1}", "tan": "\\tan^{-1}"}
_SYMMETRY = {
    "sin": "the sine graph is symmetrical about $x = 90^\\circ$ and $x = 270^\\circ$",
    "cos": "the cosine graph is symmetrical about $x = 180^\\circ$",
    "tan": "the tangent graph repeats every $180^\\circ$",
}


@register
class TrigEquation(Template):
    key = "trigonometry.trig_equation"
    title = "Solving trigonometric equations for 0° ≤ x ≤ 360°"
    codes = {Tier.EXTENDED: ("E6.4",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        func = {1: "sin", 2: "cos", 3: "tan"}.get(difficulty) or rng.choice(list(_FUNCS))
        q.param("func", func)
        negative = difficulty >= 4
        f = _FUNCS[func]
        q.title = "Solving a trigonometric equation"
        if difficulty <= 3:
            if func == "tan":
                k_value = Rational(rng.randint(3, 40), 10)
            else:
                k_value = Rational(rng.choice([x for x in range(5, 96, 5) if x != 50]), 100)
            k = q.given("k", k_value)
            equation, k_expr, relation = f"\\{func} x = {number(k)}", "k", f"Eq({f}(x), k)"
        else:
            a_ = rng.randint(2, 9)
            top = rng.randint(1, a_ - 1) if func != "tan" else rng.randint(1, 3 * a_)
            if Rational(top, a_) == 1:
                top += 1
            a = q.given("a", a_)
            if difficulty == 4:
                b = q.given("b", -top)
                equation, k_expr, relation = (
                    f"{number(a)}\\{func} x = {number(b)}",
                    "b/a",
                    f"Eq(a*{f}(x), b)",
                )
            else:
                shift = rng.choice([x for x in range(-9, 10) if x not in (0, top)])
                b = q.given("b", abs(shift))
                c = q.given("c", shift - top)
                sign = "+" if shift > 0 else "-"
                equation = f"{number(a)}\\{func} x {sign} {number(b)} = {number(c)}"
                k_expr = f"(c {'-' if shift > 0 else '+'} b)/a"
                relation = f"Eq(a*{f}(x) {sign} b, c)"
        rearrange = difficulty >= 4
        p = q.part(
            "a",
            f"Solve the equation ${equation}$ for $0^\\circ \\le x \\le 360^\\circ$.",
            marks=3 if rearrange else 2,
            command="Work out",
        )
        k_now = q.value_of(k_expr)
        first, second = solutions(func, k_expr, negative)
        principal = f"{_INVERSES[func]}({k_expr})"
        if rearrange:
            p.step(f"$\\{func} x = {latex(k_now)}$", k_expr)
        p.step(
            f"Calculator value: ${_INVERSE_TEX[func]}\\left({latex(k_now)}\\right) = "
            f"{approx(q.value_of(principal), Accuracy.DP2, dots=True)}^\\circ$",
            principal,
        )
        a1 = p.answer(
            first, accuracy=ANGLE, unit="degrees", label="x", variable="x", satisfies=relation
        )
        a2 = p.answer(
            second, accuracy=ANGLE, unit="degrees", label="x", variable="x", satisfies=relation
        )
        p.step(
            f"Using the graph ({_SYMMETRY[func]}): $x = {a1.latex}^\\circ$ or "
            f"$x = {a2.latex}^\\circ$",
            None,
        )
        if rearrange:
            method(p, Working(q, k_expr), f"$\\{func} x = {latex(k_now)}$", step="")
        p.mark("B", f"${a1.latex}$", value=first, qualifiers=["awrt"])
        p.mark(
            "B",
            f"${a2.latex}$",
            value=second,
            qualifiers=["awrt", "FT"],
            partial=["FT their first answer with the correct symmetry"],
        )
        working = [k_expr] if rearrange else []
        wrong(p, f"x = {a1.plain}", "gave only one solution", working=working)
        shown_p = formatting.display(q.value_of(principal), ANGLE)[0]
        if not negative:
            other = {
                "sin": f"360 - {principal}",
                "cos": f"180 - {principal}",
                "tan": f"360 - {principal}",
            }[func]
            rule = {
                "sin": "used 360° − x instead of 180° − x",
                "cos": "used 180° − x instead of 360° − x",
                "tan": "used 360° − x instead of 180° + x",
            }[func]
            wrong(
                p,
                f"{a1.plain}, {formatting.display(q.value_of(other), ANGLE)[0]}",
                rule,
                working=working,
            )
        elif func == "cos":
            wrong(
                p,
                f"{a1.plain}, {formatting.display(180 - q.value_of(principal), ANGLE)[0]}",
                "used 180° − x for the second solution",
                working=working,
            )
        else:
            wrong(
                p,
                f"{shown_p}, {a1.plain}",
                f"kept the calculator value {shown_p}°, which is "
                "outside the range, and missed a solution",
                working=working,
            )
        radians = {"sin": asin, "cos": acos, "tan": atan}[func](k_now)
        if radians > 0:
            wrong(
                p,
                formatting.display(radians, Accuracy.SF3)[0],
                "used a calculator in radian mode (and gave one value)",
                working=working,
            )
