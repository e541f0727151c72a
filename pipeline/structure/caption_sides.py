"""Figure words printed above a caption that is printed below its figure.

The builder gives a figure's words to the caption read before them (captions above their
figures, as most white papers print them). Some documents print a figure's caption under
it (a design manual's ``図1-4-2　片勾配の場合``); there the words read after a body line and
right before a caption are that caption's, not the figure above's. Which side a document
prints its captions on is measured in the document itself, caption kind by kind: a
caption with figure words right before it on its page and none right after it votes
"below", the reverse "above".
"""

from __future__ import annotations

from pipeline.structure.units import Unit

# A document prints a kind's captions below its figures when at least this many of its
# captions vote so, and at least twice as many as vote "above" (bousai2024: 3 below
# against 5 above, read as above; mlit2023: 9 against 2, below).
MIN_BELOW_VOTES = 3
BELOW_MAJORITY = 2.0

WORD_KINDS = {"figure": "figure_text", "table": "table_text"}


def give_words_to_captions_below(units: list[Unit]) -> None:
    """In a document printing a kind's captions below their figures, give the words of
    that kind's figure read right before a caption on its page to that caption, when a
    line of another kind than a caption opens the run (so a figure's own words, read
    after its caption, are never taken by the caption under the next figure)."""
    captions = [i for i, unit in enumerate(units)
                if unit.kind == "caption" and unit.caption is not None and unit.caption.label]
    for kind, words in WORD_KINDS.items():
        ours = [i for i in captions if units[i].caption.kind == kind]  # type: ignore[union-attr]
        if not prints_captions_below(units, ours, words):
            continue
        for index in ours:
            run, opener = words_before(units, index, words)
            if opener is not None and units[opener].kind == "caption":
                continue
            for i in run:
                units[i].figure_key = index


def prints_captions_below(units: list[Unit], captions: list[int], words: str) -> bool:
    below = above = 0
    for index in captions:
        before, _ = words_before(units, index, words)
        after = words_after(units, index, words)
        below += bool(before) and not after
        above += bool(after) and not before
    return below >= MIN_BELOW_VOTES and below >= BELOW_MAJORITY * above


def words_before(units: list[Unit], index: int, words: str) -> tuple[list[int], int | None]:
    """The run of ``words`` units right before the caption on its page, and the unit that
    opens it (None at the start of the chapter or page)."""
    page = units[index].first.page_index
    run: list[int] = []
    i = index - 1
    while i >= 0:
        unit = units[i]
        if unit.kind != "merged":
            if unit.kind != words or unit.first.page_index != page:
                break
            run.append(i)
        i -= 1
    opener = i if i >= 0 and units[i].first.page_index == page else None
    return run, opener


def words_after(units: list[Unit], index: int, words: str) -> list[int]:
    page = units[index].first.page_index
    run: list[int] = []
    for i in range(index + 1, len(units)):
        unit = units[i]
        if unit.kind == "merged":
            continue
        if unit.kind != words or unit.first.page_index != page:
            break
        run.append(i)
    return run
