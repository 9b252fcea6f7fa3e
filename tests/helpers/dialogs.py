"""Pressing a dialog's standard buttons the way a person does (OK, Save…), not its private slot."""

from PySide6.QtWidgets import QDialogButtonBox, QWidget

Button = QDialogButtonBox.StandardButton


def press_button(dialog: QWidget, which: QDialogButtonBox.StandardButton) -> None:
    """Click ``which`` in the dialog's one button box."""
    (box,) = dialog.findChildren(QDialogButtonBox)
    button = box.button(which)
    assert button is not None and button.isEnabled(), f"{which} is not there to press"
    button.click()
