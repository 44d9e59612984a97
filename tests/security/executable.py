"""What counts as executable markup in a page: script elements, on* attributes, javascript: URLs
(parsed as a browser would, with html5lib)."""

from __future__ import annotations

from typing import Any

import html5lib

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}


def parse(document: str) -> Any:
    """``document`` parsed as a browser parses it."""
    return html5lib.parse(document, namespaceHTMLElements=False)


def executable_markup(document: str | Any) -> list[str]:
    """Everything in ``document`` (HTML, or its :func:`parse` tree) that a browser would run;
    empty when the page is inert."""
    tree = parse(document) if isinstance(document, str) else document
    found: list[str] = []
    for element in tree.iter():
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag in ("script", "iframe", "object", "embed", "foreignobject"):
            script = (element.text or "").strip()
            src = element.get("src") or ""
            ours = (tag == "script" and src.startswith(("/static/", "/admin/jsi18n/"))) or (
                tag == "iframe" and src.startswith("/papers/") and element.get("srcdoc") is None
            )  # the app's own static scripts and its paper preview; never inline code
            if not ours or script:
                found.append(f"<{tag}> {script[:60]}")
        for raw_name, value in element.attrib.items():
            name = str(raw_name).rsplit("}", 1)[-1].lower()
            if name.startswith("on") and not name.startswith("on:"):
                found.append(f"{tag} {name}={value[:60]!r}")
            if name in URL_ATTRIBUTES or name == "style":
                compact = "".join(value.split()).lower()
                if "javascript:" in compact or "vbscript:" in compact or "expression(" in compact:
                    found.append(f"{tag} {name}={value[:60]!r}")
    return found
