"""Coordinates (syllabus 3.1): reading points from a grid and the fourth vertex of a
parallelogram."""

from __future__ import annotations

import random

from generation.engine.authoring.coordinates import (
    column_vector,
    declare_point,
    point,
    point_plain,
    wrong_point,
)
from generation.engine.authoring.figures import grid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

P = tuple[int, int]


def _add(p: P, q: P) -> P:
    return (p[0] + q[0], p[1] + q[1])


def _sub(p: P, q: P) -> P:
    return (p[0] - q[0], p[1] - q[1])


@register
class ParallelogramVertex(Template):
    key = "coordinate.parallelogram_vertex"
    title = "Coordinates: reading points and the fourth vertex of a parallelogram"
    codes = {Tier.CORE: ("C3.1",), Tier.EXTENDED: ("E3.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Coordinates of the vertices of a quadrilateral"
        if difficulty <= 2:
            self._from_grid(q, rng, difficulty)
        else:
            self._from_text(q, rng, difficulty)

    # -- difficulty 1-2: points plotted on a grid ---------------------------------------------
    def _from_grid(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            w, h = rng.randint(3, 5), rng.randint(2, 4)
            a = (rng.randint(1, 8 - w), rng.randint(1, 7 - h))
            b, c = _add(a, (w, 0)), _add(a, (w, h))
            shape, lo, hi = "rectangle", (0, 0), (8, 7)
        else:
            for _ in range(60):
                a = (rng.randint(-5, 2), rng.randint(-5, 2))
                u = (rng.randint(3, 6), rng.choice([-2, -1, 0, 1, 2]))
                v = (rng.choice([-2, -1, 1, 2, 3]), rng.randint(3, 6))
                b, c = _add(a, u), _add(_add(a, u), v)
                d = _add(a, v)
                corners = (a, b, c, d)
                if all(-5 <= p[0] <= 5 and -5 <= p[1] <= 5 for p in corners) and u[1] != 0:
                    break
            else:
                raise Reject("no parallelogram fitted the grid")
            shape, lo, hi = "parallelogram", (-5, -5), (5, 5)
        d = _sub(_add(a, c), b)
        names = {"A": a, "B": b, "C": c}
        # Ask for a plotted point whose coordinates differ, so that swapping them is an error.
        asked = next((n for n in ("A", "B", "C") if names[n][0] != names[n][1]), None)
        if asked is None:
            raise Reject("every plotted point has equal coordinates")
        for n, p in names.items():
            q.param(n, point_plain(p))

        fig = grid((lo[0], hi[0]), (lo[1], hi[1]), title="Points A, B and C on a coordinate grid")
        fig.line(a, b).line(b, c)
        for n, p in names.items():
            fig.cross(p)
            fig.place(p, n, size=15, prefer=(135, 45, 225, 315) if p == a else (45, 135, 315, 225))
        q.diagram_svg = fig.svg()
        q.stem = "The diagram shows three points $A$, $B$ and $C$ on a grid."

        p = names[asked]
        part = q.part(
            "a", f"Write down the coordinates of point ${asked}$.", marks=1, command="Write down"
        )
        part.step(f"Read across to $x = {p[0]}$, then up to $y = {p[1]}$.", p)
        part.answer(p, kind="coordinates", label=asked)
        part.mark("B", f"${point(p)}$", value=p)
        wrong_point(part, (p[1], p[0]), "wrote the coordinates in the wrong order (y, x)")

        part = q.part(
            "b",
            f"$ABCD$ is a {shape}. Write down the coordinates of point $D$.",
            marks=1,
            command="Write down",
        )
        move = _sub(c, b)
        part.step(
            f"$D$ is the same translation from $A$ as $C$ is from $B$: ${column_vector(move)}$.",
            move,
        )
        part.step(f"$D = {point(d)}$", d)
        part.answer(d, kind="coordinates", label="D")
        part.mark("B", f"${point(d)}$", value=d)
        if d[0] != d[1]:
            wrong_point(part, (d[1], d[0]), "wrote the coordinates in the wrong order")
        if shape == "parallelogram":
            wrong_point(
                part, _sub(_add(b, c), a), "completed the parallelogram ABDC instead (B + C - A)"
            )

    # -- difficulty 3-5: coordinates in the text --------------------------------------------
    def _from_text(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        span = {3: 6, 4: 8, 5: 10}[difficulty]
        for _ in range(60):
            a = (rng.randint(-span, span), rng.randint(-span, span))
            u = (rng.randint(2, span), rng.randint(-span // 2, span // 2))
            v = (rng.randint(-span // 2, span // 2), rng.randint(2, span))
            if u[0] * v[1] - u[1] * v[0] == 0 or 0 in u:
                continue
            b = _add(a, u)
            c = _add(b, v)
            d = _add(a, v)
            if all(abs(t) <= span + 4 for p in (b, c, d) for t in p):
                break
        else:
            raise Reject("no parallelogram in range")
        pts = {"A": a, "B": b, "C": c, "D": d}
        known = ("A", "B", "D") if difficulty == 4 else ("A", "B", "C")
        for n in known:
            declare_point(q, n, pts[n])
        listed = ", ".join(f"${n}{point(pts[n])}$" for n in known[:-1])
        q.stem = (
            f"$ABCD$ is a parallelogram. The coordinates of three of its vertices are {listed} "
            f"and ${known[-1]}{point(pts[known[-1]])}$."
        )
        label = "a" if difficulty == 5 else ""
        if difficulty == 4:
            self._vertex_part(q, label, "C", "B", ("A", "D"), pts)
        else:
            self._vertex_part(q, label, "D", "A", ("B", "C"), pts)
        if difficulty == 5:
            e = _sub(_add(b, c), a)
            part = q.part(
                "b",
                "$E$ is another point such that $ABEC$ is a parallelogram. "
                "Find the coordinates of $E$.",
                marks=2,
                command="Work out",
            )
            move = "(xB - xA, yB - yA)"
            part.step(f"$\\overrightarrow{{AB}} = {column_vector(_sub(b, a))}$", move)
            part.step(
                f"$E = C + \\overrightarrow{{AB}} = {point(e)}$",
                "(xC + xB - xA, yC + yB - yA)",
            )
            part.answer("(xC + xB - xA, yC + yB - yA)", kind="coordinates", label="E")
            part.mark(
                "M",
                f"translation $\\overrightarrow{{AB}} = {column_vector(_sub(b, a))}$ soi",
                value=move,
                qualifiers=["soi"],
            )
            part.mark("A", f"${point(e)}$", value="(xC + xB - xA, yC + yB - yA)")
            wrong_point(
                part,
                ("xA + xC - xB", "yA + yC - yB"),
                "used the order ABCE, giving the fourth vertex of ABCD again",
            )

    def _vertex_part(
        self,
        q: QuestionBuilder,
        label: str,
        target: str,
        start: str,
        edge: tuple[str, str],
        pts: dict[str, P],
    ) -> None:
        """Find ``target`` = ``start`` + (edge[1] - edge[0])."""
        e0, e1 = edge
        move = _sub(pts[e1], pts[e0])
        found = _add(pts[start], move)
        move_form = f"(x{e1} - x{e0}, y{e1} - y{e0})"
        found_form = f"(x{start} + x{e1} - x{e0}, y{start} + y{e1} - y{e0})"
        part = q.part(label, f"Find the coordinates of ${target}$.", marks=2, command="Work out")
        part.step(
            f"In a parallelogram ${start}{target}$ is parallel and equal to ${e0}{e1}$, so "
            f"$\\overrightarrow{{{start}{target}}} = \\overrightarrow{{{e0}{e1}}} = {column_vector(move)}$.",
            move_form,
        )
        part.step(f"${target} = {point(found)}$", found_form)
        part.answer(found_form, kind="coordinates", label=target)
        part.mark(
            "M",
            f"translation $\\overrightarrow{{{e0}{e1}}} = {column_vector(move)}$ soi, or "
            f"${target} = {start} + {e1} - {e0}$",
            value=move_form,
            qualifiers=["soi"],
        )
        part.mark("A", f"${point(found)}$", value=found_form)
        if found != move:  # a candidate who writes the translation would otherwise show D
            wrong_point(
                part,
                (f"x{start} - x{e1} + x{e0}", f"y{start} - y{e1} + y{e0}"),
                f"subtracted the translation from {e0} to {e1} instead of adding it",
                [move_form],
            )
        # The vertex opposite `start` in the wrong parallelogram: e0 + e1 - start.
        wrong_point(
            part,
            (f"x{e0} + x{e1} - x{start}", f"y{e0} + y{e1} - y{start}"),
            f"took the vertices in the wrong order (found the vertex opposite {start})",
        )
