"""Benchmark of the numbers and dates stage: characters per second over the paragraph
texts of every structured chapter, sentence by sentence as the stage runs them.

Run: ``python -m pipeline.bench.tagging`` (``make bench`` runs it with the others).
"""

from __future__ import annotations

import time

from pipeline.bench.nlp import load_texts
from pipeline.config import project_paths
from pipeline.nlp.sentences import sentence_spans
from pipeline.tagging.stage import tag_sentence

REPEATS = 10   # one pass is ~0.1 s: best of ten rides out a shared machine's stalls


def tag_texts(paragraphs: list[list[str]]) -> int:
    """Every sentence through the stage's ``tag_sentence`` (its quick scans, dates handed
    to the number rules, 同年/前年 read against the sentence before), paragraph by
    paragraph; the number of mentions found."""
    found = 0
    for sentences in paragraphs:
        previous = None
        for sentence in sentences:
            numbers, dates, previous = tag_sentence(sentence, 0, {}, previous=previous)
            found += len(numbers) + len(dates)
    return found


def main() -> None:
    texts, where = load_texts(project_paths())
    paragraphs = [[text[a:b] for a, b in sentence_spans(text)] for text in texts]
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
    chars = sum(len(s) for s in sentences)
    best = float("inf")
    found = 0
    for _ in range(REPEATS):
        started = time.perf_counter()
        found = tag_texts(paragraphs)
        best = min(best, time.perf_counter() - started)
    print(f"numbers+dates: {chars:,} chars in {len(sentences):,} sentences ({where})")
    print(f"numbers+dates: {chars / best:,.0f} chars/s, best of {REPEATS} "
          f"({best:.3f} s, {found:,} mentions)")


if __name__ == "__main__":
    main()
