"""How glossary terms read and print: readings in katakana, modified Hepburn romaji with
macrons (and without), あいうえお order, and the bilingual Markdown table
(``output/glossary.md``).

A term is read in pieces:

- compounds in ``pipeline/data/compound_readings.tsv`` whose second word voices
  (``株式会社`` カブシキガイシャ; UniDic reads 株式 + 会社 word by word), and names that
  read 日本 as にほん (``日本学術振興会`` ニホン…; UniDic reads ニッポン);
- runs of digits as numbers (``フランス2030`` → フランスニセンサンジュウ; ``4.0`` →
  ヨンテンゼロ), not digit by digit; a version number of 1 to 20 after a hyphen that
  follows Latin letters or right after a name with small letters (``GPT-4``, ``PaLM2``)
  in English (フォー, ツー: ``english_number_readings.tsv``), not after capitals alone
  (``WG6``, ``TC251``: committee numbers);
- runs of Latin letters: UniDic's reading where it reads the run as one word (``ＩＴ``
  アイティー, ``ＡＣＴＩＯＮ`` アクション), else ``pipeline/data/latin_word_readings.tsv``
  (spoken as a word: ``BOOST`` ブースト), else, for a name of several words
  (``DeepMind``), the readings of UniDic's loanwords for its words (ディープマインド;
  ``OpenAI``: オープン + エーアイ) where it knows them all, else letter by letter from
  ``letter_readings.tsv``, and the row flagged ``spelled`` when the run has three or
  more letters: nobody said how it is read — unless the run is a word rather than an
  acronym (two small letters in a row, ``Sakana``, or an English word in capitals,
  ``INVITE``; not ``IoT`` or ``PaLM``, read letter by letter): then e2k's
  English-to-katakana model says it as a word (サカナ, インバイト), flagged
  ``transliterated``: a model's guess, right for most words, not for all;
- the rest as UniDic reads it (symbols other than ``・`` and ``&`` are not read).

Romaji is cutlet's Hepburn with two changes (``HepburnCutlet``): long vowels take
macrons where UniDic's pronunciation field lengthens them (``トウキョウ``, pron
``トーキョー`` → ``Tōkyō``; ``統括`` → ``tōkatsu``; ``ei`` and ``ii`` stay as written, as
modified Hepburn writes them), and を is ``o``; cutlet's own exceptions (東京 → Tokyo) are
not used. ``romaji_ascii`` drops the macrons.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any, NamedTuple

import jaconv
import pandas as pd

from pipeline.common.hepburn import split_compounds
from pipeline.common.lexicons import word_map
from pipeline.common.text import fold_nfkc
from pipeline.corpus.latin import camel_pieces, english_words, loanword_reading

_MD_COLUMNS = (("term_ja", "用語"), ("acronym", "略語"), ("english", "English"),
               ("reading", "読み"), ("romaji", "Romaji"), ("category", "種別"),
               ("frequency", "出現数"), ("chapters", "章"))
# How Latin letters, digits and & are read out one by one.
LETTER_NAMES = word_map("letter_readings")
# Latin words spoken as words that UniDic cannot read.
LATIN_WORDS = {word.upper(): value for word, value in word_map("latin_word_readings").items()}
SPELLED = "spelled"
TRANSLITERATED = "transliterated"
_WORDLIKE = re.compile(r"[a-z]{2}")
# Version numbers after a Latin name, said in English (GPT-4 ジーピーティーフォー).
ENGLISH_NUMBERS = word_map("english_number_readings")
_DIGITS = "ゼロ イチ ニ サン ヨン ゴ ロク ナナ ハチ キュウ".split()
# Sound changes of 百 and 千 after a digit (三百 サンビャク, 八千 ハッセン), and of the
# group names (一万 イチマン); digit 1 before 十/百/千 is not said.
_HUNDREDS = {1: "ヒャク", 3: "サンビャク", 6: "ロッピャク", 8: "ハッピャク"}
_THOUSANDS = {1: "セン", 3: "サンゼン", 8: "ハッセン"}
_GROUPS = ("", "マン", "オク", "チョウ")
_PIECES = re.compile(r"(?P<number>\d+(?:\.\d+)?)|(?P<latin>[A-Za-z]+)|(?P<other>[^\dA-Za-z]+)")
_KANA = re.compile(r"[\u3041-\u309f\u30a1-\u30fcー]+")


# --------------------------------------------------------------------------- readings


class Reading(NamedTuple):
    reading: str    # katakana
    flag: str       # "spelled" when a Latin word was read letter by letter, unknown


def reading_of(term: str) -> str:
    """Katakana reading of ``term`` (see the module's docstring)."""
    return read(term).reading


def read(term: str) -> Reading:
    """``term``'s reading and its flag."""
    parts: list[str] = []
    flags: set[str] = set()
    for piece, compound in split_compounds(fold_nfkc(term)):
        if compound is not None:
            parts.append(compound.reading)
            continue
        after_latin, prior = False, ""
        for match in _PIECES.finditer(piece):
            if match.lastgroup == "number":
                version = after_latin and ENGLISH_NUMBERS.get(match.group())
                parts.append(version or number_reading(match.group()))
            elif match.lastgroup == "latin":
                reading, flag = latin_reading(match.group())
                parts.append(reading)
                flags.add(flag)
            else:
                parts.append(unidic_reading(match.group()))
            # GPT-4, PaLM2: after a hyphen or a name with small letters; not WG6, TC251
            after_latin = (match.lastgroup == "latin" and not match.group().isupper()) or (
                prior == "latin" and match.group() == "-")
            prior = match.lastgroup or ""
    flag = next((f for f in (SPELLED, TRANSLITERATED) if f in flags), "")
    return Reading("".join(parts), flag)


def number_reading(digits: str) -> str:
    """A number as it is said: ``2030`` ニセンサンジュウ, ``4.0`` ヨンテンゼロ; a run with a
    leading zero (``05``) or of more than 16 digits digit by digit."""
    whole, _, fraction = digits.partition(".")
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > 16:
        said = "".join(_DIGITS[int(d)] for d in whole)
    else:
        said = integer_reading(int(whole))
    if fraction:
        said += "テン" + "".join(_DIGITS[int(d)] for d in fraction)
    return said


def integer_reading(value: int) -> str:
    """0 … 10**16 - 1 in words: groups of four digits with マン, オク, チョウ."""
    if value == 0:
        return _DIGITS[0]
    parts: list[str] = []
    for group, name in enumerate(_GROUPS):
        four = value // 10 ** (4 * group) % 10_000
        if four:
            parts.insert(0, _four_digits(four) + name)
    return "".join(parts)


def _four_digits(value: int) -> str:
    thousands, hundreds, tens, ones = (value // 1000, value // 100 % 10, value // 10 % 10,
                                       value % 10)
    said = ""
    if thousands:
        said += _THOUSANDS.get(thousands, _DIGITS[thousands] + "セン")
    if hundreds:
        said += _HUNDREDS.get(hundreds, _DIGITS[hundreds] + "ヒャク")
    if tens:
        said += ("" if tens == 1 else _DIGITS[tens]) + "ジュウ"
    if ones:
        said += _DIGITS[ones]
    return said


def latin_reading(word: str) -> Reading:
    """A run of Latin letters: UniDic's reading when it reads the run as one word, else
    ``latin_word_readings.tsv``, else UniDic's loanwords for the words of a name, else a
    word's transliteration (flagged ``transliterated``), else letter by letter (flagged
    ``spelled`` from three letters on: one or two letters are never said as a word)."""
    from pipeline.nlp.tokens import tokenize

    tokens = tokenize(jaconv.h2z(word, kana=False, ascii=True, digit=True))
    if len(tokens) == 1 and tokens[0].reading:
        return Reading(tokens[0].reading, "")
    if word.upper() in LATIN_WORDS:
        return Reading(LATIN_WORDS[word.upper()], "")
    pieces = camel_pieces(word)
    if (len(pieces) > 1 or not word.isupper()) and all(
            len(p) <= 2 and p.isupper() or loanword_reading(p) for p in pieces):
        # DeepMind, OpenAI, SpaceX, Human: not an acronym in capitals (ＮＩＣＴ)
        return Reading("".join(loanword_reading(p) or _spell(p)
                               for p in pieces), "")
    if said_as_word(word):
        return Reading("".join(_piece_reading(p) for p in pieces), TRANSLITERATED)
    spelled = _spell(word)
    return Reading(spelled, SPELLED if len(word) >= 3 else "")


def _piece_reading(piece: str) -> str:
    """A piece of a name said as a word (``Map`` of ``MapReduce``): UniDic's loanword,
    else, for a word-like piece, its transliteration, else its letters (``AI``)."""
    loanword = loanword_reading(piece)
    if loanword:
        return loanword
    return transliterate(piece) if said_as_word(piece) else _spell(piece)


def said_as_word(latin: str) -> bool:
    """A Latin run said as a word, not an acronym: three letters or more, with two small
    letters in a row (Sakana, SpaceCompass; not IoT, MoE, PaLM, whose single small
    letters are an acronym's) or an English word in capitals (ＩＮＶＩＴＥ)."""
    return len(latin) >= 3 and (bool(_WORDLIKE.search(latin))
                                or latin.lower() in english_words())


@cache
def _english_to_katakana() -> Any:
    """e2k's character model (an RNN trained on Wiktionary and JMdict/EDICT loanwords,
    shipped in the wheel; numpy only): one per process, loaded on first need."""
    from e2k import C2K

    return C2K()


def transliterate(word: str) -> str:
    """An English word or name no dictionary here reads, in katakana as a Japanese
    speaker says it (``invite`` インバイト, ``PaLM`` パーム): e2k's guess, so the row is
    flagged ``transliterated``."""
    return str(_english_to_katakana()(word.lower()))


def _spell(word: str) -> str:
    return "".join(LETTER_NAMES.get(c.upper(), "") for c in word)


def unidic_reading(text: str) -> str:
    """UniDic's reading of a text without digits or Latin letters; kana read as written;
    ``・`` kept, ``&`` read アンド, other symbols not read."""
    from pipeline.nlp.tokens import tokenize

    parts = []
    for token in tokenize(jaconv.h2z(text, kana=False, ascii=True, digit=True)):
        surface = fold_nfkc(token.text)
        if surface in LETTER_NAMES:
            parts.append(LETTER_NAMES[surface])
        elif _KANA.fullmatch(surface):
            parts.append(jaconv.hira2kata(surface))
        elif token.reading and any(c.isalpha() for c in surface):
            parts.append(token.reading)
    return "".join(parts)


# --------------------------------------------------------------------------- romaji


def sort_key(reading: str, term: str) -> tuple[int, str, str]:

    """あいうえお order: kana folded to plain large hiragana (ガ → か, ッ → つ, ー dropped);
    terms without a reading last."""
    if not reading:
        return (1, fold_nfkc(term).lower(), term)
    plain = unicodedata.normalize("NFD", jaconv.kata2hira(reading))
    plain = "".join(c for c in plain if c not in "\u3099\u309aー")
    small = str.maketrans("ぁぃぅぇぉっゃゅょゎ", "あいうえおつやゆよわ")
    return (0, plain.translate(small), term)


# --------------------------------------------------------------------------- Markdown


def to_markdown(glossary: pd.DataFrame) -> str:
    """A bilingual Markdown table of the glossary, in its (reading) order; ``|`` escaped."""
    lines = ["# Glossary / 用語集", "",
             "| " + " | ".join(title for _, title in _MD_COLUMNS) + " |",
             "| " + " | ".join("---" for _ in _MD_COLUMNS) + " |"]
    for record in glossary.to_dict("records"):
        cells = []
        for column, _ in _MD_COLUMNS:
            value = record[column]
            if column == "chapters":
                value = ", ".join(json.loads(value))
            cells.append(md_cell(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def md_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|")
