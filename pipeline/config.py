"""Project paths and the chapter registry as typed records.

Nothing here does work on import; every path derives from the project root, which
is the folder holding ``raw/`` (overridable with ``WHITEPAPER_ROOT`` for tests and
benchmarks that build in a temporary tree).
"""

from __future__ import annotations

import codecs
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import PipelineError

FORMATS = ("pdf-text", "html-text", "pdf")
REQUIRED_KEYS = ("id", "source", "format", "white_paper", "white_paper_en", "year",
                 "publisher", "title")
# Any lowercase slug (../shared/DATASETS.md): letters, digits and single hyphens, starting
# with a letter; `<series><year>-<part>-<chapter>` is the convention, not a rule.
CHAPTER_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def registry(self) -> Path:
        return self.raw / "chapters.toml"

    @property
    def interim(self) -> Path:
        return self.root / "interim"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def stage_dir(self, stage: str) -> Path:
        return self.interim / stage


def project_paths() -> Paths:
    env = os.environ.get("WHITEPAPER_ROOT")
    if env:
        return Paths(Path(env).resolve())
    return Paths(Path(__file__).resolve().parent.parent)


@dataclass(frozen=True)
class Chapter:
    id: str
    source: str
    format: str
    white_paper: str
    white_paper_en: str
    year: int
    publisher: str
    title: str
    encoding: str = "utf-8"
    registry_line: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def source_path(self, paths: Paths) -> Path:
        return paths.raw / self.source

    def as_record(self) -> dict[str, object]:
        record: dict[str, object] = {
            "id": self.id, "source": self.source, "format": self.format,
            "white_paper": self.white_paper, "white_paper_en": self.white_paper_en,
            "year": self.year, "publisher": self.publisher, "title": self.title,
            "encoding": self.encoding,
        }
        record.update(self.extra)
        return record


def _entry_lines(text: str) -> list[int]:
    """1-based line numbers of each ``[[chapter]]`` header, in order."""
    return [i for i, line in enumerate(text.splitlines(), 1)
            if line.strip().startswith("[[chapter]]")]


def parse_registry(text: str, where: str = "raw/chapters.toml") -> list[Chapter]:
    """Parse and validate the registry text; raise PipelineError naming the place and fix."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise PipelineError(f"{where}: malformed TOML ({err}); fix the syntax at that line") from err
    entries = data.get("chapter")
    if not isinstance(entries, list) or not entries:
        raise PipelineError(f"{where}: no [[chapter]] tables; add one per chapter "
                            "(see README, 'Adding a chapter')")
    header_lines = _entry_lines(text)
    chapters: list[Chapter] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries):
        line = header_lines[n] if n < len(header_lines) else 0
        chapters.append(_chapter_from_entry(entry, f"{where}:{line}", line))
        cid = chapters[-1].id
        if cid in seen:
            raise PipelineError(f"{where}:{line}: duplicate chapter id {cid!r} (first at line "
                                f"{seen[cid]}); give each chapter its own id")
        seen[cid] = line
    return chapters


def _chapter_from_entry(entry: dict[str, object], place: str, line: int) -> Chapter:
    missing = [k for k in REQUIRED_KEYS if k not in entry]
    if missing:
        raise PipelineError(f"{place}: chapter is missing {', '.join(missing)}; add them "
                            "(required keys are listed at the top of chapters.toml)")
    cid = str(entry["id"])
    if not CHAPTER_ID.match(cid):
        raise PipelineError(f"{place}: chapter id {cid!r} is not a lowercase slug (letters, "
                            "digits and hyphens, starting with a letter); use e.g. 'st2019-2-5'")
    fmt = str(entry["format"])
    if fmt not in FORMATS:
        raise PipelineError(f"{place}: unknown format {fmt!r} for {cid}; use one of "
                            f"{', '.join(FORMATS)}")
    source = str(entry["source"])
    if source.startswith(("raw/", "./raw/")) or Path(source).is_absolute() or ".." in Path(source).parts:
        raise PipelineError(f"{place}: source {source!r} must be a path under raw/, written "
                            f"without 'raw/' (e.g. {Path(source).name!r})")
    encoding = str(entry.get("encoding", "utf-8"))
    try:
        codecs.lookup(encoding)
    except LookupError as err:
        raise PipelineError(f"{place}: unknown encoding {encoding!r} for {cid}; use utf-8, "
                            "utf-8-sig or cp932") from err
    year = entry["year"]
    if not isinstance(year, int):
        raise PipelineError(f"{place}: year must be a number (e.g. 2019), not {year!r}")
    known = set(REQUIRED_KEYS) | {"encoding"}
    extra = {k: str(v) for k, v in entry.items() if k not in known}
    return Chapter(id=cid, source=source, format=fmt,
                   white_paper=str(entry["white_paper"]),
                   white_paper_en=str(entry["white_paper_en"]), year=year,
                   publisher=str(entry["publisher"]), title=str(entry["title"]),
                   encoding=encoding, registry_line=line, extra=extra)


def load_registry(paths: Paths) -> list[Chapter]:
    if not paths.registry.exists():
        raise PipelineError(f"{paths.registry}: registry not found; create it with one "
                            "[[chapter]] table per chapter")
    return parse_registry(paths.registry.read_text(encoding="utf-8"), str(paths.registry))


def check_sources(paths: Paths, chapters: list[Chapter]) -> None:
    """Every registered source file exists (before make is told to depend on it)."""
    for chapter in chapters:
        if not chapter.source_path(paths).is_file():
            raise PipelineError(f"{paths.registry}:{chapter.registry_line}: source "
                                f"{chapter.source!r} of {chapter.id} not found in raw/; copy "
                                "the file there or fix the path")


def find_chapter(chapters: list[Chapter], chapter_id: str) -> Chapter:
    for chapter in chapters:
        if chapter.id == chapter_id:
            return chapter
    known = ", ".join(c.id for c in chapters)
    raise PipelineError(f"raw/chapters.toml: no chapter {chapter_id!r}; known: {known}")
