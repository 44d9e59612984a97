"""Sequences (2.7): next terms, nth terms of linear, quadratic, cubic and exponential sequences."""

from __future__ import annotations

import random

import sympy

from generation.engine.authoring import wrong, wrong_expression
from generation.engine.authoring.algebraic import coefficients, eq, n, nonzero
from generation.engine.authoring.text import terms, terms_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


def _listing(values: list[int]) -> str:
    return ", ".join(str(v) for v in values) + ", \\ldots"


def _linear_terms(rng: random.Random, decreasing: bool) -> tuple[int, int]:
    d = rng.randint(2, 9) * (-1 if decreasing else 1)
    c = nonzero(rng, -9, 12)
    if d + c == 0:
        c += 1
    return d, c


def _tex(a: int, b: int, var: str = "n") -> str:
    return terms([(a, var), (b, "")])


def _plain(a: int, b: int, var: str = "n") -> str:
    return terms_plain([(a, var), (b, "")])


class _Seq:
    """Shared part writers; ``q.stem`` shows the sequence."""

    def __init__(self, q: QuestionBuilder, values: list[int]) -> None:
        self.q = q
        self.values = values

    def next_term(self, label: str, rule: sympy.Expr) -> None:
        k = len(self.values) + 1
        value = int(rule.subs(n, k))
        part = self.q.part(label, "Write down the next term of the sequence.", marks=1,
                           command="Write down")  # fmt: skip
        diff = self.values[-1] - self.values[-2]
        part.step(f"The terms go up by ${diff}$ each time: ${self.values[-1]} "
                  f"{'+' if diff >= 0 else '-'} {abs(diff)} = {value}$", value)  # fmt: skip
        part.answer(value)
        part.mark("B", f"${value}$", value=value, qualifiers=["cao"])

    def linear_nth(self, label: str, d: int, c: int) -> None:
        part = self.q.part(label, "Find an expression for the $n$th term of the sequence.",
                           marks=2, command="Work out")  # fmt: skip
        rule = d * n + c
        part.step(f"The common difference is ${d}$, so the $n$th term is ${d}n + c$", d * n)
        part.step(f"First term: ${d} + c = {self.values[0]}$, so $c = {c}$", c)
        part.answer(rule, kind="expression", latex=_tex(d, c), plain=_plain(d, c))
        part.mark("B", f"${_tex(d, 0)} + k$", value=d * n)
        part.mark("B", f"$kn {'+' if c >= 0 else '-'} {abs(c)}$; both: ${_tex(d, c)}$", value=c,
                  partial=[f"B2 for ${_tex(d, c)}$ oe"])  # fmt: skip
        wrong_expression(part, d * n + self.values[0], "used the first term as the constant", working=[d * n], plain=_plain(d, self.values[0]), latex=_tex(d, self.values[0]))  # fmt: skip
        wrong_expression(part, n + d, "wrote $n$ plus the common difference", plain=_plain(1, d), latex=_tex(1, d))  # fmt: skip

    def which_term(self, label: str, d: int, c: int, rng: random.Random) -> None:
        k = rng.randint(20, 60)
        target = d * k + c
        coefficients(self.q, label, [target])
        part = self.q.part(label, f"Which term of the sequence is equal to ${target}$?", marks=2,
                           command="Work out")  # fmt: skip
        relation = eq(f"{d}*n + {c}", target)
        part.step(f"${_tex(d, c)} = {target}$", relation)
        part.step(f"${_tex(d, 0)} = {target - c}$", target - c)
        part.step(f"$n = {k}$", k)
        part.answer(k, label="n", variable="n", satisfies=relation)
        part.mark("M", f"${_tex(d, c)} = {target}$", value=relation, qualifiers=["FT"],
                  partial=["FT their $n$th term"])  # fmt: skip
        part.mark("A", f"${k}$", value=k, qualifiers=["cao"])
        if (target + c) % d == 0 and (target + c) // d != k:
            wrong(part, str((target + c) // d), "added the constant instead of subtracting it")

    def term(self, label: str, rule: sympy.Expr, k: int) -> None:
        value = int(rule.subs(n, k))
        coefficients(self.q, label, [k])
        part = self.q.part(label, f"Work out the {k}th term of the sequence.", marks=1,
                           command="Work out")  # fmt: skip
        part.step(f"Substitute $n = {k}$ into the $n$th term: ${value}$", value)
        part.answer(value)
        part.mark("B", f"${value}$", value=value, qualifiers=["FT"])

    def power_nth(self, label: str, rule: sympy.Expr, base: str, marks: int = 2) -> None:
        """n^2 + k, 2n^2, n^3 + k, ... : B1 for the power of n, B1 for the full answer."""
        part = self.q.part(label, "Find an expression for the $n$th term of the sequence.",
                           marks=marks, command="Work out")  # fmt: skip
        power = sympy.Poly(rule, n).LM().as_expr()
        lead = sympy.Poly(rule, n).LC()
        rest = sympy.expand(rule - lead * power)
        p = 2 if power == n**2 else 3
        squares = [int((lead * n**p).subs(n, k)) for k in range(1, len(self.values) + 1)]
        part.step(f"Compare with the {base}: ${', '.join(map(str, squares))}, \\ldots$",
                  lead * power)  # fmt: skip
        part.step(f"Each term is ${abs(int(rest))}$ {'more' if rest >= 0 else 'less'} than these",
                  rest)  # fmt: skip
        latex = terms([(lead, f"n^{p}"), (rest, "")])
        plain = terms_plain([(lead, f"n^{p}"), (rest, "")])
        part.answer(rule, kind="expression", latex=latex, plain=plain)
        mono = terms([(lead, f"n^{p}")])
        part.mark("B", f"${mono}$ seen", value=lead * power)
        part.mark("B", f"${latex}$", value=rule, qualifiers=["oe"])
        slipped = lead * power + self.values[0]
        if slipped != rule:
            wrong_expression(part, slipped, "used the first term as the constant", working=[lead * power], plain=terms_plain([(lead, f"n^{p}"), (self.values[0], "")]), latex=terms([(lead, f"n^{p}"), (self.values[0], "")]))  # fmt: skip

    def quadratic_nth(self, label: str, a: int, b: int, c: int) -> None:
        """an^2 + bn + c from differences: M1 an^2, M1 the linear remainder, A1."""
        part = self.q.part(label, "Find an expression for the $n$th term of the sequence.",
                           marks=3, command="Work out")  # fmt: skip
        v = self.values
        first = [v[i + 1] - v[i] for i in range(len(v) - 1)]
        second = first[1] - first[0]
        part.step(f"First differences: ${', '.join(map(str, first))}$")
        part.step(f"Second difference: ${second}$, so the $n^2$ term is "
                  f"$\\frac{{{second}}}{{2}}n^2 = {terms([(a, 'n^2')])}$", a * n**2)  # fmt: skip
        rest = [v[i] - a * (i + 1) ** 2 for i in range(len(v))]
        part.step(f"Subtract ${terms([(a, 'n^2')])}$: ${', '.join(map(str, rest))}$, which has "
                  f"$n$th term ${_tex(b, c)}$", b * n + c)  # fmt: skip
        rule = a * n**2 + b * n + c
        latex = terms([(a, "n^2"), (b, "n"), (c, "")])
        plain = terms_plain([(a, "n^2"), (b, "n"), (c, "")])
        part.answer(rule, kind="expression", latex=latex, plain=plain)
        part.mark("M", f"${terms([(a, 'n^2')])}$ seen", value=a * n**2,
                  partial=["for using the second difference"])  # fmt: skip
        part.mark("M", f"${_tex(b, c)}$", value=b * n + c,
                  partial=["for the $n$th term of the sequence left after subtracting "
                           f"${terms([(a, 'n^2')])}$"])  # fmt: skip
        part.mark("A", f"${latex}$", value=rule, qualifiers=["oe"])
        slipped = second * n**2 + b * n + c
        wrong_expression(part, slipped, "used the second difference itself as the coefficient of $n^2$", working=[b * n + c], plain=terms_plain([(second, "n^2"), (b, "n"), (c, "")]), latex=terms([(second, "n^2"), (b, "n"), (c, "")]))  # fmt: skip

    def geometric_nth(self, label: str, first: int, ratio: int) -> None:
        part = self.q.part(label, "Find an expression for the $n$th term of the sequence.",
                           marks=2, command="Work out")  # fmt: skip
        part.step(f"Each term is ${ratio}$ times the one before, so the $n$th term is "
                  f"${first} \\times {ratio}^{{n - 1}}$", ratio ** (n - 1))  # fmt: skip
        rule = first * ratio ** (n - 1)
        latex, plain = f"{first} \\times {ratio}^{{n - 1}}", f"{first} × {ratio}^(n - 1)"
        part.answer(f"{first}*{ratio}**(n - 1)", kind="expression", latex=latex, plain=plain)
        part.mark("B", f"${ratio}^{{n - 1}}$ seen", value=ratio ** (n - 1),
                  partial=[f"for $k \\times {ratio}^{{n - 1}}$"])  # fmt: skip
        part.mark("B", f"${latex}$", value=rule, qualifiers=["oe"])
        d = self.values[1] - self.values[0]
        wrong_expression(part, d * n + self.values[0] - d, "treated the sequence as linear", plain=_plain(d, self.values[0] - d), latex=_tex(d, self.values[0] - d))  # fmt: skip


def _show(q: QuestionBuilder, values: list[int], intro: str = "Here are the first") -> None:
    coefficients(q, "t", values)
    q.stem = f"{intro} {len(values)} terms of a sequence.\n\n${_listing(values)}$"


@register
class Sequences(Template):
    key = "algebra.sequences"
    title = "Sequences and nth terms"
    codes = {Tier.CORE: ("C2.7",), Tier.EXTENDED: ("E2.7",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Sequences"
        extended = q.tier == Tier.EXTENDED
        kind = self._kind(rng, difficulty, extended)
        if kind == "linear":
            d, c = _linear_terms(rng, decreasing=difficulty == 2 or rng.random() < 0.3)
            values = [d * k + c for k in range(1, 5)]
            _show(q, values)
            s = _Seq(q, values)
            if difficulty == 1:
                s.next_term("a", d * n + c)
                s.linear_nth("b", d, c)
            elif difficulty == 2:
                s.linear_nth("a", d, c)
                s.term("b", d * n + c, rng.choice([20, 30, 50, 100]))
            else:
                s.linear_nth("a", d, c)
                s.which_term("b", d, c, rng)
        elif kind == "powers":
            p = 2 if difficulty == 4 or rng.random() < 0.5 else 3
            lead = 1 if p == 3 or rng.random() < 0.6 else 2
            k = nonzero(rng, -5, 9)
            rule = lead * n**p + k
            values = [int(rule.subs(n, i)) for i in range(1, 6 if p == 2 else 5)]
            _show(q, values)
            s = _Seq(q, values)
            s.power_nth("a", rule, "square numbers" if p == 2 and lead == 1 else
                        "cube numbers" if p == 3 else "values of $2n^2$")  # fmt: skip
            s.term("b", rule, rng.choice([10, 20]))
        elif kind == "quadratic":
            a = 1 if difficulty == 3 else rng.choice([2, 3])
            b, c = nonzero(rng, -6, 6), rng.randint(-6, 8)
            values = [a * k * k + b * k + c for k in range(1, 6)]
            _show(q, values)
            s = _Seq(q, values)
            s.quadratic_nth("a", a, b, c)
            if difficulty >= 4:
                first, ratio = rng.randint(2, 5), rng.choice([2, 3, 4, 5])
                geometric = [first * ratio**i for i in range(4)]
                coefficients(q, "g", geometric)
                sg = _Seq(q, geometric)
                sg.geometric_nth("b", first, ratio)
                q.parts[-1].text = (
                    f"Here are the first 4 terms of another sequence.\n\n"
                    f"${_listing(geometric)}$\n\n" + q.parts[-1].text
                )
        else:  # mixed: linear and a related power sequence (relationships between sequences)
            d, c = _linear_terms(rng, decreasing=False)
            values = [d * k + c for k in range(1, 5)]
            _show(q, values)
            _Seq(q, values).linear_nth("a", d, c)
            p = 2 if not extended else rng.choice([2, 3])
            k = nonzero(rng, -5, 9)
            rule = n**p + k
            other = [int(rule.subs(n, i)) for i in range(1, 5)]
            coefficients(q, "u", other)
            s2 = _Seq(q, other)
            s2.power_nth("b", rule, "square numbers" if p == 2 else "cube numbers")
            q.parts[-1].text = (
                f"Here are the first 4 terms of another sequence.\n\n"
                f"${_listing(other)}$\n\n" + q.parts[-1].text
            )

    @staticmethod
    def _kind(rng: random.Random, difficulty: int, extended: bool) -> str:
        if difficulty <= 2 or (difficulty == 3 and not extended):
            return "linear"
        if not extended:
            return "powers" if difficulty == 4 else "mixed"
        if difficulty == 3:
            return rng.choice(["quadratic", "mixed"])
        return "quadratic"
