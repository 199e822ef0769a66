"""The architecture, checked: which room may import which, no cycles, and rooms that stay small.

The rules (``docs/architecture.md`` draws them): ``models`` imports nothing else of the package;
``engine`` never imports ``resolve``; ``outputs`` never reaches Lark, directly or through another
module of the package; no import cycle; no function over 80 lines, no class over 200.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import REPO

PACKAGE = REPO / "scio_transcripts"
NAME = "scio_transcripts"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name | ast.Attribute) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str) -> set[str]:
    """Every module ``module`` imports, at any depth of its code, except under ``if TYPE_CHECKING``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            # "from . import lines" imports a module, not a name
            found.update(f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in MODULES)
        for inner in ast.iter_child_nodes(node):
            visit(inner)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


GRAPH = {module: {name for name in _imports(module) if name in MODULES} for module in MODULES}
EXTERNAL = {
    module: {name.split(".")[0] for name in _imports(module) if not name.startswith(NAME)} for module in MODULES
}


def _reach(module: str) -> set[str]:
    seen: set[str] = set()
    stack = [module]
    while stack:
        for child in GRAPH[stack.pop()] - seen:
            seen.add(child)
            stack.append(child)
    return seen


def _in(room: str) -> list[str]:
    return [module for module in MODULES if module == f"{NAME}.{room}" or module.startswith(f"{NAME}.{room}.")]


def test_models_import_nothing_else_of_the_package() -> None:
    assert GRAPH[f"{NAME}.models"] == set()


def test_the_engine_never_imports_resolution() -> None:
    offending = {module: sorted(GRAPH[module] & set(_in("resolve"))) for module in _in("engine")}
    assert {module: found for module, found in offending.items() if found} == {}


def test_outputs_never_reach_lark() -> None:
    """Outputs take models and give text: neither they nor anything they import imports Lark."""
    offending = {}
    for module in _in("outputs"):
        reached = {module, *_reach(module)}
        with_lark = sorted(name for name in reached if "lark" in EXTERNAL[name])
        if with_lark:
            offending[module] = with_lark
    assert offending == {}


def test_only_the_engine_and_the_dialects_import_lark() -> None:
    allowed = set(_in("engine")) | set(_in("dialects"))
    assert sorted(module for module in MODULES if "lark" in EXTERNAL[module] and module not in allowed) == []


def test_no_import_cycle() -> None:
    """Depth-first search for a back edge; the facade (``scio_transcripts``) is left out, as every
    submodule's import runs it first by Python's rules, not by any import of ours."""
    graph = {module: GRAPH[module] - {NAME} for module in MODULES if module != NAME}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for child in sorted(graph[module]):
            if state.get(child) == 1:
                cycles.append([*path[path.index(child) :], child] if child in path else [module, child])
            elif child not in state:
                visit(child, [*path, child])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def _sizes(kind: type[ast.AST]) -> dict[str, int]:
    found = {}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, kind) and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                assert node.end_lineno is not None
                found[f"{module}.{node.name}:{node.lineno}"] = node.end_lineno - node.lineno + 1
    return found


def test_no_function_over_80_lines() -> None:
    sizes = {**_sizes(ast.FunctionDef), **_sizes(ast.AsyncFunctionDef)}
    assert {name: lines for name, lines in sizes.items() if lines > 80} == {}


def test_no_class_over_200_lines() -> None:
    assert {name: lines for name, lines in _sizes(ast.ClassDef).items() if lines > 200} == {}
