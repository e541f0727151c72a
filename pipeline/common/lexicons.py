"""Word lists kept as data: one TSV per list in ``pipeline/data/``.

A word-list file opens with ``#`` lines saying what the list is and where its words come
from, then a header row and one word per row, in the order the code tries them:

- ``word	source`` for a list (``word_list``);
- ``word	value	source`` for a mapping from a word to a value (``word_map``).

Every row names its source. A malformed file raises ``PipelineError`` naming the file and
the line.
"""

from __future__ import annotations

from importlib import resources

from pipeline.errors import PipelineError

LIST_COLUMNS = ("word", "source")
MAP_COLUMNS = ("word", "value", "source")


def data_where(name: str) -> str:
    """How errors name the data file ``name``."""
    return f"pipeline/data/{name}.tsv"


def data_text(name: str) -> str:
    """The text of ``pipeline/data/<name>.tsv``, read from the installed package: the one
    way every data file of the project is opened."""
    path = resources.files("pipeline") / "data" / f"{name}.tsv"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PipelineError(f"{data_where(name)}: no such word list; add the file (a '#' "
                            f"comment, a header row, one word per row) or fix the name") from None


def parse_rows(text: str, where: str, columns: tuple[str, ...],
               optional: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The rows of a word-list file's ``text`` (``where`` names it in errors), checked:
    the header is ``columns``, every row has a value in each column but the ``optional``
    ones, no value has surrounding spaces, and no word (the first column) repeats."""
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    header = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if not header:
            if fields != columns:
                raise PipelineError(f"{where} line {number}: header {list(fields)}; expected "
                                    f"the tab-separated columns {list(columns)}")
            header = True
            continue
        if len(fields) != len(columns) or not all(
                (f or column in optional) and f == f.strip()
                for f, column in zip(fields, columns, strict=True)):
            empty = f" ({', '.join(optional)} may be empty)" if optional else ""
            raise PipelineError(f"{where} line {number}: {line!r} is not {len(columns)} "
                                f"non-empty tab-separated fields ({', '.join(columns)}) "
                                f"without surrounding spaces{empty}")
        word = fields[0]
        if word in seen:
            raise PipelineError(f"{where} line {number}: {word!r} is already on line "
                                f"{seen[word]}; keep one row per word")
        seen[word] = number
        rows.append(fields)
    if not header:
        raise PipelineError(f"{where}: no header row {list(columns)}")
    return rows


def data_rows(name: str, columns: tuple[str, ...],
              optional: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The checked rows of ``pipeline/data/<name>.tsv`` (``parse_rows``)."""
    return parse_rows(data_text(name), data_where(name), columns, optional)


def word_list(name: str) -> tuple[str, ...]:
    """The words of ``pipeline/data/<name>.tsv`` in file order."""
    return tuple(row[0] for row in data_rows(name, LIST_COLUMNS))


def word_map(name: str) -> dict[str, str]:
    """Word → value of ``pipeline/data/<name>.tsv`` in file order."""
    return {row[0]: row[1] for row in data_rows(name, MAP_COLUMNS)}
