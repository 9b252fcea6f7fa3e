"""Run a comment through the text pipeline: normalise, mask, screen, classify, cluster, route."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from studio.domain.model import QuestionFlag
from studio.domain.text.chatter import Kind, classify
from studio.domain.text.clustering import QuestionClusterer
from studio.domain.text.normalise import normalise
from studio.domain.text.pii import mask_pii
from studio.domain.text.routing import UnitRouter
from studio.domain.text.screening import Match, SensitiveWords

#: The longest comment kept, in characters; longer ones are cut (see ``normalise``).
DEFAULT_MAX_LEN = 500


@dataclass(frozen=True, slots=True)
class ProcessedText:
    """A comment after the pipeline.

    Attributes:
        display: what may be shown or exported: normalised, personal data masked.
        normalised: the normalised text *with* personal data: for the store only, never for a
            screen, a log or an export.
        pii: whether personal data was masked in ``display``.
        pii_kinds: what was masked (see ``pii.mask_pii``).
        sensitive: sensitive words found, as spans of ``display``.
        is_question: a question for the moderator; otherwise chatter.
        cluster_id: the cluster of near-duplicate questions; None for chatter.
        cluster_size: how many have asked it (0 for chatter).
        unit_id: the unit suggested to answer it; None for chatter or when nothing matched.
    """

    display: str
    normalised: str
    pii: bool
    sensitive: tuple[Match, ...]
    is_question: bool
    cluster_id: int | None
    cluster_size: int
    unit_id: int | None
    pii_kinds: frozenset[str] = frozenset()


_IS_QUESTION = int(QuestionFlag.IS_QUESTION)
_PII = int(QuestionFlag.PII)
_SENSITIVE = int(QuestionFlag.SENSITIVE)


def question_flags(processed: ProcessedText) -> int:
    """The ``QuestionFlag`` bits the pipeline's findings set, as the stored integer.

    Plain ints: IntFlag's operators cost more than the rest of a comment's storing.
    """
    flags = _IS_QUESTION if processed.is_question else 0
    if processed.pii:
        flags |= _PII
    if processed.sensitive:
        flags |= _SENSITIVE
    return flags


class TextPipeline:
    """The pure part of the live feed's processing, one comment at a time.

    Holds the clusterer's memory, so use one pipeline per session, from one thread.
    """

    def __init__(
        self,
        *,
        sensitive_words: SensitiveWords | None = None,
        router: UnitRouter | None = None,
        clusterer: QuestionClusterer | None = None,
        max_len: int = DEFAULT_MAX_LEN,
    ) -> None:
        """Compose the steps; each one left out is skipped (no words, no suggestions)."""
        self.sensitive_words = sensitive_words or SensitiveWords(())
        self.router = router or UnitRouter(())
        self.clusterer = clusterer or QuestionClusterer()
        self.max_len = max_len

    def process(self, raw_text: str, *, asker: Hashable | None = None) -> ProcessedText:
        """Process one comment.

        Args:
            raw_text: the comment as the platform sent it.
            asker: who wrote it (e.g. platform, room and user id), so one viewer repeating a
                question counts once; None counts every comment.
        """
        normalised = normalise(raw_text, self.max_len)
        # Everything below sees only the masked text: nothing derived from it can leak.
        masked = mask_pii(normalised)
        display = masked.text
        sensitive = tuple(self.sensitive_words.find(display))
        if classify(display) is Kind.CHATTER:
            return ProcessedText(
                display, normalised, masked.found, sensitive, False, None, 0, None, masked.kinds
            )
        cluster_id, cluster_size = self.clusterer.assign(display, asker)
        unit_id = self.router.suggest(display)
        return ProcessedText(
            display,
            normalised,
            masked.found,
            sensitive,
            True,
            cluster_id,
            cluster_size,
            unit_id,
            masked.kinds,
        )
