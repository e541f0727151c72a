"""Japanese eras: the era table in ``pipeline/data/eras.tsv`` and conversions between
era years and western years (``('平成', 29)`` ↔ 2017).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from pipeline.common.lexicons import data_rows, data_where
from pipeline.errors import PipelineError

COLUMNS = ("name", "letter", "start", "source")


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: date
    source: str


@lru_cache(maxsize=1)
def load_eras() -> tuple[Era, ...]:
    """The eras in ``pipeline/data/eras.tsv``, oldest first."""
    where = data_where("eras")
    eras = []
    for name, letter, start, source in data_rows("eras", COLUMNS):
        try:
            eras.append(Era(name, letter, date.fromisoformat(start), source))
        except ValueError as error:
            raise PipelineError(f"{where}: {name}'s start {start!r} is not an ISO date "
                                "(YYYY-MM-DD); fix the cell") from error
    return _checked(tuple(sorted(eras, key=lambda era: era.start)))


def _checked(eras: tuple[Era, ...]) -> tuple[Era, ...]:
    """``eras``, when every name and letter names one era and every row has a source (a
    repeated letter would make ``H25`` ambiguous)."""
    seen: dict[str, str] = {}
    for era in eras:
        for key in (era.name, era.letter):
            if key in seen or not key:
                raise PipelineError(f"pipeline/data/eras.tsv: {key!r} ({era.name}) is empty or "
                                    f"already names {seen.get(key)}; give each era its own "
                                    "name and letter")
            seen[key] = era.name
        if not era.source.strip():
            raise PipelineError(f"pipeline/data/eras.tsv: era {era.name} has no source; say "
                                "where its start date was read")
    return eras


@lru_cache(maxsize=64)
def era_by_name(name_or_letter: str) -> Era:
    for era in load_eras():
        if name_or_letter in (era.name, era.letter):
            return era
    raise ValueError(f"unknown era {name_or_letter!r}: not a name or letter in eras.tsv")


@lru_cache(maxsize=64)
def era_end(era: Era) -> date | None:
    later = [e.start for e in load_eras() if e.start > era.start]
    return min(later) - timedelta(days=1) if later else None


@lru_cache(maxsize=64)
def last_year_printed(era: Era) -> int | None:
    """The last western year a date may print in ``era``: a text written before the era
    ended may name a year past it (a plan of 2018 names 平成32年, 2020), but not one past
    the next era's end too: such a count (``明治150年``, the anniversary) is no date.
    ``None``: no limit (the era or the next one has not ended)."""
    later = [e for e in load_eras() if e.start > era.start]
    end = era_end(later[0]) if later else None
    return end.year if end else None


def era_to_year(era: str, year: int) -> int:
    """Western year of year ``year`` of ``era`` (name or letter): ``('平成', 29)`` → 2017."""
    return era_by_name(era).start.year + year - 1


def year_to_era(year: int) -> tuple[str, int]:
    """Era and era year in force at the end of western ``year``: 2019 → ``('令和', 1)``."""
    current = [era for era in load_eras() if era.start <= date(year, 12, 31)]
    if not current:
        raise ValueError(f"year {year} is before the first era in eras.tsv")
    return current[-1].name, year - current[-1].start.year + 1
