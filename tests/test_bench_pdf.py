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
