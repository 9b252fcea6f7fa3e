"""The report-back segment (转办回音): which replied tickets a session reports on, and how.

By default a session reports back on its unit's replied tickets that no session has reported
yet, oldest reply first, up to :data:`DEFAULT_ITEMS` (a seven-minute segment holds about that
many); staff may choose others. The official reads each one — the question and the reply's
summary — and the clicker steps through them.
"""

from __future__ import annotations

import re

from studio.domain.model import ReferralStatus

#: Tickets a report-back segment gets unless staff choose.
DEFAULT_ITEMS = 5
#: Characters of a reply the official's screen shows.
SUMMARY_CHARS = 140
#: Statuses whose ticket has a reply to report.
REPLIED = frozenset({ReferralStatus.REPLIED, ReferralStatus.CALLED_BACK, ReferralStatus.CLOSED})

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


def reply_summary(reply: str, limit: int = SUMMARY_CHARS) -> str:
    """The reply shortened for the screen: whole sentences up to ``limit`` characters, else
    the first ``limit - 1`` and an ellipsis; whitespace runs collapsed."""
    text = " ".join(reply.split())
    if len(text) <= limit:
        return text
    summary = ""
    for sentence in _SENTENCE_END.split(text):
        if len(summary) + len(sentence) > limit:
            break
        summary += sentence
    return summary if summary else text[: limit - 1] + "…"
