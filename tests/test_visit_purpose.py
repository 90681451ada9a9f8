"""Talks a visit is made for are that visit: one record, not two (#16 part 2); talks with a third
party stay an event of their own. All sentences are invented for these tests."""

from __future__ import annotations

from eventwire.run.article import code as code_article


def _events(text: str) -> list[tuple[str, str | None, set, set]]:
    ext = code_article(text, "1990-03-05")
    return [
        (e.event, e.cameo, {x.country for x in e.actor}, {x.name for x in e.recipient}) for e in ext.events
    ]


def test_talks_a_visit_is_made_for_are_the_visit():
    got = _events("The Chinese premier arrived in Paris on Monday for talks with President Mitterrand.")
    assert len(got) == 1, got
    assert got[0][0] == "CONSULT" and got[0][1] == "042" and got[0][3] == {"Francois Mitterrand"}, got


def test_talks_with_a_third_party_on_a_visit_are_their_own_event():
    got = _events("Japan's finance minister visits Washington this week for meetings with the IMF.")
    assert len(got) == 2, got


def test_travelling_at_a_time_is_no_visit():
    got = _events("No one was hurt and Prime Minister Kenji Sato was travelling at the time of the blast.")
    assert not any(ev == "CONSULT" for ev, *_ in got), got


def test_arriving_in_a_city_is_still_a_visit():
    got = _events("The Chinese premier arrived in Paris on Monday.")
    assert any(ev == "CONSULT" and code == "042" for ev, code, *_ in got), got
