"""Plain-text cleaning: the story alone, with title, author, date and publisher read from the debris."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest import read_paths
from eventwire.ingest.dates import parse_any_date, parse_date_line
from eventwire.ingest.textclean import clean_text, parse_byline, tidy_name, unwrap
from eventwire.model import Article, Rejection

BODY1 = (
    "VALLETTA: The foreign ministers of Norland and Suddenia met on Monday to discuss fishing rights "
    "and agreed to set up a joint commission before the end of the year."
)
BODY2 = "The commission will report to both governments within six months, officials said after the talks."


def _read_one(tmp_path: Path, text: str, name: str = "story.txt") -> Article:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    items = list(read_paths([str(p)]))
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_header_debris_title_byline_and_date() -> None:
    raw = (
        " date 2023-05-02 // Adds dimensions UUID into GA4\n"
        "Foreign Minister Ana Example\n"
        "Europe\n"
        "Norland and Suddenia agree on a fishing commission after long talks\n\n"
        "PETRA NOVAK\n"
        "By PETRA NOVAK\n\n"
        f"{BODY1}\n\n{BODY2}\n"
    )
    c = clean_text(raw)
    assert c.title == "Norland and Suddenia agree on a fishing commission after long talks"
    assert c.author == "Petra Novak"
    assert c.published == "2023-05-02"
    assert c.text.startswith("VALLETTA: The foreign ministers")
    for debris in ("GA4", "Adds dimensions", "PETRA NOVAK", "By ", "Europe", "Foreign Minister Ana Example"):
        assert debris not in c.text
    assert c.text.endswith("officials said after the talks.")


def test_date_header_glued_to_first_sentence() -> None:
    c = clean_text(f" date 2022-11-30 {BODY2}\n\n{BODY1}")
    assert c.published == "2022-11-30"
    assert c.text.startswith("The commission will report")


def test_dateline_date_line_agency_and_teasers() -> None:
    raw = (
        "World\n\n"
        "Norland, Suddenia pledge closer ties in trade\n\n"
        "Mar 04, 2024\n\n"
        "Valletta [Malta], March 3: The leaders of Norland and Suddenia signed a trade pact on Sunday, "
        "their offices said.\n"
        f"{BODY2}\n"
        "Source: Example News Agency\n\n"
        "More news\n\n"
        "Storm hits the coast of Westland\n\n"
        "Port Town [Westland], March 5: A storm damaged hundreds of homes on Tuesday.\n\n"
        "Mar 05, 2024"
    )
    c = clean_text(raw)
    assert c.title == "Norland, Suddenia pledge closer ties in trade"
    # the dateline's day wins over the page date, with the year taken from the full date line
    assert c.published == "2024-03-03"
    assert c.publisher == "Example News Agency"
    assert c.text.startswith("Valletta [Malta], March 3: The leaders")
    for debris in ("Storm", "Westland", "More news", "Source:", "Mar 04, 2024", "Mar 05"):
        assert debris not in c.text
    assert c.dateline_place == "Valletta [Malta]"


def test_december_dateline_on_a_january_page_is_last_year() -> None:
    raw = "Jan 02, 2025\n\nPort Town, December 31: " + BODY2
    assert clean_text(raw).published == "2024-12-31"


def test_no_date_in_text_means_none() -> None:
    c = clean_text(f"{BODY1}\n\n{BODY2}")
    assert c.published is None
    assert c.title is None  # the story starts at once: no headline to take


def test_dateline_without_any_year_gives_no_date() -> None:
    assert clean_text("TOKYO, March 27 - " + BODY2).published is None


def test_dateline_year_without_a_comma() -> None:
    c = clean_text("Port Town, May 3 2024 - " + BODY2)
    assert (c.published, c.dateline_place) == ("2024-05-03", "Port Town")


def test_bbc_style_headline_then_body() -> None:
    c = clean_text(f"Suddenia raises fishing quotas\n\n{BODY2}\n\n{BODY1}")
    assert c.title == "Suddenia raises fishing quotas"
    assert not c.text.startswith("Suddenia raises")


def test_question_headline() -> None:
    c = clean_text(f"What next for the fishing talks?\n\n{BODY2}")
    assert c.title == "What next for the fishing talks?"
    assert c.text.startswith("The commission")


def test_inline_read_more_and_footer_lines_dropped() -> None:
    raw = (
        f"{BODY1}\n\nREAD MORE: Suddenia elects a new parliament\n\n{BODY2}\n\n"
        "(Reporting by Jan Example; Editing by Kim Other)\n\nAdvertisement\n"
    )
    c = clean_text(raw)
    assert "READ MORE" not in c.text and "Reporting by" not in c.text and "Advertisement" not in c.text
    assert BODY2 in c.text


def test_hard_wrapped_wire_copy_is_unwrapped() -> None:
    raw = (
        "    The central bank of Norland raised its key interest rate by\n"
        "half a point on Tuesday, citing inflation in the U.S.\n"
        "Dollar zone, a spokesman said.\n"
        "    Officials said by telephone that the\n"
        "by-election would not change the policy.\n"
    )
    paras = clean_text(raw).text.split("\n\n")
    assert paras == [
        "The central bank of Norland raised its key interest rate by half a point on Tuesday, "
        "citing inflation in the U.S. Dollar zone, a spokesman said.",
        "Officials said by telephone that the by-election would not change the policy.",
    ]


def test_unwrap_keeps_one_paragraph_per_line_text() -> None:
    lines = [BODY1, BODY2, "A short closing line."]
    assert unwrap(lines) == lines


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By JARA EXAMPLE", "Jara Example"),
        ("By Ana de la Cruz and Tom Smith", "Ana de la Cruz, Tom Smith"),
        ("By Lee Park, Reuters", "Lee Park"),
        ("By Omar AL-SAYED | Staff Writer", "Omar AL-SAYED"),
        ("By Ana Example and Tom Smith, CNN", "Ana Example, Tom Smith"),
        ("By Ana Example in Ankara", "Ana Example"),
        ("By Ana Example Political Correspondent", "Ana Example"),
        ("By contrast, the ministry said it would wait.", None),
        ("by the ministry on Monday", None),
        ("By 2030 the plan will be finished", None),
    ],
)
def test_parse_byline(line: str, author: str | None) -> None:
    assert parse_byline(line) == author


def test_tidy_name() -> None:
    assert tidy_name("JARA CARBALLO") == "Jara Carballo"
    assert tidy_name("SEAN O'BRIEN") == "Sean O'Brien"
    assert tidy_name("Already Mixed") == "Already Mixed"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Jan 08, 2026", "2026-01-08"),
        ("January 8, 2026", "2026-01-08"),
        ("Wednesday, 8 January 2026", "2026-01-08"),
        ("Updated: 8 Jan 2026 10:32 GMT", "2026-01-08"),
        ("2024-08-20", "2024-08-20"),
        ("Published 2024-08-20T10:00:00+00:00", "2024-08-20"),
        ("March 2024", "2024-03"),
        ("31/12/2024", "2024-12-31"),
        ("05/06/2024", None),  # day and month ambiguous
        ("2024", None),  # a bare year is not a date line
        ("Jan 8 2026 was a Thursday", None),
        ("February 30, 2024", None),
    ],
)
def test_parse_date_line(line: str, value: str | None) -> None:
    assert parse_date_line(line) == value


def test_parse_any_date_metadata_forms() -> None:
    assert parse_any_date("Wed, 08 Jan 2026 10:00:00 GMT") == "2026-01-08"
    assert parse_any_date("26-MAR-1987 21:36:32.52") == "1987-03-26"
    assert parse_any_date("2024-08-20 12:00:00") == "2024-08-20"
    assert parse_any_date("not a date") is None
    assert parse_any_date(None) is None


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(1900, 2100),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    style=st.sampled_from(["{M} {d}, {y}", "{d} {M} {y}", "{m3} {d:02d}, {y}", "{y}-{mo:02d}-{d:02d}"]),
)
def test_date_line_round_trip(year: int, month: int, day: int, style: str) -> None:
    name = MONTHS[month - 1]
    line = style.format(M=name, m3=name[:3], d=day, y=year, mo=month)
    assert parse_date_line(line) == f"{year:04d}-{month:02d}-{day:02d}"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_cleaner_never_raises_and_keeps_no_tracker_comment(text: str) -> None:
    c = clean_text(text + "\n// Adds dimensions into GA4")
    assert "GA4" not in c.text
    assert c.published is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", c.published)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([BODY1, BODY2, "", "Short line", "By ANA EXAMPLE"]), max_size=12))
def test_cleaning_is_idempotent_on_its_output(parts: list[str]) -> None:
    once = clean_text("\n".join(parts)).text
    assert clean_text(once, find_title=False).text == once


# ------------------------------------------------------------------------------ seeds, read in place

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "seeds.json"


@pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_file(), reason="shared seeds not present")
def test_seed_articles_meet_gold_article_rules() -> None:
    items = list(read_paths([str(SEEDS)]))
    arts = {Path(a.path).name: a for a in items if isinstance(a, Article)}
    assert not [r for r in items if isinstance(r, Rejection)]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    for g in gold:
        a = arts[g["file"]]
        if "published_any" in g:
            assert a.published is None or any(p and a.published.startswith(p) for p in g["published_any"])
        else:
            assert a.published == g["published"], g["file"]
        if "author" in g:
            assert a.author == g["author"]
        if "title_contains" in g:
            assert a.title and g["title_contains"].casefold() in a.title.casefold()
        for bad in g.get("text_must_not_contain", []):
            assert bad not in a.text, (g["file"], bad)
        assert a.language == "en"
        assert len(a.text) > 500


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_ids_are_stable_across_runs() -> None:
    first = [a.id for a in read_paths([str(SEEDS)]) if isinstance(a, Article)]
    second = [a.id for a in read_paths([str(SEEDS)]) if isinstance(a, Article)]
    assert first == second and len(set(first)) == len(first)


def test_wrapped_copy_with_known_title_loses_no_line() -> None:
    body = (
        "Norland Oil Co and Suddenia Gas\n"
        "Inc said they plan to form a venture to manage the money market\n"
        "borrowing of both companies, signed in\n"
        "January 1986.\n"
        "    Reporting members of the exchange said the deal was\n"
        "expected. <NOR> shares rose.\n"
        "    Net 807,000 vs 2,858,000\n"
        "    Revs 12.5 mln vs 11.1 mln\n"
        " REUTER\n"
    )
    c = clean_text(body, title="NORLAND OIL, SUDDENIA GAS FORM VENTURE", find_title=False)
    assert c.title == "NORLAND OIL, SUDDENIA GAS FORM VENTURE"
    assert c.text.split("\n\n") == [
        "Norland Oil Co and Suddenia Gas Inc said they plan to form a venture to manage the money market "
        "borrowing of both companies, signed in January 1986.",
        "Reporting members of the exchange said the deal was expected. <NOR> shares rose.",
        "Net 807,000 vs 2,858,000",
        "Revs 12.5 mln vs 11.1 mln",
    ]
    assert c.publisher == "Reuters"


def test_page_export_with_navigation_captions_and_footer() -> None:
    raw = (
        "Skip to main content\nMenu\nSearch\nHome\nWorld\nBusiness\nSign in\n\n"
        "Norland recalls its ambassador from Suddenia over fishing dispute\n\n"
        "Updated: 12 June 2024 08:15 GMT\n\n"
        "By Ana Example, Political Correspondent\n\n"
        "FILE PHOTO: The Norland foreign ministry building in the capital. (REUTERS/Jan Example)\n\n"
        "Norland recalled its ambassador from Suddenia on Tuesday after talks on fishing rights "
        "collapsed, the foreign ministry said in a statement.\n\n"
        "Story continues below advertisement\n\n"
        "Suddenia's government said it regretted the decision and remained open to dialogue.\n\n"
        "4 min read\n\n2 hours ago\n\n"
        "Privacy policy\n\nTerms of use\n\nFollow us on Example Social\n"
    )
    c = clean_text(raw)
    assert c.title == "Norland recalls its ambassador from Suddenia over fishing dispute"
    assert c.author == "Ana Example"
    assert c.published == "2024-06-12"
    assert c.text.split("\n\n") == [
        "Norland recalled its ambassador from Suddenia on Tuesday after talks on fishing rights "
        "collapsed, the foreign ministry said in a statement.",
        "Suddenia's government said it regretted the decision and remained open to dialogue.",
    ]


def test_agency_in_dateline_becomes_publisher() -> None:
    c = clean_text("BEIJING, Jan. 8 (Xinhua) -- " + BODY2)
    assert c.publisher == "Xinhua"
    assert c.text.startswith("BEIJING, Jan. 8 (Xinhua) --")


def test_mojibake_is_repaired_and_real_accents_are_not_touched(tmp_path: Path) -> None:
    good = "Türkiye’s “defence” deal was signed in São Paulo on Monday, the ministers said after talks."
    raw = good.encode("utf-8")
    broken = "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in raw
    )
    a = _read_one(tmp_path, broken + "\n\n" + BODY2)
    assert a.text.startswith(good)
    b = _read_one(tmp_path, "A água de São Paulo: " + BODY2, name="pt.txt")
    assert b.text.startswith("A água de São Paulo")


def test_title_from_metadata_matches_headline_with_site_name() -> None:
    c = clean_text(
        f"Norland recalls envoy\n\n{BODY1}",
        title="Norland recalls envoy | The Daily Example",
        find_title=False,
    )
    assert c.text.startswith("VALLETTA") and c.title == "Norland recalls envoy | The Daily Example"


def test_markdown_saved_as_txt(tmp_path: Path) -> None:
    a = _read_one(tmp_path, f"# Fishing commission agreed\n\n{BODY1}\n\n**{BODY2}**\n")
    assert a.title == "Fishing commission agreed" and "**" not in a.text and "#" not in a.text


def test_timeline_dates_inside_the_story_are_kept_footer_dates_are_not() -> None:
    raw = (
        f"{BODY1}\n\nMarch 3, 2024\n\n{BODY2}\n\nUpdated: March 5, 2024\n\n"
        "The talks will resume next week in the capital, a spokesman said.\n\nMarch 6, 2024\n"
    )
    c = clean_text(raw)
    assert c.text.split("\n\n") == [
        BODY1,
        "March 3, 2024",
        BODY2,
        "The talks will resume next week in the capital, a spokesman said.",
    ]
    assert c.published == "2024-03-05"  # the labelled stamp; the trailing one is only a fallback


def test_key_value_header_block() -> None:
    raw = (
        "Title: Norland and Suddenia agree on fishing\nAuthor: ANA EXAMPLE\nPublished: 2021-09-14\n"
        "Source: Example Wire\nURL: https://example.org/story\nLanguage: en\n\n" + BODY1
    )
    c = clean_text(raw)
    assert (c.title, c.author, c.published, c.publisher, c.url, c.language) == (
        "Norland and Suddenia agree on fishing",
        "Ana Example",
        "2021-09-14",
        "Example Wire",
        "https://example.org/story",
        "en",
    )
    assert c.text == BODY1


def test_entities_links_and_tweet_signatures() -> None:
    raw = (
        f"{BODY1}\n\nThe minister&#8217;s office said the &quot;talks&quot; would go on.\n\n"
        "https://t.co/abcdef\n\n— Ana Example (@ana_example) March 3, 2024\n\n" + BODY2
    )
    c = clean_text(raw)
    assert c.text.split("\n\n") == [BODY1, 'The minister’s office said the "talks" would go on.', BODY2]


@pytest.mark.parametrize(
    "dateline", ["HAVANA (AP) --", "WASHINGTON _", "KUALA LUMPUR:", "Valletta, March 3:"]
)
def test_dateline_on_its_own_line_joins_the_first_paragraph(dateline: str) -> None:
    c = clean_text(f"{dateline}\n\n{BODY2}\n\n{BODY1}")
    assert c.text.split("\n\n")[0] == f"{dateline} {BODY2}"


def test_header_fields_on_one_row() -> None:
    c = clean_text(
        "Fishing deal agreed at last\nBy ANA EXAMPLE | Published: 4 March 2024 | World\n\n" + BODY1
    )
    assert (c.title, c.author, c.published, c.text) == (
        "Fishing deal agreed at last",
        "Ana Example",
        "2024-03-04",
        BODY1,
    )


# ------------------------------------------------------------------ header layouts: bylines and stamps

HEAD = "Norland and Suddenia agree on a fishing commission"


@pytest.mark.parametrize(
    ("header", "published", "author"),
    [
        ("Valletta, March 3, 2025", "2025-03-03", None),  # place and date on their own line
        ("By Staff Reporter | Updated 2025-03-03 10:00 GMT", "2025-03-03", None),
        ("By Ana Example\nTuesday 3 Mar 2020", "2020-03-03", "Ana Example"),
        ("By ANA EXAMPLEUpdated: FEBRUARY 20, 2018 18:41", "2018-02-20", "Ana Example"),  # glued label
        ("Example Online , Tuesday 3 Mar 2020", "2020-03-03", None),  # outlet before the date
        ("Ana Example Reuters", None, "Ana Example"),  # a bare byline: name and agency, no "By"
        ("Posted on March 3, 2025 by Ana Example", "2025-03-03", "Ana Example"),
        ("Updated 10:32 AM ET, Tue March 3, 2025", "2025-03-03", None),
        ("Published time: 28 Aug, 2019 07:54 Edited time: 28 Aug, 2019 11:55", "2019-08-28", None),
    ],
)
def test_header_stamp_layouts(header: str, published: str | None, author: str | None) -> None:
    c = clean_text(f"{HEAD}\n\n{header}\n\n{BODY1}\n\n{BODY2}")
    assert (c.title, c.published, c.author) == (HEAD, published, author)
    assert c.text == f"{BODY1}\n\n{BODY2}"


def test_a_date_inside_a_sentence_is_no_stamp() -> None:
    c = clean_text(f"{HEAD}\n\nThe talks resumed on March 3, 2025 in Valletta\n\n{BODY2}")
    assert c.published is None


def test_byline_naming_an_outlet_or_only_a_role() -> None:
    c = clean_text(f"{HEAD}\n\nBy Example News Agency\n\n{BODY1}")
    assert (c.author, c.publisher, c.text) == (None, "Example News Agency", BODY1)
    c = clean_text(f"{HEAD}\n\nBy Staff, Agencies\n\n{BODY1}")
    assert (c.author, c.text) == (None, BODY1)
    c = clean_text(f" date 2021-05-04 Agency Reporter\n\n{BODY1}")
    assert (c.title, c.published, c.text) == (None, "2021-05-04", BODY1)


def test_byline_and_stamp_under_a_standfirst() -> None:
    raw = (
        f"{HEAD}\nThe two states signed the deal in the capital on Monday.\n"
        f"By ANA EXAMPLEUpdated: FEBRUARY 20, 2018 18:41\n{BODY1}\n\n{BODY2}"
    )
    c = clean_text(raw)
    assert (c.published, c.author) == ("2018-02-20", "Ana Example")
    assert "Updated" not in c.text and "ANA" not in c.text


def test_last_update_footer_with_two_zoned_times() -> None:
    c = clean_text(f"{BODY1}\n\n{BODY2}\n\nLast Update: Friday, 31 May 2019 KSA 10:55 - GMT 07:55")
    assert c.published == "2019-05-31" and c.text == f"{BODY1}\n\n{BODY2}"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Last Update: Friday, 31 May 2019 KSA 10:55 - GMT 07:55", "2019-05-31"),
        ("March 3, 2025 5:12 PM GMT+9", "2025-03-03"),
        ("Updated on: 8 January 2026 (10:32 GMT)", "2026-01-08"),
        ("8 January 2026 Edited soon", None),
    ],
)
def test_parse_date_line_times_and_zones(line: str, value: str | None) -> None:
    assert parse_date_line(line) == value


def test_navigation_and_widgets_are_no_headline() -> None:
    raw = f"Accessibility links\n\nBreaking News\n\n{HEAD}\n\n{BODY1}"
    assert clean_text(raw).title == HEAD
    icons = " ".join(f"{w}icon" for w in ("bookmark", "camera", "check", "close", "edit", "mail", "search"))
    c = clean_text(f" date 2019-08-28  {icons} fm\n{HEAD}\n\n{BODY1}")
    assert (c.title, c.published, c.text) == (HEAD, "2019-08-28", BODY1)
    c = clean_text(f" date 2022-02-10 Valletta\n\n{BODY1}")  # a place label is no headline
    assert (c.title, c.text) == (None, BODY1)
    c = clean_text(f" date 2025-02-14 + ↺ − 16 px\n\n{BODY1}")  # a font-size widget
    assert (c.title, c.text) == (None, BODY1)
    c = clean_text(f"{HEAD}\n\n{BODY1}\n\nbookmarkicon\n\n{BODY2}")  # one icon name left alone
    assert c.text == f"{BODY1}\n\n{BODY2}"


def test_long_headline_before_its_byline() -> None:
    head = "Norland's President Arrives in Suddenia To Take Part in the Third Round of the Regional Fishing Summit"
    c = clean_text(f"{head}\n\nBy Staff, Agencies\n\n{BODY1}")
    assert (c.title, c.text) == (head, BODY1)


@pytest.mark.parametrize(
    "caption",
    [
        "Foreign Minister Ana Example. © Example Agency / Jan Example",
        "People wait at the border crossing near Valletta on March 2, 2024 - Copyright EXA Jan EXAMPLE",
        "Norland will deliver ten patrol boats to Suddenia. Credit: Example Shipyards AB.",
        "Officials meet in Valletta, March 2, 2024. REUTERS/Jan Example",
        "Credit: REUTERS/Example Air Force",
    ],
)
def test_captions_with_credits_are_dropped(caption: str) -> None:
    c = clean_text(f" date 2024-03-03 {caption}\n\n{BODY1}\n\n{BODY2}")
    assert c.text == f"{BODY1}\n\n{BODY2}"
    c = clean_text(f"{BODY1}\n\n{caption}\n\n{BODY2}")
    assert c.text == f"{BODY1}\n\n{BODY2}"
    assert c.publisher is None


def test_agency_sign_off_keeps_its_paragraph() -> None:
    para = "In 2015, Norland bought ten patrol boats from Suddenia in a deal worth 100 million dollars."
    c = clean_text(f"{BODY1}\n\n{para} (Xinhua/EXA)")
    assert c.text == f"{BODY1}\n\n{para}"
    c = clean_text(f"{BODY1}\n\n{para} (REUTERS/Jan Example)")  # a photographer's credit: a caption
    assert c.text == BODY1


def test_repeated_caption_and_repeated_paragraph() -> None:
    cap = (
        "Ana Example, left, and Jan Other greet each other after the talks in Valletta, Malta, March 2, 2024."
    )
    c = clean_text(f"{HEAD}\n\n{cap}\n{cap}\n\n{BODY1}\n\n{BODY2}")
    assert c.text == f"{BODY1}\n\n{BODY2}"
    c = clean_text(f"{BODY1}\n\n{BODY2}\n\n{BODY2}")
    assert c.text == f"{BODY1}\n\n{BODY2}"


@pytest.mark.parametrize(
    "line",
    [
        "Sponsored",
        "Sponsored Content by Example Bank",
        "Promoted: Ten places to visit in Valletta",
        "Intellectual says the talks will fail https://t.co/abc — Example News (@example) May 31, 2022",
    ],
)
def test_sponsored_slots_and_embedded_posts_are_dropped(line: str) -> None:
    assert clean_text(f"{BODY1}\n\n{line}\n\n{BODY2}").text == f"{BODY1}\n\n{BODY2}"


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("the capital.“We will", "the capital. “We will"),
        ("a good day.”The talks", "a good day.” The talks"),
        ('in the capital."We will sign," he said.', 'in the capital. "We will sign," he said.'),
        ('He said "we will sign."The talks', 'He said "we will sign." The talks'),
    ],
)
def test_quote_glued_to_a_sentence_end_gets_its_space(glued: str, fixed: str) -> None:
    assert clean_text(f"{BODY1}\n\n{glued}").text == f"{BODY1}\n\n{fixed}"


@pytest.mark.parametrize(
    ("header", "published", "author"),
    [
        ("Ana Example Published September 19, 2022 | 08:32 PM", "2022-09-19", "Ana Example"),
        ("18:33, 22.05.2017", "2017-05-22", None),  # the time first
        ("Monday, 6 April 2015 00:00 -     - {{hits.count}}", "2015-04-06", None),  # an unfilled template
        ("Example Wire, September 26, 2015 Adjust font size:", "2015-09-26", None),
        ("Source: Example Wire | 2018-03-31 03:25:04 | Editor: Jan Other", "2018-03-31", None),
    ],
)
def test_more_stamp_layouts(header: str, published: str, author: str | None) -> None:
    c = clean_text(f"{HEAD}\n{header}\n\n{BODY1}\n\n{BODY2}")
    assert (c.title, c.published, c.author, c.text) == (HEAD, published, author, f"{BODY1}\n\n{BODY2}")


def test_a_kicker_is_no_dateline_and_a_date_first_dateline_is() -> None:
    c = clean_text(f"News\nBREAKING: {HEAD}\nMarch 3, 2024 (VALLETTA) – {BODY2}")
    assert (c.title, c.published) == (f"BREAKING: {HEAD}", "2024-03-03")
    assert c.text.startswith("March 3, 2024 (VALLETTA) – The commission")


def test_long_headline_first_in_the_header() -> None:
    head = "From boats to satellites: what is in the twelve Norland and Suddenia agreements signed during the visit"
    lead = (
        "Valletta, March 3, Norland's leader and Suddenia's leader signed twelve accords. "
        + BODY2
        + " "
        + BODY2
    )
    c = clean_text(f"Politics\n{head}\n{lead}\n{BODY2}")
    assert c.title == head and c.text.startswith("Valletta, March 3, Norland's")


@pytest.mark.parametrize(
    "line",
    [
        "Category: World, Politics",
        "Editor: Jan Other",
        "You are here:   Home > World",
        "1695 views",
        "Norland sends aid to the coast Feb 26 2024, 07:39 AM • 27317 views",
        "Storm hits Westland  • Roundup: markets fall  • Talks resume in Valletta  • Westland wins the cup",
        '<label id="x1"><meter id="x1"></meter></label>',
        "- Published",
        "RELATED STORY | Norland threatens new fishing rules",
        "Ministers meet in Valletta, Malta, March 22, 2018. EXA/EXA63-22",
        "Officials wait outside the ministry in Valletta on March 30, 2018. (REUTERS PHOTO)",
        "Photo by Jan Example",
        "Last Update: 04/05/2023 10:55",
        "Updated 04.05.23, 9:10 pm GMT",
        "ArrowArtboard Title ChevronIcon FacebookIcon LinkedinIcon Mail ContactPath LayerIcon ArrowIcon Print",
    ],
)
def test_page_furniture_in_the_body_is_dropped(line: str) -> None:
    assert clean_text(f"{BODY1}\n\n{line}\n\n{BODY2}").text == f"{BODY1}\n\n{BODY2}"


@pytest.mark.parametrize(
    ("header", "published", "author"),
    [
        ("March 3, 2024 / 9:13 AM / Updated 2 hours ago", "2024-03-03", None),
        ("Ana Example 10 seconds ago Sun 3rd March 2024 | 08:23 PM", "2024-03-03", "Ana Example"),
        ("by ANA EXAMPLE, Example Press - 03/03/24 4:17 AM ET", None, "Ana Example"),
        ("(Example Wire) By Ana Example", None, "Ana Example"),
        ("by Staff Writer Ana Example", None, "Ana Example"),
    ],
)
def test_stamps_with_ages_and_bylines_in_lower_case(
    header: str, published: str | None, author: str | None
) -> None:
    c = clean_text(f"{HEAD}\n\n{header}\n\n{BODY1}\n\n{BODY2}")
    assert (c.title, c.published, c.author, c.text) == (HEAD, published, author, f"{BODY1}\n\n{BODY2}")


def test_score_and_fixture_headlines_are_headlines() -> None:
    for head in (
        "Norland 2-1 Suddenia",
        "Norland v Suddenia",
        "iFish now sells Norland quotas",
        "$1m payoff for Norland boss",
    ):
        assert clean_text(f"{head}\n\n{BODY1}").title == head


def test_alt_text_before_its_credited_caption_goes_too() -> None:
    alt = "A minister waves before boarding a plane at Valletta airport"
    c = clean_text(f"{HEAD}\n\n{BODY1}\n\n{alt}\n{alt} on March 2, 2024 [Jan Example/AFP]\n\n{BODY2}")
    assert c.text == f"{BODY1}\n\n{BODY2}"


@pytest.mark.parametrize(
    "tail",
    [
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
        "Add new comment\nRead our comment policy before posting your viewpoints",
        "Follow Example News on Telegram. Only the most interesting news",
        "Show More\nBack to top button",
        "4 Responses to Norland sends aid",
    ],
)
def test_comment_sections_and_follow_prompts_end_the_story(tail: str) -> None:
    assert clean_text(f"{BODY1}\n\n{BODY2}\n\n{tail}").text == f"{BODY1}\n\n{BODY2}"


@pytest.mark.parametrize(
    "caption",
    [
        "This photo, provided by the Norland foreign ministry on March 2, shows the two ministers. (Example) |",
        "The minister (L) said the deal was fair [EPA]",
    ],
)
def test_more_caption_forms(caption: str) -> None:
    assert clean_text(f"{BODY1}\n\n{caption}\n\n{BODY2}").text == f"{BODY1}\n\n{BODY2}"


def test_wrapped_line_ending_like_a_counter_is_joined_not_dropped() -> None:
    raw = (
        "    The company said it bought back a large block of stock, and trading was heavy with 48,000 shares\n"
        "traded on the exchange by the close of business on Tuesday afternoon.\n"
        "    Analysts said they did not expect the buyback to change the company's plans this year.\n"
    )
    assert "48,000 shares traded on the exchange" in clean_text(raw).text


def test_wrapped_line_ending_in_an_ellipsis_continues() -> None:
    raw = (
        '    The minister told reporters before the talks in Valletta that: "The ...\n'
        'plan to share the fishing grounds has proven its worth and will stay."\n'
        "    He declined to say more about the talks, officials said on Monday.\n"
    )
    assert (
        clean_text(raw)
        .text.split("\n\n")[0]
        .endswith('that: "The ... plan to share the fishing grounds has proven its worth and will stay."')
    )


def test_paragraph_opening_with_a_closing_mark_opens_a_quotation() -> None:
    assert clean_text(f"{BODY1}\n\n”We will sign the pact,” the minister said.").text.endswith(
        "“We will sign the pact,” the minister said."
    )
