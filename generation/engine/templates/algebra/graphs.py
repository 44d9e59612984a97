"""Graphs of functions (2.10): tables of values and roots; sketching curves (2.11): intercepts,
symmetry, turning points and asymptotes."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.authoring import wrong
from generation.engine.authoring.algebraic import (
    coefficients,
    eq,
    linear,
    machine_product,
    product,
    tex,
    x,
)
from generation.engine.authoring.text import bracket, frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier


def value_table(xs: list[int], ys: list[object | None]) -> str:
    """A 0580 table of values in LaTeX; ``None`` leaves a cell blank for the candidate."""
    columns = "|c|" + "c|" * len(xs)
    top = " & ".join(str(v) for v in xs)
    bottom = " & ".join("" if v is None else frac(v) for v in ys)
    return (
        f"$\\begin{{array}}{{{columns}}}\\hline x & {top} \\\\ \\hline y & {bottom} \\\\ "
        "\\hline\\end{array}$"
    )


def _complete_table(
    q: QuestionBuilder, curve: sympy.Expr, xs: list[int], blanks: list[int]
) -> None:
    """Part (a): complete the table, B1 for each missing value."""
    ys = [curve.subs(x, v) for v in xs]
    shown = [None if i in blanks else ys[i] for i in range(len(xs))]
    for i, yv in enumerate(ys):
        if i not in blanks:
            q.given(f"y{i}", yv, display=frac(yv))
    q.stem += f"\n\n{value_table(xs, shown)}"
    part = q.part("a", "Complete the table of values.", marks=len(blanks), command="Work out")
    for i in blanks:
        part.step(f"$x = {xs[i]}$: $y = {_substituted(curve, xs[i])} = {frac(ys[i])}$", ys[i])
        part.answer(ys[i], label=f"y at x = {xs[i]}")
        part.mark("B", f"${frac(ys[i])}$ at $x = {xs[i]}$", value=ys[i])
    linear_term = sympy.Poly(curve, x).coeff_monomial(x)
    nonzero_x = [i for i in blanks if xs[i] != 0]
    if linear_term and nonzero_x:
        # the x-term added with the wrong sign at one entry
        i = nonzero_x[-1]
        slip = ys[i] - 2 * linear_term * xs[i]
        values = [slip if j == i else ys[j] for j in blanks]
        wrong(part, ", ".join(frac_plain(v) for v in values), f"made a sign error with the "
                   f"$x$ term at $x = {xs[i]}$", latex=", ".join(frac(v) for v in values))  # fmt: skip
    negative = [i for i in blanks if xs[i] < 0]
    if negative:
        i = negative[0]
        slipped = _negative_square_slip(curve, xs[i])
        if slipped is not None and slipped != ys[i]:
            values = [frac_plain(slipped if j == i else ys[j]) for j in blanks]
            wrong(part, ", ".join(values), f"worked out ${bracket(xs[i])}^2$ as "
                       f"$-{xs[i] ** 2}$ at $x = {xs[i]}$", latex=", ".join(frac(slipped if j == i else ys[j]) for j in blanks))  # fmt: skip


def _negative_square_slip(curve: sympy.Expr, at: int) -> object | None:
    """y at x = at with (at)^2 worked out as -(at^2): the commonest table error."""
    if not curve.has(x**2):
        return None
    a2 = sympy.Poly(curve, x).coeff_monomial(x**2)
    return curve.subs(x, at) - 2 * a2 * at**2


def _substituted(curve: sympy.Expr, at: int) -> str:
    """``2 \\times (-3)^2 - 3 \\times (-3) + 1``: the working for one entry of the table."""
    base = bracket(at)
    out = ""
    for (power,), c in sorted(sympy.Poly(curve, x).terms(), reverse=True):
        if power == 0:
            body = str(abs(c))
        else:
            factor = base if power == 1 else f"{base}^{power}"
            body = factor if abs(c) == 1 else f"{abs(c)} \\times {factor}"
        if not out:
            out = ("-" if c < 0 else "") + body
        else:
            out += f" {'-' if c < 0 else '+'} {body}"
    return out


def _roots_part(q: QuestionBuilder, label: str, curve: sympy.Expr, roots: list[int],
                k: int = 0) -> None:  # fmt: skip
    """Solve curve = k from the table: B1 for each solution."""
    part = q.part(label, f"Use your table to write down the solutions of the equation "
                  f"${tex(curve)} = {k}$.", marks=len(roots),
                  command="Write down" if len(roots) == 1 else "Write")  # fmt: skip
    relation = eq(sympy.sstr(curve), k)
    part.step(f"The table has $y = {k}$ at $x = {', '.join(str(r) for r in roots)}$", roots[0])
    for r in roots:
        part.answer(r, label="x", variable="x", satisfies=relation)
        part.mark("B", f"$x = {r}$", value=r)
    if sorted(-r for r in roots) != sorted(roots):
        wrong(part, ", ".join(str(-r) for r in roots), "gave the solutions with the wrong signs")


@register
class GraphTables(Template):
    key = "algebra.graph_tables"
    title = "Graphs of functions: tables of values and solving equations"
    codes = {Tier.CORE: ("C2.10",), Tier.EXTENDED: ("E2.10",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Graph of a function: table of values"
        cubic = q.tier == Tier.EXTENDED and difficulty >= 3
        if cubic:
            roots = sorted(rng.sample([-3, -2, -1, 0, 1, 2, 3], 3))
            sign = -1 if difficulty == 4 else 1
            curve = sympy.expand(sign * (x - roots[0]) * (x - roots[1]) * (x - roots[2]))
            xs = list(range(roots[0] - 1, roots[2] + 2))
        else:
            while True:
                r1 = rng.randint(-3, 2)
                r2 = r1 + rng.randint(2, 5)
                if r2 <= 5:
                    break
            sign = -1 if difficulty in (2, 5) and q.tier == Tier.EXTENDED else 1
            curve = sympy.expand(sign * (x - r1) * (x - r2))
            roots = [r1, r2]
            xs = list(range(r1 - 1, r2 + 2))
        curve_tex = tex(curve)
        coefficients(q, "c", sympy.Poly(curve, x).all_coeffs())
        q.stem = f"This is a table of values for $y = {curve_tex}$."
        blanks = sorted(rng.sample(range(len(xs)), 3))
        if difficulty >= 2 and not any(xs[i] < 0 for i in blanks):
            negatives = [i for i in range(len(xs)) if xs[i] < 0]
            if negatives:
                blanks = sorted({*blanks[1:], rng.choice(negatives)})
        q.param("blanks", ",".join(map(str, blanks)))
        _complete_table(q, curve, xs, blanks)

        if difficulty >= 4 and not cubic:
            # solve curve = k: a value of y the table shows at two x's
            h2 = roots[0] + roots[1]  # x1 + x2 for the two solutions
            s = rng.choice([v for v in xs if 2 * v != h2 and h2 - v in xs])
            k = curve.subs(x, s)
            _roots_part(q, "b", curve, sorted([s, h2 - s]), int(k))
        else:
            _roots_part(q, "b", curve, roots)
        if not cubic and difficulty >= 3:
            h = Rational(roots[0] + roots[1], 2)
            part = q.part("c", "Write down the equation of the line of symmetry of the graph.",
                          marks=1, command="Write down")  # fmt: skip
            part.step(f"The graph is symmetrical about $x = {frac(h)}$, halfway between "
                      f"$x = {roots[0]}$ and $x = {roots[1]}$", eq("x", h))  # fmt: skip
            part.answer(eq("x", h), kind=AnswerKind.EQUATION, latex=f"x = {frac(h)}",
                        plain=f"x = {frac_plain(h)}")  # fmt: skip
            part.mark("B", f"$x = {frac(h)}$", value=eq("x", h), qualifiers=["cao"])
            wrong(part, f"y = {frac_plain(h)}", "wrote $y =$ for a vertical line", latex=f"y = {frac(h)}")  # fmt: skip


# --- sketching: key features -----------------------------------------------------------------


def _point_answer(part: PartBuilder, point: tuple[object, object], label: str = "") -> str:
    latex = f"({frac(point[0])}, {frac(point[1])})"
    part.answer(point, kind=AnswerKind.COORDINATES, label=label, latex=latex,
                plain=f"({frac_plain(point[0])}, {frac_plain(point[1])})")  # fmt: skip
    return latex


def _quadratic_features(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    r1, r2 = sorted(rng.sample([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6], 2))
    sign = -1 if difficulty >= 4 and rng.random() < 0.5 else 1
    factors = [linear(1, -r1), linear(1, -r2)]
    _, fact_tex, _ = product(factors)
    curve = sympy.expand(sign * (x - r1) * (x - r2))
    factored_given = difficulty <= 2
    shown = ("-" if sign < 0 else "") + fact_tex if factored_given else tex(curve)
    coefficients(q, "c", [r1, r2] if factored_given else sympy.Poly(curve, x).all_coeffs())
    q.title = "Sketching a quadratic graph"
    q.stem = f"The graph of $y = {shown}$ is a curve."
    a = q.part("a", "Write down the coordinates of the point where the curve crosses the "
               "$y$-axis.", marks=1, command="Write down")  # fmt: skip
    c0 = curve.subs(x, 0)
    a.step(f"At $x = 0$, $y = {frac(c0)}$", (0, c0))
    latex = _point_answer(a, (0, c0))
    a.mark("B", f"${latex}$", value=(0, c0))
    wrong(a, f"({frac_plain(c0)}, 0)", "wrote the coordinates the wrong way round")

    b = q.part("b", "Find the $x$-coordinates of the points where the curve crosses the "
               "$x$-axis.", marks=2, command="Work out")  # fmt: skip
    relation = eq(sympy.sstr(curve), 0)
    machine = machine_product([f[0] for f in factors], sign if sign < 0 else None)
    b.step(f"$y = 0$: ${'-' if sign < 0 else ''}{fact_tex} = 0$", machine)
    for r in (r1, r2):
        b.answer(r, label="x", variable="x", satisfies=relation)
    b.step(f"$x = {r1}$ or $x = {r2}$", r1)
    b.mark("B", f"$x = {r1}$", value=r1)
    b.mark("B", f"$x = {r2}$", value=r2)
    wrong(b, f"{-r1}, {-r2}", "took the numbers in the brackets without changing their signs")

    h = Rational(r1 + r2, 2)
    if difficulty >= 2:
        c = q.part("c", "Write down the equation of the line of symmetry of the curve.", marks=1,
                   command="Write down")  # fmt: skip
        c.step(f"Halfway between the roots: $x = \\frac{{{r1} + {bracket(r2)}}}{{2}} = {frac(h)}$",
               eq("x", h))  # fmt: skip
        c.answer(eq("x", h), kind=AnswerKind.EQUATION, latex=f"x = {frac(h)}",
                 plain=f"x = {frac_plain(h)}")  # fmt: skip
        c.mark("B", f"$x = {frac(h)}$", value=eq("x", h), qualifiers=["FT"])
    if difficulty >= 3:
        k = curve.subs(x, h)
        d = q.part("d", "Find the coordinates of the turning point of the curve.", marks=2,
                   command="Work out")  # fmt: skip
        d.step(f"$x = {frac(h)}$: $y = {frac(k)}$", k)
        latex = _point_answer(d, (h, k))
        d.mark("M", f"substituting $x = {frac(h)}$", value=k, qualifiers=["FT"],
               partial=["FT their line of symmetry"])  # fmt: skip
        d.mark("A", f"${latex}$", value=(h, k), qualifiers=["cao"])
        kind = "maximum" if sign < 0 else "minimum"
        d.step(f"This is a {kind} point because the coefficient of $x^2$ is "
               f"{'negative' if sign < 0 else 'positive'}.")  # fmt: skip


def _cubic_features(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    roots = sorted(rng.sample([-4, -3, -2, -1, 1, 2, 3, 4], 3))
    factors = [linear(1, -r) for r in roots]
    _, fact_tex, _ = product(factors)
    curve = sympy.expand((x - roots[0]) * (x - roots[1]) * (x - roots[2]))
    coefficients(q, "c", roots)
    q.title = "Sketching a cubic graph"
    q.stem = f"The graph of $y = {fact_tex}$ is a cubic curve."
    a = q.part("a", "Write down the coordinates of the point where the curve crosses the "
               "$y$-axis.", marks=1, command="Write down")  # fmt: skip
    c0 = curve.subs(x, 0)
    a.step(f"At $x = 0$: $y = {bracket(-roots[0])} \\times {bracket(-roots[1])} \\times "
           f"{bracket(-roots[2])} = {c0}$", (0, c0))  # fmt: skip
    latex = _point_answer(a, (0, c0))
    a.mark("B", f"${latex}$", value=(0, c0))
    wrong(a, f"(0, {-c0})", "made a sign error multiplying the three numbers")
    b = q.part("b", "Write down the $x$-coordinates of the points where the curve crosses the "
               "$x$-axis.", marks=3, command="Write")  # fmt: skip
    relation = eq(sympy.sstr(curve), 0)
    b.step(f"$y = 0$ when each bracket is zero: $x = {', '.join(map(str, roots))}$", roots[0])
    for r in roots:
        b.answer(r, label="x", variable="x", satisfies=relation)
    for r in roots:
        b.mark("B", f"$x = {r}$", value=r)
    wrong(b, ", ".join(str(-r) for r in roots), "used the numbers in the brackets without "
            "changing their signs")  # fmt: skip
    if difficulty >= 4:
        _reciprocal_features(q, rng, "c")


def _reciprocal_features(q: QuestionBuilder, rng: random.Random, label: str) -> None:
    k, p, c = (
        rng.randint(1, 9),
        rng.choice([-3, -2, -1, 1, 2, 3]),
        rng.choice([-4, -3, -2, 2, 3, 4]),
    )
    q.given("k", k)
    q.given("p", abs(p))
    q.given("cc", abs(c))
    shown = (
        f"y = \\frac{{{k}}}{{x {'-' if p > 0 else '+'} {abs(p)}}} {'+' if c > 0 else '-'} {abs(c)}"
    )
    part = q.part(label, f"The graph of ${shown}$ has two asymptotes.\nWrite down the equations "
                  "of the two asymptotes.", marks=2, command="Write")  # fmt: skip
    part.step(f"The denominator is zero when $x = {p}$: the asymptote $x = {p}$", eq("x", p))
    part.step(f"As $x$ gets large, $\\frac{{{k}}}{{x {'-' if p > 0 else '+'} {abs(p)}}}$ gets "
              f"close to 0: the asymptote $y = {c}$", eq("y", c))  # fmt: skip
    for var, value in (("x", p), ("y", c)):
        part.answer(eq(var, value), kind=AnswerKind.EQUATION, latex=f"{var} = {value}",
                    plain=f"{var} = {value}")  # fmt: skip
        part.mark("B", f"${var} = {value}$", value=eq(var, value))
    wrong(part, f"x = {-p}, y = {c}", "took the sign of the number in the denominator")


@register
class CurveFeatures(Template):
    key = "algebra.curve_features"
    title = "Sketching curves: intercepts, symmetry, turning points and asymptotes"
    codes = {Tier.CORE: ("C2.11",), Tier.EXTENDED: ("E2.11",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if q.tier == Tier.EXTENDED and difficulty >= 3:
            _cubic_features(q, rng, difficulty)
        else:
            _quadratic_features(q, rng, difficulty)
