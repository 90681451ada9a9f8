"""What every per-article extractor receives: one article, its parse, its dates and its actors."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Article, EntityMention, LocalActor, Mention, Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span


@dataclass
class DocContext:
    article: Article
    doc: Doc
    dct: str | None = None  # the document date used to anchor relative expressions
    timexes: list[Timex] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    actors: dict[str, LocalActor] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # values an extractor computes once per article

    def __post_init__(self) -> None:
        self.entities.sort(key=lambda m: (m.start, m.end))
        self._ent_starts = [m.start for m in self.entities]

    # -- evidence
    def sentence_of(self, start: int, end: int | None = None) -> Span:
        """The sentence holding the char offset ``start``."""
        tok = self.doc.char_span(start, end or start + 1, alignment_mode="expand")
        if tok is None or len(tok) == 0:
            for sent in self.doc.sents:
                if sent.start_char <= start < sent.end_char:
                    return sent
            return self.doc[:]
        return tok[0].sent

    def mention(self, start: int, end: int | None = None) -> Mention:
        """Evidence for a record read at char offsets: the whole sentence, with its offsets."""
        sent = self.sentence_of(start, end)
        return Mention(
            article_id=self.article.id,
            path=self.article.path,
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
        )

    # -- actors
    def entities_in(self, start: int, end: int) -> list[EntityMention]:
        """Entity mentions wholly inside [start, end)."""
        i = bisect.bisect_left(self._ent_starts, start)
        out = []
        while i < len(self.entities) and self.entities[i].start < end:
            if self.entities[i].end <= end:
                out.append(self.entities[i])
            i += 1
        return out

    def entity_at(self, start: int, end: int) -> EntityMention | None:
        """The entity mention overlapping [start, end), longest first."""
        best = None
        i = max(0, bisect.bisect_left(self._ent_starts, start) - 8)
        while i < len(self.entities) and self.entities[i].start < end:
            m = self.entities[i]
            if m.end > start and (best is None or (m.end - m.start) > (best.end - best.start)):
                best = m
            i += 1
        return best

    # -- time
    def timexes_in(self, start: int, end: int) -> list[Timex]:
        return [t for t in self.timexes if t.start >= start and t.end <= end]
