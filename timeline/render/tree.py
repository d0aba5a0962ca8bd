"""Causal chains as rich Trees, and routes between events as arrowed steps;
their words are render.branches'."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from timeline.graph import ChainNode, Direction, Routes
from timeline.model import Event, Store
from timeline.render.branches import (
    Branch,
    both_branch,
    chain_branches,
    label_words,
    routes_words,
)
from timeline.render.console import rich_text


def event_label(event: Event, zone: tzinfo | None = None, since: str | None = None) -> Text:
    """ "29 Dec 2019  US airstrikes ...  airstrike  (retaliation for, 2 days after)  id"."""
    return rich_text(label_words(event, zone, since))


def _tree(top: Branch) -> Tree:
    """A Branch and all below it as a rich Tree, built iteratively for deep chains."""
    tree = Tree(rich_text(top.label), guide_style="dim")
    stack = [(top, tree)]
    while stack:
        branch, drawn = stack.pop()
        for child in branch.children:
            stack.append((child, drawn.add(rich_text(child.label))))
    return tree


def chain_tree(
    forest: Sequence[ChainNode],
    store: Store,
    title: Text | None = None,
    zone: tzinfo | None = None,
    direction: Direction = Direction.EFFECTS,
) -> Tree | Group:
    """The forest drawn as trees (see render.branches.chain_branches), under
    `title` when one is given."""
    trees = [_tree(top) for top in chain_branches(forest, store, zone, direction)]
    if title is not None:
        holder = Tree(title, guide_style="dim")
        holder.children.extend(trees)
        return holder
    if len(trees) == 1:
        return trees[0]
    return Group(*trees)


def both_tree(
    store: Store, root: str, before: ChainNode, after: ChainNode, zone: tzinfo | None = None
) -> Group:
    """One event with what led to it ("Caused by") and what it led to ("Led to")."""
    return Group(_tree(both_branch(store, root, before, after, zone)))


def routes_view(found: Routes, store: Store, zone: tzinfo | None = None) -> Group:
    """Routes one after another, numbered when there are several or the list
    was cut, with a note when it was (see render.branches.routes_words)."""
    return Group(*routes_parts(found, store, zone))


def routes_parts(found: Routes, store: Store, zone: tzinfo | None = None) -> Iterator[RenderableType]:
    """`routes_view`'s parts one at a time, so thousands of routes are printed
    as they are drawn, never held whole."""
    return (rich_text(part) for part in routes_words(found, store, zone))
