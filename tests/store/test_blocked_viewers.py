"""The list of blocked viewers and unblocking: one entry per viewer, audited, the feed's
next comments from them arrive as anyone's."""

import pytest
from sqlalchemy import select

from studio.domain.model import RoomRole
from studio.domain.question_lifecycle import MoveRefused
from studio.store.blocks import UNBLOCK, block_author, blocked_authors, blocked_viewers, unblock
from studio.store.models import AuditEvent


def test_the_list_names_each_blocked_viewer_once_with_their_room(desk):
    db, session_id, ids, _room_id, _unit_id = desk
    assert blocked_viewers(db, session_id) == []
    block_author(db, ids[0], for_good=False, seat="m")
    block_author(db, ids[0], for_good=True, seat="m")  # the same viewer, upgraded
    block_author(db, ids[1], for_good=False, seat="m")
    viewers = blocked_viewers(db, session_id)
    assert [(v.nickname, v.for_good) for v in viewers] == [("观众1", False), ("观众0", True)]
    assert viewers[0].room_role == RoomRole.GOV
    assert viewers[0].account_name
    # Another session sees only the block for good.
    assert [v.nickname for v in blocked_viewers(db, session_id + 1)] == ["观众0"]


def test_unblocking_lifts_every_block_of_the_viewer_and_is_audited(desk):
    db, session_id, ids, room_id, _unit_id = desk
    block_author(db, ids[0], for_good=False, seat="m")
    block_author(db, ids[0], for_good=True, seat="m")
    block_author(db, ids[1], for_good=False, seat="m")
    viewer = next(v for v in blocked_viewers(db, session_id) if v.nickname == "观众0")
    lifted = unblock(db, viewer.id, seat="moderator@x", session_id=session_id)
    assert lifted.nickname == "观众0"
    assert blocked_authors(db, session_id) == {(room_id, "viewer1")}
    assert [v.nickname for v in blocked_viewers(db, session_id)] == ["观众1"]
    with db.sessions() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == UNBLOCK)).all()
    assert len(events) == 2
    assert {e.seat for e in events} == {"moderator@x"}
    assert {e.session_id for e in events} == {session_id}
    with pytest.raises(MoveRefused, match="no longer"):
        unblock(db, viewer.id, seat="m")
