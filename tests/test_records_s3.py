"""Deals, figures and quotes on unseen news (issue 16, parts 6-7): the mechanisms behind the
records an analyst reads, each pinned with short invented sentences.

- figures: a change's direction (``change``, a fall's amount negative), money-market and trading
  copy dropped, a sum's own "of" phrase naming its metric, a change noun's "in" phrase too;
- money: bare currency words ("dlrs", "rupees") read as the story means them;
- deals: bulk quantities with their measure, ranks and sizes kept out of the item, prices kept out
  of the value, past shipments delivered;
- quotes: an attribution never read across a paragraph or from the next sentence, and a person
  named inside a quotation never the "he" of its attribution.
"""

from __future__ import annotations

from doc_context import fake_context
from eventwire.extract import deals, figures, quotes
from eventwire.extract.context import DocContext
from eventwire.extract.money import find_money, localise
from eventwire.model import Deal, Figure

ENTS = {
    "Ruritania": ("c:RUR", "country", "CAN"),
    "Freedonia": ("c:FRE", "country", "USA"),
    "Lanka": ("c:LKA", "country", "LKA"),
    "India": ("c:IND", "country", "IND"),
    "Jane Roe": ("p:jane roe", "person", "CAN"),
    "John Doe": ("p:john doe", "person", "USA"),
    "Max Power": ("p:max power", "person", "USA"),
}


def ctx(text: str, dct: str = "1987-03-02") -> DocContext:
    return fake_context(text, ENTS, dct=dct)


def _figs(text: str) -> list[Figure]:
    return figures.extract(ctx(text))


def _one_deal(text: str) -> Deal:
    [d] = deals.extract(ctx(text))
    return d


# ------------------------------------------------------------------------------------- figures


def test_a_fall_is_a_negative_change_and_a_level_is_no_change() -> None:
    by_amount = {f.amount: f for f in _figs("Ruritania's exports fell 12 pct to 3 billion dlrs.")}
    assert by_amount[-12.0].change == "decrease"
    assert by_amount[-12.0].metric == "exports"
    assert by_amount[3e9].change is None  # what exports fell to is a level


def test_change_nouns_and_change_prepositions() -> None:
    [f] = _figs("Ruritania reported a 7 pct decline in imports.")
    assert (f.metric, f.amount, f.change) == ("imports", -7.0, "decrease")
    [f] = _figs("Ruritania's reserves posted a rise of 8 pct.")
    assert (f.amount, f.change) == (8.0, "increase")
    [f] = _figs("Ruritania's farm output was down 6 pct from a year earlier.")
    assert (f.amount, f.change) == (-6.0, "decrease")
    [f] = _figs("Ruritania's defence spending rose by 2.5 billion dlrs.")
    assert f.change == "increase"


def test_a_sum_raised_is_no_change() -> None:
    [f] = _figs("Ruritania raised 5 billion dlrs in loans from Freedonia.")
    assert (f.amount, f.change) == (5e9, None)
    [f] = _figs("Ruritania's inflation slowed to 2 pct.")
    assert f.change is None


def test_money_market_and_trading_copy_is_no_figure() -> None:
    assert _figs("The central bank gave the money market help worth 90 mln dlrs, Ruritania said.") == []
    assert _figs("Ruritania's balances in tax and loan accounts fell to 4.9 billion dlrs.") == []
    story = (
        "The Ruritania central bank intervened in the market again, dealers said.\n\n"
        "One said it bought 150 mln dlrs in the first hour."
    )
    assert _figs(story) == []


def test_a_sum_of_something_is_that_thing() -> None:
    [f] = _figs("Ruritania suspended interest payments on 68 billion dlrs of foreign debt.")
    assert f.metric == "debt"
    [f] = _figs("Ruritania's defence spending reached 2 pct of its economy.")
    assert f.metric == "defence budget"  # a percentage "of" something is a share of it


# ------------------------------------------------------------------------------------- money


def test_a_bare_currency_word_takes_the_kind_the_story_named_in_full() -> None:
    text = "They sold 2.5 billion Canadian dlrs of gas, down from a 3.9 billion dlr total. It cost 5 mln stg."
    got = [(sp.amount, sp.currency) for sp in localise(find_money(text), None, 1987)]
    assert got == [(2.5e9, "CAD"), (3.9e9, "CAD"), (5e6, "GBP")]


def test_a_bare_currency_word_takes_the_story_state_money_unless_ambiguous() -> None:
    [sp] = localise(find_money("The fund will lend 6.5 billion rupees."), "LKA", 1987)
    assert sp.currency == "LKR"
    [sp] = localise(find_money("The fund will lend 6.5 billion rupees."), "LKA", 1987, others=["IND"])
    assert sp.currency == "INR"  # two states using rupees are named: the editor's default stays
    [sp] = localise(find_money("They paid 5 mln dlrs."), "FRA", 1987)
    assert sp.currency == "USD"  # France's francs are no dollars


def test_a_figure_in_a_story_about_a_state_is_in_its_money() -> None:
    [f] = figures.extract(
        fake_context("The IMF promised to lend Lanka 6.5 billion rupees in aid.", ENTS, dct="1987-04-13")
    )
    assert f.unit == "LKR"


# ------------------------------------------------------------------------------------- deals


def test_bulk_goods_have_a_quantity_with_its_measure() -> None:
    d = _one_deal("Ruritania bought 214,000 tonnes of Freedonia soybeans last week.")
    assert (d.quantity, d.unit, d.item) == (214000, "tonnes", "soybeans")
    d = _one_deal("Ruritania bought 1.5 mln tonnes of wheat from Freedonia.")
    assert (d.quantity, d.unit) == (1500000, "tonnes")


def test_a_count_told_as_n_of_the_items() -> None:
    d = _one_deal("Freedonia is to supply Ruritania with up to 50 of its forthcoming planes.")
    assert (d.quantity, d.unit, d.item) == (50, None, "planes")


def test_a_size_glued_to_a_number_is_not_the_item() -> None:
    d = _one_deal("Ruritania signed an agreement to buy five 34-seater aircraft from Freedonia.")
    assert (d.quantity, d.item) == (5, "aircraft")


def test_a_price_is_no_deal_value() -> None:
    d = _one_deal("Ruritania bought 20,000 tonnes of Freedonia wheat at 95 dlrs.")
    assert d.value is None


def test_a_past_shipment_is_delivered_and_an_authorised_purchase_planned() -> None:
    d = _one_deal("Ruritania shipped 2.4 billion dlrs worth of gas to Freedonia in 1986.")
    assert d.status == "delivered"
    d = _one_deal("Ruritania has been authorized to buy 75,000 tonnes of Freedonia wheat under an agreement.")
    assert d.status == "planned"


# ------------------------------------------------------------------------------------- quotes


def test_no_attribution_from_the_next_paragraph_or_sentence() -> None:
    text = (
        'The aide said, "The plan will pass before the summer session closes."\n\n'
        "John Doe vowed to press on with the plan."
    )
    assert [q for q in quotes.extract(ctx(text)) if q.speaker and q.speaker.id == "p:john doe"] == []
    text = 'The aide said at a meeting, "The plan will pass before the session ends." Jane Roe vowed to fight it.'
    assert [q for q in quotes.extract(ctx(text)) if q.speaker and q.speaker.id == "p:jane roe"] == []


def test_a_quote_ending_with_a_comma_still_takes_its_attribution() -> None:
    [q] = quotes.extract(ctx('"The plan will pass before the session ends," Jane Roe said.'))
    assert q.speaker.id == "p:jane roe"


def test_a_person_named_inside_the_quote_is_not_its_he() -> None:
    from eventwire.run.article import code

    text = (
        "Marat Safin reached the final.\n\n"
        '"I did not expect that, it was against Pete Sampras, I was not the favourite," he said.'
    )
    assert [q.speaker.name for q in code(text, "2005-01-30").quotes] == ["Marat Safin"]


def test_he_after_a_sentence_is_its_main_clause_subject() -> None:
    from eventwire.run.article import code

    text = (
        "Ron Woodard said that while Bill Smith has a grip on the market, the company has a small share.\n\n"
        '"I would like to see us make some overseas sales," he said.'
    )
    assert [q.speaker.name for q in code(text, "1987-06-01").quotes] == ["Ron Woodard"]


def test_plain_dollars_are_us_dollars_in_most_dollar_states_stories() -> None:
    [sp] = localise(find_money("Its foreign debt is 3.3 billion dlrs."), "JAM", 1987)
    assert sp.currency == "USD"
    [sp] = localise(find_money("The deficit will be three billion dlrs."), "AUS", 1987)
    assert sp.currency == "AUD"


def test_a_converted_amount_in_brackets_is_no_figure_of_its_own() -> None:
    got = [(f.amount, f.unit) for f in _figs("Freedonia's budget deficit hit $412bn (£211.6bn) last year.")]
    assert got == [(412e9, "USD")]


def test_a_base_after_vs_dates_nothing() -> None:
    text = "Ruritania's grain output is projected at 27.6 mln tonnes, vs 27.6 mln tonnes last month."
    got = figures.extract(
        fake_context(text, ENTS, dct="1987-04-08", timexes=[("last month", "DATE", "1987-03")])
    )
    assert [f.period for f in got] == [None]


def test_a_body_speaks_through_its_representative_not_through_anyone_at_it() -> None:
    table = {
        "Acme Bank": ("o:acme", "organization", "GBR"),
        "Trade Ministry": ("o:tm", "organization", "GBR"),
    }
    text = '"We heard the news only minutes before the announcement," said one trader at Acme Bank.'
    assert [q.speaker for q in quotes.extract(fake_context(text, table, dct="1987-03-02"))] == []
    text = '"The timing is most extraordinary," said one official at the Trade Ministry.'
    [q] = quotes.extract(fake_context(text, table, dct="1987-03-02"))
    assert q.speaker.id == "o:tm"


def test_the_central_bank_s_daily_operations_and_a_bank_s_own_loan_book_are_no_figures() -> None:
    assert _figs("Freedonia's central bank will execute 1.5 billion dlrs of customer repos.") == []
    assert _figs("The bank will put 310 mln dlrs in Ruritania loans on a cash basis.") == []
    assert [f.metric for f in _figs("Ruritania will repay 310 mln dlrs in loans to Freedonia.")] == ["loan"]


def test_a_quote_after_a_person_s_reported_words_is_theirs() -> None:
    text = 'Jane Roe said growth would slow this year. "We expect a hard year for our exporters."'
    [q] = quotes.extract(ctx(text))
    assert q.speaker.id == "p:jane roe"
    text = 'Jane Roe said growth would slow.\n\n"We expect a hard year for our exporters."'
    assert quotes.extract(ctx(text)) == []  # another paragraph: nobody is said to say it


def test_a_subject_pronoun_carries_its_person_to_the_next_he() -> None:
    from eventwire.run.article import code

    text = (
        "Lord Goldsmith said the answer was his own. He suggested the claim that Lord Falconer had "
        'drafted it was a mistake. "As I have always made clear, the view was my own," he said.'
    )
    assert [q.speaker.name for q in code(text, "2005-03-01").quotes] == ["Goldsmith"]


def test_an_international_body_is_a_deal_side_itself() -> None:
    table = {**ENTS, "European Community": ("o:ec", "organization", "IGO")}
    text = "The European Community sold 75,000 tonnes of soft wheat to Ruritania."
    [d] = deals.extract(fake_context(text, table, dct="1987-03-02"))
    assert (d.supplier.name, d.contractor, d.quantity) == ("European Community", None, 75000)


def test_a_sum_a_total_fell_by_is_a_change_even_as_the_parse_s_object() -> None:
    got = {
        f.amount: f.change
        for f in _figs("Ruritania's business loans fell 1.08 billion dlrs to 276 billion dlrs.")
    }
    assert got == {-1.08e9: "decrease", 276e9: None}


def test_said_the_demonym_is_the_person_of_that_state_named_before() -> None:
    table = {
        "Andy Roe": ("p:andy roe", "person", "USA"),
        "Ben Doe": ("p:ben doe", "person", "GBR"),
        "American": ("c:USA", "country", "USA"),
        "the United States": ("c:USA", "country", "USA"),
    }
    said = '\n\n"It is tough because I felt like I was in it the whole time," said the American.'
    [q] = quotes.extract(fake_context("Andy Roe lost in four sets." + said, table, dct="2005-01-01"))
    assert q.speaker.id == "p:andy roe"
    assert quotes.extract(fake_context("Ben Doe lost in four sets." + said, table, dct="2005-01-01")) == []
    [q] = quotes.extract(
        fake_context('"We will not accept these terms," the United States said.', table, dct="2005-01-01")
    )
    assert q.speaker.id == "c:USA"
