"""Single events (8.1) and relative and expected frequency (8.2)."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import display, number
from generation.engine.templates.statistics._tables import frac_latex, fraction, table, text
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

_BAGS = [
    ("A bag contains", "counter", "counters", ["red", "blue", "green", "yellow", "white"]),
    ("A box contains", "sweet", "sweets", ["strawberry", "lemon", "orange", "lime", "cherry"]),
    ("A drawer contains", "sock", "socks", ["black", "white", "grey", "blue", "brown"]),
    ("A jar contains", "marble", "marbles", ["red", "green", "blue", "purple", "orange"]),
]
_ABSENT = {"counter": "purple", "sweet": "mint", "sock": "pink", "marble": "yellow"}


def _listing(counts: list[int], names: list[str], plural: str) -> str:
    pieces = [f"${c}$ {n}" for c, n in zip(counts, names, strict=True)]
    return ", ".join(pieces[:-1]) + f" and {pieces[-1]} {plural}"


@register
class SingleEvent(Template):
    key = "probability.single_event"
    title = "Probability of a single event: items taken at random"
    codes = {Tier.CORE: ("C8.1",), Tier.EXTENDED: ("E8.1",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        opener, item, items, colours = rng.choice(_BAGS)
        k = 3 if difficulty <= 2 else 4
        names = rng.sample(colours, k)
        q.param("context", item)
        top = {1: 9, 2: 12, 3: 12, 4: 10, 5: 10}[difficulty]
        counts = [rng.randint(2, top) for _ in names]
        if len(set(counts)) < 2:
            raise Reject("all counts equal")
        for i, c in enumerate(counts, start=1):
            q.given(f"c{i}", c)
        total = "(" + " + ".join(f"c{i}" for i in range(1, k + 1)) + ")"
        n = sum(counts)
        q.title = "Probability: taking one at random"
        q.stem = f"{opener} {_listing(counts, names, items)} only."

        # (a) P(first colour)
        p = Rational(counts[0], n)
        part = q.part(
            "a",
            f"One {item} is taken at random. Write down the probability that it is {names[0]}.",
            marks=1,
            command="Write down",
        )
        part.step(f"There are ${n}$ {items} and ${counts[0]}$ are {names[0]}.", n)
        plain, latex = fraction(p)
        part.step(
            f"$\\mathrm{{P}}(\\text{{{names[0]}}}) = \\frac{{{counts[0]}}}{{{n}}}$", f"c1/{total}"
        )
        part.answer(f"c1/{total}", plain=plain, latex=latex)
        part.mark("B", f"$\\frac{{{counts[0]}}}{{{n}}}$", value=f"c1/{total}", qualifiers=["oe"])
        odds = Rational(counts[0], n - counts[0])
        part.wrong(
            str(odds),
            f"compared the {names[0]} {items} with the others instead of with the total",
            0,
            latex=frac_latex(odds),
        )

        # (b) P(not second colour)
        part = q.part(
            "b",
            f"One {item} is taken at random. Work out the probability that it is not {names[1]}.",
            marks=1,
            command="Work out",
        )
        p_not = f"1 - c2/{total}"
        part.step(
            f"$\\mathrm{{P}}(\\text{{not {names[1]}}}) = 1 - \\frac{{{counts[1]}}}{{{n}}} = "
            f"{frac_latex(1 - Rational(counts[1], n))}$",
            p_not,
        )
        plain, latex = fraction(1 - Rational(counts[1], n))
        part.answer(p_not, plain=plain, latex=latex)
        part.mark("B", f"${latex}$", value=p_not, qualifiers=["oe"])
        plain_w, latex_w = fraction(Rational(counts[1], n))
        part.wrong(plain_w, f"gave the probability that it is {names[1]}", 0, latex=latex_w)

        if difficulty == 1:
            absent = _ABSENT[item]
            part = q.part(
                "c",
                f"One {item} is taken at random. Write down the probability that it is {absent}.",
                marks=1,
                command="Write down",
            )
            part.step(f"There are no {absent} {items}, so this is impossible: probability $0$.", 0)
            part.answer(0)
            part.mark("B", "$0$", value=0)
            return

        # (c) P(first or third colour): mutually exclusive outcomes add
        either = f"(c1 + c3)/{total}"
        value = Rational(counts[0] + counts[2], n)
        part = q.part(
            "c",
            f"One {item} is taken at random. Work out the probability that it is {names[0]} or "
            f"{names[2]}.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"$\\frac{{{counts[0]}}}{{{n}}} + \\frac{{{counts[2]}}}{{{n}}} = "
            f"\\frac{{{counts[0] + counts[2]}}}{{{n}}}"
            + ("" if value.q == n else f" = {frac_latex(value)}")
            + "$",
            either,
        )
        plain, latex = fraction(value)
        part.answer(either, plain=plain, latex=latex)
        part.mark("B", f"${latex}$", value=either, qualifiers=["oe"])
        product = Rational(counts[0] * counts[2], n * n)
        part.wrong(
            str(product),
            "multiplied the two probabilities instead of adding them",
            0,
            latex=frac_latex(product),
        )

        if difficulty == 3:
            self._red_from_blue(q, rng)
        elif difficulty == 4:
            self._added(q, rng, counts, names, item, items, total)
        elif difficulty == 5:
            self._unknown_total(q, rng, item, items)

    @staticmethod
    def _red_from_blue(q: QuestionBuilder, rng: random.Random) -> None:
        """Another bag: P(red) is given and the number of blue counters; how many red?"""
        a, b = rng.choice([(3, 8), (2, 5), (3, 5), (1, 4), (3, 7), (2, 7), (5, 8), (4, 9)])
        m = rng.randint(2, 6)
        blue = (b - a) * m
        pr = q.given("pr", Rational(a, b), display=f"\\frac{{{a}}}{{{b}}}")
        nb = q.given("nb", blue)
        assert pr == Rational(a, b) and nb == blue
        part = q.part(
            "d",
            "Another bag contains only red and blue counters. The probability of taking a red "
            f"counter from this bag is $\\frac{{{a}}}{{{b}}}$. There are ${blue}$ blue counters in "
            "this bag. Work out the number of red counters in this bag.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$\\mathrm{{P}}(\\text{{blue}}) = 1 - \\frac{{{a}}}{{{b}}} = \\frac{{{b - a}}}{{{b}}}$",
            "1 - pr",
        )
        part.step(
            f"Total $= {blue} \\div \\frac{{{b - a}}}{{{b}}} = {b * m}$ counters", "nb/(1 - pr)"
        )
        part.step(f"Red $= {b * m} - {blue} = {a * m}$", "nb/(1 - pr) - nb")
        part.answer("nb/(1 - pr) - nb")
        part.mark(
            "M",
            f"${blue} \\div \\frac{{{b - a}}}{{{b}}}$ or total $= {b * m}$",
            value="nb/(1 - pr)",
            qualifiers=["oe"],
            partial=[f"M1 for red : blue $= {a} : {b - a}$"],
        )
        part.mark("A", f"${a * m}$", value="nb/(1 - pr) - nb", qualifiers=["cao"])
        part.wrong(
            str(b * m),
            "gave the total number of counters, not the number of red",
            1,
            working=["nb/(1 - pr)"],
        )
        wrong = Rational(a * blue, b)
        part.wrong(
            number(wrong),
            "multiplied the number of blue counters by the probability of red",
            0,
            latex=number(wrong),
        )

    @staticmethod
    def _added(
        q: QuestionBuilder,
        rng: random.Random,
        counts: list[int],
        names: list[str],
        item: str,
        items: str,
        total: str,
    ) -> None:
        """Some of the last colour are added; the new probability is given; how many?"""
        last = len(counts)
        g, n = counts[-1], sum(counts)
        options = []
        for a, b in [(1, 2), (1, 3), (2, 3), (2, 5), (3, 5), (1, 4), (3, 4), (3, 7), (4, 7)]:
            for x in range(2, 16):
                if Rational(g + x, n + x) == Rational(a, b) and Rational(g, n) != Rational(a, b):
                    options.append((a, b, x))
        if not options:
            raise Reject("no nice new probability")
        a, b, x = rng.choice(options)
        p = q.given("p", Rational(a, b), display=f"\\frac{{{a}}}{{{b}}}")
        assert p == Rational(a, b)
        q.param("added", x)
        g_name = f"c{last}"
        colour = names[-1]
        part = q.part(
            "d",
            f"Some more {colour} {items} are added to the {_container(item)}. The probability of "
            f"taking {_a(colour)} {colour} {item} is now $\\frac{{{a}}}{{{b}}}$. Work out how many {colour} "
            f"{items} were added.",
            marks=3,
            command="Work out",
        )
        eq1 = f"Eq(({g_name} + x)/({total} + x), p)"
        eq2 = f"Eq({b}*({g_name} + x), {a}*({total} + x))"
        answer = f"({a}*{total} - {b}*{g_name})/{b - a}"
        rhs = f"{n} + x" if a == 1 else f"{a}({n} + x)"
        part.step(
            f"Let $x$ be the number added: $\\frac{{{g} + x}}{{{n} + x}} = \\frac{{{a}}}{{{b}}}$",
            eq1,
        )
        part.step(f"${b}({g} + x) = {rhs}$", eq2)
        part.step(
            f"${b * g} + {b}x = {a * n} + {_times(a, 'x')}$, so "
            f"${_times(b - a, 'x')} = {a * n - b * g}$"
        )
        part.step(f"$x = {x}$", answer)
        part.answer(answer, variable="x", satisfies=eq1)
        part.mark(
            "M",
            f"$\\frac{{{g} + x}}{{{n} + x}} = \\frac{{{a}}}{{{b}}}$",
            value=eq1,
            qualifiers=["oe"],
        )
        part.mark(
            "M",
            f"${b}({g} + x) = {rhs}$",
            value=eq2,
            qualifiers=["oe"],
            partial=["for removing the fractions correctly"],
        )
        part.mark("A", f"${x}$", value=answer, qualifiers=["cao"])
        naive = Rational(a * n, b) - g
        if naive != x:
            part.wrong(
                number(naive) if naive.q in (1, 2, 4, 5) else str(naive),
                "forgot that the total number of items also increases",
                0,
                latex=number(naive) if naive.q in (1, 2, 4, 5) else frac_latex(naive),
            )

    @staticmethod
    def _unknown_total(q: QuestionBuilder, rng: random.Random, item: str, items: str) -> None:
        """Only two colours; P(red) given; k red added and P(red) given again: the total?"""
        box = _container(item)
        options = []
        for a, b in [(1, 3), (1, 4), (2, 5), (3, 8), (1, 5), (3, 10), (2, 7), (1, 6)]:
            for m in range(2, 7):
                n = b * m
                for k in range(2, 13):
                    new = Rational(a * m + k, n + k)
                    if new.q <= 10 and new != Rational(a, b):
                        options.append((a, b, n, k, new))
        a, b, n, k, new = rng.choice(options)
        q.param("start_total", n)
        p1 = q.given("p1", Rational(a, b), display=f"\\frac{{{a}}}{{{b}}}")
        kk = q.given("k", k)
        p2 = q.given("p2", new, display=frac_latex(new))
        assert (p1, kk, p2) == (Rational(a, b), k, new)
        part = q.part(
            "d",
            f"A second {box} contains only red {items} and blue {items}. The probability of "
            f"taking a red {item} from it is $\\frac{{{a}}}{{{b}}}$. Then ${k}$ more red {items} "
            f"are added to it, and the probability of taking a red {item} becomes "
            f"${frac_latex(new)}$. Work out how many {items} were in the second {box} at the "
            "start.",
            marks=4,
            command="Work out",
        )
        eq1 = "Eq((p1*n + k)/(n + k), p2)"
        eq2 = f"Eq({new.q}*(p1*n + k), {new.p}*(n + k))"
        answer = "k*(p2 - 1)/(p1 - p2)"
        part.step(f"With $n$ {items} at the start there are $\\frac{{{a}}}{{{b}}}n$ red.", "p1*n")
        part.step(f"$\\frac{{\\frac{{{a}}}{{{b}}}n + {k}}}{{n + {k}}} = {frac_latex(new)}$", eq1)
        rhs = f"n + {k}" if new.p == 1 else f"{new.p}(n + {k})"
        part.step(f"${new.q}(\\frac{{{a}}}{{{b}}}n + {k}) = {rhs}$", eq2)
        part.step(f"$n = {n}$", answer)
        part.answer(answer, variable="n", satisfies=eq1)
        part.mark("M", f"$\\frac{{{a}}}{{{b}}}n$ red {items}", value="p1*n", qualifiers=["oe"])
        part.mark(
            "M",
            f"$\\frac{{\\frac{{{a}}}{{{b}}}n + {k}}}{{n + {k}}} = {frac_latex(new)}$",
            value=eq1,
            qualifiers=["oe"],
        )
        part.mark(
            "M",
            f"${new.q}(\\frac{{{a}}}{{{b}}}n + {k}) = {rhs}$",
            value=eq2,
            qualifiers=["oe"],
            partial=["for a correct equation without fractions"],
        )
        part.mark("A", f"${n}$", value=answer, qualifiers=["cao"])
        part.wrong(
            str(n + k),
            f"gave the number of {items} after the red ones were added",
            3,
            working=["p1*n", eq1, eq2],
        )


def _a(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _times(c: int, var: str) -> str:
    return var if c == 1 else f"{c}{var}"


def _container(item: str) -> str:
    return {"counter": "bag", "sweet": "box", "sock": "drawer", "marble": "jar"}[item]


# ---------------------------------------------------------------------------------------------
# A biased spinner: missing probability and expected frequency


_SPINNER_COLOURS = ["red", "blue", "green", "yellow", "white"]


@register
class BiasedSpinner(Template):
    key = "probability.biased_spinner"
    title = "A biased spinner: missing probability and expected frequency"
    codes = {Tier.CORE: ("C8.1", "C8.2"), Tier.EXTENDED: ("E8.1", "E8.2")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        k = 4 if difficulty in (1, 3) else 5
        colours = _SPINNER_COLOURS[:k]
        # Unknowns: the last one (d1-2); the last two equal (d3); last = m * second last (d4-5).
        m = 1 if difficulty <= 3 else rng.choice([2, 3])
        unknown = 1 if difficulty <= 2 else 2
        x = Rational(rng.randint(1, 5 if m == 1 else 3), 20)
        if difficulty <= 2:
            x = Rational(rng.randint(1, 7), 20)
        share = x * (1 if unknown == 1 else 1 + m)
        rest = 1 - share
        known_count = k - unknown
        # Known probabilities: multiples of 0.05 adding to the rest, all different and positive.
        units = int(rest * 20)
        if units < known_count:
            raise Reject("not enough probability left")
        # Split the rest into different multiples of 0.05 (a few tries inside one draw).
        for _ in range(30):
            cuts = sorted(rng.sample(range(1, units), known_count - 1)) if known_count > 1 else []
            parts = [b - a for a, b in zip([0, *cuts], [*cuts, units], strict=True)]
            if difficulty == 1 or len(set(parts)) == len(parts):
                break
        else:
            raise Reject("repeated probabilities")
        known = [Rational(u, 20) for u in parts]
        for i, p in enumerate(known, start=1):
            q.given(f"p{i}", p)
        names = [f"p{i}" for i in range(1, known_count + 1)]
        s_expr = "(" + " + ".join(names) + ")"
        s = sum(known)
        cells = [number(p) for p in known]
        if unknown == 1:
            cells.append("x")
            x_expr = f"1 - {s_expr}"
        elif m == 1:
            cells += ["x", "x"]
            x_expr = f"(1 - {s_expr})/2"
        else:
            q.given("m", m)
            cells += ["x", f"{m}x"]
            x_expr = f"(1 - {s_expr})/(1 + m)"
        q.title = "A biased spinner"
        q.stem = (
            f"A spinner has {k} coloured sections. The spinner is biased. The table shows the "
            f"probability of the spinner landing on each colour. "
            f"${horizontal_cells(colours, cells)}$"
        )

        # (a) x
        part = q.part("a", "Work out the value of $x$.", marks=2, command="Work out")
        shown_s = " + ".join(number(p) for p in known)
        part.step(f"The probabilities add up to $1$: ${shown_s} = {number(s)}$", s_expr)
        if unknown == 1:
            part.step(f"$x = 1 - {number(s)} = {number(x)}$", x_expr)
            method = f"$1 - ({shown_s})$"
            method_value = x_expr
        else:
            lhs = "2x" if m == 1 else f"{1 + m}x"
            part.step(f"${lhs} = 1 - {number(s)} = {number(share)}$", f"1 - {s_expr}")
            part.step(f"$x = {number(share)} \\div {1 + m} = {number(x)}$", x_expr)
            method = f"${lhs} = 1 - ({shown_s})$"
            method_value = f"1 - {s_expr}"
        part.answer(x_expr)
        part.mark("M", method, value=method_value, qualifiers=["oe"])
        part.mark("A", f"${number(x)}$", value=x_expr, qualifiers=["cao"])
        if unknown == 1:
            part.wrong(number(s), "added the given probabilities but did not subtract from 1", 0)
        else:
            part.wrong(
                number(share),
                f"found 1 − {number(s)} but did not divide by {1 + m}",
                1,
                working=[f"1 - {s_expr}"],
            )

        probs = [*known, *([x] if unknown == 1 else [x, m * x])]
        x_expr = f"({x_expr})"
        exprs = [
            *names,
            *([x_expr] if unknown == 1 else [x_expr, f"m*{x_expr}" if m > 1 else x_expr]),
        ]

        # (b) a combined single-spin probability
        if difficulty <= 3:
            i, j = 0, 1
            value = probs[i] + probs[j]
            expr = f"{exprs[i]} + {exprs[j]}"
            words = f"{colours[i]} or {colours[j]}"
            step = f"${number(probs[i])} + {number(probs[j])} = {number(value)}$"
            wrong = (number(probs[i] * probs[j]), "multiplied the probabilities instead of adding")
        else:
            i = 0
            value = 1 - probs[i]
            expr = f"1 - {exprs[i]}"
            words = f"any colour except {colours[i]}"
            step = f"$1 - {number(probs[i])} = {number(value)}$"
            wrong = (number(probs[i]), f"gave the probability of landing on {colours[i]}")
        part = q.part(
            "b",
            f"The spinner is spun once. Work out the probability that it lands on {words}.",
            marks=1,
            command="Work out",
        )
        part.step(step, expr)
        part.answer(expr)
        part.mark("B", f"${number(value)}$", value=expr, qualifiers=["oe"])
        part.wrong(wrong[0], wrong[1], 0)

        # (c) expected frequency for the colour(s) found in (a)
        target = k - 1
        p = probs[target]
        spins = rng.choice([100, 200, 300, 400, 500, 600, 800, 1000])
        if (spins * p).q != 1:
            raise Reject("expected frequency not whole")
        q.given("n", spins)
        part = q.part(
            "c",
            f"The spinner is spun ${number(spins)}$ times. Work out the expected number of times "
            f"it lands on {colours[target]}.",
            marks=2,
            command="Work out",
        )
        e_expr = f"n*{exprs[target]}"
        part.step(
            f"Expected number $= {number(spins)} \\times {number(p)} = {number(spins * p)}$", e_expr
        )
        part.answer(e_expr)
        part.mark("M", f"${number(spins)} \\times {number(p)}$", value=e_expr, qualifiers=["oe"])
        part.mark("A", f"${number(spins * p)}$", value=e_expr, qualifiers=["cao"])
        fair = Rational(spins, k)
        if fair != spins * p:
            part.wrong(number(fair), f"assumed the spinner is fair (divided by {k})", 0)

        if difficulty == 5:
            # (d) the reverse: from a count of reds to the number of spins
            p0 = probs[0]
            options = [t for t in range(20, 400) if (t / p0).q == 1 and t % p0.p == 0]
            options = [t for t in options if 100 <= t / p0 <= 2000 and (t / p0) % 50 == 0]
            if not options:
                raise Reject("no whole number of spins")
            count = rng.choice(options)
            q.given("r", count)
            total = count / p0
            part = q.part(
                "d",
                f"On another day the spinner lands on {colours[0]} ${count}$ times. Work out an "
                "estimate of the number of times the spinner was spun.",
                marks=2,
                command="Work out",
            )
            part.step(f"${count} \\div {number(p0)} = {number(total)}$", "r/p1")
            part.answer("r/p1")
            part.mark("M", f"${count} \\div {number(p0)}$", value="r/p1", qualifiers=["oe"])
            part.mark("A", f"${number(total)}$", value="r/p1", qualifiers=["cao"])
            part.wrong(number(count * p0), "multiplied by the probability instead of dividing", 0)


def horizontal_cells(colours: list[str], cells: list[str]) -> str:
    return table([[text("Colour"), *(text(c) for c in colours)], [text("Probability"), *cells]])


# ---------------------------------------------------------------------------------------------
# Relative frequency from an experiment


_EXPERIMENTS = [
    ("rolls a biased dice", "dice", "Score", ["1", "2", "3", "4", "5", "6"], "lands on", 6),
    (
        "spins a biased five-sided spinner",
        "spinner",
        "Number",
        ["1", "2", "3", "4", "5"],
        "lands on",
        5,
    ),
]
_NAMES = ["Priya", "Tomás", "Aisha", "Ravi", "Mei", "Kofi", "Elena", "Sami"]


@register
class RelativeFrequency(Template):
    key = "probability.relative_frequency"
    title = "Relative frequency and expected results from an experiment"
    codes = {Tier.CORE: ("C8.2",), Tier.EXTENDED: ("E8.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        action, thing, heading, outcomes, verb, k = rng.choice(_EXPERIMENTS)
        person, other = rng.sample(_NAMES, 2)
        trials = rng.choice(
            {1: [50, 100], 2: [100, 200], 3: [200, 250], 4: [250, 400], 5: [400, 500]}[difficulty]
        )
        # One outcome is clearly favoured (relative frequency at least 0.3).
        favoured = rng.randrange(k)
        big = rng.randint(int(trials * 0.3), int(trials * 0.4))
        rest = trials - big
        base = rest // (k - 1)
        small = [base + rng.randint(-base // 3, base // 3) for _ in range(k - 2)]
        small.append(rest - sum(small))
        if max(small) >= big * 0.8 or min(small) < 2:
            raise Reject("the bias is not clear")
        freqs = small[:favoured] + [big] + small[favoured:]
        missing = rng.choice([i for i in range(k) if i != favoured])
        for i, f in enumerate(freqs):
            if i != missing:
                q.given(f"f{i + 1}", f)
        q.given("N", trials)
        known = [f"f{i + 1}" for i in range(k) if i != missing]
        missing_expr = f"N - ({' + '.join(known)})"
        exprs = [f"f{i + 1}" if i != missing else f"({missing_expr})" for i in range(k)]
        q.param("favoured", favoured)
        cells = [number(f) if i != missing else "" for i, f in enumerate(freqs)]
        q.title = "Relative frequency"
        sides = " The sections of the spinner are numbered 1 to 5." if thing == "spinner" else ""
        q.stem = (
            f"{person} {action} ${number(trials)}$ times.{sides} The table shows the results. "
            f"${table([[text(heading), *outcomes], [text('Frequency'), *cells]])}$"
        )

        part = q.part(
            "a",
            f"Work out the frequency of {outcomes[missing]}, which is missing from the table.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"${number(trials)} - ({' + '.join(number(freqs[i]) for i in range(k) if i != missing)}) "
            f"= {freqs[missing]}$",
            missing_expr,
        )
        part.answer(missing_expr)
        part.mark("B", f"${freqs[missing]}$", value=missing_expr)

        target = favoured
        rf = Rational(freqs[target], trials)
        part = q.part(
            "b",
            f"Write down the relative frequency of the {thing} landing on {outcomes[target]}.",
            marks=1,
            command="Write down",
        )
        part.step(f"$\\frac{{{freqs[target]}}}{{{trials}}} = {number(rf)}$", f"{exprs[target]}/N")
        part.answer(f"{exprs[target]}/N")
        part.mark(
            "B",
            f"$\\frac{{{freqs[target]}}}{{{trials}}}$ or ${number(rf)}$",
            value=f"{exprs[target]}/N",
            qualifiers=["oe"],
        )
        fair = Rational(1, k)
        part.wrong(str(fair), f"gave the probability for a fair {thing}", 0, latex=frac_latex(fair))

        options = [mm for mm in range(100, 3001, 50) if (mm * rf).q == 1 and mm != trials]
        more = rng.choice(options[:12])
        q.given("M", more)
        part = q.part(
            "c",
            f"{person} {action.replace('a biased', 'the same')} another ${number(more)}$ times. "
            f"Use your answer to part (b) to estimate the number of times it {verb} "
            f"{outcomes[target]}.",
            marks=2,
            command="Work out",
        )
        e_expr = f"M*{exprs[target]}/N"
        part.step(f"${number(more)} \\times {number(rf)} = {number(more * rf)}$", e_expr)
        part.answer(e_expr)
        part.mark("M", f"${number(more)} \\times {number(rf)}$", value=e_expr, qualifiers=["oe"])
        part.mark("A", f"${number(more * rf)}$", value=e_expr, qualifiers=["cao"])
        naive = Rational(more, k)
        if naive != more * rf:
            shown = display(naive, Accuracy.SF3)
            part.wrong(
                shown[0], f"used the probability for a fair {thing}, 1/{k}", 0, latex=shown[1]
            )

        if difficulty >= 3:
            part = q.part(
                "d",
                f"Explain whether {person}'s results suggest that the {thing} is biased.",
                marks=1,
                command="Explain",
            )
            part.step(
                f"For a fair {thing} each relative frequency would be close to "
                f"$\\frac{{1}}{{{k}}} \\approx {number(sympy.Rational(round(1000 / k), 1000))}$, "
                f"but {outcomes[target]} has relative frequency ${number(rf)}$, much higher."
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"Yes, it is biased: the relative frequency of {outcomes[target]} "
                f"({number(rf)}) is much more than 1/{k}",
                latex=f"\\text{{Biased: }} {number(rf)} \\text{{ is much more than }} "
                f"\\frac{{1}}{{{k}}}",
            )
            part.mark(
                "B",
                f"Biased, with a reason, e.g. ${number(rf)}$ is much more than $\\frac{{1}}{{{k}}}$",
                1,
            )
        if difficulty >= 4:
            few = rng.choice([20, 30, 40])
            q.given("T2", few)
            part = q.part(
                "e",
                f"{other} {action.replace('a biased', 'the same')} only ${few}$ times. Explain why "
                f"{person}'s results give a better estimate of the probability than {other}'s.",
                marks=1,
                command="Explain",
            )
            part.step(
                f"{person} did ${number(trials)}$ trials and {other} only ${few}$; more trials "
                "give a more reliable relative frequency."
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"{person} did more trials ({trials} compared with {few})",
                latex=f"\\text{{More trials: }} {number(trials)} > {few}",
            )
            part.mark("B", f"{person} did more trials", 1)
