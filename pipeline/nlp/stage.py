"""The nlp stage: paragraphs → spaCy Docs, ``sentences`` and ``tokens``.

Pure core: ``tokenize_paragraphs(paragraphs, nlp)``. Thin I/O: ``run(chapter_id, paths)``
reads ``interim/structure/<chapter>/paragraphs.parquet`` and swaps in, atomically,
``interim/nlp/<chapter>/`` holding

- ``docs.spacy``          a DocBin of what the stage sets (words, spaces, tags, lemmas,
                          sentence starts: ``doc_files.DOC_ATTRS``, native attributes),
                          one Doc per paragraph, in paragraph order, and ``docs.json``
                          beside it with each Doc's ``para_id`` and readings; read both
                          with ``pipeline.artefacts.load_docs``;
- ``sentences.parquet``   DATASETS["sentences"]: ``sent_id`` = ``<para_id>-<n>``, n from 1;
- ``tokens.parquet``      DATASETS["tokens"]: ``i`` from 0 within the sentence, ``start``
                          the offset in the paragraph; every token of the Doc, whitespace
                          tokens (pos ``空白``) included, so rows align with ``docs.spacy``;
- ``manifest.json``       chapter and counts, written last.

Sentences partition their paragraph: joined in order they give back its text.
Run: ``python -m pipeline.nlp.stage <chapter id>``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import pandas as pd
import pyarrow as pa
from spacy.attrs import IDX, LEMMA, ORTH, SENT_START, TAG
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from pipeline.artefacts import (
    DOCS_FILE,
    DOCS_SIDE_FILE,
    Written,
    chapter_folder,
    read_table,
)
from pipeline.common import files as io
from pipeline.common.frames import columns_table, frame_of_table, write_arrow
from pipeline.config import Paths, project_paths
from pipeline.errors import PipelineError
from pipeline.nlp import extensions
from pipeline.nlp.doc_files import docbin_bytes, docbin_columns, docs_user_data
from pipeline.schemas import DATASETS

STAGE = "nlp"
REQUIRED_COLUMNS = ("chapter", "para_id", "text")
TOKEN_ATTRS = [ORTH, TAG, LEMMA, IDX, SENT_START]   # the doc.to_array columns rows come from
_ORTH, _TAG, _LEMMA, _IDX, _SENT_START = range(len(TOKEN_ATTRS))
_DOCBIN_COLUMNS = docbin_columns()
_READ_COLUMNS = _DOCBIN_COLUMNS + [IDX]   # what token_array reads of each Doc
_TOKEN_COLUMNS = [_READ_COLUMNS.index(attr) for attr in TOKEN_ATTRS]


def tokenize_paragraphs(paragraphs: pd.DataFrame,
                        nlp: Language) -> tuple[list[Doc], pd.DataFrame, pd.DataFrame]:
    """Tokenise every paragraph (all kinds) → (docs, sentences, tokens), in input order:
    ``paragraph_tables`` with the datasets as the frames ``read_parquet`` gives."""
    docs, sentences, tokens, _ = paragraph_tables(paragraph_columns(paragraphs, "paragraphs"),
                                                  nlp)
    return docs, frame_of_table(sentences), frame_of_table(tokens)


def paragraph_tables(columns: dict[str, list[Any]],
                     nlp: Language) -> tuple[list[Doc], pa.Table, pa.Table, numpy.ndarray]:
    """Tokenise every paragraph (all kinds; ``paragraph_columns``) → (docs, sentences,
    tokens, the Docs' rows ``docbin_bytes`` writes: ``TokenArray.docbin_rows``), the
    datasets as the Arrow tables written (made from the columns: no pandas frame in
    between)."""
    extensions.register()
    docs = list(nlp.pipe(columns["text"]))
    for doc, para_id in zip(docs, columns["para_id"], strict=True):
        extensions.set_doc_value(doc, "para_id", para_id)
    tokens = token_array(docs)
    sentences = sentence_columns(tokens, columns)
    return (docs, columns_table(DATASETS["sentences"], sentences),
            columns_table(DATASETS["tokens"], token_columns(
                tokens, columns, sentences["sent_id"], docs, nlp.vocab.strings)),
            tokens.docbin_rows)


@dataclass(frozen=True)
class TokenArray:
    """The rows the tokens dataset is made from: every token of a list of Docs, in
    order, by its ``doc.to_array(TOKEN_ATTRS)`` row; sentences are numbered across all
    the Docs. (One array for the table; the token the rules read is
    ``pipeline.nlp.tokens.Token``.) ``docbin_rows``: the same tokens' rows that
    ``docbin_bytes`` writes, read by the same ``doc.to_array`` (one call per Doc instead
    of two: measured, a third less time for both)."""

    values: numpy.ndarray            # tokens × TOKEN_ATTRS
    docbin_rows: numpy.ndarray       # tokens × doc_files.docbin_columns()
    paragraph: numpy.ndarray         # the index of each token's Doc
    sentence: numpy.ndarray          # the index of each token's sentence
    sentence_starts: numpy.ndarray   # the first token of each sentence


def token_array(docs: list[Doc]) -> TokenArray:
    """The tokens of ``docs``; a sentence starts at SENT_START 1 and at each Doc's start."""
    lengths = numpy.array([len(doc) for doc in docs], dtype=numpy.int64)
    rows = numpy.concatenate([numpy.zeros((0, len(_READ_COLUMNS)), dtype=numpy.uint64)]
                             + [doc.to_array(_READ_COLUMNS) for doc in docs])
    values = rows[:, _TOKEN_COLUMNS]
    check_sentence_starts(docs, values[:, _SENT_START], lengths)
    starts = sentence_start_flags(values[:, _SENT_START], lengths)
    return TokenArray(values, rows[:, :-1], numpy.repeat(numpy.arange(len(docs)), lengths),
                     numpy.cumsum(starts) - 1, numpy.flatnonzero(starts))


def check_sentence_starts(docs: list[Doc], sent_starts: numpy.ndarray,
                          doc_lengths: numpy.ndarray) -> None:
    """Every Doc of two tokens or more has sentence starts: a SENT_START set after its
    first token, read from the Docs' SENT_START column (``doc.has_annotation`` per Doc
    costs more), then confirmed by ``doc.has_annotation`` before raising."""
    doc_ends = numpy.cumsum(doc_lengths)
    doc_starts = doc_ends - doc_lengths
    set_after_first = sent_starts != 0
    set_after_first[doc_starts[doc_lengths > 0]] = False
    running = numpy.append(0, numpy.cumsum(set_after_first))
    counts = running[doc_ends] - running[doc_starts]
    for k in numpy.flatnonzero((doc_lengths > 1) & (counts == 0)).tolist():
        doc = docs[k]
        if not doc.has_annotation("SENT_START"):
            raise PipelineError(f"paragraph {extensions.doc_value(doc, 'para_id')}: Doc has "
                                "no sentence starts; build the pipeline with "
                                "pipeline.nlp.tokenizer.make_nlp()")


def sentence_start_flags(sent_starts: numpy.ndarray, doc_lengths: numpy.ndarray) -> numpy.ndarray:
    """Whether each token starts a sentence: SENT_START 1, or the first of its Doc."""
    flags = sent_starts == 1
    flags[(numpy.cumsum(doc_lengths) - doc_lengths)[doc_lengths > 0]] = True
    return flags


def sentence_columns(tokens: TokenArray, paragraphs: dict[str, list[str]]) -> dict[str, Any]:
    """DATASETS["sentences"] as columns: a sentence runs from its first token to the next
    sentence's, or to the end of its paragraph's text (which is ``doc.text``: the tokenizer
    rebuilds it exactly, and spaCy would rebuild it token by token on each call)."""
    starts = tokens.sentence_starts
    paragraph = tokens.paragraph[starts]
    number = numpy.arange(len(starts)) - numpy.searchsorted(paragraph, paragraph) + 1
    token_chars = tokens.values[:, _IDX].astype(numpy.int64)
    last_in_paragraph = paragraph != numpy.append(paragraph[1:], -1)
    next_start = numpy.append(token_chars, 0)[numpy.append(starts, len(token_chars))[1:]]
    texts, para_ids = paragraphs["text"], paragraphs["para_id"]
    text_ends = numpy.array([len(text) for text in texts], dtype=numpy.int64)
    start = token_chars[starts]
    end = numpy.where(last_in_paragraph, text_ends[paragraph], next_start)
    return {"chapter": string_column(paragraphs["chapter"], paragraph),
            "sent_id": [f"{para_ids[p]}-{n}" for p, n in zip(paragraph.tolist(), number.tolist(),
                                                             strict=True)],
            "para_id": string_column(para_ids, paragraph),
            "text": [texts[p][s:e] for p, s, e in zip(paragraph.tolist(), start.tolist(),
                                                      end.tolist(), strict=True)],
            "start": start, "end": end}


def token_columns(tokens: TokenArray, paragraphs: dict[str, list[str]], sent_ids: list[str],
                  docs: list[Doc], strings: StringStore) -> dict[str, Any]:
    """DATASETS["tokens"] as columns. Values come from the same functions as the
    ``token._`` getters of ``extensions``, called once per distinct tag or surface."""
    surfaces = DistinctStrings.of(tokens.values[:, _ORTH], strings)
    tags = DistinctStrings.of(tokens.values[:, _TAG], strings)
    return {"chapter": string_column(paragraphs["chapter"], tokens.paragraph),
            "sent_id": string_column(sent_ids, tokens.sentence),
            "i": numpy.arange(len(tokens.values)) - tokens.sentence_starts[tokens.sentence],
            "surface": surfaces.column(),
            "lemma": DistinctStrings.of(tokens.values[:, _LEMMA], strings).column(),
            "pos": tags.column(extensions.pos_of),
            "pos_detail": tags.column(extensions.pos_detail_of),
            "reading": token_readings(docs),
            "is_number": (tags.flags(extensions.is_numeral_tag)   # extensions.is_number_of
                          | surfaces.flags(str.isdecimal)),
            "para_id": string_column(paragraphs["para_id"], tokens.paragraph),
            "start": tokens.values[:, _IDX].astype(numpy.int64)}


def string_column(values: list[str], codes: numpy.ndarray) -> pa.Array:
    """``[values[c] for c in codes]`` as the datasets' Arrow text, without a Python object
    per row."""
    return pa.array(values, pa.large_string()).take(codes)


@dataclass(frozen=True)
class DistinctStrings:
    """A column of string hashes as its distinct strings and, per row, the index of its
    string: functions of the strings run once per distinct value."""

    strings: list[str]
    codes: numpy.ndarray

    @classmethod
    def of(cls, hashes: numpy.ndarray, store: StringStore) -> DistinctStrings:
        codes, distinct = pd.factorize(hashes)   # a hash table: faster than numpy.unique
        return cls([store[h] for h in distinct.tolist()], codes)

    def column(self, function: Callable[[str], str] | None = None) -> pa.Array:
        """``function(string)`` (the string itself if None) for every row."""
        return string_column(self.strings if function is None
                             else [function(s) for s in self.strings], self.codes)

    def flags(self, function: Callable[[str], bool]) -> numpy.ndarray:
        """``function(string)`` for every row, as booleans."""
        return numpy.array([function(s) for s in self.strings], dtype=bool)[self.codes]


def token_readings(docs: list[Doc]) -> list[str]:
    """The readings of every token of ``docs``, in order ("" where a Doc has none)."""
    readings: list[str] = []
    for doc in docs:
        doc_readings = extensions.doc_value(doc, "readings") or [""] * len(doc)
        if len(doc_readings) != len(doc):
            extensions.token_reading(doc[0])      # raises the explanatory error
        readings += doc_readings
    return readings


def paragraph_columns(paragraphs: pd.DataFrame | pa.Table, where: str) -> dict[str, list[Any]]:
    """The ``REQUIRED_COLUMNS`` of paragraphs (a frame, or the Arrow table the structure
    stage wrote: the stage reads no frame) as lists, checked: every text a string, no
    ``para_id`` twice."""
    is_table = isinstance(paragraphs, pa.Table)
    names = paragraphs.column_names if is_table else list(paragraphs.columns)
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise PipelineError(f"{where}: missing column(s) {', '.join(missing)}; the structure "
                            "stage must write DATASETS['paragraphs']")
    columns = {name: paragraphs.column(name).to_pylist() if is_table
               else paragraphs[name].tolist() for name in REQUIRED_COLUMNS}
    para_ids = columns["para_id"]
    bad_text = [p for p, text in zip(para_ids, columns["text"], strict=True)
                if not isinstance(text, str)]
    if bad_text:
        raise PipelineError(f"{where}: paragraph {bad_text[0]!r} has no text (null); "
                            "write an empty string or drop the row in the structure stage")
    if len(set(para_ids)) != len(para_ids):
        repeated = next(p for k, p in enumerate(para_ids) if p in para_ids[:k])
        raise PipelineError(f"{where}: para_id {repeated!r} appears more than once; para_id "
                            "must be unique within a chapter")
    return columns


# --------------------------------------------------------------------------- I/O


def run(chapter_id: str, paths: Paths, written: Written | None = None) -> Written:
    """``interim/structure/<chapter>/paragraphs.parquet`` → ``interim/nlp/<chapter>/``;
    the Docs and Arrow tables written, by file."""
    source = chapter_folder(paths, "structure", chapter_id) / "paragraphs.parquet"
    if not source.exists():
        raise PipelineError(f"{source}: not found; run the structure stage for {chapter_id} "
                            "first")
    paragraphs = paragraph_columns(read_table(source, written), str(source))
    other = sorted(set(paragraphs["chapter"]) - {chapter_id})
    if other:
        raise PipelineError(f"{source}: rows of chapter {other[0]!r} in the file of "
                            f"{chapter_id!r}; rebuild it with the structure stage")
    docs, sentences, tokens, docbin_rows = paragraph_tables(paragraphs, stage_pipeline())
    manifest = {"chapter": chapter_id,
                "counts": {"paragraphs": len(docs), "sentences": sentences.num_rows,
                           "tokens": tokens.num_rows}}
    target = chapter_folder(paths, STAGE, chapter_id)
    values: dict[Path, object] = {target / DOCS_FILE: docs}

    def fill(folder: Path) -> None:
        io.write_bytes(folder / DOCS_FILE, docbin_bytes(docs, docbin_rows))
        io.write_text(folder / DOCS_SIDE_FILE, docs_user_data(docs))
        for name, table in (("sentences", sentences), ("tokens", tokens)):
            values[target / f"{name}.parquet"] = write_arrow(table, folder / f"{name}.parquet")
        io.write_json(folder / "manifest.json", manifest)

    io.replace_dir(target, fill)
    return values


def load() -> None:
    """Make the stage's spaCy pipeline, which every chapter reuses: about 0.1 s the first
    time (spaCy fills its registries of languages and factories). The runner calls this
    before it forks its workers (``pipeline.run.build.load_stages``), so they share it.
    Measured with ``make bench-corpus N=16`` (text chapters per core, runs interleaved
    with the build before the refactor, 724a2d4): 0.89× of it without this, 1.0× with
    it (each worker's first chapter no longer builds the pipelines)."""
    stage_pipeline()


@functools.cache
def stage_pipeline() -> Language:
    """``make_nlp()``, made once per process and reused for every chapter it runs.

    A fresh pipeline costs ~8 ms to build, then a lexeme (~10 µs) for each word its vocab
    has not seen and a parse for each UniDic entry its tokenizer has not met; a reused one
    keeps both from earlier chapters (~10% of a chapter's time after other chapters, a
    quarter on a rerun). They only map strings to hashes, so the output is the same.
    """
    from pipeline.nlp.tokenizer import make_nlp

    return make_nlp()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m pipeline.nlp.stage <chapter id>")
    run(sys.argv[1], project_paths())
