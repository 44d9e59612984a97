"""Length and midpoint in a triangle (syllabus E3.4): an isosceles triangle ABC with AB = AC
given by its vertices; the midpoint M of the base BC, the length of the height AM (an integer
or a surd in its simplest form) and the triangle's area from the base and the height. The
other E3.4 template (``coordinate.length_midpoint``) works on one segment; here the midpoint
and the lengths are steps towards a property of a shape."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.coordinates import coordinates, declare_point, point, wrong_point
from generation.engine.authoring.text import bracket
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

# Half the base BC as a step (u, v); u^2 + v^2 a square (whole lengths) or not (surds).
_WHOLE = [(3, 4), (4, 3), (0, 5), (5, 0), (0, 3), (4, 0), (3, 0), (0, 4)]
_SURD = [(1, 2), (2, 1), (1, 3), (3, 1), (2, 3), (3, 2), (1, 1), (2, 2), (1, 4), (4, 1)]


@register
class IsoscelesTriangle(Template):
    key = "coordinate.isosceles_triangle"
    title = "Midpoint and lengths in an isosceles triangle: the height and the area"
    codes = {Tier.EXTENDED: ("E3.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Lengths and midpoints in a triangle"
        for _ in range(100):
            u, v = rng.choice(_WHOLE if difficulty <= 2 else _SURD)
            u *= rng.choice([1, -1])
            v *= rng.choice([1, -1])
            k = rng.choice([1, 2] if difficulty <= 2 else [1, 2, 3])
            k *= rng.choice([1, -1])
            low = 0 if difficulty == 1 else -8
            m = (rng.randint(low, 8), rng.randint(low, 8))
            b = (m[0] - u, m[1] - v)
            c = (m[0] + u, m[1] + v)
            a = (m[0] - k * v, m[1] + k * u)
            corners = (a, b, c)
            # A surd asked for in its simplest form must need simplifying (2√5, not √5).
            simplifies = difficulty <= 2 or sympy.sqrt(k * k * (u * u + v * v)).is_Mul
            on_grid = all(low <= n <= 12 for p in corners for n in p)
            if on_grid and simplifies and len(set(corners)) == 3:
                break
        else:
            raise Reject("no triangle on the grid")
        for name, p in zip("ABC", corners, strict=True):
            declare_point(q, name, p)
        q.param("k", k)
        q.stem = (
            f"Triangle $ABC$ has vertices $A{point(a)}$, $B{point(b)}$ and $C{point(c)}$.\n"
            "$AB = AC$."
        )
        if difficulty == 5:  # unscaffolded: the candidate finds the midpoint and the height
            self._area(q, a, b, c, label="a", marks=5)
            return
        self._midpoint(q, b, c)
        # Marks grow with the difficulty: a whole-number height M1 A1, a surd M1 M1 A1; the
        # area's base a step of its own (M1) from difficulty 4.
        self._height(q, a, b, c, marks=2 if difficulty <= 2 else 3)
        self._area(q, a, b, c, label="c", marks=3 if difficulty >= 4 else 2)

    @staticmethod
    def _midpoint(q: QuestionBuilder, b: tuple[int, int], c: tuple[int, int]) -> None:
        part = q.part(
            "a",
            "$M$ is the midpoint of $BC$.\nFind the coordinates of $M$.",
            marks=2,
            command="Work out",
        )
        coordinates(
            part,
            ("(xB + xC)/2", "(yB + yC)/2"),
            (
                f"\\frac{{{b[0]} + {bracket(c[0])}}}{{2}}",
                f"\\frac{{{b[1]} + {bracket(c[1])}}}{{2}}",
            ),
        )
        wrong_point(
            part,
            ("(xC - xB)/2", "(yC - yB)/2"),
            "subtracted the coordinates instead of adding them",
        )
        wrong_point(part, ("xB + xC", "yB + yC"), "added the coordinates but did not divide by 2")

    @staticmethod
    def _height(
        q: QuestionBuilder,
        a: tuple[int, int],
        b: tuple[int, int],
        c: tuple[int, int],
        *,
        marks: int,
    ) -> None:
        m = ((b[0] + c[0]) // 2, (b[1] + c[1]) // 2)
        dx, dy = m[0] - a[0], m[1] - a[1]
        total = dx * dx + dy * dy
        whole = sympy.sqrt(total).is_Integer
        text = "Work out the length of $AM$."
        if not whole:
            text += " Give your answer as a surd in its simplest form."
        part = q.part("b", text, marks=marks, command="Work out")
        squares = "((xB + xC)/2 - xA)**2 + ((yB + yC)/2 - yA)**2"
        method(part, Working(q, squares, latex=f"{bracket(dx)}^2 + {bracket(dy)}^2"), lhs="AM^2")
        root = Working(q, f"sqrt({squares})", latex=f"\\sqrt{{{total}}}")
        if marks == 3:
            method(part, root, qualifiers=["dep"], step=f"$AM = {root.substituted}$")
        final(part, root, step=f"$AM = {root.latex}$", qualifiers=["oe"] if whole else ["cao"])
        misconception(part, Misconception("forgot to take the square root", squares, (squares,)))
        added = "sqrt(((xB + xC)/2 + xA)**2 + ((yB + yC)/2 + yA)**2)"
        if q.value_of(added) not in (root.value, 0):
            misconception(
                part,
                Misconception("added the coordinates instead of finding the differences", added),
            )
        if not whole:
            misconception(
                part,
                Misconception(
                    "added the horizontal and vertical distances instead of using Pythagoras",
                    f"Abs({dx}) + Abs({dy})",
                ),
            )

    @staticmethod
    def _area(
        q: QuestionBuilder,
        a: tuple[int, int],
        b: tuple[int, int],
        c: tuple[int, int],
        *,
        label: str,
        marks: int,
    ) -> None:
        """Area = 1/2 x BC x AM: AM is the height because the triangle is isosceles. With 5
        marks the midpoint and the height are the candidate's own steps."""
        base_sq = (c[0] - b[0]) ** 2 + (c[1] - b[1]) ** 2
        height = "sqrt(((xB + xC)/2 - xA)**2 + ((yB + yC)/2 - yA)**2)"
        base = "sqrt((xC - xB)**2 + (yC - yB)**2)"
        part = q.part(
            label, "Work out the area of triangle $ABC$.", marks=marks, command="Work out"
        )
        bc = Working(
            q,
            base,
            latex=f"\\sqrt{{{bracket(c[0] - b[0])}^2 + {bracket(c[1] - b[1])}^2}} = \\sqrt{{{base_sq}}}",
        )
        am = Working(q, height)
        reason = (
            "$AB = AC$, so the triangle is isosceles and $AM$ is perpendicular to $BC$: "
            "$AM$ is the height of the triangle on the base $BC$."
        )
        shown = [bc.machine]
        if marks != 5:
            part.step(reason)
        if marks == 5:
            m = ((b[0] + c[0]) // 2, (b[1] + c[1]) // 2)
            mid = Working(q, "(xB + xC)/2")
            method(
                part,
                mid,
                f"midpoint of $BC$ $= {point(m)}$",
                step=f"The midpoint of $BC$ is $M = {point(m)}$",
            )
            part.step(reason)
            dx, dy = m[0] - a[0], m[1] - a[1]
            method(
                part,
                am,
                f"$AM = \\sqrt{{{bracket(dx)}^2 + {bracket(dy)}^2}}$",
                step=f"$AM = \\sqrt{{{bracket(dx)}^2 + {bracket(dy)}^2}} = {am.latex}$",
            )
            shown = [mid.machine, am.machine, bc.machine]
        if marks >= 3:
            method(part, bc, step=f"$BC = {bc.substituted} = {bc.latex}$")
        else:
            part.step(f"$BC = {bc.substituted} = {bc.latex}$", bc.machine)
        area = Working(
            q, f"{base}*{height}/2", latex=f"\\frac{{1}}{{2}} \\times {bc.latex} \\times {am.latex}"
        )
        method(part, area, "$\\frac{1}{2} \\times$ their $BC$ $\\times$ their $AM$", step="")
        final(part, area, step=area.equation("\\text{Area}"), qualifiers=["cao"])
        misconception(
            part,
            Misconception("did not halve base times height", f"{base}*{height}", tuple(shown)),
        )
        slant = "sqrt((xB - xA)**2 + (yB - yA)**2)"
        misconception(
            part,
            Misconception(
                "used the sloping side AB as the height",
                f"{base}*{slant}/2",
                (bc.machine,),
            ),
        )
