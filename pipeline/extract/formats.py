"""Source-format adapters: each turns one registered source into pages of lines.

The adapter for a format is imported only when a chapter of that format is built,
so text chapters never import pdfplumber.
"""

from __future__ import annotations

from pipeline.config import Chapter, Paths
from pipeline.errors import PipelineError
from pipeline.schemas import Extracted


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
