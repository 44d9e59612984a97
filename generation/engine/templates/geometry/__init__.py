"""Geometry templates (syllabus topic 4). Importing registers them all."""

from generation.engine.templates.geometry import (  # noqa: F401
    angles,
    bearings,
    circle_symmetry,
    circle_tangent_diameter,
    circle_theorems,
    circles,
    polygons,
    scale,
    similar_shapes,
    similarity,
    solids,
    symmetry,
    symmetry_pattern,
    triangles,
)
