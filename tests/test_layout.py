"""The layout tells the architecture: stages as folders, each importing only earlier stages, and no
import cycle anywhere (module-level or inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

import eventwire

PKG = Path(eventwire.__file__).parent

# the pipeline's order; a stage may import itself and anything before it, never what comes after
STAGES = [
    ("model", "lexicon", "settings"),  # the shared ground every stage stands on
    ("ingest",),
    ("analyse",),
    ("link",),
    ("extract",),
    ("consolidate",),
    ("store",),
    ("run",),
    ("export",),
    ("web",),
    ("cli", "__main__"),
    ("__init__",),  # the public surface re-exports from every stage
]
RANK = {name: i for i, names in enumerate(STAGES) for name in names}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every eventwire module this file imports, at any depth of the file."""
    mod = _module_name(path)
    pkg = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[: len(pkg) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "eventwire":
                continue
            for alias in node.names:  # "from . import coref": a module, not a name
                sub = f"{target}.{alias.name}"
                out.add(sub if _exists(sub) else target)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "eventwire")
    out.discard(mod)
    return out


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PKG / rel).with_suffix(".py").exists() or (PKG / rel / "__init__.py").exists()


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in PKG.rglob("*.py") if "migrations" not in p.parts}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_belongs_to_a_stage() -> None:
    unknown = sorted({_stage(m) for m in _graph()} - set(RANK))
    assert not unknown, f"top-level modules or folders outside the stage list: {unknown}"


def test_no_stage_imports_a_later_stage() -> None:
    bad = [
        f"{mod} ({_stage(mod)}) imports {dep} ({_stage(dep)})"
        for mod, deps in _graph().items()
        for dep in deps
        if RANK[_stage(dep)] > RANK[_stage(mod)]
    ]
    assert not bad, "\n".join(sorted(bad))


def test_no_import_cycles() -> None:
    graph = _graph()
    # a package's __init__ importing its own submodules is how a package is built, not a cycle
    edges = {
        m: {d for d in deps if not (d.startswith(m + ".") and _is_package(m))} for m, deps in graph.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(edges.get(node, ())):
            if state.get(dep) == 1:
                cycles.append(stack[stack.index(dep) :] + [dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def _is_package(module: str) -> bool:
    return (PKG / Path(*module.split(".")[1:]) / "__init__.py").exists() if "." in module else True
