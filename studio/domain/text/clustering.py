"""Group near-duplicate questions across users and rooms: "N people asked this"."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from studio.domain.text.chatter import request_text
from studio.domain.text.keywords import to_simplified

#: Default similarity (``fuzz.ratio``, 0–100) of two question keys in one cluster:
#: 2·(characters in common, in order) ≥ 80 % of both lengths together; e.g. the longer key
#: may be the shorter one with up to half as many characters again. See ``QuestionClusterer``.
DEFAULT_THRESHOLD = 80.0
#: Default number of question variants kept for matching.
DEFAULT_CAPACITY = 2000

# Words that vary between wordings of one question without changing what is asked:
# openers, pronouns, question words, modal verbs, particles. Longest alternatives first.
_NOISE = re.compile(
    "请问一下|请问|想问一下|问一下|问问|我想问|想问|我想|想咨询一下|咨询一下|咨询|一下"
    "|我们|咱们|俺们|你们|我家|这个|那个|这边|那边"
    "|什么时候|啥时候|何时|几时|时候|为什么|为啥|为何|什么|啥|怎么样|怎么|咋|怎样|如何"
    "|在哪里|在哪儿|在哪|哪里|哪儿"
    "|能不能|是不是|有没有|可不可以|会不会|要不要|可以|需要|应该|能|会|要"
    "|[的了啊呀吧吗呢哦嘛么个就还都也呗哈]"
)
# A masked number (138****1234): which number it was is not part of the question.
_MASKED = re.compile(r"[0-9X]*\*+[0-9X]*")
_MAX_VARIANTS = 8  # wordings kept per cluster: more add little recall and cost capacity
_MAX_ASKERS = 5000  # per cluster; beyond this every further text counts as a new asker


def question_key(text: str) -> str:
    """What two wordings of one question have in common: ``request_text`` in simplified
    characters, without masked numbers, openers, question words, modal verbs and particles."""
    return _NOISE.sub("", request_text(to_simplified(_MASKED.sub("", text))))


@dataclass(slots=True)
class _Cluster:
    variants: set[int] = field(default_factory=set)  # ids of its variants in _variants
    askers: set[Hashable] = field(default_factory=set)
    anonymous: int = 0

    @property
    def size(self) -> int:
        return len(self.askers) + self.anonymous

    def count(self, asker: Hashable | None) -> None:
        if asker is None or len(self.askers) >= _MAX_ASKERS:
            self.anonymous += 1
        else:
            self.askers.add(asker)


class QuestionClusterer:
    """Assigns each question to a cluster of near-duplicates asked before.

    Two questions are near-duplicates when their ``question_key`` s are at least
    ``threshold`` similar (``rapidfuzz.fuzz.ratio``) *and* differ only by characters added
    or left out, never by one character standing in for another: "幸福路积水什么时候处理" and
    "幸福路一下雨就积水，什么时候能处理？" are one question, "低保怎么申请" and "医保怎么申请"
    are two, however similar. Reworded questions ("好久" for "半个月") are missed on purpose:
    a wrong "N people asked this" misleads the official, a missed one costs the moderator a
    ``merge``.

    Memory is bounded: at most ``capacity`` wordings are kept, the least recently matched
    forgotten first; a cluster whose wordings are all forgotten is forgotten too.

    Speed: only wordings sharing enough characters with the question are scored (an index of
    characters; the bound is exact, so no match is lost), which keeps a full memory of
    distinct questions fast.

    Attributes:
        threshold: the similarity, 0–100, a question needs to join a cluster.
        capacity: the number of wordings kept for matching.
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        capacity: int = DEFAULT_CAPACITY,
        first_id: int = 1,
    ) -> None:
        """Start with no clusters; cluster ids count up from ``first_id``."""
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity}")
        self.threshold = threshold
        self.capacity = capacity
        self._next_cluster = first_id
        self._next_variant = 0
        self._variants: dict[int, str] = {}  # variant id → key, least recently used first
        self._variant_cluster: dict[int, int] = {}
        self._by_key: dict[str, int] = {}  # key → variant id
        self._by_char: dict[str, set[int]] = {}  # character → ids of variants with it
        self._clusters: dict[int, _Cluster] = {}

    def __len__(self) -> int:
        """The number of clusters held."""
        return len(self._clusters)

    def assign(self, text: str, asker: Hashable | None = None) -> tuple[int, int]:
        """Put a question in a cluster.

        Args:
            text: the question (normalised and masked).
            asker: who asked (e.g. platform and user id); one asker asking again does not
                grow the cluster. ``None`` counts every text as a new asker.

        Return:
            The cluster id and how many have asked it. A question with nothing left to
            compare (only question words) gets a cluster of its own that is not kept.
        """
        key = question_key(text)
        if not key:
            return self._new_id(), 1
        variant = self._by_key.get(key)
        if variant is None:
            variant = self._closest(key)
            if variant is None:
                cluster_id = self._new_id()
                self._clusters[cluster_id] = _Cluster()
                self._add_variant(key, cluster_id)
            else:
                cluster_id = self._variant_cluster[variant]
                self._touch(variant)
                if len(self._clusters[cluster_id].variants) < _MAX_VARIANTS:
                    self._add_variant(key, cluster_id)
        else:
            cluster_id = self._variant_cluster[variant]
            self._touch(variant)
        cluster = self._clusters[cluster_id]
        cluster.count(asker)
        self._forget_oldest()
        return cluster_id, cluster.size

    def size(self, cluster_id: int) -> int:
        """How many have asked the question of a cluster (0 when unknown or forgotten)."""
        cluster = self._clusters.get(cluster_id)
        return cluster.size if cluster else 0

    def merge(self, cluster_ids: Iterable[int]) -> int:
        """Merge clusters the moderator found to be one question.

        The merged cluster takes the smallest of the ids (the oldest), keeps every wording of
        the others, so later questions like any of them join it, and counts each asker
        once. Ids that are unknown or forgotten are passed over.

        Return:
            The id of the merged cluster.

        Raises:
            ValueError: no ids were given.
        """
        ids = sorted(set(cluster_ids))
        if not ids:
            raise ValueError("merge needs at least one cluster id")
        target_id = ids[0]
        target = self._clusters.get(target_id)
        for other_id in ids[1:]:
            other = self._clusters.pop(other_id, None)
            if other is None:
                continue
            if target is None:
                target = self._clusters[target_id] = _Cluster()
            for variant in other.variants:
                self._variant_cluster[variant] = target_id
            target.variants |= other.variants
            for asker in other.askers:
                target.count(asker)
            target.anonymous += other.anonymous
        return target_id

    def _closest(self, key: str) -> int | None:
        """The variant of the best cluster for ``key``, or None.

        The best is the most similar variant that differs only by insertions and deletions;
        among equals, the newest.
        """
        candidates = self._candidates(key)
        choices = (
            self._variants
            if len(candidates) * 2 > len(self._variants)  # copying would cost more than it saves
            else {variant: self._variants[variant] for variant in candidates}
        )
        scored = process.extract(
            key,
            choices,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=self.threshold,
            limit=None,
        )
        scored.sort(key=lambda found: (-found[1], -found[2]))
        for choice, _score, variant in scored:
            # Equal distances: no substitution brings the texts closer, so they differ only
            # by characters added or left out.
            if Levenshtein.distance(key, choice) == Indel.distance(key, choice):
                return variant
        return None

    def _candidates(self, key: str) -> Collection[int]:
        """Variants that can reach the threshold: all but those missing too many characters.

        ``fuzz.ratio`` is 200·LCS/(len(key)+len(other)) and LCS ≤ len(other), so reaching
        threshold t needs LCS ≥ len(key)·t/(200−t): at most ``missing`` characters of
        ``key`` can lack a partner. A variant without any of ``missing`` + 1 distinct
        characters of ``key`` cannot match; the rarest ones make the smallest candidate set.
        """
        ratio = min(self.threshold, 100.0) / (200.0 - min(self.threshold, 100.0))
        missing = math.floor(len(key) * (1.0 - ratio) + 1e-9)
        distinct = set(key)
        if missing + 1 > len(distinct):
            return self._variants.keys()
        postings = sorted((self._by_char.get(char, set()) for char in distinct), key=len)
        found: set[int] = set()
        for posting in postings[: missing + 1]:
            found |= posting
        return found

    def _new_id(self) -> int:
        cluster_id = self._next_cluster
        self._next_cluster += 1
        return cluster_id

    def _add_variant(self, key: str, cluster_id: int) -> None:
        variant = self._next_variant
        self._next_variant += 1
        self._variants[variant] = key
        self._variant_cluster[variant] = cluster_id
        self._by_key[key] = variant
        for char in set(key):
            self._by_char.setdefault(char, set()).add(variant)
        self._clusters[cluster_id].variants.add(variant)

    def _touch(self, variant: int) -> None:
        self._variants[variant] = self._variants.pop(variant)

    def _forget_oldest(self) -> None:
        while len(self._variants) > self.capacity:
            variant = next(iter(self._variants))
            key = self._variants.pop(variant)
            del self._by_key[key]
            for char in set(key):
                posting = self._by_char[char]
                posting.discard(variant)
                if not posting:
                    del self._by_char[char]
            cluster_id = self._variant_cluster.pop(variant)
            cluster = self._clusters[cluster_id]
            cluster.variants.discard(variant)
            if not cluster.variants:
                del self._clusters[cluster_id]
