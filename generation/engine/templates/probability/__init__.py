"""Probability templates (syllabus topic 8). Importing registers them."""

from generation.engine.templates.probability import (  # noqa: F401
    conditional,
    events,
    frequency,
    sample_space,
    trees,
    venn,
)
