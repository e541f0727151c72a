"""Benchmark: our token stage against bare fugashi tagging, same process, same text.

Reads every ``interim/structure/*/paragraphs.parquet`` (or, before the structure stage
has run, every line of ``raw/*.txt``) and prints characters per second, best of 3, for

- ``fugashi``: bare tagging reading the features the stage keeps, the usual fugashi way
  (``node.surface``, ``node.feature.pos1``…``pos4``, ``.lemma``, ``.kana``);
- ``fugashi-raw``: the same, reading ``node.feature_raw`` with ``parse_feature`` (the
  tokenizer's parser, without its memo): the floor for any per-token feature reading;
- ``stage``: ``make_nlp()`` (fugashi tokenizer + sentence splitter) over the texts;
- ``docbin``: writing those Docs' ``docs.spacy`` (``doc_files.docbin_bytes``), against
  spaCy's ``DocBin(docs=…).to_bytes()``;

and the ratio of ``stage`` time to each baseline. Run: ``python -m pipeline.bench.nlp``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pandas as pd
from spacy.tokens import DocBin

from pipeline.config import Paths, project_paths
from pipeline.errors import PipelineError
from pipeline.nlp.doc_files import DOC_ATTRS, docbin_bytes
from pipeline.nlp.tokenizer import get_tagger, make_nlp, parse_feature

Texts = list[str]


def load_texts(paths: Paths) -> tuple[Texts, str]:
    """Paragraph texts of every structured chapter, else the lines of ``raw/*.txt``."""
    tables = sorted(paths.stage_dir("structure").glob("*/paragraphs.parquet"))
    if tables:
        texts = [t for table in tables for t in pd.read_parquet(table, columns=["text"])["text"]]
        return texts, f"{len(tables)} paragraphs.parquet under {paths.stage_dir('structure')}"
    sources = sorted(paths.raw.glob("*.txt"))
    if not sources:
        raise PipelineError(f"{paths.root}: no interim/structure/*/paragraphs.parquet and no "
                            "raw/*.txt to benchmark on; run the structure stage first")
    texts = [line for src in sources
             for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts, f"lines of {len(sources)} raw/*.txt files"


def tag_bare(texts: Texts) -> int:
    tagger = get_tagger()
    n = 0
    for text in texts:
        for node in tagger(text):
            feature = node.feature
            _ = (node.surface, feature.pos1, feature.pos2, feature.pos3, feature.pos4,
                 feature.lemma, feature.kana)
            n += 1
    return n


def tag_bare_raw(texts: Texts) -> int:
    tagger = get_tagger()
    n = 0
    for text in texts:
        for node in tagger(text):
            _ = (node.surface, parse_feature(node.feature_raw))
            n += 1
    return n


def best_of(runs: int, works: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Best time of ``runs`` runs of each work, interleaved so load hits all alike."""
    best = dict.fromkeys(works, float("inf"))
    for _ in range(runs):
        for name, work in works.items():
            began = time.perf_counter()
            result = work()   # freed after the clock stops: time making output, not freeing it
            best[name] = min(best[name], time.perf_counter() - began)
            del result
    return best


def main() -> None:
    texts, where = load_texts(project_paths())
    chars = sum(len(t) for t in texts)
    nlp = make_nlp()
    tag_bare(texts[:50])   # load the dictionary before timing
    timings = best_of(3, {
        "fugashi": lambda: tag_bare(texts),
        "fugashi-raw": lambda: tag_bare_raw(texts),
        "stage": lambda: list(nlp.pipe(texts)),
    })
    print(f"{len(texts)} texts, {chars} chars ({where}); best of 3")
    for name, seconds in timings.items():
        print(f"{name:12s} {seconds:7.3f} s {chars / seconds:12,.0f} chars/s")
    print(f"ratio stage/fugashi     {timings['stage'] / timings['fugashi']:.2f}")
    print(f"ratio stage/fugashi-raw {timings['stage'] / timings['fugashi-raw']:.2f}")
    docs = list(nlp.pipe(texts))
    writes = best_of(3, {
        "docbin": lambda: docbin_bytes(docs),
        "docbin-spacy": lambda: DocBin(attrs=DOC_ATTRS, store_user_data=False,
                                       docs=docs).to_bytes(),
    })
    saved = writes["docbin-spacy"] - writes["docbin"]
    print(f"docbin       {writes['docbin']:7.3f} s (spaCy's DocBin.to_bytes "
          f"{writes['docbin-spacy']:.3f} s: {saved / (timings['stage'] + writes['docbin']):.0%}"
          " of tokenising + writing the DocBin saved)")


if __name__ == "__main__":
    main()
