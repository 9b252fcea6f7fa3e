"""Rig (手机): both broadcast phones' live health, alarms, roles, and actions on one or both."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.golive import PhoneStatus
from studio.domain.model import RoomRole
from studio.domain.phone_health import PhoneHealth, PhoneState
from studio.domain.records import PhoneRecord, RoomRecord
from studio.ui import labels


def state_text(state: str) -> str:
    """A phone's connection state in the operator's words."""
    words = {
        PhoneState.DEVICE: QCoreApplication.translate("Rig", "Online"),
        PhoneState.OFFLINE: QCoreApplication.translate("Rig", "Offline"),
        PhoneState.UNAUTHORIZED: QCoreApplication.translate("Rig", "Unauthorized"),
        PhoneState.NOT_RESPONDING: QCoreApplication.translate("Rig", "Not responding"),
        PhoneState.DISCONNECTED: QCoreApplication.translate("Rig", "Disconnected"),
    }
    return words.get(state, state)  # type: ignore[call-overload]


def alarm_text(code: str) -> str:
    """An alarm code (`PhoneAlarm`) in the operator's words."""
    words = {
        "disconnected": QCoreApplication.translate("Rig", "Disconnected"),
        "unauthorized": QCoreApplication.translate("Rig", "Not authorized for USB debugging"),
        "not_responding": QCoreApplication.translate("Rig", "Not responding"),
        "battery_low": QCoreApplication.translate("Rig", "Battery low"),
        "too_hot": QCoreApplication.translate("Rig", "Too hot"),
        "live_app_not_in_front": QCoreApplication.translate("Rig", "Live app not in front"),
        "screen_off": QCoreApplication.translate("Rig", "Screen off"),
        "storage_low": QCoreApplication.translate("Rig", "Storage low"),
    }
    return words.get(code, code)


def alarm_advice(code: str) -> str:
    """One line of what to do about an alarm (`PhoneAlarm`), for whoever stands by the phones."""
    words = {
        "disconnected": QCoreApplication.translate(
            "Rig", "Check the USB cable (or Wi-Fi) and that USB debugging is still on."
        ),
        "unauthorized": QCoreApplication.translate(
            "Rig", "On the phone, accept “Allow USB debugging?” (tick Always allow)."
        ),
        "not_responding": QCoreApplication.translate(
            "Rig", "Unplug and plug the cable in again; if it stays, restart the phone."
        ),
        "battery_low": QCoreApplication.translate("Rig", "Plug in the charger."),
        "too_hot": QCoreApplication.translate(
            "Rig", "Take the case off, move it out of the sun or lights, or add a fan."
        ),
        "live_app_not_in_front": QCoreApplication.translate(
            "Rig", "Bring the live app back to the front (Launch live app)."
        ),
        "screen_off": QCoreApplication.translate("Rig", "Wake the screen and press Keep awake."),
        "storage_low": QCoreApplication.translate(
            "Rig", "Delete old videos or photos to free space."
        ),
    }
    return words.get(code, "")


def thermal_text(status: int) -> str:
    """Android's thermal status (0 none … 6 shutdown) in words."""
    words = {
        0: QCoreApplication.translate("Rig", "not throttling"),
        1: QCoreApplication.translate("Rig", "warm, light throttling"),
        2: QCoreApplication.translate("Rig", "hot, moderate throttling"),
        3: QCoreApplication.translate("Rig", "too hot, severe throttling"),
        4: QCoreApplication.translate("Rig", "critical: the app may be closed"),
        5: QCoreApplication.translate("Rig", "emergency: shutting down soon"),
        6: QCoreApplication.translate("Rig", "shutting down"),
    }
    return words.get(status, str(status))


def rig_guidance(
    statuses: Sequence[PhoneStatus], *, adb_missing: bool, simulated: bool = False
) -> str:
    """What to do when the rig can't watch the phones: no adb, no phone, a key to accept.
    Empty when there is nothing to do."""
    if simulated:
        return ""
    if adb_missing:
        return QCoreApplication.translate(
            "Rig",
            "ADB is not running or not installed, so the phones cannot be watched.\n"
            "1. Install Android platform-tools (Debian/Ubuntu: sudo apt install adb; Windows: "
            "download platform-tools from developer.android.com and add it to PATH).\n"
            "2. Start it: adb start-server — this tab checks again every 2 s.",
        )
    if not any(s.health.online for s in statuses):
        unauthorized = [s for s in statuses if s.health.state == PhoneState.UNAUTHORIZED]
        if not unauthorized:
            return QCoreApplication.translate(
                "Rig",
                "No phone is connected. On each phone:\n"
                "1. Settings ▸ About phone: tap Build number seven times (developer options).\n"
                "2. Settings ▸ Developer options: turn on USB debugging.\n"
                "3. Connect the USB cable and accept “Allow USB debugging?” on the phone "
                "(tick Always allow).",
            )
    unauthorized = [s for s in statuses if s.health.state == PhoneState.UNAUTHORIZED]
    if unauthorized:
        return QCoreApplication.translate(
            "Rig",
            "Accept the USB debugging key on {phones}: “Allow USB debugging?” ▸ Always allow ▸ "
            "OK. No prompt? Unplug the cable and plug it in again.",
        ).format(phones=", ".join(phone_name(s) for s in unauthorized))
    return ""


def rig_chip_state(
    statuses: Sequence[PhoneStatus], *, adb_missing: bool, live: bool, marker: str
) -> str:
    """The status bar's phone chip: ``warn`` (amber) while the rig is still being set up — no
    adb, no phone online — before the session is live; ``bad`` for an alarm on a bound phone
    (or no phone while live); ``ok`` only when phones report and none alarms."""
    none_online = not any(s.health.online for s in statuses)
    if adb_missing or none_online:
        return "bad" if live else "warn"
    return "bad" if marker else "ok"


def phone_name(status: PhoneStatus) -> str:
    """What the operator calls a phone: its label, else its model, else its serial."""
    return status.label or status.health.model or status.key


def rig_summary(statuses: Sequence[PhoneStatus], *, adb_missing: bool = False) -> str:
    """The status bar's one line about the phones (e.g. "Phones: 2/2 online · 手机B: Too hot")."""
    if adb_missing:
        return QCoreApplication.translate("Rig", "Phones: no ADB (see the Rig tab)")
    if not statuses:
        return QCoreApplication.translate("Rig", "Phones: none detected")
    online = sum(1 for s in statuses if s.health.online)
    text = QCoreApplication.translate("Rig", "Phones: {online}/{count} online").format(
        online=online, count=len(statuses)
    )
    alarmed = [s for s in statuses if s.alarms]
    if alarmed:
        # Short enough for the status bar: the first phone's worst alarm, and how many more.
        first = alarmed[0]
        text += f" · ▲ {phone_name(first)}: {alarm_text(first.alarms[0])}"
        more = sum(len(s.alarms) for s in alarmed) - 1
        if more:
            text += " " + QCoreApplication.translate("Rig", "(+{count} more)").format(count=more)
    return text


def official_marker(statuses: Sequence[PhoneStatus]) -> str:
    """A short marker for the official's screen when a bound phone raises an alarm, else ""."""
    bad = [s for s in statuses if s.alarms and s.role is not None]
    if not bad:
        return ""
    return "▲ " + QCoreApplication.translate("Rig", "Phone check: {phones}").format(
        phones=", ".join(phone_name(s) for s in bad)
    )


def _battery(h: PhoneHealth) -> str:
    if h.battery_level is None:
        return "—"
    text = f"{h.battery_level} %"
    if h.charging is not None:
        text += " · " + (
            QCoreApplication.translate("Rig", "charging")
            if h.charging
            else QCoreApplication.translate("Rig", "not charging")
        )
    return text


def _temperature(h: PhoneHealth) -> str:
    text = "—" if h.temperature_c is None else f"{h.temperature_c:.1f} °C"
    if h.thermal_status is not None:
        text += " · " + thermal_text(h.thermal_status)
    return text


def _screen(h: PhoneHealth) -> str:
    if h.screen_on is None:
        return "—"
    text = (
        QCoreApplication.translate("Rig", "on")
        if h.screen_on
        else QCoreApplication.translate("Rig", "off")
    )
    if h.stay_on is not None:
        text += " · " + (
            QCoreApplication.translate("Rig", "kept awake")
            if h.stay_on
            else QCoreApplication.translate("Rig", "may sleep")
        )
    return text


def _app(h: PhoneHealth) -> str:
    if h.foreground_package is None:
        return "—"
    return f"{h.live_app} ✓" if h.live_app else f"{h.foreground_package} ✗"


def _chip(text: str, state: str) -> QLabel:
    chip = QLabel(text, textFormat=Qt.TextFormat.PlainText)
    chip.setProperty("role", "chip")
    chip.setProperty("state", state)
    return chip


class PhoneCard(QFrame):
    """One phone: name, state, alarms, readings, its actions, its role binding, last results.

    Signals:
        actionRequested(str, list): ``launch`` / ``stay_awake_on`` / ``stay_awake_off`` /
            ``mirror`` on this phone (a one-key list).
        bindRequested(str, str, str, str): serial number, role, label, model.
    """

    actionRequested = Signal(str, list)
    bindRequested = Signal(str, str, str, str)

    ROWS = (
        "role",
        "model",
        "serialno",
        "connection",
        "room",
        "battery",
        "temperature",
        "screen",
        "app",
        "storage",
    )

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setProperty("role", "card")
        self.setMinimumWidth(380)
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(key, textFormat=Qt.TextFormat.PlainText)
        self.title.setProperty("role", "heading")
        self.state = _chip(self.tr("Not monitored"), "warn")
        top.addWidget(self.title, 1)
        top.addWidget(self.state)
        box.addLayout(top)
        self._alarm_box = QHBoxLayout()
        self._alarm_box.addStretch(1)
        box.addLayout(self._alarm_box)
        self.alarm_chips: list[QLabel] = []
        # One line of advice per alarm: what to do, for whoever stands by the phones.
        self.advice = QLabel("", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.advice.setStyleSheet("color: #b42318; font-weight: 600;")
        self.advice.hide()
        box.addWidget(self.advice)

        grid = QGridLayout()
        names = (
            self.tr("Role"),
            self.tr("Model"),
            self.tr("Serial (ro.serialno)"),
            self.tr("Connection"),
            self.tr("Live room"),
            self.tr("Battery"),
            self.tr("Temperature"),
            self.tr("Screen"),
            self.tr("App in front"),
            self.tr("Storage free"),
        )
        self.values: dict[str, QLabel] = {}
        for row, (field, name) in enumerate(zip(self.ROWS, names, strict=True)):
            key_label = QLabel(name, textFormat=Qt.TextFormat.PlainText)
            key_label.setProperty("role", "subtle")
            value = QLabel("—", textFormat=Qt.TextFormat.PlainText)
            grid.addWidget(key_label, row, 0)
            grid.addWidget(value, row, 1)
            self.values[field] = value
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for action, text in (
            ("launch", self.tr("Launch live app")),
            ("stay_awake_on", self.tr("Keep awake")),
            ("stay_awake_off", self.tr("Allow sleep")),
            ("mirror", self.tr("Mirror")),
        ):
            button = QPushButton(text)
            button.clicked.connect(
                lambda _c=False, a=action: self.actionRequested.emit(a, [self.key])
            )
            actions.addWidget(button)
            self.buttons[action] = button
        box.addLayout(actions)

        bind = QHBoxLayout()
        self.role_box = QComboBox()
        for role in (RoomRole.GOV, RoomRole.DEPT):
            self.role_box.addItem(labels.room_role(role), str(role))
        self.label_edit = QLineEdit(placeholderText=self.tr("Label, e.g. Phone A"))
        self.bind_button = QPushButton(self.tr("Bind to role"))
        self.bind_button.clicked.connect(self._bind)
        bind.addWidget(self.role_box)
        bind.addWidget(self.label_edit, 1)
        bind.addWidget(self.bind_button)
        box.addLayout(bind)
        self.result = QLabel("", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.result.setProperty("role", "subtle")
        box.addWidget(self.result)
        box.addStretch(1)
        self.status: PhoneStatus | None = None
        self._bound_label: str | None = None
        self._set_online(False)

    def _bind(self) -> None:
        label = self.label_edit.text().strip()
        if not label:
            self.result.setText(self.tr("Type a label before binding."))
            return
        serialno = self.status.health.serialno if self.status else self.key
        model = (self.status.health.model if self.status else None) or ""
        self.bindRequested.emit(serialno or self.key, self.role_box.currentData(), label, model)

    def _set_online(self, online: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(online)

    def show_binding(self, phone: PhoneRecord, room: RoomRecord | None) -> None:
        """A bound phone before (or besides) its first reading."""
        self.title.setText(phone.label)
        self.values["role"].setText(labels.room_role(phone.role))
        self.values["serialno"].setText(phone.serial)
        if self.status is None:
            self.values["model"].setText(phone.model or "—")
        self.values["room"].setText(
            f"{labels.platform(room.platform)} · {room.account_name}" if room else "—"
        )
        self._show_bound(phone.role, phone.label)

    def _show_bound(self, role: RoomRole | None, label: str) -> None:
        # Never overwrite what the operator is typing: only follow a changed binding.
        if label != self._bound_label:
            self._bound_label = label
            self.label_edit.setText(label)
            if role is not None:
                self.role_box.setCurrentIndex(max(0, self.role_box.findData(str(role))))

    def show_status(self, status: PhoneStatus, room: RoomRecord | None) -> None:
        """The phone's latest reading."""
        self.status = status
        h = status.health
        self.title.setText(phone_name(status))
        state = str(h.state)
        self.state.setText(state_text(state))
        self.state.setProperty(
            "state", "ok" if h.online else "warn" if state == PhoneState.OFFLINE else "bad"
        )
        self.state.style().polish(self.state)
        v = self.values
        v["role"].setText(labels.room_role(status.role) if status.role else self.tr("Not bound"))
        v["model"].setText(h.model or "—")
        v["serialno"].setText(h.serialno or h.serial)
        link = self.tr("Wi-Fi") if h.wifi else self.tr("USB")
        v["connection"].setText(f"{link} · {h.serial}")
        v["room"].setText(
            f"{labels.platform(room.platform)} · {room.account_name}" if room else "—"
        )
        v["battery"].setText(_battery(h))
        v["temperature"].setText(_temperature(h))
        v["screen"].setText(_screen(h))
        v["app"].setText(_app(h))
        v["storage"].setText("—" if h.storage_free_pct is None else f"{h.storage_free_pct:.1f} %")
        self._show_alarms(status.alarms)
        self._set_online(h.online)
        self._show_bound(status.role, status.label)

    def _show_alarms(self, codes: Sequence[str]) -> None:
        if [c.text() for c in self.alarm_chips] == [alarm_text(c) for c in codes]:
            return
        for chip in self.alarm_chips:
            chip.deleteLater()
        self.alarm_chips = [_chip(alarm_text(code), "bad") for code in codes]
        for index, (chip, code) in enumerate(zip(self.alarm_chips, codes, strict=True)):
            chip.setToolTip(alarm_advice(code))
            self._alarm_box.insertWidget(index, chip)
        lines = [f"▲ {alarm_text(c)}: {alarm_advice(c)}" for c in codes if alarm_advice(c)]
        self.advice.setText("\n".join(lines))
        self.advice.setVisible(bool(lines))

    def alarm_texts(self) -> list[str]:
        return [chip.text() for chip in self.alarm_chips]


class RigTab(QWidget):
    """Both phones side by side, with actions for both at once and a Wi-Fi connect box.

    Before the first reading it shows the bound phones as "Not monitored"; afterwards one card
    per phone the rig reports (bound ones first), updated in place every poll.

    Signals:
        actionRequested(str, list): an action (see `PhoneCard`) on these phone keys.
        mirrorRequested(list, object): open mirrors of these phones over an (x, y, w, h) area.
        wifiRequested(str): ``adb connect`` this address.
        bindRequested(str, str, str, str): serial number, role, label, model.
    """

    actionRequested = Signal(str, list)
    mirrorRequested = Signal(list, object)
    wifiRequested = Signal(str)
    bindRequested = Signal(str, str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        heading = QLabel(self.tr("Broadcast phones"))
        heading.setProperty("role", "heading")
        self.source = QLabel(
            self.tr(
                "Phones are bound to their role by serial number; health appears once ADB "
                "monitoring is on."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.source.setProperty("role", "subtle")
        box.addWidget(heading)
        box.addWidget(self.source)
        # What to do when the phones can't be watched (no adb, no phone, a key to accept).
        self.guidance = QLabel("", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.guidance.setStyleSheet(
            "background: #fff4e0; color: #8a4b00; border: 1px solid #f0b429;"
            " border-radius: 8px; padding: 10px 14px; font-size: 15px;"
        )
        self.guidance.hide()
        box.addWidget(self.guidance)

        both = QHBoxLayout()
        both.addWidget(QLabel(self.tr("Both phones:")))
        self.both_buttons: dict[str, QPushButton] = {}
        for action, text in (
            ("launch", self.tr("Launch live apps")),
            ("stay_awake_on", self.tr("Keep screens awake")),
            ("stay_awake_off", self.tr("Allow sleep")),
            ("mirror", self.tr("Mirror side by side")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, a=action: self._request(a, self._bound_keys()))
            both.addWidget(button)
            self.both_buttons[action] = button
        both.addSpacing(24)
        self.wifi_edit = QLineEdit(placeholderText=self.tr("Phone's IP address, e.g. 192.168.1.23"))
        self.wifi_button = QPushButton(self.tr("Connect over Wi-Fi"))
        self.wifi_button.clicked.connect(self._connect_wifi)
        self.wifi_edit.returnPressed.connect(self._connect_wifi)
        both.addWidget(self.wifi_edit, 1)
        both.addWidget(self.wifi_button)
        box.addLayout(both)
        self.results = QLabel("", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        box.addWidget(self.results)

        self._cards_box = QHBoxLayout()
        box.addLayout(self._cards_box)
        box.addStretch(1)
        self._phones: list[PhoneRecord] = []
        self._rooms: list[RoomRecord] = []
        self.statuses: list[PhoneStatus] | None = None
        self.cards: list[PhoneCard] = []

    # -- what the services say ---------------------------------------------------------------
    def show_phones(self, phones: list[PhoneRecord]) -> None:
        self._phones = list(phones)
        self._rebuild()

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        self._rooms = list(rooms)
        self._rebuild()

    def show_source(self, text: str) -> None:
        """Where the readings come from (the adb server's address, or the simulated rig)."""
        self.source.setText(text)

    def show_guidance(self, text: str) -> None:
        """What the operator should do to get the phones watched; "" hides the box."""
        self.guidance.setText(text)
        self.guidance.setVisible(bool(text))

    def show_health(self, statuses: list[PhoneStatus]) -> None:
        """Every poll: the cards follow the phones the rig reports."""
        self.statuses = list(statuses)
        self._rebuild()

    def show_results(self, action: str, results: list) -> None:  # type: ignore[type-arg]
        """Each phone's outcome of an action, on its card and in one line above the cards."""
        names = {s.health.serial: phone_name(s) for s in self.statuses or []}
        lines = []
        for result in results:
            words = self.tr("done") if result.ok else self.tr("failed")
            line = f"{names.get(result.serial, result.serial)}: {words}"
            if result.detail and not result.ok:
                line += f" ({result.detail.splitlines()[0]})"
            lines.append(line)
            for card in self.cards:
                status = card.status
                if card.key == result.serial or (status and status.health.serial == result.serial):
                    card.result.setText(line)
        self.results.setText(f"{self._action_name(action)}: " + "; ".join(lines) if lines else "")

    def _action_name(self, action: str) -> str:
        return {
            "launch": self.tr("Launch live app"),
            "stay_awake_on": self.tr("Keep awake"),
            "stay_awake_off": self.tr("Allow sleep"),
            "mirror": self.tr("Mirror"),
            "wifi": self.tr("Connect over Wi-Fi"),
            "bind": self.tr("Bind to role"),
        }.get(action, action)

    # -- cards -------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        rooms = {room.role: room for room in self._rooms}
        if self.statuses is None:
            wanted = [(p.serial, p) for p in self._phones]
        else:
            wanted = [(s.key, s) for s in self.statuses]
        if [c.key for c in self.cards] != [key for key, _ in wanted]:
            for card in self.cards:
                card.deleteLater()
            self.cards = []
            for key, _ in wanted:
                card = PhoneCard(key)
                card.actionRequested.connect(self._request)
                card.bindRequested.connect(self.bindRequested)
                self._cards_box.addWidget(card)
                self.cards.append(card)
        bindings = {p.serial: p for p in self._phones}
        for card, (_key, item) in zip(self.cards, wanted, strict=True):
            if isinstance(item, PhoneRecord):
                card.show_binding(item, rooms.get(item.role))
                continue
            bound = bindings.get(item.key)
            if bound is not None:
                card.show_binding(bound, rooms.get(bound.role))
            card.show_status(item, rooms.get(item.role) if item.role else None)

    def _bound_keys(self) -> list[str]:
        """The bound phones; every phone shown when none is bound yet."""
        bound = [c.key for c in self.cards if c.status is not None and c.status.role is not None]
        return bound or [c.key for c in self.cards]

    def _request(self, action: str, keys: list[str]) -> None:
        if action == "mirror":
            geometry = self.screen().availableGeometry()
            area = (geometry.x(), geometry.y(), geometry.width(), geometry.height())
            self.mirrorRequested.emit(keys, area)
        else:
            self.actionRequested.emit(action, keys)

    def _connect_wifi(self) -> None:
        addr = self.wifi_edit.text().strip()
        if addr:
            self.wifiRequested.emit(addr)
