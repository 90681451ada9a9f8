"""The server-rendered workbench over real HTTP: pages, their JSON twins, escaping, no CDN."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import httpx
import pytest

from eventwire.store import Store
from eventwire.web.app import create_app
from eventwire.web.testing import serve, synthetic_corpus

HTML = {"Accept": "text/html"}
PAGES = [
    "/",
    "/dyads",
    "/dyads/TUR/MYS",
    "/dyads/TUR/MYS?interval=year&type=CONSULT",
    "/events",
    "/events?dyad=TUR,MYS&since=2024-06",
    "/actors",
    "/deals",
    "/figures",
    "/quotes",
    "/articles",
    "/events/e_syn_agree",
    "/actors/p_ada_demir",
    "/actors/c:TUR",
    "/articles/a_syn_2",
    "/deals/d_syn_ships",
    "/figures/f_syn_trade",
    "/quotes/q_syn_word",
    "/search?q=ships",
    "/docs",
]


class Assets(HTMLParser):
    """Every URL a page would load (scripts, styles, images, icons)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.json_links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href"):
            if a.get("type") == "application/json":
                self.json_links.append(a["href"])
            else:
                self.urls.append(a["href"])


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "eventwire.db"
    store = Store(f"sqlite:///{db}")
    synthetic_corpus(store)
    with serve(create_app(store)) as base, httpx.Client(base_url=base, headers=HTML, timeout=60) as client:
        yield client
    store.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline_with_a_json_twin(web, path):
    r = web.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    parser = Assets()
    parser.feed(r.text)
    # nothing from another host: every asset is served by the app itself
    assert parser.urls, "page loads its stylesheet"
    for url in parser.urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert web.get(url).status_code == 200, url
    assert "cdn" not in r.text.lower()
    # every page links to its JSON
    assert parser.json_links, "alternate JSON link"
    j = web.get(parser.json_links[0])
    assert j.status_code == 200 and j.headers["content-type"].startswith("application/json")
    sep = "&" if "?" in path else "?"
    if path != "/docs":
        assert web.get(path + sep + "format=json").headers["content-type"].startswith("application/json")


def test_json_twins_match_the_api(web):
    assert web.get("/events/e_syn_agree?format=json").json() == web.get("/api/events/e_syn_agree").json()
    page = web.get("/events?dyad=TUR,MYS&format=json").json()
    api = web.get("/api/events?dyad=TUR,MYS&facet=type,country,actor,year,place").json()
    assert page == api
    dy = web.get("/dyads/TUR/MYS?format=json").json()
    assert dy["events"]["total"] == 5 and dy["deals"]["total"] == 1 and dy["figures"]["total"] == 1
    assert dy["timeline"]["interval"] == "month"


def test_article_text_is_escaped(web):
    listing = web.get("/articles").text
    page = web.get("/articles/a_syn_2").text
    for html in (listing, page, web.get("/search?q=envoy").text, web.get("/events/e_syn_accuse").text):
        assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in page
    # a query echoed back stays text too
    r = web.get("/search", params={"q": '"><script>alert(2)</script>'})
    assert r.status_code == 200 and "<script>alert(2)" not in r.text


def test_dyad_page_shows_chart_events_deals_figures(web):
    html = web.get("/dyads/TUR/MYS").text
    assert '<svg class="timeline"' in html
    assert html.count('class="bar"') == 7  # 2024-03 .. 2024-09, gaps included
    assert "Turkey agreed to build two patrol ships" in html  # evidence sentence in the table
    assert "/events/e_syn_agree" in html and "/deals/d_syn_ships" in html and "/figures/f_syn_trade" in html
    assert "e_syn_fra" not in html  # France-Turkey is another dyad
    filtered = web.get("/dyads/TUR/MYS?type=ACCUSE").text
    assert "/events/e_syn_accuse" in filtered and "/events/e_syn_agree" not in filtered
    # a date filter narrows the table; the chart keeps the history and fades the periods outside it
    narrowed = web.get("/dyads/TUR/MYS?since=2024-09").text
    assert narrowed.count('class="bar faded"') == 6 and narrowed.count('class="bar"') == 1
    assert "/events/e_syn_agree" not in narrowed and "/events/e_syn_visit" in narrowed
    assert 'aria-current="true">month' in html
    assert 'aria-current="true">year' in web.get("/dyads/TUR/MYS?interval=year").text


def test_event_page_highlights_evidence_in_context(web):
    html = web.get("/events/e_syn_agree").text
    m = re.search(r'<mark class="hl-focus"[^>]*>(.*?)</mark>', html, re.S)
    assert m and m.group(1).startswith("Turkey")
    assert '<mark class="hl-focus hl-trigger"' in html and ">agreed</mark>" in html
    # the surrounding sentences are shown too, unmarked
    assert "Trade ministers met in Ankara on Monday." in html
    assert 'href="/articles/a_syn_1#m-' in html


def test_conflicts_name_the_reports_that_disagree(web):
    html = web.get("/events/e_syn_visit").text
    assert "Where the reports disagree" in html
    assert "2024-09-18" in html and "2024-09-19" in html
    assert "(announced)" in html  # the phase a date belongs to
    assert 'href="/articles/a_syn_3"' in html
    deal = web.get("/deals/d_syn_ships").text
    assert "Where the reports disagree" in deal and "quantity" in deal


def test_article_page_marks_every_record(web):
    html = web.get("/articles/a_syn_1").text
    for kind in ("events", "deals", "figures"):
        assert f"hl-{kind}" in html
    anchors = set(re.findall(r'<mark[^>]* id="(m-\d+)"', html))
    links = set(re.findall(r'href="#(m-\d+)"', html))
    assert links and links <= anchors


def test_actor_page_offices_events_quotes(web):
    html = web.get("/actors/p_ada_demir").text
    assert "Minister of Trade" in html and "2023-06" in html
    assert "We keep our word" in html
    country = web.get("/actors/c:TUR").text
    assert 'href="/dyads/MYS/TUR"' in country and "/events/e_syn_fra" in country


def test_errors_are_pages_for_people_and_json_for_scripts(web):
    r = web.get("/events/nope")
    assert r.status_code == 404 and "<h1>404</h1>" in r.text
    r = web.get("/events/nope", headers={"Accept": "application/json"})
    assert r.status_code == 404 and r.json()["detail"]
    r = web.get("/dyads/XXXX/MYS")
    assert r.status_code == 422 and "not valid" in r.text and "knows no country" in r.text
    r = web.get("/dyads/TURKEY/MYS", follow_redirects=False)  # a name: the dyad's canonical address
    assert r.status_code == 307 and r.headers["location"] == "/dyads/TUR/MYS"
    r = web.get("/events?since=2024-99")
    assert r.status_code == 422
    assert web.get("/events?limit=5000").status_code == 422


def test_docs_page_lists_operations_without_a_cdn(web):
    html = web.get("/docs").text
    for op in ("/api/events", "/api/dyads/{a}/{b}/timeline", "/api/ingest", "/api/articles/{record_id}"):
        assert op in html
    assert "swagger" not in html.lower() and "cdn" not in html.lower()
    spec = web.get("/openapi.json").json()
    assert "/api/events" in spec["paths"]


def test_keyboard_affordances(web):
    html = web.get("/events").text
    assert 'accesskey="s"' in html and 'src="/static/app.js"' in html
    js = web.get("/static/app.js").text
    assert 'e.key === "/"' in js
    css = web.get("/static/style.css").text
    assert ":focus-visible" in css


def test_chart_is_valid_svg_and_collapses_long_gaps():
    import xml.etree.ElementTree as ET

    from eventwire.web.chart import collapse_gaps, timeline_svg

    def period(y: int, n: int) -> dict:
        return {
            "period": str(y),
            "since": str(y),
            "until": str(y),
            "total": n,
            "counts": {"AGREE": n} if n else {},
            "balance": 1.0 if n else None,
            "mean_score": None,
        }

    periods = (
        [period(1990, 1)] + [period(y, 0) for y in range(1991, 2020)] + [period(2020, 2), period(2021, 0)]
    )
    periods += [period(2022, 3)]
    slots = collapse_gaps(periods)
    assert [s.get("period", "gap") for s in slots] == ["1990", "gap", "2020", "2021", "2022"]
    assert len(slots[1]["gap"]) == 29
    svg = timeline_svg({"dyad": ["AAA", "BBB"], "interval": "year", "types": ["AGREE"], "periods": periods})
    root = ET.fromstring(str(svg))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    assert len(root.findall(f".//{ns}g[@class='gap']")) == 1
    assert len(root.findall(f".//{ns}g[@class='bar']")) == 4
    assert len(root.findall(f".//{ns}rect[@class='seg']")) == 3
    empty = ET.fromstring(str(timeline_svg({"dyad": ["AAA", "BBB"], "periods": []})))
    assert "no dated events" in "".join(empty.itertext())


def test_pages_render_on_every_backend(db_url):
    store = Store(db_url)
    synthetic_corpus(store)
    with serve(create_app(store)) as base, httpx.Client(base_url=base, headers=HTML, timeout=60) as c:
        for path in (
            "/",
            "/dyads/TUR/MYS?since=2024-06",
            "/events?q=ships",
            "/articles/a_syn_1",
            "/search?q=Paris",
        ):
            r = c.get(path)
            assert r.status_code == 200, (path, r.text[:300])
        assert "/events/e_syn_visit" in c.get("/dyads/TUR/MYS?since=2024-06").text
        assert "/events/e_syn_fra" in c.get("/search?q=criticised").text
    store.close()
