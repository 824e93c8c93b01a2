"""Time to set and mend body paragraphs as LibreOffice sets them (wordml/linefit.py), by size.

    python bench/linefit_speed.py

For each kind of paragraph (a report's ordinary prose with figures, prose whose every line loses a long figure,
a long formula, digits without a break, a run of ideographs), the paragraph is built at 10 000, 20 000 and
40 000 characters and set with its lines mended (Setting.mend); the times are printed side by side, interleaved,
median of 3. A report's body holds some 30 000 characters in all; a document is mended for at most
DOCUMENT_LIMIT characters, so the last column bounds what one document can cost. Asserts nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from timing import sized_medians  # noqa: E402  (bench/ is not a package)

from generator.wordml.linefit import DOCUMENT_LIMIT, Measure, Setting, advance  # noqa: E402

BODY = Measure(16, 98, 442.25 - 1.4, 32)
PROSE = ("2023年“三公”经费决算支出19.85万元，较上年增加5.65万元，增幅39.79%，比年初预算数减少55.60万元，下降73.69%。"
         "部门整体支出绩效目标共15个，已实现13个，整体绩效目标完成率86.67%，按评分标准，得2.6分（扣0.4分）。")
PARAGRAPHS = {
    "报告正文": lambda n: (PROSE * (n // len(PROSE) + 1))[:n],
    "行行丢数": lambda n: (("甲乙丙丁戊" + "1234567890123") * (n // 18 + 1))[:n],
    "长算式": lambda n: ("（" + "0+3237.75+" * (n // 10) + "0）×100%=0%")[:n],
    "连续数字": lambda n: "1" * n,
    "整段汉字": lambda n: "一" * n,
}


def setting(text: str) -> Setting:
    return Setting(text, [advance(c, False, BODY) or 0.0 for c in text], BODY)


def main() -> None:
    sizes = [10_000, 20_000, 40_000]
    print(f"{'段落':<10}" + "".join(f"{s:>12,} 字" for s in sizes) + "   （秒，中位数）")
    for name, make in PARAGRAPHS.items():
        # set anew each time: a paragraph once mended has nothing left to mend
        times = sized_medians([make(s) for s in sizes], lambda text: setting(text).mend())
        print(f"{name:<10}" + "".join(f"{t:>14.3f}" for t in times))
    print(f"（一份文件至多处理 {DOCUMENT_LIMIT:,} 字的正文）")


if __name__ == "__main__":
    main()
