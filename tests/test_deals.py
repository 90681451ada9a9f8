"""Deals read from sentences: parties, item, quantity, value, status, dates and delivery terms."""

from __future__ import annotations

import pytest

from doc_context import fake_context
from eventwire.extract import deals
from eventwire.extract.context import DocContext

ENTS = {
    "Nordyard": ("o:nordyard", "organization", "NOR"),
    "Norwegian frigates": ("g:NOR:MIL", "group", "NOR"),
    "Defence Ministry": ("o:defence ministry", "organization", "NOR"),
    "Chilean Army": ("o:chilean army", "organization", "CHL"),
    "Kongsberg": ("o:kongsberg", "organization", "NOR"),
    "Norwegian": ("c:NOR", "country", "NOR"),
    "Norway": ("c:NOR", "country", "NOR"),
    "Chile": ("c:CHL", "country", "CHL"),
    "Peru": ("c:PER", "country", "PER"),
    "Germany": ("c:DEU", "country", "DEU"),
}


def make_ctx(text: str, timexes: list[tuple[str, str, str]] = (), dct: str = "2025-06-15") -> DocContext:
    return fake_context(text, ENTS, dct=dct, timexes=timexes)


def test_buyer_signs_mou_for_foreign_ships() -> None:
    ctx = make_ctx(
        "Chile signed a memorandum of understanding to purchase four Norwegian patrol vessels in March.",
        [("March", "DATE", "2025-03")],
    )
    [d] = deals.extract(ctx)
    assert d.recipient.country == "CHL"
    assert d.supplier.country == "NOR"
    assert d.quantity == 4
    assert d.status == "mou"
    assert "patrol vessel" in d.item
    assert d.date == "2025-03"
    assert d.mentions[0].sentence.startswith("Chile signed")


def test_company_supplies_a_service_of_another_state() -> None:
    ctx = make_ctx(
        "Kongsberg agreed to supply 12 air defence systems worth $300 million to the Chilean Army."
    )
    [d] = deals.extract(ctx)
    assert d.contractor.name == "Kongsberg"
    assert d.supplier.country == "NOR" and d.supplier.kind == "country"
    assert d.recipient.country == "CHL" and d.recipient.id == "c:CHL"
    assert (d.value.amount, d.value.currency) == (300_000_000, "USD")
    assert d.quantity == 12
    assert d.status == "agreement"


def test_order_from_a_state() -> None:
    [d] = deals.extract(make_ctx("Peru ordered 20 tanks from Germany."))
    assert (d.recipient.country, d.supplier.country, d.quantity, d.status) == ("PER", "DEU", 20, "contract")


def test_cancelled_order() -> None:
    [d] = deals.extract(make_ctx("Peru cancelled its order for 20 tanks from Germany."))
    assert d.status == "cancelled"
    assert d.recipient.country == "PER"


def test_delivery_terms_from_the_next_sentence() -> None:
    ctx = make_ctx(
        "Chile signed a contract to buy two frigates from Norway. The ships will be delivered within three years.",
        [("three years", "DURATION", "P3Y")],
    )
    [d] = deals.extract(ctx)
    assert d.delivery == "within three years"
    assert d.status == "contract"  # a delivery ahead is a term, not a status


def test_undated_past_signing_takes_the_story_date() -> None:
    [d] = deals.extract(
        make_ctx("Chile signed a contract to buy two frigates from Norway.", dct="2025-06-15")
    )
    assert d.date == "2025-06-15"


@pytest.mark.parametrize(
    "text",
    [
        "The navy held a parade of warships in the capital.",
        "Chile and Peru discussed fishing rights.",
        "Chile praised the Norwegian helicopter maker.",
        "Peru investigated past arms sales to Chile.",
        "Peru is discussing the sale of tanks to Chile.",
    ],
)
def test_no_deal(text: str) -> None:
    assert deals.extract(make_ctx(text)) == []


def test_same_deal_twice_in_one_story_is_one_deal() -> None:
    ctx = make_ctx("Peru ordered 20 tanks from Germany. Germany will supply the 20 tanks to Peru.")
    out = deals.extract(ctx)
    assert len(out) == 1
    assert len(out[0].mentions) == 2


def test_partner_named_with_with_and_designation_with_a_number() -> None:
    ctx = make_ctx("Chile signed a deal with Norway to buy 8 Nansen 2 frigates worth about 2 billion euros.")
    [d] = deals.extract(ctx)
    assert (d.supplier.country, d.recipient.country) == ("NOR", "CHL")
    assert d.designation == "Nansen 2"
    assert d.quantity == 8
    assert d.item == "frigates"


def test_sale_approved_by_a_ministry_names_no_contractor() -> None:
    ctx = make_ctx("The Norwegian Defence Ministry approved the possible sale of 30 K-9 howitzers to Peru.")
    [d] = deals.extract(ctx)
    assert d.contractor is None
    assert (d.supplier.country, d.recipient.country) == ("NOR", "PER")
    assert d.designation == "K-9"
    assert d.status == "planned"


def test_present_perfect_delivery_is_news() -> None:
    [d] = deals.extract(make_ctx("Germany has delivered 12 tanks to Peru.", dct="2025-06-15"))
    assert (d.status, d.date) == ("delivered", "2025-06-15")


def test_nationality_group_on_the_item_names_the_maker() -> None:
    [d] = deals.extract(make_ctx("Peru signed a contract to purchase four Norwegian frigates."))
    assert (d.supplier.country, d.recipient.country, d.item) == ("NOR", "PER", "frigates")


def test_taking_delivery_is_buying_and_batch_words_are_not_the_item() -> None:
    [d] = deals.extract(make_ctx("Peru took delivery of the first six tanks from Germany on Monday."))
    assert (d.recipient.country, d.supplier.country, d.status, d.item, d.quantity) == (
        "PER",
        "DEU",
        "delivered",
        "tanks",
        6,
    )


def test_company_and_state_sign_together() -> None:
    [d] = deals.extract(make_ctx("Nordyard and Chile signed a contract for the supply of 4 frigates."))
    assert (d.contractor.name, d.supplier.country, d.recipient.country) == ("Nordyard", "NOR", "CHL")


def test_raised_subject_receives_and_maker_named_on_the_item() -> None:
    [d] = deals.extract(make_ctx("Chile is set to receive four submarines built by Nordyard."))
    assert (d.recipient.country, d.contractor.name, d.supplier.country, d.status) == (
        "CHL",
        "Nordyard",
        "NOR",
        "planned",
    )


def test_passive_recipient() -> None:
    [d] = deals.extract(
        make_ctx("Peru was supplied with 20 tanks by Germany last year.", [("last year", "DATE", "2024")])
    )
    assert (d.recipient.country, d.supplier.country, d.date) == ("PER", "DEU", "2024")


MAKERS = {**ENTS, "Hyundai Rotem": ("o:hyundai rotem", "organization", None)}


def test_designation_names_its_maker_and_the_maker_its_state() -> None:
    [d] = deals.extract(make_ctx("Peru ordered 12 Rafale fighter jets."))
    assert d.contractor.name == "Dassault Aviation" and d.contractor.country == "FRA"
    assert (d.supplier.country, d.recipient.country, d.quantity) == ("FRA", "PER", 12)


def test_company_without_country_gets_its_home_state() -> None:
    ctx = fake_context(
        "Chile signed a contract with Hyundai Rotem for 50 K2 tanks.", MAKERS, dct="2025-06-15"
    )
    [d] = deals.extract(ctx)
    assert d.contractor.country == "KOR" and d.supplier.country == "KOR"
    assert d.recipient.country == "CHL" and d.quantity == 50 and d.designation == "K2"


def test_provide_someone_with_goods_names_the_buyer() -> None:
    [d] = deals.extract(make_ctx("Kongsberg will provide Peru with six radar systems."))
    assert d.recipient.country == "PER" and d.supplier.country == "NOR" and d.quantity == 6


def test_escorts_for_tankers_are_no_deal() -> None:
    assert deals.extract(make_ctx("Germany agreed to provide naval escorts for 11 Chilean tankers.")) == []


def test_wish_list_is_no_order() -> None:
    assert deals.extract(make_ctx("Peru sent Germany a wish list of 40 tanks.")) == []


def test_earlier_contract_in_a_relative_clause_is_its_own_deal() -> None:
    ctx = make_ctx(
        "Peru signed a contract for 40 tanks from Germany in May. It follows a contract Peru signed in 2020 "
        "for the first batch of 40 tanks.",
        [("May", "DATE", "2025-05"), ("2020", "DATE", "2020")],
    )
    got = sorted((d.date, d.quantity, d.recipient.country) for d in deals.extract(ctx))
    assert got == [("2020", 40, "PER"), ("2025-05", 40, "PER")]


def test_gas_is_goods() -> None:
    [d] = deals.extract(make_ctx("Norway agreed to sell $2 billion worth of natural gas to Chile."))
    assert (d.supplier.country, d.recipient.country, d.item) == ("NOR", "CHL", "natural gas")
    assert d.value.amount == 2_000_000_000 and d.status == "agreement"


def test_denied_or_negated_deals_are_no_deals() -> None:
    assert (
        deals.extract(make_ctx("Peru denied reports that it had signed a deal with Germany to buy 40 tanks."))
        == []
    )
    assert deals.extract(make_ctx("Peru did not agree to buy 40 tanks from Germany.")) == []
    [d] = deals.extract(make_ctx("Officials did not say when Peru ordered 40 tanks from Germany."))
    assert d.quantity == 40


def test_status_comes_from_the_transfer_clause() -> None:
    [d] = deals.extract(
        make_ctx("Officials praised the deal, and reports said Peru was set to buy 40 tanks from Germany.")
    )
    assert d.status == "planned"


def test_known_maker_overrides_a_guessed_country_and_a_plan_comes_first() -> None:
    table = {**ENTS, "McDonnell Douglas": ("o:mcdonnell douglas", "organization", "IMN")}
    ctx = fake_context("McDonnell Douglas will supply 12 jets to Peru.", table, dct="2025-06-15")
    [d] = deals.extract(ctx)
    assert (d.contractor.country, d.supplier.country, d.recipient.country) == ("USA", "USA", "PER")
    [d] = deals.extract(make_ctx("Peru is set to sign a contract for 40 tanks from Germany."))
    assert d.status == "planned"
    [d] = deals.extract(make_ctx("Kongsberg has received a contract for 12 radar systems from Peru."))
    assert d.status == "contract"


def test_a_seller_alone_with_nothing_concrete_is_no_deal() -> None:
    assert deals.extract(make_ctx("Kongsberg and Nordyard discussed jointly building a radar system.")) == []


def test_a_buyer_company_named_for_its_state_buys_for_it() -> None:
    table = {
        **ENTS,
        "Andes Airways": ("o:andes airways", "organization", None),
        "Peruvian Airways": ("o:pa", "organization", None),
    }
    ctx = fake_context(
        "Peruvian Airways purchased two Airbus A320 jets for 90 mln dlrs.", table, dct="2025-06-15"
    )
    [d] = deals.extract(ctx)
    assert (d.recipient.country, d.supplier.country) == ("PER", "FRA")


def test_took_is_no_purchase_and_a_bridge_needs_a_count() -> None:
    assert deals.extract(make_ctx("Peru took 30,000 tonnes of wheat and Chile 20,000 tonnes of maize.")) == []
    assert (
        deals.extract(make_ctx("Chile's ties with Peru would provide an invaluable bridge to Germany.")) == []
    )


def test_a_sellers_sales_with_no_buyer_are_no_deal() -> None:
    assert deals.extract(make_ctx("Kongsberg sold 1,500 radar systems last year.")) == []


def test_a_known_company_buys_for_its_state_and_an_amount_is_no_count() -> None:
    table = {**ENTS, "Petrobras": ("o:petrobras", "organization", None)}
    ctx = fake_context("Petrobras cancelled a 40-mln dlr oil purchase from Norway.", table, dct="2025-06-15")
    [d] = deals.extract(ctx)
    assert (d.recipient.country, d.supplier.country, d.quantity, d.status) == (
        "BRA",
        "NOR",
        None,
        "cancelled",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Chile has bought no Norwegian wheat this year.",
        "Chile failed to conclude any purchases of Norwegian wheat at its tender.",
        "A Norwegian offer to sell Chile cheaper wheat was rebuffed.",
        "Whether Chile will buy Norwegian wheat depends on Norway.",
        "Chile and Norway signed a trade agreement on semiconductors.",
    ],
)
def test_refused_failed_conditional_and_topic_accords_are_no_deal(text: str) -> None:
    assert deals.extract(make_ctx(text)) == []


def test_a_number_glued_to_a_word_counts_nothing() -> None:
    [d] = deals.extract(make_ctx("Peru bought a new 80-seat airliner from Norway."))
    assert d.quantity is None


def test_a_unit_price_is_no_value() -> None:
    [d] = deals.extract(make_ctx("Chile bought 25,000 tonnes of Norwegian wheat at 108 dlrs per tonne."))
    assert d.value is None


def test_carriers_are_no_items_and_a_model_number_counts_nothing() -> None:
    assert deals.extract(make_ctx("Norwegian tankers supplied Chile with most of its oil imports.")) == []
    [d] = deals.extract(make_ctx("Chile agreed to buy a new Norwegian 757-200 airliner."))
    assert d.quantity is None


def test_a_link_with_a_neighbour_does_not_make_it_the_buyer() -> None:
    got = deals.extract(make_ctx("Peru will use a new pipeline link with Chile to export crude oil."))
    assert all(d.recipient is None or d.recipient.country != "CHL" for d in got)


def test_an_agent_of_supply_and_a_development_accord_are_no_deals() -> None:
    text = "Chile asked for protection for its ships, which could be supplied by three Norwegian frigates."
    assert deals.extract(make_ctx(text)) == []
    text = "Nordyard signed an agreement with Kongsberg for an improved version of its frigate engine."
    assert deals.extract(make_ctx(text)) == []


def test_making_for_nobody_is_no_sale_and_a_past_purchase_stays_done() -> None:
    assert (
        deals.extract(make_ctx("Norway approved a licence for Chile to produce the Kongsberg NSM missile."))
        == []
    )
    [d] = deals.extract(make_ctx("Chile bought 25 Norwegian frigates and may buy more next year."))
    assert d.status == "agreement"


def test_the_awardee_sells_and_close_to_signing_is_planned() -> None:
    [d] = deals.extract(make_ctx("Chile awarded Kongsberg a 40 mln dlr contract for 12 frigates."))
    assert d.contractor is not None and d.contractor.name == "Kongsberg"
    assert (d.supplier.country, d.recipient.country) == ("NOR", "CHL")
    [d] = deals.extract(make_ctx("Chile was close to signing an agreement to buy 12 Norwegian frigates."))
    assert d.status == "planned"


def test_an_accord_named_after_goods_is_no_sale() -> None:
    assert (
        deals.extract(make_ctx("Chile wants to meet the terms of last year's wheat accord with Norway."))
        == []
    )
