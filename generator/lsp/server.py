"""The language server itself: pygls over stdin and stdout.

Every open facts, rubric or vocabulary file is checked when it is opened, changed or saved, on the
text the editor holds; every finding `check` shows becomes a diagnostic in the file it is in. A
rubric (or vocabulary) edited re-checks the open facts files checked against it. Each handler runs
under a guard: whatever a file holds, the server answers, logs what went wrong in Chinese, and
stays up.
"""
from __future__ import annotations

import gc
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..core import buffers
from ..core.codes import ERROR
from . import checking, places
from .checking import FACTS, RUBRIC

SOURCE = "mkreport"
_SEVERITY = {ERROR: types.DiagnosticSeverity.Error}


class Server(LanguageServer):
    def __init__(self):
        super().__init__("mkreport", __version__)
        self.checked: dict[str, checking.Checked] = {}      # uri → its last check
        self.shown: dict[str, list[types.Diagnostic]] = {}  # uri → the diagnostics last published
        self.texts: dict[str, tuple] = {}                   # a file's text and lines, by its state
        self.ready: dict[str, object] = {}                  # uri → its last check that reached the rubric
        self.frozen = False

    # ---- what the editor holds ----------------------------------------------------------

    def path_of(self, uri: str) -> Path | None:
        path = uris.to_fs_path(uri)
        return Path(path) if path else None

    def refresh(self, uri: str) -> None:
        """Check the document at `uri` as the editor holds it, then what depends on it."""
        doc = self.workspace.get_text_document(uri)
        path = self.path_of(uri)
        if path is None:
            return
        buffers.edited(path, doc.source)
        checked = checking.check(path, doc.source)
        self.checked[uri] = checked
        if not self.frozen:
            # what the first check loaded (modules, rubric, vocabulary, templates) stays for the server's
            # life: out of the collector's sight, a full collection no longer walks it after a keystroke
            gc.freeze()
            self.frozen = True
        if checked.result is not None and checked.result.derived is not None:
            self.ready[uri] = checked.result
        # what was checked with this file (a rubric, a vocabulary, a department's listed project) is checked anew
        me = checking.real(path)
        for other, c in list(self.checked.items()):
            if other != uri and c.kind == FACTS and me in c.uses:
                self.checked[other] = checking.check(c.path, buffers.text_of(c.path))
        self.publish(always=uri)

    def forget(self, uri: str) -> None:
        """The editor closed `uri`: the disk speaks for it again; what used it is checked anew."""
        path = self.path_of(uri)
        gone = self.checked.pop(uri, None)
        self.ready.pop(uri, None)
        if path is not None:
            buffers.closed(path)
        if gone is not None and path is not None:
            me = checking.real(path)
            for other, c in list(self.checked.items()):
                if c.kind == FACTS and me in c.uses:
                    self.checked[other] = checking.check(c.path, buffers.text_of(c.path))
        self.publish()

    # ---- diagnostics ----------------------------------------------------------------------

    def lines(self, target: str) -> tuple[str, list[str]]:
        """The text of a file a finding is in: the editor's when open, else the disk's."""
        uri = uris.from_fs_path(target)
        # the workspace keeps documents under their URI unquoted (a space, a Chinese name)
        doc = self.workspace.text_documents.get(unquote(uri)) if uri else None
        if doc is not None:
            source = doc.source
            kept = self.texts.get(uri)
            if kept is None or kept[0] is not source:       # split once per edit, not once per finding
                kept = self.texts[uri] = (source, source, places.lines_of(source))
            return kept[1], kept[2]
        stamp = buffers.stamp(Path(target))
        kept = self.texts.get(target)
        if kept is None or kept[0] != stamp:
            try:
                text = Path(target).read_text(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                text = ""
            kept = self.texts[target] = (stamp, text, places.lines_of(text))
        return kept[1], kept[2]

    def diagnostic(self, finding, target: str) -> types.Diagnostic:
        text, lines = self.lines(target)
        codec = self.workspace.position_codec
        here = checking.real(finding.file) if finding.file else target
        message = finding.message
        if here != target or finding.line is None:       # a file with no lines (a .docx template)
            message = f"{finding.file}：{message}" if finding.file else message
            rng = places.token_range(lines, None, None, codec)
        elif finding.fix is not None:       # the very characters the fix replaces
            rng = places.offset_range(text, finding.fix.start, finding.fix.end, codec)
        else:
            rng = places.token_range(lines, finding.line, finding.col, codec)
        return types.Diagnostic(range=rng, message=message, source=SOURCE, code=finding.code,
                                severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning))

    def publish(self, always: str = "") -> None:
        """Each file's diagnostics: what every open document's check found in it, each once; sent
        when they changed, and always for the document just checked (its editor waits for them)."""
        wanted: dict[str, list] = {}
        for c in self.checked.values():
            for target, found in c.by_file.items():
                wanted.setdefault(target, []).extend(found)
        targets = set(wanted) | {checking.real(p) for u in set(self.shown) | {always}
                                 if u and (p := self.path_of(u)) is not None}
        for target in targets:
            uri = uris.from_fs_path(target)
            if uri is None:
                continue
            seen, diagnostics = set(), []
            for f in wanted.get(target, []):
                if f.sort_key() in seen:
                    continue
                seen.add(f.sort_key())
                diagnostics.append(self.diagnostic(f, target))
            if self.shown.get(uri) != diagnostics or unquote(uri) == unquote(always):
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))
                self.shown[uri] = diagnostics
            if not diagnostics:
                self.shown.pop(uri, None)

    # ---- fixes ------------------------------------------------------------------------------

    def actions(self, uri: str, wanted: types.Range) -> list[types.CodeAction]:
        path = self.path_of(uri)
        if path is None:
            return []
        target = checking.real(path)
        text, _ = self.lines(target)
        codec = self.workspace.position_codec
        out, seen = [], set()
        for c in list(self.checked.values()):
            for f in c.by_file.get(target, []):
                if f.fix is None or f.sort_key() in seen:
                    continue
                diagnostic = self.diagnostic(f, target)
                if not places.overlaps(diagnostic.range, wanted):
                    continue
                seen.add(f.sort_key())
                edit = types.TextEdit(places.offset_range(text, f.fix.start, f.fix.end, codec), f.fix.text)
                out.append(types.CodeAction(title=f.fix.title, kind=types.CodeActionKind.QuickFix,
                                            diagnostics=[diagnostic], is_preferred=True,
                                            edit=types.WorkspaceEdit(changes={uri: [edit]})))
        return out

    # ---- when something goes wrong ----------------------------------------------------------

    def say(self, message: str, kind=types.MessageType.Info) -> None:
        try:
            self.window_log_message(types.LogMessageParams(type=kind, message=message))
        except Exception:  # noqa: BLE001 - a log that cannot be sent is no reason to stop
            pass

    @contextmanager
    def guard(self, what: str):
        """Whatever a handler meets, the server stays up and says what happened, in Chinese."""
        try:
            yield
        except Exception as exc:  # noqa: BLE001 - the server must outlive any input
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.say(f"mkreport lsp：{what}时出错，已跳过（{detail}）。这是 mkreport 的缺陷而不是文件的问题，"
                     "请把这条信息和当时的文件报告给维护者。", types.MessageType.Error)
            print(traceback.format_exc(), file=sys.stderr)


def make_server() -> Server:
    server = Server()

    @server.feature(types.INITIALIZED)
    def initialized(ls: Server, params):
        ls.say(f"mkreport lsp {__version__} 已启动：打开、修改、保存事实文件或评分体系时运行 mkreport check。")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Server, params: types.DidOpenTextDocumentParams):
        with ls.guard("检查刚打开的文件"):
            ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Server, params: types.DidChangeTextDocumentParams):
        with ls.guard("检查修改后的文件"):
            ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Server, params: types.DidSaveTextDocumentParams):
        with ls.guard("检查保存的文件"):
            ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Server, params: types.DidCloseTextDocumentParams):
        with ls.guard("关闭文件"):
            ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: Server, params: types.HoverParams):
        with ls.guard("显示说明"):
            return _hover(ls, params)
        return None

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=["{", "."]))
    def completion(ls: Server, params: types.CompletionParams):
        with ls.guard("列出可填写的内容"):
            return _completion(ls, params)
        return None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: Server, params: types.CodeActionParams):
        with ls.guard("列出改正方法"):
            return ls.actions(params.text_document.uri, params.range) or None
        return None

    return server


def _hover(ls: Server, params: types.HoverParams) -> types.Hover | None:
    from .hover import facts_hover, rubric_hover

    checked = ls.checked.get(params.text_document.uri)
    if checked is None:
        return None
    doc = ls.workspace.get_text_document(params.text_document.uri)
    line, col = places.cursor(list(doc.lines), params.position, ls.workspace.position_codec)
    if checked.kind == RUBRIC:
        text = rubric_hover(checked.rubric, line, col)
    elif checked.kind == FACTS:
        text = facts_hover(checked.result, line, col)
    else:
        text = None
    if not text:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def _completion(ls: Server, params: types.CompletionParams) -> types.CompletionList | None:
    from .complete import complete

    checked = ls.checked.get(params.text_document.uri)
    if checked is None or checked.kind != FACTS:
        return None
    doc = ls.workspace.get_text_document(params.text_document.uri)
    lines = [line.rstrip("\r\n") for line in doc.lines]
    line, col = places.cursor(list(doc.lines), params.position, ls.workspace.position_codec)
    if line - 1 >= len(lines):
        return None
    items = complete(ls.ready.get(params.text_document.uri), lines[line - 1], lines, line - 1, col - 1)
    # the edits above count characters; an editor counting UTF-16 units gets them converted
    codec = ls.workspace.position_codec
    for item in items:
        if isinstance(item.text_edit, types.TextEdit):
            rng = item.text_edit.range
            item.text_edit.range = types.Range(
                codec.position_to_client_units(list(doc.lines), rng.start),
                codec.position_to_client_units(list(doc.lines), rng.end))
    return types.CompletionList(is_incomplete=False, items=items)


def serve() -> None:
    """Answer an editor over stdin and stdout until it says exit. Nothing but the protocol may
    reach stdout: anything printed goes to stderr, which editors show as the server's log."""
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr
    make_server().start_io(sys.stdin.buffer, protocol_out)
