"""Where a name found by its last word starts, when the noun run UniDic cuts is too
short: over an adjectival noun (``over_adjectival_noun``, ``over_glued_adjectival``), a
verb's stem before a nominal suffix (``over_verb_stem``) or a word of hiragana and の
(``over_kana_word``) that open it. Each takes the run's head tokens and the paragraph's
tokens by their end offset (``ending``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pipeline.nlp.tokens import Token


def over_glued_adjectival(head: Sequence[Token], ending: Mapping[int, Token],
                           start: int) -> int:
    """Where a law's name starts: over an adjectival noun glued before ``head`` with
    no な, the clause's first word (スマート|農業技術活用促進法, 重要|土地等調査法: UniDic's
    形状詞 cuts the noun run), when ``start`` is ``head``'s own; else ``start``."""
    if start != head[0].start:
        return start
    adjectival = ending.get(start)
    if adjectival is None or adjectival.pos1 != "形状詞":
        return start
    before = ending.get(adjectival.start)
    if before is not None and before.pos1 in ("名詞", "接頭辞", "接尾辞", "形状詞"):
        return start   # a longer run over_adjectival_noun reads, or none at all
    return adjectival.start


def over_verb_stem(head: Sequence[Token], ending: Mapping[int, Token]) -> list[Token]:
    """``head`` with the verb glued before a nominal suffix that opens it: the verb's stem
    and the suffix make one noun (働き|方|改革関連法: UniDic's 働き is a verb, and the run
    began at the suffix 方)."""
    if not head or head[0].pos1 != "接尾辞" or head[0].tag != "接尾辞-名詞的-一般":
        return list(head)
    verb = ending.get(head[0].start)
    if verb is None or verb.pos1 != "動詞":
        return list(head)
    return [verb, *head]


# A word of hiragana opening a law's short name with の (みどりの食料システム法): three
# characters at least, a common noun that is no adverb (すべて, ほか) nor verbal noun.
KANA_NAME_WORD = re.compile(r"[\u3041-\u309f]{3,}")


def over_kana_word(head: Sequence[Token], ending: Mapping[int, Token]) -> int:
    """Where a law's name starts: before ``head``, over a word of hiragana and の that
    open the clause (``みどりの食料システム法``), when ``head`` has two words or more;
    else where ``head`` starts."""
    start = head[0].start
    particle = ending.get(start)
    if len(head) < 2 or particle is None or particle.text != "の" or particle.pos1 != "助詞":
        return start
    word = ending.get(particle.start)
    if word is None or word.tag != "名詞-普通名詞-一般" or \
            not KANA_NAME_WORD.fullmatch(word.text):
        return start
    before = ending.get(word.start)
    if before is not None and before.pos1 in ("名詞", "接頭辞", "接尾辞", "動詞", "形容詞",
                                              "助動詞", "形状詞"):
        return start
    return word.start


def over_adjectival_noun(head: Sequence[Token], ending: Mapping[int, Token]
                          ) -> list[Token]:
    """``head`` with the adjectival noun glued before it and the nouns before that: a
    name runs on over one (瀬戸内海環境保全|特別|措置法, 生物多様|性条約…締約国会議:
    UniDic's 特別 and 多様 cut the noun run), when nouns stand before it."""
    adjectival = ending.get(head[0].start)
    if adjectival is None or adjectival.pos1 != "形状詞":
        return list(head)
    before: list[Token] = []
    token = ending.get(adjectival.start)
    while token is not None and token.pos1 in ("名詞", "接頭辞", "接尾辞"):
        before.insert(0, token)
        token = ending.get(token.start)
    return [*before, adjectival, *head] if before else list(head)
