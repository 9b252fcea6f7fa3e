"""``studio report …`` through the real command line, on the demo and a hand-counted session:
the JSON keys, distinct questions (not comments) in every format, the PDF's font and charts."""

import json

import pytest
from pypdf import PdfReader

from studio.cli import main
from studio.store.table_files import read_rows
from tests.helpers.report_session import DAY, hand_counted_session


@pytest.fixture
def held(demo_db):
    return hand_counted_session(demo_db)


UNIT_KEYS = {
    "unit",
    "kind",
    "sessions",
    "mean_viewers",
    "questions",
    "questions_per_session",
    "questions_per_1000_viewers",
    "answered_share",
    "referrals",
    "on_time_rate",
    "satisfaction_rate",
    "low_engagement",
}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_session_json_counts_clusters(held, capsys):
    db, session_id, _ = held
    code, out, err = run(
        capsys, "report", "session", str(session_id), "--format", "json", "--db", str(db.url)
    )
    assert code == 0, err
    report = json.loads(out)
    assert (report["comments"], report["questions"], report["answered"]) == (16, 5, 2)
    assert (report["referred"], report["left_open"], report["handled_rate"]) == (1, 2, 0.6)


def test_session_pdf_and_xlsx(held, capsys, tmp_path, qapp):
    db, session_id, _ = held
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    assert (
        run(
            capsys,
            "report",
            "session",
            str(session_id),
            "--format",
            "pdf",
            "--out",
            str(pdf),
            "--db",
            str(db.url),
        )[0]
        == 0
    )
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "办理率" in text and "60%" in text
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 2  # the comments and viewers charts
    assert (
        run(
            capsys,
            "report",
            "session",
            str(session_id),
            "--format",
            "xlsx",
            "--out",
            str(xlsx),
            "--db",
            str(db.url),
        )[0]
        == 0
    )
    rows = read_rows(xlsx)  # the first sheet: 概况
    assert ["问题（去重）", "5"] in rows


def test_units_json_keys_and_mark(held, capsys):
    db, _, _ = held
    day = DAY.isoformat()
    code, out, err = run(
        capsys,
        "report",
        "units",
        "--from",
        day,
        "--to",
        day,
        "--format",
        "json",
        "--threshold",
        "2",
        "--db",
        str(db.url),
    )
    assert code == 0, err
    units = json.loads(out)
    assert all(set(u) == UNIT_KEYS for u in units)
    held_units = [u for u in units if u["sessions"]]
    assert len(held_units) == 1
    assert held_units[0]["questions"] == 5 and held_units[0]["low_engagement"] is True


def test_units_mark_by_the_stored_threshold_unless_one_is_given(held, capsys):
    """1.25 distinct questions per 1,000 viewers: low by a stored mark of 2, not by the
    default 1, and ``--threshold`` overrides what is stored."""
    from dataclasses import replace

    from studio.store.profile import load_profile, save_profile

    db, _, _ = held
    day = DAY.isoformat()
    argv = ["report", "units", "--from", day, "--to", day, "--format", "json", "--db", str(db.url)]

    def low() -> bool:
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        (unit,) = [u for u in json.loads(out) if u["sessions"]]
        return unit["low_engagement"]

    profile = load_profile(db)
    assert profile.low_engagement_per_1000 == 1.0 and low() is False
    save_profile(db, replace(profile, county_name="青山县", low_engagement_per_1000=2.0))
    assert low() is True
    argv += ["--threshold", "1"]
    assert low() is False


def test_units_csv_and_a_backwards_period(held, capsys):
    db, _, _ = held
    code, out, _ = run(
        capsys,
        "report",
        "units",
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
        "--format",
        "csv",
        "--db",
        str(db.url),
    )
    assert code == 0
    assert out.splitlines()[0].lstrip("\ufeff").startswith("单位,类型,场次")
    code, _, err = run(
        capsys,
        "report",
        "units",
        "--from",
        "2027-02-01",
        "--to",
        "2027-01-01",
        "--format",
        "json",
        "--db",
        str(db.url),
    )
    assert code == 1 and "before" in err
