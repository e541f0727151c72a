"""Romanised names in modified Hepburn, for bodies with no official English name.

``romanize_name("弘前大学")`` → ``Hirosaki Daigaku``: each word (a UniDic token, with its
suffixes) in the project's one Hepburn (``pipeline.common.hepburn``: cutlet with macrons
where UniDic's pronunciation lengthens a vowel), capitalised; compounds of
``compound_readings.tsv`` as written there (``株式会社`` → ``Kabushiki Gaisha``); a
local-government suffix joined by a hyphen (``Miyazaki-ken``). Latin letters and digits
stay as printed; a word that cannot be read (a kanji UniDic does not know) makes the whole
name unromanisable ("").

This is a fallback, published in its own column and marked ``romanized``; it is never
an official English name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.common.hepburn import romaji_of
from pipeline.common.text import fold_nfkc

# Local-government suffixes, as romanised, joined to the name before by a hyphen
# (Miyazaki-ken, Kyōto-fu, Kōbe-shi); not 都 ``to``, which is also the particle と.
_HYPHENATED_SUFFIXES = frozenset({"ken", "fu", "shi", "ku", "chō", "machi", "son", "mura"})
_LATIN_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 &\-.'/]*[A-Za-z0-9])?")
# What a readable text romanises to: Latin letters (with macrons), an apostrophe (kin'yū).
_READABLE = re.compile(r"[A-Za-zāīūēōĀĪŪĒŌ' ]+")


@lru_cache(maxsize=4096)
def romanize_name(name: str) -> str:
    """``弘前大学`` → ``Hirosaki Daigaku``; "" when a word cannot be read. Latin words and
    digits stay as printed (NFKC): ``株式会社BeeEdge`` → ``Kabushiki Gaisha BeeEdge``."""
    folded = fold_nfkc(name)
    words: list[str] = []
    position = 0
    for latin in [*_LATIN_RUN.finditer(folded), None]:
        end = latin.start() if latin else len(folded)
        if not _romanize_japanese(folded[position:end], words):
            return ""
        if latin:
            words.append(latin.group())
            position = latin.end()
    return " ".join(words)


def _romanize_japanese(text: str, words: list[str]) -> bool:
    """Append the romanised words of ``text`` (no Latin letters) to ``words``,
    capitalised; False when a word cannot be read."""
    text = "".join(c if c.isalnum() else " " for c in text)   # ・, （）: word breaks
    if not text.strip():
        return True
    # each part on its own: a space inside changes UniDic's words (太平洋 島 read トウ)
    romaji = " ".join(romaji_of(part) for part in text.split())
    if not _READABLE.fullmatch(romaji):
        return False
    for word in romaji.split():
        if words and word in _HYPHENATED_SUFFIXES:
            words[-1] += "-" + word
        else:
            words.append(word[:1].upper() + word[1:])
    return True
