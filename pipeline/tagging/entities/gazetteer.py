"""The bilingual organisation gazetteer: ``pipeline/data/gazetteer.tsv`` (national bodies,
research bodies, international bodies), ``org_universities.tsv`` (universities) and
``org_companies.tsv`` (companies; users add theirs there) and ``org_foreign.tsv`` (foreign
universities, research and government bodies, companies).

One row per body: its canonical Japanese name, a type, the official English name the
body uses itself (empty where not confirmed), the acronym it uses, ``|``-separated
aliases and where the English comes from. Lines starting with ``#`` are comments.
``load_gazetteer`` reads and validates the files once (a name, alias or acronym may name
one body only, across the files); ``surface_forms`` maps every name, alias and acronym,
folded with NFKC, to its entry, so ``ＮＩＣＴ`` and ``NICT`` are one term.

``org_foreign.tsv`` has one more column, ``country`` (a country's ``name_ja`` in
``places.tsv``): each of the country's names before each of the body's names, directly or
after ``・``, is an alias too, so ``英国科学・イノベーション・技術省`` and ``米国・国立科学財団``
are the bodies ``科学・イノベーション・技術省`` and ``国立科学財団``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from pipeline.common.lexicons import data_text, data_where
from pipeline.common.text import fold_nfkc
from pipeline.errors import PipelineError

WHERE = "pipeline/data/gazetteer.tsv"
FILES = ("gazetteer", "org_universities", "org_companies", "org_foreign")   # pipeline/data/
COLUMNS = ("canonical_ja", "type", "canonical_en", "acronym", "aliases", "source")
COUNTRY_FILES = frozenset({"org_foreign"})   # files with a ``country`` column before source
COUNTRY_COLUMNS = (*COLUMNS[:-1], "country", COLUMNS[-1])
ORG_TYPES = frozenset({"ORG_MINISTRY", "ORG_AGENCY", "ORG_COUNCIL", "ORG_NRDA", "ORG_IAI",
                       "ORG_INTL", "ORG_OTHER"})


@dataclass(frozen=True)
class GazetteerEntry:
    canonical_ja: str
    type: str
    canonical_en: str
    acronym: str
    aliases: tuple[str, ...]
    source: str

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every written form of the name: canonical, aliases and acronym (as in the file)."""
        forms = (self.canonical_ja, *self.aliases, self.acronym)
        return tuple(form for form in forms if form)


def parse_gazetteer(text: str, where: str = WHERE,
                    countries: Mapping[str, tuple[str, ...]] | None = None
                    ) -> tuple[GazetteerEntry, ...]:
    """Parse and validate gazetteer TSV text; raise PipelineError naming line and fix.
    With ``countries`` (a country's name → all its names), the text has the ``country``
    column, and a body's names after its country's names are aliases."""
    columns = COLUMNS if countries is None else COUNTRY_COLUMNS
    numbered = [(number, line) for number, line in enumerate(text.splitlines(), 1)
                if not line.startswith("#")]
    if not numbered or tuple(numbered[0][1].split("\t")) != columns:
        raise PipelineError(f"{where} line {numbered[0][0] if numbered else 1}: header must be "
                            f"{' TAB '.join(columns)}; restore the header row")
    entries = [_entry_from_line(line, f"{where} line {number}", countries)
               for number, line in numbered[1:] if line.strip()]
    _check_unique_surfaces(entries, where)
    return tuple(entries)


def _entry_from_line(line: str, place: str,
                     countries: Mapping[str, tuple[str, ...]] | None = None) -> GazetteerEntry:
    columns = COLUMNS if countries is None else COUNTRY_COLUMNS
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) != len(columns):
        raise PipelineError(f"{place}: expected {len(columns)} tab-separated cells "
                            f"({', '.join(columns)}), got {len(cells)} in {line!r}")
    country = cells.pop(-2) if countries is not None else ""
    canonical_ja, org_type, canonical_en, acronym, aliases, source = cells
    if not canonical_ja:
        raise PipelineError(f"{place}: canonical_ja is empty; every row names a body")
    if org_type not in ORG_TYPES:
        raise PipelineError(f"{place}: type {org_type!r} is not one of "
                            f"{', '.join(sorted(ORG_TYPES))}; fix the type cell")
    if not source:
        raise PipelineError(f"{place}: source is empty for {canonical_ja!r}; say where the "
                            "English name comes from (or why it is left empty)")
    alias_tuple = tuple(a.strip() for a in aliases.split("|") if a.strip())
    if country and countries is not None:
        if country not in countries:
            raise PipelineError(f"{place}: country {country!r} is no country's name_ja in "
                                "pipeline/data/places.tsv; use that name or add the country")
        alias_tuple += country_prefixed((canonical_ja, *alias_tuple), countries[country],
                                        ("", "・"))
    return GazetteerEntry(canonical_ja, org_type, canonical_en, acronym, alias_tuple, source)


def _check_unique_surfaces(entries: list[GazetteerEntry], where: str) -> None:
    owner: dict[str, str] = {}
    for entry in entries:
        for form in entry.surfaces:
            key = fold_nfkc(form)
            if key in owner and owner[key] != entry.canonical_ja:
                raise PipelineError(f"{where}: {form!r} names both {owner[key]!r} and "
                                    f"{entry.canonical_ja!r}; keep it on one row only")
            owner[key] = entry.canonical_ja
    seen: set[str] = set()
    for entry in entries:
        if entry.canonical_ja in seen:
            raise PipelineError(f"{where}: {entry.canonical_ja!r} has two rows; merge them")
        seen.add(entry.canonical_ja)


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """The rows of the gazetteer files (``FILES``), validated, in file order."""
    entries: list[GazetteerEntry] = []
    for name in FILES:
        entries += parse_gazetteer(data_text(name), data_where(name),
                                   country_names() if name in COUNTRY_FILES else None)
    _check_unique_surfaces(entries, "pipeline/data/{" + ",".join(FILES) + "}.tsv")
    return tuple(entries)


def country_prefixed(names: Sequence[str], country: Sequence[str],
                     joints: Sequence[str] = ("",)) -> tuple[str, ...]:
    """Each of ``names`` after each of a country's names (``country``: ``country_names``'
    forms of one country), joined by each of ``joints``: ``英国`` + ``科学・イノベーション
    ・技術省`` → ``英国科学・イノベーション・技術省``."""
    return tuple(prefix + joint + name for prefix in country for joint in joints
                 for name in names)


def country_names() -> dict[str, tuple[str, ...]]:
    """Each country's ``name_ja`` in ``places.tsv`` → its name and aliases."""
    from pipeline.tagging.entities.places import load_places  # places reads name rules

    names: dict[str, tuple[str, ...]] = {}
    for form, (place, _) in load_places().items():
        if place.type == "country":
            names[place.name_ja] = (*names.get(place.name_ja, ()), form)
    return names


@lru_cache(maxsize=1)
def foreign_bodies() -> frozenset[str]:
    """The canonical names of the bodies of ``org_foreign.tsv`` (a country's own)."""
    return frozenset(entry.canonical_ja for name in COUNTRY_FILES
                     for entry in parse_gazetteer(data_text(name), data_where(name),
                                                  country_names()))


@lru_cache(maxsize=1)
def surface_forms() -> Mapping[str, GazetteerEntry]:
    """Every NFKC-folded name, alias and acronym → its entry (read-only)."""
    return MappingProxyType({fold_nfkc(form): entry for entry in load_gazetteer()
                             for form in entry.surfaces})


def lookup(name: str) -> GazetteerEntry | None:
    """The entry a name, alias or acronym (any width) refers to, or None."""
    return surface_forms().get(fold_nfkc(name.strip()))
