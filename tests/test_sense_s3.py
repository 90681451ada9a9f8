"""Event precision on unseen news, round 3 (issue 16, parts 1-3): market copy, senses of words that
are no act, and modality read from the act's own clause. Short invented sentences; the coder runs
with the small name table of test_events, so these test the coder alone."""

from __future__ import annotations

from eventwire.extract.events.sense import in_affairs
from eventwire.lexicon.events import load_rules
from eventwire.model import Entity
from test_events import code

MARKET = 4  # a private_copy score of market copy (at least private_domain_min market words)
AGENCY = Entity(id="o:fa", name="Aviation Agency", kind="organization", country="USA", sector="GOV")
BANK = Entity(id="o:cb", name="Central Bank", kind="organization", country="GBR", sector="GOV")
AIRLINES = Entity(id="g:al", name="airlines", kind="group", country="USA")
MINISTER = Entity(id="p:m", name="Ann Lee", kind="person", country="JPN", sector="GOV", office="minister")
TRADER = Entity(id="p:t", name="Bo Roe", kind="person")


def test_in_market_copy_a_state_body_running_its_market_is_no_event() -> None:
    rs = load_rules()
    assert not in_affairs([BANK], [], MARKET, rs)  # "the Bank invited bill offers"
    assert not in_affairs([AGENCY], [AIRLINES], MARKET, rs)  # "the agency ordered airlines to inspect jets"
    assert not in_affairs([TRADER], [], MARKET, rs)  # a bare name in company copy
    assert in_affairs([BANK], [], 0, rs)  # plain copy keeps its bodies


def test_in_market_copy_a_state_or_its_officer_still_acts() -> None:
    rs = load_rules()
    japan = Entity(id="c:JPN", name="Japan", kind="country", country="JPN")
    assert in_affairs([MINISTER], [], MARKET, rs)
    assert in_affairs([BANK], [japan], MARKET, rs)
    foreign = Entity(id="o:jb", name="Japan Bank", kind="organization", country="JPN", sector="BUS")
    assert in_affairs([AGENCY], [foreign], MARKET, rs)  # across a border


def _types(text: str) -> list[str]:
    return [e.event for e in code(text)]
