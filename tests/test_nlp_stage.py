"""The nlp stage: pure core on a small DataFrame, I/O in a temporary project tree."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from spacy.attrs import IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from pipeline.artefacts import load_docs
from pipeline.common.frames import to_frame
from pipeline.config import Paths
from pipeline.errors import PipelineError
from pipeline.nlp.doc_files import DOC_ATTRS, ZLIB_LEVEL, docbin_bytes, docs_user_data
from pipeline.nlp.stage import (
    paragraph_tables,
    run,
    token_array,
    tokenize_paragraphs,
)
from pipeline.nlp.tokenizer import make_nlp
from pipeline.schemas import DATASETS

CHAPTER = "ict2019-3-1"
TEXTS = {
    "p0001": "「これは。」と述べた。次の文！（注。）終わり",
    "p0002": "図表3-1-1-1　主な産業の国内生産額（名目及び実質）",
    "p0003": "",
    "p0004": "２万5,451件 の特許　権",
}
KINDS = ["body", "caption", "note", "table_text"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_nlp()


@pytest.fixture()
def paragraphs() -> pd.DataFrame:
    return pd.DataFrame({"chapter": CHAPTER, "para_id": list(TEXTS), "kind": KINDS,
                         "text": list(TEXTS.values())})


def test_columns_are_exactly_the_schema(nlp: Language, paragraphs: pd.DataFrame) -> None:
    _, sentences, tokens = tokenize_paragraphs(paragraphs, nlp)
    assert list(sentences.columns) == DATASETS["sentences"].columns
    assert list(tokens.columns) == DATASETS["tokens"].columns
    assert tokens["is_number"].dtype == "boolean"
    assert tokens["i"].dtype == "Int64"


def test_sentences_partition_every_paragraph(nlp: Language, paragraphs: pd.DataFrame) -> None:
    docs, sentences, _ = tokenize_paragraphs(paragraphs, nlp)
    assert [d._.para_id for d in docs] == list(TEXTS)
    for para_id, text in TEXTS.items():
        rows = sentences[sentences["para_id"] == para_id]
        assert "".join(rows["text"]) == text
        assert list(rows["sent_id"]) == [f"{para_id}-{n}" for n in range(1, len(rows) + 1)]
        assert all(text[s:e] == t for s, e, t in zip(rows["start"], rows["end"], rows["text"],
                                                    strict=True))
    assert list(sentences.loc[sentences["para_id"] == "p0001", "text"]) == [
        "「これは。」と述べた。", "次の文！", "（注。）終わり"]


def test_tokens_point_into_their_paragraph(nlp: Language, paragraphs: pd.DataFrame) -> None:
    _, sentences, tokens = tokenize_paragraphs(paragraphs, nlp)
    for row in tokens.itertuples():
        assert TEXTS[row.para_id][row.start:row.start + len(row.surface)] == row.surface
    for _, group in tokens.groupby("sent_id"):
        assert list(group["i"]) == list(range(len(group)))
    assert set(tokens["sent_id"]) <= set(sentences["sent_id"])
    first = tokens.iloc[0]
    assert (first.surface, first.pos, first.pos_detail) == ("「", "補助記号", "括弧開")
    numbers = tokens[tokens["para_id"] == "p0004"]
    assert list(numbers["surface"]) == ["２", "万", "5", ",", "451", "件", "の", "特許", "\u3000",
                                        "権"]
    assert list(numbers["is_number"])[:5] == [True, True, True, False, True]
    assert list(numbers["start"]) == [0, 1, 2, 3, 4, 7, 9, 10, 12, 13]   # the space after 件


def test_token_rows_are_the_token_getters(nlp: Language, paragraphs: pd.DataFrame) -> None:
    docs, _, tokens = tokenize_paragraphs(paragraphs, nlp)
    expected = [(d._.para_id, t.text, t.lemma_, t._.pos, t._.pos_detail, t._.reading,
                 t._.is_number, t.idx) for d in docs for t in d]
    got = tokens[["para_id", "surface", "lemma", "pos", "pos_detail", "reading", "is_number",
                  "start"]]
    assert list(got.itertuples(index=False, name=None)) == expected


def test_empty_paragraph_has_no_rows(nlp: Language, paragraphs: pd.DataFrame) -> None:
    _, sentences, tokens = tokenize_paragraphs(paragraphs, nlp)
    assert "p0003" not in set(sentences["para_id"]) | set(tokens["para_id"])


def test_input_is_not_mutated(nlp: Language, paragraphs: pd.DataFrame) -> None:
    before = paragraphs.copy()
    tokenize_paragraphs(paragraphs, nlp)
    pd.testing.assert_frame_equal(paragraphs, before)


@pytest.mark.parametrize(("change", "message"), [
    (lambda df: df.drop(columns=["text"]), "missing column"),
    (lambda df: df.assign(text=[None, "a", "b", "c"]), "has no text"),
    (lambda df: df.assign(text=pd.array([None, "a", "b", "c"], dtype="string")), "has no text"),
    (lambda df: df.assign(text=["a", 1, "b", "c"]), "has no text"),
    (lambda df: df.assign(para_id=["p1", "p1", "p2", "p3"]), "more than once"),
])
def test_bad_paragraphs_are_refused(nlp: Language, paragraphs: pd.DataFrame, change,
                                    message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        tokenize_paragraphs(change(paragraphs), nlp)


def write_paragraphs(root: Path, paragraphs: pd.DataFrame) -> Paths:
    paths = Paths(root)
    folder = paths.stage_dir("structure") / CHAPTER
    folder.mkdir(parents=True)
    paragraphs.to_parquet(folder / "paragraphs.parquet", index=False)
    return paths


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_main_writes_the_chapter_folder(tmp_path: Path, nlp: Language,
                                        paragraphs: pd.DataFrame) -> None:
    paths = write_paragraphs(tmp_path, paragraphs)
    run(CHAPTER, paths)
    out = paths.stage_dir("nlp") / CHAPTER
    assert sorted(p.name for p in out.iterdir()) == [
        "docs.json", "docs.spacy", "manifest.json", "sentences.parquet", "tokens.parquet"]
    sentences = pd.read_parquet(out / "sentences.parquet")
    tokens = pd.read_parquet(out / "tokens.parquet")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == {"chapter": CHAPTER, "counts": {
        "paragraphs": 4, "sentences": len(sentences), "tokens": len(tokens)}}
    docs = load_docs(out / "docs.spacy", nlp)
    assert [d._.para_id for d in docs] == list(TEXTS)
    assert [d.text for d in docs] == list(TEXTS.values())
    assert [s.text for s in docs[0].sents] == ["「これは。」と述べた。", "次の文！", "（注。）終わり"]
    *_, patent, space, right = load_docs(out, nlp)[3]   # "…の特許　権"
    assert (patent.lemma_, patent._.pos, patent._.reading) == ("特許", "名詞", "トッキョ")
    assert (space.text, space._.pos) == ("\u3000", "空白")
    # after a space unidic-lite reads 権 as a given name: levels 2-4, lemma in katakana
    assert (right.lemma_, right._.pos_detail, right._.reading) == ("ケン", "固有名詞-人名-名", "ケン")


def test_main_is_byte_identical_on_rerun(tmp_path: Path, paragraphs: pd.DataFrame) -> None:
    paths = write_paragraphs(tmp_path, paragraphs)
    run(CHAPTER, paths)
    out = paths.stage_dir("nlp") / CHAPTER
    first = digests(out)
    run(CHAPTER, paths)
    assert digests(out) == first
    code = ("import sys; from pathlib import Path; from pipeline.config import Paths; "
            f"from pipeline.nlp.stage import run; run({CHAPTER!r}, Paths(Path(sys.argv[1])))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, env=env,
                   cwd=Path(__file__).resolve().parent.parent)
    assert digests(out) == first


def test_main_names_what_is_missing(tmp_path: Path, paragraphs: pd.DataFrame) -> None:
    with pytest.raises(PipelineError, match="run the structure stage"):
        run(CHAPTER, Paths(tmp_path))
    paths = write_paragraphs(tmp_path, paragraphs.assign(chapter="st2019-2-5"))
    with pytest.raises(PipelineError, match="rows of chapter 'st2019-2-5'"):
        run(CHAPTER, paths)
    with pytest.raises(PipelineError, match="run the nlp stage"):
        load_docs(tmp_path / "docs.spacy", make_nlp(sentences=False))


def annotated_docs(nlp: Language) -> list[Doc]:
    """Docs with every kind of annotation a DocBin stores: morph, dep, entities, norm,
    span groups, cats; and an empty Doc."""
    docs = [nlp(text) for text in [*TEXTS.values(), "半角 スペース_"]]
    plain, parsed, _, spanned, _ = docs
    plain[0].set_morph("Case=Nom|Number=Sing")
    plain[1].set_morph("_")
    plain[2].norm_ = "ノルム"
    parsed[1].dep_, parsed[1].head = "nmod", parsed[0]
    parsed.ents = [Span(parsed, 0, 2, label="図表", kb_id="Q1", span_id="e1")]
    spanned.spans["marks"] = [Span(spanned, 0, 1, label="記号")]
    spanned.cats = {"caption": 1.0}
    return docs


def spacy_docbin(docs: list[Doc]) -> DocBin:
    return DocBin(attrs=DOC_ATTRS, store_user_data=False, docs=docs)


def test_docbin_bytes_are_those_of_docbin(nlp: Language) -> None:
    docs = annotated_docs(nlp)
    assert zlib.decompress(docbin_bytes(docs)) == zlib.decompress(spacy_docbin(docs).to_bytes())
    for one in ([doc] for doc in docs):   # the empty Doc, the Doc with span groups …
        assert (zlib.decompress(docbin_bytes(one))
                == zlib.decompress(spacy_docbin(one).to_bytes()))
    assert zlib.decompress(docbin_bytes([])) == zlib.decompress(spacy_docbin([]).to_bytes())


def test_docbin_bytes_of_the_token_arrays_rows_are_the_same(nlp: Language) -> None:
    """The nlp stage hands ``docbin_bytes`` the rows ``token_array`` read of its Docs."""
    docs = [doc for doc in annotated_docs(nlp) if not len(doc.spans)]
    docs += [nlp(text) for text in TEXTS.values()]
    assert (docbin_bytes(docs, token_array(docs).docbin_rows) == docbin_bytes(docs)
            == spacy_docbin_bytes(docs))


def spacy_docbin_bytes(docs: list[Doc]) -> bytes:
    return zlib.compress(zlib.decompress(spacy_docbin(docs).to_bytes()), ZLIB_LEVEL)


def doc_annotations(doc: Doc) -> tuple[object, ...]:
    """Everything a DocBin can restore of a Doc (user data aside)."""
    attrs: list[Any] = [*DocBin().attrs, SPACY, IDX]
    return ([t.text_with_ws for t in doc], doc.to_array(attrs).tolist(),
            [(t.tag_, t.lemma_, t.norm_, str(t.morph), t.is_sent_start) for t in doc],
            doc.cats, doc.spans.to_bytes(), doc.has_unknown_spaces,
            [doc.has_annotation(a) for a in ("TAG", "LEMMA", "SENT_START", "DEP", "ENT_IOB",
                                              "MORPH", "POS")])


def test_stored_docs_keep_what_the_nlp_stage_sets(nlp: Language) -> None:
    """docs.spacy keeps only ``DOC_ATTRS``: that is every annotation the stage sets."""
    docs = [nlp(text) for text in TEXTS.values()]
    loaded = list(DocBin().from_bytes(docbin_bytes(docs)).get_docs(
        make_nlp(sentences=False).vocab))
    assert [doc_annotations(d) for d in loaded] == [doc_annotations(d) for d in docs]


def test_docs_without_sentence_starts_are_refused(nlp: Language) -> None:
    bare = make_nlp(sentences=False)
    docs = [nlp("文。次。"), bare(""), nlp(""), bare("文"), bare("二つの語。")]
    docs[-1]._.para_id = "p0005"
    with pytest.raises(PipelineError, match="paragraph p0005: Doc has no sentence starts"):
        token_array(docs)
    assert len(token_array(docs[:4]).sentence_starts) == 3   # one-token Docs need none


def test_user_data_is_json_of_each_doc(nlp: Language) -> None:
    docs = [nlp(text) for text in [*TEXTS.values(), "ＡＩ \"引用\" \\ と\n改行"]]
    docs.append(make_nlp(sentences=False).make_doc("x"))
    docs[-1].user_data.clear()   # a Doc without readings
    for k, doc in enumerate(docs[:-1]):
        doc._.para_id = f"p{k}"
    expected = "".join(json.dumps({"para_id": d._.para_id, "readings": d._.readings},
                                  ensure_ascii=False) + "\n" for d in docs)
    assert docs_user_data(docs) == expected
    assert docs_user_data([]) == "\n"


def test_tables_are_those_of_the_typed_frames(nlp: Language, paragraphs: pd.DataFrame) -> None:
    """The datasets made as Arrow columns are the tables of ``to_frame``'s typed frames of
    the same values (what the stage wrote through pandas before)."""
    _, *tables, _ = paragraph_tables(paragraphs, nlp)
    for name, table in zip(("sentences", "tokens"), tables, strict=True):
        expected = to_frame(DATASETS[name], pd.DataFrame(table.to_pydict()))
        assert table.equals(pa.Table.from_pandas(expected, preserve_index=False),
                            check_metadata=True)
    _, sentences, tokens = tokenize_paragraphs(paragraphs, nlp)
    pd.testing.assert_frame_equal(tokens, to_frame(DATASETS["tokens"], tables[1].to_pylist()))
