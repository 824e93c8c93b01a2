"""PDF through LibreOffice, with the Word font names mapped to free CJK fonts by fontconfig.

Word/WPS users have 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312; a Linux machine has Fandol and
Noto CJK. `fonts/fonts.conf` (shipped inside the package) aliases one to the other, so the PDF
shows 仿宋/黑体/楷体 faces rather than a fallback sans or empty boxes.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

from ..core.errors import MkreportError, os_error_zh
from ..core.output import write_atomic
from ..core.resources import packaged_file


def soffice() -> str:
    """LibreOffice's command: MKREPORT_SOFFICE if set, else soffice on PATH, else where its installers put it
    (Windows installs it without adding it to PATH; so does the macOS app)."""
    chosen = os.environ.get("MKREPORT_SOFFICE")
    if chosen:
        if Path(chosen).is_file():
            return chosen
        raise MkreportError(f"环境变量 MKREPORT_SOFFICE 指向的 {chosen} 不存在：请改为 soffice 的完整路径，或删去这个变量。")
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _installed_places():
        if place.is_file():
            return str(place)
    raise MkreportError("生成 PDF 需要 LibreOffice，但本机没有找到 soffice。" + _how_to_install())


def _installed_places() -> list[Path]:
    """Where LibreOffice's own installers put soffice on Windows and macOS."""
    roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
    windows = [Path(r) / "LibreOffice" / "program" / "soffice.exe" for r in roots if r]
    return windows + [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]


def _how_to_install() -> str:
    if os.name == "nt":
        return ("请从 https://zh-cn.libreoffice.org 下载安装 LibreOffice（安装在其他位置时，把环境变量 MKREPORT_SOFFICE "
                "设为 soffice.exe 的完整路径）；或者不加 --pdf，只生成 .docx。")
    return (f"请先安装 LibreOffice 和中文字体：Debian/Ubuntu 上运行 `sudo bash {packaged_file('fonts', 'install.sh')}`；"
            "其他系统从 https://zh-cn.libreoffice.org 安装（装在别处时把环境变量 MKREPORT_SOFFICE 设为 soffice 的完整路径）；"
            "或者不加 --pdf，只生成 .docx。")


def for_libreoffice(data: bytes) -> bytes:
    """The .docx as delivered, with nothing to fetch: LibreOffice lays out the very file users receive.

    Its styles set the text on the character grid one cell a character in LibreOffice as in Word
    (wordml/chargrid.py), so the page is 28 × 22 in both without a copy made for LibreOffice. Only
    every relationship that points out of the file (links.py) is taken out: LibreOffice would load
    a linked image into the PDF from a URL or a local path. `check` refuses a template with such
    links; this is the second wall."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        linked = [i.filename for i in z.infolist() if i.filename.lower().endswith(".rels") and _links_out(z.read(i))]
    if not linked:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            part = zin.read(item.filename)
            zout.writestr(item, _kept_inside(part) if item.filename in linked else part)
    return out.getvalue()


def _links_out(rels: bytes) -> bool:
    from ..wordml.links import LinkProblem, relationships
    try:
        return bool(relationships("", rels))
    except LinkProblem:
        return True         # unreadable: emptied below rather than trusted


def _kept_inside(rels: bytes) -> bytes:
    """A .rels part without the relationships that point out of the file (an unreadable one without
    any: a PDF missing a picture is better than one holding a stranger's file)."""
    from lxml import etree

    from ..wordml.links import fetched

    try:
        root = etree.fromstring(rels, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                                                      load_dtd=False))
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None or root.getroottree().docinfo.doctype:
        return _NO_RELATIONSHIPS
    for rel in list(root):
        if fetched(rel.get("Type") or "", rel.get("TargetMode"), rel.get("Target") or ""):
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_NO_RELATIONSHIPS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')


# The profile each LibreOffice converting for us starts with. LibreOffice has no switch that turns
# its network off; these are the settings that keep it from reaching out: linked images are not
# loaded for a document outside its trusted locations (there are none), links are never updated
# on load, no macro runs, and whatever it still tried over http(s) goes to a proxy on this machine
# that nothing answers for it.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="SecureURL" oor:op="fuse"><value/></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value/></prop></item>
</oor:items>
"""

PDF_SECONDS = 180          # one file: LibreOffice converts a report in about a second
MAX_OFFICES = 8            # LibreOffice processes at once, each ~250 MB


def to_pdf(docx: Path, pdf: Path | None = None) -> Path:
    pdf = pdf or docx.with_suffix(".pdf")
    error = to_pdfs([(docx, pdf)]).get(str(pdf), "LibreOffice 未能转换。")
    if error:
        raise MkreportError(error, str(docx))
    return pdf


def to_pdfs(pairs: list[tuple[Path, Path]], jobs: int = 1, progress=None) -> dict:
    """PDFs of many .docx files from a few LibreOffice processes (one per core, up to
    MAX_OFFICES), each converting a run of files in one call with one profile: starting
    LibreOffice costs more than converting a report. A file that takes more than PDF_SECONDS
    fails alone: its LibreOffice is stopped and started again for the files after it.
    Returns {target: None, or the error message}."""
    from ..wordml.runs import chunks

    exe = soffice()
    results: dict = {}
    runs = [_Run(exe, chunk) for chunk in chunks(pairs, min(jobs, MAX_OFFICES, len(pairs)))]
    try:
        while any(not r.finished for r in runs):
            for r in runs:
                if not r.finished:
                    r.poll(results, progress)
            time.sleep(0.05)
    finally:
        for r in runs:
            r.close()
    return results


class _Run:
    """One LibreOffice converting a run of files in order, restarted past a file that hangs."""

    def __init__(self, exe: str, pairs: list):
        from ..core import cleanup

        self.exe, self.pairs = exe, pairs
        self.tmp = Path(cleanup.temp_folder("mkreport-"))
        (self.tmp / "scratch").mkdir()
        (self.tmp / "in").mkdir()
        (self.tmp / "out").mkdir()
        try:
            (self.tmp / "profile" / "user").mkdir(parents=True)
            (self.tmp / "profile" / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        except OSError as exc:
            raise MkreportError(f"转换 PDF 时出错：{os_error_zh(exc)}。") from None
        self.sources = []
        for i, (docx, _) in enumerate(pairs):
            source = self.tmp / "in" / f"{i:05d}.docx"
            try:
                source.write_bytes(for_libreoffice(docx.read_bytes()))
            except OSError as exc:
                raise MkreportError(f"转换 PDF 时出错：{os_error_zh(exc)}。", str(docx)) from None
            self.sources.append(source)
        self.next = 0              # the first file not yet taken from LibreOffice's output
        self.proc: subprocess.Popen | None = None
        self.finished = not pairs
        self._start()

    def _start(self) -> None:
        from ..core import cleanup

        env = dict(os.environ)
        fonts_conf = packaged_file("fonts", "fonts.conf")
        if fonts_conf.is_file():
            env["FONTCONFIG_FILE"] = str(fonts_conf)
        env["TMPDIR"] = env["TMP"] = env["TEMP"] = str(self.tmp / "scratch")
        profile = (self.tmp / "profile").as_uri()
        cmd = [self.exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(self.tmp / "out"), *map(str, self.sources[self.next:])]
        self.proc = cleanup.start(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.since = time.monotonic()

    def _produced(self, i: int) -> Path:
        return self.tmp / "out" / f"{i:05d}.pdf"

    def poll(self, results: dict, progress) -> None:
        from ..core import cleanup

        assert self.proc is not None        # started when made (_start)
        code = self.proc.poll()
        while self.next < len(self.pairs):
            # a file is whole once LibreOffice has finished the next one, or has ended
            if not (self._produced(self.next + 1) if code is None else self._produced(self.next)).exists():
                break
            self._take(self.next, results)
            self._advance(progress)
        if self.next >= len(self.pairs):
            cleanup.finished(self.proc)
            self.finished = True
            return
        if code is not None:           # ended without this file: it fails, the rest go on
            cleanup.finished(self.proc)
            docx, target = self.pairs[self.next]
            results[str(target)] = (f"LibreOffice 未能把 {docx.name} 转为 PDF（退出码 {code}）。请确认 LibreOffice "
                                    "能正常启动（在终端运行 soffice --headless --version），且该文件能用 Word 打开。")
            self._advance(progress)
        elif time.monotonic() - self.since > PDF_SECONDS:
            cleanup.stop(self.proc)    # and what it started
            # the files before the one it was stuck on were written whole (writing takes moments)
            while self.next < len(self.pairs) and self._produced(self.next).exists() and \
                    self._produced(self.next).stat().st_size > 0:
                self._take(self.next, results)
                self._advance(progress)
            if self.next >= len(self.pairs):
                self.finished = True
                return
            docx, target = self.pairs[self.next]
            results[str(target)] = f"LibreOffice 转换 {docx.name} 超过 {PDF_SECONDS} 秒未完成，已停止。"
            self._advance(progress)
        else:
            return
        if self.next < len(self.pairs):
            self._start()
        else:
            self.finished = True

    def _advance(self, progress) -> None:
        self.next += 1
        self.since = time.monotonic()
        if progress:
            progress()

    def _take(self, i: int, results: dict) -> None:
        docx, target = self.pairs[i]
        produced = self._produced(i)
        if produced.is_file() and produced.stat().st_size > 0:
            try:
                write_atomic(target, produced.read_bytes())
                results[str(target)] = None
            except MkreportError as exc:
                results[str(target)] = exc.message
            except OSError as exc:
                results[str(target)] = f"无法读取 LibreOffice 生成的 PDF：{os_error_zh(exc)}。"
        else:
            results[str(target)] = f"LibreOffice 未能把 {docx.name} 转为 PDF。"

    def close(self) -> None:
        from ..core import cleanup

        if self.proc is not None and self.proc.poll() is None:
            cleanup.stop(self.proc)
        elif self.proc is not None:
            cleanup.finished(self.proc)
        cleanup.remove_folder(str(self.tmp))
