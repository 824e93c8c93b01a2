"""The work of `mkreport list`: every rubric, template and vocabulary a facts file here could name,
where each one is, and what it shadows — as data, and as the lines the command says."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..core.console import shown
from ..model.lookup import COUNTY_VOCABULARY, KINDS, Entry, Kind, is_dir, nearest_file, visible
from .said import Listener, Said


@dataclass
class ListResult:
    """What `list` found: the folder looked from, each kind's entries (the winner of each name
    first, with what it shadows), the county's own vocabulary (None: there is none), the lines said."""

    said: Said
    folder: Path
    entries: dict[Kind, list[Entry]] = field(default_factory=dict)
    county_vocabulary: Path | None = None
    code: int = 0

    def names(self, kind: Kind) -> list[str]:
        return [e.name for e in self.entries.get(kind, [])]

    def as_json(self) -> dict:
        body: dict[str, object] = {kind.key: [{"name": e.name, "path": str(e.found.path), "origin": e.found.origin,
                                               "shadows": [str(s.path) for s in e.shadows]} for e in entries]
                                   for kind, entries in self.entries.items()}
        body["county_vocabulary"] = str(self.county_vocabulary) if self.county_vocabulary else None
        return body


def list_all(where: str | None = None, fmt: str = "text", listener: Listener | None = None) -> ListResult:
    """What a facts file at (or in the folder) `where` could name; `fmt`: the lines said, text or json."""
    start = Path(where or ".")
    folder = start if is_dir(start) else start.parent
    said = Said(listener)
    said.step(f"从 {shown(folder)} 查找：同一文件夹、向上最近的 rubrics/ templates/ vocabularies/、内置、已安装的包。")
    result = ListResult(said, folder, {kind: visible(kind, [folder]) for kind in KINDS},
                        nearest_file(folder, COUNTY_VOCABULARY))
    if fmt == "json":
        said.out(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        said.out("\n".join(_lines(result)))
    return result


def _lines(result: ListResult) -> list[str]:
    lines = []
    for kind, entries in result.entries.items():
        lines.append(f"{kind.zh}（在{kind.named_in}中写 {kind.key}: 名字）：")
        if not entries:
            lines.append(f"  （没有；可放在 {kind.folder}/ 文件夹中）")
        width = max((_width(shown(e.name)) for e in entries), default=0)
        origin = max((_width(e.found.origin) for e in entries), default=0)
        for e in entries:
            lines.append(f"  {_pad(shown(e.name), width)}  {_pad(e.found.origin, origin)}  {shown(e.found.path)}")
            for s in e.shadows:
                lines.append(f"  {' ' * width}  （遮盖了{s.origin}的 {shown(s.path)}）")
    county = result.county_vocabulary
    lines.append("本县正文词表（自动使用）：" + (shown(county) if county else
                                         f"没有（可在县文件夹中放一个 {COUNTY_VOCABULARY}）"))
    return lines


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
