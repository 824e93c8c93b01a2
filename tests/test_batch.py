"""Many files at once: a pool of processes, results in order, progress, PDFs in batches."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from paths import ROOT, county


def test_a_batch_on_two_processes_prints_in_the_order_given(tmp_path, run):
    names = county(tmp_path, 7)
    broken = Path(names[3])
    broken.write_text(broken.read_text(encoding="utf-8").replace("year: 2023", "year: 二〇二三"), encoding="utf-8")
    result = run("build", *names, "-o", str(tmp_path / "out"), "-j", "2")
    assert result.exit_code == 1
    made = [line.split(" ", 1)[1] for line in result.output.splitlines() if line.startswith("已生成 ")]
    assert made == [str(tmp_path / "out" / f"{Path(n).stem}.docx") for i, n in enumerate(names) if i != 3]
    assert "共 7 个文件：已生成 6 个，未生成 1 个（1 个有错误）。" in result.output
    serial = run("build", *names, "-o", str(tmp_path / "serial"), "-j", "1")
    for n in names[:3]:                       # the same bytes whichever process made them
        stem = Path(n).stem
        assert (tmp_path / "out" / f"{stem}.docx").read_bytes() == (tmp_path / "serial" / f"{stem}.docx").read_bytes()
    assert serial.exit_code == 1


def test_check_of_many_files_reports_a_shared_rubric_once(tmp_path, run):
    names = county(tmp_path, 6)
    result = run("check", *names, "-j", "2")
    assert result.exit_code == 0
    assert result.output.count("[RUBRIC-POINTS]") == 1 and result.output.count("[TARGET-NONE]") == 2
    lines = [line for line in result.output.splitlines() if "[SCORE-TABLE]" in line or "[TARGET-NONE]" in line]
    assert lines == sorted(lines, key=lambda line: names.index(line.split(":")[0]))   # in the order given


def test_a_terminal_gets_a_progress_line(tmp_path):
    """Under a pseudo-terminal the count and the bar are drawn on stderr, then cleared."""
    import pty
    names = county(tmp_path, 4)
    pid, fd = pty.fork()
    if pid == 0:                              # the child: mkreport on the terminal
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "generator", "build", *names, "-o", str(tmp_path / "out"), "-j", "2"])
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert "生成 4/4" in text and "█" in text and "\r\x1b[K" in text
    assert "共 4 个文件：已生成 4 个。" in text


def fake_soffice(folder: Path) -> Path:
    """A stand-in for LibreOffice: writes a small PDF for each file, and hangs on a file whose
    package holds a part named HANG — to test the batching, the per-file limit and the cleanup.
    Each call adds to FOLDER/calls.log the number of files it was given (calls_made reads it):
    beside the script, since mkreport removes its own temporary folder, and a log there with it."""
    script = folder / "soffice"
    script.write_text(f"""#!{sys.executable}
import os, sys, time, zipfile
args = sys.argv[1:]
out = args[args.index("--outdir") + 1]
open({str(folder / "calls.log")!r}, "a").write(str(len([a for a in args if a.endswith(".docx")])) + "\\n")
for a in args:
    if a.endswith(".docx"):
        if "HANG" in zipfile.ZipFile(a).namelist():
            time.sleep(600)
        open(os.path.join(out, os.path.basename(a)[:-5] + ".pdf"), "wb").write(b"%PDF-1.4 fake")
""", encoding="utf-8")
    script.chmod(0o755)
    return script


def calls_made(folder: Path) -> list[int]:
    """The files given to each call of the stand-in, in the order the calls began."""
    log = folder / "calls.log"
    return [int(n) for n in log.read_text(encoding="utf-8").split()] if log.exists() else []


@pytest.mark.slow
def test_pdfs_come_from_one_call_per_process_and_a_hung_file_fails_alone(tmp_path, monkeypatch):
    from generator.render import pdf
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_soffice(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(pdf, "PDF_SECONDS", 2)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    source = ROOT / "templates" / "hunan.docx"       # any .docx will do for the stand-in
    pairs = []
    for i in range(5):
        docx = tmp_path / f"r{i}.docx"
        shutil.copy(source, docx)
        if i == 2:
            with zipfile.ZipFile(docx, "a") as z:
                z.writestr("HANG", "")
        pairs.append((docx, tmp_path / "pdf" / f"r{i}.pdf"))
    start = time.monotonic()
    results = pdf.to_pdfs(pairs, jobs=1)
    assert time.monotonic() - start < 30
    assert [results[str(t)] is None for _, t in pairs] == [True, True, False, True, True]
    assert "超过 2 秒未完成，已停止" in results[str(pairs[2][1])]
    assert all((tmp_path / "pdf" / f"r{i}.pdf").read_bytes() == b"%PDF-1.4 fake" for i in (0, 1, 3, 4))
    # one LibreOffice for the whole run of five; stopped on the hung third, one more for the two after it
    assert calls_made(bin_dir) == [5, 2]
    left = subprocess.run(["pgrep", "-f", str(bin_dir / "soffice")], capture_output=True, text=True).stdout.split()
    assert left == [] and not list(tmp_path.glob("mkreport-*"))


def test_two_libreoffices_for_two_cores(tmp_path, monkeypatch):
    from generator.render import pdf
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_soffice(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    calls = []
    real = pdf._Run._start

    def counting(self):
        calls.append(len(self.sources) - self.next)
        return real(self)
    monkeypatch.setattr(pdf._Run, "_start", counting)
    pairs = []
    for i in range(6):
        docx = tmp_path / f"r{i}.docx"
        shutil.copy(ROOT / "templates" / "hunan.docx", docx)
        pairs.append((docx, tmp_path / "pdf" / f"r{i}.pdf"))
    results = pdf.to_pdfs(pairs, jobs=2)
    assert all(v is None for v in results.values()) and sorted(calls) == [3, 3]
    assert calls_made(bin_dir) == [3, 3]        # and each of the two was one call, for its three files
