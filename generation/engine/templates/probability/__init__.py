"""Probability templates (syllabus topic 8). Importing registers them."""

from generation.engine.templates.probability import combined, single  # noqa: F401
