"""`mkreport text` (a report as text, git's textconv for .docx) and `mkreport init` (a county's
repository laid out for the edit → check → build → commit → diff loop)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError

GITATTRIBUTES = """# mkreport：git diff 时把 Word 报告显示为文字（段落逐行、表格逐行），看得出哪句话、哪个数变了。
# 需要在本仓库运行一次（mkreport init 已替你运行）：git config diff.mkreport.textconv "mkreport text"
*.docx diff=mkreport
"""

README = """# {name}：部门整体支出绩效自评报告

本仓库用 mkreport 维护各部门的事实文件和报告：每个数只写一次，报告由事实生成。

| 文件夹 | 放什么 |
|---|---|
| `inputs/` | 各部门每年一个事实文件（YAML），如 `inputs/工信局-2024.yaml` |
| `rubrics/` | 本县的评分体系（可从 `mkreport list` 显示的内置文件复制后修改） |
| `templates/` | 本县的报告模板（.docx，可从内置模板复制后在 Word 中修改） |
| `outputs/` | 生成的报告（.docx、PDF），与事实文件一起提交 |

## 一年的流程

```
mkreport new --rubric 评分体系名 -o inputs/工信局-2024.yaml --department 某某县工业和信息化局   # 新部门
mkreport rollover inputs/工信局-2023.yaml --year 2024 -o inputs/工信局-2024.yaml              # 或由上一年转入
mkreport check inputs/工信局-2024.yaml      # 列出待填写的项和所有问题（文件:行:列）
mkreport build inputs/工信局-2024.yaml      # 生成 outputs/工信局-2024.docx
git add -A && git commit -m "工信局 2024 年自评"
git diff HEAD~1 -- outputs/                 # 报告中哪句话、哪个数变了
```

`.gitattributes` 让 git 用 `mkreport text` 显示 Word 报告的文字；新克隆本仓库后运行一次：

```
git config diff.mkreport.textconv "mkreport text"
```
"""

FOLDER_NOTES = {
    "inputs": "各部门每年一个事实文件，如 工信局-2024.yaml。用 mkreport new 或 mkreport rollover 生成。\n",
    "rubrics": "本县的评分体系（.yaml）。可复制 mkreport list 显示的内置评分体系后按本县文件修改。\n",
    "templates": "本县的报告模板（.docx）。可复制内置模板后在 Word 或 WPS 中修改样式和措辞。\n",
    "outputs": "mkreport build 生成的报告，与事实文件一起提交，便于 git diff 查看变化。\n",
}


def run_text(report: str) -> int:
    from ..core.reading import ReadProblem, read_limited
    from ..tasks.plaintext import report_text
    from ..tasks.verify import NotAReport, outside_links, outside_message

    try:
        data = read_limited(Path(report), 64 * 1024 * 1024, " Word 文档")
        text = report_text(data)
    except (ReadProblem, NotAReport) as exc:
        raise MkreportError(f"无法读取报告：{exc}。", report) from None
    console.out(text.rstrip("\n"))
    outside = outside_links(data)
    if outside is not None and outside.total:      # on stderr: git diff shows the text unchanged
        more = f"（共 {outside.total} 处）" if outside.total > 1 else ""
        console.err(f"注意：{shown(report)}：{outside_message(outside.shown[0])}{more}")
    return ExitCode.OK


def run_init(folder: str) -> int:
    from ..core.output import write_atomic

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise MkreportError("这是一个文件，不是文件夹。", folder)
    made = []
    for sub, note in FOLDER_NOTES.items():
        (root / sub).mkdir(parents=True, exist_ok=True)
        made += _write_new(root / sub / "说明.txt", note, write_atomic)
    made += _write_new(root / ".gitattributes", GITATTRIBUTES, write_atomic)
    made += _write_new(root / "README.md", README.format(name=root.resolve().name), write_atomic)
    from ..core.resources import packaged_file
    (root / "schema").mkdir(exist_ok=True)
    # the template reference too: TEMPLATE-NAME tells a county to look in schema/template.md
    for name in ("facts.schema.json", "rubric.schema.json", "template.md"):
        source = packaged_file("schema", name)
        if source.is_file() and not (root / "schema" / name).exists():
            shutil.copyfile(source, root / "schema" / name)
            made.append(root / "schema" / name)
    for path in made:
        console.out(f"已生成 {shown(path)}")
    console.out(_git(root))
    return ExitCode.OK


def _write_new(path: Path, text: str, write) -> list[Path]:
    if path.exists():
        return []                  # a county's own file is never replaced
    write(path, text.encode("utf-8"))
    return [path]


def _git(root: Path) -> str:
    """A git repository with the textconv set, where git is installed; else what to run."""
    line = 'git config diff.mkreport.textconv "mkreport text"'
    git = shutil.which("git")
    if git is None:
        return f"本机没有 git。装好 git 后在 {shown(root)} 中运行：git init，然后 {line}"
    try:
        inside = subprocess.run([git, "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True,
                                text=True, timeout=30).returncode == 0
        if not inside:
            subprocess.run([git, "init", "-q"], cwd=root, check=True, capture_output=True, timeout=30)
        subprocess.run([git, "config", "diff.mkreport.textconv", "mkreport text"], cwd=root, check=True,
                       capture_output=True, timeout=30)
        # Chinese file names as written (outputs/工信局-2024.docx), not as \345\267…
        subprocess.run([git, "config", "core.quotepath", "false"], cwd=root, check=True, capture_output=True,
                       timeout=30)
    except (OSError, subprocess.SubprocessError):
        return f"未能设置 git。请在 {shown(root)} 中运行：git init，然后 {line}"
    done = "已" + ("在已有的 git 仓库中" if inside else "建立 git 仓库并") + f"设置 git 的 mkreport 文字转换（{line}）"
    if not _docx_diffs_as_text(git, root):
        # the folder's own .gitattributes (kept as it was) does not hand .docx to mkreport
        return (f"{done}；但 {shown(root / '.gitattributes')} 没有把 .docx 交给 mkreport，git diff 仍不会以文字显示报告："
                "请在其中加一行 *.docx diff=mkreport。")
    return f"{done}，git diff 将以文字显示 .docx。"


def _docx_diffs_as_text(git: str, root: Path) -> bool:
    """Whether git, as configured in `root`, diffs a report through mkreport (asked of git itself)."""
    try:
        out = subprocess.run([git, "check-attr", "diff", "--", "outputs/报告.docx"], cwd=root, capture_output=True,
                             text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return out.rstrip().endswith(": diff: mkreport")
