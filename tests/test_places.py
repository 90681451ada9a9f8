"""Place lookup: offline, never raising."""

from __future__ import annotations

from eventwire.link.places import lookup


def test_city_gets_country_and_coordinates():
    p = lookup("Istanbul")
    assert p.country == "TUR" and p.name == "Istanbul"
    assert 40 < p.lat < 42 and 28 < p.lon < 30


def test_capital_and_accent_free_spelling():
    assert lookup("Kuala Lumpur").country == "MYS"
    assert lookup("Bogota").country == "COL"


def test_state_name_is_a_place_without_a_point():
    p = lookup("Türkiye")
    assert p.country == "TUR" and p.lat is None


def test_region_and_unknown_names_have_no_country():
    assert lookup("Southeast Asia").country is None
    p = lookup("Xyzzy Springs Village")
    assert p.country is None and p.name == "Xyzzy Springs Village"
    assert lookup("").country is None
