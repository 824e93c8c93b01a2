"""`mkreport list`: every rubric, template and vocabulary a facts file here could name."""
from __future__ import annotations

import json
from pathlib import Path

from ..core import console
from ..core.console import shown
from ..model.lookup import COUNTY_VOCABULARY, KINDS, is_dir, nearest_file, visible


def run_list(where: str | None, fmt: str) -> None:
    start = Path(where or ".")
    folder = start if is_dir(start) else start.parent
    console.step(f"从 {shown(folder)} 查找：同一文件夹、向上最近的 rubrics/ templates/ vocabularies/、内置、已安装的包。")
    groups = {kind: visible(kind, [folder]) for kind in KINDS}
    county = nearest_file(folder, COUNTY_VOCABULARY)
    if fmt == "json":
        body: dict[str, object] = {kind.key: [{"name": e.name, "path": str(e.found.path), "origin": e.found.origin,
                            "shadows": [str(s.path) for s in e.shadows]} for e in entries]
                for kind, entries in groups.items()}
        body["county_vocabulary"] = str(county) if county else None
        console.out(json.dumps(body, ensure_ascii=False, indent=2))
        return
    lines = []
    for kind, entries in groups.items():
        lines.append(f"{kind.zh}（在{kind.named_in}中写 {kind.key}: 名字）：")
        if not entries:
            lines.append(f"  （没有；可放在 {kind.folder}/ 文件夹中）")
        width = max((_width(shown(e.name)) for e in entries), default=0)
        origin = max((_width(e.found.origin) for e in entries), default=0)
        for e in entries:
            lines.append(f"  {_pad(shown(e.name), width)}  {_pad(e.found.origin, origin)}  {shown(e.found.path)}")
            for s in e.shadows:
                lines.append(f"  {' ' * width}  （遮盖了{s.origin}的 {shown(s.path)}）")
    lines.append("本县正文词表（自动使用）：" + (shown(county) if county else
                                         f"没有（可在县文件夹中放一个 {COUNTY_VOCABULARY}）"))
    console.out("\n".join(lines))


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
