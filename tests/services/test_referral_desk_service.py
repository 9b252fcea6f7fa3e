"""The referral desk service on the demo studio: reads, moves by its own seat, refusals worded,
bulk dispatch with the refused ones named, an audited reveal."""

import pytest
from sqlalchemy import select

from studio.domain.model import QuestionStatus, ReferralCategory, ReferralStatus
from studio.domain.referral_lifecycle import Close, SignFor
from studio.services.referrals import ReferralDeskService, overdue_count
from studio.services.tasks import BackgroundTasks
from studio.store.models import Question, Referral, ReferralEvent, Unit
from studio.store.moderation import refer
from studio.store.referrals import list_tickets
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.waiting import run_until

S = ReferralStatus


@pytest.fixture
def service(qapp, demo_db, event_loop_qt):
    tasks = BackgroundTasks()
    desk = ReferralDeskService(demo_db, tasks, lambda: DEMO_DAY, desk_id="t1")
    heard: dict[str, list] = {
        name: []
        for name in (
            "referralsLoaded",
            "ticketChanged",
            "detailLoaded",
            "refused",
            "bulkFinished",
            "overdueChanged",
            "contactRevealed",
            "problem",
        )
    }
    for name, got in heard.items():
        getattr(desk, name).connect(lambda *args, got=got: got.append(args))
    yield desk, heard
    event_loop_qt.run_until_complete(tasks.shutdown())


def events(db, referral_id):
    with db.sessions() as s:
        return s.scalars(
            select(ReferralEvent).where(ReferralEvent.referral_id == referral_id)
        ).all()


def first_in(db, status):
    return next(t for t in list_tickets(db) if t.status == status)


def test_refresh_reads_every_ticket_and_counts_the_overdue(service, demo_db, event_loop_qt):
    desk, heard = service
    desk.refresh()
    run_until(event_loop_qt, lambda: heard["referralsLoaded"] and heard["overdueChanged"])
    (tickets,) = heard["referralsLoaded"][-1]
    assert len(tickets) == len(list_tickets(demo_db)) > 0
    assert heard["overdueChanged"][-1] == (overdue_count(tickets, DEMO_DAY),)
    assert heard["overdueChanged"][-1][0] >= 1  # the demo has an overdue ticket


def test_a_move_is_stored_by_the_board_s_seat_and_shown(service, demo_db, event_loop_qt):
    desk, heard = service
    ticket = first_in(demo_db, S.DISPATCHED)
    desk.move(ticket.id, SignFor())
    run_until(event_loop_qt, lambda: heard["ticketChanged"] and heard["detailLoaded"])
    (changed,) = heard["ticketChanged"][-1]
    assert changed.id == ticket.id and changed.status == S.SIGNED_FOR
    (detail,) = heard["detailLoaded"][-1]
    last = detail.history[-1]
    assert (last.seat, last.status_before, last.status_after) == (
        "referrals@t1",
        S.DISPATCHED,
        S.SIGNED_FOR,
    )


def test_an_illegal_move_is_refused_with_its_reason_and_writes_nothing(
    service, demo_db, event_loop_qt, chinese
):
    desk, heard = service
    ticket = first_in(demo_db, S.DISPATCHED)
    before = len(events(demo_db, ticket.id))
    desk.move(ticket.id, Close())
    run_until(event_loop_qt, lambda: heard["refused"])
    (text,) = heard["refused"][-1]
    assert "不能对已派发的转办单执行“办结”" in text  # the lifecycle's reason, in Chinese
    assert len(events(demo_db, ticket.id)) == before
    with demo_db.sessions() as s:
        assert s.get(Referral, ticket.id).status == S.DISPATCHED
    assert not heard["ticketChanged"]


def test_bulk_dispatch_names_each_refused_ticket(service, demo_db, event_loop_qt):
    desk, heard = service
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    with demo_db.sessions() as s:
        ids = s.scalars(
            select(Question.id)
            .where(Question.session_id == session_id, Question.status == QuestionStatus.NEW)
            .order_by(Question.id)
            .limit(2)
        ).all()
        unit_id = s.scalars(select(Unit.id).where(Unit.retired.is_(False))).first()
    refer(demo_db, [ids[0]], unit_id, ReferralCategory.ENQUIRY, "", "test", DEMO_DAY)
    refer(demo_db, [ids[1]], unit_id, ReferralCategory.HELP, "", "test", DEMO_DAY)
    accepted = [t.id for t in list_tickets(demo_db) if t.status == S.ACCEPTED]
    assert len(accepted) == 2
    closed = first_in(demo_db, S.CLOSED)
    desk.refresh()
    run_until(event_loop_qt, lambda: heard["referralsLoaded"])
    desk.dispatch_many([*accepted, closed.id], unit_id)
    run_until(event_loop_qt, lambda: heard["bulkFinished"])
    count, refused = heard["bulkFinished"][-1]
    assert count == 2
    assert [number for number, _ in refused] == [closed.number]
    assert "closed" in refused[0][1]
    assert {t[0].id for t in heard["ticketChanged"]} == set(accepted)
    assert all(t.status == S.DISPATCHED for t in list_tickets(demo_db) if t.id in accepted)


def test_a_reveal_is_audited_and_listed(service, demo_db, event_loop_qt):
    desk, heard = service
    ticket = first_in(demo_db, S.IN_PROGRESS)
    desk.reveal_contact(ticket.id)
    run_until(event_loop_qt, lambda: heard["contactRevealed"])
    (revealed,) = heard["contactRevealed"][-1]
    assert revealed.referral_id == ticket.id and revealed.audit_id
    (detail,) = heard["detailLoaded"][-1]
    assert [seat for _at, seat in detail.reveals] == ["referrals@t1"]
