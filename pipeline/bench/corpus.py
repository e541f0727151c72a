"""Benchmark the whole build on a synthetic corpus of N chapters.

The corpus is a temporary project (``tempfile.mkdtemp``; the real ``raw/`` is only read)
whose chapters are copies of the shipped ones under new ids, cycling through them:
``st2019-2-5`` → ``st2019-900-5``, ``ict2019-3-1`` → ``ict2019-901-1``, … The real build
(``python -m pipeline -v run --jobs <cores>``) runs on it as a subprocess, and one run
prints

- the headline: text chapters end to end on this machine, paragraph characters (read
  from output/) per second of wall clock from the first text chapter starting to the
  last one built, all workers together (the registry lists the text copies first, so
  they are built side by side before the PDFs);
- throughput per source format: characters and PDF pages per second of chapter build
  time on one core (the CPU time each stage's log line gives: the wall clock would count
  the time other processes held the core);
- the same paragraph texts through bare fugashi tagging on one core, features read
  (``pipeline.bench.nlp``), and its ratio to the per-core build rate;
- seconds per stage (the ``done in`` log lines, summed over chapters), start-up and the
  steps after the chapters (combined datasets, glossary, SQLite, report, validation);
- peak memory: the RSS of the largest process of the build, and of all of them at once.

``--repeat R`` builds the corpus R times from scratch (``interim/`` and ``output/`` removed
between builds) and keeps each chapter stage's least CPU time, as a timing benchmark keeps
its best round: this machine's speed drifts by a third within minutes, and a stage's
fastest build is the one least slowed by other work; each build's PDF rate is printed too,
and peak memory is the largest over the builds.

``--compare 1,100`` builds two corpora and prints their peak RSS and its ratio (the goal
is at most 1.5: memory should not grow with the corpus). Figures are printed, never
asserted. Run: ``python -m pipeline.bench.corpus 40``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import Chapter, Paths, load_registry, project_paths
from pipeline.errors import PipelineError

DONE = re.compile(r"INFO (?P<chapter>\S+) (?P<stage>\S+): done in (?P<seconds>[0-9.]+) s"
                  r"(?:, (?P<cpu>[0-9.]+) s CPU)?")
BUILT = re.compile(r"INFO (?P<chapter>\S+) all: built in")
START = re.compile(r"INFO (?P<chapter>\S+) \S+: start$")
FIRST_ID = 900   # synthetic ids count up from here, clear of real chapter numbers
TEXT_FORMATS = ("pdf-text", "html-text")


@dataclass
class BuildRun:
    """What one build of a corpus measured."""
    wall: float
    stage_seconds: dict[str, dict[str, float]]   # chapter → stage → CPU seconds
    startup: float          # process start to the first chapter's first log line
    after_chapters: float   # last chapter built to exit: combine, glossary, SQLite, …
    peak_rss: int           # bytes, the largest single process of the build
    peak_total_rss: int     # bytes, all processes of the build at one moment (0: unknown)
    started: dict[str, float]   # chapter → seconds from launch to its first stage's start
    built: dict[str, float]     # chapter → seconds from launch to its "built" line

    def wall_of(self, chapters: list[str]) -> float:
        """Wall-clock seconds from the first of ``chapters`` starting to the last one
        built (chapters built side by side on the workers count once)."""
        return max(self.built[c] for c in chapters) - min(self.started[c] for c in chapters)


def synthetic_id(chapter_id: str, n: int) -> str:
    """``st2019-2-5``, 0 → ``st2019-900-5``: the middle number replaced, still valid."""
    prefix, _, last = chapter_id.split("-")
    return f"{prefix}-{FIRST_ID + n}-{last}"


def toml_value(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    text = str(value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def registry_text(records: list[dict[str, object]]) -> str:
    tables = ["[[chapter]]\n" + "".join(f"{key} = {toml_value(value)}\n"
                                        for key, value in record.items())
              for record in records]
    return "# Synthetic corpus for pipeline.bench.corpus\n\n" + "\n".join(tables)


def make_corpus(source: Paths, n: int) -> tuple[Paths, list[Chapter]]:
    """A temporary project with ``n`` copies of ``source``'s chapters under new ids
    (raw files are symlinks to the originals); its paths and the chapters copied.

    Copies cycle through the shipped chapters; the registry lists the text copies
    first, so the build (which takes chapters in registry order) runs them together
    and their wall-clock time can be read from the log."""
    shipped = load_registry(source)
    project = Paths(Path(tempfile.mkdtemp(prefix="bench-corpus-")))
    records, copied = [], []
    cycle = [(k, shipped[k % len(shipped)]) for k in range(n)]
    for k, original in sorted(cycle, key=lambda item: item[1].format not in TEXT_FORMATS):
        new_id = synthetic_id(original.id, k)
        suffix = Path(original.source).suffix
        new_source = str(Path(original.source).with_name(new_id + suffix))
        target = project.raw / new_source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(original.source_path(source).resolve())
        records.append({**original.as_record(), "id": new_id, "source": new_source})
        copied.append(original)
    project.registry.write_text(registry_text(records), encoding="utf-8")
    return project, copied


class PeakMemory:
    """Samples the RSS of a process and its descendants until the block ends (with
    psutil; without it, nothing is sampled and the figures stay 0)."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every = pid, every
        self.largest = self.total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        if has_psutil():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _sample(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            sizes = []
            try:
                for proc in [root, *root.children(recursive=True)]:
                    sizes.append(proc.memory_info().rss)
            except psutil.Error:   # a process ended between listing and reading it
                pass
            if sizes:
                self.largest = max(self.largest, *sizes)
                self.total = max(self.total, sum(sizes))
            self._stop.wait(self.every)


def has_psutil() -> bool:
    try:
        import psutil  # noqa: F401
    except ImportError:
        return False
    return True


def largest_child_rss() -> int:
    """Bytes: the largest RSS of any finished descendant so far (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def run_build(project: Paths, jobs: int) -> BuildRun:
    """The real build on ``project``, as a subprocess; its log parsed, its memory sampled."""
    env = {**os.environ, "WHITEPAPER_ROOT": str(project.root), "TQDM_DISABLE": "1"}
    command = [sys.executable, "-m", "pipeline", "-v", "run", "--jobs", str(jobs)]
    started = time.perf_counter()
    build = subprocess.Popen(command, env=env, cwd=project.root, stderr=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, text=True, encoding="utf-8")
    stamped: list[tuple[float, str]] = []
    with PeakMemory(build.pid) as sampler:
        for line in build.stderr or ():
            stamped.append((time.perf_counter() - started, line.rstrip("\n")))
        code = build.wait()
    wall = time.perf_counter() - started
    if code != 0:
        tail = "\n".join(line for _, line in stamped[-20:])
        raise PipelineError(f"{project.root}: the build exited {code}; its log ends:\n{tail}")
    return parse_log(stamped, wall, sampler)


def parse_log(stamped: list[tuple[float, str]], wall: float, sampler: PeakMemory) -> BuildRun:
    stages: dict[str, dict[str, float]] = defaultdict(dict)
    started: dict[str, float] = {}
    built: dict[str, float] = {}
    first = None
    for at, line in stamped:
        if (done := DONE.search(line)) is not None:
            # a stage's core time: its process's CPU time where the log gives it (the
            # wall clock counts the time other work held the core)
            stages[done["chapter"]][done["stage"]] = float(done["cpu"] or done["seconds"])
        if (start := START.search(line)) is not None:
            started.setdefault(start["chapter"], at)
        if "INFO " in line and first is None:
            first = at
        if (finished := BUILT.search(line)) is not None:
            built[finished["chapter"]] = at
    largest = max(sampler.largest, largest_child_rss())
    return BuildRun(wall=wall, stage_seconds=dict(stages), startup=first or 0.0,
                    after_chapters=wall - max(built.values(), default=wall), peak_rss=largest,
                    peak_total_rss=sampler.total, started=started, built=built)


def best_run(runs: list[BuildRun]) -> BuildRun:
    """One ``BuildRun`` from builds of the same corpus: each chapter stage's least CPU time,
    the largest peak memory, and the wall-clock figures of the fastest build."""
    fastest = min(runs, key=lambda run: run.wall)
    stages: dict[str, dict[str, float]] = defaultdict(dict)
    for run in runs:
        for chapter, seconds in run.stage_seconds.items():
            for stage, value in seconds.items():
                stages[chapter][stage] = min(value, stages[chapter].get(stage, value))
    return BuildRun(wall=fastest.wall, stage_seconds=dict(stages), startup=fastest.startup,
                    after_chapters=fastest.after_chapters,
                    peak_rss=max(run.peak_rss for run in runs),
                    peak_total_rss=max(run.peak_total_rss for run in runs),
                    started=fastest.started, built=fastest.built)


def run_builds(project: Paths, jobs: int, repeat: int) -> list[BuildRun]:
    """``repeat`` builds of ``project``, each from scratch (its ``interim/`` and
    ``output/`` removed first, page cache included)."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(project.interim, ignore_errors=True)
        shutil.rmtree(project.output, ignore_errors=True)
        runs.append(run_build(project, jobs))
    return runs


def format_seconds(run: BuildRun, corpus: dict[str, Chapter], fmt: str,
                   ) -> tuple[list[str], float]:
    """The chapters in ``fmt`` and their build time: the CPU seconds of their stages."""
    ids = [cid for cid, c in corpus.items() if c.format == fmt]
    return ids, sum(sum(run.stage_seconds.get(cid, {}).values()) for cid in ids)


def format_rate(run: BuildRun, corpus: dict[str, Chapter], pages: dict[str, int],
                fmt: str) -> float:
    """Pages per second of chapter build time (one core) of the chapters in ``fmt``."""
    ids, seconds = format_seconds(run, corpus, fmt)
    return sum(pages.get(cid, 0) for cid in ids) / seconds if seconds else 0.0


def paragraph_chars(project: Paths) -> dict[str, int]:
    """Characters of paragraph text per chapter, from the published paragraphs."""
    import pandas as pd

    table = pd.read_parquet(project.output / "paragraphs.parquet", columns=["chapter", "text"])
    return {str(k): int(v) for k, v in table["text"].str.len().groupby(table["chapter"]).sum()
            .items()}


def pdf_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def paragraph_texts(project: Paths, chapter_ids: list[str]) -> list[str]:
    import pandas as pd

    table = pd.read_parquet(project.output / "paragraphs.parquet", columns=["chapter", "text"])
    return [str(t) for t in table.loc[table["chapter"].isin(chapter_ids), "text"]]


def fugashi_chars_per_second(texts: list[str]) -> float:
    """Bare fugashi tagging with the features the token stage keeps, best of 3."""
    from pipeline.bench.nlp import best_of, tag_bare

    tag_bare(texts[:50])   # load the dictionary before timing
    seconds = best_of(3, {"fugashi": lambda: tag_bare(texts)})["fugashi"]
    return sum(len(t) for t in texts) / seconds


def mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def print_formats(run: BuildRun, corpus: dict[str, Chapter], chars: dict[str, int],
                  pages: dict[str, int]) -> None:
    """Throughput per source format: per second of chapter build time (one core)."""
    print(f"{'format':10s} {'chapters':>8s} {'chars':>10s} {'pages':>6s} {'core-s':>8s} "
          f"{'chars/s/core':>13s} {'pages/s/core':>13s}")
    for fmt in sorted({c.format for c in corpus.values()}):
        ids, seconds = format_seconds(run, corpus, fmt)
        n_chars = sum(chars.get(cid, 0) for cid in ids)
        n_pages = sum(pages.get(cid, 0) for cid in ids)
        page_rate = f"{n_pages / seconds:13.2f}" if n_pages else f"{'-':>13s}"
        print(f"{fmt:10s} {len(ids):8d} {n_chars:10,d} {n_pages or '-':>6} {seconds:8.1f} "
              f"{n_chars / seconds:13,.0f} {page_rate}")


def print_stages(run: BuildRun) -> None:
    """Seconds per stage summed over chapters, then the parts outside the chapters."""
    totals: dict[str, float] = defaultdict(float)
    for stages in run.stage_seconds.values():
        for stage, seconds in stages.items():
            totals[stage] += seconds
    chapter_seconds = sum(totals.values())
    print("stage          core-s   share")
    for stage, seconds in totals.items():
        print(f"{stage:12s} {seconds:8.1f} {seconds / chapter_seconds:7.1%}")
    print(f"{'start-up':12s} {run.startup:8.1f}   (wall, before the first chapter)")
    print(f"{'after':12s} {run.after_chapters:8.1f}   (wall: combine, glossary, data "
          "package, SQLite, report, validation)")


def print_headline(project: Paths, run: BuildRun, corpus: dict[str, Chapter],
                   chars: dict[str, int], originals: dict[str, str], jobs: int) -> None:
    """Text chapters end to end: on this machine (wall clock, all workers), per core,
    and against bare fugashi on the same paragraphs."""
    text_ids = [cid for cid, c in corpus.items() if c.format in TEXT_FORMATS]
    if not text_ids:
        print("no text chapters in the corpus: no fugashi comparison")
        return
    text_chars = sum(chars.get(cid, 0) for cid in text_ids)
    core_seconds = sum(sum(run.stage_seconds.get(cid, {}).values()) for cid in text_ids)
    per_core = text_chars / core_seconds
    text_wall = run.wall_of(text_ids)
    # the copies of one source hold the same text: tag one copy of each source
    first_copies = list({originals[cid]: cid for cid in reversed(text_ids)}.values())
    bare_rate = fugashi_chars_per_second(paragraph_texts(project, first_copies))
    print(f"HEADLINE text end to end  {text_chars / text_wall:10,.0f} chars/s on this machine "
          f"(target >= 150,000): {len(text_ids)} text chapters, {text_chars:,} paragraph "
          f"chars, {text_wall:.1f} s wall with --jobs {jobs}, first start to last built")
    print(f"text end to end, per core {per_core:10,.0f} chars/s "
          f"({core_seconds:.1f} core-s of chapter builds)")
    print(f"bare fugashi, one core    {bare_rate:10,.0f} chars/s (same paragraphs, features "
          "read)")
    print(f"ratio fugashi/build per core {bare_rate / per_core:.1f}x")
    print(f"all formats, wall clock   {sum(chars.values()) / run.wall:10,.0f} chars/s over "
          f"{run.wall:.1f} s (start-up, every chapter and the steps after them)")


def print_memory(run: BuildRun) -> None:
    total = mib(run.peak_total_rss) if run.peak_total_rss else "unknown (no psutil)"
    print(f"peak RSS, largest process {mib(run.peak_rss)}; all processes at once {total}")


def bench(source: Paths, n: int, jobs: int, keep: bool, repeat: int = 1) -> None:
    project, copied = make_corpus(source, n)
    try:
        runs = run_builds(project, jobs, repeat)
        run = best_run(runs)
        corpus = {c.id: original for c, original in zip(load_registry(project), copied,
                                                        strict=True)}
        originals = {cid: c.id for cid, c in corpus.items()}
        chars = paragraph_chars(project)
        pages = {cid: pdf_pages(c.source_path(source)) for cid, c in corpus.items()
                 if c.format == "pdf"}
        print(f"corpus: {n} chapters ({project.root}); build: --jobs {jobs}, "
              f"{run.wall:.1f} s wall")
        if repeat > 1:
            rates = ", ".join(f"{format_rate(r, corpus, pages, 'pdf'):.2f}" for r in runs)
            print(f"best of {repeat} builds: each chapter stage's least CPU time (PDF pages/s/"
                  f"core by build: {rates})")
        print_formats(run, corpus, chars, pages)
        print()
        print_headline(project, run, corpus, chars, originals, jobs)
        print()
        print_stages(run)
        print()
        print_memory(run)
    finally:
        if not keep:
            shutil.rmtree(project.root, ignore_errors=True)


def compare(source: Paths, sizes: list[int], jobs: int, keep: bool) -> None:
    """Peak RSS for corpora of each size, and the ratio of the last to the first."""
    peaks = []
    for n in sizes:
        project, _ = make_corpus(source, n)
        try:
            run = run_build(project, jobs)
        finally:
            if not keep:
                shutil.rmtree(project.root, ignore_errors=True)
        peaks.append(run.peak_rss)
        total = mib(run.peak_total_rss) if run.peak_total_rss else "unknown"
        print(f"N={n:<5d} peak RSS largest process {mib(run.peak_rss):>10s}; all at once "
              f"{total:>10s}; {run.wall:.1f} s wall")
    print(f"ratio N={sizes[-1]}/N={sizes[0]} (largest process): {peaks[-1] / peaks[0]:.2f} "
          "(goal <= 1.5)")


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError as err:
        raise PipelineError(f"--compare {text!r}: not numbers; write e.g. --compare 1,100") \
            from err
    if len(sizes) < 2 or min(sizes) < 1:
        raise PipelineError(f"--compare {text!r}: give two or more sizes of at least 1, "
                            "e.g. --compare 1,100")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench.corpus",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, help="chapters in the synthetic corpus")
    parser.add_argument("--compare", metavar="N1,N2", help="peak RSS at each corpus size")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)),
                        help="worker processes for the build (default: the cores)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary project")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="build the corpus R times from scratch, keep each chapter "
                             "stage's least CPU time (default 1)")
    args = parser.parse_args(argv)
    source = project_paths()
    try:
        if args.compare:
            compare(source, parse_sizes(args.compare), args.jobs, args.keep)
        elif args.n is not None and args.n >= 1:
            bench(source, args.n, args.jobs, args.keep, max(args.repeat, 1))
        else:
            parser.error("give the corpus size N (at least 1) or --compare N1,N2")
    except PipelineError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
