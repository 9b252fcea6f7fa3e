"""A refusal in the interface's language: the refusal table (``studio.domain.refusals``) looked
up in Qt's translations.

The lifecycle and the store refuse with a code and arguments (:class:`Refused`); their English
templates are marked for lupdate in the ``Refusals`` context, so here each template and each state
word is translated as it is, then filled. Nothing matches English text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.domain.refusals import Refusal, Refused, worded
from studio.domain.store_faults import is_server_gone


def _translated(text: str) -> str:
    return QCoreApplication.translate("Refusals", text)


def refusal_text(refused: Refused) -> str:
    """Why ``refused``, in the interface's language (English when no translation is loaded)."""
    return worded(refused.code, refused.arguments, _translated)


def problem_text(error: BaseException) -> str:
    """A failure for a person: a refusal in the interface's language, a database server that
    is gone in words (not its socket), anything else as it says."""
    if is_server_gone(error):
        return refusal_text(Refused(Refusal.DATABASE_UNREACHABLE))
    return refusal_text(error) if isinstance(error, Refused) else str(error)
