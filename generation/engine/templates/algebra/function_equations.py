"""Functions (E2.13): the range of a function on a finite domain, a value excluded from a
domain, solving f(x) = k and f⁻¹(x) = k, and where f(x) = f⁻¹(x)."""

from __future__ import annotations

import random

from generation.engine.authoring import (
    Misconception,
    Working,
    answer,
    final,
    method,
    misconception,
    wrong,
)
from generation.engine.authoring.algebraic import eq, nonzero
from generation.engine.authoring.text import bracket, polynomial
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier


def _set(values: list[int]) -> tuple[str, str, str]:
    """``(machine, plain, latex)`` of a finite set of integers, in order."""
    inner = ", ".join(str(v) for v in sorted(set(values)))
    return f"FiniteSet({inner})", "{" + inner + "}", "\\{" + inner + "\\}"


@register
class FunctionEquations(Template):
    key = "algebra.function_equations"
    title = "Functions: domain and range, and equations in function notation"
    codes = {Tier.EXTENDED: ("E2.13",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Functions"
        a = rng.choice([2, 3, 4, 5]) * (-1 if difficulty == 5 and rng.random() < 0.4 else 1)
        b = nonzero(rng, -9, 9)
        q.given("a", a)
        q.given("b", b)
        f_tex = polynomial([a, b])
        stem = [f"$f(x) = {f_tex}$"]
        plan = {
            1: ["range_linear", "solve"],
            2: ["range_square", "solve", "excluded"],
            3: ["range_square", "inverse_value", "excluded"],
            4: ["inverse_value", "excluded", "self_inverse"],
            5: ["range_square", "inverse_value", "self_inverse"],
        }[difficulty]
        if "range_square" in plan:
            c = nonzero(rng, -8, 8)
            q.param("g_constant", c)
            q.given("c", abs(c))  # printed as its size after the sign
            stem.append(f"$g(x) = x^2 {'+' if c > 0 else '-'} {abs(c)}$")
        if "excluded" in plan:
            k, d = rng.choice([2, 3, 4, 5, 6, 8, 12]), nonzero(rng, -7, 7)
            q.given("k", k)
            q.given("d", d)
            stem.append(f"$h(x) = \\frac{{{k}}}{{x {'+' if d > 0 else '-'} {abs(d)}}}$")
        q.stem = "\n\n".join(stem)
        for label, kind in zip("abc", plan, strict=False):
            q.param(label, kind)
            getattr(self, f"_{kind}")(q, rng, label)

    # --- range on a finite domain ----------------------------------------------------------------

    @staticmethod
    def _range_linear(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        a, b = int(q.value_of("a")), int(q.value_of("b"))
        domain = sorted(rng.sample(range(-3, 5), 3))
        values = [a * x + b for x in domain]
        d_plain = ", ".join(str(x) for x in domain)
        machine, plain, latex = _set(values)
        part = q.part(
            label,
            f"The domain of $f$ is $\\{{{d_plain}\\}}$.\n\nFind the range of $f$.",
            marks=2,
            command="Work out",
        )
        for x, v in zip(domain, values, strict=True):
            part.step(
                f"$f({x}) = {a} \\times {bracket(x)} {'+' if b > 0 else '-'} {abs(b)} = {v}$", v
            )
        part.step(f"Range $= {latex}$", machine)
        part.answer(machine, kind=AnswerKind.SET, plain=plain, latex=latex)
        part.mark("B", f"${latex}$", 2, value=machine, partial=["B1 for two correct values"])
        _, d_set_plain, d_set_latex = _set(domain)
        wrong(part, d_set_plain, "gave the domain, not the range", latex=d_set_latex)

    @staticmethod
    def _range_square(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        c = int(q.params["g_constant"])
        top = rng.choice([2, 3])
        domain = (
            list(range(-top, top + 1)) if rng.random() < 0.6 else list(range(-top + 1, top + 2))
        )
        values = [x * x + c for x in domain]
        d_latex = ", ".join(str(x) for x in domain)
        machine, plain, latex = _set(values)
        part = q.part(
            label,
            f"The domain of $g$ is $\\{{{d_latex}\\}}$.\n\nFind the range of $g$.",
            marks=2,
            command="Work out",
        )
        for m in sorted({abs(x) for x in domain}):
            names = " = ".join(f"g({x})" for x in domain if abs(x) == m)
            sign = "+" if c > 0 else "-"
            part.step(f"${names} = {m}^2 {sign} {abs(c)} = {m * m + c}$", m * m + c)
        part.step(f"Range $= {latex}$ (each value once)", machine)
        part.answer(machine, kind=AnswerKind.SET, plain=plain, latex=latex)
        part.mark("B", f"${latex}$", 2, value=machine, partial=["B1 for all but one value correct"])
        slip = [(-(x * x) if x < 0 else x * x) + c for x in domain]
        if sorted(set(slip)) != sorted(set(values)):
            _, s_plain, s_latex = _set(slip)
            wrong(
                part, s_plain, "squared the negative numbers to get negative values", latex=s_latex
            )

    # --- a value excluded from the domain -------------------------------------------------------

    @staticmethod
    def _excluded(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        d = int(q.value_of("d"))
        part = q.part(
            label,
            "Write down the value of $x$ that cannot be included in the domain of $h$.",
            marks=1,
            command="Write down",
        )
        value = Working(q, "-d")
        part.step(
            f"Division by zero is not defined: $x {'+' if d > 0 else '-'} {abs(d)} = 0$ when "
            f"$x = {-d}$",
            value.machine,
        )
        final(part, value, step="", qualifiers=["cao"])
        misconception(part, Misconception("took the number in the denominator as the value", "d"))

    # --- equations -----------------------------------------------------------------------------

    @staticmethod
    def _solve(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        a, b = int(q.value_of("a")), int(q.value_of("b"))
        x = rng.randint(-6, 9)
        target = a * x + b
        q.given(f"{label}t", target)
        part = q.part(label, f"Solve $f(x) = {target}$.", marks=2, command="Work out")
        relation = eq("a*x + b", f"{label}t")
        part.step(f"${f_tex(a, b)} = {target}$", relation)
        shifted = Working(q, f"{label}t - b")
        part.step(
            f"${a}x = {target} {'-' if b > 0 else '+'} {abs(b)} = {shifted.latex}$", shifted.machine
        )
        part.mark("M", f"${f_tex(a, b)} = {target}$ and one correct step", value=shifted.machine)
        solution = Working(q, f"({label}t - b)/a")
        part.step(f"$x = {solution.latex}$", solution.machine)
        answer(part, solution, variable="x", satisfies=relation)
        part.mark("A", f"$x = {solution.latex}$", value=solution.machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(f"worked out $f({target})$ instead of solving", f"a*{label}t + b"),
        )
        misconception(
            part,
            Misconception(
                f"{'added' if b > 0 else 'subtracted'} ${abs(b)}$ instead of "
                f"{'subtracting' if b > 0 else 'adding'} it",
                f"({label}t + b)/a",
            ),
        )

    @staticmethod
    def _inverse_value(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """f⁻¹(x) = k means x = f(k): no need to find f⁻¹ first."""
        a, b = int(q.value_of("a")), int(q.value_of("b"))
        k = nonzero(rng, -5, 7)
        q.given(f"{label}k", k)
        part = q.part(label, f"Solve $f^{{-1}}(x) = {k}$.", marks=2, command="Work out")
        value = Working(
            q, f"a*{label}k + b", latex=f"{a} \\times {bracket(k)} {'+' if b > 0 else '-'} {abs(b)}"
        )
        method(
            part,
            value,
            f"$x = f({k})$ or $\\frac{{x {'-' if b > 0 else '+'} {abs(b)}}}{{{a}}} = {k}$",
            step=f"$f^{{-1}}(x) = {k}$ means $x = f({k}) = {value.substituted} = {value.latex}$",
        )
        final(part, value, step="", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"worked out $f^{{-1}}({k})$ instead of solving the equation",
                f"({label}k - b)/a",
            ),
        )

    @staticmethod
    def _self_inverse(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """f(x) = f⁻¹(x) for f(x) = ax + b: a²x + ab + b = x, so x = b/(1 - a)."""
        a, b = int(q.value_of("a")), int(q.value_of("b"))
        part = q.part(label, "Solve $f(x) = f^{-1}(x)$.", marks=3, command="Work out")
        back = "-" if b > 0 else "+"
        inverse = f"\\frac{{x {back} {abs(b)}}}{{{a}}}"
        relation = eq("a*x + b", "(x - b)/a")
        part.step(f"$f^{{-1}}(x) = {inverse}$", "(x - b)/a")
        part.mark("M", f"$f^{{-1}}(x) = {inverse}$ oe", value="(x - b)/a", qualifiers=["soi"])
        cleared = eq("a*(a*x + b)", "x - b")
        part.step(
            f"${f_tex(a, b)} = {inverse}$, so ${a}({f_tex(a, b)}) = x {back} {abs(b)}$",
            cleared,
        )
        part.mark(
            "M",
            f"${a}({f_tex(a, b)}) = x {back} {abs(b)}$ oe",
            value=cleared,
            partial=["for a correct equation without fractions"],
        )
        part.step(f"${a * a}x - x = {-b - a * b}$, so ${a * a - 1}x = {-b - a * b}$")
        solution = Working(q, "b/(1 - a)")
        part.step(f"$x = {solution.latex}$", solution.machine)
        answer(part, solution, variable="x", satisfies=relation)
        part.mark("A", f"$x = {solution.latex}$", value=solution.machine, qualifiers=["oe"])
        misconception(
            part,
            Misconception(
                f"cleared the fraction by multiplying only $x$ by ${a}$",
                "2*b/(1 - a**2)",
                ("(x - b)/a",),
            ),
        )


def f_tex(a: int, b: int) -> str:
    return polynomial([a, b])
