"""`mkreport verify`: a built report edited by hand, compared with its facts."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from docx import Document
from paths import ROOT

FACTS = str(ROOT / "inputs" / "yangxi-2023.yaml")


@pytest.fixture
def report(built, tmp_path) -> Path:
    """A copy of the built 阳西 report (conftest.py) in this test's folder, to edit as a user would."""
    path = tmp_path / "yangxi-2023.docx"
    shutil.copy(built / path.name, path)
    return path


def edit(path: Path, change) -> Path:
    doc = Document(str(path))
    change(doc)
    out = path.with_name("edited.docx")
    doc.save(str(out))
    return out


def paragraph_with(doc, text):
    return next((i, p) for i, p in enumerate(doc.paragraphs, 1) if text in p.text)


def replace_in_runs(p, old, new):
    for r in p.runs:
        if old in r.text:
            r.text = r.text.replace(old, new, 1)
            return
    raise AssertionError(old)


def test_an_untouched_report_matches(report, run):
    result = run("verify", str(report), FACTS)
    assert result.exit_code == 0 and "完全一致" in result.output


def test_a_figure_changed_by_hand_is_an_error_naming_its_paragraph(report, run):
    doc = Document(str(report))
    index, _ = paragraph_with(doc, "调整预算数7532.81万元")
    edited = edit(report, lambda d: replace_in_runs(paragraph_with(d, "调整预算数7532.81万元")[1], "7532.81", "7523.81"))
    result = run("verify", str(edited), FACTS)
    assert result.exit_code == 1
    assert f"{edited}: 错误 [VERIFY-FIGURE] 第 {index} 段：数字与事实文件不符（7532.81 → 7523.81）" in result.output
    assert "1 处数字不同" in result.output


def test_a_table_cell_is_named_by_table_row_and_column(report, run):
    def change(d):
        d.tables[0].rows[2].cells[1].paragraphs[0].runs[0].text = "653.70"
    result = run("verify", str(edit(report, change)), FACTS)
    assert result.exit_code == 1 and "[VERIFY-FIGURE] 第 1 张表第 3 行第 2 列：数字与事实文件不符（653.6 → 653.7）" in result.output


def test_wording_changes_that_keep_every_figure_are_warnings(report, run):
    def change(d):
        p = paragraph_with(d, "调整预算数7532.81万元")[1]
        replace_in_runs(p, "我局", "本局")
        d.add_paragraph("以上情况特此说明。")
    result = run("verify", str(edit(report, change)), FACTS)
    assert result.exit_code == 0, result.output
    assert "[VERIFY-TEXT] " in result.output and "原为“2023年，我局" in result.output and "增加了文字：“以上情况特此说明。”" in result.output
    assert "[VERIFY-FIGURE]" not in result.output


def test_a_paragraph_with_figures_deleted_or_added_is_an_error(report, run):
    def delete(d):
        p = paragraph_with(d, "调整预算数7532.81万元")[1]
        p._p.getparent().remove(p._p)
    result = run("verify", str(edit(report, delete)), FACTS)
    assert result.exit_code == 1 and "删去了含有数字的一段" in result.output
    result = run("verify", str(edit(report, lambda d: d.add_paragraph("另有收入12.5万元。"))), FACTS)
    assert result.exit_code == 1 and "增加了数字：“另有收入12.5万元。”" in result.output


def test_formatting_run_splits_and_accepted_insertions_do_not_count(report, run):
    def change(d):
        p = paragraph_with(d, "调整预算数7532.81万元")[1]
        run0 = p.runs[0]
        text = run0.text
        half = len(text) // 2
        run0.text = text[:half]
        second = copy.deepcopy(run0._r)
        run0._r.addnext(second)
        second.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t").text = text[half:]
        run0.bold = True
    result = run("verify", str(edit(report, change)), FACTS)
    assert result.exit_code == 0 and "完全一致" in result.output, result.output


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_a_figure_changed_with_track_changes_on_is_read_as_accepted(report, run):
    """Word's 修订: the deleted figure in w:delText, the new one in an insertion — what the report says once accepted."""
    from docx.oxml import parse_xml

    def change(d):
        p = paragraph_with(d, "调整预算数7532.81万元")[1]
        r = next(r for r in p.runs if "7532.81" in r.text)
        before, after = r.text.split("7532.81", 1)
        r.text = before
        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        tracked = [parse_xml(f'<w:del {ns} w:id="901" w:author="科员" w:date="2024-04-01T09:00:00Z"><w:r><w:delText>7532.81</w:delText></w:r></w:del>'),
                   parse_xml(f'<w:ins {ns} w:id="902" w:author="科员" w:date="2024-04-01T09:00:00Z"><w:r><w:t>7523.81</w:t></w:r></w:ins>'),
                   parse_xml(f'<w:r {ns}><w:t xml:space="preserve">{after}</w:t></w:r>')]
        anchor = r._r
        for el in tracked:
            anchor.addnext(el)
            anchor = el
    result = run("verify", str(edit(report, change)), FACTS)
    assert result.exit_code == 1 and "数字与事实文件不符（7532.81 → 7523.81）" in result.output, result.output


def test_paragraphs_in_a_content_control_are_compared_like_any_other(report, run):
    from docx.oxml import parse_xml

    def wrap(d):
        p = paragraph_with(d, "调整预算数7532.81万元")[1]._p
        sdt = parse_xml('<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                        '<w:sdtPr><w:alias w:val="收入"/></w:sdtPr><w:sdtContent/></w:sdt>')
        p.addprevious(sdt)
        sdt.find(f"{W}sdtContent").append(p)
    result = run("verify", str(edit(report, wrap)), FACTS)
    assert result.exit_code == 0 and "完全一致" in result.output, result.output


def test_thousands_separators_keep_a_figure(report, run):
    def change(d):
        replace_in_runs(paragraph_with(d, "调整预算数7532.81万元")[1], "7532.81", "7,532.81")
    result = run("verify", str(edit(report, change)), FACTS)
    assert result.exit_code == 0 and "[VERIFY-TEXT]" in result.output and "[VERIFY-FIGURE]" not in result.output, result.output


def test_a_text_box_word_writes_twice_is_read_once(report, run):
    """Word stores a text box as a drawing and again as a VML fallback: its text is one addition, not two."""
    from docx.oxml import parse_xml

    def add_box(d):
        p = paragraph_with(d, "调整预算数7532.81万元")[1]
        box = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
               'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
               'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
               'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
               '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>附注：单位万元</w:t>'
               '</w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
               '<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>附注：单位万元</w:t></w:r></w:p>'
               '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
        p._p.addnext(parse_xml(box))
    result = run("verify", str(edit(report, add_box)), FACTS)
    assert result.exit_code == 0 and "增加了文字：“附注：单位万元”" in result.output, result.output


def test_a_paragraph_moved_elsewhere_is_one_wording_change(report, run):
    def move(d):
        p = paragraph_with(d, "调整预算数7532.81万元")[1]._p
        target = paragraph_with(d, "三公")[1]._p
        target.addnext(p)
    result = run("verify", str(edit(report, move)), FACTS)
    assert result.exit_code == 0, result.output
    assert result.output.count("[VERIFY-TEXT]") == 1 and "段落位置有变动：“2023年，我局预算收入1747.99万元" in result.output
    assert "[VERIFY-FIGURE]" not in result.output


def split_after_first_sentence(d, change=None):
    """The paragraph of 调整预算数 split in two after its first sentence, as staff re-paragraph a report."""
    p = paragraph_with(d, "调整预算数7532.81万元")[1]
    text = p.text if change is None else change(p.text)
    cut = text.index("。") + 1
    second = copy.deepcopy(p._p)
    p._p.addnext(second)
    for para, part in ((p._p, text[:cut]), (second, text[cut:])):
        runs = para.findall(f"{W}r")
        for r in runs[1:]:
            para.remove(r)
        runs[0].find(f"{W}t").text = part


def test_a_paragraph_split_in_two_is_no_change(report, run):
    result = run("verify", str(edit(report, split_after_first_sentence)), FACTS)
    assert result.exit_code == 0 and "完全一致" in result.output, result.output


def test_a_figure_changed_in_a_split_paragraph_is_one_error_over_both_parts(report, run):
    doc = Document(str(report))
    index, _ = paragraph_with(doc, "调整预算数7532.81万元")
    edited = edit(report, lambda d: split_after_first_sentence(d, lambda t: t.replace("年初结转和结余9.42", "年初结转和结余9.24")))
    result = run("verify", str(edited), FACTS)
    assert result.exit_code == 1, result.output
    assert f"[VERIFY-FIGURE] 第 {index} 段至第 {index + 1} 段：数字与事实文件不符（9.42 → 9.24）" in result.output
    assert "1 处数字不同" in result.output


def test_what_cannot_be_compared_exits_2(report, run, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("不是 Word 文档", encoding="utf-8")
    result = run("verify", str(bad), FACTS)
    assert result.exit_code == 2 and "无法读取报告" in result.output and "不是有效的 Word 文档" in result.output
    broken = tmp_path / "broken.yaml"
    broken.write_text(Path(FACTS).read_text(encoding="utf-8").replace("year: 2023", "year: 二〇二三"), encoding="utf-8")
    (tmp_path / "rubrics").symlink_to(ROOT / "rubrics")
    result = run("verify", str(report), str(broken))
    assert result.exit_code == 2 and "事实文件有错误" in result.output
