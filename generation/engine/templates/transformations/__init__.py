"""Transformations and vectors templates (syllabus topic 7). Importing registers them."""

from generation.engine.templates.transformations import (  # noqa: F401
    column_vectors,
    describe,
    grid_vectors,
    images,
    vector_geometry,
    vector_proof,
)
