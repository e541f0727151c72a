"""What the glossary is built from (``GlossaryInputs``): the combined datasets as frames,
a chapter (Parquet row group) at a time, so memory does not grow with the corpus's text;
each paragraph's place in reading order (``ParagraphIndex``); and the rows of a frame as
tuples of the columns wanted (``frame_rows``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from pipeline.common.frames import frame_of_table, row_groups
from pipeline.corpus.entries import Place
from pipeline.corpus.terms import RUNNING_TEXT, TOKEN_COLUMNS, ParagraphWords, running_words
from pipeline.errors import PipelineError

PARAGRAPH_COLUMNS = ("chapter", "para_id", "kind", "text")
FOOTNOTE_COLUMNS = ("chapter", "anchor", "text", "para_id", "number")
ENTITY_COLUMNS = ("chapter", "para_id", "text", "label", "canonical", "canonical_en")
# Where an entity's canonical_en comes from, if the entities say (a ``romanized`` one is
# no English); without such a column: the gazetteer, or places.tsv for a PLACE.
ENTITY_SOURCE_COLUMNS = ("english_source", "canonical_en_source")

Frames = Callable[[], Iterable[pd.DataFrame]]


@dataclass(frozen=True)
class GlossaryInputs:
    """What the glossary is built from. Each field returns its rows afresh, in chapter
    order, as frames (``main``: one chapter at a time; ``build_glossary``: one whole
    frame), because the paragraphs are read in several passes and no dataset need be
    held at once. ``words``: the running text's words for the key terms
    (``pipeline.corpus.terms.running_words``)."""

    paragraphs: Frames
    footnotes: Frames
    entities: Frames
    sections: Frames
    words: Callable[[], Iterable[ParagraphWords]]


@dataclass
class ParagraphIndex:
    """Every paragraph's place in reading order, and each chapter's first paragraph."""

    places: dict[tuple[str, str], Place] = field(default_factory=dict)
    first_in_chapter: dict[str, Place] = field(default_factory=dict)
    running: set[Place] = field(default_factory=set)   # running text: the key terms' text



def frame_rows(frame: pd.DataFrame, name: str, columns: Sequence[str],
          defaults: Mapping[str, object] | None = None) -> Iterator[tuple[Any, ...]]:
    """The values of ``columns``, row by row (``to_dict("records")`` is ten times
    slower); a column in ``defaults`` the frame lacks reads as its default."""
    defaults = defaults or {}
    _require(frame, [c for c in columns if c not in defaults], name)
    values = [frame[c].tolist() if c in frame.columns else [defaults[c]] * len(frame)
              for c in columns]
    return zip(*values, strict=True)


def _require(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise PipelineError(f"{name}: missing column(s) {', '.join(missing)}; build it with "
                            f"the stage that writes DATASETS[{name!r}]")


def paragraph_index(paragraphs: Iterable[pd.DataFrame]) -> ParagraphIndex:
    """Places (chapter rank, paragraph rank, chapter, para_id) in the order given."""
    index = ParagraphIndex()
    chapter_ranks: dict[str, int] = {}
    for frame in paragraphs:
        for chapter, para_id, kind in frame_rows(frame, "paragraphs",
                                                 ("chapter", "para_id", "kind"),
                                                 {"kind": "body"}):
            rank = chapter_ranks.setdefault(chapter, len(chapter_ranks))
            place = (rank, len(index.places), chapter, para_id)
            index.places[(chapter, para_id)] = place
            index.first_in_chapter.setdefault(chapter, place)
            if kind in RUNNING_TEXT:
                index.running.add(place)
    return index


def combined_inputs(out: Path) -> GlossaryInputs:
    """The combined datasets in ``out``, read a chapter (row group) at a time."""
    for name in ("paragraphs", "footnotes", "entities", "tokens"):
        path = out / f"{name}.parquet"
        if not path.exists():
            raise PipelineError(f"{path}: not found; run `make all` (the combine step writes "
                                f"output/{name}.parquet) before the glossary")
    sections = out / "sections.parquet"
    return GlossaryInputs(
        paragraphs=lambda: read_row_groups(out / "paragraphs.parquet", PARAGRAPH_COLUMNS),
        footnotes=lambda: read_row_groups(out / "footnotes.parquet", FOOTNOTE_COLUMNS),
        entities=lambda: read_row_groups(out / "entities.parquet",
                                         present_columns(out / "entities.parquet",
                                                         ENTITY_COLUMNS,
                                                         ENTITY_SOURCE_COLUMNS)),
        sections=lambda: (read_row_groups(sections, ("chapter", "title"))
                          if sections.exists() else []),
        words=lambda: running_words_of_files(out / "paragraphs.parquet",
                                             out / "tokens.parquet"))


def present_columns(path: Path, columns: Sequence[str], optional: Sequence[str]) -> list[str]:
    """``columns`` and those of ``optional`` the Parquet file at ``path`` has."""
    names = set(pq.read_schema(path).names)
    return [*columns, *(c for c in optional if c in names)]


def read_row_groups(path: Path, columns: Sequence[str]) -> Iterator[pd.DataFrame]:
    """``columns`` of a Parquet file, one row group at a time (``combine`` writes one per
    chapter), typed as ``pipeline.common.frames.read_parquet`` types them."""
    return map(frame_of_table, row_groups(path, columns))


def running_words_of_files(paragraphs: Path, tokens: Path) -> Iterator[ParagraphWords]:
    """``running_words`` of the combined paragraphs and tokens: a row group of paragraphs
    at a time, with the token row groups of its chapters."""
    with pq.ParquetFile(tokens) as token_file:
        groups = chapter_row_groups(token_file)
        for frame in read_row_groups(paragraphs, PARAGRAPH_COLUMNS):
            chapters = set(frame["chapter"].tolist())
            wanted = sorted({group for chapter in chapters for group in groups.get(chapter, [])})
            rows = token_file.read_row_groups(wanted, columns=list(TOKEN_COLUMNS))
            yield from running_words(frame, rows.to_pandas())


def chapter_row_groups(file: pq.ParquetFile) -> dict[str, list[int]]:
    """Chapter → the row groups that hold its rows, read off the row groups' statistics
    (``combine`` writes each chapter as row groups of its own); a row group without
    them is read."""
    column = file.schema_arrow.get_field_index("chapter")
    groups: dict[str, list[int]] = {}
    for group in range(file.num_row_groups):
        stats = file.metadata.row_group(group).column(column).statistics
        if stats is not None and stats.has_min_max and stats.min == stats.max:
            chapters = [stats.min]
        else:
            chapter = file.read_row_group(group, columns=["chapter"]).column("chapter")
            chapters = chapter.unique().to_pylist()
        for chapter_id in chapters:
            groups.setdefault(chapter_id, []).append(group)
    return groups
