"""Digits that belong to the word they are glued to (``CO2``, ``N2O``), which the
footnote search must not take for a marker."""

from __future__ import annotations

import unicodedata

from pipeline.common.lexicons import word_list

# words whose last digit is their own (CO2, CH4): digit_ending_terms.tsv
DIGIT_ENDING_TERMS = frozenset(word_list("digit_ending_terms"))


def in_digit_ending_term(text: str, offset: int, end: int) -> bool:
    """Are the digits at ``offset``…``end`` part of a word whose digits are its own
    (``CO2``, ``tCO2``, ``t-CO2``, ``N2O``: digit_ending_terms.tsv), the run of Latin
    letters and digits around them being that word or ending in it after a lowercase
    prefix?"""
    start = offset
    while start > 0 and _latin_or_digit(_nfkc(text[start - 1])):
        start -= 1
    stop = end
    while stop < len(text) and _latin_or_digit(_nfkc(text[stop])):
        stop += 1
    run = _nfkc(text[start:stop])
    return any(run == term or (run.endswith(term) and run[-len(term) - 1].islower())
               for term in DIGIT_ENDING_TERMS)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()

