"""render/widths.py: column widths that never break an id and never overflow."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.render.widths import Need, fit, need

needs = st.lists(
    st.tuples(st.integers(1, 40), st.integers(0, 60), st.integers(1, 5)).map(
        lambda t: Need(t[0], t[0] + t[1], t[2])
    ),
    min_size=1,
    max_size=8,
)


@given(needs, st.integers(0, 300))
def test_widths_fit_the_room_and_every_column_its_least(columns: list[Need], room: int) -> None:
    widths = fit(columns, room)
    if sum(n.least for n in columns) > room:
        assert widths is None
        return
    assert widths is not None
    assert sum(widths) <= room
    assert all(n.least <= w <= n.most for n, w in zip(columns, widths, strict=True))
    if sum(widths) < room:  # room left over only when every column has all it can use
        assert widths == [n.most for n in columns]


def test_a_column_needs_its_longest_word_its_header_and_its_ids_whole() -> None:
    assert need(["Rocket attack on K-1"], "Event") == Need(6, 20)
    assert need(["a b"], "Event", whole=["ain-al-asad-rocket-attack"]) == Need(25, 25)
    assert need(["x"], "Killed", share=4) == Need(6, 6, 4)
