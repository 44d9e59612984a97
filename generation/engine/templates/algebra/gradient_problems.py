"""Differentiation in use (E2.12): expand before differentiating, the point where the gradient
has a given value, an unknown coefficient from a gradient, and a maximum in context."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import (
    Misconception,
    Working,
    final,
    misconception,
    wrong_expression,
)
from generation.engine.authoring.algebraic import coefficients, eq, nonzero, tex, txt, x
from generation.engine.authoring.text import bracket
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier


def _bracket(p: int) -> str:
    return f"(x {'+' if p > 0 else '-'} {abs(p)})"


@register
class GradientProblems(Template):
    key = "algebra.gradient_problems"
    title = "Differentiation: expanding first, gradients, unknown coefficients and maxima"
    codes = {Tier.EXTENDED: ("E2.12",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Using differentiation"
        plan = {
            1: ["product", "gradient_at"],
            2: ["product", "gradient_at", "coefficient"],
            3: ["cubic_product", "coefficient"],
            4: ["coefficient", "pen"],
            5: ["cubic_product", "box"],
        }[difficulty]
        labels = iter("abcd")
        curve = None
        for kind in plan:
            q.param(kind, True)
            if kind == "product":
                curve = self._product(q, rng, next(labels))
            elif kind == "cubic_product":
                curve = self._cubic_product(q, rng, next(labels))
            elif kind == "gradient_at":
                assert curve is not None
                self._gradient_at(q, rng, next(labels), curve)
            elif kind == "coefficient":
                self._coefficient(q, rng, next(labels), cubic=difficulty >= 3)
            elif kind == "pen":
                self._pen(q, rng, next(labels))
            else:
                self._box(q, rng, next(labels))

    # --- expand, then differentiate ------------------------------------------------------------

    @staticmethod
    def _product(q: QuestionBuilder, rng: random.Random, label: str) -> sympy.Expr:
        p, r = rng.sample([k for k in range(-7, 8) if k], 2)
        if p + r == 0:
            r += 1 if r + 1 else 2
        coefficients(q, label, [p, r])
        curve = sympy.expand((x + p) * (x + r))
        q.stem = f"A curve has equation $y = {_bracket(p)}{_bracket(r)}$."
        part = q.part(label, "Find $\\frac{dy}{dx}$.", marks=2, command="Work out")
        part.step(f"Expand first: $y = {tex(curve)}$", curve)
        part.mark("M", f"$y = {tex(curve)}$ (expanded)", value=curve, qualifiers=["oe"])
        d = sympy.diff(curve, x)
        part.step(f"$\\frac{{dy}}{{dx}} = {tex(d)}$", d)
        part.answer(d, kind="expression", label="dy/dx", latex=tex(d), plain=txt(d))
        part.mark("A", f"${tex(d)}$", value=d, qualifiers=["cao"])
        wrong_expression(
            part,
            sympy.Integer(1),
            "differentiated each bracket and multiplied the results",
            plain="1",
            latex="1",
        )
        wrong_expression(
            part,
            2 * x,
            f"expanded the brackets as $x^2 {'+' if p * r > 0 else '-'} {abs(p * r)}$",
        )
        return curve

    @staticmethod
    def _cubic_product(q: QuestionBuilder, rng: random.Random, label: str) -> sympy.Expr:
        p = nonzero(rng, -5, 5)
        coefficients(q, label, [p])
        curve = sympy.expand(x * (x + p) ** 2)
        q.stem = f"A curve has equation $y = x{_bracket(p)}^2$."
        part = q.part(label, "Find $\\frac{dy}{dx}$.", marks=3, command="Work out")
        square = sympy.expand((x + p) ** 2)
        part.step(f"${_bracket(p)}^2 = {tex(square)}$", square)
        part.mark("M", f"${tex(square)}$", value=square, qualifiers=["oe"])
        part.step(f"$y = {tex(curve)}$", curve)
        part.mark("M", f"$y = {tex(curve)}$", value=curve, qualifiers=["oe", "dep"])
        d = sympy.diff(curve, x)
        part.step(f"$\\frac{{dy}}{{dx}} = {tex(d)}$", d)
        part.answer(d, kind="expression", label="dy/dx", latex=tex(d), plain=txt(d))
        part.mark("A", f"${tex(d)}$", value=d, qualifiers=["cao"])
        slip = sympy.diff(x**3 + p * p * x, x)
        wrong_expression(
            part,
            slip,
            f"squared the bracket as $x^2 + {p * p}$",
            plain=txt(slip),
            latex=tex(slip),
        )
        return curve

    # --- where the gradient has a value --------------------------------------------------------

    @staticmethod
    def _gradient_at(q: QuestionBuilder, rng: random.Random, label: str, curve: sympy.Expr) -> None:
        d = sympy.diff(curve, x)
        at = rng.choice([k for k in range(-6, 8) if k and d.subs(x, k) not in (0,)])
        k = int(d.subs(x, at))
        q.given(f"{label}k", k)
        part = q.part(
            label,
            f"Find the $x$-coordinate of the point on the curve where the gradient is ${k}$.",
            marks=2,
            command="Work out",
        )
        relation = eq(sympy.sstr(d), f"{label}k")
        part.step(f"$\\frac{{dy}}{{dx}} = {k}$: ${tex(d)} = {k}$", relation)
        part.mark(
            "M",
            f"${tex(d)} = {k}$",
            value=relation,
            qualifiers=["FT"],
            partial=["FT their $\\frac{dy}{dx}$"],
        )
        part.step(f"$x = {at}$", at)
        part.answer(at, variable="x", satisfies=relation)
        part.mark("A", f"$x = {at}$", value=at, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"substituted $x = {k}$ into $\\frac{{dy}}{{dx}}$ instead of solving",
                d.subs(x, k),
            ),
        )

    # --- an unknown coefficient ----------------------------------------------------------------

    @staticmethod
    def _coefficient(q: QuestionBuilder, rng: random.Random, label: str, cubic: bool) -> None:
        """y = x^2 + px + c (or x^3 + px^2 + c) has gradient g at x = m: find p."""
        p = nonzero(rng, -6, 6)
        m = nonzero(rng, -3, 4)
        c = nonzero(rng, -9, 9)
        gradient = 3 * m * m + 2 * p * m if cubic else 2 * m + p
        power, lower = ("x^3", "x^2") if cubic else ("x^2", "x")
        q.given(f"{label}m", m)
        q.given(f"{label}g", gradient)
        coefficients(q, f"{label}c", [c])
        part = q.part(
            label,
            f"The curve $y = {power} + p{lower} {'+' if c > 0 else '-'} {abs(c)}$ has gradient "
            f"${gradient}$ at the point where $x = {m}$.\n\nFind the value of $p$.",
            marks=3,
            command="Work out",
        )
        if cubic:
            d_tex, d_machine = "3x^2 + 2px", "3*x**2 + 2*p*x"
            d_at = f"3 \\times {bracket(m)}^2 + 2p \\times {bracket(m)}"
            relation = f"Eq(3*{label}m**2 + 2*p*{label}m, {label}g)"
            source = f"({label}g - 3*{label}m**2)/(2*{label}m)"
            curve_slip = f"({label}g - {label}m**3 - {c})/{label}m**2"
        else:
            d_tex, d_machine = "2x + p", "2*x + p"
            d_at = f"2 \\times {bracket(m)} + p"
            relation = f"Eq(2*{label}m + p, {label}g)"
            source = f"{label}g - 2*{label}m"
            curve_slip = f"({label}g - {label}m**2 - {c})/{label}m"
        part.step(f"$\\frac{{dy}}{{dx}} = {d_tex}$", d_machine)
        part.mark("M", f"$\\frac{{dy}}{{dx}} = {d_tex}$", value=d_machine)
        part.step(f"${d_at} = {gradient}$", relation)
        part.mark("M", f"${d_at} = {gradient}$", value=relation, qualifiers=["dep"])
        value = Working(q, source)
        part.step(f"$p = {value.latex}$", value.machine)
        part.answer(value.machine, variable="p", satisfies=relation)
        part.mark("A", f"$p = {value.latex}$", value=value.machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception("put the gradient equal to $y$ instead of $\\frac{dy}{dx}$", curve_slip),
        )

    # --- a maximum in context ------------------------------------------------------------------

    @staticmethod
    def _pen(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """Fencing for three sides against a wall: A = x(L - 2x), maximum at x = L/4."""
        fence = rng.choice(range(24, 121, 4))
        q.given(f"{label}L", fence)
        part = q.part(
            label,
            f"A farmer has ${fence}$ m of fencing to make three sides of a rectangular pen. A "
            "wall makes the fourth side. The two sides at right angles to the wall are each "
            f"$x$ m long, so the area of the pen is $A = {fence}x - 2x^2$ m$^2$.\n\n"
            "Use differentiation to find the maximum area of the pen.",
            marks=4,
            command="Work out",
        )
        L = f"{label}L"
        dA = f"{L} - 4*x"
        part.step(f"$\\frac{{dA}}{{dx}} = {fence} - 4x$", dA)
        part.mark("M", f"$\\frac{{dA}}{{dx}} = {fence} - 4x$", value=dA)
        best = Working(q, f"{L}/4")
        part.step(f"At the maximum $\\frac{{dA}}{{dx}} = 0$: ${fence} - 4x = 0$", eq(dA, 0))
        part.mark("M", f"${fence} - 4x = 0$", value=eq(dA, 0), qualifiers=["dep"])
        part.step(f"$x = {best.latex}$", best.machine)
        part.mark("A", f"$x = {best.latex}$", value=best.machine)
        area = Working(q, f"{L}**2/8")
        part.step(
            f"$A = {fence} \\times {number(best.value)} - 2 \\times {number(best.value)}^2 = "
            f"{number(area.value)}$ m$^2$",
            area.machine,
        )
        final(part, area, step="", unit="m^2", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "gave the value of $x$, not the maximum area",
                best.machine,
                (dA, eq(dA, 0), best.machine),
            ),
        )

    @staticmethod
    def _box(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """An open box from a square sheet: V = x(s - 2x)^2, maximum at x = s/6."""
        side = rng.choice(range(12, 61, 6))
        q.given(f"{label}s", side)
        s = f"{label}s"
        part = q.part(
            label,
            f"A square sheet of card has sides of length ${side}$ cm. A square of side $x$ cm is "
            "cut from each corner and the sides are folded up to make an open box. The volume "
            f"of the box is $V = x({side} - 2x)^2$ cm$^3$.\n\n"
            "Use differentiation to find the maximum volume of the box.",
            marks=5,
            command="Work out",
        )
        expanded = f"4*x**3 - 4*{s}*x**2 + {s}**2*x"
        volume = sympy.expand(x * (side - 2 * x) ** 2)
        part.step(f"$V = {tex(volume)}$", expanded)
        part.mark("M", f"$V = {tex(volume)}$", value=expanded, qualifiers=["oe"])
        dV = f"12*x**2 - 8*{s}*x + {s}**2"
        d_expr = sympy.diff(volume, x)
        part.step(f"$\\frac{{dV}}{{dx}} = {tex(d_expr)}$", dV)
        part.mark("M", f"$\\frac{{dV}}{{dx}} = {tex(d_expr)}$", value=dV, qualifiers=["FT"])
        factored = f"(2*x - {side})(6*x - {side})".replace("*", "")
        best = Working(q, f"{s}/6")
        part.step(f"At the maximum $\\frac{{dV}}{{dx}} = 0$: ${tex(d_expr)} = 0$", eq(dV, 0))
        part.mark("M", f"${tex(d_expr)} = 0$", value=eq(dV, 0), qualifiers=["dep"])
        part.step(
            f"${factored} = 0$, so $x = {number(best.value)}$ "
            f"(or $x = {side // 2}$, which gives no box)",
            best.machine,
        )
        part.mark("A", f"$x = {number(best.value)}$", value=best.machine)
        biggest = Working(q, f"2*{s}**3/27")
        part.step(
            f"$V = {number(best.value)} \\times ({side} - {2 * best.value})^2 = "
            f"{number(biggest.value)}$ cm$^3$",
            biggest.machine,
        )
        final(part, biggest, step="", unit="cm^3", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "gave the value of $x$, not the maximum volume",
                best.machine,
                (expanded, dV, eq(dV, 0), best.machine),
            ),
        )
