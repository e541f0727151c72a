"""Companies named by their own name and a word for company (rule ``company_word`` of
``find_orgs`` in ``orgs``): ``Google社``, ``OpenAI社``, ``Alibaba Cloud社``,
``ボーダフォン社`` (``org_company_words.tsv``).

The name is a run of glued tokens of Latin letters (words joined by one space too:
``Scale AI``) or of katakana (``・`` inside), right before the company word, holding a
word that names something: Latin letters that are no common acronym of ``acronyms.tsv``
(not ``AI社``), or katakana UniDic tags as a proper noun or does not know (not
``パートナー社``, ``ライバル社``). A noun glued before the run makes it a piece of a longer
word and gives none (``日本マイクロソフト社``), but a common noun or a country's one-kanji
name is left out of it (``スタートアップ企業DNNresearch社``, ``米Google社``); the run is of
one script (``スタートアップDNNresearch社`` is ``DNNresearch社``).
The mention is the name without the company word, as for a listed company
(``NVIDIA`` of ``NVIDIA社``: ``name_phrase_suffixes.tsv``); the canonical name is the
company's own name (``Google``), or the gazetteer's when it lists the company. These are mostly foreign
companies written as Japanese writers know them: no English name is guessed and no
romanised one is made (``senses``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import Token, has_latin
from pipeline.tagging.entities.expansions import expansion_of
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.org_candidate import OrgCandidate

COMPANY_WORDS = frozenset(word_list("org_company_words"))
HOW = "company_word"
_COUNTRY_KANJI = frozenset(word_list("country_abbreviations"))
_LATIN_NAME = re.compile(r"[A-Za-z0-9&.\-]*[A-Za-z][A-Za-z0-9&.\-]*")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+")


def may_hold_a_company_word(folded: str) -> bool:
    return any(word in folded for word in COMPANY_WORDS)


def company_word_candidates(folded: str, tokens: Sequence[Token]) -> list[OrgCandidate]:
    """``Google社``, ``ボーダフォン社``: a company's name glued before a company word
    (module docstring)."""
    found = []
    for at, word in enumerate(tokens):
        if word.text not in COMPANY_WORDS or at == 0 or tokens[at - 1].end != word.start:
            continue
        first = _name_start(folded, tokens, at)
        if first is None:
            continue
        name = folded[tokens[first].start:word.start]
        entry = lookup(name)
        found.append(OrgCandidate(tokens[first].start, word.start,
                                  entry.canonical_ja if entry else name, entry,
                                  entry.type if entry else "ORG_OTHER", HOW))
    return found


def _name_start(folded: str, tokens: Sequence[Token], at: int) -> int | None:
    """Index of the first token of the name before the company word at ``at``, or None
    when no name stands there."""
    script = _script(tokens[at - 1])
    first = at
    while first > 0 and script and _script(tokens[first - 1]) == script and (
            tokens[first - 1].end == tokens[first].start
            or _one_space_between_latin(folded, tokens[first - 1], tokens[first])):
        first -= 1
    run = tokens[first:at]
    if not run or run[0].text == "・" or not any(_names_something(t) for t in run):
        return None
    before = tokens[first - 1] if first > 0 else None
    if before is not None and before.end == run[0].start and \
            before.pos1 in ("名詞", "接頭辞") and before.text not in _COUNTRY_KANJI \
            and before.pos2 != "普通名詞":
        return None   # a piece of a longer name (日本マイクロソフト社, 旧…社)
    return first


def _script(token: Token) -> str:
    """``latin`` or ``katakana`` (``・`` too) when the token is a piece a company's name
    can be made of, else ""."""
    if _LATIN_NAME.fullmatch(token.text):
        return "latin"
    return "katakana" if token.text == "・" or _KATAKANA.fullmatch(token.text) else ""


def _one_space_between_latin(folded: str, left: Token, right: Token) -> bool:
    return folded[left.end:right.start] == " " and has_latin(left.text) \
        and has_latin(right.text)


def _names_something(token: Token) -> bool:
    """Latin letters that are no common acronym, or katakana UniDic knows only as a
    proper noun or not at all."""
    if _LATIN_NAME.fullmatch(token.text):
        return expansion_of(token.text) is None
    return _KATAKANA.fullmatch(token.text) is not None and (
        token.unknown or token.pos2 == "固有名詞")
