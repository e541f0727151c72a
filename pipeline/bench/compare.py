"""Build a commit and the working tree, and diff the files under their output/.

    make compare REF=<commit>          (or: python -m pipeline.bench.compare <commit> [--keep])

REF is exported with ``git archive`` into a temporary folder and built there from
scratch with its own Makefile (``make all``); the working tree is built in place with
``make all`` (only what is out of date). Then every file under the two output/ folders
is compared byte for byte. Any CSV that differs, or exists on one side only, makes the
exit status 1; other differing files (report.html, whitepapers.sqlite, …) are listed
but do not fail the comparison. A failed build exits 2.

To save time, when REF's pyproject.toml asks for the same dependencies as the working
tree's, REF runs on a small venv that reads the working tree's installed packages
(not its ``pipeline``, which REF brings itself); otherwise REF's Makefile creates and
installs its own .venv. The parsed-PDF page cache (interim/pdfcache) is copied over: its
entries are keyed by the PDF's bytes and the parser's code, so REF re-parses any page
its own parser would read differently.

Standard library only: it must run whatever state the package is in.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]   # the project (this is pipeline/bench/)
MAKE_VARIABLES = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
SHOWN_LINES = 6


def git(*args: str) -> str:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"compare: git {' '.join(args)} failed: "
                 f"{result.stderr.strip() or 'not a commit of this repository'}")
    return result.stdout.strip()


def export(commit: str, target: Path) -> None:
    """The files of ``commit`` (as committed, no build products) into ``target``."""
    target.mkdir(parents=True)
    archive = subprocess.Popen(["git", "archive", "--format=tar", commit], cwd=ROOT,
                               stdout=subprocess.PIPE)
    untar = subprocess.run(["tar", "-x", "-C", str(target)], stdin=archive.stdout)
    if archive.wait() != 0 or untar.returncode != 0:
        sys.exit(f"compare: could not export {commit} into {target}")


def dependencies(project: Path) -> tuple[object, ...]:
    """What a venv needs to run ``project``: its Python and its packages."""
    meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return (meta.get("requires-python"), meta.get("dependencies"),
            meta.get("optional-dependencies"))


def purelib(python: Path) -> str:
    return subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                           "'purelib'))"], capture_output=True, text=True,
                          check=True).stdout.strip()


def borrow_venv(project: Path) -> bool:
    """Give ``project`` a .venv that imports the working tree's installed packages but
    its own ``pipeline``; False when the working tree has no venv to borrow."""
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        return False
    venv = project / ".venv"
    subprocess.run([str(python), "-m", "venv", "--without-pip", str(venv)], check=True)
    # A path in a .pth file joins sys.path, but the .pth files inside it are not read:
    # the working tree's editable install of ``pipeline`` stays out.
    (Path(purelib(venv / "bin" / "python")) / "compare_borrowed.pth").write_text(
        purelib(python) + "\n", encoding="utf-8")
    found = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import pipeline; print(pipeline.__file__)"], cwd=project,
                           capture_output=True, text=True)
    if found.returncode != 0 or not Path(found.stdout.strip()).is_relative_to(project):
        sys.exit(f"compare: the borrowed venv does not import {project}/pipeline "
                 f"({found.stdout.strip() or found.stderr.strip()})")
    (venv / ".installed").touch()   # newer than pyproject.toml: the Makefile installs nothing
    return True


def build(project: Path, label: str) -> float:
    """``make all`` in ``project``; its seconds. Exits 2 when the build fails."""
    env = {k: v for k, v in os.environ.items() if k not in MAKE_VARIABLES}
    env.update(WHITEPAPER_ROOT=str(project), TQDM_DISABLE="1")
    env.pop("VIRTUAL_ENV", None)
    print(f"compare: building {label} in {project} …", flush=True)
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", "all"], cwd=project, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        print(f"compare: `make all` failed for {label} (exit {result.returncode})",
              file=sys.stderr)
        sys.exit(2)
    print(f"compare: built {label} in {seconds:.0f} s", flush=True)
    return seconds


def files_under(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.is_file()}


def first_differences(old: Path, new: Path) -> list[str]:
    """The first differing lines of two text files, as a unified diff without context."""
    a = old.read_text(encoding="utf-8", errors="replace").splitlines()
    b = new.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = [ln for ln in difflib.unified_diff(a, b, "ref", "work", n=0, lineterm="")
             if not ln.startswith(("---", "+++"))]
    shown = [f"      {ln[:160]}" for ln in lines[:SHOWN_LINES]]
    if len(lines) > SHOWN_LINES:
        shown.append(f"      … {len(lines) - SHOWN_LINES} more diff lines")
    return [f"      rows: {len(a)} in ref, {len(b)} in work", *shown]


def compare_outputs(ref: Path, work: Path, label: str) -> int:
    """Print what differs between two output/ folders; the number of CSV differences."""
    old, new = files_under(ref), files_under(work)
    names = sorted(old.keys() | new.keys())
    csv = [n for n in names if n.endswith(".csv")]
    only_ref = [n for n in names if n not in new]
    only_work = [n for n in names if n not in old]
    differ = [n for n in names if n in old and n in new
              and old[n].read_bytes() != new[n].read_bytes()]
    csv_bad = [n for n in csv if n in only_ref or n in only_work or n in differ]
    print(f"\ncompare: output/ of {label} (ref) and of the working tree (work)")
    print(f"  {len(names)} files, {len(csv)} CSV: {len(csv) - len(csv_bad)} CSV identical, "
          f"{len(csv_bad)} differ")
    for name in csv_bad:
        side = "only in ref" if name in only_ref else "only in work" if name in only_work \
            else "differs"
        print(f"  CSV {side}: {name}")
        if side == "differs":
            print("\n".join(first_differences(old[name], new[name])))
    for name in (n for n in names if n not in csv):
        if name in only_ref or name in only_work or name in differ:
            side = "only in ref" if name in only_ref else "only in work" \
                if name in only_work else "differs"
            print(f"  other file {side}: {name}")
    print("compare: " + ("every CSV is byte-identical" if not csv_bad
                         else f"{len(csv_bad)} CSV differ"))
    return len(csv_bad)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="a commit (hash, branch, HEAD~1 …) to compare with")
    parser.add_argument("--keep", action="store_true", help="keep REF's temporary build")
    args = parser.parse_args(argv)
    commit = git("rev-parse", "--verify", "--quiet", f"{args.ref}^{{commit}}")
    label = args.ref if commit.startswith(args.ref) else f"{args.ref} ({commit[:7]})"
    scratch = Path(tempfile.mkdtemp(prefix="compare-"))
    try:
        project = scratch / "ref"
        export(commit, project)
        same = dependencies(project) == dependencies(ROOT)
        if not (same and borrow_venv(project)):
            print("compare: REF's dependencies differ: its Makefile installs its own .venv")
        cache = ROOT / "interim" / "pdfcache"
        if cache.is_dir():
            shutil.copytree(cache, project / "interim" / "pdfcache")
        ref_seconds = build(project, label)
        work_seconds = build(ROOT, "the working tree")
        print(f"compare: build times {ref_seconds:.0f} s (ref, from scratch), "
              f"{work_seconds:.0f} s (work, what was out of date)")
        return 1 if compare_outputs(project / "output", ROOT / "output", label) else 0
    finally:
        if args.keep:
            print(f"compare: kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
