"""``python -m pipeline add``: check a new source and append its registry entry.

The file is read with its format's adapter before anything is written, so a file that
does not decode, is empty or is not a PDF is refused with the reason; the registry is
rewritten atomically and parsed again before it replaces the old one.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from pipeline.common.files import write_text
from pipeline.config import Chapter, Paths, load_registry, parse_registry
from pipeline.errors import PipelineError
from pipeline.extract.formats import extract_chapter


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_text(chapter: Chapter) -> str:
    fields = [("id", chapter.id), ("source", chapter.source), ("format", chapter.format),
              ("white_paper", chapter.white_paper), ("white_paper_en", chapter.white_paper_en)]
    lines = ["", "[[chapter]]"] + [f"{k} = {_toml_string(v)}" for k, v in fields]
    lines.append(f"year = {chapter.year}")
    lines += [f"publisher = {_toml_string(chapter.publisher)}",
              f"title = {_toml_string(chapter.title)}"]
    if chapter.encoding != "utf-8":
        lines.append(f"encoding = {_toml_string(chapter.encoding)}")
    return "\n".join(lines) + "\n"


def place_in_raw(paths: Paths, source: Path, chapter_id: str) -> str:
    """The source's path under raw/, copying it there when it lives elsewhere."""
    source = source.resolve()
    if not source.exists():
        raise PipelineError(f"{source}: file not found; give the path of the chapter's source")
    raw = paths.raw.resolve()
    if raw in source.parents:
        return str(source.relative_to(raw))
    target = raw / f"{chapter_id}{''.join(source.suffixes[-1:])}"
    if target.exists():
        raise PipelineError(f"{target}: already exists; raw files are never overwritten — "
                            "choose another id or move the file yourself")
    shutil.copyfile(source, target)
    return target.name


def add_chapter(paths: Paths, args: argparse.Namespace) -> str:
    chapters = load_registry(paths)
    if any(c.id == args.id for c in chapters):
        raise PipelineError(f"{paths.registry}: chapter id {args.id!r} is already registered; "
                            "choose another id")
    registry_text = paths.registry.read_text(encoding="utf-8")
    probe = Chapter(id=args.id, source="", format=args.format, white_paper=args.white_paper,
                    white_paper_en=args.white_paper_en, year=args.year,
                    publisher=args.publisher, title=args.title, encoding=args.encoding)
    parse_registry(entry_text(probe).replace('source = ""', 'source = "x"'), "the new entry")
    relative = place_in_raw(paths, Path(args.source), args.id)
    chapter = Chapter(**{**probe.__dict__, "source": relative})
    try:
        extracted = extract_chapter(chapter, paths)
    except PipelineError:
        if not (paths.raw / relative).samefile(Path(args.source)):
            (paths.raw / relative).unlink()
        raise
    if not any(line.text.strip() for line in extracted.lines):
        raise PipelineError(f"{paths.raw / relative}: no text found; check the file and its "
                            "format")
    new_text = registry_text.rstrip("\n") + "\n" + entry_text(chapter)
    parse_registry(new_text, str(paths.registry))
    write_text(paths.registry, new_text)
    return (f"registered {chapter.id} ({chapter.format}, raw/{relative}, "
            f"{len(extracted.lines)} lines); run `make all`")
