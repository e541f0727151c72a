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
from typing import NamedTuple

import jaconv

from pipeline.common.lexicons import word_list
from pipeline.common.text import ROMAN_NUMERALS, fold_nfkc
from pipeline.tagging.entities.org_words import PREFIX_FORMS, SUFFIX_FORMS

ACRONYM, WORD, CODE, NAME, NUMERAL = "ACRONYM", "WORD", "CODE", "NAME", "NUMERAL"
_ROMAN = re.compile(rf"[{ROMAN_NUMERALS}]+(?:\s*[{ROMAN_NUMERALS}]+)*")
_CODE_PART = re.compile(r"(?:TC|SC|WG|SG|JTC|AG|JWG|PC)\s?\d+[A-Z]?", re.IGNORECASE)
_BODY_CODE = re.compile(r"(?:ISO|IEC|ITU|JIS|IEEE|CEN|ETSI)[-/ ]?[A-Z]{0,3}[-/ ]?\d+")
_NAME_SHAPE = re.compile(r"[A-Z][a-z]{3,}|[a-z]{4,}")
_WORDS = re.compile(r"[A-Za-z]+")


class CommonAcronym(NamedTuple):
    english: str
    japanese: tuple[str, ...]   # the Japanese terms it stands for (``;`` in the file)


@cache
def common_acronyms() -> dict[str, CommonAcronym]:
    """``acronyms.tsv`` (through ``expansions``, its one reader): NFKC acronym → its
    English and Japanese forms."""
    from pipeline.tagging.entities.expansions import load_expansions

    return {key: CommonAcronym(row.english, row.japanese_forms)
            for key, row in load_expansions().items()}


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
    if _ROMAN.match(printed.strip()):
        return NUMERAL   # Ⅱ, and a designation opened by one: ⅡＡ of ＳＭ－３ブロックⅡＡ
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


# --------------------------------------------------------------------------- English in brackets


_ACRONYM_AND_ENGLISH = re.compile(
    r"[（(](?P<acronym>[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９&＆\-－]*)\s*[：:]\s*"
    r"(?P<english>[A-Za-zＡ-Ｚａ-ｚ][^（）()：:]*?)\s*[）)]")


def split_english_in_brackets(text: str) -> tuple[str, dict[str, str]]:
    """``日本語（ACR：English）`` (欧州宇宙機関（ESA：European Space Agency）) as
    ``日本語（ACR）``, which the acronym rules read, and NFKC acronym → its English."""
    english: dict[str, str] = {}

    def keep_acronym(match: re.Match[str]) -> str:
        words = fold_nfkc(match["english"]).strip()
        if " " not in words or not is_latin(words):
            return match.group()
        english.setdefault(fold_nfkc(match["acronym"]), words)
        return match.group()[0] + match["acronym"] + match.group()[-1]

    return _ACRONYM_AND_ENGLISH.sub(keep_acronym, text), english


_ENGLISH_THEN_JAPANESE = re.compile(
    r"(?P<english>[A-Za-z][A-Za-z0-9 &'.,\-]*[A-Za-z0-9])\s*[：:、]\s*"
    r"(?P<japanese>[^A-Za-z]*[\u3040-\u30ff\u4e00-\u9fff][^A-Za-z]*)")


def english_and_japanese(long_form: str) -> tuple[str, str] | None:
    """A long form printed ``English：日本語`` or ``English、日本語`` as its two parts."""
    match = _ENGLISH_THEN_JAPANESE.fullmatch(fold_nfkc(long_form).strip())
    if match is None or " " not in match["english"]:
        return None
    return match["english"], match["japanese"].strip()


def has_two_content_words(long_form: str) -> bool:
    """What an acronym stands for is a phrase: two or more UniDic words that are not
    prefixes, suffixes or symbols (人工知能 is 人工 + 知能; 当時 and 自動化 are one)."""
    from pipeline.nlp.tokens import tokenize

    words = [t for t in tokenize(long_form) if t.pos1 not in ("接頭辞", "接尾辞", "補助記号")]
    return len(words) >= 2


def is_english_phrase(text: str) -> bool:
    """English words in brackets after a Japanese term, not an acronym: two or more
    words, one of them a word of four or more letters in lower case after its first
    (``Generative AI``, ``Council of Europe``; not ``NHS AI Lab``, ``O-RAN ALLIANCE``)."""
    words = text.split()
    return len(words) >= 2 and any(re.fullmatch(r"[A-Za-z][a-z]{3,}\w*", w) for w in words)


def latin_name(term: str) -> str:
    """A name printed in Latin letters, with a legal form before or after it dropped
    (``OpenAI``; ``株式会社Preferred Networks`` → ``Preferred Networks``), or ""."""
    folded = fold_nfkc(term).strip()
    for form in map(fold_nfkc, PREFIX_FORMS):
        folded = folded.removeprefix(form)
    for form in map(fold_nfkc, SUFFIX_FORMS):
        folded = folded.removesuffix(form)
    return folded.strip() if is_latin(folded) else ""


def is_latin(text: str) -> bool:
    """Latin letters, digits, spaces and ASCII punctuation only (NFKC), with a letter."""
    folded = fold_nfkc(text)
    return folded.isascii() and any(c.isalpha() for c in folded)
