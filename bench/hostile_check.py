"""Time `check` of one facts file carrying a hostile payload of each kind, at 100 KB and 1 MB (the
ratio shows whether a check grows faster than its input: 10 is linear, 100 quadratic).

Run: python bench/hostile_check.py [--sizes 100000,1000000]
Prints figures; asserts nothing (speed is watched here; tests/test_hardening3.py checks each
payload ends safely).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hostile import payloads, with_payload  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000")
    sizes = [int(s) for s in ap.parse_args().sizes.split(",")]
    from generator.pipeline import check
    base = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        (folder / "rubrics").mkdir()
        (folder / "rubrics" / "yangxi-2023.yaml").write_bytes((ROOT / "rubrics" / "yangxi-2023.yaml").read_bytes())
        check(ROOT / "inputs" / "yangxi-2023.yaml")          # imports and caches warm, as in a batch
        print(f"{'payload':28s}" + "".join(f"{s // 1000:>9d} KB" for s in sizes) + "   ratio")
        for kind in payloads(10):
            times = []
            for size in sizes:             # interleaved by kind: each row's figures ran back to back
                path = folder / f"{kind}-{size}.yaml"
                path.write_text(with_payload(base, payloads(size)[kind]), encoding="utf-8")
                started = time.perf_counter()
                check(path)
                times.append(time.perf_counter() - started)
            ratio = times[-1] / times[0] if times[0] else float("nan")
            print(f"{kind:28s}" + "".join(f"{t:11.2f}s" for t in times) + f"   {ratio:5.1f}")


if __name__ == "__main__":
    main()
