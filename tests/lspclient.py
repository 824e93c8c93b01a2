"""A real LSP client for the tests: `python -m generator lsp` started as a subprocess over stdio and
driven by pygls's own client, its event loop on a thread so that tests call it plainly.

    with Session(folder) as s:
        s.open(path, text)
        found = s.diagnostics(path)         # the next publication for that file
"""
from __future__ import annotations

import asyncio
import os
import sys
import threading
from pathlib import Path

from lsprotocol import types
from paths import ROOT
from pygls import uris
from pygls.lsp.client import LanguageClient

WAIT = 20       # seconds: a check takes milliseconds; a loaded CI machine gets room


class Session:
    def __init__(self, folder: Path):
        self.folder = folder
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.client = LanguageClient("mkreport-tests", "1")
        self.published: dict[str, list] = {}          # uri → every publication, in order
        self.logs: list[str] = []
        self.stderr: list[bytes] = []
        self.changed = threading.Condition()
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams):
            with self.changed:
                self.published.setdefault(params.uri, []).append(list(params.diagnostics))
                self.changed.notify_all()

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams):
            self.logs.append(params.message)

    # ---- running the loop ---------------------------------------------------------------

    def call(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(WAIT)

    def __enter__(self) -> Session:
        self.thread.start()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.call(self.client.start_io(sys.executable, "-m", "generator", "lsp", cwd=str(self.folder), env=env))
        self.call(self._drain())
        self.call(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=uris.from_fs_path(str(self.folder)))))
        self.client.initialized(types.InitializedParams())
        return self

    async def _drain(self):
        async def read():
            while True:
                chunk = await self.client._server.stderr.read(65536)
                if not chunk:
                    return
                self.stderr.append(chunk)
        self.loop.create_task(read())

    def __exit__(self, *exc):
        try:
            self.call(self.client.shutdown_async(None))
            self.client.exit(None)
            self.call(asyncio.wait_for(self.client._server.wait(), WAIT))
        finally:
            if self.client._server.returncode is None:
                self.client._server.kill()
            self.call(self.client.stop())
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(WAIT)

    @property
    def alive(self) -> bool:
        return self.client._server.returncode is None

    # ---- documents ----------------------------------------------------------------------

    def uri(self, path: Path) -> str:
        return uris.from_fs_path(str(path))

    def _count(self, path: Path) -> int:
        with self.changed:
            return len(self.published.get(self.uri(path), []))

    def open(self, path: Path, text: str) -> None:
        uri = self.uri(path)
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))

    def change(self, path: Path, text: str) -> None:
        """The whole text replaced, as an editor sends it without incremental sync."""
        uri = self.uri(path)
        if uri not in self.versions:
            return self.open(path, text)
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))

    def close(self, path: Path) -> None:
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(
            types.TextDocumentIdentifier(uri=self.uri(path))))

    def after(self, path: Path, action) -> list:
        """Run `action`, then wait for the server's next publication for `path` and return it (what
        earlier notifications made is in first: no late publication is taken for this one's)."""
        self.settle()
        before = self._count(path)
        action()
        return self.next(path, before)

    def next(self, path: Path, before: int) -> list:
        uri = self.uri(path)
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.published.get(uri, [])) > before, WAIT):
                raise AssertionError(f"no diagnostics for {path} within {WAIT} s; server log: {self.logs}, "
                                     f"stderr: {b''.join(self.stderr).decode(errors='replace')[-2000:]}")
            return self.published[uri][-1]

    def latest(self, path: Path) -> list:
        with self.changed:
            return (self.published.get(self.uri(path)) or [[]])[-1]

    def settle(self) -> None:
        """Every notification sent so far has been handled and what it published has arrived: the
        server handles messages in order and answers this request after them."""
        self.hover(self.folder / "none.yaml", 0, 0)

    # ---- requests -------------------------------------------------------------------------

    def hover(self, path: Path, line: int, character: int):
        return self.call(self.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=self.uri(path)), types.Position(line, character))))

    def complete(self, path: Path, line: int, character: int) -> list:
        found = self.call(self.client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(uri=self.uri(path)), types.Position(line, character))))
        if found is None:
            return []
        return found.items if isinstance(found, types.CompletionList) else found

    def actions(self, path: Path, diagnostic) -> list:
        found = self.call(self.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri=self.uri(path)), diagnostic.range,
            types.CodeActionContext(diagnostics=[diagnostic]))))
        return found or []


def apply(text: str, edits) -> str:
    """The text with LSP edits applied (positions in UTF-16 units, as the client negotiated)."""
    lines = text.splitlines(keepends=True)

    def offset(pos) -> int:
        line = lines[pos.line] if pos.line < len(lines) else ""
        before = sum(len(x) for x in lines[:pos.line])
        units, chars = 0, 0
        while units < pos.character and chars < len(line):
            units += 2 if ord(line[chars]) > 0xFFFF else 1
            chars += 1
        return before + chars

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
        lines = text.splitlines(keepends=True)
    return text
