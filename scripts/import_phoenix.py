#!/usr/bin/env python3
"""Import PETRARCH2's Phoenix actor dictionaries as eventwire's dated world knowledge.

Run by hand when the dictionaries change (never at run time):

    .venv/bin/python scripts/import_phoenix.py /work/shared/knowledge/phoenix \\
        src/eventwire/data/world/phoenix.json.gz

Reads the four dictionaries (Countries, International, MilNonState actors; agents), turns their
TABARI-format entries into people with dated affiliations, organisations, armed groups, places and
role words, and writes one sorted, byte-stable gzipped JSON file (format: docs/world-knowledge.md).
How the codes are read lives in scripts/phoenix_codes.yaml next to this script.

Nothing is dropped silently: every line the importer cannot read, and every entry or code it
leaves out, is listed on stderr with its file and line number, and counted in the summary.

Needs only the standard library, pycountry and PyYAML (both eventwire dependencies).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import yaml

HERE = Path(__file__).resolve().parent
SOURCE = (
    "PETRARCH2 Phoenix dictionaries, github.com/openeventdata/petrarch2 commit "
    "676801cd9cb2924bbbad09f86d15c9323e7097bf, folder petrarch2/data/dictionaries/ "
    "(Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, "
    "Phoenix.MilNonState.actors.txt, Phoenix.agents.txt); people from CountryInfo.140130.txt "
    "(to January 2014)"
)
FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "groups": "Phoenix.MilNonState.actors.txt",
}
AGENTS_FILE = "Phoenix.agents.txt"
FORMAT_VERSION = 1
# an affiliation is written as an array of these, in this order (the file names them too)
AFFILIATION_FIELDS = ("code", "kind", "country", "sector", "start", "end", "office")

# YYMMDD years up to this are 20YY, later ones 19YY: PETRARCH's own rule (dstr_to_ordate).
CENTURY_PIVOT = 30
# characters the dictionaries use where a letter was lost in an earlier conversion
LOST = ("\x1a", "\ufffd")

# Name casing: words written lower case inside a name (never as its first word) ...
PARTICLES = frozenset(
    "al el ul ud bin bint ibn de da di do dos das du del della der den van von zu af av".split()
)
AFTER_DE = frozenset("la las los".split())  # de la Rua, but Le Pen and La Fontaine keep capitals
IN_COMPOUND = frozenset("e i y an".split())  # Jaish-e-Mohammad, Mazar-i-Sharif, Halle-an-der
# ... function words that stay lower case in organisation names ...
FUNCTION_WORDS = frozenset("of the and for in on to at by with against from as or an a des et".split())
# ... and the few that do in people's names and titles (Secretary of Defense; not An, In, To).
PERSON_FUNCTION_WORDS = frozenset("of the and for".split())
ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX)$")
VOWELS = frozenset("AEIOUY")
MAC_NEXT = frozenset("DFGLMNPQ")  # MacDonald, MacMillan ... but Machado, Macedo, Macky, Mack

CODE_RE = re.compile(r"^(?P<code>[A-Z0-9]+|-+)(?:\s+(?P<restr>.*?))?$")
BEFORE_AFTER_RE = re.compile(r"^(?P<op>[<>])\s*(?P<date>\d+)$")
INTERVAL_RE = re.compile(r"^(?P<start>\d+)\s*-\s*(?P<end>\d+)$")
BRACKET_RE = re.compile(r"\[([^\]]*)\]")
CHUNK_RE = re.compile(r"[A-Z]{3}|\d{3}")


# ------------------------------------------------------------------------------------------------
# problems: everything left out or repaired is reported


@dataclass
class Report:
    """What the importer could not read or chose to leave out, with where it was."""

    problems: list[tuple[str, int, str, str]] = field(default_factory=list)
    warnings: list[tuple[str, int, str, str]] = field(default_factory=list)
    notes: collections.Counter[str] = field(default_factory=collections.Counter)

    def skip(self, file: str, line: int, reason: str, text: str = "") -> None:
        """Record something left out of the output, with its reason."""
        self.problems.append((file, line, reason, text.strip()[:100]))

    def warn(self, file: str, line: int, what: str, text: str = "") -> None:
        """Record something kept but read in a doubtful way (listed like a skip, counted apart)."""
        self.warnings.append((file, line, what, text.strip()[:100]))

    def note(self, what: str, n: int = 1) -> None:
        """Count something read in a non-obvious way (shown in the summary, not per line)."""
        self.notes[what] += n

    def reasons(self) -> collections.Counter[str]:
        """Problems counted by kind (quoted text and dates left out: "date '…' is neither ...")."""
        return collections.Counter(
            re.sub(r"\d{4}-\d{2}-\d{2}", "…", re.sub(r"'[^']*'", "'…'", reason))
            for _, _, reason, _ in self.problems
        )


# ------------------------------------------------------------------------------------------------
# the code table (phoenix_codes.yaml)


@dataclass(frozen=True)
class CodeTable:
    """How to read the parts of a CAMEO actor code; built from phoenix_codes.yaml and pycountry."""

    iso: frozenset[str]
    state_aliases: dict[str, str]
    historic: frozenset[str]
    other_states: frozenset[str]
    unrecognised: frozenset[str]
    international: dict[str, str]
    regions: frozenset[str]
    placeholders: frozenset[str]
    fictional: frozenset[str]
    sectors: frozenset[str]
    armed_sectors: frozenset[str]
    no_particles: frozenset[str]
    offices: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> CodeTable:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        iso = frozenset(c.alpha_3 for c in pycountry.countries)
        historic_iso = frozenset(c.alpha_3 for c in pycountry.historic_countries)
        table = cls(
            iso=iso,
            state_aliases={str(k): str(v) for k, v in raw["state_aliases"].items()},
            historic=frozenset(raw["historic_states"]),
            other_states=frozenset(raw["other_states"]),
            unrecognised=frozenset(raw["unrecognised"]),
            international={str(k): str(v) for k, v in raw["international"].items()},
            regions=frozenset(raw["regions"]),
            placeholders=frozenset(raw["placeholders"]),
            fictional=frozenset(raw["fictional"]),
            sectors=frozenset(raw["sectors"]),
            armed_sectors=frozenset(raw["armed_sectors"]),
            no_particles=frozenset(raw["names_without_particles"]),
            offices={str(k): str(v) for k, v in raw["offices"].items()},
        )
        table.check(historic_iso)
        return table

    def check(self, historic_iso: frozenset[str]) -> None:
        """Fail early when the YAML contradicts pycountry (a mapping onto a code nobody knows)."""
        for old, new in self.state_aliases.items():
            if old in self.iso:
                raise SystemExit(f"phoenix_codes.yaml: state_aliases: {old} is an ISO code already")
            if new not in self.iso | self.historic | self.other_states:
                raise SystemExit(f"phoenix_codes.yaml: state_aliases: {old} -> {new}: unknown code")
        for code in self.historic:
            if code not in historic_iso:
                raise SystemExit(f"phoenix_codes.yaml: historic_states: {code} is not in pycountry")

    def state(self, part: str) -> str | None:
        """The state code eventwire uses for a code's first part, or None if it names no state."""
        if part in self.state_aliases:
            return self.state_aliases[part]
        if (
            part in self.iso
            or part in self.historic
            or part in self.other_states
            or part in self.unrecognised
        ):
            return part
        return None

    def known_first(self, part: str) -> bool:
        return (
            self.state(part) is not None
            or part in self.international
            or part in self.regions
            or part in self.placeholders
            or part in self.sectors
        )


@dataclass(frozen=True)
class Reading:
    """One CAMEO code read: what kind of actor, which state (if any), in what capacity."""

    code: str  # as written: GBRGOV, IGOUNOKID
    kind: str  # domestic | igo | ngo | company | armed_group | region | none
    country: str | None  # the state (for international bodies: their home state, NGOGBR...)
    sector: str | None  # the first sector part after the actor


def read_code(code: str, table: CodeTable) -> Reading | str:
    """Split a code into its parts, or say (as a string) why it cannot be read."""
    parts = CHUNK_RE.findall(code)
    if "".join(parts) != code or not parts or parts[0].isdigit():
        return f"code '{code}' is not made of three-letter parts"
    first, rest = parts[0], parts[1:]
    if first in table.fictional:
        return "fictional"
    if not table.known_first(first):
        return f"unknown first part '{first}' (not ISO, not in phoenix_codes.yaml)"
    sector = next((p for p in rest if p in table.sectors), None)
    state = table.state(first)
    if state is not None:
        return Reading(code, "domestic", state, sector)
    if first in table.international:
        home = rest[0] if rest and rest[0] not in table.sectors else None
        return Reading(code, table.international[first], table.state(home) if home else None, sector)
    if first in table.sectors:
        return Reading(code, "none", None, first)
    return Reading(code, "region" if first in table.regions else "none", None, sector)


# ------------------------------------------------------------------------------------------------
# dates


def parse_date(text: str) -> str:
    """YYMMDD or YYYYMMDD -> ISO date; ValueError with a reason otherwise.

    Digits of other lengths are read as PETRARCH's reader (dstr_to_ordate) reads them, since
    that is what the dictionaries meant to their users: up to seven digits, the first six as
    YYMMDD; more than seven, the first eight as YYYYMMDD. The importer warns about each.
    """
    if len(text) < 6:
        raise ValueError(f"date '{text}' is neither YYMMDD nor YYYYMMDD")
    if len(text) <= 7:
        yy = int(text[:2])
        year = 2000 + yy if yy <= CENTURY_PIVOT else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"date '{text}' is not a calendar date") from None


@dataclass(frozen=True)
class RawCode:
    """One bracketed code as written: [GBRGOV 970502-070627]  # comment."""

    code: str
    start: str | None
    end: str | None
    office: str | None
    line: int


def parse_bracket(content: str, line: int) -> RawCode | str:
    """The inside of one [...]: a code and an optional date restriction, or a reason it is unreadable."""
    m = CODE_RE.match(content.strip())
    if not m:
        return f"unreadable code '[{content}]'"
    code, restr = m.group("code"), (m.group("restr") or "").strip()
    if set(code) == {"-"}:
        return "null code [---] (codes nothing)"
    if not restr:
        return RawCode(code, None, None, None, line)
    try:
        if ba := BEFORE_AFTER_RE.match(restr):
            date = parse_date(ba.group("date"))
            return (
                RawCode(code, None, date, None, line)
                if ba.group("op") == "<"
                else RawCode(code, date, None, None, line)
            )
        if iv := INTERVAL_RE.match(restr):
            start, end = parse_date(iv.group("start")), parse_date(iv.group("end"))
            if end < start:
                return f"end {end} before start {start}"
            return RawCode(code, start, end, None, line)
    except ValueError as err:
        return str(err)
    return f"unreadable date restriction '{restr}'"


# ------------------------------------------------------------------------------------------------
# the block structure of a .actors file


@dataclass
class Entry:
    """One dictionary entry: its name line, '+' aliases and codes, as written.

    `shared` holds the name lines that followed a code-less name line directly and so share its
    codes (PETRARCH's reading): three spellings of one president, or three Syrian groups listed
    together. Whether they are one actor is decided once the entry is known to be a person.
    """

    file: str
    line: int
    name: str | None
    comment: str
    aliases: list[tuple[str, int]] = field(default_factory=list)
    codes: list[RawCode] = field(default_factory=list)
    coded: bool = False  # a [...] was seen, even one that could not be read ([---] is a code)
    shared: list[Entry] = field(default_factory=list)

    def flattened(self) -> Entry:
        """The entry with the names sharing its codes as aliases (one actor)."""
        aliases = list(self.aliases)
        for other in self.shared:
            aliases += [(other.name or "", other.line), *other.aliases]
        return Entry(self.file, self.line, self.name, self.comment, aliases, self.codes, self.coded)

    def split(self) -> list[Entry]:
        """The entry and each name sharing its codes as entries of their own (several actors)."""
        return [self] + [
            Entry(e.file, e.line, e.name, e.comment, e.aliases, self.codes, self.coded) for e in self.shared
        ]


def split_comment(raw: str) -> tuple[str, str]:
    text, _, comment = raw.partition("#")
    return text, comment.strip()


class ActorReader:
    """Reads a TABARI .actors file into entries, following PETRARCH2's reader where it is sound.

    A line starting with a letter opens an entry; '+' lines add aliases; lines indented by a tab
    holding [CODE DATES] add codes; '#' starts a comment. Like PETRARCH, a name line with no code
    directly followed (no blank line) by another name line shares its codes: the second becomes an
    alias of the first (three spellings of one president on three lines).
    """

    def __init__(self, file: str, table: CodeTable, report: Report) -> None:
        self.file, self.table, self.report = file, table, report
        self.entries: list[Entry] = []
        self.head: Entry | None = None  # the entry codes go to
        self.current: Entry | None = None  # the entry aliases go to (head, or a name sharing its codes)
        self.contiguous = False  # no blank or comment line since the current entry's last name or alias

    def read(self, lines: Iterable[str]) -> list[Entry]:
        for number, raw in enumerate(lines, 1):
            self.read_line(number, raw.rstrip("\n").rstrip("\r"))
        return self.entries

    def read_line(self, number: int, raw: str) -> None:
        text, comment = split_comment(raw)
        body = text.strip()
        if not body:
            self.read_blank(number, raw, comment)
        elif body.startswith("+"):
            self.read_aliases(number, body)
        elif body.startswith("[") and raw[:1].isspace():
            self.read_code_line(number, body, comment)
        else:
            if raw[:1].isspace():
                self.report.note("indented entry lines read as entries")
            self.open_entry(number, body, comment)

    def read_blank(self, number: int, raw: str, comment: str) -> None:
        # "  # CountryInfo.txt" (a space, then the generator's comment): an entry line whose name
        # was lost; what follows it belongs to a nameless entry, not to the entry before.
        if raw[:1] == " " and comment:
            self.head = self.current = Entry(self.file, number, None, comment)
            self.entries.append(self.current)
            self.contiguous = False
            return
        self.contiguous = False  # a blank or comment line ends the run of name lines

    def open_entry(self, number: int, body: str, comment: str) -> None:
        name = body.split("[", 1)[0].strip()
        codes = self.codes_in(number, body, comment)
        head, shares = self.head, self.contiguous
        entry = Entry(self.file, number, name, comment, codes=codes, coded="[" in body)
        self.current, self.contiguous = entry, True
        if head is not None and not head.coded and head.name is not None and not entry.coded and shares:
            head.shared.append(entry)  # PETRARCH: a code-less name line shares the codes that follow
            self.report.note("name lines sharing the codes of the code-less name line above")
            return
        self.head = entry
        self.entries.append(entry)

    def read_aliases(self, number: int, body: str) -> None:
        if self.current is None:
            self.report.skip(self.file, number, "alias before any entry", body)
            return
        parts = [p.strip() for p in body.split("+") if p.strip(" _")]
        if len(parts) > 1:
            self.report.note("alias lines holding several '+' aliases split")
        self.current.aliases.extend((p, number) for p in parts)
        self.contiguous = True

    def read_code_line(self, number: int, body: str, comment: str) -> None:
        if self.head is None:
            self.report.skip(self.file, number, "code before any entry", body)
            return
        self.head.codes.extend(self.codes_in(number, body, comment))
        self.head.coded = True

    def codes_in(self, number: int, body: str, comment: str) -> list[RawCode]:
        """All [...] codes on a line; the comment names an office only if the YAML says so."""
        found = BRACKET_RE.findall(body)
        leftover = BRACKET_RE.sub("", body[body.find("[") :] if "[" in body else "").strip()
        if leftover:
            self.report.skip(self.file, number, f"text after the codes ignored: '{leftover}'", body)
        codes: list[RawCode] = []
        for content in found:
            parsed = parse_bracket(content, number)
            if isinstance(parsed, str):
                self.report.skip(self.file, number, parsed, body)
                continue
            codes.append(parsed)
            for odd in re.findall(r"\d+", content.strip().partition(" ")[2]):
                if len(odd) not in (6, 8):
                    how = "the first six digits as YYMMDD" if len(odd) < 8 else "the first eight as YYYYMMDD"
                    self.report.warn(self.file, number, f"date '{odd}' read as PETRARCH does, {how}", body)
        office = self.office(comment)
        if office and len(codes) == 1:
            codes[0] = RawCode(codes[0].code, codes[0].start, codes[0].end, office, number)
        return codes

    def office(self, comment: str) -> str | None:
        first = comment.split("#", 1)[0].strip()
        return self.table.offices.get(first)


def read_actor_file(path: Path, table: CodeTable, report: Report) -> list[Entry]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return ActorReader(path.name, table, report).read(lines)


# ------------------------------------------------------------------------------------------------
# natural case: TONY_BLAIR_ -> Tony Blair


def words_of(raw: str) -> list[str]:
    """The words of a dictionary phrase ('_' and ' ' both separate words; a trailing '_' ends it)."""
    return [w for w in re.split(r"[_\s]+", raw) if w]


def case_word(word: str, first: bool, after: str = "", particles: bool = True) -> str:
    """One all-caps word in natural case: particles, Mc/Mac, O'/d', initials, roman numerals.

    `after` is the previous word, lower case ("de" makes a following "la" a particle).
    """
    lead, core, trail = re.fullmatch(r"(\W*)(.*?)(\W*)", word).groups()
    if lead or (trail and trail != "."):
        return lead + case_word(core, first, after, particles) + trail if core else word
    if any(ch.islower() for ch in word):
        return word  # written in mixed case already: trust it
    low = word.lower()
    if re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word  # initials: C. R.K. U.N.
    if particles and not first and (low in PARTICLES or (after == "de" and low in AFTER_DE)):
        return low
    if not first and ROMAN.match(word):
        return word
    if "-" in word:
        return "-".join(case_segment(s, first and i == 0, particles) for i, s in enumerate(word.split("-")))
    return case_segment(word, first, particles, in_compound=False)


def case_segment(seg: str, first: bool, particles: bool, in_compound: bool = True) -> str:
    low = seg.lower()
    if not seg:
        return seg
    if particles and not first and (low in PARTICLES or (in_compound and low in IN_COMPOUND)):
        return low
    if "'" in seg:
        return case_apostrophe(seg, first)
    if low.startswith("mc") and len(seg) > 3 and seg[2].isalpha():
        return "Mc" + seg[2].upper() + seg[3:].lower()
    if low.startswith("mac") and len(seg) > 5 and seg[3] in MAC_NEXT:
        return "Mac" + seg[3] + seg[4:].lower()
    return seg[0].upper() + seg[1:].lower()


def case_apostrophe(seg: str, first: bool) -> str:
    """O'NEILL -> O'Neill, D'ESCOTO -> d'Escoto (inside a name), WOMEN'S -> Women's."""
    head, _, tail = seg.partition("'")
    if len(head) == 1 and head.upper() in "ODL" and tail:
        lead = "O" if head.upper() == "O" or first else head.lower()
        return f"{lead}'{tail[0].upper()}{tail[1:].lower()}"
    return f"{head[:1].upper()}{head[1:].lower()}'{tail.lower()}"


def initials(raw: str) -> str:
    return "".join(w[0] for w in words_of(raw) if w[:1].isalpha() and w.lower() not in FUNCTION_WORDS)


def letters_of(word: str) -> str:
    """The capital letters of an all-caps word without digits ("U.N." -> "UN"), else ""."""
    if any(ch.islower() or ch.isdigit() for ch in word):
        return ""
    return re.sub(r"[^A-Z]", "", word)


def spells_out(word: str, names: list[str]) -> bool:
    """True when the word's letters are the initials of one of `names` (NATO, ISIL; IPCC in order)."""
    letters = letters_of(word)
    if len(letters) < 2 or letters.lower() in FUNCTION_WORDS | PARTICLES or re.fullmatch(r"[A-Z]+\.", word):
        return False
    for name in names:
        ini = initials(name).upper()
        if letters == ini or (len(letters) >= 3 and ini != letters and is_subsequence(letters, ini)):
            return True
    return False


def is_subsequence(short: str, long: str) -> bool:
    """Start-anchored: IPCC in IGPCC (Inter-Governmental Panel on Climate Change)."""
    if not long or short[0] != long[0] or len(long) < len(short):
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def learn_acronyms(entries: list[tuple[str, list[str]]]) -> frozenset[str]:
    """Acronyms the dictionaries themselves establish, to keep upper case in any name.

    A word that spells out another name of its own entry (NATO and NORTH_ATLANTIC_TREATY_
    ORGANIZATION_, USA and UNITED_STATES_OF_AMERICA), or an organisation named by two letters
    (UN_, EU_). Short words that merely look like acronyms (UMAR, ANA) do not count.
    """
    found: set[str] = set()
    for category, names in entries:
        for word in {w for name in names for w in words_of(name)}:
            if spells_out(word, names):
                found.add(letters_of(word))
        for name in names:
            two = letters_of(name.strip("_"))
            if category != "place" and len(two) == 2 and two.lower() not in FUNCTION_WORDS | PARTICLES:
                found.add(two)
    return frozenset(found)


def keeps_capitals(word: str, names: list[str], acronyms: frozenset[str], org: bool) -> bool:
    letters = letters_of(word.strip("()"))
    if len(letters) < 2:
        return False
    if letters in acronyms or spells_out(word.strip("()"), names):
        return True
    return org and not VOWELS & set(letters)  # MSF, BBC


def natural_name(
    raw: str, names: list[str], acronyms: frozenset[str], org: bool, particles: bool = True
) -> str:
    """A name in natural case; `names` are all the entry's names (for acronyms it spells out)."""
    words = words_of(raw)
    out = []
    for i, w in enumerate(words):
        if keeps_capitals(w, names, acronyms, org):
            out.append(w)
        elif i > 0 and w.lower() in (FUNCTION_WORDS if org else PERSON_FUNCTION_WORDS):
            out.append(w.lower())
        else:
            out.append(case_word(w, i == 0, words[i - 1].lower() if i else "", particles))
    return " ".join(out)


FOLD_TABLE = str.maketrans(
    {"ı": "i", "İ": "I", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "’": "'"}
)


def fold(text: str) -> str:
    """Comparison key: the same fold eventwire.link.world uses for lookups (a test checks)."""
    text = unicodedata.normalize("NFKD", text.translate(FOLD_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace(".", "").replace("'", "").replace("\u2019", "").replace("-", " ").replace("_", " ")
    return " ".join(text.split())


# ------------------------------------------------------------------------------------------------
# from entries to people, organisations, groups and places


@dataclass
class Read:
    """An entry with its codes read; `section` is which file it came from."""

    entry: Entry
    section: str
    codes: list[tuple[RawCode, Reading]]

    @property
    def names(self) -> list[str]:
        return [n for n in [self.entry.name, *(a for a, _ in self.entry.aliases)] if n]

    def dated(self) -> bool:
        return any(raw.start or raw.end for raw, _ in self.codes)

    def has_sector(self, sector: str) -> bool:
        return any(r.sector == sector for _, r in self.codes)

    def has_kind(self, kind: str) -> bool:
        return any(r.kind == kind for _, r in self.codes)

    def is_place(self) -> bool:
        """Only bare state codes ([AFG], [USRARM <900823]): a state, a city, a region of one."""
        return all(r.kind == "domestic" and r.sector is None for _, r in self.codes)

    def sure_person(self) -> bool:
        """Generated from CountryInfo (people only) or from the IGO rulers list."""
        return bool(re.search(r"countryinfo|igorulers", self.entry.comment, re.IGNORECASE))


def read_entry_codes(entry: Entry, section: str, table: CodeTable, report: Report) -> Read | None:
    """Read an entry's codes; None (reported) when it has none left or names a fictional state."""
    label = entry.name or next((a for a, _ in entry.aliases), "") or entry.comment
    codes: list[tuple[RawCode, Reading]] = []
    for raw in entry.codes:
        reading = read_code(raw.code, table)
        if reading == "fictional":
            report.skip(entry.file, entry.line, f"fictional state ({raw.code[:3]})", label)
            return None
        if isinstance(reading, str):
            report.skip(entry.file, raw.line, reading, raw.code)
        else:
            codes.append((raw, reading))
    if not codes:
        report.skip(entry.file, entry.line, "entry without a usable code", label)
        return None
    return Read(entry, section, codes)


@dataclass(frozen=True)
class Vocabulary:
    """Words that tell people from organisations, learned from the dictionaries themselves.

    The format does not say whether an entry is a person: CountryInfo's entries are people, but
    the hand-added ones ("XI_JINPING", "SYRIAN_NATIONAL_COALITION_", "GILLIAN_MELLSOP_ [IGOUNOKID]")
    are not marked. Rather than a hand-written word list, the importer learns from the entries
    whose nature is sure: given names are first words of CountryInfo people's names, organisation
    words occur in sure organisations' names (armed groups, companies, undated state bodies) and in
    no CountryInfo person's names.
    """

    given: frozenset[str]
    org_words: frozenset[str]  # seen in >= 5 sure organisation names
    weak_org_words: frozenset[str]  # seen in >= 2

    @classmethod
    def learn(cls, reads: list[Read]) -> Vocabulary:
        people = [r for r in reads if r.sure_person() and r.entry.name]
        # primary names only: aliases carry titles ("ARMY_CHIEF_...") that are organisation words
        person_words = {w for r in people for w in words_of(r.entry.name.upper())}
        given = collections.Counter(words_of(r.entry.name.upper())[0] for r in people if r.entry.name)
        orgs = [r for r in reads if sure_organization(r)]
        counts = collections.Counter(
            w for r in orgs for w in {w for n in r.names for w in words_of(n.upper())}
        )
        org_only = {w: c for w, c in counts.items() if w not in person_words and w.isalpha()}
        return cls(
            given=frozenset(w for w, c in given.items() if c >= 2 and w.lower() not in PARTICLES),
            org_words=frozenset(w for w, c in org_only.items() if c >= 5),
            weak_org_words=frozenset(w for w, c in org_only.items() if c >= 2),
        )

    def looks_like_org(self, name: str) -> bool:
        """THE ..., function words (OF, FOR ...), parentheses, digits, or an organisation word."""
        words = words_of(name.upper())
        if not words or (any(re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words[:-1]) and len(words) <= 4):
            return False  # initials: EUGENE_R._BLACK_ is a person whatever BLACK suggests
        return (
            words[0] == "THE"
            or any(w.lower() in FUNCTION_WORDS for w in words[1:])
            or any(ch in name for ch in "()0123456789")
            or any(w in self.org_words for w in words)
        )

    def looks_like_person(self, name: str) -> bool:
        """Two to four words, the first a known given name, none an organisation word."""
        words = words_of(name.upper())
        return (
            2 <= len(words) <= 4
            and (words[0] in self.given or bool(re.fullmatch(r"(?:[A-Z]\.)+", words[0])))
            and not any(w in self.weak_org_words for w in words)
            and not self.looks_like_org(name)
        )


def sure_organization(r: Read) -> bool:
    if r.sure_person() or r.is_place():
        return False
    return r.section == "groups" or r.has_kind("company") or (r.section == "countries" and not r.dated())


def classify(r: Read, vocab: Vocabulary, table: CodeTable) -> str:
    """person | organization | group | place, by the evidence in order of strength."""
    if r.is_place() and r.section != "groups":
        return "place"
    if r.section != "groups" and r.sure_person():
        return "person"
    if r.section == "groups" and vocab.looks_like_person(r.entry.name or ""):
        return "person"  # leaders listed with their group (coded as the group)
    if r.section == "groups" or r.has_kind("company") or vocab.looks_like_org(r.entry.name or ""):
        return group_or_org(r, table)
    if r.dated() or r.has_sector("ELI") or vocab.looks_like_person(r.entry.name or ""):
        return "person"
    return group_or_org(r, table)


def group_or_org(r: Read, table: CodeTable) -> str:
    _, main = main_code(r.codes)
    armed = main.kind == "armed_group" or main.sector in table.armed_sectors
    return "group" if r.section == "groups" or armed else "organization"


def main_code(codes: list[tuple[RawCode, Reading]]) -> tuple[RawCode, Reading]:
    """The code that stands for an organisation or place: its first undated one, else the latest."""
    undated = [c for c in codes if not c[0].start and not c[0].end]
    if undated:
        return undated[0]
    return max(codes, key=lambda c: (c[0].end or "9999-99-99", c[0].start or ""))


def affiliation(raw: RawCode, reading: Reading) -> dict[str, str | None]:
    return {
        "code": reading.code,
        "kind": reading.kind,
        "country": reading.country,
        "sector": reading.sector,
        "start": raw.start,
        "end": raw.end,
        "office": raw.office,
    }


def usable_names(r: Read, report: Report) -> list[str]:
    """The entry's raw names, name line first, without those that lost a character (reported)."""
    entry = r.entry
    out = []
    for raw, line in [(entry.name, entry.line), *entry.aliases]:
        if raw is None:
            continue
        if any(ch in raw for ch in LOST):
            report.skip(entry.file, line, "name with a lost character (U+001A or U+FFFD)", raw)
        elif words_of(raw.strip("_")):
            out.append(raw)
    if out and (entry.name is None or out[0] != entry.name):
        report.note("entries named after their first alias (name line missing or unreadable)")
    return out


def uses_particles(r: Read, table: CodeTable) -> bool:
    """False for people of states where "Van", "Den", "Da" are names (Nguyen Van An, Wu Den-yih)."""
    return not any(reading.country in table.no_particles for _, reading in r.codes)


def cased_names(
    raws: list[str], category: str, acronyms: frozenset[str], particles: bool = True
) -> list[str]:
    """Natural-case names, deduplicated by their fold (the first spelling wins).

    Places get no learned acronyms, only those their own entry spells out ("AU" is the African
    Union, but not in "Port AU Prince").
    """
    seen: dict[str, str] = {}
    for raw in raws:
        name = natural_name(raw, raws, acronyms, org=category != "person", particles=particles)
        seen.setdefault(fold(name), name)
    return list(seen.values())


Aff = dict[str, str | None]


@dataclass
class Record:
    """A person, organisation, group or place on its way to the output file.

    People keep their dated codes in `dated` and undated ones in `undated`; the others keep their
    main code (the one that says what they are) in `main` and every other code in `dated`.
    """

    category: str  # person | organization | group | place
    names: list[str]
    dated: list[Aff]
    undated: list[Aff]
    main: Aff | None
    source: list[str]
    place_kind: str | None = None

    def states(self) -> set[str]:
        """The states (or international kinds) a person is tied to, for telling namesakes apart."""
        return {str(a["country"] or a["kind"]) for a in [*self.dated, *self.undated]}

    def merge(self, other: Record) -> None:
        """Add other's names and codes to this record, skipping what it already has."""
        known = {fold(n) for n in self.names}
        for name in other.names:
            if fold(name) not in known:
                known.add(fold(name))
                self.names.append(name)
        for mine, theirs in (
            (self.dated, other.dated),
            (self.undated, other.undated),
            (self.source, other.source),
        ):
            mine.extend(x for x in theirs if x not in mine)

    def to_json(self) -> dict[str, object]:
        """The record as written: affiliations as arrays in AFFILIATION_FIELDS order (compact)."""
        head: dict[str, object] = {"name": self.names[0], "aliases": self.names[1:], "source": self.source}
        if self.category == "person":
            return {**head, "affiliations": rows(self.dated), "defaults": rows(self.undated)}
        main = dict(self.main or {})
        main.pop("office", None)
        if self.category == "place":
            main.pop("sector", None)
            main["kind"] = self.place_kind
        return {**head, **main, "history": rows(self.dated)}


def rows(affiliations: list[Aff]) -> list[list[str | None]]:
    return [[a[f] for f in AFFILIATION_FIELDS] for a in affiliations]


def make_record(r: Read, names: list[str], category: str, table: CodeTable) -> Record:
    source = [f"{r.section}:{r.entry.line}"]
    if category == "person":
        dated = [affiliation(raw, rd) for raw, rd in r.codes if raw.start or raw.end]
        undated = [affiliation(raw, rd) for raw, rd in r.codes if not raw.start and not raw.end]
        return Record(category, names, dated, undated, None, source)
    raw, main = main_code(r.codes)
    history = [affiliation(c, rd) for c, rd in r.codes if c is not raw]
    place_kind = None
    if category == "place":
        place_kind = "state" if names_state(names, main.country) else "place"
    return Record(category, names, history, [], affiliation(raw, main), source, place_kind)


def names_state(names: list[str], code: str | None) -> bool:
    """True when one of the names is the state's own name in pycountry (not a city or region)."""
    country = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
    if country is None:
        return False
    official = {fold(getattr(country, a, "") or "") for a in ("name", "official_name", "common_name")}
    return any(fold(n) in official for n in names)


def merge_people(records: list[Record], report: Report) -> list[Record]:
    """One record per person: same name (folded) and at least one state (or IGO, NGO ...) in common.

    The dictionaries list some people twice (copied between files, or re-added by hand); people
    who share a name but not a country (two Ali Ahmeds) stay apart.
    """
    out: list[Record] = []
    by_name: dict[str, list[Record]] = collections.defaultdict(list)
    for rec in records:
        same = by_name[fold(rec.names[0])]
        twin = next((t for t in same if t.states() & rec.states()), None)
        if twin is None:
            same.append(rec)
            out.append(rec)
        else:
            twin.merge(rec)
            report.note("people listed twice merged")
    return out


def merge_careers(records: list[Record], report: Report) -> list[Record]:
    """Fold a person's international career into their national record when the full names match.

    The International file lists office holders of IGOs and NGOs apart from the Countries file
    (BAN_KI-MOON as UN Secretary-General, BAN_KI_MOON as South Korea's foreign minister). A
    record with no state affiliation joins a record sharing one of its names of two words or more.
    """
    index: dict[str, Record] = {}
    for rec in records:
        for name in rec.names:
            if len(name.split()) >= 2:
                index.setdefault(fold(name), rec)
    out = []
    for rec in records:
        international = all(a["kind"] != "domestic" for a in [*rec.dated, *rec.undated])
        twin = next(
            (index[fold(n)] for n in rec.names if fold(n) in index and index[fold(n)] is not rec), None
        )
        if international and twin is not None and twin in out:
            twin.merge(rec)
            report.note("international careers merged into the same person's record")
        else:
            out.append(rec)
    return out


def merge_actors(records: list[Record], report: Report) -> list[Record]:
    """One record per organisation, group or place with the same name and main code.

    Names are compared folded and without a leading "the" (The United Nations, United Nations).
    """
    out: dict[tuple[str, str | None], Record] = {}
    for rec in records:
        key = (fold(rec.names[0]).removeprefix("the "), (rec.main or {}).get("code"))
        if key in out:
            out[key].merge(rec)
            report.note(f"{rec.category} entries listed twice merged")
        else:
            out[key] = rec
    return list(out.values())


# ------------------------------------------------------------------------------------------------
# agents: role words and their sectors


AGENT_RE = re.compile(
    r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[\s*(?P<code>[^\]}\s]+)\s*(?P<close>[\]}])"
)
AGENT_CODE_RE = re.compile(r"^(?P<pre>~?)(?P<parts>(?:[A-Z]{3})+)(?P<post>~?)$")
MARKER_RE = re.compile(r"^!(?P<name>[A-Z]+)!\s*=\s*(?P<items>.+)$")


def agent_word(phrase: str) -> str:
    return " ".join(words_of(phrase.lower()))


def regular_plural(phrase: str) -> str:
    """PETRARCH adds regular plurals itself; done here with English spelling (attorney -> attorneys)."""
    word = phrase.rstrip("_ ")
    if re.search(r"[^AEIOU]Y$", word):
        return word[:-1] + "IES"
    if re.search(r"(?:S|SH|CH|X|Z)$", word):
        return word + "ES"
    return word + "S"


class AgentReader:
    """Reads Phoenix.agents.txt: PHRASE {plural} [~SECTOR], with !MARKER! substitution sets."""

    def __init__(self, file: str, table: CodeTable, report: Report) -> None:
        self.file, self.table, self.report = file, table, report
        self.markers: dict[str, list[str]] = {}
        self.agents: list[dict[str, object]] = []

    def read(self, lines: Iterable[str]) -> list[dict[str, object]]:
        for number, raw in enumerate(lines, 1):
            body = split_comment(raw)[0].strip()
            if body:
                self.read_line(number, body)
        return self.agents

    def read_line(self, number: int, body: str) -> None:
        if marker := MARKER_RE.match(body):
            self.markers[marker["name"]] = [i.strip() for i in marker["items"].split(",") if i.strip()]
            return
        m = AGENT_RE.match(body)
        if not m:
            self.report.skip(self.file, number, "agent without a code", body)
            return
        if m["close"] == "}":
            self.report.note("agent codes closed with '}' read as ']'")
        code = AGENT_CODE_RE.match(m["code"])
        if not code or code["parts"][:3] not in self.table.sectors | set(self.table.international):
            self.report.skip(self.file, number, f"unknown agent code '{m['code']}'", body)
            return
        for phrase, plurals in self.forms(number, m["phrase"], m["plural"]):
            word = agent_word(phrase)
            self.agents.append(
                {"word": word, "plurals": plurals, "code": m["code"], "sector": code["parts"][:3]}
            )

    def forms(self, number: int, phrase: str, plural: str | None) -> Iterator[tuple[str, list[str]]]:
        """The phrase with its plurals; a !MARKER! phrase is expanded, each form its own word."""
        if marker := re.search(r"!([A-Z]+)!", phrase):
            if marker[1] not in self.markers:
                self.report.skip(self.file, number, f"unknown substitution marker !{marker[1]}!", phrase)
                return
            for item in self.markers[marker[1]]:
                yield phrase[: marker.start()] + item + phrase[marker.end() :], []
            return
        if plural is None:
            yield phrase, [agent_word(regular_plural(phrase))]
        else:
            yield phrase, [agent_word(plural)] if plural.strip() else []


# ------------------------------------------------------------------------------------------------
# putting it together


@dataclass
class Knowledge:
    """Everything imported, before it is written."""

    people: list[Record]
    organizations: list[Record]
    groups: list[Record]
    places: list[Record]
    agents: list[dict[str, object]]


def import_actors(root: Path, table: CodeTable, report: Report) -> list[Record]:
    heads: list[tuple[Entry, Read]] = []
    for section, name in FILES.items():
        for entry in read_actor_file(root / name, table, report):
            read = read_entry_codes(entry.flattened(), section, table, report)
            if read is not None:
                heads.append((entry, read))
    vocab = Vocabulary.learn([read for _, read in heads])
    reads = []
    for entry, read in heads:
        if entry.shared and classify(read, vocab, table) != "person":
            reads += [Read(e, read.section, read.codes) for e in entry.split()]  # several actors
        else:
            reads.append(read)
    named = []
    for read in reads:
        raws = usable_names(read, report)
        if raws:
            named.append((read, classify(read, vocab, table), raws))
        else:
            report.skip(read.entry.file, read.entry.line, "entry without a name", read.entry.comment)
    acronyms = learn_acronyms([(category, raws) for _, category, raws in named if category != "person"])
    # in people's names only acronyms no one is named after (UN, but not ANA: Ana Dias Lourenco)
    name_words = {
        letters_of(w) for _, category, raws in named if category == "person" for w in words_of(raws[0])
    }
    known = {"person": acronyms - name_words, "place": frozenset()}
    return [
        make_record(
            r,
            cased_names(raws, category, known.get(category, acronyms), uses_particles(r, table)),
            category,
            table,
        )
        for r, category, raws in named
    ]


def import_all(root: Path, table: CodeTable, report: Report) -> Knowledge:
    records = import_actors(root, table, report)
    by = collections.defaultdict(list)
    for rec in records:
        by[rec.category].append(rec)
    lines = (root / AGENTS_FILE).read_text(encoding="utf-8").splitlines()
    agents = AgentReader(AGENTS_FILE, table, report).read(lines)
    return Knowledge(
        people=merge_careers(merge_people(by["person"], report), report),
        organizations=merge_actors(by["organization"], report),
        groups=merge_actors(by["group"], report),
        places=merge_actors(by["place"], report),
        agents=agents,
    )


def sort_key(item: dict[str, object]) -> tuple[str, str]:
    name = str(item.get("name") or item.get("word"))
    return fold(name), json.dumps(item, sort_keys=True, ensure_ascii=False)


def document(knowledge: Knowledge, licence: str) -> dict[str, object]:
    def listed(records: list[Record]) -> list[dict[str, object]]:
        return sorted((r.to_json() for r in records), key=sort_key)

    return {
        "format": FORMAT_VERSION,
        "affiliation_fields": list(AFFILIATION_FIELDS),
        "source": SOURCE,
        "licence": licence,
        "people": listed(knowledge.people),
        "organizations": listed(knowledge.organizations),
        "groups": listed(knowledge.groups),
        "places": listed(knowledge.places),
        "agents": sorted(knowledge.agents, key=lambda a: fold(str(a["word"]))),
    }


def encode(doc: dict[str, object]) -> bytes:
    """Deterministic bytes: sorted keys, no spaces, gzip without a timestamp or file name."""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def licence_text(root: Path) -> str:
    return (
        "The Phoenix dictionaries are distributed under the MIT License; eventwire's "
        "world-knowledge file is derived from them and keeps their notice:\n\n"
        + (root / "LICENSE").read_text(encoding="utf-8").strip()
    )


def summary(knowledge: Knowledge, report: Report, size: int) -> str:
    people = knowledge.people
    lines = [
        f"people         {len(people):6}  aliases {sum(len(p.names) - 1 for p in people)}, "
        f"dated affiliations {sum(len(p.dated) for p in people)} "
        f"({sum(1 for p in people for a in p.dated if a['office'])} with an office), "
        f"undated defaults {sum(len(p.undated) for p in people)}",
        f"organisations  {len(knowledge.organizations):6}",
        f"groups         {len(knowledge.groups):6}",
        f"places         {len(knowledge.places):6}  "
        f"({sum(1 for p in knowledge.places if p.place_kind == 'state')} naming a state)",
        f"agents         {len(knowledge.agents):6}",
        f"file           {size:6} bytes",
        "left out (listed above on stderr):",
        *(
            f"  {n:5}  {reason}"
            for reason, n in sorted(report.reasons().items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        f"kept with a warning (listed above on stderr): {len(report.warnings)}",
        "read in a non-obvious way:",
        *(f"  {n:5}  {what}" for what, n in sorted(report.notes.items(), key=lambda kv: (-kv[1], kv[0]))),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder holding the four Phoenix dictionaries")
    parser.add_argument("output", type=Path, help="the .json.gz file to write")
    parser.add_argument("--codes", type=Path, default=HERE / "phoenix_codes.yaml", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    table = CodeTable.load(args.codes)
    report = Report()
    knowledge = import_all(args.source, table, report)
    data = encode(document(knowledge, licence_text(args.source)))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    for file, line, reason, text in report.problems:
        print(f"{file}:{line}: {reason}: {text}", file=sys.stderr)
    for file, line, what, text in report.warnings:
        print(f"{file}:{line}: warning: {what}: {text}", file=sys.stderr)
    print(summary(knowledge, report, len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
