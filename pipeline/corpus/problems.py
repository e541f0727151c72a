"""A problem ``validate`` finds in ``output/``: one broken rule, located by file,
dataset, row and column (``Problem``), and the problems of one file, at most
``MAX_PER_RULE`` rows per rule and column (``FileProblems``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.corpus.cell_rules import Mask, true_rows

MAX_PER_RULE = 20   # problems listed per file and rule; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One broken rule, located: file, dataset, 1-based data row and column."""

    path: str
    dataset: str
    rule: str
    message: str
    row: int | None = None
    column: str | None = None
    severity: str = "error"    # "warning": reported, does not fail ``check``

    def __str__(self) -> str:
        place = f"{self.severity}: {self.path}" if self.severity != "error" else self.path
        if self.row is not None:
            place += f" row {self.row} (CSV line {self.row + 1})"
        if self.column:
            place += f" column {self.column}"
        return f"{place} [{self.dataset}, {self.rule}]: {self.message}"


class FileProblems:
    """Problems for one file, at most ``MAX_PER_RULE`` rows per rule and column."""

    def __init__(self, path: str, dataset: str) -> None:
        self.path, self.dataset = path, dataset
        self.problems: list[Problem] = []

    def rows(self, mask: Mask, rule: str, column: str | None,
             describe: Callable[[int], str]) -> None:
        """One problem per True row of ``mask``; ``describe(row)`` says what is wrong."""
        hits = true_rows(mask)
        for index in hits[:MAX_PER_RULE]:
            self.add(rule, describe(int(index)), row=int(index) + 1, column=column)
        if len(hits) > MAX_PER_RULE:
            self.add(rule, f"… and {len(hits) - MAX_PER_RULE} more rows like these",
                     column=column)

    def add(self, rule: str, message: str, row: int | None = None,
            column: str | None = None, severity: str = "error") -> None:
        self.problems.append(Problem(self.path, self.dataset, rule, message, row, column,
                                     severity))
