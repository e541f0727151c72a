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
from pathlib import Path

from pipeline.config import Paths
from pipeline.run.handoff import Handoff

STAGE_MODULES = {
    "extract": "pipeline.extract.stage",
    "structure": "pipeline.structure.stage",
    "nlp": "pipeline.nlp.stage",
    "tagging": "pipeline.tagging.stage",
    "tables": "pipeline.tables.stage",
    "publish": "pipeline.publish.chapter",
}
ORDER = tuple(STAGE_MODULES)
log = logging.getLogger("pipeline")


StageMain = Callable[[str, Paths, Handoff | None], object]


def stage_function(name: str) -> StageMain:
    module = importlib.import_module(STAGE_MODULES[name])
    main: StageMain = module.publish_chapter if name == "publish" else module.main
    return main


def run_stage(name: str, chapter_id: str, paths: Paths, handoff: Handoff | None = None) -> float:
    """Run one stage for one chapter; return the seconds it took. ``handoff``: what the
    chapter's earlier stages wrote in this process (None: read every input file)."""
    started = time.perf_counter()
    log.info("start", extra={"chapter": chapter_id, "stage": name})
    stage_function(name)(chapter_id, paths, handoff)
    seconds = time.perf_counter() - started
    log.info("done in %.2f s", seconds, extra={"chapter": chapter_id, "stage": name})
    return seconds


def build_chapter(chapter_id: str, root: str) -> dict[str, float]:
    """Every stage of one chapter, in order; seconds per stage. ``root`` is a string so
    the task pickles the same way for every executor. Each stage gets what the earlier
    ones wrote from memory (``handoff``) instead of reading it back."""
    paths = Paths(Path(root))
    handoff = Handoff()
    return {name: run_stage(name, chapter_id, paths, handoff) for name in ORDER}


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


def default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def prepare_stages() -> None:
    """Import every stage module and run its ``prepare()``, if it has one (loading
    spaCy, UniDic, data files: about a second). Before a fork pool starts, this lets the
    workers share what was loaded instead of each paying for it on its first chapter."""
    for name in ORDER:
        prepare = getattr(importlib.import_module(STAGE_MODULES[name]), "prepare", None)
        if prepare is not None:
            prepare()


# A chapter's stages allocate hundreds of thousands of short-lived objects (rows, tokens)
# and make few reference cycles: with the default threshold (700) the cyclic collector
# runs some 50 times per text chapter and takes ~5% of its time; at 20,000 it runs a
# few times, each over a young generation still small enough to stay cheap.
YOUNG_OBJECTS_BEFORE_COLLECTION = 20_000


def start_worker() -> None:
    """Set up a pool worker (the parent keeps the collector's default)."""
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTION)


def build_local(chapters: list[str], paths: Paths, jobs: int) -> Iterator[tuple[str, dict[str, float]]]:
    """Build chapters on a pool of ``jobs`` worker processes (in this process if 1)."""
    if jobs <= 1 or len(chapters) <= 1:
        for chapter in chapters:
            yield chapter, build_chapter(chapter, str(paths.root))
        return
    started = time.perf_counter()
    prepare_stages()
    # What start-up loaded lives as long as the process: keep it out of the cyclic
    # garbage collector's scans (a tenth of a chapter's time) and out of the pages
    # copied on write in the workers.
    gc.freeze()
    log.debug("stages prepared in %.2f s", time.perf_counter() - started,
              extra={"chapter": "-", "stage": "build"})
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=start_worker) as pool:
        futures = {chapter: pool.submit(build_chapter, chapter, str(paths.root))
                   for chapter in chapters}
        for chapter, future in futures.items():
            yield chapter, future.result()


def progress(items: Iterable[tuple[str, dict[str, float]]], total: int,
             quiet: bool) -> Iterator[tuple[str, dict[str, float]]]:
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
