"""Build chapters on Dask: one task per chapter, the same ``build_chapter`` as the local pool.

``build_dask`` connects to a running scheduler, or starts a local cluster of worker
processes (one single-threaded worker per core) when no address is given, and closes
what it opened. Workers read and write the project folder named by ``paths.root``, so
a remote cluster needs that folder on a shared file system at the same path.

Dask is imported only when this runs: importing it costs about a second.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING

from pipeline.config import Paths
from pipeline.errors import PipelineError
from pipeline.run.build import (
    Built,
    ChapterFailed,
    build_chapter,
    registry_entries,
    rerun_command,
)

if TYPE_CHECKING:
    from distributed import Client


def local_workers() -> int:
    """Worker processes for a local cluster: one per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)))


def open_client(scheduler: str | None, stack: ExitStack) -> Client:
    """A client of ``scheduler``, or of a new local cluster; ``stack`` closes both."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        return stack.enter_context(Client(scheduler))
    cluster = stack.enter_context(LocalCluster(
        n_workers=local_workers(), threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=logging.CRITICAL))   # errors re-raise here
    return stack.enter_context(Client(cluster))


def name_chapter(chapter: str, err: Exception) -> PipelineError | None:
    """Name the chapter in a task's error: a PipelineError is rewritten (the command line
    prints only its message), any other error gets a note and keeps its traceback."""
    if isinstance(err, PipelineError):
        return PipelineError(f"chapter {chapter} (on a Dask worker): {err}")
    err.add_note(f"while building chapter {chapter} on a Dask worker; rerun it in-process "
                 f"with `{rerun_command(chapter)}` for the full trace")
    return None


def build_dask(chapters: list[str], paths: Paths, scheduler: str | None) -> Iterator[Built]:
    """Build ``chapters`` as Dask tasks; yield (chapter, seconds per stage) as each ends.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or None for a local
    cluster. A chapter whose stage failed is yielded with its ``ChapterFailed`` and the
    others go on; any other error (a worker lost) cancels the rest and re-raises with the
    chapter's id.
    """
    if not chapters:
        return
    from distributed import as_completed

    with ExitStack() as stack:
        client = open_client(scheduler, stack)
        entries = registry_entries(paths, chapters)
        futures = {client.submit(build_chapter, chapter, str(paths.root), entries.get(chapter),
                                 pure=False): chapter
                   for chapter in chapters}
        for future in as_completed(futures):
            chapter = futures[future]
            try:
                seconds: dict[str, float] = future.result()
            except ChapterFailed as failed:
                yield chapter, failed
                continue
            except Exception as err:
                client.cancel(list(futures))
                renamed = name_chapter(chapter, err)
                if renamed is None:
                    raise
                raise renamed from err
            yield chapter, seconds
