"""How well the prose checks read real wording: recall and false alarms, by kind.

    python bench/prose_recall.py [CORPUS.yaml …] [--show]

Each case is a sentence with the facts it needs and what `check` must say (format: tests/prosecases.py).
Recall counts a wrong figure caught with the right code at the figure (file:line:col on it); a false
alarm is any PROSE-/DATE- finding on a case that must stay clean (a right sentence, or a sentence about
another subject). Default corpora: tests/corpus/prose.yaml and tests/corpus/claims.yaml (development),
and bench/heldout/claims.yaml (held out: read its numbers, not its sentences). `--show` lists the
failing development cases (never the held-out ones).
"""
from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from prosecases import at_figure, run_case  # noqa: E402

DEFAULT = [ROOT / "tests" / "corpus" / "prose.yaml", ROOT / "tests" / "corpus" / "claims.yaml",
           ROOT / "tests" / "corpus" / "claims-real.yaml", ROOT / "tests" / "corpus" / "claims-review.yaml",
           ROOT / "bench" / "heldout" / "claims.yaml"]


def measure(path: Path, show: bool) -> None:
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    wrong = defaultdict(lambda: [0, 0])     # kind → [caught, total]
    clean = defaultdict(lambda: [0, 0])     # kind → [false alarms, total]
    broken = 0
    held_out = "heldout" in path.parts
    for entry in cases:
        kind = entry.get("kind", "other")
        with tempfile.TemporaryDirectory() as tmp:
            found, others, lines = run_case(Path(tmp), entry)
        if others:
            broken += 1
        if entry["expect"] == "clean":
            clean[kind][1] += 1
            if found:
                clean[kind][0] += 1
                if show and not held_out:
                    print(f"  误报 [{kind}] {entry['name']}: {entry['text']}\n      " +
                          "\n      ".join(f.message for f in found))
            continue
        for code, figure in entry["expect"]:
            wrong[kind][1] += 1
            hit = any(f.code == code and at_figure(f, figure, lines) for f in found)
            wrong[kind][0] += hit
            if show and not hit and not held_out:
                print(f"  漏报 [{kind}] {entry['name']} ({code} {figure}): {entry['text']}\n      " +
                      "\n      ".join(f.message for f in found))
    caught, total = (sum(v[i] for v in wrong.values()) for i in (0, 1))
    alarms, cleans = (sum(v[i] for v in clean.values()) for i in (0, 1))
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"\n{shown}: {len(cases)} cases" + (f" ({broken} with scaffolding errors)" if broken else ""))
    print(f"  recall      {caught}/{total} = {caught / total:.0%}" if total else "  recall      -")
    print(f"  false alarm {alarms}/{cleans} = {alarms / cleans:.1%}" if cleans else "  false alarm -")
    print(f"  {'kind':<14}{'caught':>10}{'false alarms':>16}")
    for kind in sorted(set(wrong) | set(clean)):
        w, c = wrong.get(kind, [0, 0]), clean.get(kind, [0, 0])
        print(f"  {kind:<14}{(f'{w[0]}/{w[1]}' if w[1] else '-'):>10}{(f'{c[0]}/{c[1]}' if c[1] else '-'):>16}")


def main(argv: list[str]) -> None:
    show = "--show" in argv
    paths = [Path(a).resolve() for a in argv if a != "--show"] or DEFAULT
    for p in paths:
        if p.exists():
            measure(p, show)


if __name__ == "__main__":
    main(sys.argv[1:])
