"""Symmetry of a pattern of shaded squares (4.5): the lines of symmetry and the order of
rotational symmetry of a drawn pattern, and the least number of squares to shade so that a
pattern gains a line of symmetry or rotational symmetry. Every answer is found by applying the
grid's eight symmetries to the drawn pattern."""

from __future__ import annotations

import random
from collections.abc import Callable

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

Cell = tuple[int, int]  # (column, row), counted from the bottom left, from 0
Map = Callable[[Cell, int], Cell]  # a symmetry of an n-by-n grid (n - 1 passed in)

ROTATIONS: dict[int, Map] = {
    90: lambda c, m: (m - c[1], c[0]),
    180: lambda c, m: (m - c[0], m - c[1]),
    270: lambda c, m: (c[1], m - c[0]),
}
MIRRORS: dict[str, Map] = {
    "vertical": lambda c, m: (m - c[0], c[1]),
    "horizontal": lambda c, m: (c[0], m - c[1]),
    "diagonal": lambda c, m: (c[1], c[0]),  # bottom left to top right
    "other diagonal": lambda c, m: (m - c[1], m - c[0]),
}
# Groups of symmetries a pattern is built to have: (mirrors, rotations).
GROUPS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "one vertical line": (("vertical",), ()),
    "one horizontal line": (("horizontal",), ()),
    "one diagonal line": (("diagonal",), ()),
    "two lines": (("vertical", "horizontal"), (180,)),
    "two diagonals": (("diagonal", "other diagonal"), (180,)),
    "half turn": ((), (180,)),
    "quarter turn": ((), (90, 180, 270)),
    "four lines": (tuple(MIRRORS), (90, 180, 270)),
}


def _image(cells: frozenset[Cell], f: Map, n: int) -> frozenset[Cell]:
    return frozenset(f(c, n - 1) for c in cells)


def symmetries(cells: frozenset[Cell], n: int) -> tuple[list[str], int]:
    """The mirror lines that map the pattern onto itself, and its order of rotational
    symmetry."""
    lines = [name for name, f in MIRRORS.items() if _image(cells, f, n) == cells]
    order = 1 + sum(_image(cells, f, n) == cells for f in ROTATIONS.values())
    return lines, order


def closure(cells: frozenset[Cell], maps: list[Map], n: int) -> frozenset[Cell]:
    """The smallest pattern containing ``cells`` that every map in ``maps`` fixes."""
    out = set(cells)
    grown = True
    while grown:
        grown = False
        for f in maps:
            for c in list(out):
                image = f(c, n - 1)
                if image not in out:
                    out.add(image)
                    grown = True
    return frozenset(out)


SAID = {
    "vertical": "the vertical line through the centre",
    "horizontal": "the horizontal line through the centre",
    "diagonal": "the diagonal from bottom left to top right",
    "other diagonal": "the diagonal from top left to bottom right",
}


def _where(cell: Cell) -> str:
    return f"column {cell[0] + 1}, row {cell[1] + 1}"


def _draw(
    fig: Figure, cells: frozenset[Cell], n: int, x0: float, title: str, dashed: list[str]
) -> None:
    for c, r in cells:
        fig.polygon([(x0 + c, r), (x0 + c + 1, r), (x0 + c + 1, r + 1), (x0 + c, r + 1)], fill=True)
    for i in range(n + 1):
        fig.line((x0 + i, 0), (x0 + i, n), thin=True)
        fig.line((x0, i), (x0 + n, i), thin=True)
    over = 0.6
    ends = {
        "vertical": ((n / 2, -over), (n / 2, n + over)),
        "horizontal": ((-over, n / 2), (n + over, n / 2)),
        "diagonal": ((-over, -over), (n + over, n + over)),
    }
    for name in dashed:
        (ax, ay), (bx, by) = ends[name]
        fig.line((x0 + ax, ay), (x0 + bx, by), dashed=True)
    if title:
        fig.text((x0 + n / 2, n), title, dy=-14 - (12 if dashed else 0))


@register
class SymmetryPattern(Template):
    key = "geometry.symmetry_pattern"
    title = "Symmetry of a pattern of shaded squares: lines, order, and completing a pattern"
    codes = {Tier.CORE: ("C4.5",), Tier.EXTENDED: ("E4.5",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        choices = {
            1: ["one vertical line", "one horizontal line"],
            2: ["two lines", "one diagonal line", "half turn"],
            3: ["four lines", "quarter turn", "two diagonals", "one diagonal line"],
            4: list(GROUPS),
            5: list(GROUPS),
        }[difficulty]
        group = rng.choice(choices)
        n = 4 if difficulty == 1 else rng.choice([4, 5])
        pattern = self._pattern(rng, group, n)
        lines, order = symmetries(pattern, n)
        q.param("group", group)
        q.param("pattern", ",".join(f"{c}{r}" for c, r in sorted(pattern)))
        q.title = "Symmetry of a pattern"

        fig = Figure("Patterns of shaded squares", mm_per_unit=7)
        two = difficulty >= 3
        _draw(fig, pattern, n, 0, "Pattern A" if two else "", [])
        q.stem = (
            "Pattern A is made of shaded squares on a square grid."
            if two
            else "The diagram shows a pattern of shaded squares on a square grid."
        )
        a = "Pattern A" if two else "the pattern"

        part = q.part(
            "a",
            f"Write down the number of lines of symmetry of {a}.",
            marks=1,
            command="Write down",
        )
        named = "; ".join(SAID[line] for line in lines) if lines else "none"
        final(
            part,
            Working(q, str(len(lines))),
            step=f"Fold lines that map the pattern onto itself: {named}. "
            f"There {'is' if len(lines) == 1 else 'are'} ${len(lines)}$.",
        )
        if order > 1 and order != len(lines):
            misconception(
                part,
                Misconception("gave the order of rotational symmetry instead", str(order)),
            )
        if set(lines) == {"vertical", "horizontal"}:
            misconception(
                part,
                Misconception("counted the diagonals as lines of symmetry, as for a square", "4"),
            )

        part = q.part(
            "b",
            f"Write down the order of rotational symmetry of {a}.",
            marks=1,
            command="Write down",
        )
        turns = [t for t, f in ROTATIONS.items() if _image(pattern, f, n) == pattern]
        final(
            part,
            Working(q, str(order)),
            step="Turns about the centre that map the pattern onto itself: "
            + (
                ", ".join(f"${t}^\\circ$" for t in turns) + " and $360^\\circ$"
                if turns
                else "only $360^\\circ$"
            )
            + f", so the order is ${order}$.",
        )
        if order == 1:
            misconception(
                part,
                Misconception(
                    "gave 0 for a pattern with no rotational symmetry (the order is 1)", "0"
                ),
            )
        else:
            misconception(
                part,
                Misconception("gave the number of lines of symmetry instead", str(len(lines))),
            )

        if two:
            self._complete(q, rng, difficulty, fig, n)
        q.diagram_svg = fig.svg()

    @staticmethod
    def _pattern(rng: random.Random, group: str, n: int) -> frozenset[Cell]:
        mirrors, rotations = GROUPS[group]
        maps = [MIRRORS[m] for m in mirrors] + [ROTATIONS[r] for r in rotations]
        want = (sorted(mirrors), 1 + len(rotations))
        cells = [(c, r) for c in range(n) for r in range(n)]
        for _ in range(100):
            seeds = frozenset(rng.sample(cells, rng.randint(2, 3)))
            pattern = closure(seeds, maps, n)
            lines, order = symmetries(pattern, n)
            if (sorted(lines), order) == want and 3 <= len(pattern) <= n * n // 2:
                return pattern
        raise Reject(f"no pattern with exactly {group}")

    @staticmethod
    def _complete(
        q: QuestionBuilder, rng: random.Random, difficulty: int, fig: Figure, n: int
    ) -> None:
        """(c) Pattern B has no symmetry; the least number of squares to shade so that it
        gains the symmetry asked for (the smallest pattern that symmetry fixes)."""
        if difficulty == 3:
            mirror = rng.choice(["vertical", "horizontal", "diagonal"])
            maps, dashed = [MIRRORS[mirror]], [mirror]
            wanted = "the dashed line is a line of symmetry"
            how = f"reflect each shaded square in the dashed line ({SAID[mirror]})"
        elif difficulty == 4:
            maps, dashed = [ROTATIONS[180]], []
            wanted = "it has rotational symmetry of order $2$"
            how = "turn each shaded square through $180^\\circ$ about the centre of the grid"
        else:
            maps, dashed = [ROTATIONS[90]], []
            wanted = "it has rotational symmetry of order $4$"
            how = (
                "turn each shaded square through $90^\\circ$, $180^\\circ$ and $270^\\circ$ "
                "about the centre of the grid"
            )
        cells = [(c, r) for c in range(n) for r in range(n)]
        for _ in range(100):
            start = frozenset(rng.sample(cells, rng.randint(3, 4 if difficulty < 5 else 3)))
            whole = closure(start, maps, n)
            lines, order = symmetries(start, n)
            extra = len(whole) - len(start)
            if not lines and order == 1 and extra >= 2 and len(whole) <= n * n // 2 + 2:
                break
        else:
            raise Reject("no pattern B")
        q.param("pattern_b", ",".join(f"{c}{r}" for c, r in sorted(start)))
        _draw(fig, start, n, n + 3, "Pattern B", dashed)
        q.stem += " Pattern B is drawn on the same kind of grid" + (
            ", with a dashed line." if dashed else "."
        )
        part = q.part(
            "c",
            f"More squares are to be shaded in Pattern B so that {wanted}. Work out the least "
            "number of extra squares that must be shaded.",
            marks=2,
            command="Work out",
        )
        added = sorted(whole - start)
        shaded = Working(q, str(len(whole)))
        method(
            part,
            shaded,
            "one correct extra square identified, or the completed pattern seen",
            step=f"To find the images, {how}. The completed pattern has ${len(whole)}$ shaded "
            "squares.",
            qualifiers=["soi"],
        )
        count = Working(q, f"{len(whole)} - {len(start)}")
        final(
            part,
            count,
            step="The new squares (counting columns and rows from the bottom left): "
            + "; ".join(_where(c) for c in added)
            + f". That is ${len(whole)} - {len(start)} = {extra}$ squares.",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "gave the number of shaded squares in the completed pattern, not the extra ones",
                str(len(whole)),
                (str(len(whole)),),
            ),
        )
        if difficulty == 5:
            half = closure(start, [ROTATIONS[180]], n)
            if len(half) != len(whole):
                misconception(
                    part,
                    Misconception(
                        "only added the half-turn images, which gives order 2, not 4",
                        str(len(half) - len(start)),
                    ),
                )
