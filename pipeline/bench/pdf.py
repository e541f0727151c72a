"""Benchmark: seconds per page of ``extract_pdf`` (each character source) against bare pdfplumber ``page.chars``.

Run ``python -m pipeline.bench.pdf [PDF ...]`` (default: every ``raw/pdf/*.pdf``).
All are timed in this process on the same pages, in ``--repeat`` rounds in which they take
turns, best of the rounds each (wall clock, or CPU time with ``--cpu``); the ratio is our stage's cost over the bare character
parse it cannot avoid. The process's garbage collector is set as a build sets its workers'
(``run.build.start_worker``), for all the works alike, so that the extract is timed as a
build runs it; ``--default-gc`` keeps Python's default instead.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.config import project_paths
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.settings import PdfSettings
from pipeline.run.build import start_worker


def bare_chars(path: Path) -> int:
    """What any pdfplumber-based extractor pays: parse every page's characters."""
    import pdfplumber

    pages = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            _ = page.chars
            pages += 1
            page.close()
    return pages


def ours(path: Path, source: str = "pdfplumber") -> int:
    extracted = extract_pdf(path, path.stem, PdfSettings(source=source))
    return len({line.page_index for line in extracted.lines})


def ours_pdfium(path: Path) -> int:
    return ours(path, "pdfium")


def pdfium_read(path: Path) -> int:
    """The PDFium character source alone (glyphs, rules, images; pages it sends to
    pdfplumber included), without layout: what replaces the bare parse."""
    from pipeline.extract.pdf.char_source import raw_pages

    return sum(1 for _ in raw_pages(path, "pdfium"))


def best_times(works: Sequence[Callable[[Path], int]], path: Path, repeat: int,
               clock: Callable[[], float] = time.perf_counter) -> tuple[list[float], int]:
    """Each work's best time on ``path`` over ``repeat`` rounds, and the page count (the
    first work's). The works take turns within a round, so a drift in the machine's
    speed (other load, a clock change) falls on all of them alike and not on whichever
    was timed in its slow minutes: the ratios are what the bench reports."""
    best, pages = [float("inf")] * len(works), 0
    for _ in range(repeat):
        for n, work in enumerate(works):
            start = clock()
            count = work(path)
            best[n] = min(best[n], clock() - start)
            pages = pages if n else count
    return best, pages


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--default-gc", action="store_true",
                        help="keep Python's default collector thresholds, not a build "
                             "worker's")
    parser.add_argument("--cpu", action="store_true",
                        help="time by this process's CPU time (time.process_time), not the "
                             "wall clock: steadier on a machine other work shares")
    args = parser.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter
    if not args.default_gc:
        start_worker()
    pdfs = args.pdfs or sorted((project_paths().raw / "pdf").glob("*.pdf"))
    print("seconds per page; ratio: over bare pdfplumber page.chars; extract = extract_pdf "
          "with that source (layout included), read = the PDFium source alone; collector: "
          + ("Python's default" if args.default_gc else "a build worker's")
          + f" (thresholds {gc.get_threshold()})")
    print(f"{'file':<24} {'pages':>5} {'bare':>7} {'pdfplumber':>10} {'ratio':>6} "
          f"{'pdfium':>7} {'ratio':>6} {'read':>7} {'ratio':>6}")
    totals = [0.0, 0.0, 0.0, 0.0]
    for path in pdfs:
        times, pages = best_times((bare_chars, ours, ours_pdfium, pdfium_read), path,
                                  args.repeat, clock)
        bare = times[0]
        totals = [t + s for t, s in zip(totals, times, strict=True)]
        _, mine, fast, read = times
        print(f"{path.name:<24} {pages:>5} {bare / pages:>7.4f} {mine / pages:>10.4f} "
              f"{mine / bare:>6.2f} {fast / pages:>7.4f} {fast / bare:>6.2f} "
              f"{read / pages:>7.4f} {read / bare:>6.2f}")
    if totals[0]:
        print(f"{'all':<24} {'':>5} {'':>7} {'':>10} {totals[1] / totals[0]:>6.2f} {'':>7} "
              f"{totals[2] / totals[0]:>6.2f} {'':>7} {totals[3] / totals[0]:>6.2f}")


if __name__ == "__main__":
    main()
