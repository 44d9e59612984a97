"""Quadratic equations (E2.5): by factorising (non-calculator) and by the formula (calculator)."""

from __future__ import annotations

import random
from collections.abc import Sequence

import sympy
from sympy import Rational

from generation.engine import formatting
from generation.engine.authoring import wrong
from generation.engine.authoring.algebraic import (
    coefficients,
    eq,
    linear,
    machine_product,
    nonzero,
    product,
    x,
)
from generation.engine.authoring.text import bracket, frac, frac_plain, polynomial, polynomial_plain
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def _roots_line(roots: Sequence[object]) -> str:
    return " \\text{ or } ".join(f"x = {r}" for r in roots)


def _solve_by_factors(
    part: PartBuilder, a: int, b: int, c: int, d: int, relation: str, rearranged: str | None
) -> None:
    """Answers, steps and marks for (ax + b)(cx + d) = 0: M1 factors, A1 A1 roots."""
    f1, f2 = linear(a, b), linear(c, d)
    value, latex, plain = product([f1, f2])
    machine_value = machine_product([f1[0], f2[0]])
    r1, r2 = Rational(-b, a), Rational(-d, c)
    if rearranged:
        part.step(f"${rearranged} = 0$", eq(sympy.expand(value), 0))
    part.step(f"${latex} = 0$", machine_value)
    part.step(f"$x = {frac(r1)}$ or $x = {frac(r2)}$", r1)
    for r in (r1, r2):
        part.answer(r, label="x", variable="x", satisfies=relation)
    part.mark("M", f"${latex}$", value=machine_value,
              partial=["or for a correct substitution into the quadratic formula"])  # fmt: skip
    part.mark("A", f"$x = {frac(r1)}$", value=r1)
    part.mark("A", f"$x = {frac(r2)}$", value=r2)
    wrong(part, f"x = {frac_plain(-r1)} or x = {frac_plain(-r2)}", "factorised correctly but gave the roots with the wrong signs", latex=_roots_line([frac(-r1), frac(-r2)]), working=[machine_value])  # fmt: skip


def _draw_factors(rng: random.Random, leading: bool) -> tuple[int, int, int, int]:
    while True:
        a, c = (rng.choice([2, 3, 5]), 1) if leading else (1, 1)
        b, d = nonzero(rng, -9, 9), nonzero(rng, -9, 9)
        if Rational(-b, a) != Rational(-d, c) and a * d + b * c != 0 and sympy.gcd(a, b) == 1:
            return a, b, c, d


@register
class QuadraticByFactorising(Template):
    key = "algebra.quadratic_factorising"
    title = "Solving quadratic equations by factorising"
    codes = {Tier.EXTENDED: ("E2.2", "E2.5")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Quadratic equations"
        if difficulty >= 4:
            self._rectangle(q, rng, difficulty)
            return
        a, b, c, d = _draw_factors(rng, leading=difficulty == 3)
        quadratic = sympy.expand((a * x + b) * (c * x + d))
        coeffs = [quadratic.coeff(x, k) for k in (2, 1, 0)]
        if difficulty == 2:
            # x^2 = px + q: the candidate must rearrange first
            shown = f"{polynomial([coeffs[0], 0, 0])} = {polynomial([-coeffs[1], -coeffs[2]])}"
            relation = eq(f"{coeffs[0]}*x**2", f"{-coeffs[1]}*x + {-coeffs[2]}")
            rearranged = polynomial(coeffs)
        else:
            shown = f"{polynomial(coeffs)} = 0"
            relation = eq(sympy.sstr(quadratic), 0)
            rearranged = None
        coefficients(q, "", coeffs)
        part = q.part("", f"Solve by factorising.\n\n${shown}$", marks=3, command="Work out")
        _solve_by_factors(part, a, b, c, d, relation, rearranged)

    def _rectangle(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        """(x + p)(x + r) = A for a rectangle: show the quadratic, solve, use the root."""
        while True:
            p, r = rng.randint(1, 9), rng.randint(-4, 6)
            root = rng.randint(max(2, 1 - r), 12)
            k = rng.choice([1, 2]) if difficulty == 5 else 1
            length, width = k * root + p, root + r
            area = length * width
            quadratic = sympy.expand((k * x + p) * (x + r) - area)
            content = sympy.gcd_list(sympy.Poly(quadratic, x).all_coeffs())
            quadratic = sympy.expand(quadratic / content)
            other = [s for s in sympy.solve(quadratic, x) if s != root]
            if width > 0 and length != width and other and other[0] < 0:
                break
        for name, value in (("p", p), ("r", abs(r)), ("k", k), ("A", area)):
            if value not in (0, 1):
                q.given(name, value)
        length_tex, width_tex = (f"({'' if k == 1 else k}x + {p})",
                                 f"(x {'+' if r >= 0 else '-'} {abs(r)})" if r else "x")  # fmt: skip
        coeffs = [quadratic.coeff(x, n) for n in (2, 1, 0)]
        q.stem = (
            f"A rectangle has length ${length_tex}$ cm and width ${width_tex}$ cm.\n"
            f"The area of the rectangle is {area} cm$^2$."
        )
        result = eq(sympy.sstr(quadratic), 0)
        a = q.part("a", f"Show that ${polynomial(coeffs)} = 0$.", marks=2, command="Show that")
        a.show_that = result
        setup = eq(f"({k}*x + {p})*({'x + ' + str(r) if r else 'x'})", area)
        expanded = polynomial([k, k * r + p, p * r])
        a.step(f"${length_tex}{width_tex} = {area}$", setup)
        a.step(f"${expanded} = {area}$", eq(poly_tex_machine([k, k * r + p, p * r]), area))
        a.step(f"${polynomial(coeffs)} = 0$", result)
        a.answer(result, kind="equation", plain=f"{_plain_poly(coeffs)} = 0",
                 latex=f"{polynomial(coeffs)} = 0")  # fmt: skip
        a.mark("M", f"${length_tex}{width_tex} = {area}$", value=setup)
        a.mark("A", f"${expanded} = {area}$ leading to ${polynomial(coeffs)} = 0$", value=result,
               partial=["with no errors or omissions"])  # fmt: skip

        f = sympy.factor_list(quadratic)[1]
        (f1, _), (f2, _) = f[0], f[1]
        ca, cb = sympy.Poly(f1, x).all_coeffs()
        cc, cd = sympy.Poly(f2, x).all_coeffs()
        b = q.part("b", f"Solve ${polynomial(coeffs)} = 0$ by factorising.", marks=3,
                   command="Work out")  # fmt: skip
        _solve_by_factors(b, int(ca), int(cb), int(cc), int(cd), result, None)

        c = q.part("c", "Work out the length of the rectangle.", marks=1, command="Work out")
        times = "" if k == 1 else f"{k} \\times "
        c.step(f"$x = {root}$ (the length cannot be negative), so the length is "
               f"${times}{root} + {p} = {length}$ cm", length)  # fmt: skip
        c.answer(length, unit="cm")
        c.mark("B", f"${length}$", value=length, qualifiers=["FT"],
               partial=["FT their positive root"])  # fmt: skip
        wrong(c, str(width), "gave the width instead of the length")


def poly_tex_machine(coeffs: list[int]) -> str:
    return " + ".join(f"({c})*x**{2 - i}" for i, c in enumerate(coeffs))


def _plain_poly(coeffs: list[object]) -> str:
    return polynomial_plain(coeffs)


# --- the quadratic formula -------------------------------------------------------------------


def _formula_part(part: PartBuilder, a: int, b: int, c: int, relation: str) -> None:
    """Solve ax^2 + bx + c = 0 by the formula, answers to 2 d.p.: B1 M1 A1 A1."""
    disc = b * b - 4 * a * c
    root_disc = sympy.sqrt(disc)
    r1 = (-b + root_disc) / (2 * a)
    r2 = (-b - root_disc) / (2 * a)
    part.step(f"$a = {a}$, $b = {b}$, $c = {c}$")
    part.step(f"$b^2 - 4ac = {bracket(b)}^2 - 4 \\times {a} \\times {bracket(c)} = {disc}$", disc)
    part.step(f"$\\sqrt{{b^2 - 4ac}} = \\sqrt{{{disc}}}$", root_disc)
    part.step(f"$x = \\frac{{{-b} + \\sqrt{{{disc}}}}}{{{2 * a}}}$", r1)
    part.step(f"$x = \\frac{{{-b} - \\sqrt{{{disc}}}}}{{{2 * a}}}$", r2)
    shown = [formatting.display(r, Accuracy.DP2)[0] for r in (r1, r2)]
    part.step(f"$x = {shown[0]}$ or $x = {shown[1]}$", r1)
    for r in (r1, r2):
        part.answer(r, label="x", accuracy=Accuracy.DP2, variable="x", satisfies=relation)
    part.mark("B", f"$\\sqrt{{{bracket(b)}^2 - 4 \\times {a} \\times {bracket(c)}}}$ or "
              f"$\\sqrt{{{disc}}}$", value=root_disc, qualifiers=["oe"])  # fmt: skip
    part.mark("M", f"$\\frac{{{-b} \\pm \\sqrt{{q}}}}{{{2 * a}}}$", value=r1,
              partial=[f"M1 for $\\frac{{p \\pm \\sqrt{{q}}}}{{r}}$ with $p = {-b}$ and "
                       f"$r = {2 * a}$ (or $2 \\times {a}$)"])  # fmt: skip
    part.mark("A", f"${shown[0]}$", value=r1, qualifiers=["cao"])
    part.mark("A", f"${shown[1]}$", value=r2, qualifiers=["cao"])
    # -b taken as b
    w = [formatting.display((b + s * root_disc) / (2 * a), Accuracy.DP2)[0] for s in (1, -1)]
    wrong(part, f"x = {w[0]} or x = {w[1]}", f"used ${b}$ instead of $-({b})$ for $-b$", latex=_roots_line(w), working=[root_disc])  # fmt: skip
    # divided only the square root by 2a
    w = [formatting.display(-b + s * root_disc / (2 * a), Accuracy.DP2)[0] for s in (1, -1)]
    wrong(part, f"x = {w[0]} or x = {w[1]}", f"divided only $\\sqrt{{{disc}}}$ by ${2 * a}$, not "
               f"the whole numerator", latex=_roots_line(w), working=[root_disc])  # fmt: skip


def _formula_coefficients(rng: random.Random, difficulty: int) -> tuple[int, int, int]:
    while True:
        a = 1 if difficulty == 1 else rng.randint(2, 5) * (rng.choice([1, -1]) if difficulty == 3
                                                            else 1)  # fmt: skip
        b, c = nonzero(rng, -9, 9), nonzero(rng, -12, 12)
        disc = b * b - 4 * a * c
        if disc > 0 and sympy.sqrt(disc).is_Integer is False:
            return a, b, c


@register
class QuadraticFormula(Template):
    key = "algebra.quadratic_formula"
    title = "Solving quadratic equations with the formula"
    codes = {Tier.EXTENDED: ("E2.5",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Quadratic formula"
        if difficulty <= 3:
            a, b, c = _formula_coefficients(rng, difficulty)
            coefficients(q, "", [a, b, c])
            relation = eq(f"{a}*x**2 + {b}*x + {c}", 0)
            part = q.part("", f"Solve the equation ${polynomial([a, b, c])} = 0$.\nShow all your "
                          "working and give your answers correct to 2 decimal places.", marks=4,
                          command="Work out")  # fmt: skip
            _formula_part(part, a, b, c, relation)
            return
        if difficulty == 4:
            # rearrange first: ax^2 = -bx - c written as ax^2 + bx = -c
            a, b, c = _formula_coefficients(rng, 2)
            coefficients(q, "", [a, b, c])
            relation = eq(f"{a}*x**2 + {b}*x", -c)
            part = q.part("", f"Solve the equation ${polynomial([a, b, 0])} = {-c}$.\nShow all your "
                          "working and give your answers correct to 2 decimal places.", marks=4,
                          command="Work out")  # fmt: skip
            part.step(f"Rearrange: ${polynomial([a, b, c])} = 0$", eq(f"{a}*x**2 + {b}*x + {c}", 0))
            _formula_part(part, a, b, c, relation)
            return
        self._garden(q, rng)

    def _garden(self, q: QuestionBuilder, rng: random.Random) -> None:
        """A rectangular garden (x + p) m by (2x - r) m with a given area."""
        while True:
            p, r = rng.randint(1, 8), rng.randint(1, 5)
            area = rng.randint(20, 90)
            a, b, c = 2, 2 * p - r, -p * r - area
            disc = b * b - 4 * a * c
            if sympy.sqrt(disc).is_Integer is False:
                break
        for name, value in (("p", p), ("r", r), ("area", area)):
            q.given(name, value)
        q.title = "Quadratic formula: a garden"
        q.stem = (
            f"A rectangular garden has length $(x + {p})$ m and width $(2x - {r})$ m.\n"
            f"The area of the garden is {area} m$^2$."
        )
        result = eq(f"2*x**2 + {b}*x + {c}", 0)
        sa = q.part("a", f"Show that ${polynomial([a, b, c])} = 0$.", marks=2, command="Show that")
        sa.show_that = result
        setup = eq(f"(x + {p})*(2*x - {r})", area)
        sa.step(f"$(x + {p})(2x - {r}) = {area}$", setup)
        sa.step(
            f"$2x^2 - {r}x + {2 * p}x - {p * r} = {area}$", eq(f"2*x**2 + {b}*x - {p * r}", area)
        )
        sa.step(f"${polynomial([a, b, c])} = 0$", result)
        sa.answer(result, kind="equation", plain=f"{_plain_poly([a, b, c])} = 0",
                  latex=f"{polynomial([a, b, c])} = 0")  # fmt: skip
        sa.mark("M", f"$(x + {p})(2x - {r}) = {area}$", value=setup)
        sa.mark("A", f"$2x^2 - {r}x + {2 * p}x - {p * r} = {area}$ leading to "
                f"${polynomial([a, b, c])} = 0$", value=result,
                partial=["with no errors or omissions"])  # fmt: skip

        sb = q.part("b", f"Solve ${polynomial([a, b, c])} = 0$.\nShow all your working and give "
                    "your answers correct to 2 decimal places.", marks=4, command="Work out")  # fmt: skip
        _formula_part(sb, a, b, c, result)

        root = (-b + sympy.sqrt(disc)) / (2 * a)
        perimeter = 2 * (root + p) + 2 * (2 * root - r)
        sc = q.part("c", "Work out the perimeter of the garden.", marks=2, command="Work out")
        sc.step(f"$x = {formatting.display(root, Accuracy.DP2)[0]}$ (the positive root)", root)
        sc.step(f"Perimeter $= 2(x + {p}) + 2(2x - {r}) = 6x {'+' if 2 * p - 2 * r >= 0 else '-'} "
                f"{abs(2 * p - 2 * r)}$")  # fmt: skip
        sc.answer(perimeter, accuracy=Accuracy.SF3, unit="m")
        shown = formatting.display(perimeter, Accuracy.SF3)[0]
        sc.step(f"$= {shown}$ m", perimeter)
        sc.mark("M", f"$2(x + {p}) + 2(2x - {r})$ with their positive root", value=perimeter,
                qualifiers=["oe"])  # fmt: skip
        sc.mark("A", f"${shown}$", value=perimeter, qualifiers=["awrt"])
        wrong_area = formatting.display(root + p + 2 * root - r, Accuracy.SF3)[0]
        wrong(sc, wrong_area, "added the length and the width only once")
