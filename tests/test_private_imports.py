"""Private names of typer and CPython are imported in two places only, and the
ones typer_compat uses still exist in the installed typer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
ALLOWED = {PACKAGE / "cli" / "typer_compat.py", PACKAGE / "compat.py"}
PRIVATE_MODULES = {"_pickle", "_sha256", "_sha2"}


def private_imports(tree: ast.AST) -> list[str]:
    """The private typer or CPython names a module imports."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            # The module itself if it is private, else each private name taken from it.
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            if found and name.startswith(found[-1] + "."):
                continue  # the module is already reported
            parts = name.split(".")
            if parts[0] in PRIVATE_MODULES or (
                parts[0] == "typer" and any(part.startswith("_") for part in parts[1:])
            ):
                found.append(name)
    return found


def test_the_scan_finds_what_it_looks_for() -> None:
    source = "import _pickle\nfrom typer.core import _main, TyperGroup\nfrom typer._coercion import X\n"
    assert private_imports(ast.parse(source)) == ["_pickle", "typer.core._main", "typer._coercion"]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_imports_outside_the_compat_modules(path: Path) -> None:
    if path in ALLOWED:
        return
    found = private_imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, (
        f"{path.relative_to(PACKAGE)} imports {found}: use timeline/compat.py or cli/typer_compat.py"
    )


def test_the_typer_internals_in_use_are_still_there() -> None:
    import importlib.metadata

    from timeline.cli import typer_compat

    gone = typer_compat.missing()
    version = importlib.metadata.version("typer")
    assert not gone, (
        f"typer {version} no longer has {', '.join(gone)}, which timeline/cli/typer_compat.py uses; "
        "update typer_compat.py for this typer (and the bound on typer in pyproject.toml)"
    )
