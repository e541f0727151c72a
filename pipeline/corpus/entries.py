"""Glossary rows being built (``Entry``) and the passes over all of them once every
source is read: key terms that are pieces of names dropped, rows filed as ACRONYM that
are no acronym typed (``pipeline.corpus.latin``), English from ``acronyms.tsv`` and from
names printed in Latin letters, Latin pieces of longer names dropped."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import pandas as pd

from pipeline.common.text import fold_nfkc
from pipeline.corpus.latin import ACRONYM as ACRONYM_CATEGORY
from pipeline.corpus.latin import (
    CODE,
    NAME,
    NUMERAL,
    WORD,
    common_acronyms,
    is_latin,
    kind_of,
    latin_name,
)
from pipeline.tagging.entities.form_index import FormIndex
from pipeline.tagging.entities.official_names import official_english
from pipeline.tagging.entities.resolve import LABEL_RANK, UNRANKED

Place = tuple[int, int, str, str]   # chapter rank, paragraph rank, chapter, para_id
CATEGORY_RANK = {**LABEL_RANK, "term": len(LABEL_RANK)}   # an entity label before a term
# Where a row's English comes from, most trusted first: the chapter's footnote or text,
# the gazetteer or places.tsv (through the entities), acronyms.tsv, the term itself
# printed in Latin letters (a name such as ``OpenAI``: its English is its name); between
# them ``numbered``, a numbered session's English made from its letters' English
# (``pipeline.corpus.numbered_acronyms``).
ENGLISH_SOURCES = ("footnote", "text", "gazetteer", "places", "acronym_list", "numbered",
                   "printed", "")
ROMANIZED = "romanized"   # an entity's romanised fallback is no English: the romaji has it


def english_rank(source: str) -> float:
    """``ENGLISH_SOURCES`` order; a source the entities name that is not listed there
    (an official-name table) ranks with the gazetteer."""
    if source in ENGLISH_SOURCES:
        return ENGLISH_SOURCES.index(source)
    return ENGLISH_SOURCES.index("gazetteer") + 0.5


@dataclass
class Entry:
    """A glossary row being built."""

    term_ja: str
    category: str
    acronym: str = ""
    english: str = ""
    english_source: str = ""
    mentions: list[Place] = field(default_factory=list)
    defined_at: list[Place] = field(default_factory=list)
    printed: dict[Place, str] = field(default_factory=dict)   # place → form printed there

    def seen(self, place: Place, form: str, times: int = 1, defined: bool = False) -> None:
        """``form`` printed at ``place`` (``times`` times)."""
        (self.defined_at if defined else self.mentions).extend([place] * times)
        self.printed.setdefault(place, form)

    def set_english(self, english: str, source: str) -> None:
        if english and source != ROMANIZED and \
                english_rank(source) < english_rank(self.english_source):
            self.english, self.english_source = english, source

    def set_category(self, category: str) -> None:
        if CATEGORY_RANK.get(category, UNRANKED) < CATEGORY_RANK.get(self.category, UNRANKED):
            self.category = category


def drop_name_fragments(entries: dict[str, Entry],
                        running: Collection[Place] = ()) -> dict[str, Entry]:
    """Key terms that are pieces of names or of longer terms: a term seen no more often
    than the names holding it are mentioned is seen only inside them (産業省 of
    経済産業省, 研修館 of 工業所有権情報・研修館); so is one seen no more often than the
    longer rows holding it print it in running text (``running``: the places of the
    text key terms are counted in), counting only the longest of those rows: 地域包括 of
    the term 地域包括ケアシステム and the ORG 地域包括支援センター, nested in several, which
    C-value keeps."""
    names = [(e.term_ja, len(e.mentions)) for e in entries.values() if e.category != "term"]
    kept = {}
    for key, entry in entries.items():
        if entry.category == "term":
            inside = sum(n for name, n in names if entry.term_ja in name and
                         name != entry.term_ja)
            if len(entry.mentions) <= inside or \
                    len(entry.mentions) <= _printed_inside(entry.term_ja, entries, running):
                continue
        kept[key] = entry
    return kept


def _printed_inside(term: str, entries: dict[str, Entry], running: Collection[Place]) -> int:
    """How often the longest rows holding ``term`` print it in running text: a key term's
    occurrences, a name's mentions there whose form holds it (not by its acronym)."""
    holding = [e for e in entries.values() if term in e.term_ja and e.term_ja != term]
    longest = [e for e in holding
               if not any(e.term_ja in o.term_ja and o.term_ja != e.term_ja for o in holding)]
    return sum(len(e.mentions) if e.category == "term" else
               sum(1 for place in e.mentions
                   if place in running and term in e.printed.get(place, e.term_ja))
               for e in longest)


def classify_latin(entries: dict[str, Entry]) -> dict[str, Entry]:
    """Rows of category ACRONYM whose acronym is no acronym (``pipeline.corpus.latin``):
    a Roman numeral is no term (dropped); a committee code is CODE; a name in Latin
    letters is NAME; an English word in capitals is WORD, unless the chapter gives what
    it stands for, and is the English of the Japanese term it follows (将来像（VISION）).
    Then the English of common acronyms (``acronyms.tsv``) and of laws and programmes
    (``laws.tsv``, ``programs.tsv``) where none was found, and the term itself where it is
    a name printed in Latin letters."""
    kept = {}
    for key, entry in entries.items():
        if entry.category == "ACRONYM":
            printed = entry.acronym or entry.term_ja
            kind = kind_of(printed, fold_nfkc(printed))
            if kind == NUMERAL:
                continue
            japanese = not is_latin(entry.term_ja)
            if kind == WORD and entry.english_source not in ("footnote", "text"):
                if japanese:
                    entry.set_english(fold_nfkc(entry.acronym), "text")
                    entry.acronym, kind = "", "term"
                entry.category = kind
            elif kind in (CODE, NAME) and not japanese:
                entry.category = kind
        _add_common_english(entry)
        _add_official_english(entry)
        name = latin_name(entry.term_ja)
        if entry.category not in ("ACRONYM", "WORD", "CODE", "term") and name:
            entry.set_english(name, "printed")
        kept[key] = entry
    return kept


def _add_common_english(entry: Entry) -> None:
    """English from ``acronyms.tsv`` for the row's acronym, when the row's Japanese term
    is the acronym itself or the one the list gives (with ``・`` and spaces ignored)."""
    for form in (entry.acronym, entry.term_ja):
        common = common_acronyms().get(fold_nfkc(form)) if form else None
        if common is None:
            continue
        term = fold_nfkc(entry.term_ja)
        if term == fold_nfkc(form) or _bare(term) in {_bare(fold_nfkc(j))
                                                      for j in common.japanese}:
            entry.set_english(common.english, "acronym_list")
            return


def _add_official_english(entry: Entry) -> None:
    """English from ``laws.tsv``/``programs.tsv`` for a LAW or PROGRAM row no mention gave
    it to (a programme defined with its acronym, ``特許情報プラットフォーム（Ｊ－ＰｌａｔＰａｔ）``)."""
    english, source = official_english(entry.category, entry.term_ja)
    entry.set_english(english, source)


def _bare(text: str) -> str:
    return re.sub(r"[・\s]", "", text)


def drop_latin_pieces(entries: dict[str, Entry],
                      paragraphs: Iterable[pd.DataFrame]) -> dict[str, Entry]:
    """Rows in Latin letters that the text prints only as the start or middle of a longer
    Latin name (``DISH`` of ``DISH Wireless``, ``Non-Terrestrial`` of ``Non-Terrestrial
    Network``): pieces, not terms. A row the chapter defines (English from a footnote or
    the text) or a common acronym (``acronyms.tsv``: ``R&D`` of ``R&D Initiative``) is
    kept."""
    forms = {fold_nfkc(e.term_ja): key for key, e in entries.items()
             if is_latin(e.term_ja) and e.category in (ACRONYM_CATEGORY, NAME, WORD)
             and e.english_source not in ("footnote", "text", "acronym_list")}
    if not forms:
        return entries
    index = FormIndex(forms)
    seen: dict[str, list[bool]] = {}
    for frame in paragraphs:
        for text in frame["text"].tolist():
            folded = fold_nfkc(str(text))
            for form in index.forms_in(folded):
                for match in re.finditer(re.escape(form), folded):
                    if _latin_at(folded, match.start() - 1) or _latin_at(folded, match.end()):
                        continue   # inside a longer word
                    seen.setdefault(form, []).append(_continued(folded, match.end()))
    pieces = {forms[form] for form, continued in seen.items() if continued and all(continued)}
    return {key: entry for key, entry in entries.items() if key not in pieces}


def _latin_at(text: str, at: int) -> bool:
    """Is ``text[at]`` a Latin letter or digit?"""
    return 0 <= at < len(text) and text[at].isascii() and text[at].isalnum()


def _continued(text: str, end: int) -> bool:
    """Does a capitalised Latin word follow the form, after a space or hyphen, as in a
    name (``DISH Wireless``; not ``ALOS-2 raw data``)?"""
    return re.match(r"[ \-][A-Z]", text[end:end + 2]) is not None
