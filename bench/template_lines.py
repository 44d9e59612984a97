"""Lines per template: non-blank, non-comment lines of each topic's template modules.

    python bench/template_lines.py number algebra            # the working tree
    python bench/template_lines.py --rev c86df2f number      # as of a commit

For each topic it prints every module (its lines and the templates it registers, counted by
``@register``), the topic's helper modules (``_common.py``, ``common.py``, ``_tables.py``…: any
module without a template), and the totals: lines per template with and without the helpers.
Docstrings count as lines (they are code a reader reads); ``#`` comment lines do not.
"""

from __future__ import annotations

import argparse
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = "generation/engine/templates"


@dataclass(frozen=True)
class Module:
    name: str
    lines: int
    templates: int


def source_lines(text: str) -> int:
    """Non-blank lines that are not ``#`` comments."""
    return sum(1 for line in text.splitlines() if line.strip() and not line.strip().startswith("#"))


def _files(topic: str, rev: str | None) -> dict[str, str]:
    folder = f"{TEMPLATES}/{topic}"
    if rev is None:
        return {p.name: p.read_text() for p in sorted((ROOT / folder).glob("*.py"))}
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{rev}:{folder}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return {
        name: subprocess.run(
            ["git", "show", f"{rev}:{folder}/{name}"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for name in sorted(listing)
        if name.endswith(".py")
    }


def modules(topic: str, rev: str | None = None) -> list[Module]:
    return [
        Module(name, source_lines(text), text.count("\n@register"))
        for name, text in _files(topic, rev).items()
        if name != "__init__.py"
    ]


def report(topic: str, rev: str | None = None) -> dict[str, float]:
    found = modules(topic, rev)
    templates = sum(m.templates for m in found)
    own = sum(m.lines for m in found if m.templates)
    helpers = sum(m.lines for m in found if not m.templates)
    return {
        "templates": templates,
        "template_lines": own,
        "helper_lines": helpers,
        "per_template": round(own / templates, 1) if templates else 0.0,
        "per_template_with_helpers": round((own + helpers) / templates, 1) if templates else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", nargs="+")
    parser.add_argument("--rev", help="a git revision (default: the working tree)")
    args = parser.parse_args()
    for topic in args.topics:
        print(f"{topic} ({args.rev or 'working tree'})")
        for m in modules(topic, args.rev):
            kind = f"{m.templates} template(s)" if m.templates else "helpers"
            print(f"  {m.name:<28} {m.lines:>5}  {kind}")
        summary = report(topic, args.rev)
        print(
            f"  = {summary['templates']} templates, {summary['template_lines']} lines in "
            f"template modules + {summary['helper_lines']} helper lines: "
            f"{summary['per_template']} per template "
            f"({summary['per_template_with_helpers']} with the topic's helpers)"
        )


if __name__ == "__main__":
    main()
