"""The corpus benchmark's pure parts: the synthetic registry and the log it reads."""

import shutil

from pipeline.bench.corpus import (
    BuildRun,
    PeakMemory,
    best_run,
    make_corpus,
    parse_log,
    synthetic_id,
)
from pipeline.config import load_registry
from tests.conftest import PATHS


def test_synthetic_ids_keep_the_shape_of_real_ones() -> None:
    assert synthetic_id("st2019-2-5", 0) == "st2019-900-5"
    assert synthetic_id("ict2019-3-1", 12) == "ict2019-912-1"


def test_corpus_lists_text_copies_first_and_never_touches_raw() -> None:
    before = PATHS.registry.read_bytes()
    project, copied = make_corpus(PATHS, 7)
    try:
        chapters = load_registry(project)
        formats = [c.format for c in chapters]
        assert len(chapters) == 7 and [c.format for c in copied] == formats
        text = [f != "pdf" for f in formats]
        assert text == sorted(text, reverse=True)          # text copies first
        shipped = load_registry(PATHS)
        assert sum(text) == sum(shipped[k % len(shipped)].format != "pdf" for k in range(7))
        assert all((project.raw / c.source).resolve().exists() for c in chapters)
    finally:
        shutil.rmtree(project.root)
    assert PATHS.registry.read_bytes() == before


def test_log_gives_stage_seconds_and_the_wall_of_a_group() -> None:
    lines = [(0.5, "INFO a extract: start"), (0.9, "INFO a extract: done in 0.40 s, 0.35 s CPU"),
             (1.0, "INFO b extract: start"), (2.0, "INFO b nlp: done in 1.00 s"),
             (2.5, "INFO a all: built in 0.4 s"), (3.0, "INFO b all: built in 1.0 s")]
    run = parse_log(lines, 4.0, PeakMemory(pid=-1))
    # CPU time where the line gives it, else the wall clock (an older log)
    assert run.stage_seconds == {"a": {"extract": 0.35}, "b": {"nlp": 1.0}}
    assert run.startup == 0.5 and run.after_chapters == 1.0
    assert run.wall_of(["a", "b"]) == 2.5 and run.wall_of(["b"]) == 2.0


def test_best_run_keeps_each_stages_least_time_and_the_largest_memory() -> None:
    def run(wall: float, stages: dict[str, dict[str, float]], peak: int) -> BuildRun:
        return BuildRun(wall=wall, stage_seconds=stages, startup=wall / 10,
                        after_chapters=wall / 5, peak_rss=peak, peak_total_rss=2 * peak,
                        started={"a": 0.0}, built={"a": wall})

    slow = run(9.0, {"a": {"extract": 0.5, "nlp": 0.2}, "b": {"extract": 0.7}}, 300)
    fast = run(6.0, {"a": {"extract": 0.6, "nlp": 0.1}}, 200)
    best = best_run([slow, fast])
    # per chapter stage the least; a stage only one build logged is kept as it is
    assert best.stage_seconds == {"a": {"extract": 0.5, "nlp": 0.1}, "b": {"extract": 0.7}}
    assert (best.peak_rss, best.peak_total_rss) == (300, 600)
    assert (best.wall, best.startup, best.built) == (6.0, 0.6, {"a": 6.0})
