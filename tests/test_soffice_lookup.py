"""Where mkreport finds LibreOffice: MKREPORT_SOFFICE, PATH, then where its installers put it (Windows
installs it outside PATH, in Program Files)."""
from __future__ import annotations

import pytest

from generator.core.errors import MkreportError
from generator.render import pdf


@pytest.fixture
def no_path(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.delenv("MKREPORT_SOFFICE", raising=False)
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(var, raising=False)


def test_soffice_in_program_files_is_found_without_path(tmp_path, monkeypatch, no_path):
    exe = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    assert pdf.soffice() == str(exe)


def test_the_environment_variable_names_soffice(tmp_path, monkeypatch, no_path):
    exe = tmp_path / "办公 软件" / "soffice.exe"          # a folder with a space and Chinese characters
    exe.parent.mkdir()
    exe.write_bytes(b"")
    monkeypatch.setenv("MKREPORT_SOFFICE", str(exe))
    assert pdf.soffice() == str(exe)


def test_a_wrong_environment_variable_is_said_in_chinese(tmp_path, monkeypatch, no_path):
    monkeypatch.setenv("MKREPORT_SOFFICE", str(tmp_path / "没有这个文件.exe"))
    with pytest.raises(MkreportError) as err:
        pdf.soffice()
    assert "MKREPORT_SOFFICE" in str(err.value) and "不存在" in str(err.value)


def test_no_libreoffice_anywhere_says_how_to_install(monkeypatch, no_path):
    monkeypatch.setattr(pdf, "_installed_places", lambda: [])
    with pytest.raises(MkreportError) as err:
        pdf.soffice()
    message = str(err.value)
    assert "没有找到 soffice" in message and "MKREPORT_SOFFICE" in message and "只生成 .docx" in message
