"""Question templates, one module per syllabus topic area. Importing registers them all."""

from generation.engine.templates import (  # noqa: F401
    algebra,
    coordinate,
    geometry,
    mensuration,
    number,
    probability,
    statistics,
    transformations,
    trigonometry,
)
