"""The market-copy gate: company and market stories with no political actor are not parsed."""

from __future__ import annotations

import pytest

from eventwire.analyse import prefilter
from eventwire.model import Article
from eventwire.run.article import process_texts

EARNINGS = "Qtr net profit 4.2 mln dlrs vs 3.1 mln dlrs. Shr 12 cts vs nine cts. Revs 80 mln dlrs."
TAKEOVER = (
    "Acme Widgets Inc said it agreed to acquire Bolt Fasteners Corp for 40 mln dlrs in cash. "
    'The merger is subject to approval by Bolt shareholders, the company said. "We are pleased," '
    "said Acme's chief executive, Jane Roe."
)
COMPANY_PRESIDENT = "Acme Widgets Inc named John Doe president. The company said sales rose 5 pct."


@pytest.fixture(scope="module")
def lex(nlp):
    return prefilter.lexicon(nlp)


def test_market_and_company_copy_is_skipped(lex) -> None:
    assert prefilter.market_copy(EARNINGS, lex)
    assert prefilter.market_copy(TAKEOVER, lex)
    # a company's president is not a head of state: the cue is the capitalised title
    assert prefilter.market_copy(COMPANY_PRESIDENT, lex)


@pytest.mark.parametrize(
    "text",
    [
        # a state, a government body, an official or an international body makes it political
        "Japan said it would cut tariffs on Acme Widgets Inc imports, sending shares up 5 pct.",
        "The Finance Ministry said it would sell 2 billion dlrs of 10-year bonds, the company said.",
        "The central bank said its profit rose 4 pct; the stock market index fell 2 pct.",
        "Bundesbank board member Hans Roth said share prices and bond yields were too high.",
        "OPEC output rose 3 pct as crude oil futures prices fell, the company said.",
        "President Roe said Acme Widgets Inc shares would not be sold, and its profit rose.",
        "Sanctions cut Acme Widgets Inc sales by 30 pct and its shares fell, the company said.",
        "Acme Widgets Inc sales of the new missile rose 8 pct, lifting its shares.",
        "Rep. John Doe said Acme Widgets Inc profit and share price were inflated.",
        "Workers went on strike at Acme Widgets Inc, cutting its quarterly profit by 10 pct.",
        # too few market cues: not recognisably market copy
        "The weather was mild and the valley was quiet.",
        "",
    ],
)
def test_political_or_unrecognised_copy_is_parsed(lex, text: str) -> None:
    assert not prefilter.market_copy(text, lex)


def test_cues_match_inflections_possessives_and_phrases(lex) -> None:
    assert not prefilter.market_copy("The ministries' profit rose 4 pct and its shares fell.", lex)
    assert not prefilter.market_copy("Norway's shares fell 2 pct and profit rose.", lex)
    assert not prefilter.market_copy("Shares fell 2 pct on the trade deficit and profit rose.", lex)
    # "trade" alone is market talk, not a trade dispute
    assert prefilter.market_copy("Shares traded 2 pct lower and profit rose.", lex)


def test_skipped_story_is_stored_empty_and_switch_parses_it(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [
        Article(id="a-market", path="<m>", text=TAKEOVER, published="2024-03-04"),
        Article(id="a-politics", path="<p>", text="Norway accused Sweden of spying.", published="2024-03-04"),
    ]
    market, politics = process_texts(arts, nlp)
    assert market.article_id == "a-market" and market.dct == "2024-03-04"
    assert not (market.events or market.entities or market.actors or market.quotes or market.figures)
    assert politics.article_id == "a-politics" and politics.events
    monkeypatch.setenv("EVENTWIRE_PREFILTER", "0")
    market, _ = process_texts(arts, nlp)
    assert market.entities, "with the prefilter off every story is parsed"


def test_parsed_share_counts_skipped_stories_as_unparsed(nlp) -> None:
    from eventwire.analyse.parse import segments_parsed

    done, total = segments_parsed([EARNINGS], nlp)
    assert (done, total) == (0, len(EARNINGS))
    done, total = segments_parsed(["Norway accused Sweden of spying."], nlp)
    assert done == total > 0
