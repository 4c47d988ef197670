"""Dependencies point one way: library stages never import the command line, no production stage imports the
simulator or the evaluation layer, and no module imports itself through others (an import cycle).

Read statically (ast) from src/zicht, function-level imports included (a lazy import is still a dependency);
imports under `if TYPE_CHECKING:` are left out (they never run).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    """Imports under `if TYPE_CHECKING:`: for annotations only, never run."""
    blocks = [
        n for n in ast.walk(tree) if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING"
    ]
    return {inner for block in blocks for inner in ast.walk(block)}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in names if name == "zicht" or name.startswith("zicht.")}


GRAPH = {_module(path): _imports(path) for path in (SRC / "zicht").rglob("*.py")}


def _is_command_layer(module: str) -> bool:
    return module in ("zicht", "zicht.cli", "zicht.__main__") or module.endswith(".commands")


def _imports_package(module: str, package: str) -> list[str]:
    return sorted(name for name in GRAPH[module] if name == package or name.startswith(package + "."))


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if not _is_command_layer(m)))
def test_no_library_module_imports_the_command_line(module: str) -> None:
    assert _imports_package(module, "zicht.cli") == []


PRODUCTION = sorted(
    m
    for m in GRAPH
    if not _is_command_layer(m)
    and not m.startswith(("zicht.simulate", "zicht.evaluate"))
    and m != "zicht.pipeline.demo"  # the demo is the simulated market run through the real chain
)


@pytest.mark.parametrize("module", PRODUCTION)
def test_no_production_stage_imports_the_simulator_or_the_evaluation(module: str) -> None:
    assert _imports_package(module, "zicht.simulate") == []
    assert _imports_package(module, "zicht.evaluate") == []


def test_no_import_cycle_between_modules() -> None:
    """Function-level imports count too: one module reaching into another that imports it is a knot."""
    graph = {module: {t for t in targets if t in GRAPH and t != module} for module, targets in GRAPH.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + ".") or node.startswith(nxt + "."):
                continue  # a package and its own submodules (re-exports, relative helpers)
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
