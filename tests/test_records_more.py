"""Records read on unseen news: figure metrics from the parse, two-sided deals, quotes whose own
attribution names an unresolved speaker."""

from __future__ import annotations

from doc_context import fake_context
from eventwire.consolidate.fuse import fuse, join_elaborations
from eventwire.extract import deals, figures, quotes
from eventwire.model import ArticleExtraction, Entity, Event, Mention, Place

ENTS = {
    "Chile": ("c:CHL", "country", "CHL"),
    "Peru": ("c:PER", "country", "PER"),
    "Norway": ("c:NOR", "country", "NOR"),
    "Kongsberg": ("o:kongsberg", "organization", "NOR"),
    "Ana Soto": ("p:ana soto", "person", "CHL"),
    "New Zealand": ("c:NZL", "country", "NZL"),
    "Chilean": ("c:CHL", "country", "CHL"),
}


def ctx(text: str, dct: str = "2025-06-15"):  # noqa: ANN201 - a test helper
    return fake_context(text, ENTS, dct=dct)


def _metrics(text: str) -> dict[float, str | None]:
    return {f.amount: f.metric for f in figures.extract(ctx(text))}


def test_a_metric_of_another_clause_is_not_the_amounts() -> None:
    got = _metrics("Chile said hotel bookings fell 2.5 pct, and public spending rose 0.4 pct.")
    assert 2.5 not in got  # bookings are no metric; "spending" is the other clause's
    assert got.get(0.4) == "budget"


def test_a_metric_in_the_subject_or_the_verb_is_read() -> None:
    assert _metrics("Chile's exports rose 4.5 pct last year.") == {4.5: "exports"}
    assert _metrics("Chile imports about 60% of its fuel.") == {60.0: "imports"}


def test_a_pronoun_raised_to_an_amount_measures_the_figure_before() -> None:
    text = "Chile and Peru agreed to lift bilateral trade to $10 billion. They plan to raise it to $15 billion by 2030."
    got = _metrics(text)
    assert got[15_000_000_000] == "bilateral trade"


def test_firm_books_and_counterfactuals_are_no_figures() -> None:
    assert figures.extract(ctx("Chile said the utility's revenues rose 7 pct to 3 billion dlrs.")) == []
    assert (
        figures.extract(ctx("Chile's reserves would have risen by 400 mln dlrs under the old rules.")) == []
    )


def test_measures_need_a_metric_and_currency_names_are_no_actors() -> None:
    assert figures.extract(ctx("A ship left Chile with 6,000 tonnes of corn.")) == []
    [f] = figures.extract(ctx("Chile's exports of copper reached 6,000 tonnes."))
    assert f.metric == "exports"
    [f] = figures.extract(ctx("Chile's debt to banks rose to 900 mln New Zealand dlrs."))
    assert [a.country for a in f.actors] == ["CHL"]


def test_a_deal_needs_a_buyer_and_a_seller() -> None:
    assert deals.extract(ctx("Kongsberg was awarded a 40 mln dlr contract for 12 frigates.")) == []
    [d] = deals.extract(ctx("Chile bought 12 frigates from Norway for 40 mln dlrs."))
    assert (d.supplier.country, d.recipient.country) == ("NOR", "CHL")


def test_a_purchase_urged_by_another_is_no_deal() -> None:
    assert deals.extract(ctx("Norway has been urging Chile to buy 12 Norwegian frigates.")) == []


def test_a_one_sided_batch_takes_the_seller_of_the_story() -> None:
    text = "Chile signed a contract for 12 frigates from Norway in May. It follows a contract Chile signed in 2020 for 12 frigates."
    got = deals.extract(ctx(text))
    assert {d.supplier.country for d in got} == {"NOR"}


def test_a_quote_told_by_an_unresolved_name_is_not_the_last_speaker() -> None:
    for attribution in ("Marco Rell said:", "The newsletter says:"):
        text = f'Ana Soto spoke first. "We will win the vote easily," she said.\n{attribution} "We need to keep the market open for trade."'
        got = quotes.extract(ctx(text))
        assert [q.text for q in got] == ["We will win the vote easily"]


def test_a_count_is_no_contract_value() -> None:
    assert figures.extract(ctx("Chile's purchase of 2.4 mln tonnes of corn helped the port.")) == []


def test_a_state_in_an_apposition_is_the_sellers_not_the_buyers() -> None:
    ents = {
        **ENTS,
        "Nordgrain": ("o:nordgrain", "organization", None),
        "Norwegian": ("c:NOR", "country", "NOR"),
    }
    text = "Nordgrain, the Norwegian unit of a grain trader, sold 18,000 tonnes of barley to Chile."
    [d] = deals.extract(fake_context(text, ents, dct="2025-06-15"))
    assert (d.supplier.country, d.recipient.country) == ("NOR", "CHL")


def test_a_purchase_that_is_the_subject_of_another_claim_takes_no_status_from_it() -> None:
    text = "Chile's purchase of 12 frigates from Norway shows that imports are set to rise."
    assert all(d.status != "planned" for d in deals.extract(ctx(text)))


# ------------------------------------------------------------------------------------- fusion


def _state(iso: str) -> Entity:
    return Entity(id=f"c:{iso}", name=iso, kind="country", country=iso, sector="GOV")


def _ev(start: int, actor: list[Entity], recipient: list[Entity], **kw: object) -> Event:
    m = Mention(article_id="a1", path="a1.txt", sentence=f"sentence {start}", start=start, end=start + 40)
    return Event(
        id=f"e{start}",
        event=kw.pop("event", "SUPPORT"),  # type: ignore[arg-type]
        date="2026-01-07",
        actor=actor,
        recipient=recipient,
        mentions=[m],
        confidence=0.6,
        trigger="signed",
        trigger_start=start,
        **kw,  # type: ignore[arg-type]
    )


def test_an_actorless_report_gives_its_place_to_the_event_just_before() -> None:
    signed = _ev(0, [_state("CHL"), _state("PER")], [])
    where = _ev(
        60,
        [],
        [Entity(id="o:hall", name="Hall", kind="organization")],
        event_loc=Place(name="Lima", country="PER"),
    )
    [ev] = join_elaborations([signed, where])
    assert ev.event_loc.name == "Lima" and len(ev.mentions) == 2
    far = _ev(5000, [], [], event_loc=Place(name="Lima", country="PER"))
    assert len(join_elaborations([_ev(0, [_state("CHL"), _state("PER")], []), far])) == 2


def test_a_host_receiving_a_visitor_stays_on_the_visits_recipient_side() -> None:
    visitor = Entity(id="p:ana soto", name="Ana Soto", kind="person", country=None)
    visit = _ev(0, [visitor], [_state("PER")], event="CONSULT", mode="visit")
    host = _ev(80, [_state("PER")], [visitor], event="CONSULT", mode="visit")
    visit.confidence = 0.9
    [ev] = fuse([ArticleExtraction(article_id="a1", events=[visit, host])], {}, [], {"a1": {}}).events
    assert [e.id for e in ev.actor] == ["p:ana soto"] and [e.country for e in ev.recipient] == ["PER"]


def test_the_amounts_own_verb_tells_a_forecast_and_its_noun_its_period() -> None:
    [f] = figures.extract(ctx("Chile's exports of 40,000 tonnes of copper were also expected by traders."))
    assert f.kind == "forecast"
    text = "Chile's inflation will stay at that level after a 1.5 pct increase in 2024."
    c = fake_context(text, ENTS, dct="2025-06-15", timexes=[("2024", "DATE", "2024", None)])
    got = {f.amount: f.period for f in figures.extract(c)}
    assert got[1.5] == {"start": "2024", "end": "2024"}


def test_the_states_in_the_amounts_own_words_are_its_actors() -> None:
    text = "Officials met to discuss cutting the 90 billion dlr Chilean trade deficit and urging Peru and Norway to open up."
    [f] = figures.extract(ctx(text))
    assert [a.country for a in f.actors] == ["CHL"]


def test_a_time_after_a_base_amount_dates_the_base() -> None:
    text = "Chile's budget showed a deficit of 160.7 billion pesos after 56.9 billion in 2024."
    c = fake_context(text, ENTS, dct="2025-06-15", timexes=[("2024", "DATE", "2024", None)])
    got = {f.amount: f.period for f in figures.extract(c)}
    assert got[160_700_000_000] is None


def test_an_unresolved_name_before_a_quote_leaves_it_without_another_speaker() -> None:
    text = 'Ana Soto held talks.\nIn Chile, Rell said: "the rules have had a negative impact on our profits."'
    assert [q.speaker.name for q in quotes.extract(ctx(text)) if q.speaker] == []


def test_a_rank_or_a_year_before_the_item_is_no_quantity() -> None:
    [d] = deals.extract(ctx("Chile bought 45,000 tonnes of Norway's number two wheat from Norway."))
    # the rank counts nothing; the tonnage is the quantity, in its measure (tests/test_records_s3.py)
    assert (d.quantity, d.unit, d.item) == (45000, "tonnes", "wheat")


def test_the_noun_an_amount_qualifies_names_its_metric_before_its_verb() -> None:
    [f] = figures.extract(ctx("Chile will offer a 1.2 billion dlr bond issue tomorrow."))
    assert f.metric == "debt"


def test_rates_shares_and_bases_read_right() -> None:
    assert _metrics("Chile's lending rate stands at 5.0 pct.") == {5.0: "interest rate"}
    assert _metrics("Chile's production costs rose to 40 pct of farmers' earnings.") == {40.0: "cost"}
    text = "Chile's purchases of bonds are projected to reach 12 billion dlrs this year from four billion dlrs in 2024."
    got = {f.amount: f.kind for f in figures.extract(ctx(text))}
    assert got == {12_000_000_000: "forecast", 4_000_000_000: "actual"}
    got = {
        f.amount: f.kind for f in figures.extract(ctx("Chile aims to raise exports to 9 pct from 3.8 pct."))
    }
    assert got[3.8] == "actual"


def test_a_speaker_pronoun_lends_no_metric() -> None:
    text = "Chile cut its investment in mines. If we reach the 2025 target of 400 mln tonnes, it is not enough, Ana Soto said."
    assert all(f.metric != "investment" for f in figures.extract(ctx(text)))


def test_a_bracketed_conversion_is_not_the_deal_value() -> None:
    [d] = deals.extract(ctx("Chile signed a $6bn (£3.1bn) deal with Kongsberg to buy 12 frigates."))
    assert (d.value.amount, d.value.currency) == (6_000_000_000, "USD")


def test_a_transfer_that_another_act_is_about_is_no_deal() -> None:
    assert (
        deals.extract(ctx("Chile will impose sanctions on imports of Norwegian frigates from Norway.")) == []
    )


def test_an_attribution_ending_in_a_colon_introduces_the_next_quote() -> None:
    text = 'Ana Soto asked of the war: "How do you manage to sleep at night?" On trade, Marco Rell said: "Where will it all go?"'
    got = {q.text: q.speaker.name if q.speaker else None for q in quotes.extract(ctx(text))}
    assert got["How do you manage to sleep at night?"] == "Ana Soto"


def test_an_award_of_licences_is_no_sale() -> None:
    assert deals.extract(ctx("Chile awarded Norway export licences for 20,000 tonnes of wheat.")) == []
    assert len(deals.extract(ctx("Chile awarded Kongsberg a 40 mln dlr contract for 12 frigates."))) == 1


def test_a_perfect_purchase_at_a_tender_is_done() -> None:
    [d] = deals.extract(ctx("Chile has bought 12 frigates from Norway at a tender."))
    assert d.status == "agreement"


def test_a_conversion_list_in_brackets_is_not_the_value() -> None:
    [d] = deals.extract(
        ctx("Chile signed a deal worth 1bn euros ($1.3bn; £690m) to buy 12 frigates from Norway.")
    )
    assert (d.value.amount, d.value.currency) == (1_000_000_000, "EUR")


def test_a_company_placing_an_order_buys() -> None:
    ents = {**ENTS, "Andes Air": ("o:andes air", "organization", "CHL")}
    text = "Andes Air has placed a firm order with Kongsberg for 12 frigates."
    [d] = deals.extract(fake_context(text, ents, dct="2025-06-15"))
    assert (d.recipient.country, d.contractor.name) == ("CHL", "Kongsberg")


def test_a_state_inside_the_speakers_phrase_is_not_the_speaker() -> None:
    ents = {**ENTS, "Chilean": ("c:CHL", "country", "CHL")}
    got = quotes.extract(
        fake_context(
            '"The demand was not so good at all," a dealer for a Chilean bank said.', ents, dct="2025-06-15"
        )
    )
    assert all(q.speaker is None or q.speaker.country != "CHL" for q in got)
    got = quotes.extract(
        fake_context('"The demand was not so good at all," Chilean officials said.', ents, dct="2025-06-15")
    )
    assert [q.speaker.country for q in got] == ["CHL"]


def test_a_state_the_amount_goes_to_is_one_of_its_own() -> None:
    text = "Chile will provide 400 mln dlrs to Peru as budget support, while Norway watched."
    [f] = figures.extract(ctx(text))
    assert sorted(a.country for a in f.actors) == ["CHL", "PER"]
