"""Symmetry of a pattern of shaded squares (syllabus 4.5): the candidate shades more squares
of a square grid so that the pattern has a stated line of symmetry, order of rotational
symmetry or number of lines of symmetry, then states the other property of the finished
pattern.

The symmetries are those of the grid (a square): rotations about its centre and reflections
in its two middle lines and two diagonals. Every answer is found by search: a finished pattern
is invariant under its own symmetry group, so it is a union of that group's orbits; every
subgroup of the grid's symmetries is tried and a variant is kept only when exactly one set of
squares does what the question asks."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from itertools import combinations

from generation.engine.authoring import wrong
from generation.engine.authoring.figures import Figure
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

Cell = tuple[int, int]  # (column, row), from 0 at the bottom left
Op = Callable[[Cell, int], Cell]  # a symmetry of an n x n grid (m = n - 1)

ROTATIONS: dict[str, Op] = {
    "e": lambda p, m: p,
    "r90": lambda p, m: (m - p[1], p[0]),
    "r180": lambda p, m: (m - p[0], m - p[1]),
    "r270": lambda p, m: (p[1], m - p[0]),
}
REFLECTIONS: dict[str, Op] = {
    "vertical": lambda p, m: (m - p[0], p[1]),
    "horizontal": lambda p, m: (p[0], m - p[1]),
    "diagonal": lambda p, m: (p[1], p[0]),
    "other diagonal": lambda p, m: (m - p[1], m - p[0]),
}
OPS = {**ROTATIONS, **REFLECTIONS}
# The ten subgroups of the square's symmetries, by the names of their elements.
SUBGROUPS = (
    ("e",),
    ("e", "r180"),
    ("e", "r90", "r180", "r270"),
    *(("e", s) for s in REFLECTIONS),
    ("e", "r180", "vertical", "horizontal"),
    ("e", "r180", "diagonal", "other diagonal"),
    tuple(OPS),
)
MIDDLE_LINES, DIAGONALS = SUBGROUPS[-3], SUBGROUPS[-2]
LINE_WORDS = {
    "vertical": "the vertical line through the centre of the grid",
    "horizontal": "the horizontal line through the centre of the grid",
    "diagonal": "the diagonal from the bottom left to the top right",
    "other diagonal": "the diagonal from the top left to the bottom right",
}


def symmetries(cells: frozenset[Cell], n: int) -> set[str]:
    """The names of the grid symmetries that map the shaded squares onto themselves."""
    return {name for name, op in OPS.items() if {op(c, n - 1) for c in cells} == cells}


def lines_of(cells: frozenset[Cell], n: int) -> int:
    return len(symmetries(cells, n) & set(REFLECTIONS))


def order_of(cells: frozenset[Cell], n: int) -> int:
    return len(symmetries(cells, n) & set(ROTATIONS))


Wanted = Callable[[set[str]], bool]  # what a pattern's symmetries must include or number


def orbits(group: Iterable[str], n: int) -> list[frozenset[Cell]]:
    """The grid's squares in the orbits of a subgroup."""
    ops = [OPS[g] for g in group]
    seen: set[Cell] = set()
    out = []
    for c in ((i, j) for i in range(n) for j in range(n)):
        if c not in seen:
            orbit = frozenset(op(c, n - 1) for op in ops)
            seen |= orbit
            out.append(orbit)
    return out


def completions(shaded: frozenset[Cell], n: int, k: int, wanted: Wanted) -> set[frozenset[Cell]]:
    """Every pattern made by shading exactly ``k`` more squares whose symmetries are
    ``wanted``: such a pattern is made of whole orbits of its own symmetry group, so for each
    subgroup that is itself ``wanted``, the squares the shaded ones reach plus whole orbits."""
    found = set()
    for group in SUBGROUPS:
        if not wanted(set(group)):
            continue
        every = orbits(group, n)
        closure = frozenset().union(*(o for o in every if o & shaded))
        need = len(shaded) + k - len(closure)
        if need < 0:
            continue
        rest = [o for o in every if not o & closure and len(o) <= need]
        for r in range(need + 1):
            for extra in combinations(rest, r):
                finished = closure.union(*extra)
                if len(finished) == len(shaded) + k and wanted(symmetries(finished, n)):
                    found.add(finished)
    return found


def _closure(cells: frozenset[Cell], group: Iterable[str], n: int) -> frozenset[Cell]:
    ops = [OPS[g] for g in group]
    return frozenset(op(c, n - 1) for c in cells for op in ops)


# difficulty: grid sizes, then per diagram the symmetry asked for, the squares to shade and
# the marks for shading them (Extended and Core alike: 4.5 is the same content in both).
# difficulty → (grid sizes, [(target, squares to add, marks), …])
PLAN: dict[int, tuple[tuple[int, ...], list[tuple[str, tuple[int, ...], int]]]] = {
    1: ((4, 5), [("line", (1, 2), 1)]),
    2: ((4, 5), [("order 2", (2, 3), 2)]),
    3: ((5, 6), [("order 4", (3, 4), 2)]),
    4: ((5, 6), [("two lines", (3, 4), 3)]),
    5: ((6,), [("four lines", (4, 5, 6), 3), ("order 4", (4, 5), 3)]),
}
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _plain(cells: Iterable[Cell]) -> tuple[str, str, str]:
    """(machine, plain, latex) of a set of squares, numbered as the grid labels them."""
    inner = ", ".join(f"({c + 1}, {r + 1})" for c, r in sorted(cells))
    return f"FiniteSet({inner})", "{" + inner + "}", "\\{" + inner + "\\}"


def _squares(cells: Iterable[Cell]) -> str:
    shown = [f"$({c + 1}, {r + 1})$" for c, r in sorted(cells)]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def pattern_figure(n: int, diagrams: list[tuple[frozenset[Cell], str]]) -> str:
    """Each grid with its shaded squares, columns numbered along the bottom and rows up the
    left side, side by side (named Diagram 1, 2 when there are two); a diagram's ``mirror``
    draws that line of symmetry dashed."""
    fig = Figure("A pattern of shaded squares on a grid", scale=34.0).note("")
    h, out = n / 2, 0.4
    ends = {
        "vertical": ((h, -out), (h, n + out)),
        "horizontal": ((-out, h), (n + out, h)),
        "diagonal": ((-out, -out), (n + out, n + out)),
        "other diagonal": ((-out, n + out), (n + out, -out)),
    }
    for d, (shaded, mirror) in enumerate(diagrams):
        x = d * (n + 2.0)  # one diagram beside the other, two squares apart
        for c, r in shaded:
            fig.polygon([(x + c, r), (x + c + 1, r), (x + c + 1, r + 1), (x + c, r + 1)], fill=True)
        for i in range(n + 1):
            fig.line((x + i, 0), (x + i, n), thin=0 < i < n)
            fig.line((x, i), (x + n, i), thin=0 < i < n)
        for i in range(n):
            fig.text((x + i + 0.5, 0), str(i + 1), dy=14, size=12)
            fig.text((x, i + 0.5), str(i + 1), dx=-12, size=12)
        if len(diagrams) > 1:
            fig.text((x + h, n), f"Diagram {d + 1}", dy=-16, size=14)
        if mirror:
            (x0, y0), (x1, y1) = ends[mirror]
            fig.line((x + x0, y0), (x + x1, y1), dashed=True)
    return fig.svg()


@register
class SymmetryPattern(Template):
    key = "geometry.symmetry_pattern"
    title = "Completing a pattern of shaded squares to give it line or rotational symmetry"
    codes = {Tier.CORE: ("C4.5",), Tier.EXTENDED: ("E4.5",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        sizes, plan = PLAN[difficulty]
        n = rng.choice(sizes)
        q.param("n", n)
        q.title = "Symmetry of a pattern of squares"
        two = len(plan) > 1
        grids = (
            f"Diagram 1 and Diagram 2 show patterns of shaded squares on two {n} by {n} grids"
            if two
            else f"The diagram shows a pattern of shaded squares on a {n} by {n} grid"
        )
        q.stem = (
            f"{grids}. The columns are numbered 1 to {n} from the left and the rows 1 to {n} from the bottom, so the square in column "
            "2, row 1 is $(2, 1)$."
        )
        diagrams = []
        labels = iter("abcd")
        for i, (target, ks, marks) in enumerate(plan, 1):
            k = rng.choice(ks)
            mirror = rng.choice(list(REFLECTIONS)) if target == "line" else ""
            wanted, group, ask = self._target(target, mirror, n, rng)
            shaded, finished = self._draw(rng, n, k, group, wanted)
            q.param(f"target{i}", target)
            q.param(f"mirror{i}", mirror)
            q.param(f"shaded{i}", _plain(shaded)[1])
            diagrams.append((shaded, mirror))
            where = f"Diagram {i}" if two else "the grid"
            self._shade(q, next(labels), shaded, finished, n, (k, marks), target, ask, group, where)
            pattern = f"your finished pattern in Diagram {i}" if two else "your finished pattern"
            self._state(q, next(labels), finished, n, target, pattern)
        q.diagram_svg = pattern_figure(n, diagrams)

    @staticmethod
    def _target(
        target: str, mirror: str, n: int, rng: random.Random
    ) -> tuple[Wanted, tuple[str, ...], str]:
        """What the finished pattern must have, a group to draw it from, and the wording."""
        if target == "line":
            return (
                lambda names: mirror in names,
                ("e", mirror),
                "the dashed line is a line of symmetry of the pattern",
            )
        if target == "order 2":
            return (
                lambda names: len(names & set(ROTATIONS)) == 2,
                ("e", "r180"),
                "the pattern has rotational symmetry of order $2$",
            )
        if target == "order 4":
            return (
                lambda names: len(names & set(ROTATIONS)) == 4,
                ("e", "r90", "r180", "r270"),
                "the pattern has rotational symmetry of order $4$",
            )
        if target == "two lines":
            return (
                lambda names: len(names & set(REFLECTIONS)) == 2,
                rng.choice([MIDDLE_LINES, DIAGONALS]),
                "the pattern has exactly $2$ lines of symmetry",
            )
        return (
            lambda names: len(names & set(REFLECTIONS)) == 4,
            tuple(OPS),
            "the pattern has $4$ lines of symmetry",
        )

    @staticmethod
    def _draw(
        rng: random.Random,
        n: int,
        k: int,
        group: tuple[str, ...],
        wanted: Wanted,
    ) -> tuple[frozenset[Cell], frozenset[Cell]]:
        """A finished pattern from whole orbits of ``group``, with ``k`` squares taken away so
        that putting them back is the only way to shade ``k`` squares and get the symmetry."""
        every = [o for o in orbits(group, n) if len(o) > 1]
        for _ in range(200):
            chosen = rng.sample(every, rng.randint(2, min(4, len(every))))
            finished = frozenset().union(*chosen)
            if not wanted(symmetries(finished, n)) or not 4 + k <= len(finished) <= n * n // 2:
                continue
            # Take the k squares from as few orbits as possible, leaving each orbit a square
            # so the pattern still shows where they go.
            removable = [c for o in chosen for c in sorted(o)[1:]]
            if len(removable) < k:
                continue
            taken = frozenset(rng.sample(removable, k))
            shaded = finished - taken
            if completions(shaded, n, k, wanted) == {finished}:
                return shaded, finished
        raise Reject("no pattern with a unique completion")

    @staticmethod
    def _shade(
        q: QuestionBuilder,
        label: str,
        shaded: frozenset[Cell],
        finished: frozenset[Cell],
        n: int,
        size: tuple[int, int],
        target: str,
        ask: str,
        group: tuple[str, ...],
        where: str,
    ) -> None:
        added = finished - shaded
        k, marks = size
        count = f"{NUMBER_WORDS[k]} more square{'s' if k > 1 else ''}"
        part = q.part(
            label,
            f"On {where}, shade {count} so that {ask}.",
            marks=marks,
            command="Plot",
        )
        how = {
            "line": "Reflect each shaded square in the dashed line",
            "order 2": "Turn the pattern through a half turn about the centre of the grid",
            "order 4": "Turn the pattern through a quarter turn, a half turn and a three-quarter "
            "turn about the centre of the grid",
            "two lines": "Reflect the pattern in "
            + (
                "both diagonals of the grid"
                if group == DIAGONALS
                else "the vertical and the horizontal line through the centre of the grid"
            ),
            "four lines": "Reflect the pattern in both middle lines and both diagonals of the grid",
        }[target]
        machine, plain, latex = _plain(added)
        part.step(f"{how}; the squares not yet shaded are {_squares(added)}.", machine)
        part.answer(machine, kind=AnswerKind.SET, plain=plain, latex=latex, label="squares")
        partial = [
            f"B{marks - j} for {k - j} correct square{'s' if k - j > 1 else ''} and no incorrect squares shaded"
            for j in range(1, marks)
            if k - j > 0
        ]
        part.mark("B", f"squares ${latex}$ shaded", marks, value=machine, partial=partial)
        # Wrong patterns a candidate makes: the right number of squares, the wrong move.
        by_target: dict[str, list[tuple[tuple[str, ...], str]]] = {
            "line": [
                (("e", other), f"reflected in {LINE_WORDS[other]} instead")
                for other in REFLECTIONS
                if ("e", other) != group
            ],
            "order 2": [
                (("e", "vertical"), "reflected in the vertical line instead of turning"),
                (("e", "horizontal"), "reflected in the horizontal line instead of turning"),
            ],
            "order 4": [(("e", "r180"), "turned only through a half turn")],
            "two lines": [
                (("e", line), f"reflected in {LINE_WORDS[line]} only") for line in REFLECTIONS
            ],
            "four lines": [
                (MIDDLE_LINES, "reflected in the two middle lines but not the diagonals"),
                (DIAGONALS, "reflected in the two diagonals but not the middle lines"),
                (SUBGROUPS[2], "turned the pattern (order 4) without reflecting it"),
            ],
        }
        mistakes = by_target[target]
        shown = {added}
        for group, error in mistakes:
            theirs = _closure(shaded, group, n) - shaded
            if theirs and theirs not in shown:
                shown.add(theirs)
                _, their_plain, their_latex = _plain(theirs)
                wrong(part, their_plain, error, latex=their_latex)

    @staticmethod
    def _state(
        q: QuestionBuilder, label: str, finished: frozenset[Cell], n: int, target: str, pattern: str
    ) -> None:
        lines, order = lines_of(finished, n), order_of(finished, n)
        if target in ("order 2", "order 4"):
            text = f"Write down the number of lines of symmetry of {pattern}."
            value, reason = (
                lines,
                (f"The finished pattern has {lines} line{'s' if lines != 1 else ''} of symmetry."),
            )
            wrongs = [(order, "confused line symmetry with rotational symmetry")]
        else:
            text = f"Write down the order of rotational symmetry of {pattern}."
            value = order
            reason = (
                f"The finished pattern fits onto itself {order} "
                f"time{'s' if order != 1 else ''} in one full turn."
            )
            wrongs = [(lines, "confused rotational symmetry with line symmetry")]
            if order == 1:
                wrongs.append((0, "gave 0, but every pattern has rotational symmetry of order 1"))
        part = q.part(label, text, marks=1, command="Write down")
        part.step(reason, value)
        part.answer(value)
        part.mark("B", f"${value}$", value=value)
        for shown, error in wrongs:
            if shown != value:
                wrong(part, str(shown), error)
