"""Seed values for the reference tables (domain.md). The data migration loads them once;
afterwards staff edit them in the admin. The Supabase seed SQL is generated from here too."""

from __future__ import annotations

from typing import Any

TIERS: list[dict[str, Any]] = [
    {
        "code": "Core",
        "name": "Core",
        "description": "Core curriculum. Examined on the Core content only.",
        "papers": "Paper 1 (non-calculator, 1 h 30, 80 marks); Paper 3 (calculator, 1 h 30, 80 marks)",
        "grades": "C–G",
        "sort_order": 1,
    },
    {
        "code": "Extended",
        "name": "Extended",
        "description": "Extended curriculum: all Core content plus the Extended-only items.",
        "papers": "Paper 2 (non-calculator, 2 h, 100 marks); Paper 4 (calculator, 2 h, 100 marks)",
        "grades": "A*–E",
        "sort_order": 2,
    },
]

COMMAND_WORDS: list[dict[str, Any]] = [
    {
        "code": "Calculate",
        "meaning": "work out from given facts, figures or information",
        "usage": "Implies a numerical result; working is expected and earns method marks.",
    },
    {
        "code": "Construct",
        "meaning": "make an accurate drawing",
        "usage": "Ruler and compasses; construction arcs must be shown.",
    },
    {
        "code": "Describe",
        "meaning": "state the points of a topic / give characteristics and main features",
        "usage": "For a transformation: every feature (type, centre, angle/direction, factor).",
    },
    {
        "code": "Determine",
        "meaning": "establish with certainty",
        "usage": "A definite result, usually from given information or a calculation.",
    },
    {
        "code": "Explain",
        "meaning": "set out purposes or reasons / make the relationships between things clear / "
        "say why and/or how and support with relevant evidence",
        "usage": "Marks for the reason, not just the conclusion.",
    },
    {
        "code": "Give",
        "meaning": "produce an answer from a given source or recall/memory",
        "usage": "Often 'Give your answer in its simplest form' or 'Give a reason'.",
    },
    {
        "code": "Plot",
        "meaning": "mark point(s) on a graph",
        "usage": "Points plotted accurately, usually within half a small square.",
    },
    {
        "code": "Show (that)",
        "meaning": "provide structured evidence that leads to a given result",
        "usage": "The result is stated; marks reward every step of the argument, and the "
        "final line must reach the given result without assuming it.",
    },
    {
        "code": "Sketch",
        "meaning": "make a simple freehand drawing showing the key features",
        "usage": "Shape, intercepts and turning points matter; scale does not.",
    },
    {
        "code": "State",
        "meaning": "express in clear terms",
        "usage": "A short answer, no working needed.",
    },
    {
        "code": "Work out",
        "meaning": "calculate from given facts, figures or information with or without the use "
        "of a calculator",
        "usage": "Working is expected; method marks available.",
    },
    {
        "code": "Write",
        "meaning": "give an answer in a specific form",
        "usage": "E.g. 'Write 0.000 56 in standard form'.",
    },
    {
        "code": "Write down",
        "meaning": "give an answer without significant working",
        "usage": "Usually 1 mark; the answer can be read off or recalled.",
    },
]

CALCULATOR_POLICIES: list[dict[str, Any]] = [
    {
        "code": "not_allowed",
        "name": "Calculator not allowed",
        "description": "Papers 1 and 2: answers must be obtainable by hand.",
        "sort_order": 1,
    },
    {
        "code": "allowed",
        "name": "Calculator allowed",
        "description": "Papers 3 and 4.",
        "sort_order": 2,
    },
    {
        "code": "varies",
        "name": "Varies by part",
        "description": "A multi-part question whose parts differ.",
        "sort_order": 3,
    },
]

GENERATION_STATUSES: list[dict[str, Any]] = [
    {
        "code": "pending",
        "name": "Pending",
        "description": "Queued; no worker has started it.",
        "is_terminal": False,
    },
    {
        "code": "running",
        "name": "Running",
        "description": "A worker is running the agents.",
        "is_terminal": False,
    },
    {
        "code": "completed",
        "name": "Completed",
        "description": "Finished; see its questions.",
        "is_terminal": True,
    },
    {
        "code": "failed",
        "name": "Failed",
        "description": "Stopped by an error; the reason is recorded.",
        "is_terminal": True,
    },
    {
        "code": "cancelled",
        "name": "Cancelled",
        "description": "Stopped by the teacher.",
        "is_terminal": True,
    },
]

QUESTION_ORIGINS: list[dict[str, Any]] = [
    {"code": "generated", "name": "Generated", "description": "Written by the Derivativ pipeline."},
    {"code": "past_paper", "name": "Past paper", "description": "From a Cambridge past paper."},
    {"code": "textbook", "name": "Textbook", "description": "From a textbook."},
    {"code": "manual", "name": "Manual", "description": "Written by a teacher."},
]


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    """Rows per table name, with column names as in the database."""
    return {
        "tiers": [
            {
                "code": t["code"],
                "name": t["name"],
                "description": t["description"],
                "sort_order": t["sort_order"],
                "papers": t["papers"],
                "grades": t["grades"],
            }
            for t in TIERS
        ],
        "command_words": [
            {
                "code": c["code"] if c["code"] != "Show (that)" else "Show that",
                "name": c["code"],
                "description": c["meaning"],
                "sort_order": i + 1,
                "usage_guidance": c["usage"],
            }
            for i, c in enumerate(COMMAND_WORDS)
        ],
        "calculator_policies": [
            {
                "code": p["code"],
                "name": p["name"],
                "description": p["description"],
                "sort_order": p["sort_order"],
            }
            for p in CALCULATOR_POLICIES
        ],
        "generation_statuses": [
            {
                "code": s["code"],
                "name": s["name"],
                "description": s["description"],
                "sort_order": i + 1,
                "is_terminal": s["is_terminal"],
            }
            for i, s in enumerate(GENERATION_STATUSES)
        ],
        "question_origins": [
            {
                "code": o["code"],
                "name": o["name"],
                "description": o["description"],
                "sort_order": i + 1,
            }
            for i, o in enumerate(QUESTION_ORIGINS)
        ],
    }


def syllabus_rows() -> list[dict[str, Any]]:
    from questions import syllabus

    rows = []
    for item in sorted(syllabus.SYLLABUS.values(), key=lambda c: c.sort_key):
        tier_rank, topic, sub = item.sort_key
        rows.append(
            {
                "code": item.code,
                "tier_id": item.tier,
                "topic_number": item.topic_number,
                "topic": item.topic,
                "number": item.number,
                "title": item.title,
                "extended_only": item.extended_only,
                "notes": item.notes,
                "sort_key": tier_rank * 10000 + topic * 100 + sub,
            }
        )
    return rows


def seed(apps: Any = None) -> None:
    """Insert or update every reference row and the syllabus (idempotent).

    ``apps`` is the migration state's registry in a data migration; the live models otherwise
    (tests that flush the database re-seed through this).
    """
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    models = {
        "tiers": apps.get_model("questions", "Tier"),
        "command_words": apps.get_model("questions", "CommandWord"),
        "calculator_policies": apps.get_model("questions", "CalculatorPolicy"),
        "generation_statuses": apps.get_model("questions", "GenerationStatus"),
        "question_origins": apps.get_model("questions", "QuestionOrigin"),
    }
    for table, rows in reference_rows().items():
        for row in rows:
            values = dict(row)
            models[table].objects.update_or_create(code=values.pop("code"), defaults=values)
    syllabus_code = apps.get_model("questions", "SyllabusCode")
    for row in syllabus_rows():
        values = dict(row)
        syllabus_code.objects.update_or_create(code=values.pop("code"), defaults=values)
