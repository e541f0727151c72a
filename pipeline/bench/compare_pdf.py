"""Compare the PDF character sources on every registered PDF chapter.

``python -m pipeline.bench.compare_pdf [CHAPTER ...]`` (``make compare-pdf``) extracts
each PDF chapter with pdfplumber (the reference) and with PDFium, and prints every
difference of the extract stage's output, which every dataset of the chapter is built
from: a line's text, page, hint or extras, and each ruled table's rows. Exits 1 when
any chapter differs. Nothing is cached and nothing under ``interim/`` is touched.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence

from pipeline.config import Chapter, load_registry, project_paths
from pipeline.extract.pdf.reader import extract_pdf
from pipeline.extract.pdf.settings import SOURCES, PdfSettings
from pipeline.schemas import Extracted


def line_keys(ex: Extracted) -> list[str]:
    """One comparable string per extracted line: page, hint, text, extras."""
    return [f"p{ln.page_index} [{ln.hint}] {ln.text} {sorted(ln.extras.items())}"
            for ln in ex.lines]


def table_keys(ex: Extracted) -> list[str]:
    return [f"p{t['page_index']} {t.get('caption')} {t['rows']}" for t in ex.tables]


def differences(reference: Extracted, other: Extracted) -> list[str]:
    """Unified-diff lines between the two extracts (empty when they agree)."""
    out: list[str] = []
    for what, keys in (("lines", line_keys), ("tables", table_keys)):
        diff = difflib.unified_diff(keys(reference), keys(other), f"{what}: pdfplumber",
                                    f"{what}: pdfium", n=0, lineterm="")
        out += list(diff)
    # invisible_text: only PDFium reads the render mode (pdfminer does not keep it)
    flags = ([f for f in reference.page_flags if f["flag"] != "invisible_text"],
             [f for f in other.page_flags if f["flag"] != "invisible_text"])
    if flags[0] != flags[1]:
        out.append(f"page_flags: pdfplumber {flags[0]} | pdfium {flags[1]}")
    return out


def compare_chapter(chapter: Chapter) -> list[str]:
    path = chapter.source_path(project_paths())
    reference, other = (extract_pdf(path, chapter.id, PdfSettings(source=source))
                        for source in ("pdfplumber", "pdfium"))
    return differences(reference, other)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*")
    args = parser.parse_args(argv)
    chapters = [c for c in load_registry(project_paths()) if c.format == "pdf"
                and (not args.chapters or c.id in args.chapters)]
    differing = 0
    for chapter in chapters:
        diff = compare_chapter(chapter)
        differing += bool(diff)
        print(f"{chapter.id}: {'same' if not diff else f'{len(diff)} diff lines'} "
              f"({' vs '.join(SOURCES)})")
        for line in diff:
            print(f"  {line}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
