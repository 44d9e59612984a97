"""Coordinate geometry templates (syllabus topic 3). Importing registers them all."""

from generation.engine.templates.coordinate import (  # noqa: F401
    gradient,
    graphs,
    length,
    lines,
    parallel,
    perpendicular,
    points,
    symmetric_vertices,
)

# isort: split
# Second question types for C3.2 and C3.6 (branch tplB2).
from generation.engine.templates.coordinate import (  # noqa: F401
    graph_solving,
    parallel_gradients,
)

# isort: split
# Second question type for E3.4 (branch tplE).
from generation.engine.templates.coordinate import isosceles_triangle  # noqa: F401
