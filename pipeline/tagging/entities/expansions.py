"""Common acronyms and their long forms, from ``pipeline/data/acronym_expansions.tsv``.

A chapter's own definition of an acronym comes first; this table gives the long form of
an acronym a chapter uses without defining it, so ``ＡＩ`` reads ``人工知能`` (Artificial
Intelligence) in every chapter. Keys are NFKC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from pipeline.common.lexicons import parse_rows
from pipeline.common.text import fold_nfkc

WHERE = "pipeline/data/acronym_expansions.tsv"
COLUMNS = ("acronym", "japanese", "english", "source")


@dataclass(frozen=True)
class Expansion:
    acronym: str    # NFKC
    japanese: str
    english: str
    source: str


def parse_expansions(text: str, where: str = WHERE) -> dict[str, Expansion]:
    """The rows of an acronym-expansion TSV (checked as a word list: header, a value in
    every column, no acronym twice), by NFKC acronym."""
    rows = parse_rows(text, where, COLUMNS)
    return {fold_nfkc(row[0]): Expansion(fold_nfkc(row[0]), row[1], row[2], row[3])
            for row in rows}


@lru_cache(maxsize=1)
def load_expansions() -> Mapping[str, Expansion]:
    path = resources.files("pipeline") / "data" / "acronym_expansions.tsv"
    return MappingProxyType(parse_expansions(path.read_text(encoding="utf-8")))


def expansion_of(acronym: str) -> Expansion | None:
    """The common long form of ``acronym`` (any width), or None."""
    return load_expansions().get(fold_nfkc(acronym))
