"""`mkreport lsp`: the language server for editors (generator/lsp/), over stdin and stdout."""
from __future__ import annotations

from ..core.errors import ExitCode


def run_lsp() -> int:
    from ..lsp.server import serve

    serve()
    return ExitCode.OK
