"""What counts as a source's URL: an absolute http or https address with a
host and no spaces, the one rule `add` reads a URL by and `check` audits by."""

import re
from urllib.parse import urlsplit

# The usual address, known good at a glance: a check over a store of 100,000
# sources would otherwise spend a quarter of a second splitting them.
_PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#]\S*)?", re.IGNORECASE)
_SPACE = re.compile(r"\s")


def is_web_url(text: str) -> bool:
    """Whether the text is an absolute http:// or https:// address with a host
    and no whitespace (a `javascript:` or `file:` address, or one a space breaks
    in two, cannot be opened by a reader checking the source)."""
    return bool(_PLAIN_WEB_URL.fullmatch(text)) or split_is_web_url(text)


def split_is_web_url(text: str) -> bool:
    """is_web_url by splitting the address: for every form (IPv6 hosts, user
    names) the plain pattern leaves out."""
    if not text or _SPACE.search(text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # "http://[" and the like
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)
