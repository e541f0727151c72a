"""Organisation names by their legal form (rules ``legal_prefix`` and ``legal_suffix`` of
``find_orgs`` in ``orgs``).

- ``legal_prefix``: a legal form followed by a name (``株式会社テスト技研``,
  ``公益財団法人…``, ``(株)日立製作所``); the name runs until a particle, a punctuation
  mark or a conjunction (``及び``, ``並びに``, ``又は``, ``等``);
- ``legal_suffix``: a name followed by a company form (``花王株式会社``, ``マツダ(株)``),
  over a space before a group word (``パナソニック ホールディングス株式会社``).

The forms and the walks that find where a name runs are in ``org_words``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from pipeline.nlp.tokens import Token, has_latin
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.org_candidate import OrgCandidate, TokensOf
from pipeline.tagging.entities.org_words import (
    LEGAL_ABBREVIATIONS,
    LEGAL_FORM_MARKS,
    ORG_SUFFIXES,
    PREFIX_TYPES,
    legal_prefix_re,
    legal_suffix_re,
    name_end,
    name_start,
    quoted_name_end,
)


def _may_hold_legal_form(folded: str) -> bool:
    return any(mark in folded for mark in LEGAL_FORM_MARKS)


def legal_prefix_candidates(folded: str, tokens_of: TokensOf,
                            bodies: Sequence[OrgCandidate] = ()) -> list[OrgCandidate]:
    """``株式会社X``, ``公益財団法人X``, ``(株)X``: a legal form, then a name; a name that
    is a gazetteer body (``bodies``) ends where the body does, over a ``・`` inside it
    (``国立研究開発法人森林研究・整備機構``)."""
    if not _may_hold_legal_form(folded):
        return []
    body_ends = {c.start: c.end for c in bodies if c.how == "gazetteer"}
    found = []
    for match in legal_prefix_re().finditer(folded):
        start = match.end()
        end = quoted_name_end(folded, match.start(), start) or name_end(folded, start)
        end = max(end, body_ends.get(start, end), _over_joined_words(folded, start, end))
        name = folded[start:end]
        if len(name) < 2 or name.isdigit() or _starts_with_affix(tokens_of(), start, end):
            continue
        form = LEGAL_ABBREVIATIONS.get(match.group(), match.group())
        found.append(_legal_candidate(match.start(), end, form + name, name,
                                      PREFIX_TYPES.get(form, "ORG_OTHER"), "legal_prefix"))
    return found


def _over_joined_words(folded: str, start: int, end: int) -> int:
    """The end of a name after a legal form that runs on over ``・`` to an organisation
    word (``独立行政法人高齢・障害・求職者雇用支援機構``): the part before the first
    ``・`` ends in none, so it is no name of its own; else ``end`` (a list of two bodies,
    ``…理化学研究所・産業技術総合研究所``, stays two)."""
    if not folded.startswith("・", end) or _ends_in_org_word(folded[start:end]):
        return end
    joined = end
    while folded.startswith("・", joined):
        after = name_end(folded, joined + 1)
        if after == joined + 1:
            break
        joined = after
    return joined if joined > end and _ends_in_org_word(folded[start:joined]) else end


def _ends_in_org_word(name: str) -> bool:
    return any(name.endswith(word) for word in ORG_SUFFIXES)


def _starts_with_affix(tokens: Sequence[Token], start: int, end: int) -> bool:
    """True when the token at ``start`` is a suffix (法人化, 法人等, 法人向け,
    法人化|以降): not a name; but a kanji noun suffix that a content noun follows inside
    the name opens one (独立行政法人|水|資源機構: UniDic reads 法人水)."""
    starts = [t.start for t in tokens]
    i = bisect_left(starts, start)
    if i == len(starts) or starts[i] != start or tokens[i].pos1 != "接尾辞":
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return not (tokens[i].tag == "接尾辞-名詞的-一般" and _KANJI_WORD.fullmatch(tokens[i].text)
                and following is not None and following.start == tokens[i].end < end
                and following.pos1 == "名詞" and "副詞可能" not in following.tag)


_KANJI_WORD = re.compile(r"[\u3400-\u9fff々]+")


def legal_suffix_candidates(folded: str, found: Sequence[OrgCandidate],
                            tokens_of: TokensOf | None = None) -> list[OrgCandidate]:
    """``花王株式会社``, ``マツダ(株)``: a name, then a company form. After common nouns
    alone a bracketed abbreviation is no legal form (``音声伝送（同）``: ditto); with
    ``tokens_of`` that is checked."""
    if not _may_hold_legal_form(folded):
        return []
    result = []
    for match in legal_suffix_re().finditer(folded):
        start = name_start(folded, match.start(), after_org_word=True)
        start = _after_government_body(found, start, match.start())
        name = folded[start:match.start()]
        if not name or name.isdigit():
            continue
        if tokens_of is not None and match.group().startswith("(") and lookup(name) is None \
                and not _holds_name_word(tokens_of(), start, match.start()):
            continue
        if tokens_of is not None and has_latin(name):
            start = _after_descriptor(tokens_of(), start, match.start())
            name = folded[start:match.start()]
        form = LEGAL_ABBREVIATIONS.get(match.group(), match.group())
        result.append(_legal_candidate(start, match.end(), name + form, name, "ORG_OTHER",
                                       "legal_suffix"))
    return result


def _after_descriptor(tokens: Sequence[Token], start: int, end: int) -> int:
    """Where a Latin company name starts after a Japanese descriptor of common words
    (``ＡＩスタートアップ|Sakana AI株式会社``); ``start`` when there is none (a proper noun
    before the Latin word stays: ``スカパーJSAT株式会社``)."""
    inside = [t for t in tokens if start <= t.start and t.end <= end]
    for i in range(1, len(inside)):
        if has_latin(inside[i].text) and not has_latin(inside[i - 1].text):
            if all(t.pos2 == "普通名詞" and (has_latin(t.text) or not t.unknown)
                   for t in inside[:i]):
                return inside[i].start
            break
    return start


def _holds_name_word(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Does ``folded[start:end]`` hold a word that can make a name (a proper noun, an
    unknown, Latin or katakana word)?"""
    return any(start <= t.start and t.end <= end
               and (t.namelike or _KATAKANA_NAME.fullmatch(t.text) is not None)
               for t in tokens)


_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")


def _after_government_body(found: Sequence[OrgCandidate], start: int, end: int) -> int:
    """Move ``start`` past a ministry or agency that begins the run (総務省テスト株式会社)."""
    for cand in found:
        if cand.start == start and cand.end < end and cand.type in (
                "ORG_MINISTRY", "ORG_AGENCY", "ORG_COUNCIL"):
            return cand.end
    return start


def _legal_candidate(start: int, end: int, canonical: str, name: str, org_type: str,
                     how: str) -> OrgCandidate:
    entry = lookup(name) or lookup(canonical)
    if entry is not None:
        return OrgCandidate(start, end, entry.canonical_ja, entry, entry.type, how)
    return OrgCandidate(start, end, canonical, None, org_type, how)
