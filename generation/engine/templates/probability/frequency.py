"""Relative and expected frequency (8.2): a biased spinner and results of an experiment."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.authoring import text, wrong
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import display, number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

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
        part.mark("A", f"${number(x)}$", value=x_expr, qualifiers=["oe"])
        if unknown == 1:
            wrong(part, number(s), "added the given probabilities but did not subtract from 1")
        else:
            wrong(
                part,
                number(share),
                f"found 1 − {number(s)} but did not divide by {1 + m}",
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
            mistake = (
                number(probs[i] * probs[j]),
                "multiplied the probabilities instead of adding",
            )
        else:
            i = 0
            value = 1 - probs[i]
            expr = f"1 - {exprs[i]}"
            words = f"any colour except {colours[i]}"
            step = f"$1 - {number(probs[i])} = {number(value)}$"
            mistake = (number(probs[i]), f"gave the probability of landing on {colours[i]}")
        part = q.part(
            "b",
            f"The spinner is spun once. Work out the probability that it lands on {words}.",
            marks=1,
            command="Work out",
        )
        part.step(step, expr)
        part.answer(expr)
        part.mark("B", f"${number(value)}$", value=expr, qualifiers=["oe"])
        wrong(part, mistake[0], mistake[1])

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
        part.mark("A", f"${number(spins * p)}$", value=e_expr, qualifiers=["oe"])
        fair = Rational(spins, k)
        if fair != spins * p:
            wrong(part, number(fair), f"assumed the spinner is fair (divided by {k})")

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
            wrong(part, number(count * p0), "multiplied by the probability instead of dividing")


def horizontal_cells(colours: list[str], cells: list[str]) -> str:
    return text.table(
        [
            [text.words("Colour"), *(text.words(c) for c in colours)],
            [text.words("Probability"), *cells],
        ]
    )


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
            f"${text.table([[text.words(heading), *outcomes], [text.words('Frequency'), *cells]])}$"
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
        wrong(part, str(fair), f"gave the probability for a fair {thing}", latex=text.frac(fair))

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
        part.mark("A", f"${number(more * rf)}$", value=e_expr, qualifiers=["oe"])
        naive = Rational(more, k)
        if naive != more * rf:
            shown = display(naive, Accuracy.SF3)
            wrong(part, shown[0], f"used the probability for a fair {thing}, 1/{k}", latex=shown[1])

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
