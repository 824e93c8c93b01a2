"""The work of `mkreport text` (a report as text, git's textconv for .docx) and `mkreport init` (a
county's repository laid out for the edit → check → build → commit → diff loop). Nothing is
printed: each returns its result and says its lines to a listener (said.py)."""
from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..core.console import shown
from ..core.errors import MkreportError
from .said import Listener, Said

GITATTRIBUTES = """# mkreport：git diff 时把 Word 报告显示为文字（段落逐行、表格逐行），看得出哪句话、哪个数变了。
# 文字转换的命令记在本仓库的 git 设置中（mkreport init 已替你设置；新克隆的仓库运行一次 mkreport init .）。
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

`.gitattributes` 让 git 用 `mkreport text` 显示 Word 报告的文字。这条命令记在本仓库自己的 git 设置中
（用安装 mkreport 的那个 Python 的完整路径，不必先激活虚拟环境），新克隆本仓库、或重装了 mkreport 后，
在仓库中运行一次：

```
mkreport init .
```

（已有的文件不会被覆盖，只补上缺的文件夹和 git 设置。）
"""

FOLDER_NOTES = {
    "inputs": "各部门每年一个事实文件，如 工信局-2024.yaml。用 mkreport new 或 mkreport rollover 生成。\n",
    "rubrics": "本县的评分体系（.yaml）。可复制 mkreport list 显示的内置评分体系后按本县文件修改。\n",
    "templates": "本县的报告模板（.docx）。可复制内置模板后在 Word 或 WPS 中修改样式和措辞。\n",
    "outputs": "mkreport build 生成的报告，与事实文件一起提交，便于 git diff 查看变化。\n",
}


@dataclass
class TextResult:
    """What `text` read: the report's text (a paragraph per line, a table row per line, as git
    diff shows it), its lines, how many links out of the report it holds, and the lines said."""

    said: Said
    text: str = ""
    outside: int = 0
    code: int = 0

    @property
    def lines(self) -> list[str]:
        return self.text.rstrip("\n").split("\n")


def text(report: str, numbered: bool = False, listener: Listener | None = None) -> TextResult:
    """The text of the .docx at `report`; `numbered`: each line says where it is (第 30 段：)."""
    from ..core.reading import ReadProblem, read_limited
    from .plaintext import report_text
    from .verify import NotAReport, outside_links, outside_message

    said = Said(listener)
    said.step(f"读取 {shown(report)}。")
    try:
        data = read_limited(Path(report), 64 * 1024 * 1024, " Word 文档")
        result = TextResult(said, report_text(data, numbered))
    except (ReadProblem, NotAReport) as exc:
        raise MkreportError(f"无法读取报告：{exc}。", report) from None
    said.out(result.text.rstrip("\n"))
    outside = outside_links(data)
    if outside is not None and outside.total:      # on stderr: git diff shows the text unchanged
        result.outside = outside.total
        more = f"（共 {outside.total} 处）" if outside.total > 1 else ""
        said.err(f"注意：{shown(report)}：{outside_message(outside.shown[0])}{more}")
    return result


@dataclass
class InitResult:
    """What `init` made: the repository's folder, every file written (a county's own file is never
    replaced), the rubrics copied, what was said of git and whether git is set up, the lines said."""

    said: Said
    root: Path
    made: list[Path] = field(default_factory=list)
    rubrics: list[Path] = field(default_factory=list)
    git: str = ""
    git_ready: bool = False
    code: int = 0


def init(folder: str = ".", rubrics: tuple[str, ...] | list[str] = (), listener: Listener | None = None) -> InitResult:
    """Lay out a county's repository in `folder` (made when missing) and set up git there."""
    from ..core.output import write_atomic
    from .schemas import FILES, schema_text

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise MkreportError("这是一个文件，不是文件夹。", folder)
    said = Said(listener)
    result = InitResult(said, root)
    made = result.made
    for sub, note in FOLDER_NOTES.items():
        (root / sub).mkdir(parents=True, exist_ok=True)
        made += _write_new(root / sub / "说明.txt", note.encode("utf-8"), write_atomic)
    made += _write_new(root / ".gitattributes", GITATTRIBUTES.encode("utf-8"), write_atomic)
    made += _write_new(root / "README.md", README.format(name=root.resolve().name).encode("utf-8"), write_atomic)
    (root / "schema").mkdir(exist_ok=True)
    # the template reference too: TEMPLATE-NAME tells a county to look in schema/template.md;
    # generated now, so a rule kind of an installed package is in the rubric's schema
    for kind, name in FILES.items():
        made += _write_new(root / "schema" / name, schema_text(kind).encode("utf-8"), write_atomic)
    for ref in rubrics:
        copied = _copy_rubric(root, ref, write_atomic, said)
        result.rubrics += copied
        made += copied
    for path in made:
        said.info(f"已生成 {shown(path)}")
    said.step("设置 git：建立仓库（已有时不动），在仓库自己的设置中写入文字转换和 core.quotepath。")
    result.git = _git(root)
    result.git_ready = result.git.startswith("已")
    (said.info if result.git_ready else said.err)(result.git)     # done, or what to run by hand
    return result


def _write_new(path: Path, data: bytes, write) -> list[Path]:
    if path.exists():
        return []                  # a county's own file is never replaced
    write(path, data)
    return [path]


def _copy_rubric(root: Path, ref: str, write, said: Said) -> list[Path]:
    """A rubric (built in, of an installed package, or a path) copied into the county's rubrics/
    for the county to edit: the same name, so it now stands in for the one it came from; a first
    line sends the editor to schema/rubric.schema.json; its encoding and line ends kept."""
    from ..core.charset import encode
    from ..core.reading import ReadProblem, read_limited
    from ..model.lookup import RUBRIC, NotFound, resolve
    from ..model.yamlsource import MAX_BYTES, decode
    from .schemas import with_schema_line

    folder = root / "rubrics"
    try:
        found = resolve(RUBRIC, ref, folder / "本县.yaml", [root])
    except NotFound as exc:
        raise MkreportError(exc.message(), ref) from None
    said.step(f"评分体系“{shown(ref)}”：{shown(found.path)}。")
    target = folder / found.path.name
    if target.exists():
        said.note(f"{shown(target)} 已存在，未复制评分体系“{shown(ref)}”。")
        return []
    try:
        text, charset = decode(read_limited(found.path, MAX_BYTES, " YAML 文件"), str(found.path))
    except ReadProblem as exc:
        raise MkreportError(f"{exc}。", ref) from None
    return _write_new(target, encode(with_schema_line(text, "../schema/rubric.schema.json"), charset), write)


def textconv() -> str:
    """The command git runs to show a report as text: this very interpreter by its full path, so
    `git diff` works with no virtual environment activated (and not some other mkreport on PATH).
    git hands it to a shell, Git for Windows too: the path is quoted for one."""
    return f"{shlex.quote(Path(sys.executable).as_posix() if sys.platform == 'win32' else sys.executable)} -m generator text"


def _git(root: Path) -> str:
    """A git repository with the textconv set, where git is installed; else what to run."""
    conv = textconv()
    settings = [("diff.mkreport.textconv", conv),
                # Chinese file names as written (outputs/工信局-2024.docx), not as "\345\267…"
                ("core.quotepath", "off")]
    line = "；".join(f"git config {key} {shlex.quote(value)}" for key, value in settings)
    git = shutil.which("git")
    if git is None:
        return f"本机没有 git。装好 git 后在 {shown(root)} 中再运行一次 mkreport init ."
    try:
        inside = subprocess.run([git, "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True,
                                text=True, timeout=30).returncode == 0
        if not inside:
            subprocess.run([git, "init", "-q"], cwd=root, check=True, capture_output=True, timeout=30)
        for key, value in settings:     # the repository's own settings: no other repository changes
            subprocess.run([git, "config", "--local", key, value], cwd=root, check=True, capture_output=True,
                           timeout=30)
    except (OSError, subprocess.SubprocessError):
        return f"未能设置 git。请在 {shown(root)} 中运行：git init；{line}"
    done = ("已" + ("在已有的 git 仓库中" if inside else "建立 git 仓库并")
            + f"设置 git 的 mkreport 文字转换（{shown(conv)}）和中文文件名的显示（core.quotepath off）")
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
