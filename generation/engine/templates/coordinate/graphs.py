"""Drawing linear graphs (syllabus 3.2): a table of values and where the line meets the axes."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.coordinates import (
    point,
    state_general_line,
    state_line,
    wrong_point,
)
from generation.engine.authoring.text import bracket, frac
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


def _table(xs: list[int], ys: list[sympy.Rational | None]) -> str:
    columns = "|c|" + "c|" * len(xs)
    top = " & ".join(str(v) for v in xs)
    bottom = " & ".join("" if v is None else frac(v) for v in ys)
    return (
        f"$\\begin{{array}}{{{columns}}}\\hline x & {top} \\\\ \\hline y & {bottom} \\\\ "
        "\\hline\\end{array}$"
    )


@register
class TableOfValues(Template):
    key = "coordinate.table_of_values"
    title = "Straight-line graph: table of values and crossing points"
    codes = {Tier.CORE: ("C3.2",), Tier.EXTENDED: ("E3.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        general = q.tier == Tier.EXTENDED and difficulty >= 4
        if general:
            b = rng.choice([2, 3, -2, -3])
            a = rng.choice([n for n in range(2, 6) if math.gcd(n, b) == 1])
            # k = b*t: whole y-values at multiples of b, and (t not a multiple of a) an x-axis
            # crossing that is not in the table.
            t = rng.choice([v for v in range(-6, 7) if v % a])
            k = b * t
            equation, m_form, c_form = state_general_line(q, a, b, k)
            m, c = sympy.Rational(-a, b), sympy.Rational(k, b)
            xs = [abs(b) * v for v in range(-1, 4)]
        else:
            for _ in range(50):
                if difficulty == 1:
                    m, c = sympy.Integer(rng.choice([2, 3])), sympy.Integer(rng.randint(1, 5))
                    xs = list(range(-2, 4))
                elif difficulty <= 3:
                    m = sympy.Integer(rng.choice([-3, -2, -1, 2, 3, 4]))
                    c = sympy.Integer(rng.choice([v for v in range(-6, 7) if v]))
                    xs = list(range(-3, 4))
                else:
                    m = sympy.Rational(rng.choice([1, -1, 3, -3]), 2)
                    c = sympy.Integer(rng.choice([v for v in range(-5, 6) if v]))
                    xs = list(range(-4, 7, 2))
                # From difficulty 3 the x-axis crossing is asked for: keep it out of the table.
                if difficulty < 3 or -c / m not in xs:
                    break
            equation, m_form, c_form = state_line(q, m, c)
        line = f"({m_form})*x + ({c_form})"

        ys = [m * v + c for v in xs]
        blanks = sorted(rng.sample(range(len(xs)), 3))
        if difficulty == 1 and 0 not in blanks:
            blanks = sorted([0, *blanks[1:]])
        shown = [None if i in blanks else ys[i] for i in range(len(xs))]
        q.param("blanks", ",".join(str(i) for i in blanks))
        q.title = "Straight-line graph"
        q.stem = f"This is a table of values for ${equation}$."

        part = q.part(
            "a",
            f"Complete the table.\n\n{_table(xs, shown)}",
            marks=3,
            command="Work out",
        )
        for i in blanks:
            xv = xs[i]
            value = f"({m_form})*({xv}) + ({c_form})"
            yv = ys[i]
            if general:
                part.step(
                    f"When $x = {xv}$: ${equation.replace('x', f'({xv})', 1)}$ gives "
                    f"$y = {frac(yv)}$",
                    value,
                )
            else:
                rhs = equation.split("=", 1)[1].strip().replace("x", f"\\times {bracket(xv)}", 1)
                if rhs.startswith("\\times"):
                    rhs = rhs[len("\\times ") :]
                elif rhs.startswith("-\\times"):
                    rhs = "-" + rhs[len("-\\times ") :]
                part.step(f"When $x = {xv}$: $y = {rhs} = {frac(yv)}$", value)
            part.answer(value, label=f"y when x = {xv}")
            part.mark("B", f"${frac(yv)}$ at $x = {xv}$", value=value)

        y_cross = (0, c)
        part = q.part(
            "b",
            "Write down the coordinates of the point where the line crosses the $y$-axis.",
            marks=1,
            command="Write down",
        )
        part.step(f"On the $y$-axis $x = 0$, so $y = {frac(c)}$.", f"(0, {c_form})")
        part.answer(f"(0, {c_form})", kind="coordinates")
        part.mark("B", f"${point(y_cross)}$", value=f"(0, {c_form})")
        wrong_point(part, (c_form, 0), "wrote the coordinates in the wrong order")

        if difficulty >= 3:
            root = -c / m
            eq_form = f"Eq({line}, 0)"
            if general:
                x_term = "x" if a == 1 else f"{a}x"
                at_zero = f"{x_term} = {k}"  # ax + by = k with y = 0
            else:
                at_zero = f"0 = {equation.split('=', 1)[1].strip()}"
            part = q.part(
                "c",
                "Find the coordinates of the point where the line crosses the $x$-axis.",
                marks=2,
                command="Work out",
            )
            part.step(f"On the $x$-axis $y = 0$: ${at_zero}$", eq_form)
            part.step(f"$x = {frac(root)}$", f"-({c_form})/({m_form})")
            part.answer(f"(-({c_form})/({m_form}), 0)", kind="coordinates")
            part.mark("M", f"${at_zero}$ oe", value=eq_form)
            part.mark("A", f"${point((root, 0))}$", value=f"(-({c_form})/({m_form}), 0)")
            wrong_point(
                part,
                (f"({c_form})/({m_form})", 0),
                "sign error when rearranging y = 0 for x",
                [eq_form],
            )
            wrong_point(
                part,
                (0, f"-({c_form})/({m_form})"),
                "found x correctly but wrote the coordinates in the wrong order",
                [eq_form],
            )

        if difficulty == 5:
            p = rng.choice([v for v in range(-12, 13, 2 if m.q == 2 else 1) if abs(v) >= 5])
            if general:
                p = abs(b) * rng.choice([-3, -2, 4, 5, 6])
            yp = m * p + c
            q.given("yP", yp, display=frac(yp))
            relation = f"Eq(({m_form})*p + ({c_form}), yP)"
            part = q.part(
                "d",
                f"The point $(p, {frac(yp)})$ lies on the line. Find the value of $p$.",
                marks=2,
                command="Work out",
            )
            part.step(f"Substitute $y = {frac(yp)}$ into ${equation}$.", relation)
            part.step(f"$p = {p}$", f"(yP - ({c_form}))/({m_form})")
            part.answer(
                f"(yP - ({c_form}))/({m_form})", variable="p", satisfies=relation, label="p"
            )
            part.mark("M", "substituting $y$ into the equation of the line", value=relation)
            part.mark("A", f"${p}$", value=f"(yP - ({c_form}))/({m_form})")
            misconception(
                part,
                Misconception(
                    "added the intercept instead of subtracting it",
                    f"(yP + ({c_form}))/({m_form})",
                    (relation,),
                ),
            )
