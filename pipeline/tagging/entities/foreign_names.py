"""Is a body's name a foreign one by its first word? Read by ``senses`` to keep a
romanised name off a foreign body whose Japanese name is a translation or a
transliteration: Hepburn of ``ブルッキングス研究所`` (Burukkingusu Kenkyūsho) or of
``朝鮮労働党`` is a name no one knows the body by.

The first word of the name, as UniDic tags it, is foreign when it is

- a country's name (``固有名詞-地名-国``) that is not Japan's (``朝鮮``, ``中華``, ``大韓``,
  ``アメリカ``; not ``日本``, nor a word holding 日: ``日米``);
- a person's or a place's name in katakana (``ブルッキングス``, ``リンカーン``,
  ``イリノイ``, ``ロンドン``): a foreign name written as Japanese hears it;
- any other proper noun in katakana (``ハーバード``, ``ダートマス``) that opens no
  Japanese body's name in the gazetteer: a Japanese body named in katakana is mostly a
  company the gazetteer lists (``トヨタ`` of ``トヨタ自動車株式会社``, ``リコー``), and one
  it does not list loses only a romanised fallback, a foreign one would get a wrong one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.nlp.tokens import Token, tokenize
from pipeline.tagging.entities.gazetteer import country_names, foreign_bodies, load_gazetteer

_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc・]+")
_PROPER_NOUN_TAG = "名詞-固有名詞"
_FOREIGN_NAME_TAGS = ("名詞-固有名詞-人名", "名詞-固有名詞-地名")
_COUNTRY_TAG = "名詞-固有名詞-地名-国"
_JAPAN_CHARACTER = "日"   # 日本, 日米, 日英: Japan's, or Japan's with another
_INTERNATIONAL = "ORG_INTL"


@lru_cache(maxsize=4096)
def opens_with_a_foreign_name(name: str) -> bool:
    """Does ``name`` open with a foreign country's name or a foreign proper noun in
    katakana, by UniDic's tags and the gazetteer (module docstring)?"""
    tokens = tokenize(name)
    return bool(tokens) and is_foreign_word(tokens[0])


def is_foreign_word(token: Token) -> bool:
    """Is ``token``, the first word of a name, foreign (module docstring)?"""
    if token.tag.startswith(_COUNTRY_TAG):
        return token.text not in _japan_names() and _JAPAN_CHARACTER not in token.text
    if not token.tag.startswith(_PROPER_NOUN_TAG) or \
            _KATAKANA_WORD.fullmatch(token.text) is None:
        return False
    return token.tag.startswith(_FOREIGN_NAME_TAGS) or \
        not any(name.startswith(token.text) for name in _japanese_body_names())


@lru_cache(maxsize=1)
def _japan_names() -> frozenset[str]:
    return frozenset(country_names().get("日本", ()))


@lru_cache(maxsize=1)
def _japanese_body_names() -> tuple[str, ...]:
    """Every name and alias of a gazetteer body that is neither international nor of
    ``org_foreign.tsv``, as printed."""
    foreign = foreign_bodies()
    return tuple(form for entry in load_gazetteer()
                 if entry.type != _INTERNATIONAL and entry.canonical_ja not in foreign
                 for form in (entry.canonical_ja, *entry.aliases))
