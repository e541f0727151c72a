"""Is a name found inside a longer word? Told by the tokens next to it.

A place or a body found by its written form (``places.tsv``, the gazetteer) is a mention
only when it is a word of its own, not the piece of a longer word or name: ``日本`` in
``日本語`` or ``日本オープンイノベーション大賞``, ``東京`` in ``東京ビッグサイト``, ``国会`` in
``国会議員``. The token right after it (with no space between) decides:

- a suffix, or a one-character noun, makes one word with it (日本|語, 日本|人, 日本|製),
  but not a suffix that attaches to a whole phrase (``name_phrase_suffixes.tsv``:
  文部科学省|等, 米国|内);
- a katakana word, an adjectival noun, a proper noun, an unknown or a Latin word goes on
  with a name (日本|オープン…大賞, 東京|ビッグ|サイト, 日本|IBM);
- for a short form (three characters or fewer), any noun does (国会|議員).

Another noun of two characters or more after a longer form is a compound the name
qualifies, and keeps it (日本|企業, 経済産業省|商務…). The token right before it counts
too: a prefix or a katakana, proper-noun or Latin word glued before it (全|日本, ＪＲ|東日本).
"""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import Token, has_latin

_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc・]+")
SHORT = 3   # forms of this many characters or fewer are short
PHRASE_SUFFIXES = frozenset(word_list("name_phrase_suffixes"))


def goes_on_with_name(token: Token) -> bool:
    """Does ``token`` carry a name on (katakana, adjectival noun, proper noun, unknown,
    Latin)?"""
    return (token.pos1 == "形状詞" or token.pos2 == "固有名詞" or token.unknown
            or has_latin(token.text) or bool(_KATAKANA.fullmatch(token.text)))


def continues_after(after: Token | None, short: bool) -> bool:
    """Does the token right after a name make the name part of a longer word?"""
    if after is None or after.text in PHRASE_SUFFIXES:
        return False
    if after.pos1 == "接尾辞" or (after.pos1 == "名詞" and len(after.text) == 1):
        return True
    if after.pos1 == "名詞" and goes_on_with_name(after):
        return True
    return short and after.pos1 == "名詞"


def continues_before(before: Token | None) -> bool:
    """Does the token right before a name make it part of a longer word?"""
    if before is None:
        return False
    return before.pos1 == "接頭辞" or (before.pos1 == "名詞" and goes_on_with_name(before))


def inside_longer_word(before: Token | None, after: Token | None, length: int) -> bool:
    """Is a name of ``length`` characters between these tokens (each None when a space,
    a mark or the text's edge is there) a piece of a longer word?"""
    return continues_after(after, length <= SHORT) or continues_before(before)
