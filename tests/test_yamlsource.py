"""The YAML reader: text kept as written, positions, and every way a file can be unreadable."""
from __future__ import annotations

import pytest

from generator.core.errors import InputError
from generator.model.yamlsource import MAX_DEPTH, compose, decode, read_yaml


def test_scalars_keep_the_text_as_written():
    """120.50 keeps its decimals, 010 stays 010, `no` stays the word no."""
    root = compose("a: 120.50\nb: 010\nc: no\nd: ~\n", "f.yaml")
    assert [root.value[k].value for k in "abcd"] == ["120.50", "010", "no", None]


def test_positions_are_one_based_line_and_column():
    root = compose("top:\n  inner: 5\n", "f.yaml")
    inner = root.value["top"].value["inner"]
    assert (inner.line, inner.col) == (2, 10)
    assert (root.value["top"].keys["inner"].line, root.value["top"].keys["inner"].col) == (2, 3)


def test_bom_and_crlf_are_accepted():
    text, charset = decode("\ufeffa: 1\r\nb: 2\r\n".encode("utf-8"), "f.yaml")
    assert compose(text, "f.yaml").value["b"].value == "2"
    assert (charset.codec, charset.bom, charset.crlf) == ("utf-8", True, True)


@pytest.mark.parametrize("text,line,words", [
    ("a: 1\na: 2\n", 2, "键“a”重复出现（第一次在第 1 行）"),
    ("a:\n\tb: 1\n", 2, "制表符"),
    ("a: b: c\n", 1, "冒号"),
    ('a: "unclosed\nb: 2\n', 3, "未闭合"),
    ("a: [1, 2\n", 2, None),
    ("x: !!python/object/apply:os.system [ls]\n", 1, "不允许使用 YAML 标签"),
    ("a: x\x0by\n", 1, "控制字符 U+000B"),
    ("a: x\x07y\n", 1, "控制字符 U+0007"),
    ("", 1, "文件是空的"),
    ("a: *nowhere\n", None, "锚点"),
])
def test_bad_yaml_gets_a_chinese_message_with_a_line(text, line, words):
    with pytest.raises(InputError) as err:
        compose(text, "f.yaml")
    if line:
        assert err.value.line == line
    if words:
        assert words in err.value.message


def test_alias_bomb_is_refused():
    """A billion-laughs file fails fast instead of expanding."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]")
    with pytest.raises(InputError) as err:
        compose("\n".join(lines) + "\n", "f.yaml")
    assert "别名" in err.value.message or "节点" in err.value.message


def test_deep_nesting_is_refused():
    text = "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(InputError) as err:
        compose(text, "f.yaml")
    assert "嵌套" in err.value.message


def test_gbk_and_utf16_files_are_read_as_what_they_are(tmp_path):
    """Notepad's "ANSI" (GBK) and "Unicode" (UTF-16 with BOM): read, the encoding kept on the source."""
    for name, data, codec in (("gbk.yaml", "name: 阳西县工业和信息化局\n".encode("gbk"), "gb18030"),
                              ("u16.yaml", "name: 阳西县工业和信息化局\n".encode("utf-16"), "utf-16-le")):
        p = tmp_path / name
        p.write_bytes(data)
        source = read_yaml(p)
        assert source.root.value["name"].value == "阳西县工业和信息化局" and source.charset.codec == codec


def test_a_file_in_no_known_encoding_is_refused_with_its_place(tmp_path):
    p = tmp_path / "latin.yaml"
    p.write_bytes("a: 1\nname: Café\xff\n".encode("latin-1"))
    with pytest.raises(InputError) as err:
        read_yaml(p)
    assert "无法识别" in err.value.message and (err.value.line, err.value.col) == (2, 10)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="找不到文件"):
        read_yaml(tmp_path / "none.yaml")
    with pytest.raises(InputError, match="文件夹"):
        read_yaml(tmp_path)


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    import generator.model.yamlsource as ys
    monkeypatch.setattr(ys, "MAX_BYTES", 100)
    p = tmp_path / "big.yaml"
    p.write_text("a: " + "x" * 200 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="文件过大"):
        read_yaml(p)
