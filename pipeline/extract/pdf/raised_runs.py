"""Raised runs: small kana set over a base run (ruby) and raised footnote digits set so
high that they formed a row of their own, moved onto the run they belong to."""

from __future__ import annotations

from pipeline.common.footnote_marks import leading_mark
from pipeline.common.text import is_kana
from pipeline.extract.pdf.layout import TEXT, Ruby, Run, make_run
from pipeline.extract.pdf.settings import PdfSettings


def is_ruby_candidate(run: Run) -> bool:
    """Every glyph but spaces is kana (and there is one): the first other one ends the
    look (most runs open with a kanji)."""
    glyphs = (t for t in map(TEXT, run.chars) if not t.isspace())
    first = next(glyphs, None)
    return first is not None and is_kana(first) and all(map(is_kana, glyphs))


def find_ruby_base(ruby: Run, runs: list[Run], settings: PdfSettings) -> int:
    """Index of the run the ruby sits on: directly below, larger, under its centre."""
    mid, best, best_dist = (ruby.x0 + ruby.x1) / 2, -1, float("inf")
    for i, base in enumerate(runs):
        if base is ruby or ruby.size > settings.ruby_max_ratio * base.size:
            continue
        dist = base.top - ruby.bottom
        if not -0.5 * ruby.size <= dist <= settings.ruby_max_gap * base.size:
            continue
        if base.x0 <= mid <= base.x1 and abs(dist) < best_dist:
            best, best_dist = i, abs(dist)
    return best


def attach_rubies(runs: list[Run], settings: PdfSettings) -> list[Run]:
    """Move runs of small kana set above a base run onto that run as ``Ruby``."""
    out = list(runs)
    taken: set[int] = set()
    for i, run in enumerate(runs):
        if not is_ruby_candidate(run):
            continue
        base = find_ruby_base(run, runs, settings)
        if base < 0 or base in taken:
            continue
        text = "".join(c.text for c in run.chars if not c.text.isspace())
        ruby = Ruby(text, run.x0, run.x1, run.top, run.size)
        out[base] = out[base]._replace(rubies=out[base].rubies + (ruby,))
        taken.add(i)
    return [r for i, r in enumerate(out) if i not in taken]


def find_marker_host(digits: Run, runs: list[Run]) -> int:
    """Index of the run a raised digit run belongs to: it sits over that run's upper
    half, inside it or just after its end."""
    best = -1
    for i, run in enumerate(runs):
        if run is digits or run.size < 0.8 * digits.size:
            continue
        height = run.bottom - run.top
        if not (run.x0 < digits.x0 <= run.x1 + 0.5 * run.size
                and run.top - 0.3 * height <= digits.bottom <= run.top + 0.7 * height):
            continue
        if best < 0 or abs(run.top - digits.bottom) < abs(runs[best].top - digits.bottom):
            best = i
    return best


def ends_in_digit(run: Run) -> bool:
    """The run's text, spaces aside, ends in a digit, as every raised marker's does."""
    for text in map(TEXT, reversed(run.chars)):
        if text and not text.isspace():
            return text[-1].isdigit()
    return False


def attach_markers(runs: list[Run]) -> list[Run]:
    """Raised footnote digits (with the mark before them: ``※1``, ``注1``, any mark of
    ``footnote_marks.tsv``) set so high that they formed a row of their own go back into
    the run they belong to."""
    out = list(runs)
    taken: set[int] = set()
    for i, run in enumerate(runs):
        if not ends_in_digit(run):
            continue                 # most runs: no glyph looked at but the last
        glyphs = "".join(c.text for c in run.chars if not c.text.isspace())
        digits = glyphs[len(leading_mark(glyphs)):]   # ``※1``, ``注1``: a mark before them
        if not digits or len(digits) > 3 or not digits.isdigit():
            continue
        host = find_marker_host(run, runs)
        if host < 0 or host in taken:
            continue
        out[host] = make_run(out[host].chars + run.chars, out[host].row, out[host].rubies)
        taken.add(i)
    return [r for i, r in enumerate(out) if i not in taken]
