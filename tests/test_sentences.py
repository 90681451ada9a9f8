"""Sentence boundaries the parser must keep: a paragraph break always ends a sentence."""

from __future__ import annotations

import pytest

from eventwire.analyse.nlp import get_nlp
from eventwire.analyse.parse import parse_one
from eventwire.run.article import code


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.mark.parametrize("prefilter", [True, False])
@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Norland rejects the claims",
            "Norland's foreign minister rejected the claims on Monday.",
        ),  # subhead
        ("He called the pact “a shield for the region”", "The president of Suddenia signed the pact."),
        ("A ministry building in Valletta", "Suddenia recalled its ambassador from Norland."),  # caption
    ],
)
def test_paragraph_break_ends_the_sentence(nlp, prefilter: bool, first: str, second: str) -> None:
    doc = parse_one(nlp, f"{first}\n\n{second}", use_prefilter=prefilter)
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [first, second]


def test_a_subhead_does_not_take_over_the_lead() -> None:
    text = "Chile hits back\n\nPeru recalled its ambassador from Chile on Monday."
    events = code(text, "2024-06-04").events
    assert events
    for e in events:
        assert "hits back" not in e.mentions[0].sentence
    assert any([a.country for a in e.actor] == ["PER"] for e in events)
