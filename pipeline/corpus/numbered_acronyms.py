"""Acronyms with a number (``ＣＯＰ28``, ``ＴＩＣＡＤ９``): whether digits glued to an
acronym are its number or a footnote marker left in the text (``FootnoteMarkers``), and
the English of a numbered session whose letters' English is known
(``add_numbered_english``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from pipeline.common.lexicons import word_map
from pipeline.common.text import fold_nfkc
from pipeline.corpus.acronym_definitions import Definition
from pipeline.corpus.entries import Entry, Place
from pipeline.corpus.glossary_inputs import frame_rows
from pipeline.corpus.latin import common_acronyms
from pipeline.tagging.entities.senses import english_head

# An NFKC acronym with a number: its letters (COP of COP28, TICAD of TICAD 9).
NUMBERED = re.compile(r"([A-Za-z][A-Za-z&]*[A-Za-z])[ \-]?([0-9]+)")
# The English source of a numbered session's English: its letters' English (acronyms.tsv
# or a chapter's) with the session's ordinal, made here.
NUMBERED_SOURCE = "numbered"


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


def add_numbered_english(entries: dict[str, Entry]) -> None:
    """English for a row whose acronym is letters with a number (``ＴＩＣＡＤ９``) and
    whose long form prints that number as a session or edition of what the letters stand
    for (``第9回アフリカ開発会議``: 第N回 or 第N次 right before the letters' Japanese), when
    the letters' English is known (``acronyms.tsv``, or a row of the chapters with that
    acronym, its long form and English): the ordinal and that English, ``9th Tokyo
    International Conference on African Development``, source ``numbered``. So does a
    row of the acronym alone (``ＴＩＣＡＤ９``, no long form) when its letters name a
    meeting (the English's head word a Conference, Summit or Meeting:
    ``entity_english_heads.tsv``), whose number of one to three figures counts its
    sessions. A number the long form does not print so (``G7``, ``GPT-4``, ``ALOS-2``)
    says nothing of what it counts: no English. A session of an EVENT is an EVENT."""
    bases = _lettered_bases(entries)
    events = {fold_nfkc(e.term_ja) for e in entries.values() if e.category == "EVENT"}
    for entry in entries.values():
        match = NUMBERED.fullmatch(fold_nfkc(entry.acronym)) if entry.acronym else None
        if match is None or entry.english:
            continue
        letters, number = match[1], str(int(match[2]))
        term = fold_nfkc(entry.term_ja)
        bare = term == fold_nfkc(entry.acronym) and len(match[2]) <= 3   # 2023: a year
        for japanese, english in bases.get(letters, ()):
            if any(term.endswith(f"第{number}{counter}{japanese}") for counter in "回次") \
                    or (bare and _meeting(english)):
                entry.set_english(f"{ordinal(int(number))} {english}", NUMBERED_SOURCE)
                if entry.category == "ACRONYM" and (japanese in events or bare):
                    entry.category = "EVENT"
                break


def _meeting(english: str) -> bool:
    """Is ``english`` the name of a meeting, whose number counts its sessions (Tokyo
    International Conference on African Development: ``entity_english_heads.tsv``)?"""
    return MEETING_HEADS.get(english_head(english)) == "EVENT" and \
        english_head(english) not in NOT_COUNTED


# A numbered meeting's number counts its sessions; not an exposition's or a fair's,
# numbered by year (Expo 2025).
NOT_COUNTED = frozenset({"Expo", "Exposition", "Fair", "Festival"})
MEETING_HEADS = word_map("entity_english_heads")


def _lettered_bases(entries: Mapping[str, Entry]) -> dict[str, list[tuple[str, str]]]:
    """NFKC acronym without a number → (NFKC Japanese, English) of what it stands for:
    the chapters' rows first, then ``acronyms.tsv``."""
    bases: dict[str, list[tuple[str, str]]] = {}
    for entry in entries.values():
        acronym = fold_nfkc(entry.acronym) if entry.acronym else ""
        if acronym.isalpha() and acronym.isascii() and entry.english and \
                fold_nfkc(entry.term_ja) != acronym:
            bases.setdefault(acronym, []).append((fold_nfkc(entry.term_ja), entry.english))
    for acronym, common in common_acronyms().items():
        bases.setdefault(acronym, []).extend(
            (fold_nfkc(japanese), common.english) for japanese in common.japanese)
    return bases


def ordinal(number: int) -> str:
    """``9`` → ``9th``, ``21`` → ``21st``, ``12`` → ``12th``."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
