"""Acronym definitions (``Definition``): where the chapters define an acronym, what it
stands for and its English. From the text (``text_definitions``: ``技術移転機関（ＴＬＯ）``,
``（以下「公設試」という。）``, ``欧州宇宙機関（ESA：European Space Agency）``,
``生成ＡＩ（Generative AI）``), body text and headings before figures and tables, the first
in reading order per NFKC acronym; and from footnotes whose anchor is an acronym and
whose text is its English expansion (``add_footnote_definitions``). And how the text
says a Latin name, where it prints that in katakana after it (``printed_readings``:
``ＰＬＡＴＥＡＵ（プラトー）``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import jaconv
import pandas as pd

from pipeline.common.text import fold_nfkc
from pipeline.corpus.entries import Place
from pipeline.corpus.glossary_inputs import ParagraphIndex, frame_rows
from pipeline.corpus.latin import (
    english_and_japanese,
    has_two_content_words,
    is_english_phrase,
    split_english_in_brackets,
)
from pipeline.nlp.tokens import has_latin
from pipeline.tagging.entities.acronym_forms import initials_match, is_acronym
from pipeline.tagging.entities.acronyms import (
    AcronymPair,
    find_acronym_pairs,
    find_footnote_expansion,
    find_translations,
)
from pipeline.tagging.entities.expansions import listed_long_form

KIND_RANK = {"body": 0, "heading": 0, "column": 1, "note": 2, "caption": 3, "source": 3}
# The paragraph rank of a heading's place: after every paragraph, so that a term defined
# in a heading points at the first paragraph that prints it, and only a term no paragraph
# prints has its chapter and an empty first_para_id.
HEADING_ONLY = 10 ** 12


@dataclass(frozen=True)
class Definition:
    acronym: str        # as printed
    ascii: str          # NFKC
    long_form: str      # as printed; "" when none
    english: str
    source: str         # footnote or text
    place: Place | None

    @property
    def printed(self) -> str:
        """What the defining paragraph prints: the long form, else the acronym."""
        return self.long_form or self.acronym or self.ascii



def text_definitions(paragraphs: Iterable[pd.DataFrame], sections: Iterable[pd.DataFrame],
                     index: ParagraphIndex) -> dict[str, Definition]:
    """NFKC acronym → its first definition in the text (body and headings first), in the
    order of those first definitions."""
    first: dict[str, tuple[tuple[int, ...], Definition]] = {}
    for order, printed, where in _definition_texts(paragraphs, sections, index):
        text, english_of = split_english_in_brackets(printed)
        pairs = find_acronym_pairs(text)
        for key, definition in _english_only(text, english_of, pairs, order, where):
            if definition.ascii not in first or key < first[definition.ascii][0]:
                first[definition.ascii] = (key, definition)
        for n, pair in enumerate(pairs):
            if _paired_acronym(text, pair):
                continue   # ＢＩＭ／ＣＩＭ（Building／Construction …）: whose is which?
            english = pair.long_form if pair.how == "english" else ""
            english = english or english_of.get(pair.acronym_ascii, "")
            long_form = "" if pair.how == "english" else pair.long_form   # 日本語（ACR：English）
            acronym = pair.acronym
            if both := english_and_japanese(long_form):
                english, long_form = both   # RAN（Radio Access Network：無線アクセス…）
            if long_form and is_english_phrase(pair.acronym_ascii):
                acronym, english = "", pair.acronym_ascii   # 生成ＡＩ（Generative AI）
            elif not _is_abbreviation(pair.how, pair.acronym_ascii, fold_nfkc(pair.long_form)):
                continue
            long_form = listed_long_form(pair.acronym_ascii, long_form)   # not a cut tail
            if long_form and not has_two_content_words(long_form):
                continue   # ＮＨＳＸ（当時）: a remark in brackets, not what it stands for
            key = (*order, n)
            old = first.get(pair.acronym_ascii)
            if old is None or key < old[0]:
                first[pair.acronym_ascii] = (key, Definition(
                    acronym, pair.acronym_ascii, long_form, english,
                    "text" if english else "", where))
        for n, translation in enumerate(find_translations(text), start=1000):
            english = fold_nfkc(translation.english)
            if not has_latin(fold_nfkc(translation.japanese)) or english in first:
                continue   # a term holding an acronym: 生成ＡＩ（Generative AI）
            first[english] = ((*order, n), Definition(
                "", english, translation.japanese, english, "text", where))
    ordered = sorted(first.items(), key=lambda item: item[1][0])
    return {acronym: definition for acronym, (_, definition) in ordered}


def _english_only(text: str, english_of: Mapping[str, str], pairs: Sequence[AcronymPair],
                  order: tuple[int, ...], where: Place | None
                  ) -> Iterator[tuple[tuple[int, ...], Definition]]:
    """An acronym whose bracket prints its English (``（ＦＯＩＰ：Free and Open
    Indo-Pacific）``) but whose Japanese before it defines nothing (a verb clause:
    自由で開かれたインド太平洋): the acronym with its English, if the English spells it."""
    found = {pair.acronym_ascii for pair in pairs}
    for n, (acronym, english) in enumerate(english_of.items(), start=500):
        if acronym not in found and initials_match(acronym, english):
            yield (*order, n), Definition(_printed_acronym(text, acronym), acronym, "",
                                          english, "text", where)


def _paired_acronym(text: str, pair: AcronymPair) -> bool:
    """Is the pair's acronym the second of two joined by a slash (``ＢＩＭ／ＣＩＭ``)? The
    bracket after it spells out both (``Building／Construction Information Modeling``),
    not the second alone."""
    if pair.how not in ("english", "long_short", "abbr_with_suffix"):
        return False
    at = text.find(pair.acronym, pair.start)
    before = fold_nfkc(text[max(at - 2, 0):at]) if at > 0 else ""
    return len(before) == 2 and before[1] == "/" and before[0].isascii() and \
        before[0].isalnum()


def _printed_acronym(text: str, acronym: str) -> str:
    """``acronym`` (NFKC) as ``text`` prints it in brackets."""
    for match in re.finditer(r"[（(]([^（）()]+)[）)]", text):
        if fold_nfkc(match[1]).strip() == acronym:
            return match[1].strip()
    return acronym


def _definition_texts(paragraphs: Iterable[pd.DataFrame], sections: Iterable[pd.DataFrame],
                      index: ParagraphIndex) -> Iterator[tuple[tuple[int, int, int], str,
                                                               Place | None]]:
    """(order, text, place) of the texts acronyms are defined in. Order: a paragraph's
    (kind rank, its rank, 0); a heading's (0, its chapter's first paragraph, 1 + its
    rank among headings), so it comes right after that paragraph if it is body text; its
    place is its chapter's, at ``HEADING_ONLY``."""
    for frame in paragraphs:
        columns = ("chapter", "para_id", "text", "kind")
        for chapter, para_id, text, kind in frame_rows(frame, "paragraphs", columns,
                                                  {"kind": "body"}):
            if kind == "table_text":
                continue   # table cells are cut at arbitrary points (グ|ローバル観測)
            place = index.places[(chapter, para_id)]
            yield (KIND_RANK.get(str(kind), 4), place[1], 0), text, place
    heading = 0
    for frame in sections:
        for chapter, title in frame_rows(frame, "sections", ("chapter", "title")):
            heading += 1
            first = index.first_in_chapter.get(chapter)
            where = (first[0], HEADING_ONLY, str(chapter), "") if first else None
            yield (0, first[1] if first else 0, heading), str(title), where


def _is_abbreviation(how: str, short: str, long_form: str) -> bool:
    """A Latin acronym (``ＴＬＯ``), one with a Japanese tail (``ＳＢＩＲ制度``,
    ``S-イノベ``) or a Japanese short form that is not just the long form's tail
    (``公設試`` of 公設試験研究機関, but not ``研究費`` of 科学技術研究費)."""
    if how == "abbr_with_suffix":
        return True
    if how == "ika_toiu":
        return not long_form.endswith(short)
    return is_acronym("".join(c for c in short if c.isascii()))


def add_footnote_definitions(definitions: dict[str, Definition],
                             footnotes: Iterable[pd.DataFrame],
                             index: ParagraphIndex) -> dict[str, Definition]:
    """Definitions with the English expansions footnotes give for marked acronyms."""
    result = dict(definitions)
    for frame in footnotes:
        columns = ("chapter", "anchor", "text", "para_id")
        for chapter, anchor, text, para_id in frame_rows(frame, "footnotes", columns,
                                                    {"para_id": None}):
            if not isinstance(anchor, str) or not is_acronym(fold_nfkc(anchor)):
                continue
            english = footnote_english(str(text))
            if english is None:
                continue
            key = _defined_key(result, fold_nfkc(anchor))
            old = result.get(key)
            place = index.places.get((chapter, para_id)) if isinstance(para_id, str) else None
            result[key] = Definition(old.acronym if old else anchor, key,
                                     old.long_form if old else "", english, "footnote",
                                     old.place if old and old.place else place)
    return result


def footnote_english(text: str) -> str | None:
    """The English a footnote gives, as printed (URLs dropped), or None."""
    expansion = find_footnote_expansion(text)
    if expansion is None:
        return None
    printed = " ".join(text.split())
    return printed if fold_nfkc(printed) == expansion else expansion


def _defined_key(definitions: dict[str, Definition], anchor: str) -> str:
    if anchor in definitions:
        return anchor
    for key in definitions:
        if key.split(" ")[-1] == anchor:
            return key
    return anchor


# A Latin name and a bracket of katakana or hiragana right after it: ＰＬＡＴＥＡＵ（プラトー）,
# ＫＩＤＳＡＳＨＩ（きざし） (NFKC).
_LATIN_THEN_KANA = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9&.\-]*)\s?\(([ァ-ヺー]+|[ぁ-ゖー]+)\)")
# Parts of speech of a word in hiragana that is no name's reading (など, ほか, いずれも).
_NOT_A_READING = frozenset({"助詞", "助動詞", "副詞", "接続詞", "連体詞"})
# Latin letters whose sound a katakana reading may open with besides their own (コップ
# of COP, ライン of LINE, ビジョン of VISION).
_SOUND_ALIKE = {"c": "ks", "l": "r", "v": "b", "q": "k", "x": "e", "z": "j"}


def printed_readings(paragraphs: Iterable[pd.DataFrame]) -> dict[str, str]:
    """NFKC Latin name → the reading the text prints in kana right after it, in katakana
    (``ＰＬＡＴＥＡＵ（プラトー）``, ``ＴＩＣＡＤ（ティカッド）``; hiragana, a name of Japanese
    words, ``ＫＩＤＳＡＳＨＩ（きざし）``, as katakana): one word that opens with
    the name's first sound or its first letter's name, the first such reading per name.
    Several words (``ＳＮＳ（ソーシャルネットワーキングサービス）``) are what it stands for,
    and a word with another sound (``ＬＩＮＥ（アプリ）``) or a function word in hiragana
    (``ＮＰＯ（など）``) a remark: no reading."""
    readings: dict[str, str] = {}
    for frame in paragraphs:
        for (text,) in frame_rows(frame, "paragraphs", ("text",)):
            if "(" not in text and "（" not in text:
                continue
            for match in _LATIN_THEN_KANA.finditer(fold_nfkc(str(text))):
                name, kana = match[1], str(jaconv.hira2kata(match[2]))
                if name not in readings and _says(name, kana) and \
                        not has_two_content_words(kana) and _a_word(match[2]):
                    readings[name] = kana
    return readings


def _a_word(kana: str) -> bool:
    """Katakana, or hiragana UniDic reads with no function word (きざし, not など)."""
    from pipeline.nlp.tokens import tokenize

    if not re.match("[ぁ-ゖ]", kana):
        return True
    return not any(t.pos1 in _NOT_A_READING for t in tokenize(kana))


def _says(name: str, kana: str) -> bool:
    """Does ``kana`` open with the sound of ``name``'s first letter (プ of PLATEAU), or
    with that letter's name (ジ of ＧＳＯＭＩＡ ジーソミア, エ of ＮＨＫ エヌエイチケー)?"""
    from pipeline.common.hepburn import get_cutlet
    from pipeline.corpus.readings import LETTER_NAMES

    first = name[0].lower()
    sound = str(get_cutlet().map_kana(jaconv.kata2hira(kana[:2])))[:1]
    spelled = LETTER_NAMES.get(first.upper(), "")
    return sound in first + _SOUND_ALIKE.get(first, "") or (
        bool(spelled) and kana.startswith(spelled[0]))
