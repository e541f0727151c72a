"""Source-format adapters: each turns one registered source into pages of lines.

The adapter for a format is imported only when a chapter of that format is built (by
a build's parent before it forks its workers: ``load_adapters``), so text chapters
never import pdfplumber.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from pipeline.config import Chapter, Paths
from pipeline.errors import PipelineError
from pipeline.schemas import Extracted

# the modules of each format's adapter, as ``extract_chapter`` imports them
# (and the libraries it imports on its first page)
ADAPTERS = {"pdf": ("pipeline.extract.pdf.reader", "pipeline.extract.pdf.settings",
                    "pdfplumber", "pdfplumber.table", "pypdfium2"),
            "pdf-text": ("pipeline.extract.pdf_text",),
            "html-text": ("pipeline.extract.html_text",)}


def load_adapters(formats: Iterable[str]) -> None:
    """Import the adapters of these formats (the PDF one brings pdfplumber and
    pypdfium2: about 0.15 s), for a build to call before it forks its workers, so that
    they share them instead of each paying on its first chapter of the format."""
    for name in sorted(set(formats)):
        for module in ADAPTERS.get(name, ()):
            importlib.import_module(module)


def extract_chapter(chapter: Chapter, paths: Paths) -> Extracted:
    """Run the adapter of ``chapter.format`` on its source file."""
    path = chapter.source_path(paths)
    if chapter.format == "pdf":
        if not path.exists():
            raise PipelineError(f"{path}: source file not found; copy it into raw/ or fix "
                                "'source' in raw/chapters.toml")
        from pipeline.extract.pdf.reader import extract_pdf
        from pipeline.extract.pdf.settings import pdf_settings

        # parsed pages are kept so a rebuild after a code change parses no PDF again
        return extract_pdf(path, chapter.id, pdf_settings(chapter.extra, chapter.registry_line),
                           cache_dir=paths.interim / "pdfcache" / chapter.id)
    from pipeline.extract.source_text import read_source_text

    text = read_source_text(path, chapter.encoding)
    if chapter.format == "pdf-text":
        from pipeline.extract.pdf_text import extract_pdf_text

        return extract_pdf_text(text, chapter.id)
    if chapter.format == "html-text":
        from pipeline.extract.html_text import extract_html_text

        return extract_html_text(text, chapter.id)
    raise PipelineError(f"raw/chapters.toml:{chapter.registry_line}: unknown format "
                        f"{chapter.format!r} for {chapter.id}")
