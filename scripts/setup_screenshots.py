"""Make the README's set-up pictures: ``python scripts/setup_screenshots.py [DIR]``.

``first-run.png``: the window on an empty database, with the first-run checklist (the profile
and a unit done, to show ticks). ``settings.png``: the settings page of a county with its two
accounts, one room the feed met still unassigned. Offscreen, in Chinese; needs a CJK font.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STUDIO_DATA_DIR", tempfile.mkdtemp(prefix="studio-setup-shots-"))

import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.app import StudioDesk, install_translators  # noqa: E402
from studio.domain.model import Platform, RoomRole  # noqa: E402
from studio.domain.profile import BroadcastAccount, StudioProfile  # noqa: E402
from studio.options import parse_options  # noqa: E402
from studio.store.database import open_database  # noqa: E402
from studio.store.models import Room  # noqa: E402
from studio.store.profile import save_account, save_profile  # noqa: E402
from studio.store.units import add_unit  # noqa: E402


async def settle(studio: StudioDesk, seconds: float = 1.5) -> None:
    await asyncio.sleep(seconds)
    while studio.tasks.running:
        await asyncio.sleep(0.05)


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="studio-setup-"))
    app = QApplication.instance() or QApplication([])
    install_translators(app, "zh_CN")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    new = open_database(f"sqlite:///{work / 'new.db'}")
    save_profile(new, StudioProfile(county_name="白水县", short_name="白水"))
    add_unit(new, "民政局", "民政", "department", "低保、养老")
    studio = StudioDesk(app, new, parse_options([]), log_path=work / "log")
    studio.window.resize(1400, 700)
    studio.window.show()
    studio.refresh_all()
    loop.run_until_complete(settle(studio))
    studio.window.grab().save(str(target / "first-run.png"))
    loop.run_until_complete(studio.shutdown())

    county = open_database(f"sqlite:///{work / 'county.db'}")
    save_profile(
        county,
        StudioProfile(
            county_name="白水县",
            short_name="白水",
            referral_days={"enquiry": 3, "help": 5, "suggestion": 7, "complaint": 13},
        ),
    )
    save_account(
        county,
        BroadcastAccount(None, Platform.KUAISHOU, RoomRole.GOV, "白水县人民政府", "gov"),
    )
    save_account(
        county,
        BroadcastAccount(
            None, Platform.DOUYIN, RoomRole.DEPT, "白水民政", "MS4wLjABAAAAbaishuiminzheng"
        ),
    )
    with county.transaction() as s:  # a room the feed met that nobody has named yet
        s.add(
            Room(
                platform="douyin",
                account_name="MS4wLjABAAAAunknown",
                identity="MS4wLjABAAAAunknown",
                assigned=False,
            )
        )
    studio = StudioDesk(app, county, parse_options([]), log_path=work / "log")
    studio.window.show()
    studio.refresh_all()
    studio.window.open_settings()
    loop.run_until_complete(settle(studio))
    page = studio.window.settings_page
    page.accounts_view.selectRow(0)
    page.accounts_view.resizeColumnsToContents()
    app.processEvents()
    page.grab().save(str(target / "settings.png"))
    loop.run_until_complete(studio.shutdown())
    loop.close()
    print(f"saved first-run.png and settings.png in {target} ({dt.date.today()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
