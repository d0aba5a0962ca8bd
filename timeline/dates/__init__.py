"""Dates at a precision: `parse` reads them (from the store, and as users type
them: periods and windows), `format` writes them for people at the precision
they have, `zones` moves clock times between time zones.

Nothing is imported here, so that a command loads only what it uses;
python-dateutil is imported only inside the functions that need it.
"""
