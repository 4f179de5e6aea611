"""The apps are layered: an app imports only the apps below it (docs/decisions/0002-couches.md).

The import graph is read from the source (every ``import``, deferred ones inside functions
included); an edge that goes up or sideways fails. ``api`` and the project's own modules
(settings, urls, wsgi) are wiring: they may import any app, and no app imports them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import balises

SRC = Path(balises.__file__).parent

LAYERS: list[tuple[str, ...]] = [
    ("core",),
    ("recherche", "graphiques"),
    ("referentiels", "territoires"),
    ("espaces",),
    ("trajectoires",),
    ("cooperation", "diagnostics"),
    ("valeur",),
    ("transferts",),
    ("fabrique",),
    ("rapports",),
    ("demo",),
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
WIRING = {"api", "(project)"}
PROJECT_MODULES = {"settings", "urls", "wsgi", "__main__", "__init__"}


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "balises" or len(parts) < 2:
        return "(project)" if module == "balises" else None
    if parts[1] in PROJECT_MODULES:
        return "(project)"
    # `from balises import __version__` reads an attribute of the package, not an app.
    return parts[1] if (SRC / parts[1]).is_dir() else None


def import_edges(root: Path = SRC) -> dict[tuple[str, str], list[str]]:
    """(importing app, imported app) → the files where it happens."""
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if "migrations" in relative.parts:
            continue
        here = "(project)" if len(relative.parts) == 1 else relative.parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [f"{node.module}.{a.name}" for a in node.names]
                names += [node.module] if node.module != "balises" else []
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            targets = {_app_of(name) for name in names} - {None, here}
            for target in targets:
                edges.setdefault((here, str(target)), []).append(str(relative))
    return edges


def violations(edges: dict[tuple[str, str], list[str]]) -> list[str]:
    found = []
    for (source, target), files in sorted(edges.items()):
        if source in WIRING:
            continue
        if target in WIRING:
            if target == "(project)" and all("bench" in f for f in files):
                continue  # bench settings extend the project's settings, on purpose
            found.append(f"{source} → {target} (wiring) in {', '.join(sorted(set(files)))}")
        elif source not in RANK or target not in RANK:
            found.append(f"{source} → {target}: app missing from LAYERS")
        elif RANK[target] >= RANK[source]:
            found.append(f"{source} → {target} in {', '.join(sorted(set(files)))}")
    return found


def test_every_app_imports_only_the_layers_below_it():
    found = violations(import_edges())
    assert not found, "Imports against the layers:\n  " + "\n  ".join(found)


def test_every_app_of_the_package_has_its_layer():
    apps = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps - WIRING - set(RANK) == set()


def test_an_import_going_up_is_reported():
    edges = {("espaces", "trajectoires"): ["espaces/x.py"], ("trajectoires", "espaces"): ["y"]}
    assert violations(edges) == ["espaces → trajectoires in espaces/x.py"]


def test_an_import_of_the_api_wiring_by_an_app_is_reported():
    assert violations({("cooperation", "api"): ["cooperation/api.py"]}) == [
        "cooperation → api (wiring) in cooperation/api.py"
    ]


def test_sideways_imports_within_a_layer_are_reported():
    assert violations({("cooperation", "diagnostics"): ["c.py"]}) == [
        "cooperation → diagnostics in c.py"
    ]
