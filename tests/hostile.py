"""Megabyte payloads of every kind a hostile (or careless) facts file has shown: shared by the
hardening tests (which check each ends safely) and bench/hostile_check.py (which times them)."""
from __future__ import annotations


def payloads(size: int = 1_000_000) -> dict[str, str]:
    """Each kind, about `size` characters."""
    def fill(unit: str) -> str:
        return unit * max(1, size // len(unit))
    return {
        "ideographic-spaces": fill("收入\u3000"),
        "mixed-spaces": fill(" \u3000\u00a0\t"),
        "unclosed-braces": fill("{{"),
        "figures-in-one-sentence": fill("收入1万元，"),
        "half-width-punctuation": fill("收入1万元, 支出(2万元); "),
        "one-long-list": "其中：" + "、".join(f"项目{i}万元" for i in range(size // 12)),
        "deep-brackets": "（" * (size // 3) + "1万元" + "）" * (size // 3),
        "dates": fill("截止2023年12月31日，"),
        "latin": fill("abc def, "),
        "fact-references": fill("{{ finance.income.total.final }}"),
        "changes-and-rates": fill("比上年增加1.5万元，增长2.3%，"),
    }


def with_payload(base: str, text: str) -> str:
    """The example facts file with `text` as its 其他需要说明的情况 (a double-quoted YAML scalar)."""
    import json
    return base.replace("other_notes: 无。", "other_notes: " + json.dumps(text, ensure_ascii=False), 1)
