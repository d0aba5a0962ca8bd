"""Everything that draws for a terminal. Only modules here import rich, and
each imports it itself, so plain outputs never load it."""
