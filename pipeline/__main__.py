"""Command line: ``python -m pipeline <command>``. The order of a chapter's stages is
``pipeline.run.build.STAGES``; this module only runs them."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.common.files import read_json, write_json, write_text
from pipeline.config import Paths, check_sources, load_registry, project_paths
from pipeline.errors import PipelineError
from pipeline.run.build import (
    ORDER,
    ChapterFailed,
    build_local,
    default_jobs,
    progress,
    remove_leftovers,
    run_stage,
    use_system_allocator,
)

if TYPE_CHECKING:
    from pipeline.corpus.problems import Problem

log = logging.getLogger("pipeline")


def write_registry(paths: Paths) -> None:
    """Per-chapter registry stamps (rewritten only when an entry changes) and the make
    include file that lists chapters and what each one's build depends on."""
    chapters = load_registry(paths)
    check_sources(paths, chapters)
    folder = paths.stage_dir("registry")
    for chapter in chapters:
        stamp = folder / f"{chapter.id}.json"
        record = chapter.as_record()
        if not stamp.exists() or read_json(stamp) != record:
            write_json(stamp, record)
    lines = [f"CHAPTERS := {' '.join(c.id for c in chapters)}"]
    lines += [f"interim/publish/{c.id}.json: raw/{c.source} interim/registry/{c.id}.json"
              for c in chapters]
    write_text(paths.interim / "chapters.mk", "\n".join(lines) + "\n")


def read_queue(path: Path, known: list[str]) -> list[str]:
    """Chapter ids make queued (one per line, repeats allowed), in registry order. An id
    no longer in the registry (queued by a build that failed, then removed from
    chapters.toml) is left out: there is nothing to build for it."""
    if not path.exists():
        return []
    queued = set(path.read_text(encoding="utf-8").split())
    for gone in sorted(queued - set(known)):
        log.info("queued chapter %s is no longer registered; skipped", gone,
                 extra={"chapter": gone, "stage": "build"})
    return [c for c in known if c in queued]


def finish(paths: Paths, skip: Collection[str] = ()) -> None:
    """Steps over all chapters, after every chapter is built: each chapter's quality
    card, combined datasets, the glossary, the data package, SQLite, the report — and
    validation last, so a broken contract stops the build (the report still shows what
    broke). The checks a card finds bad are printed, one line each. ``skip``: chapters
    whose build failed, left out of validation (they are not in output/)."""
    from pipeline.corpus import glossary
    from pipeline.corpus.package import write_datapackage
    from pipeline.corpus.quality import bad_checks, write_quality
    from pipeline.corpus.report import read_report_body, write_report
    from pipeline.corpus.sqlite_export import write_sqlite
    from pipeline.corpus.validate import validate_datasets, validate_glossary
    from pipeline.publish.combined import combine
    from pipeline.run.build import in_background, in_own_process

    card = write_quality(paths)
    # Steps nothing later reads run beside the others when a second core is free: the
    # report's body (its plots: about a second) reads only the chapters' datasets, and
    # SQLite (half a second) only the combined files and the glossary. The glossary
    # runs in a process of its own, which gives back UniDic's pages and e2k's models
    # when it ends, while the datasets are validated.
    with in_background(read_report_body, paths) as report_body:
        combine(paths)
        with in_own_process(glossary.main, paths) as glossary_written:
            problems = validate_datasets(paths, skip)
            glossary_written()
        problems += validate_glossary(paths)
        with in_background(write_sqlite, paths) as sqlite_written:
            write_datapackage(paths)
            sqlite_written()
        write_report(paths, problems, report_body())
    validate(paths, problems)
    for line in bad_checks(card):
        print(f"quality: {line}; see output/report.html")


def print_card(paths: Paths, chapter_id: str) -> None:
    """A chapter's quality card, one line per check: what ``add`` shows a new user."""
    from pipeline.corpus.quality import card_lines

    card = paths.output / chapter_id / "quality.parquet"
    if card.exists():
        print("\n".join(card_lines(card)))


def validate(paths: Paths, problems: list[Problem] | None = None) -> None:
    """Log the warnings, raise on errors (validation runs once per build)."""
    from pipeline.corpus.validate import check, validate_outputs

    problems = validate_outputs(paths) if problems is None else problems
    for problem in problems:
        if problem.severity != "error":
            log.warning("%s", problem)
    check(paths, problems)


def command_run(args: argparse.Namespace, paths: Paths, unbuilt: Collection[str] = ()) -> None:
    """Build the chapters asked for, then the steps after them. ``unbuilt``: registered
    chapters this run leaves unbuilt on purpose (``add`` builds only the new one)."""
    known = [c.id for c in load_registry(paths)]
    if args.queue:
        chapters = read_queue(Path(args.queue), known)
    else:
        chapters = args.chapters or known
        missing = sorted(set(chapters) - set(known))
        if missing:
            raise PipelineError(f"raw/chapters.toml: no chapter {missing[0]!r}; known: "
                                f"{', '.join(known)}")
    remove_leftovers(paths)
    if args.executor == "dask":
        from pipeline.run.executors import build_dask

        results = build_dask(chapters, paths, args.scheduler)
    else:
        results = build_local(chapters, paths, args.jobs)
    failures: list[ChapterFailed] = []
    for chapter, built in progress(results, len(chapters), args.quiet):
        if isinstance(built, ChapterFailed):
            failures.append(built)   # reported once, with the others, below
            continue
        log.info("built in %.1f s", sum(built.values()), extra={"chapter": chapter,
                                                                "stage": "all"})
    failed = [f.chapter for f in failures]
    for chapter in failed:
        unpublish(paths, chapter)
    if any((paths.output / c).exists() for c in known if c not in failed):
        finish(paths, skip=[*failed, *unbuilt])   # nothing to combine when no chapter is published
    if args.queue:
        Path(args.queue).unlink(missing_ok=True)
    if failures:
        raise PipelineError(f"{len(failures)} chapter(s) failed, the others were published: "
                            + "; ".join(str(f) for f in failures))


def unpublish(paths: Paths, chapter_id: str) -> None:
    """Take a chapter that failed out of ``output/``: its last datasets would stand for
    today's in the combined files (make builds it again next time: no stamp was written)."""
    for folder in (paths.output / chapter_id, paths.output / "tables" / chapter_id):
        if folder.exists():
            shutil.rmtree(folder)


def command_list(args: argparse.Namespace, paths: Paths) -> None:
    for chapter in load_registry(paths):
        print(f"{chapter.id}\t{chapter.format}\t{chapter.source}\t{chapter.title}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every stage")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="build the chapters (default: all), then the combined "
                                     "datasets")
    run.add_argument("chapters", nargs="*")
    run.add_argument("--queue", help="build the chapters listed in this file (make's queue)")
    run.add_argument("--jobs", "-j", type=int, default=default_jobs(),
                     help="worker processes (default: the cores)")
    run.add_argument("--executor", choices=("local", "dask"), default="local")
    run.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    stage = sub.add_parser("stage", help="run one stage for some chapters")
    stage.add_argument("name", choices=ORDER)
    stage.add_argument("chapters", nargs="+")
    sub.add_parser("combine", help="the steps after the chapters: combined datasets, "
                                   "glossary, data package, SQLite, report, validation")
    sub.add_parser("validate", help="check output/ against the schemas (fails on errors)")
    sub.add_parser("report", help="write output/report.html")
    add = sub.add_parser("add", help="register a new source file in raw/chapters.toml")
    add.add_argument("source", help="the file (copied into raw/ if it is elsewhere)")
    add.add_argument("--id", required=True, help="chapter id, e.g. st2020-2-1")
    add.add_argument("--format", required=True, choices=("pdf-text", "html-text", "pdf"))
    add.add_argument("--title", required=True, help="chapter title as printed")
    add.add_argument("--white-paper", required=True, help="Japanese title of the white paper")
    add.add_argument("--white-paper-en", required=True, help="English title")
    add.add_argument("--year", required=True, type=int, help="edition year (western)")
    add.add_argument("--publisher", required=True, help="publishing ministry, in Japanese")
    add.add_argument("--encoding", default="utf-8")
    add.add_argument("--no-build", action="store_true",
                     help="only register; by default the chapter is built and its quality "
                          "card printed")
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
    use_system_allocator()
    paths = project_paths()
    try:
        if args.command == "stage":
            for chapter in args.chapters:
                run_stage(args.name, chapter, paths)
        elif args.command == "run":
            command_run(args, paths)
        elif args.command == "combine":
            finish(paths)
        elif args.command == "registry":
            write_registry(paths)
        elif args.command == "list":
            command_list(args, paths)
        elif args.command == "validate":
            validate(paths)
        elif args.command == "report":
            from pipeline.corpus.report import write_report

            write_report(paths)
        elif args.command == "add":
            from pipeline.run.add import add_chapter

            print(add_chapter(paths, args))
            if not args.no_build:
                unbuilt = [c.id for c in load_registry(paths)
                           if c.id != args.id and not (paths.output / c.id).exists()]
                command_run(argparse.Namespace(queue=None, chapters=[args.id], jobs=1,
                                               executor="local", scheduler=None,
                                               quiet=args.quiet), paths, unbuilt)
                print_card(paths, args.id)
    except PipelineError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
