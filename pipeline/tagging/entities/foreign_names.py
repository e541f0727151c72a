"""Is a body's name a foreign one by its first word? Read by ``senses`` to keep a
romanised name off a foreign body whose Japanese name is a translation or a
transliteration: Hepburn of ``ブルッキングス研究所`` (Burukkingusu Kenkyūsho) or of
``朝鮮労働党`` is a name no one knows the body by.

The first word of the name, as UniDic tags it, is foreign when it is

- a country's name (``固有名詞-地名-国``) that is not Japan's (``朝鮮``, ``中華``, ``大韓``,
  ``アメリカ``; not ``日本``, nor a word holding 日: ``日米``);
- a person's or a place's name in katakana (``ブルッキングス``, ``リンカーン``,
  ``イリノイ``, ``ロンドン``): a foreign name written as Japanese hears it.

A katakana word UniDic knows only as a proper noun (``ハーバード``, but also ``トヨタ``,
``リコー``) decides nothing: the name keeps its romanised fallback.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.nlp.tokens import tokenize
from pipeline.tagging.entities.gazetteer import country_names

_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc・]+")
_FOREIGN_NAME_TAGS = ("名詞-固有名詞-人名", "名詞-固有名詞-地名")
_COUNTRY_TAG = "名詞-固有名詞-地名-国"
_JAPAN_CHARACTER = "日"   # 日本, 日米, 日英: Japan's, or Japan's with another


@lru_cache(maxsize=4096)
def opens_with_a_foreign_name(name: str) -> bool:
    """Does ``name`` open with a foreign country's name or a foreign person's or place's
    name in katakana, by UniDic's tags (module docstring)?"""
    tokens = tokenize(name)
    if not tokens:
        return False
    first = tokens[0]
    if first.tag.startswith(_COUNTRY_TAG):
        return first.text not in _japan_names() and _JAPAN_CHARACTER not in first.text
    return first.tag.startswith(_FOREIGN_NAME_TAGS) and \
        _KATAKANA_WORD.fullmatch(first.text) is not None


@lru_cache(maxsize=1)
def _japan_names() -> frozenset[str]:
    return frozenset(country_names().get("日本", ()))
