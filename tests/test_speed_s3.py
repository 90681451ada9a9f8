"""Speed without changing results: the fast entity decoder finds exactly spaCy's entities."""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Span

from conftest import load_stock_model
from eventwire.analyse import ner as ner_mod

TEXTS = [
    "Foreign Minister Ana Duarte of Portugal met her Moroccan counterpart in Rabat on Tuesday.",
    "The United Nations Security Council voted 13-0 to extend the mission in South Sudan until March.",
    "Rebels of the Northern Liberation Front shelled Kavango twice last week, the army said.",
    "Exports to New Zealand rose 8 percent to $2.3 billion in the first half of 2024.",
    '"We will not sign," said Gen. Tomas Reyes, head of the Joint Chiefs, in Manila.',
    "Talks between Acme Holdings Ltd and the Federal Reserve Bank of New York ended.\n\nNew Delhi",
    "Paris",
    "",
    "  \n\n  ",
    "the the the",
    "Ms. Li Wei and Mr. Kofi Mensah arrived.\nBeijing Accra Lagos Nairobi Kampala Kigali Cairo",
]


def _entities(doc) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


def _before_ner(nlp, texts):
    """Docs run through every component up to the recogniser (its inputs: sentence starts too)."""
    names = nlp.pipe_names[: nlp.pipe_names.index("ner")]
    with nlp.select_pipes(enable=names):
        return list(nlp.pipe(texts))


def test_fast_decoder_finds_spacys_entities():
    nlp = load_stock_model()
    ner = nlp.get_pipe("ner")
    assert ner_mod.supported(ner)
    stock = list(ner.pipe(_before_ner(nlp, TEXTS)))
    fast = list(ner_mod.FastNer(ner).pipe(_before_ner(nlp, TEXTS), batch_size=4))
    for a, b in zip(stock, fast, strict=True):
        assert _entities(a) == _entities(b), a.text
        cols = [ENT_IOB, ENT_TYPE]
        assert numpy.array_equal(a.to_array(cols), b.to_array(cols)), a.text
    assert sum(len(d.ents) for d in fast) > 15  # the sentences do hold entities


def test_installed_in_the_shared_pipeline_and_switchable(monkeypatch):
    nlp = load_stock_model()
    ner_mod.install(nlp)
    assert "eventwire_ner" in nlp.pipe_names and "ner" not in nlp.pipe_names
    stock = load_stock_model()
    for a, b in zip(stock.pipe(TEXTS), nlp.pipe(TEXTS), strict=True):
        assert _entities(a) == _entities(b)
    monkeypatch.setenv("EVENTWIRE_NER", "spacy")  # settings are read again when a variable changes
    plain = load_stock_model()
    ner_mod.install(plain)
    assert "ner" in plain.pipe_names and "eventwire_ner" not in plain.pipe_names


def test_preset_entities_go_to_spacys_decoder():
    """A doc that already has entities (an entity ruler before the recogniser) keeps spaCy's rules
    for them, which the fast path does not model."""
    nlp = load_stock_model()
    ner = nlp.get_pipe("ner")
    text = "Officials in Vorland met envoys of Ostmark in the capital."
    docs = _before_ner(nlp, [text, text])
    for d in docs:
        d.set_ents([Span(d, 2, 3, label="GPE")], default="unmodified")
    stock, fast = ner.pipe([docs[0]]), ner_mod.FastNer(ner).pipe([docs[1]])
    assert _entities(next(stock)) == _entities(next(fast))


def test_other_recognisers_are_left_alone():
    class NotNer:
        pass

    assert not ner_mod.supported(NotNer())
