"""Colours and style sheets: a light operator window and a dark, calm official's screen."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Timer phases: colour is never the only cue (the screen also shows a word and a shape).
PHASE_COLOURS = {
    "idle": QColor("#9aa5b1"),
    "normal": QColor("#3ddc84"),
    "warning": QColor("#ffc53d"),
    "danger": QColor("#ff7a45"),
    "overtime": QColor("#ff4d4f"),
    "ended": QColor("#9aa5b1"),
}

OK = QColor("#1a7f37")
WARN = QColor("#b35900")
BAD = QColor("#c62828")
MUTED = QColor("#6b7280")

OPERATOR_QSS = """
QStatusBar QLabel { padding: 0 8px; }
QLabel[role="chip"] { border-radius: 9px; padding: 2px 10px; background: #eef1f5; color: #333; }
QLabel[role="chip"][state="ok"] { background: #e3f4e8; color: #1a7f37; }
QLabel[role="chip"][state="warn"] { background: #fff4e0; color: #8a4b00; }
QLabel[role="chip"][state="bad"] { background: #fde8e8; color: #b42318; }
QLabel[role="heading"] { font-size: 18px; font-weight: 600; }
QLabel[role="subtle"] { color: #5b6472; }
QFrame[role="card"] { background: #ffffff; border: 1px solid #dde2e8; border-radius: 8px; }
QLabel[role="big-time"] { font-size: 44px; font-weight: 700; font-family: "DejaVu Sans Mono", monospace; }
"""

OFFICIAL_BACKGROUND = QColor("#0d1117")
OFFICIAL_TEXT = QColor("#e6edf3")
OFFICIAL_MUTED = QColor("#8b949e")
OFFICIAL_QSS = """
QWidget#OfficialScreen { background: #0d1117; }
QLabel { color: #e6edf3; }
QLabel[role="muted"] { color: #8b949e; }
QLabel[role="note"] { background: #1f6feb; color: #ffffff; border-radius: 12px; padding: 12px 24px; }
QLabel[role="phase"] { border-radius: 10px; padding: 6px 22px; color: #0d1117; font-weight: 700; }
QFrame[role="panel"] { background: #161b22; border-radius: 16px; }
QProgressBar { background: #21262d; border: none; border-radius: 8px; }
QProgressBar::chunk { border-radius: 8px; }
"""

# The same phases as text colours on the light operator window (readable on white).
PHASE_TEXT = {
    "idle": QColor("#374151"),
    "normal": QColor("#1a7f37"),
    "warning": QColor("#9a6700"),
    "danger": QColor("#c2410c"),
    "overtime": QColor("#c62828"),
    "ended": QColor("#6b7280"),
}
