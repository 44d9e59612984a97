"""Venn diagrams and two-way tables (8.3), with conditional probability (E8.4)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Working, answer, text, wrong
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

_GROUPS = [
    ("students in a class", "students", "student", "study French", "study Spanish", "F", "S"),
    ("members of a sports club", "members", "member", "play tennis", "swim", "T", "S"),
    ("people at a party", "people", "person", "drink tea", "drink coffee", "T", "C"),
]


@register
class VennTwoWay(Template):
    key = "probability.venn_two_way"
    title = "Probability from Venn diagrams and two-way tables (including conditional)"
    codes = {Tier.CORE: ("C8.3",), Tier.EXTENDED: ("E8.3", "E8.4")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty in (1, 2, 4):
            self._venn(q, rng, difficulty)
        else:
            self._two_way(q, rng, difficulty)

    def _venn(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        group, people, person, does_a, does_b, la, lb = rng.choice(_GROUPS)
        both, only_a, only_b, neither = rng.sample(range(2, 16), 4)
        na, nb, total = only_a + both, only_b + both, only_a + only_b + both + neither
        q.given("N", total)
        q.given("A", na)
        q.given("B", nb)
        q.param("group", la + lb)
        q.title = "Probability: Venn diagram"
        if difficulty == 4:
            # The harder way round: the number doing neither is given, the overlap is found.
            q.given("NE", neither)
            ab = "(A + B - (N - NE))"
            q.stem = (
                f"There are ${total}$ {group}. ${na}$ {people} {does_a}, ${nb}$ {people} "
                f"{does_b} and ${neither}$ {people} do neither."
            )
            part = q.part(
                "a", f"Work out the number of {people} who do both.", marks=2, command="Work out"
            )
            part.step(
                f"{people.capitalize()} doing at least one: ${total} - {neither} = "
                f"{total - neither}$",
                "N - NE",
            )
            part.step(f"Both: ${na} + {nb} - {total - neither} = {both}$", ab)
            part.answer(ab)
            part.mark("M", f"${total} - {neither}$", value="N - NE", qualifiers=["oe"])
            part.mark("A", f"${both}$", value=ab, qualifiers=["cao"])
            wrong(
                part,
                str(total - neither),
                "gave the number who do at least one",
                working=["N - NE"],
            )
        else:
            q.given("AB", both)
            ab = "AB"
            q.stem = (
                f"There are ${total}$ {group}. ${na}$ {people} {does_a}, ${nb}$ {people} "
                f"{does_b} and ${both}$ {people} do both."
            )
            part = q.part(
                "a", f"Work out the number of {people} who do neither.", marks=2, command="Work out"
            )
            part.step(
                f"{people.capitalize()} doing at least one: ${na} + {nb} - {both} = "
                f"{na + nb - both}$",
                "A + B - AB",
            )
            part.step(f"Neither: ${total} - {na + nb - both} = {neither}$", "N - (A + B - AB)")
            part.answer("N - (A + B - AB)")
            part.mark(
                "M",
                f"${na} + {nb} - {both}$",
                value="A + B - AB",
                qualifiers=["oe"],
                partial=[f"or M1 for ${only_a}$ and ${only_b}$ in the 'only' regions"],
            )
            part.mark("A", f"${neither}$", value="N - (A + B - AB)", qualifiers=["cao"])
            if 0 < total - na - nb != na + nb - both:
                wrong(
                    part,
                    str(total - na - nb),
                    "did not allow for those who do both (counted them twice)",
                )

        # (b) only the first
        expr = f"(A - {ab})/N"
        value = Rational(only_a, total)
        part = q.part(
            "b",
            f"One of the {people} is chosen at random. Find the probability that this {person} "
            f"{_third(does_a)} but does not {_base(does_b)}.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"${na} - {both} = {only_a}$ {people}: $\\frac{{{only_a}}}{{{total}}}"
            + ("" if value.q == total else f" = {text.frac(value)}")
            + "$",
            expr,
        )
        answer(part, Working(part.q, expr))
        part.mark("B", f"$\\frac{{{only_a}}}{{{total}}}$", value=expr, qualifiers=["oe"])
        wrong(
            part,
            str(Rational(na, total)),
            f"included the {people} who do both",
            latex=text.frac(Rational(na, total)),
        )
        label = "c"
        if difficulty >= 2:
            expr = f"(A + B - 2*{ab})/N"
            value = Rational(only_a + only_b, total)
            part = q.part(
                "c",
                f"One of the {people} is chosen at random. Find the probability that this "
                f"{person} does exactly one of the two activities.",
                marks=2,
                command="Work out",
            )
            part.step(f"${only_a} + {only_b} = {only_a + only_b}$", f"A + B - 2*{ab}")
            part.step(
                f"$\\frac{{{only_a + only_b}}}{{{total}}}"
                + ("" if value.q == total else f" = {text.frac(value)}")
                + "$",
                expr,
            )
            answer(part, Working(part.q, expr))
            part.mark("M", f"${only_a} + {only_b}$", value=f"A + B - 2*{ab}", qualifiers=["oe"])
            part.mark("A", f"${text.frac(value)}$", value=expr, qualifiers=["oe"])
            if na + nb < total:
                wrong(
                    part,
                    str(Rational(na + nb, total)),
                    f"added the two totals, counting the {people} who do both",
                    latex=text.frac(Rational(na + nb, total)),
                )
            label = "d"
        if q.tier == Tier.EXTENDED:
            expr = f"{ab}/A"
            value = Rational(both, na)
            part = q.part(
                label,
                f"One of the {people} who {does_a} is chosen at random. Find the probability that "
                f"this {person} also {_third(does_b)}.",
                marks=2 if difficulty >= 4 else 1,
                command="Work out",
            )
            part.step(f"Only the ${na}$ {people} who {does_a} can be chosen.", "A")
            part.step(
                f"${both}$ of them {_base(does_b)}: $\\frac{{{both}}}{{{na}}}"
                + ("" if value.q == na else f" = {text.frac(value)}")
                + "$",
                expr,
            )
            answer(part, Working(part.q, expr))
            if difficulty >= 4:
                part.mark("M", f"denominator ${na}$", value="A", qualifiers=["soi"])
                part.mark("A", f"$\\frac{{{both}}}{{{na}}}$", value=expr, qualifiers=["oe"])
            else:
                part.mark("B", f"$\\frac{{{both}}}{{{na}}}$", value=expr, qualifiers=["oe"])
            wrong(
                part,
                str(Rational(both, total)),
                f"divided by all {total} {people} instead of those who {does_a}",
                latex=text.frac(Rational(both, total)),
            )

    def _two_way(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        rows, row_nouns = rng.choice(
            [(("Boys", "Girls"), ("boy", "girl")), (("Men", "Women"), ("man", "woman"))]
        )
        cols, what, does, did, negated = rng.choice(_TWO_WAY)
        place = "school" if rows[0] == "Boys" else "work"
        flat = rng.sample(range(4, 26), 6)
        cells = [flat[:3], flat[3:]]
        row_totals = [sum(r) for r in cells]
        col_totals = [sum(c) for c in zip(*cells, strict=True)]
        total = sum(row_totals)
        # Two inner cells are missing (different rows and columns). At the top difficulty the
        # second row total is hidden too, so that row's cell has to come from its column total.
        first, second = rng.sample(range(3), 2)
        hide = [(0, first), (1, second)]
        hide_total = difficulty == 5
        for i, row in enumerate(cells):
            for j, v in enumerate(row):
                if (i, j) not in hide:
                    q.given(f"n{i}{j}", v)
        for i, t in enumerate(row_totals):
            if not (hide_total and i == 1):
                q.given(f"r{i}", t)
        for j, t in enumerate(col_totals):
            q.given(f"k{j}", t)
        q.given("N", total)

        def cell(i: int, j: int) -> str:
            """Machine form of an inner cell (a hidden cell from its row or column total)."""
            if (i, j) not in hide:
                return f"n{i}{j}"
            if hide_total and i == 1:
                return f"(k{j} - n0{j})"
            others = " - ".join(f"n{i}{jj}" for jj in range(3) if jj != j)
            return f"(r{i} - {others})"

        grid = [[text.words(""), *(text.words(c) for c in cols), text.words("Total")]]
        for i, name in enumerate(rows):
            grid.append(
                [
                    text.words(name),
                    *("" if (i, j) in hide else str(cells[i][j]) for j in range(3)),
                    "" if (hide_total and i == 1) else str(row_totals[i]),
                ]
            )
        grid.append([text.words("Total"), *(str(t) for t in col_totals), str(total)])
        q.param("rows", rows[0])
        q.param("cols", cols[0])
        q.title = "Probability: two-way table"
        q.stem = (
            f"The two-way table shows {what.format(n=f'${total}$', place=place)}. "
            f"{'Some' if hide_total else 'Two'} values are missing. ${text.table(grid)}$"
        )
        part = q.part(
            "a",
            "Work out the two missing values in the body of the table."
            if hide_total
            else "Work out the two missing values in the table.",
            marks=2,
            command="Work out",
        )
        for i, j in hide:
            others = [cells[i][jj] for jj in range(3) if jj != j]
            if hide_total and i == 1:
                working = f"{col_totals[j]} - {cells[0][j]}"
            else:
                working = f"{row_totals[i]} - {others[0]} - {others[1]}"
            part.step(f"{rows[i]}, {cols[j]}: ${working} = {cells[i][j]}$", cell(i, j))
            part.answer(cell(i, j), label=f"{rows[i]}, {cols[j]}")
            part.mark("B", f"${cells[i][j]}$ ({rows[i]}, {cols[j]})", value=cell(i, j))

        i, j = hide[0]
        expr = f"{cell(i, j)}/N"
        value = Rational(cells[i][j], total)
        part = q.part(
            "b",
            "One of these people is chosen at random. Find the probability that this person is "
            f"{text.article(row_nouns[i])} {row_nouns[i]} who {does[j]}.",
            marks=1,
            command="Work out",
        )
        part.step(
            f"$\\frac{{{cells[i][j]}}}{{{total}}}"
            + ("" if value.q == total else f" = {text.frac(value)}")
            + "$",
            expr,
        )
        answer(part, Working(part.q, expr))
        part.mark("B", f"$\\frac{{{cells[i][j]}}}{{{total}}}$", value=expr, qualifiers=["oe"])
        mistaken = Rational(cells[i][j], row_totals[i])
        wrong(
            part,
            str(mistaken),
            f"divided by the number of {rows[i].lower()} instead of everyone",
            latex=text.frac(mistaken),
        )

        jj = (j + 1) % 3
        expr = f"k{jj}/N"
        value = Rational(col_totals[jj], total)
        part = q.part(
            "c",
            f"One of these people is chosen at random. Find the probability that {negated[jj]}.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$\\mathrm{{P}}(\\text{{{cols[jj]}}}) = \\frac{{{col_totals[jj]}}}{{{total}}}$", expr
        )
        not_expr = f"1 - {expr}"
        part.step(f"$1 - \\frac{{{col_totals[jj]}}}{{{total}}} = {text.frac(1 - value)}$", not_expr)
        answer(part, Working(part.q, not_expr))
        part.mark(
            "M",
            f"$\\frac{{{col_totals[jj]}}}{{{total}}}$ seen",
            value=expr,
            qualifiers=["soi"],
            partial=[f"or M1 for ${total - col_totals[jj]}$ people"],
        )
        part.mark("A", f"${text.frac(1 - value)}$", value=not_expr, qualifiers=["oe"])
        wrong(
            part,
            str(value),
            "gave the probability of the opposite event",
            latex=text.frac(value),
            working=[expr],
        )

        if q.tier == Tier.EXTENDED:
            i2, j2 = hide[1]
            expr = f"{cell(i2, j2)}/k{j2}"
            value = Rational(cells[i2][j2], col_totals[j2])
            part = q.part(
                "d",
                f"One of the people who {did[j2]} is chosen at random. Find the probability that "
                f"this person is {text.article(row_nouns[i2])} {row_nouns[i2]}.",
                marks=2,
                command="Work out",
            )
            part.step(f"Only the ${col_totals[j2]}$ people who {did[j2]} count.", f"k{j2}")
            part.step(
                f"$\\frac{{{cells[i2][j2]}}}{{{col_totals[j2]}}}"
                + ("" if value.q == col_totals[j2] else f" = {text.frac(value)}")
                + "$",
                expr,
            )
            answer(part, Working(part.q, expr))
            part.mark("M", f"denominator ${col_totals[j2]}$", value=f"k{j2}", qualifiers=["soi"])
            part.mark(
                "A",
                f"$\\frac{{{cells[i2][j2]}}}{{{col_totals[j2]}}}$",
                value=expr,
                qualifiers=["oe"],
            )
            wrong(
                part,
                str(Rational(cells[i2][j2], total)),
                f"divided by everyone instead of only the people who {did[j2]}",
                latex=text.frac(Rational(cells[i2][j2], total)),
            )


# Columns, what the table shows, "a boy who …", "the people who …", "this person …" (not).
_TWO_WAY = [
    (
        ("Walk", "Bus", "Car"),
        "how {n} people travel to {place}",
        ("walks", "travels by bus", "travels by car"),
        ("walk", "travel by bus", "travel by car"),
        (
            "this person does not walk",
            "this person does not travel by bus",
            "this person does not travel by car",
        ),
    ),
    (
        ("Football", "Tennis", "Swimming"),
        "the favourite sport of {n} people",
        ("chose football", "chose tennis", "chose swimming"),
        ("chose football", "chose tennis", "chose swimming"),
        (
            "this person did not choose football",
            "this person did not choose tennis",
            "this person did not choose swimming",
        ),
    ),
    (
        ("Cat", "Dog", "Fish"),
        "the favourite pet of {n} people",
        ("chose a cat", "chose a dog", "chose a fish"),
        ("chose a cat", "chose a dog", "chose a fish"),
        (
            "this person did not choose a cat",
            "this person did not choose a dog",
            "this person did not choose a fish",
        ),
    ),
]


def _base(verb_phrase: str) -> str:
    """'study Spanish' -> 'study Spanish' (already a base form); kept for readable calls."""
    return verb_phrase


def _third(verb_phrase: str) -> str:
    """'study Spanish' -> 'studies Spanish', 'swim' -> 'swims', 'drink coffee' -> 'drinks coffee'."""
    verb, _, rest = verb_phrase.partition(" ")
    verb = verb[:-1] + "ies" if verb.endswith("y") else verb + "s"
    return f"{verb} {rest}".strip()
