"""Capture adapters: turn one capture tool's frames into ``FeedEvent`` values, never raising.

Each module knows one tool's wire format and nothing else: no sockets, no clock, no Qt.

* ``barragegrab`` — HaoDong108/DouyinBarrageGrab (``{"Type", "ProcessName", "Data"}`` frames).
* ``douyinlive`` — jwwsjlm/douyinLive (protojson frames tagged with ``method``, status frames).
* ``kuaishou`` — the Kuaishou live-room userscript, which connects to our own server.

Shared rules (``_frames``):

* Every parser returns ``list[FeedEvent]`` (often one, empty for frames that carry nothing the
  studio uses) or a ``RejectedFrame`` with a short reason; bad input never raises.
* Frames over ``MAX_FRAME_BYTES`` (1 MiB) are rejected unread; bytes must be UTF-8 JSON.
* Viewer text over ``MAX_TEXT_CHARS`` (2,000) and any name/id over ``MAX_FIELD_CHARS`` (256)
  reject the whole frame rather than being truncated: real comments are far shorter, and a cut
  text shown on air could misquote a viewer.
* Message ids are always text; big integers are decoded exactly by msgspec, never via float.
"""

from studio.feed.adapters.barragegrab import BarrageGrabAdapter
from studio.feed.adapters.douyinlive import DouyinLiveAdapter
from studio.feed.adapters.kuaishou import KuaishouAdapter

__all__ = ["BarrageGrabAdapter", "DouyinLiveAdapter", "KuaishouAdapter"]
