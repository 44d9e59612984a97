"""Length and midpoint of a line segment (syllabus E3.4)."""

from __future__ import annotations

import random

import sympy

from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import display, latex
from generation.engine.templates.coordinate.common import (
    br,
    coordinate_steps_and_marks,
    declare_point,
    point_latex,
    point_plain,
)
from questions.schemas import Accuracy, CalculatorPolicy, Tier

_TRIPLES = [(3, 4), (6, 8), (5, 12), (8, 6), (4, 3), (12, 5), (9, 12), (8, 15), (15, 8), (12, 9)]

P = tuple[int, int]


def _column(v: tuple) -> str:
    return f"\\begin{{pmatrix}} {latex(v[0])} \\\\ {latex(v[1])} \\end{{pmatrix}}"


@register
class LengthMidpoint(Template):
    key = "coordinate.length_midpoint"
    title = "Length and midpoint of a line segment"
    codes = {Tier.EXTENDED: ("E3.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Length and midpoint of a line segment"
        if difficulty == 5:
            self._unknown_coordinate(q, rng)
            return
        if difficulty <= 2:
            dx, dy = rng.choice(_TRIPLES)
        else:
            for _ in range(60):
                dx, dy = rng.randint(2, 11), rng.randint(2, 11)
                root = sympy.sqrt(dx * dx + dy * dy)
                # Difficulty 3 wants a surd that simplifies (2√13), 4 any non-square.
                if not root.is_Integer and (difficulty == 4 or root.is_Mul):
                    break
            else:
                raise Reject("no suitable segment")
        dx *= rng.choice([1, -1])
        dy *= rng.choice([1, -1])
        if difficulty == 1:
            a = (rng.randint(0, 6) + max(0, -dx), rng.randint(0, 6) + max(0, -dy))
        else:
            a = (rng.randint(-8, 8), rng.randint(-8, 8))
        b = (a[0] + dx, a[1] + dy)
        if difficulty == 4:
            # Keep the stated midpoint whole: move B a step so both coordinate sums are even.
            b = (b[0] + (a[0] + b[0]) % 2, b[1] + (a[1] + b[1]) % 2)
            self._reverse(q, a, b)
            b_form = ("(2*xM - xA)", "(2*yM - yA)")
        else:
            self._forward(q, a, b)
            b_form = ("xB", "yB")
        self._length(q, a, b, b_form, difficulty)

    def _forward(self, q: QuestionBuilder, a: P, b: P) -> None:
        declare_point(q, "A", a)
        declare_point(q, "B", b)
        mid = (sympy.Rational(a[0] + b[0], 2), sympy.Rational(a[1] + b[1], 2))
        q.stem = f"$A$ is the point ${point_latex(a)}$ and $B$ is the point ${point_latex(b)}$."
        part = q.part(
            "a", "Find the coordinates of the midpoint of $AB$.", marks=2, command="Work out"
        )
        coordinate_steps_and_marks(
            part,
            mid,
            ("(xA + xB)/2", "(yA + yB)/2"),
            (f"\\frac{{{a[0]} + {br(b[0])}}}{{2}}", f"\\frac{{{a[1]} + {br(b[1])}}}{{2}}"),
        )
        halves = (sympy.Rational(b[0] - a[0], 2), sympy.Rational(b[1] - a[1], 2))
        part.wrong(point_plain(halves), "subtracted the coordinates instead of adding them", 0)
        part.wrong(
            point_plain((a[0] + b[0], a[1] + b[1])),
            "added the coordinates but did not divide by 2",
            0,
        )

    def _reverse(self, q: QuestionBuilder, a: P, b: P) -> None:
        mid = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
        declare_point(q, "A", a)
        declare_point(q, "M", mid)
        q.stem = (
            f"$A$ is the point ${point_latex(a)}$. $M{point_latex(mid)}$ is the midpoint of the "
            "line segment $AB$."
        )
        part = q.part("a", "Find the coordinates of $B$.", marks=2, command="Work out")
        part.step(
            f"From $A$ to $M$ is ${_column((mid[0] - a[0], mid[1] - a[1]))}$; "
            "the same again from $M$ reaches $B$.",
            "(xM - xA, yM - yA)",
        )
        coordinate_steps_and_marks(
            part,
            b,
            ("2*xM - xA", "2*yM - yA"),
            (f"2 \\times {br(mid[0])} - {br(a[0])}", f"2 \\times {br(mid[1])} - {br(a[1])}"),
        )
        wrong = (sympy.Rational(a[0] + mid[0], 2), sympy.Rational(a[1] + mid[1], 2))
        part.wrong(point_plain(wrong), "found the midpoint of A and M instead", 0)
        part.wrong(
            point_plain((mid[0] - a[0], mid[1] - a[1])),
            "gave the step from A to M rather than the point B",
            0,
        )

    def _length(
        self, q: QuestionBuilder, a: P, b: P, b_form: tuple[str, str], difficulty: int
    ) -> None:
        dx, dy = b[0] - a[0], b[1] - a[1]
        total = dx * dx + dy * dy
        length = sympy.sqrt(total)
        squares = f"({b_form[0]} - xA)**2 + ({b_form[1]} - yA)**2"
        form = f"sqrt({squares})"
        calc = difficulty == 4
        if calc:
            text, accuracy = "Calculate the length of $AB$.", Accuracy.SF3
        elif length.is_Integer:
            text, accuracy = "Work out the length of $AB$.", Accuracy.EXACT
        else:
            text = "Work out the length of $AB$. Give your answer as a surd in its simplest form."
            accuracy = Accuracy.EXACT
        part = q.part(
            "b",
            text,
            marks=3,
            command="Calculate" if calc else "Work out",
            calculator="allowed" if calc else "not_allowed",
        )
        part.step(f"$AB^2 = {br(dx)}^2 + {br(dy)}^2 = {total}$", squares)
        shown = part.answer(form, accuracy=accuracy, label="AB")
        if length.is_Integer or calc:
            part.step(f"$AB = \\sqrt{{{total}}} = {shown.latex}$", form)
        else:
            part.step(f"$AB = \\sqrt{{{total}}}$", form)
            part.step(f"$AB = {shown.latex}$", form)
        part.mark("M", f"${br(dx)}^2 + {br(dy)}^2$ oe", value=squares)
        part.mark("M", f"$\\sqrt{{{total}}}$", value=form, qualifiers=["dep"])
        part.mark("A", f"${shown.latex}$", value=form, qualifiers=["awrt"] if calc else ["cao"])
        part.wrong(str(total), "forgot to take the square root", 1, working=[squares])
        added = sympy.sqrt((a[0] + b[0]) ** 2 + (a[1] + b[1]) ** 2)
        if added != length:
            part.wrong(
                display(added, accuracy)[0],
                "added the coordinates instead of finding the differences",
                0,
            )
        if calc:
            part.wrong(
                str(abs(dx) + abs(dy)),
                "added the horizontal and vertical distances instead of using Pythagoras",
                0,
            )

    def _unknown_coordinate(self, q: QuestionBuilder, rng: random.Random) -> None:
        """Difficulty 5: P(xP, k), Q(xQ, yQ) and PQ are given; k has two values."""
        dx, dy = rng.choice(_TRIPLES)
        dx *= rng.choice([1, -1])
        p0 = rng.randint(-6, 6)
        xq, yq = p0 + dx, rng.randint(-5, 8)
        length = int(sympy.sqrt(dx * dx + dy * dy))
        k_low, k_high = yq - dy, yq + dy
        q.given("xP", p0)
        q.given("xQ", xq)
        q.given("yQ", yq)
        q.given("d", length)
        q.stem = (
            f"$P$ is the point $({p0}, k)$ and $Q$ is the point $({xq}, {yq})$. "
            f"The length of $PQ$ is ${length}$ units."
        )
        relation = "Eq((xQ - xP)**2 + (yQ - k)**2, d**2)"
        vertical = "d**2 - (xQ - xP)**2"
        part = q.part("a", "Find the two possible values of $k$.", marks=4, command="Work out")
        part.step(f"${br(dx)}^2 + ({yq} - k)^2 = {length}^2$", relation)
        part.step(f"$({yq} - k)^2 = {length * length} - {dx * dx} = {dy * dy}$", vertical)
        part.step(f"${yq} - k = \\pm {dy}$", "sqrt(d**2 - (xQ - xP)**2)")
        part.step(f"$k = {k_low}$ or $k = {k_high}$", None)
        part.answer("yQ - sqrt(d**2 - (xQ - xP)**2)", variable="k", satisfies=relation, label="k")
        part.answer("yQ + sqrt(d**2 - (xQ - xP)**2)", variable="k", satisfies=relation, label="k")
        part.mark("M", f"${br(dx)}^2 + ({yq} - k)^2 = {length}^2$ oe", value=relation)
        part.mark("M", f"$({yq} - k)^2 = {dy * dy}$ oe", value=vertical)
        part.mark("A", f"$k = {k_low}$", value="yQ - sqrt(d**2 - (xQ - xP)**2)")
        part.mark("A", f"$k = {k_high}$", value="yQ + sqrt(d**2 - (xQ - xP)**2)")
        part.wrong(
            str(k_high),
            "took only the positive square root, so found one value",
            3,
            working=[relation, vertical],
        )
        q.param("k", f"{k_low},{k_high}")

        k = k_high
        mid = (sympy.Rational(p0 + xq, 2), sympy.Rational(k + yq, 2))
        part = q.part(
            "b",
            "Using the larger value of $k$, find the coordinates of the midpoint of $PQ$.",
            marks=2,
            command="Work out",
        )
        k_form = "(yQ + sqrt(d**2 - (xQ - xP)**2))"
        coordinate_steps_and_marks(
            part,
            mid,
            ("(xP + xQ)/2", f"({k_form} + yQ)/2"),
            (f"\\frac{{{p0} + {br(xq)}}}{{2}}", f"\\frac{{{k} + {br(yq)}}}{{2}}"),
        )
        part.wrong(
            point_plain((mid[0], sympy.Rational(k_low + yq, 2))),
            "used the smaller value of k",
            1,
            working=[mid[0]],
        )
