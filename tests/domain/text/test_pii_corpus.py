"""A corpus of real-looking comments: nothing personal survives masking, plain ones stay as written."""

from __future__ import annotations

import pytest

from studio.domain.text.normalise import normalise
from studio.domain.text.pii import mask_nickname, mask_pii
from studio.domain.text.pipeline import TextPipeline
from tests.domain.text.corpus_pii import ORDINARY, PERSONAL
from tests.domain.text.strategies import shows_digits_of


def _survives(masked: str, kind: str, secret: str) -> bool:
    if kind == "digits":
        # A long number keeps its first 6 by design (an ID number's region, a card's bank):
        # what must not be read is 5 digits in a row of the rest.
        return shows_digits_of(masked, secret[6:] if len(secret) >= 15 else secret)
    if kind == "text":
        return any(secret[i : i + 5] in masked for i in range(len(secret) - 4))
    assert kind == "house"
    return secret in masked


def test_the_corpus_is_big_enough() -> None:
    assert len(PERSONAL) + len(ORDINARY) >= 100
    assert len({c for c, _ in PERSONAL} | set(ORDINARY)) == len(PERSONAL) + len(ORDINARY)


@pytest.mark.parametrize(("comment", "secrets"), PERSONAL, ids=range(len(PERSONAL)))
def test_nothing_personal_survives(comment: str, secrets: list[tuple[str, str]]) -> None:
    # Before masking, each secret can be read (else the check below proves nothing) …
    assert all(_survives(normalise(comment), kind, secret) for kind, secret in secrets)
    shown = {
        "as written": mask_pii(comment).text,
        "normalised": mask_pii(normalise(comment)).text,
        "what screens and exports get": TextPipeline().process(comment).display,
        "as a nickname": mask_nickname(comment),
    }
    # … and after, none of it, whichever way the text went.
    for way, masked in shown.items():
        for kind, secret in secrets:
            assert not _survives(masked, kind, secret), f"{secret} survives {way}: {masked}"


@pytest.mark.parametrize("comment", ORDINARY)
def test_ordinary_comments_stay_as_written(comment: str) -> None:
    result = mask_pii(comment)
    assert result.text == comment
    assert not result.found
    assert TextPipeline().process(comment).display == normalise(comment)
