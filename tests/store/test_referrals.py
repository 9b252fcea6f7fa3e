"""Referral tickets in the store: one per cluster, every move audited in its transaction, refused
moves write nothing, contacts stay masked until revealed (audited), figures per unit."""

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from studio.domain.model import QuestionStatus, ReferralCategory, ReferralStatus, Satisfaction
from studio.domain.referral_lifecycle import (
    CallBack,
    Close,
    Dispatch,
    GrantExtension,
    ReferralRefused,
    Reply,
    RequestExtension,
    Return,
    SignFor,
    Start,
    Urge,
)
from studio.domain.refusals import Refusal, Refused
from studio.store.models import (
    AuditEvent,
    Question,
    Referral,
    ReferralAsker,
    ReferralEvent,
    Unit,
)
from studio.store.moderation import refer
from studio.store.profile import load_profile, save_profile
from studio.store.referral_figures import referral_figures
from studio.store.referrals import (
    contact_reveals,
    get_ticket,
    list_tickets,
    load_deadline_rules,
    move_ticket,
    parse_ticket_id,
    referral_labels,
    reveal_contact,
    ticket_history,
)
from studio.store.undo import undo_last

S = ReferralStatus
TODAY = dt.date(2026, 11, 26)  # Thursday
AT = dt.datetime(2026, 11, 26, 8, 0)  # 16:00 in the studio


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(8, 0))


@pytest.fixture
def ticket(desk):
    """A fresh enquiry ticket for the desk's first question: (db, ticket id, unit ids)."""
    db, _session_id, ids, _room, unit_id = desk
    refer(db, ids[:1], unit_id, ReferralCategory.ENQUIRY, "请核实", "m", TODAY, now=AT)
    with db.sessions() as s:
        referral_id = s.scalars(select(Referral.id).where(Referral.question_id == ids[0])).one()
        units = list(s.scalars(select(Unit.id).where(~Unit.retired).order_by(Unit.id)))
    return db, referral_id, units


def events(db, referral_id):
    with db.sessions() as s:
        return s.scalar(
            select(func.count())
            .select_from(ReferralEvent)
            .where(ReferralEvent.referral_id == referral_id)
        )


def row(db, referral_id):
    with db.sessions() as s:
        r = s.get(Referral, referral_id)
        return (r.status, r.version, r.deadline, r.unit_id, r.reply, r.extension_until)


def move(db, referral_id, the_move, day=TODAY, seat="转办员"):
    return move_ticket(db, referral_id, the_move, seat=seat, now=at(day), today=day)


# -- opening -------------------------------------------------------------------------------------
def test_a_cluster_makes_one_ticket_listing_every_asker(desk):
    db, session_id, ids, _room, unit_id = desk
    with db.transaction() as s:
        for question_id in ids[:3]:
            s.get(Question, question_id).cluster_id = 7
        s.get(Question, ids[2]).status = QuestionStatus.FLAGGED
    refer(db, ids[1:2], unit_id, ReferralCategory.HELP, "", "m", TODAY, now=AT)
    tickets = list_tickets(db, session_id=session_id)
    assert len(tickets) == 1
    (ticket,) = tickets
    assert ticket.number == f"ZB-{ticket.id:04d}"
    # In the order they asked (here all at once: by id).
    assert [a.question_id for a in ticket.askers] == [ids[0], ids[1], ids[2]]
    assert ticket.summary == "问题1？"
    with db.sessions() as s:
        statuses = [s.get(Question, i).status for i in ids[:4]]
    assert statuses == [QuestionStatus.REFERRED] * 3 + [QuestionStatus.NEW]
    labels = referral_labels(db, session_id)
    assert set(labels) == set(ids[:3]) and labels[ids[0]][0] == ticket.number
    # Undo takes the whole cluster back and removes the ticket with its askers and history.
    undo = undo_last(db, session_id, "m")
    assert len(undo.effects) == 1
    with db.sessions() as s:
        assert s.get(Referral, ticket.id) is None
        assert not s.scalars(
            select(ReferralAsker).where(ReferralAsker.referral_id == ticket.id)
        ).all()
        assert events(db, ticket.id) == 0
        assert [s.get(Question, i).status for i in ids[:3]] == [
            QuestionStatus.NEW,
            QuestionStatus.NEW,
            QuestionStatus.FLAGGED,
        ]


def test_a_later_asker_of_the_cluster_joins_its_ticket_and_undo_takes_it_off(desk):
    """One ticket per cluster: a viewer who asks the same thing after the R joins the ticket
    the cluster has (its row then names that ticket), with a history row; undo takes them off."""
    db, session_id, ids, _room, unit_id = desk
    with db.transaction() as s:
        for question_id in ids[:2]:
            s.get(Question, question_id).cluster_id = 9
    refer(db, ids[:1], unit_id, ReferralCategory.HELP, "", "m", TODAY, now=AT)
    (ticket,) = list_tickets(db, session_id=session_id)
    assert [a.question_id for a in ticket.askers] == ids[:2]
    with db.transaction() as s:  # a third viewer asks the same, later
        s.get(Question, ids[2]).cluster_id = 9
    refer(db, ids[2:3], unit_id, ReferralCategory.ENQUIRY, "又一位", "m", TODAY, now=AT)
    (after,) = list_tickets(db, session_id=session_id)  # still one ticket
    assert after.id == ticket.id and after.category == ReferralCategory.HELP
    assert [a.question_id for a in after.askers] == ids[:3]
    assert referral_labels(db, session_id)[ids[2]][0] == ticket.number
    with db.sessions() as s:
        assert s.get(Question, ids[2]).status == QuestionStatus.REFERRED
        joins = s.scalars(
            select(ReferralEvent).where(
                ReferralEvent.referral_id == ticket.id, ReferralEvent.action == "join"
            )
        ).all()
        assert len(joins) == 1 and joins[0].reason == "又一位"
    undo_last(db, session_id, "m")
    (kept,) = list_tickets(db, session_id=session_id)
    assert [a.question_id for a in kept.askers] == ids[:2]
    with db.sessions() as s:
        assert s.get(Question, ids[2]).status == QuestionStatus.NEW


def test_questions_in_no_cluster_get_a_ticket_each(desk):
    db, session_id, ids, _room, unit_id = desk
    refer(db, ids[:2], unit_id, ReferralCategory.ENQUIRY, "", "m", TODAY, now=AT)
    tickets = list_tickets(db, session_id=session_id)
    assert sorted(len(t.askers) for t in tickets) == [1, 1]


def test_referring_to_a_retired_unit_is_refused(desk):
    db, _session_id, ids, _room, unit_id = desk
    with db.transaction() as s:
        s.get(Unit, unit_id).retired = True
    with pytest.raises(Refused) as refused:
        refer(db, ids[:1], unit_id, ReferralCategory.ENQUIRY, "", "m", TODAY, now=AT)
    assert refused.value.code == Refusal.NO_UNIT_TO_REFER
    with db.sessions() as s:
        assert s.get(Question, ids[0]).status == QuestionStatus.NEW


def test_refer_uses_the_deadlines_of_the_studio_profile(desk):
    db, session_id, ids, _room, unit_id = desk
    profile = load_profile(db)
    save_profile(db, replace(profile, referral_days={**profile.referral_days, "suggestion": 2}))
    assert load_deadline_rules(db).days_for(ReferralCategory.SUGGESTION) == 2
    refer(db, ids[:1], unit_id, ReferralCategory.SUGGESTION, "", "m", TODAY, now=AT)
    (ticket,) = list_tickets(db, session_id=session_id)
    assert ticket.deadline == dt.date(2026, 11, 30)  # Thursday + 2 working days: Monday


# -- moves ---------------------------------------------------------------------------------------
def test_a_ticket_worked_from_accepted_to_closed_leaves_its_history(ticket):
    db, referral_id, units = ticket
    move(db, referral_id, Dispatch(unit_id=units[1], reason="属民政职责"))
    move(db, referral_id, SignFor())
    move(db, referral_id, Start())
    move(db, referral_id, Reply(text="已联系网友，低保申请已受理", by="李科长"))
    move(db, referral_id, CallBack(satisfaction=Satisfaction.BASICALLY_SATISFIED))
    closed = move(db, referral_id, Close(), seat="转办员2")
    assert closed.status == S.CLOSED and closed.unit_id == units[1]
    assert closed.reply == "已联系网友，低保申请已受理" and closed.reply_by == "李科长"
    assert closed.satisfaction == Satisfaction.BASICALLY_SATISFIED
    assert closed.closed_at == at(TODAY) and closed.signed_at == at(TODAY)
    assert closed.version == 7
    history = ticket_history(db, referral_id)
    assert [(e.action, e.status_before, e.status_after) for e in history] == [
        ("accept", None, S.ACCEPTED),
        ("dispatch", S.ACCEPTED, S.DISPATCHED),
        ("sign_for", S.DISPATCHED, S.SIGNED_FOR),
        ("start", S.SIGNED_FOR, S.IN_PROGRESS),
        ("reply", S.IN_PROGRESS, S.REPLIED),
        ("call_back", S.REPLIED, S.CALLED_BACK),
        ("close", S.CALLED_BACK, S.CLOSED),
    ]
    assert history[1].reason == "属民政职责" and history[1].seat == "转办员"
    assert history[1].detail["unit"] == [units[0], units[1]]
    assert history[-1].seat == "转办员2" and history[-1].at == at(TODAY)


@pytest.mark.parametrize(
    ("setup", "bad", "code"),
    [
        ([], Reply(text="x"), Refusal.REFERRAL_DISPATCH_FIRST),
        (["dispatch", "sign"], Reply(text="   "), Refusal.REPLY_EMPTY),
        (["dispatch", "sign", "reply", "satisfied", "close"], Reply(text="补充"), None),
        (["dispatch"], RequestExtension(until=dt.date(2026, 12, 31), reason="r"), None),
        (["dispatch", "return"], Dispatch(unit_id=-1), Refusal.NO_UNIT_TO_REFER),
        (["dispatch", "return"], "retired", Refusal.UNIT_RETIRED),
        (["dispatch"], GrantExtension(), Refusal.NO_EXTENSION_PENDING),
    ],
)
def test_a_refused_move_writes_nothing(ticket, setup, bad, code):
    db, referral_id, units = ticket
    steps = {
        "dispatch": Dispatch(unit_id=units[0]),
        "sign": SignFor(),
        "reply": Reply(text="已答复"),
        "satisfied": CallBack(satisfaction=Satisfaction.SATISFIED),
        "close": Close(),
        "return": Return(reason="非本单位职责"),
    }
    for name in setup:
        move(db, referral_id, steps[name])
    day = TODAY
    if isinstance(bad, RequestExtension):
        day = get_ticket(db, referral_id).deadline + dt.timedelta(days=1)
        code = Refusal.EXTENSION_AFTER_DEADLINE
    if isinstance(bad, Reply) and "close" in setup:
        code = Refusal.REFERRAL_CLOSED
    if bad == "retired":
        with db.transaction() as s:
            s.get(Unit, units[2]).retired = True
        bad = Dispatch(unit_id=units[2])
    before, count = row(db, referral_id), events(db, referral_id)
    with pytest.raises(ReferralRefused) as refused:
        move(db, referral_id, bad, day)
    assert refused.value.code == code
    assert row(db, referral_id) == before and events(db, referral_id) == count


def test_an_unknown_ticket_is_refused(fresh_db):
    with pytest.raises(ReferralRefused) as refused:
        move_ticket(fresh_db, 4242, SignFor(), seat="x")
    assert refused.value.code == Refusal.NO_REFERRAL
    with pytest.raises(ReferralRefused):
        get_ticket(fresh_db, 4242)
    with pytest.raises(ReferralRefused):
        ticket_history(fresh_db, 4242)


def test_return_then_redispatch_to_another_unit_with_a_fresh_deadline(ticket):
    db, referral_id, units = ticket
    move(db, referral_id, Dispatch(unit_id=units[0]))
    returned = move(db, referral_id, Return(reason="不属于本单位职责"))
    assert returned.status == S.RETURNED and returned.returned_reason == "不属于本单位职责"
    with pytest.raises(ReferralRefused) as refused:
        move(db, referral_id, Dispatch(unit_id=units[0]))
    assert refused.value.code == Refusal.REDISPATCH_SAME_UNIT
    later = dt.date(2026, 11, 30)
    again = move(db, referral_id, Dispatch(unit_id=units[1]), later)
    assert again.unit_id == units[1] and again.deadline == dt.date(2026, 12, 3)


def test_extension_granted_moves_the_deadline_and_urges_are_counted(ticket):
    db, referral_id, units = ticket
    move(db, referral_id, Dispatch(unit_id=units[0]))
    until = dt.date(2026, 12, 10)
    asked = move(db, referral_id, RequestExtension(until=until, reason="需要现场核查"))
    assert asked.extension_until == until
    granted = move(db, referral_id, GrantExtension(reason="同意"))
    assert granted.deadline == until and granted.extension_until is None
    for _ in range(2):
        urged = move(db, referral_id, Urge(reason="请加快办理"))
    assert urged.urge_count == 2
    assert [e.action for e in ticket_history(db, referral_id)][-4:] == [
        "request_extension",
        "grant_extension",
        "urge",
        "urge",
    ]


def test_dissatisfied_reopens_with_a_new_deadline(ticket):
    db, referral_id, units = ticket
    for m in (Dispatch(unit_id=units[0]), SignFor(), Reply(text="已答复")):
        move(db, referral_id, m)
    day = dt.date(2026, 12, 1)
    reopened = move(db, referral_id, CallBack(satisfaction=Satisfaction.DISSATISFIED), day)
    assert reopened.status == S.IN_PROGRESS and reopened.deadline == dt.date(2026, 12, 4)


def test_a_move_is_planned_from_the_stored_ticket_not_a_stale_one(ticket):
    """Signing for twice (a second seat that still showed "dispatched"): the second is
    planned from what is stored now and refused, not written over the first."""
    db, referral_id, units = ticket
    move(db, referral_id, Dispatch(unit_id=units[0]))
    move(db, referral_id, SignFor())
    with pytest.raises(ReferralRefused):
        move(db, referral_id, SignFor())
    assert events(db, referral_id) == 3


def test_undo_of_r_is_refused_once_the_contact_was_revealed(desk):
    db, session_id, ids, _room, unit_id = desk
    refer(db, ids[:1], unit_id, ReferralCategory.HELP, "", "m", TODAY, now=AT)
    (shown,) = list_tickets(db, session_id=session_id)
    reveal_contact(db, shown.id, seat="转办员", now=AT)
    with pytest.raises(Refused) as refused:
        undo_last(db, session_id, "m")
    assert refused.value.code == Refusal.CONTACT_REVEALED
    assert get_ticket(db, shown.id).number == shown.number


# -- listing and contacts -------------------------------------------------------------------------
def test_lists_filter_by_unit_status_and_overdue(ticket):
    db, referral_id, units = ticket
    move(db, referral_id, Dispatch(unit_id=units[1]))
    with db.sessions() as s:
        unit = s.get(Unit, units[1])
        name, short = unit.name, unit.short_name
    assert referral_id in {t.id for t in list_tickets(db, unit=name)}
    assert {t.unit_id for t in list_tickets(db, unit=short, status=S.DISPATCHED)} == {units[1]}
    assert {t.status for t in list_tickets(db, unit=name, status=S.CLOSED)} <= {S.CLOSED}
    assert referral_id not in {t.id for t in list_tickets(db, status=S.CLOSED)}
    deadline = get_ticket(db, referral_id).deadline
    assert referral_id not in {t.id for t in list_tickets(db, overdue_on=deadline)}
    late = deadline + dt.timedelta(days=1)
    assert referral_id in {t.id for t in list_tickets(db, overdue_on=late)}
    with pytest.raises(ReferralRefused) as refused:
        list_tickets(db, unit="没有这个局")
    assert refused.value.code == Refusal.NO_SUCH_UNIT


def test_the_contact_stays_masked_until_revealed_and_each_reveal_is_audited(desk):
    db, _session_id, ids, _room, unit_id = desk
    with db.transaction() as s:
        q = s.get(Question, ids[0])
        q.raw_text, q.display_text = "我家低保13912345678", "我家低保139****5678"
        q.raw_nickname, q.nickname = "王阿姨13812345678", "王阿姨138****5678"
    refer(
        db, ids[:1], unit_id, ReferralCategory.HELP, "", "m", TODAY, now=AT, contact="13912345678"
    )
    (shown,) = list_tickets(db, unit=unit_id)
    assert "13912345678" not in repr(shown)
    assert shown.contact == "139****5678"
    assert shown.askers[0].nickname == "王阿姨138****5678"
    revealed = reveal_contact(db, shown.id, seat="转办员", now=AT)
    assert revealed.contact == "13912345678"
    assert revealed.askers[0].nickname == "王阿姨13812345678"
    assert revealed.askers[0].text == "我家低保13912345678"
    reveal_contact(db, shown.id, seat="转办员2", now=AT + dt.timedelta(minutes=5))
    assert contact_reveals(db, shown.id) == [
        (AT, "转办员"),
        (AT + dt.timedelta(minutes=5), "转办员2"),
    ]
    with db.sessions() as s:
        event = s.get(AuditEvent, revealed.audit_id)
        assert event.subject == f"referral:{shown.id}" and shown.number in event.after
    with pytest.raises(ValueError):
        reveal_contact(db, shown.id, seat=" ")
    with pytest.raises(ReferralRefused):
        reveal_contact(db, 4242, seat="转办员")


def test_ticket_numbers_parse_as_people_type_them():
    assert parse_ticket_id("ZB-0012") == 12
    assert parse_ticket_id("zb12") == 12 and parse_ticket_id(" 7 ") == 7
    for bad in ("", "ZB-", "abc", "-3", "0", "１２", "9" * 30):
        with pytest.raises(ReferralRefused):
            parse_ticket_id(bad)


# -- figures -------------------------------------------------------------------------------------
def test_figures_per_unit_and_period(desk):
    db, session_id, ids, _room, _unit_id = desk
    with db.transaction() as s:  # two units of their own: the demo's have tickets already
        units = [Unit(name=name, short_name=name, kind="department") for name in ("甲局", "乙局")]
        s.add_all(units)
        s.flush()
        unit_id, other = (u.id for u in units)
    refer(db, ids[:4], unit_id, ReferralCategory.ENQUIRY, "", "m", TODAY, now=AT)
    tickets = {t.askers[0].question_id: t.id for t in list_tickets(db, session_id=session_id)}
    a, b, c, d = (tickets[i] for i in ids[:4])
    # a: closed on time, satisfied; b: replied late, basically satisfied, closed late;
    # c: returned by the unit, then dispatched to another; d: still in progress, overdue.
    for tid in (a, b, c, d):
        move(db, tid, Dispatch(unit_id=unit_id))
    for m in (SignFor(), Reply(text="已答复"), CallBack(satisfaction=Satisfaction.SATISFIED)):
        move(db, a, m)
    move(db, a, Close(), dt.date(2026, 11, 27))
    move(db, b, SignFor())
    late = dt.date(2026, 12, 3)
    move(db, b, Reply(text="已答复"), late)
    move(db, b, CallBack(satisfaction=Satisfaction.BASICALLY_SATISFIED), late)
    move(db, b, Close(), late)
    move(db, c, Return(reason="非本单位"))
    move(db, c, Dispatch(unit_id=other))
    move(db, d, SignFor())
    first, last, today = dt.date(2026, 11, 1), dt.date(2026, 12, 31), dt.date(2026, 12, 4)
    figures = {f.unit_id: f for f in referral_figures(db, first, last, today=today)}
    mine = figures[unit_id]
    assert (mine.received, mine.closed, mine.returned) == (4, 2, 1)
    assert mine.returned_rate == 0.25
    assert (mine.due, mine.closed_on_time, mine.on_time_rate) == (3, 1, 1 / 3)  # a, b, d
    assert mine.overdue_now == 1  # d
    assert (mine.called_back, mine.satisfied) == (2, 2)
    assert mine.mean_working_days_to_reply == (0 + 5) / 2  # a same day; b Thursday → Thursday
    assert figures[other].received == 1 and figures[other].overdue_now == 1  # c, since 12-01
    strict = {
        f.unit_id: f for f in referral_figures(db, first, last, today=today, basically_counts=False)
    }
    assert strict[unit_id].satisfaction_rate == 0.5
    # Another period sees none of it, but what is overdue now is overdue whatever the period.
    march = referral_figures(db, dt.date(2027, 3, 1), dt.date(2027, 3, 31), today=today)
    quiet = next(f for f in march if f.unit_id == unit_id)
    assert (quiet.received, quiet.closed, quiet.on_time_rate, quiet.overdue_now) == (
        0,
        0,
        None,
        1,
    )


def test_a_backwards_period_is_refused(fresh_db):
    with pytest.raises(Refused):
        referral_figures(fresh_db, dt.date(2026, 12, 2), dt.date(2026, 12, 1), today=TODAY)


def test_deadlines_count_the_days_entered_by_hand(desk):
    """A day an operator marked as a holiday (休) is not a working day for a deadline."""
    from studio.domain.calendar import add_working_days
    from studio.store.calendar_days import enter_day

    db, session_id, ids, _room, unit_id = desk
    usual = add_working_days(TODAY, 3)
    next_working = add_working_days(TODAY, 1)
    enter_day(db, next_working, False, "县里补休")
    refer(db, ids[:1], unit_id, ReferralCategory.ENQUIRY, "", "m", TODAY, now=AT)
    (ticket,) = list_tickets(db, session_id=session_id)
    # Thursday + 3 working days is Tuesday; with Friday off it is Wednesday.
    assert usual == dt.date(2026, 12, 1) and ticket.deadline == dt.date(2026, 12, 2)


def test_the_history_names_the_person_at_the_seat(ticket):
    """Seats with names (``--seat 王芳``): each history row names its person too, as the audit
    does; rows from a seat without a name show its seat."""
    from studio.domain.seats import Seat, SeatRole

    db, referral_id, units = ticket
    db.seat = Seat("王芳", SeatRole.REFERRALS)
    move(db, referral_id, Dispatch(unit_id=units[1], reason="属民政职责"), seat="referrals@desk2")
    history = ticket_history(db, referral_id)
    assert [(e.seat, e.person) for e in history][-1] == ("referrals@desk2", "王芳")
    assert history[0].person == ""  # made before this seat had a name
