"""Vectors (syllabus E7.2–E7.4): column vector arithmetic, magnitude and vector geometry."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import sympy

from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.expressions import machine
from generation.engine.formatting import display, latex
from generation.engine.templates.transformations._grid import column, coords, plain_coords
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

A, B = sympy.symbols("a b", real=True)


def _ordered(terms: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """Lead with a positive term where there is one: b - a rather than -a + b."""
    kept = [(sympy.nsimplify(c), n) for c, n in terms if sympy.nsimplify(c) != 0]
    if kept and kept[0][0] < 0:
        kept.sort(key=lambda t: bool(t[0] < 0))
    return kept


def _combo_latex(terms: list[tuple[Any, str]]) -> str:
    """LaTeX for a linear combination such as 2a - 3b (``terms`` are (coefficient, LaTeX))."""
    out = ""
    for coef, name in _ordered(terms):
        size = abs(coef)
        shown = "" if size == 1 else sympy.latex(size)
        if out:
            out += f" {'-' if coef < 0 else '+'} {shown}{name}"
        else:
            out = f"{'-' if coef < 0 else ''}{shown}{name}"
    return out or "\\mathbf{0}"


def _combo_plain(terms: list[tuple[Any, str]]) -> str:
    out = ""
    for coef, name in _ordered(terms):
        size = abs(coef)
        shown = name if size == 1 else f"{sympy.sstr(size)} {name}"
        if out:
            out += f" {'-' if coef < 0 else '+'} {shown}"
        else:
            out = f"-{shown}" if coef < 0 else shown
    return out or "0"


def _ab(expr: Any) -> tuple[str, str]:
    """(LaTeX, plain) of an expression in a and b."""
    expr = sympy.expand(expr)
    ca, cb = expr.coeff(A), expr.coeff(B)
    return (
        _combo_latex([(ca, "\\mathbf{a}"), (cb, "\\mathbf{b}")]),
        _combo_plain([(ca, "a"), (cb, "b")]),
    )


# ---------------------------------------------------------------------------------------------
# Column vectors and magnitude


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
        combo_l = _combo_latex([(m, "\\mathbf{a}"), (n, "\\mathbf{b}")])
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
                f"${_combo_latex([(m, '\\mathbf{a}')])} = {column((m * a1, m * a2))}$ and "
                f"${_combo_latex([(n, '\\mathbf{b}')])} = {column((n * b1, n * b2))}$",
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
            part.wrong(
                plain_coords(flipped),
                "added the multiple of b instead of subtracting it (sign error)",
                0,
                latex=column(flipped),
            )
        if m != 1:
            lazy = (m * a1 + n * b1, a2 + n * b2)
            part.wrong(
                plain_coords(lazy),
                "multiplied only the top component of a by the scalar",
                0,
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
        sq = f"{_bracket(vec[0])}^2 + {_bracket(vec[1])}^2"
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
        part.wrong(
            display(total, Accuracy.EXACT)[0],
            "forgot to take the square root",
            1,
            latex=str(total),
            working=[squares],
        )
        if any(c < 0 for c in vec):
            signed = sum(c * abs(c) for c in vec)
            if signed > 0:
                plain, shown = display(sympy.sqrt(signed), accuracy)
                part.wrong(
                    plain,
                    "squared a negative component as a negative number",
                    0,
                    latex=shown,
                    working=[signed],
                )
        added = abs(vec[0]) + abs(vec[1])
        part.wrong(str(added), "added the sizes of the components instead of using Pythagoras", 0)

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
            part.wrong(plain_coords(back), "subtracted the vector from P instead of adding it", 0)

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
                f"${_term(a1, 'm')} {_signed_term(b1, 'n')} = {c1}$ and "
                f"${_term(a2, 'm')} {_signed_term(b2, 'n')} = {c2}$",
                eq1,
            )
            part.step(f"Solving simultaneously: $m = {mm}$", m_val)
            part.step(f"$n = {nn}$", n_val)
            part.answer(m_val, label="m", variable="m")
            part.answer(n_val, label="n", variable="n")
            part.mark(
                "M",
                f"${_term(a1, 'm')} {_signed_term(b1, 'n')} = {c1}$ and "
                f"${_term(a2, 'm')} {_signed_term(b2, 'n')} = {c2}$",
                value=eq1,
                partial=["M1 for two correct equations in m and n"],
            )
            part.mark("A", f"$m = {mm}$", value=m_val)
            part.mark("A", f"$n = {nn}$", value=n_val)


def _bracket(v: Any) -> str:
    return f"({latex(v)})" if v < 0 else latex(v)


def _term(coef: Any, var: str) -> str:
    if coef == 1:
        return var
    if coef == -1:
        return f"-{var}"
    return f"{coef}{var}"


def _signed_term(coef: Any, var: str) -> str:
    body = var if abs(coef) == 1 else f"{abs(coef)}{var}"
    return f"{'-' if coef < 0 else '+'} {body}"


# ---------------------------------------------------------------------------------------------
# Vector geometry


@dataclass(frozen=True)
class _Pt:
    name: str
    pos: Any  # position vector: an expression in a, b (and the ratio givens r1, r2)


R1, R2 = sympy.symbols("r1 r2", positive=True)


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

        def ratio_point(name: str, u: _Pt, v: _Pt) -> _Pt:
            return _Pt(name, u.pos + R1 / (R1 + R2) * (v.pos - u.pos))

        def midpoint(name: str, u: _Pt, v: _Pt) -> _Pt:
            return _Pt(name, u.pos + sympy.Rational(1, 2) * (v.pos - u.pos))

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

        labels = "abcd"
        for i, (x, y, u, v, t) in enumerate(asks):
            self._path_part(q, labels[i], x, y, u, v, t, subs, vertices)
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
            part.wrong(f"{m} : {n}", "used the ratio OP : PA instead of OP : OA", 0)

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
    ) -> None:
        vec = sympy.expand(y.pos - x.pos)
        ans_latex, ans_plain = _ab(vec.subs(subs))
        name = f"\\overrightarrow{{{x.name}{y.name}}}"
        if x.name in vertices and y.name in vertices:
            part = q.part(label, f"Write down ${name}$.", marks=1, command="Write down")
            part.step(f"${name} = {ans_latex}$", machine(vec))
            part.answer(machine(vec), kind=AnswerKind.EXPRESSION, plain=ans_plain, latex=ans_latex)
            part.mark("B", f"${ans_latex}$", value=machine(vec), qualifiers=["oe"])
            back_latex, back_plain = _ab(-vec)
            part.wrong(
                back_plain,
                f"gave the vector {y.name}{x.name} (wrong direction)",
                0,
                latex=back_latex,
            )
            return
        part = q.part(label, f"Find ${name}$.", marks=2, command="Work out")
        if u is not None and v is not None and x.name == "O":
            # O -> U -> Y, where Y lies on UV a fraction t of the way along.
            leg = sympy.expand(t * (v.pos - u.pos))
            leg_latex, leg_plain = _ab(leg.subs(subs))
            uv_latex = _ab(v.pos - u.pos)[0]
            start = _ab(u.pos)[0]
            part.step(
                f"$\\overrightarrow{{{u.name}{v.name}}} = {uv_latex}$, so "
                f"$\\overrightarrow{{{u.name}{y.name}}} = {sympy.latex(t.subs(subs))}({uv_latex}) "
                f"= {leg_latex}$",
                machine(leg),
            )
            part.step(
                f"${name} = \\overrightarrow{{O{u.name}}} + \\overrightarrow{{{u.name}{y.name}}} "
                f"= {start} + ({leg_latex}) = {ans_latex}$",
                machine(vec),
            )
            route = f"$\\overrightarrow{{{u.name}{y.name}}} = {leg_latex}$ or a correct route"
            method = machine(leg)
            forgot, forgot_marks = leg, 1  # the second leg alone is the M1 value
            flip = u.pos - t * (v.pos - u.pos)
            flip_error = f"went the wrong way along {u.name}{v.name} (used {v.name}{u.name})"
        else:
            ox_latex = _ab(x.pos.subs(subs))[0]
            oy_latex = _ab(y.pos.subs(subs))[0]
            neg = _ab(-x.pos.subs(subs))[0]
            part.step(
                f"$\\overrightarrow{{O{x.name}}} = {ox_latex}$ and "
                f"$\\overrightarrow{{O{y.name}}} = {oy_latex}$",
                machine(sympy.expand(-x.pos)),
            )
            part.step(
                f"${name} = \\overrightarrow{{{x.name}O}} + \\overrightarrow{{O{y.name}}} = "
                f"{neg} + ({oy_latex}) = {ans_latex}$",
                machine(vec),
            )
            route = (
                f"$\\overrightarrow{{{x.name}O}} = {neg}$ or a correct route, e.g. "
                f"$\\overrightarrow{{{x.name}O}} + \\overrightarrow{{O{y.name}}}$"
            )
            method = machine(sympy.expand(-x.pos))
            forgot, forgot_marks = y.pos, 0
            flip = x.pos + y.pos
            flip_error = f"added O{x.name} instead of subtracting it"
        part.answer(machine(vec), kind=AnswerKind.EXPRESSION, plain=ans_plain, latex=ans_latex)
        part.mark("M", route, value=method)
        part.mark("A", f"${ans_latex}$", value=machine(vec), qualifiers=["oe"])
        forgot_latex, forgot_plain = _ab(forgot.subs(subs))
        part.wrong(
            forgot_plain, "left out the first part of the route", forgot_marks, latex=forgot_latex
        )
        flip_latex, flip_plain = _ab(flip.subs(subs))
        part.wrong(flip_plain, flip_error, 0, latex=flip_latex)
