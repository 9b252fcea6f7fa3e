"""Refresh the translation files: ``python scripts/translations.py [--check]``.

Runs pyside6-lupdate over the sources (new strings appear in the .ts as unfinished; obsolete
ones are dropped) and pyside6-lrelease to build the .qm the app loads. With ``--check`` it
only reports whether the .ts is current and complete (CI and a test use that).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "studio_zh_CN.ts"
QM = TS.with_suffix(".qm")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "studio").rglob("*.py"))


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        sys.exit(f"{name} not found: pip install PySide6-Essentials")
    return found


def lupdate(target: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / TS.name
            shutil.copy(TS, copy)
            lupdate(copy)
            if copy.read_bytes() != TS.read_bytes():
                print(f"{TS.name} is not current: run python scripts/translations.py")
                return 1
        return 0
    lupdate(TS)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
