"""Statistics templates (syllabus topic 9). Importing registers them."""

from generation.engine.templates.statistics import averages, charts, grouped, lists  # noqa: F401
