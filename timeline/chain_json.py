"""Causal chains as nested JSON, written iteratively.

json.dumps recurses, so a 100,000-event chain would overflow it; here each
event object is dumped flat and the nesting is written by hand from a stack.
"""

import json
from collections.abc import Sequence

from timeline.contract import event_to_dict
from timeline.graph import ChainNode
from timeline.model import SCHEMA_VERSION, Store


def _write_nodes(nodes: Sequence[ChainNode], store: Store, links_key: str, parts: list[str]) -> None:
    """Append the nodes, comma-separated, each as {"event": {...}, "<links_key>":
    [...]}, a back-reference as {"ref": "<id>"}, a node whose links the depth
    limit hid with "truncated": true."""
    # The stack holds nodes to open, or text to emit.
    stack: list[ChainNode | str] = []
    for n, node in reversed(list(enumerate(nodes))):
        stack.append(node)
        if n:
            stack.append(", ")
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item.reference:
            parts.append(json.dumps({"ref": item.event_id}))
            continue
        event = store.by_id[item.event_id]
        parts.append('{"event": ' + json.dumps(event_to_dict(event, store), ensure_ascii=False))
        if item.cut:
            parts.append(', "truncated": true')
        parts.append(f', "{links_key}": [')
        stack.append("]}")
        for n, child in reversed(list(enumerate(item.children))):
            stack.append(child)
            if n:
                stack.append(", ")


def chain_json(forest: Sequence[ChainNode], store: Store, links_key: str) -> str:
    """{"version": 1, "direction": "<links_key>", "roots": [node, ...]}."""
    parts = [f'{{"version": {SCHEMA_VERSION}, "direction": {json.dumps(links_key)}, "roots": [']
    _write_nodes(forest, store, links_key, parts)
    parts.append("]}\n")
    return "".join(parts)


def both_json(before: ChainNode, after: ChainNode, store: Store) -> str:
    """One root with both sides: {"version": 1, "direction": "both", "roots":
    [{"event": {...}, "effects": [...], "causes": [...]}]}, where `before` and
    `after` are the same event's trees towards its causes and its effects."""
    event = store.by_id[after.event_id]
    parts = [
        f'{{"version": {SCHEMA_VERSION}, "direction": "both", "roots": [{{"event": ',
        json.dumps(event_to_dict(event, store), ensure_ascii=False),
    ]
    if before.cut or after.cut:
        parts.append(', "truncated": true')
    parts.append(', "effects": [')
    _write_nodes(after.children, store, "effects", parts)
    parts.append('], "causes": [')
    _write_nodes(before.children, store, "causes", parts)
    parts.append("]}]}\n")
    return "".join(parts)
