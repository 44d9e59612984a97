"""Mensuration templates (syllabus topic 5). Importing the package registers them all."""

from generation.engine.templates.mensuration import (  # noqa: F401
    areas,
    areas_reverse,
    circles,
    compound_shapes,
    compound_solids,
    frustum,
    prisms,
    sectors,
    solids,
    units,
    units_context,
)
