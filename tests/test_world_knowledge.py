"""World knowledge imported from PETRARCH2's Phoenix dictionaries: the importer and the query API.

The importer is tested on small dictionary snippets written here (made-up people, real codes), so
each quirk of the TABARI format is pinned down by a line that shows it. One test re-runs the
importer on the real dictionaries, when they are at hand, and requires the shipped file to come
out byte for byte: the data and the code that makes it must agree.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.link import world as world_module
from eventwire.link.world import (
    Affiliation,
    KnowledgeError,
    OrgKnowledge,
    PersonKnowledge,
    World,
    date_range,
    fold,
    load_world,
    read_states,
)

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "eventwire" / "data" / "world" / "phoenix.json.gz"


def _load_importer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_phoenix", ROOT / "scripts" / "import_phoenix.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_phoenix"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


imp = _load_importer()


# ------------------------------------------------------------------------------------------------
# synthetic dictionaries (made-up people and groups; the codes are real CAMEO codes)

COUNTRIES = """\
# a header comment, as the real files have
FREEDONIA_  [FRD]

RURITANIA_  [GBR]
+RURITANIAN_
+STRELSAU_

ARMENIA_  [ARM]
+YEREVAN_
\t[USRARM <900823]
\t[ARM >911221]

JANE_QUENTIN_EXAMPLE_  # CountryInfo.txt
+J._Q._EXAMPLE_
+PRIME_MINISTER_EXAMPLE_
\t[GBRELI 650101-970502]
\t[GBRGOV 970502-070627]  # PM
\t[GBRELI]
OLAF_MCALLISTER_O'BRIEN_  # CountryInfo.txt
\t[IRLGOV 19880101-19921231]  # check start date
\t[IRLGOVBUS >20040309]
JOSÉ_DE_LA_PRUEBA_
\t[ESPGOV > 100301]
PRESIDENT_TESTOVIC_
TESTOVIC_
MIRKO_TESTOVIC_
\t[HRVGOV >20120219]
ANNA_ZWEIMAL_  # CountryInfo.txt
\t[DEUGOV 050101-091231]
ANNA_ZWEIMAL_  # CountryInfo.txt
\t[DEUGOVEDU 100101-131231]
LOST_Z\ufffdNAME_  # CountryInfo.txt
\t[FRAGOV 030101-041231]
BROKEN_DATES_  # CountryInfo.txt
\t[ITAGOV 2004017-20061201]
\t[ITAGOV 20121207-20120802]
\t[ITAGOV 030101-041231]
DOUBLE_CODES_PERSON_  [USAGOV 010120-050120] [IGOUNOKID >050501]
SOVIET_TESTER_  # CountryInfo.txt
\t[SUNGOV 197001011-19851231]
\t[USRUKR 19700101-19851231]
KOSOVO_TESTER_  # CountryInfo.txt
\t[KSVGOV >080217]
UNITA_TEST_ARM_  [ANGREB]
NOBODY_ [QQQGOV]
KINAKUTAN_TEST_  # CountryInfo.txt
\t[KNTGOV 850101-860101]
SILENT_MINISTRY_
\t[---]
TEST_NATIONAL_ARMY_
+TNA_
\t[FRAMIL]
  # CountryInfo.txt
\t[PRTGOV >060309]
NGUYEN_VAN_TESTO_  # CountryInfo.txt
\t[VNMGOV 030101-041231]
"""

INTERNATIONAL = """\
THE_UNITED_NATIONS_ [IGOUNO]
UNITED_NATIONS_ [IGOUNO]
UN_ [IGOUNO]
EUROPEAN_UNION_ [IGOEUREEC]
+EU_
INTERNATIONAL_MONETARY_FUND_ [IGOBUSIMF]
+IMF_
ORGANIZATION_OF_THE_PETROLEUM_EXPORTING_COUNTRIES_ [IGOBUSOPC]
+OPEC_
NORTH_ATLANTIC_TREATY_ORGANIZATION_
+NATO_
\t[IGOWSTNAT]
KWAME_TESTER_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt
BRITISH_TEST_CHARITY_\t[NGOGBRHLH]
TEST_WIDGETS_INC_\t[MNCUSA]\tIndustrial Machinery/Components\t$1,000,000
KWAME_OTHERSON_\t[IGOUNO 990101-991231]# IGOrulers.txt
"""

GROUPS = """\
TEST_LIBERATION_FRONT_(TLF)_ [MEAREB] #  kkl 21 Mar 13
+TLF_
+FRONT_FOR_TESTING_+_TEST_FRONT_

AL-TESTA_ [IMGMUSALQ]

TEST_BRIGADE_ONE_
TEST_BRIGADE_TWO_
\t[SYRREB]
A_HEADER_LINE
TEST_CELL_WITH_CODE_ [FRAREB]
KWAME_LEADERSON_ [IMGMUSALQ]
"""

AGENTS = """\
# agents header
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINIST! = MINISTER, MINISTERS

FARMER [~AGR]
DAIRY!PERSON! [~AGR]
FOREIGN_!MINIST! [~GOV]
POLICE {} [~COP]
LAWMAN {LAWMEN} [~COP]
ATTORNEY [~JUD]
SECRETARY [~GOV]
PEACEKEEPER [IGO~]
GREEN_ACTIVIST [~ENV}
NO_CODE_HERE
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The synthetic dictionaries imported: (output file, summary on stdout, problems on stderr)."""
    src = tmp_path_factory.mktemp("phoenix")
    (src / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (src / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (src / "Phoenix.MilNonState.actors.txt").write_text(GROUPS, encoding="utf-8")
    (src / "Phoenix.agents.txt").write_text(AGENTS, encoding="utf-8")
    (src / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) 2014 Test\n", encoding="utf-8")
    out = src / "out" / "phoenix.json.gz"
    import contextlib
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        assert imp.main([str(src), str(out)]) == 0
    return out, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def mini(imported: tuple[Path, str, str]) -> World:
    return load_world(imported[0])


@pytest.fixture(scope="module")
def doc(imported: tuple[Path, str, str]) -> dict[str, object]:
    return json.loads(gzip.decompress(imported[0].read_bytes()))


# ------------------------------------------------------------------------------------------------
# the importer: names


@pytest.mark.parametrize(
    ("raw", "natural"),
    [
        ("TONY_TESTER_", "Tony Tester"),
        ("JOHN_MCTEST", "John McTest"),
        ("HAROLD_MACDONALDSON_", "Harold MacDonaldson"),
        ("LUIS_MACHADOS", "Luis Machados"),  # not Mac-Hados
        ("SEAN_O'TESTER", "Sean O'Tester"),
        ("MIGUEL_D'TESTO_", "Miguel d'Testo"),
        ("ABDEL-FATTAH_EL-TESTI", "Abdel-Fattah el-Testi"),
        ("OMAR_BIN_TEST", "Omar bin Test"),
        ("LOTHAR_DE_TESTIERE_", "Lothar de Testiere"),
        ("FERNANDO_DE_LA_PRUEBA", "Fernando de la Prueba"),
        ("JEAN_LE_TESTEUR", "Jean Le Testeur"),  # French Le keeps its capital
        ("HANS_VAN_DER_TEST_", "Hans van der Test"),
        ("AL_TESTER_", "Al Tester"),  # a first word is never a particle
        ("R.K._TESTAURI_", "R.K. Testauri"),
        ("C._TESTER", "C. Tester"),
        ("ELIZABETH_TEST_II", "Elizabeth Test II"),
        ("XI_TESTPING", "Xi Testping"),  # XI first: a name, not a numeral
        ("JAISH-E-TESTAM", "Jaish-e-Testam"),
        ("KYUNG-WHA_TEST_", "Kyung-Wha Test"),
        ("ERDOĞAN_TEST", "Erdoğan Test"),
        ("JONATHAN SHAFTESTER_", "Jonathan Shaftester"),  # a space joins words like '_'
        ("FOREIGN_MINISTER_OF_TESTLAND", "Foreign Minister of Testland"),
        ("Albanian leader Test Rugovic", "Albanian leader Test Rugovic"),  # mixed case is kept
    ],
)
def test_people_names_come_out_in_natural_case(raw: str, natural: str) -> None:
    assert imp.natural_name(raw, [raw], frozenset(), org=False) == natural


@pytest.mark.parametrize(
    ("raw", "others", "natural"),
    [
        ("NATO_", ["NORTH_ATLANTIC_TREATY_ORGANIZATION_"], "NATO"),
        (
            "ISLAMIC_STATE_OF_TESTLAND_AND_THE_LEVANT_(ISTL)",
            [],
            "Islamic State of Testland and the Levant (ISTL)",
        ),
        ("UNITED_NATIONS_CHILDREN'S_FUND_", [], "United Nations Children's Fund"),
        ("TEST_RELIEF_SANS_FRONTIERES_(MSF)", [], "Test Relief Sans Frontieres (MSF)"),  # no vowel: acronym
        ("PEOPLE'S_TEST_ARMY_(TESTLAND)_", [], "People's Test Army (Testland)"),
        ("23RD_OF_TESTEMBER_LEAGUE", [], "23rd of Testember League"),
        ("HAMTEST", [], "Hamtest"),
    ],
)
def test_organisation_names_keep_the_acronyms_they_spell_out(
    raw: str, others: list[str], natural: str
) -> None:
    assert imp.natural_name(raw, [raw, *others], frozenset(), org=True) == natural


def test_learned_acronyms_need_evidence_from_the_dictionaries() -> None:
    learned = imp.learn_acronyms(
        [
            ("organization", ["UNITED_NATIONS_", "UN_"]),  # two letters naming an organisation
            ("organization", ["TESTLAND_NATIONAL_ARMY_", "TNA_"]),  # spells out its own entry
            ("group", ["UMAR_TEST_"]),  # looks like one, is not
            ("place", ["UNITED_STATES_", "US_"]),
        ]
    )
    assert {"UN", "TNA", "US"} <= learned
    assert "UMAR" not in learned


# ------------------------------------------------------------------------------------------------
# the importer: dates and codes


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("970502", "1997-05-02"),
        ("070627", "2007-06-27"),
        ("300101", "2030-01-01"),  # PETRARCH's pivot: YY <= 30 is 20YY (no such date in the files)
        ("310101", "1931-01-01"),
        ("19270101", "1927-01-01"),
        ("20140608", "2014-06-08"),
    ],
)
def test_dates_read_six_and_eight_digits(text: str, iso: str) -> None:
    assert imp.parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [("9008223", "1990-08-22"), ("2004017", "2020-04-01"), ("201005011", "2010-05-01")],
)
def test_dates_of_other_lengths_are_read_as_petrarch_reads_them(text: str, iso: str) -> None:
    assert imp.parse_date(text) == iso  # up to 7 digits: first six as YYMMDD; more: first eight


@pytest.mark.parametrize("text", ["20040", "970231", "19970230"])
def test_short_dates_and_impossible_days_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=text):
        imp.parse_date(text)


@pytest.mark.parametrize(
    ("content", "start", "end"),
    [
        ("GBRGOV 970502-070627", "1997-05-02", "2007-06-27"),
        ("RUSGOV >20040309", "2004-03-09", None),
        ("EGYGOV > 140608", "2014-06-08", None),  # a space after '>'
        ("HTIOPPMED <061231", None, "2006-12-31"),  # '<': ends then, no known start
        ("AFGELI 19270101-730717", "1927-01-01", "1973-07-17"),  # both formats in one code
        ("GBRELI", None, None),
    ],
)
def test_date_restrictions(content: str, start: str | None, end: str | None) -> None:
    code = imp.parse_bracket(content, 7)
    assert (code.start, code.end, code.line) == (start, end, 7)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("ITAGOV 20121207-20120802", "end 2012-08-02 before start 2012-12-07"),
        ("---", "null code"),
        ("USAGOV 19820101", "unreadable date restriction"),
    ],
)
def test_unreadable_codes_say_why(content: str, reason: str) -> None:
    assert reason in imp.parse_bracket(content, 1)


@pytest.fixture(scope="module")
def table() -> object:
    return imp.CodeTable.load(ROOT / "scripts" / "phoenix_codes.yaml")


@pytest.mark.parametrize(
    ("code", "kind", "country", "sector"),
    [
        ("GBRGOV", "domestic", "GBR", "GOV"),
        ("AFGGOVAGR", "domestic", "AFG", "GOV"),
        ("USRARM", "domestic", "SUN", None),  # USR + republic: the Soviet Union's code
        ("KSVGOV", "domestic", "XKX", "GOV"),  # Kosovo: the code eventwire uses
        ("ANGREB", "domestic", "AGO", "REB"),  # Angola's old code
        ("TMPGOV", "domestic", "TLS", "GOV"),
        ("DDRGOV", "domestic", "DDR", "GOV"),  # historic states keep their codes
        ("YUGHRV", "domestic", "YUG", None),
        ("IGOUNO", "igo", None, None),
        ("IGOUNOHLHWHO", "igo", None, "HLH"),
        ("NGOGBRHLH", "ngo", "GBR", "HLH"),  # an NGO's home state
        ("MNCUSA", "company", "USA", None),
        ("IMGMUSALQ", "armed_group", None, "MUS"),  # MUS here is Muslim, not Mauritius
        ("MEAREB", "region", None, "REB"),
        ("ELI", "none", None, "ELI"),
    ],
)
def test_codes_are_read_with_the_non_iso_mapping(
    code: str, kind: str, country: str | None, sector: str | None, table: object
) -> None:
    reading = imp.read_code(code, table)
    assert (reading.code, reading.kind, reading.country, reading.sector) == (code, kind, country, sector)


def test_unknown_and_fictional_codes_are_not_read(table: object) -> None:
    assert "unknown first part 'QQQ'" in imp.read_code("QQQGOV", table)
    assert imp.read_code("KNTGOV", table) == "fictional"
    assert "three-letter parts" in imp.read_code("NGOEEURENV", table)


def test_every_non_iso_mapping_points_at_a_code_eventwire_knows(table: object) -> None:
    countries = (ROOT / "src" / "eventwire" / "data" / "countries.yaml").read_text(encoding="utf-8")
    for target in {*table.state_aliases.values(), *table.historic}:
        assert f"\n{target}:" in countries or target == "SCG", target


# ------------------------------------------------------------------------------------------------
# the importer end to end, on the synthetic dictionaries


def test_people_get_aliases_dated_affiliations_and_defaults(mini: World) -> None:
    (jane,) = mini.people_named("Jane Quentin Example")
    assert jane.aliases == ("J. Q. Example", "Prime Minister Example")
    assert jane.affiliations == (
        Affiliation("GBRELI", "domestic", "GBR", "ELI", "1965-01-01", "1997-05-02", None),
        Affiliation("GBRGOV", "domestic", "GBR", "GOV", "1997-05-02", "2007-06-27", "Prime Minister"),
    )
    assert jane.default == Affiliation("GBRELI", "domestic", "GBR", "ELI")
    assert jane.source == ("countries:13",)


def test_an_office_comes_only_from_a_comment_that_names_one(mini: World) -> None:
    (olaf,) = mini.people_named("Olaf McAllister O'Brien")
    assert [a.office for a in olaf.affiliations] == [None, None]  # "check start date" is a note
    assert olaf.affiliations[1].start == "2004-03-09" and olaf.affiliations[1].end is None


def test_code_less_name_lines_share_the_next_codes(mini: World) -> None:
    (mirko,) = mini.people_named("Mirko Testovic")
    assert mirko.name == "President Testovic"
    assert set(mirko.aliases) == {"Testovic", "Mirko Testovic"}
    assert mirko.affiliation_on("2013").country == "HRV"


def test_particles_depend_on_the_state(mini: World) -> None:
    assert mini.people_named("nguyen van testo")[0].name == "Nguyen Van Testo"  # Van is a name there
    assert mini.people_named("jose de la prueba")[0].name == "José de la Prueba"


def test_leaders_listed_in_the_armed_groups_file_are_people(mini: World) -> None:
    (leader,) = mini.people_named("Kwame Leaderson")  # KWAME starts two sure people's names
    assert leader.affiliation_on("2005") == Affiliation("IMGMUSALQ", "armed_group", None, "MUS")
    assert mini.organization("Kwame Leaderson") is None


def test_code_less_lines_listing_several_groups_share_codes_but_stay_apart(mini: World) -> None:
    one, two = mini.organization("Test Brigade One"), mini.organization("Test Brigade Two")
    assert one is not two and one.code == two.code == "SYRREB" and one.aliases == two.aliases == ()


def test_a_code_less_line_before_a_coded_one_stands_alone(
    mini: World, imported: tuple[Path, str, str]
) -> None:
    assert mini.organization("Test Cell With Code").aliases == ()
    assert "Phoenix.MilNonState.actors.txt:10: entry without a usable code: A_HEADER_LINE" in imported[2]


def test_several_codes_on_the_name_line_are_all_read(mini: World) -> None:
    (person,) = mini.people_named("Double Codes Person")
    assert [(a.code, a.start, a.end) for a in person.affiliations] == [
        ("USAGOV", "2001-01-20", "2005-01-20"),
        ("IGOUNOKID", "2005-05-01", None),
    ]


def test_the_same_person_listed_twice_becomes_one(mini: World) -> None:
    (anna,) = mini.people_named("Anna Zweimal")
    assert [a.code for a in anna.affiliations] == ["DEUGOV", "DEUGOVEDU"]


def test_historic_and_non_iso_codes_reach_people(mini: World) -> None:
    (soviet,) = mini.people_named("Soviet Tester")
    assert {a.country for a in soviet.affiliations} == {"SUN"}
    assert mini.people_named("Kosovo Tester")[0].affiliation_on("2010").country == "XKX"


def test_international_people_keep_the_igo_code(mini: World) -> None:
    (kwame,) = mini.people_named("Kwame Tester")
    assert kwame.affiliation_on("2000") == Affiliation(
        "IGOUNO", "igo", None, None, "1997-01-01", "2006-12-31"
    )
    assert kwame.affiliation_on("2010") == Affiliation("ELI", "none", None, "ELI")


def test_organisations_are_told_apart_by_their_codes(mini: World) -> None:
    codes = {
        name: mini.organization(name).code
        for name in ("the United Nations", "UN", "EU", "IMF", "OPEC", "NATO")
    }
    assert codes == {
        "the United Nations": "IGOUNO",
        "UN": "IGOUNO",
        "EU": "IGOEUREEC",
        "IMF": "IGOBUSIMF",
        "OPEC": "IGOBUSOPC",
        "NATO": "IGOWSTNAT",
    }
    assert len({codes["UN"], codes["EU"], codes["IMF"], codes["OPEC"]}) == 4
    un = mini.organization("United Nations")
    assert (un.name, un.kind, un.country, un.category) == ("The United Nations", "igo", None, "organization")
    assert un.source == ("international:1", "international:2")  # "The United Nations" = "United Nations"


def test_organisations_have_a_kind_and_a_home_state(mini: World) -> None:
    charity = mini.organization("British Test Charity")
    assert (charity.kind, charity.country, charity.sector) == ("ngo", "GBR", "HLH")
    widgets = mini.organization("Test Widgets Inc")
    assert (widgets.kind, widgets.country) == ("company", "USA")
    army = mini.organization("TNA")
    assert (army.name, army.kind, army.country, army.sector) == (
        "Test National Army",
        "domestic",
        "FRA",
        "MIL",
    )


def test_armed_groups_come_from_their_file_and_from_other_files_by_sector(mini: World) -> None:
    front = mini.organization("Test Liberation Front (TLF)")
    assert (front.category, front.kind, front.country, front.sector) == ("group", "region", None, "REB")
    assert mini.organization("Front for Testing") is front  # an alias line with two '+' aliases
    assert mini.organization("Test Front") is front
    assert mini.organization("TLF") is front
    assert mini.organization("al-Testa").kind == "armed_group"
    unita = mini.organization("Unita Test Arm")
    assert (unita.category, unita.country) == ("group", "AGO")


def test_places_carry_their_state_and_its_history(mini: World) -> None:
    armenia = mini.place("Yerevan")
    assert (armenia.name, armenia.kind, armenia.country) == ("Armenia", "state", "ARM")
    assert [(h.country, h.start, h.end) for h in armenia.history] == [
        ("SUN", None, "1990-08-23"),
        ("ARM", "1991-12-21", None),
    ]
    ruritania = mini.place("Strelsau")
    assert (ruritania.kind, ruritania.country) == ("place", "GBR")


def test_agents_expand_markers_and_plurals(mini: World) -> None:
    assert mini.agent_sector("farmers") == "AGR"
    assert mini.agent_sector("Dairywomen") == "AGR"
    assert mini.agent_sector("foreign ministers") == "GOV"
    assert mini.agent_sector("foreign ministerses") is None  # markers get no extra plural
    assert mini.agent_sector("lawmen") == "COP"
    assert mini.agent_sector("polices") is None  # {}: no plural
    assert mini.agent_sector("attorneys") == "JUD" and mini.agent_sector("secretaries") == "GOV"
    assert mini.agent("peacekeepers").code == "IGO~"
    assert mini.agent_sector("green activist") == "ENV"  # [~ENV} read as [~ENV]
    assert mini.agent_sector("no code here") is None


def test_nothing_is_dropped_silently(imported: tuple[Path, str, str]) -> None:
    _, summary, problems = imported
    expected = [
        "Phoenix.Countries.actors.txt:32: name with a lost character",
        "Phoenix.Countries.actors.txt:32: entry without a name",
        "Phoenix.Countries.actors.txt:35: end 2006-12-01 before start 2020-04-01",
        "Phoenix.Countries.actors.txt:36: end 2012-08-02 before start 2012-12-07",
        "Phoenix.Countries.actors.txt:45: unknown first part 'QQQ'",
        "Phoenix.Countries.actors.txt:45: entry without a usable code: NOBODY_",
        "Phoenix.Countries.actors.txt:46: fictional state (KNT)",
        "Phoenix.Countries.actors.txt:49: null code [---]",
        "Phoenix.Countries.actors.txt:48: entry without a usable code: SILENT_MINISTRY_",
        "Phoenix.Countries.actors.txt:53: entry without a name",  # "  # CountryInfo.txt" then a code
        "Phoenix.Countries.actors.txt:2: unknown first part 'FRD'",
        "Phoenix.Countries.actors.txt:40: warning: date '197001011' read as PETRARCH does",
        "Phoenix.agents.txt:14: agent without a code: NO_CODE_HERE",
        "Phoenix.International.actors.txt:15: text after the codes ignored",
    ]
    for line in expected:
        assert line in problems, line
    assert "name with a lost character (U+001A or U+FFFD)" in summary
    assert "name lines sharing the codes of the code-less name line above" in summary


def test_broken_dates_lose_only_their_own_code(mini: World) -> None:
    (person,) = mini.people_named("Broken Dates")
    assert [(a.start, a.end) for a in person.affiliations] == [("2003-01-01", "2004-12-31")]


def test_the_output_is_byte_stable(imported: tuple[Path, str, str], tmp_path: Path) -> None:
    out, _, _ = imported
    again = tmp_path / "again.json.gz"
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        imp.main([str(out.parent.parent), str(again)])
    assert again.read_bytes() == out.read_bytes()
    assert out.read_bytes()[4:8] == b"\0\0\0\0"  # gzip mtime 0


def test_the_output_carries_source_and_licence(doc: dict[str, object]) -> None:
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in doc["source"]
    assert "MIT License" in doc["licence"]
    assert doc["affiliation_fields"] == ["code", "kind", "country", "sector", "start", "end", "office"]
    names = [p["name"] for p in doc["people"]]
    assert names == sorted(names, key=fold)


def test_the_importer_folds_like_the_query_module() -> None:
    for text in ["Abdel-Fattah el-Sīsī", "U.N.", "Qa'ida", "  ERDOĞAN  ", "Łódź_Test", "İstanbul"]:
        assert imp.fold(text) == fold(text), text


# ------------------------------------------------------------------------------------------------
# the query API on hand-built knowledge


def _aff(
    code: str, start: str | None = None, end: str | None = None, office: str | None = None
) -> Affiliation:
    return Affiliation(code, "domestic", code[:3], code[3:6] or None, start, end, office)


MINISTER = PersonKnowledge(
    name="Zofia Próbna",
    aliases=("Z. Probna", "Minister Probna"),
    affiliations=(
        _aff("POLELI", "1970-01-01", "1997-05-02"),
        _aff("POLGOVBUS", "1997-05-02", "2001-03-15", "Minister of Finance"),
        _aff("POLGOV", "2001-03-16", "2005-10-31", "Prime Minister"),
        _aff("POLGOV", "2001-01-01", "2005-12-31"),  # a broader, duplicated record
    ),
    defaults=(_aff("POLELI"),),
    source=("countries:1",),
)


@pytest.mark.parametrize(
    ("date", "code", "office"),
    [
        ("1999", "POLGOVBUS", "Minister of Finance"),
        ("1999-07", "POLGOVBUS", "Minister of Finance"),
        ("1999-07-14", "POLGOVBUS", "Minister of Finance"),
        ("1997-05-02", "POLGOVBUS", "Minister of Finance"),  # both hold that day: the newer wins
        ("1997", "POLGOVBUS", "Minister of Finance"),
        ("2001", "POLGOV", "Prime Minister"),  # three hold in 2001: the latest start wins
        ("2001-02", "POLGOV", None),  # before the premiership, after the broad record began
        ("2001-03-15", "POLGOV", None),  # the broad record started later than the ministry
        ("2005-11", "POLGOV", None),
        ("1960", "POLELI", None),  # nothing holds: the undated default
        ("2020-01-01", "POLELI", None),
    ],
)
def test_affiliation_on_any_precision(date: str, code: str, office: str | None) -> None:
    found = MINISTER.affiliation_on(date)
    assert (found.code, found.office) == (code, office)


def test_affiliation_without_a_date_is_the_latest() -> None:
    assert MINISTER.affiliation_on(None) == _aff("POLGOV", "2001-01-01", "2005-12-31")
    open_ended = PersonKnowledge(
        "A", (), (_aff("POLGOV", "2001-01-01", "2005-12-31"), _aff("POLLEG", "2010-01-01")), (), ()
    )
    assert open_ended.affiliation_on(None).code == "POLLEG"
    nothing = PersonKnowledge("B", (), (), (), ())
    assert nothing.affiliation_on(None) is None and nothing.affiliation_on("2001") is None


def test_affiliations_on_lists_every_holder_best_first() -> None:
    assert [a.code for a in MINISTER.affiliations_on("2001")] == ["POLGOV", "POLGOV", "POLGOVBUS"]
    assert MINISTER.affiliations_on("2001")[0].office == "Prime Minister"


@pytest.mark.parametrize("bad", ["1999-13", "99", "1999-02-32", "1999/02/03", "yesterday"])
def test_bad_query_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        MINISTER.affiliation_on(bad)


def test_date_range_covers_the_whole_period() -> None:
    assert date_range("1987") == ("1987-01-01", "1987-12-31")
    assert date_range("1987-02") == ("1987-02-01", "1987-02-31")
    assert date_range("1987-02-03") == ("1987-02-03", "1987-02-03")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zofia Próbna", "ZOFIA PROBNA"),
        ("Abdel-Fattah el-Sisi", "abdel fattah  el sisi"),
        ("U.N.", "UN"),
        ("Al-Qa'ida", "al qaida"),
        ("Erdoğan", "erdogan"),
        ("Søren", "soren"),
        ("İnönü", "inonu"),
        ("O’Neill", "o'neill"),
    ],
)
def test_fold_ignores_accents_case_dots_and_hyphens(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.fixture(scope="module")
def tiny() -> World:
    namesake = PersonKnowledge("Zofia Probna", (), (_aff("CZEGOV", "2010-01-01"),), (), ("countries:2",))
    assad = PersonKnowledge(
        "Bashar al-Testad", ("Testad",), (_aff("SYRGOV", "2000-07-17"),), (), ("countries:3",)
    )
    alias_only = PersonKnowledge("Minister Probna Junior", ("Probna",), (), (), ("countries:4",))
    un = OrgKnowledge(
        "The United Nations", ("U.N.",), "organization", "IGOUNO", "igo", None, None, None, None, (), ()
    )
    return World([MINISTER, namesake, assad, alias_only], [un], [], [], read_states())


def test_people_named_by_full_name_or_alias_folding_accents(tiny: World) -> None:
    assert [p.source for p in tiny.people_named("zofia probna")] == [("countries:1",), ("countries:2",)]
    assert tiny.people_named("MINISTER PROBNA") == [MINISTER]
    assert tiny.people_named("Z Probna") == [MINISTER]  # dots do not matter
    assert tiny.people_named("Nobody") == []


def test_full_names_come_before_alias_matches(tiny: World) -> None:
    found = tiny.people_named("Probna")
    assert [p.name for p in found] == ["Minister Probna Junior"]  # only an alias; still found


def test_people_with_surname(tiny: World) -> None:
    assert {p.source[0] for p in tiny.people_with_surname("Próbna")} == {
        "countries:1",
        "countries:2",
        "countries:4",
    }
    assert [p.name for p in tiny.people_with_surname("al-Testad")] == ["Bashar al-Testad"]
    assert [p.name for p in tiny.people_with_surname("Testad")] == ["Bashar al-Testad"]
    assert tiny.people_with_surname("Blair") == []


def test_organization_lookup_ignores_a_leading_the(tiny: World) -> None:
    assert tiny.organization("United Nations").code == "IGOUNO"
    assert tiny.organization("the U.N.").code == "IGOUNO"
    assert tiny.organization("United Nations Organisation") is None
    assert tiny.agent_sector("farmer") is None


# ------------------------------------------------------------------------------------------------
# historical states


@pytest.mark.parametrize(
    ("code", "date", "then"),
    [
        ("UKR", "1985-06-01", "SUN"),
        ("UKR", "1991", "SUN"),  # a year reads as its first day
        ("UKR", "1992", "UKR"),
        ("EST", "1991-10", "EST"),  # the Baltic states left in September 1991
        ("RUS", "1980", "SUN"),
        ("SUN", "1985", "SUN"),
        ("SUN", "1995", "RUS"),  # a code used after its state ended: the successor
        ("SRB", "1995", "YUG"),
        ("SRB", "2004", "SCG"),
        ("SRB", "2007", "SRB"),
        ("MNE", "2006-06-04", "MNE"),
        ("YUG", "2010", "SRB"),  # successors chain
        ("HRV", "1990", "YUG"),
        ("XKX", "1995", "YUG"),
        ("CZE", "1990", "CSK"),
        ("SVK", "1993-01-01", "SVK"),
        ("DDR", "1991", "DEU"),
        ("DEU", "1980", "DEU"),  # West Germany is DEU throughout
        ("FRA", "1950", "FRA"),
        ("ukr", "1985", "SUN"),
        ("UKR", None, "UKR"),
    ],
)
def test_state_on(tiny: World, code: str, date: str | None, then: str) -> None:
    assert tiny.state_on(code, date) == then


def test_states_yaml_faults_name_the_file_and_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "states.yaml"
    bad.write_text(
        'states:\n  - {code: SUN, name: Soviet Union, end: "1991-12-26", parts: {UKR: 1991-12-26}}\n'
    )
    with pytest.raises(KnowledgeError, match=rf"^{bad}: states\[0\]\.parts\.UKR: expected a quoted ISO date"):
        read_states(bad)
    bad.write_text("states:\n  - {code: SUN, name: Soviet Union}\n")
    with pytest.raises(KnowledgeError, match=r"states\[0\]\.end: missing"):
        read_states(bad)


# ------------------------------------------------------------------------------------------------
# malformed files


def _write(path: Path, doc: object) -> Path:
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    return path


@pytest.fixture
def good_doc() -> dict[str, object]:
    return {
        "format": 1,
        "affiliation_fields": ["code", "kind", "country", "sector", "start", "end", "office"],
        "source": "test",
        "licence": "MIT",
        "people": [
            {
                "name": "Zofia Probna",
                "aliases": [],
                "source": ["countries:1"],
                "affiliations": [["POLGOV", "domestic", "POL", "GOV", "2001-03-16", None, "Prime Minister"]],
                "defaults": [],
            }
        ],
        "organizations": [],
        "groups": [],
        "places": [],
        "agents": [{"word": "farmer", "plurals": ["farmers"], "code": "~AGR", "sector": "AGR"}],
    }


def test_a_good_file_loads(tmp_path: Path, good_doc: dict[str, object]) -> None:
    w = load_world(_write(tmp_path / "w.json.gz", good_doc))
    assert w.people_named("zofia probna")[0].affiliation_on("2002").office == "Prime Minister"
    assert w.agent_sector("farmers") == "AGR"


@pytest.mark.parametrize(
    ("damage", "where", "what"),
    [
        (lambda d: d.pop("people"), "people", "expected a list"),
        (lambda d: d.update(format=2), "format", "expected 1"),
        (lambda d: d["people"][0].pop("name"), r"people\[0\]\.name", "expected text"),
        (
            lambda d: d["people"][0].update(aliases="Z. Probna"),
            r"people\[0\]\.aliases",
            "expected a list of text",
        ),
        (
            lambda d: d["people"][0]["affiliations"][0].__setitem__(4, "2001"),
            r"people\[0\]\.affiliations\[0\]\.start",
            "expected an ISO date",
        ),
        (
            lambda d: d["people"][0]["affiliations"][0].pop(),
            r"people\[0\]\.affiliations\[0\]",
            "expected an array of 7 fields",
        ),
        (
            lambda d: d["people"][0]["affiliations"][0].__setitem__(0, None),
            r"people\[0\]\.affiliations\[0\]\.code",
            "expected text",
        ),
        (lambda d: d["agents"][0].pop("sector"), r"agents\[0\]\.sector", "expected text"),
    ],
)
def test_malformed_files_name_the_file_and_the_key(
    tmp_path: Path, good_doc: dict[str, object], damage, where: str, what: str
) -> None:  # noqa: ANN001
    damage(good_doc)
    path = _write(tmp_path / "bad.json.gz", good_doc)
    with pytest.raises(KnowledgeError, match=rf"^{path}: {where}: {what}") as caught:
        load_world(path)
    assert isinstance(caught.value, ValueError)


def test_a_missing_key_is_not_a_null(tmp_path: Path, good_doc: dict[str, object]) -> None:
    good_doc["organizations"] = [
        {
            "name": "Test Org",
            "aliases": [],
            "source": [],
            "code": "IGO",
            "kind": "igo",
            "sector": None,
            "start": None,
            "end": None,
            "history": [],
        }
    ]
    path = _write(tmp_path / "bad.json.gz", good_doc)
    with pytest.raises(KnowledgeError, match=r"organizations\[0\]\.country: missing"):
        load_world(path)


def test_a_file_that_is_not_gzipped_json(tmp_path: Path) -> None:
    path = tmp_path / "plain.json.gz"
    path.write_text("{}")
    with pytest.raises(KnowledgeError, match=rf"^{path}: \(file\): cannot read gzipped JSON"):
        load_world(path)


# ------------------------------------------------------------------------------------------------
# the shipped data


def _phoenix_source() -> Path | None:
    for candidate in (
        Path("/work/shared/knowledge/phoenix"),
        ROOT.parent / "shared" / "knowledge" / "phoenix",
    ):
        if (candidate / "Phoenix.Countries.actors.txt").exists():
            return candidate
    return None


@pytest.mark.skipif(_phoenix_source() is None, reason="the Phoenix dictionaries are not at hand")
def test_the_shipped_file_is_what_the_importer_makes(tmp_path: Path) -> None:
    import contextlib
    import io

    out = tmp_path / "phoenix.json.gz"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        imp.main([str(_phoenix_source()), str(out)])
    assert out.read_bytes() == SHIPPED.read_bytes(), (
        "re-run scripts/import_phoenix.py and commit the data file"
    )


@pytest.fixture(scope="module")
def shipped() -> World:
    return load_world()


def test_the_default_world_is_loaded_once(shipped: World) -> None:
    assert load_world() is shipped
    assert world_module.DEFAULT_PATH == SHIPPED


def test_shipped_heads_of_government_resolve_on_a_date_in_office(shipped: World) -> None:
    (blair,) = shipped.people_named("Tony Blair")
    on = blair.affiliation_on("2003-03-20")
    assert (on.country, on.sector) == ("GBR", "GOV")
    assert blair.affiliation_on("1990").sector == "ELI"
    merkel = shipped.people_named("Angela Merkel")[0].affiliation_on("2010")
    assert (merkel.country, merkel.sector) == ("DEU", "GOV")
    assert "Tony Blair" in [p.name for p in shipped.people_with_surname("Blair")]


def test_shipped_igos_have_their_own_codes(shipped: World) -> None:
    un, eu = shipped.organization("United Nations"), shipped.organization("European Union")
    imf, opec = shipped.organization("IMF"), shipped.organization("OPEC")
    assert (un.code, un.kind) == ("IGOUNO", "igo")
    assert len({un.code, eu.code, imf.code, opec.code}) == 4
    assert shipped.people_named("Kofi Annan")[0].affiliation_on("2000").code == "IGOUNO"


def test_shipped_data_has_no_codes_outside_the_mapping(shipped: World, table: object) -> None:
    known = table.iso | table.historic | table.other_states | table.unrecognised | {None}
    countries = {a.country for p in shipped.people for a in (*p.affiliations, *p.defaults)}
    countries |= {o.country for o in shipped.organizations} | {p.country for p in shipped.places}
    assert countries <= known
    assert all(
        a.start is None or a.end is None or a.start <= a.end for p in shipped.people for a in p.affiliations
    )
    assert "USR" not in countries and "KSV" not in countries
    assert shipped.agent_sector("farmers") == "AGR"
    assert shipped.state_on("UKR", "1985") == "SUN"
