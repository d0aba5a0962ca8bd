"""One event as `show` draws it, for `show` and `explore`'s line mode alike."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from timeline.model import Event, Store

if TYPE_CHECKING:
    from rich.console import Console


def print_event(
    console: Console | None, event: Event, store: Store, zone: tzinfo | None, zone_name: str | None
) -> None:
    """Print the event: without a console (piped, plain: see cli.screen.plain_text)
    as plain text, with no rich; on a terminal in a panel, its sources' URLs
    whole below it when the panel is too narrow for one; on an unwrapped
    console (piped, in colour) unframed."""
    if console is None:
        from timeline.cli.options import write
        from timeline.render.plain_views import detail_text

        write(detail_text(event, store, zone, zone_name))
        return
    from timeline.render.console import unwrapped
    from timeline.render.detail import event_panel, urls_fit

    framed = not unwrapped(console)
    below = framed and not urls_fit(event, store, console.width)
    console.print(event_panel(event, store, zone, framed=framed, urls=not below, zone_name=zone_name))
    if below:
        from timeline.render.detail_rows import source_links

        # a panel would fold a URL wider than it: below the frame, each URL on
        # a line of its own, whole (the terminal may wrap it, but never splits it)
        for link in source_links(event):
            console.print(link, soft_wrap=True)
