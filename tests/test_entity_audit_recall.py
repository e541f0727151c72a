"""Entity recall audit: six seeded random body paragraphs, every entity a careful reader
would mark listed by hand, then compared with the entities dataset (recall and precision).

The row audits (``test_entity_audit.py``, ``test_entity_audit_heldout.py``) sample the
dataset's own rows, so they measure precision only; this one starts from the text. The
sample was drawn from the outputs at HEAD 8d27c89 (``/tmp/ref_output1``):
``paragraphs.parquet`` rows of kind ``body``, 120 to 400 characters long, the paragraphs
of both row audits dropped; six of the eight registered chapters drawn with
``pandas.Series(sorted(chapters)).sample(n=6, random_state=44)``, then one paragraph of
each with ``groupby("chapter", sort=True).sample(n=1, random_state=44)``.

Every entity was listed by reading the paragraph, with the labels as the dataset defines
them (``pipeline.schemas``: ORG, PROGRAM, LAW, PLACE, ACRONYM, EVENT, NAME): a prefecture,
city, town, region, sea or peninsula is a PLACE, a body an ORG, each mention of an acronym
an ACRONYM. Not marked: 我が国 (the dataset marks none), a tide station named after its
town (金沢観測点, a facility, no label fits), quoted survey categories
(「クラウドコンピューティングサービス」: no programme's name).

As first measured (the rules of 8d27c89): of 25 entities marked by hand, 22 were found
with the right span and label (recall 88%); of the 23 rows the dataset gave in these
paragraphs, 22 were right (precision 96%). The misses say why.

One miss was fixed later on this branch (entrecall) and keeps its first judgement, so
the score stays the one first measured: 生成ＡＩ委員会 is one ORG now (common nouns glued
before a common acronym open a name: ``suffix_word_orgs``), still romanised, as nothing
in its name says it is France's; ``FIXED`` checks the outputs give it. The two other
misses were fixed later (branch entplace) and keep their first judgement too: 能登 is a
PLACE (a region's proper name glued after its prefecture: ``prefecture_regions``) and
港湾局 an ORG, flagged ``ministry_not_named`` with no romanised name (a bureau alone in
brackets: ``ministry_bureaus``).
"""

from __future__ import annotations

import pytest

from tests.projects import published_rows
from tests.test_entity_audit import SAMPLE as FIRST
from tests.test_entity_audit_heldout import SAMPLE as HELDOUT

PARAGRAPHS = [
    ("bousai2024-t2-1", "p0131"), ("ict2019-3-1", "p0126"), ("ict2023-4-1", "p0004"),
    ("st2024-1-1", "p0191"), ("st2024-1-2", "p0005"), ("st2024-1-3", "p0235"),
]

Mark = tuple[str, str, int, int, str, str, bool, str]

# (chapter, para_id, start, end, text, label, found when drawn, why missed)
MARKED: list[Mark] = [
    ("bousai2024-t2-1", "p0131", 6, 9, "石川県", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 9, 11, "能登", "PLACE", False,
     "the tsunami forecast region 石川県能登 (the Noto region of Ishikawa): 能登 glued after "
     "the prefecture is no row (能登 alone is in no place list; 能登半島 is)"),
    ("bousai2024-t2-1", "p0131", 22, 25, "山形県", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 27, 30, "福井県", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 32, 35, "兵庫県", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 65, 68, "港湾局", "ORG", False,
     "金沢観測点（港湾局）: the bureau that runs the station, printed alone in brackets; a "
     "bureau word after one common noun is no name to the rules"),
    ("bousai2024-t2-1", "p0131", 81, 84, "気象庁", "ORG", True, ""),
    ("bousai2024-t2-1", "p0131", 93, 96, "北海道", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 98, 102, "九州地方", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 107, 110, "日本海", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 148, 152, "能登半島", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 184, 187, "石川県", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 187, 190, "珠洲市", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 191, 194, "能登町", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 207, 210, "新潟県", "PLACE", True, ""),
    ("bousai2024-t2-1", "p0131", 210, 213, "上越市", "PLACE", True, ""),
    ("ict2023-4-1", "p0004", 3, 6, "ICT", "ACRONYM", True, ""),
    ("st2024-1-1", "p0191", 18, 20, "ＡＩ", "ACRONYM", True, ""),
    ("st2024-1-2", "p0005", 21, 23, "ＡＩ", "ACRONYM", True, ""),
    ("st2024-1-2", "p0005", 113, 115, "ＡＩ", "ACRONYM", True, ""),
    ("st2024-1-3", "p0235", 60, 62, "ＡＩ", "ACRONYM", True, ""),
    ("st2024-1-3", "p0235", 81, 83, "ＡＩ", "ACRONYM", True, ""),
    ("st2024-1-3", "p0235", 133, 140, "生成ＡＩ委員会", "ORG", False,
     "France's Generative AI Committee (Comité de l'intelligence artificielle générative): "
     "the ORG row was ＡＩ委員会 at 135-140, the verbal noun 生成 left out, and romanised "
     "AI Iin Kai, though it is France's (named later in the sentence)"),
    ("st2024-1-3", "p0235", 185, 189, "フランス", "PLACE", True, ""),
    ("st2024-1-3", "p0235", 190, 192, "ＡＩ", "ACRONYM", True, ""),
]

# Rows the dataset gave in these paragraphs that were wrong when drawn: (chapter,
# para_id, start, end, text, label, why)
WRONG_ROWS = [
    ("st2024-1-3", "p0235", 135, 140, "ＡＩ委員会", "ORG",
     "a piece of the name 生成ＡＩ委員会 (span), romanised though France's body"),
]
ROWS_WHEN_DRAWN = 23

# Words of these paragraphs that must never become entities
NOT_ENTITIES = [
    ("ict2019-3-1", "p0126", "クラウドコンピューティングサービス"),   # survey categories
    ("ict2019-3-1", "p0126", "ウェブコンテンツ配信"),
    ("ict2019-3-1", "p0126", "情報ネットワーク・セキュリティ・サービス"),
    ("st2024-1-2", "p0005", "我が国"),
    ("st2024-1-3", "p0235", "同戦略"),   # a reference back, no name
    ("st2024-1-3", "p0235", "革命"),
]


def test_sample_is_six_paragraphs_apart_from_the_row_audits() -> None:
    assert len(set(PARAGRAPHS)) == 6
    assert len({chapter for chapter, _ in PARAGRAPHS}) == 6
    audited = {row[:2] for row in FIRST} | {row[:2] for row in HELDOUT}
    assert not set(PARAGRAPHS) & audited
    assert {mark[:2] for mark in MARKED} <= set(PARAGRAPHS)


def test_recall_and_precision_as_first_measured() -> None:
    found = sum(mark[6] for mark in MARKED)
    print(f"entity recall audit: {found} of {len(MARKED)} found ({found / len(MARKED):.0%}); "
          f"{ROWS_WHEN_DRAWN - len(WRONG_ROWS)} of {ROWS_WHEN_DRAWN} rows right")
    assert (found, len(MARKED)) == (22, 25)
    assert (ROWS_WHEN_DRAWN - len(WRONG_ROWS), ROWS_WHEN_DRAWN) == (22, 23)
    assert all(mark[7] for mark in MARKED if not mark[6])   # every miss says why
    assert not any(mark[7] for mark in MARKED if mark[6])


@pytest.mark.parametrize("mark", [m for m in MARKED if m[6]], ids=lambda m: f"{m[1]}:{m[2]}")
def test_outputs_still_find_what_was_found(mark: Mark) -> None:
    chapter, para_id, start, end, text, label, _, _ = mark
    rows = published_rows(chapter, "entities")
    got = rows[(rows.para_id == para_id) & (rows.start == start) & (rows.end == end)]
    assert [(r.text, r.label) for r in got.itertuples()] == [(text, label)]


@pytest.mark.parametrize(("chapter", "para_id", "word"), NOT_ENTITIES)
def test_words_that_are_no_entities(chapter: str, para_id: str, word: str) -> None:
    rows = published_rows(chapter, "entities")
    assert word not in set(rows[rows.para_id == para_id].text)


# (chapter, para_id, start, end) of each miss fixed later → the row the outputs now give
# there: (text, label, canonical, canonical_en)
FIXED = {
    ("st2024-1-3", "p0235", 133, 140): ("生成ＡＩ委員会", "ORG", "生成AI委員会", ""),
    ("bousai2024-t2-1", "p0131", 9, 11): ("能登", "PLACE", "能登", ""),
    ("bousai2024-t2-1", "p0131", 65, 68): ("港湾局", "ORG", "港湾局", ""),
}
# The bureau's row is flagged: the paragraph does not name its ministry.
FIXED_FLAGS = {("bousai2024-t2-1", "p0131", 65, 68): "ministry_not_named"}


def test_misses_fixed_later() -> None:
    assert set(FIXED) <= {mark[:4] for mark in MARKED if not mark[6]}
    for (chapter, para_id, start, end), expected in FIXED.items():
        rows = published_rows(chapter, "entities")
        got = rows[(rows.para_id == para_id) & (rows.start == start) & (rows.end == end)]
        assert [(r.text, r.label, r.canonical, r.canonical_en) for r in got.itertuples()] \
            == [expected]
        assert list(got.flag) == [FIXED_FLAGS.get((chapter, para_id, start, end), "")]
