"""Vector geometry proof (E7.4): a parallelogram or trapezium OABC with M dividing AB in a ratio
and P on the diagonal OB; find CM, show that CP is a given vector, then explain why C, P and M
lie on a straight line (and the ratio CP : PM)."""

from __future__ import annotations

import random
from typing import Any

import sympy

from generation.engine.authoring import wrong, wrong_expression
from generation.engine.authoring.figures import Figure, centroid, direction
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.expressions import machine
from generation.engine.templates.transformations._vectors import A, B, ab
from generation.engine.templates.transformations.vector_geometry import BOLD, _Pt
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

K, R1, R2 = sympy.symbols("k r1 r2", positive=True)


def _figure(shape: str, k: int, points: dict[str, Any]) -> str:
    """The paper's figure: OA = a along the bottom, OC = b rising to the top side CB (k times
    as long as OA, so a trapezium leans no further than a parallelogram), a and b marked by
    arrows, OB and CM drawn thin through P, and M and P shown as dots and named."""
    width = 5.0 if k == 1 else 6.0 / k
    va, vb = (width, 0.0), (1.6 if k == 1 else 0.8 - (k - 1) * width / 2, 3.2)
    fig = Figure(f"Vector geometry: {shape} OABC with M on AB and P on OB", size=300)

    def at(pos: Any) -> tuple[float, float]:
        pos = sympy.expand(pos)
        ca, cb = float(pos.coeff(A)), float(pos.coeff(B))
        return (ca * va[0] + cb * vb[0], ca * va[1] + cb * vb[1])

    for name in "OABC":
        fig.point(name, *at(points[name]))
    fig.polygon(list("OABC"))
    fig.names(*"OABC")
    middle = centroid(fig.at(n) for n in "OABC")
    fig.vector("O", "A", BOLD["a"], away_from=middle)
    fig.vector("O", "C", BOLD["b"], away_from=middle)
    for name in "MP":
        fig.point(name, *at(points[name]))
    fig.line("O", "B", thin=True)
    fig.line("C", "M", thin=True)
    for name in "MP":
        fig.dot(name)
        away = (
            direction(middle, fig.at(name))
            if name == "M"
            else direction(fig.at("C"), fig.at("M")) + 90
        )
        prefer = [away + turn for turn in (0, 40, -40, 80, -80, 120, -120, 180)]
        fig.place(name, name, gap=(12, 18), prefer=prefer)
    return fig.svg()


def _crossing(k: int, p: int, r: int) -> tuple[sympy.Rational, sympy.Rational]:
    """Where CM crosses OB, for CB = k a and AM : MB = p : r: (t, s) with CP = t CM and
    OP = s OB (solving s OB - b = t CM in the coefficients of a and b)."""
    t, s = sympy.symbols("t s")
    share = sympy.Rational(p, p + r)
    found = sympy.solve(
        [sympy.Eq(s * k, t * (1 + share * (k - 1))), sympy.Eq(s - 1, t * (share - 1))],
        [t, s],
        dict=True,
    )[0]
    return found[t], found[s]


def _vec(name: str) -> str:
    return f"\\overrightarrow{{{name}}}"


@register
class VectorProof(Template):
    key = "transformations.vector_proof"
    title = "Vector geometry: show that three points lie on a straight line"
    codes = {Tier.EXTENDED: ("E7.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED
    # Its lightest form still has 2-mark parts on Extended-only content (band 3): no 1.
    difficulties = (2, 3, 4, 5)

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        # AM : MB = p : r, and CB = k a (k = 1: a parallelogram); P on OB where CM crosses it.
        k = 1 if difficulty <= 3 else rng.choice([2, 3] if difficulty == 4 else [2, 3, 4])
        ratios = [(1, 1)] if difficulty == 2 else [(1, 2), (2, 1), (1, 3), (3, 1), (2, 3), (3, 2)]
        fits = [(pr, _crossing(k, *pr)) for pr in ratios]
        # OP : PB in small numbers, and P far enough from M to be told apart in the figure
        fits = [(pr, ts) for pr, ts in fits if ts[1].q <= 12 and 1 - ts[0] >= sympy.Rational(1, 5)]
        if not fits:
            raise Reject("no ratio puts P clear of M with a small OP : PB")
        (p, r), (t, s) = rng.choice(fits)
        # a midpoint's 1 : 1 is no number the stem states
        rp, rq = (1, 1) if (p, r) == (1, 1) else (q.given("r1", p), q.given("r2", r))
        kk = q.given("k", k) if k != 1 else 1
        op, pb = s.p, s.q - s.p
        q.param("op", op)
        q.param("pb", pb)
        subs = {R1: rp, R2: rq, K: kk}

        kexpr = K if k != 1 else sympy.Integer(1)
        o, pa, pc = _Pt("O", 0 * A), _Pt("A", A), _Pt("C", B)
        pb_ = _Pt("B", B + kexpr * A)
        share = sympy.Rational(1, 2) if (p, r) == (1, 1) else R1 / (R1 + R2)  # AM of AB
        m_pos = A + share * (pb_.pos - A)
        pm = _Pt("M", m_pos)
        pp = _Pt("P", sympy.Rational(s) * pb_.pos)
        vertices = {"O": o, "A": pa, "B": pb_, "C": pc}
        if k == 1:
            shape = "parallelogram"
            stem = (
                "$OABC$ is a parallelogram. $O$ is the origin, $\\overrightarrow{OA} = \\mathbf{a}$ "
                "and $\\overrightarrow{OC} = \\mathbf{b}$."
            )
        else:
            shape = "trapezium"
            stem = (
                f"$OABC$ is a trapezium. $O$ is the origin, $\\overrightarrow{{OA}} = \\mathbf{{a}}$, "
                f"$\\overrightarrow{{OC}} = \\mathbf{{b}}$ and $\\overrightarrow{{CB}} = {k}\\mathbf{{a}}$."
            )
        q.param("shape", shape)
        ratio_words = (
            "$M$ is the midpoint of $AB$."
            if (p, r) == (1, 1)
            else f"$M$ lies on $AB$ such that $AM : MB = {p} : {r}$."
        )
        q.title = "Vector geometry: points on a line"
        q.stem = (
            f"{stem} {ratio_words} $P$ lies on $OB$ such that $OP : PB = {op} : {pb}$.\n"
            "Give each answer in terms of $\\mathbf{a}$ and/or $\\mathbf{b}$, in its simplest form."
        )
        positions = {name: pt.pos.subs(subs) for name, pt in {**vertices, "M": pm, "P": pp}.items()}
        q.diagram_svg = _figure(shape, k, positions)

        def shown(expr: Any) -> tuple[str, str]:
            return ab(sympy.expand(expr).subs(subs))

        # (a) OB
        ob = pb_.pos
        ob_l, ob_p = shown(ob)
        part = q.part("a", f"Write down ${_vec('OB')}$.", marks=1, command="Write down")
        route = f"{_vec('OC')} + {_vec('CB')}" if k != 1 else f"{_vec('OA')} + {_vec('AB')}"
        part.step(f"${_vec('OB')} = {route} = {ob_l}$", machine(ob))
        part.answer(machine(ob), kind=AnswerKind.EXPRESSION, plain=ob_p, latex=ob_l)
        part.mark("B", f"${ob_l}$", value=machine(ob), qualifiers=["oe"])
        if k != 1:
            wrong_expression(
                part, (A + B).subs(subs), "treated the trapezium as a parallelogram (CB = a)"
            )

        # (b) CM = CB + BM
        cm = sympy.expand(m_pos - B)
        cm_l, cm_p = shown(cm)
        cb = kexpr * A
        bm = sympy.expand(m_pos - pb_.pos)
        part = q.part("b", f"Find ${_vec('CM')}$.", marks=2, command="Work out")
        ab_l = shown(pb_.pos - A)[0]
        frac_bm = sympy.latex(sympy.Rational(r, p + r))
        ab_g = f"({ab_l})" if " " in ab_l else ab_l
        bm_chain = f"-{frac_bm}{ab_g}"
        if bm_chain != shown(bm)[0]:
            bm_chain += f" = {shown(bm)[0]}"
        part.step(
            f"${_vec('AB')} = {ab_l}$, so ${_vec('BM')} = {bm_chain}$",
            machine(bm),
        )
        part.step(
            f"${_vec('CM')} = {_vec('CB')} + {_vec('BM')} = {shown(cb)[0]} + "
            f"({shown(bm)[0]}) = {cm_l}$",
            machine(cm),
        )
        part.answer(machine(cm), kind=AnswerKind.EXPRESSION, plain=cm_p, latex=cm_l)
        part.mark(
            "M",
            f"${_vec('BM')} = {shown(bm)[0]}$ or a correct route, e.g. "
            f"${_vec('CO')} + {_vec('OA')} + {_vec('AM')}$",
            value=machine(bm),
            qualifiers=["oe"],
        )
        part.mark("A", f"${cm_l}$", value=machine(cm), qualifiers=["oe"])
        # the ratio read the wrong way along AB: AM is r/(p + r) of AB
        flipped = sympy.expand(A + (1 - share) * (pb_.pos - A) - B)
        if sympy.expand(flipped.subs(subs) - cm.subs(subs)) != 0:
            wrong_expression(
                part,
                sympy.expand(flipped.subs(subs)),
                "used the ratio the wrong way round (AM as MB's share of AB)",
            )
        wrong_expression(
            part,
            sympy.expand(m_pos.subs(subs)),
            "gave OM, the position vector of M, instead of CM",
        )

        # (c) show that CP = ...
        cp = sympy.expand(pp.pos - B)
        cp_l, cp_p = shown(cp)
        op_pos = pp.pos
        part = q.part("c", f"Show that ${_vec('CP')} = {cp_l}$.", marks=2, command="Show that")
        part.show_that = machine(cp)
        s_l = sympy.latex(sympy.Rational(s))
        part.step(
            f"${_vec('OP')} = {s_l}{_vec('OB')} = {s_l}({ob_l}) = {shown(op_pos)[0]}$",
            machine(op_pos),
        )
        part.step(
            f"${_vec('CP')} = {_vec('CO')} + {_vec('OP')} = -\\mathbf{{b}} + "
            f"{shown(op_pos)[0]} = {cp_l}$",
            machine(cp),
        )
        part.answer(machine(cp), kind=AnswerKind.EXPRESSION, plain=cp_p, latex=cp_l)
        part.mark(
            "M",
            f"${_vec('OP')} = {s_l}({ob_l})$ soi",
            value=machine(op_pos),
        )
        part.mark(
            "A",
            f"$-\\mathbf{{b}} + {shown(op_pos)[0]}$ leading to ${cp_l}$ with no errors seen",
            value=machine(cp),
        )

        # (d) collinear
        t_l = sympy.latex(sympy.Rational(t))
        part = q.part(
            "d",
            "Explain why $C$, $P$ and $M$ lie on a straight line.",
            marks=2,
            command="Explain",
        )
        assert sympy.expand((cp - t * cm).subs(subs)) == 0
        part.step(
            f"${_vec('CP')} = {cp_l} = {t_l}({cm_l}) = {t_l}{_vec('CM')}$, so "
            f"${_vec('CP')}$ is ${t_l}$ of ${_vec('CM')}$",
            machine(sympy.Rational(t)),
        )
        part.step(
            "$CP$ is parallel to $CM$ and they share the point $C$, so $C$, $P$ and $M$ are "
            "collinear.",
            None,
        )
        part.answer(
            None,
            kind=AnswerKind.TEXT,
            plain=f"CP = {t} CM, so CP is parallel to CM, and C is on both",
            latex=f"\\overrightarrow{{CP}} = {t_l}\\overrightarrow{{CM}}",
        )
        part.mark(
            "M",
            f"${_vec('CP')} = {t_l}{_vec('CM')}$",
            value=machine(sympy.Rational(t)),
            qualifiers=["oe", "FT"],
        )
        part.mark(
            "A",
            "$\\overrightarrow{CP}$ is a multiple of $\\overrightarrow{CM}$ and $C$ is a "
            "common point",
            1,
        )

        if difficulty >= 4:
            ratio = (t.p, t.q - t.p)
            part = q.part(
                "e",
                "Write down the ratio $CP : PM$ in its simplest form.",
                marks=1,
                command="Write down",
            )
            value = f"({ratio[0]}, {ratio[1]})"
            part.step(f"$CP = {t_l} CM$, so $CP : PM = {ratio[0]} : {ratio[1]}$.", value)
            part.answer(
                value,
                kind=AnswerKind.RATIO,
                plain=f"{ratio[0]} : {ratio[1]}",
                latex=f"{ratio[0]} : {ratio[1]}",
            )
            part.mark("B", f"${ratio[0]} : {ratio[1]}$", value=value)
            wrong(part, f"{t.p} : {t.q}", "gave CP : CM instead of CP : PM", latex=f"{t.p} : {t.q}")
