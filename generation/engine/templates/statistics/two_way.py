"""Two-way tables (9.1 tabulating, 9.2 interpreting): complete the table from what is given in
it and in words, read it, and judge a claim drawn from the raw counts."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, text
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Context:
    people: str  # "students", in "the favourite sport of 80 students"
    about: str  # "{n} students chose their favourite sport"
    rows: tuple[str, str]  # row headings
    row_nouns: tuple[str, str]  # plural nouns for the rows, as written in a sentence
    cols: tuple[str, str, str]  # column headings
    verb: str  # "chose {col}", filled with the column written in a sentence
    col_words: tuple[str, str, str]


_CONTEXTS = [
    _Context(
        "students",
        "{n} students each chose their favourite sport",
        ("Boys", "Girls"),
        ("boys", "girls"),
        ("Football", "Swimming", "Tennis"),
        "chose {c}",
        ("football", "swimming", "tennis"),
    ),
    _Context(
        "students",
        "{n} students in Years 10 and 11 said how they travel to school",
        ("Year 10", "Year 11"),
        ("Year 10 students", "Year 11 students"),
        ("Walk", "Bus", "Car"),
        "{c}",
        ("walk", "travel by bus", "travel by car"),
    ),
    _Context(
        "people",
        "{n} people at a cinema each chose one type of film",
        ("Adults", "Children"),
        ("adults", "children"),
        ("Action", "Comedy", "Cartoon"),
        "chose {c}",
        ("action", "comedy", "cartoon"),
    ),
    _Context(
        "workers",
        "{n} workers in a factory each chose one lunch",
        ("Men", "Women"),
        ("men", "women"),
        ("Pasta", "Salad", "Curry"),
        "chose {c}",
        ("pasta", "salad", "curry"),
    ),
]

# Cells are (i, j): rows 0, 1 and the totals row 2; columns 0, 1, 2 and the totals column 3.
_ROWS, _COLS = 2, 3
Cell = tuple[int, int]


def _lines() -> list[list[tuple[int, int]]]:
    """Each sum the table holds: a line's last cell is the total of the others."""
    lines = [[(i, j) for j in range(_COLS + 1)] for i in range(_ROWS + 1)]
    lines += [[(i, j) for i in range(_ROWS + 1)] for j in range(_COLS + 1)]
    return lines


def _solve(hidden: set[tuple[int, int]], known: dict[tuple[int, int], str]) -> list[tuple]:
    """The order a candidate fills the blanks in: each from a row or column with one blank.
    ``known`` maps a cell to its machine form; returns ``(cell, machine, line)`` in order, or
    an empty list when the blanks cannot all be found."""
    known = dict(known)
    left = set(hidden)
    order = []
    while left:
        for line in _lines():
            blanks = [c for c in line if c in left]
            if len(blanks) == 1:
                cell = blanks[0]
                *parts, total = line
                if cell == total:
                    expr = " + ".join(known[c] for c in parts)
                else:
                    expr = known[total] + "".join(f" - {known[c]}" for c in parts if c != cell)
                known[cell] = f"({expr})"
                left.discard(cell)
                order.append((cell, known[cell], line))
                break
        else:
            return []
    return order


@register
class TwoWayTable(Template):
    key = "statistics.two_way_table"
    title = "Two-way table: complete it from the information, read it and compare the groups"
    codes = {Tier.CORE: ("C9.1", "C9.2"), Tier.EXTENDED: ("E9.1", "E9.2")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        ctx = rng.choice(_CONTEXTS)
        compare = difficulty >= 4
        relation = None
        if difficulty == 5:
            # "Twice as many boys as girls chose tennis": both cells blank, the column total known.
            relation = (rng.randrange(1, _COLS), rng.choice([2, 2, 3]), rng.randrange(_ROWS))
        body = self._body(rng, compare, relation)
        table = {(i, j): body[i][j] for i in range(_ROWS) for j in range(_COLS)}
        for i in range(_ROWS):
            table[(i, _COLS)] = sum(body[i])
        for j in range(_COLS):
            table[(_ROWS, j)] = body[0][j] + body[1][j]
        n = sum(table[(i, _COLS)] for i in range(_ROWS))
        table[(_ROWS, _COLS)] = n
        q.param("context", ctx.cols[0])

        # What is blank, and what is told in words instead of in the table.
        blanks = {1: 2, 2: 3, 3: 4, 4: 5, 5: 6}[difficulty]
        in_words = {1: 0, 2: 0, 3: 1, 4: 2, 5: 2}[difficulty]
        hidden = self._hide(rng, blanks, in_words, relation)
        if hidden is None:
            raise Reject("no solvable choice of blanks")
        shown_cells, told = hidden

        names = {}
        for cell, value in sorted(table.items()):
            if cell in shown_cells or cell in told:
                names[cell] = f"t{cell[0]}{cell[1]}"
                q.given(names[cell], value)
        known = {c: names[c] for c in names}
        relation_cell = None
        if relation is not None:
            j, k, small = relation
            relation_cell = (small, j)
            known[relation_cell] = f"({names[(_ROWS, j)]}/{k + 1})"
        blank_cells = {c for c in table if c not in known}
        order = _solve(blank_cells, known)
        if len(order) != len(blank_cells):
            raise Reject("the blanks cannot be found from the table")
        expr = {**known, **{c: e for c, e, _ in order}}

        def cell_name(cell: tuple[int, int]) -> str:
            i, j = cell
            row = "Total" if i == _ROWS else ctx.rows[i]
            col = "Total" if j == _COLS else ctx.cols[j]
            return f"{row}, {col}"

        def sentence(cell: tuple[int, int]) -> str:
            i, j = cell
            value = f"${table[cell]}$"
            if i == _ROWS and j == _COLS:
                return f"There are {value} {ctx.people} altogether."
            if j == _COLS:
                return f"There are {value} {ctx.row_nouns[i]}."
            col = ctx.verb.format(c=ctx.col_words[j])
            if i == _ROWS:
                return f"Altogether {value} of the {ctx.people} {col}."
            return f"{value} of the {ctx.row_nouns[i]} {col}."

        grid = [[text.words(""), *(text.words(c) for c in ctx.cols), text.words("Total")]]
        for i in range(_ROWS + 1):
            row = [text.words("Total" if i == _ROWS else ctx.rows[i])]
            row += [str(table[(i, j)]) if (i, j) in shown_cells else "" for j in range(_COLS + 1)]
            grid.append(row)
        facts = [sentence(c) for c in sorted(told)]
        if relation is not None and relation_cell is not None:
            j, k, _ = relation
            big = 1 - relation_cell[0]
            times = "Twice" if k == 2 else f"${k}$ times"
            facts.append(
                f"{times} as many {ctx.row_nouns[big]} as {ctx.row_nouns[1 - big]} "
                f"{ctx.verb.format(c=ctx.col_words[j])}."
            )
        q.title = "Two-way table"
        about = ctx.about.format(n=f"${n}$" if (_ROWS, _COLS) in names else "Some")
        q.stem = f"{about}. The two-way table shows some of the results. ${text.table(grid)}$" + (
            " " + " ".join(facts) if facts else ""
        )

        # (a) complete the table
        marks = 2 if difficulty == 1 else 3 if difficulty <= 3 else 4
        part = q.part("a", "Complete the two-way table.", marks=marks, command="Work out")
        answered: list[tuple[int, int]] = []
        for cell in sorted(told):
            part.step(f"{cell_name(cell)}: ${table[cell]}$, from the information", names[cell])
            part.answer(names[cell], label=cell_name(cell))
            answered.append(cell)
        if relation is not None and relation_cell is not None:
            j, k, _ = relation
            part.step(
                f"{ctx.rows[relation_cell[0]]}, {ctx.cols[j]}: the column total "
                f"${table[(_ROWS, j)]}$ is ${k} + 1 = {k + 1}$ equal shares, so "
                f"${table[(_ROWS, j)]} \\div {k + 1} = {table[relation_cell]}$",
                known[relation_cell],
            )
            part.answer(known[relation_cell], label=cell_name(relation_cell))
            answered.append(relation_cell)
        for cell, machine, line in order:
            *rest, total = line
            if cell == total:
                sum_ = " + ".join(str(table[c]) for c in rest)
            else:
                sum_ = f"{table[total]}" + "".join(f" - {table[c]}" for c in rest if c != cell)
            part.step(f"{cell_name(cell)}: ${sum_} = {table[cell]}$", machine)
            part.answer(machine, label=cell_name(cell))
            answered.append(cell)
        values = tuple(a.value for a in part.answers)
        part.step("Check: each row and each column adds up to its total.", values)
        count = len(values)
        partial = []
        for k in range(marks - 1, 0, -1):
            right = max(1, count - (marks - k))
            partial.append(f"B{k} for {right} correct value{'' if right == 1 else 's'}")
        part.mark(
            "B",
            "Table completed: " + ", ".join(f"${table[c]}$" for c in answered),
            marks,
            value=values,
            partial=partial,
        )

        label = iter("bcde")
        # (b) a reading, then a proportion of one group
        if difficulty <= 2:
            j = rng.randrange(_COLS)
            part = q.part(
                next(label),
                f"Write down how many of the {ctx.people} {ctx.verb.format(c=ctx.col_words[j])}.",
                marks=1,
                command="Write down",
            )
            w = Working(q, expr[(_ROWS, j)])
            final(part, w, step=f"The total of the {ctx.cols[j]} column is ${w.latex}$.")
            misconception(
                part,
                Misconception(
                    f"read the {ctx.row_nouns[0]} only, not the column total",
                    expr[(0, j)],
                ),
            )
        if difficulty == 1:
            i = rng.randrange(_ROWS)
            best = max(range(_COLS), key=lambda j: table[(i, j)])
            if sorted(table[(i, j)] for j in range(_COLS))[-2] == table[(i, best)]:
                raise Reject("no single most popular choice")
            part = q.part(
                next(label),
                f"State which was the most popular choice with the {ctx.row_nouns[i]}.",
                marks=1,
                command="State",
            )
            part.step(
                f"The {ctx.rows[i]} row: "
                + ", ".join(f"{ctx.cols[j]} ${table[(i, j)]}$" for j in range(_COLS))
                + f"; the largest is {ctx.cols[best]}."
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=ctx.cols[best],
                latex=text.words(ctx.cols[best]),
            )
            part.mark("B", ctx.cols[best], 1)
            return

        if difficulty <= 4:
            i, j = rng.randrange(_ROWS), rng.randrange(_COLS)
            self._fraction(q, next(label), ctx, expr, table, i, j)
        if difficulty >= 3:
            j = rng.randrange(_COLS)
            self._percentage(q, next(label), ctx, expr, table, j)
        if compare:
            self._claim(q, rng, next(label), ctx, table)

    @staticmethod
    def _body(
        rng: random.Random, compare: bool, relation: tuple[int, int, int] | None
    ) -> list[list[int]]:
        """The six inner counts. For a comparison, the first column has more in the larger
        group but a smaller share of it: the raw counts mislead. ``relation`` ``(j, k, i)``
        makes the other row's count in column ``j`` ``k`` times row ``i``'s."""
        for _ in range(200):
            body = [[rng.randint(4, 25) for _ in range(_COLS)] for _ in range(_ROWS)]
            if relation is not None:
                j, k, i = relation
                body[i][j] = rng.randint(3, 9)
                body[1 - i][j] = k * body[i][j]
            if compare:
                big, small = sum(body[0]), sum(body[1])
                a, b = body[0][0], body[1][0]
                if not (big > small and a > b and Rational(b, small) > Rational(a, big)):
                    continue
                if Rational(b, small) - Rational(a, big) < Rational(1, 20):
                    continue  # the shares should differ clearly, not by a rounding error
            if len({v for row in body for v in row}) >= 5:
                return body
        raise Reject("no table of the kind wanted")

    @staticmethod
    def _hide(
        rng: random.Random, blanks: int, in_words: int, relation: tuple[int, int, int] | None
    ) -> tuple[set[tuple[int, int]], set[tuple[int, int]]] | None:
        """Cells printed in the table and cells told in words, so that every blank follows."""
        cells = [(i, j) for i in range(_ROWS + 1) for j in range(_COLS + 1)]
        for _ in range(200):
            missing = set(rng.sample(cells, blanks))
            fixed: set[tuple[int, int]] = set()
            if relation is not None:
                j = relation[0]
                # Both cells of the column are blank; its total is known.
                missing |= {(0, j), (1, j)}
                missing.discard((_ROWS, j))
                fixed = {(0, j), (1, j)}
            if len(missing) < blanks:
                continue
            words = set(rng.sample(sorted(missing - fixed), in_words)) if in_words else set()
            known = {c: "x" for c in cells if c not in missing or c in words}
            if relation is not None:
                known[(0, relation[0])] = "x"  # one cell of the pair follows from the ratio
            left = {c for c in cells if c not in known}
            if len(left) < 2 or len(_solve(left, known)) != len(left):
                continue
            shown = {c for c in cells if c not in missing}
            return shown, words
        return None

    @staticmethod
    def _fraction(
        q: QuestionBuilder,
        label: str,
        ctx: _Context,
        expr: dict[Cell, str],
        table: dict[Cell, int],
        i: int,
        j: int,
    ) -> None:
        """The fraction of one group that made one choice (the group, not everyone)."""
        cell = expr[(i, j)]
        group = expr[(i, _COLS)]
        part = q.part(
            label,
            f"Work out the fraction of the {ctx.row_nouns[i]} who "
            f"{ctx.verb.format(c=ctx.col_words[j])}. Give your answer in its simplest form.",
            marks=2,
            command="Work out",
        )
        shown = f"\\frac{{{table[(i, j)]}}}{{{table[(i, _COLS)]}}}"
        w = Working(q, f"{cell}/{group}", latex=shown)
        simplest = w.value.q == table[(i, _COLS)]
        method(
            part,
            w,
            step=f"${shown}$" + (", already in its simplest form" if simplest else ""),
            qualifiers=["oe"],
        )
        final(part, w, step="" if simplest else f"${shown} = {w.latex}$", qualifiers=["cao"])
        n = expr[(_ROWS, _COLS)]
        misconception(
            part,
            Misconception(
                f"divided by all the {ctx.people}, not the {ctx.row_nouns[i]}", f"{cell}/{n}"
            ),
        )
        col = expr[(_ROWS, j)]
        misconception(
            part,
            Misconception(
                f"divided by all who {ctx.verb.format(c=ctx.col_words[j])}, not by the "
                f"{ctx.row_nouns[i]}",
                f"{cell}/{col}",
            ),
        )

    @staticmethod
    def _percentage(
        q: QuestionBuilder,
        label: str,
        ctx: _Context,
        expr: dict[Cell, str],
        table: dict[Cell, int],
        j: int,
    ) -> None:
        """The percentage of everyone who made one choice."""
        col = expr[(_ROWS, j)]
        n = expr[(_ROWS, _COLS)]
        shown = f"\\frac{{{table[(_ROWS, j)]}}}{{{table[(_ROWS, _COLS)]}}} \\times 100"
        w = Working(q, f"100*{col}/{n}", latex=shown, fractions=False)
        exact = (w.value * 10).is_integer
        accuracy = Accuracy.EXACT if exact else Accuracy.SF3
        part = q.part(
            label,
            f"Work out the percentage of the {ctx.people} who "
            f"{ctx.verb.format(c=ctx.col_words[j])}.",
            marks=2,
            command="Work out",
        )
        method(part, w, step=f"${shown}$", qualifiers=["oe"])
        final(part, w, accuracy=accuracy, unit="%", qualifiers=[] if exact else ["awrt"])
        big = 0 if table[(0, _COLS)] >= table[(1, _COLS)] else 1
        row = expr[(big, _COLS)]
        misconception(
            part,
            Misconception(
                f"used the number of {ctx.row_nouns[big]} as the total instead of everyone",
                f"100*{expr[(big, j)]}/{row}",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    @staticmethod
    def _claim(
        q: QuestionBuilder, rng: random.Random, label: str, ctx: _Context, table: dict[Cell, int]
    ) -> None:
        """More of the larger group chose the first column, but a smaller share of it did."""
        j = 0
        a, b = table[(0, j)], table[(1, j)]
        big, small = table[(0, _COLS)], table[(1, _COLS)]
        name = text.names(rng, 1)[0]
        doing = ctx.verb.format(c=ctx.col_words[j])
        claim = (
            f"{name} says, “More {ctx.row_nouns[0]} than {ctx.row_nouns[1]} {doing}, so a "
            f"greater proportion of the {ctx.row_nouns[0]} {doing}.”"
        )
        part = q.part(
            label,
            f"{claim} Is {name} correct? Give a reason for your answer, showing your working.",
            marks=2,
            command="Explain",
        )
        shares = []
        for i in range(_ROWS):
            share = Rational(100 * table[(i, j)], table[(i, _COLS)])
            shown = text.approx(share)
            sign = "=" if Rational(shown) == share else "\\approx"
            shares.append(
                f"{ctx.rows[i]}: $\\frac{{{table[(i, j)]}}}{{{table[(i, _COLS)]}}} \\times 100 "
                f"{sign} {shown}\\%$"
            )
        part.step(" and ".join(shares))
        part.step(
            f"A greater share of the {ctx.row_nouns[1]} {doing}: {name} compared the numbers, "
            f"but there are more {ctx.row_nouns[0]} than {ctx.row_nouns[1]}."
        )
        part.answer(
            None,
            kind=AnswerKind.TEXT,
            plain=f"No: {b}/{small} of the {ctx.row_nouns[1]} but only {a}/{big} of the "
            f"{ctx.row_nouns[0]}, a smaller share",
            latex=f"\\text{{No: }} \\frac{{{b}}}{{{small}}} > \\frac{{{a}}}{{{big}}}",
        )
        part.mark(
            "M",
            f"$\\frac{{{a}}}{{{big}}}$ and $\\frac{{{b}}}{{{small}}}$ oe, e.g. as percentages",
            1,
        )
        part.mark(
            "A",
            f"No, with a correct comparison of the shares ({ctx.row_nouns[1]} greater)",
            1,
        )
