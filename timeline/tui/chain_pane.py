"""The current event's chain: its causes above, its effects below, as a tree
with the time between each event and the one it links to; or, in path mode,
the causal route between two marked events. Enter (or a click) on an event
follows the link."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from timeline.dates.format import elapsed, format_span
from timeline.graph import ChainNode, Direction, build_tree, neighbours
from timeline.model import Event, Store
from timeline.palette import style
from timeline.text import one_line
from timeline.tui.messages import Go
from timeline.tui.timeline_list import fit

#: How many links deep each side of the chain is drawn.
DEPTH = 3
#: At most this many events are drawn on each side (a 10,000-event store can
#: have thousands of descendants); the rest are counted.
MOST = 150


def link_label(
    event: Event,
    since: str | None,
    zone: tzinfo | None,
    arrow: str = "",
    room: int | None = None,
    note: str = "",
) -> Text:
    """ "← 27 Dec 2019  Rocket attack on K-1 ...  (−2 days)", the title cut at a
    word to fit `room` columns."""
    when = format_span(event.start, event.end, zone)
    after = (f"  ({since})" if since is not None else "") + note
    title = one_line(event.title)
    if room is not None:
        title = fit(title, max(12, room - len(arrow) - len(when) - 2 - len(after)))
    label = Text(arrow, style="dim")
    label.append(when, style="bold")
    label.append("  ")
    label.append(title, style=style(event.kind))
    label.append(after, style="dim")
    return label


class ChainPane(Tree[str]):
    """Causes and effects of the current event; each node's data is an event id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Follow link"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, store: Store, zone: tzinfo | None = None, *, id: str | None = None) -> None:
        super().__init__(Text("chain"), id=id)
        self.store = store
        self.zone = zone
        self.auto_expand = False
        self.show_root = False
        self.guide_depth = 3
        self.border_title = "Chain"
        self.drawn: list[str] = []  # event ids in drawing order, for tests and the status line
        self._showing: Event | tuple[Sequence[str] | None, Sequence[str]] | None = None

    def _add_side(self, parent: TreeNode[str], event: Event, direction: Direction) -> int:
        links = neighbours(self.store, direction)
        (root,) = build_tree([event.id], links, max_depth=DEPTH)
        arrow = "\u2190 " if direction is Direction.CAUSES else "\u2192 "
        stack: list[tuple[ChainNode, TreeNode[str]]] = [(root, parent)]
        count = 0
        while stack:
            node, drawn = stack.pop()
            here = self.store.by_id[node.event_id]
            for child in node.children:
                if count >= MOST:
                    drawn.add_leaf(Text("\u2026 more", style="dim"))
                    break
                other = self.store.by_id[child.event_id]
                since = elapsed(here.start, other.start)
                note = "  \u21b1 shown above" if child.reference else "  \u2026" if child.cut else ""
                label = link_label(other, since, self.zone, arrow, self._room(child.depth), note)
                branch = drawn.add(label, data=child.event_id, expand=True, allow_expand=bool(child.children))
                self.drawn.append(child.event_id)
                count += 1
                stack.append((child, branch))
        return count

    def _room(self, depth: int) -> int | None:
        """Columns left for a label at this depth (None before the first layout)."""
        width = self.scrollable_content_region.width
        return width - self.guide_depth * (depth + 1) - 2 if width > 0 else None

    def on_resize(self) -> None:
        """Fit the labels to the new width."""
        if self._showing is not None:
            self.show_chain(self._showing) if isinstance(self._showing, Event) else self.show_route(
                *self._showing
            )

    def show_chain(self, event: Event) -> None:
        """Draw the causes and effects of this event."""
        self._showing = event
        self.clear()
        self.drawn = []
        self.border_title = "Chain"
        causes = self.root.add(Text("Causes", style="bold"), expand=True)
        if not self._add_side(causes, event, Direction.CAUSES):
            causes.add_leaf(Text("none recorded", style="dim"))
        here = self.root.add(
            link_label(event, None, self.zone, "\u25cf ", self._room(0)), data=event.id, allow_expand=False
        )
        self.drawn.append(event.id)
        effects = self.root.add(Text("Effects", style="bold"), expand=True)
        if not self._add_side(effects, event, Direction.EFFECTS):
            effects.add_leaf(Text("none recorded", style="dim"))
        self.root.expand()
        # The tree's lines are laid out on the next refresh; the cursor goes there then.
        self.call_after_refresh(self.move_cursor, here, animate=False)

    def show_route(self, route: Sequence[str] | None, marks: Sequence[str]) -> None:
        """Draw the causal route between two marked events, step by step."""
        self._showing = (route, marks)
        self.clear()
        self.drawn = []
        first, last = marks
        if route is None:
            self.border_title = "Path"
            self.root.add_leaf(Text(f"No causal route between {first} and {last}.", style="yellow"))
            return
        self.border_title = f"Path: {len(route) - 1} steps"
        previous: Event | None = None
        for ident in route:
            event = self.store.by_id[ident]
            since = elapsed(previous.start, event.start) if previous is not None else None
            self.root.add_leaf(
                link_label(event, since, self.zone, "\u2193 " if previous else "\u25cf "), data=ident
            )
            self.drawn.append(ident)
            previous = event
        self.root.expand()
        self.call_after_refresh(self.move_cursor, self.root.children[0], animate=False)

    def on_tree_node_selected(self, message: Tree.NodeSelected[str]) -> None:
        """Follow the link the cursor is on."""
        message.stop()
        if message.node.data is not None:
            self.post_message(Go(message.node.data))
