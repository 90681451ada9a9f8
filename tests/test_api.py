"""The JSON API over real HTTP (uvicorn on a loopback port), on SQLite and on PostgreSQL.

The corpus is a small invented one stored through the Store (eventwire.web.testing), so these
tests pin the API's behaviour whatever the extractors currently find.
"""

from __future__ import annotations

import httpx
import pytest

from eventwire.model import Article
from eventwire.store import Store
from eventwire.web.app import create_app
from eventwire.web.testing import serve, synthetic_corpus


@pytest.fixture
def api(db_url: str):
    store = Store(db_url)
    synthetic_corpus(store)
    with serve(create_app(store, token="s3cret")) as base, httpx.Client(base_url=base, timeout=60) as client:
        client.store = store  # type: ignore[attr-defined]
        yield client
    store.close()


def ids(resp: httpx.Response) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {r["id"] for r in resp.json()["items"]}


def test_every_kind_lists_export_shapes(api):
    for kind, n in (
        ("articles", 3),
        ("events", 6),
        ("actors", 5),
        ("deals", 1),
        ("figures", 1),
        ("quotes", 1),
    ):
        body = api.get(f"/api/{kind}").json()
        assert body["total"] == n, kind
        assert len(body["items"]) == n
        assert body["limit"] == 50 and body["offset"] == 0
    ev = api.get("/api/events/e_syn_agree").json()
    # export shape: entities and mentions as in EXPORT.md
    assert ev["event"] == "AGREE" and ev["actor"][0]["country"] == "TUR"
    assert set(ev["mentions"][0]) >= {"article_id", "path", "sentence", "start", "end"}
    assert ev["articles"][0]["id"] == "a_syn_1"


def test_dyad_country_type_and_actor_filters(api):
    assert ids(api.get("/api/events", params={"dyad": "TUR,MYS"})) == {
        "e_syn_meet",
        "e_syn_agree",
        "e_syn_accuse",
        "e_syn_visit",
        "e_syn_talks",
    }
    assert ids(api.get("/api/events", params={"dyad": "mys,tur"})) == ids(
        api.get("/api/events", params={"dyad": "TUR,MYS"})
    )
    assert ids(api.get("/api/events", params={"country": "FRA"})) == {"e_syn_fra"}
    assert ids(api.get("/api/events", params={"dyad": "TUR,MYS", "type": "consult"})) == {
        "e_syn_meet",
        "e_syn_visit",
        "e_syn_talks",
    }
    assert ids(api.get("/api/quotes", params={"actor": "p_ada_demir"})) == {"q_syn_word"}
    assert ids(api.get("/api/deals", params={"dyad": "TUR,MYS", "type": "agreement"})) == {"d_syn_ships"}
    assert ids(api.get("/api/actors", params={"country": "TUR", "type": "person"})) == {"p_ada_demir"}
    assert ids(api.get("/api/articles", params={"dyad": "FRA,TUR"})) == {"a_syn_3"}
    assert ids(api.get("/api/events", params={"article": "a_syn_2"})) == {"e_syn_accuse", "e_syn_visit"}


def test_dates_filter_by_overlap_at_every_precision(api):
    # "2025" (a whole year) reaches into mid-January; "2024-09" reaches 2024-09-30
    assert ids(api.get("/api/events", params={"since": "2025-01-15"})) == {"e_syn_fra", "e_syn_talks"}
    assert ids(api.get("/api/events", params={"since": "2024-09-20", "until": "2024-12"})) == {"e_syn_visit"}
    assert ids(api.get("/api/events", params={"until": "2024-03"})) == {"e_syn_meet", "e_syn_agree"}
    assert ids(api.get("/api/events", params={"since": "2024", "until": "2024"})) == {
        "e_syn_meet",
        "e_syn_agree",
        "e_syn_accuse",
        "e_syn_visit",
    }
    assert ids(api.get("/api/articles", params={"since": "2024-06", "until": "2024-12-31"})) == {"a_syn_2"}


def test_full_text_search_articles_and_records(api):
    assert ids(api.get("/api/articles", params={"q": "shipyards"})) == {"a_syn_3"}
    assert ids(api.get("/api/articles", params={"q": "ships envoy"})) == {"a_syn_2"}  # words ANDed
    assert ids(api.get("/api/articles", params={"q": "shipyard*"})) == {"a_syn_3"}
    # records are found by what their evidence says, not by every word of their articles
    assert ids(api.get("/api/events", params={"q": "criticised"})) == {"e_syn_fra"}
    assert ids(api.get("/api/events", params={"q": "ships"})) == {
        "e_syn_agree",
        "e_syn_accuse",
        "e_syn_talks",
    }
    assert ids(api.get("/api/events", params={"q": "Paris"})) == set()  # only in a title
    assert ids(api.get("/api/deals", params={"q": "patrol"})) == {"d_syn_ships"}
    assert ids(api.get("/api/quotes", params={"q": "social media"})) == {"q_syn_word"}
    assert ids(api.get("/api/figures", params={"q": "bilateral trade"})) == {"f_syn_trade"}
    # actors by name and aliases
    assert ids(api.get("/api/actors", params={"q": "demir"})) == {"p_ada_demir"}
    assert ids(api.get("/api/actors", params={"q": "Ankara"})) == {"c:TUR"}
    # query syntax is never passed through: operators and quotes are just words
    for q in ('" OR 1=1 --', "NEAR(ships)", "ships AND", "*", "%", "'); DROP TABLE articles; --"):
        r = api.get("/api/articles", params={"q": q})
        assert r.status_code == 200, (q, r.text)
        assert r.json()["total"] < 3, q
    assert api.get("/api/articles").json()["total"] == 3


def test_full_text_index_follows_inserts(api, request):
    if "postgresql" in api.store.url:  # type: ignore[attr-defined]
        pytest.skip("diacritic folding is the SQLite FTS5 tokenizer's; PostgreSQL uses the 'simple' config")
    api.store.add_batch(  # type: ignore[attr-defined]
        [
            (
                Article(
                    id="a_syn_4", path="a_syn_4.txt", text="Ayşe Çelik opened the harbour.", title="Harbour"
                ),
                None,
                None,
            )
        ]
    )
    assert ids(api.get("/api/articles", params={"q": "celik"})) == {"a_syn_4"}
    assert ids(api.get("/api/articles", params={"q": "Çelik harbour"})) == {"a_syn_4"}


def test_paging_and_limits(api):
    first = api.get("/api/events", params={"limit": 2}).json()
    second = api.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}
    # newest first, undated last
    dates = [r["date"] for r in api.get("/api/events").json()["items"]]
    assert dates[0] == "2025-01" and dates == sorted(dates, reverse=True)
    past = api.get("/api/events", params={"offset": 100}).json()
    assert past["items"] == [] and past["total"] == 6  # the total survives an empty page
    filtered_past = api.get("/api/events", params={"dyad": "TUR,MYS", "offset": 5}).json()
    assert filtered_past["items"] == [] and filtered_past["total"] == 5
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}, {"limit": "x"}):
        assert api.get("/api/events", params=bad).status_code == 422, bad


@pytest.mark.parametrize(
    "params",
    [
        {"country": "TU"},
        {"country": "T1R"},
        {"dyad": "TUR"},
        {"dyad": "TUR,MYS,FRA"},
        {"since": "2024-13"},
        {"since": "2024-02-30"},
        {"until": "yesterday"},
        {"since": "2025", "until": "2024"},
        {"type": "AGREE;--"},
        {"q": "x" * 201},
        {"q": "a\x00b"},
        {"format": "xml"},
    ],
)
def test_bad_parameters_are_422_not_500(api, params):
    r = api.get("/api/events", params=params)
    assert r.status_code == 422, (params, r.status_code, r.text)
    assert isinstance(r.json()["detail"], list)


def test_filters_that_do_not_apply_are_422(api):
    assert api.get("/api/quotes", params={"type": "tweet"}).status_code == 422
    assert api.get("/api/actors", params={"since": "2024"}).status_code == 422


def test_details_and_404(api):
    art = api.get("/api/articles/a_syn_1").json()
    assert {r["id"] for r in art["records"]["events"]} == {"e_syn_meet", "e_syn_agree"}
    assert art["records"]["deals"][0]["id"] == "d_syn_ships"
    for path in ("/api/events/nope", "/api/actors/c:XXX", "/api/articles/%3Cscript%3E"):
        r = api.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("application/json")
        assert "detail" in r.json()


def test_dyad_timeline_counts_and_index(api):
    tl = api.get("/api/dyads/TUR/MYS/timeline").json()
    assert tl["interval"] == "month"
    periods = {p["period"]: p for p in tl["periods"]}
    assert list(periods) == [f"2024-{m:02d}" for m in range(3, 10)]  # gaps filled
    assert periods["2024-03"]["counts"] == {"AGREE": 1, "CONSULT": 1}
    assert periods["2024-03"]["balance"] == 1.0 and periods["2024-03"]["mean_score"] == 2.0
    # ACCUSE (score -2) against a CONSULT without score (cooperative by its quad)
    assert periods["2024-09"]["balance"] == 0.0 and periods["2024-09"]["mean_score"] == -2.0
    assert periods["2024-05"]["total"] == 0 and periods["2024-05"]["balance"] is None
    assert [(p["period"], p["total"]) for p in tl["coarser"]] == [("2025", 1)]
    year = api.get("/api/dyads/MYS/TUR/timeline", params={"interval": "year"}).json()
    assert [(p["period"], p["total"]) for p in year["periods"]] == [("2024", 4), ("2025", 1)]
    q = api.get("/api/dyads/TUR/MYS/timeline", params={"interval": "quarter"}).json()
    assert [p["period"] for p in q["periods"]] == ["2024-Q1", "2024-Q2", "2024-Q3"]
    assert api.get("/api/dyads/TUR/MYS/timeline", params={"interval": "week"}).status_code == 422
    assert api.get("/api/dyads/TURK/MYS/timeline").status_code == 422
    dy = api.get("/api/dyads").json()
    assert dy[0] == {"a": "MYS", "b": "TUR", "events": 5, "types": {"CONSULT": 3, "AGREE": 1, "ACCUSE": 1}}


def test_csv_and_jsonl_pages(api):
    r = api.get("/api/events", params={"dyad": "TUR,MYS", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("id,date,") and len(lines) == 6
    r = api.get("/api/events", params={"format": "jsonl", "limit": 2})
    assert len(r.text.strip().splitlines()) == 2


def test_ingest_requires_the_token(api):
    r = api.post("/api/ingest", json={"text": "Nothing."})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = api.post("/api/ingest", json={"text": "Nothing."}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    r = api.post("/api/ingest", json={"text": "Nothing."}, headers={"Authorization": "Basic s3cret"})
    assert r.status_code == 401
    assert api.get("/api/articles").json()["total"] == 3


def test_no_token_configured_means_writes_off(db_url):
    store = Store(db_url)
    with serve(create_app(store, token="")) as base:
        r = httpx.post(base + "/api/ingest", json={"text": "x"}, headers={"Authorization": "Bearer x"})
        assert r.status_code == 403
        r = httpx.post(base + "/api/ingest", json={"text": "x"})
        assert r.status_code == 403
    store.close()


def test_request_size_limit(db_url):
    store = Store(db_url)
    with serve(create_app(store, token="t", max_body=1000)) as base:
        auth = {"Authorization": "Bearer t"}
        r = httpx.post(base + "/api/ingest", json={"text": "y" * 5000}, headers=auth)
        assert r.status_code == 413
        # a chunked body declares no length: counted while streaming
        chunks = iter([b'{"text": "', b"z" * 3000, b'"}'])
        r = httpx.post(
            base + "/api/ingest", content=chunks, headers={**auth, "content-type": "application/json"}
        )
        assert r.status_code == 413
        r = httpx.post(base + "/api/ingest", content=b"text", headers={**auth, "content-type": "text/plain"})
        assert r.status_code == 415
        r = httpx.post(
            base + "/api/ingest", content=b"{not json", headers={**auth, "content-type": "application/json"}
        )
        assert r.status_code == 422
    store.close()


def test_ingest_runs_the_pipeline_on_an_upload(sqlite_url):
    store = Store(sqlite_url)
    text = (
        "Ruritania and Freedonia signed a fisheries agreement in Strelsau on 4 May 2021.\n\n"
        "The foreign minister of Ruritania said the pact would be renewed."
    )
    with serve(create_app(store, token="tok")) as base, httpx.Client(base_url=base, timeout=300) as c:
        auth = {"Authorization": "Bearer tok"}
        r = c.post("/api/ingest", json={"text": text, "title": "Fish pact"}, headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["stored"] == 1 and len(body["articles"]) == 1
        art = c.get(f"/api/articles/{body['articles'][0]}").json()
        assert art["title"] == "Fish pact" and "fisheries agreement" in art["text"]
        # the same text again is a no-op; a file upload works too, and its name cannot point anywhere
        assert (
            c.post("/api/ingest", json={"text": text, "title": "Fish pact"}, headers=auth).json()["stored"]
            == 0
        )
        files = {"file": ("../../etc/passwd.txt", b"A short note about nothing in particular.", "text/plain")}
        r = c.post("/api/ingest", files=files, headers=auth)
        assert r.status_code == 200, r.text
        assert r.json()["stored"] == 1
        paths = [a["path"] for a in c.get("/api/articles").json()["items"]]
        assert not any("etc" in p for p in paths), paths
        # a feed holds several articles: the answer lists every one it stored
        items = "".join(
            f"<item><title>Harbour note {i}</title><link>https://news.example/{i}</link>"
            f"<description>The harbour board of Strelsau met on day {i} to review ferry fees and berths.</description></item>"
            for i in range(3)
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
        r = c.post(
            "/api/ingest", files={"file": ("feed.xml", feed.encode(), "application/rss+xml")}, headers=auth
        )
        assert r.status_code == 200, r.text
        assert r.json()["stored"] == 3 and len(r.json()["articles"]) == 3
        # a file nothing can be read from is a 422 that says why, not a 200
        r = c.post("/api/ingest", files={"file": ("empty.json", b"[]", "application/json")}, headers=auth)
        assert r.status_code == 422 and "JSON list is empty" in r.text
    store.close()


def test_cors_off_and_security_headers(api):
    r = api.get("/api/events", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_answer_cache_is_short_lived_and_cleared_by_ingest(sqlite_url):
    store = Store(sqlite_url)
    synthetic_corpus(store)
    extra = Article(id="a_syn_9", path="a_syn_9.txt", text="A quiet day in the harbour.", title="Quiet")
    with serve(create_app(store, cache_seconds=0)) as base:
        assert httpx.get(base + "/api/articles").json()["total"] == 3
        store.add_batch([(extra, None, None)])
        assert httpx.get(base + "/api/articles").json()["total"] == 4  # no cache: seen at once
    app = create_app(store, cache_seconds=3600)
    with serve(app) as base:
        assert httpx.get(base + "/api/articles").json()["total"] == 4
        store.add_batch([(Article(id="a_syn_10", path="b.txt", text="Another quiet day."), None, None)])
        assert httpx.get(base + "/api/articles").json()["total"] == 4  # cached answer
        assert httpx.get(base + "/api/articles?limit=10").json()["total"] == 5  # other question
        app.state.cache.clear()  # what a finished ingest does
        assert httpx.get(base + "/api/articles").json()["total"] == 5
    store.close()


def test_apps_share_the_routers_but_not_their_state(tmp_path):
    """The routes are module-level; each app answers from its own store, cache and token."""
    full, empty = Store(f"sqlite:///{tmp_path}/full.db"), Store(f"sqlite:///{tmp_path}/empty.db")
    synthetic_corpus(full)
    with serve(create_app(full, token="a")) as one, serve(create_app(empty, token="")) as two:
        assert httpx.get(one + "/api/articles").json()["total"] == 3
        assert httpx.get(two + "/api/articles").json()["total"] == 0
        assert httpx.get(one + "/").status_code == httpx.get(two + "/").status_code == 200
        body = {"text": "A quiet day."}
        assert httpx.post(one + "/api/ingest", json=body).status_code == 401  # token set: needs it
        assert httpx.post(two + "/api/ingest", json=body).status_code == 403  # no token: writes off
    full.close()
    empty.close()
