"""Two-way tables (9.1, 9.2): a table of counts by two categories with some cells and totals
missing. The candidate completes it (each missing number from a row or column whose other
entries are known), then reads it: a total, a fraction of one group, the probability of
picking one person at random, and (Extended-style, by difficulty) a probability within one
group or of "A or B"."""

from __future__ import annotations

import random
from itertools import combinations

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.text import table, words
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

# (who, one of them, stem, groups as (row heading, "the Year 10 students", "is in Year 10"),
#  choices as column headings, what a group did ("chose {c}" of them, "chose {c}" of one),
#  the categorical thing recorded, whether a choice is written in lower case in a sentence)
_TABLES = [
    (
        "students",
        "student",
        "Each student in Years 10 and 11 at a school chose one club.",
        (
            ("Year 10", "the Year 10 students", "is in Year 10"),
            ("Year 11", "the Year 11 students", "is in Year 11"),
        ),
        ("Drama", "Music", "Sport"),
        ("chose {c}", "chose {c}"),
        "the club a student chose",
        False,
    ),
    (
        "people",
        "person",
        "A cinema recorded the age group of each person who watched one of its three films.",
        (
            ("Under 18", "the people under 18", "is under 18"),
            ("18 and over", "the people aged 18 and over", "is aged 18 and over"),
        ),
        ("Comedy", "Action", "Cartoon"),
        ("watched the {c} film", "watched the {c} film"),
        "the film a person watched",
        False,
    ),
    (
        "students",
        "student",
        "Each student in a class chose a favourite fruit.",
        (("Boys", "the boys", "is a boy"), ("Girls", "the girls", "is a girl")),
        ("Apple", "Banana", "Mango"),
        ("chose {c}", "chose {c}"),
        "the fruit a student chose",
        True,
    ),
    (
        "cars",
        "car",
        "A car park attendant recorded the type and the colour of each car in a car park.",
        (
            ("Hatchback", "the hatchbacks", "is a hatchback"),
            ("Saloon", "the saloons", "is a saloon"),
        ),
        ("Red", "Silver", "Black"),
        ("are {c}", "is {c}"),
        "the colour of a car",
        True,
    ),
]

# Cells hidden at each difficulty: how many, and whether a chain (a cell found from another
# found cell) is needed.
_HIDDEN = {1: (3, False), 2: (4, False), 3: (4, True), 4: (5, True), 5: (6, True)}


def _solve_order(hidden: set[tuple[int, int]], rows: int, cols: int) -> list | None:
    """The order in which the hidden cells can be found, each with the line (row or column)
    that gives it: a line with exactly one unknown, one whose other entries are all printed
    first. None if the table cannot be completed."""
    lines = [("row", r, [(r, c) for c in range(cols + 1)]) for r in range(rows + 1)]
    lines += [("col", c, [(r, c) for r in range(rows + 1)]) for c in range(cols + 1)]
    unknown = set(hidden)
    order = []
    while unknown:
        ready = [
            (sum(cell in hidden for cell in cells), kind, index, cells)
            for kind, index, cells in lines
            if sum(cell in unknown for cell in cells) == 1
        ]
        if not ready:
            return None
        _, kind, index, cells = min(ready, key=lambda line: line[0])
        (cell,) = [cell for cell in cells if cell in unknown]
        order.append((cell, kind, index, cells))
        unknown.discard(cell)
    return order


def _chained(order: list) -> bool:
    """Whether some missing value is found from a line holding another missing value."""
    earlier: set[tuple[int, int]] = set()
    for cell, _, _, cells in order:
        if any(other in earlier for other in cells if other != cell):
            return True
        earlier.add(cell)
    return False


@register
class TwoWayTable(Template):
    key = "statistics.two_way_table"
    title = "Two-way tables: completing the table, then fractions and probabilities from it"
    codes = {Tier.CORE: ("C9.1", "C9.2"), Tier.EXTENDED: ("E9.1", "E9.2")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        who, one, stem, groups, choices, (did, does), thing, lower = rng.choice(_TABLES)
        rows, cols = len(groups), len(choices)
        that = "that" if who == "cars" else "who"
        counts = [[rng.randint(4, 24) for _ in range(cols)] for _ in range(rows)]
        grid = [[*row, sum(row)] for row in counts]
        grid.append([sum(grid[r][c] for r in range(rows)) for c in range(cols + 1)])
        # Cells, row totals, column totals and the grand total at (rows, cols).
        everything = [(r, c) for r in range(rows + 1) for c in range(cols + 1)]
        size, chained = _HIDDEN[difficulty]
        options = [
            order
            for hidden in combinations(everything, size)
            if (order := _solve_order(set(hidden), rows, cols)) is not None
            and _chained(order) == chained
        ]
        if not options:
            raise Reject("no table to complete with this many missing values")
        order = rng.choice(options)
        hidden = {cell for cell, *_ in order}
        q.param("context", thing)
        q.param("hidden", size)

        def heading(r: int) -> str:
            return groups[r][0] if r < rows else "Total"

        def column(c: int) -> str:
            return choices[c] if c < cols else "Total"

        def choice(c: int) -> str:
            return choices[c].lower() if lower else choices[c]

        def where(cell: tuple[int, int]) -> str:
            if cell == (rows, cols):
                return "Grand total"
            return f"{heading(cell[0])}, {column(cell[1])}"

        forms: dict[tuple[int, int], str] = {}
        for cell in everything:
            if cell not in hidden:
                q.given(f"n{cell[0]}{cell[1]}", grid[cell[0]][cell[1]])
                forms[cell] = f"n{cell[0]}{cell[1]}"
        table_rows = [["", *(words(column(c)) for c in range(cols + 1))]]
        for r in range(rows + 1):
            shown = ["" if (r, c) in hidden else str(grid[r][c]) for c in range(cols + 1)]
            table_rows.append([words(heading(r)), *shown])
        q.title = "Two-way table"
        q.stem = f"{stem} The two-way table shows some of this information. ${table(table_rows)}$"
        labels = iter("abcdefg")

        # Complete the table: each missing value from a row or column with one unknown.
        marks = 2 if difficulty <= 2 else 3
        part = q.part(next(labels), "Complete the two-way table.", marks=marks, command="Work out")
        values = []
        for cell, kind, index, cells in order:
            total, others = cells[-1], [c for c in cells[:-1] if c != cell]
            shown = [str(grid[c[0]][c[1]]) for c in others]
            if cell == total:
                source = " + ".join(f"({forms[c]})" for c in others)
                latex = " + ".join(shown)
            else:
                source = f"({forms[total]})" + "".join(f" - ({forms[c]})" for c in others)
                latex = str(grid[total[0]][total[1]]) + "".join(f" - {v}" for v in shown)
            w = Working(q, source, latex=latex)
            assert w.value == grid[cell[0]][cell[1]]
            forms[cell] = source
            line = f"the {heading(index)} row" if kind == "row" else f"the {column(index)} column"
            part.step(f"{where(cell)} (from {line}): {w.equation()}", w.machine)
            part.answer(w.machine, label=where(cell))
            values.append(w.machine)
        n = len(order)
        part.step("Check: each row and each column adds up to its total.", tuple(values))
        part.mark(
            "B",
            "; ".join(f"{where(c)} ${grid[c[0]][c[1]]}$" for c, *_ in order),
            marks,
            value=tuple(values),
            partial=[f"B{marks - 1} for {n - 1} correct"]
            + ([f"B1 for {n - 2} correct"] if marks == 3 else []),
        )

        def ref(r: int, c: int) -> str:
            return f"({forms[(r, c)]})"

        def over(top: tuple[int, int], bottom: tuple[int, int]) -> str:
            return f"\\frac{{{grid[top[0]][top[1]]}}}{{{grid[bottom[0]][bottom[1]]}}}"

        grand = ref(rows, cols)
        r0, c0 = rng.randrange(rows), rng.randrange(cols)
        r1 = rng.choice([r for r in range(rows) if r != r0])
        c1 = rng.choice([c for c in range(cols) if c != c0])

        if difficulty == 1:
            part = q.part(
                next(labels),
                f"State whether {thing} is categorical, discrete or continuous data.",
                marks=1,
                command="State",
            )
            part.step("It is a category, not a number that is counted or measured.")
            part.answer(None, kind=AnswerKind.TEXT, plain="categorical", latex=words("categorical"))
            part.mark("B", "Categorical", 1)
            part = q.part(
                next(labels),
                f"Write down the total number of {who} {that} {did.format(c=choice(c1))}.",
                marks=1,
                command="Write down",
            )
            total = Working(q, ref(rows, c1), latex=str(grid[rows][c1]))
            final(part, total, step=f"The Total row, {choices[c1]} column: ${total.latex}$")
            misconception(part, Misconception(f"gave only the {heading(r0)} count", ref(r0, c1)))

        # A fraction of one group: the row total is the denominator.
        part = q.part(
            next(labels),
            f"What fraction of {groups[r0][1]} {did.format(c=choice(c0))}?",
            marks=1,
            command="Write down",
        )
        frac = Working(q, f"{ref(r0, c0)}/{ref(r0, cols)}", latex=over((r0, c0), (r0, cols)))
        final(part, frac, qualifiers=["oe"])
        misconception(
            part,
            Misconception(
                "divided by the grand total instead of the row total", f"{ref(r0, c0)}/{grand}"
            ),
        )
        misconception(
            part,
            Misconception(
                "divided by the column total instead of the row total",
                f"{ref(r0, c0)}/{ref(rows, c0)}",
            ),
        )

        if difficulty >= 2:
            part = q.part(
                next(labels),
                f"One of the {who} is chosen at random. Find the probability that this {one} "
                f"{groups[r1][2]} and {does.format(c=choice(c1))}.",
                marks=1,
                command="Write down",
            )
            prob = Working(q, f"{ref(r1, c1)}/{grand}", latex=over((r1, c1), (rows, cols)))
            final(part, prob, qualifiers=["oe"])
            misconception(
                part,
                Misconception(
                    "used the row total instead of the grand total",
                    f"{ref(r1, c1)}/{ref(r1, cols)}",
                ),
            )
            misconception(
                part,
                Misconception(
                    "used the column total instead of the grand total",
                    f"{ref(r1, c1)}/{ref(rows, c1)}",
                ),
            )

        if difficulty >= 3:
            part = q.part(
                next(labels),
                f"One of the {who} is chosen at random. Find the probability that this {one} "
                f"{groups[r0][2]} or {does.format(c=choice(c1))}, or both.",
                marks=2,
                command="Work out",
            )
            either = Working(
                q,
                f"{ref(r0, cols)} + {ref(rows, c1)} - {ref(r0, c1)}",
                latex=f"{grid[r0][cols]} + {grid[rows][c1]} - {grid[r0][c1]}",
            )
            method(
                part,
                either,
                f"${either.substituted}$ [$= {either.latex}$] oe",
                qualifiers=(),
                partial=[f"or M1 for a fraction $\\frac{{k}}{{{grid[rows][cols]}}}$, $k > 0$"],
            )
            prob = Working(
                q,
                f"({either.machine})/{grand}",
                latex=f"\\frac{{{either.value}}}{{{grid[rows][cols]}}}",
            )
            final(part, prob, qualifiers=["oe"])
            misconception(
                part,
                Misconception(
                    "counted the overlap twice (added the row and column totals)",
                    f"({ref(r0, cols)} + {ref(rows, c1)})/{grand}",
                    (f"{ref(r0, cols)} + {ref(rows, c1)}",),
                ),
            )
            misconception(
                part,
                Misconception(
                    "gave the probability of both (and, not or)", f"{ref(r0, c1)}/{grand}"
                ),
            )

        if difficulty >= 4:
            part = q.part(
                next(labels),
                f"One of the {who} {that} {did.format(c=choice(c0))} is chosen at random. "
                f"Find the probability that this {one} {groups[r1][2]}.",
                marks=1,
                command="Write down",
            )
            given = Working(q, f"{ref(r1, c0)}/{ref(rows, c0)}", latex=over((r1, c0), (rows, c0)))
            final(part, given, qualifiers=["oe"])
            misconception(
                part,
                Misconception(
                    "divided by the grand total instead of the column total",
                    f"{ref(r1, c0)}/{grand}",
                ),
            )
            misconception(
                part,
                Misconception(
                    "divided by the row total instead of the column total",
                    f"{ref(r1, c0)}/{ref(r1, cols)}",
                ),
            )
