"""Stages talk through their artefacts only: no stage module imports the runner or
another stage's modules (beyond the shared rule libraries listed below), and only
``pipeline/run/`` names the order of the stages. Read from the source (``ast``), so an
import inside a function counts too."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from pipeline.run.build import ORDER, STAGES

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
STAGE_PACKAGES = ("extract", "structure", "nlp", "tagging", "tables", "publish")

# Modules of a stage package that other stages may import, and why. Each is a library of
# rules or the one token, not a stage's entry or its artefact reading/writing (those go
# through ``pipeline.artefacts``).
SHARED = {
    # the one tokenizer: a stage reading the nlp stage's Docs makes its pipeline with it
    "pipeline.nlp.tokenizer": "make_nlp",
    # the one token record, and tokenize() for text in no Doc (a table cell)
    "pipeline.nlp.tokens": "Token, tokenize",
    # the Doc attributes the nlp stage sets (doc._.para_id, readings)
    "pipeline.nlp.extensions": "Doc attributes of the Docs artefact",
    # organisation rules: the tables stage types table cells with them
    "pipeline.tagging.entities.orgs": "find_orgs, may_be_one_org",
    "pipeline.tagging.entities.org_words": "organisation suffix words",
    # number rules: the tables stage reads the number a cell holds (find_numbers) and the
    # unit its header names (the units counters.tsv lists)
    "pipeline.tagging.quantities": "find_numbers",
    "pipeline.tagging.counters": "unit_of, NOT_UNITS",
}
# shared code outside the stages: may import no stage module's entry, nor the runner
COMMON = ("artefacts.py", "schemas.py", "config.py", "errors.py", "common")


def python_files(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports; ``from a import b`` counts as ``a.b`` when ``b`` is
    a module of the package, else as ``a``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if is_module(candidate) else node.module)
    return found


def is_module(name: str) -> bool:
    parts = name.split(".")
    if parts[0] != "pipeline":
        return False
    base = PACKAGE.joinpath(*parts[1:])
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def package_of(path: Path) -> str | None:
    """The stage package ``path`` belongs to, if any."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in STAGE_PACKAGES else None


def is_shared(module: str) -> bool:
    return any(module == s or module.startswith(s + ".") for s in SHARED)


def forbidden_imports(path: Path, own: str | None) -> list[str]:
    bad = []
    for module in sorted(imported_modules(path)):
        parts = module.split(".")
        if parts[0] != "pipeline" or len(parts) < 2:
            continue
        if parts[1] == "run":
            bad.append(module)
        elif parts[1] in STAGE_PACKAGES and parts[1] != own and not is_shared(module):
            bad.append(module)
    return bad


def test_no_stage_module_imports_the_runner_or_another_stage() -> None:
    found = {}
    for path in python_files(PACKAGE):
        own = package_of(path)
        if own is None:
            continue
        bad = forbidden_imports(path, own)
        if bad:
            found[str(path.relative_to(PACKAGE))] = bad
    assert found == {}


def test_every_shared_module_is_used_by_another_stage() -> None:
    """The allow-list stays minimal: an entry no other stage imports is removed."""
    used = {module for path in python_files(PACKAGE) if (own := package_of(path))
            for module in imported_modules(path)
            if module.split(".")[1:2] != [own] and is_shared(module)}
    assert set(SHARED) == {s for s in SHARED if any(m == s or m.startswith(s + ".")
                                                    for m in used)}


def test_shared_code_imports_no_stage_entry_nor_the_runner() -> None:
    found = {}
    for name in COMMON:
        target = PACKAGE / name
        for path in (python_files(target) if target.is_dir() else [target]):
            bad = [m for m in forbidden_imports(path, None)
                   if m.split(".")[1] == "run" or m.endswith(".stage") or ".publish" in m]
            if bad:
                found[str(path.relative_to(PACKAGE))] = bad
    assert found == {}


def test_the_walk_sees_imports_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from pipeline.run.build import ORDER\n"
                      "    from pipeline.nlp import tokenizer\n", encoding="utf-8")
    assert forbidden_imports(source, "tagging") == ["pipeline.run.build"]
    assert forbidden_imports(source, "tables") == ["pipeline.run.build"]


def stage_literals(tree: ast.AST) -> Iterator[set[str]]:
    """The string constants of every tuple, list, set and dict literal of ``tree``."""
    for node in ast.walk(tree):
        items: list[ast.expr | None] = []
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        yield {item.value for item in items
               if isinstance(item, ast.Constant) and isinstance(item.value, str)}


def test_only_the_runner_names_the_stage_order() -> None:
    assert ORDER == STAGE_PACKAGES
    modules = set(STAGES)
    naming = []
    for path in python_files(PACKAGE):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lists_every_stage = any(set(ORDER) <= strings or modules <= strings
                                for strings in stage_literals(tree))
        names_an_entry = any(isinstance(node, ast.Constant) and node.value in modules
                             for node in ast.walk(tree))
        if lists_every_stage or names_an_entry:
            naming.append(str(path.relative_to(PACKAGE)))
    assert naming == ["run/build.py"]
