"""One figures toolkit: an SVG element writer (:mod:`.svg`), a :class:`Figure` with named points
and a fixed-scale or fit-to-box transform (:mod:`.figure`), the one reading of a drawn
figure's label boxes and lines that places labels and backs the verifier (:mod:`.layout`),
the 0580 coordinate grid,
graphs with numbered axes in the data's units and the number line (:mod:`.grid`), values read from a graph with the range accepted (:mod:`.reading`), plane shapes (circles, sectors,
triangles: :mod:`.shapes`) and solids with hidden edges dashed (:mod:`.solids`)."""

from generation.engine.authoring.figures.figure import (
    Figure,
    bearing_point,
    centroid,
    direction,
    polar,
)
from generation.engine.authoring.figures.grid import (
    Graph,
    grid,
    number_line,
    scale,
    shape,
    shapes_grid,
)
from generation.engine.authoring.figures.reading import Reading, nearest, reading
from generation.engine.authoring.figures.svg import MINUS, NOT_TO_SCALE, Label, Svg, label_text, num

__all__ = [
    "MINUS",
    "NOT_TO_SCALE",
    "Figure",
    "Graph",
    "Label",
    "Reading",
    "Svg",
    "bearing_point",
    "centroid",
    "direction",
    "grid",
    "label_text",
    "nearest",
    "num",
    "number_line",
    "polar",
    "reading",
    "scale",
    "shape",
    "shapes_grid",
]
