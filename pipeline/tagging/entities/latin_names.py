"""ACRONYM and NAME mentions in Latin letters, as ``name_patterns`` finds the others:
runs of either width holding two capitals (``ＴＬＯ``, ``IoT``), not glued to digits
(``108MHz`` is a unit), canonical NFKC, a footnote marker's digits left out
(``ＤＳＩＴ1``); and CamelCase names (``ChatGPT``, ``OpenAI``), label NAME.

Acronyms joined by ``/`` are each a mention (``ＩｏＴ/ＢＤ/ＡＩ`` → ＩｏＴ, ＢＤ, ＡＩ), but a
committee's code holding its number stays one (``ＩＳＯ/ＴＣ224``), and so do acronyms
before a number, a standard's designation (``ISO/IEC 27001``). A word printed in
capitals that is an ordinary English word (``english_words.tsv``) and no acronym the
tables list (a flowchart's ``ＳＴＡＲＴ``, ``ＥＮＤ``, a figure's ``MINIMAL RISK``) is marked
``ENGLISH_WORD``: ``entity_rows`` keeps it only when the chapter defines it as an acronym
(``大学発新産業創出プログラム（ＳＴＡＲＴ）``); printed alone in brackets right after a name,
the short name the text gives it, it stays an acronym (``…Society （ＴＲＡＩＬＳ）``). ＡＩ,
ＩＣＴ, ＮＴＴ are no English words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_with_offsets, is_roman_numeral
from pipeline.tagging.entities.acronym_forms import is_acronym
from pipeline.tagging.entities.expansions import expansion_of
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.pattern_match import PatternMatch

ENGLISH_WORD = "acronym_english_word"   # kept only where the chapter defines it
_LATIN_WORD = r"[A-Za-z][A-Za-z0-9&\-/.+!]*(?<![\-/.])"
# Acronyms joined by one space are one (PCT CS&E); a run is not glued to digits (108MHz).
_LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9]){_LATIN_WORD}(?: {_LATIN_WORD})*(?![A-Za-z0-9])")


def find_acronyms(text: str, folding: tuple[str, Sequence[int]] | None = None
                  ) -> list[PatternMatch]:
    """Latin acronyms of either width (``ＴＬＯ``, ``IoT``, ``ＩＳＯ/ＴＣ224``); canonical NFKC.
    ``folding``: ``fold_with_offsets(text)``, when the caller has it."""
    folded, origin = fold_with_offsets(text) if folding is None else folding
    found = []
    for run in _LATIN_RUN.finditer(folded):
        numbered = bool(_NUMBER_AFTER.match(folded, run.end()))   # ISO/IEC 27001
        for start, end, english in _acronym_spans(run.group(), run.start(), numbered):
            end -= _marker_digits(text[origin[start]:origin[end]])
            printed = text[origin[start]:origin[end]]
            if printed and all(map(is_roman_numeral, printed)):
                continue   # Ⅱ, Ⅲ folded to II, III: a numeral (a figure's axis, a part)
            form = folded[start:end]
            english = english and not _named_in_brackets(folded, start, end)
            found.append(PatternMatch(origin[start], origin[end], "ACRONYM", form,
                                      ENGLISH_WORD if english else "acronym"))
        for word in re.finditer(r"\S+", run.group()):
            if is_latin_name(word.group()):
                start, end = run.start() + word.start(), run.start() + word.end()
                found.append(PatternMatch(origin[start], origin[end], "NAME", word.group(),
                                          "latin_name"))
    return found


_WIDE_THEN_NARROW_DIGITS = re.compile(r"[Ａ-Ｚａ-ｚ]([0-9]+)$")


def _marker_digits(printed: str) -> int:
    """How many half-width digits end a known acronym (the gazetteer's or acronyms.tsv's)
    printed in full-width letters: a footnote marker left in the text (``ＤＳＩＴ1``); a
    code such as ``ＴＣ224`` or ``Ｇ20`` the tables do not list keeps its digits."""
    found = _WIDE_THEN_NARROW_DIGITS.search(printed)
    if found is None:
        return 0
    letters = printed[:found.start(1)]
    known = lookup(letters) is not None or expansion_of(letters) is not None
    return len(found.group(1)) if known else 0


# A name written in Latin letters as one word of two capitalised parts or more (ChatGPT,
# OpenAI, DeepMind, SpaceCompass): the shape of a company's or a product's name, not of an
# English word (Network) nor of an acronym (IoT, NexTEP).
_CAMEL = re.compile(r"^[A-Z][a-z]{2,}(?:[A-Z][a-z]*)*[A-Z][A-Za-z0-9]*$|^[A-Z]{1,3}[a-z]{3,}[A-Z][A-Za-z0-9]*$")


def is_latin_name(word: str) -> bool:
    """A CamelCase word: a capital, small letters, and another capital later (ChatGPT,
    DeepMind, OpenAI); what it names (a company, a product) the shape does not say, so
    its label is NAME."""
    return bool(_CAMEL.match(word)) and not _is_acronym_word(word)


_NUMBER_AFTER = re.compile(r"[ \u3000]?[0-9]")


def _acronym_spans(run: str, offset: int, numbered: bool = False
                   ) -> list[tuple[int, int, bool]]:
    """The run itself when every word is an acronym (``PCT CS&E``), else each acronym
    word on its own (``Nanotech CUPAL`` → ``CUPAL``); a word of acronyms joined by ``/``
    is each of them (``IoT/BD/AI``, ``_slash_parts``), unless a number follows the run
    (``numbered``: ``ISO/IEC 27001``, a standard's designation). Each span says whether it is an
    English word printed in capitals (``START``, ``MINIMAL RISK``: ``_is_english_word``)."""
    words = [(m.start() + offset, m.end() + offset, m.group())
             for m in re.finditer(r"\S+", run)]
    if len(words) > 1 and all(_is_acronym_word(w) for _, _, w in words):
        english = all(_is_english_word(w) for _, _, w in words)
        return [(words[0][0], words[-1][1], english)]
    spans = []
    for start, end, word in words:
        parts = _slash_parts(word) if len(words) == 1 and not numbered else []
        if parts:
            spans += [(start + s, start + e, False) for s, e in parts]
        elif _is_acronym_word(word):
            spans.append((start, end, _is_english_word(word)))
    return spans


def _slash_parts(word: str) -> list[tuple[int, int]]:
    """(start, end) in ``word`` of each acronym it joins with ``/`` (``IoT/BD/AI`` → IoT,
    BD, AI: each is read on its own) when every part is an acronym of letters alone; []
    otherwise, and for a committee's code, whose parts hold its number
    (``ISO/TC224/WG6`` stays one)."""
    parts = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^/]+", word)]
    if len(parts) < 2 or not all(_is_acronym_word(p) and p.isalpha() for _, _, p in parts):
        return []
    return [(s, e) for s, e, _ in parts]


def _named_in_brackets(folded: str, start: int, end: int) -> bool:
    """Is ``folded[start:end]`` alone in brackets right after a name, the short name the
    text gives it (``…Society （ＴＲＡＩＬＳ）``, ``…育成事業（ＢＯＯＳＴ）``), not a label
    standing alone (``(MINIMAL RISK)``, a figure's)?"""
    return 1 <= start and end < len(folded) and folded[start - 1] == "(" \
        and folded[end] == ")" and bool(folded[:start - 1].strip())


_ENGLISH_WORDS = frozenset(word_list("english_words"))


def _is_english_word(word: str) -> bool:
    """A word printed in capitals, three letters or more, that is an ordinary English
    word (``english_words.tsv``: ``START``, ``END``, ``YES``) and no acronym the tables
    list (``acronyms.tsv``, the gazetteer): a flowchart's or figure's label, no acronym."""
    return len(word) >= 3 and word.isalpha() and word.isupper() \
        and word.lower() in _ENGLISH_WORDS \
        and lookup(word) is None and expansion_of(word) is None


_LOWER_RUN = re.compile(r"[a-z]{3,}")


def _is_acronym_word(word: str) -> bool:
    """An acronym, written mostly in capitals with few lower-case letters, none three in a
    row (``IoT``, ``NexTEP``, ``LLM-jp``), not a capitalised word or name
    (``Non-Terrestrial``, ``DeepMind``, ``T-Mobile``, ``ChatGPT``)."""
    letters = sum(c.isalpha() for c in word)
    return is_acronym(word) and 2 * sum(c.isupper() for c in word) >= letters \
        and not _LOWER_RUN.search(word)
