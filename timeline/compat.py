"""The only place CPython's private C modules are imported.

The store cache is read on every run: importing hashlib (which loads OpenSSL)
and pickle (pure Python around _pickle) costs more start-up time than reading
a small store, so the cache reaches for the C modules underneath where they
exist, and falls back to the public ones elsewhere. A large store is hashed
by hashlib all the same, where OpenSSL's speed outweighs its import.
"""

from __future__ import annotations

from typing import Any

#: From this size on, OpenSSL's SHA-256 (through hashlib) wins: it hashes about
#: five times faster than the builtin one (0.5 against 2.8 ms a MiB here), which
#: more than repays hashlib's import (about 2 ms) once a store passes 1 MiB.
OPENSSL_FROM_BYTES = 1 << 20


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of data, in hex."""
    if len(data) >= OPENSSL_FROM_BYTES:
        from hashlib import sha256 as openssl_sha256

        return openssl_sha256(data).hexdigest()
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment,unused-ignore]
    return str(sha256(data).hexdigest())


def pickler() -> Any:
    """A module with pickle's load and dump: _pickle, else pickle."""
    try:
        import _pickle as pickle
    except ImportError:  # pragma: no cover - not CPython
        import pickle  # type: ignore[no-redef]
    return pickle
