"""PDF page → clean characters: the one place that touches pdfplumber objects.

``page_to_parsed`` reads a pdfplumber page once and returns a ``ParsedPage`` of plain
values (characters in page coordinates, box rectangles, counts) that the layout code
works on and that can be cached as JSON. Coordinates are relative to the page's own
bounding box, so a MediaBox that does not start at (0, 0) gives the same numbers as
one that does.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

# Characters that CID-keyed Japanese fonts map to a look-alike code point. The text
# sources of these white papers use the full-width forms, so the PDF adapter maps them
# back: (from, to, why).
LOOKALIKES: tuple[tuple[str, str, str], ...] = (
    ("\u301c", "\uff5e", "WAVE DASH → FULLWIDTH TILDE (range 〜)"),
    ("\u2212", "\uff0d", "MINUS SIGN → FULLWIDTH HYPHEN-MINUS"),
)
LOOKALIKE_MAP: dict[str, str] = {src: dst for src, dst, _ in LOOKALIKES}
# Invisible format characters some producers put between glyphs: dropped.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")

CID_CODE = re.compile(r"^\(cid:\d+\)$")
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Char:
    """One printed glyph in page coordinates (points from the page's top-left)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool = True

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def xmid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Rect:
    x0: float
    top: float
    x1: float
    bottom: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    def encloses(self, other: Rect) -> bool:
        return (self.x0 <= other.x0 and self.top <= other.top
                and self.x1 >= other.x1 and self.bottom >= other.bottom)


@dataclass(frozen=True)
class ParsedPage:
    """Everything the layout needs from one page, parsed once."""

    page_index: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rects: tuple[Rect, ...]
    images: int
    cid_count: int

    def to_json(self) -> dict[str, Any]:
        return {"page_index": self.page_index, "width": self.width, "height": self.height,
                "chars": [list(asdict(c).values()) for c in self.chars],
                "rects": [list(asdict(r).values()) for r in self.rects],
                "images": self.images, "cid_count": self.cid_count}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedPage:
        return cls(page_index=data["page_index"], width=data["width"], height=data["height"],
                   chars=tuple(Char(*c) for c in data["chars"]),
                   rects=tuple(Rect(*r) for r in data["rects"]),
                   images=data["images"], cid_count=data["cid_count"])


def dedupe_chars(chars: list[dict[str, Any]], tolerance: float) -> list[dict[str, Any]]:
    """Drop glyphs printed twice (fake bold): same text, font, size and upright flag at
    positions within ``tolerance``. pdfplumber's ``dedupe_chars`` rule, in O(n log n)."""
    kept: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    step = max(tolerance, 0.01)
    for char in chars:
        key = (char["text"], char["fontname"], round(char["size"], 2), char["upright"])
        gx, gy = int(char["x0"] // step), int(char["doctop"] // step)
        if any((*key, gx + dx, gy + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            continue
        seen.add((*key, gx, gy))
        kept.append(char)
    return kept


def normalise_char_text(text: str) -> tuple[str, bool]:
    """Map look-alikes back; a ``(cid:NN)`` code becomes U+FFFD. Returns (text, was_cid)."""
    if len(text) > 1 and CID_CODE.match(text):
        return REPLACEMENT, True
    return LOOKALIKE_MAP.get(text, text), False


def raw_to_chars(raw: list[dict[str, Any]], bbox: tuple[float, float, float, float],
                 ) -> tuple[list[Char], int]:
    """pdfplumber char dicts → ``Char`` relative to ``bbox``, keeping glyphs whose centre is
    on the page. Returns the chars and the number of ``(cid:NN)`` codes met."""
    left, top, right, bottom = bbox
    chars: list[Char] = []
    cid_count = 0
    for c in raw:
        xmid, ymid = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if not (left <= xmid <= right and top <= ymid <= bottom):
            continue
        text, was_cid = normalise_char_text(c["text"])
        cid_count += was_cid
        if text in INVISIBLE:
            continue
        chars.append(Char(text, round(c["x0"] - left, 2), round(c["x1"] - left, 2),
                          round(c["top"] - top, 2), round(c["bottom"] - top, 2),
                          round(c["size"], 2), bool(c["upright"])))
    return chars, cid_count


def raw_to_rects(raw: list[dict[str, Any]], bbox: tuple[float, float, float, float],
                 ) -> list[Rect]:
    """Filled or stroked rectangles and ruled lines in page coordinates (a line is a
    rectangle of no width or height; boxes and rules are told apart later)."""
    left, top = bbox[0], bbox[1]
    return [Rect(round(r["x0"] - left, 2), round(r["top"] - top, 2),
                 round(r["x1"] - left, 2), round(r["bottom"] - top, 2))
            for r in raw if r.get("fill") or r.get("stroke") or r.get("object_type") == "line"]


def page_to_parsed(page: Any, page_index: int, dedupe_tolerance: float) -> ParsedPage:
    """Read a pdfplumber page once into a ``ParsedPage``."""
    bbox = tuple(float(v) for v in page.bbox)
    box = (bbox[0], bbox[1], bbox[2], bbox[3])
    chars, cid_count = raw_to_chars(dedupe_chars(page.chars, dedupe_tolerance), box)
    return ParsedPage(page_index=page_index, width=round(box[2] - box[0], 2),
                      height=round(box[3] - box[1], 2), chars=tuple(chars),
                      rects=tuple(raw_to_rects(page.rects + page.lines, box)), images=len(page.images),
                      cid_count=cid_count)
