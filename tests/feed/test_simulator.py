"""FeedSimulator: seeded, realistic frames that the real adapters parse."""

import re

from studio.domain.feed_event import FeedEventKind, RejectedFrame
from studio.domain.model import Platform
from studio.feed.adapters import BarrageGrabAdapter, KuaishouAdapter
from studio.feed.simulator import HOSTILE_NICKNAMES, FeedSimulator

MOBILE = re.compile(r"1[3-9]\d{9}")


def parse_all(frames):
    adapters = {"barragegrab": BarrageGrabAdapter()}
    events, rejected = [], []
    for src, raw in frames:
        if src not in adapters:
            adapters[src] = KuaishouAdapter(src.split(":", 1)[1], "t")
        result = adapters[src].parse(raw, 1.0)
        (rejected.append if isinstance(result, RejectedFrame) else events.extend)(
            [result] if isinstance(result, RejectedFrame) else result
        )
    return events, rejected


def test_the_same_seed_gives_the_same_frames():
    assert list(FeedSimulator(seed=3).frames(50)) == list(FeedSimulator(seed=3).frames(50))
    assert list(FeedSimulator(seed=3).frames(50)) != list(FeedSimulator(seed=4).frames(50))


def test_both_rooms_speak_through_the_real_adapters():
    events, rejected = parse_all(FeedSimulator(seed=1).frames(2000))
    assert rejected == []
    comments = [e for e in events if e.kind is FeedEventKind.COMMENT]
    assert {e.platform for e in comments} == {Platform.DOUYIN, Platform.KUAISHOU}
    assert {e.kind for e in events} >= {FeedEventKind.LIKE, FeedEventKind.STATS}
    assert any(MOBILE.search(e.text) for e in comments)
    assert any(e.nickname in HOSTILE_NICKNAMES for e in comments)
    douyin_ids = [e.msg_id for e in comments if e.platform is Platform.DOUYIN]
    assert len(douyin_ids) > len(set(douyin_ids))  # exact resends
    assert all(int(i) > 2**53 for i in douyin_ids)
