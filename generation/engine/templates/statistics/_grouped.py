"""Grouped frequency tables shared by the Extended statistics templates (statistics only)."""

from __future__ import annotations

from typing import Any

from generation.engine.authoring.text import table, words
from generation.engine.builder import PartBuilder
from generation.engine.formatting import number
from questions.schemas import AnswerKind

# (what was measured with {n}, variable, unit, first lower bound, class width)
MEASURES = [
    ("the times, $t$ minutes, that {n} people waited at a doctor's surgery", "t", "minutes", 0, 10),
    ("the masses, $m$ grams, of {n} apples", "m", "grams", 80, 20),
    ("the heights, $h$ centimetres, of {n} plants", "h", "cm", 10, 5),
    ("the distances, $d$ kilometres, that {n} students travel to school", "d", "km", 0, 2),
]

# A graph's axis title for each measure's variable.
AXIS = {"t": "Time (minutes)", "m": "Mass (grams)", "h": "Height (cm)", "d": "Distance (km)"}


def class_latex(var: str, low: Any, high: Any) -> str:
    return f"{number(low)} < {var} \\le {number(high)}"


def class_answer(part: PartBuilder, var: str, low: Any, high: Any) -> None:
    part.answer(
        f"And({low} < {var}, {var} <= {high})",
        kind=AnswerKind.INEQUALITY,
        variable=var,
        plain=f"{number(low)} < {var} ≤ {number(high)}",
        latex=class_latex(var, low, high),
    )


def grouped_table(var: str, bounds: list[Any], column: str, values: list[str]) -> str:
    rows = [[words("Class"), words(column)]]
    for (low, high), v in zip(zip(bounds, bounds[1:], strict=False), values, strict=True):
        rows.append([class_latex(var, low, high), v])
    return table(rows)
