"""Deals, figures and quotes on unseen news (issue 16 item 6), h-records2 round: the mechanisms
behind records an analyst reads, each pinned with short invented sentences.

- quotes: a speaker the linker left stateless takes the state of the body, place or nationality
  in his own title or apposition, never a country named in a clause about him; "a spokesman
  said" is someone new, not the last person named;
- figures: a metric word that only classifies another noun ("production operations") names no
  measure; an amount whose own words name a company and no state is company copy; a modal on
  what the amount's subject does, or a verb beyond a clause opener, makes no forecast; a split
  year covers both years; a results-table row is no figure; a flow keeps its "a day";
- deals: a purchase only wished for or put out to tender is no deal; the scale of a range
  ("between one and two mln tonnes") scales its lower bound too.
"""

from __future__ import annotations

from doc_context import fake_context
from eventwire.extract import deals, figures, quotes
from eventwire.extract.context import DocContext

ENTS = {
    "Ruritania": ("c:RUR", "country", "CAN"),
    "Freedonia": ("c:FRE", "country", "USA"),
    "Zenda Bank": ("o:zenda", "organization", "CAN"),
    "Acme Widgets Corp": ("o:acme", "organization", ""),
    "Anna Berg": ("p:berg", "person", ""),
    "Berg": ("p:berg", "person", ""),
    "Karl Ott": ("p:ott", "person", ""),
}


def ctx(text: str, dct: str = "1987-04-10") -> DocContext:
    table = {k: (key, kind, iso or None) for k, (key, kind, iso) in ENTS.items()}
    c = fake_context(text, table, dct=dct)
    for m in c.entities:  # a company is a business (as the linker marks it)
        if m.entity.kind == "organization":
            m.entity.sector = "BUS"
    return c


# ------------------------------------------------------------------------------------- quotes


def test_a_speakers_state_comes_from_the_body_in_his_apposition() -> None:
    text = '"We will not change the plan this year," said Anna Berg, an economist at Zenda Bank.'
    [q] = quotes.extract(ctx(text))
    assert q.speaker is not None and q.speaker.name == "Anna Berg"
    assert q.speaker.country == "CAN"


def test_a_speakers_state_comes_from_the_body_in_his_title() -> None:
    text = 'Zenda Bank chairman Anna Berg said: "We expect a much better year than the last one."'
    [q] = quotes.extract(ctx(text))
    assert q.speaker is not None and q.speaker.country == "CAN"


def test_a_speakers_state_comes_from_the_body_he_is_of() -> None:
    text = '"The central bank is going to look at this positively," said Anna Berg of Zenda Bank.'
    [q] = quotes.extract(ctx(text))
    assert q.speaker is not None and q.speaker.country == "CAN"


def test_a_country_named_in_a_clause_about_the_speaker_is_not_his() -> None:
    text = '"We will wait and see how the talks go," said Anna Berg, who met Freedonia officials last week.'
    [q] = quotes.extract(ctx(text))
    assert q.speaker is not None and q.speaker.country is None


def test_a_spokesman_with_an_indefinite_article_is_not_the_last_person() -> None:
    text = (
        "Karl Ott said the loans were safe. A spokesman at Acme Widgets Corp said it was too early "
        'to judge. "It is our view that the economy will recover soon," a spokesman said.'
    )
    qs = quotes.extract(ctx(text))
    assert all(q.speaker is None or q.speaker.name != "Karl Ott" for q in qs)


def test_a_clause_about_an_unnamed_speaker_does_not_name_him() -> None:
    text = (
        "Karl Ott sat on the panel. The strategist, who works for one of his party leaders, said the "
        'report was like "a heavy anvil falling on us all."'
    )
    table = {k: (key, kind, iso or None) for k, (key, kind, iso) in ENTS.items()}
    table["his"] = ("p:ott", "person", None)  # the linker's coreference: "his" is Karl Ott
    qs = quotes.extract(fake_context(text, table, dct="1987-04-10"))
    assert [q for q in qs if q.speaker is not None] == []


# ------------------------------------------------------------------------------------- figures


def test_a_metric_word_that_classifies_another_noun_is_no_measure() -> None:
    text = "Ruritania's profit on exploration and production operations fell to 869 mln dlrs."
    fs = figures.extract(ctx(text))
    assert all(f.metric != "output" for f in fs)


def test_the_amount_a_metric_word_modifies_keeps_it() -> None:
    [f] = figures.extract(ctx("Ruritania agreed a 500 mln dlr aid package with Freedonia."))
    assert f.metric == "aid"


def test_an_amount_whose_own_words_name_a_company_is_company_copy() -> None:
    text = "Acme Widgets Corp produced 3.6 mln tonnes of coal last year, Ruritania said."
    assert figures.extract(ctx(text)) == []


def test_a_body_that_is_no_state_is_no_company() -> None:
    text = "Ruritania, which owes Zenda Fund 450 mln dlrs in arrears, will hold talks."
    table = {k: (key, kind, iso or None) for k, (key, kind, iso) in ENTS.items()}
    table["Zenda Fund"] = ("o:zf", "organization", "IGO")
    [f] = figures.extract(fake_context(text, table, dct="1987-04-10"))
    assert sorted(a.country for a in f.actors) == ["CAN", "IGO"]


def test_a_companys_books_stay_company_copy() -> None:
    assert (
        figures.extract(ctx("Acme Widgets Corp said its net profit rose to 12 mln dlrs in Ruritania.")) == []
    )


# ------------------------------------------------------------------------------------- deals


def test_a_sale_only_wanted_is_no_deal() -> None:
    assert deals.extract(ctx("Freedonia wanted to sell a supercomputer to Ruritania.")) == []


def test_a_tender_to_buy_is_no_deal_but_a_purchase_in_a_tender_is() -> None:
    assert deals.extract(ctx("Ruritania issued a tender to buy 200,000 tonnes of Freedonia wheat.")) == []
    [d] = deals.extract(ctx("Ruritania bought 200,000 tonnes of Freedonia wheat in a tender."))
    assert d.quantity == 200000


def test_the_scale_of_a_range_scales_its_lower_bound() -> None:
    [d] = deals.extract(ctx("Ruritania purchased between one and two mln tonnes of Freedonia corn."))
    assert d.quantity == 1000000 and d.unit == "tonnes"


def test_a_modal_on_what_the_amounts_subject_does_is_no_forecast() -> None:
    [f] = figures.extract(
        ctx("Officials said the 100 pct tariffs on Ruritania goods will show Freedonia is tough.")
    )
    assert f.kind == "actual"


def test_an_amount_a_modal_verb_reaches_is_a_forecast() -> None:
    [f] = figures.extract(ctx("Ruritania's exports will reach 5 billion dlrs this year."))
    assert f.kind == "forecast"


def test_a_flow_keeps_its_stretch_of_time_as_per() -> None:
    [f] = figures.extract(ctx("Ruritania will cut output to 4.3 mln barrels a day."))
    assert f.per == "day"


def test_a_modal_after_an_amount_in_the_subject_is_no_forecast() -> None:
    [f] = figures.extract(ctx("Ruritania's January deficit of 14.8 billion dlrs will be revised."))
    assert f.kind == "actual"


def test_the_verbs_beyond_a_clause_opener_tell_no_kind() -> None:
    text = "Ruritania predicted output will grow 2.5 pct this year after falling 0.7 pct last year."
    fall = next(f for f in figures.extract(ctx(text)) if f.amount < 0)
    assert fall.kind == "actual"


def test_a_split_year_covers_both_its_years() -> None:
    from doc_context import fake_context as fc

    text = "Ruritania's 1986/87 corn exports were 2.1 mln tonnes."
    table = {k: (key, kind, iso or None) for k, (key, kind, iso) in ENTS.items()}
    [f] = figures.extract(fc(text, table, dct="1987-04-10", timexes=(("1986", "DATE", "1986"),)))
    assert f.period == {"start": "1986", "end": "1987"}


def test_a_results_table_row_is_no_figure() -> None:
    assert figures.extract(ctx("Ruritania unit investment income 1.59 mln dlrs vs 2.19 mln")) == []


def test_the_state_on_a_sale_noun_sells_what_another_made() -> None:
    table = {k: (key, kind, iso or None) for k, (key, kind, iso) in ENTS.items()}
    table.update({"Zendan": ("c:ZEN", "country", "ISR"), "Osterlich": ("c:OST", "country", "IRN")})
    text = "The leader approved a Zendan shipment of Freedonia arms worth 30 mln dlrs to Osterlich."
    [d] = deals.extract(fake_context(text, table, dct="1987-04-10"))
    assert d.supplier is not None and d.supplier.country == "ISR"
    assert d.recipient is not None and d.recipient.country == "IRN"


def test_people_left_dead_are_deaths() -> None:
    [f] = figures.extract(ctx("The floods have left at least 2,500 people dead in Ruritania."))
    assert f.metric == "deaths"


def test_a_planned_amount_is_a_target() -> None:
    [f] = figures.extract(ctx("Freedonia will decide on the planned 100 pct tariff on Ruritania goods."))
    assert f.kind == "target"


def test_a_measure_right_before_the_item_is_its_quantity() -> None:
    [d] = deals.extract(ctx("Ruritania bought 25,000 tonnes Freedonia soybeans today."))
    assert (d.quantity, d.unit) == (25000, "tonnes")


def test_an_export_tax_is_a_tariff() -> None:
    [f] = figures.extract(ctx("Freedonia imposed a 15 pct export tax on Ruritania lumber."))
    assert f.metric == "tariffs"


def test_a_choice_between_sellers_names_none() -> None:
    text = "Ruritania is considering to buy 50 new aircraft from either Zenda Bank or Acme Widgets Corp."
    assert all(d.contractor is None and d.supplier is None for d in deals.extract(ctx(text)))
