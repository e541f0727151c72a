"""Official English names of laws and programmes: ``pipeline/data/laws.tsv`` and
``pipeline/data/programs.tsv``, each row with where its English was read.

``official_english(label, name)`` gives a LAW's or PROGRAM's English and its source
(``laws``, ``programs``) when the table has the name, any of its aliases, or a country's
name before one (``米国国家ＡＩイニシアティブ法``); names are compared NFKC-folded, without
quotation brackets and without a bracket of Latin letters printed inside the name
(``センター・オブ・イノベーション（ＣＯＩ）プログラム``, ``IOWN（Innovative Optical and
Wireless Network）構想``), and a name after a word of ``name_amended_prefixes.tsv``
(``改正ＪＩＳ法``: the Act as amended keeps its title) is the name; ``第N期`` before a
listed plan is its Nth term (``第６期科学技術・イノベーション基本計画`` → ``6th Science,
Technology, and Innovation Basic Plan``). A row whose name ends in ``{year}`` stands for every year printed
there (``知的財産推進計画2018`` → ``Intellectual Property Strategic Program 2018``).
Nothing else is guessed: a name not in a table has no English here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from pipeline.common.lexicons import data_text, data_where, parse_rows, word_list
from pipeline.common.text import fold_nfkc
from pipeline.errors import PipelineError
from pipeline.tagging.entities.gazetteer import country_names, country_prefixed

COLUMNS = ("name_ja", "name_en", "aliases", "country", "source")
TABLES = {"LAW": "laws", "PROGRAM": "programs"}   # label → table under pipeline/data/
YEAR = "{year}"
_LATIN_BRACKET = re.compile(r"\([ -~]*[A-Za-z][ -~]*\)")   # NFKC: （ＣＯＩ） → (COI)
_QUOTES = re.compile(r"[「」『』\"]")
_YEAR_AT_END = re.compile(r"((?:19|20)\d\d)$")
_TERM = re.compile(r"第(\d{1,2})期(.+)$")   # the Nth plan of a series
AMENDED = tuple(word_list("name_amended_prefixes"))   # 改正: the same Act, amended


@dataclass(frozen=True)
class OfficialName:
    name_ja: str
    name_en: str
    source: str


def name_key(name: str) -> str:
    """How names are compared: NFKC, no quotation marks, no bracket of Latin letters."""
    return _LATIN_BRACKET.sub("", _QUOTES.sub("", fold_nfkc(name))).strip()


def parse_names(text: str, where: str,
                countries: Mapping[str, tuple[str, ...]]) -> dict[str, OfficialName]:
    """The rows of a names table by every key (name, aliases, country-prefixed forms);
    a key naming two rows is an error."""
    names: dict[str, OfficialName] = {}
    for name_ja, name_en, aliases, country, source in parse_rows(
            text, where, COLUMNS, optional=("aliases", "country")):
        if country and country not in countries:
            raise PipelineError(f"{where}: country {country!r} of {name_ja!r} is no country's "
                                "name_ja in pipeline/data/places.tsv; use that name")
        if (YEAR in name_ja) != (YEAR in name_en):
            raise PipelineError(f"{where}: {name_ja!r} and {name_en!r} must both hold {YEAR} "
                                "or neither")
        forms = [name_ja, *(a for a in aliases.split("|") if a)]
        forms += country_prefixed(forms, countries.get(country, ()))
        entry = OfficialName(name_ja, name_en, source)
        for form in forms:
            key = name_key(form)
            if key in names and names[key] != entry:
                raise PipelineError(f"{where}: {form!r} names both {names[key].name_ja!r} and "
                                    f"{name_ja!r}; keep it on one row only")
            names[key] = entry
    return names


@cache
def load_names(table: str) -> Mapping[str, OfficialName]:
    return parse_names(data_text(table), data_where(table), country_names())


def official_english(label: str, name: str) -> tuple[str, str]:
    """(English name, source table) of a LAW or PROGRAM ``name``, or ("", "")."""
    table = TABLES.get(label)
    if table is None or not name:
        return "", ""
    names = load_names(table)
    key = name_key(name)
    for prefix in AMENDED:
        if key.startswith(prefix) and key[len(prefix):] in names:
            key = key[len(prefix):]   # 改正ＪＩＳ法: the Act as amended, under its title
    term = _TERM.match(key)
    if term is not None and term.group(2) in names:   # 第６期科学技術・イノベーション基本計画
        english, source = official_english(label, term.group(2))
        return f"{_ordinal(int(term.group(1)))} {english}", source
    found = names.get(key)
    if found is not None and YEAR not in found.name_ja:
        return found.name_en, table
    year = _YEAR_AT_END.search(key)
    if year is not None:
        found = names.get(key[:year.start()] + YEAR)
        if found is not None:
            return found.name_en.replace(YEAR, year.group(1)), table
    return "", ""


def _ordinal(n: int) -> str:
    """1 → 1st, 2 → 2nd, 11 → 11th, 23 → 23rd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
