"""Figure checks: ``figure.labels`` — no label's box overlaps another label's; and
``figure.label_lines`` — no line, curve or outline runs through a label it does not belong to.

The figure is read as SVG, whoever drew it (:mod:`~generation.engine.authoring.figures.layout`,
the reading the toolkit places its labels with): every ``<text>`` is placed with the
translations of the groups around it and its box estimated from its font size and number of
characters; every stroke not in the grid's grey is a polyline. A label may touch only the lines
that share its ``part-N`` class (a shape's name inside its own outline).
"""

from __future__ import annotations

from generation.engine.authoring.figures.layout import SLACK, on_lines, overlaps, read
from generation.engine.authoring.figures.svg import Label
from generation.engine.verifier.base import Checks

__all__ = ["SLACK", "FigureChecks", "figure_labels", "on_lines", "overlaps", "read"]


def figure_labels(svg: str) -> list[Label]:
    """Every label in an SVG figure with its estimated box; raises ``ValueError`` if the figure
    is not well-formed."""
    return read(svg).labels


class FigureChecks(Checks):
    def figure(self) -> None:
        svg = str(self.data.get("diagram_svg") or "")
        if not svg:
            return
        try:
            reading = read(svg)
        except ValueError as exc:
            self.check("figure.labels", False, str(exc))
            return
        labels = reading.labels
        clashes = overlaps(labels)
        detail = (
            f"the figure's {len(labels)} labels are clear of each other"
            if not clashes
            else "labels overlap in the figure: "
            + "; ".join(f"'{a.text}' and '{b.text}'" for a, b in clashes[:3])
        )
        self.check("figure.labels", not clashes, detail)
        crossed = list(on_lines(reading))
        detail = (
            f"no line runs through any of the figure's {len(labels)} labels"
            if not crossed
            else "a line runs through the label "
            + ", ".join(f"'{label.text}'" for label in crossed[:4])
        )
        self.check("figure.label_lines", not crossed, detail)
