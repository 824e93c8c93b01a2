"""The delivered .docx, opened directly in LibreOffice, lays out GB/T 9704's page: 28 characters a line,
22 lines a page (issue 20). LibreOffice stands in for the suites that are not Word (WPS and others):
each file is converted by soffice itself, not through mkreport."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from paths import EXAMPLES, ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                 reason="LibreOffice or pdftotext not installed (.ci/run installs them)")]

LINE_PT = 28.95                                  # 225 mm / 22 lines
LEFT, RIGHT = 28 / 25.4 * 72, (28 + 156) / 25.4 * 72      # the type area's edges, in points
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_HANGING = "，。、；：？！”）"                       # a closing mark may hang past the right edge


def converted(docx: Path, out: Path) -> Path:
    """The PDF LibreOffice makes of the file as it is: no copy, no mkreport in between."""
    env = dict(os.environ, FONTCONFIG_FILE=str(ROOT / "fonts" / "fonts.conf"))
    subprocess.run(["soffice", f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   env=env, check=True, capture_output=True, timeout=300)
    return out / f"{docx.stem}.pdf"


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def lines(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """Each line of the page's type area (the page number below it left out) as (baseline, left, right, text)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    rows: dict[int, list] = {}
    for x0, _, x1, y1, text in _WORD.findall(html):
        if float(y1) < 760:                     # the type area ends 35 mm above the foot; the page number is below
            rows.setdefault(round(float(y1)), []).append((float(x0), float(x1), text))
    return [(y, min(w[0] for w in words), max(w[1] for w in words), "".join(w[2] for w in sorted(words)))
            for y, words in sorted(rows.items())]


def assert_28_by_22(pdf: Path) -> None:
    """The lines of Chinese that run from edge to edge of the type area hold 28 characters (a 29th where a
    closing mark hangs past the edge), none more; fewer only where the next character may not end a line or
    begin one (（ 、 ”), or a figure does not fit what is left — one line in ten at most. The pages of
    running text hold 22 lines, 28.95 pt apart."""
    full, pages_of_22 = [], 0
    for page in range(1, page_count(pdf) + 1):
        found = lines(pdf, page)
        gaps = {round(b[0] - a[0]) for a, b in zip(found, found[1:])}
        if gaps and gaps <= {28, 29, 30}:             # running text only, line after line (28.95 pt, rounded)
            assert len(found) <= 22, (page, found)
            pages_of_22 += len(found) == 22
        full += [len(text) - (len(text) == 29 and text[-1] in _HANGING) for _, left, right, text in found
                 if abs(left - LEFT) < 2 and right > RIGHT - 2 and not re.search(r"[\x00-\x7f]", text)]
    assert full and pages_of_22 >= 1, (full, pages_of_22)      # hunan's text has a figure on most lines: few
    assert max(full) == 28 and full.count(28) >= 0.9 * len(full), Counter(full)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_delivered_docx_lays_out_28_by_22_in_libreoffice_with_the_pages_of_the_pdf(built_pdf, tmp_path, name):
    """Each example's .docx converted by LibreOffice as it is: GB/T 9704's page, and page for page the PDF
    mkreport delivered with it."""
    pdf = converted(built_pdf / f"{name}.docx", tmp_path)
    assert_28_by_22(pdf)
    assert page_count(pdf) == page_count(built_pdf / f"{name}.pdf")


@pytest.mark.parametrize("line_height", ["exact", "grid"])
def test_a_report_from_a_template_made_in_word_lays_out_28_by_22_too(word_made, run, built_pdf, tmp_path, line_height):
    """A county's template made in Word, without the fit our templates are drawn with (its body's line height
    exact, or set by the grid): the report built from it is fitted as it is built, and lays out as the one from
    our template — GB/T 9704's page, the same number of pages."""
    out = tmp_path / "out"
    assert run("build", str(word_made(line_height)), "-o", str(out)).exit_code == 0
    pdf = converted(out / "yangxi-2023.docx", tmp_path)
    assert_28_by_22(pdf)
    assert abs(page_count(pdf) - page_count(built_pdf / "yangxi-2023.pdf")) <= 1
    # the 落款: the department's name centred over the date, the date four characters in, on the grid's lines
    found = lines(pdf, page_count(pdf) - 1)
    at = next(i for i, (_, _, _, text) in enumerate(found) if text == "2024年3月29日")
    (name_y, name_left, name_right, name), (date_y, date_left, date_right, _) = found[at - 1], found[at]
    assert name == "阳西县工业和信息化局" and abs(date_y - name_y - LINE_PT) < 1
    assert abs(date_right - (RIGHT - 4 * 16)) < 3 and abs((name_left + name_right) - (date_left + date_right)) / 2 < 3
