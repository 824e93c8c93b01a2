"""PDF through LibreOffice, with the Word font names mapped to free CJK fonts by fontconfig.

Word/WPS users have 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312; a Linux machine has Fandol and
Noto CJK. `fonts/fonts.conf` (shipped inside the package) aliases one to the other, so the PDF
shows 仿宋/黑体/楷体 faces rather than a fallback sans or empty boxes.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from .errors import MkreportError, os_error_zh
from .output import write_atomic
from .resources import packaged_file


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise MkreportError("生成 PDF 需要 LibreOffice，但本机没有找到 soffice。请先安装 LibreOffice 和中文字体："
                        f"Debian/Ubuntu 上运行 `sudo bash {packaged_file('fonts', 'install.sh')}`；"
                        "或者不加 --pdf，只生成 .docx。")


_GRID = re.compile(rb'<w:docGrid(?=[^>]*w:type="linesAndChars")(?=[^>]*w:charSpace="(-?\d+)")[^>]*/>')
_PITCH = re.compile(rb'w:linePitch="\d+"')


def for_libreoffice(data: bytes) -> bytes:
    """The .docx as LibreOffice needs it to lay out what Word does.

    GB/T 9704's 28 characters of 3号 on a 156 mm line come from Word's character grid, which
    narrows each character to the grid's pitch. LibreOffice sets a 16 pt character on a 15.79 pt
    grid across two cells (14 characters a line), and breaks lines wrongly if the text is also
    condensed. For LibreOffice the grid keeps its lines only, and the body text is condensed by the
    pitch's difference instead: the same 28 × 22 page. The .docx users receive is not changed."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        m = _GRID.search(z.read("word/document.xml")) if "word/document.xml" in z.namelist() else None
    if m is None:
        return data
    condense = int(m.group(1)) * 20 // 4096 - 1        # twentieths of a point, rounded away from zero
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            part = zin.read(item.filename)
            if item.filename == "word/document.xml":
                part = _GRID.sub(lambda g: b'<w:docGrid w:type="lines" ' + b" ".join(_PITCH.findall(g.group(0)))
                                 + b"/>", part)
            elif item.filename == "word/styles.xml":
                part = re.sub(rb'(<w:style w:type="paragraph" w:default="1" w:styleId="[^"]+">.*?<w:rPr>'
                              rb'(?:<w:rStyle[^>]*/>)?(?:<w:rFonts[^>]*/>)?)',
                              lambda s: s.group(1) + f'<w:spacing w:val="{condense}"/>'.encode(), part,
                              count=1, flags=re.S)
            zout.writestr(item, part)
    return out.getvalue()


PDF_SECONDS = 180


def to_pdf(docx: Path, pdf: Path | None = None) -> Path:
    from . import cleanup

    exe = soffice()
    pdf = pdf or docx.with_suffix(".pdf")
    env = dict(os.environ)
    fonts_conf = packaged_file("fonts", "fonts.conf")
    if fonts_conf.is_file():
        env["FONTCONFIG_FILE"] = str(fonts_conf)
    tmp = cleanup.temp_folder("mkreport-")
    try:
        # a private profile: a user's running LibreOffice would otherwise swallow the request
        profile = Path(tmp, "profile").as_uri()
        # LibreOffice's own scratch files (lu*.tmp) too: killed, it cannot remove them itself
        Path(tmp, "scratch").mkdir()
        env["TMPDIR"] = env["TMP"] = env["TEMP"] = str(Path(tmp, "scratch"))
        source = Path(tmp) / docx.name
        source.write_bytes(for_libreoffice(docx.read_bytes()))
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(source)]
        proc = cleanup.start(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            code = proc.wait(timeout=PDF_SECONDS)
        except subprocess.TimeoutExpired:
            cleanup.stop(proc)       # soffice and the soffice.bin it started
            raise MkreportError(f"LibreOffice 转换 PDF 超过 {PDF_SECONDS} 秒未完成，已停止。", str(docx)) from None
        except BaseException:
            cleanup.stop(proc)
            raise
        cleanup.finished(proc)
        produced = Path(tmp) / (docx.stem + ".pdf")
        if code != 0 or not produced.is_file():
            raise MkreportError(f"LibreOffice 未能把 {docx.name} 转为 PDF（退出码 {code}）。请确认 LibreOffice 能正常启动"
                                "（在终端运行 soffice --headless --version）。", str(docx))
        write_atomic(pdf, produced.read_bytes())
    except OSError as exc:
        raise MkreportError(f"转换 PDF 时出错：{os_error_zh(exc)}。", str(docx)) from None
    finally:
        cleanup.remove_folder(tmp)
    return pdf
