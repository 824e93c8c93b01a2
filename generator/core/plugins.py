"""Rule kinds and house styles published as packages of their own, found through entry points.

A province can publish a scoring rule kind or a template (a house style) without touching mkreport:
its package declares, in its own pyproject.toml,

    [project.entry-points."mkreport.rules"]
    share_cap = "mkreport_guangdong.rules:ShareCap"     # a generator.model.rules.RuleKind subclass
    [project.entry-points."mkreport.templates"]
    guangdong = "mkreport_guangdong.styles"             # a package holding guangdong.docx

and once it is installed beside mkreport, rubrics name the kind (`rule: {kind: share_cap}`) and
facts files or rubrics the template (`template: guangdong`) as they name the built-in ones (the
model is mkdocs's themes, found by name through the `mkdocs.themes` group).

Reading entry points means importing importlib.metadata and scanning every installed
distribution (some 25 ms), so it is done only for a name mkreport does not ship itself — a
`check` that uses only built-in names never does it — and at most once per group and process.
This module imports nothing of mkreport: the registries (rules.RULES, lookup) call it.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

RULES = "mkreport.rules"
TEMPLATES = "mkreport.templates"


class PluginError(Exception):
    """An installed package names something it cannot deliver; `message` says which package, in Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@cache
def published(group: str) -> dict:
    """name → entry point, for every installed package's entry in `group`. Where two packages
    publish one name, the first on sys.path wins, as it would for an import."""
    from importlib.metadata import entry_points

    out: dict = {}
    for ep in entry_points(group=group):
        out.setdefault(ep.name, ep)
    return out


def forget() -> None:
    """Read the entry points again next time (a package installed or removed while running; tests)."""
    published.cache_clear()


def provider(ep) -> str:
    """The package an entry point comes from, as a user would install it: `mkreport-guangdong 1.0`."""
    dist = getattr(ep, "dist", None)
    return f"{dist.name} {dist.version}" if dist is not None else ep.value


def load(group: str, name: str):
    """What the package publishing `name` in `group` points to; None when no package publishes it.
    A package that cannot deliver it (its import fails, the name is wrong) is a PluginError: one
    finding about that package, never a traceback of mkreport's."""
    ep = published(group).get(name)
    if ep is None:
        return None
    try:
        return ep.load()
    except Exception as exc:  # noqa: BLE001 - whatever the package's import raises is the package's problem
        raise PluginError(f"“{name}”由已安装的包 {provider(ep)} 提供（{ep.value}），但无法载入："
                          f"{type(exc).__name__}: {exc}。请检查或重新安装这个包。") from None


def template(name: str) -> Path | None:
    """The .docx of a house style a package publishes: `name`.docx inside the package its entry
    point names. None when no package publishes `name`."""
    module = load(TEMPLATES, name)
    if module is None:
        return None
    folder = next(iter(getattr(module, "__path__", None) or []), None)
    if folder is None:
        ep = published(TEMPLATES)[name]
        raise PluginError(f"“{name}”由已安装的包 {provider(ep)} 提供，但它的入口 {ep.value} 不是一个包（文件夹）："
                          f"入口应指向放着 {name}.docx 的包。")
    return Path(folder) / f"{name}.docx"


def template_names() -> list[str]:
    return sorted(published(TEMPLATES))


def rule_names() -> list[str]:
    return sorted(published(RULES))
