"""Completing the square (E2.2, E2.5, E2.11) and a line meeting a curve (E2.5)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import sympy
from sympy import Rational

from generation.engine.authoring import wrong
from generation.engine.authoring.algebraic import (
    coefficients,
    eq,
    linear,
    machine_product,
    nonzero,
    product,
    txt,
    x,
)
from generation.engine.authoring.text import frac, frac_plain, polynomial, signed, terms
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


def _square_tex(a: Rational, p: Rational, q: Rational) -> tuple[str, str, str]:
    """``a(x + p)^2 + q`` as (LaTeX, plain, machine)."""
    lead = "" if a == 1 else frac(a)
    lead_plain = "" if a == 1 else f"{frac_plain(a)}"
    inner = terms([(1, "x"), (p, "")])
    inner_plain = f"x {'+' if p > 0 else '-'} {frac_plain(abs(p))}"
    tail = "" if q == 0 else f" {signed(q)}"
    tail_plain = "" if q == 0 else f" {'+' if q > 0 else '-'} {frac_plain(abs(q))}"
    machine = f"{a}*(x + ({p}))**2 + ({q})"
    return f"{lead}({inner})^2{tail}", f"{lead_plain}({inner_plain})^2{tail_plain}", machine


def _surd_roots(h: Rational, s: Any) -> list[tuple[Any, str, str]]:
    """h ± s as (value, LaTeX, plain)."""
    out = []
    for sign in (1, -1):
        value = h + sign * s
        s_tex = sympy.latex(s)
        s_plain = txt(s).replace("sqrt", "√")
        op = "+" if sign > 0 else "-"
        out.append((value, f"{frac(h)} {op} {s_tex}", f"{frac_plain(h)} {op} {s_plain}"))
    return out


@register
class CompletingSquare(Template):
    key = "algebra.completing_square"
    title = "Completing the square"
    codes = {Tier.EXTENDED: ("E2.2", "E2.5", "E2.11")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Completing the square"
        a = Rational(1) if difficulty <= 3 else Rational(rng.choice([2, 3]))
        odd = difficulty == 3
        while True:
            half = Rational(nonzero(rng, -7, 7), 2) if odd else Rational(nonzero(rng, -6, 6))
            if odd and half.q == 1:
                continue
            solve = difficulty in (2, 5)
            k = Rational(-rng.randint(2, 30), 1 if a == 1 else rng.choice([1, 2])) if solve else (
                Rational(nonzero(rng, -15, 15), 4 if odd else 1))  # fmt: skip
            if solve and sympy.sqrt(-k / a).is_Rational:
                continue  # the roots would be rational: no need for surds
            b, c = 2 * a * half, a * half**2 + k
            if c.q == 1 and b.q == 1 and c != 0 and k != half:
                break
        coefficients(q, "", [a, b, c])
        quad = polynomial([a, b, c])
        latex, plain, machine = _square_tex(a, half, k)

        form = "(x + p)^2 + q" if a == 1 else "a(x + p)^2 + q"
        marks = 2 if a == 1 else 3
        pa = q.part("a", f"Write ${quad}$ in the form ${form}$.", marks=marks, command="Write")
        if a != 1:
            pa.step(f"${quad} = {frac(a)}\\left({polynomial([1, b / a, c / a])}\\right)$", a)
        pa.step(f"$p = \\frac{{1}}{{2}} \\times {frac(b / a)} = {frac(half)}$", half)
        pa.step(f"${terms([(1, 'x^2'), (b / a, 'x')])} = (x {signed(half)})^2 - "
                f"{frac(half**2)}$")  # fmt: skip
        times = "" if a == 1 else f"{frac(a)} \\times "
        pa.step(f"$q = {frac(c)} - {times}{frac(half**2)} = {frac(k)}$", k)
        pa.step(f"${quad} = {latex}$", machine)
        pa.answer(machine, kind="expression", latex=latex, plain=plain)
        if a != 1:
            pa.mark("B", f"$a = {frac(a)}$", value=a)
        pa.mark("B", f"$p = {frac(half)}$", value=half)
        pa.mark("B", f"$q = {frac(k)}$, giving ${latex}$", value=k)
        wrong_latex, wrong_plain, wrong_machine = _square_tex(a, half, c + a * half**2)
        wrong(pa, wrong_plain, f"added ${frac(a * half**2)}$ instead of subtracting it", latex=wrong_latex, working=[a, half] if a != 1 else [half])  # fmt: skip
        if a != 1:
            wl, wp, _ = _square_tex(a, half, c - half**2)
            wrong(pa, wp, f"subtracted ${frac(half**2)}$ without multiplying it by ${frac(a)}$", latex=wl, working=[a, half])  # fmt: skip

        if difficulty in (2, 5):
            self._solve(q, a, half, k, quad)
            label = "c"
        else:
            label = "b"
        if difficulty == 3:
            self._minimum(q, label, quad, half, k)
        else:
            self._turning_point(q, label, quad, half, k)

    @staticmethod
    def _solve(q: QuestionBuilder, a: Rational, half: Rational, k: Rational, quad: str) -> None:
        part = q.part("b", f"Use your answer to part (a) to solve ${quad} = 0$.\nGive your "
                      "answers in surd form.", marks=3, command="Work out")  # fmt: skip
        relation = eq(f"{a}*(x + ({half}))**2 + ({k})", 0)
        squared = eq(f"(x + ({half}))**2", -k / a)
        part.step(f"$(x {signed(half)})^2 = {frac(-k / a)}$", squared)
        s = sympy.sqrt(-k / a)
        part.step(f"$x {signed(half)} = \\pm {sympy.latex(s)}$")
        roots = _surd_roots(-half, s)
        part.step(f"$x = {roots[0][1]}$ or $x = {roots[1][1]}$", roots[0][0])
        for value, latex, plain in roots:
            part.answer(value, label="x", variable="x", satisfies=relation, latex=latex,
                        plain=plain)  # fmt: skip
        part.mark("M", f"$(x {signed(half)})^2 = {frac(-k / a)}$", value=squared,
                  qualifiers=["FT"], partial=["FT their (a)"])  # fmt: skip
        for value, latex, _ in roots:
            part.mark("A", f"${latex}$", value=value, qualifiers=["oe"])
        slipped = _surd_roots(half, s)
        wrong(part, f"x = {slipped[0][2]} or x = {slipped[1][2]}", "sign error: used $+p$ instead of "
                   "$-p$ when taking the number across", latex=f"x = {slipped[0][1]} \\text{{ or }} x = {slipped[1][1]}", working=[squared])  # fmt: skip

    @staticmethod
    def _turning_point(q: QuestionBuilder, label: str, quad: str, half: Rational,
                       k: Rational) -> None:  # fmt: skip
        part = q.part(label, f"Write down the coordinates of the turning point of the graph of "
                      f"$y = {quad}$.", marks=1, command="Write down")  # fmt: skip
        point = (-half, k)
        part.step(f"The turning point of $y = a(x + p)^2 + q$ is $(-p, q) = "
                  f"({frac(-half)}, {frac(k)})$", point)  # fmt: skip
        part.answer(point, kind="coordinates", latex=f"({frac(-half)}, {frac(k)})",
                    plain=f"({frac_plain(-half)}, {frac_plain(k)})")  # fmt: skip
        part.mark("B", f"$({frac(-half)}, {frac(k)})$", value=point, qualifiers=["FT"],
                  partial=["FT their $p$ and $q$"])  # fmt: skip
        wrong(part, f"({frac_plain(half)}, {frac_plain(k)})", "used $p$ instead of $-p$ for the "
                   "$x$-coordinate", latex=f"({frac(half)}, {frac(k)})")  # fmt: skip

    @staticmethod
    def _minimum(q: QuestionBuilder, label: str, quad: str, half: Rational, k: Rational) -> None:
        part = q.part(label, f"Write down the minimum value of ${quad}$.", marks=1,
                      command="Write down")  # fmt: skip
        part.step(f"$(x {signed(half)})^2 \\ge 0$, so the minimum value is ${frac(k)}$", k)
        part.answer(k)
        part.mark("B", f"${frac(k)}$", value=k, qualifiers=["FT"], partial=["FT their $q$"])
        wrong(part, frac_plain(-half), "gave the value of $x$ where the minimum occurs", latex=frac(-half))  # fmt: skip


# --- a line and a curve ----------------------------------------------------------------------


def _points_line(points: Sequence[tuple[Any, Any]]) -> tuple[str, str]:
    latex = " \\text{ and } ".join(f"({frac(a)}, {frac(b)})" for a, b in points)
    plain = " and ".join(f"({frac_plain(a)}, {frac_plain(b)})" for a, b in points)
    return latex, plain


@register
class LineAndCurve(Template):
    key = "algebra.simultaneous_nonlinear"
    title = "Simultaneous equations: one linear, one non-linear"
    codes = {Tier.EXTENDED: ("E2.5",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "A line and a curve"
        m = nonzero(rng, -3, 3)
        r1, r2 = rng.sample([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 2)
        reciprocal = difficulty == 5
        c = nonzero(rng, -6, 8)
        if reciprocal:
            # y = mx + c and xy = k: m x^2 + c x - k = 0 with roots r1, r2
            c = -m * (r1 + r2)
            k = -m * r1 * r2
            while c == 0 or k == 0:
                r2 = r2 + 1 if r2 + 1 not in (0, r1, -r1) else r2 + 2
                c, k = -m * (r1 + r2), -m * r1 * r2
            curve_tex = f"xy = {k}"
            substituted = f"x({lin_tex_xy(m, c)}) = {k}"
            quadratic = sympy.expand(m * x**2 + c * x - k)
            numbers = [m, c, k]
        else:
            a_curve = 1 if difficulty <= 3 else rng.choice([1, 2])
            # y = a x^2 + p x + s with a x^2 + (p - m) x + (s - c) = a (x - r1)(x - r2)
            p = m - a_curve * (r1 + r2)
            s = c + a_curve * r1 * r2
            curve_tex = f"y = {polynomial([a_curve, p, s])}"
            substituted = f"{polynomial([a_curve, p, s])} = {lin_tex_xy(m, c)}"
            quadratic = sympy.expand(a_curve * (x - r1) * (x - r2))
            numbers = [a_curve, p, s, m, c]
        coefficients(q, "", numbers)
        line_tex = f"y = {lin_tex_xy(m, c)}"
        if difficulty >= 4:
            # the line in the form px + y = c: rearranging it is one more step
            line_tex = f"{terms([(1, 'y'), (-m, 'x')])} = {c}"
        points = [(r, m * r + c) for r in (r1, r2)]
        q.stem = f"The line ${line_tex}$ meets the curve ${curve_tex}$ at the points $A$ and $B$."
        part = q.part("", "Find the coordinates of $A$ and $B$.\nYou must show all your working.",
                      marks=5, command="Work out")  # fmt: skip
        if difficulty >= 4:
            part.step(f"Rearrange the line: $y = {lin_tex_xy(m, c)}$", eq("y", f"{m}*x + {c}"))
        self._solution(part, substituted, quadratic, r1, r2, points, m, c)

    @staticmethod
    def _solution(part: PartBuilder, substituted: str, quadratic: object, r1: int, r2: int,
                  points: list[tuple[int, int]], m: int, c: int) -> None:  # fmt: skip
        lead = sympy.Poly(quadratic, x).LC()
        factors = [linear(1, -r1), linear(1, -r2)]
        _, f_latex, _ = product(factors)
        f_latex = (frac(lead) if lead != 1 else "") + f_latex
        factored = machine_product([f[0] for f in factors], lead if lead != 1 else None)
        equated = eq(sympy.sstr(quadratic), 0)
        part.step(f"Substitute for $y$: ${substituted}$", equated)
        part.step(f"${polynomial(sympy.Poly(quadratic, x).all_coeffs())} = 0$", quadratic)
        part.step(f"${f_latex} = 0$", factored)
        part.step(f"$x = {r1}$ or $x = {r2}$")
        for r, (_, y_value) in zip((r1, r2), points, strict=True):
            times = {1: "", -1: "-"}.get(m, str(m))
            part.step(f"$x = {r}$: $y = {times}({r}) {signed(c)} = {y_value}$", y_value)
        latex, plain = _points_line(points)
        for point in points:
            part.answer(point, kind="coordinates", latex=f"({point[0]}, {point[1]})",
                        plain=f"({point[0]}, {point[1]})", label="point")  # fmt: skip
        part.mark("M", f"${substituted}$", value=equated, qualifiers=["oe"],
                  partial=["for eliminating $y$"])  # fmt: skip
        part.mark("M", f"${polynomial(sympy.Poly(quadratic, x).all_coeffs())} = 0$",
                  value=quadratic, qualifiers=["dep"],
                  partial=["for a correct three-term quadratic = 0"])  # fmt: skip
        part.mark("M", f"${f_latex}$", value=factored,
                  partial=["or a correct substitution into the quadratic formula"])  # fmt: skip
        part.mark("A", f"$({points[0][0]}, {points[0][1]})$", value=points[0])
        part.mark("A", f"$({points[1][0]}, {points[1][1]})$", value=points[1])
        # a slip in the y-values: substituted into y = mx - c
        slips = [(r, m * r - c) for r in (r1, r2)]
        if c != 0:
            wl, wp = _points_line(slips)
            wrong(part, wp, f"found the $x$-coordinates but used ${-c}$ for ${c}$ when working "
                       "out $y$", latex=wl, working=[equated, quadratic, factored])  # fmt: skip
        flipped = [(-r, -m * r + c) for r in (r1, r2)]
        wl, wp = _points_line(flipped)
        wrong(part, wp, "factorised correctly but took the wrong signs for the roots", latex=wl, working=[equated, quadratic, factored])  # fmt: skip


def lin_tex_xy(m: int, c: int) -> str:
    return terms([(m, "x"), (c, "")])
