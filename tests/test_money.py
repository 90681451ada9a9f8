"""The money normaliser: wire-copy amounts to (amount, ISO currency)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.extract.money import find_money, parse_money, parse_number


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("They spent $5 billion on it.", 5_000_000_000, "USD"),
        ("a net loss of 720 mln dlrs last year", 720_000_000, "USD"),
        ("a RM156 million upgrade", 156_000_000, "MYR"),
        ("profits of £82.9m", 82_900_000, "GBP"),
        ("sales of 91 mln marks", 91_000_000, "DEM"),
        ("a 1.5 bln yen loan", 1_500_000_000, "JPY"),
        ("worth 5 billion US dollars", 5_000_000_000, "USD"),
        ("three billion dollars in aid", 3_000_000_000, "USD"),
        ("half a billion dollars", 500_000_000, "USD"),
        ("EUR 40m in grants", 40_000_000, "EUR"),
        ("US$ 3.2bn bond", 3_200_000_000, "USD"),
        ("2,500 mln Swiss francs", 2_500_000_000, "CHF"),
        ("5 mln pounds", 5_000_000, "GBP"),
        ("Rs 500 crore", 5_000_000_000, "INR"),
        ("40 million Japanese yen", 40_000_000, "JPY"),
        ("10 million USD", 10_000_000, "USD"),
    ],
)
def test_known_forms(text: str, amount: float, currency: str) -> None:
    m = parse_money(text)
    assert m is not None
    assert m.amount == amount
    assert m.currency == currency


@pytest.mark.parametrize(
    "text",
    ["She left a mark on the talks.", "500 pounds of explosives", "They won 5 seats.", "In 1986 it grew."],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_approximator_and_range() -> None:
    [m] = find_money("exports reached about $5-6 billion")
    assert m.approx == "about"
    assert (m.amount, m.high) == (5e9, 6e9)
    [m] = find_money("an estimated 2 billion euros")
    assert m.approx == "an estimated"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("rose on March 6 to 3.9 billion dlrs", 3_900_000_000),
        ("was cut by half to 66 billion yen", 66_000_000_000),
        ("grew in 1985 to 2000 mln dlrs", 2_000_000_000),
    ],
)
def test_a_number_before_to_is_not_a_range(text: str, amount: float) -> None:
    [m] = find_money(text)
    assert (m.amount, m.high) == (amount, None)
    assert text[m.start : m.end] == m.text


def test_offsets_point_at_the_amount() -> None:
    text = "The deal, worth $100 million, was signed."
    [m] = find_money(text)
    assert text[m.start : m.end] == "$100 million"


def test_number_words() -> None:
    assert parse_number("1,200.5") == 1200.5
    assert parse_number("three") == 3
    assert parse_number("two and a half") == 2.5
    assert parse_number("many") is None


SCALES = {"million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "thousand": 1e3}
PREFIX = {"$": "USD", "£": "GBP", "€": "EUR", "RM": "MYR", "US$": "USD"}
SUFFIX = {"dlrs": "USD", "marks": "DEM", "yen": "JPY", "euros": "EUR", "ringgit": "MYR"}


@given(
    whole=st.integers(min_value=1, max_value=999_999),
    frac=st.integers(min_value=0, max_value=99),
    scale=st.sampled_from(sorted(SCALES)),
    prefix=st.booleans(),
    sym=st.sampled_from(sorted(PREFIX)),
    word=st.sampled_from(sorted(SUFFIX)),
    commas=st.booleans(),
    filler=st.sampled_from(["Officials said", "It cost", "Revenue was", ""]),
)
def test_amounts_round_trip(
    whole: int, frac: int, scale: str, prefix: bool, sym: str, word: str, commas: bool, filler: str
) -> None:
    digits = f"{whole:,}" if commas else str(whole)
    number = f"{digits}.{frac:02d}" if frac else digits
    value = (whole + frac / 100) * SCALES[scale]
    text = (
        f"{filler} {sym}{number} {scale} last year."
        if prefix
        else f"{filler} {number} {scale} {word} last year."
    )
    found = find_money(text)
    assert len(found) == 1
    m = found[0]
    assert m.currency == (PREFIX[sym] if prefix else SUFFIX[word])
    assert abs(m.amount - value) <= 1e-6 * value + 0.01
    assert text[m.start : m.end].strip() == m.text.strip()


@given(st.text(max_size=200))
def test_never_raises_and_offsets_are_inside(text: str) -> None:
    prev_end = 0
    for m in find_money(text):
        assert 0 <= prev_end <= m.start < m.end <= len(text)
        assert m.amount >= 0
        prev_end = m.end
