"""Angles (syllabus 4.6): parallel lines, triangles and polygons, with geometrical reasons;
geometrical terms (4.1): the names of polygons and of types of angle."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import Misconception, Working, final, misconception, wrong
from generation.engine.authoring.angles import (
    DEGREES,
    REASONS,
    linear_givens,
    reason_part,
    words_latex,
)
from generation.engine.authoring.figures import Figure, polar
from generation.engine.authoring.text import degrees
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import plain
from questions.schemas import CalculatorPolicy, Tier

# Sector k at a crossing lies between directions (k*180 + {0, phi}) ... see _sector_range.
_CROSS_LINE = {
    # (sector at G, sector at H): fact
    (0, 0): "corresponding",
    (1, 1): "corresponding",
    (2, 2): "corresponding",
    (3, 3): "corresponding",
    (2, 0): "alternate",
    (3, 1): "alternate",
    (2, 1): "co-interior",
    (3, 0): "co-interior",
}
_EQUAL = {
    "corresponding": True,
    "alternate": True,
    "vertical": True,
    "co-interior": False,
    "straight": False,
}


def _sector_range(k: int, phi: float) -> tuple[float, float]:
    """Directions bounding sector k at a crossing of a horizontal line and a transversal at
    direction phi: 0 = [0, phi], 1 = [phi, 180], 2 = [180, 180 + phi], 3 = [180 + phi, 360]."""
    return [(0.0, phi), (phi, 180.0), (180.0, 180.0 + phi), (180.0 + phi, 360.0)][k]


def _sector_size(k: int, phi: int) -> int:
    return phi if k % 2 == 0 else 180 - phi


def equation_parts(
    q: QuestionBuilder,
    label: str,
    relation_latex: str,
    relation: str,
    rearranged_latex: str,
    rearranged: str,
    x_value: int,
    x_form: str,
    slips: list[tuple[str, str, list[str]]],
) -> PartBuilder:
    """'Find the value of x' from an angle equation: M1 equation, M1 for the collected form
    ``kx = n`` (``rearranged`` is the machine form of n: an equivalent equation would not tell a
    slip in collecting terms from a correct step), A1."""
    part = q.part(label, "Find the value of $x$.", marks=3, command="Work out")
    part.step(f"${relation_latex}$", relation)
    part.step(f"${rearranged_latex}$", rearranged)
    part.step(f"$x = {x_value}$", x_form)
    part.answer(x_form, variable="x", satisfies=relation, label="x")
    part.mark("M", f"${relation_latex}$ oe", value=relation)
    part.mark("M", f"${rearranged_latex}$ oe", value=rearranged, qualifiers=["FT"])
    part.mark("A", f"$x = {x_value}$", value=x_form)
    collected = q.value_of(rearranged)
    for shown, error, working in slips:
        if sympy.sympify(shown) != collected:  # would show the collected step by accident
            wrong(part, shown, error, working=working)
    return part


def linear_latex(p: int, qc: int) -> str:
    """LaTeX for px + q: ``3x + 15``, ``2x - 20``, ``x + 5``."""
    head = "x" if p == 1 else f"{p}x"
    if qc == 0:
        return head
    return f"{head} {'+' if qc > 0 else '-'} {abs(qc)}"


def _linear_plain(p: int, qc: int) -> str:
    return f"{p}*x + ({qc})"


@register
class ParallelLineAngles(Template):
    key = "geometry.parallel_line_angles"
    title = "Angles and parallel lines, with reasons"
    codes = {Tier.CORE: ("C4.6",), Tier.EXTENDED: ("E4.6",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Angles and parallel lines"
        if difficulty <= 2:
            self._facts(q, rng, difficulty)
        elif difficulty <= 4:
            self._algebra(q, rng, difficulty)
        else:
            self._triangle(q, rng)

    def _figure(self, phi: float) -> tuple[Figure, tuple[float, float], tuple[float, float]]:
        fig = Figure("Two parallel lines crossed by a transversal")
        gap = 110.0
        g = (170.0, gap)
        h = (g[0] - gap / math.tan(math.radians(phi)), 0.0)
        fig.line((0, gap), (340, gap)).line((0, 0), (340, 0))
        arrow_x = 40.0 if h[0] > g[0] else 270.0  # keep the arrows clear of the crossings
        fig.arrows((arrow_x, gap), (arrow_x + 40, gap)).arrows((arrow_x, 0), (arrow_x + 40, 0))
        fig.line(polar(h, -55, phi), polar(g, 55, phi))
        return fig, g, h

    def _facts(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        phi = rng.choice([v for v in range(38, 143) if not 78 <= v <= 102])
        options = [((0, i), (1, j), fact) for (i, j), fact in _CROSS_LINE.items()]
        options += [((1, j), (0, i), fact) for (i, j), fact in _CROSS_LINE.items()]
        given, unknown, fact = rng.choice(options)
        g_size = _sector_size(given[1], phi)
        x_size = _sector_size(unknown[1], phi)
        q.given("g", g_size)
        q.param("phi", phi)
        fig, g_pt, h_pt = self._figure(phi)
        where = {0: g_pt, 1: h_pt}
        fig.angle(where[given[0]], *_sector_range(given[1], phi), f"{g_size}°")
        fig.angle(where[unknown[0]], *_sector_range(unknown[1], phi), "x", radius=16)
        parts = [("x", unknown, x_size, fact)]
        if difficulty == 2:
            # y sits at the same crossing as x: vertically opposite or on a straight line.
            k = rng.choice([1, 2, 3])
            y_sector = (unknown[1] + k) % 4
            y_fact = "vertical" if k == 2 else "straight"
            y_size = _sector_size(y_sector, phi)
            fig.angle(where[unknown[0]], *_sector_range(y_sector, phi), "y", radius=16)
            parts.append(("y", (unknown[0], y_sector), y_size, y_fact))
        q.diagram_svg = fig.svg()
        q.stem = (
            "The diagram shows two parallel lines crossed by a straight line. "
            f"One of the angles is ${degrees(g_size)}$."
        )
        first = True
        for n, (letter, _, size, how) in enumerate(parts):
            label = "ab"[n]
            part = q.part(
                f"{label}(i)",
                f"Find the value of ${letter}$.",
                marks=1,
                command="Work out",
            )
            because = f"${letter} = {size}$ because {REASONS[how]}."
            if first:
                formula = "g" if _EQUAL[how] else "180 - g"
                final(part, Working(q, formula), unit=DEGREES, step=because)
                error = (
                    "treated the angles as adding up to 180°"
                    if _EQUAL[how]
                    else "treated co-interior or adjacent angles as equal"
                )
                misconception(part, Misconception(error, "180 - g" if _EQUAL[how] else "g"))
            else:
                previous = "g" if _EQUAL[parts[0][3]] else "180 - g"
                formula = previous if _EQUAL[how] else f"180 - ({previous})"
                final(part, Working(q, formula), unit=DEGREES, step=because, qualifiers=["FT"])
                error = (
                    "treated the angles as adding up to 180°"
                    if _EQUAL[how]
                    else "treated angles on a straight line as equal"
                )
                misconception(part, Misconception(error, f"180 - ({formula})"))
            reason_part(q, f"{label}(ii)", how)
            first = False

    def _algebra(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        co_interior = difficulty == 4
        pairs = [k for k, v in _CROSS_LINE.items() if (v == "co-interior") == co_interior]
        i, j = rng.choice(pairs)
        fact = _CROSS_LINE[(i, j)]
        for _ in range(100):
            x0 = rng.randint(8, 40)
            p, r = rng.choice([(4, 2), (5, 2), (5, 3), (6, 3), (6, 4), (3, 1), (4, 1)])
            theta_g = rng.choice([v for v in range(40, 141) if not 80 <= v <= 100])
            theta_h = 180 - theta_g if co_interior else theta_g
            qg, sh = theta_g - p * x0, theta_h - r * x0
            if abs(qg) <= 60 and abs(sh) <= 60 and qg != sh:
                break
        else:
            raise Reject("no angle expressions in range")
        phi = theta_g if i % 2 == 0 else 180 - theta_g
        p_form, gq = linear_givens(q, "p", p, "qg", qg)
        r_form, hs = linear_givens(q, "r", r, "sh", sh)
        q.param("x", x0)
        fig, g_pt, h_pt = self._figure(phi)
        fig.angle(g_pt, *_sector_range(i, phi), f"({linear_latex(p, qg)})°")
        fig.angle(h_pt, *_sector_range(j, phi), f"({linear_latex(r, sh)})°")
        q.diagram_svg = fig.svg()
        left, right = linear_latex(p, qg), linear_latex(r, sh)
        q.stem = (
            "The diagram shows two parallel lines crossed by a straight line. "
            f"Two of the angles are $({left})^\\circ$ and $({right})^\\circ$."
        )
        name = {
            "alternate": "alternate",
            "corresponding": "corresponding",
            "co-interior": "co-interior",
        }[fact]
        part = q.part(
            "a",
            "Write down the mathematical name for this pair of angles.",
            marks=1,
            command="Write down",
        )
        part.step(f"They are {name} angles: {REASONS[fact]}.")
        part.answer(None, kind="text", plain=f"{name} angles", latex=words_latex(f"{name} angles"))
        part.mark("B", f"{name}" + (" (allied)" if co_interior else ""))

        left_m, right_m = f"{p_form}*x + {gq}", f"{r_form}*x + {hs}"
        if co_interior:
            relation = f"Eq({left_m} + {right_m}, 180)"
            relation_latex = f"{left} + {right} = 180"
            rearranged = f"180 - {gq} - {hs}"
            x_form = f"(180 - {gq} - {hs})/({p_form} + {r_form})"
            rearranged_latex = f"{p + r}x = {180 - qg - sh}"
            as_equal = sympy.Rational(sh - qg, p - r)
            slips: list[tuple[str, str, list[str]]] = (
                [(plain(as_equal), "treated co-interior angles as equal", [])]
                if as_equal > 0
                else []
            )
            slip = sympy.Rational(180 + qg + sh, p + r)
        else:
            relation = f"Eq({left_m}, {right_m})"
            relation_latex = f"{left} = {right}"
            rearranged = f"{hs} - {gq}"
            x_form = f"({hs} - {gq})/({p_form} - {r_form})"
            rearranged_latex = f"{p - r}x = {sh - qg}"
            as_sum = sympy.Rational(180 - qg - sh, p + r)
            slips = [(plain(as_sum), "added the angles to make 180°", [])]
            slip = sympy.Rational(sh + qg, p - r)
        if slip != x0 and slip > 0:
            slips.append((plain(slip), "sign error when collecting the numbers", [relation]))
        equation_parts(
            q, "b", relation_latex, relation, rearranged_latex, rearranged, x0, x_form, slips
        )

        part = q.part(
            "c",
            f"Work out the size of the angle marked $({left})^\\circ$.",
            marks=1,
            command="Work out",
        )
        size = f"{p_form}*{x_form} + {gq}"
        part.step(f"${p} \\times {x0} {'+' if qg >= 0 else '-'} {abs(qg)} = {theta_g}$", size)
        part.answer(size, unit=DEGREES)
        part.mark("B", f"${theta_g}$", value=size, qualifiers=["FT"])
        if co_interior:
            wrong(part, str(theta_h), "worked out the other angle of the pair")

    def _triangle(self, q: QuestionBuilder, rng: random.Random) -> None:
        alpha = rng.randint(35, 80)
        k = rng.choice(
            [v for v in range(35, 80) if v != alpha and 180 - alpha - v not in (alpha, v)]
        )
        top = rng.randint(60, 80) * 1.0
        q.given("alpha", alpha)
        q.given("k", k)
        g = (170.0, top)
        h = (g[0] - top / math.tan(math.radians(alpha)), 0.0)
        kk = (g[0] + top / math.tan(math.radians(k)), 0.0)
        fig = Figure("A triangle between two parallel lines")
        fig.line((min(h[0], 0) - 30, top), (max(kk[0], 340) + 30, top))
        fig.line((min(h[0], 0) - 30, 0), (max(kk[0], 340) + 30, 0))
        fig.arrows((h[0] - 60, top), (h[0] - 20, top)).arrows((h[0] - 60, 0), (h[0] - 20, 0))
        fig.polygon([g, h, kk])
        fig.angle(g, 180, 180 + alpha, f"{alpha}°", radius=22)
        fig.angle(kk, 180 - k, 180, f"{k}°", radius=22)
        f = (h[0] - 10, top)
        fig.dot(f)
        fig.label(f, "F", 90).label(g, "G", 90).label(h, "H", 250).label(kk, "K", 290)
        q.diagram_svg = fig.svg()
        q.stem = (
            "$F$ and $G$ lie on a straight line that is parallel to the straight line through "
            f"$H$ and $K$. Angle $FGH = {degrees(alpha)}$ and angle $GKH = {degrees(k)}$."
        )
        part = q.part("a(i)", "Find angle $GHK$.", marks=1, command="Work out")
        part.step(f"Angle $GHK = {degrees(alpha)}$ (alternate angles).", "alpha")
        part.answer("alpha", unit=DEGREES)
        part.mark("B", f"${alpha}$", value="alpha")
        wrong(part, str(180 - alpha), "treated alternate angles as adding up to 180°")
        reason_part(q, "a(ii)", "alternate")
        part = q.part("b", "Find angle $HGK$.", marks=2, command="Work out")
        part.step(
            f"Angle $HGK = 180 - {alpha} - {k} = {180 - alpha - k}$ (angles in a triangle)",
            "180 - alpha - k",
        )
        part.answer("180 - alpha - k", unit=DEGREES)
        part.mark(
            "M",
            f"$180 - {alpha} - {k}$",
            value="180 - alpha - k",
            partial=["M1 for their angle GHK used in the angle sum of triangle GHK"],
        )
        part.mark("A", f"${180 - alpha - k}$", value="180 - alpha - k", qualifiers=["FT"])
        wrong(part, str(180 - k), "left out angle GHK from the angle sum")
        if alpha > k:
            wrong(
                part,
                str(alpha - k),
                "took angle GHK as 180° − angle FGH (co-interior) instead of the alternate angle",
            )
