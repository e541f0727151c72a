"""Is a name found inside a longer word? Told by the tokens next to it.

A place or a body found by its written form (``places.tsv``, the gazetteer) is a mention
only when it is a word of its own, not the piece of a longer word or name: ``日本`` in
``日本語`` or ``日本オープンイノベーション大賞``, ``東京`` in ``東京ビッグサイト``, ``国会`` in
``国会議員``. The token right after it (with no space between) decides:

- a suffix, or a one-character noun, makes one word with it (日本|語, 日本|人, 日本|製),
  but not a suffix that attaches to a whole phrase (``name_phrase_suffixes.tsv``:
  文部科学省|等, 米国|内);
- an adjectival noun, a proper noun or an unknown word goes on with a name, and so does
  a katakana word after a place (日本|オープン…大賞, 東京|ビッグ|サイト) or a Latin word
  after a body (ＮＨＫ|World).

Another noun of two characters or more is a compound the name qualifies, and keeps it
(日本|企業, 気象庁|資料); so does a place name after a place (石川県|能登地方), a Latin
word after a place (米国|Meta社: another name) and a katakana noun after a body
(産業技術総合研究所|ウェブサイト). A place followed, in the same noun compound (after
a ``・`` too), by nouns ending in the head of an institution's, facility's or event's name
(``place_name_heads.tsv``) is a piece of that name: 東京|証券取引所, 日本|国際博覧会,
大阪・関西|万博, 福島|第一原子力発電所, 広島|AIプロセス (``heads_a_name``); and so is a
place whose compound ends in the noun of an industry (``place_company_heads.tsv``): a
company named after it, 東京|電力, 九州|旅客鉄道, 北海道|銀行, while 日本|鉄道網 and
欧州|電力市場 stay places; and so is a country or region right before an ocean
(``place_region_heads.tsv``: インド|太平洋, ``opens_a_region``).
A body's name inside a quoted name that goes on
(「内閣府オープンイノベーションチャレンジ」) is a piece of it: ``orgs`` checks that. The token right before it counts
too: a prefix or a katakana, proper-noun or Latin word glued before it (全|日本, ＪＲ|東日本). A place between a common noun and a figure, both glued to it, is
the middle of a programme's name (健康|日本|21: ``names_a_programme``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import Token, has_latin

_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc・]+")
PHRASE_SUFFIXES = frozenset(word_list("name_phrase_suffixes"))
NAME_HEADS = word_list("place_name_heads")
COMPANY_HEADS = word_list("place_company_heads")
REGION_HEADS = frozenset(word_list("place_region_heads"))
_COMPOUND_POS = frozenset({"名詞", "接頭辞", "接尾辞"})


def goes_on_with_name(token: Token, katakana: bool = True) -> bool:
    """Does ``token`` carry a name on (an adjectival noun, a proper noun that is no place,
    an unknown word; a katakana word unless ``katakana`` is False)?"""
    if token.pos3 == "地名" or token.pos2 == "数詞":
        return False
    return (token.pos1 == "形状詞" or token.pos2 == "固有名詞" or token.unknown
            or (katakana and bool(_KATAKANA.fullmatch(token.text))))


def continues_after(after: Token | None, body: bool = False) -> bool:
    """Does the token right after a name make the name part of a longer word? A Latin
    word after a place is another name (米国|Meta社); a katakana common noun after a
    body's name is what the body has (産業技術総合研究所|ウェブサイト)."""
    if after is None or after.text in PHRASE_SUFFIXES or after.pos2 == "数詞":
        return False
    if after.pos1 == "接尾辞" or (after.pos1 == "名詞" and len(after.text) == 1):
        return True
    if has_latin(after.text):
        return body
    return after.pos1 in ("名詞", "形状詞") and goes_on_with_name(after, katakana=not body)


def continues_before(before: Token | None) -> bool:
    """Does the token right before a name make it part of a longer word?"""
    if before is None:
        return False
    return before.pos1 == "接頭辞" or (before.pos1 == "名詞" and goes_on_with_name(before)) \
        or (has_latin(before.text) and before.pos2 != "数詞")


def inside_longer_word(before: Token | None, after: Token | None, body: bool = False) -> bool:
    """Is a name between these tokens (each None when a space, a mark or the text's edge
    is there) a piece of a longer word? ``body``: the name is a body's, not a place's."""
    return continues_after(after, body) or continues_before(before)


def names_a_programme(before: Token | None, after: Token | None) -> bool:
    """Is a place between a common noun glued before it and a figure glued after it the
    middle of a programme's name (健康|日本|21, 健康|日本|２１)? A noun of time or count
    before it dates or counts instead (2024年|日本, 今後|日本)."""
    return (before is not None and after is not None and after.pos2 == "数詞"
            and before.pos1 == "名詞" and before.pos2 == "普通名詞"
            and "助数詞" not in before.tag and "副詞可能" not in before.tag)


def heads_a_name(after: Token | None, next_of: Callable[[Token], Token | None]) -> bool:
    """Does the noun compound that starts with ``after`` (the token right after a place;
    over a ``・`` to the compound after it) hold a name head of ``place_name_heads.tsv``
    at the end of one of its tokens (広島|ＡＩプロセス|国際指針 too), or end in a company head
    of ``place_company_heads.tsv`` (東京|電力, 九州|旅客|鉄道)? ``next_of`` gives the
    token that starts where one ends."""
    if after is not None and after.text == "・":
        after = next_of(after)
    compound = ""
    while after is not None and (after.pos1 in _COMPOUND_POS or has_latin(after.text)) \
            and after.text not in PHRASE_SUFFIXES:
        compound += after.text
        if compound.endswith(NAME_HEADS):
            return True
        after = next_of(after)
    return compound.endswith(COMPANY_HEADS)


def company_name_end(after: Token | None, next_of: Callable[[Token], Token | None]
                     ) -> int | None:
    """The end of the noun compound that starts with ``after`` (the token right after a
    place) when it ends in a company head of ``place_company_heads.tsv`` and holds no name
    head (東京|電力, 九州|旅客|鉄道, 東京|ガス|等: the company 東京ガス), else None."""
    compound, end = "", None
    while after is not None and (after.pos1 in _COMPOUND_POS or has_latin(after.text)) \
            and after.text not in PHRASE_SUFFIXES:
        compound += after.text
        if compound.endswith(NAME_HEADS):
            return None
        end = after.end
        following = next_of(after)
        after = following if following is not None and following.start == end else None
    return end if compound.endswith(COMPANY_HEADS) else None


def opens_a_region(after: Token | None, next_of: Callable[[Token], Token | None]) -> bool:
    """Does an ocean of ``place_region_heads.tsv`` start right after a country's or
    region's name (インド|太平|洋: the Indo-Pacific)? ``next_of`` as for ``heads_a_name``."""
    compound = ""
    while after is not None and after.pos1 in _COMPOUND_POS and len(compound) < 3:
        compound += after.text
        if compound in REGION_HEADS:
            return True
        after = next_of(after)
    return False


_WORD_CHAR = re.compile(r"[\u3400-\u9fff々\u30a1-\u30fa\u30fcA-Za-z]")


def form_inside_longer_word(folded: str, start: int, end: int,
                            tokens_of: Callable[[], Sequence[Token]]) -> bool:
    """Is the body's form ``folded[start:end]`` a piece of a longer word or name (総務省 in
    総務省令, 内閣府 in 「内閣府オープンイノベーションチャレンジ」)? ``tokens_of`` gives the
    folded text's tokens in order; they are read only when a word character touches the
    form."""
    before = folded[start - 1] if start else ""
    after = folded[end] if end < len(folded) else ""
    if not (_WORD_CHAR.match(before) or _WORD_CHAR.match(after)):
        return False
    tokens = tokens_of()
    at = bisect_left(tokens, end, key=_token_start)
    next_token = tokens[at] if at < len(tokens) and tokens[at].start == end else None
    left = bisect_left(tokens, start, key=_token_start) - 1
    previous = tokens[left] if left >= 0 and tokens[left].end == start else None
    if start > 0 and folded[start - 1] in "「『" and next_token is not None \
            and next_token.pos1 in ("名詞", "接尾辞"):
        return True   # 「内閣府オープンイノベーションチャレンジ」: a piece of the quoted name
    return inside_longer_word(previous, next_token, body=True)


def _token_start(token: Token) -> int:
    return token.start
