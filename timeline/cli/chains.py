"""`chain` and `path`: following cause and effect."""

import sys
from collections.abc import Iterable
from datetime import tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import FromOption, ToOption, TzOption, complete_event_id, write, zone_option
from timeline.errors import NotFoundError, UsageError
from timeline.model import Store

if TYPE_CHECKING:
    from rich.console import RenderableType

    from timeline.graph import ChainNode, Direction


app = commands_app()


class ChainFormat(StrEnum):
    """Output formats of `chain` and `path`."""

    tree = "tree"
    json = "json"
    ids = "ids"


FormatOption = Annotated[
    ChainFormat, typer.Option("--format", "-f", help="tree (drawn), json (nested) or ids (one per line).")
]
DEFAULT_WINDOW = ("2019", "2024")
NO_CHAIN = "No events in that window.\n"


@app.command("chain")
def chain(
    ctx: typer.Context,
    event_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Event to start from (a unique start of an id will do). Without it: every chain "
            "in --from/--to.",
            autocompletion=complete_event_id,
            show_default=False,
        ),
    ] = None,
    causes: Annotated[bool, typer.Option("--causes", help="Show what led to the event instead.")] = False,
    both: Annotated[bool, typer.Option("--both", help="Show causes and effects around the event.")] = False,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth", "-d", min=0, metavar="N", help="Follow links at most N steps.", show_default=False
        ),
    ] = None,
    since: FromOption = None,
    until: ToOption = None,
    context: Annotated[
        bool,
        typer.Option(
            "--context",
            help="Without an ID: also draw the earlier events outside the window that led into it.",
        ),
    ] = False,
    membership: Annotated[
        bool | None,
        typer.Option(
            "--membership/--no-membership",
            "-m",
            help="Also follow part-of: a whole leads to its parts (effects), a part to its whole "
            '(causes), drawn as "part of" / "has part". On by default without an ID.',
            show_default=False,
        ),
    ] = None,
    unlinked: Annotated[
        bool,
        typer.Option(
            "--unlinked",
            help="Without an ID: also draw the events with no link in the window (left out by default).",
        ),
    ] = False,
    output: FormatOption = ChainFormat.tree,
    tz: TzOption = None,
) -> None:
    """Draw what an event led to (or, with --causes, what led to it) as a tree.

    Each event shows how it is linked to the one above it (the cause's type:
    "retaliation for", "in response to", ...) and the time between them.
    --membership also follows what is part of what.

    An event reached by two routes is drawn in full once and then as a marked
    back-reference. Without an ID, draws every chain whose events fall within
    --from/--to, roots first: the whole escalation. Neither given means 2019
    to 2024; one alone leaves the other side open (--to 2018: everything up to
    the end of 2018; --from 2025: from 2025 on). It then follows part-of too
    (--no-membership: causes only), and leaves out the events with no link in
    the window, saying how many (--unlinked draws them).
    In a slice (a filtered JSON export), a link to an event it lacks ends in a
    leaf marked "(outside this store)".

    Examples:

      timeline chain k1-air-base-attack

      timeline chain soleimani-killing --causes --depth 2

      timeline chain us-airstrikes-kh-2019-12-29 --both

      timeline chain --from 2023 --format json

      timeline chain --context

      timeline chain militia-attacks-2023 --membership
    """
    from timeline.graph import Direction
    from timeline.query import resolve_event

    store = state(ctx).store()
    zone = zone_option(tz)
    asked = depth
    if output == ChainFormat.tree and (depth is None or depth > DRAW_DEPTH):
        depth = DRAW_DEPTH  # a drawing deeper than this is illegible and slow to lay out
    if event_id is None:
        if causes or both:
            raise UsageError("--causes and --both need an event ID")
        from timeline.dates.parse import user_range
        from timeline.graph import window_forest

        if since is None and until is None:
            since, until = DEFAULT_WINDOW
        # One bound alone leaves the other side open, as in `list`: the default
        # window is for neither, so a bound typed is never checked against it.
        period = user_range(since, until, None)
        assert period is not None  # a bound is given
        forest = window_forest(store, period, context, depth, membership is not False)
        if not unlinked:
            linked = [root for root in forest if root.children or root.cut]
            _say_how_many_are_unlinked(len(forest) - len(linked))
            forest = linked
        _print_chain(ctx, store, forest, Direction.EFFECTS, output, zone)
        _say_where_drawing_stopped(forest, asked, depth)
        return
    if since is not None or until is not None or context or unlinked:
        raise UsageError("--from, --to, --context and --unlinked apply only without an ID")
    membership = bool(membership)
    if causes and both:
        raise UsageError("use --causes or --both, not both")
    root = resolve_event(store, event_id).id
    if both:
        before = _tree(store, root, Direction.CAUSES, membership, depth)
        after = _tree(store, root, Direction.EFFECTS, membership, depth)
        _print_both(ctx, store, root, before[0], after[0], output, zone)
        _say_where_drawing_stopped([*before, *after], asked, depth)
        return
    direction = Direction.CAUSES if causes else Direction.EFFECTS
    forest = _tree(store, root, direction, membership, depth)
    _print_chain(ctx, store, forest, direction, output, zone)
    _say_where_drawing_stopped(forest, asked, depth)


def _tree(
    store: Store, root: str, direction: "Direction", membership: bool, depth: int | None
) -> "list[ChainNode]":
    """The event's tree one way; in a slice, links leading outside it end in outside leaves."""
    from timeline.graph import build_tree, neighbours, outside_neighbours

    links = neighbours(store, direction, membership)
    beyond = outside_neighbours(store, direction, membership)
    return build_tree([root], links, depth, beyond=beyond)


#: The deepest level a tree is drawn to: past it, every level costs a column
#: of guides, and a 10,000-deep chain would take seconds to lay out unreadably.
DRAW_DEPTH = 100


def _say_how_many_are_unlinked(count: int) -> None:
    """A note on stderr, so that a pipeline reading the drawing is not disturbed."""
    if count:
        events = "1 event has" if count == 1 else f"{count} events have"
        sys.stderr.write(f"note: {events} no link in the window, left out; --unlinked draws them too\n")


def _say_where_drawing_stopped(forest: "list[ChainNode]", asked: int | None, drawn: int | None) -> None:
    """A note on stderr when the drawing, not --depth, cut the tree short."""
    if drawn == asked or drawn is None:
        return
    from timeline.graph import walk

    if any(node.cut for node in walk(forest)):
        sys.stderr.write(
            f"note: the drawing stops at depth {drawn}, the deepest drawn legibly; "
            "--format ids or --format json give all of it\n"
        )


def _write_ids(nodes: "Iterable[ChainNode]") -> None:
    """Each event of the drawing once, in drawing order, one id per line
    (those outside a slice are not its events, and are left out)."""
    write("".join(f"{ident}\n" for ident in dict.fromkeys(n.event_id for n in nodes if not n.outside)))


def _print_chain(
    ctx: typer.Context,
    store: Store,
    forest: "list[ChainNode]",
    direction: "Direction",
    output: ChainFormat,
    zone: tzinfo | None,
) -> None:
    if output == ChainFormat.ids:
        from timeline.graph import walk

        _write_ids(walk(forest))
        return
    if output == ChainFormat.json:
        from timeline.contract.encode import chain_json

        write(chain_json(forest, store, direction.value))
        return
    from timeline.cli.screen import ascii_only, plain_text, screen

    if plain_text(ctx):
        from timeline.render.branches import chain_branches
        from timeline.render.plain_views import tree_text

        write(tree_text(chain_branches(forest, store, zone, direction), ascii_only()) if forest else NO_CHAIN)
        return
    from timeline.render.tree import chain_tree

    with screen(ctx) as console:
        if not forest:
            console.print(NO_CHAIN.rstrip("\n"), style="dim")
            return
        console.print(chain_tree(forest, store, None, zone, direction))


def _print_both(
    ctx: typer.Context,
    store: Store,
    root: str,
    before: "ChainNode",
    after: "ChainNode",
    output: ChainFormat,
    zone: tzinfo | None,
) -> None:
    from timeline.graph import walk

    if output == ChainFormat.ids:
        _write_ids([*walk(before.children), after, *walk(after.children)])
        return
    if output == ChainFormat.json:
        from timeline.contract.encode import both_json

        write(both_json(before, after, store))
        return
    from timeline.cli.screen import ascii_only, plain_text, screen

    if plain_text(ctx):
        from timeline.render.branches import both_branch
        from timeline.render.plain_views import tree_text

        write(tree_text([both_branch(store, root, before, after, zone)], ascii_only()))
        return
    from timeline.render.tree import both_tree

    with screen(ctx) as console:
        console.print(both_tree(store, root, before, after, zone))


@app.command("path")
def path(
    ctx: typer.Context,
    start: Annotated[
        str, typer.Argument(metavar="FROM", help="The earlier event.", autocompletion=complete_event_id)
    ],
    goal: Annotated[
        str, typer.Argument(metavar="TO", help="The later event.", autocompletion=complete_event_id)
    ],
    every: Annotated[bool, typer.Option("--all", help="List every route, shortest first.")] = False,
    most: Annotated[
        int, typer.Option("--max", min=1, max=10_000, metavar="N", help="With --all, list at most N routes.")
    ] = 50,
    causes_only: Annotated[
        bool,
        typer.Option("--causes-only", help="Follow causes only, not a whole down to its parts."),
    ] = False,
    output: FormatOption = ChainFormat.tree,
    tz: TzOption = None,
) -> None:
    """Show how one event led to another, step by step.

    The shortest route, each step saying how it follows the one before
    ("retaliation for", "part of") and when; --all lists every route, the
    shortest first, at most --max of them (when that cuts the list, it says
    how many routes there are, or "more than N" when they cannot be counted).
    Routes pass from a campaign or operation down to its parts unless
    --causes-only. When there is no route, path says so and exits 1.

    Examples:

      timeline path k1-air-base-attack soleimani-killing

      timeline path k1-air-base-attack soleimani-killing --all

      timeline path base-attacks-2019 soleimani-killing --all --max 2

      timeline path tower-22-attack militia-attacks-halt --format json

      timeline path militia-attacks-2023 us-strikes-2024-02-02

    That route passes from the militias' campaign to the US one and down to
    one of its strikes ("part of"). By causes alone there is none, so this
    says so and exits 1:

      timeline path militia-attacks-2023 us-strikes-2024-02-02 --causes-only
    """
    from timeline.graph import Direction, Routes, all_paths, neighbours, shortest_path
    from timeline.query import resolve_event

    store = state(ctx).store()
    zone = zone_option(tz)
    first, last = resolve_event(store, start).id, resolve_event(store, goal).id
    effects = neighbours(store, Direction.EFFECTS, membership=not causes_only)
    if every:
        found = all_paths(effects, first, last, most)
    else:
        shortest = shortest_path(effects, first, last)
        found = Routes([shortest] if shortest else [], False, None, False)  # the others are not counted
    if not found.paths:
        hint = ""
        if shortest_path(effects, last, first) is not None:
            hint = f"; there is one the other way: timeline path {last} {first}"
        kind = "causal route" if causes_only else "route"
        if store.outside:
            hint += (
                f"; {store.origin} is a slice, some of whose links lead outside it "
                "(timeline check lists them), so a route may pass outside it"
            )
        raise NotFoundError(f"no {kind} from {first} to {last}{hint}")
    if output == ChainFormat.ids:
        write("\n".join("".join(f"{i}\n" for i in route) for route in found.paths))
        return
    if output == ChainFormat.json:
        from timeline.contract.encode import path_json_chunks

        for chunk in path_json_chunks(found, store):
            write(chunk)
        return
    from timeline.cli.screen import plain_text, screen

    if plain_text(ctx):
        from timeline.render.branches import routes_words
        from timeline.render.plain_views import styled_text

        for words in routes_words(found, store, zone):
            write(styled_text([words]))
        return
    from timeline.render.tree import routes_parts

    with screen(ctx) as console:
        batch: list[RenderableType] = []
        for part in routes_parts(found, store, zone):
            batch.append(part)
            if len(batch) >= 200:  # a print call costs: draw a few routes at a time
                console.print(*batch, sep="\n")
                batch.clear()
        console.print(*batch, sep="\n")
