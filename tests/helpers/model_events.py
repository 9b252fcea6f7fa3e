"""What a Qt model told its views: its row and reset signals, in order, by name."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView

from studio.ui.record_model import RECORD_ROLE

SIGNALS = (
    "modelAboutToBeReset",
    "rowsInserted",
    "rowsRemoved",
    "rowsMoved",
    "dataChanged",
    "layoutChanged",
)


class ModelEvents:
    """Records the names of the signals ``model`` emits (see :data:`SIGNALS`)."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.names: list[str] = []
        for name in SIGNALS:
            getattr(model, name).connect(lambda *_args, name=name: self.names.append(name))

    def take(self) -> list[str]:
        """The names recorded since the last call, without repeats, in order."""
        names, self.names = self.names, []
        return list(dict.fromkeys(names))


def selected_records(view: QAbstractItemView, role: int = RECORD_ROLE) -> list[object]:
    """The records of the rows selected in ``view`` (through any proxy), top to bottom."""
    rows = sorted(view.selectionModel().selectedRows(), key=lambda index: index.row())
    return [index.data(role) for index in rows]
