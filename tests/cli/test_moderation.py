"""``studio export audit``: a session's audit trail as CSV (BOM) or JSONL, beside ``export questions``."""

import argparse
import csv
import io
import json

import pytest

from studio.cli.feed import add_feed_commands
from studio.cli.moderation import add_moderation_commands
from studio.domain.model import QuestionStatus
from studio.domain.question_lifecycle import ModerationAction
from studio.store.moderation import edit_and_approve, moderate
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY


def parser(*, with_feed: bool = True) -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="studio")
    commands = root.add_subparsers(dest="command", required=True)
    if with_feed:
        add_feed_commands(commands)
    add_moderation_commands(commands)
    return root


def run(argv: list[str], *, with_feed: bool = True) -> int:
    args = parser(with_feed=with_feed).parse_args(argv)
    return args.run(args)


@pytest.fixture
def moderated_db(demo_db):
    """The demo with two moderation acts today, one an edit whose text starts like a formula."""
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    questions = StudioRepository(demo_db).questions(session_id)
    question_ids = [q.id for q in questions if q.status == QuestionStatus.NEW][:2]
    moderate(demo_db, question_ids, ModerationAction.FLAG, seat="主持人", session_id=session_id)
    edit_and_approve(demo_db, question_ids[0], "=1+1 供暖什么时候开始？", "主持人")
    url = str(demo_db.url)
    demo_db.close()
    return url, str(session_id), question_ids


def test_audit_csv_has_a_bom_and_one_row_per_event(moderated_db, tmp_path):
    url, session_id, question_ids = moderated_db
    out = tmp_path / "audit.csv"
    assert run(["export", "audit", "--db", url, "--session", session_id, "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    moderation = [r for r in rows if r["action"].startswith("question.")]
    assert [(r["action"], int(r["question"])) for r in moderation] == [
        ("question.flag", question_ids[0]),
        ("question.flag", question_ids[1]),
        ("question.approve_edit", question_ids[0]),
    ]
    assert moderation[0]["seat"] == "主持人"
    # The audit's JSON cell starts with "{", not a formula; the text inside stays as written.
    assert "=1+1" in moderation[2]["after"]


def test_audit_jsonl_to_stdout(moderated_db, capsys):
    url, session_id, _ids = moderated_db
    assert run(["export", "audit", "--db", url, "--session", session_id, "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[-1]["action"] == "question.approve_edit"
    assert json.loads(rows[-1]["before"])["status"] == "flagged"


def test_export_questions_still_works_beside_audit(moderated_db, capsys):
    url, session_id, _ids = moderated_db
    assert run(["export", "questions", "--db", url, "--session", session_id]) == 0
    assert capsys.readouterr().out.lstrip("\ufeff").startswith("id,room,room_name,room_identity,platform")


def test_audit_works_without_the_feed_commands(moderated_db, capsys):
    url, session_id, _ids = moderated_db
    argv = ["export", "audit", "--db", url, "--session", session_id, "--format", "jsonl"]
    assert run(argv, with_feed=False) == 0
    assert capsys.readouterr().out


def test_an_unknown_session_is_refused(moderated_db, capsys):
    url, _session_id, _ids = moderated_db
    assert run(["export", "audit", "--db", url, "--session", "9999"]) == 1
    assert "no session" in capsys.readouterr().err


def test_an_empty_session_prints_only_the_header(fresh_db, tmp_path, capsys):
    from studio.store.models import Session

    with fresh_db.transaction() as s:
        s.add(Session(date=DEMO_DAY))
    url = str(fresh_db.url)
    fresh_db.close()
    assert run(["export", "audit", "--db", url, "--session", "1"]) == 0
    assert capsys.readouterr().out == "id,at,seat,person,role,action,question,subject,before,after\r\n"
