"""spaCy's own entity recogniser, decoded in fewer steps: the same model, the same entities.

en_core_web_sm's NER reads three tokens per decision: the next word, the first word of the entity
it is inside (if any) and the word before the next one (if inside). Outside an entity, which is
most of a text, the last two are padding, so the scores of every "outside" decision depend on the
word alone: they are computed for all words at once, in one matrix product, and a decision there
is a table look-up. Only the words inside an entity (one in ten in news) need the step-by-step
scores the stock decoder computes for every word. spaCy's decoder spent two thirds of the
recogniser's time (38% of a worker's CPU) in that loop.

The decisions follow spaCy's BILUO rules (``spacy/pipeline/_parser_internals/ner.pyx``): outside,
O always; B only before the last word, not on whitespace, not when the next word starts a
sentence; U not on whitespace; inside, I only when the next word exists and does not start a
sentence, and L always; ties go to the lower class, as spaCy's arg-max does. The sums are made in
spaCy's order and the scores by the same BLAS (blis), so the entities are identical
(``tests/test_speed_s3.py`` compares them with the stock decoder). The two differ in one
corner only: spaCy gives a class never seen in training the step's lowest score, here it never
wins (it could only win a tie for the lowest score).

Only a stock, greedy recogniser on unannotated docs takes this path; anything else (preset
entities, a beam, another model shape) runs spaCy's decoder. ``EVENTWIRE_NER=spacy`` always does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.pipeline import EntityRecognizer

_NEG = numpy.float32(-numpy.inf)


@dataclass(frozen=True)
class _Classes:
    """The recogniser's classes by kind: which to consider outside an entity, and inside one."""

    kind: list[str]  # "O", "B", "I", "L", "U" per class
    label: list[int]  # label hash per class (0 for O)
    outside_only: numpy.ndarray  # masks over classes: O
    outside_unit: numpy.ndarray  # O and U-x
    outside_all: numpy.ndarray  # O, U-x and B-x
    inside: dict[int, tuple[int, int]]  # label -> (class of I-label, class of L-label)
    unseen: list[int]


def _classes(ner: EntityRecognizer) -> _Classes | None:
    """The class table, or None when the recogniser is not a plain BILUO one."""
    moves = ner.moves
    n = moves.n_moves
    kind, label = [], []
    for i in range(n):
        name = moves.get_class_name(i)
        k, _, lab = name.partition("-")
        if k not in ("O", "B", "I", "L", "U"):
            return None
        kind.append(k)
        label.append(ner.vocab.strings.add(lab) if lab else 0)
    kinds = numpy.array(kind)
    labelled = numpy.array([bool(x) for x in label])
    inside: dict[int, tuple[int, int]] = {}
    for lab in {x for x in label if x}:
        found = {k: i for i, (k, x) in enumerate(zip(kind, label, strict=True)) if x == lab}
        if not {"B", "I", "L", "U"} <= found.keys():
            return None
        inside[lab] = (found["I"], found["L"])
    return _Classes(
        kind=kind,
        label=label,
        outside_only=kinds == "O",
        outside_unit=(kinds == "O") | ((kinds == "U") & labelled),
        outside_all=(kinds == "O") | (((kinds == "U") | (kinds == "B")) & labelled),
        inside=inside,
        unseen=sorted(ner.model.attrs.get("unseen_classes", ())),
    )


def supported(ner: Any) -> bool:
    """Is this a stock greedy recogniser of the shape the fast decoder reproduces?"""
    from spacy.pipeline import EntityRecognizer

    if type(ner) is not EntityRecognizer or ner.cfg.get("beam_width", 1) != 1:
        return False
    model = ner.model
    if not model.attrs.get("has_upper") or not all(model.has_ref(r) for r in ("tok2vec", "lower", "upper")):
        return False
    lower = model.get_ref("lower")
    if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
        return False
    return _classes(ner) is not None


class FastNer:
    """A pipeline component running ``ner``'s model with the faster decoder (see the module)."""

    def __init__(self, ner: EntityRecognizer):
        self.ner = ner
        self.classes = _classes(ner)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            if self.classes is None or any(d.has_annotation("ENT_IOB") for d in batch):
                yield from self.ner.pipe(batch, batch_size=len(batch))  # preset entities: spaCy's way
            else:
                yield from self._decode(batch)

    def _decode(self, docs: list[Doc]) -> list[Doc]:
        model = self.ner.model
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        cached, _ = lower(model.get_ref("tok2vec").predict(docs), is_train=False)
        cached = numpy.ascontiguousarray(cached, dtype="f")  # (words + 1, 3, hidden, pieces); row 0: padding
        weights = _Weights(
            cached=cached,
            bias=lower.get_param("b"),
            W=numpy.ascontiguousarray(upper.get_param("W"), dtype="f"),
            b=upper.get_param("b"),
            unseen=self.classes.unseen,  # type: ignore[union-attr]
        )
        best = self._outside_choices(weights)
        off = 0
        for doc in docs:
            ents = self._decode_doc(doc, off, best, weights)
            doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in ents], default="outside")
            off += len(doc)
        return docs

    def _outside_choices(self, w: _Weights) -> tuple[list[int], list[int], list[int]]:
        """The best class of every word outside an entity, for each set of valid classes."""
        c = self.classes
        assert c is not None
        pad = w.cached[0]
        hidden = ((w.cached[1:, 0] + pad[1]) + pad[2]) + w.bias
        scores = w.scores(hidden.max(axis=-1))
        return tuple(  # type: ignore[return-value]
            numpy.where(mask, scores, _NEG).argmax(axis=1).tolist()
            for mask in (c.outside_only, c.outside_unit, c.outside_all)
        )

    def _decode_doc(
        self, doc: Doc, off: int, best: tuple[list[int], list[int], list[int]], w: _Weights
    ) -> list[tuple[int, int, int]]:
        """(start, end, label) of each entity of one doc, by spaCy's greedy BILUO walk."""
        c = self.classes
        assert c is not None
        n = len(doc)
        if not n:
            return []
        cols = doc.to_array([IS_SPACE, SENT_START])
        space = cols[:, 0].tolist()
        starts = [int(x) == 1 for x in cols[:, 1].tolist()] + [False]
        only, unit, every = best
        ents = []
        i = 0
        while i < n:
            t = off + i
            cls = only[t] if space[i] else (every[t] if i + 1 < n and not starts[i + 1] else unit[t])
            kind = c.kind[cls]
            if kind == "U":
                ents.append((i, i + 1, c.label[cls]))
            elif kind == "B":
                lab = c.label[cls]
                end = self._inside(off, i, n, starts, c.inside[lab], w)
                ents.append((i, end, lab))
                i = end
                continue
            i += 1
        return ents

    @staticmethod
    def _inside(off: int, first: int, n: int, starts: list[bool], il: tuple[int, int], w: _Weights) -> int:
        """Walk an entity begun at ``first``: I while I scores higher (and is valid), then L."""
        ci, cl = il
        e = 1 + off + first
        i = first + 1
        while True:
            t = off + i
            scores = w.scores(
                ((((w.cached[1 + t, 0] + w.cached[e, 1]) + w.cached[t, 2]) + w.bias).max(axis=-1))[None]
            )[0]
            if i + 1 < n and not starts[i + 1]:
                si, sl = scores[ci], scores[cl]
                if si > sl or (si == sl and ci < cl):
                    i += 1
                    continue
            return i + 1


@dataclass
class _Weights:
    cached: numpy.ndarray
    bias: numpy.ndarray
    W: numpy.ndarray
    b: numpy.ndarray
    unseen: list[int]

    def scores(self, hidden: numpy.ndarray) -> numpy.ndarray:
        """Class scores of states' hidden vectors, by blis as spaCy's decoder computes them."""
        from blis.py import gemm

        out = gemm(numpy.ascontiguousarray(hidden, dtype="f"), self.W, trans2=True) + self.b
        if self.unseen:
            out[:, self.unseen] = _NEG
        return out


@Language.factory("eventwire_ner")
def make_fast_ner(nlp: Language, name: str) -> FastNer:
    return FastNer(nlp.get_pipe("ner"))


def install(nlp: Language) -> None:
    """Put the fast decoder in place of a supported ``ner`` (once; ``EVENTWIRE_NER=spacy``: never)."""
    from ..settings import get_settings

    if get_settings().ner == "spacy" or "ner" not in nlp.pipe_names or "eventwire_ner" in nlp.pipe_names:
        return
    if supported(nlp.get_pipe("ner")):
        nlp.add_pipe("eventwire_ner", before="ner")
        nlp.disable_pipe("ner")
