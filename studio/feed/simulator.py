"""Simulate both live rooms: realistic comments as real BarrageGrab and Kuaishou-userscript frames.

The frames go through the real adapters, so the demo and the benchmark exercise the real parsing
path. Content comes from ``resources/demo/county.json`` (units' questions, chatter, nicknames),
with greetings, paraphrases, the same question from several viewers, exact resends of a frame
(which the store must drop), personal data (mobile numbers), hostile nicknames (``<b>x</b>``),
likes, entries and audience figures. Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.domain.model import Platform, RoomRole
from studio.paths import resources_dir

DEMO_CONTENT = resources_dir() / "demo" / "county.json"

GREETINGS = ("局长好", "主持人好", "大家好", "下午好", "来了", "支持", "终于等到直播了", "前排")
OPENERS = ("", "", "", "请问", "想问一下，", "局长您好，", "领导好，", "问一下")
CLOSERS = ("", "", "？", "谢谢", "急！", "，麻烦回复一下", "。", "??")
PII_TEMPLATES = (
    "我电话{phone}，麻烦联系我一下",
    "{question} 我的手机号{phone}",
    "联系我：{phone}，{question}",
)
HOSTILE_NICKNAMES = ("<b>x</b>", '<img src="x" onerror="alert(1)">', "<a href='x'>点我</a>")

#: A BarrageGrab MsgId is a 64-bit integer beyond 2^53; start there so ids exercise that.
FIRST_MSG_ID = 7_260_517_442_466_662_207


@dataclass(frozen=True)
class SimulatedRoom:
    """One room the simulator speaks for.

    Attributes:
        platform: Douyin rooms get BarrageGrab frames; Kuaishou rooms get userscript messages.
        key: the room's identity (Douyin ``SecUid``; Kuaishou path key).
        role: the county's or the unit's account (only for naming the streamer).
    """

    platform: Platform
    key: str
    role: RoomRole = RoomRole.GOV

    @property
    def source(self) -> str:
        """The recording's ``src`` for this room's frames."""
        if self.platform is Platform.KUAISHOU:
            return f"kuaishou:{self.key}"
        return "barragegrab"


def demo_rooms(content: dict[str, Any]) -> list[SimulatedRoom]:
    """The demo county's two rooms."""
    return [
        SimulatedRoom(Platform(room["platform"]), room["identity"], RoomRole(room["role"]))
        for room in content["rooms"]
    ]


def load_content(path: Path = DEMO_CONTENT) -> dict[str, Any]:
    with path.open(encoding="utf-8") as file:
        content: dict[str, Any] = json.load(file)
    return content


class FeedSimulator:
    """Makes an endless, seeded stream of ``(src, raw frame)`` for the given rooms."""

    def __init__(
        self,
        rooms: Sequence[SimulatedRoom] | None = None,
        *,
        content: dict[str, Any] | None = None,
        seed: int = 0,
    ) -> None:
        self.content = content or load_content()
        self.rooms = list(rooms) if rooms is not None else demo_rooms(self.content)
        if not self.rooms:
            raise ValueError("the simulator needs at least one room")
        self.rng = random.Random(seed)
        self.questions = [q for unit in self.content["units"] for q in unit["questions"]]
        self.questions += [q["text"] for q in self.content.get("today", {}).get("questions", [])]
        self.chatter = list(self.content["chatter"])
        self.nicknames = list(self.content["nicknames"])
        self._next_id = FIRST_MSG_ID + self.rng.randrange(1_000_000) * 1000
        self._viewers = {room.key: 30 + self.rng.randrange(40) for room in self.rooms}
        self._likes = dict.fromkeys(self._viewers, 0)
        self._users = {
            name: 3_000_000_000_000_000 + self.rng.randrange(10**12) for name in self.nicknames
        }
        self._last: tuple[SimulatedRoom, str] | None = None

    def frames(self, count: int | None = None) -> Iterator[tuple[str, str]]:
        """``count`` frames (endless when ``None``), as ``(src, raw)``."""
        made = 0
        while count is None or made < count:
            yield self.next_frame()
            made += 1

    def next_frame(self) -> tuple[str, str]:
        """One frame from a random room: mostly comments, some likes, entries and figures."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.03 and self._last is not None:
            room, raw = self._last  # the tool resends a frame: same message id
            return room.source, raw
        room = rng.choice(self.rooms)
        if roll < 0.12:
            return room.source, self._like(room)
        if roll < 0.16 and room.platform is Platform.DOUYIN:
            return room.source, self._stats(room)
        if roll < 0.19 and room.platform is Platform.DOUYIN:
            return room.source, self._member(room)
        raw = self._comment(room, self.comment_text(), self.nickname())
        self._last = (room, raw)
        return room.source, raw

    # -- what viewers write -------------------------------------------------------------------
    def comment_text(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.15:
            return rng.choice(self.chatter)
        if roll < 0.25:
            return rng.choice(GREETINGS)
        question = rng.choice(self.questions)
        if roll < 0.31:
            return rng.choice(PII_TEMPLATES).format(phone=self.mobile(), question=question)
        return rng.choice(OPENERS) + question.rstrip("？?。") + rng.choice(CLOSERS)

    def nickname(self) -> str:
        if self.rng.random() < 0.02:
            return self.rng.choice(HOSTILE_NICKNAMES)
        return self.rng.choice(self.nicknames)

    def mobile(self) -> str:
        rng = self.rng
        return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"

    # -- frames -------------------------------------------------------------------------------
    def _comment(self, room: SimulatedRoom, text: str, nickname: str) -> str:
        if room.platform is Platform.KUAISHOU:
            return _json({"type": "comment", "username": nickname, "content": text})
        return self._barragegrab(room, 1, self._user(nickname), text)

    def _like(self, room: SimulatedRoom) -> str:
        nickname = self.nickname()
        if room.platform is Platform.KUAISHOU:
            self._likes[room.key] += 1
            return _json({"type": "like", "username": nickname})
        count = 1 + self.rng.randrange(15)
        self._likes[room.key] += count
        return self._barragegrab(
            room,
            2,
            self._user(nickname),
            f"{nickname} 为主播点赞了",
            Count=count,
            Total=self._likes[room.key],
        )

    def _member(self, room: SimulatedRoom) -> str:
        self._viewers[room.key] += 1
        nickname = self.nickname()
        return self._barragegrab(
            room, 3, self._user(nickname), f"{nickname} 来了", CurrentCount=self._viewers[room.key]
        )

    def _stats(self, room: SimulatedRoom) -> str:
        online = self._viewers[room.key] = max(5, self._viewers[room.key] + self.rng.randint(-3, 5))
        total = online * 40
        return self._barragegrab(
            room,
            6,
            None,
            f"当前直播间人数 {online}，累计直播间人数 {total}",
            OnlineUserCount=online,
            TotalUserCount=total,
        )

    def _user(self, nickname: str) -> dict[str, Any]:
        return {
            "Id": self._users.get(nickname, 3_051_117_652_871_000),
            "Nickname": nickname,
            "DisplayId": "",
            "Level": 0,
            "Gender": self.rng.choice((1, 2)),
        }

    def _barragegrab(
        self,
        room: SimulatedRoom,
        type_code: int,
        user: dict[str, Any] | None,
        content: str,
        **fields: Any,
    ) -> str:
        self._next_id += 1 + self.rng.randrange(7)
        data = {
            "MsgId": self._next_id,
            "User": user,
            "Onwer": {
                "UserId": 93_580_071_234,
                "SecUid": room.key,
                "Nickname": "县融媒体中心" if room.role is RoomRole.GOV else "部门号",
            },
            "Content": content,
            "RoomId": str(7_260_415_920_948_906_807 + self.rooms.index(room)),
            "WebRoomId": 516_466_932_480 + self.rooms.index(room),
            **fields,
        }
        return _json({"Type": type_code, "ProcessName": "chrome", "Data": _json(data)})


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
