"""Common acronyms and their long forms, from ``pipeline/data/acronyms.tsv``: the one
table of common acronyms, read by the entity rules and the glossary alike.

A chapter's own definition of an acronym comes first; this table gives the long form of
an acronym a chapter uses without defining it, so ``ＡＩ`` reads ``人工知能`` (Artificial
Intelligence) in every chapter: the first of its Japanese forms (``;``-separated). A
chapter's definition that is only the tail of a listed form (``開発目標（ＳＤＧｓ）``) gives
way to the listed one (``listed_long_form``). Keys are NFKC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from pipeline.common.lexicons import data_text, parse_rows
from pipeline.common.text import fold_nfkc

WHERE = "pipeline/data/acronyms.tsv"
COLUMNS = ("acronym", "english", "japanese", "source")


@dataclass(frozen=True)
class Expansion:
    acronym: str    # NFKC
    japanese: str   # the canonical long form: the first Japanese form listed
    english: str
    source: str
    japanese_forms: tuple[str, ...] = ()   # every Japanese form listed, canonical first


def parse_expansions(text: str, where: str = WHERE) -> dict[str, Expansion]:
    """The rows of an acronym-expansion TSV (checked as a word list: header, a value in
    every column, no acronym twice), by NFKC acronym."""
    rows = parse_rows(text, where, COLUMNS)
    return {fold_nfkc(acronym): Expansion(fold_nfkc(acronym), japanese.split(";")[0], english,
                                          source, tuple(japanese.split(";")))
            for acronym, english, japanese, source in rows}


@lru_cache(maxsize=1)
def load_expansions() -> Mapping[str, Expansion]:
    return MappingProxyType(parse_expansions(data_text("acronyms")))


def expansion_of(acronym: str) -> Expansion | None:
    """The common long form of ``acronym`` (any width), or None."""
    return load_expansions().get(fold_nfkc(acronym))


@lru_cache(maxsize=1)
def _by_japanese() -> Mapping[str, Expansion]:
    return MappingProxyType({fold_nfkc(form): expansion
                             for expansion in load_expansions().values()
                             for form in expansion.japanese_forms})


def expansion_named(japanese: str) -> Expansion | None:
    """The row of acronyms.tsv one of whose Japanese forms is ``japanese`` (any width),
    or None (``アフリカ開発会議`` → TICAD's)."""
    return _by_japanese().get(fold_nfkc(japanese))


def listed_long_form(acronym: str, japanese: str) -> str:
    """The long form of ``acronym`` printed as ``japanese``, unless it is the tail of a
    longer Japanese form listed for it (``開発目標`` of ``持続可能な開発目標``, ＳＤＧｓ): then
    the listed canonical long form, since the printed one was cut off."""
    common = expansion_of(acronym)
    printed = fold_nfkc(japanese)
    if common is None or not printed:
        return japanese
    if any(len(form) > len(printed) and fold_nfkc(form).endswith(printed)
           for form in common.japanese_forms):
        return common.japanese
    return japanese
