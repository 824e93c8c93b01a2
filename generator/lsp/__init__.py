"""`mkreport lsp`: a language server, so that an editor shows `check`'s findings as the user types.

    checking  what `check` runs, on the text the editor holds (core/buffers.py), and the findings
              sorted by the file they are in (a facts file's finding may sit in its rubric)
    places    1-based `line:col` in characters ↔ the editor's 0-based positions
    hover     what a value derives to and how (tasks/explain.py), an indicator's rule
    complete  indicator ids, fact paths inside {{ }}, the vocabulary's labels
    server    the protocol (pygls): documents opened, changed, saved, closed; every request answered,
              and the server alive whatever the input

It sits above tasks/: it may use the pipeline and the tasks; nothing imports it but `commands/lsp.py`.
"""
