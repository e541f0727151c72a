"""Build chapters: every stage of a chapter in one process, chapters spread over workers.

Start-up (importing spaCy and pandas, loading UniDic) costs about a second, so a build
runs as one process over all the chapters it has to rebuild, with a worker pool for
the cores, instead of one process per chapter and stage. The same ``build_chapter``
runs under every executor: the local pool here, or Dask (``pipeline.run.executors``).
"""

from __future__ import annotations

import gc
import importlib
import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TypeVar

from pipeline.artefacts import Written
from pipeline.config import Chapter, Paths, load_registry
from pipeline.errors import PipelineError
from pipeline.extract.stage import load_adapters

# The stages of a chapter, in order: the only list of them. Each module has
# ``run(chapter_id, paths, written=None) -> Written``: it reads the artefacts of the
# stages before it (``pipeline.artefacts``), writes its own, and returns what it wrote,
# by file, as reading the file gives it back.
STAGES = (
    "pipeline.extract.stage",
    "pipeline.structure.stage",
    "pipeline.nlp.stage",
    "pipeline.tagging.stage",
    "pipeline.tables.stage",
    "pipeline.publish.chapter",
)
ORDER = tuple(module.split(".")[1] for module in STAGES)   # the stage names
log = logging.getLogger("pipeline")
T = TypeVar("T")

StageRun = Callable[[str, Paths, Written | None], Written]


def stage_function(name: str) -> StageRun:
    run: StageRun = importlib.import_module(STAGES[ORDER.index(name)]).run
    return run


def run_stage(name: str, chapter_id: str, paths: Paths,
              written: Written | None = None) -> tuple[Written, float]:
    """Run one stage for one chapter; what it wrote (see ``STAGES``) and the seconds it
    took. ``written``: what the chapter's earlier stages wrote in this process (None:
    the stage reads every input file)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    log.info("start", extra={"chapter": chapter_id, "stage": name})
    values = stage_function(name)(chapter_id, paths, written)
    seconds = time.perf_counter() - started
    # the CPU time too: steadier than the wall clock on a machine other work shares
    # (``pipeline.bench.corpus`` sums it per core)
    log.info("done in %.2f s, %.2f s CPU", seconds, time.process_time() - cpu_started,
             extra={"chapter": chapter_id, "stage": name})
    return values, seconds


class ChapterFailed(PipelineError):
    """A chapter's build stopped in one stage; the other chapters go on. Pickles by its
    arguments, so a pool or Dask worker hands it back as it was raised."""

    def __init__(self, chapter: str, stage: str, reason: str) -> None:
        super().__init__(chapter, stage, reason)
        self.chapter, self.stage, self.reason = chapter, stage, reason

    def __str__(self) -> str:
        return f"chapter {self.chapter} failed in stage {self.stage}: {self.reason}"


def rerun_command(chapter_id: str) -> str:
    """The command that builds one chapter in this process with its full traceback."""
    return f"python -m pipeline -v run {chapter_id} --jobs 1"


def failure_reason(err: Exception, chapter_id: str) -> str:
    """The one line to show for a stage's error: a PipelineError's own message, else the
    error's type and message with how to see its traceback."""
    if isinstance(err, PipelineError):
        return str(err)
    return f"{type(err).__name__}: {err} (rerun `{rerun_command(chapter_id)}` for the traceback)"


def build_chapter(chapter_id: str, root: str, entry: Chapter | None = None,
                  ) -> dict[str, float]:
    """Every stage of one chapter, in order; seconds per stage. ``root`` is a string so
    the task pickles the same way for every executor; ``entry``: the chapter's registry
    entry, read by the process that starts the build (``registry_entries``), handed to
    the stages under the registry's path (``artefacts.registry_entry``; None: they read
    the registry).

    Each stage is handed what the earlier ones wrote (Arrow tables, the nlp stage's
    Docs), so it does not read back a file that was just written: parsing Parquet and
    rebuilding Docs from a DocBin cost about a tenth of a text chapter's time. The
    values live as long as the chapter's build, so memory stays that of one chapter."""
    paths = Paths(Path(root))
    written: dict[Path, object] = {} if entry is None else {paths.registry: entry}
    seconds = {}
    for name in ORDER:
        try:
            values, seconds[name] = run_stage(name, chapter_id, paths, written)
        except Exception as err:
            log.debug("traceback", exc_info=True, extra={"chapter": chapter_id, "stage": name})
            raise ChapterFailed(chapter_id, name, failure_reason(err, chapter_id)) from err
        written.update(values)
    return seconds


Built = tuple[str, "dict[str, float] | ChapterFailed"]   # chapter, seconds per stage or why not


def registry_entries(paths: Paths, chapters: Iterable[str]) -> dict[str, Chapter]:
    """The registry entries of ``chapters``, by id, from one read of the registry: each
    chapter's build is handed its own (``build_chapter``), so a build parses the registry
    once, not once a stage and chapter."""
    wanted = set(chapters)
    return {chapter.id: chapter for chapter in load_registry(paths) if chapter.id in wanted}


def remove_leftovers(paths: Paths) -> list[Path]:
    """Temporary files and folders a killed build left behind (``.name.….tmp``)."""
    found = []
    for folder in (paths.interim, paths.output):
        if folder.exists():
            found += [p for p in folder.rglob(".*.tmp")] + [p for p in folder.rglob(".*.old.*")]
    for path in sorted(found, key=lambda p: len(p.parts), reverse=True):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink()
    return found


def use_system_allocator() -> None:
    """Arrow's buffers from the C library's malloc, not mimalloc (the wheels' default),
    unless ``ARROW_DEFAULT_MEMORY_POOL`` already names a pool. Arrow reads the variable
    once, on import, so this runs before anything imports pyarrow (``__main__.main``);
    processes forked or started from this one inherit it.

    mimalloc keeps the pages a thread freed for that thread's next buffers, and Arrow
    reads Parquet on a pool of threads: after the steps that read every chapter's files
    (quality cards, combined datasets) the build's process held some 80 MiB it no longer
    used, and each process forked from it (the glossary's, SQLite's) started with them.
    malloc gives a large buffer back when it is freed. Measured on a 16-chapter corpus
    (``python -m pipeline combine``): the glossary's process 377 -> 296 MiB at its peak,
    all processes at once 893 -> 687 MiB; the chapters' CPU time is the same (3.6 s both
    ways for four chapters, interleaved runs). ``pyarrow.set_memory_pool`` is not enough:
    it changes the pool of pyarrow's own calls, not that of Arrow's C++ (the Parquet
    reader's buffers), and saved half as much."""
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def load_stages() -> None:
    """Import every stage module (spaCy, pandas, pyarrow: about a second) and make the
    process-wide resources of those that have them (``load()``: the spaCy pipelines),
    before a fork pool starts, so that the workers share them instead of each paying
    for them on its first chapter."""
    for module in STAGES:
        load = getattr(importlib.import_module(module), "load", None)
        if load is not None:
            load()


# A chapter's stages allocate hundreds of thousands of short-lived objects (rows, tokens)
# and make few reference cycles: with the default threshold (700) the cyclic collector
# runs often over a young generation of them. Measured (CPU time, the two text chapters
# built three times in one process, six interleaved runs): 2.4 core-s at 700, 1.9 at
# 20,000, a fifth of a chapter's time (structure and tagging up to a third).
YOUNG_OBJECTS_BEFORE_COLLECTION = 20_000


def start_worker() -> None:
    """Set up a pool worker (the parent keeps the collector's default)."""
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTION)


def build_local(chapters: list[str], paths: Paths, jobs: int) -> Iterator[Built]:
    """Build chapters on a pool of ``jobs`` worker processes (in this process if 1); a
    chapter that fails is yielded with its ``ChapterFailed`` and the others go on."""
    entries = registry_entries(paths, chapters)
    if jobs <= 1 or len(chapters) <= 1:
        for chapter in chapters:
            try:
                yield chapter, build_chapter(chapter, str(paths.root), entries.get(chapter))
            except ChapterFailed as failed:
                yield chapter, failed
        return
    load_stages()
    load_adapters(entry.format for entry in entries.values())
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=start_worker) as pool:
        futures = {chapter: pool.submit(build_chapter, chapter, str(paths.root),
                                        entries.get(chapter))
                   for chapter in chapters}
        for chapter, future in futures.items():
            try:
                yield chapter, future.result()
            except ChapterFailed as failed:
                yield chapter, failed


def in_background(function: Callable[..., T], *args: object) -> AbstractContextManager[
        Callable[[], T]]:
    """``function(*args)`` in a forked process while the ``with`` block runs, when this
    process may use more than one core (else when its result is asked for); the context
    gives a function that returns the result (or raises its error). For a step after the
    chapters that reads only what is already written (the report's body) to overlap the
    steps before the one that needs it."""
    if default_jobs() < 2:
        return nullcontext(lambda: function(*args))
    return in_own_process(function, *args)


@contextmanager
def in_own_process(function: Callable[..., T], *args: object) -> Iterator[Callable[[], T]]:
    """``function(*args)`` in a forked process while the ``with`` block runs, however many
    cores there are; the context gives a function that returns the result (or raises its
    error). For a step that loads what no other needs (the glossary: UniDic's pages, e2k's
    models, some 150 MiB): its memory is given back when it ends, instead of staying under
    every step after it, and the steps beside it do not hold it either."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        yield pool.submit(function, *args).result


def progress(items: Iterable[Built], total: int, quiet: bool) -> Iterator[Built]:
    """A progress bar on stderr for builds of more than one chapter."""
    if quiet or total <= 1:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="chapter", desc="build", leave=False) as bar:
        for item in items:
            bar.set_postfix_str(item[0])
            bar.update(1)
            yield item
