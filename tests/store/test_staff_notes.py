"""Staff notes (a refer or moderation note, a department's reply) are stored as written and
masked wherever they are shown or exported."""

import datetime as dt
import json

from sqlalchemy import select

from studio.cli.moderation import audit_csv
from studio.domain.model import ReferralCategory
from studio.domain.question_lifecycle import ModerationAction
from studio.store.audit_export import export_audit
from studio.store.models import Referral
from studio.store.moderation import moderate, refer
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY

NOTE = "请回电13812345678，住幸福小区3栋2单元501室，微信 zhang_san88"
SECRETS = ("13812345678", "3栋2单元501室", "zhang_san88")
NOW = dt.datetime(2026, 11, 26, 15, 10)


def _exported(db, session_id, action):
    rows = [r for r in export_audit(db, session_id) if r["action"] == action]
    assert rows
    return rows, audit_csv(rows)


def test_a_refer_note_is_stored_raw_and_exported_masked(desk):
    db, session_id, ids, _room_id, unit_id = desk
    refer(db, ids[:1], unit_id, ReferralCategory.HELP, NOTE, "m", DEMO_DAY, now=NOW)
    with db.sessions() as s:
        assert s.scalars(select(Referral.note).where(Referral.question_id == ids[0])).one() == NOTE
    rows, csv = _exported(db, session_id, "question.refer")
    note = json.loads(rows[0]["after"])["note"]
    assert note == "请回电138****5678，住幸福小区*栋*单元***室，微信 zh*********"
    assert not any(secret in csv for secret in SECRETS)


def test_a_moderation_note_is_exported_masked(desk):
    db, session_id, ids, _room_id, _unit_id = desk
    moderate(db, ids[1:], ModerationAction.FLAG, seat="m", session_id=session_id, note=NOTE)
    rows, csv = _exported(db, session_id, "question.flag")
    assert json.loads(rows[0]["after"])["note"].startswith("请回电138****5678")
    assert not any(secret in csv for secret in SECRETS)


def test_a_departments_reply_is_shown_masked(desk):
    db, _session_id, ids, _room_id, unit_id = desk
    refer(db, ids[:1], unit_id, ReferralCategory.HELP, "", "m", DEMO_DAY, now=NOW)
    with db.transaction() as s:
        ticket = s.scalars(select(Referral).where(Referral.question_id == ids[0])).one()
        ticket.reply = "已联系，家属电话13912345678"
        ticket_id = ticket.id
    shown = next(r for r in StudioRepository(db).referrals() if r.id == ticket_id)
    assert shown.reply == "已联系，家属电话139****5678"
    with db.sessions() as s:
        assert s.get(Referral, ticket_id).reply == "已联系，家属电话13912345678"
