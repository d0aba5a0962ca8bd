"""The store on disk: which file (`open`), reading it (`read`, with the field
converters in `fields`), the lines of its problems (`lines`), reading and
writing files (`files`) and the cache of validated stores (`cache`).

Only `open` is imported with the package: a warm start never loads the reader.
"""

from __future__ import annotations

from timeline.model import Store
from timeline.store.open import STORE_ENV, bundled_store_path, is_bundled, open_store, store_path, validated

__all__ = [
    "STORE_ENV",
    "bundled_store_path",
    "is_bundled",
    "open_store",
    "read_store_text",
    "store_path",
    "validated",
]


def read_store_text(text: str, origin: str) -> Store:
    """Parse and validate a store given as text (TOML, or JSON when it starts
    with `{`); see `timeline.store.read.read_store_text`."""
    from timeline.store import read

    return read.read_store_text(text, origin)
