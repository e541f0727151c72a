"""Romanised names in modified Hepburn, for bodies with no official English name.

``romanize_name("弘前大学")`` → ``Hirosaki Daigaku``: each word (a UniDic token, with its
suffixes) is its katakana reading in Hepburn, capitalised; long vowels take a macron
(``トウキョウ`` → ``Tōkyō``, ``サービス`` → ``Sābisu``), ``ン`` is ``n`` (``n'`` before a vowel
or y), ``ッ`` doubles the consonant after it (``tch`` before ``ch``). A word UniDic does
not know is read from its kana as printed; Latin letters and digits stay as printed; a
word that is neither (a kanji UniDic cannot read) makes the whole name unromanisable ("").

This is a fallback, published in its own column and marked ``romanized``; it is never
an official English name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.common.text import fold_nfkc
from pipeline.nlp.tokens import Token, tokenize

_BASIC = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "ヴ": "vu", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
    "ャ": "ya", "ュ": "yu", "ョ": "yo", "ヮ": "wa",
}
# Two kana read as one syllable: a small ャュョ after an i-row kana, and loanword pairs.
_PAIRS = {
    **{k + small: _BASIC[k][:-1] + _BASIC[small]
       for k in "キギニヒビピミリ" for small in "ャュョ"},
    **{k + small: stem + _BASIC[small][1:]
       for k, stem in (("シ", "sh"), ("ジ", "j"), ("チ", "ch"), ("ヂ", "j"))
       for small in "ャュョ"},
    "シェ": "she", "ジェ": "je", "チェ": "che", "ティ": "ti", "ディ": "di", "トゥ": "tu",
    "ドゥ": "du", "デュ": "dyu", "テュ": "tyu", "ファ": "fa", "フィ": "fi", "フェ": "fe",
    "フォ": "fo", "フュ": "fyu", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va",
    "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "ツァ": "tsa", "クァ": "kwa", "グァ": "gwa",
}
_MACRON = {"a": "ā", "i": "ī", "u": "ū", "e": "ē", "o": "ō"}
_LONG = re.compile(r"([ou])u|(o)o")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]+")
# Local-government suffixes joined by a hyphen (Miyazaki-ken); other suffixes join directly.
_HYPHENATED_SUFFIXES = frozenset("都道府県市区町村")


def kana_to_hepburn(kana: str) -> str:
    """Katakana or hiragana → modified Hepburn, lower case: ``トウキョウ`` → ``tōkyō``."""
    kana = "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in kana)
    out: list[str] = []
    geminate = False
    i = 0
    while i < len(kana):
        pair, char = kana[i:i + 2], kana[i]
        if char == "ッ":
            geminate = True
            i += 1
            continue
        if char == "ー":
            if out and out[-1] and out[-1][-1] in _MACRON:
                out[-1] = out[-1][:-1] + _MACRON[out[-1][-1]]
            i += 1
            continue
        if char == "ン":
            nxt = kana[i + 1] if i + 1 < len(kana) else ""
            syllable = "n'" if nxt and _BASIC.get(nxt, "x")[0] in "aiueoy" else "n"
            out.append(syllable)
            i += 1
            continue
        if pair in _PAIRS:
            syllable, step = _PAIRS[pair], 2
        else:
            syllable, step = _BASIC.get(char, ""), 1
        if geminate and syllable:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
            geminate = False
        out.append(syllable)
        i += step
    return _LONG.sub(lambda m: _MACRON[m.group(1) or m.group(2)], "".join(out))


_LATIN_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 &\-.'/]*[A-Za-z0-9])?")


def _word_of(token: Token) -> str | None:
    """The romanised token, or None when it cannot be read."""
    text = token.text
    if token.reading:
        return kana_to_hepburn(token.reading)
    if _KANA.fullmatch(text):
        return kana_to_hepburn(text)
    return None if any(not c.isspace() for c in text) else ""


@lru_cache(maxsize=4096)
def romanize_name(name: str) -> str:
    """``弘前大学`` → ``Hirosaki Daigaku``; "" when a word cannot be read. Latin words and
    digits stay as printed (NFKC): ``株式会社BeeEdge`` → ``Kabushiki Kaisha BeeEdge``."""
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
    """Append the romanised words of ``text`` (no Latin letters) to ``words``; False when
    one cannot be read."""
    if not text.strip():
        return True
    for token in tokenize(text):
        if token.pos1 == "補助記号" or token.pos1 == "空白":
            continue
        word = _word_of(token)
        if word is None:
            return False
        if not word:
            continue
        if words and token.text in _HYPHENATED_SUFFIXES:
            words[-1] += "-" + word
        elif words and token.pos1 == "接尾辞":
            words[-1] += word
        else:
            words.append(word[:1].upper() + word[1:])
    return True
