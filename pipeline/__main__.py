"""Command line: ``python -m pipeline <command>``. Only this module and the Makefile
know the order of the stages."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable

from pipeline.config import Paths, load_registry, project_paths
from pipeline.errors import PipelineError
from pipeline.io import read_json, write_json, write_text

STAGES = {
    "extract": "pipeline.extract",
    "structure": "pipeline.structure.stage",
    "nlp": "pipeline.nlp.stage",
    "tagging": "pipeline.tagging.stage",
    "tables": "pipeline.tables.stage",
    "publish": "pipeline.datasets",
}
ORDER = ("extract", "structure", "nlp", "tagging", "tables", "publish")
log = logging.getLogger("pipeline")


def stage_main(name: str) -> Callable[[str, Paths], object]:
    module = importlib.import_module(STAGES[name])
    if name == "publish":
        return module.publish_chapter  # type: ignore[no-any-return]
    return module.main  # type: ignore[no-any-return]


def run_stage(name: str, chapters: list[str], paths: Paths) -> None:
    main = stage_main(name)
    for chapter in chapters:
        log.info("start", extra={"chapter": chapter, "stage": name})
        main(chapter, paths)
        log.info("done", extra={"chapter": chapter, "stage": name})


def write_registry(paths: Paths) -> None:
    """Per-chapter registry stamps (rewritten only when an entry changes) and the make
    include file that lists chapters and their raw sources."""
    chapters = load_registry(paths)
    folder = paths.stage_dir("registry")
    for chapter in chapters:
        stamp = folder / f"{chapter.id}.json"
        record = chapter.as_record()
        if not stamp.exists() or read_json(stamp) != record:
            write_json(stamp, record)
    lines = [f"CHAPTERS := {' '.join(c.id for c in chapters)}"]
    for chapter in chapters:
        # explicit prerequisites, so make never treats a stage artefact as intermediate
        artefacts = [f"interim/extract/{chapter.id}.json"] + [
            f"interim/{stage}/{chapter.id}/manifest.json" for stage in ORDER[1:-1]]
        lines.append(f"{artefacts[0]}: raw/{chapter.source} interim/registry/{chapter.id}.json")
        for before, after in zip(artefacts, artefacts[1:] + [f"interim/publish/{chapter.id}.json"],
                                 strict=True):
            lines.append(f"{after}: {before}")
    write_text(paths.interim / "chapters.mk", "\n".join(lines) + "\n")


def command_run(args: argparse.Namespace, paths: Paths) -> None:
    chapters = args.chapters or [c.id for c in load_registry(paths)]
    for name in ORDER:
        run_stage(name, chapters, paths)
    from pipeline.datasets import combine

    combine(paths)


def command_list(args: argparse.Namespace, paths: Paths) -> None:
    for chapter in load_registry(paths):
        print(f"{chapter.id}\t{chapter.format}\t{chapter.source}\t{chapter.title}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every stage")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="build every stage for the chapters (default: all)")
    run.add_argument("chapters", nargs="*")
    stage = sub.add_parser("stage", help="run one stage for some chapters (used by make)")
    stage.add_argument("name", choices=sorted(STAGES))
    stage.add_argument("chapters", nargs="+")
    sub.add_parser("combine", help="write output/<dataset>.parquet across chapters")
    sub.add_parser("registry", help="check raw/chapters.toml and write its stamps")
    sub.add_parser("list", help="list registered chapters")
    return parser


class _Context(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.chapter = getattr(record, "chapter", "-")
        record.stage = getattr(record, "stage", "-")
        return True


def configure_logging(quiet: bool, verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_Context())
    handler.setFormatter(logging.Formatter("%(levelname)s %(chapter)s %(stage)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.quiet, args.verbose)
    paths = project_paths()
    try:
        if args.command == "stage":
            run_stage(args.name, args.chapters, paths)
        elif args.command == "run":
            command_run(args, paths)
        elif args.command == "combine":
            from pipeline.datasets import combine

            combine(paths)
        elif args.command == "registry":
            write_registry(paths)
        elif args.command == "list":
            command_list(args, paths)
    except PipelineError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
