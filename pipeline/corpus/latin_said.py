"""Whether a run of Latin letters is said as a word or letter by letter, and how a word
no dictionary here reads is said: for the glossary's readings (``pipeline.corpus.readings``).

An acronym is spelled out (ＪＳＴ ジェーエスティー, ＯＥＣＤ, ＷＴＯ). A run is said as a word
when

- it has two small letters in a row (``Sakana``, ``SpaceCompass``; not ``IoT``, ``PaLM``,
  whose single small letters are an acronym's);
- it is an English word of ``english_words.tsv`` printed in capitals (``INVITE``);
- it is printed in capitals, has four letters or more and looks like a word: it is
  Japanese in modified Hepburn of three morae or more (``KAMAKIRI`` カマキリ, ``NIIGATA``
  ニイガタ: no vowel pair Japanese does not write in its own words, ``JAEA``, ``IAEA``), or
  e2k's character n-gram model of English words (``e2k.NGram``) scores it as pronounceable
  with a margin (``STUFF``, ``CONTRAIL``, ``SCOT``). Three capitals are never enough:
  ``WHO``, ``NEC``, ``ODA`` are pronounceable and spelled out. Four letters need a higher
  score than e2k's own threshold (``AIST`` 0.9 and ``NASA`` 0.93 score alike; one is spelled,
  the other said), so an acronym said as a word but scored below it (``NEDO``) is listed in
  ``latin_word_readings.tsv``.

How such a word is said is a guess, and the glossary row is flagged ``transliterated``:
UniDic's loanword where it knows the word, else the kana of its Hepburn (long vowels, which
romanised names leave out, are not restored: ``KOSEN`` コセン for コウセン), else e2k's
English-to-katakana model.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jaconv

from pipeline.corpus.latin import english_words, loanword_reading

# e2k's n-gram scores, measured on the acronyms and names of the registered chapters and
# of ``acronyms.tsv``: from five letters e2k's own threshold parts words (GAFAM -0.11,
# TICAD 0.03, GOSAT 0.46) from letters (UNFCCC -1.78, CPTPP -2.90); at four letters
# acronyms spelled out reach 0.9 (AIST), words said as such score 1.0 and more (SCOT 1.45,
# STEM 1.41, PALM 1.27).
FOUR_LETTER_WORD_SCORE = 1.0
MIN_WORD_LETTERS = 4
MIN_HEPBURN_MORAE = 3
_WORDLIKE = re.compile(r"[a-z]{2}")

# Modified Hepburn, strictly: a syllable (consonant onset and vowel), a moraic n (or m
# before b, p, m), or a doubled consonant (a geminate, っ).
_ONSETS = ("kk|ss|tt|pp|tch|ssh|sh|ch|ts|ky|gy|ny|hy|by|py|my|ry|[kgsztdnhbpmyrwfj]")
_SYLLABLE = re.compile(
    rf"(?:{_ONSETS})?[aiueo]|n(?![aiueoy])|m(?=[bpm])", re.IGNORECASE)
# Onset and vowel pairs Hepburn does not write (si, ti, tu, hu but shu and chu, zi, di,
# du, ye, wi, wu, we, yi; f only before u).
_NOT_HEPBURN = re.compile(r"(?:s|t|z|d)i|(?:t|d|(?<![sc])h)u|y[ie]|w[iue]|f[aieo]",
                          re.IGNORECASE)
# Vowels next to each other as Japanese words write them: a long vowel or a diphthong.
_JAPANESE_VOWEL_PAIRS = frozenset({"aa", "ii", "uu", "ee", "oo", "ai", "ui", "ei", "oi", "ou"})


def said_as_word(latin: str) -> bool:
    """A Latin run said as a word, not an acronym (see the module's docstring)."""
    if len(latin) < 3:
        return False
    if _WORDLIKE.search(latin) or latin.lower() in english_words():
        return True
    return latin.isupper() and looks_like_a_word(latin)


def looks_like_a_word(capitals: str) -> bool:
    """A run in capitals of four letters or more that reads as Japanese in Hepburn or
    that e2k scores as a pronounceable English word."""
    if len(capitals) < MIN_WORD_LETTERS or not capitals.isalpha():
        return False
    if hepburn_kana(capitals):
        return True
    model = _pronounceability()
    threshold = FOUR_LETTER_WORD_SCORE if len(capitals) == MIN_WORD_LETTERS else model.threshold
    return bool(model.score(capitals) >= threshold)


def hepburn_kana(word: str) -> str:
    """The katakana of ``word`` read as Japanese in modified Hepburn (``TSUBAME``
    ツバメ), or "" when it is not Hepburn of three morae or more, or runs vowels as no
    Japanese word does (``JAEA``, ``AAAI``: a pair other than a long vowel or a diphthong,
    or three in a row)."""
    lower = word.lower()
    syllables = _SYLLABLE.findall(lower)
    if "".join(syllables) != lower or _NOT_HEPBURN.search(lower):
        return ""
    if len(syllables) < MIN_HEPBURN_MORAE:
        return ""
    vowel_runs = re.findall(r"[aiueo]+", lower)
    pairs = {run[i:i + 2] for run in vowel_runs for i in range(len(run) - 1)}
    if max(map(len, vowel_runs)) > 2 or not pairs <= _JAPANESE_VOWEL_PAIRS:
        return ""
    return str(jaconv.hira2kata(jaconv.alphabet2kana(lower)))


def word_reading(word: str) -> str:
    """How a Latin word said as a word is said: UniDic's loanword, else the kana of its
    Hepburn when it is printed in capitals and is no English word of the list, else e2k's
    transliteration."""
    if loanword := loanword_reading(word):
        return loanword
    if word.isupper() and word.lower() not in english_words() and (kana := hepburn_kana(word)):
        return kana
    return transliterate(word)


def transliterate(word: str) -> str:
    """An English word or name no dictionary here reads, in katakana as a Japanese
    speaker says it (``invite`` インバイト, ``stuff`` スタッフ): e2k's guess."""
    return str(_english_to_katakana()(word.lower()))


@cache
def _english_to_katakana() -> Any:
    """e2k's character model (an RNN trained on Wiktionary and JMdict/EDICT loanwords,
    shipped in the wheel; numpy only): one per process, loaded on first need."""
    from e2k import C2K

    return C2K()


@cache
def _pronounceability() -> Any:
    """e2k's n-gram model of English words (Kneser-Ney scores of orders 1 to 5 with a
    linear SVM, shipped in the wheel), which tells a pronounceable word from letters."""
    from e2k import NGram

    return NGram()
