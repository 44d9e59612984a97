"""Geometry templates (syllabus topic 4). Importing registers them all."""

from generation.engine.templates.geometry import (  # noqa: F401
    angles,
    bearings,
    circles,
    polygons,
    scale,
    similarity,
    symmetry,
    triangles,
)
