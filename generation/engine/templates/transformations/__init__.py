"""Transformations and vectors templates (syllabus topic 7). Importing registers them."""

from generation.engine.templates.transformations import shapes, vectors  # noqa: F401
