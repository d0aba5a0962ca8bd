"""The full-screen explorer: a Textual app over the core (store, query, graph,
render). Nothing here is imported by any other command; `timeline.tui.app.run`
is the entry, called by `timeline explore` on a terminal."""
