"""A minimal LSP client for yaml-language-server (the server VS Code's YAML extension runs): open
a file, read the diagnostics it publishes — what a user of the editor sees while typing.

The server is found at $MKREPORT_YAMLLS or as `yaml-language-server` on PATH (.ci/run installs it
with npm); `server()` is None when it is not there.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path


def server() -> str | None:
    found = os.environ.get("MKREPORT_YAMLLS") or shutil.which("yaml-language-server")
    return found if found and Path(found).exists() else None


class YamlLanguageServer:
    """One server process over stdio, with a zh-cn client as a Chinese VS Code would start it."""

    def __init__(self, command: str, root: Path):
        self.proc = subprocess.Popen([command, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.diagnostics: dict[str, list] = {}
        self.published: dict[str, int] = {}       # how many sets each document has had
        self.versions: dict[str, int] = {}        # the documents open, at their version
        self.responses: dict[int, dict] = {}
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "locale": "zh-cn",
                                    "capabilities": {"textDocument": {"publishDiagnostics": {}}},
                                    "workspaceFolders": [{"uri": root.as_uri(), "name": "county"}]})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
            "validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}}})

    def _send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(stream.read(length))
            with self.cond:
                if message.get("method") == "textDocument/publishDiagnostics":
                    uri = message["params"]["uri"]
                    self.diagnostics[uri] = message["params"]["diagnostics"]
                    self.published[uri] = self.published.get(uri, 0) + 1
                elif "id" in message and "method" in message:     # a request of the server's: answer it
                    self._send({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(message)})
                elif "id" in message:
                    self.responses[message["id"]] = message
                self.cond.notify_all()

    @staticmethod
    def _answer(message: dict):
        if message["method"] == "workspace/configuration":
            return [{"validate": True, "schemaStore": {"enable": False}} for _ in message["params"]["items"]]
        return None

    def request(self, method: str, params: dict, timeout: float = 30) -> dict:
        self.next_id += 1
        ident = self.next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        with self.cond:
            if not self.cond.wait_for(lambda: ident in self.responses, timeout):
                raise TimeoutError(method)
            return self.responses.pop(ident)

    def notify(self, method: str, params: dict) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnose(self, path: Path, timeout: float = 30, settle: float = 1.0) -> list[dict]:
        """The diagnostics published for `path` as it is on disk now (after they stop changing): the
        document is opened, or, open already, changed to that text — as an editor sends an edit."""
        uri = path.resolve().as_uri()
        text = path.read_text(encoding="utf-8")
        with self.cond:
            before = self.published.get(uri, 0)
        if uri in self.versions:
            self.versions[uri] += 1
            self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.versions[uri]},
                                                   "contentChanges": [{"text": text}]})
        else:
            self.versions[uri] = 1
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        end = time.monotonic() + timeout
        with self.cond:
            if not self.cond.wait_for(lambda: self.published.get(uri, 0) > before, timeout):
                raise TimeoutError(f"no diagnostics for {path}")
        seen = None
        while time.monotonic() < end:           # a schema loaded later sends a second, fuller set
            with self.cond:
                current = json.dumps(self.diagnostics[uri])
            if current == seen:
                break
            seen = current
            time.sleep(settle)
        with self.cond:
            return self.diagnostics[uri]

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self.proc.wait(timeout=5)
        except (TimeoutError, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
