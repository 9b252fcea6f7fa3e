"""Fill unfinished entries of the .ts from a JSON glossary: ``python scripts/fill_translations.py G.json``.

The glossary maps an English source text to its Simplified Chinese, or ``"Context|source"`` to
a translation for one context only. Entries already translated are left alone unless
``--overwrite``. Prints the sources still unfinished. Run scripts/translations.py afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "studio_zh_CN.ts"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("glossary", type=Path)
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args()
    glossary: dict[str, str] = json.loads(args.glossary.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            done = translation.get("type") != "unfinished" and translation.text
            if done and not args.overwrite:
                continue
            text = glossary.get(f"{name}|{source}", glossary.get(source))
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                missing.append(f"{name}: {source!r}")
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    for line in missing:
        print("unfinished:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
