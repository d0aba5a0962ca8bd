"""Markdown: a readable chronology, a heading per year, an entry per event,
with causes and effects linked to the events' headings by the ids renderers
give headings (no raw HTML, so it reads the same with HTML turned off)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.dates.format import format_span
from timeline.model import Event, Store
from timeline.text import clean, places

# Characters CommonMark may read as markup anywhere in a line; & becomes an entity
# so that text such as "&amp;" stays literally what the store says. At the start
# of a line, list, heading and quote markers are escaped too.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^([-+#>=]|\d+(?=[.)]))")
_BREAKS = re.compile(r"\s*\n\s*")


def escape(text: str) -> str:
    """Store text as literal Markdown on one line."""
    folded = _BREAKS.sub(" ", clean(text).strip())
    escaped = _SPECIAL.sub(r"\\\1", folded.replace("&", "&amp;"))
    return _LINE_START.sub(lambda m: "\\" + m[0] if not m[0].isdigit() else m[0] + "\\", escaped)


def _linked(title: str, url: str) -> str:
    """The title linked to an http(s) URL (see timeline.export.addresses);
    any other URL (javascript:, data:, ...) is shown as escaped text."""
    from timeline.export.addresses import web_address

    address = web_address(url)
    if address is None:
        return f"{title} ({escape(url)}, not linked: only http and https addresses are)"
    return f"[{title}](<{address}>)"


# GitHub's heading ids (github-slugger), which markdown-it's anchors plugin
# and `pandoc -f gfm` also generate: lower case, every character but a word
# character, a hyphen or a space dropped, each space a hyphen; a repeat gets
# -1, -2, ...
_NOT_IN_SLUG = re.compile(r"[^\w\u4e00-\u9fff\- ]")


def slug(heading: str, taken: set[str]) -> str:
    """The id a renderer gives a heading whose text is `heading`, and records it."""
    base = _NOT_IN_SLUG.sub("", heading.lower().replace(" ", "-"))
    found, n = base, 1
    while found in taken:
        found, n = f"{base}-{n}", n + 1
    taken.add(found)
    return found


def _plain(text: str) -> str:
    """Store text as a renderer reads it back from `escape`."""
    return _BREAKS.sub(" ", clean(text).strip())


def _heading(event: Event) -> str:
    return f"{format_span(event.start, event.end)}: {_plain(event.title)}"


def anchors(events: Sequence[Event]) -> dict[str, str]:
    """Each event's heading id, taken in document order: the title, the years
    and the events (so a later repeat is the one with the suffix)."""
    taken = {"timeline"}
    found: dict[str, str] = {}
    year: int | None = None
    for event in events:
        if event.start.year != year:
            year = event.start.year
            slug(str(year), taken)
        found[event.id] = slug(_heading(event), taken)
    return found


def _link(event_id: str, store: Store, chosen: dict[str, str]) -> str:
    event = store.by_id.get(event_id)
    title = escape(event.title) if event else escape(event_id)
    if event_id in chosen:
        return f"[{title}](#{chosen[event_id]})"
    return f"{title} (not in this export)"


def render(store: Store, events: Sequence[Event]) -> str:
    """The chronology of the selected events."""
    chosen = anchors(events)
    lines = ["# Timeline", ""]
    year: int | None = None
    for event in events:
        if event.start.year != year:
            year = event.start.year
            lines += [f"## {year}", ""]
        # "#" escaped: a closing run of them would be cut from the heading (and its id).
        lines.append("### " + escape(_heading(event)).replace("#", "\\#"))
        lines.append("")
        facts = [f"**Kind:** {escape(event.kind)}", f"**Id:** `{event.id}`"]
        if event.locations:
            facts.append(f"**Where:** {escape(places(event))}")
        if event.killed is not None:
            facts.append(f"**Killed:** {escape(str(event.killed))}")
        if event.injured is not None:
            facts.append(f"**Injured:** {escape(str(event.injured))}")
        lines.append(" · ".join(facts))
        lines.append("")
        if event.summary.strip():
            lines += [escape(event.summary), ""]
        if event.causes:
            causes = ", ".join(_link(c, store, chosen) for c in event.causes)
            lines += [f"**Caused by:** {causes}", ""]
        effects = store.effects_of(event.id)
        if effects:
            lines += [f"**Led to:** {', '.join(_link(e, store, chosen) for e in effects)}", ""]
        lines.append("**Sources:**")
        lines.append("")
        for source in event.sources:
            title = escape(source.title)
            if source.url:
                title = _linked(title, source.url)
            note = f" ({escape(source.note)})" if source.note else ""
            lines.append(f"- {title}{note}")
        lines.append("")
    return "\n".join(lines)
