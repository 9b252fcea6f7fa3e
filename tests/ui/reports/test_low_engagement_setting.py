"""The low-engagement mark is the studio's stored setting: edited on the settings page, shown on
the period report and applied to it at once."""

from studio.store.profile import load_profile
from tests.helpers.report_session import DAY, hand_counted_session
from tests.helpers.waiting import until


def test_the_period_report_marks_units_by_the_mark_saved_in_settings(
    make_desk, demo_db, event_loop_qt
):
    loop = event_loop_qt
    db, _, unit_id = hand_counted_session(demo_db)  # 5 distinct questions, 4,000 viewers
    studio = make_desk(db)
    w = studio.window
    reports, period = w.reports, w.reports.period

    def held_unit():
        return next((u for u in period.units if u.unit_id == unit_id and u.sessions), None)

    reports.first.setDate(DAY)
    reports.last.setDate(DAY)
    reports.pages.setCurrentWidget(period)
    loop.run_until_complete(until(lambda: held_unit() is not None))
    assert held_unit().low_engagement is False  # 1.25 per 1,000 viewers, the default mark 1
    assert "1 distinct questions per 1,000" in period.threshold.text()

    w.open_settings()
    page = w.settings_page
    loop.run_until_complete(until(lambda: page.county_name.text() != ""))
    assert page.low_engagement.value() == 1.0
    page.low_engagement.setValue(2.0)
    page.save_button.click()
    loop.run_until_complete(until(lambda: held_unit() is not None and held_unit().low_engagement))
    assert "2 distinct questions per 1,000" in period.threshold.text()
    assert load_profile(db).low_engagement_per_1000 == 2.0
    page.close()
