"""Causal chains as nested JSON, written iteratively.

json.dumps recurses, so a 100,000-event chain would overflow it; here each
event object is dumped flat and the nesting is written by hand from a stack.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from timeline.contract import event_to_dict
from timeline.graph import ChainNode
from timeline.model import SCHEMA_VERSION, Store


def chain_json(forest: Sequence[ChainNode], store: Store, links_key: str) -> str:
    """{"version": 1, "direction": ..., "roots": [node, ...]} where a node is
    {"event": {...}, "<links_key>": [node, ...]}, a back-reference is
    {"ref": "<id>"}, and a node whose links the depth limit hid has "truncated": true."""
    parts: list[str] = [f'{{"version": {SCHEMA_VERSION}, "direction": {json.dumps(links_key)}, "roots": [']
    # The stack holds nodes to open, or closing text to emit.
    stack: list[ChainNode | str] = ["]}\n"]
    for n, root in reversed(list(enumerate(forest))):
        stack.append(root)
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
    return "".join(parts)
