"""The national form's columns fit what they hold: on A4 portrait no figure, percentage or score
wraps inside its cell ("95.2/2%", "100.0/0%", "≥9/0%"), and the long texts (三级指标, 偏差原因)
take the rest. Read back from the built .docx and measured as render/tablefit.py measures a cell
(measure.em at its style's type size) plus the cell margins."""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from paths import ROOT

from generator.core.measure import em
from generator.render.tablefit import DEFAULT_MARGIN, cell_content
from generator.wordml.elements import grid_span, qn

EXAMPLES = ["national-form-project-2023.yaml", "shuili-2023.yaml"]
FIGURE = re.compile(r"[≥≤=]?(?P<number>[0-9][0-9.,]*%?)[\u3400-\u9fff]{0,6}")
UNIT_WRAPS_EM = 5      # a longer figure may wrap its Chinese unit (≥180 / 万立方米), never its number
A4_TEXT_TWIPS = 9638   # 170 mm: A4 less the template's 20 mm margins
OLD_WIDTHS_MM = [16, 15, 16, 27, 18, 18, 12, 14, 17, 17]      # the fixed widths before, for the firing twin


def too_narrow(docx: bytes) -> list[str]:
    """Each figure of the document's tables that its column cannot hold on one line (its number,
    for a figure whose unit may wrap): 'text: needs N twips, has M'."""
    from docx import Document

    from generator.wordml.styletable import style_table

    doc = Document(io.BytesIO(docx))
    sizes = style_table(doc)
    out = []
    for table in doc.tables:
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
        for tr in table._tbl.iterchildren(qn("w:tr")):
            at = 0
            for tc in tr.iterchildren(qn("w:tc")):
                span = grid_span(tc)
                text, size, width = cell_content(tc, sizes)
                has = sum(widths[at:at + span]) - 2 * DEFAULT_MARGIN
                at += span
                figure = FIGURE.fullmatch(text or "")
                if figure is None:
                    continue
                if em(text) > UNIT_WRAPS_EM:
                    width = em(figure["number"]) * size * 20
                if width > has:
                    out.append(f"{text}: needs {width:.0f} twips, has {has}")
    return out


def columns(docx: bytes) -> list[int]:
    from docx import Document

    doc = Document(io.BytesIO(docx))
    return [int(c.get(qn("w:w"))) for c in doc.tables[-1]._tbl.tblGrid.iterchildren(qn("w:gridCol"))]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, bytes]:
    """Every form example built (the department with its two projects), and the project's form with
    its funds all spent (执行率 100.00%) and a satisfaction of 100.00%."""
    from click.testing import CliRunner

    from generator.cli import main

    folder = tmp_path_factory.mktemp("forms")
    for name in EXAMPLES:
        shutil.copy(ROOT / "inputs" / name, folder / name)
    shutil.copytree(ROOT / "inputs" / "shuili-2023", folder / "shuili-2023")
    text = (folder / EXAMPLES[0]).read_text(encoding="utf-8")
    for old, new in [("final: 1150}", "final: 1200}"), ("final: 960}", "final: 1000}"), ("final: 40}", "final: 50}"),
                     ("rate: 95.83%", "rate: 100.00%"), ("score: 9.58", "score: 10"), ("total: 98.51", "total: 98.95")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / "all-spent.yaml").write_text(text, encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(main, ["build", *(str(folder / n) for n in [*EXAMPLES, "all-spent.yaml"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.docx"))}


def test_every_form_example_is_built(built):
    assert sorted(built) == ["all-spent.docx", "national-form-project-2023.docx", "shuili-2023-项目-农村供水保障工程.docx",
                             "shuili-2023-项目-小型水库除险加固.docx", "shuili-2023.docx"]


def test_no_figure_wraps_in_its_cell(built):
    """Every amount, rate, 分值, 得分 and numeric target or actual value fits its column on one line."""
    for name, docx in built.items():
        assert too_narrow(docx) == [], name
    cells = {t for docx in built.values() for t in _texts(docx)}
    assert {"95.83%", "100.00%", "≥90%", "95.22%", "≥1.2万亩", "≥180万立方米"} <= cells     # measured, not skipped


def test_the_long_texts_take_the_rest_of_a4(built):
    """The columns fill A4's text width exactly; 三级指标 and 偏差原因 (its two joined columns) are the widest."""
    for name, docx in built.items():
        widths = columns(docx)
        assert sum(widths) == A4_TEXT_TWIPS, name
        texts = [widths[3], widths[8] + widths[9]]
        assert min(texts) >= max(widths[:3] + widths[4:8]) * 9 // 10, (name, widths)
        assert min(texts) >= 5.5 * 10.5 * 20 + 2 * DEFAULT_MARGIN, (name, widths)


def test_the_fixed_widths_of_before_are_found_too_narrow(built):
    """The firing twin: the same document with the fixed widths it had before wraps 95.83% and more."""
    docx = built["all-spent.docx"]
    found = too_narrow(_with_widths(docx, [round(mm * 1440 / 25.4) for mm in OLD_WIDTHS_MM]))
    assert any(line.startswith("100.00%: ") for line in found), found


def _texts(docx: bytes) -> list[str]:
    from docx import Document

    return [c.text for t in Document(io.BytesIO(docx)).tables for r in t.rows for c in r.cells]


def _with_widths(docx: bytes, widths: list[int]) -> bytes:
    """The document with its tables' grid columns set to `widths`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                for grid in root.iter(qn("w:tblGrid")):
                    for col, w in zip(grid.iterchildren(qn("w:gridCol")), widths):
                        col.set(qn("w:w"), str(w))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(item, data)
    return out.getvalue()


def test_a_department_scaffolded_by_new_fits_too(tmp_path, run):
    """The department form `new` writes, filled (test_new.py), builds with every figure on one line."""
    from test_new import fill_department_form

    target = tmp_path / "水利局-2024.yaml"
    assert run("new", "--rubric", "national-form", "-o", str(target), "--year", "2024").exit_code == 0
    target.write_text(fill_department_form(target.read_text(encoding="utf-8")).replace("待填写", "示例县水利局"),
                      encoding="utf-8")
    assert run("build", str(target), "-o", str(tmp_path / "out")).exit_code == 0
    docx = Path(tmp_path / "out" / "水利局-2024.docx").read_bytes()
    assert too_narrow(docx) == [] and "95.17%" in _texts(docx)
