"""`add`: grow a store safely, from options or by answering prompts."""

import os
import re
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import complete_actor, complete_event_id, complete_kind, write
from timeline.errors import NotFoundError, TimelineError, UsageError
from timeline.model import Store
from timeline.palette import EVENT_KINDS

T = TypeVar("T")
_SLUG = re.compile(r"[^a-z0-9]+")


def _date(text: str) -> str:
    from timeline.dates.parse import parse_store_date

    return parse_store_date(text.strip()).iso()


def _kind(text: str) -> str:
    from timeline.query import resolve_kind

    return resolve_kind(text.strip())


def _count(text: str) -> str:
    from timeline.store.fields import parse_count

    parse_count(text.strip())
    return text.strip()


def _ident(text: str) -> str:
    from timeline.store.fields import parse_identifier

    return parse_identifier(text.strip())


def _actors(store: Store) -> Callable[[str], list[str]]:
    from timeline.query import resolve_actor

    def resolve(text: str) -> list[str]:
        return [resolve_actor(store, part.strip()) for part in text.split(",") if part.strip()]

    return resolve


def _causes(store: Store) -> Callable[[str], list[str]]:
    from timeline.query import resolve_event

    def resolve(text: str) -> list[str]:
        return [resolve_event(store, part.strip()).id for part in text.split(",") if part.strip()]

    return resolve


def _ask(question: str, convert: Callable[[str], T], required: bool, default: str = "") -> T | None:
    """Prompt until the answer converts (or is empty, for an optional field)."""
    hint = f" [{default}]" if default else ("" if required else " (optional)")
    while True:
        try:
            answer = input(f"{question}{hint}: ").strip() or default
        except EOFError:
            raise UsageError("input ended before the event was complete; nothing was written") from None
        if not answer:
            if not required:
                return None
            sys.stdout.write("  this field is required\n")
            continue
        try:
            return convert(answer)
        except (ValueError, TimelineError) as exc:
            sys.stdout.write(f"  {str(exc).removeprefix('error: ')}; try again\n")


def _checked(option: str, value: str | None, convert: Callable[[str], T]) -> T | None:
    if value is None:
        return None
    try:
        return convert(value)
    except UsageError as exc:
        raise UsageError(f"{option}: {str(exc).split(': ', 1)[-1]}") from None
    except (ValueError, NotFoundError) as exc:
        raise UsageError(f"{option}: {exc}") from None


app = commands_app()


@app.command("add")
def add(
    ctx: typer.Context,
    ident: Annotated[str | None, typer.Option("--id", help="Id of the new event, e.g. k2-attack.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Short title, in your own words.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", metavar="KIND", help=f"One of: {', '.join(EVENT_KINDS)}.", autocompletion=complete_kind
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="DATE", help="YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM."),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--end", metavar="DATE", help="End of a span, same forms as --start.")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Where it happened.")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Province or region of the place.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country of the place.")] = None,
    lat: Annotated[
        float | None, typer.Option("--lat", min=-90, max=90, help="Latitude of the place.")
    ] = None,
    lon: Annotated[
        float | None, typer.Option("--lon", min=-180, max=180, help="Longitude of the place.")
    ] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor",
            metavar="ACTOR",
            help="Who acted (id, name or alias). Repeatable.",
            autocompletion=complete_actor,
        ),
    ] = None,
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target", metavar="ACTOR", help="Who was targeted. Repeatable.", autocompletion=complete_actor
        ),
    ] = None,
    cause: Annotated[
        list[str] | None,
        typer.Option(
            "--cause",
            metavar="ID",
            help="An earlier event this one answered. Repeatable.",
            autocompletion=complete_event_id,
        ),
    ] = None,
    killed: Annotated[
        str | None, typer.Option("--killed", metavar="COUNT", help='25, "25+", "19-25" or "?".')
    ] = None,
    injured: Annotated[
        str | None, typer.Option("--injured", metavar="COUNT", help="Same forms as --killed.")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag. Repeatable.")] = None,
    summary: Annotated[
        str | None, typer.Option("--summary", help="What happened, in your own words.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="TITLE", help="Title of the source (required).")
    ] = None,
    source_url: Annotated[
        str | None, typer.Option("--source-url", metavar="URL", help="Address of the source.")
    ] = None,
    source_note: Annotated[
        str | None, typer.Option("--source-note", metavar="NOTE", help="E.g. a page or reference number.")
    ] = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Ask for every field not given as an option.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the TOML that would be added; write nothing.")
    ] = False,
) -> None:
    """Add an event to a store of yours, from options or by answering prompts.

    From options (for scripts), or with -i by answering a prompt for each
    field, checked as you go.

    The new event is appended as an [[event]] table, so the rest of the file
    stays byte for byte as it was; the whole store is checked first and the
    file is replaced atomically. The curated store inside the installed
    package is never changed: copy it and use --store.

    Examples:

      timeline --store my-events.toml add -i

      timeline --store my-events.toml add --id k2-attack --title "Rockets hit K-2" --kind attack --start 2020-01-10 --country Iraq --place Kirkuk --actor kh --target us --cause soleimani-killing --source "News report" --dry-run
    """  # noqa: E501
    from timeline.append import append_event, event_toml
    from timeline.store import STORE_ENV, is_bundled
    from timeline.store.files import read_text_file

    current = state(ctx)
    path = current.path
    chosen = current.store_option is not None or bool(os.environ.get(STORE_ENV))
    if is_bundled(path) or not chosen:
        raise UsageError(
            f"the curated store ({path}) is not changed by add; copy it "
            f"(cp '{path}' my-events.toml) and add to the copy: timeline --store my-events.toml add ..."
        )
    store = current.store()
    if read_text_file(path).lstrip().startswith("{"):
        raise UsageError(f"{path} is a JSON export; add to a TOML store")
    actors_of, causes_of = _actors(store), _causes(store)

    values: dict[str, Any] = {
        "id": _checked("--id", ident, _ident),
        "title": title.strip() if title and title.strip() else None,
        "kind": _checked("--kind", kind, _kind),
        "start": _checked("--start", start, _date),
        "end": _checked("--end", end, _date),
        "actors": [a for item in actor or () for a in _checked("--actor", item, actors_of) or ()],
        "targets": [a for item in target or () for a in _checked("--target", item, actors_of) or ()],
        "causes": [c for item in cause or () for c in _checked("--cause", item, causes_of) or ()],
        "killed": _checked("--killed", killed, _count),
        "injured": _checked("--injured", injured, _count),
        "tags": list(tag or ()),
        "summary": summary,
    }
    location = {"place": place, "region": region, "country": country, "lat": lat, "lon": lon}
    cited = {"title": source, "url": source_url, "note": source_note}
    if interactive:
        _prompt_missing(values, location, cited, store)
    missing = [f"--{name}" for name in ("id", "title", "kind", "start") if not values[name]]
    missing += ["--source"] if not cited["title"] else []
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or use -i to be asked)")
    if (location["place"] is None) != (location["country"] is None):
        raise UsageError("give --place and --country together")
    if (location["lat"] is None) != (location["lon"] is None):
        raise UsageError("give --lat and --lon together")
    for name in ("killed", "injured"):
        if values[name] is not None and values[name].isdigit():
            values[name] = int(values[name])
    table = event_toml(
        values,
        [location] if location["place"] is not None else [],
        [cited],
    )
    append_event(path, table, dry_run=dry_run)
    if dry_run:
        write(table)
        return
    write(f"added {values['id']} to {path}\n")


def _prompt_missing(
    values: dict[str, Any], location: dict[str, Any], cited: dict[str, Any], store: Store
) -> None:
    """Ask for each field not given, checking each answer and asking again."""
    write(f"Adding an event to {store.origin}. Kinds: {', '.join(EVENT_KINDS)}.\n")
    if not values["title"]:
        values["title"] = _ask("Title", str.strip, required=True)
    if not values["id"]:
        default = _SLUG.sub("-", values["title"].lower()).strip("-")[:40] if values["title"] else ""
        values["id"] = _ask("Id", _unused_id(store), required=True, default=default)
    if not values["kind"]:
        values["kind"] = _ask("Kind", _kind, required=True)
    if not values["start"]:
        values["start"] = _ask(
            "Start (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM)", _date, required=True
        )
    if not values["end"]:
        values["end"] = _ask("End", _date, required=False)
    if location["place"] is None:
        location["place"] = _ask("Place", str.strip, required=False)
        if location["place"]:
            location["country"] = _ask("Country", str.strip, required=True)
            location["region"] = _ask("Region", str.strip, required=False)
    names = ", ".join(a.id for a in store.actors[:12])
    if not values["actors"]:
        values["actors"] = (
            _ask(f"Actors, comma-separated ({names}, ...)", _actors(store), required=False) or []
        )
    if not values["targets"]:
        values["targets"] = _ask("Targets, comma-separated", _actors(store), required=False) or []
    if not values["causes"]:
        values["causes"] = (
            _ask("Causes: ids of earlier events, comma-separated", _causes(store), required=False) or []
        )
    for name in ("killed", "injured"):
        if values[name] is None:
            values[name] = _ask(f"{name.capitalize()} (25, 25+, 19-25, ?)", _count, required=False)
    if not values["summary"]:
        values["summary"] = _ask("Summary, in your own words", str.strip, required=False)
    if not cited["title"]:
        cited["title"] = _ask("Source title", str.strip, required=True)
        cited["url"] = _ask("Source URL", str.strip, required=False)
        cited["note"] = _ask("Source note", str.strip, required=False)


def _unused_id(store: Store) -> Callable[[str], str]:
    def check(text: str) -> str:
        ident = _ident(text)
        if ident in store.by_id:
            raise ValueError(f"{ident!r} is already used")
        return ident

    return check
