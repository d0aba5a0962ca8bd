"""`add -i`: a prompt for each field not given as an option, each answer read
and checked as it is typed and asked again when wrong; then the whole event
checked against the store (a field the checks fault is asked again), drawn
as `show` draws it, and one last question before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timeline.cli.add_fields import (
    BY_KEY,
    FIELDS,
    Field,
    NewCountry,
    event_table,
    message_of,
    problem_field,
    reader,
    suggested_id,
)
from timeline.cli.options import stdout_is_terminal, write
from timeline.errors import TimelineError, UsageError
from timeline.model import Store
from timeline.palette import EVENT_KINDS

#: How many actor ids the actors prompt suggests.
SUGGESTED_ACTORS = 12
#: Fields given only together: once one is, the other is required.
_PARTNERS = {"place": "country", "country": "place", "lat": "lon", "lon": "lat"}


def ask(field: Field, read: Callable[[str], Any], hint: str = "", default: str = "") -> Any:
    """Prompt until the answer reads (or is empty, for an optional field).

    Raises:
        UsageError: the input ended first.
    """
    details = [hint or field.hint] if hint or field.hint else []
    if not field.required:
        details.append("optional")
    question = field.words[0].upper() + field.words[1:]
    question += f" ({'; '.join(details)})" if details else ""
    question += f" [{default}]" if default else ""
    while True:
        answer = _answer(f"{question}: ", "the event was complete") or default
        if not answer:
            if not field.required:
                return [] if field.many else None
            say(f"  the {field.words} is required\n")
            continue
        try:
            return read(answer)
        except NewCountry as new:
            say(f"  {new}\n")
            if _yes(f"Add {new.name!r} as a new country? [y/N] "):
                return new.name
        except (ValueError, TimelineError) as exc:
            say(f"  {message_of(exc)}; try again\n")


def ask_missing(values: dict[str, Any], store: Store) -> None:
    """Ask for each field the options left empty, in the order of FIELDS."""
    say(f"Adding an event to {store.origin}. Kinds: {', '.join(EVENT_KINDS)}.\n")
    for field in FIELDS:
        if values.get(field.key) in (None, []):
            _ask_field(field, values, store)


def _ask_field(field: Field, values: dict[str, Any], store: Store) -> bool:
    """Ask for one field, unless it does not apply; whether it was asked."""
    partner = _PARTNERS.get(field.key)
    if partner is not None and values.get(partner) is not None:
        field = field._replace(required=True)  # a place and its country, a latitude and its longitude
    elif field.key == "lon":
        return False
    if field.place and values.get("place") is None:
        return False  # region, country and coordinates belong to a place
    hint, default = "", ""
    if field.key == "id" and values.get("title"):
        default = suggested_id(values["title"])
    if field.key == "actors":
        hint = f"{field.hint}: {', '.join(a.id for a in store.actors[:SUGGESTED_ACTORS])}, ..."
    values[field.key] = ask(field, reader(field.key, store), hint, default)
    return True


def settle(values: dict[str, Any], store: Store, check: Callable[[str], Store]) -> Store:
    """Check the whole event against the store with `check`; while a check
    faults fields, say why and ask for them again. Returns the store with the
    event added (not yet written).

    Raises:
        RefusedEvent: a problem that no field can be asked again for.
    """
    from timeline.append import RefusedEvent

    while True:
        try:
            return check(event_table(values))
        except RefusedEvent as refused:
            keys = [problem_field(p.field) for p in refused.problems]
            faulted = [key for key in keys if key is not None]
            if len(faulted) < len(keys):
                raise
            say("The event does not fit the store yet:\n")
            for problem, key in zip(refused.problems, faulted, strict=True):
                say(f"  {BY_KEY[key].words}: {problem.message}\n")
            asked = False
            for key in dict.fromkeys(faulted):
                values[key] = None
                asked = _ask_field(BY_KEY[key], values, store) or asked
            if not asked:  # nothing to answer again: asking forever would not help
                raise


def show(ident: str, store: Store) -> None:
    """Draw the new event as `show` draws it."""
    from timeline.render.console import make_console
    from timeline.render.detail import event_panel

    make_console().print(event_panel(store.by_id[ident], store))


def confirm() -> bool:
    """Whether to add the event shown: yes unless the answer is no.

    Raises:
        UsageError: the input ended before an answer.
    """
    while True:
        answer = _answer("Add it? [Y/n] ", "it was added").lower()
        if answer in ("", "y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        say("  answer y or n\n")


def _yes(question: str) -> bool:
    """Whether the answer is yes; no unless it says so (a typo, kept, would
    split the store's countries).

    Raises:
        UsageError: the input ended before an answer.
    """
    return _answer(question, "the event was complete").lower() in ("y", "yes")


def say(text: str) -> None:
    """Write lines, on a terminal wrapped to its width (see `fitted`)."""
    write(fitted(text, _width()))


def fitted(text: str, width: int | None) -> str:
    """Each line of `text` wrapped at spaces to `width`, its continuations
    indented as the line is; never inside a word, an id or a hyphenated kind
    ("missile-strike"), so a word wider than the line overflows whole.
    Unchanged when `width` is None (piped: one line a message, for grep)."""
    if width is None:
        return text
    import textwrap

    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))]
        wrapped = textwrap.wrap(
            line.lstrip(" "), max(width, len(indent) + 1), initial_indent=indent, subsequent_indent=indent,
            break_long_words=False, break_on_hyphens=False,
        )  # fmt: skip
        lines.append("\n".join(wrapped) if wrapped else line)
    return "\n".join(lines)


def _width() -> int | None:
    """The terminal's width, or None when stdout is not a terminal."""
    import shutil

    return shutil.get_terminal_size().columns if stdout_is_terminal() else None


def _answer(question: str, before: str) -> str:
    """Ask, the question wrapped as `say` wraps: all but its last line written
    first, since input() shows a one-line prompt."""
    asked = question.rstrip(" ")
    *above, last = fitted(asked, _width()).split("\n")
    if above:
        write("\n".join(above) + "\n")
    try:
        return input(last + question[len(asked) :]).strip()
    except EOFError:
        raise UsageError(f"input ended before {before}; nothing was written") from None
