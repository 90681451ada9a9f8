"""The memoised rule components give the stock components' answers, token for token."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from conftest import load_stock_model
from eventwire.analyse import memo as spacy_memo

ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

TEXTS = [
    "There is a plan, and there are two more; there was talk and there were doubts.",
    "Let's see: y'all are gon na like it, and we got ta go. I ain't sure, c'mon.",
    "I'd say she'd agreed. They'll sign; we've signed. You're right, it's done.",
    "The ministers met in Oslo on Monday and signed three agreements worth $2 billion.",
    "Shares rose 3.5 pct to 41-1/2 dlrs. Exports fell; imports, however, climbed.",
    "  \n Oddly   spaced\ttext ,with  punctuation ... and UPPER CASE WORDS!  ",
    "She is better, faster and the best; he was being watched by the strongest guards.",
    "",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_stock_model()
    memo = load_stock_model()
    spacy_memo.install(memo)
    return stock, memo


def test_memos_are_installed_in_place_of_the_rule_components(pipelines):
    _stock, memo = pipelines
    names = memo.pipe_names
    assert "attribute_ruler" not in names  # disabled, kept for its tables
    assert names.index("eventwire_attribute_memo") < names.index("eventwire_lemma_memo")
    assert names.index("eventwire_lemma_memo") < names.index("lemmatizer")
    spacy_memo.install(memo)  # twice is once
    assert memo.pipe_names == names


def test_every_token_attribute_equals_the_stock_pipeline(pipelines):
    stock, memo = pipelines
    # twice: the second pass is served from the memos
    for _ in range(2):
        for a, b in zip(stock.pipe(TEXTS), memo.pipe(TEXTS), strict=True):
            assert numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text
            assert [(t.lemma_, t.pos_, str(t.morph)) for t in a] == [
                (t.lemma_, t.pos_, str(t.morph)) for t in b
            ]


def test_multi_token_rules_still_apply(pipelines):
    _stock, memo = pipelines
    doc = memo("There is no doubt. Let's go.")
    assert doc[1].pos_ == "VERB"  # an expletive's "is"
    assert doc[6].lemma_ == "us"


def test_a_full_memo_is_dropped_not_grown(pipelines, monkeypatch):
    stock, memo = pipelines
    monkeypatch.setattr(spacy_memo, "MAX_ENTRIES", 3)
    text = "Seven different words appear in this short sentence here."
    a, b = stock(text), memo(text)
    assert numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))
    assert len(memo.get_pipe("eventwire_lemma_memo").memo) <= 3
    assert len(memo.get_pipe("eventwire_attribute_memo").by_token) <= 3


def test_a_ruler_with_operators_is_left_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "OP": "?"}]], {"LEMMA": "y"})
    spacy_memo.install(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
