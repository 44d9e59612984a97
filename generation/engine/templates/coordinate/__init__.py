"""Coordinate geometry templates (syllabus topic 3). Importing registers them all."""

from generation.engine.templates.coordinate import (  # noqa: F401
    gradient,
    graphs,
    length,
    lines,
    parallel,
    perpendicular,
    points,
)
