"""Inequalities (2.6): number lines, listing integers, solving linear inequalities (Extended)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import wrong
from generation.engine.authoring.algebraic import coefficients, linear_latex, nonzero
from generation.engine.authoring.figures import number_line
from generation.engine.authoring.text import frac, terms
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import CalculatorPolicy, Tier

_LE, _LT = "\\le", "<"


def _interval(low: int, high: int, left_closed: bool, right_closed: bool, var: str = "x"):  # type: ignore[no-untyped-def]
    """(LaTeX, plain, machine) of ``low < var <= high`` with the given ends."""
    ls, rs = (_LE if left_closed else _LT), (_LE if right_closed else _LT)
    lp, rp = ("≤" if left_closed else "<"), ("≤" if right_closed else "<")
    lm, rm = ("<=" if left_closed else "<"), ("<=" if right_closed else "<")
    return (
        f"{low} {ls} {var} {rs} {high}",
        f"{low} {lp} {var} {rp} {high}",
        f"And({low} {lm} {var}, {var} {rm} {high})",
    )


def _read_number_line(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    low = rng.randint(-5, 1)
    high = rng.randint(low + 2, 5)
    left_closed, right_closed = rng.choice([True, False]), rng.choice([True, False])
    q.diagram_svg = number_line(
        -6, 6, [(low, left_closed), (high, right_closed)], title="An inequality on a number line"
    ).svg()
    # The ends are read from the diagram, so they are parameters, not givens stated in text.
    q.param("low", low)
    q.param("high", high)
    latex, plain, machine = _interval(low, high, left_closed, right_closed)
    part = q.part(label, "Write down the inequality, in terms of $x$, shown on the number line.",
                  marks=2, command="Write")  # fmt: skip
    left_rel = f"x {'>=' if left_closed else '>'} {low}"
    right_rel = f"x {'<=' if right_closed else '<'} {high}"
    part.step(f"The circle at ${low}$ is {'filled' if left_closed else 'open'}, so "
              f"${low} {_LE if left_closed else _LT} x$", left_rel)  # fmt: skip
    part.step(f"The circle at ${high}$ is {'filled' if right_closed else 'open'}, so "
              f"$x {_LE if right_closed else _LT} {high}$", right_rel)  # fmt: skip
    part.answer(machine, kind="inequality", latex=latex, plain=plain, variable="x")
    part.mark("B", f"${low} {_LE if left_closed else _LT} x$", value=left_rel)
    part.mark("B", f"$x {_LE if right_closed else _LT} {high}$, giving ${latex}$", value=right_rel)
    w_latex, w_plain, _ = _interval(low, high, not left_closed, right_closed)
    wrong(part, w_plain, f"read the {'filled' if left_closed else 'open'} circle at {low} as "
               f"{'open' if left_closed else 'filled'}", latex=w_latex, working=[right_rel])  # fmt: skip


def _list_integers(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    low = rng.randint(-6, 0)
    high = rng.randint(low + 3, low + 7)
    left_closed, right_closed = rng.choice([True, False]), rng.choice([True, False])
    coefficients(q, label, [low, high])
    latex, _, _ = _interval(low, high, left_closed, right_closed, "n")
    start, stop = (low if left_closed else low + 1), (high if right_closed else high - 1)
    values = list(range(start, stop + 1))
    part = q.part(label, f"$n$ is an integer.\nList all the possible values of $n$ that satisfy "
                  f"${latex}$.", marks=2, command="Write")  # fmt: skip
    shown = ", ".join(str(v) for v in values)
    part.step(f"${low}$ is {'included' if left_closed else 'not included'} and ${high}$ is "
              f"{'included' if right_closed else 'not included'}")  # fmt: skip
    part.step(f"$n = {shown}$", tuple(values))
    part.answer(tuple(values), kind="set", latex=shown, plain=shown)
    part.mark("B", f"${shown}$", 2, value=tuple(values),
              partial=["B1 for a list with one error or omission"])  # fmt: skip
    swapped = list(range(low if not left_closed else low + 1,
                         (high if not right_closed else high - 1) + 1))  # fmt: skip
    if swapped and swapped != values and len(set(swapped) ^ set(values)) >= 2:
        text = ", ".join(str(v) for v in swapped)
        if left_closed == right_closed:
            error = "included both ends" if not left_closed else "left out both ends"
            error += " of the inequality" if not left_closed else ", which the $\\le$ signs include"
        else:
            error = "included the end shown by $<$ and left out the end shown by $\\le$"
        wrong(part, text, error, latex=text)


def _smallest_integer(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    bound = Rational(rng.randint(-9, 9) * 2 + 1, 2)
    q.given(f"{label}1", bound)
    answer = int(bound + Rational(1, 2))
    part = q.part(label, f"Write down the smallest integer that satisfies the inequality "
                  f"$y > {number(bound)}$.", marks=1, command="Write down")  # fmt: skip
    part.step(f"The integers greater than ${number(bound)}$ are ${answer}, {answer + 1}, \\ldots$",
              answer)  # fmt: skip
    part.answer(answer)
    part.mark("B", f"${answer}$", value=answer, qualifiers=["cao"])
    error = ("took the integer part of the negative number the wrong way" if bound < 0
             else "gave the integer below the bound")  # fmt: skip
    wrong(part, str(answer - 1), error)


_CONTEXTS = (
    ("A lift can carry at most {k} people. $p$ is the number of people in the lift.", "p", "<="),
    (
        "A ride is only for children who are at least {k} cm tall. $h$ cm is the height of a "
        "child allowed on the ride.",
        "h",
        ">=",
    ),
    ("More than {k} people came to a concert. $c$ is the number of people who came.", "c", ">"),
    ("A bag holds fewer than {k} sweets. $s$ is the number of sweets in the bag.", "s", "<"),
)


def _words(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """Write an inequality from words: at most / at least / more than / fewer than."""
    text, var, rel = rng.choice(_CONTEXTS)
    k = rng.randint(6, 15) if var != "h" else 5 * rng.randint(22, 28)
    q.given(f"{label}1", k)
    symbol = {"<=": "\\le", ">=": "\\ge", "<": "<", ">": ">"}[rel]
    plain_symbol = {"<=": "≤", ">=": "≥", "<": "<", ">": ">"}[rel]
    part = q.part(label, text.format(k=k) + f"\nWrite down an inequality in terms of ${var}$.",
                  marks=1, command="Write down")  # fmt: skip
    machine = f"{var} {rel} {k}"
    part.step(f"${var} {symbol} {k}$", machine)
    part.answer(machine, kind="inequality", variable=var, latex=f"{var} {symbol} {k}",
                plain=f"{var} {plain_symbol} {k}")  # fmt: skip
    part.mark("B", f"${var} {symbol} {k}$", value=machine, qualifiers=["oe"])
    wrong_plain = {"<=": "<", ">=": ">", "<": "≤", ">": "≥"}[rel]
    wrong_tex = {"<=": "<", ">=": ">", "<": "\\le", ">": "\\ge"}[rel]
    wrong(part, f"{var} {wrong_plain} {k}", "confused a strict inequality with an inclusive one", latex=f"{var} {wrong_tex} {k}")  # fmt: skip


def _solve_linear(q: QuestionBuilder, label: str, rng: random.Random, fraction: bool) -> None:
    """ax + b < cx + d with c > a, so dividing by a negative number reverses the sign."""
    a = rng.randint(1, 6)
    c = a + rng.randint(1, 5)
    b = nonzero(rng, -15, 15)
    k = c - a
    j = nonzero(rng, -8, 8) * (1 if fraction else k)
    if fraction and k > 1 and j % k == 0:
        j += 1
    bound = Rational(j, k)  # the boundary, where ax + b = cx + d
    d = b - j
    strict = rng.choice([True, False])
    rel, rel_tex = ("<", "<") if strict else ("<=", "\\le")
    flip, flip_tex = (">", ">") if strict else (">=", "\\ge")
    coefficients(q, label, [a, b, c, d])
    question = f"{linear_latex(a, b)} {rel_tex} {linear_latex(c, d)}"
    part = q.part(label, f"Solve the inequality.\n\n${question}$", marks=2, command="Work out")
    k, m = a - c, d - b
    # Valued at its two sides: as a relation it would be equivalent to the final answer, and
    # could not tell a candidate who then forgets to reverse the sign from a correct one.
    collected = f"({k}*x, {m})"
    kx, neg_kx = terms([(k, "x")]), terms([(-k, "x")])
    part.step(f"${kx} {rel_tex} {m}$", collected)
    part.step(f"Divide by ${k}$ and reverse the inequality: $x {flip_tex} {frac(bound)}$",
              f"x {flip} {bound}")  # fmt: skip
    part.answer(f"x {flip} {bound}", kind="inequality", variable="x",
                latex=f"x {flip_tex} {frac(bound)}",
                plain=f"x {'>' if strict else '≥'} {frac_plain_(bound)}")  # fmt: skip
    part.mark("M", f"${kx} {rel_tex} {m}$ or ${neg_kx} {flip_tex} {-m}$", value=collected,
              qualifiers=["oe"])  # fmt: skip
    part.mark("A", f"$x {flip_tex} {frac(bound)}$", value=f"x {flip} {bound}", qualifiers=["cao"])
    wrong(part, f"x {'<' if strict else '≤'} {frac_plain_(bound)}", "did not reverse the "
               "inequality sign when dividing by a negative number", latex=f"x {rel_tex} {frac(bound)}", working=[collected])  # fmt: skip


def frac_plain_(value: Rational) -> str:
    return str(value.p) if value.q == 1 else f"{value.p}/{value.q}"


def _double_inequality(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """low ≤ an + b < high: M1 for dividing through, A1 interval, A1 the list."""
    a = rng.randint(2, 4)
    b = nonzero(rng, -7, 7)
    lo_n = rng.randint(-5, 0)
    hi_n = rng.randint(lo_n + 3, 5)
    # The upper end is strict, the classic place to include one integer too many.
    left_closed, right_closed = rng.choice([True, False]), False
    low, high = a * lo_n + b, a * hi_n + b
    coefficients(q, label, [low, a, b, high])
    ls, rs = (_LE if left_closed else _LT), (_LE if right_closed else _LT)
    lm, rm = ("<=" if left_closed else "<"), ("<=" if right_closed else "<")
    part = q.part(label, f"Find the integer values of $n$ that satisfy the inequality "
                  f"${low} {ls} {linear_latex(a, b, 'n')} {rs} {high}$.", marks=3, command="Work out")  # fmt: skip
    n_low, n_high = Rational(low - b, a), Rational(high - b, a)
    divided = f"And({low - b} {lm} {a}*n, {a}*n {rm} {high - b})"
    part.step(f"${low - b} {ls} {a}n {rs} {high - b}$", divided)
    part.step(f"${frac(n_low)} {ls} n {rs} {frac(n_high)}$",
              f"And({n_low} {lm} n, n {rm} {n_high})")  # fmt: skip
    values = [v for v in range(int(n_low) - 1, int(n_high) + 2)
              if (v >= n_low if left_closed else v > n_low)
              and (v <= n_high if right_closed else v < n_high)]  # fmt: skip
    shown = ", ".join(str(v) for v in values)
    part.step(f"$n = {shown}$", tuple(values))
    part.answer(tuple(values), kind="set", latex=shown, plain=shown)
    part.mark("M", f"${low - b} {ls} {a}n {rs} {high - b}$", value=divided, qualifiers=["oe"],
              partial=["or for one of the two inequalities solved correctly"])  # fmt: skip
    part.mark("A", f"${frac(n_low)} {ls} n {rs} {frac(n_high)}$",
              value=f"And({n_low} {lm} n, n {rm} {n_high})")  # fmt: skip
    part.mark("A", f"${shown}$", value=tuple(values), qualifiers=["cao"])
    extra = [*values, hi_n]
    text = ", ".join(str(v) for v in sorted(extra))
    wrong(part, text, "included an integer at the end of the interval that does not satisfy the "
               "strict inequality", latex=text, working=[divided, f"And({n_low} {lm} n, n {rm} {n_high})"])  # fmt: skip


@register
class Inequalities(Template):
    key = "algebra.inequalities"
    title = "Inequalities"
    codes = {Tier.CORE: ("C2.6",), Tier.EXTENDED: ("E2.6",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Inequalities"
        if q.tier == Tier.CORE:
            # Core represents and interprets inequalities; it does not solve them.
            if difficulty == 1:
                _words(q, "a", rng)
                _read_number_line(q, "b", rng)
            elif difficulty == 2:
                _read_number_line(q, "a", rng)
                _list_integers(q, "b", rng)
            else:
                _words(q, "a", rng)
                _read_number_line(q, "b", rng)
                _list_integers(q, "c", rng)
                if difficulty == 5:
                    _smallest_integer(q, "d", rng)
            return
        if difficulty == 1:
            _read_number_line(q, "a", rng)
            _list_integers(q, "b", rng)
        elif difficulty == 2:
            _read_number_line(q, "a", rng)
            _solve_linear(q, "b", rng, fraction=False)
        elif difficulty == 3:
            _solve_linear(q, "a", rng, fraction=False)
            _double_inequality(q, "b", rng)
        else:
            _solve_linear(q, "a", rng, fraction=True)
            _double_inequality(q, "b", rng)
            if difficulty == 5:
                _read_number_line(q, "c", rng)
