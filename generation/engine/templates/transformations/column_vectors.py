"""Column vectors (E7.2) and their magnitude (E7.3)."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import wrong
from generation.engine.authoring.coordinates import column_vector as column
from generation.engine.authoring.text import bracket, terms
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.expressions import machine
from generation.engine.formatting import display
from generation.engine.templates.transformations._grid import coords, plain_coords
from generation.engine.templates.transformations._vectors import combo_latex
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier


@register
class ColumnVectors(Template):
    key = "transformations.column_vectors"
    title = "Column vectors: combinations, magnitude and position"
    codes = {Tier.EXTENDED: ("E7.2", "E7.3")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        calc = CalculatorPolicy.NOT_ALLOWED if difficulty <= 2 else CalculatorPolicy.ALLOWED

        def comp(low: int = -7, high: int = 7) -> int:
            return rng.choice([v for v in range(low, high + 1) if v != 0])

        a = (comp(), comp())
        b = (comp(), comp())
        if a[0] * b[1] == a[1] * b[0]:
            raise Reject("a and b are parallel")
        if difficulty == 1:
            m, n = 1, 1
        elif difficulty == 2:
            m, n = rng.choice([2, 3]), -1
        elif difficulty == 3:
            m, n = rng.choice([2, 3]), rng.choice([-2, -3, 2])
        else:
            m, n = rng.choice([3, 4, -2]), rng.choice([-3, -2, 5])
        # The vector whose magnitude is asked for.
        if difficulty == 1:
            target = rng.choice([(3, 4), (6, 8), (5, 12), (8, 6), (4, 3), (12, 5)])
            target = (target[0] * rng.choice([1, -1]), target[1] * rng.choice([1, -1]))
            b = target
            if a[0] * b[1] == a[1] * b[0]:
                raise Reject("a and b are parallel")
        elif difficulty == 2:
            k = rng.choice([2, 3])
            base = rng.choice([(1, 2), (2, 1), (1, 3), (3, 1), (2, 3), (3, 2)])
            b = (k * base[0] * rng.choice([1, -1]), k * base[1] * rng.choice([1, -1]))
            if a[0] * b[1] == a[1] * b[0]:
                raise Reject("a and b are parallel")

        a1 = q.given("a1", a[0])
        a2 = q.given("a2", a[1])
        b1 = q.given("b1", b[0])
        b2 = q.given("b2", b[1])
        q.title = "Column vectors"
        q.stem = f"$\\mathbf{{a}} = {column(a)}$ and $\\mathbf{{b}} = {column(b)}$."
        q.param("m", m)
        q.param("n", n)

        # (a) a combination
        combo_l = combo_latex([(m, "\\mathbf{a}"), (n, "\\mathbf{b}")])
        value = (m * a1 + n * b1, m * a2 + n * b2)
        sa1, sa2, sb1, sb2 = sympy.symbols("a1 a2 b1 b2")
        combo = (m * sa1 + n * sb1, m * sa2 + n * sb2)
        expr = machine(combo)
        marks = 1 if difficulty == 1 else 2
        part = q.part(
            "a",
            f"{'Write down' if marks == 1 else 'Work out'} ${combo_l}$ as a column vector.",
            marks=marks,
            command="Write down" if marks == 1 else "Work out",
            calculator=calc,
        )
        if m != 1 or n != 1:
            part.step(
                f"${combo_latex([(m, '\\mathbf{a}')])} = {column((m * a1, m * a2))}$ and "
                f"${combo_latex([(n, '\\mathbf{b}')])} = {column((n * b1, n * b2))}$",
                (m * a1, m * a2),
            )
        part.step(f"${combo_l} = {column(value)}$", expr)
        part.answer(expr, kind=AnswerKind.VECTOR, plain=plain_coords(value), latex=column(value))
        part.mark(
            "B",
            f"${column(value)}$",
            marks,
            value=expr,
            partial=["B1 for one correct component"] if marks == 2 else [],
        )
        if n < 0:
            flipped = (m * a1 - n * b1, m * a2 - n * b2)
            wrong(
                part,
                plain_coords(flipped),
                "added the multiple of b instead of subtracting it (sign error)",
                latex=column(flipped),
            )
        if m != 1:
            lazy = (m * a1 + n * b1, a2 + n * b2)
            wrong(
                part,
                plain_coords(lazy),
                "multiplied only the top component of a by the scalar",
                latex=column(lazy),
            )

        # (b) magnitude
        if difficulty <= 2:
            vec, name, vexpr = b, "\\mathbf{b}", ("b1", "b2")
        else:
            vec, name, vexpr = value, combo_l, (machine(combo[0]), machine(combo[1]))
        squares = f"({vexpr[0]})**2 + ({vexpr[1]})**2"
        magnitude = f"sqrt({squares})"
        exact = sympy.sqrt(vec[0] ** 2 + vec[1] ** 2)
        if difficulty == 2:
            text = (
                f"Find $\\left|{name}\\right|$, giving your answer as a surd in its simplest form."
            )
            command = "Work out"
        else:
            text = f"{'Calculate' if calc == CalculatorPolicy.ALLOWED else 'Work out'} $\\left|{name}\\right|$."
            command = "Calculate" if calc == CalculatorPolicy.ALLOWED else "Work out"
        part = q.part("b", text, marks=2, command=command, calculator=calc)
        sq = f"{bracket(vec[0])}^2 + {bracket(vec[1])}^2"
        part.step(
            f"$\\left|{name}\\right| = \\sqrt{{{sq}}} = \\sqrt{{{vec[0] ** 2 + vec[1] ** 2}}}$",
            squares,
        )
        accuracy = (
            Accuracy.EXACT
            if exact.is_Integer or calc == CalculatorPolicy.NOT_ALLOWED
            else Accuracy.SF3
        )
        ans = part.answer(magnitude, accuracy=accuracy)
        part.step(f"$\\left|{name}\\right| = {ans.latex}$", magnitude)
        part.mark("M", f"${sq}$", value=squares, qualifiers=["oe"])
        part.mark(
            "A",
            f"${ans.latex}$",
            value=magnitude,
            qualifiers=["cao"] if accuracy == Accuracy.EXACT else [],
        )
        total = vec[0] ** 2 + vec[1] ** 2
        wrong(
            part,
            display(total, Accuracy.EXACT)[0],
            "forgot to take the square root",
            latex=str(total),
            working=[squares],
        )
        if any(c < 0 for c in vec):
            signed = sum(c * abs(c) for c in vec)
            if signed > 0:
                plain, shown = display(sympy.sqrt(signed), accuracy)
                wrong(
                    part,
                    plain,
                    "squared a negative component as a negative number",
                    latex=shown,
                    working=[signed],
                )
        added = abs(vec[0]) + abs(vec[1])
        wrong(part, str(added), "added the sizes of the components instead of using Pythagoras")

        if difficulty >= 3:
            p = (rng.randint(-5, 5), rng.randint(-5, 5))
            px = q.given("px", p[0])
            py = q.given("py", p[1])
            q_pt = (px + value[0], py + value[1])
            qexpr = machine((sympy.Symbol("px") + combo[0], sympy.Symbol("py") + combo[1]))
            part = q.part(
                "c",
                f"The point $P$ has coordinates ${coords(p)}$ and "
                f"$\\overrightarrow{{PQ}} = {combo_l}$. Write down the coordinates of $Q$.",
                marks=1,
                command="Write down",
                calculator=calc,
            )
            part.step(f"$Q = {coords(p)} + {column(value)} = {coords(q_pt)}$", qexpr)
            part.answer(
                qexpr, kind=AnswerKind.COORDINATES, plain=plain_coords(q_pt), latex=coords(q_pt)
            )
            part.mark("B", f"${coords(q_pt)}$", value=qexpr)
            back = (px - value[0], py - value[1])
            wrong(part, plain_coords(back), "subtracted the vector from P instead of adding it")

        if difficulty >= 4:
            mm = rng.choice([2, 3, -1, -2, 4])
            nn = rng.choice([1, 2, -3, 3, -2])
            c = (mm * a1 + nn * b1, mm * a2 + nn * b2)
            c1 = q.given("c1", c[0])
            c2 = q.given("c2", c[1])
            assert (c1, c2) == c
            q.param("mm", mm)
            q.param("nn", nn)
            det = a1 * b2 - a2 * b1
            m_val = "(c1*b2 - c2*b1)/(a1*b2 - a2*b1)"
            n_val = "(a1*c2 - a2*c1)/(a1*b2 - a2*b1)"
            assert sympy.Rational(c1 * b2 - c2 * b1, det) == mm
            part = q.part(
                "d",
                f"$\\mathbf{{c}} = {column(c)}$. Find the values of $m$ and $n$ such that "
                f"$m\\mathbf{{a}} + n\\mathbf{{b}} = \\mathbf{{c}}$.",
                marks=3,
                command="Work out",
                calculator=calc,
            )
            eq1 = "Eq(a1*m + b1*n, c1)"
            part.step(
                f"${terms([(a1, 'm'), (b1, 'n')])} = {c1}$ and "
                f"${terms([(a2, 'm'), (b2, 'n')])} = {c2}$",
                eq1,
            )
            part.step(f"Solving simultaneously: $m = {mm}$", m_val)
            part.step(f"$n = {nn}$", n_val)
            part.answer(m_val, label="m", variable="m")
            part.answer(n_val, label="n", variable="n")
            part.mark(
                "M",
                f"${terms([(a1, 'm'), (b1, 'n')])} = {c1}$ and "
                f"${terms([(a2, 'm'), (b2, 'n')])} = {c2}$",
                value=eq1,
                partial=["M1 for two correct equations in m and n"],
            )
            part.mark("A", f"$m = {mm}$", value=m_val)
            part.mark("A", f"$n = {nn}$", value=n_val)
