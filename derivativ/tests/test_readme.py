"""The README's engine coverage lines are what the coverage command prints."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_coverage_is_what_the_command_prints():
    block = re.search(r"<!-- coverage:begin -->\n```\n(.*?)```", README.read_text(), re.S)
    assert block, "the README has no coverage block"
    out = StringIO()
    call_command("generate_questions", "--coverage", stdout=out)
    printed = [line.strip() for line in out.getvalue().splitlines()]
    for line in block.group(1).strip().splitlines():
        assert line.strip() in printed, f"README says {line!r}; the command prints otherwise"
