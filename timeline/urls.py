"""What counts as a source's URL: an absolute http or https address with a
host and no spaces, the one rule `add` reads a URL by and `check` audits by."""

from urllib.parse import urlsplit


def is_web_url(text: str) -> bool:
    """Whether the text is an absolute http:// or https:// address with a host
    and no whitespace (a `javascript:` or `file:` address, or one a space breaks
    in two, cannot be opened by a reader checking the source)."""
    if not text or any(char.isspace() for char in text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # "http://[" and the like
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)
