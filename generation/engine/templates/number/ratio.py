"""Ratio and proportion: simplifying, sharing in a ratio, recipes, inverse proportion
(syllabus 1.11)."""

from __future__ import annotations

import math
import random

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import money, names
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _ratio_text(parts: tuple[int, ...]) -> tuple[str, str, str]:
    """``(machine, plain, latex)`` of a ratio."""
    return (
        "(" + ", ".join(str(p) for p in parts) + ")",
        " : ".join(str(p) for p in parts),
        " : ".join(str(p) for p in parts),
    )


def _coprime_parts(rng: random.Random, count: int, top: int) -> tuple[int, ...]:
    while True:
        parts = tuple(rng.randint(1, top) for _ in range(count))
        if math.gcd(*parts) == 1 and len(set(parts)) == count:
            return parts


@register
class RatioSharing(Template):
    key = "number.ratio_sharing"
    title = "Simplifying ratios and sharing in a ratio"
    codes = {Tier.CORE: ("C1.11",), Tier.EXTENDED: ("E1.11",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Ratio"
        # (a) simplify a ratio
        simple = _coprime_parts(rng, 2 if difficulty <= 3 else 3, 9)
        factor = rng.randint(2, 12) if difficulty <= 2 else rng.randint(6, 25)
        big = tuple(p * factor for p in simple)
        for i, p in enumerate(big):
            q.given(f"r{i}", p)
        machine, plain, latex = _ratio_text(simple)
        part = q.part(
            "a",
            f"Write ${' : '.join(str(p) for p in big)}$ in its simplest form.",
            marks=1,
            command="Write",
        )
        part.step(f"Divide each number by ${factor}$: ${latex}$", machine)
        part.answer(machine, kind=AnswerKind.RATIO, plain=plain, latex=latex)
        part.mark("B", f"${latex}$", value=machine, qualifiers=["cao"])
        partly = next((d for d in range(2, factor) if factor % d == 0), None)
        if partly is not None:
            _, wp, wl = _ratio_text(tuple(p // partly for p in big))
            wrong(
                part,
                wp,
                f"divided by {partly} only, so the ratio is not in its simplest form",
                latex=wl,
            )

        # (b) sharing
        people = names(rng, 3)
        count = 2 if difficulty == 1 else 3
        ratio = _coprime_parts(rng, count, 7 if difficulty <= 3 else 9)
        unit = rng.randint(4, 30) * (5 if difficulty >= 2 else 1)
        total_value = unit * sum(ratio)
        who = people[:count]
        listed = " and ".join([", ".join(who[:-1]), who[-1]]) if count > 2 else " and ".join(who)
        ratio_latex = " : ".join(str(r) for r in ratio)
        for i, r in enumerate(ratio):
            q.given(f"k{i}", r)
        parts_sum = " + ".join(f"k{i}" for i in range(count))
        target = max(range(count), key=lambda i: ratio[i])

        if difficulty <= 2:
            total = q.given("T", total_value)
            part = q.part(
                "b",
                f"{listed} share {money(total)} in the ratio ${ratio_latex}$.\n\n"
                f"Work out how much {who[target]} receives.",
                marks=2,
                command="Work out",
            )
            part.step(f"One part $= {total} \\div {sum(ratio)} = {unit}$", f"T/({parts_sum})")
            part.step(
                f"{who[target]} receives ${unit} \\times {ratio[target]} = {unit * ratio[target]}$",
                f"T/({parts_sum})*k{target}",
            )
            part.answer(f"T/({parts_sum})*k{target}", unit="$")
            part.mark(
                "M",
                f"${total} \\div ({' + '.join(str(r) for r in ratio)})$ oe",
                value=f"T/({parts_sum})",
            )
            part.mark(
                "A",
                f"${unit * ratio[target]}$",
                value=f"T/({parts_sum})*k{target}",
                qualifiers=["cao"],
            )
            if total_value % ratio[target] == 0:
                misconception(
                    part,
                    Misconception(
                        f"divided the total by {ratio[target]} instead of by {sum(ratio)}",
                        total_value // ratio[target],
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
            other = ratio[(target + 1) % count]
            if count == 2 and total_value * ratio[target] % other == 0:
                misconception(
                    part,
                    Misconception(
                        f"treated the ratio as a fraction {ratio[target]}/{other} of the total",
                        total_value * ratio[target] // other,
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
        elif difficulty == 3:
            known = min(range(count), key=lambda i: ratio[i])
            amount = q.given("K", unit * ratio[known])
            part = q.part(
                "b",
                f"{listed} share some money in the ratio ${ratio_latex}$.\n\n"
                f"{who[known]} receives {money(amount)}.\n\nWork out the total amount of money shared.",
                marks=2,
                command="Work out",
            )
            part.step(f"One part $= {amount} \\div {ratio[known]} = {unit}$", f"K/k{known}")
            part.step(
                f"Total $= {unit} \\times {sum(ratio)} = {total_value}$",
                f"K/k{known}*({parts_sum})",
            )
            part.answer(f"K/k{known}*({parts_sum})", unit="$")
            part.mark("M", f"${amount} \\div {ratio[known]}$ oe", value=f"K/k{known}")
            part.mark(
                "A", f"${total_value}$", value=f"K/k{known}*({parts_sum})", qualifiers=["cao"]
            )
            misconception(
                part,
                Misconception(
                    f"found {who[target]}'s share instead of the total",
                    unit * ratio[target],
                    (f"K/k{known}",),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        else:
            low = min(range(count), key=lambda i: ratio[i])
            gap = ratio[target] - ratio[low]
            difference = q.given("D", unit * gap)
            part = q.part(
                "b",
                f"{listed} share some money in the ratio ${ratio_latex}$.\n\n"
                f"{who[target]} receives {money(difference)} more than {who[low]}.\n\n"
                "Work out the total amount of money shared.",
                marks=3,
                command="Work out",
            )
            part.step(
                f"The difference is ${ratio[target]} - {ratio[low]} = {gap}$ parts",
                f"k{target} - k{low}",
            )
            part.step(f"One part $= {difference} \\div {gap} = {unit}$", f"D/(k{target} - k{low})")
            part.step(
                f"Total $= {unit} \\times {sum(ratio)} = {total_value}$",
                f"D/(k{target} - k{low})*({parts_sum})",
            )
            part.answer(f"D/(k{target} - k{low})*({parts_sum})", unit="$")
            part.mark("M", f"${gap}$ parts $= {difference}$", value=f"k{target} - k{low}")
            part.mark(
                "M",
                f"${difference} \\div {gap}$",
                value=f"D/(k{target} - k{low})",
                qualifiers=["dep"],
            )
            part.mark(
                "A",
                f"${total_value}$",
                value=f"D/(k{target} - k{low})*({parts_sum})",
                qualifiers=["cao"],
            )
            misconception(
                part,
                Misconception(
                    "multiplied the difference by the total number of parts",
                    difference * sum(ratio),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        if difficulty == 5 and q.tier == Tier.EXTENDED:
            self._combine(q, rng)

    def _combine(self, q: QuestionBuilder, rng: random.Random) -> None:
        """a : b and b : c given; find a : b : c."""
        while True:
            a, b1 = _coprime_parts(rng, 2, 7)
            b2, c = _coprime_parts(rng, 2, 7)
            if b1 != b2:
                break
        m = math.lcm(b1, b2)
        unreduced = (a * m // b1, m, c * m // b2)
        g = math.gcd(*unreduced)
        result = tuple(x // g for x in unreduced)
        q.given("p1", a)
        q.given("p2", b1)
        q.given("p3", b2)
        q.given("p4", c)
        machine, plain, latex = _ratio_text(result)
        part = q.part(
            "c",
            f"$x : y = {a} : {b1}$ and $y : z = {b2} : {c}$.\n\nFind $x : y : z$ in its simplest form.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"Make the $y$ parts equal to ${m}$: $x : y = {a * m // b1} : {m}$ and $y : z = {m} : {c * m // b2}$",
            m,
        )
        part.step(f"$x : y : z = {latex}$", machine)
        part.answer(machine, kind=AnswerKind.RATIO, plain=plain, latex=latex)
        part.mark("M", f"$y$ written as ${m}$ parts in both ratios", value=m)
        part.mark("A", f"${latex}$", value=machine, qualifiers=["cao"])
        _, wp, wl = _ratio_text((a, b1, c))
        wrong(part, wp, "joined the ratios without making the y parts equal", latex=wl)


# ---------------------------------------------------------------------------------------------
# Direct and inverse proportion.

# (item, [(ingredient, unit, amount per item)]); the first ingredient is flour, in grams.
_RECIPES = [
    ("biscuits", [("flour", "g", 30), ("butter", "g", 10), ("sugar", "g", 5)]),
    ("pancakes", [("flour", "g", 35), ("milk", "ml", 50), ("sugar", "g", 5)]),
    ("bread rolls", [("flour", "g", 45), ("water", "ml", 30), ("yeast", "g", 2)]),
    ("muffins", [("flour", "g", 40), ("milk", "ml", 20), ("butter", "g", 15)]),
]

_JOBS = [
    ("workers", "build a wall", "days"),
    ("machines", "fill an order of bottles", "hours"),
    ("painters", "paint a school", "days"),
    ("pumps", "empty a swimming pool", "hours"),
]


def _the(task: str) -> str:
    """The task mentioned a second time: build a wall -> build the wall."""
    for article in (" a ", " an "):
        verb, found, rest = task.partition(article)
        if found:
            return f"{verb} the {rest}"
    return task


@register
class Proportion(Template):
    key = "number.proportion"
    title = "Direct and inverse proportion: recipes and work problems"
    codes = {Tier.CORE: ("C1.11",), Tier.EXTENDED: ("E1.11",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Proportion"
        item, ingredients = rng.choice(_RECIPES)
        base = rng.choice([4, 6, 8, 10, 12])
        if difficulty == 1:
            new = base * rng.randint(2, 4)
        else:
            new = rng.choice([n for n in range(base + 2, 4 * base) if n % base])
        name, unit, per_item = rng.choice(ingredients[1:])
        _, _, flour = ingredients[0]
        amount_value = per_item * base
        makes = q.given("n0", base)
        flour_total = q.given("fl", flour * base)
        amount = q.given("f0", amount_value)
        wanted = q.given("n1", new)
        q.stem = f"A recipe for ${makes}$ {item} uses ${flour_total}$ g of flour and ${amount}$ {unit} of {name}."
        part = q.part(
            "a",
            f"Work out the amount of {name} needed for ${wanted}$ {item}.",
            marks=2,
            command="Work out",
        )
        part.step(f"For one of the {item}: ${amount} \\div {makes} = {per_item}$ {unit}", "f0/n0")
        part.step(
            f"For ${wanted}$: ${per_item} \\times {wanted} = {per_item * new}$ {unit}", "f0/n0*n1"
        )
        part.answer("f0/n0*n1", unit=unit)
        part.mark(
            "M",
            f"${amount} \\div {makes} \\times {wanted}$ oe",
            value="f0/n0",
            partial=[f"or M1 for a scale factor of {new}/{base}"],
        )
        part.mark("A", f"${per_item * new}$", value="f0/n0*n1", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"added {new - base} instead of scaling",
                amount_value + (new - base),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
        labels = iter("bcd")

        if difficulty >= 3:
            stock_kg = rng.choice([k for k in (1, 1.5, 2, 2.5, 3, 4) if (k * 1000) % flour])
            stock_value = int(stock_kg * 1000)
            q.given("S", stock_kg, display=number(stock_kg))
            per_item = flour
            most = stock_value // per_item
            part = q.part(
                next(labels),
                f"Sam has ${number(stock_kg)}$ kg of flour and plenty of the other ingredients.\n\n"
                f"Work out the largest number of {item} Sam can make.",
                marks=2,
                command="Work out",
            )
            left = stock_value - most * per_item
            part.step(f"${number(stock_kg)}$ kg $= {stock_value}$ g", "S*1000")
            part.step(
                f"Each of the {item} needs ${flour_total} \\div {base} = {flour}$ g of flour",
                "fl/n0",
            )
            part.step(
                f"${stock_value} \\div {flour} = {most}$ remainder ${left}$", "S*1000/(fl/n0)"
            )
            part.step(f"Sam can make ${most}$ {item}", "floor(S*1000/(fl/n0))")
            part.answer("floor(S*1000/(fl/n0))")
            part.mark("M", f"${stock_value} \\div {flour}$ oe", value="S*1000/(fl/n0)")
            part.mark("A", f"${most}$", value="floor(S*1000/(fl/n0))", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    "rounded up instead of down",
                    most + 1,
                    ("S*1000/(fl/n0)",),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )

        if difficulty >= 2:
            what, task, time_unit = rng.choice(_JOBS)
            while True:
                k, t = rng.randint(3, 12), rng.randint(4, 30)
                work = k * t
                options = [m for m in range(2, 25) if m not in (k, t) and work % m == 0]
                if options:
                    break
            m = rng.choice(options)
            gk = q.given("w0", k)
            gt = q.given("t0", t)
            gm = q.given("w1", m)
            part = q.part(
                next(labels),
                f"${gk}$ {what} take ${gt}$ {time_unit} to {task}.\n\n"
                f"Work out how many {time_unit} ${gm}$ {what} would take to {_the(task)}, working at the same rate.",
                marks=2,
                command="Work out",
            )
            part.step(f"Total work $= {k} \\times {t} = {work}$ {what[:-1]}-{time_unit}", "w0*t0")
            part.step(f"${work} \\div {m} = {work // m}$ {time_unit}", "w0*t0/w1")
            part.answer("w0*t0/w1", unit=time_unit)
            part.mark("M", f"${k} \\times {t} \\div {m}$ oe", value="w0*t0")
            part.mark("A", f"${work // m}$", value="w0*t0/w1", qualifiers=["cao"])
            if (t * m) % k == 0 and t * m // k != work:
                misconception(
                    part,
                    Misconception(
                        "used direct proportion: more " + what + " taking longer",
                        t * m // k,
                        accuracy=Accuracy.EXACT,
                        fractions=False,
                    ),
                )
            if difficulty == 5:
                self._join_later(q, rng, next(labels), what, task, time_unit, k, t)

    def _join_later(
        self,
        q: QuestionBuilder,
        rng: random.Random,
        label: str,
        what: str,
        task: str,
        time_unit: str,
        k: int,
        t: int,
    ) -> None:
        work = k * t
        for _ in range(50):
            done = rng.randint(1, t - 2)
            extra = rng.randint(1, 6)
            remaining = work - k * done
            if remaining % (k + extra) == 0:
                break
        else:
            raise Reject("no whole-number finish")
        gd = q.given("d1", done)
        ge = q.given("e1", extra)
        rest = remaining // (k + extra)
        part = q.part(
            label,
            f"The ${k}$ {what} start the job. After ${gd}$ {time_unit}, ${ge}$ more {what} join them.\n\n"
            f"Work out the total number of {time_unit} taken to {_the(task)}.",
            marks=3,
            command="Work out",
        )
        part.step(f"Work left $= {work} - {k} \\times {done} = {remaining}$", "w0*t0 - w0*d1")
        part.step(
            f"${remaining} \\div {k + extra} = {rest}$ {time_unit}", "(w0*t0 - w0*d1)/(w0 + e1)"
        )
        part.step(
            f"Total $= {done} + {rest} = {done + rest}$ {time_unit}",
            "d1 + (w0*t0 - w0*d1)/(w0 + e1)",
        )
        part.answer("d1 + (w0*t0 - w0*d1)/(w0 + e1)", unit=time_unit)
        part.mark("M", f"${work} - {k} \\times {done}$ oe", value="w0*t0 - w0*d1")
        part.mark(
            "M",
            f"${remaining} \\div {k + extra}$",
            value="(w0*t0 - w0*d1)/(w0 + e1)",
            qualifiers=["dep"],
        )
        part.mark(
            "A", f"${done + rest}$", value="d1 + (w0*t0 - w0*d1)/(w0 + e1)", qualifiers=["cao"]
        )
        misconception(
            part,
            Misconception(
                f"forgot to add on the first {done} {time_unit}",
                rest,
                ("w0*t0 - w0*d1", "(w0*t0 - w0*d1)/(w0 + e1)"),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
