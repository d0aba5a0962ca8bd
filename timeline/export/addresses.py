"""Source addresses as links: only http(s) ones, and never able to break out.

Markdown, TimelineJS's HTML and iCalendar's URL property all link a source's
address; a `javascript:` or `data:` one must never become a link, and a space,
quote, bracket or line break in one must not end the link early (or, in
iCalendar, make the file unwritable).
"""

from urllib.parse import quote, urlsplit

#: What stays as it is in a linked address: the URL syntax itself and "%", so
#: an address already percent-encoded is not encoded twice.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def web_address(url: str | None) -> str | None:
    """The address percent-encoded for a link when it is http or https;
    None for any other (or none), which is then shown as text, not linked."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    return quote(url, safe=_URL_SAFE)
