"""Hostile input end to end, on SQLite and PostgreSQL: stored verbatim, shown escaped, never executed.

Article text and titles carry SQL and HTML/script injection; API query parameters carry SQL, LIKE
wildcards, full-text query syntax and markup. Every request must answer 2xx with (possibly empty)
results or 4xx, never 500, and the database must be exactly as it was afterwards. Writes need the
bearer token.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import export_all
from eventwire.run.ingest import ingest
from eventwire.run.local import LocalEngine
from eventwire.store import Store
from eventwire.web.app import create_app

TOKEN = "s3cret-test-token"
SQLI = [
    "'; DROP TABLE articles; --",
    "' OR '1'='1",
    '" OR ""="',
    "1; DELETE FROM events",
    "%' OR 1=1 --",
    "\\'; SELECT pg_sleep(0); --",
    "Robert'); DROP TABLE extractions;--",
]
MARKUP = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</title><script>document.cookie</script>",
]
FTS = ['"unbalanced', "NEAR(", "* OR *", "AND AND", "col:value", "^", "a -b", "(((", "\x00", "é" * 300]
PARAMS = ["country", "dyad", "type", "since", "until", "q", "actor", "article", "limit", "offset", "format"]
KINDS = ["articles", "events", "actors", "deals", "figures", "quotes"]


def _hostile_corpus(folder: Path) -> None:
    folder.mkdir()
    for i, (sqli, markup) in enumerate(zip(SQLI, MARKUP * 2, strict=False)):
        rec = {
            "title": f"{markup} {sqli}",
            "maintext": (
                f"Turkey accused Greece on Monday of violating its airspace {i}. "
                f"The spokesman said the note read {sqli} and {markup} in full. "
                f'"We will respond to every provocation {markup}," the Turkish minister told reporters.'
            ),
            "date_publish": f"2024-03-{i + 1:02d} 10:00:00",
            "url": f"https://example.org/{i}?q={sqli}",
            "language": "en",
        }
        (folder / f"hostile_{i}.json").write_text(json.dumps(rec), encoding="utf-8")


@pytest.fixture
def hostile_store(db_url: str, tmp_path: Path):
    folder = tmp_path / "hostile"
    _hostile_corpus(folder)
    store = Store(db_url)
    report = ingest([str(folder)], store, engine=LocalEngine(workers=1))
    assert report.stored == len(SQLI), report.rejected
    yield store
    store.close()


def test_hostile_text_stored_verbatim_and_escaped_in_pages(hostile_store: Store, db_url: str) -> None:
    client = TestClient(create_app(hostile_store, token=TOKEN), raise_server_exceptions=False)
    r = client.get("/api/articles", params={"limit": 100})
    assert r.status_code == 200
    items = r.json()["items"]
    titles = {a["title"] for a in items}
    for sqli in SQLI:
        assert any(sqli in t for t in titles), f"title with {sqli!r} not stored verbatim"
    assert any(MARKUP[0] in a["text"] for a in items)
    escaped = 0
    for a in items:
        page = client.get(f"/articles/{a['id']}", headers={"accept": "text/html"})
        assert page.status_code == 200
        html = page.text
        for m in MARKUP:
            if "<" in m and (m in a["text"] or m in (a["title"] or "")):
                assert m not in html, f"raw markup {m!r} reflected in the article page"
                escaped += "&lt;" in html
        assert "<script>alert(" not in html and "<script>document.cookie" not in html
    assert escaped >= 3, "pages must show the markup as text, escaped"
    before = export_all(db_url)
    assert before["articles"] and before["events"]


def test_injection_in_query_parameters_never_500_never_writes(hostile_store: Store, db_url: str) -> None:
    client = TestClient(create_app(hostile_store, token=TOKEN), raise_server_exceptions=False)
    before = export_all(db_url)
    for kind in KINDS:
        _probe_kind(client, kind)
    assert export_all(db_url) == before, "a read request changed the database"


def _probe_kind(client: TestClient, kind: str) -> None:
    baseline = client.get(f"/api/{kind}", params={"limit": 1000})
    assert baseline.status_code == 200
    total = baseline.json()["total"]
    for param in PARAMS:
        for value in SQLI + MARKUP[:2] + (FTS if param == "q" else []):
            r = client.get(f"/api/{kind}", params={param: value})
            assert r.status_code < 500, f"{kind}?{param}={value!r} -> {r.status_code}: {r.text[:300]}"
            if r.status_code == 200 and r.headers.get("content-type", "").startswith("application/json"):
                body = r.json()
                # an injection must never widen a query beyond the unfiltered listing
                assert body["total"] <= total, f"{kind}?{param}={value!r} returned more than everything"
                if param in ("country", "actor", "dyad", "article") and value in SQLI:
                    assert body["total"] == 0, f"{kind}?{param}={value!r} matched records"
            if r.status_code == 200 and "html" in r.headers.get("content-type", ""):
                assert "<script>alert(" not in r.text
    page = client.get(
        f"/{kind}", params={"q": MARKUP[0], "country": SQLI[0]}, headers={"accept": "text/html"}
    )
    assert page.status_code < 500
    assert "<script>alert(" not in page.text
    for value in SQLI + MARKUP:
        r = client.get(f"/api/{kind}/{value}")
        assert r.status_code in (404, 422), f"/api/{kind}/{value!r} -> {r.status_code}"


def test_writes_need_the_token(hostile_store: Store, db_url: str) -> None:
    before = export_all(db_url)
    body = {
        "text": "Norway pledged aid to Kenya after the floods, the Norwegian minister said.",
        "title": "t",
    }
    client = TestClient(create_app(hostile_store, token=TOKEN), raise_server_exceptions=False)
    assert client.post("/api/ingest", json=body).status_code == 401
    for header in (f"Bearer {TOKEN}x", f"Basic {TOKEN}", "Bearer ", f"bearer{TOKEN}", f"Bearer {SQLI[1]}"):
        r = client.post("/api/ingest", json=body, headers={"Authorization": header})
        assert r.status_code == 401, f"{header!r} -> {r.status_code}"
    for method in ("put", "patch", "delete"):
        r = getattr(client, method)("/api/articles")
        assert r.status_code in (401, 403, 404, 405), f"{method} /api/articles -> {r.status_code}"
    assert export_all(db_url) == before
    no_token = TestClient(create_app(hostile_store, token=""), raise_server_exceptions=False)
    assert no_token.post("/api/ingest", json=body, headers={"Authorization": "Bearer "}).status_code == 403
    assert export_all(db_url) == before
    ok = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200, ok.text
    after = export_all(db_url)
    assert len(after["articles"]) == len(before["articles"]) + 1
