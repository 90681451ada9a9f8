"""Language analysis for many articles at once, paying for the full parse only where it can pay off.

``prefilter.plan`` cuts each article into segments; the segments that may yield records are parsed
together in large batches (``nlp.pipe``), the others only tokenised (``nlp.make_doc``) with the
cheap sentence starts. Each article's segments are then joined back into one Doc whose text is the
article's text, character for character, so every offset an extractor reads is an offset into
``Article.text``.

The joined Doc is a :class:`TextDoc`: spaCy rebuilds ``Doc.text`` from every token on each access,
and the linkers read it in loops; caching it turns a quadratic habit into a linear one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import SENT_START, SPACY
from spacy.tokens import Doc

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Token
    from spacy.vocab import Vocab

from . import prefilter

BATCH_SIZE = 64


class TextDoc(Doc):
    """A Doc whose ``text`` and tokens are made once (joined docs are never edited afterwards).

    spaCy builds a new Token object on every ``doc[i]``, every step of ``for t in doc`` and every
    ``.head`` or ``.children``; the extractors walk each doc a dozen times, which made building
    Token objects (1.5 M for 600 wire stories) the largest single cost of extraction. The token
    list keeps a reference cycle until :meth:`release` drops it once extraction is done.
    """

    def _tokens(self) -> list[Token]:
        toks = self.__dict__.get("_ew_tokens")
        if toks is None:
            get = Doc.__getitem__
            toks = self.__dict__["_ew_tokens"] = [get(self, i) for i in range(len(self))]
        return toks

    def __iter__(self):  # type: ignore[override]
        return iter(self.__dict__.get("_ew_tokens") or self._tokens())

    def __getitem__(self, i):  # type: ignore[override]
        """``doc[i]`` from the token list: the extractors' hottest call (1.3 M per 300 wire
        stories), so it reads the list as an attribute and only falls back to building it, a
        quarter cheaper per call than asking the instance dict for it and testing the answer."""
        if i.__class__ is int:
            try:
                return self._ew_tokens[i]
            except AttributeError:  # not built yet, or released
                return self._tokens()[i]
        return Doc.__getitem__(self, i)

    def release(self) -> None:
        """Drop the cached tokens (and with them the doc's reference cycle)."""
        self.__dict__.pop("_ew_tokens", None)

    @property
    def text(self) -> str:  # type: ignore[override]
        cached = self.__dict__.get("_ew_text")
        if cached is None:
            cached = self.__dict__["_ew_text"] = Doc.text.__get__(self)
        return cached

    @property
    def text_with_ws(self) -> str:  # type: ignore[override]
        return self.text


_NOT_START = numpy.uint64(numpy.iinfo(numpy.uint64).max)  # -1 as spaCy stores it
_ATTRS = [a for a in Doc._get_array_attrs() if a != SPACY] + [SPACY]


def join(vocab: Vocab, parts: list[Doc], unparsed_starts: list[list[int]] | None = None) -> TextDoc:
    """One Doc from consecutive segment Docs (their texts tile the article), parses kept.

    ``unparsed_starts[k]`` lists the token indices (local to part k) that start a cheap sentence in
    a part that was only tokenised; spaCy would otherwise glue those tokens onto the previous parsed
    sentence, because a token without a head is not a sentence root.
    """
    words: list[str] = []
    spaces: list[bool] = []
    for p in parts:
        words.extend(t.text for t in p)
        spaces.extend(bool(t.whitespace_) for t in p)
    doc = TextDoc(parts[0].vocab if parts else vocab, words=words, spaces=spaces)
    if not words:
        return doc
    arrays = [p.to_array(_ATTRS) for p in parts if len(p)]
    doc.from_array(_ATTRS, numpy.concatenate(arrays))
    has_parse = any(p.has_annotation("DEP") for p in parts)
    if has_parse and unparsed_starts:
        col = doc.to_array([SENT_START])
        off = 0
        for p, starts in zip(parts, unparsed_starts, strict=True):
            if not p.has_annotation("DEP") and len(p):
                col[off : off + len(p)] = _NOT_START
                for i in starts:
                    col[off + i] = 1
            off += len(p)
        doc.from_array([SENT_START], col)
    return doc


def _token_starts(doc: Doc, char_starts: list[int], base: int) -> list[int]:
    out = []
    for c in char_starts:
        span = doc.char_span(c - base, c - base + 1, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span.start)
    return sorted(set(out) | ({0} if len(doc) else set()))


def _mark_sentences(doc: Doc, token_starts: list[int]) -> None:
    starts = set(token_starts)
    for t in doc:
        t.is_sent_start = t.i in starts


def parse_many(
    nlp: Language, texts: list[str], *, use_prefilter: bool | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[TextDoc]:
    """Docs for ``texts``, in order; with the prefilter on, only promising segments are parsed."""
    if use_prefilter is None:
        use_prefilter = prefilter.enabled()
    if not use_prefilter:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            yield _as_text_doc(doc)
        return
    lex = prefilter.lexicon(nlp)
    plans = [prefilter.plan(t, lex) for t in texts]
    to_parse = [t[s.start : s.end] for t, segs in zip(texts, plans, strict=True) for s in segs if s.parse]
    parsed = iter(nlp.pipe(to_parse, batch_size=batch_size))
    for text, segs in zip(texts, plans, strict=True):
        if not segs:
            yield TextDoc(nlp.vocab, words=[], spaces=[]) if not text else _as_text_doc(nlp.make_doc(text))
            continue
        parts: list[Doc] = []
        starts: list[list[int]] = []
        for seg in segs:
            if seg.parse:
                parts.append(next(parsed))
                starts.append([])
            else:
                d = nlp.make_doc(text[seg.start : seg.end])
                tok_starts = _token_starts(d, seg.sentence_starts, seg.start)
                _mark_sentences(d, tok_starts)
                parts.append(d)
                starts.append(tok_starts)
        doc = join(nlp.vocab, parts, starts)
        yield doc


def _as_text_doc(doc: Doc) -> TextDoc:
    """The same analysis in a :class:`TextDoc` (cheap: one array copy)."""
    return join(doc.vocab, [doc], [[]])


def parse_one(nlp: Language, text: str, *, use_prefilter: bool | None = None) -> TextDoc:
    return next(parse_many(nlp, [text], use_prefilter=use_prefilter))


def segments_parsed(texts: Iterable[str], nlp: Language | None = None) -> tuple[int, int]:
    """(characters parsed, characters in all) under the prefilter: for reports and benchmarks.

    A story the market-copy gate skips (``prefilter.market_copy``) counts as not parsed at all."""
    lex = prefilter.lexicon(nlp)
    done = total = 0
    for t in texts:
        if prefilter.market_copy(t, lex):
            total += len(t)
            continue
        for s in prefilter.plan(t, lex):
            total += s.end - s.start
            done += (s.end - s.start) if s.parse else 0
    return done, total
