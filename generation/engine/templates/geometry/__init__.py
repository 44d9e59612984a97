"""Geometry templates (syllabus topic 4). Importing registers them all."""
