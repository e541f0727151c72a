"""Acronyms with a number (``ＣＯＰ28``, ``ＴＩＣＡＤ９``): whether digits glued to an
acronym are its number or a footnote marker left in the text (``FootnoteMarkers``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from pipeline.corpus.acronym_definitions import Definition
from pipeline.corpus.entries import Place
from pipeline.corpus.glossary_inputs import frame_rows

# An NFKC acronym with a number: its letters (COP of COP28, TICAD of TICAD 9).
NUMBERED = re.compile(r"([A-Za-z][A-Za-z&]*[A-Za-z])[ \-]?[0-9]+")


class FootnoteMarkers:
    """Are half-width digits glued to an acronym in full-width letters a footnote marker
    left in the text (``ＡＳＥＡＮＡＰＯＬ1``), or the acronym's number (``ＣＯＰ29``)? A
    number, when the chapters define the letters with a number (``第28回締約国会議
    （ＣＯＰ28）``: a numbered series) or when the footnotes are numbered and the
    mention's chapter has no footnote of that number; else a marker."""

    def __init__(self, numbers: dict[str, set[str] | None] | None,
                 numbered: Iterable[str]) -> None:
        self._numbers = numbers   # chapter → its footnote numbers (None: not all read)
        self._series = frozenset(numbered)

    @classmethod
    def of(cls, footnotes: Iterable[pd.DataFrame],
           definitions: Mapping[str, Definition]) -> FootnoteMarkers:
        """From the footnotes (``number`` when they have it) and the NFKC acronyms
        defined."""
        numbers: dict[str, set[str] | None] | None = None
        for frame in footnotes:
            if "number" not in frame.columns:
                continue
            numbers = numbers if numbers is not None else {}
            for chapter, number in frame_rows(frame, "footnotes", ("chapter", "number")):
                held = numbers.setdefault(chapter, set())
                digits = str(number) if isinstance(number, str) else ""
                if held is not None and digits.isdigit():
                    held.add(str(int(digits)))
                else:
                    numbers[chapter] = None   # an unnumbered footnote: any number may be
        series = (m[1] for a in definitions if (m := NUMBERED.fullmatch(a)))
        return cls(numbers, series)

    def is_marker(self, letters: str, digits: str, place: Place | None) -> bool:
        """``letters`` (NFKC) and the ``digits`` glued to them in a mention at ``place``."""
        if letters in self._series:
            return False
        if self._numbers is None or place is None:
            return True
        held = self._numbers.get(place[2], set())
        return held is None or str(int(digits)) in held
