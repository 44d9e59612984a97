"""Inequalities in context (2.6): information given in words written as an inequality and
interpreted — a count between two limits (the smallest, the largest and how many values), the
greatest number of items a budget buys, and (Extended) a rectangle whose perimeter and width
are limited, solved for the integer values of $x$."""

from __future__ import annotations

import random

from sympy import Rational, ceiling, floor

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.algebraic import coefficients
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.authoring.text import amount, approx, frac, frac_plain, money, number, terms
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

# (sentence with {low} and {high}, variable, what is counted)
_COUNTS = (
    ("A football club has {low} members and {high} members.", "m", "members"),
    ("A box contains {low} pencils and {high} pencils.", "p", "pencils"),
    ("On a school trip there are {low} students and {high} students.", "s", "students"),
    ("A bookshelf holds {low} books and {high} books.", "b", "books"),
)
# words for a lower / an upper limit: (words, included)
_LOWER = (("at least", True), ("more than", False))
_UPPER = (("at most", True), ("fewer than", False))

# (who, one fixed item, what is bought n of) for a budget; prices in dollars
_BUDGETS = (
    ("Lena", "notebook", "pens"),
    ("Omar", "ruler", "pencils"),
    ("Priya", "folder", "stickers"),
)
_GYMS = (
    ("A gym charges a joining fee of {fee} and then {price} for each visit.", "visits"),
    ("A bicycle hire shop charges {fee} for a helmet and then {price} for each hour.", "hours"),
)


def _relation(var: str, bound: int, *, lower: bool, included: bool) -> tuple[str, str, str]:
    """(LaTeX ``12 \\le m``, plain, machine) of one end of a double inequality."""
    if lower:
        tex, plain = ("\\le", "≤") if included else ("<", "<")
        return (
            f"{bound} {tex} {var}",
            f"{bound} {plain} {var}",
            f"{var} {'>=' if included else '>'} {bound}",
        )
    tex, plain = ("\\le", "≤") if included else ("<", "<")
    return (
        f"{var} {tex} {bound}",
        f"{var} {plain} {bound}",
        f"{var} {'<=' if included else '<'} {bound}",
    )


def _double(var: str, low: int, high: int, low_in: bool, high_in: bool) -> tuple[str, str, str]:
    lt, lp, lm = _relation(var, low, lower=True, included=low_in)
    ht, hp, hm = _relation(var, high, lower=False, included=high_in)
    return (
        f"{lt} {ht.removeprefix(var + ' ')}",
        f"{lp} {hp.removeprefix(var + ' ')}",
        f"And({lm}, {hm})",
    )


def _lead(q: QuestionBuilder, context: str, alone: bool) -> str:
    """Where a scenario's words go: the stem when it is the question's only scenario (every
    part reads from them), else the start of its first part (another scenario follows)."""
    if alone:
        q.stem = context
        return ""
    return context + "\n"


def _count_limits(
    q: QuestionBuilder, rng: random.Random, labels: list[str], *, alone: bool = False
) -> None:
    """A count between two limits in words: (a) the double inequality (B1 each end), then
    (b) the smallest and largest whole-number values, then (c) how many values there are."""
    index = rng.randrange(len(_COUNTS))
    sentence, var, counted = _COUNTS[index]
    (low_words, low_in), (high_words, high_in) = rng.choice(_LOWER), rng.choice(_UPPER)
    if len(labels) > 1 and low_in and high_in:
        # The whole-number parts are only worth asking when an end is left out.
        low_words, low_in = _LOWER[1]
    low = rng.randint(3, 25)
    high = low + rng.randint(5, 20)
    q.param("count_context", index)
    q.given("lo", low)
    q.given("hi", high)
    text = sentence.format(low=f"{low_words} ${low}$", high=f"{high_words} ${high}$")
    text = text + f" ${var}$ is the number of {counted}."
    latex, plain, machine = _double(var, low, high, low_in, high_in)
    lt, _, lm = _relation(var, low, lower=True, included=low_in)
    ht, _, hm = _relation(var, high, lower=False, included=high_in)
    lead = _lead(q, text, alone)
    a = q.part(labels[0], f"{lead}Write this information as an inequality in ${var}$.",
               marks=2, command="Write")  # fmt: skip
    a.step(f"{low_words.capitalize()} ${low}$: ${lt}$", lm)
    a.step(f"{high_words.capitalize()} ${high}$: ${ht}$", hm)
    a.step(f"${latex}$", machine)
    a.answer(machine, kind="inequality", variable=var, latex=latex, plain=plain)
    a.mark("B", f"${lt}$", value=lm)
    a.mark("B", f"${ht}$, giving ${latex}$", value=hm, qualifiers=["oe"])
    for flip_low in (True, False):
        _, w_plain, _ = _double(var, low, high, low_in ^ flip_low, high_in ^ (not flip_low))
        w_latex, _, _ = _double(var, low, high, low_in ^ flip_low, high_in ^ (not flip_low))
        words = low_words if flip_low else high_words
        right = "≤" if (low_in if flip_low else high_in) else "<"
        wrong(
            a,
            w_plain,
            f"used the wrong sign for “{words}” (it is {right})",
            latex=w_latex,
            working=[hm if flip_low else lm],
        )
    if len(labels) == 1:
        return
    smallest, largest = (low if low_in else low + 1), (high if high_in else high - 1)
    b = q.part(labels[1], f"Write down the smallest possible value of ${var}$ and the largest "
               f"possible value of ${var}$.", marks=2, command="Write")  # fmt: skip
    b.step(f"${low}$ is {'included' if low_in else 'not included'}, so the smallest value is "
           f"${smallest}$.", smallest)  # fmt: skip
    b.step(f"${high}$ is {'included' if high_in else 'not included'}, so the largest value is "
           f"${largest}$.", largest)  # fmt: skip
    small = Working(q, "lo" if low_in else "lo + 1")
    large = Working(q, "hi" if high_in else "hi - 1")
    b.answer(small.machine, label="smallest", plain=small.plain, latex=small.latex)
    b.answer(large.machine, label="largest", plain=large.plain, latex=large.latex)
    b.mark("B", f"smallest ${smallest}$", value=small.machine, qualifiers=["cao"])
    b.mark("B", f"largest ${largest}$", value=large.machine, qualifiers=["cao"])
    wrong(b, f"{low}, {high}", "gave the numbers in the words without checking whether each is "
          "included")  # fmt: skip
    if len(labels) == 2:
        return
    c = q.part(labels[2], f"How many different values can ${var}$ take?", marks=1,
               command="Write down")  # fmt: skip
    many = Working(q, f"({large.machine}) - ({small.machine}) + 1",
                   latex=f"{largest} - {smallest} + 1")  # fmt: skip
    final(c, many, qualifiers=["cao"], step=many.equation())
    misconception(c, Misconception("subtracted the smallest value from the largest, which "
                                   "leaves one value out", f"({large.machine}) - ({small.machine})"))  # fmt: skip


def _budget(
    q: QuestionBuilder,
    rng: random.Random,
    labels: list[str],
    *,
    decimals: bool,
    alone: bool = False,
) -> None:
    """A fixed cost plus n equal prices within a budget: (a) the inequality, (b) the greatest
    whole number n, from a bound that is not a whole number (so rounding matters)."""
    for _ in range(80):
        if decimals:
            budget = rng.randint(5, 20)
            fee = Rational(rng.randint(22, 78) * 5, 100)  # whole multiples of 5 cents
            price = Rational(rng.choice([25, 35, 40, 45, 55, 60, 65, 75, 85]), 100)
        else:
            budget = rng.randint(6, 20) * 5
            fee = rng.randint(2, 6) * 5
            price = rng.randint(3, 9)
        bound = (budget - fee) / price
        if bound > 4 and bound % 1 and fee >= price and floor(budget / price) != floor(bound):
            break
    else:
        raise Reject("no budget with a bound that is not a whole number")
    b = q.given("bud", budget, display=amount(budget))
    f = q.given("fee", fee, display=amount(fee))
    c = q.given("price", price, display=amount(price))
    if decimals:
        who, item, things = rng.choice(_BUDGETS)
        q.param("budget_context", who)
        text = (f"{who} has {money(b)}. {who} buys one {item} costing {money(f)} and $n$ {things} "
                f"costing {money(c)} each.")  # fmt: skip
        ask = f"Work out the greatest number of {things} {who} can buy."
    else:
        sentence, things = rng.choice(_GYMS)
        q.param("budget_context", things)
        text = (sentence.format(fee=money(f), price=money(c)) + f" Sam can spend at most "
                f"{money(b)}. Sam pays for $n$ {things}.")  # fmt: skip
        ask = f"Work out the greatest number of {things} Sam can pay for."
    rel = "fee + price*n <= bud"
    shown = f"{amount(f)} + {amount(c)}n \\le {amount(b)}"
    lead = _lead(q, text, alone)
    a = q.part(labels[0], f"{lead}Write down an inequality in $n$.", marks=1,
               command="Write down")  # fmt: skip
    a.step(f"The cost is ${amount(f)} + {amount(c)}n$ and it is at most ${amount(b)}$: "
           f"${shown}$", rel)  # fmt: skip
    a.answer(rel, kind="inequality", variable="n", latex=shown,
             plain=f"{amount(f)} + {amount(c)}n ≤ {amount(b)}")  # fmt: skip
    a.mark("B", f"${shown}$", value=rel, qualifiers=["oe"])
    wrong(a, f"{amount(f)} + {amount(c)}n < {amount(b)}", "used $<$ although spending all of the "
          "money is allowed", latex=f"{amount(f)} + {amount(c)}n < {amount(b)}")  # fmt: skip
    wrong(a, f"{amount(f)} + {amount(c)}n ≥ {amount(b)}", "turned the inequality the wrong way",
          latex=f"{amount(f)} + {amount(c)}n \\ge {amount(b)}")  # fmt: skip
    p = q.part(labels[1], ask, marks=3 if decimals else 2, command="Work out")
    left = Working(q, "bud - fee", latex=f"{amount(b)} - {amount(f)}")
    per = Working(q, "(bud - fee)/price", latex=f"{amount(budget - fee)} \\div {amount(c)}")
    if decimals:
        method(p, left, step=f"${amount(c)}n \\le {left.substituted} = {amount(left.value)}$")
        method(p, per, f"their ${amount(budget - fee)} \\div {amount(c)}$", step="")
    else:
        p.step(f"${amount(c)}n \\le {left.substituted} = {amount(left.value)}$", left.machine)
        method(
            p, per, f"${amount(c)}n \\le {amount(budget - fee)}$ or ${per.substituted}$", step=""
        )
    p.step(f"$n \\le {per.substituted} = {approx(per.value, dots=True)}$", per.machine)
    most = Working(q, "floor((bud - fee)/price)")
    final(p, most, qualifiers=["cao"],
          step=f"$n$ is a whole number, so the greatest value is ${most.latex}$")  # fmt: skip
    misconception(p, Misconception("rounded the bound up instead of down",
                                   "floor((bud - fee)/price) + 1", (left.machine, per.machine)))  # fmt: skip
    misconception(p, Misconception("left out the one-off cost", "floor(bud/price)",
                                   ("bud/price",)))  # fmt: skip


def _written(value: Rational) -> tuple[str, str]:
    """(LaTeX, plain) of a bound as 0580 writes it: a short decimal (10.9) when it is one,
    else a fraction (38/3)."""
    if exact_or_3sf(value) == Accuracy.EXACT:
        return number(value), number(value)
    return frac(value), frac_plain(value)


def _rectangle(
    q: QuestionBuilder, rng: random.Random, labels: list[str], *, alone: bool = False
) -> None:
    """Extended: length (a1 x + b1) cm, width (a2 x - b2) cm; the perimeter is less than P and
    the width more than w: (a) solve the perimeter inequality, (b) the integer values of x."""
    for _ in range(80):
        a1, a2 = rng.randint(2, 4), rng.randint(1, 2)
        b1, b2 = rng.randint(1, 7), rng.randint(1, 6)
        w = rng.randint(1, 4)
        top = rng.randint(4, 12)  # about the largest x wanted
        k = 2 * (a1 + a2)
        perimeter = k * top + 2 * (b1 - b2) + rng.choice([0, 0, rng.randint(1, k - 1)])
        m = perimeter - 2 * (b1 - b2)
        bound, least = Rational(m, k), Rational(w + b2, a2)
        values = [v for v in range(1, 40) if least < v < bound]
        if 2 <= len(values) <= 6 and perimeter > 0:
            break
    else:
        raise Reject("no rectangle with two to six integer values of x")
    coefficients(q, labels[0], [a1, b1, a2, b2, perimeter])
    length, width = f"({a1}x + {b1})", f"({terms([(a2, 'x')])} - {b2})"
    lead = _lead(q, f"A rectangle has length ${length}$ cm and width ${width}$ cm.\n"
                    f"The perimeter of the rectangle is less than ${perimeter}$ cm.", alone)  # fmt: skip
    a = q.part(labels[0], f"{lead}Write down an inequality in $x$ and solve it.", marks=3,
               command="Work out")  # fmt: skip
    perim = f"2*({a1}*x + {b1}) + 2*({a2}*x - {b2})"
    collected = f"({k}*x, {m})"
    const = 2 * (b1 - b2)
    expanded = terms([(k, "x"), (const, "")]) if const else terms([(k, "x")])
    a.step(f"Perimeter $= 2{length} + 2{width} = {expanded}$", perim)
    a.step(f"${expanded} < {perimeter}$, so ${k}x < {m}$", collected)
    bound_tex, bound_plain = _written(bound)
    a.step(f"$x < {bound_tex}$", f"x < {bound}")
    a.answer(f"x < {bound}", kind="inequality", variable="x", latex=f"x < {bound_tex}",
             plain=f"x < {bound_plain}")  # fmt: skip
    a.mark("M", f"$2{length} + 2{width}$", value=perim, qualifiers=["oe"])
    a.mark("M", f"${k}x < {m}$", value=collected, qualifiers=["oe"], partial=["FT their perimeter"])
    a.mark("A", f"$x < {bound_tex}$", value=f"x < {bound}", qualifiers=["oe"])
    half = Rational(perimeter - (b1 - b2), a1 + a2)
    wrong(a, f"x < {_written(half)[1]}", "used length + width as the perimeter",
          latex=f"x < {_written(half)[0]}", working=[f"({a1}*x + {b1}) + ({a2}*x - {b2})"])  # fmt: skip
    if len(labels) == 1:
        return
    q.given(f"{labels[1]}w", w)
    values = [v for v in range(int(floor(least)), int(ceiling(bound)) + 1) if least < v < bound]
    shown = ", ".join(str(v) for v in values)
    b = q.part(labels[1], f"The width of the rectangle is more than ${w}$ cm and $x$ is an "
               "integer.\nFind all the possible values of $x$.", marks=2, command="Work out")  # fmt: skip
    width_rel = f"{a2}*x - {b2} > {w}"
    b.step(f"${terms([(a2, 'x')])} - {b2} > {w}$, so $x > {_written(least)[0]}$", width_rel)
    b.step(f"${_written(least)[0]} < x < {bound_tex}$, so $x = {shown}$", tuple(values))
    b.answer(tuple(values), kind="set", latex=shown, plain=shown)
    b.mark("M", f"${terms([(a2, 'x')])} - {b2} > {w}$", value=width_rel, qualifiers=["oe"])
    b.mark("A", f"${shown}$", value=tuple(values), qualifiers=["cao"])
    forgot = [v for v in range(1, int(ceiling(bound))) if v < bound]
    if forgot != values:
        text = ", ".join(str(v) for v in forgot)
        wrong(b, text, "used only the perimeter and left out the condition on the width",
              latex=text)  # fmt: skip
    ends = [v for v in range(int(floor(least)), int(floor(bound)) + 1) if least <= v <= bound]
    if ends != values:
        text = ", ".join(str(v) for v in ends)
        wrong(b, text, "included the ends, which the strict inequalities leave out", latex=text,
              working=[width_rel])  # fmt: skip


@register
class InequalitiesInContext(Template):
    key = "algebra.inequalities_in_context"
    title = "Inequalities in context: writing, solving and interpreting"
    codes = {Tier.CORE: ("C2.6",), Tier.EXTENDED: ("E2.6",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Inequalities in context"
        if q.tier == Tier.CORE:
            # Core writes and interprets inequalities from words; it does not solve them
            # algebraically (the budget is worked out by division).
            count_parts = {1: 1, 2: 2, 3: 3, 4: 1, 5: 2}[difficulty]
            labels = list("abcde")
            _count_limits(q, rng, labels[:count_parts], alone=difficulty < 4)
            if difficulty >= 4:
                _budget(q, rng, labels[count_parts : count_parts + 2], decimals=True)
            return
        if difficulty <= 2:
            _budget(q, rng, ["a", "b"], decimals=difficulty == 2, alone=True)
        elif difficulty == 3:
            _rectangle(q, rng, ["a", "b"], alone=True)
        else:
            _budget(q, rng, ["a", "b"], decimals=True)
            _rectangle(q, rng, ["c", "d"] if difficulty == 5 else ["c"])
