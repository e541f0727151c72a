"""Type table cells and lines by their content, with a confidence.

Each function answers one question about a piece of text cut from a flattened table:
is it one organisation (``find_orgs``), a list of them, a ministry (``…省``, ``…庁``,
``内閣府``), an award name (ends in ``賞`` once its wrapped fragments are joined), a
title, a place in parentheses at the end (``…の創成（山梨）``), a vision tag at the
start (``【V1】 …``), or a header row. Nothing here knows any chapter: names come from
``pipeline.tagging.entities.orgs`` and UniDic, shapes from the rules below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import tokenize
from pipeline.tables.values import HEADER_UNIT, header_unit
from pipeline.tagging.entities.org_words import ORG_SUFFIXES, SUFFIX_WORDS
from pipeline.tagging.entities.orgs import find_orgs, may_be_one_org

AWARD_MARK = "賞"
# Designations of a ministry's own head office in an "implementing body" column.
HEAD_OFFICE_WORDS = frozenset(word_list("head_office_words"))
GOVERNMENT_TYPES = frozenset({"ORG_MINISTRY", "ORG_AGENCY"})
LOCAL_SUFFIXES = frozenset("都道府県市区町村")

_ORG_SEPARATORS = re.compile(r"\s*[／/、，,]\s*")
_VISION_TAG = re.compile(r"^\s*【([^】]{1,12})】\s*(.*)$")
_TRAILING_PARENS = re.compile(r"^(.*?)\s*[（(]([^（）()]{1,12})[）)]\s*$")
_HIRAGANA = re.compile(r"[\u3041-\u3096]")
_SPACES = re.compile(r"\s+")
_MINISTRY_SHAPE = re.compile(r"[\u4e00-\u9fff・]{2,12}[省庁]")
_SENTENCE_MARKS = re.compile(r"[。、，,：:「」『』（）()]")
_OPENERS = "「『（(［[【〔"
_CLOSERS = "」』）)］]】〕"


@dataclass(frozen=True)
class Typed:
    """A cell's value(s) under one kind, and whether the content bears the kind out."""

    values: tuple[str, ...]
    confident: bool
    flag: str = ""


# --------------------------------------------------------------------------- text shape


def compact(text: str) -> str:
    return _SPACES.sub("", text)


def has_hiragana(text: str) -> bool:
    return bool(_HIRAGANA.search(text))


def brackets_balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def join_fragments(fragments: list[str]) -> str:
    """Join wrapped fragments of one cell: no space between Japanese fragments, one
    space where both sides are Latin letters or digits (``ONE`` + ``JAPAN``)."""
    text = ""
    for fragment in (f.strip() for f in fragments):
        if text and fragment and text[-1].isascii() and text[-1].isalnum() \
                and fragment[0].isascii() and fragment[0].isalnum():
            text += " "
        text += fragment
    return text


# --------------------------------------------------------------------------- organisations


def forget_typed_texts() -> None:
    """Empty the caches of typed cell texts (``whole_org_type``, ``type_org_list``,
    ``is_ministry``, ``is_place``). The tables stage calls this for every chapter, so the
    caches serve one chapter's tables (where a line is asked about once per column-kind
    assignment tried) and never carry typing from one chapter to the next."""
    for cached in (whole_org_type, type_org_list, is_ministry, is_place):
        cached.cache_clear()


@lru_cache(maxsize=4096)
def whole_org_type(text: str) -> str | None:
    """The type (``ORG_MINISTRY``…) of the one organisation name that ``find_orgs``
    finds spanning all of ``text``, or None. Most cell texts fail the cheap
    ``may_be_one_org`` test and are never tokenised. (Cached like ``type_org_list``:
    a grid table's lines are asked about once per kind assignment tried.)"""
    if not may_be_one_org(text):
        return None
    found = find_orgs(text, places_as_orgs=True)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].type
    return None


def is_single_org(text: str) -> bool:
    """Is the whole text (spaces aside) exactly one organisation name?"""
    return whole_org_type(text.strip()) is not None


def _org_by_suffix(text: str) -> bool:
    """A name ending in an organisation word with no hiragana (``立命館大学``): an
    organisation by shape when ``find_orgs`` has no evidence for it."""
    text = compact(text)
    return (len(text) >= 3 and text.endswith(SUFFIX_WORDS) and not has_hiragana(text)
            and not _SENTENCE_MARKS.search(text)
            and any(text.endswith(s) and len(text) > len(s) for s in ORG_SUFFIXES))


def split_org_list(text: str) -> list[str]:
    """Names in a line listing organisations: split on ``／``, ``、`` and on spaces that
    separate whole names (``ONE JAPAN`` stays one name)."""
    names: list[str] = []
    for part in _ORG_SEPARATORS.split(text.strip()):
        pieces = part.split()
        if len(pieces) > 1 and all(is_single_org(p) for p in pieces):
            names.extend(pieces)
        elif part:
            names.append(part.strip())
    return names


@lru_cache(maxsize=4096)
def type_org_list(text: str) -> Typed | None:
    """Organisations listed in ``text``, or None when any name is not an organisation.
    (Cached: a grid table's lines are asked about once per kind assignment tried.)"""
    names = split_org_list(text)
    if not names:
        return None
    if all(is_single_org(n) for n in names):
        return Typed(tuple(names), True)
    if all(is_single_org(n) or _org_by_suffix(n) for n in names):
        return Typed(tuple(names), False, "org_by_suffix")
    return None


def is_org_line(text: str, strict: bool = False) -> bool:
    """Does the line list organisations only? ``strict``: by ``find_orgs`` evidence,
    not by the shape of a name ending in an organisation word."""
    typed = type_org_list(text)
    return typed is not None and (typed.confident or not strict)


def type_organisation(text: str) -> Typed:
    """One organisation (an implementing body), joined from its wrapped fragments."""
    text = text.strip()
    if is_single_org(text) or compact(text) in HEAD_OFFICE_WORDS:
        return Typed((text,), True)
    if _org_by_suffix(text):
        return Typed((text,), False, "org_by_suffix")
    return Typed((text,), False, "not_an_organisation")


@lru_cache(maxsize=4096)
def is_ministry(text: str) -> bool:
    """A ministry or agency (``文部科学省``, ``気象庁``, ``内閣府``) and nothing else.
    (Cached like ``type_org_list``.)"""
    text = text.strip()
    if whole_org_type(text) in GOVERNMENT_TYPES:
        return True
    return bool(_MINISTRY_SHAPE.fullmatch(text)) and not has_hiragana(text)


def type_ministry(text: str) -> Typed:
    ok = is_ministry(text)
    return Typed((text.strip(),), ok, "" if ok else "not_a_ministry")


# --------------------------------------------------------------------------- awards, titles


def is_award(text: str) -> bool:
    text = compact(text)
    return len(text) >= 2 and text.endswith(AWARD_MARK) and not has_hiragana(text)


def type_award(text: str) -> Typed:
    ok = is_award(text)
    return Typed((compact(text),), ok, "" if ok else "not_an_award")


def type_title(text: str, lines: list[str]) -> Typed:
    """Free text: confident when brackets balance and no line is itself a name of
    another kind (an organisation line inside a title means the split went wrong)."""
    text = text.strip()
    if not text:
        return Typed(("",), False, "empty")
    if any(is_org_line(line) or is_ministry(line) for line in lines):
        return Typed((text,), False, "title_holds_organisation")
    if not brackets_balanced(text):
        return Typed((text,), False, "unbalanced_brackets")
    return Typed((text,), True)


# --------------------------------------------------------------------------- figure lists


def split_vision_tag(text: str) -> tuple[str, str] | None:
    """``【V1】 活力ある…`` → (``V1``, ``活力ある…``)."""
    match = _VISION_TAG.match(text)
    return (match.group(1), match.group(2).strip()) if match else None


@lru_cache(maxsize=4096)
def is_place(text: str) -> bool:
    """A place name, optionally with a local-government suffix (``山梨``, ``北九州``,
    ``宮崎県``), by UniDic: a proper noun of kind 地名, or one that reads as 地名 once a
    suffix is added (``福井`` alone is tagged as a surname, ``福井県`` as a place).
    (Cached: a list record's place is asked about when its line is read and again when
    the record is closed, and up to three texts are tokenised for each.)"""
    text = text.strip()
    if _is_place_name(text):
        return True
    return text[-1:] not in LOCAL_SUFFIXES and any(
        _is_place_name(text + suffix) for suffix in PLACE_PROBE_SUFFIXES)


PLACE_PROBE_SUFFIXES = ("県", "市")


def _is_place_name(text: str) -> bool:
    tokens = tokenize(text)
    if not tokens or tokens[0].pos3 != "地名":
        return False
    rest = "".join(t.text for t in tokens[1:])
    return rest == "" or (len(rest) == 1 and rest in LOCAL_SUFFIXES)


def is_legend(text: str) -> bool:
    """A legend or note line of a figure (``：平成28年度採択地域``, ``※…``): never part
    of a record."""
    return text.lstrip()[:1] in LEGEND_MARKS


LEGEND_MARKS = frozenset("：:※＊*")


def split_place(text: str) -> tuple[str, str] | None:
    """``…の事業化（川崎）`` → (``…の事業化``, ``川崎``) when the last parentheses hold a
    place; None otherwise (``（復興）``, ``（長野県全域）``)."""
    match = _TRAILING_PARENS.match(text.strip())
    if not match or not is_place(match.group(2)):
        return None
    return match.group(1).strip(), match.group(2).strip()


# --------------------------------------------------------------------------- header rows


def _without_unit(head: str) -> str:
    """A head without the unit it prints in brackets at its end (``金額（億円）`` →
    ``金額``: ``values.header_unit``), whose brackets are no sentence marks."""
    return HEADER_UNIT.sub("", head) if header_unit(head) else head


def header_cells(text: str) -> list[str] | None:
    """The column names of a header row (``府省名 実施機関 施策名``, ``金額（億円）
    構成比（％）``), or None.

    A header row has two or more space-separated short labels, no sentence marks (a
    unit in brackets at a label's end aside), and
    no label that is itself a value (an organisation or a ministry; ``受賞`` is a fine
    label, so awards are not excluded).
    """
    cells = text.split()
    if len(cells) < 2 or any(len(c) > 12 or _SENTENCE_MARKS.search(_without_unit(c))
                             for c in cells):
        return None
    if is_single_org(text) or any(is_single_org(c) or is_ministry(c) or c in HEAD_OFFICE_WORDS
                                  for c in cells):
        return None
    if sum(has_hiragana(c) for c in cells) > len(cells) // 2:
        return None
    return cells
