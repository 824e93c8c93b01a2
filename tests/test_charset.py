"""Files saved by Notepad on a Chinese Windows (GBK "ANSI", UTF-16, UTF-8 with BOM; CRLF) are read
as they are, said once (ENCODING), positioned in characters, and written back the way they came."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from paths import ROOT

from generator.core.charset import Charset, Undecodable, decode, encode, glance
from generator.core.errors import InputError
from generator.model.yamlsource import decode as yaml_decode
from generator.model.yamlsource import read_yaml

YANGXI = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
RUBRIC = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8")

# how Notepad saves a file, and what mkreport must make of it
NOTEPAD = {
    "gbk-crlf": (lambda t: t.replace("\n", "\r\n").encode("gb18030"), Charset("gb18030", False, True)),
    "utf16le-bom-crlf": (lambda t: b"\xff\xfe" + t.replace("\n", "\r\n").encode("utf-16-le"),
                         Charset("utf-16-le", True, True)),
    "utf16be-bom": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), Charset("utf-16-be", True, False)),
    "utf16le-no-bom": (lambda t: t.encode("utf-16-le"), Charset("utf-16-le", False, False)),
    "utf16be-no-bom-crlf": (lambda t: t.replace("\n", "\r\n").encode("utf-16-be"), Charset("utf-16-be", False, True)),
    "utf8-bom-crlf": (lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"), Charset("utf-8", True, True)),
    "utf8": (lambda t: t.encode("utf-8"), Charset("utf-8", False, False)),
}


# ---- decoding and encoding -----------------------------------------------------------------------

@pytest.mark.parametrize("kind", NOTEPAD)
def test_each_way_notepad_saves_is_read_as_the_same_text_and_written_back_byte_for_byte(kind):
    save, charset = NOTEPAD[kind]
    data = save(YANGXI)
    text, found = decode(data)
    assert found == charset
    assert text.replace("\r\n", "\n") == YANGXI
    assert encode(text, found) == data
    # and text with LF alone (as rollover inserts lines) comes out with the file's own line ends
    assert encode(YANGXI, found) == data


def test_utf8_is_tried_before_gbk():
    """Text that is valid UTF-8 is UTF-8 (no warning), even where GB18030 would also read it."""
    data = "name: 阳西县工业和信息化局\n".encode()
    data.decode("gb18030")                          # GB18030 reads these bytes too, as other characters
    assert decode(data) == ("name: 阳西县工业和信息化局\n", Charset("utf-8"))


def test_a_stray_nul_in_a_utf8_file_is_not_taken_for_utf16():
    """One NUL is no UTF-16 (that takes NULs in a share of every pair): it stays a NUL, refused as such."""
    data = YANGXI.replace("other_notes: 无。", "other_notes: 无\x00。").encode("utf-8")
    data += b"\n" * (len(data) % 2)                 # an even length, as every UTF-16 file has
    text, charset = decode(data)
    assert charset.codec == "utf-8" and "\x00" in text
    with pytest.raises(InputError, match="空字符"):
        yaml_decode(data, "f.yaml")


def test_bytes_that_are_no_encoding_are_placed_in_characters():
    """A broken byte in a GBK file: line and column count characters (each 汉字 one column)."""
    good = "other_notes: 无".encode("gb18030")
    data = YANGXI.encode("gb18030").replace(good, good + b"\xff", 1)
    with pytest.raises(Undecodable) as err:
        decode(data)
    line = YANGXI[: YANGXI.index("other_notes: 无")].count("\n") + 1
    assert (err.value.line, err.value.col) == (line, len("other_notes: 无") + 1)
    assert "0xFF" in err.value.message and "GBK" in err.value.message


def test_a_truncated_utf16_file_names_its_bom():
    data = b"\xff\xfe" + "a: 阳西\nb: 1\n".encode("utf-16-le") + b"\x41"
    with pytest.raises(Undecodable) as err:
        decode(data)
    assert "UTF-16 LE" in err.value.message and (err.value.line, err.value.col) == (3, 1)


def test_read_yaml_positions_count_characters_in_gbk_and_utf16(tmp_path):
    line = "name: 阳西县工业和信息化局\nkey: {a: 值, b: 第二个}\n"
    for kind in ("gbk-crlf", "utf16le-bom-crlf", "utf8"):
        path = tmp_path / f"{kind}.yaml"
        path.write_bytes(NOTEPAD[kind][0](line))
        source = read_yaml(path)
        b = source.root.value["key"].value["b"]
        assert (b.value, b.line, b.col) == ("第二个", 2, 16), kind   # 值 is one column, not two bytes or three
        assert source.charset == NOTEPAD[kind][1]


def test_glance_reads_the_keys_of_a_utf16_file():
    assert "department:" in glance(NOTEPAD["utf16le-bom-crlf"][0](YANGXI)[:1001])
    assert "department:" in glance(NOTEPAD["utf16be-no-bom-crlf"][0](YANGXI))


# ---- check and build, end to end -------------------------------------------------------------------

# a facts file with two warnings on a line of Chinese (columns count characters), and one with an error
WARNED = YANGXI.replace("other_notes: 无。", "other_notes: 本年度无其他需要说明的情况;经费经费已全部使用。")
BROKEN = YANGXI.replace("{name: 5G基站建设, target: 179座,", "{name: 5G基站建设, direction: 大于, target: 179座,")


def _county(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / name
    shutil.copytree(ROOT / "rubrics", folder / "rubrics")
    (folder / "inputs").mkdir()
    path = folder / "inputs" / "工信局-2023.yaml"
    path.write_bytes(data)
    return path


def _findings(run, path: Path) -> tuple[int, list]:
    result = run("check", "--format", "json", str(path))
    body = json.loads(result.stdout)
    return result.exit_code, [(f["file"].replace(str(path), "FACTS"), f["line"], f["col"], f["code"], f["message"])
                              for f in body["findings"]]


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


@pytest.mark.parametrize("kind", ["gbk-crlf", "utf16le-bom-crlf"])
def test_check_and_build_a_notepad_file_as_its_utf8_original(tmp_path, run, kind):
    """The done-when of issue 22: the same exit code, the same findings at the same lines and
    columns plus one ENCODING warning, and a report with the same text."""
    original = _county(tmp_path, "utf8", WARNED.encode("utf-8"))
    saved = _county(tmp_path, kind, NOTEPAD[kind][0](WARNED))
    code, expected = _findings(run, original)
    assert code == 0 and [f[3] for f in expected] == ["TYPO-PUNCT", "TYPO-DOUBLED"]
    assert expected[0][1:3] == (WARNED[: WARNED.index("other_notes")].count("\n") + 1, 27)
    code, found = _findings(run, saved)
    assert code == 0
    encoding = [f for f in found if f[3] == "ENCODING"]
    assert len(encoding) == 1 and encoding[0][:3] == ("FACTS", 1, 1)
    assert NOTEPAD[kind][1].zh in encoding[0][4] and "mkreport rollover 由它转入的下一年文件沿用同一编码" in encoding[0][4]
    assert [f for f in found if f[3] != "ENCODING"] == expected
    built = run("build", str(original), "-o", str(tmp_path / "out-utf8"))
    assert built.exit_code == 0, built.output
    built = run("build", str(saved), "-o", str(tmp_path / f"out-{kind}"))
    assert built.exit_code == 0 and "[ENCODING]" in built.output, built.output
    ours = _text(tmp_path / f"out-{kind}" / "工信局-2023.docx")
    assert "本年度无其他需要说明的情况" in ours and ours == _text(tmp_path / "out-utf8" / "工信局-2023.docx")


@pytest.mark.parametrize("kind", ["gbk-crlf", "utf16le-bom-crlf", "utf8-bom-crlf"])
def test_errors_in_a_notepad_file_are_where_they_are_in_the_utf8_original(tmp_path, run, kind):
    code, expected = _findings(run, _county(tmp_path, "utf8", BROKEN.encode("utf-8")))
    assert code == 1 and [f[3] for f in expected] == ["SCHEMA"]
    line = BROKEN.split("\n")[expected[0][1] - 1]
    assert line[expected[0][2] - 1:].startswith("大于")         # the column of a character, not of a byte
    code, found = _findings(run, _county(tmp_path, kind, NOTEPAD[kind][0](BROKEN)))
    assert code == 1 and [f for f in found if f[3] != "ENCODING"] == expected


def test_utf8_with_bom_and_crlf_is_read_without_a_warning(tmp_path, run):
    """The clean twin: UTF-8, with a BOM or without, is no news; nor are CRLF line ends."""
    code, found = _findings(run, _county(tmp_path, "bom", NOTEPAD["utf8-bom-crlf"][0](WARNED)))
    assert code == 0 and [f[3] for f in found] == ["TYPO-PUNCT", "TYPO-DOUBLED"]
    assert run("check", "--strict", str(_county(tmp_path, "plain", NOTEPAD["utf8-bom-crlf"][0](YANGXI)))).exit_code == 0
    # ENCODING says how the file was read, not what is wrong in it: --strict does not count it (README), for
    # check and build alike; a real warning in the same file still counts
    gbk = _county(tmp_path, "gbk", NOTEPAD["gbk-crlf"][0](YANGXI))
    assert run("check", "--strict", str(gbk)).exit_code == 0
    assert run("build", "--strict", str(gbk), "-o", str(tmp_path / "out")).exit_code == 0
    assert list((tmp_path / "out").glob("*.docx"))
    warned = _county(tmp_path, "gbk-warned", NOTEPAD["gbk-crlf"][0](WARNED))
    assert run("check", "--strict", str(warned)).exit_code == 1


def test_a_file_of_no_known_encoding_is_refused_at_its_place(tmp_path, run):
    good = "other_notes: 无".encode("gb18030")
    path = _county(tmp_path, "bad", YANGXI.encode("gb18030").replace(good, good + b"\x80", 1))
    for command in ("check", "build"):
        result = run(command, str(path), *(["-o", str(tmp_path / "out")] if command == "build" else []))
        line = YANGXI[: YANGXI.index("other_notes")].count("\n") + 1
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert f"{path}:{line}:15: 错误 [INPUT] 此处的字节 0x80 无法识别" in result.output, result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_gbk_rubric_is_read_and_named_once(tmp_path, run):
    """A county's rubric kept in Notepad: read, its errors placed as in UTF-8, one ENCODING for it
    however many facts files use it."""
    path = _county(tmp_path, "county", YANGXI.encode("utf-8"))
    second = path.with_name("second.yaml")
    shutil.copy(path, second)
    rubric = path.parent.parent / "rubrics" / "yangxi-2023.yaml"
    rubric.write_bytes(NOTEPAD["gbk-crlf"][0](RUBRIC))
    result = run("check", str(path), str(second))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("[ENCODING]") == 1 and "yangxi-2023.yaml:1:1: 警告 [ENCODING] 文件按 GBK/GB18030" \
        in result.stdout, result.stdout
    assert result.stdout.count("警告") == 1 and "mkreport new 按它生成的事实文件沿用同一编码" in result.stdout
    # an error in it is where it is in the UTF-8 rubric
    broken = RUBRIC.replace("{id: A12, name: 预算编制规范性, points: 4,", "{id: A12, name: 预算编制规范性, points: 四,")
    rubric.write_bytes(broken.encode("utf-8"))
    code, expected = _findings(run, path)
    rubric.write_bytes(NOTEPAD["gbk-crlf"][0](broken))
    code_gbk, found = _findings(run, path)
    assert code == code_gbk == 1 and expected and "RUBRIC-SCHEMA" in [f[3] for f in expected]
    line = broken.split("\n")[expected[0][1] - 1]
    assert line[expected[0][2] - 1:].startswith("四")
    assert [f for f in found if f[3] != "ENCODING"] == expected


def test_a_county_vocabulary_in_utf16_is_read_and_named(tmp_path, run):
    """vocabulary.yaml beside the inputs, kept in Notepad's "Unicode": its label is used, and it is named."""
    path = _county(tmp_path, "county", YANGXI.encode("utf-8"))
    vocabulary = path.parent.parent / "vocabulary.yaml"
    vocabulary.write_bytes(NOTEPAD["utf16le-bom-crlf"][0]("facts:\n  - {label: 本县年初结余, fact: finance.income.carryover}\n"))
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert f"{vocabulary}:1:1: 警告 [ENCODING] 文件按 UTF-16 LE 编码" in result.output, result.output
    assert "rollover" not in result.stdout and result.stdout.count("[") == 1
    path = _county(tmp_path, "broken", YANGXI.encode("utf-8"))
    vocabulary = path.parent.parent / "vocabulary.yaml"
    line = "  - {label: 本县年初结余, fact: 不存在}"
    vocabulary.write_bytes(NOTEPAD["utf16le-bom-crlf"][0](f"facts:\n{line}\n"))
    broken = run("check", str(path))
    assert f"{vocabulary}:2:{line.index('不存在') + 1}: 错误 [VOCABULARY-PATH]" in broken.output, broken.output


def test_a_utf16_facts_file_named_like_a_rubric_is_not_taken_for_one(tmp_path, run):
    """The rubric `yangxi-2023` is looked for beside the facts file first: another department's facts
    file of that name there, saved as UTF-16, is still seen to be a facts file and passed over."""
    path = _county(tmp_path, "county", YANGXI.encode("utf-8"))
    path.with_name("yangxi-2023.yaml").write_bytes(NOTEPAD["utf16le-bom-crlf"][0](YANGXI))
    result = run("check", str(path))
    assert result.exit_code == 0 and "[RUBRIC-" not in result.output, result.output


# ---- files written from another keep its conventions ------------------------------------------------

@pytest.mark.parametrize("kind", ["gbk-crlf", "utf16le-bom-crlf", "utf16be-no-bom-crlf", "utf8-bom-crlf"])
def test_rollover_writes_next_year_in_this_years_encoding_bom_and_line_ends(tmp_path, run, kind):
    plain = _county(tmp_path, "utf8", YANGXI.encode("utf-8"))
    saved = _county(tmp_path, kind, NOTEPAD[kind][0](YANGXI))
    for source in (plain, saved):
        result = run("rollover", str(source), "--year", "2024", "-o", str(source.with_name("工信局-2024.yaml")))
        assert result.exit_code == 0, result.output
    expected = plain.with_name("工信局-2024.yaml").read_text(encoding="utf-8")
    data = saved.with_name("工信局-2024.yaml").read_bytes()
    text, charset = decode(data)
    assert charset == NOTEPAD[kind][1]
    assert text.count("\n") == text.count("\r\n") > 250
    assert text.replace("\r\n", "\n") == expected and "待填写" in expected and "【上年】" in expected
    assert data == NOTEPAD[kind][0](expected)
    # and the new year's file is read back as such: its findings are those of the UTF-8 one
    _, ours = _findings(run, saved.with_name("工信局-2024.yaml"))
    _, theirs = _findings(run, plain.with_name("工信局-2024.yaml"))
    assert [f for f in ours if f[3] != "ENCODING"] == theirs and len(ours) == len(theirs) + (not charset.utf8)


def test_a_gbk_rollover_is_no_utf8(tmp_path, run):
    """GBK in, GBK out: the new year's file is not UTF-8 (Notepad would show it garbled as ANSI)."""
    saved = _county(tmp_path, "gbk", NOTEPAD["gbk-crlf"][0](YANGXI))
    target = saved.with_name("工信局-2024.yaml")
    assert run("rollover", str(saved), "--year", "2024", "-o", str(target)).exit_code == 0
    data = target.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "由 mkreport rollover 从 工信局-2023.yaml".encode("gb18030") in data
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_new_writes_in_the_conventions_of_the_county_rubric(tmp_path, run):
    """A rubric kept as GBK with CRLF gives a facts file in GBK with CRLF; the shipped rubrics (UTF-8,
    LF) give UTF-8 with LF, as before."""
    folder = tmp_path / "county"
    (folder / "rubrics").mkdir(parents=True)
    (folder / "inputs").mkdir()
    (folder / "rubrics" / "本县-2023.yaml").write_bytes(NOTEPAD["gbk-crlf"][0](RUBRIC))
    target = folder / "inputs" / "工信局-2023.yaml"
    result = run("new", "--rubric", "本县-2023", "-o", str(target), "--year", "2023")
    assert result.exit_code == 0, result.output
    text, charset = decode(target.read_bytes())
    assert charset == Charset("gb18030", False, True)
    assert "待填写" in text and text.count("\n") == text.count("\r\n")
    shipped = folder / "inputs" / "shipped.yaml"
    assert run("new", "--rubric", "yangxi-2023", "-o", str(shipped), "--year", "2023").exit_code == 0
    assert decode(shipped.read_bytes())[1] == Charset("utf-8", False, False)
