"""Which syllabus codes the registered templates cover, computed from the registry.

The README quotes these numbers, so nothing here is typed in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generation.engine.base import templates
from questions import syllabus
from questions.schemas import Tier


@dataclass(frozen=True, slots=True)
class TopicCoverage:
    tier: Tier
    topic: str
    covered: int
    total: int


@dataclass(frozen=True, slots=True)
class Coverage:
    templates: int
    covered: dict[Tier, list[str]]
    not_covered: dict[Tier, list[str]]
    topics: list[TopicCoverage]
    templates_per_code: dict[str, int]

    @property
    def codes_covered(self) -> int:
        return sum(len(codes) for codes in self.covered.values())

    @property
    def codes_total(self) -> int:
        return self.codes_covered + sum(len(codes) for codes in self.not_covered.values())


def coverage() -> Coverage:
    """Every syllabus code, split into covered (some template serves it) and not covered."""
    registered = templates()
    per_code: dict[str, int] = {}
    for template in registered:
        for codes in template.codes.values():
            for code in codes:
                per_code[code] = per_code.get(code, 0) + 1
    covered: dict[Tier, list[str]] = {}
    not_covered: dict[Tier, list[str]] = {}
    topics: list[TopicCoverage] = []
    for tier in Tier:
        items = syllabus.codes_for_tier(tier.value)
        covered[tier] = [c.code for c in items if c.code in per_code]
        not_covered[tier] = [c.code for c in items if c.code not in per_code]
        for number, title in syllabus.TOPICS.items():
            in_topic = [c for c in items if c.topic_number == number]
            topics.append(
                TopicCoverage(
                    tier=tier,
                    topic=title,
                    covered=sum(c.code in per_code for c in in_topic),
                    total=len(in_topic),
                )
            )
    return Coverage(
        templates=len(registered),
        covered=covered,
        not_covered=not_covered,
        topics=topics,
        templates_per_code=per_code,
    )


def coverage_lines(report: Coverage) -> list[str]:
    """The coverage report as lines of text for a terminal."""
    lines = [
        f"{report.templates} templates cover {report.codes_covered} of {report.codes_total} codes"
    ]
    for tier in Tier:
        covered, missing = report.covered[tier], report.not_covered[tier]
        lines.append("")
        lines.append(f"{tier.value}: {len(covered)} of {len(covered) + len(missing)} codes covered")
        for topic in (t for t in report.topics if t.tier == tier):
            lines.append(f"  {topic.topic:<30} {topic.covered:>3} / {topic.total}")
        lines.append(
            "  covered: "
            + (", ".join(f"{c}×{report.templates_per_code[c]}" for c in covered) or "none")
        )
        lines.append("  not covered: " + (", ".join(missing) or "none"))
    return lines


def coverage_summary(report: Coverage) -> dict[str, Any]:
    """The coverage numbers as JSON-ready data."""
    return {
        "templates": report.templates,
        "codes_total": report.codes_total,
        "codes_covered": report.codes_covered,
        "codes_not_covered": report.codes_total - report.codes_covered,
        **{f"{tier.value.lower()}_covered": len(report.covered[tier]) for tier in Tier},
        **{
            f"{tier.value.lower()}_total": len(report.covered[tier]) + len(report.not_covered[tier])
            for tier in Tier
        },
        "not_covered": [code for tier in Tier for code in report.not_covered[tier]],
        "topics": [
            {"tier": t.tier.value, "topic": t.topic, "covered": t.covered, "total": t.total}
            for t in report.topics
        ],
    }
