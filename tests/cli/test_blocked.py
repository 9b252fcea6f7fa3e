"""``studio blocked list|unblock``: the blocked viewers of a session, and lifting a block."""

import json

from sqlalchemy import select

from studio.cli import main
from studio.store.blocks import block_author, blocked_authors
from studio.store.models import Question
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY


def _blocked_demo(demo_db):
    """The demo with one viewer blocked for the session: (url, session id)."""
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    with demo_db.sessions() as s:
        question = s.scalars(
            select(Question).where(
                Question.session_id == session_id,
                Question.author_id != "",
                Question.room_id.is_not(None),
            )
        ).first()
        question_id, nickname = question.id, question.nickname
    block_author(demo_db, question_id, for_good=False, seat="m")
    url = str(demo_db.url)
    return url, session_id, nickname


def test_list_then_unblock(demo_db, capsys):
    url, session_id, nickname = _blocked_demo(demo_db)
    assert main(["blocked", "list", "--db", url, "--session", str(session_id), "--json"]) == 0
    (viewer,) = json.loads(capsys.readouterr().out)
    assert viewer["nickname"] == nickname and viewer["for_good"] is False
    assert viewer["room"] in ("gov", "dept")
    assert main(["blocked", "unblock", str(viewer["id"]), "--db", url]) == 0
    assert nickname in capsys.readouterr().out
    assert blocked_authors(demo_db, session_id) == frozenset()
    assert main(["blocked", "list", "--db", url, "--session", str(session_id)]) == 0
    assert "no viewer is blocked" in capsys.readouterr().out
    # Twice: refused, with the reason.
    assert main(["blocked", "unblock", str(viewer["id"]), "--db", url]) == 1
    assert "no longer" in capsys.readouterr().err
