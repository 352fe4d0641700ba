"""Cut the Légifrance test fixtures from two real legi-data snapshots (kept for reproducibility).

    .venv/bin/python tests/data/legifrance/cut.py SNAPSHOT_1_1_13.json SNAPSHOT_2_513_0.json

Keeps the root code node, the chain of sections down to SECTIONS, and every article of those sections
untouched (all fields, all `articleVersions`, all `lienModifications`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
# L6241-1/-2 change, L6241-3 is repealed, L6241-1-1 appears; L970-4 has a pending end (2222-02-22);
# L5134-23-1 has a stillborn version whose entry into force was never fixed.
SECTIONS = {"LEGISCTA000006189870", "LEGISCTA000006139925", "LEGISCTA000026549746"}


def prune(node: dict) -> dict | None:
    if node["type"] == "article":
        return None
    if node["data"].get("id") in SECTIONS:
        return node
    children = [kept for child in node.get("children") or [] if (kept := prune(child)) is not None]
    if not children:
        return None
    return {**node, "children": children}


def main(old: str, new: str) -> None:
    for source, name in ((old, "2020-01-01"), (new, "2026-03-27")):
        tree = json.loads(Path(source).read_text(encoding="utf-8"))
        target = HERE / name / "LEGITEXT000006072050.json"
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps(prune(tree), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
