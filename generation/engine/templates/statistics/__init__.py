"""Statistics templates (syllabus topic 9). Importing registers them."""

from generation.engine.templates.statistics import averages, lists  # noqa: F401
