"""What a chapter's names stand for: acronyms' long forms and names' English.

``chapter_names(texts)`` reads a chapter's paragraphs and headings once and keeps

- the acronyms it defines (``acronyms.find_acronym_pairs``: ``技術移転機関（ＴＬＯ）``,
  ``RAN（Radio Access Network：無線アクセスネットワーク）``): the Japanese long form from
  the surest definition (a long form before the acronym, or an English one that spells
  it, before ``ABBR（日本語の説明）``), then the first; the English likewise;
- a definition split between two paragraphs, a table cell printed over two lines
  (``ＤＨＳ Ｓ＆Ｔ（国`` | ``土安全保障省科学技術局）``: ``pairs_across``);
- the translations it prints (``人工知能（Artificial Intelligence）``): an acronym it does
  not define takes its long forms from the first translation whose English words it
  abbreviates (``AI``), and a name printed with its English gets that English;

``ChapterNames.of(label, canonical, english, how)`` then gives a mention's
``canonical``, ``canonical_en``, ``english_source`` and ``canonical_en_romanized``: an
acronym reads the chapter's definition, else ``acronyms.tsv`` (the same in
every chapter: ``ＡＩ`` → 人工知能), each filling what the other lacks, and with neither
English, the gazetteer's English of the long form when the acronym abbreviates it
(``アフリカ連合（ＡＵ）``: African Union; not ``米国の国家安全保障局（ＮＳＡ）``);
a LAW or PROGRAM
with no English printed takes it from ``laws.tsv``/``programs.tsv`` (``official_names``,
``english_source`` ``laws``/``programs``), an ORG, EVENT or LAW that is a long form of
``acronyms.tsv`` from there (``アフリカ開発会議``, the treaty ``核兵器不拡散条約``); an ORG with no
official English name gets a romanised one (``romanize``) in its own column, marked
``romanized``, never in ``canonical_en``; not a foreign body, whose Japanese name is a
translation and whose romaji no one would know it by: a name that opens with a foreign
country's name (``places.tsv``: 米国国務省, ドイツ連邦外務省) or a word UniDic knows as a
foreign country's (朝鮮労働党) or as a proper noun in katakana that opens no Japanese
body's name the gazetteer lists (ブルッキングス研究所, ハーバード大学: ``foreign_names``),
or a ministry (an org word
of type ``ORG_MINISTRY``, 省) the gazetteer does not list, as it lists Japan's
(国務省 is the US Department of State's name in Japanese), or a part of an international
or foreign body the gazetteer lists (ＥＵ外務理事会, 国連開発計画東京事務所), nor a
diplomatic mission (``mission_orgs``: 在米国日本国大使館, Japan's or another country's), nor a
company named with 社 (``company_word_orgs``: Google社, ボーダフォン社), nor a bureau
whose ministry the text does not name (``ministry_bureaus``). ``ChapterNames.label_of`` swaps ORG and EVENT
by the head word of that English (``entity_english_heads.tsv``: ``Conference`` → EVENT).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.common.lexicons import word_map
from pipeline.common.text import fold_nfkc
from pipeline.tagging.entities.acronym_forms import abbreviates, initials_match, is_acronym
from pipeline.tagging.entities.acronyms import (
    AcronymPair,
    Translation,
    find_acronym_pairs,
    find_translations,
)
from pipeline.tagging.entities.expansions import expansion_named, expansion_of, listed_long_form
from pipeline.tagging.entities.foreign_names import opens_with_a_foreign_name
from pipeline.tagging.entities.gazetteer import country_names, foreign_bodies, lookup
from pipeline.tagging.entities.ministry_bureaus import UNPLACED_HOW
from pipeline.tagging.entities.official_names import official_english
from pipeline.tagging.entities.org_words import ORG_SUFFIXES
from pipeline.tagging.entities.paragraph_view import ParagraphView
from pipeline.tagging.entities.places import place_named
from pipeline.tagging.entities.romanize import romanize_name

# The rule of a body of several countries, or of one not named (英国と米国の外務省,
# 各国の外務省: ``foreign_country_orgs``): no English, flagged in its row.
SEVERAL_COUNTRIES_HOW = "countries_body"
# An English name's head word → the label it makes the name (entity_english_heads.tsv).
_ENGLISH_HEADS = word_map("entity_english_heads")
_HEAD_ENDS = re.compile(r"\s+(?:of|on|for|in|to|at|against)\s", re.IGNORECASE)
_SWAPPED = ("ORG", "EVENT")   # the labels an English head may swap


def english_head(english: str) -> str:
    """The head word of an English name: the word before its first of/on/for/in/to/at/
    against, else its last (``Tokyo International Conference on African Development`` →
    ``Conference``)."""
    cut = _HEAD_ENDS.search(english)
    words = (english[:cut.start()] if cut else english).split()
    return words[-1].strip(".,'") if words else ""


@dataclass(frozen=True)
class AcronymSense:
    """What an acronym stands for: its Japanese and English long forms and where they
    were read (``text``: the chapter; ``acronyms``: acronyms.tsv)."""

    japanese: str
    english: str
    source: str


# How sure a definition is, by how it was written (lower is surer).
_DEFINITION_RANK = {"long_short": 0, "english_japanese": 0, "english": 0, "ika_toiu": 0,
                    "short_long": 1}


@dataclass
class ChapterNames:
    """The acronyms a chapter defines (NFKC acronym → sense), its translations, and the
    English printed beside its Japanese names (NFKC Japanese → English)."""

    senses: dict[str, AcronymSense] = field(default_factory=dict)
    translations: list[Translation] = field(default_factory=list)
    english: dict[str, str] = field(default_factory=dict)
    # acronyms (NFKC) that abbreviate none of ``translations``: each is looked for once,
    # not at each of its mentions (every ＡＩ of st2024-1-3 tried every translation: a
    # sixth of its entity rows' time, measured)
    untranslated: set[str] = field(default_factory=set, repr=False)

    def sense(self, acronym: str) -> AcronymSense | None:
        """The sense of an acronym mention: the chapter's, completed from a translation
        it abbreviates, then from acronyms.tsv."""
        key = fold_nfkc(acronym)
        own = self.senses.get(key)
        if (own is None or not (own.japanese and own.english)) \
                and key not in self.untranslated:
            translated = next((t for t in self.translations
                               if initials_match(key, fold_nfkc(t.english))), None)
            if translated is None:
                self.untranslated.add(key)
            else:
                own = AcronymSense(own.japanese if own and own.japanese else translated.japanese,
                                   own.english if own and own.english
                                   else fold_nfkc(translated.english), "text")
                self.senses[key] = own
        common = expansion_of(key)
        if common is None:
            return own
        if own is None:
            return AcronymSense(common.japanese, common.english, "acronyms")
        own = AcronymSense(listed_long_form(key, own.japanese), own.english, own.source)
        if own.english:
            return AcronymSense(own.japanese or common.japanese, own.english, own.source)
        return AcronymSense(own.japanese or common.japanese, common.english, "acronyms")

    def label_of(self, label: str, canonical: str, english: str = "") -> str:
        """An ORG or EVENT whose English the chapter prints or acronyms.tsv lists (or
        ``english``, the rule's) with a head word of the other kind takes that label:
        ``アフリカ開発会議`` (Tokyo International Conference on African Development) is an
        EVENT though 会議 ends councils' names too; other labels stay."""
        if label not in _SWAPPED or lookup(canonical) is not None:
            return label   # a gazetteer body is one (国連貿易開発会議: a Conference)
        key = fold_nfkc(canonical)
        listed = expansion_named(key)
        name = english or self.english.get(key) or (listed.english if listed else "")
        swapped = _ENGLISH_HEADS.get(english_head(name), label) if name else label
        return swapped if swapped in _SWAPPED else label

    def of(self, label: str, canonical: str, english: str, how: str) -> dict[str, Any]:
        """``canonical``, ``canonical_en``, ``english_source`` (None when there is no
        English) and ``canonical_en_romanized`` of a mention (module docstring)."""
        source = _source_of(how) if english else ""
        if of_several_countries(how):
            # 英国と米国の外務省: several countries' bodies under a Japanese body's name,
            # which the chapter's English or a table would give Japan's English
            return {"canonical": canonical, "canonical_en": "", "english_source": None,
                    "canonical_en_romanized": ""}
        if label == "ACRONYM":
            acronym = fold_nfkc(canonical)
            sense = self.sense(canonical)
            if sense is not None:
                canonical = sense.japanese or canonical
                if sense.english:
                    english, source = sense.english, sense.source
            body = lookup(canonical) if not english else None
            if body is not None and body.canonical_en and \
                    abbreviates(acronym, body.acronym, body.canonical_en):
                english, source = body.canonical_en, "gazetteer"   # ＡＵ: アフリカ連合
        elif not english and fold_nfkc(canonical) in self.english:
            english, source = self.english[fold_nfkc(canonical)], "text"
        if not english:
            english, source = official_english(label, canonical)   # laws.tsv, programs.tsv
        if not english and (label in _SWAPPED or label == "LAW"):
            # アフリカ開発会議: TICAD's long form; 核兵器不拡散条約: the NPT's
            listed = expansion_named(canonical)
            if listed is not None:
                english, source = listed.english, "acronyms"
        romanized = ""
        if label == "ORG" and not english:
            place = place_named(canonical)
            if place is not None and place.name_en:
                english, source = place.name_en, "places"
            elif how.endswith("country_body") or how.split("+", 1)[0].endswith(_UNROMANISED) \
                    or is_foreign_body(canonical):
                source = ""
            else:
                romanized = romanize_name(canonical)
                source = "romanized" if romanized else ""
        return {"canonical": canonical, "canonical_en": english,
                "english_source": source or None, "canonical_en_romanized": romanized}


# Rules whose bodies get no romanised name: a diplomatic mission, whose country the rule
# does not read, a company named with 社 (Google社), mostly a foreign one, and a bureau
# whose ministry the text does not name (``ministry_bureaus``).
_UNROMANISED = ("mission", "company_word", UNPLACED_HOW)


def of_several_countries(how: str) -> bool:
    """Did the rule ``how`` find a body of several countries (``countries_body``)?"""
    return how.split("+", 1)[0].endswith(SEVERAL_COUNTRIES_HOW)


def is_foreign_body(canonical: str) -> bool:
    """Is the body an ORG's ``canonical`` names, one no table lists, a foreign one: its
    name opens with a foreign country's name or a listed international or foreign body's,
    or with a foreign name by its word (``opens_with_a_foreign_name``), or it is a
    ministry (省) the gazetteer, which lists Japan's, does not know?"""
    return canonical.startswith(_foreign_country_names()) or any(
        canonical.endswith(word) for word, kind in ORG_SUFFIXES.items()
        if kind == "ORG_MINISTRY") or _opens_with_a_foreign_body(canonical) \
        or opens_with_a_foreign_name(canonical)


def _opens_with_a_foreign_body(canonical: str) -> bool:
    """Does ``canonical`` open with the name of an international body or of a foreign
    one the gazetteer lists (ＥＵ外務理事会, 国連開発計画東京事務所: a part of it)?"""
    for cut in range(2, len(canonical)):
        entry = lookup(canonical[:cut])
        if entry is not None and (entry.type == "ORG_INTL"
                                  or entry.canonical_ja in foreign_bodies()):
            return True
    return False


@lru_cache(maxsize=1)
def _foreign_country_names() -> tuple[str, ...]:
    """Every name of every country of ``places.tsv`` but Japan."""
    return tuple(form for country, forms in country_names().items() if country != "日本"
                 for form in forms)


def _source_of(how: str) -> str:
    """Where the English a rule gave comes from: places.tsv, the text (a name's English
    printed in its brackets) or the gazetteer."""
    if how.startswith("place_"):
        return "places"
    return "gazetteer" if how.startswith("org_") or how == "acronym" else "text"


def bracket_goes_on(first: str, second: str) -> bool:
    """Does ``first`` end inside a bracket that ``second``, the next paragraph, closes
    before it opens another (a table cell printed over two lines)?"""
    if not first or not second or max(first.rfind("("), first.rfind("（")) <= \
            max(first.rfind(")"), first.rfind("）")):
        return False   # most paragraphs: no bracket left open (no folding needed)
    tail = fold_nfkc(second)
    return tail.find(")") >= 0 and not -1 < tail.find("(") < tail.find(")")


def word_goes_on(first: str, second: str) -> bool:
    """Does a word run on from ``first`` into ``second`` inside such a bracket
    (``（国`` | ``土安全保障省…``)? A name found at ``second``'s start is then cut."""
    return bracket_goes_on(first, second) and bool(
        _NAME_CHAR.match(first[-1]) and _NAME_CHAR.match(second[0]))


_NAME_CHAR = re.compile(r"[\u3400-\u9fff々\u30a1-\u30fa\u30fcA-Za-zＡ-Ｚａ-ｚ0-9０-９]")


def pairs_across(first: str, second: str) -> list[AcronymPair]:
    """Definitions whose bracket opens at the end of ``first`` and closes in ``second``,
    the next paragraph: a table cell printed over two lines, each a paragraph of its own
    (``ＮＳＦ、ＤＨＳ Ｓ＆Ｔ（国`` | ``土安全保障省科学技術局）、``). Only when ``first`` ends
    inside a bracket and ``second`` closes one before it opens another."""
    if not bracket_goes_on(first, second):
        return []
    joined = first + second
    return [pair for pair in find_acronym_pairs(joined) if pair.start < len(first) < pair.end]


def chapter_names(texts: Iterable[str | ParagraphView]) -> ChapterNames:
    """The names a chapter defines, read from its paragraphs and headings (``texts``:
    strings, or paragraph views whose folded text is reused)."""
    japanese: dict[str, tuple[int, str]] = {}
    english: dict[str, tuple[int, str]] = {}
    names = ChapterNames()

    def add(pair: AcronymPair) -> None:
        key = pair.acronym_ascii
        if not is_acronym("".join(c for c in key if c.isascii())):
            return
        rank = _DEFINITION_RANK.get(pair.how, 2)
        if pair.japanese and rank < japanese.get(key, (9, ""))[0]:
            japanese[key] = (rank, pair.japanese)
        if pair.english and rank < english.get(key, (9, ""))[0]:
            english[key] = (rank, pair.english)
        if pair.japanese and pair.english:
            names.english.setdefault(fold_nfkc(pair.japanese), fold_nfkc(pair.english))

    previous = ""
    for text in texts:
        raw, folding = (text, None) if isinstance(text, str) else (text.text, text.folding)
        for pair in find_acronym_pairs(raw, folding=folding):
            add(pair)
        for pair in pairs_across(previous, raw):
            add(pair)
        previous = raw
        for translation in find_translations(raw, folding=folding):
            names.translations.append(translation)
            names.english.setdefault(fold_nfkc(translation.japanese),
                                     fold_nfkc(translation.english))
    names.senses = {key: AcronymSense(japanese.get(key, (0, ""))[1],
                                      english.get(key, (0, ""))[1], "text")
                    for key in {*japanese, *english}}
    return names
