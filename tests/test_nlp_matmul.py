"""The model multiplies its matrices with numpy's BLAS, one thread, and parses exactly as before."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG

from conftest import load_stock_model
from eventwire.analyse import nlp as nlp_mod

ATTRS = [POS, TAG, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

TEXTS = [
    "The defence minister of Chile flew to Lima on Tuesday to sign a border accord.",
    "Rebels shelled two villages overnight, the army said, and talks were postponed.",
    "Exports to Ghana grew 12 percent to $4.1 billion in 2023; imports fell slightly.",
    '"We will not accept new tariffs," the trade commissioner told reporters in Brussels.',
    "Acme Corp said it would buy 40 trucks from a Swedish maker for 9 mln crowns.",
]


def _models(nlp):
    return [p.model for _n, p in nlp.pipeline if getattr(p, "model", None) is not None]


def test_every_layer_uses_numpy_matmul_and_parses_the_same():
    stock = load_stock_model()
    fast = load_stock_model()
    nlp_mod.use_numpy_matmul(fast)
    assert any(getattr(node.ops, "use_blis", False) for m in _models(stock) for node in m.walk())
    assert not any(getattr(node.ops, "use_blis", False) for m in _models(fast) for node in m.walk())
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text


def test_blas_gets_one_thread():
    from threadpoolctl import threadpool_info

    nlp_mod.use_numpy_matmul(load_stock_model())
    blas = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    assert blas, "numpy links a BLAS"
    assert all(p["num_threads"] == 1 for p in blas)


def test_blis_on_request(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MATMUL", "blis")
    nlp = load_stock_model()
    nlp_mod.use_numpy_matmul(nlp)
    assert any(getattr(node.ops, "use_blis", False) for m in _models(nlp) for node in m.walk())
