"""`mkreport schema`: the references generated from the code — the facts file's and the rubric's
JSON Schemas (for editors), and the names a template may use (for template authors)."""
from __future__ import annotations

import json

from ..core import console

SCHEMA_ID = "https://mkreport.invalid/schema/{}"
# what `mkreport schema` can print, and the committed file each one is kept in (schema/)
FILES = {"facts": "facts.schema.json", "rubric": "rubric.schema.json", "template": "template.md"}


def schema_text(kind: str = "facts") -> str:
    if kind == "template":
        from ..template.contract import reference
        return reference()
    from ..model.schema import json_schema
    if kind == "rubric":
        from ..model.rubric import RubricModel as model
        from ..model.rules import publish_all
        publish_all()         # rule kinds of installed packages too (one that cannot load is left out)
    else:
        from ..model.facts import Report as model
    return json.dumps(json_schema(model, SCHEMA_ID.format(FILES[kind])), ensure_ascii=False, indent=2) + "\n"


def run_schema(kind: str, output: str | None) -> None:
    text = schema_text(kind)
    if output:
        from ..core.output import write_atomic
        write_atomic(output, text.encode("utf-8"))
    else:
        console.out(text.rstrip("\n"))
