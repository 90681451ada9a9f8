"""Memoised stand-ins for spaCy's two rule components, with the same output token for token.

Measured on wire copy, the small English pipeline spends about a fifth of its parse in two
components that are pure functions of a token: the attribute ruler (POS and morphology from the
tag, and a few lemma exceptions) runs a 179-pattern Matcher over every token, and the rule
lemmatizer rebuilds a morphology dict for every token whose lemma is its own form, without caching
it. A token's answer from either depends only on a handful of its own attributes, so both are
memoised here on exactly those attributes and the slow path is asked only on a miss:

* ``eventwire_attribute_memo`` stands in for ``attribute_ruler``: the single-token rules that match
  a token depend only on its text, tag and dependency label (the attributes those patterns test),
  and on the text only when some rule names the word;
  the few multi-token rules ("gon na", an expletive "there is") still run as a Matcher over the
  whole doc. Rules then apply in the ruler's own order, later ones winning, as in the ruler.
* ``eventwire_lemma_memo`` sits before ``lemmatizer`` and fills every lemma from a memo keyed on
  text, POS and morphology, asking the lemmatizer itself on a miss; the stock component then finds
  every lemma set and does nothing.

Both read the stock components' own tables at load time, so a retrained or patched model is
memoised as it is. ``tests/test_spacy_memo.py`` checks equality with the stock components.

Both outlive spaCy's memory zones, so both forget, when a zone ends, what they learnt from the
zone's own strings (:class:`_ZoneMemo`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

MAX_ENTRIES = 500_000  # a bound for hostile or endless input; a full memo is simply dropped
_COLUMNS = (POS, MORPH, LEMMA)  # what the ruler's rules set, apart from rare TAG/DEP rewrites


class _ZoneMemo:
    """Forget, once a spaCy memory zone is over, the memo entries that name the zone's strings.

    Inside ``nlp.memory_zone()`` every string and lexeme a text brings is transient: spaCy frees
    them when the zone ends (``StringStore.memory_zone`` clears the transient keys, ``Vocab`` the
    transient lexemes), and a hash whose string is gone raises on ``token.lemma_``. The memos live
    on across zones, so an entry made inside one may name such a string:

    * a LemmaMemo value is the hash of a lemma added inside the zone ("flurble" for "flurbled"):
      a hit on it in a later zone would set a LEMMA that no longer resolves;
    * a key on a word's hash (every memo here) stays right after the zone, since the word hashes
      the same when it comes back, but one entry per new word is the very growth zones stop.

    So an entry made inside a zone is noted with the hashes it names, and once the zone is over it
    is dropped if any of them no longer resolves; entries about words the model knows (most of
    news text) are kept, and so is the memos' hit rate from chunk to chunk. Adding the lemmas as
    permanent strings instead would give the same output, but the string store and the memos
    would again grow with every new word.

    "Once the zone is over" must be judged before a later zone adds strings, or a word freed and
    seen again would look permanent while its entry was kept past that zone too. The check runs
    where that holds: when the next zone opens (``nlp.memory_zone`` enters a pipe's
    ``memory_zone`` right after the vocab's, before any text), after a zone closes (``settle``,
    which ``eventwire.nlp.memory_zone`` calls), and on the next doc outside any zone. A zone
    opened without the pipes (``vocab.memory_zone()`` directly) cannot be told from the one before
    it, so there the noted entries are dropped unchecked before every doc: slower, never wrong.
    """

    vocab: Any

    def _zone_setup(self, vocab: Any) -> None:
        if vocab.in_memory_zone:  # a Matcher's keys and patterns would be freed with the zone
            raise RuntimeError(f"{type(self).__name__} must be built outside a spaCy memory zone")
        self.vocab = vocab
        self._noted: list[tuple[dict[Any, Any], Any, tuple[int, ...]]] = []
        self._in_zone = False  # inside a zone that entered this pipe's memory_zone

    def _note(self, memo: dict[Any, Any], key: Any, hashes: tuple[int, ...]) -> None:
        self._noted.append((memo, key, hashes))

    def _forget(self, memo: dict[Any, Any], key: Any) -> None:
        memo.pop(key, None)

    def _check(self, exact: bool) -> None:
        """Drop noted entries that name a freed string (every noted entry unless ``exact``)."""
        strings = self.vocab.strings
        for memo, key, hashes in self._noted:
            if not exact or not all(h in strings for h in hashes):
                self._forget(memo, key)
        self._noted = []

    def _before_doc(self) -> bool:
        """Settle a past zone's entries if need be; whether this doc's new entries need noting."""
        in_zone = self.vocab.in_memory_zone
        if self._noted and not self._in_zone:
            self._check(exact=not in_zone)
        return in_zone

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[Any]:
        """Called by ``Language.memory_zone`` just after the vocab's zone opens."""
        self._check(exact=True)  # no string of the new zone exists yet
        self._in_zone = True
        try:
            yield mem
        finally:
            self._in_zone = False

    def settle(self) -> None:
        """Forget what a zone that has just ended taught (a no-op inside a zone)."""
        if not self.vocab.in_memory_zone:
            self._check(exact=True)


class LemmaMemo(_ZoneMemo):
    def __init__(self, lemmatizer: Any):
        self._zone_setup(lemmatizer.vocab)
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        # the rule lemmatizer only asks ``form in index``, and the index per part of speech is a
        # list of up to 57k words: a set answers the same question without the scan (a miss cost
        # ~160 us, mostly that scan)
        index = lemmatizer.lookups.get_table("lemma_index", None) if lemmatizer.lookups else None
        if index is not None:
            for key, words in list(index.items()):
                if isinstance(words, list):
                    index[key] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        note = self._before_doc()
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        col = arr[:, 3].copy()
        memo = self.memo
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:  # set upstream (the attribute ruler): the lemmatizer would keep it too
                continue
            key = (orth, pos, morph)
            got = memo.get(key)
            if got is None:
                if len(memo) >= MAX_ENTRIES:
                    memo.clear()
                got = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if note:
                    self._note(memo, key, (orth, morph, got))
            col[i] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], col)
        return doc

    def _forget(self, memo: dict[Any, Any], key: Any) -> None:
        memo.pop(key, None)
        # the stock lemmatizer's own cache, (orth, pos, morph) -> lemma strings, is filled on
        # exactly the memo's misses and never emptied: it would grow with every new word too
        self.lemmatizer.cache.pop(key, None)


class AttributeMemo(_ZoneMemo):
    def __init__(self, ruler: Any):
        self._zone_setup(ruler.vocab)
        self.attrs: list[dict[int, Any]] = list(ruler.attrs)
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        self.targets: dict[int, int] = {}  # multi-token rule id -> index of the token it changes
        # a multi-token pattern can only match a doc holding one of its anchor words or labels
        self.anchor_words: set[int] = set()
        self.anchor_deps: set[int] = set()
        self.always_multi = False  # a pattern with no anchor: run the multi-token Matcher on every doc
        named: set[str] = set()  # lower-cased words the single-token rules test for
        self.regexes: list[re.Pattern[str]] = []  # ... and patterns they test lower-cased words with
        self.any_word = False  # some rule tests a token's text in a way a word list can't capture
        for rule_id, index in enumerate(ruler.indices):
            key = str(rule_id)
            got = ruler.matcher.get(ruler.vocab.strings[key])
            if not got:
                continue
            short = [p for p in got[1] if len(p) == 1]
            long = [p for p in got[1] if len(p) != 1]
            if short:
                self.single.add(key, short)
                for pattern in short:
                    self._note_words(pattern[0], named)
            if long:
                self.multi.add(key, long)
                self.targets[rule_id] = index
                for pattern in long:
                    self._note_anchor(pattern, ruler.vocab.strings)
        self.named = {ruler.vocab.strings.add(w) for w in named}
        self.is_named: dict[int, bool] = {}  # lower-cased word -> does some rule test for it
        self.by_token: dict[tuple[Any, int, int], tuple[int, ...]] = {}
        self.folded: dict[tuple[int, ...], tuple[dict[int, Any], bool, tuple[tuple[int, Any], ...]]] = {}

    def _note_words(self, token_pattern: dict[str, Any], named: set[str]) -> None:
        for k, v in token_pattern.items():
            k = str(k).upper()
            if k in ("TAG", "DEP", "IS_SPACE"):
                continue
            if k in ("ORTH", "TEXT", "LOWER") and isinstance(v, str):
                named.add(v.lower())
            elif k in ("ORTH", "TEXT", "LOWER") and isinstance(v, dict) and set(v) == {"IN"}:
                named.update(str(w).lower() for w in v["IN"])
            elif k == "LOWER" and isinstance(v, dict) and set(v) == {"REGEX"}:
                self.regexes.append(re.compile(v["REGEX"]))  # the Matcher's test: re.search
            else:  # a regex, a shape, a length: key on the exact text
                self.any_word = True

    def _note_anchor(self, pattern: list[dict[str, Any]], strings: Any) -> None:
        """Remember one literal every match of ``pattern`` must contain (a rare label first)."""

        def literal(v: Any) -> list[str] | None:
            if isinstance(v, str):
                return [v]
            if isinstance(v, dict) and set(v) == {"IN"}:
                return [str(w) for w in v["IN"]]
            return None

        for tok in pattern:
            deps = literal(tok.get("DEP"))
            if deps is not None:
                self.anchor_deps.update(strings.add(d) for d in deps)
                return
        for tok in pattern:
            for k in ("LOWER", "ORTH", "TEXT"):
                words = literal(tok.get(k))
                if words is not None:
                    self.anchor_words.update(strings.add(w.lower()) for w in words)
                    return
        self.always_multi = True

    def _named(self, doc: Doc, lower: int) -> bool:
        text = doc.vocab.strings[lower] if self.regexes else ""
        named = lower in self.named or any(r.search(text) for r in self.regexes)
        if len(self.is_named) >= MAX_ENTRIES:
            self.is_named.clear()
        self.is_named[lower] = named
        if self.vocab.in_memory_zone:
            self._note(self.is_named, lower, (lower,))
        return named

    def _single_rules(self, doc: Doc, i: int) -> tuple[int, ...]:
        strings = doc.vocab.strings
        found = self.single(doc[i : i + 1], allow_missing=True)
        return tuple(sorted({int(strings[m]) for m, _s, _e in found}))

    def _fold(self, rules: tuple[int, ...]) -> tuple[dict[int, Any], bool, tuple[tuple[int, Any], ...]]:
        """What the rules set, whether that needs the ruler's own setter, and the column updates."""
        got = self.folded.get(rules)
        if got is None:
            attrs: dict[int, Any] = {}
            for r in rules:  # the ruler's order: later rules win
                attrs.update(self.attrs[r])
            slow = any(a not in _COLUMNS for a in attrs)  # a TAG or DEP rewrite
            updates = tuple((j, attrs[a]) for j, a in enumerate(_COLUMNS) if a in attrs)
            if len(self.folded) >= MAX_ENTRIES:
                self.folded.clear()
            got = self.folded[rules] = (attrs, slow, updates)
        return got

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        note = self._before_doc()
        keys = doc.to_array([ORTH, LOWER, IS_SPACE, TAG, DEP]).tolist()
        extra: dict[int, set[int]] = {}
        if self.targets and (
            self.always_multi
            or not self.anchor_words.isdisjoint(k[1] for k in keys)
            or not self.anchor_deps.isdisjoint(k[4] for k in keys)
        ):
            for m, s, e in self.multi(doc, allow_missing=True):
                rule = int(doc.vocab.strings[m])
                idx = self.targets[rule]
                tok = (s + idx) if idx >= 0 else (e + idx)
                if s <= tok < e:
                    extra.setdefault(tok, set()).add(rule)
        cols = doc.to_array(list(_COLUMNS))
        memo = self.by_token
        is_named = self.is_named
        any_word = self.any_word
        slow: list[tuple[int, dict[int, Any]]] = []
        changed = False
        for i, (orth, lower, space, tag, dep) in enumerate(keys):
            # a word no rule names matches the same rules as any other word with its tag and label
            named = is_named.get(lower)
            if named is None:
                named = self._named(doc, lower)
            word: Any = orth if any_word or named else ("space" if space else "word")
            key = (word, tag, dep)
            rules = memo.get(key)
            if rules is None:
                if len(memo) >= MAX_ENTRIES:
                    memo.clear()
                rules = memo[key] = self._single_rules(doc, i)
                if note and word.__class__ is int:  # tags and labels are the model's own strings
                    self._note(memo, key, (word,))
            if i in extra:
                rules = tuple(sorted(set(rules) | extra[i]))
            if not rules:
                continue
            attrs, needs_setter, updates = self._fold(rules)
            if needs_setter:  # a TAG or DEP rewrite: the ruler's own way
                slow.append((i, attrs))
                continue
            for j, value in updates:
                cols[i, j] = value
                changed = True
        if changed:
            doc.from_array(list(_COLUMNS), cols)
        if slow:
            from spacy.tokens._retokenize import set_token_attrs

            for i, attrs in slow:
                set_token_attrs(doc[i], attrs)
        return doc


@Language.factory("eventwire_lemma_memo")
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo(nlp.get_pipe("lemmatizer"))


@Language.factory("eventwire_attribute_memo")
def make_attribute_memo(nlp: Language, name: str) -> AttributeMemo:
    return AttributeMemo(nlp.get_pipe("attribute_ruler"))


# token attributes a memoised single-token rule may test: the text and what spaCy derives from it,
# plus the tag and dependency label in the memo key
_KEYED = {"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "IS_SPACE", "IS_ALPHA", "IS_PUNCT", "IS_DIGIT"}
_KEYED |= {"IS_TITLE", "IS_UPPER", "IS_LOWER", "LIKE_NUM", "LENGTH", "SHAPE", "PREFIX", "SUFFIX"}


def _memoisable(ruler: Any) -> bool:
    """Every rule tests only keyed attributes, with no operators (a '?' token can match nothing)."""
    from spacy.pipeline import AttributeRuler

    if type(ruler) is not AttributeRuler:
        return False
    for rule in ruler.patterns:
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list):
                return False
            for tok in pattern:
                if any(str(k).upper() not in _KEYED for k in tok):
                    return False
    return True


def install(nlp: Language) -> None:
    """Put the memos in place of the stock rule components, where they are the stock kind."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    names = nlp.pipe_names
    if "attribute_ruler" in names and "eventwire_attribute_memo" not in names:
        if _memoisable(nlp.get_pipe("attribute_ruler")):
            nlp.add_pipe("eventwire_attribute_memo", before="attribute_ruler")
            nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and "eventwire_lemma_memo" not in nlp.pipe_names:
        lem = nlp.get_pipe("lemmatizer")  # a subclass may read more of a token than the memo keys
        if type(lem) in (Lemmatizer, EnglishLemmatizer) and lem.mode == "rule" and not lem.overwrite:
            nlp.add_pipe("eventwire_lemma_memo", before="lemmatizer")
