"""PDF through LibreOffice, with the Word font names mapped to free CJK fonts by fontconfig.

Word/WPS users have 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312; a Linux machine has Fandol and
Noto CJK. `fonts/fonts.conf` (shipped inside the package) aliases one to the other, so the PDF
shows 仿宋/黑体/楷体 faces rather than a fallback sans or empty boxes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import MkreportError
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


def to_pdf(docx: Path, pdf: Path | None = None) -> Path:
    exe = soffice()
    pdf = pdf or docx.with_suffix(".pdf")
    env = dict(os.environ)
    fonts_conf = packaged_file("fonts", "fonts.conf")
    if fonts_conf.is_file():
        env["FONTCONFIG_FILE"] = str(fonts_conf)
    with tempfile.TemporaryDirectory(prefix="mkreport-") as tmp:
        # a private profile: a user's running LibreOffice would otherwise swallow the request
        profile = Path(tmp, "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(docx)]
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            raise MkreportError("LibreOffice 转换 PDF 超过 180 秒未完成。", str(docx)) from None
        produced = Path(tmp) / (docx.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            raise MkreportError(f"LibreOffice 未能把 {docx.name} 转为 PDF：{(done.stderr or done.stdout).strip()[:300]}",
                                str(docx))
        write_atomic(pdf, produced.read_bytes())
    return pdf
