"""``studio referrals …`` through the real ``studio`` command line: a ticket worked from accepted
to closed, every bad input refused with one line and exit 1 and nothing written, the exports."""

import csv
import datetime as dt
import io
import json

import pytest
from sqlalchemy import select

from studio.cli import main
from studio.domain.model import QuestionFlag, QuestionStatus, ReferralCategory
from studio.domain.referral_table import EXPORT_COLUMNS, JSON_KEYS
from studio.store.models import AuditEvent, Question, Room, Unit
from studio.store.moderation import refer
from studio.store.referrals import get_ticket, ticket_history
from studio.store.repository import StudioRepository
from studio.store.table_files import read_rows
from tests.conftest import DEMO_DAY

AT = dt.datetime(2026, 11, 26, 7, 30)


@pytest.fixture
def desk(demo_db):
    """An accepted ticket of today's session whose viewer left a phone number:
    (db, url, ticket number, units by name)."""
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    with demo_db.transaction() as s:
        room_id = s.scalars(select(Room.id).order_by(Room.id)).first()
        question = Question(
            session_id=session_id,
            room_id=room_id,
            platform_msg_id="cli-1",
            author_id="viewer-9",
            nickname="王阿姨138****5678",
            raw_nickname="王阿姨13812345678",
            raw_text="我母亲的低保怎么停了？电话13912345678",
            display_text="我母亲的低保怎么停了？电话139****5678",
            received_at=AT,
            status=QuestionStatus.NEW,
            flags=int(QuestionFlag.IS_QUESTION | QuestionFlag.PII),
        )
        s.add(question)
        s.flush()
        question_id = question.id
        units = {u.name: u.id for u in s.scalars(select(Unit))}
    refer(
        demo_db,
        [question_id],
        units["民政局"],
        ReferralCategory.HELP,
        "",
        "主持人",
        DEMO_DAY,
        now=AT,
        contact="13912345678",
    )
    ticket = next(
        t for t in StudioRepository(demo_db).referrals() if t.summary.startswith("我母亲")
    )
    return demo_db, str(demo_db.url), ticket.number, units


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_ticket_worked_from_accepted_to_closed(desk, capsys):
    _db, url, number, _units = desk
    steps = [
        ("move", number, "--to", "dispatched", "--reason", "属民政职责"),
        ("move", number, "--to", "signed_for"),
        ("move", number, "--to", "in_progress"),
        ("reply", number, "--text", "已恢复发放，并电话告知", "--by", "社会救助股"),
        ("move", number, "--to", "called_back", "--satisfaction", "satisfied"),
        ("move", number, "--to", "closed", "--json"),
    ]
    for step in steps:
        code, out, err = run(capsys, "referrals", *step, "--db", url, "--seat", "转办员")
        assert (code, err) == (0, ""), step
    closed = json.loads(out)
    assert tuple(closed) == JSON_KEYS
    assert closed["status"] == "closed" and closed["unit"] == "民政局"
    assert closed["reply"] == "已恢复发放，并电话告知" and closed["satisfaction"] == "satisfied"
    assert closed["working_days_left"] is None and closed["overdue"] is False
    code, out, _ = run(capsys, "referrals", "show", number, "--db", url, "--json")
    history = json.loads(out)["history"]
    assert [(h["action"], h["after"], h["seat"]) for h in history][1:] == [
        ("dispatch", "dispatched", "转办员"),
        ("sign_for", "signed_for", "转办员"),
        ("start", "in_progress", "转办员"),
        ("reply", "replied", "转办员"),
        ("call_back", "called_back", "转办员"),
        ("close", "closed", "转办员"),
    ]
    assert history[1]["reason"] == "属民政职责"


def test_list_json_has_exactly_the_keys_and_masks_the_viewer(desk, capsys):
    _db, url, number, _units = desk
    code, out, _ = run(capsys, "referrals", "list", "--db", url, "--json", "--unit", "民政局")
    tickets = json.loads(out)
    assert code == 0 and all(tuple(t) == JSON_KEYS for t in tickets)
    mine = next(t for t in tickets if t["number"] == number)
    assert mine["status"] == "accepted" and mine["category"] == "help"
    assert mine["deadline"] == "2026-12-03" and mine["created_at"] == "2026-11-26T15:30:00+08:00"
    assert mine["askers"] == [
        {
            "question_id": mine["askers"][0]["question_id"],
            "nickname": "王阿姨138****5678",
            "text": "我母亲的低保怎么停了？电话139****5678",
        }
    ]
    assert "13912345678" not in out and "13812345678" not in out


def test_list_filters_by_status_and_overdue(desk, capsys):
    _db, url, number, _units = desk
    code, out, _ = run(capsys, "referrals", "list", "--db", url, "--status", "accepted")
    assert code == 0 and number in out and all("accepted" in line for line in out.splitlines())
    late = ("--today", "2026-12-04")
    code, out, _ = run(capsys, "referrals", "list", "--db", url, "--overdue", "--json", *late)
    overdue = json.loads(out)
    assert number in {t["number"] for t in overdue}
    assert all(t["overdue"] and t["working_days_left"] < 0 for t in overdue)


def bad(capsys, desk, *argv):
    """Run a refused command: exit 1, one line on stderr, the ticket unchanged."""
    db, url, number, _units = desk
    ticket_id = int(number.removeprefix("ZB-"))
    before = (get_ticket(db, ticket_id), len(ticket_history(db, ticket_id)))
    code, out, err = run(capsys, "referrals", *argv, "--db", url)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("studio: ")
    assert (get_ticket(db, ticket_id), len(ticket_history(db, ticket_id))) == before
    return err


def work(capsys, desk, *steps):
    _db, url, number, _units = desk
    for step in steps:
        assert run(capsys, "referrals", step[0], number, *step[1:], "--db", url)[0] == 0


def test_a_reply_to_a_closed_ticket_is_refused(desk, capsys):
    work(
        capsys,
        desk,
        ("move", "--to", "dispatched"),
        ("move", "--to", "signed_for"),
        ("reply", "--text", "已答复"),
        ("move", "--to", "called_back", "--satisfaction", "basically_satisfied"),
        ("move", "--to", "closed"),
    )
    err = bad(capsys, desk, "reply", desk[2], "--text", "补充答复")
    assert err == f"studio: {desk[2]}: the ticket is closed; nothing more is done to it\n"


def test_an_extension_after_the_deadline_is_refused(desk, capsys):
    work(capsys, desk, ("move", "--to", "dispatched"))
    after = ("--today", "2026-12-04")  # due 2026-12-03
    err = bad(
        capsys, desk, "extend", desk[2], "--until", "2026-12-10", "--reason", "需核查", *after
    )
    assert "the deadline 2026-12-03 has passed" in err


def test_an_extension_in_time_then_granted_moves_the_deadline(desk, capsys):
    work(
        capsys,
        desk,
        ("move", "--to", "dispatched"),
        ("extend", "--until", "2026-12-10", "--reason", "需现场核查", "--today", "2026-12-03"),
        ("extension", "grant"),
    )
    db, _url, number, _units = desk
    assert get_ticket(db, int(number[3:])).deadline == dt.date(2026, 12, 10)


def test_a_redispatch_to_a_retired_unit_is_refused(desk, capsys):
    db, _url, number, units = desk
    work(
        capsys,
        desk,
        ("move", "--to", "dispatched"),
        ("move", "--to", "returned", "--reason", "非本单位"),
    )
    other = next(name for name in units if name != "民政局")
    with db.transaction() as s:
        s.get(Unit, units[other]).retired = True
    err = bad(capsys, desk, "move", number, "--to", "dispatched", "--unit", other)
    assert err.endswith("is retired; choose a serving unit\n")


def test_a_return_without_a_reason_is_refused(desk, capsys):
    work(capsys, desk, ("move", "--to", "dispatched"))
    err = bad(capsys, desk, "move", desk[2], "--to", "returned")
    assert "with a reason" in err


def test_an_empty_reply_is_refused(desk, capsys):
    work(capsys, desk, ("move", "--to", "dispatched"), ("move", "--to", "signed_for"))
    err = bad(capsys, desk, "reply", desk[2], "--text", "   ")
    assert err.endswith("the reply is empty\n")


@pytest.mark.parametrize("ticket", ["9999", "ZB-9999", "abc"])
def test_an_unknown_ticket_is_refused(desk, capsys, ticket):
    err = bad(capsys, desk, "reply", ticket, "--text", "答复")
    assert f"no referral ticket {ticket if ticket == 'abc' else 9999}" in err


@pytest.mark.parametrize(
    ("to", "says"),
    [("replied", "studio referrals reply"), ("accepted", "never goes back to accepted")],
)
def test_moves_that_need_another_command_or_cannot_be(desk, capsys, to, says):
    err = bad(capsys, desk, "move", desk[2], "--to", to)
    assert says in err


def test_an_unknown_unit_is_refused(desk, capsys):
    err = bad(capsys, desk, "move", desk[2], "--to", "dispatched", "--unit", "没有这个局")
    assert "no such unit" in err


def test_urging_is_counted(desk, capsys):
    work(capsys, desk, ("move", "--to", "dispatched"), ("urge", "--note", "请尽快签收"))
    db, url, number, _ = desk
    code, _out, _ = run(capsys, "referrals", "urge", number, "--db", url)
    assert code == 0 and get_ticket(db, int(number[3:])).urge_count == 2


def test_reveal_prints_the_contact_and_is_audited(desk, capsys):
    db, url, number, _units = desk
    code, out, _ = run(
        capsys, "referrals", "reveal", number, "--seat", "转办员", "--db", url, "--json"
    )
    shown = json.loads(out)
    assert code == 0 and shown["contact"] == "13912345678"
    assert shown["askers"][0]["nickname"] == "王阿姨13812345678"
    assert shown["askers"][0]["author_id"] == "viewer-9"
    with db.sessions() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "referral.reveal_contact")
        ).one()
        assert event.seat == "转办员" and event.subject == f"referral:{int(number[3:])}"


def test_figures_per_unit(desk, capsys):
    _db, url, _number, _units = desk
    code, out, _ = run(
        capsys,
        "referrals",
        "figures",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--db",
        url,
        "--json",
        "--today",
        "2026-11-26",
    )
    figures = json.loads(out)
    assert code == 0 and figures
    assert {"unit", "received", "on_time_rate", "satisfaction_rate"} <= set(figures[0])


def test_export_csv_has_a_bom_and_one_row_per_ticket(desk, capsys, tmp_path):
    _db, url, number, _units = desk
    out = tmp_path / "tickets.csv"
    code, said, _ = run(
        capsys,
        "referrals",
        "export",
        "--unit",
        "民政局",
        "--format",
        "csv",
        "--out",
        str(out),
        "--db",
        url,
    )
    raw = out.read_bytes()
    assert code == 0 and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert all(r["unit"] == "民政局" for r in rows)
    mine = next(r for r in rows if r["number"] == number)
    assert mine["asker_names"] == "王阿姨138****5678" and "13912345678" not in raw.decode(
        "utf-8-sig"
    )
    assert said == f"wrote {len(rows)} ticket(s) to {out}\n"


def test_export_xlsx_reads_back(desk, capsys, tmp_path):
    _db, url, number, _units = desk
    out = tmp_path / "tickets.xlsx"
    assert (
        run(capsys, "referrals", "export", "--format", "xlsx", "--out", str(out), "--db", url)[0]
        == 0
    )
    rows = read_rows(out)
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert number in {r[0] for r in rows[1:]}


def test_export_to_an_unwritable_place_is_one_line(desk, capsys, tmp_path):
    _db, url, _number, _units = desk
    out = tmp_path / "missing" / "tickets.csv"
    code, _out, err = run(
        capsys, "referrals", "export", "--format", "csv", "--out", str(out), "--db", url
    )
    assert code == 1 and err.count("\n") == 1 and "tickets.csv" in err


def test_orders_xlsx_is_one_sheet_per_unit_with_the_open_tickets(desk, capsys, tmp_path):
    from openpyxl import load_workbook

    from studio.domain.work_order import WORK_ORDER_COLUMNS

    db, url, number, _units = desk
    out = tmp_path / "转办单.xlsx"
    code, said, _ = run(
        capsys, "referrals", "orders", "--format", "xlsx", "--out", str(out), "--db", url
    )
    assert code == 0
    book = load_workbook(out, read_only=True)
    open_tickets = [t for t in StudioRepository(db).referrals() if t.status != "closed"]
    assert sorted(book.sheetnames) == sorted({t.unit_name for t in open_tickets})
    rows = [list(r) for r in book["民政局"].iter_rows(values_only=True)]
    assert tuple(rows[0]) == WORK_ORDER_COLUMNS
    mine = next(r for r in rows if r[0] == number)
    assert mine[2] == "王阿姨138****5678" and mine[6] == "已受理"
    assert "13912345678" not in str(rows)
    total = sum(len(list(book[name].iter_rows())) - 1 for name in book.sheetnames)
    assert total == len(open_tickets) and said == f"wrote {total} ticket(s) to {out}\n"


def test_export_pdf_is_the_work_order_form_on_a4(desk, capsys, tmp_path):
    import re

    from pypdf import PdfReader

    _db, url, _number, _units = desk
    out = tmp_path / "民政局.pdf"
    code, _said, _ = run(
        capsys,
        "referrals",
        "export",
        "--unit",
        "民政局",
        "--format",
        "pdf",
        "--out",
        str(out),
        "--db",
        url,
    )
    assert code == 0
    reader = PdfReader(out)
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    text = re.sub(r"\s", "", "".join(p.extract_text() for p in reader.pages))
    assert "转办单" in text and "诉求内容" in text and "回访结果" in text
    assert "139****5678" in text and "13912345678" not in text
