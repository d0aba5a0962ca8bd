"""One colour per event kind, for the exporters that draw the causal graph."""

#: kind -> (Graphviz X11 colour name, the same colour as #rrggbb)
KIND_COLOURS: dict[str, tuple[str, str]] = {
    "background": ("gray90", "#e5e5e5"),
    "campaign": ("plum", "#dda0dd"),
    "attack": ("salmon", "#fa8072"),
    "airstrike": ("tomato", "#ff6347"),
    "killing": ("orchid", "#da70d6"),
    "protest": ("khaki", "#f0e68c"),
    "political": ("lightblue", "#add8e6"),
    "diplomatic": ("lightsteelblue", "#b0c4de"),
    "military": ("palegreen", "#98fb98"),
    "statement": ("wheat", "#f5deb3"),
}
