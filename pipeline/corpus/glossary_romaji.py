"""The glossary's romaji (``romaji``): modified Hepburn that says what the reading
(``pipeline.corpus.readings.read``) says, made from the same pieces.

Latin runs and numbers stay as printed (as ALA-LC romanises Arabic figures), a counter
joins its number by a hyphen (``dai 28-kai``), a run of countries' one-kanji names is one
word (日米豪印 ``nichibeigōin``, not UniDic's pieces ``nichi beigō in``), 日 before a Latin
name is ``nichi``, and each part between ``・`` is romanised on its own
(``Taiheiyō shima samitto``: with ・ turned into a space UniDic read 島 トウ); Japanese
text goes through the project's ``HepburnCutlet`` (``pipeline.common.hepburn``: macrons
where UniDic's pronunciation lengthens a vowel).
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

from pipeline.common.hepburn import get_cutlet, split_compounds
from pipeline.corpus.readings import Said, folded_term, said_pieces

_OPENING, _CLOSING = "([{「『【〈《", ")]}」』】〉》"
# punctuation that follows the word before it with no space (ＡＩ、人権 → AI, jinken)
_TRAILING = "、。，．,.：:；;！!？?"
_ASCII_PUNCTUATION = str.maketrans("、。", ",.")
# a word follows these with a space (IoT、AI → IoT, AI; not Node.js, ISO:2015)
_SPACED_AFTER = "、。,"
# Where the text is romanised in parts: cutlet's tokenizer skips a space, and a space
# put for ・ changed UniDic's words (太平洋 島 read トウ); a printed space was lost
# (の場 産学官 → basangakukan).
_WORD_BREAK = re.compile(r"[・\s]+")
_JAPANESE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff々]")


def romaji(term: str) -> str:
    """Modified Hepburn of ``term``, said as ``read`` says it: compounds of
    ``compound_readings.tsv`` as written there, Latin runs and numbers as printed (as
    ALA-LC romanises Arabic figures), a counter joined to its number by a hyphen
    (``第28回`` dai 28-kai), a run of countries' one-kanji names as one word
    (nichibeigōin), 日 before a Latin name ``nichi``, the rest by ``HepburnCutlet``
    (macrons from UniDic's pronunciation), each part between ``・`` on its own; symbols
    between Latin runs and numbers kept with no space (``GPT-4``, ``ISO/TC224``)."""
    words: list[str] = []
    glue = False   # does the next piece join the last word with no space?
    for piece, compound in split_compounds(folded_term(term)):
        if compound is not None:
            words.append(compound.romaji)
            glue = False
            continue
        for said in said_pieces(piece):
            word, joins, glue_next = _said_romaji(said, glue)
            if word and (joins or said.glued) and words:
                words[-1] += ("-" if said.glued and _number_ended(words[-1]) else "") + word
            elif word:
                words.append(word)
            glue = glue_next
    return unicodedata.normalize("NFC", " ".join(w for w in words if w))


def _said_romaji(said: Said, glue: bool) -> tuple[str, bool, bool]:
    """A piece's romaji, whether it joins the word before, whether the next joins it."""
    if said.kind == "latin":
        return said.text, glue, True
    if said.kind == "number":
        digits = said.text
        if said.counter[0] and not said.counter[1]:
            return kana_romaji(said.kana), glue, False   # 1人 hitori
        if said.counter[0]:
            return f"{digits}-{kana_romaji(said.counter[1])}", glue, False
        return digits, glue, True
    if said.kind == "kana":
        return kana_romaji(said.kana), False, False
    text = said.text
    symbols = not _JAPANESE.search(text) and "・" not in text   # - / + ( between Latin runs
    joins = text[:1] in _CLOSING + _TRAILING or (symbols and not text[:1].isspace()
                                     and text[:1] not in _OPENING)
    glue_next = text[-1:] in _OPENING or (symbols and not text[-1:].isspace()
                                          and text[-1:] not in _CLOSING)
    if symbols:
        mark = text.strip()
        return (mark.translate(_ASCII_PUNCTUATION), joins,
                glue_next and mark[-1:] not in _SPACED_AFTER)
    words = " ".join(str(get_cutlet().romaji(part, capitalize=False)).strip()
                     for part in _WORD_BREAK.split(text) if part.strip())
    return _PREFIXED_NAME.sub("-", words), joins, glue_next


# A prefix cutlet glues to a capitalised name (環太平洋 kanTaiheiyō, 大日本 daiNippon):
# a hyphen between them, as Hepburn writes Dai-Nippon.
_PREFIXED_NAME = re.compile(r"(?<=[a-zāīūēō])(?=[A-ZĀĪŪĒŌ])")


def _number_ended(word: str) -> bool:
    return word[-1:].isdigit()


def kana_romaji(kana: str) -> str:
    """Hepburn of a Sino-Japanese reading in katakana (numbers, counters, 日米豪印): ウ after
    an o or u sound is a long vowel (ジュウ → jū, ゴウ → gō); ・ is a space."""
    marked = "".join("ー" if c == "ウ" and n and _vowel(kana[n - 1]) in "ou" else c
                     for n, c in enumerate(kana))
    return " ".join(str(get_cutlet().map_kana(jaconv.kata2hira(part)))
                    for part in marked.split("・") if part)


def _vowel(kana: str) -> str:
    for vowel, row in _VOWEL_ROWS.items():
        if kana in row:
            return vowel
    return ""


_VOWEL_ROWS = {"a": "アカサタナハマヤラワガザダバパァャヮ", "i": "イキシチニヒミリギジヂビピィ",
               "u": "ウクスツヌフムユルグズヅブプゥュ", "e": "エケセテネヘメレゲゼデベペェ",
               "o": "オコソトノホモヨロヲゴゾドボポォョ"}
