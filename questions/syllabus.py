"""The Cambridge IGCSE Mathematics (0580) syllabus content codes, 2025-2027.

This module is the single source of the syllabus as data: the data migration seeds the
``syllabus_codes`` table from it and the question schema validates codes against it.
Core codes are ``C<topic>.<n>``; Extended codes are ``E<topic>.<n>``. Extended holds every Core
item under the same number plus the Extended-only items.
"""

from __future__ import annotations

from dataclasses import dataclass

from questions.syllabus_notes import NOTES

TOPICS: dict[int, str] = {
    1: "Number",
    2: "Algebra and graphs",
    3: "Coordinate geometry",
    4: "Geometry",
    5: "Mensuration",
    6: "Trigonometry",
    7: "Transformations and vectors",
    8: "Probability",
    9: "Statistics",
}

# (number, title, extended_only); an Extended title that differs from Core is given as
# "Core title | Extended title".
_ITEMS: list[tuple[str, str, bool]] = [
    ("1.1", "Types of number", False),
    ("1.2", "Sets", False),
    ("1.3", "Powers and roots", False),
    ("1.4", "Fractions, decimals and percentages", False),
    ("1.5", "Ordering", False),
    ("1.6", "The four operations", False),
    ("1.7", "Indices I", False),
    ("1.8", "Standard form", False),
    ("1.9", "Estimation", False),
    ("1.10", "Limits of accuracy", False),
    ("1.11", "Ratio and proportion", False),
    ("1.12", "Rates", False),
    ("1.13", "Percentages", False),
    ("1.14", "Using a calculator", False),
    ("1.15", "Time", False),
    ("1.16", "Money", False),
    ("1.17", "Exponential growth and decay", True),
    ("1.18", "Surds", True),
    ("2.1", "Introduction to algebra", False),
    ("2.2", "Algebraic manipulation", False),
    ("2.3", "Algebraic fractions", True),
    ("2.4", "Indices II", False),
    ("2.5", "Equations", False),
    ("2.6", "Inequalities", False),
    ("2.7", "Sequences", False),
    ("2.8", "Proportion", True),
    ("2.9", "Graphs in practical situations", False),
    ("2.10", "Graphs of functions", False),
    ("2.11", "Sketching curves", False),
    ("2.12", "Differentiation", True),
    ("2.13", "Functions", True),
    ("3.1", "Coordinates", False),
    ("3.2", "Drawing linear graphs", False),
    ("3.3", "Gradient of linear graphs", False),
    ("3.4", "Length and midpoint", True),
    ("3.5", "Equations of linear graphs", False),
    ("3.6", "Parallel lines", False),
    ("3.7", "Perpendicular lines", True),
    ("4.1", "Geometrical terms", False),
    ("4.2", "Geometrical constructions", False),
    ("4.3", "Scale drawings", False),
    ("4.4", "Similarity", False),
    ("4.5", "Symmetry", False),
    ("4.6", "Angles", False),
    ("4.7", "Circle theorems | Circle theorems I", False),
    ("4.8", "Circle theorems II", True),
    ("5.1", "Units of measure", False),
    ("5.2", "Area and perimeter", False),
    ("5.3", "Circles, arcs and sectors", False),
    ("5.4", "Surface area and volume", False),
    ("5.5", "Compound shapes and parts of shapes", False),
    ("6.1", "Pythagoras' theorem", False),
    ("6.2", "Right-angled triangles", False),
    ("6.3", "Exact trigonometric values", True),
    ("6.4", "Trigonometric functions", True),
    ("6.5", "Non-right-angled triangles", True),
    ("6.6", "Pythagoras' theorem and trigonometry in 3D", True),
    ("7.1", "Transformations", False),
    ("7.2", "Vectors in two dimensions", True),
    ("7.3", "Magnitude of a vector", True),
    ("7.4", "Vector geometry", True),
    ("8.1", "Introduction to probability", False),
    ("8.2", "Relative and expected frequencies", False),
    ("8.3", "Probability of combined events", False),
    ("8.4", "Conditional probability", True),
    ("9.1", "Classifying statistical data", False),
    ("9.2", "Interpreting statistical data", False),
    ("9.3", "Averages and range | Averages and measures of spread", False),
    ("9.4", "Statistical charts and diagrams", False),
    ("9.5", "Scatter diagrams", False),
    ("9.6", "Cumulative frequency diagrams", True),
    ("9.7", "Histograms", True),
]

CORE = "Core"
EXTENDED = "Extended"
TIERS = (CORE, EXTENDED)


@dataclass(frozen=True, slots=True)
class SyllabusCode:
    code: str
    number: str
    topic_number: int
    title: str
    tier: str
    extended_only: bool
    notes: str

    @property
    def topic(self) -> str:
        return TOPICS[self.topic_number]

    @property
    def sort_key(self) -> tuple[int, int, int]:
        topic, sub = self.number.split(".")
        return (0 if self.tier == CORE else 1, int(topic), int(sub))


def _build() -> dict[str, SyllabusCode]:
    codes: dict[str, SyllabusCode] = {}
    for number, title, extended_only in _ITEMS:
        core_title, _, extended_title = title.partition(" | ")
        topic_number = int(number.split(".")[0])
        for tier, prefix, item_title in (
            (CORE, "C", core_title),
            (EXTENDED, "E", extended_title or core_title),
        ):
            if tier == CORE and extended_only:
                continue
            code = f"{prefix}{number}"
            codes[code] = SyllabusCode(
                code=code,
                number=number,
                topic_number=topic_number,
                title=item_title,
                tier=tier,
                extended_only=extended_only,
                notes=NOTES.get(code) or NOTES.get(number, ""),
            )
    return codes


SYLLABUS: dict[str, SyllabusCode] = _build()


def get(code: str) -> SyllabusCode:
    """Return the syllabus item for ``code``; raise ``KeyError`` if there is none."""
    return SYLLABUS[code]


def is_known(code: str) -> bool:
    return code in SYLLABUS


def codes_for_tier(tier: str) -> list[SyllabusCode]:
    """Return the syllabus items of one tier in syllabus order."""
    return sorted((c for c in SYLLABUS.values() if c.tier == tier), key=lambda c: c.sort_key)


def tier_of(code: str) -> str:
    return SYLLABUS[code].tier
