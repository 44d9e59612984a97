"""Equations (2.5): linear equations in one unknown and simultaneous linear equations."""

from __future__ import annotations

import math
import random

from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.algebraic import coefficients, eq, linear_latex, nonzero, x
from generation.engine.authoring.text import bracket, frac, frac_plain, signed, terms
from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def _answer(part: PartBuilder, root: Rational, relation: str, var: str = "x") -> None:
    part.answer(root, variable=var, satisfies=relation, label=var)
    part.step(f"${var} = {frac(root)}$", root)


def _root(rng: random.Random, fraction: bool) -> Rational:
    """A root: a small integer, or (for harder questions) a fraction with denominator 2-5."""
    if fraction:
        q = rng.randint(2, 5)
        p = nonzero(rng, -4 * q, 4 * q)
        while p % q == 0:
            p = nonzero(rng, -4 * q, 4 * q)
        return Rational(p, q)
    return Rational(nonzero(rng, -9, 12))


def _one_step(q: QuestionBuilder, label: str, rng: random.Random, fraction: bool) -> None:
    """ax + b = c: two marks."""
    root = _root(rng, fraction)
    a = rng.randint(2, 9)
    while fraction and (a * root).q != 1:
        a = rng.randint(2, 9)
    b = nonzero(rng, -20, 20)
    c = a * root + b
    coefficients(q, label, [a, b, c])
    equation = f"{linear_latex(a, b)} = {c}"
    part = q.part(label, f"Solve ${equation}$.", marks=2, command="Work out")
    relation = eq(f"{a}*x + {b}", c)
    part.step(f"${a}x = {c} {signed(-b)}$", eq(f"{a}*x", c - b))
    part.step(f"${a}x = {c - b}$", c - b)
    _answer(part, root, relation)
    part.mark("M", f"${a}x = {c - b}$ or better", value=c - b, qualifiers=["oe"],
              partial=[f"or for $x = \\frac{{{c} {signed(-b)}}}{{{a}}}$"])  # fmt: skip
    part.mark("A", f"${frac(root)}$", value=root, qualifiers=["oe"])
    if c + b != c - b:
        misconception(part, Misconception(f"moved ${abs(b)}$ across without changing its sign", Rational(c + b, a), (c + b,), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip
    if Rational(a, c - b) != root:
        misconception(part, Misconception(f"divided ${a}$ by ${c - b}$ instead of "
                     f"${c - b}$ by ${a}$", Rational(a, c - b), (c - b,), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


def _divided(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """x/p + b = c: two marks."""
    p = rng.randint(2, 6)
    root = Rational(p * nonzero(rng, -6, 8))
    b = nonzero(rng, -10, 10)
    c = root / p + b
    coefficients(q, label, [p, b, c])
    equation = f"\\frac{{x}}{{{p}}} {signed(b)} = {c}"
    part = q.part(label, f"Solve ${equation}$.", marks=2, command="Work out")
    relation = eq(f"x/{p} + {b}", c)
    part.step(f"$\\frac{{x}}{{{p}}} = {c - b}$", c - b)
    part.step(f"$x = {c - b} \\times {p}$", root)
    _answer(part, root, relation)
    part.mark("M", f"$\\frac{{x}}{{{p}}} = {c - b}$ or $x {signed(b * p)} = {c * p}$", value=c - b,
              qualifiers=["oe"])  # fmt: skip
    part.mark("A", f"${frac(root)}$", value=root, qualifiers=["oe"])
    if (c - b) / p != root:
        misconception(part, Misconception(f"divided by ${p}$ instead of multiplying", Rational(c - b, p), (c - b,), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


def _brackets(q: QuestionBuilder, label: str, rng: random.Random, fraction: bool) -> None:
    """k(ax + b) = cx + d: three marks (expand, collect, solve)."""
    root = _root(rng, fraction)
    k, a = rng.randint(2, 6), rng.randint(1, 4)
    b = nonzero(rng, -9, 9)
    c = rng.randint(0, k * a - 2)  # leaves at least 2x, so collecting is a real step
    while fraction and ((k * a - c) * root).q != 1:
        k, a = rng.randint(2, 6), rng.randint(1, 4)
        c = rng.randint(0, k * a - 2)
    d = (k * a - c) * root + k * b
    coefficients(q, label, [k, a, b, c, d])
    right = linear_latex(c, d) if c else str(d)
    inner = linear_latex(a, b)
    equation = f"{k}({inner}) = {right}"
    part = q.part(label, f"Solve ${equation}$.", marks=3, command="Work out")
    relation = eq(f"{k}*({a}*x + {b})", f"{c}*x + {d}")
    expanded = f"{linear_latex(k * a, k * b)} = {right}"
    coefficient, constant = k * a - c, d - k * b
    part.step(f"${expanded}$", (k * a * x, k * b))
    part.step(f"${coefficient if coefficient != 1 else ''}x = {constant}$", constant)
    _answer(part, root, relation)
    part.mark("M", f"${linear_latex(k * a, k * b)}$", value=(k * a * x, k * b),
              partial=["for a correct expansion of the brackets"])  # fmt: skip
    part.mark("M", f"${coefficient if coefficient != 1 else ''}x = {constant}$ or better",
              value=constant, qualifiers=["FT"],
              partial=["for collecting the $x$ terms on one side and the numbers on the other"])  # fmt: skip
    part.mark("A", f"${frac(root)}$", value=root, qualifiers=["oe"])
    slip = d - b  # multiplied only the x term by k
    if slip != constant and Rational(slip, coefficient) != root:
        misconception(part, Misconception(f"expanded ${k}({inner})$ as ${linear_latex(k * a, b)}$", Rational(slip, coefficient), ((k * a * x, b), slip), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip
    flipped = d + k * b
    if flipped != constant and Rational(flipped, coefficient) != root:
        misconception(part, Misconception(f"expanded correctly but added ${abs(k * b)}$ instead of subtracting it when "
                     "collecting the numbers", Rational(flipped, coefficient), ((k * a * x, k * b), flipped), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


def _both_sides(q: QuestionBuilder, label: str, rng: random.Random, fraction: bool) -> None:
    """ax + b = cx + d with the unknown on both sides: three marks."""
    root = _root(rng, fraction)
    a, c = rng.sample(range(2, 10), 2)
    while fraction and ((a - c) * root).q != 1:
        a, c = rng.sample(range(2, 10), 2)
    b = nonzero(rng, -15, 15)
    d = (a - c) * root + b
    coefficients(q, label, [a, b, c, d])
    equation = f"{linear_latex(a, b)} = {linear_latex(c, d)}"
    part = q.part(label, f"Solve ${equation}$.", marks=3, command="Work out")
    relation = eq(f"{a}*x + {b}", f"{c}*x + {d}")
    part.step(f"Collect the $x$ terms: ${a}x - {bracket(c)}x = {a - c}x$", (a - c) * x)
    part.step(f"Collect the numbers: ${d} {signed(-b)} = {d - b}$", d - b)
    part.step(f"${a - c}x = {d - b}$", d - b)
    _answer(part, root, relation)
    part.mark("M", f"${a - c}x$ seen", value=(a - c) * x,
              partial=["for correctly collecting the $x$ terms"])  # fmt: skip
    part.mark("M", f"$= {d - b}$", value=d - b,
              partial=["for correctly collecting the number terms"])  # fmt: skip
    part.mark("A", f"${frac(root)}$", value=root, qualifiers=["oe"])
    slip = d + b
    if slip not in (d - b,) and Rational(slip, a - c) != root and Rational(slip, a - c) != d - b:
        misconception(part, Misconception(f"moved ${abs(b)}$ to the other side without changing its sign", Rational(slip, a - c), ((a - c) * x, slip), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


def _fractions(q: QuestionBuilder, label: str, rng: random.Random) -> None:
    """(x + a)/p + (x + b)/r = c: four marks (Extended: fractional equations)."""
    # Coprime denominators, so some root in every run of p*r integers gives a whole-number
    # right-hand side.
    p, r = rng.choice([(2, 3), (2, 5), (3, 4), (3, 5), (4, 5), (3, 2), (5, 2), (4, 3)])
    lcm = math.lcm(p, r)
    a, b = nonzero(rng, -6, 6), nonzero(rng, -6, 6)
    roots = [
        Rational(v)
        for v in range(-10, 21)
        if v != 0 and ((v + a) * r + (v + b) * p) % (p * r) == 0 and (v + a) * r + (v + b) * p != 0
    ]
    root = rng.choice(roots)
    c = (root + a) / p + (root + b) / r
    coefficients(q, label, [a, p, b, r, c])
    equation = (
        f"\\frac{{{linear_latex(1, a)}}}{{{p}}} + \\frac{{{linear_latex(1, b)}}}{{{r}}} = {c}"
    )
    part = q.part(label, f"Solve ${equation}$.", marks=3, command="Work out")
    relation = eq(f"(x + {a})/{p} + (x + {b})/{r}", c)
    mp, mr = lcm // p, lcm // r
    multiplied = (f"{mp if mp > 1 else ''}({linear_latex(1, a)}) + {mr if mr > 1 else ''}({linear_latex(1, b)})"
                  f" = {lcm * c}")  # fmt: skip
    coefficient = mp + mr
    constant = lcm * c - mp * a - mr * b
    part.step(f"Multiply by ${lcm}$: ${multiplied}$",
              eq(f"{mp}*(x + {a}) + {mr}*(x + {b})", lcm * c))  # fmt: skip
    part.step(f"${coefficient}x {signed(mp * a + mr * b)} = {lcm * c}$",
              eq(f"{coefficient}*x + {mp * a + mr * b}", lcm * c))  # fmt: skip
    part.step(f"${coefficient}x = {constant}$", constant)
    _answer(part, root, relation)
    part.mark("M", f"${multiplied}$", value=eq(f"{mp}*(x + {a}) + {mr}*(x + {b})", lcm * c),
              qualifiers=["oe"], partial=["for multiplying every term by a common denominator"])  # fmt: skip
    part.mark("M", f"${coefficient}x = {constant}$", value=constant, qualifiers=["FT"],
              partial=["for expanding and collecting terms correctly"])  # fmt: skip
    part.mark("A", f"${frac(root)}$", value=root, qualifiers=["oe"])
    # Classic error: the right-hand side is not multiplied by the common denominator.
    slip = c - mp * a - mr * b
    if Rational(slip, coefficient) != root and slip != constant:
        misconception(part, Misconception(f"multiplied the fractions by ${lcm}$ but not the right-hand side ${c}$", Rational(slip, coefficient), (eq(f"{mp}*(x + {a}) + {mr}*(x + {b})", c), slip), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


@register
class LinearEquations(Template):
    key = "algebra.linear_equations"
    title = "Solving linear equations"
    codes = {Tier.CORE: ("C2.5",), Tier.EXTENDED: ("E2.5",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Linear equations"
        extended = q.tier == Tier.EXTENDED
        if difficulty == 1:
            _one_step(q, "a", rng, fraction=False)
            _divided(q, "b", rng)
        elif difficulty == 2:
            _one_step(q, "a", rng, fraction=extended)
            _brackets(q, "b", rng, fraction=False)
        elif difficulty == 3:
            _brackets(q, "a", rng, fraction=False)
            _both_sides(q, "b", rng, fraction=False)
        elif difficulty == 4:
            _brackets(q, "a", rng, fraction=True)
            _both_sides(q, "b", rng, fraction=True)
        else:
            _both_sides(q, "a", rng, fraction=True)
            if extended:
                _fractions(q, "b", rng)
            else:
                _brackets(q, "b", rng, fraction=True)


# --- simultaneous linear equations ----------------------------------------------------------

_TICKETS = (
    ("At a cinema, ", "adult tickets", "child tickets", "an adult ticket", "a child ticket"),
    ("At a café, ", "cups of coffee", "muffins", "a cup of coffee", "a muffin"),
    ("In a shop, ", "notebooks", "pens", "a notebook", "a pen"),
)


def _system(rng: random.Random, difficulty: int) -> tuple[list[int], list[int], int, int]:
    """Coefficients [a1, b1, c1], [a2, b2, c2] of a1x + b1y = c1, a2x + b2y = c2 and the
    solution, built backwards from the solution. Difficulty sets the elimination needed:
    1 add, 2 subtract, 3 multiply one equation, 4-5 multiply both."""
    x0, y0 = nonzero(rng, -6, 9), nonzero(rng, -6, 9)
    if difficulty >= 5:
        x0, y0 = rng.randint(2, 12), rng.randint(2, 12)
    a1, a2 = rng.sample(range(1, 8), 2)
    b1 = rng.randint(2, 6)
    if difficulty == 1:
        b2 = -b1
    elif difficulty == 2:
        b2 = b1
    elif difficulty == 3:
        b2 = rng.choice([-1, 1]) * b1 * rng.randint(2, 3)
        a2 = a1 + rng.randint(1, 3) if a2 * b1 == a1 * b2 else a2
    else:
        while True:
            b1, b2 = rng.sample(range(2, 8), 2)
            b2 *= rng.choice([-1, 1]) if difficulty == 4 else 1
            a1, a2 = rng.sample(range(2, 8), 2)
            if (
                a1 * b2 != a2 * b1
                and b2 % b1
                and b1 % b2
                and a1 % a2
                and a2 % a1
                and math.gcd(a1, b1) == 1
            ):
                break
    if a1 * b2 == a2 * b1:
        a2 += 1
    return [a1, b1, a1 * x0 + b1 * y0], [a2, b2, a2 * x0 + b2 * y0], x0, y0


def _solve_pair(
    q: QuestionBuilder, part: PartBuilder, e1: list[int], e2: list[int], x0: int, y0: int,
    money: bool = False,
) -> None:  # fmt: skip
    """Worked solution, answers and marks for eliminating y; three marks."""
    a1, b1, c1 = e1
    a2, b2, c2 = e2
    lcm = math.lcm(abs(b1), abs(b2))
    m1, m2 = lcm // abs(b1), lcm // abs(b2)
    add = (b1 > 0) != (b2 > 0)
    sign = 1 if add else -1
    d, e = a1 * m1 + sign * a2 * m2, c1 * m1 + sign * c2 * m2
    if d < 0:
        d, e = -d, -e
    if m1 > 1:
        part.step(f"$(1) \\times {m1}$: ${_eq_tex(a1 * m1, b1 * m1, c1 * m1)}$",
                  eq(f"{a1 * m1}*x + {b1 * m1}*y", c1 * m1))  # fmt: skip
    if m2 > 1:
        part.step(f"$(2) \\times {m2}$: ${_eq_tex(a2 * m2, b2 * m2, c2 * m2)}$",
                  eq(f"{a2 * m2}*x + {b2 * m2}*y", c2 * m2))  # fmt: skip
    how = "Add" if add else "Subtract"
    part.step(f"{how} to eliminate $y$: ${d if d != 1 else ''}x = {e}$", eq(f"{d}*x", e))
    part.step(f"$x = {x0}$", x0)
    part.step(f"Substitute into (1): ${a1 if a1 != 1 else ''}({x0}) {signed(b1)}y = {c1}$, "
              f"so ${b1}y = {c1 - a1 * x0}$", eq(f"{b1}*y", c1 - a1 * x0))  # fmt: skip
    part.step(f"$y = {y0}$", y0)
    accuracy = "exact"  # non-calculator: whole numbers of dollars, stated exactly
    part.answer(x0, label="x", variable="x", satisfies=eq(f"{d}*x", e), accuracy=accuracy,
                unit="$" if money else "")  # fmt: skip
    part.answer(y0, label="y", variable="y", satisfies=eq(f"{a1}*{x0} + {b1}*y", c1),
                accuracy=accuracy, unit="$" if money else "")  # fmt: skip
    part.mark("M", f"${d if d != 1 else ''}x = {e}$ or a correct elimination of $x$",
              value=eq(f"{d}*x", e), qualifiers=["oe"],
              partial=["for correctly eliminating one variable (allow one arithmetic error)"])  # fmt: skip
    part.mark("A", f"$x = {x0}$", value=x0, qualifiers=["cao"])
    part.mark("A", f"$y = {y0}$", value=y0, qualifiers=["cao"])
    # Added instead of subtracting (or the reverse) when eliminating.
    d2, e2_ = a1 * m1 - sign * a2 * m2, c1 * m1 - sign * c2 * m2
    if d2 != 0 and Rational(e2_, d2).q <= 10 and Rational(c1 - a1 * Rational(e2_, d2), b1).q <= 10:
        wx = Rational(e2_, d2)
        wy = Rational(c1 - a1 * wx, b1)
        _wrong_pair(part, wx, wy, "added the equations when they should be subtracted"
                     if not add else "subtracted the equations when they should be added",
                     working=[eq(f"{d2}*x", e2_)])  # fmt: skip
    wy = Rational(c1 + a1 * x0, b1)
    if wy != y0:
        _wrong_pair(part, Rational(x0), wy, f"found $x$ correctly but made a sign error "
                     f"substituting: ${b1}y = {c1} + {a1 * x0 if a1 * x0 >= 0 else f'({a1 * x0})'}$",
                     working=[eq(f"{d}*x", e)])  # fmt: skip


def _wrong_pair(part: PartBuilder, wx: Rational, wy: Rational, error: str,
                working: list[str]) -> None:  # fmt: skip
    wrong(part, f"x = {frac_plain(wx)}, y = {frac_plain(wy)}", error, latex=f"x = {frac(wx)},\\ y = {frac(wy)}", working=working)  # fmt: skip


def _eq_tex(a: int, b: int, c: int) -> str:
    return f"{_xy(a, b)} = {c}"


def _xy(a: int, b: int) -> str:
    return terms([(a, "x"), (b, "y")])


@register
class SimultaneousLinear(Template):
    key = "algebra.simultaneous_linear"
    title = "Simultaneous linear equations"
    codes = {Tier.CORE: ("C2.5",), Tier.EXTENDED: ("E2.5",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Simultaneous equations"
        e1, e2, x0, y0 = _system(rng, difficulty)
        coefficients(q, "", [e1[0], e1[1], e1[2], e2[0], e2[1], e2[2]])
        if difficulty < 5:
            part = q.part(
                "",
                "Solve the simultaneous equations.\nYou must show all your working.\n\n"
                f"${_xy(e1[0], e1[1])} = {e1[2]}$  (1)\n\n${_xy(e2[0], e2[1])} = {e2[2]}$  (2)",
                marks=3,
                command="Work out",
            )
            _solve_pair(q, part, e1, e2, x0, y0)
            return
        opening, first, second, one_first, one_second = rng.choice(_TICKETS)
        q.stem = (
            f"{opening}{e1[0]} {first} and {e1[1]} {second} cost \\${e1[2]} in total.\n"
            f"{e2[0]} {first} and {e2[1]} {second} cost \\${e2[2]} in total.\n"
            f"The cost of {one_first} is \\$$x$ and the cost of {one_second} is \\$$y$."
        )
        a = q.part("a", "Write two equations in $x$ and $y$.", marks=2, command="Write")
        for k, (ea, eb, ec) in enumerate((e1, e2), 1):
            relation = eq(f"{ea}*x + {eb}*y", ec)
            a.step(f"$({k})$: ${_xy(ea, eb)} = {ec}$", relation)
            a.answer(relation, kind="equation", plain=f"{ea}x + {eb}y = {ec}",
                     latex=f"{_xy(ea, eb)} = {ec}")  # fmt: skip
            a.mark("B", f"${_xy(ea, eb)} = {ec}$", value=relation, qualifiers=["oe"])
        b = q.part("b", f"Solve your equations to find the cost of {one_first} and the cost "
                   f"of {one_second}.", marks=3, command="Work out")  # fmt: skip
        _solve_pair(q, b, e1, e2, x0, y0, money=True)
