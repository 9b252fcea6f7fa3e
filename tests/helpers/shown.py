"""What a widget shows a person: the texts of its visible labels, read through Qt's widget tree
(so a test asserts what is on screen, not a private attribute)."""

from PySide6.QtWidgets import QLabel, QWidget


def shown_labels(widget: QWidget) -> list[QLabel]:
    """The labels inside ``widget`` that show text when it is shown, in creation order."""
    return [
        label
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget) and label.text()
    ]


def shown_texts(widget: QWidget) -> list[str]:
    """The texts of :func:`shown_labels`."""
    return [label.text() for label in shown_labels(widget)]


def label_showing(widget: QWidget, text: str) -> QLabel | None:
    """The shown label whose text is exactly ``text``, or None."""
    return next((label for label in shown_labels(widget) if label.text() == text), None)
