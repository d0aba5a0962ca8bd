"""What counts as a source's URL: the plain pattern is a shortcut that never
disagrees with splitting the address."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.urls import is_web_url, split_is_web_url

_PIECES = st.sampled_from(
    ["http", "https", "HTTP", "ftp", "javascript:", "://", ":", "/", "//", "?", "#", "[", "]", "::1",
     "@", "user", "example.org", "a", ".", "-", "8080", " ", "\u00a0", "\t", "é", "%20"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=8).map("".join))
def test_the_shortcut_agrees_with_splitting_the_address(text: str) -> None:
    assert is_web_url(text) == split_is_web_url(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.org/a?b#c", True),
        ("HTTP://EXAMPLE.ORG:8080", True),
        ("http://[::1]/x", True),
        ("https://user@example.org/", True),
        ("javascript:alert(1)", False),
        ("https://example.org/a b", False),
        ("https://", False),
        ("example.org", False),
        ("", False),
    ],
)
def test_web_urls(text: str, expected: bool) -> None:
    assert is_web_url(text) is expected
