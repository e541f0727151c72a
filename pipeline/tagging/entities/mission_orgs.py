"""Diplomatic missions (rule ``mission`` of ``find_orgs`` in ``orgs``).

- ``在<place>…<mission word>``: the place a mission is in after 在 (a prefix, or UniDic's
  one word 在日 or 在京), then nouns, then a word of ``org_mission_words.tsv``, is one
  body, canonical as printed (在米国日本国大使館, 在ジュネーブ国際機関日本政府代表部,
  在日米国大使館, 在大阪米国総領事館). A mission in Japan must name its country after the
  place (在日大使館 and 在京大使館 are every country's, no one body); a numeral or a
  word of several (各, 等, 諸) in the name makes it none;
- ``<international body>日本政府代表部``: Japan's mission to a body the gazetteer lists
  as international (国際連合日本政府代表部), not that body.

Whose mission it is (Japan's in the US or the US's in Japan) the name says in words no
rule reads here, so no English is given (``senses`` gives no romanised name either).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.org_candidate import OrgCandidate, TokensOf

MISSION_HOW = "mission"
MISSION_WORDS = word_list("org_mission_words")
_MISSION_WORD = re.compile("|".join(re.escape(word) for word in MISSION_WORDS))
_JAPAN_HOSTS = frozenset({"在日", "在京"})   # UniDic's one words: in Japan, in Tokyo
_SEVERAL_WORDS = frozenset({"各", "等", "諸"})
_JAPAN_GOVERNMENT = "日本政府"
_NAME_POS = ("名詞", "接頭辞", "接尾辞")


def may_hold_a_mission(folded: str) -> bool:
    """Does ``folded`` hold a mission word (every candidate ends in one)?"""
    return _MISSION_WORD.search(folded) is not None


def mission_candidates(folded: str, tokens_of: TokensOf) -> list[OrgCandidate]:
    """The missions of the module docstring in ``folded``."""
    tokens = tokens_of()
    index_at = {token.start: i for i, token in enumerate(tokens)}
    ends = {token.end for token in tokens}
    found = []
    for match in _MISSION_WORD.finditer(folded):
        first = index_at.get(match.start())
        if first is None or match.end() not in ends:
            continue
        start = _opening_zai(tokens, first)
        if start is None:
            start = _international_body_start(folded, tokens, first, match.group())
        if start is not None:
            found.append(OrgCandidate(start, match.end(), folded[start:match.end()], None,
                                      "ORG_OTHER", MISSION_HOW))
    return found


def _run_start(tokens: Sequence[Token], first: int) -> int:
    """The index of the first token of the noun run that ``tokens[first]`` ends."""
    at = first
    while at > 0 and tokens[at - 1].end == tokens[at].start and \
            tokens[at - 1].pos1 in _NAME_POS:
        at -= 1
    return at


def _opening_zai(tokens: Sequence[Token], first: int) -> int | None:
    """The start of ``在<place>…`` ending before the mission word at ``tokens[first]``,
    or None (module docstring)."""
    from pipeline.tagging.entities.places import load_places  # places reads org words

    opens = next((at for at in range(first - 1, _run_start(tokens, first) - 1, -1)
                  if tokens[at].text.startswith("在")), None)
    if opens is None:
        return None
    if tokens[opens].text in _JAPAN_HOSTS:
        in_japan, middle = True, tokens[opens + 1:first]
    elif tokens[opens].text == "在" and opens + 1 < first:
        host = load_places().get(tokens[opens + 1].text)
        if host is None:
            return None
        in_japan = _in_japan(host[0].type, host[0].name_ja)
        middle = tokens[opens + 2:first]
    else:
        return None
    if any(t.text in _SEVERAL_WORDS or t.pos2 == "数詞" for t in middle):
        return None
    if in_japan and not any(_foreign_country(t.text) for t in middle):
        return None   # 在日大使館, 在京大使館, 在大阪総領事館: no one country's
    return tokens[opens].start


def _in_japan(kind: str, name: str) -> bool:
    """Is a place of ``places.tsv`` Japan or in it (a prefecture, a city named …市)?"""
    return name == "日本" or kind == "prefecture" or (kind == "city" and name.endswith("市"))


def _foreign_country(word: str) -> bool:
    from pipeline.tagging.entities.places import load_places  # places reads org words

    found = load_places().get(word)
    return found is not None and found[0].type == "country" and found[0].name_ja != "日本"


def _international_body_start(folded: str, tokens: Sequence[Token], first: int,
                              word: str) -> int | None:
    """The start of ``<international body>日本政府代表部`` ending at the mission word
    ``word`` at ``tokens[first]``: the longest run of whole tokens before 日本政府 that the
    gazetteer lists as international (国際連合), or None."""
    cut = tokens[first].start - len(_JAPAN_GOVERNMENT)
    if word != "代表部" or not folded.startswith(_JAPAN_GOVERNMENT, cut):
        return None
    for at in range(_run_start(tokens, first), first):
        if tokens[at].start >= cut:
            break
        entry = lookup(folded[tokens[at].start:cut])
        if entry is not None and entry.type == "ORG_INTL":
            return tokens[at].start
    return None
