"""A government bureau printed without its ministry glued before it (rule ``bureau`` of
``find_orgs`` in ``orgs``): common nouns and a bureau word of ``org_bureau_words.tsv``
(港湾|局, 健康|・|生活|衛生|局), the bureau word a token of its own with no noun glued after
it (港湾局|長 is a person, 局面 and 薬局 other words).

- After a ministry's name and の (厚生労働省の健康・生活衛生局) or after a word naming the
  ministry named last before it (同省の水管理・国土保全局, ``same_ministry``), the bureau
  is that ministry's: canonical the ministry's name and the bureau's (厚生労働省健康・生活
  衛生局), ``how`` ``bureau``.
- Printed alone in brackets (金沢観測点（港湾局）), after 同省の with no ministry named
  before it in the paragraph, or alone after a ministry was named earlier in the
  paragraph, two words or more (厚生労働省は、健康・生活衛生局において), the text does
  not say whose it is: canonical as printed, ``how`` ``bureau_unplaced``
  (flagged, no romanised name).

Not a bureau the gazetteer lists (its own rule finds it), nor a name ending in a
common noun (放送局, 地上テレビ放送局, 事務局: ``common``), nor one opening with a generic
head (各局).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.common.lexicons import word_map
from pipeline.errors import PipelineError
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.org_candidate import OrgCandidate, TokensOf
from pipeline.tagging.entities.org_words import GENERIC_HEADS, ORG_SUFFIXES, SUFFIX_WORDS

_WORDS = word_map("org_bureau_words")   # word → bureau | same_ministry | common
if set(_WORDS.values()) - {"bureau", "same_ministry", "common"}:
    raise PipelineError("pipeline/data/org_bureau_words.tsv: a value is not bureau, "
                        f"same_ministry or common ({sorted(set(_WORDS.values()))}); fix the row")
BUREAU_WORDS = frozenset(word for word, kind in _WORDS.items() if kind == "bureau")
_SAME_MINISTRY = frozenset(word for word, kind in _WORDS.items() if kind == "same_ministry")
_COMMON_NAMES = tuple(word for word, kind in _WORDS.items() if kind == "common")
PLACED_HOW = "bureau"
UNPLACED_HOW = "bureau_unplaced"
_MINISTRY = "ORG_MINISTRY"
_MINISTRY_WORDS = tuple(word for word, kind in ORG_SUFFIXES.items() if kind == _MINISTRY)
_OPENING_BRACKETS = frozenset("（(")
_CLOSING_BRACKETS = frozenset("）)")


def may_hold_a_bureau(folded: str) -> bool:
    return any(word in folded for word in BUREAU_WORDS)


def bureau_candidates(folded: str, tokens_of: TokensOf, found: Sequence[OrgCandidate]
                      ) -> list[OrgCandidate]:
    """The bureaus of ``folded`` the module docstring describes; ``found``: the other
    rules' candidates (the ministries among them)."""
    tokens = tokens_of()
    result = []
    for at, token in enumerate(tokens):
        if token.text not in BUREAU_WORDS or token.pos1 != "名詞" or _noun_glued_after(tokens, at):
            continue
        first = _name_start(tokens, at)
        if first is None:
            continue
        start, end = tokens[first].start, token.end
        name = folded[start:end]
        if name.endswith(_COMMON_NAMES) or lookup(name) is not None or \
                any(c.start < end and start < c.end for c in found):
            continue
        ministry = _ministry_named(tokens, first, found)
        if ministry is not None:
            result.append(OrgCandidate(start, end, ministry + name, None, "ORG_OTHER",
                                       PLACED_HOW))
        elif _bracketed(folded, start, end) or _after_same_ministry(tokens, first) or (
                at - first >= 2 and _ministry_before(found, start) is not None):
            result.append(OrgCandidate(start, end, name, None, "ORG_OTHER", UNPLACED_HOW))
    return result


def _noun_glued_after(tokens: Sequence[Token], at: int) -> bool:
    """Is a noun or suffix glued after the bureau word (港湾局|長)?"""
    after = tokens[at + 1] if at + 1 < len(tokens) else None
    return after is not None and after.start == tokens[at].end and \
        after.pos1 in ("名詞", "接尾辞")


def _name_start(tokens: Sequence[Token], at: int) -> int | None:
    """The index of the first token of the common nouns (and ``・`` between them) glued
    before the bureau word at ``at``; None when there are none, a proper noun, an
    organisation word or a generic head is among them, or a noun or an affix is glued
    before them (厚生労働省健康・生活衛生局, 国土安全保障省科学技術局: the suffix rule's)."""
    first = at
    while first > 0 and tokens[first - 1].end == tokens[first].start and \
            (tokens[first - 1].pos2 == "普通名詞" or tokens[first - 1].text == "・"):
        first -= 1
    words = tokens[first:at]
    if not words or words[0].text == "・" or words[0].text in GENERIC_HEADS or \
            any(word.text in SUFFIX_WORDS for word in words):
        return None
    before = tokens[first - 1] if first > 0 else None
    if before is not None and before.end == tokens[first].start and \
            before.pos1 in ("名詞", "接尾辞", "接頭辞"):
        return None
    return first


def _ministry_named(tokens: Sequence[Token], first: int, found: Sequence[OrgCandidate]
                    ) -> str | None:
    """The ministry the text says the bureau opening at ``tokens[first]`` is part of:
    one named right before it and の, or the one named last before a ``same_ministry``
    word and の (同省の)."""
    if first < 2 or tokens[first - 1].text != "の":
        return None
    owner = tokens[first - 2]
    if _after_same_ministry(tokens, first):
        return _ministry_before(found, owner.start)
    named = [c for c in found if c.end == owner.end and _is_ministry(c)]
    return _ministry_name(max(named, key=lambda c: c.end - c.start)) if named else None


def _after_same_ministry(tokens: Sequence[Token], first: int) -> bool:
    """Is the bureau opening at ``tokens[first]`` printed after 同省の (``same_ministry``)?"""
    return first >= 2 and tokens[first - 1].text == "の" and \
        tokens[first - 2].text in _SAME_MINISTRY


def _ministry_before(found: Sequence[OrgCandidate], start: int) -> str | None:
    """The name of the ministry named last before ``start``, or None."""
    before = [c for c in found if c.end <= start and _is_ministry(c)]
    if not before:
        return None
    return _ministry_name(max(before, key=lambda c: (c.end, c.end - c.start)))


def _is_ministry(candidate: OrgCandidate) -> bool:
    """Is ``candidate`` a ministry: of that type, or named with a ministry word (a foreign
    one the gazetteer lists: 国土安全保障省)?"""
    return candidate.type == _MINISTRY or candidate.canonical.endswith(_MINISTRY_WORDS)


def _ministry_name(candidate: OrgCandidate) -> str:
    return candidate.entry.canonical_ja if candidate.entry is not None else candidate.canonical


def _bracketed(folded: str, start: int, end: int) -> bool:
    """Is ``folded[start:end]`` all a bracket holds (（港湾局）)?"""
    return 0 < start and end < len(folded) and folded[start - 1] in _OPENING_BRACKETS \
        and folded[end] in _CLOSING_BRACKETS
