"""The command line's human output in the interface language (JSON stays English)."""

import json

import pytest
from PySide6.QtCore import QLocale

from studio.cli import main
from studio.cli.words import use_language
from studio.language import language_from_environment


@pytest.fixture
def url(demo_db):
    return str(demo_db.engine.url)


@pytest.fixture(autouse=True)
def back_to_english():
    """A Chinese command installs Qt's catalogues into this process: take them out after."""
    previous = QLocale()
    yield
    use_language("en")
    QLocale.setDefault(previous)


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_schedule_list_in_both_languages(url, capsys):
    period = ("--from", "2026-11-26", "--to", "2026-11-26")
    _code, english, _ = _run(capsys, "--lang", "en", "schedule", "list", "--db", url, *period)
    _code, chinese, _ = _run(capsys, "--lang", "zh_CN", "schedule", "list", "--db", url, *period)
    assert "2026-11-26 Thu 15:00–16:00" in english and "[Ready]" not in english
    assert "2026-11-26 周四 15:00–16:00" in chinese and "[已就绪]" in chinese
    _code, as_json, _ = _run(
        capsys, "--lang", "zh_CN", "schedule", "list", "--db", url, *period, "--json"
    )
    assert json.loads(as_json)[0]["status"] == "ready"  # JSON is for scripts: never translated


def test_db_info_and_a_refusal_in_chinese(url, capsys):
    code, out, _ = _run(capsys, "--lang", "zh_CN", "db", "info", "--db", url)
    assert code == 0 and "单位: 21" in out and "units" not in out
    code, _out, err = _run(
        capsys, "--lang", "zh_CN", "timer", "next", "--db", url, "--session", "1"
    )
    assert code == 1 and "请先按" in err
    code, _out, err = _run(capsys, "--lang", "en", "timer", "next", "--db", url, "--session", "1")
    assert code == 1 and "not started" in err


def test_generate_and_units_follow_the_environment(url, capsys, monkeypatch):
    monkeypatch.delenv("STUDIO_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    code, out, _ = _run(
        capsys,
        "schedule",
        "generate",
        "--db",
        url,
        "--from",
        "2026-12-07",
        "--weeks",
        "1",
        "--dry-run",
    )
    assert code == 0 and out.startswith("将在 2026-12-07 至 2026-12-13 新建")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    code, out, _ = _run(capsys, "blocked", "list", "--db", url, "--session", "all")
    assert code == 0 and ("no viewer is blocked" in out or "since" in out)


def test_the_language_comes_from_the_option_then_the_environment(monkeypatch):
    for name in ("STUDIO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert language_from_environment() == "zh_CN"  # unconfigured: Chinese first
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert language_from_environment() == "zh_CN"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert language_from_environment() == "en"
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert language_from_environment() == "zh_CN"
    assert language_from_environment("en") == "en"
    monkeypatch.setenv("STUDIO_LANG", "en")
    assert language_from_environment() == "en"
