"""Benchmark `mkreport lsp`: how long after an edit the editor gets its diagnostics.

A real client (pygls's) starts `python -m generator lsp` over stdio, opens each example, then edits
them in turn — A, B, C, A, B, C … so a machine whose speed drifts slows them all alike — each edit
one character typed at the end of one of its texts (a keystroke: one text of the file changed, never
the same text twice), sent as editors send it: the range and the character. Printed per example: the
first check (cold: a fresh server, nothing kept) and the median and 90th percentile of the warm ones,
measured from sending didChange to receiving publishDiagnostics; then the same check timed inside
one process (no protocol, no pipe), wall and CPU time — on a machine shared with other work, the CPU
time is what the check itself costs.

Run: python bench/lsp_speed.py [--runs N]
Prints figures; asserts nothing (speed is watched here, not in the tests). Target: warm ≤ 30 ms.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["yangxi-2023", "pingyuan-2023", "hunan-example-2023", "national-form-project-2023"]
_TEXT = re.compile(r"^(\s+(?:text|intro): )(\S.{20,})$", re.M)


def keystroke(text: str, i: int) -> tuple[int, str]:
    """Where keystroke `i` goes and what it types: a different CJK character each time, at the end
    of one of the file's texts, the texts taken in turn (a comment line where there is none)."""
    found = list(_TEXT.finditer(text))
    if not found:
        return len(text), f"# {i}\n"
    return found[i % len(found)].end(), chr(0x4E00 + i)


def edited(text: str, i: int) -> str:
    at, typed = keystroke(text, i)
    return text[:at] + typed + text[at:]


def position(text: str, offset: int):
    """An offset as an LSP position (UTF-16 units, as pygls's client and server count by default)."""
    from lsprotocol import types
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def round_trips(runs: int) -> dict[str, tuple[float, list[float]]]:
    from lsprotocol import types
    from pygls import uris
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("mkreport-bench", "1")
    arrived: dict[str, asyncio.Event] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams):
        if params.uri in arrived:
            arrived[params.uri].set()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    await client.start_io(sys.executable, "-m", "generator", "lsp", cwd=str(ROOT), env=env)
    asyncio.get_running_loop().create_task(client._server.stderr.read())       # never let its log fill a pipe
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=uris.from_fs_path(str(ROOT))))
    client.initialized(types.InitializedParams())
    texts = {name: (ROOT / "inputs" / f"{name}.yaml").read_text(encoding="utf-8") for name in EXAMPLES}
    uri = {name: uris.from_fs_path(str(ROOT / "inputs" / f"{name}.yaml")) for name in EXAMPLES}

    async def timed(name: str, send) -> float:
        arrived[uri[name]] = asyncio.Event()
        t = time.perf_counter()
        send()
        await asyncio.wait_for(arrived[uri[name]].wait(), 60)
        return (time.perf_counter() - t) * 1000

    cold = {}
    for name in EXAMPLES:
        cold[name] = await timed(name, lambda n=name: client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri[n], language_id="yaml", version=1, text=texts[n]))))
    warm: dict[str, list[float]] = {name: [] for name in EXAMPLES}
    for i in range(runs):
        for name in EXAMPLES:
            # as editors send it (pygls's default sync is incremental): the keystroke, not the file
            at, typed = keystroke(texts[name], i)
            here = position(texts[name], at)
            change = types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri[name], version=i + 2),
                [types.TextDocumentContentChangePartial(range=types.Range(here, here), text=typed)])
            texts[name] = texts[name][:at] + typed + texts[name][at:]
            warm[name].append(await timed(name, lambda c=change: client.text_document_did_change(c)))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {name: (cold[name], warm[name]) for name in EXAMPLES}


def in_process(runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """The server's own work per edit, wall and CPU time: the text put in the buffers, then the check
    (lsp/checking.py). CPU time is what the check costs; wall time adds what other processes on a
    shared machine take from it."""
    sys.path.insert(0, str(ROOT))
    from generator.core import buffers
    from generator.lsp import checking

    texts = {name: (ROOT / "inputs" / f"{name}.yaml").read_text(encoding="utf-8") for name in EXAMPLES}
    out: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in EXAMPLES}
    for name in EXAMPLES:                          # warm-up: what a server has done once it opened them
        path = ROOT / "inputs" / f"{name}.yaml"
        buffers.edited(path, texts[name])
        checking.check(path, texts[name])
    for i in range(runs):
        for name in EXAMPLES:
            path = ROOT / "inputs" / f"{name}.yaml"
            text = edited(texts[name], 10_000 + i)
            t, cpu = time.perf_counter(), time.process_time()
            buffers.edited(path, text)
            checking.check(path, text)
            out[name][0].append((time.perf_counter() - t) * 1000)
            out[name][1].append((time.process_time() - cpu) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    runs = ap.parse_args().runs
    trips = asyncio.run(round_trips(runs))
    inside = in_process(runs)
    print(f"mkreport lsp: didChange → publishDiagnostics, {runs} edits per example, examples in turn (ms)")
    print(f"{'':28s} {'round trip over stdio':>31s}   {'check in process':>27s}")
    print(f"{'example':28s} {'cold':>7s} {'warm median':>12s} {'p90':>8s}   {'wall median':>12s} {'p90':>6s} {'CPU':>6s}")
    for name in EXAMPLES:
        cold, warm = trips[name]
        wall, cpu = inside[name]
        print(f"{name:28s} {cold:7.1f} {statistics.median(warm):12.1f} {percentile(warm, 0.9):8.1f}   "
              f"{statistics.median(wall):12.1f} {percentile(wall, 0.9):6.1f} {statistics.median(cpu):6.1f}")

if __name__ == "__main__":
    main()
