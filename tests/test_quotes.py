"""Quotes: marks paired (curly, straight, mixed, over paragraphs), speakers and channels."""

from __future__ import annotations

from doc_context import fake_context
from eventwire.extract import quotes
from eventwire.extract.context import DocContext

ENTS = {
    "Jane Roe": ("p:jane roe", "person", "CHL"),
    "John Doe": ("p:john doe", "person", "PER"),
    "Roe": ("p:jane roe", "person", "CHL"),
}


def make_ctx(text: str, extra: list[tuple[str, str]] = ()) -> DocContext:
    """Entity mentions for the names in ENTS, plus (surface, key) pairs the linker would resolve."""
    table = dict(ENTS)
    for surface, key in extra:
        table[surface] = next((k, kind, c) for k, kind, c in ENTS.values() if k == key)
    return fake_context(text, table, dct="2025-05-05")


def test_pronoun_after_quote_with_channel() -> None:
    text = "Jane Roe met the delegation.\n\n“We will deepen our ties with the region,” she shared in a Facebook post."
    [q] = quotes.extract(make_ctx(text))
    assert q.speaker.id == "p:jane roe"
    assert q.text == "We will deepen our ties with the region"
    assert q.channel == "Facebook post"
    assert q.date == "2025-05-05"


def test_linker_resolved_pronoun_wins_over_last_person() -> None:
    text = "John Doe spoke first. Jane Roe listened.\n\n“Our two nations share a long history,” he added."
    [q] = quotes.extract(make_ctx(text, extra=[("he", "p:john doe")]))
    assert q.speaker.id == "p:john doe"


def test_attribution_before_quote() -> None:
    [q] = quotes.extract(
        make_ctx('John Doe told reporters: "The talks were very productive for both sides."')
    )
    assert q.speaker.name == "John Doe"
    assert q.channel == "reporters"


def test_saying_takes_the_clause_subject() -> None:
    text = (
        'At a press conference, John Doe praised the plan, saying, "This is a good day for our two nations."'
    )
    [q] = quotes.extract(make_ctx(text))
    assert q.speaker.id == "p:john doe"
    assert q.channel == "press conference"


def test_quote_over_a_paragraph_break() -> None:
    text = (
        "“The first part of the statement goes here.\n\n“And the second part continues here,” John Doe said."
    )
    [q] = quotes.extract(make_ctx(text))
    assert q.text.startswith("The first part")
    assert q.text.endswith("continues here")


def test_mixed_marks_and_named_speaker_after() -> None:
    text = '"Mixed marks still make one quote here,” Jane Roe stated.'
    [q] = quotes.extract(make_ctx(text))
    assert q.speaker.id == "p:jane roe"


def test_tweet_channel() -> None:
    [q] = quotes.extract(make_ctx('"We had a fruitful meeting today with partners," John Doe tweeted.'))
    assert q.channel == "tweet"


def test_scare_quotes_and_unattributed_quotes_are_not_quotes() -> None:
    assert quotes.extract(make_ctx('John Doe called it a "win-win" deal.')) == []
    assert quotes.extract(make_ctx('The sign read "no entry for anyone beyond this point" yesterday.')) == []


def test_quote_resumed_after_the_attribution_in_one_paragraph() -> None:
    text = "“Our two nations share a long history,” Jane Roe said. “We will build on it together.”"
    [q] = quotes.extract(make_ctx(text))
    assert q.text == "Our two nations share a long history We will build on it together."
    assert q.speaker.id == "p:jane roe"


def test_next_paragraph_quote_keeps_the_speaker_unless_someone_else_is_named() -> None:
    text = "“The talks went very well today,” John Doe said.\n\n“We expect a deal by the summer.”"
    out = quotes.extract(make_ctx(text))
    assert [q.speaker.id for q in out] == ["p:john doe", "p:john doe"]
    other = (
        "“The talks went very well today,” John Doe said.\n\nJane Roe disagreed. “No deal is near at all.”"
    )
    assert [q.speaker.id for q in quotes.extract(make_ctx(other))] == ["p:john doe"]


def test_named_outlet_is_the_channel() -> None:
    text = "Jane Roe spoke.\n\n“We will take this to the courts if we must,” she told Coastal News on Monday."
    [q] = quotes.extract(make_ctx(text))
    assert q.channel == "Coastal News"
    text = "Jane Roe spoke.\n\n“We will take this to the courts if we must,” she said on Andean Television."
    [q] = quotes.extract(make_ctx(text))
    assert q.channel == "Andean Television"


def test_state_owning_an_office_stands_for_its_office_holder() -> None:
    text = "Jane Roe arrived in Lima.\n\n“Our trade will double within five years,” Chile's president said."
    ctx = fake_context(text, {**ENTS, "Chile": ("c:CHL", "country", "CHL")}, dct="2025-05-05")
    [q] = quotes.extract(ctx)
    assert q.speaker.id == "p:jane roe"


def test_a_quoted_title_is_no_quote() -> None:
    text = 'Jane Roe said sales of what it calls "Office in a Pocket" devices had doubled.'
    assert quotes.extract(make_ctx(text)) == []


def test_they_is_never_the_last_person_named() -> None:
    text = (
        'Jane Roe left the band. However, they said that the band would "return to the stage in due course".'
    )
    assert all(q.speaker is None or q.speaker.id != "p:jane roe" for q in quotes.extract(make_ctx(text)))


def test_the_subject_head_names_the_speaker() -> None:
    text = '"Our exports will not recover this year," said Andes Capital analyst John Doe.'
    ctx = fake_context(text, {**ENTS, "Andes Capital": ("p:andes capital", "person", None)}, dct="2025-05-05")
    [q] = quotes.extract(ctx)
    assert q.speaker.id == "p:john doe"
