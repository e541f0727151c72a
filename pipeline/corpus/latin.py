"""What a word in Latin letters is, for the glossary: an acronym (``ＩＣＴ``), an ordinary
English word in capitals (``ＡＣＴＩＯＮ``, ``HIGH RISK``), a standard or committee code
(``ISO/TC224/WG6``), a name written in Latin letters (``OpenAI``, ``ChatGPT``) or a Roman
numeral (``Ⅱ``); and the English of common acronyms (``pipeline/data/acronyms.tsv``).

Decided by the word's shape and two word lists, never by the word itself:

- an ordinary word: every word of it (split at spaces and hyphens) is an English
  dictionary word — one UniDic knows as a loanword (its lemma ``アクション-action``) or one
  of ``pipeline/data/english_words.tsv`` — and it is printed in capitals;
- a code: a ``/``-joined run whose parts hold a committee or group number (``TC224``,
  ``WG6``, ``SC42``) or that starts with a standards body's code followed by a number;
- a name: three or more lower-case letters after a capital, or four in a row
  (``OpenAI``, ``DeepMind``, ``DNNresearch``), as acronyms are written in capitals
  (``DaaS``, ``NexTEP``, ``PaLM`` and ``IoT`` keep one or two lower-case letters);
- a Roman numeral: printed with the Roman numeral characters (Ⅰ–Ⅻ, U+2160–U+217F).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

import jaconv

from pipeline.common.lexicons import parse_rows, word_list

ACRONYM, WORD, CODE, NAME, NUMERAL = "ACRONYM", "WORD", "CODE", "NAME", "NUMERAL"
_ROMAN = re.compile(r"[\u2160-\u217f]+(?:\s*[\u2160-\u217f]+)*")
_CODE_PART = re.compile(r"(?:TC|SC|WG|SG|JTC|AG|JWG|PC)\s?\d+[A-Z]?", re.IGNORECASE)
_BODY_CODE = re.compile(r"(?:ISO|IEC|ITU|JIS|IEEE|CEN|ETSI)[-/ ]?[A-Z]{0,3}[-/ ]?\d+")
_NAME_SHAPE = re.compile(r"[A-Z][a-z]{3,}|[a-z]{4,}")
_WORDS = re.compile(r"[A-Za-z]+")


class CommonAcronym(NamedTuple):
    english: str
    japanese: tuple[str, ...]   # the Japanese terms it stands for (``;`` in the file)


@cache
def common_acronyms() -> dict[str, CommonAcronym]:
    """``acronyms.tsv``: NFKC acronym → its English and Japanese."""
    name = "pipeline/data/acronyms.tsv"
    text = (resources.files("pipeline") / "data" / "acronyms.tsv").read_text(encoding="utf-8")
    rows = parse_rows(text, name, ("acronym", "english", "japanese", "source"))
    return {row[0]: CommonAcronym(row[1], tuple(row[2].split(";"))) for row in rows}


@cache
def english_words() -> frozenset[str]:
    return frozenset(word_list("english_words"))


@cache
def is_english_word(word: str) -> bool:
    """An English dictionary word: UniDic's loanword lemma spells it, or the word list
    has it (case folded)."""
    return word.lower() in english_words() or bool(loanword_reading(word))


@cache
def loanword_reading(word: str) -> str:
    """The katakana reading of ``word`` when UniDic knows it as a loanword spelled so
    (lemma ``ディープ-deep`` for ``deep``, ``Deep`` or ``DEEP``), else ""."""
    from pipeline.nlp.tagger import get_tagger

    nodes = list(get_tagger()(jaconv.h2z(word.lower(), kana=False, ascii=True)))
    if len(nodes) != 1 or nodes[0].is_unk:
        return ""
    lemma = getattr(nodes[0].feature, "lemma", None) or ""
    _, _, foreign = str(lemma).partition("-")
    kana = getattr(nodes[0].feature, "kana", None) or ""
    return str(kana) if foreign.lower() == word.lower() else ""


_PIECES = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def camel_pieces(word: str) -> list[str]:
    """A run of Latin letters cut where a capital starts a word (``DeepMind`` → Deep,
    Mind; ``OpenAI`` → Open, AI; ``SpaceX`` → Space, X)."""
    return _PIECES.findall(word)


def kind_of(printed: str, ascii_form: str) -> str:
    """ACRONYM, WORD, CODE, NAME or NUMERAL for an acronym as printed and NFKC-folded."""
    if _ROMAN.fullmatch(printed.strip()):
        return NUMERAL
    parts = re.split(r"[/／]", ascii_form)
    if len(parts) > 1 and (any(_CODE_PART.fullmatch(p.strip()) for p in parts)
                           or _BODY_CODE.match(ascii_form)):
        return CODE
    words = _WORDS.findall(ascii_form)
    if not words:
        return ACRONYM
    if _NAME_SHAPE.search(ascii_form):
        return NAME
    if (ascii_form == ascii_form.upper() and all(len(w) >= 3 for w in words)
            and all(is_english_word(w) for w in words)):
        return WORD
    return ACRONYM
