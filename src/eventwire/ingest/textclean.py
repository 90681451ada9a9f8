"""Turn a page's text (a plain-text export, or the body another reader extracted) into the story
alone, plus the metadata its furniture gave away.

Text exports of news pages carry debris around the story: tracker comments, "date ..." header
lines, section labels, the headline, a byline printed twice, standalone date lines, agency
credits and, after the story, teasers for unrelated stories. Extractors downstream treat every
sentence in ``Article.text`` as news, so each piece of debris is a potential false event (a teaser
about another country is the worst case); the debris is also the best evidence of title, author
and date, so it is read before it is dropped. The rules themselves live in ``data/ingest.yaml``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from eventwire.ingest.dates import (
    age,
    find_stamp,
    iso_date,
    label_after,
    match_date,
    month_number,
    parse_any_date,
    parse_date_line,
    stamp_rest,
    strip_label,
    unglue_label,
)
from eventwire.ingest.rules import Rules, load_rules

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"'”’]?$")
_SENT_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LAST_TOKEN = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")
_DATELINE_AGENCY = re.compile(r"^[A-Z][^\n(]{1,60}\((?P<agency>[A-Za-z][A-Za-z .&-]{1,30})\)\s*[-–—:]")
_TIME_PREFIX = re.compile(r"^(?:T?\d{1,2}:\d{2}(?::\d{2})?\S*)?\s*")
_GLUED_OPEN = re.compile(r"(?<=[.!?,:;])(?=[“‘]\w)")  # 'Poland.“Through' -> 'Poland. “Through'
_GLUED_CLOSE = re.compile(r"(?<=[.!?,…][”’])(?=[“\"]?[A-Z])")  # 'day.”To' -> 'day.” To'
_GLUED_STRAIGHT = re.compile(r'(?<=[.!?,])"(?=[A-Z])')
_MAX_FURNITURE = 320  # page furniture is short; longer lines skip those checks
_MAX_DEBRIS_LINE = 2000  # tracker comments sit on short lines; long lines skip the lazy patterns


@dataclass
class Cleaned:
    """The story and what the text said about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    dateline_place: str | None = None
    caption_dates: list[str] = field(default_factory=list)  # full dates of the dropped captions


def normalise_text(text: str) -> str:
    """Unicode NFC, one kind of newline and space, no invisible characters.

    Done before anything else so the rules (and the article id) see one spelling of the text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    if _ENTITY.search(text):
        text = html.unescape(text)  # CMS exports and scraper JSON often keep &amp; and &#8217;
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    # drop control characters other than newline and tab (SGML residue like \x03)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", ln).rstrip() if ln.strip() else "" for ln in text.split("\n")]
    # keep a leading indent marker (one space) only where the source had indentation
    return "\n".join(lines)


def identity_text(text: str) -> str:
    """The form of the clean text an article id is computed from (whitespace-insensitive)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def unglue_quotes(para: str) -> str:
    """Put the missing space between a sentence's end and a quotation glued to it.

    Pages drop the space at a paragraph join ('... in southern Poland."Through the signing ...'):
    the tokenizer then reads '"Through' as one word, the sentence never ends and the quotation is
    never found. A curly mark says which side it belongs to; a straight one opens a quotation when
    an even number of straight marks come before it in the paragraph, and closes one otherwise. A
    paragraph opening with a closing mark (pages mix them up) opens a quotation.
    """
    if '"' not in para and "“" not in para and "”" not in para and "’" not in para and "‘" not in para:
        return para
    if para.startswith("”") and para[1:2].isalnum():
        para = "“" + para[1:]  # a quotation opened with the closing mark: nothing before it to close
    para = _GLUED_OPEN.sub(" ", para)
    para = _GLUED_CLOSE.sub(" ", para)
    if '"' in para:
        out: list[str] = []
        last = 0
        for m in _GLUED_STRAIGHT.finditer(para):
            opening = para.count('"', 0, m.start()) % 2 == 0
            out.append(para[last : m.start()])
            out.append(' "' if opening else '" ')
            last = m.end()
        out.append(para[last:])
        para = "".join(out)
    return para


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _strip_inline_debris(line: str, rules: Rules) -> str:
    if len(line) > _MAX_DEBRIS_LINE:
        return line.rstrip()
    for pat in rules.inline_debris:
        line = pat.sub("", line)
    return line.rstrip()


def _is_drop_line(line: str, rules: Rules) -> bool:
    return len(line) <= _MAX_FURNITURE and rules.drop_line.search(line) is not None


def _is_section_label(line: str, rules: Rules) -> bool:
    if len(line) > 40:
        return False
    s = line.strip().strip(":|»>›·•").strip().lower()
    return bool(s) and s in rules.section_labels


def tidy_name(name: str) -> str:
    """Title-case a name printed in capitals ("JARA CARBALLO" -> "Jara Carballo")."""
    name = " ".join(name.split()).strip(" ,;:-–—")
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        rules = load_rules()
        parts = []
        for w in name.split(" "):
            lw = w.lower()
            parts.append(lw if lw in rules.name_particles else w.capitalize())
        name = " ".join(parts)
        # O'BRIEN -> O'Brien, AL-SAYED -> Al-Sayed
        name = re.sub(r"(?<=['’-])([a-z])", lambda m: m.group(1).upper(), name)
    return name


def _looks_like_name(chunk: str, rules: Rules) -> bool:
    words = chunk.split()
    if not 1 <= len(words) <= 6:
        return False
    caps = 0
    for w in words:
        lw = w.lower().strip(".,")
        if lw in rules.byline_role_words:
            return False
        if w[0].isupper():
            caps += 1
        elif lw not in rules.name_particles:
            return False
    return caps >= 1 and not any(ch.isdigit() for ch in chunk)


_BYLINE_CUT = re.compile(r"\s*(?:[|;(\[]|\s[-–—]\s)\s*")
_BYLINE_PLACE = re.compile(r"\s+(?:in|at|for|from)\s+(?=[A-Z])")
_SOURCE_PREFIX = re.compile(r"^\s*\([^()]{2,40}\)\s*(?=by\s)", re.I)
_LOWER_BY = re.compile(r"^\s*by\s+[A-Z]")  # "by JAN EXAMPLE, Example Press": a header, not a wrapped line
_NAME_CHARS = re.compile(r"[^\W\d_][\w.'’ -]*")
_BYLINE_AND = re.compile(r"\s+(?:and|&)\s+")


def _trim_roles(chunk: str, rules: Rules) -> str:
    """'Ana Example Political Correspondent' -> 'Ana Example'; 'Staff Writer Ana Example' too."""
    words = chunk.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in rules.byline_role_words:
        words.pop()
    while len(words) > 2 and words[0].lower().strip(".,") in rules.byline_role_words:
        words.pop(0)  # "Sportswriter Ana Example"
    return " ".join(words)


@dataclass(frozen=True)
class Byline:
    """What a byline line says: the writer(s), or an outlet, or only a role ("By Staff Reporter")."""

    author: str | None = None
    outlet: str | None = None


def _role_only(chunk: str, rules: Rules) -> bool:
    words = [w.lower().strip(".,") for w in chunk.split()]
    return bool(words) and all(w in rules.byline_role_words or w in rules.byline_outlet_words for w in words)


def _outlet_name(chunk: str, rules: Rules) -> str | None:
    """'Example News Agency' -> itself: a capitalised name ending in an outlet word is no person."""
    words = chunk.split()
    if len(words) < 2 or words[-1].lower().strip(".,") not in rules.byline_outlet_words:
        return None
    if not all(w[0].isupper() or w.lower() in rules.name_particles for w in words):
        return None
    return " ".join(words).strip(" ,.")


def read_byline(line: str, rules: Rules | None = None) -> Byline | None:
    """The byline a line is, or None when the line is not a byline.

    "By contrast, ..." must not become an author, so the name is checked word by word; a byline
    naming an outlet ("By Example News Agency") gives the publisher, and one naming only a role
    ("By Staff Reporter", "By Staff, Agencies") is still a byline, to drop, with no author.
    """
    rules = rules or load_rules()
    line = _SOURCE_PREFIX.sub("", line, count=1)  # "(Example Wire) By Ana Example"
    if len(line) > 160 or not (line.lstrip()[:1].isupper() or _LOWER_BY.match(line)):
        return None  # "by the ministry ..." continuing a wrapped sentence is not a byline
    for pat in rules.bylines:
        m = pat.match(line)
        if not m:
            continue
        raw = _BYLINE_CUT.split(m.group("name"))[0]
        raw = _BYLINE_PLACE.split(raw)[0]  # "Ana Example in Ankara"
        raw = _BYLINE_AND.sub(", ", raw.strip().rstrip("."))
        chunks = [c.strip() for c in raw.split(",") if c.strip()]
        if not chunks:
            return None
        outlet = _outlet_name(chunks[0], rules)
        if outlet:
            return Byline(outlet=outlet)
        if all(_role_only(c, rules) for c in chunks):
            return Byline()
        names = [_trim_roles(c, rules) for c in chunks]
        if not _looks_like_name(names[0], rules):
            return None
        # after the first name, a one-word chunk is an outlet ("..., CNN"), not a person
        kept = [names[0]] + [
            c
            for c in names[1:]
            if len(c.split()) >= 2 and _looks_like_name(c, rules) and not _outlet_name(c, rules)
        ]
        author = ", ".join(tidy_name(n) for n in kept) if len(kept) > 1 else tidy_name(kept[0])
        return Byline(author=author)
    return None


def parse_byline(line: str, rules: Rules | None = None) -> str | None:
    """The author named by a byline line, or None when the line names no writer."""
    byl = read_byline(line, rules)
    return byl.author if byl else None


def _is_byline(line: str, rules: Rules) -> bool:
    return read_byline(line, rules) is not None


def bare_byline(line: str, rules: Rules | None = None) -> str | None:
    """The writer of a byline printed without "By": "Ana Example Reuters" (a name and an agency).

    Only a header line after the headline is read so: a headline may end in an outlet's name.
    """
    rules = rules or load_rules()
    words = line.split()
    if not 3 <= len(words) <= 6 or len(line) > 60:
        return None
    for n_agency in (2, 1):
        agency = " ".join(words[-n_agency:]).lower().strip(".,")
        name = words[:-n_agency]
        if agency in rules.wire_agencies and 2 <= len(name) <= 4:
            chunk = " ".join(name).rstrip("|-–—")
            if _NAME_CHARS.fullmatch(chunk) and _looks_like_name(chunk, rules) and name[-1][0].isupper():
                return tidy_name(chunk)
    return None


@dataclass(frozen=True)
class Stamp:
    """A header line that dates the page: the date and whoever the line names with it."""

    date: str
    author: str | None = None
    outlet: str | None = None
    labelled: bool = False  # a label or byline says it is the page's stamp, not a timeline heading


_PREFIX_SEP = re.compile(r"\s*[,|·•]|\s+[-–—]\s")
_MAX_PREFIX_WORDS = 4


def _name_prefix(before: str, rest: str, rules: Rules) -> bool:
    """An outlet or a place printed before the date ("Example Online , Tuesday 3 Mar 2020",
    "Tokyo, March 3, 2025"): a few capitalised words, set off from the date by a separator."""
    words = before.split()
    if not 1 <= len(words) <= _MAX_PREFIX_WORDS or len(before) > 40 or not _NAME_CHARS.fullmatch(before):
        return False
    if not all(w[0].isupper() or w.lower() in rules.name_particles for w in words):
        return False
    return bool(_PREFIX_SEP.match(rest))


def read_stamp(line: str, rules: Rules | None = None) -> Stamp | None:
    """The date a header line gives, with a byline, outlet, place, label or time around it.

    "By Staff Reporter | Updated 2025-03-03 10:00 GMT", "By ANA EXAMPLEUpdated: FEBRUARY 20, 2018",
    "Example Online , Tuesday 3 Mar 2020", "Tokyo, March 3, 2025", "Updated 10:32 AM ET, Tue March
    3, 2025". Anything else before the date ("The summit on March 3, 2025") makes it no stamp: a
    wrong publication date shifts every relative date in the story, so only these shapes count.
    """
    if len(line) > 160 or not any(c.isdigit() for c in line):
        return None
    rules = rules or load_rules()
    line = unglue_label(line.strip())  # "By ANA EXAMPLEUpdated: ..."
    found = find_stamp(line)
    if not found:
        return None
    value, before, after = found
    by_after = None
    if not stamp_rest(after):
        # "Posted on March 3, 2025 by Ana Example"
        m = re.match(r"\s*(?:[,|·•-]\s*)?(by\s.+)$", after, re.I)
        by_after = read_byline(m.group(1)[0].upper() + m.group(1)[1:], rules) if m else None
        if by_after is None:
            return None
        if not before or strip_label(before) != before and not strip_label(before).strip():
            return Stamp(value, author=by_after.author, outlet=by_after.outlet, labelled=True)
        return None
    if not before:
        return Stamp(value, labelled=strip_label(line) != line)
    # "Updated 10:32 AM ET" or "18:33," before the date: a label and a time
    unlabelled = strip_label(before)
    if not unlabelled or stamp_rest(unlabelled):
        return Stamp(value, labelled=unlabelled != before)
    byl = read_byline(before, rules)
    if byl is not None:
        return Stamp(value, author=byl.author, outlet=byl.outlet, labelled=True)
    # "Ana Example Published September 19, 2022", "Ana Example 10 seconds ago Thu 10th September 2020":
    # a writer's name, then the label or the page's age
    ago = re.search(r"\s+(?:\d+|an?|one)\s+\S+\s+ago\s*$", before, re.I)
    if ago and age().match(before[ago.start() :]):
        before = before[: ago.start()]
    else:
        ago = None
    if ago or label_after(line[len(before) :]):
        name = _trim_roles(before, rules)
        if 2 <= len(name.split()) <= 4 and _looks_like_name(name, rules) and _NAME_CHARS.fullmatch(name):
            if not _outlet_name(name, rules) and name.split()[-1].lower() not in rules.wire_agencies:
                return Stamp(value, author=tidy_name(name), labelled=True)
    if _name_prefix(before, line[len(before) :], rules):
        rest = line[len(before) :].lstrip(" ,|·•-–—")
        return Stamp(value, labelled=strip_label(rest) != rest)
    return None


def _is_widget_line(line: str, rules: Rules) -> bool:
    """An icon font's word list ("bookmarkicon cameraicon chevron downicon ..."): no text at all."""
    low = line.lower()
    if not any(suf in low for suf in rules.widget_word_suffixes):
        return False
    words = low.split()
    hits = sum(1 for w in words if w.endswith(rules.widget_word_suffixes))
    if hits and hits == len(words) and line == low:
        return True  # a lone icon name left over ("bookmarkicon"); text words are not all lower-case icons
    return hits >= 4 and hits >= 0.3 * len(words)


def _parse_agency(line: str, rules: Rules) -> str | None:
    if len(line) > 100:
        return None
    for pat in rules.agencies:
        m = pat.match(line)
        if m:
            agency = m.group("agency").strip().rstrip(".")
            if agency.lower() == "reuter":
                agency = "Reuters"
            return agency
    return None


def _header_key(line: str, rules: Rules) -> tuple[str, str] | None:
    m = rules.header_key_re.match(line)
    if not m:
        return None
    key = m.group("key").lower()
    fld = rules.header_keys[key]
    sep = line[m.end("key") : m.start("value")]
    if fld != "date" and ":" not in sep:
        return None  # "Source close to the talks said ..." is prose, not a header
    return fld, m.group("value").strip()


def _is_teaser_heading(line: str, rules: Rules) -> bool:
    return len(line) <= 60 and bool(rules.teaser_heading.match(line))


def _dateline(text: str, rules: Rules, probe: str | None = None) -> re.Match[str] | None:
    """The dateline pattern opening ``text``; a kicker ("BREAKING:", "UPDATE -") is no place."""
    for pat in rules.datelines:
        m = pat.match(probe if probe is not None else text)
        if m is None:
            continue
        place = (m.groupdict().get("place") or "").strip().lower()
        if place and place in rules.section_labels:
            continue
        return m
    return None


def _is_body_line(line: str, rules: Rules) -> bool:
    """Prose that starts the story (as opposed to a headline, tag or label)."""
    n = len(_words(line))
    if n >= 15:
        return True
    if _SENT_END.search(line):
        # a short question or exclamation on its own is a headline ("What now for X?")
        return n >= (12 if line.rstrip("\"'”’»)]").endswith(("?", "!")) else 5)
    return n >= 6 and _dateline(line, rules) is not None


def _long_headline(line: str) -> bool:
    """A headline of 15 to 25 words with no full stop, first in the header ("X Arrives in Y To
    Take Part in the 32nd Round of Z"): long for a headline, short and unfinished for a lead."""
    return 15 <= len(_words(line)) <= _MAX_HEADLINE_WORDS and not _TERMINAL.search(line)


_MAX_HEADLINE_WORDS = 25


def _headline_before_byline(line: str, lines: list[str], i: int, rules: Rules) -> bool:
    """A long headline with no full stop, printed right before a byline or a date stamp."""
    if len(line) > 200 or _SENT_END.search(line):
        return False
    nxt = next((ln.strip() for ln in lines[i + 1 : i + 3] if ln.strip()), "")
    return bool(nxt) and (read_byline(nxt, rules) is not None or read_stamp(nxt, rules) is not None)


def _is_furniture(line: str, rules: Rules, continuing: bool = False) -> bool:
    """A line that never continues the paragraph before it. In hard-wrapped copy whose last line
    did not end a sentence, only lines that are furniture as a whole count: a wrapped line may end
    in what a date or drop rule reads at a line's end ("... with 48,000 shares")."""
    s = line.strip()
    if len(s) > _MAX_FURNITURE:
        return _is_widget_line(s, rules)
    return (
        _is_section_label(s, rules)
        or _is_teaser_heading(s, rules)
        or (not continuing and parse_date_line(s) is not None)
        or parse_byline(s, rules) is not None
        or _parse_agency(s, rules) is not None
        or (not continuing and _is_drop_line(s, rules))
    )


def _ends_with_abbrev(line: str, rules: Rules) -> bool:
    """True when the final period belongs to an abbreviation ("U.S.", "Mr."), not a sentence end."""
    m = _LAST_TOKEN.search(line)
    if not m:
        return False
    last = m.group(1)
    return bool(_INITIALS.fullmatch(last)) or last.lower() in rules.abbreviations


def unwrap(lines: list[str], rules: Rules | None = None) -> list[str]:
    """Join hard-wrapped lines into paragraphs; blank lines and indents start new ones.

    Wire copy is wrapped at ~70 columns with indented paragraphs; spaCy splits sentences at every
    newline, so leaving the wrap in place cuts sentences (and events) in half.
    """
    rules = rules or load_rules()
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    if not lengths:
        return []
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    hard_wrapped = len(lengths) >= 3 and width <= 100
    paras: list[str] = []
    cur: str | None = None
    cur_last = ""  # the last physical line of the current paragraph
    cur_furniture = False
    for ln in lines:
        if not ln.strip():
            if cur is not None:
                paras.append(cur)
            cur = None
            continue
        indented = ln.startswith((" ", "\t"))
        s = ln.strip()
        nxt_lower = s[0].islower()
        furniture = False
        if not nxt_lower:
            # "...signed in\nJanuary 1986." : in wrapped copy a date can finish a sentence
            continuing = cur is not None and hard_wrapped and not _TERMINAL.search(cur_last)
            furniture = _is_furniture(s, rules, continuing=continuing)
        else:
            furniture = _is_widget_line(s, rules)
        join = False
        if cur is not None and not indented and not furniture and not cur_furniture:
            prev = cur_last
            prev_caps = all(not c.isalpha() or c.isupper() for c in prev) and any(c.isalpha() for c in prev)
            # in wire copy wrapped at ~70 columns any unfinished line continues; in one-paragraph-
            # per-line text only a long unfinished line does (a short one is a headline)
            wrapped = hard_wrapped or len(prev) >= 0.6 * width
            if nxt_lower:
                join = True
            elif (
                wrapped
                and not prev_caps
                and (
                    not _TERMINAL.search(prev)
                    or _ends_with_abbrev(prev, rules)
                    or (hard_wrapped and _ELLIPSIS_END.search(prev))  # 'that: "The ...\nStrategy to'
                )
            ):
                join = True
        if join and cur is not None:
            if cur.endswith("-") and len(cur) > 1 and cur[-2].isalpha() and s[0].islower():
                cur = cur + s  # re-join a word hyphenated at the wrap? keep the hyphen
            else:
                cur = cur + " " + s
        else:
            if cur is not None:
                paras.append(cur)
            cur = s
        cur_last = s
        cur_furniture = furniture
    if cur is not None:
        paras.append(cur)
    return paras


def _same(a: str, b: str) -> bool:
    return identity_text(a).casefold().strip(" .") == identity_text(b).casefold().strip(" .")


def _is_title_line(line: str, title: str) -> bool:
    """The headline as printed on the page, against the title from metadata, which often carries
    the site name ("Envoy recalled | The Daily Example") or is cut short."""
    if _same(line, title):
        return True
    a = identity_text(line).casefold().strip(" .")
    b = identity_text(title).casefold().strip(" .")
    if min(len(a), len(b)) < 12 or len(a) > 1.5 * len(b):
        return False  # a sentence that merely contains the headline's words is story
    if a in b or b in a:
        return True
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= 90


def _dateline_date(para: str, rules: Rules) -> tuple[str | None, int | None, int | None, int | None]:
    """(place, month, day, year) from a dateline opening the paragraph, or Nones."""
    for pat in rules.datelines:
        m = pat.match(para)
        if not m or (m.groupdict().get("place") or "").strip().lower() in rules.section_labels:
            continue
        gd = m.groupdict()
        place = (gd.get("place") or "").strip() or None
        month = month_number(gd["month"]) if gd.get("month") else None
        if gd.get("month") and month is None:
            continue  # "Paris, Texas -" is not a date
        day = int(gd["day"]) if gd.get("day") else None
        year = int(gd["year"]) if gd.get("year") else None
        return place, month, day, year
    return None, None, None, None


def _is_bare_dateline(para: str, rules: Rules) -> bool:
    probe = para.rstrip() + " "
    for pat in rules.datelines:
        m = pat.match(probe)
        if m is not None and m.end() >= len(probe):
            return (m.groupdict().get("place") or "").strip().lower() not in rules.section_labels
    return False


def _agency_in_dateline(para: str) -> str | None:
    m = _DATELINE_AGENCY.match(para)
    return m.group("agency").strip() if m else None


def _pick_title(
    candidates: list[str], seq: list[str], out: Cleaned, name_lines: set[str], find_title: bool
) -> list[str]:
    """Choose the headline among the short header lines; return the standfirst lines to keep.

    The headline is the line printed right before the byline or date, else the first line that
    reads like a headline rather than a tag or a name. Lines after it are story (a standfirst, or
    the first rows of a table); lines before it are kickers and tags. When the source already
    named a title that is not among these lines, they are all story.
    """
    struct: list[bool] = []  # per candidate: is the next non-name header line a byline or date?
    order = list(seq)
    ci = 0
    for pos, kind in enumerate(order):
        if kind != "cand":
            continue
        nxt = None
        cj = ci + 1
        for later in order[pos + 1 :]:
            if later == "cand":
                cand = candidates[cj]
                cj += 1
                if (out.author and _same(cand, out.author)) or cand.casefold() in name_lines:
                    continue  # a name line ("JANE DOE") before "By JANE DOE"
                nxt = "cand"
                break
            nxt = later
            break
        struct.append(nxt in ("byline", "date"))
        ci += 1
    keep = [
        (c, st)
        for c, st in zip(candidates, struct, strict=True)
        if not ((out.author and _same(c, out.author)) or c.casefold() in name_lines)
    ]
    if not keep:
        return []
    title_idx = None
    if out.title:
        title_idx = next((k for k, (c, _) in enumerate(keep) if _is_title_line(c, out.title)), None)
    if title_idx is None:
        if out.title or not find_title:
            return [c for c, _ in keep]  # the source named the title: these lines are story
        marked = [k for k, (c, st) in enumerate(keep) if st and _headline_words(c) >= _MIN_TITLE_WORDS - 1]
        fit = [k for k, (c, _) in enumerate(keep) if _headline_words(c) >= _MIN_TITLE_WORDS]
        plain = [k for k in fit if not _tag_like(keep[k][0])]
        if marked or fit:
            title_idx = marked[-1] if marked else (plain[0] if plain else fit[0])
            out.title = keep[title_idx][0].strip()
        else:
            # only labels, place names and widgets ("Paris", "+ - 16 px"): no headline, no story
            return []
    return [c for k, (c, _) in enumerate(keep) if k > title_idx]


_MIN_TITLE_WORDS = 3  # a headline printed right before its byline or date may have one less


def _headline_words(line: str) -> int:
    """Words and scores in a line that may be a headline ("Newcastle 2-1 Bolton", "Blackburn v
    Burnley"); 0 for a line that cannot be one: a navigation link ("Accessibility links"), a lone
    place name, a widget ("+ - 16 px"), a line that starts in lower case."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    if (
        first[:1].isalpha() and first.islower()
    ):  # "home to X in the final" (but "iTunes now sells X" is a headline)
        return 0
    words = _words(line)
    if sum(1 for w in words if len(w) >= 2) < 2:
        return 0
    return len(words) + len(_SCORE.findall(line))


_SCORE = re.compile(r"(?<!\S)\d[\d.,:-]*(?!\S)")


def _tag_like(line: str) -> bool:
    words = _words(line)
    return len(words) <= 8 and not any(w[0].islower() for w in words)


_ROW_SEP = re.compile(r"\s+[|·•]\s+")


def _split_header_rows(lines: list[str], rules: Rules) -> list[str]:
    """'By Ana Example | Published: 2024-03-04 | World' -> one line per field (top lines only)."""
    out: list[str] = []
    for k, line in enumerate(lines):
        if k < rules.limits["header_lines"] and len(line) <= 200 and _ROW_SEP.search(line):
            parts = [p.strip() for p in _ROW_SEP.split(line) if p.strip()]
            if len(parts) > 1 and all(
                _header_key(p, rules)
                or parse_byline(p, rules)
                or parse_date_line(p)
                or _is_section_label(p, rules)
                or _is_drop_line(p, rules)
                for p in parts
            ):
                out.extend(parts)
                continue
        out.append(line)
    return out


_STANDFIRST_PARAS = 3  # paragraphs a standfirst may take before the byline and stamp


def _take_byline(out: Cleaned, author: str | None, outlet: str | None, name_lines: set[str]) -> None:
    if author:
        out.author = out.author or author
        name_lines.add(author.casefold())
    if outlet:
        out.publisher = out.publisher or outlet


_CAPTION_DATE = re.compile(r",\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4})\.?\s*$")


def _caption_date(caption: str) -> str | None:
    """The full date a photo caption ends with ("... in Kyiv, Ukraine, March 21, 2023."), as an
    ISO day: when the photo was taken, usually the day of the story's events."""
    m = _CAPTION_DATE.search(caption)
    if not m:
        return None
    d = parse_any_date(m.group(1))
    return d if d and len(d) == 10 else None


def _drop_repeated(paras: list[str], rules: Rules, dropped: list[str] | None = None) -> list[str]:
    """A paragraph printed twice in a row is a picture's alt text and caption (both dropped when
    it reads like a caption, and kept in ``dropped``) or a repeat (printed once)."""
    out: list[str] = []
    k = 0
    while k < len(paras):
        p = paras[k]
        if k + 1 < len(paras) and paras[k + 1] == p:
            n = 2
            while k + n < len(paras) and paras[k + n] == p:
                n += 1
            if not rules.caption_cue.search(p):
                out.append(p)
            elif dropped is not None:
                dropped.append(p)
            k += n
            continue
        out.append(p)
        k += 1
    return out


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    author: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    find_title: bool = True,
) -> Cleaned:
    """Separate the story from its furniture; known metadata (from JSON/HTML) takes precedence.

    ``find_title`` is False when the source already told us the title, so a short first line of
    the body is not mistaken for one.
    """
    rules = load_rules()
    out = Cleaned(text="", title=title, author=author, published=published, publisher=publisher)
    text = normalise_text(raw)
    # unwrap first: in hard-wrapped copy the first physical line is half a sentence, not a headline
    lines = unwrap([_strip_inline_debris(ln, rules) for ln in text.split("\n")], rules)
    lines = _split_header_rows(lines, rules)

    # ---- header: key lines, labels, headline, bylines, date lines, up to the first prose line
    year_hints: list[str] = []
    header_dates: list[str] = []
    candidates: list[str] = []
    seq: list[str] = []  # kinds of the header lines in order: cand | byline | date
    name_lines: set[str] = set()
    body_start = 0
    seen = 0
    found_body = False
    i = 0
    header_limit = rules.limits["header_lines"]
    while i < len(lines) and seen < header_limit:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        seen += 1
        st = read_stamp(line, rules)
        if st:
            header_dates.append(st.date)
            _take_byline(out, st.author, st.outlet, name_lines)
            seq.append("date")
            i += 1
            continue
        hk = _header_key(line, rules)
        if hk:
            fld, value = hk
            if fld == "date":
                found = match_date(value)
                if found:
                    header_dates.append(found[0])
                    seq.append("date")
                    rest = value[found[1] :]
                    rest = _TIME_PREFIX.sub("", rest).strip()
                    if rest:
                        lines[i] = rest  # the story starts on the same line
                        continue
                    i += 1
                    continue
            elif fld == "author":
                name = parse_byline("By " + value, rules)
                if name:
                    out.author = out.author or name
                    i += 1
                    continue
            elif fld == "title":
                out.title = out.title or value
                i += 1
                continue
            elif fld == "url" and re.match(r"https?://\S+$", value):
                out.url = value
                i += 1
                continue
            elif fld == "publisher":
                out.publisher = out.publisher or value.rstrip(".")
                i += 1
                continue
            elif fld == "language" and re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z]{2})?", value):
                out.language = value[:2].lower()
                i += 1
                continue
        byl = read_byline(line, rules)
        bare = bare_byline(line, rules) if candidates and not byl else None
        if byl or bare or (_role_only(line, rules) and len(line.split()) >= 2):
            _take_byline(out, bare or (byl.author if byl else None), byl.outlet if byl else None, name_lines)
            seq.append("byline")
            i += 1
            continue
        if _is_section_label(line, rules) or _is_drop_line(line, rules) or _is_widget_line(line, rules):
            i += 1
            continue
        headline = _headline_before_byline(line, lines, i, rules) or (
            _long_headline(line) and not any(_headline_words(c) >= _MIN_TITLE_WORDS for c in candidates)
        )
        if (_is_body_line(line, rules) and not headline) or (
            len(line) <= 80 and _is_bare_dateline(line, rules)
        ):
            found_body = True
            break
        candidates.append(line)
        seq.append("cand")
        i += 1
    if found_body:
        body_start = i
    else:
        # no story start near the top: keep the lines as story, learn only the dates and bylines
        first = candidates[0] if candidates else None
        body_start = next((k for k in range(len(lines)) if first and lines[k].strip() == first), i)
        candidates, seq = [], []
    lead_in = _pick_title(candidates, seq, out, name_lines, find_title)
    lines[body_start:body_start] = lead_in

    # ---- body: unwrap, then drop furniture and cut teaser blocks
    paras = lines[body_start:]
    body: list[str] = []
    footer_dates: list[str] = []
    # bare date lines after the story started: a footer stamp if nothing follows, else a
    # timeline subheading that dates the paragraphs under it (kept)
    pending: list[tuple[str, str]] = []
    for para in paras:
        s = para.strip()
        if _is_teaser_heading(s, rules) and body:
            # everything after is other stories; their dates may still hint at the year
            idx = paras.index(para)
            for rest in paras[idx + 1 :]:
                dd = parse_date_line(rest)
                if dd:
                    year_hints.append(dd)
            break
        if out.title and not body and len(s) < 300 and _is_title_line(s, out.title):
            continue
        ag = _parse_agency(s, rules)
        if ag:
            out.publisher = out.publisher or ag
            continue
        dd = parse_date_line(s)
        if dd:
            if body and strip_label(s.lstrip("|·•-–— ")) == s.lstrip("|·•-–— "):
                pending.append((s, dd))
            else:
                footer_dates.append(dd)
            continue
        byl = read_byline(s, rules) if len(s) < 100 else None
        if byl:
            _take_byline(out, byl.author, byl.outlet, name_lines)
            continue
        st = read_stamp(s, rules) if len(s) <= 160 else None
        if st and (st.labelled or not body):
            # a byline or labelled stamp under the standfirst dates the page like a header line
            (header_dates if len(body) <= _STANDFIRST_PARAS else footer_dates).append(st.date)
            _take_byline(out, st.author, st.outlet, name_lines)
            continue
        if _is_widget_line(s, rules):
            continue
        if (out.author and len(s) < 60 and _same(s, out.author)) or s.casefold() in name_lines:
            continue
        if _is_drop_line(s, rules):
            if body and len(body[-1]) >= 20 and s.startswith(body[-1]) and not pending:
                body.pop()  # a picture's alt text printed right before its credited caption
            continue
        if not body and _is_section_label(s, rules):
            continue
        body.extend(line for line, _ in pending)
        pending = []
        body.append(s)
    footer_dates.extend(d for _, d in pending)
    captions: list[str] = []
    body = _drop_repeated(body, rules, captions)
    out.caption_dates = [d for d in (_caption_date(c) for c in captions) if d]

    # a dateline printed on its own line ("HAVANA (AP) --") opens the first paragraph
    if len(body) > 1 and len(body[0]) <= 80 and _is_bare_dateline(body[0], rules):
        body[0:2] = [f"{body[0]} {body[1]}"]

    # ---- date: metadata > header date > dateline (year from a full date nearby) > footer date
    if body:
        place, month, day, year = _dateline_date(body[0], rules)
        out.dateline_place = place
        if out.publisher is None:
            ag = _agency_in_dateline(body[0])
            if ag and ag.lower() not in ("updated", "ap photo"):
                out.publisher = ag
        if out.published is None and month and day:
            full = header_dates + footer_dates + year_hints
            if year is None and full:
                ref = full[0]
                year = int(ref[:4])
                if len(ref) >= 7 and month - int(ref[5:7]) > 6:
                    year -= 1  # a December dateline on a January page
            if year is not None:
                out.published = iso_date(year, month, day)
    if out.published is None:
        if header_dates:
            out.published = header_dates[0]
        elif footer_dates:
            out.published = footer_dates[0]
    out.text = "\n\n".join(unglue_quotes(p) for p in body)
    return out
