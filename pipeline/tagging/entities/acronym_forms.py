"""The forms an acronym definition is judged by: is a Latin string an acronym
(``is_acronym``) or an English phrase (``is_english_phrase``); do an acronym's letters
spell an English name's initials (``initials_match``, ``abbreviates``) or run through a
long form in order (``best_long_form``, Schwartz–Hearst; ``expansion_matches``); could a
bracket's Japanese be an expansion (``is_japanese_expansion``). Pure functions on
strings, for ``acronyms`` (the pairs found in text), the senses and the glossary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.common.text import fold_nfkc, fold_with_offsets
from pipeline.nlp.tokens import tokenize

_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9&\-/.!+ ]*?[A-Za-z0-9!+]?$")
JAPANESE = re.compile(r"[\u3041-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff々]")
KANJI_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'&\-]*")
_NOUN_POS = frozenset({"名詞", "接頭辞", "接尾辞"})


def is_acronym(text: str) -> bool:
    """Latin letters (with digits, ``&-/.!+`` and spaces) holding at least two capitals,
    and not an English phrase (``Artificial Intelligence``)."""
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2 \
        and not is_english_phrase(text)


def is_english_phrase(text: str) -> bool:
    """Two or more Latin words, one of them an ordinary word (three letters or more,
    mostly lower case: ``Radio Access Network``, ``Generative AI``), all ASCII: English
    words, not an acronym (``PCT CS&E``) nor another language."""
    if JAPANESE.search(text):
        return False
    words = LATIN_WORD.findall(text)
    return len(words) >= 2 and _mostly_latin(text) and _has_ordinary_word(words)


def _mostly_latin(text: str) -> bool:
    """ASCII only: a phrase with other letters is another language (``Nationale Strategie
    für Künstliche Intelligenz``)."""
    return text.isascii()


def _has_ordinary_word(words: Sequence[str]) -> bool:
    return any(len(w) >= 3 and sum(c.islower() for c in w) >= len(w) - 1 for w in words)


_FUNCTION_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
                             "on", "the", "to", "with"})


def initials_match(acronym: str, english: str) -> bool:
    """Are the acronym's letters the initials of ``english``'s words, in order (function
    words such as ``of`` may be skipped or count; a word may give two letters)?
    ``AI`` ↔ ``Artificial Intelligence``, ``IoT`` ↔ ``Internet of Things``."""
    letters = [c.lower() for c in fold_with_offsets(acronym)[0] if c.isalpha()]
    words = [w.lower() for w in re.split(r"[\s\-/]+", fold_with_offsets(english)[0]) if w]
    words = [w for w in words if w[0].isalpha()]
    if len(letters) < 2 or not words:
        return False

    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        if word in _FUNCTION_WORDS and match(i, j + 1):
            return True
        if i == len(letters) or word[0] != letters[i]:
            return False
        return match(i + 1, j + 1) or (i + 1 < len(letters) and letters[i + 1] in word[1:]
                                       and match(i + 2, j + 1))

    return match(0, 0)


def abbreviates(acronym: str, listed: str, english: str) -> bool:
    """Does ``acronym`` stand for a listed body whose acronym is ``listed`` and English
    ``english``: it is the listed one, the initials of the English or a word of it
    (ＡＵ: African Union)? Not ＮＳＡ of 米国の国家安全保障局（ＮＳＡ）, whose long form
    is the gazetteer's Japanese body (National Security Secretariat, NSS)."""
    acronym = fold_nfkc(acronym)
    return acronym == fold_nfkc(listed) or initials_match(acronym, english) or \
        acronym in english.split()


def is_japanese_expansion(text: str) -> bool:
    """Could ``text`` in ``ABBR（text）`` be the expansion: a Japanese noun phrase, not a
    qualifier (``名目及び実質``), a date or count (``2017年``) or a reading (``きざし``)?"""
    if not KANJI_KATAKANA.search(text) or any(c.isdigit() for c in text):
        return False
    if re.search(r"及び|並びに|又は|、|,|参照|除く|含む", text):
        return False
    tokens = tokenize(text)
    return bool(tokens) and tokens[-1].pos1 in _NOUN_POS and tokens[0].pos1 in _NOUN_POS


def is_subsequence_or_latin(short: str, long_form: str) -> bool:
    if is_acronym(short):
        return True
    chars = iter(long_form)
    return short != long_form and all(c in chars for c in short)


def best_long_form(short: str, long: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest tail of ``long`` that contains every letter
    and digit of ``short`` in order, the first one starting a word; None when none does."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != char or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return long[long.rfind(" ", 0, i + 1) + 1:]


def expansion_matches(acronym: str, expansion: str) -> bool:
    """Does the English ``expansion`` spell ``acronym`` (any width) in order?"""
    short, _ = fold_with_offsets(acronym)
    long, _ = fold_with_offsets(expansion)
    return best_long_form(short, long) is not None
