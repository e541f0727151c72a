"""Benchmark of the numbers and dates stage: characters per second over the paragraph
texts of every structured chapter, sentence by sentence as the stage runs them.

Run: ``python -m pipeline.bench.tagging`` (``make bench`` runs it with the others).
"""

from __future__ import annotations

import time

from pipeline.bench.nlp import load_texts
from pipeline.config import project_paths
from pipeline.nlp.sentences import sentence_spans
from pipeline.tagging.dates import find_dates
from pipeline.tagging.quantities import find_numbers

REPEATS = 3


def tag_texts(sentences: list[str]) -> int:
    found = 0
    for sentence in sentences:
        found += len(find_numbers(sentence)) + len(find_dates(sentence))
    return found


def main() -> None:
    texts, where = load_texts(project_paths())
    sentences = [text[a:b] for text in texts for a, b in sentence_spans(text)]
    chars = sum(len(s) for s in sentences)
    best = float("inf")
    found = 0
    for _ in range(REPEATS):
        started = time.perf_counter()
        found = tag_texts(sentences)
        best = min(best, time.perf_counter() - started)
    print(f"numbers+dates: {chars:,} chars in {len(sentences):,} sentences ({where})")
    print(f"numbers+dates: {chars / best:,.0f} chars/s, best of {REPEATS} "
          f"({best:.3f} s, {found:,} mentions)")


if __name__ == "__main__":
    main()
