"""Acronym–definition pairs: Schwartz–Hearst adapted to NFKC text and Japanese long forms.

Forms found by ``find_acronym_pairs`` (brackets of either width):

- ``long form（ABBR）`` (how ``long_short``): ``技術移転機関（ＴＬＯ）``; a footnote marker
  glued to the acronym inside the bracket (``（ＴＬＯ1）``) is split off and reported in
  ``marker``;
- ``long form（ABBR＋word）`` (how ``abbr_with_suffix``): ``中小企業技術革新制度（ＳＢＩＲ制度）``,
  ``中波放送（AM放送）``, ``（S-イノベ）``: the acronym keeps its Japanese tail;
- ``ABBR（long form）`` (how ``short_long``): ``NHK（日本放送協会）``;
- ``long form（以下「X」という。）`` (how ``ika_toiu``), also with Japanese short forms
  (``公設試``), which must then be a subsequence of the long form;
- ``English long form (ABBR)`` and ``ABBR（English long form）`` (how ``english``), with
  the classic Schwartz–Hearst match (``IOWN（Innovative Optical and Wireless Network）``);
- three parts, acronym, English and Japanese apart (how ``english_japanese``):
  ``ABBR（English：日本語）`` and ``ABBR（English、日本語）`` (``RAN（Radio Access Network：
  無線アクセスネットワーク）``), ``日本語（ABBR：English）`` (``欧州宇宙機関（ESA：European
  Space Agency）``) and ``日本語（English、ABBR）``; the English must spell the acronym.

Every pair carries ``english`` and ``japanese`` apart (either may be empty); ``long_form``
is the Japanese one, or the English where there is no Japanese. A bracket holding an
English phrase after a Japanese term (``人工知能（Artificial Intelligence）``) is no
acronym: ``find_translations`` gives it, and ``initials_match`` tells whether an acronym
stands for its English (``AI`` for ``Artificial Intelligence``).

A Japanese long form is the noun phrase right before the bracket (``long_forms``); paired
with an acronym it must look whole: not cut from a longer word (``倫理的・法的・社会的課題
（ＥＬＳＩ）``), no referring prefix (``新会社トヨタ・リサーチ・インスティテュート（ＴＲＩ）`` →
``トヨタ・リサーチ・インスティテュート``), and enough words for the acronym's capitals (one for
two, at most three needed; a katakana compound counts once): ``自動化（ＡＳＫＥＭ）``,
``ＧＤＰ（名目）`` and ``ＡＩ（チャットボット）`` are explanations, not definitions.

``find_footnote_expansion`` reads an English expansion from a footnote's text, and
``expansion_matches`` checks an expansion against an acronym (Schwartz–Hearst).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from pipeline.common.text import fold_with_offsets
from pipeline.nlp.tokens import has_latin, tokenize
from pipeline.tagging.entities.acronym_forms import (
    JAPANESE,
    KANJI_KATAKANA,
    LATIN_WORD,
    best_long_form,
    is_acronym,
    is_english_phrase,
    is_japanese_expansion,
    is_subsequence_or_latin,
)
from pipeline.tagging.entities.long_forms import enough_words, japanese_long_form, long_form_run

_BRACKET = re.compile(r"\(([^()]{1,40})\)")
# A bracket of three parts, acronym, English and Japanese, or of an English name that
# spells the acronym before it, may run longer: a spelt-out treaty's name alone is 50
# letters (ＧＳＯＭＩＡ（General Security of Military Information Agreement：秘密軍事情報
# 保護協定）).
_LONG_BRACKET = re.compile(r"\(([^()]{1,90})\)")
_SHORT = 40
_IKA = re.compile(r"^以下「([^「」]{1,20})」(?:という|と言う|とする|と呼ぶ)?。?$")
_ACRONYM_TAIL = re.compile(r"^(?P<latin>[A-Za-z][A-Za-z0-9&\-/.!+]*?)"
                          r"(?P<tail>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,6})$")
_MARKER = re.compile(r"(?<=[A-Za-z!])(?P<marker>[0-9]{1,2})$")
_ABBR_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&\-]*$")
_ENGLISH_WORDS = re.compile(r"(?:[A-Za-z][A-Za-z0-9'&\-]*[ ,]+)*[A-Za-z][A-Za-z0-9'&\-]*$")
_URL = re.compile(r"(?:https?://|www\.)\S+")


@dataclass(frozen=True)
class AcronymPair:
    acronym: str        # as printed, without a footnote marker
    acronym_ascii: str  # NFKC
    long_form: str      # as printed: the Japanese long form, else the English one
    start: int          # offsets of the whole definition in the text given
    end: int
    how: str            # long_short, abbr_with_suffix, short_long, ika_toiu, english,
    #                     english_japanese
    marker: str = ""    # footnote marker digits split off the acronym, as printed
    english: str = ""   # the English long form as printed, "" when none
    japanese: str = ""  # the Japanese long form as printed, "" when none


@dataclass(frozen=True)
class Translation:
    """``人工知能（Artificial Intelligence）``: a Japanese term and its English, as printed."""

    japanese: str
    english: str
    start: int
    end: int


_Span = tuple[int, int]


@dataclass(frozen=True)
class _Found:
    acronym: _Span
    japanese: _Span | None
    english: _Span | None
    how: str
    marker: str = ""


def find_acronym_pairs(text: str, markers: Collection[str] | None = None,
                       folding: tuple[str, Sequence[int]] | None = None) -> list[AcronymPair]:
    """Acronym–definition pairs in ``text``, in order of appearance.

    ``markers``: footnote numbers known to occur in the text; when given, only those are
    split off an acronym (``ＴＬＯ1`` with ``{"1"}``), otherwise any 1–2 digits after a
    letter are taken for a marker. ``folding``: ``fold_with_offsets(text)``, when the
    caller has it.
    """
    folded, origin = fold_with_offsets(text) if folding is None else folding
    pairs = []
    for bracket in _LONG_BRACKET.finditer(folded):
        found = _pair_at(folded, bracket, markers,
                         lambda start, end: text[origin[start]:origin[end]])
        if found is None:
            continue
        spans = [span for span in (found.acronym, found.japanese, found.english) if span]
        start = min(span[0] for span in spans)

        def printed(span: _Span | None) -> str:
            return text[origin[span[0]]:origin[span[1]]] if span else ""

        japanese, english = printed(found.japanese), printed(found.english)
        acr_end = found.acronym[1]
        pairs.append(AcronymPair(
            acronym=printed(found.acronym), acronym_ascii=folded[slice(*found.acronym)],
            long_form=japanese or english, start=origin[start], end=origin[bracket.end()],
            how=found.how,
            marker=text[origin[acr_end]:origin[acr_end + len(found.marker)]] if found.marker else "",
            english=english, japanese=japanese))
    return pairs


def find_translations(text: str, folding: tuple[str, Sequence[int]] | None = None
                      ) -> list[Translation]:
    """Japanese terms followed by their English in brackets (``人工知能（Artificial
    Intelligence）``, ``欧州評議会（Council of Europe）``), where no acronym is defined."""
    folded, origin = fold_with_offsets(text) if folding is None else folding
    found = []
    for bracket in _BRACKET.finditer(folded):
        content = bracket.group(1).strip()
        if not is_english_phrase(content) or _SEPARATOR.search(content) or \
                _acronym_before(folded, bracket.start()):
            continue
        run = long_form_run(folded, bracket.start())
        if run is None:
            continue
        (start, end), _ = run
        inner = bracket.start(1) + bracket.group(1).index(content)
        found.append(Translation(text[origin[start]:origin[end]],
                                 text[origin[inner]:origin[inner + len(content)]],
                                 origin[start], origin[bracket.end()]))
    return found


def _pair_at(folded: str, bracket: re.Match[str], markers: Collection[str] | None,
             printed: Callable[[int, int], str] | None = None) -> _Found | None:
    """The acronym, Japanese and English spans, how and marker for one bracket, or None.
    ``printed(start, end)``: the text as printed at those folded offsets."""
    inner_start, inner_end = bracket.span(1)
    content = bracket.group(1)
    ika = _IKA.match(content)
    if ika:
        short = (inner_start + ika.start(1), inner_start + ika.end(1))
        long_span = japanese_long_form(folded, bracket.start())
        if long_span and is_subsequence_or_latin(ika.group(1), folded[slice(*long_span)]):
            return _Found(short, long_span, None, "ika_toiu")
        return None
    parts = _two_parts(content, inner_start)
    if parts is not None:
        return _three_part_pair(folded, bracket, parts)
    if is_english_phrase(content):
        before = _acronym_before(folded, bracket.start())
        if before and _spells(folded[slice(*before)], content.strip()):
            return _Found(before, None, _stripped(folded, inner_start, inner_end), "english")
        return None
    if len(content) > _SHORT:
        return None
    content, marker = split_marker(
        content, markers, printed(inner_start, inner_end) if printed else None)
    acronym_span = (inner_start, inner_start + len(content))
    if is_acronym(content):
        english = english_long_form(folded, bracket.start(), content)
        if english:
            return _Found(acronym_span, None, english, "english", marker)
        long_span = japanese_long_form(folded, bracket.start(), content)
        if long_span is None:
            return None
        if marker and _prints_number(folded[slice(*long_span)], marker):
            # 第28回締約国会議（ＣＯＰ28）: the long form's number, no footnote marker
            return _Found((acronym_span[0], acronym_span[1] + len(marker)), long_span, None,
                          "long_short")
        return _Found(acronym_span, long_span, None, "long_short", marker)
    if _ACRONYM_TAIL.match(content):
        long_span = japanese_long_form(folded, bracket.start())
        if long_span and folded[slice(*long_span)] != content:
            return _Found(acronym_span, long_span, None, "abbr_with_suffix", marker)
        return None
    abbr = _ABBR_BEFORE.search(folded, 0, bracket.start())
    if abbr and is_acronym(abbr.group()) and is_japanese_expansion(content) and \
            enough_words(tokenize(content), abbr.group(), minimum=2):
        return _Found((_spaced_acronym_start(folded, abbr.start()), abbr.end()),
                      (inner_start, inner_end), None, "short_long")
    return None


def _spaced_acronym_start(folded: str, start: int) -> int:
    """Where an acronym starting at ``start`` starts when acronyms joined by one space
    stand before it: one acronym, as the mention rule reads it (``DHS S&T``, ``PCT CS&E``:
    the bracket after them expands the whole)."""
    while start >= 2 and folded[start - 1] == " ":
        before = _ABBR_BEFORE.search(folded, 0, start - 1)
        if before is None or not is_acronym(before.group()):
            break
        start = before.start()
    return start


_SEPARATOR = re.compile(r"\s*[:、,;]\s*")


_COLON = re.compile(r"\s*:\s*")


def _separator(content: str) -> re.Match[str] | None:
    colons = list(_COLON.finditer(content))
    if len(colons) == 1:
        return colons[0]
    if colons:
        return None
    separator = _SEPARATOR.search(content)
    if separator is None or _SEPARATOR.search(content, separator.end()):
        return None
    return separator


def _prints_number(long_form: str, digits: str) -> bool:
    """Does ``long_form`` print the number ``digits`` (NFKC) as a figure of its own
    (``第28回締約国会議`` and ``28``)?"""
    return re.search(rf"(?<![0-9]){re.escape(digits)}(?![0-9])", long_form) is not None


def _two_parts(content: str, offset: int) -> tuple[_Span, _Span] | None:
    """``Radio Access Network：無線アクセスネットワーク`` → the spans of its two parts
    (white space around the separator left out), or None when it has no separator or a
    part is empty. One colon splits the bracket though commas stand inside a part
    (``Women, Peace and Security：女性・平和・安全保障``); without a colon the one
    separator it holds does."""
    separator = _separator(content)
    if separator is None:
        return None
    left = content[:separator.start()].strip()
    right = content[separator.end():].strip()
    if not left or not right:
        return None
    left_start = offset + content.index(left)
    right_start = offset + separator.end() + content[separator.end():].index(right)
    return (left_start, left_start + len(left)), (right_start, right_start + len(right))


def _three_part_pair(folded: str, bracket: re.Match[str], parts: tuple[_Span, _Span]
                     ) -> _Found | None:
    """Acronym, English and Japanese apart: ``ABBR（English：日本語）``,
    ``ABBR（日本語：English）``, ``日本語（ABBR：English）``, ``日本語（English、ABBR）``;
    the English must spell the acronym (Schwartz–Hearst)."""
    first, second = (folded[slice(*span)] for span in parts)
    english_first = is_english_phrase(first)
    english = parts[0] if english_first else parts[1] if is_english_phrase(second) else None
    if english is None:
        return None
    other = parts[1] if english_first else parts[0]
    other_text = folded[slice(*other)]
    english_text = folded[slice(*english)]
    if is_acronym(other_text):   # 日本語（ABBR：English）
        if not _spells(other_text, english_text):
            return None
        japanese = japanese_long_form(folded, bracket.start(), other_text)
        return _Found(other, japanese, english, "english_japanese" if japanese else "english")
    before = _acronym_before(folded, bracket.start())
    if before is None or not _spells(folded[slice(*before)], english_text):
        return None
    japanese = other if KANJI_KATAKANA.search(other_text) and \
        not any(c.isdigit() for c in other_text) else None
    return _Found(before, japanese, english, "english_japanese" if japanese else "english")


def _acronym_before(folded: str, bracket_start: int) -> _Span | None:
    """The acronym right before a bracket, standing on its own: not the end of a longer
    word (``生成AI（Generative AI）``: the bracket translates ``生成AI``)."""
    before = _ABBR_BEFORE.search(folded, 0, bracket_start)
    if before is None or not is_acronym(before.group()):
        return None
    if before.start() > 0 and KANJI_KATAKANA.match(folded[before.start() - 1]):
        return None
    return before.span()


def _spells(acronym: str, english: str) -> bool:
    """Does the whole of ``english`` spell ``acronym`` (Schwartz–Hearst from its first
    word: ``Radio Access Network`` for ``RAN``, not ``Generative AI`` for ``AI``)?"""
    return best_long_form(acronym, english) == english


def _stripped(folded: str, start: int, end: int) -> _Span:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end


def split_marker(content: str, markers: Collection[str] | None = None,
                 printed: str | None = None) -> tuple[str, str]:
    """``TLO1`` → (``TLO``, ``1``): digits glued after a letter are a footnote marker when
    ``markers`` holds them (or, without ``markers``, when 1–2 of them follow a letter and
    at least two letters stay). ``printed``: ``content`` as printed, when known; without
    ``markers`` the digits are then a marker only when printed narrower than the letter
    before them, as a marker left in full-width text is (``ＴＬＯ1``, ``ＤＳＩＴ1``): digits
    of the letters' width are part of the name (``二酸化炭素（ＣＯ２）``, ``CO2``)."""
    found = _MARKER.search(content)
    if not found:
        return content, ""
    digits = found.group("marker")
    rest = content[:found.start()]
    if markers is not None and digits not in markers:
        return content, ""
    if markers is None and printed is not None and len(printed) == len(content) \
            and not _narrower_digits(printed, found.start()):
        return content, ""
    if sum(c.isalpha() for c in rest) < 2:
        return content, ""
    return rest, digits


def _narrower_digits(printed: str, at: int) -> bool:
    """Are the digits from ``at`` on printed ASCII after a full-width letter?"""
    return printed[at:].isascii() and not printed[at - 1].isascii()


def english_long_form(folded: str, bracket_start: int, acronym: str) -> _Span | None:
    """Schwartz–Hearst: the shortest run of English words before the bracket whose
    letters spell ``acronym`` (``Technology Licensing Organization (TLO)``)."""
    head = folded[:bracket_start].rstrip()
    words = _ENGLISH_WORDS.search(head)
    if not words:
        return None
    spans = [w.span() for w in LATIN_WORD.finditer(head, words.start())]
    limit = min(len(acronym) + 5, 2 * len(acronym))
    first = spans[-limit:][0][0]
    best = best_long_form(acronym, head[first:])
    if best is None or len(best) <= len(acronym):
        return None
    return len(head) - len(best), len(head)


# --------------------------------------------------------------------------- footnotes


def find_footnote_expansion(footnote_text: str) -> str | None:
    """The English expansion a footnote gives (``Technology Licensing Organization``).

    URLs are dropped (a footnote that is only a URL gives None); what is left must be at
    least two words, mostly Latin letters, with no Japanese. A leading footnote number
    followed by spaces is ignored. Returned NFKC, with spaces collapsed.
    """
    folded, _ = fold_with_offsets(footnote_text)
    text = _URL.sub(" ", folded)
    text = re.sub(r"^\s*\d{1,3}\s+(?=[A-Za-z])", "", text)
    text = " ".join(text.split()).strip(" .,;:")
    if not text or JAPANESE.search(text):
        return None
    words = [w for w in text.split() if has_latin(w)]
    letters = sum(c.isalpha() for c in text)
    visible = sum(not c.isspace() for c in text)
    if len(words) < 2 or letters < 0.8 * visible:
        return None
    return text
