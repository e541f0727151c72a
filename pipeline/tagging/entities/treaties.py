"""Treaties as LAW: names ending in a treaty word (``law_treaty_words.tsv``: 条約, 協定,
議定書, 憲章), printed without 「」 (``find_unquoted_treaties``) or quoted
(``is_quoted_treaty``, read by ``name_patterns.classify_quoted``).

An unquoted name needs a name's shape (``find_unquoted_treaties``); a kind of treaty
(``law_treaty_kinds.tsv``: 経済連携協定, 犯罪人引渡条約) is no name, quoted or not.
Before 条約 two words of a subject will do (武器貿易条約, 生物多様性条約, 世界遺産条約:
multilateral conventions are named by their subject), unless the first is a word that
sorts treaties into kinds (``law_treaty_qualifiers.tsv``: 国際人権条約, 主要人権条約).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.common.lexicons import word_list, word_map
from pipeline.common.text import fold_nfkc
from pipeline.errors import PipelineError
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.name_extents import over_adjectival_noun
from pipeline.tagging.entities.noun_runs import RUN_JOINERS, noun_runs
from pipeline.tagging.entities.org_words import NAME_GENERIC_HEADS
from pipeline.tagging.entities.pattern_match import PatternMatch

_TREATY_NEEDS = word_map("law_treaty_words")   # treaty word → words | proper
TREATY_WORDS = tuple(_TREATY_NEEDS)
if set(_TREATY_NEEDS.values()) - {"words", "proper"}:
    raise PipelineError("pipeline/data/law_treaty_words.tsv: a value is neither words nor "
                        f"proper ({sorted(set(_TREATY_NEEDS.values()))}); fix the row")
TREATY_KINDS = frozenset(word_list("law_treaty_kinds"))
TREATY_QUALIFIERS = frozenset(word_list("law_treaty_qualifiers"))
_COUNTRY_KANJI = frozenset(word_list("country_abbreviations"))
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_NAME_WORD_POS = ("名詞", "形状詞")   # 生物|多様|性: 多様 is a word of the name


def is_quoted_treaty(text: str, start: int, end: int,
                     tokens: Callable[[], Sequence[Token]] | None) -> bool:
    """Is the quoted name ``text[start:end]`` (without its 「」) a treaty's? It ends in a
    treaty word and is no kind of treaty (「経済連携協定」), and it has the shape an
    unquoted name needs (``tokens``: the text's), or Latin letters (「ＴＰＰ11協定」), or,
    before a word whose row says ``words`` (条約: only states conclude one), it is a
    phrase (「気候変動に関する国際連合枠組条約」); 協定 also names agreements at home
    (「災害時応援協定」, 「…に関する協定」 between towns), so there the shape must hold."""
    name = text[start:end]
    word = next((w for w in TREATY_WORDS if name.endswith(w) and len(name) > len(w)), None)
    if word is None or fold_nfkc(name) in TREATY_KINDS:
        return False
    if _LATIN.search(name):
        return True
    inside = [t for t in tokens() if start <= t.start and t.end <= end] if tokens else []
    if _TREATY_NEEDS[word] == "words" and any(
            t.pos1 not in ("名詞", "接頭辞", "接尾辞", "形状詞", "補助記号") for t in inside):
        return True
    return any(m.end == end for m in find_unquoted_treaties(text, inside))


def find_unquoted_treaties(text: str, tokens: Sequence[Token],
                           runs: Sequence[Sequence[Token]] | None = None
                           ) -> list[PatternMatch]:
    """``日米安全保障条約``, ``核兵器不拡散条約``, ``京都議定書``, ``国連憲章``: a noun run's
    words before a treaty word (``law_treaty_words.tsv``), as LAW. The name needs a
    proper noun or Latin letters (パリ協定), a body the gazetteer lists
    (国際連合憲章), a run of countries' one-kanji names and one
    word more (日米地位協定; 日米協定 alone names no one treaty), or, before a word whose
    row says ``words`` (条約), two words or more past any qualifier (武器貿易条約);
    a kind of treaty (``law_treaty_kinds.tsv``: 経済連携協定), a name holding a numeral
    (二国間協定) or opening with a generic head or a suffix (同協定, 各協定) is none."""
    found = []
    ending: dict[int, Token] | None = None
    for run in (noun_runs(tokens) if runs is None else runs):
        for i in range(1, len(run)):
            end = _treaty_word_end(text, run, i)
            if end is None:
                continue
            if ending is None:
                ending = {t.end: t for t in tokens}
            head = over_adjectival_noun(run[:i], ending)   # 生物多様|性条約
            joins = [n for n, t in enumerate(head) if t.text in RUN_JOINERS
                     and n > 0 and _treaty_word_end(text, head, n - 1) is not None]
            if joins:   # 日米協定・日豪協定: a list, not one name
                head = head[joins[-1] + 1:]
            if not head or head[0].text in NAME_GENERIC_HEADS or \
                    head[0].pos1 == "接尾辞" or any(t.pos2 == "数詞" for t in head):
                continue
            name = text[head[0].start:end]
            if fold_nfkc(name) in TREATY_KINDS or not (_treaty_shaped(
                    head, _TREATY_NEEDS[text[run[i].start:end]] == "words")
                    or lookup(text[head[0].start:run[i].start]) is not None):
                continue
            found.append(PatternMatch(head[0].start, end, "LAW", name, "treaty_unquoted"))
    return found


def _treaty_word_end(text: str, run: Sequence[Token], i: int) -> int | None:
    """The end of a treaty word that starts at ``run[i]`` and ends on a token of the
    run (議定書 is UniDic's 議定|書), or None."""
    start = run[i].start
    for word in TREATY_WORDS:
        if text.startswith(word, start) and \
                any(t.end == start + len(word) for t in run[i:i + len(word)]):
            return start + len(word)
    return None


def _treaty_shaped(head: Sequence[Token], any_words: bool) -> bool:
    """Have the words before a treaty word a name's shape (``find_unquoted_treaties``;
    ``any_words``: two words of a subject will do, as before 条約)?"""
    words = [t for t in head if t.pos1 in _NAME_WORD_POS and t.text not in RUN_JOINERS]
    if any(t.pos2 == "固有名詞" or _LATIN.search(t.text) is not None for t in words):
        return True
    if any_words and len(_past_qualifiers(words)) >= 2:
        return True
    return len(words) == 2 and any(   # 日米地位協定; 日米協定 alone names no one treaty
        len(t.text) >= 2 and all(c in _COUNTRY_KANJI for c in t.text) for t in words)


def _past_qualifiers(words: Sequence[Token]) -> Sequence[Token]:
    """``words`` after the qualifiers that open them (国際|人権 → 人権)."""
    at = 0
    while at < len(words) and words[at].text in TREATY_QUALIFIERS:
        at += 1
    return words[at:]
