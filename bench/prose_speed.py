"""Time to read and check adversarial prose, by size: the claim reader must stay linear.

    python bench/prose_speed.py [--mb 1] [--only 分条,计划购置车辆]

For each kind of hostile text (runs of every kind of space, unclosed `{{`, thousands of figures in
one sentence, a 其中 list of thousands of items, deep brackets, 、-lists of labels before 分别为, long
runs of digits), the text is built at 1/20, 1/10, 1/5 and 1 × the size and read and checked as one field
of a facts file; the times are printed side by side, interleaved, median of 3. Linear time shows as a
time that doubles with the size up to the read limits (200,000 characters, 50,000 tokens, 3,000
figures in one text: see README, 输入的限制); past them it stays flat. The aim is ≤ 2 s for 1 MB on a
2-core machine.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from timing import sized_medians  # noqa: E402  (bench/ is not a package)

from generator.checks.prose import Checker  # noqa: E402
from generator.derive.claims import read  # noqa: E402
from generator.derive.values import FactView  # noqa: E402
from generator.derive.vocabulary import vocabulary  # noqa: E402
from generator.model.findings import Document, Findings  # noqa: E402
from generator.pipeline import load  # noqa: E402

SPACES = " \u3000\u00a0\u2002\u2003\u2009\u200b\t"
PAYLOADS = {
    "空白": lambda n: ("收入" + SPACES * (n // len(SPACES) + 1))[:n],
    "未闭合的 {{": lambda n: ("{{" * (n // 2 + 1))[:n],
    "一句中的数": lambda n: ("收入1万元，" * (n // 6 + 1))[:n],
    # (a sentence stops being read after MAX_FIGURES figures: so many short sentences too)
    "一句一个数": lambda n: ("收入1万元。" * (n // 6 + 1))[:n],
    "其中的项": lambda n: ("支出100万元，其中" + "基本支出1万元、" * (n // 8 + 1))[:n],
    "括号": lambda n: ("（" * (n // 2) + "收入1万元" + "）" * (n // 2))[:n],
    "分别为": lambda n: ("人员经费、" * (n // 5) + "分别为" + "1万元、" * 100)[:n],
    "长数字": lambda n: ("1" * n),
    "增减": lambda n: ("较上年增加" * (n // 5 + 1))[:n],
    "编号的项": lambda n: ("支出100万元，包括：" + "".join(f"（{c}）行政运行1万元。主要用于机关运转。" for c in "一二三四五六七八九十") * (n // 200 + 1))[:n],
    "字母算式": lambda n: ("全年预算数（A）100万元，全年执行数（B）98万元，预算执行率（B/A）98%，" * (n // 40 + 1))[:n],
    "机关名称": lambda n: ("县工信局会同市财政局" * (n // 10 + 1))[:n],
    "算式": lambda n: ("44÷45×100%=97.78%，" * (n // 18 + 1))[:n],
    "等号与数": lambda n: ("1+" * (n // 2) + "=" * 100 + "2")[:n],
    "节约与超支": lambda n: ("基本支出预算10万元，实支9万元，节支1万元，节约率10%，" * (n // 28 + 1))[:n],
    "人员与补助": lambda n: ("支出100万元，其中：" + "人员支出1万元，对个人和家庭补助支出1万元，" * (n // 22 + 1))[:n],
    "预算之后": lambda n: ("基本支出年初预算1万元，当年支出1万元，本年基本支出1万元，" * (n // 29 + 1))[:n],
    "称呼不明的其中": lambda n: ("资金支出合计100万元，其中：" + "基本支出1万元；项目支出1万元；" * (n // 16 + 1))[:n],
    "依次的增幅": lambda n: ("基本支出、项目支出分别为1万元和2万元，增幅为" + "1%和" * (n // 3 + 1))[:n],
    "完成比例": lambda n: ("新签约项目28个，完成目标任务25个的112%；" * (n // 22 + 1))[:n],
    "内设机构": lambda n: ("内设机构包括办公室、人事股等10个股室，" * (n // 20 + 1))[:n],
    "表头与一行": lambda n: ("单位名称 人员编制数 在职人数 退休人数 本部门 财政拨款 45 44 24 " * (n // 40 + 1))[:n],
    # 用文字写出的结余（一长串加减），和“机关运行经费”（金额相符时再读一遍）
    "加减与结余": lambda n: ("收入3237.75万元，" + "加上年结余1万元，减支出2万元，" * (n // 16) + "滚存结余0万元。")[:n],
    "机关运行经费": lambda n: ("2023年机关运行经费支出33.60万元，比2022年下降39.22%。" * (n // 32 + 1))[:n],
    # 分条的个数（“以下三个方面……一是……”）、计划购置车辆、绩效目标管理全覆盖之后的各来源、一连串占比
    "分条": lambda n: ("抓好以下三个方面的工作：一是稳外贸；二是促消费；三是保粮食；" * (n // 30 + 1))[:n],
    "计划购置车辆": lambda n: ("2023年计划购置车辆1辆、22万元，" * (n // 19 + 1))[:n],
    "绩效全覆盖": lambda n: ("本部门绩效目标管理全覆盖，涉及当年一般公共预算拨款1万元，政府性基金预算拨款0万元；" * (n // 44 + 1))[:n],
    # 一连串“金额，占P%”（一句之中，不写总数：按各项之和核对）
    "一连串占比": lambda n: ("教育支出41.30万元，占3.52%；" * (n // 19 + 1))[:n],
    # “包括……等N个”（每个“等”向前找“包括”）、只作分项的称呼（“其中：购置费……”向前找总数）、编号各项中唯一的金额
    "包括等N个": lambda n: (("包括" * 200 + "经费1万元等4个") * (n // 409 + 1))[:n],
    "分项称呼": lambda n: ("公务用车购置及运行费5万元，其中：购置费1万元、运行费4万元、" + "购置费、运行费、" * (n // 8))[:n],
    "编号各项": lambda n: ("共计100万元。具体如下：" + "".join(f"{k % 9 + 1}.专项。用于建设。安排经费1万元。" for k in range(n // 20)))[:n],
}


def main() -> None:
    mb = float(sys.argv[sys.argv.index("--mb") + 1]) if "--mb" in sys.argv else 1.0
    size = int(mb * 1_000_000)
    loaded = load(ROOT / "inputs" / "yangxi-2023.yaml")
    report = loaded.report
    view = FactView(report)
    voc, _ = vocabulary()
    _ = voc.lexicon    # built once, as in a run
    # below the read limit (reader.MAX_TEXT_CHARS, 0.2 MB) the time must double with the size; above it, the
    # rest of the text is not read and the time stays flat
    sizes = [size // 20, size // 10, size // 5, size]
    print(f"{'文字':<12}" + "".join(f"{s / 1e6:>10.2f} MB" for s in sizes) + "   （秒，中位数）")

    def check(text: str) -> None:
        reading = read(text, voc, report.year, (report.department.name,), kept=False)
        checker = Checker(report, view, {}, Document("bench"), Findings())
        checker.path, checker.text = ("other_notes",), text
        checker.check(reading)

    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    for name, make in PAYLOADS.items():
        if only is not None and name not in only:
            continue
        times = sized_medians([make(s) for s in sizes], check)
        print(f"{name:<12}" + "".join(f"{t:>13.3f}" for t in times))


if __name__ == "__main__":
    main()
