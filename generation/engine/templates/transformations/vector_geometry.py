"""Vector geometry (E7.4): paths in terms of a and b, parallel lines."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

import sympy

from generation.engine.authoring import wrong
from generation.engine.authoring.figures import Figure, centroid, direction
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.expressions import machine
from generation.engine.templates.transformations._vectors import A, B, ab
from questions.schemas import AnswerKind, CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Pt:
    name: str
    pos: Any  # position vector: an expression in a, b (and the ratio givens r1, r2)


R1, R2 = sympy.symbols("r1 r2", positive=True)

# How the vectors a and b are drawn (model units): a rises to the left or right of O, b runs
# along the bottom, as the papers draw them.
_SHAPES = [((1.2, 3.2), (5.5, 0.0)), ((2.0, 3.0), (5.0, 0.0)), ((0.6, 3.4), (5.5, 0.5))]

# The names of the vectors as printed: bold a and b (the mathematical bold letters, so the
# figure needs no font weight of its own).
BOLD = {"a": "\U0001d41a", "b": "\U0001d41b"}


def _chain(*sides: str) -> str:
    """A line of working ``$a = b = c$``, a side left out where it repeats the one before."""
    kept = [side for i, side in enumerate(sides) if i == 0 or side != sides[i - 1]]
    return "$" + " = ".join(kept) + "$"


def _grouped(latex: str) -> str:
    """A vector in brackets when it has two terms or a sign in front (to follow + or ×)."""
    return f"({latex})" if latex.startswith("-") or " + " in latex or " - " in latex else latex


def _figure(
    rng: random.Random,
    shape: str,
    vertices: dict[str, _Pt],
    points: list[tuple[_Pt, _Pt, _Pt]],
    segments: list[tuple[_Pt, _Pt]],
    subs: dict[Any, Any],
) -> str:
    """The paper's figure: the shape with its vertices named, a and b marked by arrows on OA and
    on the side b runs along, each point on a side (``points``: the point and the side's ends)
    shown and named, and each asked segment that is not a side drawn."""
    va, vb = rng.choice(_SHAPES)

    def at(pt: _Pt) -> tuple[float, float]:
        pos = sympy.expand(pt.pos.subs(subs))
        ca, cb = float(pos.coeff(A)), float(pos.coeff(B))
        return (ca * va[0] + cb * vb[0], ca * va[1] + cb * vb[1])

    fig = Figure(f"Vector geometry: {shape} " + "".join(vertices), size=300)
    for pt in vertices.values():
        fig.point(pt.name, *at(pt))
    fig.polygon(list(vertices))
    middle = centroid(fig.at(n) for n in vertices)
    fig.names(*vertices)
    b_end = "C" if "C" in vertices else "B"
    for name, end in (("a", "A"), ("b", b_end)):
        on_side = [at(p) for p, u, v in points if {u.name, v.name} == {"O", end}]
        t = 0.5
        if on_side:  # the arrow on the longer piece, clear of the point
            ox, oy = fig.at("O")
            ex, ey = fig.at(end)
            s = math.hypot(on_side[0][0] - ox, on_side[0][1] - oy) / math.hypot(ex - ox, ey - oy)
            t = s / 2 if s > 0.5 else (1 + s) / 2
        fig.vector("O", end, BOLD[name], away_from=middle, at=t)
    for x, y in segments:
        fig.line(at(x), at(y), thin=True)
    for pt, _, _ in points:
        fig.point(pt.name, *at(pt)).dot(pt.name)
        away = direction(middle, fig.at(pt.name))
        prefer = [away + k for k in (0, 40, -40, 80, -80, 120, -120, 180)]
        fig.place(pt.name, pt.name, gap=(12, 18), prefer=prefer)
    return fig.svg()


@register
class VectorGeometry(Template):
    key = "transformations.vector_geometry"
    title = "Vector geometry: paths in terms of a and b"
    codes = {Tier.EXTENDED: ("E7.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        ratios = [(1, 2), (2, 1), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (3, 4), (2, 5)]
        m, n = rng.choice(ratios)
        subs: dict[Any, Any] = {}
        origin = _Pt("O", 0 * A)
        if difficulty in (2, 4):
            shape = "parallelogram"
            pa, pc = _Pt("A", A), _Pt("C", B)
            pb = _Pt("B", A + B)
            stem = (
                "$OABC$ is a parallelogram. $O$ is the origin, "
                "$\\overrightarrow{OA} = \\mathbf{a}$ and $\\overrightarrow{OC} = \\mathbf{b}$."
            )
            vertices = {"O": origin, "A": pa, "B": pb, "C": pc}
        else:
            shape = "triangle"
            pa, pb = _Pt("A", A), _Pt("B", B)
            stem = (
                "$OAB$ is a triangle. $O$ is the origin, "
                "$\\overrightarrow{OA} = \\mathbf{a}$ and $\\overrightarrow{OB} = \\mathbf{b}$."
            )
            vertices = {"O": origin, "A": pa, "B": pb}
        q.param("shape", shape)

        on_sides: list[tuple[_Pt, _Pt, _Pt]] = []

        def ratio_point(name: str, u: _Pt, v: _Pt) -> _Pt:
            on_sides.append((_Pt(name, u.pos + R1 / (R1 + R2) * (v.pos - u.pos)), u, v))
            return on_sides[-1][0]

        def midpoint(name: str, u: _Pt, v: _Pt) -> _Pt:
            on_sides.append((_Pt(name, u.pos + sympy.Rational(1, 2) * (v.pos - u.pos)), u, v))
            return on_sides[-1][0]

        sentences: list[str] = []
        uses_ratio = False
        # (asked vector endpoints, marks)
        asks: list[tuple[_Pt, _Pt, _Pt | None, _Pt | None, Any]] = []
        if difficulty == 1:
            M = midpoint("M", pa, pb)
            sentences.append("$M$ is the midpoint of $AB$.")
            asks = [(pa, pb, None, None, None), (origin, M, pa, pb, sympy.Rational(1, 2))]
        elif difficulty == 2:
            M = midpoint("M", pa, pb)
            sentences.append("$M$ is the midpoint of $AB$.")
            asks = [
                (pa, pc, None, None, None),
                (origin, M, pa, pb, sympy.Rational(1, 2)),
                (M, pc, None, None, None),
            ]
        elif difficulty == 3:
            P = ratio_point("P", origin, pa)
            M = midpoint("M", pa, pb)
            uses_ratio = True
            sentences.append(f"$P$ lies on $OA$ such that $OP : PA = {m} : {n}$.")
            sentences.append("$M$ is the midpoint of $AB$.")
            asks = [
                (pa, pb, None, None, None),
                (origin, M, pa, pb, sympy.Rational(1, 2)),
                (P, M, None, None, None),
            ]
        elif difficulty == 4:
            N = ratio_point("N", pa, pb)
            M = midpoint("M", pc, pb)
            uses_ratio = True
            sentences.append(f"$N$ lies on $AB$ such that $AN : NB = {m} : {n}$.")
            sentences.append("$M$ is the midpoint of $CB$.")
            asks = [
                (origin, N, pa, pb, R1 / (R1 + R2)),
                (origin, M, pc, pb, sympy.Rational(1, 2)),
                (M, N, None, None, None),
            ]
        else:
            P = ratio_point("P", origin, pa)
            Qp = ratio_point("Q", origin, pb)
            uses_ratio = True
            sentences.append(f"$P$ lies on $OA$ such that $OP : PA = {m} : {n}$.")
            sentences.append(f"$Q$ lies on $OB$ such that $OQ : QB = {m} : {n}$.")
            asks = [(pa, pb, None, None, None), (P, Qp, None, None, None)]
        if uses_ratio:
            if sympy.gcd(m, n) != 1:
                raise Reject("ratio not in lowest terms")
            subs = {R1: q.given("r1", m), R2: q.given("r2", n)}
        q.title = "Vector geometry"
        q.stem = " ".join([stem, *sentences])
        q.stem += " Give each answer in terms of $\\mathbf{a}$ and/or $\\mathbf{b}$, in its simplest form."
        drawn = [(x, y) for x, y, *_ in asks if not (x.name in vertices and y.name in vertices)]
        q.diagram_svg = _figure(rng, shape, vertices, on_sides, drawn, subs)

        labels = "abcd"
        for i, (x, y, u, v, t) in enumerate(asks):
            earlier = {f"{a.name}{b.name}": labels[j] for j, (a, b, *_) in enumerate(asks[:i])}
            self._path_part(q, labels[i], x, y, u, v, t, subs, vertices, earlier)
        if difficulty == 5:
            P, Qp = asks[1][0], asks[1][1]
            pq = sympy.expand((Qp.pos - P.pos).subs(subs))
            k = sympy.Rational(m, m + n)
            part = q.part(
                "c",
                "Explain what your answers to parts (a) and (b) tell you about the lines $PQ$ "
                "and $AB$.",
                marks=1,
                command="Explain",
            )
            part.step(
                f"$\\overrightarrow{{PQ}} = {sympy.latex(k)}(\\mathbf{{b}} - \\mathbf{{a}}) = "
                f"{sympy.latex(k)}\\overrightarrow{{AB}}$, a multiple of $\\overrightarrow{{AB}}$.",
                pq,
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"PQ is parallel to AB (PQ = {k} AB)",
                latex="PQ \\parallel AB",
            )
            part.mark(
                "B",
                "$PQ$ is parallel to $AB$ (or $\\overrightarrow{PQ}$ is a multiple of $\\overrightarrow{AB}$)",
                1,
            )
            part = q.part(
                "d",
                "Write down the ratio $PQ : AB$ in its simplest form.",
                marks=1,
                command="Write down",
            )
            part.step(f"$PQ = {sympy.latex(k)} AB$, so $PQ : AB = {m} : {m + n}$.", "(r1, r1 + r2)")
            part.answer(
                "(r1, r1 + r2)",
                kind=AnswerKind.RATIO,
                plain=f"{m} : {m + n}",
                latex=f"{m} : {m + n}",
            )
            part.mark("B", f"${m} : {m + n}$", value="(r1, r1 + r2)")
            wrong(part, f"{m} : {n}", "used the ratio OP : PA instead of OP : OA")

    def _path_part(
        self,
        q: QuestionBuilder,
        label: str,
        x: _Pt,
        y: _Pt,
        u: _Pt | None,
        v: _Pt | None,
        t: Any,
        subs: dict[Any, Any],
        vertices: dict[str, _Pt],
        earlier: dict[str, str],
    ) -> None:
        """``earlier``: the vectors asked in earlier parts (name to part label), which a route
        through them follows through from."""
        vec = sympy.expand(y.pos - x.pos)
        ans_latex, ans_plain = ab(vec.subs(subs))
        name = f"\\overrightarrow{{{x.name}{y.name}}}"
        if x.name in vertices and y.name in vertices:
            part = q.part(label, f"Write down ${name}$.", marks=1, command="Write down")
            part.step(f"${name} = {ans_latex}$", machine(vec))
            part.answer(machine(vec), kind=AnswerKind.EXPRESSION, plain=ans_plain, latex=ans_latex)
            part.mark("B", f"${ans_latex}$", value=machine(vec), qualifiers=["oe"])
            back_latex, back_plain = ab(-vec)
            wrong(
                part,
                back_plain,
                f"gave the vector {y.name}{x.name} (wrong direction)",
                latex=back_latex,
            )
            return
        part = q.part(label, f"Find ${name}$.", marks=2, command="Work out")
        if u is not None and v is not None and x.name == "O":
            # O -> U -> Y, where Y lies on UV a fraction t of the way along.
            leg = sympy.expand(t * (v.pos - u.pos))
            leg_latex, leg_plain = ab(leg.subs(subs))
            uv_latex = ab(v.pos - u.pos)[0]
            start = ab(u.pos)[0]
            part.step(
                f"$\\overrightarrow{{{u.name}{v.name}}} = {uv_latex}$, so "
                + _chain(
                    f"\\overrightarrow{{{u.name}{y.name}}}",
                    f"{sympy.latex(t.subs(subs))}{_grouped(uv_latex)}",
                    leg_latex,
                ),
                machine(leg),
            )
            part.step(
                _chain(
                    name,
                    f"\\overrightarrow{{O{u.name}}} + \\overrightarrow{{{u.name}{y.name}}}",
                    f"{start} + {_grouped(leg_latex)}",
                    ans_latex,
                ),
                machine(vec),
            )
            route = f"$\\overrightarrow{{{u.name}{y.name}}} = {leg_latex}$ or a correct route"
            method = machine(leg)
            forgot = leg  # the second leg alone is the M1 value
            flip = u.pos - t * (v.pos - u.pos)
            flip_error = f"went the wrong way along {u.name}{v.name} (used {v.name}{u.name})"
        else:
            ox_latex = ab(x.pos.subs(subs))[0]
            oy_latex = ab(y.pos.subs(subs))[0]
            neg = ab(-x.pos.subs(subs))[0]
            part.step(
                f"$\\overrightarrow{{O{x.name}}} = {ox_latex}$ and "
                f"$\\overrightarrow{{O{y.name}}} = {oy_latex}$",
                machine(sympy.expand(-x.pos)),
            )
            part.step(
                f"${name} = \\overrightarrow{{{x.name}O}} + \\overrightarrow{{O{y.name}}} = "
                f"{neg} + {_grouped(oy_latex)} = {ans_latex}$",
                machine(vec),
            )
            route = (
                f"$\\overrightarrow{{{x.name}O}} = {neg}$ or a correct route, e.g. "
                f"$\\overrightarrow{{{x.name}O}} + \\overrightarrow{{O{y.name}}}$"
            )
            method = machine(sympy.expand(-x.pos))
            forgot = y.pos
            flip = x.pos + y.pos
            flip_error = f"added O{x.name} instead of subtracting it"
        part.answer(machine(vec), kind=AnswerKind.EXPRESSION, plain=ans_plain, latex=ans_latex)
        used = [earlier[n] for n in (f"O{x.name}", f"O{y.name}") if n in earlier]
        if used:
            route += f", FT their answer to part ({used[0]})"
        part.mark("M", route, value=method, qualifiers=["FT"] if used else [])
        part.mark("A", f"${ans_latex}$", value=machine(vec), qualifiers=["oe"])
        forgot_latex, forgot_plain = ab(forgot.subs(subs))
        wrong(part, forgot_plain, "left out the first part of the route", latex=forgot_latex)
        flip_latex, flip_plain = ab(flip.subs(subs))
        wrong(part, flip_plain, flip_error, latex=flip_latex)
