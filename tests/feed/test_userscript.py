"""Studio Desk's Kuaishou userscript: filled in for a room, and accepted by the real server."""

import os
import re
import stat

import pytest

from studio.feed.kuaishou_server import KuaishouServer
from studio.feed.userscript import SECRET_FILE, stored_secret, userscript_for, with_userscripts
from tests.helpers.fake_capture import FeedRecorder, UserscriptClient, run_bounded

SECRET = "Zm9vYmFyYmF6cXV4cXV1eA"


def test_the_script_is_filled_for_one_room() -> None:
    script = userscript_for("dept", 5123, SECRET)
    assert "{{" not in script
    assert '"ws://127.0.0.1:5123/dept?key=Zm9vYmFyYmF6cXV4cXV1eA"' in script
    assert "// @match        https://live.kuaishou.com/u/*" in script
    assert "==UserScript==" in script.splitlines()[0]


@pytest.mark.parametrize(
    ("room", "port", "secret"),
    [("a/b", 5001, SECRET), ("gov", 0, SECRET), ("gov", 5001, "short"), ("gov", 5001, 'x"' * 9)],
)
def test_what_cannot_go_into_the_script_is_refused(room: str, port: int, secret: str) -> None:
    with pytest.raises(ValueError):
        userscript_for(room, port, secret)


def test_the_server_accepts_exactly_what_the_script_sends() -> None:
    async def scenario() -> tuple[FeedRecorder, bool | None, int]:
        seen = FeedRecorder()
        server = KuaishouServer(port=0, run_token="t", secret=SECRET, **seen.callbacks())
        async with server:
            assert server.port is not None
            script = userscript_for("gov", server.port, SECRET)
            found = re.search(r'const URL = "([^"]+)"', script)
            assert found is not None
            async with UserscriptClient(found.group(1)) as page:
                # In the order the script sends them: hello, the page's account, then chat.
                await page.send({"type": "info", "content": "ws连接成功"})
                await page.send({"type": "account", "id": "3xq5drejhpe45iy"})
                await page.comment("快手网友", "乡道什么时候修？")
                await page.gift("快手网友", "棒棒糖")
                await page.like("路人甲")
                await seen.wait_for(lambda: len(seen.events) == 3)
                authenticated = server.authenticated("gov")
            ignored = server.counts("gov").ignored
        return seen, authenticated, ignored

    seen, authenticated, ignored = run_bounded(scenario())
    assert [(e.room_key, e.kind) for e in seen.events] == [
        ("gov", "comment"),
        ("gov", "gift"),
        ("gov", "like"),
    ]
    assert seen.rejected == [] and ignored == 2
    assert authenticated is True


def test_the_secret_is_made_once_and_kept_owner_only(tmp_path) -> None:
    first = stored_secret(tmp_path)
    assert stored_secret(tmp_path) == first
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", first)
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / SECRET_FILE).stat().st_mode) == 0o600
    other = tmp_path / "other"
    other.mkdir()
    assert stored_secret(other) != first
    (other / SECRET_FILE).write_text("damaged\n")
    assert stored_secret(other) not in ("damaged", first)


def test_each_kuaishou_source_gets_its_rooms_script() -> None:
    sources = [
        {
            "room_role": "gov",
            "tool": "kuaishou-server",
            "address": "127.0.0.1:5001",
            "room_key": "",
        },
        {
            "room_role": "dept",
            "tool": "kuaishou-server",
            "address": f"127.0.0.1:5002?secret={SECRET}",
            "room_key": "county-dept",
        },
        {"room_role": "gov", "tool": "barragegrab", "address": "ws://127.0.0.1:8888"},
        {"room_role": "gov", "tool": "kuaishou-server", "address": "127.0.0.1:0", "room_key": ""},
    ]
    filled = with_userscripts(sources)
    assert f'"ws://127.0.0.1:5001/gov?key={stored_secret()}"' in filled[0]["userscript"]
    assert f'"ws://127.0.0.1:5002/county-dept?key={SECRET}"' in filled[1]["userscript"]
    assert "userscript" not in filled[2] and "userscript" not in filled[3]  # port 0: none yet
    assert [{k: v for k, v in s.items() if k != "userscript"} for s in filled] == sources
