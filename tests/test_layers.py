"""The shape of generator/: no module imports another that (directly or through others) imports
it back — imports inside functions counted, since they are imports all the same."""
from __future__ import annotations

import ast
from pathlib import Path

from paths import ROOT

PACKAGE = ROOT / "generator"


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports(name: str, path: Path, known: dict) -> set[str]:
    """The generator modules `name` imports anywhere in its body (a package's __init__ excluded:
    importing generator.checks.prose runs generator/checks/__init__ only to find it)."""
    out: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found = [target + "." + a.name for a in node.names if target + "." + a.name in known]
            out.update(found or ([target] if target in known else []))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
    out.discard(name)
    out.discard("generator")          # its __init__ holds the version, imports nothing
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle():
    assert cycles(graph()) == []


# The layers of generator/, lowest first: a module imports only from its own layer and the ones before it.
LAYERS = ["core", "model", "derive", "wordml", "template", "checks", "render", "pipeline", "tasks", "lsp", "cli"]
# the modules at the top of the package, and the layer each belongs to
TOP = {"generator.pipeline": "pipeline", "generator.cli": "cli", "generator.entry": "cli", "generator.early_signals": "core",
       "generator.__main__": "cli", "generator.commands": "cli"}


def layer(module: str) -> str:
    parts = module.split(".")
    top = ".".join(parts[:2])
    if top in TOP:
        return TOP[top]
    assert parts[1] in LAYERS, f"{module}: in no layer (put it in one of {LAYERS})"
    return parts[1]


def test_every_module_is_in_a_layer():
    for name in modules():
        if name != "generator":
            assert layer(name) in LAYERS


def test_no_module_imports_from_a_layer_above_its_own():
    upward = sorted(f"{m} ({layer(m)}) → {d} ({layer(d)})" for m, deps in graph().items() if m != "generator"
                    for d in deps if LAYERS.index(layer(d)) > LAYERS.index(layer(m)))
    assert upward == []


def test_only_the_lsp_command_imports_the_language_server():
    """generator/lsp/ sits above the tasks: only `mkreport lsp` (commands/lsp.py) may load pygls."""
    importers = sorted(m for m, deps in graph().items() if not m.startswith("generator.lsp")
                       and any(d == "generator.lsp" or d.startswith("generator.lsp.") for d in deps))
    assert importers == ["generator.commands.lsp"]


def _defined_twice(cls: type) -> dict[str, list[str]]:
    """The methods more than one class of `cls`'s mixins defines (the later one is silently shadowed)."""
    seen: dict[str, list[str]] = {}
    for k in cls.__mro__:
        for name, value in vars(k).items():
            if k is not object and not name.startswith("__") and (
                    callable(value) or isinstance(value, (staticmethod, classmethod, property))):
                seen.setdefault(name, []).append(f"{k.__module__}.{k.__name__}")
    return {name: where for name, where in seen.items() if len(where) > 1}


def test_no_mixin_of_the_claim_reader_or_the_prose_checker_shadows_another():
    """The reader and the prose checker are each one class made of a module per concern: a method name two modules
    define makes one of them dead code, whichever comes later in the order of the bases."""
    from generator.checks.prose.checker import Checker
    from generator.derive.claims.grammar import _Reader
    assert _defined_twice(Checker) == {}
    assert _defined_twice(_Reader) == {}
