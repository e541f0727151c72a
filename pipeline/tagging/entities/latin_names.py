"""ACRONYM and NAME mentions in Latin letters, as ``name_patterns`` finds the others:
runs of either width holding two capitals (``ＴＬＯ``, ``IoT``), not glued to digits
(``108MHz`` is a unit), canonical NFKC, a footnote marker's digits left out
(``ＤＳＩＴ1``); and CamelCase names (``ChatGPT``, ``OpenAI``), label NAME.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.common.text import fold_with_offsets, is_roman_numeral
from pipeline.tagging.entities.acronyms import is_acronym
from pipeline.tagging.entities.expansions import expansion_of
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.name_patterns import PatternMatch

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
        for start, end in _acronym_spans(run.group(), run.start()):
            end -= _marker_digits(text[origin[start]:origin[end]])
            printed = text[origin[start]:origin[end]]
            if printed and all(map(is_roman_numeral, printed)):
                continue   # Ⅱ, Ⅲ folded to II, III: a numeral (a figure's axis, a part)
            form = folded[start:end]
            found.append(PatternMatch(origin[start], origin[end], "ACRONYM", form, "acronym"))
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


def _acronym_spans(run: str, offset: int) -> list[tuple[int, int]]:
    """The run itself when every word is an acronym (``PCT CS&E``), else each acronym
    word on its own (``Nanotech CUPAL`` → ``CUPAL``)."""
    words = [(m.start() + offset, m.end() + offset, m.group())
             for m in re.finditer(r"\S+", run)]
    if len(words) > 1 and all(_is_acronym_word(w) for _, _, w in words):
        return [(words[0][0], words[-1][1])]
    return [(s, e) for s, e, w in words if _is_acronym_word(w)]


_LOWER_RUN = re.compile(r"[a-z]{3,}")


def _is_acronym_word(word: str) -> bool:
    """An acronym, written mostly in capitals with few lower-case letters, none three in a
    row (``IoT``, ``NexTEP``, ``LLM-jp``), not a capitalised word or name
    (``Non-Terrestrial``, ``DeepMind``, ``T-Mobile``, ``ChatGPT``)."""
    letters = sum(c.isalpha() for c in word)
    return is_acronym(word) and 2 * sum(c.isupper() for c in word) >= letters \
        and not _LOWER_RUN.search(word)
