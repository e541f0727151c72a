"""The PDF benchmark's timing: works take turns within each round, best round each."""

from pathlib import Path

from pipeline.bench.pdf import best_times


def test_works_take_turns_and_each_keeps_its_best_round() -> None:
    calls: list[str] = []
    now = [0.0]
    # each call advances a fake clock: round 1 is slow for both works, round 2 fast
    costs = {("a", 1): 5.0, ("b", 1): 7.0, ("a", 2): 2.0, ("b", 2): 3.0}

    def work(name: str, pages: int):
        def run(path: Path) -> int:
            calls.append(name)
            now[0] += costs[(name, calls.count(name))]
            return pages
        return run

    best, pages = best_times((work("a", 4), work("b", 9)), Path("x.pdf"), 2,
                             clock=lambda: now[0])
    assert calls == ["a", "b", "a", "b"]
    assert best == [2.0, 3.0]
    assert pages == 4       # the first work's count


def test_bench_sets_a_build_workers_collector_unless_told_not(tmp_path: Path, capsys) -> None:
    """The extract is timed as a build's worker runs it (its collector thresholds, for
    the bare parse too); ``--default-gc`` keeps Python's own."""
    import gc
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from pdf_fixtures import two_columns

    from pipeline.bench.pdf import main
    from pipeline.run.build import YOUNG_OBJECTS_BEFORE_COLLECTION

    pdf = two_columns(tmp_path / "two.pdf")
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        main([str(pdf), "--repeat", "1", "--default-gc"])
        assert gc.get_threshold() == (700, 10, 10)
        main([str(pdf), "--repeat", "1"])
        assert gc.get_threshold()[0] == YOUNG_OBJECTS_BEFORE_COLLECTION
    finally:
        gc.set_threshold(*before)
    out = capsys.readouterr().out
    assert "collector: Python's default (thresholds (700, 10, 10))" in out
    assert "collector: a build worker's" in out
    assert "two.pdf" in out
