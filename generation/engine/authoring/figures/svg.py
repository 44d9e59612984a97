"""The one SVG element writer every figure is drawn with.

Numbers are written with at most two decimals, every label is escaped and gets the real minus
sign (U+2212), one font is used throughout, and the output keeps to the elements and
attributes :func:`questions.rendering.sanitise_svg` allows (no styles, scripts or links).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

MINUS = "\u2212"
FONT = "serif"
FONT_SIZE = 14
NOTE_SIZE = 11
NOT_TO_SCALE = "NOT TO SCALE"
INK = "black"
GRID_INK = "#b5b5b5"
DASH = "6 4"
PX_PER_MM = 96 / 25.4  # CSS pixels per millimetre

Point = tuple[float, float]

# A hyphen used as a minus: not after a letter or digit (so "x-axis" keeps its hyphen), before
# a number, a letter, a bracket or a root; and " - " between terms.
_MINUS = re.compile(r"(?<![A-Za-z0-9])-(?=[\d.(A-Za-z\u221a])")


def num(x: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never ``-0``."""
    text = f"{float(x):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "", "-") else text


def label_text(words: object) -> str:
    """A label as it is printed: the real minus sign, then escaped for XML."""
    text = str(words).replace(" - ", f" {MINUS} ")
    return escape(_MINUS.sub(MINUS, text))


def points_attr(points: Iterable[Point]) -> str:
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


@dataclass(frozen=True)
class Label:
    """A label's text and its estimated box in pixels (left, top, right, bottom)."""

    text: str
    box: tuple[float, float, float, float]
    parts: frozenset[str] = frozenset()  # the ``part-N`` classes of the lines it belongs to


def label_box(
    x: float, y: float, text: str, size: float, anchor: str = "middle", baseline: str = ""
) -> tuple[float, float, float, float]:
    """The box a label covers, estimated from its font size and number of characters."""
    width = 0.55 * size * len(text)
    left = {"middle": x - width / 2, "start": x, "end": x - width}.get(anchor, x - width / 2)
    # Centred on y, or standing on the alphabetic baseline (most of the glyphs above y).
    top = y - 0.5 * size if baseline in ("central", "middle") else y - 0.75 * size
    return (left, top, left + width, top + size)


class Svg:
    """Collects SVG elements (pixel coordinates, y down) and writes the document."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.labels: list[Label] = []
        # The part (a ``class`` token) the next elements belong to: a label and the lines it
        # labels share one, the only lines the label may touch (:mod:`.layout`).
        self.part = ""

    def _stroke(self, width: float, dashed: bool, colour: str) -> str:
        dash = f' stroke-dasharray="{DASH}"' if dashed else ""
        return f'stroke="{colour}" stroke-width="{num(width)}"{dash}{self._class()}'

    def _class(self) -> str:
        return f' class="{self.part}"' if self.part else ""

    def line(
        self, a: Point, b: Point, *, width: float = 1.5, dashed: bool = False, colour: str = INK
    ) -> Svg:
        self._parts.append(
            f'<line x1="{num(a[0])}" y1="{num(a[1])}" x2="{num(b[0])}" y2="{num(b[1])}" '
            f"{self._stroke(width, dashed, colour)}/>"
        )
        return self

    def polygon(
        self,
        points: Sequence[Point],
        *,
        fill: str = "none",
        width: float = 1.5,
        dashed: bool = False,
        colour: str = INK,
    ) -> Svg:
        self._parts.append(
            f'<polygon points="{points_attr(points)}" fill="{fill}" '
            f"{self._stroke(width, dashed, colour)}/>"
        )
        return self

    def polyline(self, points: Sequence[Point], *, width: float = 1.0) -> Svg:
        self._parts.append(
            f'<polyline points="{points_attr(points)}" fill="none" '
            f"{self._stroke(width, False, INK)}/>"
        )
        return self

    def path(self, d: str, *, width: float = 1.5, dashed: bool = False, fill: str = "none") -> Svg:
        self._parts.append(f'<path d="{d}" fill="{fill}" {self._stroke(width, dashed, INK)}/>')
        return self

    def circle(self, centre: Point, r: float, *, fill: str = "none", width: float = 1.5) -> Svg:
        stroke = self._class() if fill == INK else " " + self._stroke(width, False, INK)
        self._parts.append(
            f'<circle cx="{num(centre[0])}" cy="{num(centre[1])}" r="{num(r)}" fill="{fill}"'
            f"{stroke}/>"
        )
        return self

    def text(
        self,
        at: Point,
        words: object,
        *,
        size: float = FONT_SIZE,
        anchor: str = "middle",
        italic: bool = False,
        central: bool = True,
    ) -> Svg:
        """A label centred on ``at`` (``central``) or standing on it; its box is recorded."""
        shown = str(words).replace(" - ", f" {MINUS} ")
        shown = _MINUS.sub(MINUS, shown)
        baseline = ' dominant-baseline="central"' if central else ""
        style = ' font-style="italic"' if italic else ""
        self._parts.append(
            f'<text x="{num(at[0])}" y="{num(at[1])}" text-anchor="{anchor}" '
            f'font-size="{num(size)}"{baseline}{style}{self._class()}>{escape(shown)}</text>'
        )
        box = label_box(at[0], at[1], shown, size, anchor, "central" if central else "")
        self.labels.append(Label(shown, box, frozenset(self.part.split())))
        return self

    def document(
        self,
        width: float,
        height: float,
        title: str,
        *,
        note: str = NOT_TO_SCALE,
        mm: bool = False,
    ) -> str:
        """The whole figure; ``mm`` sizes it in millimetres so it prints at its scale."""
        if mm:
            size = f'width="{num(width / PX_PER_MM)}mm" height="{num(height / PX_PER_MM)}mm"'
        else:
            size = f'width="{num(width)}" height="{num(height)}"'
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
            f'{size} role="img" aria-label={quoteattr(title)} '
            f'font-family="{FONT}" font-size="{FONT_SIZE}">'
        )
        tail = ""
        if note:
            tail = (
                f'<text x="{num(width - 4)}" y="12" text-anchor="end" '
                f'font-size="{NOTE_SIZE}">{label_text(note)}</text>'
            )
        return head + "".join(self._parts) + tail + "</svg>"
