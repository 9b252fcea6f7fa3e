"""The control API's settings: read leniently from settings.ini, checked before they are kept."""

import pytest

from studio.domain.api_choice import (
    DEFAULT_PORT,
    ApiChoice,
    ApiChoiceRefused,
    api_choice_from,
    check_api_choice,
    new_token,
)
from studio.domain.refusals import Refusal


def test_settings_ini_values_are_read_leniently():
    assert api_choice_from(None, None, None) == ApiChoice("off", DEFAULT_PORT, "")
    assert api_choice_from("lan", "4799", " deck:x ") == ApiChoice("lan", 4799, "deck:x")
    assert api_choice_from("everywhere", "http", "") == ApiChoice("off", DEFAULT_PORT, "")


@pytest.mark.parametrize(
    ("choice", "code"),
    [
        (ApiChoice("public", 4780, ""), Refusal.API_MODE_UNKNOWN),
        (ApiChoice("local", 80, ""), Refusal.API_PORT_OUT_OF_RANGE),
        (ApiChoice("local", 70000, ""), Refusal.API_PORT_OUT_OF_RANGE),
        (ApiChoice("lan", 4780, ""), Refusal.API_LAN_NEEDS_TOKEN),
        (ApiChoice("lan", 4780, "deck:short"), Refusal.API_LAN_NEEDS_TOKEN),
    ],
)
def test_what_cannot_be_kept_is_refused(choice, code):
    with pytest.raises(ApiChoiceRefused) as refused:
        check_api_choice(choice)
    assert refused.value.code == code


def test_a_generated_token_opens_the_lan():
    token = new_token()
    assert token != new_token()
    assert check_api_choice(ApiChoice("lan", 4780, f" {token} ")) == ApiChoice("lan", 4780, token)
    assert check_api_choice(ApiChoice("local", 4780, "")).mode == "local"
