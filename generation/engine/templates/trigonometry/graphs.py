"""Angles from exact values (E6.3) and the graphs of sin, cos and tan (E6.4): the second
question type for each code. Exact values read backwards (the angle whose sine is
$\\frac{\\sqrt{3}}{2}$, then every solution of $2\\sin x = \\sqrt{3}$ without a calculator), and
the graphs' properties with their symmetry (the other angle with the same sine as $35^\\circ$,
the angles whose cosine is $-\\cos 35^\\circ$)."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.givens import random_angle
from generation.engine.authoring.text import degrees, number
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.trigonometry.exact import solutions
from questions.schemas import CalculatorPolicy, Tier

_FUNCS = {"sin": "sind", "cos": "cosd", "tan": "tand"}
_INVERSES = {"sin": "asind", "cos": "acosd", "tan": "atand"}
# (function, acute angle) -> the equation's coefficient and right-hand side: a f(x) = r.
_EQUATIONS = {
    ("sin", 30): (2, 1),
    ("sin", 45): (2, sympy.sqrt(2)),
    ("sin", 60): (2, sympy.sqrt(3)),
    ("cos", 30): (2, sympy.sqrt(3)),
    ("cos", 45): (2, sympy.sqrt(2)),
    ("cos", 60): (2, 1),
    ("tan", 30): (3, sympy.sqrt(3)),
    ("tan", 45): (1, 1),
    ("tan", 60): (1, sympy.sqrt(3)),
}
_SYMMETRY = {
    "sin": "the sine graph is symmetrical about $x = 90^\\circ$ and $x = 270^\\circ$",
    "cos": "the cosine graph is symmetrical about $x = 180^\\circ$",
    "tan": "the tangent graph repeats every $180^\\circ$",
}
# The other angle with the same value, and the usual wrong rule.
_SAME = {
    "sin": ("180 - al", "360 - al", "used 360° − x instead of 180° − x"),
    "cos": ("360 - al", "180 - al", "used 180° − x instead of 360° − x"),
    "tan": ("180 + al", "180 - al", "used 180° − x instead of 180° + x"),
}
# The two angles with the opposite value.
_OPPOSITE = {
    "sin": ("180 + al", "360 - al"),
    "cos": ("180 - al", "180 + al"),
    "tan": ("180 - al", "360 - al"),
}


def _pair(p: PartBuilder, first: str, second: str, relation: str) -> tuple[str, str]:
    """Both solutions as answers, each with its B1 (the second FT), returned as LaTeX."""
    a1 = p.answer(first, unit="degrees", label="x", variable="x", satisfies=relation)
    a2 = p.answer(second, unit="degrees", label="x", variable="x", satisfies=relation)
    p.mark("B", f"${a1.latex}$", value=first)
    p.mark(
        "B",
        f"${a2.latex}$",
        value=second,
        qualifiers=["FT"],
        partial=["FT their first answer with the correct symmetry"],
    )
    return a1.latex, a2.latex


@register
class ExactAngles(Template):
    key = "trigonometry.exact_angles"
    title = "Angles from exact trigonometric values (non-calculator)"
    codes = {Tier.EXTENDED: ("E6.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Angles from exact trigonometric values"
        pairs = rng.sample(sorted(_EQUATIONS), 2)
        labels = iter("abc")
        if difficulty in (1, 3, 5):
            self._acute(q, next(labels), pairs[1], "v1")
        if difficulty == 1:
            self._acute(q, next(labels), pairs[0], "v2")
        else:
            self._solve(q, rng, next(labels), pairs[0], difficulty)

    @staticmethod
    def _acute(q: QuestionBuilder, label: str, pair: tuple[str, int], name: str) -> None:
        func, angle = pair
        a, r = _EQUATIONS[pair]
        ratio = sympy.sympify(r) / a
        v = q.given(name, ratio, display=sympy.latex(ratio))
        p = q.part(
            label,
            f"Write down the acute angle $x$ for which $\\{func} x = {sympy.latex(v)}$.",
            marks=1,
            command="Write down",
        )
        answer = Working(q, f"{_INVERSES[func]}({name})")
        final(p, answer, unit="degrees", step=f"$\\{func} {degrees(angle)} = {sympy.latex(v)}$")
        misconception(
            p,
            Misconception(
                "gave the complementary angle (mixed up the values for 30° and 60°)",
                f"90 - {_INVERSES[func]}({name})",
            ),
        )

    @staticmethod
    def _solve(
        q: QuestionBuilder, rng: random.Random, label: str, pair: tuple[str, int], difficulty: int
    ) -> None:
        func, angle = pair
        f = _FUNCS[func]
        a_, r_ = _EQUATIONS[pair]
        negative = difficulty >= 4
        rearrange = difficulty >= 3
        if not rearrange:
            ratio = sympy.sympify(r_) / a_
            v = q.given("k", ratio, display=sympy.latex(ratio))
            equation, k, relation = f"\\{func} x = {sympy.latex(v)}", "k", f"Eq({f}(x), k)"
        else:
            r = q.given("r", r_, display=sympy.latex(sympy.sympify(r_)))
            if a_ == 1:  # tan x = r: no coefficient is printed, so none is declared
                lhs, over, times = f"\\{func} x", "r", f"{f}(x)"
            else:
                a = q.given("a", a_)
                lhs, over, times = f"{number(a)}\\{func} x", "r/a", f"a*{f}(x)"
            r_tex = sympy.latex(r)
            if negative:
                equation, k, relation = f"{lhs} + {r_tex} = 0", f"-{over}", f"Eq({times} + r, 0)"
            elif rng.random() < 0.5:
                equation, k, relation = f"{lhs} = {r_tex}", over, f"Eq({times}, r)"
            else:
                equation, k, relation = f"{lhs} - {r_tex} = 0", over, f"Eq({times} - r, 0)"
        q.param("func", func)
        p = q.part(
            label,
            f"Solve the equation ${equation}$ for $0^\\circ \\le x \\le 360^\\circ$.",
            marks=3 if rearrange else 2,
            command="Work out",
        )
        k_now = q.value_of(k)
        if rearrange:
            method(p, Working(q, k), f"$\\{func} x = {sympy.latex(k_now)}$", step="")
            p.step(f"$\\{func} x = {sympy.latex(k_now)}$", k)
        p.step(
            f"$\\{func} {degrees(angle)} = {sympy.latex(abs(k_now))}$, so the acute angle is "
            f"${degrees(angle)}$",
            f"{_INVERSES[func]}(abs({k}))",
        )
        first, second = solutions(func, k, negative)
        x1, x2 = _pair(p, first, second, relation)
        p.step(f"Using the graph ({_SYMMETRY[func]}): $x = {x1}^\\circ$ or $x = {x2}^\\circ$", None)
        working = [k] if rearrange else []
        wrong(p, f"x = {q.value_of(first)}", "gave only one solution", working=working)
        if negative:
            acute = f"{_INVERSES[func]}(abs({k}))"
            other = _SAME[func][0].replace("al", acute)
            wrong(
                p,
                f"{q.value_of(acute)}, {q.value_of(other)}",
                "ignored the minus sign (solved for the positive value)",
            )
        else:
            other = _SAME[func][1].replace("al", first)
            wrong(p, f"{q.value_of(first)}, {q.value_of(other)}", _SAME[func][2], working=working)


# Properties read from the graph for 0° <= x <= 360°: (what to write down, answer, a wrong
# answer, its error).
_PROPERTIES = {
    "sin": [
        ("the maximum value of $y = \\sin x$", "1", "90", "gave the value of x, not y"),
        ("the minimum value of $y = \\sin x$", "-1", "270", "gave the value of x, not y"),
        (
            "the value of $x$ at which $y = \\sin x$ has its minimum",
            "270",
            "-1",
            "gave the minimum value of y, not x",
        ),
        (
            "the value of $x$, other than $0^\\circ$ and $360^\\circ$, where $y = \\sin x$ "
            "crosses the $x$-axis",
            "180",
            "90",
            "gave where the graph has its maximum",
        ),
    ],
    "cos": [
        ("the minimum value of $y = \\cos x$", "-1", "180", "gave the value of x, not y"),
        (
            "the value of $x$ at which $y = \\cos x$ has its minimum",
            "180",
            "270",
            "used the minimum of the sine graph",
        ),
        (
            "the smallest value of $x$ where $y = \\cos x$ crosses the $x$-axis",
            "90",
            "0",
            "mixed up the sine and cosine graphs",
        ),
        ("the value of $y$ where $y = \\cos x$ crosses the $y$-axis", "1", "0", "used sin 0°"),
    ],
    "tan": [
        ("the period of $y = \\tan x$", "180", "360", "gave the period of sin and cos"),
        (
            "the value of $x$ between $90^\\circ$ and $270^\\circ$ where $y = \\tan x$ crosses "
            "the $x$-axis",
            "180",
            "135",
            "took the midpoint of the range of x",
        ),
        (
            "the smallest value of $x$ for which $\\tan x$ is not defined",
            "90",
            "45",
            "confused the asymptote with tan x = 1",
        ),
    ],
}


@register
class TrigGraphs(Template):
    key = "trigonometry.trig_graphs"
    title = "Properties and symmetry of the graphs of sin, cos and tan"
    codes = {Tier.EXTENDED: ("E6.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Graphs of trigonometric functions"
        funcs = rng.sample(list(_FUNCS), 2)
        q.param("func", funcs[0])
        labels = iter("abcde")
        if difficulty in (1, 2, 4, 5):
            self._property(q, rng, next(labels), funcs[0] if difficulty > 1 else funcs[1])
        if difficulty == 1:
            self._property(q, rng, next(labels), funcs[0], avoid=q.parts[0].text)
            return
        angle = q.given("al", random_angle(rng, 11, 79), unit="degrees")
        self._same(q, next(labels), funcs[0], angle)
        if difficulty >= 3:
            self._opposite(q, next(labels), funcs[0], angle)
        if difficulty == 5:  # a second graph at a second angle, so no answer repeats
            beta = random_angle(rng, 11, 79)
            while beta in (angle, 90 - angle):
                beta = random_angle(rng, 11, 79)
            second = q.given("be", beta, unit="degrees")
            self._same(q, next(labels), funcs[1], second, "be")
            self._opposite(q, next(labels), funcs[1], second, "be")

    @staticmethod
    def _property(
        q: QuestionBuilder, rng: random.Random, label: str, func: str, avoid: str = ""
    ) -> None:
        asked, value, mistake, error = rng.choice(
            [row for row in _PROPERTIES[func] if row[0] not in avoid]
        )
        p = q.part(
            label,
            f"For $0^\\circ \\le x \\le 360^\\circ$, write down {asked}.",
            marks=1,
            command="Write down",
        )
        unit = "" if value in ("1", "-1") else "degrees"
        shown = degrees(value) if unit else number(sympy.Integer(value))
        final(
            p, Working(q, value), unit=unit, step=f"From the graph of $y = \\{func} x$: ${shown}$"
        )
        misconception(p, Misconception(error, mistake))

    @staticmethod
    def _same(q: QuestionBuilder, label: str, func: str, angle: object, name: str = "al") -> None:
        f = _FUNCS[func]
        right, mistake, error = (row.replace("al", name) for row in _SAME[func])
        p = q.part(
            label,
            f"Find the other value of $x$, $0^\\circ \\le x \\le 360^\\circ$, for which "
            f"$\\{func} x = \\{func} {degrees(angle)}$.",
            marks=2,
            command="Work out",
        )
        p.step(f"Using the graph: {_SYMMETRY[func]}", None)
        other = Working(q, right)
        method(p, other, step="")
        final(
            p,
            other,
            unit="degrees",
            label="x",
            variable="x",
            satisfies=f"Eq({f}(x), {f}({name}))",
        )
        misconception(p, Misconception(error, mistake))
        misconception(p, Misconception("gave the angle already given", name))

    @staticmethod
    def _opposite(
        q: QuestionBuilder, label: str, func: str, angle: object, name: str = "al"
    ) -> None:
        f = _FUNCS[func]
        p = q.part(
            label,
            f"Find the two values of $x$, $0^\\circ \\le x \\le 360^\\circ$, for which "
            f"$\\{func} x = -\\{func} {degrees(angle)}$.",
            marks=2,
            command="Work out",
        )
        first, second = (row.replace("al", name) for row in _OPPOSITE[func])
        p.step(
            f"The value is negative, so $x$ is where the graph of $y = \\{func} x$ is below the "
            f"$x$-axis; {_SYMMETRY[func]}",
            None,
        )
        x1, x2 = _pair(p, first, second, f"Eq({f}(x), -{f}({name}))")
        shown = first.replace(name, number(angle)), second.replace(name, number(angle))
        p.step(f"${shown[0]} = {x1}$ and ${shown[1]} = {x2}$", first)
        p.step(f"$x = {x1}^\\circ$ or $x = {x2}^\\circ$", None)
        same = _SAME[func][0].replace("al", name)
        wrong(
            p,
            f"{number(angle)}, {q.value_of(same)}",
            "ignored the minus sign (gave the angles with the same value)",
        )
        if func != "cos":  # the calculator's value of sin⁻¹ or tan⁻¹ of a negative number
            wrong(p, f"-{number(angle)}", "gave the calculator's negative angle, outside the range")
