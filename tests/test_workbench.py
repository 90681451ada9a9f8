"""The analyst's workbench, second round (issue 18), over real HTTP on SQLite and PostgreSQL:
filters by names, worded 422s, facets and sort, exports of exactly the filtered view, Atom feeds,
inert non-web links. The corpus is the small invented one of eventwire.web.testing.
"""

from __future__ import annotations

import csv
import io
import json

import feedparser
import httpx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.model import Article
from eventwire.store import Store
from eventwire.web.app import create_app
from eventwire.web.testing import serve, synthetic_corpus


@pytest.fixture
def api(db_url: str):
    store = Store(db_url)
    synthetic_corpus(store)
    evil = Article(
        id="a_syn_js",
        path="evil.json",
        url="javascript:alert(4)",
        text="A harbour official spoke about ferries.",
        title="Ferries",
        published="2024-10-01",
    )
    store.add_batch([(evil, None, None)])
    with serve(create_app(store, cache_seconds=0)) as base, httpx.Client(base_url=base, timeout=60) as c:
        yield c
    store.close()


def total(c: httpx.Client, path: str, **params: str) -> int:
    r = c.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()["total"]


def detail(r: httpx.Response) -> str:
    assert r.status_code == 422, r.text
    return " ".join(e["msg"] for e in r.json()["detail"])


def test_country_and_dyad_take_codes_names_and_aliases(api):
    by_code = total(api, "/api/events", country="TUR")
    assert by_code == 6
    for name in ("Turkey", "Türkiye", "turkiye", "tur"):
        assert total(api, "/api/events", country=name) == by_code, name
    assert (
        total(api, "/api/events", dyad="Türkiye,Malaysia") == total(api, "/api/events", dyad="TUR,MYS") == 5
    )
    assert api.get("/api/dyads/Turkey/Malaysia/timeline").json()["dyad"] == ["TUR", "MYS"]


def test_actor_takes_an_id_a_name_or_an_alias(api):
    assert total(api, "/api/quotes", actor="Ada Demir") == total(api, "/api/quotes", actor="p_ada_demir") == 1
    assert total(api, "/api/quotes", actor="demir") == 1  # an alias, any case
    assert total(api, "/api/events", actor="Ankara") == total(api, "/api/events", actor="c:TUR") == 6
    msg = detail(api.get("/api/events", params={"actor": "Nobody Known"}))
    assert "no actor" in msg and "Nobody Known" in msg


def test_q_matches_the_actors_and_countries_it_names(api):
    # no evidence sentence says "Türkiye", yet its events are Turkey's
    assert total(api, "/api/events", q="Türkiye") == total(api, "/api/events", country="TUR")
    assert total(api, "/api/events", q="Ankara") >= 6  # an alias of c:TUR
    assert total(api, "/api/actors", q="Ankara") == 1
    page = api.get("/search", params={"q": "Turkey"}, headers={"accept": "text/html"}).text
    assert page.count('class="rowlink" href="/events/') == 6


def test_unknown_values_are_422s_that_say_what_is_allowed(api):
    msg = detail(api.get("/api/events", params={"type": "FOO"}))
    assert "FOO" in msg and "AGREE" in msg and "ASSAULT" in msg
    assert "agreement" in detail(api.get("/api/deals", params={"type": "bogus"}))
    msg = detail(api.get("/api/events", params={"country": "XXX"}))
    assert "XXX" in msg and "alpha-3" in msg and "Turkey" in msg
    assert "newest first" in detail(api.get("/api/events", params={"sort": "size"}))
    assert "type, country" in detail(api.get("/api/events", params={"facet": "colour"}))
    assert "quotes have no type" in detail(api.get("/api/quotes", params={"type": "x"}))
    # the same on pages: an error page in words, not an empty page
    r = api.get("/dyads/TUR/XXX", headers={"accept": "text/html"})
    assert r.status_code == 422 and "knows no country" in r.text and "Türkiye" in r.text
    r = api.get("/events", params={"type": "FOO"}, headers={"accept": "text/html"})
    assert r.status_code == 422 and "AGREE" in r.text
    r = api.get("/dyads/Turkey/Malaysia", headers={"accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/dyads/TUR/MYS"


def test_docs_describe_parameters_in_words_not_regexes(api):
    text = api.get("/docs", headers={"accept": "text/html"}).text
    assert "pattern ^" not in text and "[A-Za-z]" not in text
    assert "Türkiye" in text


def test_facets_count_the_filtered_records(api):
    body = api.get(
        "/api/events", params={"facet": ["type", "country", "actor", "year"], "dyad": "TUR,MYS"}
    ).json()
    f = body["facets"]
    assert {v["value"]: v["count"] for v in f["type"]["values"]} == {"CONSULT": 3, "AGREE": 1, "ACCUSE": 1}
    assert {v["value"]: v["count"] for v in f["country"]["values"]} == {"MYS": 5, "TUR": 5}
    assert {v["value"]: v["count"] for v in f["year"]["values"]} == {2024: 4, 2025: 1}
    actors = {v["value"]: (v["label"], v["count"]) for v in f["actor"]["values"]}
    assert actors["c:TUR"] == ("Turkey", 5)
    assert "facets" not in api.get("/api/events").json()
    one = api.get("/api/actors", params={"facet": "type,country"}).json()["facets"]
    assert {v["value"]: v["count"] for v in one["type"]["values"]}["country"] == 3


def test_sort_orders(api):
    def order(kind: str, sort: str) -> list[str]:
        return [r["id"] for r in api.get(f"/api/{kind}", params={"sort": sort}).json()["items"]]

    assert order("events", "-date")[0] == "e_syn_fra" and order("events", "date")[0] == "e_syn_agree"
    assert order("events", "score")[:3] == ["e_syn_agree", "e_syn_meet", "e_syn_accuse"]
    assert order("actors", "activity")[:2] == ["c:TUR", "c:MYS"]  # by events, not alphabetically
    assert order("actors", "name")[0] == "p_ada_demir"


def test_csv_export_is_every_match_and_flat(api):
    r = api.get("/api/events.csv", params={"country": "Turkey"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6
    row = {x["id"]: x for x in rows}["e_syn_talks"]
    assert row["actor_names"] == "Malaysia; Turkey" and row["actor_countries"] == "MYS; TUR"
    assert row["negated"] == "false" and row["date_precision"] == "year" and row["date_start"] == "2025-01-01"
    assert not any(cell.startswith(("[", "{")) for x in rows for cell in x.values())
    assert "Malaysia and Turkey held talks" in row["evidence"]
    assert api.get("/api/events.csv", params={"type": "FOO"}).status_code == 422
    # the page format=csv is the page; the export header names where the rest is
    assert (
        len(
            list(
                csv.DictReader(io.StringIO(api.get("/api/events", params={"format": "csv", "limit": 2}).text))
            )
        )
        == 2
    )


def test_parquet_export_is_typed(api, tmp_path):
    r = api.get("/api/events.parquet", params={"dyad": "TUR,MYS"})
    assert r.status_code == 200
    path = tmp_path / "e.parquet"
    path.write_bytes(r.content)
    table = pq.read_table(path)
    assert table.num_rows == 5
    schema = table.schema
    assert schema.field("cameo").type == pa.string()
    assert schema.field("actor_names").type == pa.list_(pa.string())
    assert schema.field("date_start").type == pa.date32() and schema.field("negated").type == pa.bool_()
    assert pa.types.is_list(schema.field("mentions").type)
    pdf = table.to_pandas()
    assert set(pdf["cameo"].dropna()) <= {"030", "036", "040", "042", "112"}  # strings, leading zero kept
    assert list(pdf.loc[pdf["id"] == "e_syn_agree", "date_precision"]) == ["month"]


def test_gdelt_tsv_follows_the_codebook(api):
    r = api.get("/api/events.tsv")
    rows = list(csv.DictReader(io.StringIO(r.text), delimiter="\t"))
    assert len(rows[0]) == 58 and list(rows[0])[-2:] == ["DATEADDED", "SOURCEURL"]
    assert all(x["GLOBALEVENTID"].isdigit() for x in rows)
    assert len({x["GLOBALEVENTID"] for x in rows}) == len(rows)
    talks = [x for x in rows if x["SQLDATE"] == "20250101"]  # "2025": GDELT writes a whole day
    assert {x["Actor1CountryCode"] for x in talks} >= {"MYS", "TUR"}  # one row per actor of a compound event
    assert all(len(x["SQLDATE"]) == 8 and not x["SQLDATE"].endswith("00") for x in rows)


def test_atom_feeds_follow_a_filtered_view(api):
    r = api.get("/api/events.atom", params={"dyad": "TUR,MYS", "type": "CONSULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(r.content)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 3 and "dyad=TUR,MYS" in feed.feed.title
    e = next(x for x in feed.entries if x.link.endswith("/events/e_syn_visit"))
    assert "A Turkish envoy visited Malaysia" in e.content[0].value
    assert e.updated.startswith("2024-09-01")
    actor_feed = feedparser.parse(api.get("/api/events.atom", params={"actor": "Ada Demir"}).content)
    assert not actor_feed.bozo and actor_feed.entries == []
    quotes = feedparser.parse(api.get("/api/quotes.atom", params={"actor": "Ada Demir"}).content)
    assert [x.title for x in quotes.entries] == ["Ada Demir: “We keep our word”"]
    assert api.get("/api/events.atom", params={"country": "XXX"}).status_code == 422


def test_non_web_urls_are_never_links(api):
    page = api.get("/articles/a_syn_js", headers={"accept": "text/html"}).text
    assert 'href="javascript:' not in page and "javascript:alert(4)" in page  # kept as text
    assert api.get("/api/articles/a_syn_js").json()["url"] is None
    listed = {a["id"]: a for a in api.get("/api/articles").json()["items"]}
    assert listed["a_syn_js"]["url"] is None
    jsonl = [json.loads(x) for x in api.get("/api/articles.jsonl").text.splitlines()]
    assert all(not (a["url"] or "").startswith("javascript") for a in jsonl)
    feed = api.get("/api/articles.atom").text
    assert "javascript:" not in feed


def test_actor_pages_and_list_show_real_counts(api):
    text = api.get("/actors", headers={"accept": "text/html"}).text
    first = (
        text.index('href="/actors/c%3ATUR"')
        if 'href="/actors/c%3ATUR"' in text
        else text.index("/actors/c:TUR")
    )
    assert first < text.index("Ada Demir")  # activity first, not A to Z
    page = api.get("/actors/c:TUR", headers={"accept": "text/html"}).text
    assert "svg" in page and 'class="worldmap"' in page and "takes part in 6 events" in page


def test_facet_links_add_and_remove_filters(api):
    page = api.get(
        "/events", params={"country": "Turkey", "sort": "score"}, headers={"accept": "text/html"}
    ).text
    assert page.count('class="clear"') == 1  # only the filter in use can be removed
    assert 'href="/events?sort=score"' in page or 'href="/events?sort=score&amp;' in page
    assert "/events?country=Turkey&amp;sort=score&amp;type=CONSULT" in page
