"""Constructing expressions and equations from a context, then solving them (2.1, 2.5)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine import formatting
from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.algebraic import eq, linear_latex, x
from generation.engine.authoring.text import NAMES, terms_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def _solve_marks(q: QuestionBuilder, label: str, text: str, equation_tex: str, relation: str,
                 coefficient: int, constant: int, root: int, marks: int = 3) -> None:  # fmt: skip
    """A part: form the equation (M1), collect to kx = c (M1), solve (A1)."""
    part = q.part(label, text, marks=marks, command="Work out")
    part.step(f"${equation_tex}$", relation)
    part.step(f"${coefficient}x = {constant}$", constant)
    part.step(f"$x = {root}$", root)
    part.answer(root, label="x", variable="x", satisfies=relation)
    part.mark("M", f"${equation_tex}$", value=relation, qualifiers=["oe"],
              partial=["for a correct equation"])  # fmt: skip
    part.mark("M", f"${coefficient}x = {constant}$", value=constant, qualifiers=["FT"],
              partial=["for collecting terms in their equation"])  # fmt: skip
    part.mark("A", f"$x = {root}$", value=root, qualifiers=["cao"])


def _ages(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    a, b, c = rng.sample(NAMES, 3)
    older = q.given("older", rng.randint(2, 9))
    times = rng.randint(2, 3) if difficulty > 1 else 2
    q.param("times", times)  # stated in words ("twice"), so not a given
    root = rng.randint(8, 16)
    total = q.given("total", root + root + older + times * (root + older))
    word = {2: "twice", 3: "three times"}[int(times)]
    q.title = "Forming and solving an equation: ages"
    q.stem = (
        f"{a} is $x$ years old.\n{b} is {older} years older than {a}.\n{c} is {word} as old as {b}."
    )
    p = q.part("a", f"Write an expression, in terms of $x$, for {c}'s age.", marks=1,
               command="Write")  # fmt: skip
    value = times * (x + older)
    p.step(f"{b} is $x + {older}$, so {c} is ${times}(x + {older})$", value)
    p.answer(value, kind="expression", latex=f"{times}(x + {older})", plain=f"{times}(x + {older})")
    p.mark("B", f"${times}(x + {older})$", value=value, qualifiers=["oe"])
    wrong(p, f"{times}x + {older}", f"multiplied only $x$ by {times}", latex=f"{times}x + {older}")  # fmt: skip

    coefficient, constant = 2 + times, total - older - times * older
    equation_tex = f"x + x + {older} + {times}(x + {older}) = {total}"
    _solve_marks(q, "b",
                 f"The total of their three ages is {total} years.\nWrite an equation in $x$ "
                 f"and solve it to find {a}'s age.", equation_tex,
                 eq(f"x + x + {older} + {times}*(x + {older})", total), coefficient, constant,
                 root)  # fmt: skip
    slip = total - older - older  # forgot to multiply the older years by `times`
    if slip % coefficient == 0 and slip // coefficient != root:
        misconception(q.parts[-1], Misconception(f"wrote {c}'s age as ${times}x + {older}$ in the equation", slip // coefficient, (eq(f"x + x + {older} + {times}*x + {older}", total),), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip

    if difficulty >= 2:
        c_part = q.part("c", f"Work out {c}'s age.", marks=1, command="Work out")
        age = times * (root + older)
        c_part.step(f"${times} \\times ({root} + {older}) = {age}$", age)
        c_part.answer(age, unit="years")
        c_part.mark("B", f"${age}$", value=age, qualifiers=["FT"],
                    partial=[f"FT ${times} \\times$ (their $x$ + {older})"])  # fmt: skip


def _shopping(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    name = rng.choice(NAMES)
    item, items, other, others = rng.choice([
        ("pen", "pens", "ruler", "rulers"),
        ("pencil", "pencils", "notebook", "notebooks"),
        ("orange", "oranges", "mango", "mangoes"),
        ("banana", "bananas", "apple", "apples"),
    ])  # fmt: skip
    a_item = ("an " if item[0] in "aeiou" else "a ") + item
    a_other = ("an " if other[0] in "aeiou" else "a ") + other
    more = q.given("more", 5 * rng.randint(2, 8))
    m = q.given("m", rng.randint(2, 6))
    k = q.given("k", rng.randint(2, 5))
    root = 5 * rng.randint(4, 20)
    total_cents = m * root + k * (root + more)
    q.title = "Forming and solving an equation: costs"
    q.stem = (
        f"{a_item.capitalize()} costs $x$ cents.\n{a_other.capitalize()} costs {more} cents "
        f"more than {a_item}.\n{name} buys {m} {items} and {k} {others}."
    )
    expr = (m + k) * x + k * more
    p = q.part("a", "Write an expression, in terms of $x$, for the total cost, in cents. Give "
               "your answer in its simplest form.", marks=2, command="Write")  # fmt: skip
    p.step(f"${m}x + {k}(x + {more})$", (m * x, k * (x + more)))
    p.step(f"$= {linear_latex(m + k, k * more)}$", expr)
    p.answer(expr, kind="expression", latex=linear_latex(m + k, k * more),
             plain=terms_plain([(m + k, "x"), (k * more, "")]))  # fmt: skip
    p.mark("M", f"${m}x + {k}(x + {more})$", value=(m * x, k * (x + more)), qualifiers=["oe"],
           partial=["for a correct unsimplified expression"])  # fmt: skip
    p.mark("A", f"${linear_latex(m + k, k * more)}$", value=expr, qualifiers=["cao"])
    wrong(p, terms_plain([(m + k, "x"), (more, "")]), f"added {more} only once, not for each "
            f"{other}", latex=linear_latex(m + k, more))  # fmt: skip

    total = Rational(total_cents, 100)
    q.given("total", total, display=formatting.number(total, 2))
    dollars = formatting.money(total)
    relation = eq(f"{m + k}*x + {k * more}", total_cents)
    _solve_marks(q, "b",
                 f"{name} pays {dollars} altogether.\nWrite an equation in $x$ and solve it to "
                 f"find the cost of one {item} in cents.",
                 f"{linear_latex(m + k, k * more)} = {total_cents}", relation, m + k,
                 total_cents - k * more, root)  # fmt: skip
    b = q.parts[-1]
    if (total_cents // 100 - k * more) % (m + k) == 0 and total_cents // 100 - k * more > 0:
        misconception(b, Misconception("mixed units: used the total in dollars with the prices in cents", (total_cents // 100 - k * more) // (m + k), (eq(f"{m + k}*x + {k * more}", total_cents // 100),), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip


def _triangle(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    # angles (x + p), qx, (rx - s) with x a whole number and all angles positive
    while True:
        p, qq, r = rng.randint(10, 40), rng.randint(2, 3), rng.randint(2, 4)
        s = rng.randint(5, 30)
        total = 180
        coefficient, constant = 1 + qq + r, total - p + s
        if constant % coefficient == 0:
            root = constant // coefficient
            if r * root - s > 0 and qq != r:
                break
    for name, value in (("p", p), ("q", qq), ("r", r), ("s", s)):
        q.given(name, value)
    angles = [root + p, qq * root, r * root - s]
    q.title = "Forming and solving an equation: angles in a triangle"
    q.stem = (
        f"The angles of a triangle are $(x + {p})^\\circ$, ${qq}x^\\circ$ and "
        f"$({r}x - {s})^\\circ$."
    )
    relation = eq(f"x + {p} + {qq}*x + {r}*x - {s}", 180)
    _solve_marks(q, "a", "Write an equation in $x$ and solve it.",
                 f"x + {p} + {qq}x + {r}x - {s} = 180", relation, coefficient, constant, root)  # fmt: skip
    a = q.parts[-1]
    slip = 360 - p + s
    if slip % coefficient == 0 and slip // coefficient != root:
        misconception(a, Misconception("used 360° (angles at a point) instead of 180°", slip // coefficient, (eq(f"x + {p} + {qq}*x + {r}*x - {s}", 360),), accuracy=Accuracy.EXACT, fractions=False))  # fmt: skip
    b = q.part("b", "Work out the size of the largest angle.", marks=1, command="Work out")
    largest = max(angles)
    b.step(f"The angles are ${angles[0]}^\\circ$, ${angles[1]}^\\circ$ and ${angles[2]}^\\circ$",
           largest)  # fmt: skip
    b.answer(largest, unit="°")
    b.mark("B", f"${largest}$", value=largest, qualifiers=["FT"],
           partial=["FT their $x$ substituted into the largest angle"])  # fmt: skip


def _rectangle(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    a, b = rng.randint(2, 4), rng.randint(1, 9)
    c, d = 1, rng.randint(1, 5)
    root = rng.randint(d + 2, 15)
    for name, value in (("a", a), ("b", b), ("d", d)):
        q.given(name, value)
    perimeter = 2 * (a * root + b) + 2 * (root - d)
    q.given("P", perimeter)
    length, width = a * root + b, root - d
    q.title = "Forming and solving an equation: a rectangle"
    q.stem = f"A rectangle has length $({a}x + {b})$ cm and width $(x - {d})$ cm."
    expr = 2 * (a + c) * x + 2 * (b - d)
    pa = q.part("a", "Write an expression, in terms of $x$, for the perimeter of the rectangle. "
                "Give your answer in its simplest form.", marks=2, command="Write")  # fmt: skip
    pa.step(f"$2({a}x + {b}) + 2(x - {d})$", (2 * (a * x + b), 2 * (x - d)))
    pa.step(f"$= {linear_latex(2 * (a + c), 2 * (b - d))}$", expr)
    pa.answer(expr, kind="expression", latex=linear_latex(2 * (a + c), 2 * (b - d)),
              plain=terms_plain([(2 * (a + c), "x"), (2 * (b - d), "")]))  # fmt: skip
    pa.mark("M", f"$2({a}x + {b}) + 2(x - {d})$", value=(2 * (a * x + b), 2 * (x - d)),
            qualifiers=["oe"], partial=["for a correct unsimplified expression"])  # fmt: skip
    pa.mark("A", f"${linear_latex(2 * (a + c), 2 * (b - d))}$", value=expr, qualifiers=["cao"])
    wrong(pa, terms_plain([(a + c, "x"), (b - d, "")]), "added the length and width only once", latex=linear_latex(a + c, b - d))  # fmt: skip

    relation = eq(f"{2 * (a + c)}*x + {2 * (b - d)}", perimeter)
    _solve_marks(q, "b", f"The perimeter of the rectangle is {perimeter} cm.\nWrite an equation "
                 "in $x$ and solve it.", f"{linear_latex(2 * (a + c), 2 * (b - d))} = {perimeter}",
                 relation, 2 * (a + c), perimeter - 2 * (b - d), root)  # fmt: skip
    if difficulty >= 4:
        area = length * width
        pc = q.part("c", "Work out the area of the rectangle.", marks=2, command="Work out")
        pc.step(f"Length $= {a} \\times {root} + {b} = {length}$ cm, width $= {root} - {d} = "
                f"{width}$ cm", (length, width))  # fmt: skip
        pc.step(f"Area $= {length} \\times {width} = {area}$", area)
        pc.answer(area, unit="cm^2")
        pc.mark("M", f"${length} \\times {width}$", value=(length, width),
                partial=["for their length and width from their $x$"])  # fmt: skip
        pc.mark("A", f"${area}$", value=area, qualifiers=["cao"])
        wrong(pc, str(perimeter), "gave the perimeter instead of the area")


@register
class FormingEquations(Template):
    key = "algebra.forming_equations"
    title = "Forming and solving equations from a context"
    codes = {Tier.CORE: ("C2.1", "C2.5"), Tier.EXTENDED: ("E2.1", "E2.5")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty <= 2:
            rng.choice([_ages, _shopping])(q, rng, difficulty)
        elif difficulty == 3:
            rng.choice([_shopping, _triangle])(q, rng, difficulty)
        else:
            rng.choice([_triangle, _rectangle] if difficulty == 4 else [_rectangle])(
                q, rng, difficulty
            )
