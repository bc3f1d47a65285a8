"""helpers/quotes.py: the old module name still gives the public tables of who speaks."""

from __future__ import annotations

import pytest

import helpers.quotes
import helpers.who_speaks


@pytest.mark.parametrize("name", helpers.quotes.__all__)
def test_quotes_re_exports_who_speaks(name):
    assert getattr(helpers.quotes, name) is getattr(helpers.who_speaks, name)


def test_the_helpers_api_is_the_same_functions():
    import helpers

    for name in ("extract_quotes", "speakers", "scare_quotes", "voices", "share_of_voice"):
        assert getattr(helpers, name) is getattr(helpers.who_speaks, name)
