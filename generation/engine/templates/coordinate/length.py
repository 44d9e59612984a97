"""Length and midpoint of a line segment (syllabus E3.4)."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.coordinates import (
    column_vector,
    coordinates,
    declare_point,
    point,
    wrong_point,
)
from generation.engine.authoring.text import bracket
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

_TRIPLES = [(3, 4), (6, 8), (5, 12), (8, 6), (4, 3), (12, 5), (9, 12), (8, 15), (15, 8), (12, 9)]

P = tuple[int, int]


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
        q.stem = f"$A$ is the point ${point(a)}$ and $B$ is the point ${point(b)}$."
        part = q.part(
            "a", "Find the coordinates of the midpoint of $AB$.", marks=2, command="Work out"
        )
        coordinates(
            part,
            ("(xA + xB)/2", "(yA + yB)/2"),
            (
                f"\\frac{{{a[0]} + {bracket(b[0])}}}{{2}}",
                f"\\frac{{{a[1]} + {bracket(b[1])}}}{{2}}",
            ),
        )
        wrong_point(
            part,
            ("(xB - xA)/2", "(yB - yA)/2"),
            "subtracted the coordinates instead of adding them",
        )
        wrong_point(part, ("xA + xB", "yA + yB"), "added the coordinates but did not divide by 2")

    def _reverse(self, q: QuestionBuilder, a: P, b: P) -> None:
        mid = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
        declare_point(q, "A", a)
        declare_point(q, "M", mid)
        q.stem = (
            f"$A$ is the point ${point(a)}$. $M{point(mid)}$ is the midpoint of the "
            "line segment $AB$."
        )
        part = q.part("a", "Find the coordinates of $B$.", marks=2, command="Work out")
        part.step(
            f"From $A$ to $M$ is ${column_vector((mid[0] - a[0], mid[1] - a[1]))}$; "
            "the same again from $M$ reaches $B$.",
            "(xM - xA, yM - yA)",
        )
        coordinates(
            part,
            ("2*xM - xA", "2*yM - yA"),
            (
                f"2 \\times {bracket(mid[0])} - {bracket(a[0])}",
                f"2 \\times {bracket(mid[1])} - {bracket(a[1])}",
            ),
        )
        wrong_point(part, ("(xA + xM)/2", "(yA + yM)/2"), "found the midpoint of A and M instead")
        wrong_point(
            part, ("xM - xA", "yM - yA"), "gave the step from A to M rather than the point B"
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
        method(part, Working(q, squares, latex=f"{bracket(dx)}^2 + {bracket(dy)}^2"), lhs="AB^2")
        root = Working(q, form, latex=f"\\sqrt{{{total}}}")
        method(part, root, qualifiers=["dep"], step=f"$AB = {root.substituted}$")
        shown = root.shown(accuracy)[1]
        # The form is the point only when a surd in its simplest form is asked for.
        surd = not (length.is_Integer or calc)
        final(
            part,
            root,
            accuracy=accuracy,
            step=f"$AB {'\\approx' if calc else '='} {shown}$",
            qualifiers=["awrt"] if calc else ["cao"] if surd else ["oe"],
        )
        misconception(part, Misconception("forgot to take the square root", squares, (squares,)))
        added = f"sqrt(({b_form[0]} + xA)**2 + ({b_form[1]} + yA)**2)"
        if q.value_of(added) not in (length, 0):
            misconception(
                part,
                Misconception("added the coordinates instead of finding the differences", added),
            )
        if calc:
            misconception(
                part,
                Misconception(
                    "added the horizontal and vertical distances instead of using Pythagoras",
                    f"Abs({b_form[0]} - xA) + Abs({b_form[1]} - yA)",
                ),
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
        part.step(f"${bracket(dx)}^2 + ({yq} - k)^2 = {length}^2$", relation)
        part.step(f"$({yq} - k)^2 = {length * length} - {dx * dx} = {dy * dy}$", vertical)
        part.step(f"${yq} - k = \\pm {dy}$", "sqrt(d**2 - (xQ - xP)**2)")
        part.step(f"$k = {k_low}$ or $k = {k_high}$", None)
        part.answer("yQ - sqrt(d**2 - (xQ - xP)**2)", variable="k", satisfies=relation, label="k")
        part.answer("yQ + sqrt(d**2 - (xQ - xP)**2)", variable="k", satisfies=relation, label="k")
        part.mark("M", f"${bracket(dx)}^2 + ({yq} - k)^2 = {length}^2$ oe", value=relation)
        part.mark("M", f"$({yq} - k)^2 = {dy * dy}$ oe", value=vertical)
        part.mark("A", f"$k = {k_low}$", value="yQ - sqrt(d**2 - (xQ - xP)**2)")
        part.mark("A", f"$k = {k_high}$", value="yQ + sqrt(d**2 - (xQ - xP)**2)")
        misconception(
            part,
            Misconception(
                "took only the positive square root, so found one value",
                "yQ + sqrt(d**2 - (xQ - xP)**2)",
                (relation, vertical),
            ),
        )
        q.param("k", f"{k_low},{k_high}")

        k = k_high
        part = q.part(
            "b",
            "Using the larger value of $k$, find the coordinates of the midpoint of $PQ$.",
            marks=2,
            command="Work out",
        )
        k_form = "(yQ + sqrt(d**2 - (xQ - xP)**2))"
        coordinates(
            part,
            ("(xP + xQ)/2", f"({k_form} + yQ)/2"),
            (f"\\frac{{{p0} + {bracket(xq)}}}{{2}}", f"\\frac{{{k} + {bracket(yq)}}}{{2}}"),
        )
        wrong_point(
            part,
            ("(xP + xQ)/2", "(yQ - sqrt(d**2 - (xQ - xP)**2) + yQ)/2"),
            "used the smaller value of k",
            ["(xP + xQ)/2"],
        )
