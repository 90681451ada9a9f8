"""States that no longer exist still show: the map draws them over their parts, names know them."""

from __future__ import annotations

from eventwire.store.names import country_code, country_names
from eventwire.web.worldmap import map_svg


def test_soviet_union_is_drawn_over_its_parts_and_named():
    svg = map_svg({"SUN": 5}, [], {"SUN": "Soviet Union"}, lambda c: f"/events?country={c}", lambda p: "")
    assert 'data-country="SUN"' in svg and "Soviet Union: 5 events" in svg
    assert country_code("Soviet Union") == country_code("USSR") == "SUN"
    assert country_names()["SUN"]


def test_a_part_with_its_own_events_keeps_its_link():
    svg = map_svg({"SUN": 5, "RUS": 2}, [], {}, lambda c: f"/c/{c}", lambda p: "")
    assert 'data-country="RUS"' in svg and 'data-country="SUN"' in svg
