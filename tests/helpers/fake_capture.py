"""Stand-ins for the capture tools: fake BarrageGrab and douyinLive servers, a fake userscript.

Everything listens on 127.0.0.1 with a port chosen by the OS and speaks the real wire formats
(see DESIGN.md §4), so the studio's clients cannot tell the difference.

    async with FakeBarrageGrab([bg.comment("几点开始办证？")], drop_after=1) as tool:
        client = barragegrab_client(tool.url, ...)

A fake sends each connection its *session*'s frames, then holds the connection open, closes it
or drops it (TCP abort, no close frame, like a crashed tool). ``drop_after=n`` is shorthand for
"first connection: n frames then drop; later connections: every frame again" — what a restarted
tool does.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal, Self, TypedDict, TypeVar

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.typing import Origin

from studio.domain.feed_event import FeedEvent, FeedState, RejectedFrame

T = TypeVar("T")

Ending = Literal["hold", "close", "drop"]

BIG_MSG_ID = 7_260_517_442_466_662_207
"""A real-looking Douyin message id: above 2**53, so a float would corrupt it."""


class InvalidText(bytes):
    """A text frame whose payload is not UTF-8: a protocol error the client must close on."""


@dataclass(frozen=True)
class Session:
    """What a fake tool does with one connection."""

    frames: Sequence[str | bytes]
    then: Ending = "hold"
    interval: float = 0.0


def sessions_for(
    frames: Sequence[str | bytes], *, drop_after: int | None = None, then: Ending = "hold"
) -> list[Session]:
    """Sessions for "send these frames", optionally dropping the first connection early."""
    if drop_after is None:
        return [Session(frames, then)]
    return [Session(frames[:drop_after], "drop"), Session(frames, then)]


class _FakeServer:
    """A scripted WebSocket server; subclasses decide which paths exist."""

    def __init__(self, sessions: Sequence[Session], port: int = 0) -> None:
        self.sessions = list(sessions)
        self.connections = 0
        self.paths: list[str] = []
        self.port = port
        self._server: Server | None = None

    @property
    def base_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    async def __aenter__(self) -> Self:
        self._server = await serve(
            self._handle, "127.0.0.1", self.port, process_request=self._check_path, compression=None
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def wait_connections(self, count: int, timeout: float = 3.0) -> None:
        """Wait until ``count`` connections have been accepted in total."""
        async with asyncio.timeout(timeout):
            while self.connections < count:
                await asyncio.sleep(0.01)

    def _path_ok(self, path: str) -> bool:
        return True

    def _check_path(self, connection: ServerConnection, request: Request) -> Response | None:
        if self._path_ok(request.path):
            return None
        return connection.respond(404, "no such room\n")

    async def _handle(self, ws: ServerConnection) -> None:
        index = self.connections
        self.connections += 1
        self.paths.append(ws.request.path if ws.request else "")
        session = self.sessions[min(index, len(self.sessions) - 1)]
        try:
            for frame in session.frames:
                if isinstance(frame, InvalidText):
                    await ws.send(bytes(frame), text=True)
                else:
                    await ws.send(frame)
                if session.interval:
                    await asyncio.sleep(session.interval)
            if session.then == "drop":
                ws.transport.abort()
            elif session.then == "close":
                await ws.close()
            else:
                await ws.wait_closed()
        except ConnectionClosed:
            pass


class FakeBarrageGrab(_FakeServer):
    """DouyinBarrageGrab's re-broadcast server (any path, like the real one)."""

    def __init__(
        self,
        frames: Sequence[str | bytes] = (),
        *,
        drop_after: int | None = None,
        then: Ending = "hold",
        sessions: Sequence[Session] | None = None,
        port: int = 0,
    ) -> None:
        super().__init__(sessions or sessions_for(frames, drop_after=drop_after, then=then), port)

    @property
    def url(self) -> str:
        return self.base_url


class FakeDouyinLive(_FakeServer):
    """douyinLive's server: ``/ws/<live_id>`` for the configured live id, 404 otherwise."""

    def __init__(
        self,
        live_id: str,
        frames: Sequence[str | bytes] = (),
        *,
        drop_after: int | None = None,
        then: Ending = "hold",
        sessions: Sequence[Session] | None = None,
        port: int = 0,
    ) -> None:
        super().__init__(sessions or sessions_for(frames, drop_after=drop_after, then=then), port)
        self.live_id = live_id

    def _path_ok(self, path: str) -> bool:
        return path == f"/ws/{self.live_id}"


# --- BarrageGrab frames -----------------------------------------------------------------------


@dataclass(frozen=True)
class BarrageGrabRoom:
    """The streamer and room identity BarrageGrab attaches to every ``Data``."""

    sec_uid: str = "MS4wLjABAAAAgovAccountSecUid_county_gov_0001"
    web_room_id: int = 516466932480
    room_id: str = "7260415920948906807"
    owner_id: int = 93580071234
    owner_nickname: str = "县融媒体中心"


GOV_ROOM = BarrageGrabRoom()
DEPT_ROOM = BarrageGrabRoom(
    sec_uid="MS4wLjABAAAAdeptAccountSecUid_city_admin_0002",
    web_room_id=727216511112,
    room_id="7260415920948906999",
    owner_id=61234500987,
    owner_nickname="县城管局",
)


def bg_user(nickname: str = "山里的云", user_id: int = 3_051_117_652_871_000) -> dict[str, Any]:
    """A ``User`` as BarrageGrab serialises it."""
    return {
        "Id": user_id,
        "ShortId": 2_217_093_345,
        "DisplayId": "shanli_yun",
        "Nickname": nickname,
        "Level": 0,
        "PayLevel": 3,
        "Gender": 2,
        "HeadImgUrl": "https://p3.douyinpic.com/aweme/100x100/avatar.jpeg",
        "SecUid": "MS4wLjABAAAAviewerSecUid0000000000000001",
        "FansClub": {"ClubName": "", "Level": 0},
        "FollowerCount": 12,
        "FollowStatus": 0,
        "FollowingCount": 88,
    }


@dataclass
class BarrageGrabFrames:
    """Builds BarrageGrab frames for one room, numbering message ids from a big start."""

    room: BarrageGrabRoom = GOV_ROOM
    next_id: int = BIG_MSG_ID
    process_name: str = "chrome"
    with_owner: bool = True

    def data(
        self, *, msg_id: int | None = None, user: dict[str, Any] | None, content: str, **fields: Any
    ) -> dict[str, Any]:
        if msg_id is None:
            msg_id = self.next_id
            self.next_id += 1
        data: dict[str, Any] = {"MsgId": msg_id, "User": user, "Content": content}
        if self.with_owner:
            data["Onwer"] = {
                "UserId": self.room.owner_id,
                "SecUid": self.room.sec_uid,
                "Nickname": self.room.owner_nickname,
            }
            data["WebRoomId"] = self.room.web_room_id
        data["RoomId"] = self.room.room_id
        data.update(fields)
        return data

    def frame(self, type_code: int, data: dict[str, Any] | str) -> str:
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        return json.dumps(
            {"Type": type_code, "ProcessName": self.process_name, "Data": text},
            ensure_ascii=False,
        )

    def comment(self, content: str, user: dict[str, Any] | None = None, **fields: Any) -> str:
        user = bg_user() if user is None else user
        return self.frame(1, self.data(user=user, content=content, **fields))

    def like(self, count: int = 15, total: int = 3210, user: dict[str, Any] | None = None) -> str:
        user = bg_user() if user is None else user
        nickname = user["Nickname"]
        return self.frame(
            2,
            self.data(user=user, content=f"{nickname} 为主播点赞了", Count=count, Total=total),
        )

    def member(self, current: int = 48, user: dict[str, Any] | None = None) -> str:
        user = bg_user() if user is None else user
        return self.frame(
            3, self.data(user=user, content=f"{user['Nickname']} 来了", CurrentCount=current)
        )

    def follow(self, user: dict[str, Any] | None = None) -> str:
        user = bg_user() if user is None else user
        return self.frame(4, self.data(user=user, content=f"{user['Nickname']} 关注了主播"))

    def gift(
        self,
        name: str = "小心心",
        count: int = 1,
        repeat: int = 1,
        user: dict[str, Any] | None = None,
    ) -> str:
        user = bg_user() if user is None else user
        return self.frame(
            5,
            self.data(
                user=user,
                content=f"{user['Nickname']} 送出了 {name}x{count}",
                GiftId=4353,
                GiftName=name,
                GroupId=1_689_000_000_000,
                GiftCount=count,
                RepeatCount=repeat,
                DiamondCount=1,
            ),
        )

    def stats(self, online: int = 50, total: int = 22003) -> str:
        return self.frame(
            6,
            self.data(
                user=None,
                content=f"当前直播间人数 {online}，累计直播间人数 2.2万",
                OnlineUserCount=online,
                TotalUserCount=total,
                OnlineUserCountStr=str(online),
                TotalUserCountStr="2.2万",
            ),
        )

    def fansclub(self) -> str:
        return self.frame(7, self.data(user=bg_user(), content="加入了粉丝团", Type=2, Level=1))

    def share(self) -> str:
        return self.frame(8, self.data(user=bg_user(), content="分享了直播间", ShareType=1))

    def ended(self) -> str:
        return self.frame(9, self.data(user=None, content="直播已结束"))


# --- douyinLive frames ------------------------------------------------------------------------


@dataclass
class DouyinLiveFrames:
    """Builds douyinLive frames (protojson: camelCase, 64-bit integers as strings)."""

    room_id: str = "7260415920948906807"
    next_id: int = BIG_MSG_ID
    live_name: str = "县融媒体中心"

    def _message(self, method: str, body: dict[str, Any], msg_id: int | None = None) -> str:
        if msg_id is None:
            msg_id = self.next_id
            self.next_id += 1
        frame = {
            "common": {
                "method": method,
                "msgId": str(msg_id),
                "roomId": self.room_id,
                "createTime": "1716881601495",
            },
            **body,
            "method": method,
            "livename": self.live_name,
            "title": "问政直播间",
        }
        return json.dumps(frame, ensure_ascii=False)

    @staticmethod
    def user(nickname: str = "山里的云", user_id: str = "3051117652871000") -> dict[str, Any]:
        return {
            "id": user_id,
            "shortId": "2217093345",
            "nickname": nickname,
            "secUid": "MS4wLjABAAAAviewerSecUid0000000000000001",
            "displayId": "shanli_yun",
        }

    def chat(
        self, content: str, user: dict[str, Any] | None = None, msg_id: int | None = None
    ) -> str:
        body = {"user": user or self.user(), "content": content}
        return self._message("WebcastChatMessage", body, msg_id)

    def like(self, count: int = 15, total: int = 3210) -> str:
        body = {"count": str(count), "total": str(total), "user": self.user()}
        return self._message("WebcastLikeMessage", body)

    def member(self, member_count: int = 48) -> str:
        body = {"user": self.user(), "memberCount": str(member_count), "action": "1"}
        return self._message("WebcastMemberMessage", body)

    def follow(self) -> str:
        return self._message("WebcastSocialMessage", {"user": self.user(), "action": "1"})

    def share(self) -> str:
        return self._message(
            "WebcastSocialMessage", {"user": self.user(), "action": "3", "shareType": "1"}
        )

    def gift(self, name: str = "小心心", repeat: int = 1) -> str:
        body = {
            "giftId": "4353",
            "repeatCount": str(repeat),
            "comboCount": str(repeat),
            "user": self.user(),
            "gift": {"id": "4353", "name": name, "diamondCount": 1},
        }
        return self._message("WebcastGiftMessage", body)

    def user_seq(self, online: int = 50, total_user: int = 22003) -> str:
        body = {"total": str(online), "totalUser": str(total_user), "totalPvForAnchor": "2.2万"}
        return self._message("WebcastRoomUserSeqMessage", body)

    def control(self, action: int = 3) -> str:
        return self._message("WebcastControlMessage", {"action": str(action)})

    def rank(self) -> str:
        return self._message("WebcastRoomRankMessage", {"ranksList": [{"user": self.user()}]})

    @staticmethod
    def status(code: str, live_id: str = "516466932480") -> str:
        live = code == "ROOM_ONLINE"
        frame: dict[str, Any] = {
            "type": "system",
            "event": "live_status",
            "code": code,
            "valid": True,
            "live": live,
            "status": {"ROOM_ONLINE": "online", "ROOM_ENDED": "ended"}.get(code, "offline"),
            "room_id": live_id,
            "live_name": "县融媒体中心",
            "title": "问政直播间",
            "message": "",
        }
        if code == "ROOM_ENDED":
            frame["ended"] = True
            frame["retry_interval_seconds"] = 30
        return json.dumps(frame, ensure_ascii=False)


# --- the Kuaishou userscript ------------------------------------------------------------------


class UserscriptClient:
    """Behaves like the Kuaishou live-room userscript: connects to us and sends chat as JSON."""

    def __init__(self, url: str, *, origin: str | None = "https://live.kuaishou.com") -> None:
        self.url = url
        self.origin = origin
        self.ws: ClientConnection | None = None

    async def __aenter__(self) -> Self:
        self.ws = await connect(
            self.url,
            origin=Origin(self.origin) if self.origin else None,
            proxy=None,
            open_timeout=3,
            close_timeout=2,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def send(self, message: dict[str, Any] | str | bytes) -> None:
        assert self.ws is not None
        payload = (
            message if isinstance(message, str | bytes) else json.dumps(message, ensure_ascii=False)
        )
        await self.ws.send(payload)

    async def comment(self, username: str, content: str) -> None:
        await self.send({"type": "comment", "username": username, "content": content})

    async def like(self, username: str) -> None:
        await self.send({"type": "like", "username": username})

    async def gift(self, username: str, gift: str) -> None:
        await self.send({"type": "gift", "username": username, "gift": gift})

    async def info(self, content: str) -> None:
        await self.send({"type": "info", "content": content})

    async def closed(self, timeout: float = 3.0) -> tuple[int | None, str | None]:
        """Wait for the server to close the connection; return its close code and reason."""
        assert self.ws is not None
        async with asyncio.timeout(timeout):
            await self.ws.wait_closed()
        return self.ws.close_code, self.ws.close_reason


# --- collecting what a connection reports -----------------------------------------------------


class Callbacks(TypedDict):
    on_events: Callable[[list[FeedEvent]], None]
    on_state: Callable[[str, FeedState], None]
    on_rejected: Callable[[RejectedFrame], None]
    on_frame: Callable[[str | bytes, float], None]


@dataclass
class FeedRecorder:
    """Collects what a client or server reports through its callbacks."""

    events: list[FeedEvent] = field(default_factory=list)
    batches: int = 0
    states: list[tuple[str, FeedState]] = field(default_factory=list)
    rejected: list[RejectedFrame] = field(default_factory=list)
    frames: list[str | bytes] = field(default_factory=list)

    def on_events(self, events: list[FeedEvent]) -> None:
        self.batches += 1
        self.events.extend(events)

    def on_state(self, source: str, state: FeedState) -> None:
        self.states.append((source, state))

    def on_rejected(self, rejected: RejectedFrame) -> None:
        self.rejected.append(rejected)

    def on_frame(self, raw: str | bytes, received_at: float) -> None:
        self.frames.append(raw)

    def callbacks(self) -> Callbacks:
        """Keyword arguments wiring every callback to this recorder."""
        return {
            "on_events": self.on_events,
            "on_state": self.on_state,
            "on_rejected": self.on_rejected,
            "on_frame": self.on_frame,
        }

    def state_sequence(self, source: str | None = None) -> list[FeedState]:
        return [state for src, state in self.states if source is None or src == source]

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 3.0) -> None:
        """Poll until ``condition()`` holds, failing the test after ``timeout`` seconds."""
        async with asyncio.timeout(timeout):
            while not condition():
                await asyncio.sleep(0.005)


def run_bounded(coro: Coroutine[Any, Any, T], timeout: float = 5.0) -> T:
    """Run an async test body in a fresh event loop, failing it after ``timeout`` seconds."""

    async def bounded() -> T:
        async with asyncio.timeout(timeout):
            return await coro

    return asyncio.run(bounded())
