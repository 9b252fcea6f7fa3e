"""Why the lifecycle or the store refused: a code, its arguments, and the one table that words it.

A refusal is raised as ``SomeRefused(Refusal.X, id=12, status=QuestionStatus.ON_AIR)``: a code
and plain values (ids, names, statuses, dates). :data:`TEMPLATES` words every code once, in
English with named ``{arguments}``; the exception's ``str()`` is that English, for logs and the
CLI. The interface words the same templates in its language (``studio/services/refusal_text.py``
looks each one up in Qt's translations): the domain knows no Qt, so each template is marked with
:func:`QT_TRANSLATE_NOOP`, which lupdate collects into the ``Refusals`` context.

An argument that is one of the studio's states (a question's status, a referral's, an action) is
worded by :data:`WORDS`, in the sentence's case; an argument that is itself a :class:`Refusal`
is worded by its own template with the same arguments (a multi-selection's "question 3: …").
A tuple is worded item by item and joined: states with a comma ("missing: topic, official"),
refusals (each with its own arguments) with a semicolon ("note 1: …; note 3: …").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import StrEnum

from studio.domain.model import QuestionStatus, ReferralCategory, ReferralStatus, SessionStatus

Argument = (
    str | int | dt.date | dt.time | StrEnum | None | tuple[StrEnum, ...] | tuple["Refused", ...]
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` as it is; the name marks it for lupdate (the interface translates it later)."""
    return text


class Refusal(StrEnum):
    """Every reason the lifecycle and the store refuse with (the keys of :data:`TEMPLATES`)."""

    # the question lifecycle
    NO_SELECTION = "no_selection"
    ONE_ON_AIR = "one_on_air"
    NOT_IN_SESSION = "not_in_session"
    IN_SELECTION = "in_selection"
    CANNOT = "cannot"
    ALREADY_FLAGGED = "already_flagged"
    ALREADY_QUEUED = "already_queued"
    ALREADY_ON_AIR = "already_on_air"
    ALREADY_ANSWERED = "already_answered"
    ALREADY_HIDDEN = "already_hidden"
    ALREADY_REFERRED = "already_referred"
    REFERRED_ANSWERED_BY_REPLY = "referred_answered_by_reply"
    HIDDEN_UNHIDE_FIRST = "hidden_unhide_first"
    ANSWERED_TEXT_ON_RECORD = "answered_text_on_record"
    REFERRED_TEXT_ON_RECORD = "referred_text_on_record"
    CHANGED_SINCE = "changed_since"
    GONE_SINCE = "gone_since"
    ALREADY_BY = "already_by"
    MOVED_BY = "moved_by"
    # the store's moderation
    EDIT_EMPTY = "edit_empty"
    NO_UNIT_TO_REFER = "no_unit_to_refer"
    MERGE_NEEDS_TWO = "merge_needs_two"
    ONE_CLUSTER_ALREADY = "one_cluster_already"
    NO_ACCOUNT_TO_BLOCK = "no_account_to_block"
    ALREADY_BLOCKED = "already_blocked"
    AUTHOR_ALREADY_BLOCKED = "author_already_blocked"
    NOT_BLOCKED = "not_blocked"
    NOTHING_TO_UNDO = "nothing_to_undo"
    TEXT_CHANGED_SINCE = "text_changed_since"
    REFERRAL_HANDLED = "referral_handled"
    KEPT_CHANGING = "kept_changing"
    # the on-air queue
    QUEUE_EMPTY = "queue_empty"
    NOT_QUEUED = "not_queued"
    ALREADY_FIRST = "already_first"
    ALREADY_LAST = "already_last"
    ALREADY_THERE = "already_there"
    ANCHOR_LEFT_QUEUE = "anchor_left_queue"
    # running orders and their templates
    RUNDOWN_LIVE = "rundown_live"
    RUNDOWN_ENDED = "rundown_ended"
    SESSION_MISSING = "session_missing"
    TEMPLATE_NAME_EMPTY = "template_name_empty"
    TEMPLATE_NAME_TOO_LONG = "template_name_too_long"
    TEMPLATE_MISSING = "template_missing"
    TEMPLATE_DAMAGED = "template_damaged"
    # units and their officials
    KIND_REQUIRED = "kind_required"
    KIND_UNKNOWN = "kind_unknown"
    NAME_EMPTY = "name_empty"
    NAME_TOO_LONG = "name_too_long"
    SHORT_NAME_EMPTY = "short_name_empty"
    SHORT_NAME_TOO_LONG = "short_name_too_long"
    KEYWORD_TOO_LONG = "keyword_too_long"
    OFFICIAL_NAME_EMPTY = "official_name_empty"
    TITLE_TOO_LONG = "title_too_long"
    UNIT_NAME_TAKEN = "unit_name_taken"
    OFFICIAL_NAME_TAKEN = "official_name_taken"
    NO_UNIT_WITH_ID = "no_unit_with_id"
    NO_OFFICIAL_WITH_ID = "no_official_with_id"
    NOT_YES_OR_NO = "not_yes_or_no"
    OFFICIAL_TWICE = "official_twice"
    TABLE_INVALID = "table_invalid"
    # the rota and the schedule
    WEEKS_AT_LEAST_ONE = "weeks_at_least_one"
    PERIOD_BACKWARDS = "period_backwards"
    UNIT_WEIGHT_NOT_POSITIVE = "unit_weight_not_positive"
    ROTA_EMPTY = "rota_empty"
    NO_UNIT_CALLED = "no_unit_called"
    WEIGHT_NOT_POSITIVE = "weight_not_positive"
    NO_SESSION = "no_session"
    NO_SESSION_TODAY = "no_session_today"
    NOTHING_ON_AIR = "nothing_on_air"
    SESSION_STAYS = "session_stays"
    NOT_A_WORKING_DAY = "not_a_working_day"
    DAY_TAKEN = "day_taken"
    SESSION_NOT_EDITABLE = "session_not_editable"
    STATUS_NOT_BY_HAND = "status_not_by_hand"
    SLOT_BACKWARDS = "slot_backwards"
    TOPIC_TOO_LONG = "topic_too_long"
    UNIT_NOT_ON_ROTA = "unit_not_on_rota"
    OFFICIAL_NOT_OF_UNIT = "official_not_of_unit"
    OFFICIAL_RETIRED = "official_retired"
    READY_MISSING = "ready_missing"
    NO_TEMPLATE_READABLE = "no_template_readable"
    # briefing notes
    NOTES_INVALID = "notes_invalid"
    NOTE_TITLE_EMPTY = "note_title_empty"
    NOTE_TITLE_TOO_LONG = "note_title_too_long"
    NOTE_TEXT_TOO_LONG = "note_text_too_long"
    # the rundown clock
    CLOCK_NOT_STARTED = "clock_not_started"
    CLOCK_ENDED = "clock_ended"
    CLOCK_RUNNING = "clock_running"
    CLOCK_PAUSED = "clock_paused"
    CLOCK_NOT_PAUSED = "clock_not_paused"
    CLOCK_AT_FIRST = "clock_at_first"
    CLOCK_NO_SEGMENT = "clock_no_segment"
    # a table file's cells (import previews of the schedule and the units)
    FILE_EMPTY = "file_empty"
    COLUMN_MISSING = "column_missing"
    COLUMN_UNKNOWN = "column_unknown"
    NOT_A_DATE = "not_a_date"
    DATE_TWICE = "date_twice"
    NOT_A_TIME = "not_a_time"
    ENDS_BEFORE_START = "ends_before_start"
    NO_SUCH_UNIT = "no_such_unit"
    CELL_EMPTY = "cell_empty"
    CELL_TOO_LONG = "cell_too_long"
    STATUS_NOT_ONE_OF = "status_not_one_of"
    NOT_OF_THIS_UNIT = "not_of_this_unit"
    SESSION_ON_DAY_IS = "session_on_day_is"
    STATUS_NOT_FROM_FILE = "status_not_from_file"
    NOT_READY_WITHOUT = "not_ready_without"
    NAME_ALSO_ON_LINE = "name_also_on_line"
    NAME_IS_UNIT = "name_is_unit"
    NOT_TEXT = "not_text"
    BAD_CSV = "bad_csv"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    LONG_CELL = "long_cell"
    CONTROL_CHARACTER = "control_character"
    FORMULA = "formula"
    ERROR_VALUE = "error_value"
    NOT_A_WORKBOOK = "not_a_workbook"
    # referral tickets
    NO_REFERRAL = "no_referral"
    REFERRAL_CANNOT = "referral_cannot"
    REFERRAL_CLOSED = "referral_closed"
    REFERRAL_DISPATCH_FIRST = "referral_dispatch_first"
    REFERRAL_SIGN_FOR_FIRST = "referral_sign_for_first"
    REFERRAL_ALREADY_REPLIED = "referral_already_replied"
    REFERRAL_CALL_BACK_FIRST = "referral_call_back_first"
    REFERRAL_NOT_BACK_TO = "referral_not_back_to"
    REFERRAL_REPLY_WITH_TEXT = "referral_reply_with_text"
    REDISPATCH_SAME_UNIT = "redispatch_same_unit"
    UNIT_RETIRED = "unit_retired"
    REPLY_EMPTY = "reply_empty"
    RETURN_REASON_EMPTY = "return_reason_empty"
    SATISFACTION_REQUIRED = "satisfaction_required"
    EXTENSION_REASON_EMPTY = "extension_reason_empty"
    EXTENSION_AFTER_DEADLINE = "extension_after_deadline"
    EXTENSION_NOT_LATER = "extension_not_later"
    EXTENSION_PENDING = "extension_pending"
    NO_EXTENSION_PENDING = "no_extension_pending"
    TICKET_KEPT_CHANGING = "ticket_kept_changing"
    CONTACT_REVEALED = "contact_revealed"
    REPORT_BACK_NOT_REPLIED = "report_back_not_replied"
    REPORT_BACK_EMPTY = "report_back_empty"
    NO_QUESTION = "no_question"
    # the studio's profile and its broadcast accounts
    COUNTY_NAME_EMPTY = "county_name_empty"
    ZONE_UNKNOWN = "zone_unknown"
    DEADLINE_OUT_OF_RANGE = "deadline_out_of_range"
    THRESHOLD_OUT_OF_RANGE = "threshold_out_of_range"
    # the control API's settings
    API_MODE_UNKNOWN = "api_mode_unknown"
    API_PORT_OUT_OF_RANGE = "api_port_out_of_range"
    API_LAN_NEEDS_TOKEN = "api_lan_needs_token"
    IMAGE_TOO_LARGE = "image_too_large"
    ACCOUNT_PLATFORM = "account_platform"
    IDENTITY_EMPTY = "identity_empty"
    ACCOUNT_TAKEN = "account_taken"
    NO_ACCOUNT_WITH_ID = "no_account_with_id"
    ACCOUNT_IN_USE = "account_in_use"
    PROFILE_FILE_INVALID = "profile_file_invalid"
    NO_UNIT_FOR_SESSION = "no_unit_for_session"
    # the database itself
    DATABASE_UNREACHABLE = "database_unreachable"
    # seats
    READ_ONLY_SEAT = "read_only_seat"


R = Refusal

# The one wording of every code (English; the interface translates it, see the module's doc).
TEMPLATES: Mapping[Refusal, str] = {
    R.NO_SELECTION: QT_TRANSLATE_NOOP("Refusals", "no question is selected"),
    R.ONE_ON_AIR: QT_TRANSLATE_NOOP("Refusals", "only one question can be on air; select one"),
    R.NOT_IN_SESSION: QT_TRANSLATE_NOOP("Refusals", "question {id} is not in this session"),
    R.IN_SELECTION: QT_TRANSLATE_NOOP("Refusals", "question {id}: {reason}"),
    R.CANNOT: QT_TRANSLATE_NOOP("Refusals", "cannot {action} a question that is {status}"),
    R.ALREADY_FLAGGED: QT_TRANSLATE_NOOP("Refusals", "the question is already flagged"),
    R.ALREADY_QUEUED: QT_TRANSLATE_NOOP("Refusals", "the question is already queued"),
    R.ALREADY_ON_AIR: QT_TRANSLATE_NOOP("Refusals", "the question is already on air"),
    R.ALREADY_ANSWERED: QT_TRANSLATE_NOOP("Refusals", "the question is already answered"),
    R.ALREADY_HIDDEN: QT_TRANSLATE_NOOP("Refusals", "the question is already hidden"),
    R.ALREADY_REFERRED: QT_TRANSLATE_NOOP(
        "Refusals", "the question is already referred to a department"
    ),
    R.REFERRED_ANSWERED_BY_REPLY: QT_TRANSLATE_NOOP(
        "Refusals", "a referred question is answered by the department's reply"
    ),
    R.HIDDEN_UNHIDE_FIRST: QT_TRANSLATE_NOOP("Refusals", "the question is hidden; unhide it first"),
    R.ANSWERED_TEXT_ON_RECORD: QT_TRANSLATE_NOOP(
        "Refusals", "an answered question's text is on record and is not edited"
    ),
    R.REFERRED_TEXT_ON_RECORD: QT_TRANSLATE_NOOP(
        "Refusals", "a referred question's text is on record and is not edited"
    ),
    R.CHANGED_SINCE: QT_TRANSLATE_NOOP(
        "Refusals", "question {id} changed since ({before} → {now}); cannot undo"
    ),
    R.GONE_SINCE: QT_TRANSLATE_NOOP(
        "Refusals", "question {id} changed since ({before} → gone); cannot undo"
    ),
    # Another seat (or this one) moved the question first: who and when, in studio time.
    R.ALREADY_BY: QT_TRANSLATE_NOOP("Refusals", "already {status} by {who} at {time}"),
    R.MOVED_BY: QT_TRANSLATE_NOOP("Refusals", "the question is now {status} ({who}, {time})"),
    R.EDIT_EMPTY: QT_TRANSLATE_NOOP("Refusals", "the edited text is empty"),
    R.NO_UNIT_TO_REFER: QT_TRANSLATE_NOOP("Refusals", "no unit {id} to refer to"),
    R.MERGE_NEEDS_TWO: QT_TRANSLATE_NOOP("Refusals", "select at least two questions to merge"),
    R.ONE_CLUSTER_ALREADY: QT_TRANSLATE_NOOP("Refusals", "the questions are one cluster already"),
    R.NO_ACCOUNT_TO_BLOCK: QT_TRANSLATE_NOOP(
        "Refusals", "this question has no viewer account to block"
    ),
    R.ALREADY_BLOCKED: QT_TRANSLATE_NOOP("Refusals", "{name} is already blocked in this room"),
    R.AUTHOR_ALREADY_BLOCKED: QT_TRANSLATE_NOOP(
        "Refusals", "this author is already blocked in this room"
    ),
    R.NOT_BLOCKED: QT_TRANSLATE_NOOP("Refusals", "block {id} is no longer in force"),
    R.NOTHING_TO_UNDO: QT_TRANSLATE_NOOP("Refusals", "nothing to undo"),
    R.TEXT_CHANGED_SINCE: QT_TRANSLATE_NOOP("Refusals", "question {id} changed since; cannot undo"),
    R.REFERRAL_HANDLED: QT_TRANSLATE_NOOP(
        "Refusals", "referral {id} is already {status}; cannot undo"
    ),
    R.KEPT_CHANGING: QT_TRANSLATE_NOOP(
        "Refusals", "the questions kept changing on another desk; try again"
    ),
    R.QUEUE_EMPTY: QT_TRANSLATE_NOOP("Refusals", "no question is waiting in the on-air queue"),
    R.NOT_QUEUED: QT_TRANSLATE_NOOP("Refusals", "the question is not in the on-air queue"),
    R.ALREADY_FIRST: QT_TRANSLATE_NOOP("Refusals", "the question is already first in the queue"),
    R.ALREADY_LAST: QT_TRANSLATE_NOOP("Refusals", "the question is already last in the queue"),
    R.ALREADY_THERE: QT_TRANSLATE_NOOP(
        "Refusals", "the question is already at that place in the queue"
    ),
    R.ANCHOR_LEFT_QUEUE: QT_TRANSLATE_NOOP(
        "Refusals", "question {id}, where it was dropped, has left the queue meanwhile"
    ),
    R.RUNDOWN_LIVE: QT_TRANSLATE_NOOP(
        "Refusals",
        "the session is live: its running order is read-only; adjust the hour with the timer (add or take away time, absorb the overrun)",
    ),
    R.RUNDOWN_ENDED: QT_TRANSLATE_NOOP(
        "Refusals", "the session has ended: its running order is on record and read-only"
    ),
    R.SESSION_MISSING: QT_TRANSLATE_NOOP("Refusals", "session {id} does not exist"),
    R.TEMPLATE_NAME_EMPTY: QT_TRANSLATE_NOOP("Refusals", "a template needs a name"),
    R.TEMPLATE_NAME_TOO_LONG: QT_TRANSLATE_NOOP(
        "Refusals", "a template name has at most {max} characters"
    ),
    R.TEMPLATE_MISSING: QT_TRANSLATE_NOOP("Refusals", "template {id} does not exist"),
    R.TEMPLATE_DAMAGED: QT_TRANSLATE_NOOP(
        "Refusals", "the template {name} is damaged and cannot be read"
    ),
    R.KIND_REQUIRED: QT_TRANSLATE_NOOP("Refusals", "the kind is required: department or township"),
    R.KIND_UNKNOWN: QT_TRANSLATE_NOOP("Refusals", "unknown kind '{text}': department or township"),
    R.NAME_EMPTY: QT_TRANSLATE_NOOP("Refusals", "the name is empty"),
    R.NAME_TOO_LONG: QT_TRANSLATE_NOOP("Refusals", "the name is longer than {max} characters"),
    R.SHORT_NAME_EMPTY: QT_TRANSLATE_NOOP("Refusals", "the short name is empty"),
    R.SHORT_NAME_TOO_LONG: QT_TRANSLATE_NOOP(
        "Refusals", "the short name '{name}' is longer than {max} characters"
    ),
    R.KEYWORD_TOO_LONG: QT_TRANSLATE_NOOP(
        "Refusals", "the keyword '{keyword}…' is longer than {max} characters"
    ),
    R.OFFICIAL_NAME_EMPTY: QT_TRANSLATE_NOOP("Refusals", "the official's name is empty"),
    R.TITLE_TOO_LONG: QT_TRANSLATE_NOOP("Refusals", "the title is longer than {max} characters"),
    R.UNIT_NAME_TAKEN: QT_TRANSLATE_NOOP("Refusals", "another unit is already called '{name}'"),
    R.OFFICIAL_NAME_TAKEN: QT_TRANSLATE_NOOP(
        "Refusals", "the unit already has an official called '{name}'"
    ),
    R.NO_UNIT_WITH_ID: QT_TRANSLATE_NOOP("Refusals", "no unit with id {id}"),
    R.NO_OFFICIAL_WITH_ID: QT_TRANSLATE_NOOP("Refusals", "no official with id {id}"),
    R.NOT_YES_OR_NO: QT_TRANSLATE_NOOP("Refusals", "'{text}' is not yes or no"),
    R.OFFICIAL_TWICE: QT_TRANSLATE_NOOP("Refusals", "the official '{name}' is listed twice"),
    R.TABLE_INVALID: QT_TRANSLATE_NOOP("Refusals", "{count} problem(s): {problems}"),
    R.WEEKS_AT_LEAST_ONE: QT_TRANSLATE_NOOP("Refusals", "weeks must be at least 1"),
    R.PERIOD_BACKWARDS: QT_TRANSLATE_NOOP("Refusals", "the period ends before it starts"),
    R.UNIT_WEIGHT_NOT_POSITIVE: QT_TRANSLATE_NOOP("Refusals", "unit {id}: weight must be positive"),
    R.ROTA_EMPTY: QT_TRANSLATE_NOOP("Refusals", "no unit is on the rota"),
    R.NO_UNIT_CALLED: QT_TRANSLATE_NOOP("Refusals", "no unit on the rota is called '{name}'"),
    R.WEIGHT_NOT_POSITIVE: QT_TRANSLATE_NOOP("Refusals", "{name}: the weight must be positive"),
    R.NO_SESSION: QT_TRANSLATE_NOOP("Refusals", "no session {id}"),
    R.NO_SESSION_TODAY: QT_TRANSLATE_NOOP("Refusals", "there is no session today"),
    R.NOTHING_ON_AIR: QT_TRANSLATE_NOOP("Refusals", "no question is on air"),
    R.SESSION_STAYS: QT_TRANSLATE_NOOP("Refusals", "session {id} is {status} and stays on {date}"),
    R.NOT_A_WORKING_DAY: QT_TRANSLATE_NOOP("Refusals", "{date} is not a working day"),
    R.DAY_TAKEN: QT_TRANSLATE_NOOP("Refusals", "{date} already has a session"),
    R.SESSION_NOT_EDITABLE: QT_TRANSLATE_NOOP(
        "Refusals", "session {id} is {status} and can no longer be edited"
    ),
    R.STATUS_NOT_BY_HAND: QT_TRANSLATE_NOOP("Refusals", "a session is not set {status} by hand"),
    R.SLOT_BACKWARDS: QT_TRANSLATE_NOOP(
        "Refusals", "the session must end after it starts ({start}–{end})"
    ),
    R.TOPIC_TOO_LONG: QT_TRANSLATE_NOOP("Refusals", "the topic is longer than {max} characters"),
    R.UNIT_NOT_ON_ROTA: QT_TRANSLATE_NOOP("Refusals", "no unit {id} on the rota"),
    R.OFFICIAL_NOT_OF_UNIT: QT_TRANSLATE_NOOP(
        "Refusals", "the official is not one of the unit's own"
    ),
    R.OFFICIAL_RETIRED: QT_TRANSLATE_NOOP("Refusals", "{name} is retired"),
    R.READY_MISSING: QT_TRANSLATE_NOOP(
        "Refusals",
        "a session is ready only with a topic, an official and a running order; missing: {missing}",
    ),
    R.NO_TEMPLATE_READABLE: QT_TRANSLATE_NOOP("Refusals", "no running order template can be read"),
    R.NOTES_INVALID: QT_TRANSLATE_NOOP("Refusals", "the notes were not saved: {problems}"),
    R.NOTE_TITLE_EMPTY: QT_TRANSLATE_NOOP("Refusals", "note {number}: the title is empty"),
    R.NOTE_TITLE_TOO_LONG: QT_TRANSLATE_NOOP(
        "Refusals", "note {number}: the title is longer than {max} characters"
    ),
    R.NOTE_TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "Refusals", "note {number}: the text is longer than {max} characters"
    ),
    R.CLOCK_NOT_STARTED: QT_TRANSLATE_NOOP(
        "Refusals", "the session has not started; press Go first"
    ),
    R.CLOCK_ENDED: QT_TRANSLATE_NOOP("Refusals", "the session has ended"),
    R.CLOCK_RUNNING: QT_TRANSLATE_NOOP("Refusals", "the clock is already running"),
    R.CLOCK_PAUSED: QT_TRANSLATE_NOOP("Refusals", "the clock is already paused"),
    R.CLOCK_NOT_PAUSED: QT_TRANSLATE_NOOP("Refusals", "the clock is not paused"),
    R.CLOCK_AT_FIRST: QT_TRANSLATE_NOOP("Refusals", "already at the first segment"),
    R.CLOCK_NO_SEGMENT: QT_TRANSLATE_NOOP(
        "Refusals", "no segment {number}: the rundown has {count}"
    ),
    R.FILE_EMPTY: QT_TRANSLATE_NOOP("Refusals", "the file is empty: no header row"),
    R.COLUMN_MISSING: QT_TRANSLATE_NOOP("Refusals", "this column is missing"),
    R.COLUMN_UNKNOWN: QT_TRANSLATE_NOOP("Refusals", "unknown column (expected: {columns})"),
    R.NOT_A_DATE: QT_TRANSLATE_NOOP("Refusals", "not a date (YYYY-MM-DD): '{text}'"),
    R.DATE_TWICE: QT_TRANSLATE_NOOP("Refusals", "{date} is already on line {line}"),
    R.NOT_A_TIME: QT_TRANSLATE_NOOP("Refusals", "not a time (HH:MM): '{text}'"),
    R.ENDS_BEFORE_START: QT_TRANSLATE_NOOP("Refusals", "ends before it starts"),
    R.NO_SUCH_UNIT: QT_TRANSLATE_NOOP("Refusals", "no such unit: '{name}'"),
    R.CELL_EMPTY: QT_TRANSLATE_NOOP("Refusals", "empty"),
    R.CELL_TOO_LONG: QT_TRANSLATE_NOOP("Refusals", "longer than {max} characters"),
    R.STATUS_NOT_ONE_OF: QT_TRANSLATE_NOOP("Refusals", "'{text}' is not one of {choices}"),
    R.NOT_OF_THIS_UNIT: QT_TRANSLATE_NOOP("Refusals", "'{name}' is not of this unit"),
    R.SESSION_ON_DAY_IS: QT_TRANSLATE_NOOP("Refusals", "the session on {date} is {status}"),
    R.STATUS_NOT_FROM_FILE: QT_TRANSLATE_NOOP("Refusals", "a file cannot set {status}"),
    R.NOT_READY_WITHOUT: QT_TRANSLATE_NOOP("Refusals", "not ready without: {missing}"),
    R.NAME_ALSO_ON_LINE: QT_TRANSLATE_NOOP("Refusals", "'{name}' is also on line {line}"),
    R.NAME_IS_UNIT: QT_TRANSLATE_NOOP("Refusals", "'{name}' is unit '{unit}'"),
    R.NOT_TEXT: QT_TRANSLATE_NOOP("Refusals", "not text in UTF-8, GB18030 (GBK) or UTF-16"),
    R.BAD_CSV: QT_TRANSLATE_NOOP("Refusals", "not valid CSV ({text})"),
    R.TOO_MANY_ROWS: QT_TRANSLATE_NOOP("Refusals", "more than {limit} rows"),
    R.TOO_MANY_COLUMNS: QT_TRANSLATE_NOOP("Refusals", "more than {limit} columns"),
    R.LONG_CELL: QT_TRANSLATE_NOOP("Refusals", "longer than {limit} characters"),
    R.CONTROL_CHARACTER: QT_TRANSLATE_NOOP("Refusals", "holds a control character ({text})"),
    R.FORMULA: QT_TRANSLATE_NOOP(
        "Refusals", "a formula with no saved value ({text}); paste it as values"
    ),
    R.ERROR_VALUE: QT_TRANSLATE_NOOP("Refusals", "an error value ({text}), not data"),
    R.NOT_A_WORKBOOK: QT_TRANSLATE_NOOP("Refusals", "not a readable workbook: {text}"),
    R.NO_REFERRAL: QT_TRANSLATE_NOOP("Refusals", "no referral ticket {id}"),
    R.REPORT_BACK_NOT_REPLIED: QT_TRANSLATE_NOOP(
        "Refusals", "ticket {id} has no reply to report back yet"
    ),
    R.REPORT_BACK_EMPTY: QT_TRANSLATE_NOOP(
        "Refusals", "no replied ticket is waiting to be reported back in this segment"
    ),
    R.REFERRAL_CANNOT: QT_TRANSLATE_NOOP("Refusals", "cannot {move} a ticket that is {status}"),
    R.REFERRAL_CLOSED: QT_TRANSLATE_NOOP(
        "Refusals", "the ticket is closed; nothing more is done to it"
    ),
    R.REFERRAL_DISPATCH_FIRST: QT_TRANSLATE_NOOP(
        "Refusals", "the ticket is not with a unit; dispatch it first"
    ),
    R.REFERRAL_SIGN_FOR_FIRST: QT_TRANSLATE_NOOP(
        "Refusals", "the unit has not signed for the ticket yet"
    ),
    R.REFERRAL_ALREADY_REPLIED: QT_TRANSLATE_NOOP(
        "Refusals", "the unit has already replied; call the viewer back"
    ),
    R.REFERRAL_CALL_BACK_FIRST: QT_TRANSLATE_NOOP(
        "Refusals", "call the viewer back before closing the ticket"
    ),
    R.REFERRAL_NOT_BACK_TO: QT_TRANSLATE_NOOP("Refusals", "a ticket never goes back to {status}"),
    R.REFERRAL_REPLY_WITH_TEXT: QT_TRANSLATE_NOOP(
        "Refusals", "a ticket is replied with the reply's text"
    ),
    R.REDISPATCH_SAME_UNIT: QT_TRANSLATE_NOOP(
        "Refusals", "that unit returned this ticket; dispatch it to another unit"
    ),
    R.UNIT_RETIRED: QT_TRANSLATE_NOOP("Refusals", "{name} is retired; choose a serving unit"),
    R.REPLY_EMPTY: QT_TRANSLATE_NOOP("Refusals", "the reply is empty"),
    R.RETURN_REASON_EMPTY: QT_TRANSLATE_NOOP("Refusals", "a unit returns a ticket with a reason"),
    R.SATISFACTION_REQUIRED: QT_TRANSLATE_NOOP(
        "Refusals",
        "a call-back records the viewer's answer: satisfied, basically satisfied or dissatisfied",
    ),
    R.EXTENSION_REASON_EMPTY: QT_TRANSLATE_NOOP("Refusals", "an extension is asked with a reason"),
    R.EXTENSION_AFTER_DEADLINE: QT_TRANSLATE_NOOP(
        "Refusals", "the deadline {date} has passed; an extension is asked before it"
    ),
    R.EXTENSION_NOT_LATER: QT_TRANSLATE_NOOP(
        "Refusals", "the new deadline must be after the current one, {date}"
    ),
    R.EXTENSION_PENDING: QT_TRANSLATE_NOOP(
        "Refusals", "an extension to {date} is already waiting for a decision"
    ),
    R.NO_EXTENSION_PENDING: QT_TRANSLATE_NOOP("Refusals", "no extension is waiting for a decision"),
    R.TICKET_KEPT_CHANGING: QT_TRANSLATE_NOOP(
        "Refusals", "the ticket kept changing on another seat; try again"
    ),
    R.CONTACT_REVEALED: QT_TRANSLATE_NOOP(
        "Refusals", "the viewer's contact on referral {id} was revealed; the ticket stays on record"
    ),
    R.NO_QUESTION: QT_TRANSLATE_NOOP("Refusals", "no question {id}"),
    R.COUNTY_NAME_EMPTY: QT_TRANSLATE_NOOP("Refusals", "the county's name is empty"),
    R.ZONE_UNKNOWN: QT_TRANSLATE_NOOP(
        "Refusals", "'{name}' is no time zone (expected e.g. Asia/Shanghai)"
    ),
    R.DEADLINE_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "Refusals", "the deadline for '{name}' must be 1 to {max} working days"
    ),
    R.THRESHOLD_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "Refusals",
        "the low-engagement mark must be 0 to {max} distinct questions per 1,000 viewers",
    ),
    R.IMAGE_TOO_LARGE: QT_TRANSLATE_NOOP("Refusals", "the picture is larger than {max} KB"),
    R.API_MODE_UNKNOWN: QT_TRANSLATE_NOOP(
        "Refusals", "the control API is off, this PC only or the LAN, not '{name}'"
    ),
    R.API_PORT_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "Refusals", "the control API's port must be 1024 to 65535, not {number}"
    ),
    R.API_LAN_NEEDS_TOKEN: QT_TRANSLATE_NOOP(
        "Refusals",
        "on the LAN the control API needs a token of at least {max} characters (Generate makes one)",
    ),
    R.ACCOUNT_PLATFORM: QT_TRANSLATE_NOOP(
        "Refusals", "a broadcast account is on Douyin or Kuaishou, not '{name}'"
    ),
    R.IDENTITY_EMPTY: QT_TRANSLATE_NOOP(
        "Refusals", "the account's capture identity (SecUid or path key) is empty"
    ),
    R.ACCOUNT_TAKEN: QT_TRANSLATE_NOOP(
        "Refusals", "another account already has the identity '{name}'"
    ),
    R.NO_ACCOUNT_WITH_ID: QT_TRANSLATE_NOOP("Refusals", "there is no account {id}"),
    R.ACCOUNT_IN_USE: QT_TRANSLATE_NOOP(
        "Refusals", "the account '{name}' has comments and cannot be removed"
    ),
    R.PROFILE_FILE_INVALID: QT_TRANSLATE_NOOP("Refusals", "not a studio profile file ({text})"),
    R.NO_UNIT_FOR_SESSION: QT_TRANSLATE_NOOP(
        "Refusals", "add a unit first: a session needs a unit in the chair"
    ),
    R.DATABASE_UNREACHABLE: QT_TRANSLATE_NOOP(
        "Refusals",
        "the database server cannot be reached, so nothing was saved; try again when it is back",
    ),
    R.READ_ONLY_SEAT: QT_TRANSLATE_NOOP(
        "Refusals", "{name}'s seat is a viewer's: it only watches, nothing is changed"
    ),
}

# How a list argument is joined: several states ("topic, official"), several refusals
# ("note 1: …; note 2: …").
WORD_SEPARATOR = QT_TRANSLATE_NOOP("Refusals", ", ")
REFUSAL_SEPARATOR = QT_TRANSLATE_NOOP("Refusals", "; ")

# The studio's states as a refusal's sentence says them (lower case, unlike the labels); the
# lifecycle adds its actions (it owns ``ModerationAction``, which imports this module).
WORDS: dict[type, Mapping[StrEnum, str]] = {
    QuestionStatus: {
        QuestionStatus.NEW: QT_TRANSLATE_NOOP("Refusals", "new"),
        QuestionStatus.FLAGGED: QT_TRANSLATE_NOOP("Refusals", "flagged"),
        QuestionStatus.QUEUED: QT_TRANSLATE_NOOP("Refusals", "queued"),
        QuestionStatus.ON_AIR: QT_TRANSLATE_NOOP("Refusals", "on air"),
        QuestionStatus.ANSWERED: QT_TRANSLATE_NOOP("Refusals", "answered"),
        QuestionStatus.REFERRED: QT_TRANSLATE_NOOP("Refusals", "referred to a department"),
        QuestionStatus.HIDDEN: QT_TRANSLATE_NOOP("Refusals", "hidden"),
    },
    ReferralStatus: {
        ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("Refusals", "accepted"),
        ReferralStatus.DISPATCHED: QT_TRANSLATE_NOOP("Refusals", "dispatched"),
        ReferralStatus.SIGNED_FOR: QT_TRANSLATE_NOOP("Refusals", "signed for"),
        ReferralStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Refusals", "in progress"),
        ReferralStatus.REPLIED: QT_TRANSLATE_NOOP("Refusals", "replied"),
        ReferralStatus.CALLED_BACK: QT_TRANSLATE_NOOP("Refusals", "called back"),
        ReferralStatus.CLOSED: QT_TRANSLATE_NOOP("Refusals", "closed"),
        ReferralStatus.RETURNED: QT_TRANSLATE_NOOP("Refusals", "returned"),
    },
    ReferralCategory: {
        ReferralCategory.ENQUIRY: QT_TRANSLATE_NOOP("Refusals", "enquiry"),
        ReferralCategory.HELP: QT_TRANSLATE_NOOP("Refusals", "request for help"),
        ReferralCategory.SUGGESTION: QT_TRANSLATE_NOOP("Refusals", "suggestion"),
        ReferralCategory.COMPLAINT: QT_TRANSLATE_NOOP("Refusals", "complaint"),
    },
    SessionStatus: {
        SessionStatus.PLANNED: QT_TRANSLATE_NOOP("Refusals", "planned"),
        SessionStatus.READY: QT_TRANSLATE_NOOP("Refusals", "ready"),
        SessionStatus.LIVE: QT_TRANSLATE_NOOP("Refusals", "live"),
        SessionStatus.ENDED: QT_TRANSLATE_NOOP("Refusals", "ended"),
    },
}


def worded(
    code: Refusal,
    arguments: Mapping[str, Argument],
    translate: Callable[[str], str] = lambda text: text,
) -> str:
    """``code``'s template filled with ``arguments``, each template and state word passed
    through ``translate`` first (English as it is by default)."""

    def word(value: Argument) -> str:
        if isinstance(value, tuple):
            refusals = [item for item in value if isinstance(item, Refused)]
            if refusals:
                said = (worded(r.code, r.arguments, translate) for r in refusals)
                return translate(REFUSAL_SEPARATOR).join(said)
            states = (word(item) for item in value if not isinstance(item, Refused))
            return translate(WORD_SEPARATOR).join(states)
        if isinstance(value, Refusal):  # a nested reason: its own template, the other values
            inner = {k: v for k, v in arguments.items() if not isinstance(v, Refusal)}
            return worded(value, inner, translate)
        words = WORDS.get(type(value))
        if words is not None and isinstance(value, StrEnum):
            return translate(words[value])
        return "" if value is None else str(value)

    return translate(TEMPLATES[code]).format(**{k: word(v) for k, v in arguments.items()})


class Refused(Exception):
    """A refusal meant for a person: ``code`` and ``arguments``; ``str()`` is the English.

    Attributes:
        code: why (a key of :data:`TEMPLATES`).
        arguments: the template's values (plain: ids, names, statuses, dates).
    """

    def __init__(self, code: Refusal, /, **arguments: Argument) -> None:
        super().__init__(worded(code, arguments))
        self.code = code
        self.arguments: dict[str, Argument] = arguments
