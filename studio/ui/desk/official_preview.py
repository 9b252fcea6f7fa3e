"""A small live mirror of the official's screen for the desk: the same view, at a glance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from studio.ui import theme
from studio.ui.official_view import PHASE_SHAPES, OfficialView


class OfficialPreview(QFrame):
    """What the official's screen shows now, in a strip above the on-air queue.

    Fed the very :class:`OfficialView` the official's screen gets (the window passes each one
    to both), so it can't show anything else: the question (or segment notes or briefing
    point) on air, the countdown with its phase in colour and word, the next question, the
    moderator's note and a blackout. Dark like the screen it mirrors; all text plain.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OfficialPreview")
        self.setToolTip(self.tr("What the official's screen shows now"))
        self.setStyleSheet(
            f"#OfficialPreview {{ background: {theme.OFFICIAL_BACKGROUND.name()};"
            " border-radius: 6px; }"
            f" #OfficialPreview QLabel {{ color: {theme.OFFICIAL_TEXT.name()}; }}"
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 8)
        box.setSpacing(2)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Official's screen"), textFormat=Qt.TextFormat.PlainText)
        self.segment = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.remaining = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.phase = QLabel(textFormat=Qt.TextFormat.PlainText)
        for label in (self.title, self.segment):
            label.setStyleSheet(f"color: {theme.OFFICIAL_MUTED.name()};")
        top.addWidget(self.title)
        top.addWidget(self.segment, 1)
        top.addWidget(self.remaining)
        top.addWidget(self.phase)
        box.addLayout(top)
        self.caption = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.caption.setStyleSheet(f"color: {theme.OFFICIAL_MUTED.name()}; font-size: 11px;")
        self.focus = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.focus.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.focus.setMaximumHeight(64)  # about three lines; the screen itself fits it all
        self.next_item = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.next_item.setStyleSheet(f"color: {theme.OFFICIAL_MUTED.name()};")
        self.note = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.note.setStyleSheet("background: #1f6feb; font-weight: 700; padding: 2px;")
        for widget in (self.caption, self.focus, self.next_item, self.note):
            box.addWidget(widget)
        # One-line texts are clipped, never widen the queue beside the feed.
        for label in (self.segment, self.caption, self.next_item):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._view: OfficialView | None = None
        self.show_view(OfficialView())

    def view(self) -> OfficialView | None:
        return self._view

    def show_view(self, view: OfficialView) -> None:
        """The official's screen changed (or a timer tick): show the same."""
        if view == self._view:
            return  # a tick that changed nothing the official sees
        self._view = view
        colour = theme.PHASE_COLOURS.get(view.phase, theme.PHASE_COLOURS["idle"])
        self.segment.setText(view.segment_title)
        self.remaining.setText(view.remaining)
        self.remaining.setStyleSheet(f"color: {colour.name()}; font-weight: 700;")
        self.phase.setText(f"{PHASE_SHAPES.get(view.phase, '○')} {view.phase_word}")
        if view.blackout:
            self.caption.setText(self.tr("Blackout: the official sees a black screen"))
            self.focus.setText("")
            self.next_item.setText("")
        else:
            self.caption.setText(view.focus_caption)
            self.focus.setText(view.focus_text)
            self.next_item.setText(
                self.tr("Next: {question}").format(question=view.next_items[0])
                if view.next_items
                else ""
            )
        self.next_item.setVisible(bool(self.next_item.text()))
        self.note.setText(view.note)
        self.note.setVisible(bool(view.note) and not view.blackout)
