"""The import direction of the folders (README, Architecture): a fast check over the source, no services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

# What each folder must never import (a module or a package).
FORBIDDEN = {
    "models": ("schema", "resolvers", "workers", "app"),
    "integrations": ("schema", "resolvers", "workers", "app"),
    # Use cases take the services and the acting user, never the request; GraphQL stays in schema/.
    "resolvers": ("schema", "workers", "app.context", "app.loaders", "strawberry"),
    "workers": ("schema", "app.context"),
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_a_folder_imports_only_downwards(folder: str) -> None:
    wrong = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / folder).rglob("*.py")
        for module in _imports(path)
        if any(module == banned or module.startswith(f"{banned}.") for banned in FORBIDDEN[folder])
    }
    assert wrong == set()
