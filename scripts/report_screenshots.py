"""Make docs/screenshots/period-report.png: the Reports tab's period page on a generated year.

    python scripts/report_screenshots.py

(The session report page is ``reports.png`` from ``python main.py --demo --screenshot DIR``.)
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.app import install_translators  # noqa: E402
from studio.cli.bench_reports import generate_year  # noqa: E402
from studio.store.database import open_database  # noqa: E402
from studio.store.demo import seed_demo  # noqa: E402
from studio.store.reports import unit_period  # noqa: E402
from studio.ui.reports.reports_tab import ReportsTab  # noqa: E402


def main() -> int:
    app = QApplication([])
    kept = install_translators(app, "zh_CN")  # noqa: F841  (installed while kept)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "year.db"
        db = open_database(f"sqlite:///{path}")
        seed_demo(db, dt.date(2026, 11, 26))
        first, last, _ = generate_year(path, 250, 200_000)
        units = unit_period(db, first, last, today=last, threshold_per_1000=6.0)
        db.close()
    tab = ReportsTab()
    tab.resize(1500, 900)
    tab.set_range(first, last)
    tab.pages.setCurrentIndex(1)
    tab.period.threshold.setValue(6.0)
    tab.period.show_units(units)
    tab.show()
    app.processEvents()
    out = ROOT / "docs" / "screenshots" / "period-report.png"
    tab.grab().save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
