"""Differentiation (E2.12) and functions (E2.13)."""

from __future__ import annotations

import random
from typing import Any

import sympy

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.algebraic import coefficients, eq, nonzero, tex, txt, x
from generation.engine.authoring.text import bracket, frac, frac_plain, polynomial
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def _coeffs(expr: sympy.Expr) -> list[Any]:
    return sympy.Poly(expr, x).all_coeffs()


def _point(p: tuple[object, object]) -> tuple[str, str]:
    return f"({frac(p[0])}, {frac(p[1])})", f"({frac_plain(p[0])}, {frac_plain(p[1])})"


# --- differentiation -------------------------------------------------------------------------


def _derivative(part: PartBuilder, curve: sympy.Expr) -> sympy.Expr:
    """dy/dx of a polynomial: B1 for the leading term, B1 for the rest."""
    d = sympy.diff(curve, x)
    lead = sympy.Poly(d, x).LC() * x ** sympy.Poly(d, x).degree()
    rest = sympy.expand(d - lead)
    pieces = []
    for term in sorted(sympy.Add.make_args(sympy.expand(curve)), key=lambda t: -sympy.degree(t, x)):
        c, p = term.as_coeff_exponent(x)
        if p == 0:
            pieces.append(f"\\frac{{d}}{{dx}}({frac(c)}) = 0")
            continue
        result = c * p * x ** (p - 1)
        pieces.append(f"\\frac{{d}}{{dx}}({tex(term)}) = {tex(result)}")
    part.step(f"${pieces[0]}$", lead)
    part.step("$" + "$, $".join(pieces[1:]) + "$", rest)
    part.step(f"$\\frac{{dy}}{{dx}} = {tex(d)}$", d)
    part.answer(d, kind="expression", label="dy/dx", latex=tex(d), plain=txt(d))
    part.mark("B", f"${tex(lead)}$", value=lead)
    part.mark("B", f"${tex(rest)}$, giving ${tex(d)}$", value=rest,
              partial=["B1 for two terms correct (B2 for all correct, no extra terms)"])  # fmt: skip
    constant = curve.subs(x, 0)
    if constant != 0:
        kept = d + constant
        wrong(part, txt(kept), "kept the constant term instead of differentiating it to 0", latex=tex(kept), working=[lead])  # fmt: skip
    unreduced = sum(c * p * x**p for c, p in (t.as_coeff_exponent(x) for t in
                                               sympy.Add.make_args(sympy.expand(curve))))  # fmt: skip
    wrong(part, txt(unreduced), "multiplied by the power but did not reduce the power by 1", latex=tex(unreduced))  # fmt: skip
    return d


def _gradient(
    q: QuestionBuilder, part: PartBuilder, curve: sympy.Expr, d: sympy.Expr, at: int
) -> None:
    value = d.subs(x, at)
    part.step(f"$\\frac{{dy}}{{dx}} = {_substituted(d, at)} = {value}$", value)
    part.answer(value)
    part.mark("M", f"${_substituted(d, at)}$", value=value, qualifiers=["FT"],
              partial=["for substituting into their $\\frac{dy}{dx}$"])  # fmt: skip
    part.mark("A", f"${value}$", value=value, qualifiers=["cao"])
    misconception(part, Misconception(f"substituted $x = {at}$ into $y$ instead of into "
                 "$\\frac{dy}{dx}$", curve.subs(x, at), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


def _substituted(expr: sympy.Expr, at: int) -> str:
    """``6(2)^2 - 10(2) + 4`` for substituting into a polynomial."""
    pieces = []
    for c, p in zip(_coeffs(expr), range(sympy.Poly(expr, x).degree(), -1, -1), strict=True):
        if c == 0:
            continue
        sign = "-" if c < 0 else "+"
        body = (f"{abs(c)}" if p == 0 else f"{'' if abs(c) == 1 else abs(c)}({at})"
                + ("" if p <= 1 else f"^{p}"))  # fmt: skip
        pieces.append((sign, body))
    out = ("-" if pieces[0][0] == "-" else "") + pieces[0][1]
    for sign, body in pieces[1:]:
        out += f" {sign} {body}"
    return out


@register
class Differentiation(Template):
    key = "algebra.differentiation"
    title = "Differentiation: gradients and turning points"
    codes = {Tier.EXTENDED: ("E2.12",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Differentiation"
        if difficulty <= 3:
            a = rng.randint(1, 4) * (1 if difficulty < 3 else rng.choice([1, -1]))
            h = nonzero(rng, -4, 4)  # turning point at x = h
            b, c = -2 * a * h, nonzero(rng, -9, 9)
            if difficulty == 2:
                cubic = rng.randint(1, 3)
                curve = cubic * x**3 + a * x**2 + b * x + c
            else:
                curve = a * x**2 + b * x + c
        else:
            p, r = sorted(rng.sample([-3, -2, -1, 0, 1, 2, 3, 4], 2))
            c = nonzero(rng, -10, 10)
            curve = 2 * x**3 - 3 * (p + r) * x**2 + 6 * p * r * x + c
        coefficients(q, "", _coeffs(curve))
        q.stem = f"A curve has equation $y = {tex(curve)}$."
        pa = q.part("a", "Find $\\frac{dy}{dx}$.", marks=2, command="Work out")
        d = _derivative(pa, curve)
        if difficulty <= 2:
            at = nonzero(rng, -3, 4)
            q.given("at", at)
            pb = q.part("b", f"Find the gradient of the curve at the point where $x = {at}$.",
                        marks=2, command="Work out")  # fmt: skip
            _gradient(q, pb, curve, d, at)
            return
        if difficulty == 3:
            self._quadratic_turning_point(q, curve, d)
            return
        self._cubic_turning_points(q, curve, d, maximum=difficulty == 5)

    @staticmethod
    def _quadratic_turning_point(q: QuestionBuilder, curve: sympy.Expr, d: sympy.Expr) -> None:
        part = q.part("b", "Find the coordinates of the turning point of the curve.", marks=2,
                      command="Work out")  # fmt: skip
        h = sympy.solve(d, x)[0]
        point = (h, curve.subs(x, h))
        zero = eq(sympy.sstr(d), 0)
        part.step(f"$\\frac{{dy}}{{dx}} = 0$: ${tex(d)} = 0$, so $x = {frac(h)}$", zero)
        part.step(f"$y = {frac(point[1])}$", point[1])
        latex, plain = _point(point)
        part.answer(point, kind="coordinates", latex=latex, plain=plain)
        part.mark("M", f"${tex(d)} = 0$", value=zero, qualifiers=["FT"],
                  partial=["FT their $\\frac{dy}{dx} = 0$"])  # fmt: skip
        part.mark("A", f"${latex}$", value=point, qualifiers=["cao"])
        wl, wp = _point((h, 0))
        wrong(part, wp, "gave $\\frac{dy}{dx}$ at the turning point as its $y$-coordinate", latex=wl, working=[zero])  # fmt: skip

    @staticmethod
    def _cubic_turning_points(q: QuestionBuilder, curve: sympy.Expr, d: sympy.Expr,
                              maximum: bool) -> None:  # fmt: skip
        part = q.part("b", "Find the coordinates of the two turning points of the curve.",
                      marks=3, command="Work out")  # fmt: skip
        roots = sorted(sympy.solve(d, x))
        points = [(r, curve.subs(x, r)) for r in roots]
        zero = eq(sympy.sstr(d), 0)
        factored = sympy.factor(d)
        part.step(f"$\\frac{{dy}}{{dx}} = 0$: ${tex(d)} = 0$", zero)
        part.step(f"${sympy.latex(factored)} = 0$, so $x = {frac(roots[0])}$ or "
                  f"$x = {frac(roots[1])}$", factored)  # fmt: skip
        for r, v in points:
            part.step(f"$x = {frac(r)}$: $y = {frac(v)}$", v)
        for p in points:
            latex, plain = _point(p)
            part.answer(p, kind="coordinates", latex=latex, plain=plain, label="turning point")
        part.mark("M", f"${tex(d)} = 0$", value=zero, qualifiers=["FT"],
                  partial=["FT their $\\frac{dy}{dx} = 0$"])  # fmt: skip
        for p in points:
            part.mark("A", f"${_point(p)[0]}$", value=p)
        zeros = [(r, 0) for r in roots]
        wrong(part, " and ".join(_point(p)[1] for p in zeros), "substituted the $x$-values into "
                   "$\\frac{dy}{dx}$ instead of into the equation of the curve", latex=" \\text{ and } ".join(_point(p)[0] for p in zeros), working=[zero])  # fmt: skip
        if not maximum:
            return
        second = sympy.diff(d, x)
        part_c = q.part("c", "Find $\\frac{d^2y}{dx^2}$ and use it to find the coordinates of the "
                        "maximum point.", marks=2, command="Work out")  # fmt: skip
        top = points[0]  # leading coefficient 2 > 0: the maximum is the left turning point
        part_c.step(f"$\\frac{{d^2y}}{{dx^2}} = {tex(second)}$", second)
        for r, _ in points:
            s = second.subs(x, r)
            part_c.step(f"At $x = {frac(r)}$: $\\frac{{d^2y}}{{dx^2}} = {s}$, "
                        f"{'negative, so a maximum' if s < 0 else 'positive, so a minimum'}", s)  # fmt: skip
        latex, plain = _point(top)
        part_c.answer(top, kind="coordinates", latex=latex, plain=plain, label="maximum")
        part_c.mark("M", f"$\\frac{{d^2y}}{{dx^2}} = {tex(second)}$", value=second,
                    partial=["or another complete method, e.g. the gradient either side"])  # fmt: skip
        part_c.mark("A", f"${latex}$", value=top, qualifiers=["cao"])
        wl, wp = _point(points[1])
        wrong(part_c, wp, "chose the point where $\\frac{d^2y}{dx^2} > 0$ (the minimum)", latex=wl, working=[second])  # fmt: skip


# --- functions --------------------------------------------------------------------------------


class _Functions:
    """f(x) = ax + b, g(x) = x^2 + c and h(x) = k/(x + d), with their LaTeX."""

    def __init__(self, q: QuestionBuilder, rng: random.Random) -> None:
        self.a, self.b = rng.randint(2, 6), nonzero(rng, -9, 9)
        self.c = nonzero(rng, -6, 6)
        self.k, self.d = rng.randint(2, 12), nonzero(rng, -5, 5)
        self.f = self.a * x + self.b
        self.g = x**2 + self.c
        self.h = self.k / (x + self.d)
        self.q = q

    def tex(self, name: str) -> str:
        return {
            "f": polynomial([self.a, self.b]),
            "g": polynomial([1, 0, self.c]),
            "h": f"\\frac{{{self.k}}}{{{polynomial([1, self.d])}}}",
        }[name]

    def expr(self, name: str) -> sympy.Expr:
        return {"f": self.f, "g": self.g, "h": self.h}[name]


def _evaluate(fs: _Functions, label: str, name: str, at: int) -> None:
    value = fs.expr(name).subs(x, at)
    part = fs.q.part(label, f"Find ${name}({at})$.", marks=1, command="Work out")
    part.step(f"${name}({at}) = {_sub_text(fs, name, at)} = {frac(value)}$", value)
    part.answer(value)
    part.mark("B", f"${frac(value)}$", value=value, qualifiers=["cao"])
    if name == "g" and at < 0:
        misconception(
            part,
            Misconception(
                f"worked out ${bracket(at)}^2$ as $-{at * at}$",
                -(at**2) + fs.c,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )


def _sub_text(fs: _Functions, name: str, at: object) -> str:
    if name == "f":
        return f"{fs.a} \\times {bracket(at)} {'+' if fs.b > 0 else '-'} {abs(fs.b)}"
    if name == "g":
        return f"{bracket(at)}^2 {'+' if fs.c > 0 else '-'} {abs(fs.c)}"
    return f"\\frac{{{fs.k}}}{{{frac(at)} {'+' if fs.d > 0 else '-'} {abs(fs.d)}}}"


def _composite_value(fs: _Functions, label: str, outer: str, inner: str, at: int) -> None:
    first = fs.expr(inner).subs(x, at)
    value = fs.expr(outer).subs(x, first)
    part = fs.q.part(label, f"Find ${outer}{inner}({at})$.", marks=2, command="Work out")
    part.step(f"${inner}({at}) = {frac(first)}$", first)
    part.step(f"${outer}({frac(first)}) = {_sub_text(fs, outer, first)} = {frac(value)}$", value)
    part.answer(value)
    part.mark("M", f"${inner}({at}) = {frac(first)}$", value=first, qualifiers=["soi"])
    part.mark("A", f"${frac(value)}$", value=value, qualifiers=["cao"])
    reversed_value = fs.expr(inner).subs(x, fs.expr(outer).subs(x, at))
    if reversed_value != value:
        misconception(part, Misconception(f"worked out ${inner}{outer}({at})$: the functions in "
                     "the wrong order", reversed_value, accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


def _composite_expression(fs: _Functions, label: str) -> None:
    value = sympy.expand(fs.f.subs(x, fs.g))
    part = fs.q.part(label, "Find $fg(x)$, giving your answer in its simplest form.", marks=2,
                     command="Work out")  # fmt: skip
    part.step(f"$fg(x) = f(x^2 {'+' if fs.c > 0 else '-'} {abs(fs.c)}) = "
              f"{fs.a}(x^2 {'+' if fs.c > 0 else '-'} {abs(fs.c)}) {'+' if fs.b > 0 else '-'} "
              f"{abs(fs.b)}$", (fs.a * fs.g, fs.b))  # fmt: skip
    part.step(f"$= {tex(value)}$", value)
    part.answer(value, kind="expression", label="fg(x)", latex=tex(value), plain=txt(value))
    part.mark("M", f"${fs.a}(x^2 {'+' if fs.c > 0 else '-'} {abs(fs.c)}) "
              f"{'+' if fs.b > 0 else '-'} {abs(fs.b)}$", value=(fs.a * fs.g, fs.b))  # fmt: skip
    part.mark("A", f"${tex(value)}$", value=value, qualifiers=["cao"])
    slipped = sympy.expand(fs.g.subs(x, fs.f))
    wrong(part, txt(slipped), "found $gf(x)$ instead of $fg(x)$", latex=tex(slipped))


def _inverse_linear(fs: _Functions, label: str) -> None:
    a, b = fs.a, fs.b
    part = fs.q.part(label, "Find $f^{-1}(x)$.", marks=2, command="Work out")
    swapped = eq("x", f"{a}*y + {b}")
    part.step(f"$y = {fs.tex('f')}$; swap $x$ and $y$: $x = {polynomial([a, b]).replace('x', 'y')}$",
              swapped)  # fmt: skip
    back = "-" if b > 0 else "+"
    inverse = (x - b) / a
    latex = f"\\frac{{x {back} {abs(b)}}}{{{a}}}"
    plain = f"(x {back} {abs(b)})/{a}"
    part.step(f"$f^{{-1}}(x) = {latex}$", inverse)
    part.answer(inverse, kind="expression", label="f^-1(x)", latex=latex, plain=plain)
    part.mark("M", f"$x = {polynomial([a, b]).replace('x', 'y')}$ or $y {back} {abs(b)} = {a}x$",
              value=swapped, qualifiers=["oe"])  # fmt: skip
    part.mark("A", f"$f^{{-1}}(x) = {latex}$", value=inverse, qualifiers=["oe"])
    wrong(part, f"(x {'+' if b > 0 else '-'} {abs(b)})/{a}", "used the wrong inverse operation for "
               f"the {'+' if b > 0 else '-'}{abs(b)}", latex=f"\\frac{{x {'+' if b > 0 else '-'} {abs(b)}}}{{{a}}}")  # fmt: skip
    wrong(part, f"x/{a} {back} {abs(b)}", f"divided only $x$ by ${a}$", latex=f"\\frac{{x}}{{{a}}} {back} {abs(b)}", working=[swapped])  # fmt: skip


def _inverse_reciprocal(fs: _Functions, label: str) -> None:
    k, d = fs.k, fs.d
    part = fs.q.part(label, "Find $h^{-1}(x)$.", marks=3, command="Work out")
    swapped = eq("x", f"{k}/(y + {d})")
    step2 = eq(f"y + {d}", f"{k}/x")
    inverse = k / x - d
    latex = f"\\frac{{{k}}}{{x}} {'-' if d > 0 else '+'} {abs(d)}"
    plain = f"{k}/x {'-' if d > 0 else '+'} {abs(d)}"
    part.step(f"$x = \\frac{{{k}}}{{y {'+' if d > 0 else '-'} {abs(d)}}}$", swapped)
    part.step(f"$y {'+' if d > 0 else '-'} {abs(d)} = \\frac{{{k}}}{{x}}$", step2)
    part.step(f"$h^{{-1}}(x) = {latex}$", inverse)
    part.answer(inverse, kind="expression", label="h^-1(x)", latex=latex, plain=plain)
    part.mark("M", f"$x = \\frac{{{k}}}{{y {'+' if d > 0 else '-'} {abs(d)}}}$", value=swapped,
              qualifiers=["oe"])  # fmt: skip
    part.mark("M", f"$y {'+' if d > 0 else '-'} {abs(d)} = \\frac{{{k}}}{{x}}$", value=step2,
              qualifiers=["oe"])  # fmt: skip
    part.mark("A", f"$h^{{-1}}(x) = {latex}$", value=inverse, qualifiers=["oe"],
              partial=[f"accept $\\frac{{{k} {'-' if d > 0 else '+'} {abs(d)}x}}{{x}}$"])  # fmt: skip
    wrong(part, f"{k}/x {'+' if d > 0 else '-'} {abs(d)}", "sign error in the last step", latex=f"\\frac{{{k}}}{{x}} {'+' if d > 0 else '-'} {abs(d)}", working=[swapped, step2])  # fmt: skip


def _solve_composite(fs: _Functions, label: str, rng: random.Random) -> None:
    """Solve fg(x) = t: a(x^2 + c) + b = t, so x = ±m."""
    m = rng.randint(2, 6)
    t = fs.a * (m * m + fs.c) + fs.b
    fs.q.given("t", t)
    part = fs.q.part(label, f"Solve $fg(x) = {t}$.", marks=3, command="Work out")
    relation = eq(f"{fs.a}*(x**2 + {fs.c}) + {fs.b}", t)
    part.step(f"${fs.a}(x^2 {'+' if fs.c > 0 else '-'} {abs(fs.c)}) "
              f"{'+' if fs.b > 0 else '-'} {abs(fs.b)} = {t}$", relation)  # fmt: skip
    part.step(f"$x^2 = {m * m}$", m * m)
    part.step(f"$x = {m}$ or $x = -{m}$", m)
    for root in (m, -m):
        part.answer(root, label="x", variable="x", satisfies=relation)
    part.mark("M", f"${fs.a}(x^2 {'+' if fs.c > 0 else '-'} {abs(fs.c)}) "
              f"{'+' if fs.b > 0 else '-'} {abs(fs.b)} = {t}$", value=relation, qualifiers=["FT"])  # fmt: skip
    part.mark("A", f"$x = {m}$", value=m)
    part.mark("A", f"$x = -{m}$", value=-m)
    wrong(part, str(m), "gave only the positive square root", working=[relation])


@register
class Functions(Template):
    key = "algebra.functions"
    title = "Functions: evaluating, composite and inverse functions"
    codes = {Tier.EXTENDED: ("E2.13",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Functions"
        fs = _Functions(q, rng)
        names = ["f", "g"] + (["h"] if difficulty >= 4 else [])
        coefficients(q, "", [fs.a, fs.b, fs.c] + ([fs.k, fs.d] if "h" in names else []))
        q.stem = "\n".join(f"${n}(x) = {fs.tex(n)}$" for n in names)
        if "h" in names:
            q.stem += f", $x \\ne {-fs.d}$"
        at = nonzero(rng, -4, 4)
        if difficulty <= 3:
            q.given("at", at)
        if difficulty == 1:
            _evaluate(fs, "a", "f", at)
            _inverse_linear(fs, "b")
        elif difficulty == 2:
            _evaluate(fs, "a", "g", at)
            _composite_value(fs, "b", "f", "g", at)
            _inverse_linear(fs, "c")
        elif difficulty == 3:
            _composite_value(fs, "a", rng.choice(["f", "g"]), "f", at)
            _composite_expression(fs, "b")
            _inverse_linear(fs, "c")
        elif difficulty == 4:
            _composite_expression(fs, "a")
            _inverse_linear(fs, "b")
            _inverse_reciprocal(fs, "c")
        else:
            _composite_expression(fs, "a")
            _solve_composite(fs, "b", rng)
            _inverse_reciprocal(fs, "c")
