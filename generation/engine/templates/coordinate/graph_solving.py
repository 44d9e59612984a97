"""Drawing linear graphs (syllabus 3.2), a second kind: complete a table of values, draw the
line on 0580 graph paper, then use the graph — where the line reaches a value, where it meets
a line already drawn. Every value read from the graph has the range the mark scheme accepts
(``figures.reading``: a small square either side, rounded outwards)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, misconception, text, wrong
from generation.engine.authoring.coordinates import line_rhs
from generation.engine.authoring.figures import Graph, Reading, reading
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

R = Rational
X_MAX = 5  # the table and the graph run from x = 0 to x = 5
X_READ = R(1, 10)  # a small square across (x numbered every 1, ten small squares)
Y_READ = R(1, 5)  # a small square up (y numbered every 2, ten small squares)


def _clipped(m: Rational, c: Rational, top: int) -> tuple[tuple[Rational, Rational], ...]:
    """The ends of y = mx + c inside 0 <= x <= X_MAX, 0 <= y <= top."""
    ends = []
    for xe in (R(0), R(X_MAX)):
        if 0 <= m * xe + c <= top:
            ends.append((xe, m * xe + c))
    for ye in (R(0), R(top)):
        xe = (ye - c) / m
        if 0 <= xe <= X_MAX:
            ends.append((xe, ye))
    ends = sorted(set(ends))
    return ends[0], ends[-1]


def _read(q: QuestionBuilder, part: PartBuilder, found: Reading, variable: str, step: str) -> None:
    """A reading as the answer, its accepted range on the B mark and in ``satisfies``."""
    value = Working(q, str(found.value), fractions=False)
    final(
        part,
        value,
        step=step,
        awarded_for=f"${variable} = {value.latex}$, accept ${found.accepted}$",
        variable=variable,
        satisfies=found.relation(variable),
        label=variable,
    )


@register
class GraphSolving(Template):
    key = "coordinate.graph_solving"
    title = "Drawing a straight line from a table of values and solving from the graph"
    codes = {Tier.CORE: ("C3.2",), Tier.EXTENDED: ("E3.2",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        halves = difficulty >= 4  # L written 2y = bx + d: half-values in the table
        if halves:
            b, d = rng.choice([1, 3]), rng.choice([2, 4, 6])
            m, c = R(b, 2), R(d, 2)
            equation = f"2y = {line_rhs(b, d)}"
        else:
            m, c = R(rng.choice([1, 2] if difficulty == 1 else [1, 2, 2])), R(rng.randint(1, 4))
            equation = f"y = {line_rhs(m, c)}"
        # The coefficients as written in the equation are the givens.
        if halves:
            b_form = "1" if b == 1 else "bL"
            if b != 1:
                q.given("bL", b)
            q.given("dL", d)
            line = f"({b_form}*x + dL)/2"
        else:
            m_form = "1" if m == 1 else "mL"
            if m != 1:
                q.given("mL", m)
            q.given("cL", c)
            line = f"{m_form}*x + cL"
        xs = list(range(X_MAX + 1))
        ys = [m * v + c for v in xs]

        # M, drawn already: y = qM - pM x, meeting L inside the graph.
        two_lines = difficulty >= 2
        if two_lines:
            options = []
            for p in (R(1), R(2), R(1, 2)):
                for top_c in range(6, 15):
                    xi = (top_c - c) / (m + p)
                    yi = m * xi + c
                    whole = xi.is_integer
                    if not (R(1, 2) <= xi <= X_MAX - R(1, 2)) or whole != (difficulty <= 3):
                        continue
                    if p.q != 1 and not whole and difficulty <= 3:
                        continue
                    # A reading exactly halfway between two small squares has no one answer.
                    if (2 * xi / X_READ).is_integer and not (xi / X_READ).is_integer:
                        continue
                    if (2 * yi / Y_READ).is_integer and not (yi / Y_READ).is_integer:
                        continue
                    options.append((p, R(top_c)))
            if not options:
                raise Reject("no line M meets L inside the graph")
            p, qm = rng.choice(options)
            if p != 1:
                q.given("pM", p, display=text.frac(p))
            q.given("qM", qm, display=number(qm))
            m_equation = f"y = {number(qm)} - {'' if p == 1 else text.frac(p)}x"
        top = int(2 * (max(ys[-1], qm if two_lines else 0) // 2 + 1))
        graph = Graph(
            "Graph for drawing a straight line",
            (0, X_MAX, 1),
            (0, top, 2),
            x_title="x",
            y_title="y",
            size=(330.0, 60.0 * top / 2),
        )
        if two_lines:
            start, end = _clipped(-p, qm, top)
            graph.line(start, end)
            quarter = (start[0] + (end[0] - start[0]) / 4, start[1] + (end[1] - start[1]) / 4)
            graph.fig.place(graph.to(quarter), "M", size=14, prefer=(45, 30, 60, 225), gap=(10, 16))
        q.diagram_svg = graph.svg()

        q.title = "Drawing a straight-line graph"
        q.stem = f"The line $M$, ${m_equation}$, is drawn on the grid." if two_lines else ""
        labels = iter("abcde")

        # (a) the table
        blanks = sorted(rng.sample(range(len(xs)), {1: 2, 2: 2, 3: 3, 4: 3, 5: 4}[difficulty]))
        cells = ["" if i in blanks else number(ys[i]) for i in range(len(xs))]
        table = text.table([["x", *map(str, xs)], ["y", *cells]])
        part = q.part(
            next(labels),
            f"Complete the table of values for ${equation}$.\n\n${table}$",
            marks=len(blanks),
            command="Work out",
        )
        if halves:
            part.step(f"${equation}$ gives $y = {line_rhs(m, c)}$", None)
        for i in blanks:
            cell = line.replace("x", f"({xs[i]})")
            part.step(f"When $x = {xs[i]}$: $y = {number(ys[i])}$", cell)
            part.answer(cell, label=f"y when x = {xs[i]}", plain=number(ys[i]), latex=number(ys[i]))
            part.mark("B", f"${number(ys[i])}$ at $x = {xs[i]}$", value=cell)
        if halves:
            misconception_values = [b * xs[i] + d for i in blanks]
            error = "worked out 2y and did not divide by 2"
        else:
            misconception_values = [m * xs[i] - c for i in blanks]
            error = "subtracted the constant instead of adding it"
        # Listed only when no wrong value is one of the right ones (the marker would credit
        # it against another x).
        if not {*misconception_values} & {ys[i] for i in blanks}:
            wrong(part, "; ".join(number(v) for v in misconception_values), error)

        # (b) drawing the line
        part = q.part(
            next(labels),
            f"On the grid, draw the line ${equation}$ for $0 \\le x \\le {X_MAX}$.",
            marks=2,
            command="Plot",
        )
        part.step(
            f"Plot the points of the table, $(0, {number(c)})$ to "
            f"$({X_MAX}, {number(ys[-1])})$, and join them with a ruled straight line."
        )
        words = f"ruled line through (0, {number(c)}) and ({X_MAX}, {number(ys[-1])})"
        part.answer(None, kind=AnswerKind.TEXT, plain=words, latex=text.words(words))
        part.mark(
            "B",
            f"correct ruled line from $x = 0$ to $x = {X_MAX}$",
            2,
            qualifiers=["FT"],
            partial=[f"B1 FT for at least {len(xs) - 2} of their points correctly plotted"],
        )

        # (c) where L reaches a value: x from y
        if difficulty <= 2:
            choices = [R(v) for v in range(int(c) + 1, int(ys[-1])) if ((v - c) / m).q <= 2]
        else:
            # On a numbered grid line or a small square between; x not a whole number and
            # not halfway between two small squares.
            choices = [
                R(v, 5)
                for v in range(int(5 * c) + 3, int(5 * ys[-1]) - 2)
                if ((R(v, 5) - c) / m).q != 1 and (R(v, 5) - c) / m / X_READ * 2 % 2 != 1
            ]
        y0 = rng.choice(choices)
        q.given("y0", y0)
        x0 = (y0 - c) / m
        found = reading(x0, [x0], resolution=X_READ, tolerance=X_READ)
        part = q.part(
            next(labels),
            f"Use your graph to find the value of $x$ when $y = {number(y0)}$ on the line "
            f"${equation}$.",
            marks=1,
            command="Determine",
        )
        _read(
            q,
            part,
            found,
            "x",
            f"Across from $y = {number(y0)}$ to the line, then down: $x = {number(found.value)}$",
        )
        misreads = [(f"read the value of y at x = {number(y0)} instead", m * y0 + c)]
        if two_lines and 0 < (qm - y0) / p < X_MAX:
            misreads.append(("read from the line $M$ instead of the line drawn", (qm - y0) / p))
        for error, value in misreads:
            if not found.contains(value):
                misconception(part, Misconception(error, value, fractions=False))

        # (d) where L meets M
        if not two_lines:
            return
        xi = (qm - c) / (m + p)
        yi = m * xi + c
        at_x = reading(xi, [xi], resolution=X_READ, tolerance=X_READ)
        at_y = reading(yi, [yi], resolution=Y_READ, tolerance=Y_READ)
        part = q.part(
            next(labels),
            f"Use your graph to solve the simultaneous equations\n\n${equation}$\n\n${m_equation}$",
            marks=2,
            command="Determine",
        )
        part.step(
            f"The solution is where the two lines meet: $x = {number(at_x.value)}$, "
            f"$y = {number(at_y.value)}$"
        )
        for variable, found in (("x", at_x), ("y", at_y)):
            read = Working(q, str(found.value), fractions=False)
            part.answer(
                read.machine,
                label=variable,
                plain=read.plain,
                latex=read.latex,
                variable=variable,
                satisfies=found.relation(variable),
            )
            part.mark(
                "B",
                f"${variable} = {read.latex}$, accept ${found.accepted}$",
                value=read.machine,
            )
        near = R(round(float(xi)))
        if not at_x.contains(near) and 0 <= near <= X_MAX:
            shown = m * near + c
            wrong(
                part,
                f"x = {number(near)}, y = {number(shown)}",
                "gave the whole-number value of x nearest the crossing and y on the line there",
            )
        wrong(
            part,
            f"x = 0, y = {number(qm)}",
            "gave where the line M crosses the y-axis, not where the lines meet",
        )
