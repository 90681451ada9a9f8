"""Amounts of money as news copy writes them, normalised to (amount, ISO currency).

Wire copy mixes registers: "$5 billion", "720 mln dlrs", "RM156 million", "£82.9m",
"91 mln marks", "USD 3bn". One regex built from ``data/currencies.yaml`` (abbreviations,
symbols, bare words an editor would read as a currency) plus babel's English currency names
("Japanese yen", "euros") finds them all, so adding a currency is a data edit, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import load
from ..lexicon.files import Currencies
from ..model import Money

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable


@dataclass(frozen=True)
class MoneySpan:
    """One amount found in a text, with its character offsets."""

    start: int
    end: int
    text: str
    amount: float
    currency: str
    approx: str | None = None  # the approximator before it ("about", "an estimated") or None
    high: float | None = None  # upper bound of a range ("$5-6 billion")
    bare: bool = False  # named by a bare word ("dlrs", "rupees") whose country the story tells

    @property
    def money(self) -> Money:
        return Money(amount=self.amount, currency=self.currency)


@dataclass(frozen=True)
class _Lexicon:
    scales: dict[str, float]
    symbols: dict[str, str]
    words: dict[str, str]
    needs_scale: dict[str, str]
    iso: frozenset[str]
    approximators: tuple[str, ...]
    number_words: dict[str, float]
    pattern: re.Pattern[str]
    approx_re: re.Pattern[str]
    bare_words: frozenset[str]  # one-word currency names an editor reads in the story's own money
    local_only: dict[str, frozenset[str]]  # kind of money -> the local currencies a story may mean
    kinds: dict[str, str]  # a currency name's last word -> the kind one English word names (krone -> krona)


def _alt(items: list[str], word: bool = True) -> str:
    out = []
    for w in sorted(set(items), key=len, reverse=True):
        e = re.escape(w).replace(r"\ ", r"\s+")
        out.append(e)
    return "(?:" + "|".join(out) + ")"


def _babel_names() -> dict[str, str]:
    """English currency names and plurals from babel ('japanese yen', 'euros' -> code)."""
    from babel import Locale
    from babel.numbers import get_currency_name

    out: dict[str, str] = {}
    for code, name in Locale("en").currencies.items():
        if "(" in name or code.startswith("X"):
            continue
        for form in (name, get_currency_name(code, count=2, locale="en")):
            form = form.casefold().strip()
            # one-word names can be ordinary English ("won", "rand"): the YAML lists the safe ones
            if " " in form:
                out.setdefault(form, code)
    return out


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    raw: Currencies = load("currencies")
    scales = {str(k).casefold(): float(v) for k, v in raw["scales"].items()}
    symbols = {str(k): str(v) for k, v in raw["symbols"].items()}
    words = _babel_names()
    words.update({str(k).casefold(): str(v) for k, v in raw["words"].items()})
    needs_scale = {str(k).casefold(): str(v) for k, v in raw["needs_scale"].items()}
    for w in needs_scale:
        words.pop(w, None)
    iso = frozenset(str(c) for c in raw["iso_codes"])
    approximators = tuple(sorted((str(a) for a in raw["approximators"]), key=len, reverse=True))
    number_words = {str(k).casefold(): float(v) for k, v in raw["number_words"].items()}

    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    numword = _alt([w for w in number_words if w not in ("a", "an")])
    long_scales = [s for s in scales if len(s) > 1]
    short_scales = [s for s in scales if len(s) == 1]
    # a scale as a word ("5 billion", "5-billion") or glued to the number ("5bn", "82.9m")
    scale = (
        rf"(?:[\s-]*(?i:{_alt(long_scales)})\b|(?i:{_alt(short_scales)})\b)"
        if short_scales
        else rf"(?:[\s-]*(?i:{_alt(long_scales)})\b)"
    )
    glued = rf"(?:(?i:{_alt(long_scales)})\b)"
    sym = _alt(list(symbols) + sorted(iso))
    cur_word = rf"(?i:{_alt(list(words))})\b"
    scaled_word = rf"(?i:{_alt(list(needs_scale))})\b"
    iso_word = rf"{_alt(sorted(iso))}\b"

    def rng(g: str) -> str:
        return rf"(?:\s*(?:-|–|to)\s*(?P<{g}>{digits}))?"

    pattern = re.compile(
        # prefix: "$5 billion", "RM156 million", "US$ 3.2bn", "£82.9m", "EUR 40m", "$5-6 billion"
        rf"(?<![\w$£€¥])(?P<sym>{sym})\s?(?P<n1>{digits}){rng('h1')}(?P<s1>{scale}|{glued})?"
        # suffix: "720 mln dlrs", "5 billion US dollars", "91 mln marks", "5 mln pounds", "3 million USD"
        rf"|(?<![\w.,])(?P<n2>{digits}|(?i:{numword})(?:\s+(?i:and\s+a\s+half))?){rng('h2')}"
        rf"(?:(?P<s2>{scale})\s*(?:of\s+)?(?P<w2>{cur_word}|{scaled_word}|{iso_word})"
        rf"|\s+(?P<w3>{cur_word}|{iso_word}))"
        # "half a billion dollars", "a billion euros"
        rf"|(?<!\w)(?P<n4>(?i:half\s+a|a|an))\s+(?P<s4>(?i:{_alt(long_scales)}))\s+(?:of\s+)?"
        rf"(?P<w4>{cur_word}|{scaled_word})"
    )
    approx_re = re.compile(rf"(?i:\b{_alt(list(approximators))})\s*$")
    bare = frozenset(str(k).casefold() for k in raw["story_words"])
    local_only = {str(k).casefold(): frozenset(map(str, v)) for k, v in raw["story_local_only"].items()}
    return _Lexicon(
        scales,
        symbols,
        words,
        needs_scale,
        iso,
        approximators,
        number_words,
        pattern,
        approx_re,
        bare,
        local_only,
        {str(k).casefold(): str(v).casefold() for k, v in raw["same_kind"].items()},
    )


def parse_number(text: str) -> float | None:
    """A number written in digits ("1,200.5") or as a word ("three", "half a")."""
    t = text.strip().casefold().replace(",", "")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    lex = lexicon()
    t = re.sub(r"\s+", " ", t)
    if t == "half a":
        return 0.5
    extra = 0.0
    if t.endswith(" and a half"):
        t, extra = t[: -len(" and a half")], 0.5
    if t in lex.number_words:
        return lex.number_words[t] + extra
    return None


def _scale_value(s: str | None) -> float:
    if not s:
        return 1.0
    key = s.strip(" -\t\n").casefold()
    return lexicon().scales.get(key, 1.0)


def _currency_of(word: str) -> str | None:
    lex = lexicon()
    w = re.sub(r"\s+", " ", word.strip())
    if w in lex.iso:
        return w
    k = w.casefold()
    return lex.words.get(k) or lex.needs_scale.get(k) or lex.symbols.get(w)


def find_money(text: str) -> list[MoneySpan]:
    """Every amount of money in ``text``, left to right, with offsets."""
    lex = lexicon()
    out: list[MoneySpan] = []
    for m in lex.pattern.finditer(text):
        g = m.groupdict()
        word = None
        if g["sym"]:
            num, high, scale, cur = g["n1"], g["h1"], g["s1"], lex.symbols.get(g["sym"]) or g["sym"]
        elif g["n2"]:
            num, high, scale = g["n2"], g["h2"], g["s2"]
            word = g["w2"] or g["w3"]
            cur = _currency_of(word) if word else None
            # number words need a scale ("three billion dollars"), or "left a mark" is money
            if not scale and parse_number(num) is not None and not re.match(r"[\d.]", num):
                continue
        else:
            num, high, scale, cur = g["n4"], None, g["s4"], _currency_of(g["w4"])
            num = "half a" if num.casefold().startswith("half") else "1"
        if not cur:
            continue
        base = parse_number(num)
        if base is None:
            continue
        mult = _scale_value(scale)
        hi = parse_number(high) * mult if high else None
        start = m.start()
        if hi is not None and (
            not re.fullmatch(r"[\d.,]+", num) or hi < base * mult or re.fullmatch(r"(?:19|20)\d\d", num)
        ):
            # not a range: "March 6 to 3.9 billion dlrs", "cut by half to 66 billion yen"
            start, base, hi = m.start("h1" if g["sym"] else "h2"), parse_number(high) or 0.0, None
            if g["sym"]:
                start = m.start()
        before = text[max(0, start - 24) : start]
        am = lex.approx_re.search(before)
        out.append(
            MoneySpan(
                start=start,
                end=m.end(),
                text=text[start : m.end()],
                amount=_round(base * mult),
                currency=cur,
                approx=am.group(0).strip().casefold() if am else None,
                high=_round(hi) if hi is not None else None,
                bare=bool(word) and word.casefold() in lex.bare_words,
            )
        )
    return out


def is_conversion(text: str, m: MoneySpan, found: list[MoneySpan]) -> bool:
    """Is the amount inside brackets that open right after another amount ("1bn euros ($1.3bn;
    £690m)", "$412bn (£211.6bn)")? Then it converts that amount: it is no amount of its own."""
    opening = text.rfind("(", 0, m.start)
    if opening < 0 or ")" in text[opening : m.start]:
        return False
    return any(0 <= opening - o.end <= 2 for o in found if o is not m)


@lru_cache(maxsize=4096)
def _family(code: str) -> str:
    """The kind of money a currency is, by the last word of its English name: "dollar" for USD and
    CAD, "rupee" for INR and LKR, "peso" for MXN and MXP ("Mexican Peso (1861-1992)")."""
    try:
        from babel.numbers import get_currency_name

        name = get_currency_name(code, locale="en").split("(")[0].split()
    except Exception:  # noqa: BLE001 - an unknown code is its own family
        return code
    last = name[-1].casefold() if name else code
    return lexicon().kinds.get(last, last)


@lru_cache(maxsize=1024)
def _state_currencies(iso3: str, year: int | None) -> tuple[str, ...]:
    """The currencies a state used in ``year`` (its current ones without a year)."""
    try:
        import datetime

        import pycountry
        from babel.numbers import get_territory_currencies

        c = pycountry.countries.get(alpha_3=iso3)
        if c is None:
            return ()
        when = datetime.date(year, 7, 1) if year else None
        return tuple(
            get_territory_currencies(c.alpha_2, start_date=when)
            if when
            else get_territory_currencies(c.alpha_2)
        )
    except Exception:  # noqa: BLE001 - a state babel does not know keeps the editor's default
        return ()


def localise(
    spans: list[MoneySpan], state: str | None, year: int | None = None, others: Iterable[str] = ()
) -> list[MoneySpan]:
    """A story's amounts (left to right) with each bare currency word read as the story means it.
    "dlrs" is the US dollar only by default: after "2.48 billion Canadian dlrs" the story's next
    "3.91 billion dlrs" are Canadian too, and in a story about Sri Lanka "6.5 billion rupees" are
    Sri Lankan. A bare word takes the currency of the last amount of the same family the story named
    in full, else the currency of the story's own ``state`` when it is of that family and none of
    the ``others`` states the story names uses money of that family (then the word is ambiguous
    and keeps the editor's default)."""
    only = lexicon().local_only
    own = {
        _family(c): c
        for c in (_state_currencies(state, year) if state else ())
        if _family(c) not in only or c in only[_family(c)]
    }
    for other in set(others) - {state}:
        for c in _state_currencies(other, year):
            if own.get(_family(c), c) != c:
                own.pop(_family(c), None)
    # a kind the story's own state does not use, used by just one other state it names, is that
    # state's ("Norwegian imports from South Africa fell to 160 mln crowns": Norway's crowns), except
    # kinds whose bare word means the world's currency (``story_local_only``: dollars)
    theirs: dict[str, set[str]] = {}
    for other in set(others) - {state}:
        for c in _state_currencies(other, year):
            theirs.setdefault(_family(c), set()).add(c)
    own_families = {_family(c) for c in (_state_currencies(state, year) if state else ())}
    for fam, cs in theirs.items():
        if fam not in own_families and fam not in only and len(cs) == 1:
            own.setdefault(fam, next(iter(cs)))
    named: dict[str, str] = {}
    out = []
    for sp in spans:
        fam = _family(sp.currency)
        if not sp.bare:
            named[fam] = sp.currency
            out.append(sp)
            continue
        cur = named.get(fam) or own.get(fam) or sp.currency
        out.append(sp if cur == sp.currency else replace(sp, currency=cur))
    return out


def _round(x: float) -> float:
    """Whole units when the amount is whole (5.2 billion is 5200000000, not 5200000000.000001)."""
    r = round(x, 2)
    return float(int(r)) if r == int(r) else r


def parse_money(text: str) -> Money | None:
    """The first amount of money in ``text`` (a convenience for callers holding a short span)."""
    found = find_money(text)
    return found[0].money if found else None
