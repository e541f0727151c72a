"""Bodies of a foreign country (rule ``country_body`` of ``find_orgs`` in ``orgs``).

- a body the gazetteer lists as Japan's or the world's printed right after a foreign
  country's name (``ドイツ連邦外務省``, ``米国財務省``, ``韓国特許庁``) is that country's
  body, not the listed one: the name from the country on, no entry; after
  ``<country>の`` a listed ministry or agency, or any listed body with nouns glued
  before it, likewise (``英国の外務省``, ``英国の国家統計局``: the name after の,
  canonical ``英国外務省``); after several countries, or a word for countries not
  named (``英国と米国の外務省``, ``日英両国の``, ``各国の``: ``org_country_group_words.tsv``),
  it is theirs, a ``countries_body`` with no entry and no English (flagged
  ``several_countries`` in its row);
- a one-kanji name of a foreign country glued before a name that ends in an
  organisation word (``米|中央情報局``; ``country_kanji_before``, read by
  ``suffix_word_orgs``);
- a country whose ministries are named ``…部`` (``org_ministry_bu_countries.tsv``)
  before a field and 部 (``韓国外交部``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.gazetteer import country_names, foreign_bodies
from pipeline.tagging.entities.org_candidate import OrgCandidate, TokensOf


def of_a_foreign_country(candidate: OrgCandidate, folded: str, tokens_of: TokensOf
                         ) -> OrgCandidate:
    """A listed body of Japan or the world printed right after a foreign country's name,
    over common nouns glued between (``ドイツ|連邦|外務省``, ``米国|財務省``, over a ``・``
    too), as that country's body: a ``country_body`` candidate from the country on, with
    no entry (no English: the listed body's would be Japan's ministry). A ministry or
    agency after ``<foreign country>の`` (``英国の外務省``, ``フランスの経済・財務省``) is
    that country's too: the mention is the name after の, its canonical the country's
    name glued to it (``英国外務省``); after ``日本の`` or ``我が国の`` it stays Japan's;
    after several countries (``英国と米国の``, ``各国の``, and ``英国と日本の``, which holds
    Japan too), or glued to them (``米英|外務省``, ``各国|外務省``), it is theirs: a
    ``countries_body`` with no English.
    ``candidate`` otherwise."""
    if candidate.entry is None or candidate.start == 0 or \
            not _COUNTRY_BEFORE.match(folded[candidate.start - 1]) or \
            candidate.entry.canonical_ja in foreign_bodies():
        return candidate
    tokens = tokens_of()
    at = bisect_left(tokens, candidate.start, key=_token_start)
    glued_to = candidate.start
    while at > 0 and tokens[at - 1].end == glued_to:
        at -= 1
        token = tokens[at]
        if _foreign_country(token, tokens[at - 1] if at > 0 else None):
            return OrgCandidate(token.start, candidate.end, folded[token.start:candidate.end],
                                None, "ORG_OTHER", "country_body")
        if token.text == "の":
            return _after_a_foreign_country(candidate, folded, tokens, at, glued_to)
        if _names_several_countries(tokens, at, folded):
            start = _first_country_word(tokens, at)   # 米英|外務省, 各国|外務省, 日|米|外務省
            return OrgCandidate(start, candidate.end, folded[start:candidate.end], None,
                                candidate.type, "countries_body")
        if token.text != "・" and (token.pos1 != "名詞" or token.pos2 != "普通名詞"):
            break
        glued_to = token.start
    return candidate


def _after_a_foreign_country(candidate: OrgCandidate, folded: str, tokens: Sequence[Token],
                             no: int, start: int) -> OrgCandidate:
    """``candidate`` (a listed ministry or agency, Japan's) as the body of the foreign
    country before the の of ``tokens[no]``, named from ``start`` on (the nouns after
    の): a ``country_body`` candidate with no entry; so is a listed body of any kind
    with nouns glued before it (英国の|国家|統計局: another body's name), and a national
    body named by common nouns alone (米国の|最高|裁判所, 英国の|国会). After several
    countries (``_names_several_countries``: 英国と米国の, 日英両国の, 各国の) it is
    theirs, each its own: a ``countries_body`` candidate named as printed, with no entry
    (no English: Japan's would be wrong for all of them but one). ``candidate`` when a
    body of another kind follows の directly, or the word before の is no country's
    name (日本の, 我が国の: Japan's)."""
    if candidate.entry is None or no < 1 or folded[start] == "・" or (
            start == candidate.start and candidate.entry.type not in _STATE_BODY_TYPES
            and not _named_by_common_nouns(candidate, tokens, no)):
        return candidate   # a company or a body of another kind after 米国の: as listed
    country = tokens[no - 1]
    if country.end != tokens[no].start:
        return candidate
    if _names_several_countries(tokens, no - 1, folded):
        return OrgCandidate(start, candidate.end, folded[start:candidate.end], None,
                            candidate.type, "countries_body")
    if not _foreign_country(country, tokens[no - 2] if no > 1 else None):
        return candidate
    return OrgCandidate(start, candidate.end, country.text + folded[start:candidate.end],
                        None, candidate.type, "country_body")


def _named_by_common_nouns(candidate: OrgCandidate, tokens: Sequence[Token], no: int) -> bool:
    """Is ``candidate``, printed after the の of ``tokens[no]``, a national body of Japan
    named by common nouns alone, a name any state's body may bear (国会, 最高裁判所,
    国家安全保障局, 統計局, 原子力委員会), not an international body (世界貿易機関:
    ``中国の世界貿易機関加盟``) nor a name with a proper noun or Latin letters in it
    (日本銀行, パナソニック)?"""
    if candidate.entry is None or candidate.entry.type == "ORG_INTL":
        return False
    words = [t for t in tokens[no + 1:] if t.start < candidate.end]
    return bool(words) and words[0].start == candidate.start and \
        words[-1].end == candidate.end and all(
            (t.pos1 == "名詞" and t.pos2 == "普通名詞") or t.pos1 in ("接頭辞", "接尾辞")
            for t in words) and not any(c.isascii() for c in candidate.entry.canonical_ja)


def _names_several_countries(tokens: Sequence[Token], at: int, folded: str) -> bool:
    """Do the words ending at ``tokens[at]`` (before an の) name several countries, or a
    country they do not name: the last of a list of countries (英国と|米国, ドイツ及び|
    フランス, 豪州・|インド, 英国と|日本), a run of one-kanji names (日米, 日|英), or a word
    of ``org_country_group_words.tsv`` (日英|両国, 各国, 諸|外国, 同国)?"""
    token = tokens[at]
    if _countryish(token) and len(token.text) > 1 and token.text[0] in _ALL_COUNTRY_KANJI \
            and all(c in _ALL_COUNTRY_KANJI for c in token.text):
        return True   # 日米, 米英: one token of several one-kanji names
    if _countryish(token) and at > 0 and tokens[at - 1].end == token.start:
        before = tokens[at - 1]
        if _countryish(before):
            return True   # 日|英, 日米|豪
        if before.text in _LIST_JOINTS and at > 1 and _countryish(tokens[at - 2]):
            return True
    end = token.end
    return any(folded.endswith(word, 0, end) and _opens_a_token(tokens, at, end - len(word))
               for word in _COUNTRY_GROUP_WORDS)


def _first_country_word(tokens: Sequence[Token], at: int) -> int:
    """The start of the run of countries' names and words for countries glued before
    ``tokens[at]`` and ending there (日|米, 米英|両国)."""
    while at > 0 and tokens[at - 1].end == tokens[at].start and (
            _countryish(tokens[at - 1]) or tokens[at - 1].text in _COUNTRY_RUN_WORDS):
        at -= 1
    return tokens[at].start


def _countryish(token: Token) -> bool:
    """A country's name (UniDic's 地名-国, Japan's too) or one-kanji names of countries
    (米, 日米)."""
    return token.tag.endswith("地名-国") or (
        token.pos1 == "名詞" and all(c in _ALL_COUNTRY_KANJI for c in token.text))


def _opens_a_token(tokens: Sequence[Token], at: int, offset: int) -> bool:
    """Does a token from ``tokens[at]`` back start at ``offset``, all of them glued?"""
    while at >= 0 and tokens[at].start > offset:
        if at == 0 or tokens[at - 1].end != tokens[at].start:
            return False
        at -= 1
    return at >= 0 and tokens[at].start == offset


def _closes_a_list_of_countries(tokens: Sequence[Token], at: int) -> bool:
    """Is ``tokens[at]`` the last of a list of places (英国と|米国, 日|・|英), or glued
    to a noun or prefix before it?"""
    if at == 0 or tokens[at - 1].end != tokens[at].start:
        return False
    before = tokens[at - 1]
    if before.pos1 in ("名詞", "接頭辞"):
        return True
    return before.text in _LIST_JOINTS and at > 1 and (
        tokens[at - 2].pos3 == "地名" or tokens[at - 2].text in _ALL_COUNTRY_KANJI)


# The kinds of a state's body: a gazetteer body of these kinds is Japan's.
_STATE_BODY_TYPES = frozenset({"ORG_MINISTRY", "ORG_AGENCY"})
# Words that join a country to another before it (英国と米国の, 日・英の).
_LIST_JOINTS = frozenset({"と", "や", "・", "、", ",", "及び", "並びに", "又は", "または",
                          "および", "ならびに"})


_COUNTRY_BEFORE = re.compile(r"[\u3400-\u9fff々\u30a1-\u30fa\u30fcの・]")


def _foreign_country(token: Token, before: Token | None) -> bool:
    """Is ``token`` a country's name (UniDic's 地名-国) that is no name of Japan, or a
    one-kanji name of a foreign country that opens a word (``country_abbreviations.tsv``:
    英|外務省, 米|中央情報局; not 日中|韓, where it ends a run of them; ``before``: the
    token before it)?"""
    if token.tag.endswith("地名-国"):
        return token.text not in country_names().get("日本", ())
    return token.text in _COUNTRY_KANJI and token.pos1 == "名詞" and (
        before is None or before.end != token.start
        or before.pos1 not in ("名詞", "接頭辞", "接尾辞"))


# One-kanji names of foreign countries (米, 英, 独 …) that government text glues before
# a body's name (英外務省, 米中央情報局).
_ALL_COUNTRY_KANJI = frozenset(word_list("country_abbreviations"))
_COUNTRY_KANJI = _ALL_COUNTRY_KANJI - {"日"}
# Words naming several countries or one not named (各国, 両国, 同国: a body after
# <word>の is theirs).
_COUNTRY_GROUP_WORDS = word_list("org_country_group_words")
_COUNTRY_RUN_WORDS = frozenset(_COUNTRY_GROUP_WORDS) | {"諸", "各"}


def _token_start(token: Token) -> int:
    return token.start


def country_kanji_before(tokens: Sequence[Token], start: int) -> int | None:
    """The start of a one-kanji foreign country's name glued before a name starting at
    ``start`` (米|中央情報局), or None."""
    at = bisect_left(tokens, start, key=_token_start) - 1
    if at < 0 or tokens[at].end != start or tokens[at].text not in _COUNTRY_KANJI:
        return None
    token = tokens[at]
    return token.start if _foreign_country(token, tokens[at - 1] if at > 0 else None) \
        else None


def country_ministry_candidates(folded: str, tokens_of: TokensOf) -> list[OrgCandidate]:
    """``中国外交部``, ``韓国科学技術情報通信部``: a country whose ministries are named
    ``…部`` (``org_ministry_bu_countries.tsv``) glued before the nouns of a field and 部,
    with nothing glued after 部 (``外交部長``: a title): that country's ministry, a
    ``country_body`` with no English; after ``<country>の`` the ministry as printed,
    its canonical the country glued to it (``中国の外交部`` → ``中国外交部``). Not a company's division or a part of the country
    (``中国事業部``, ``韓国南東部``: ``org_division_words.tsv``, compass points), nor a
    proper noun before 部 (``中国|東北|部``)."""
    forms = _bu_country_forms()
    if not any(form in folded for form in forms):
        return []
    tokens = tokens_of()
    result = []
    for i, token in enumerate(tokens):
        if token.text not in forms or not token.tag.startswith("名詞-固有名詞-地名"):
            continue
        opens = i + 1   # the field's first token, after の too (中国の外交部)
        if opens < len(tokens) and tokens[opens].text == "の" and \
                tokens[opens].start == token.end and not _closes_a_list_of_countries(tokens, i):
            opens += 1
        j = opens
        while j < len(tokens) and tokens[j].start == tokens[j - 1].end and \
                tokens[j].text != "部" and _field_word(tokens[j], first=j == opens):
            j += 1
        if j == opens or j == len(tokens) or tokens[j].text != "部" or \
                tokens[j].start != tokens[j - 1].end or tokens[j - 1].pos1 == "接頭辞":
            continue
        if j + 1 < len(tokens) and tokens[j + 1].start == tokens[j].end and \
                tokens[j + 1].pos1 in ("名詞", "接尾辞") and \
                not _HIRAGANA.fullmatch(tokens[j + 1].text):
            continue   # 外交部|長官: a title (部|とも, which UniDic tags a suffix, is none)
        start = tokens[opens].start
        field = folded[start:tokens[j].start]
        if len(field) < 2 or tokens[opens].text in _DIVISION_WORDS or \
                _COMPASS.fullmatch(field):
            continue
        result.append(OrgCandidate(token.start if opens == i + 1 else start, tokens[j].end,
                                    token.text + folded[start:tokens[j].end], None,
                                    "ORG_MINISTRY", "country_body"))
    return result


def _field_word(token: Token, first: bool) -> bool:
    """Can ``token`` be part of a ministry's field (a common noun with no time or number
    sense; a prefix, or a suffix after the first word: 中|小|ベンチャー, 情報|化)?"""
    if token.pos1 == "接頭辞":
        return True
    if token.pos1 == "接尾辞":
        return not first
    return token.pos1 == "名詞" and token.pos2 == "普通名詞" and "副詞可能" not in token.tag


@lru_cache(maxsize=1)
def _bu_country_forms() -> frozenset[str]:
    names = country_names()
    return frozenset(form for country in word_list("org_ministry_bu_countries")
                     for form in names.get(country, ()))


_DIVISION_WORDS = frozenset(word_list("org_division_words"))
_COMPASS = re.compile(r"[東西南北中]+")
_HIRAGANA = re.compile(r"[\u3041-\u309f]+")
