"""The workbench in a real browser (Debian's Chromium driven by Playwright).

The dyad test runs the real pipeline over ../shared/seeds (read in place) into a temporary SQLite
database: if the extractors find no Türkiye–Malaysia events, it fails, as it should.
Screenshots go to ``$EVENTWIRE_SCREENSHOTS`` when set (to look at them), else to a temp folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from eventwire.store import Store
from eventwire.web.app import create_app
from eventwire.web.testing import serve, synthetic_corpus

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def seeds_server(seeds_dir, tmp_path_factory):
    from eventwire.run.ingest import ingest
    from eventwire.run.local import LocalEngine

    db = tmp_path_factory.mktemp("seeds") / "eventwire.db"
    store = Store(f"sqlite:///{db}")
    ingest([str(seeds_dir)], store, engine=LocalEngine(workers=1))
    with serve(create_app(store)) as base:
        yield base
    store.close()


@pytest.fixture(scope="module")
def synthetic_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("synthetic") / "eventwire.db"
    store = Store(f"sqlite:///{db}")
    synthetic_corpus(store)
    with serve(create_app(store)) as base:
        yield base
    store.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    d = Path(os.environ.get("EVENTWIRE_SCREENSHOTS") or tmp_path)
    d.mkdir(parents=True, exist_ok=True)
    return d


def _page(browser, base: str, offsite: list[str]):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    host = urlparse(base).netloc

    def guard(route):
        if urlparse(route.request.url).netloc != host:
            offsite.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    return page


def test_dyad_page_chart_event_and_evidence_over_the_seeds(browser, seeds_server, shots):
    offsite: list[str] = []
    errors: list[str] = []
    page = _page(browser, seeds_server, offsite)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(seeds_server + "/dyads/TUR/MYS")
    chart = page.locator("svg.timeline")
    sync_api.expect(chart).to_be_visible()
    assert page.locator("svg.timeline g.bar rect.seg").count() >= 1, "the chart draws at least one bar"
    rows = page.locator("#events table.rows tbody a.rowlink")
    assert rows.count() >= 1, "the seeds yield Türkiye–Malaysia events"
    page.screenshot(path=str(shots / "dyad_TUR_MYS.png"), full_page=True)

    first = rows.first
    sentence = first.inner_text()
    first.click()
    page.wait_for_url("**/events/*")
    focus = page.locator("blockquote.excerpt mark.hl-focus").first
    sync_api.expect(focus).to_be_visible()
    marked = " ".join(
        t.strip() for t in page.locator("blockquote.excerpt").first.locator("mark").all_inner_texts()
    )
    assert marked, "the evidence sentence is highlighted"
    assert sentence.rstrip("…").split()[0] in marked
    # the highlight is visibly different from the text around it
    bg = focus.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(shots / "event_evidence.png"), full_page=True)
    assert (shots / "event_evidence.png").stat().st_size > 10_000

    # the evidence links into the article, where the same sentence is marked
    page.locator("ol.evidence .src a").first.click()
    page.wait_for_url("**/articles/*")
    sync_api.expect(page.locator("article.story mark").first).to_be_visible()
    assert not offsite, f"requests left the machine: {offsite}"
    assert not errors, errors


def test_keyboard_search_and_row_navigation(browser, synthetic_server):
    offsite: list[str] = []
    page = _page(browser, synthetic_server, offsite)
    page.goto(synthetic_server + "/events")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q-top"
    page.keyboard.type("shipyards")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=shipyards")
    sync_api.expect(page.locator("h2#r-articles")).to_contain_text("(1)")
    page.goto(synthetic_server + "/events")
    page.keyboard.press("j")
    page.keyboard.press("j")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith("/events/")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + focused)
    assert not offsite


def test_script_in_a_title_stays_text(browser, synthetic_server):
    offsite: list[str] = []
    dialogs: list[str] = []
    page = _page(browser, synthetic_server, offsite)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/articles/a_syn_2", "/articles", "/search?q=envoy", "/events/e_syn_accuse"):
        page.goto(synthetic_server + path)
    page.goto(synthetic_server + "/articles/a_syn_2")
    sync_api.expect(page.locator("h1")).to_contain_text("<script>alert('x')</script>")
    assert dialogs == []
    assert not offsite


def test_chart_bars_link_to_their_period(browser, synthetic_server, shots):
    page = _page(browser, synthetic_server, [])
    page.goto(synthetic_server + "/dyads/TUR/MYS")
    page.locator("svg.timeline a").first.click()
    page.wait_for_url("**since=2024-03**")
    rows = page.locator("#events table.rows tbody a.rowlink")
    assert rows.count() == 2
    page.screenshot(path=str(shots / "dyad_synthetic_filtered.png"), full_page=True)


# ---------------------------------------------------------------------------------------------
# the workbench's second round over more than a thousand events (an invented corpus)


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    from eventwire.web.testing import large_corpus

    db = tmp_path_factory.mktemp("big") / "eventwire.db"
    store = Store(f"sqlite:///{db}")
    large_corpus(store, 1_500)
    with serve(create_app(store)) as base:
        yield base
    store.close()


def _total(page) -> int:
    return int(page.locator("h1 small").inner_text().strip("()"))


def test_map_country_click_filters_the_events(browser, big_server, shots):
    offsite: list[str] = []
    page = _page(browser, big_server, offsite)
    page.goto(big_server + "/map?type=CONSULT")
    sync_api.expect(page.locator("svg.worldmap")).to_be_visible()
    page.screenshot(path=str(shots / "map_big.png"))
    turkey = page.locator('svg.worldmap a.country[data-country="TUR"]')
    title = turkey.locator("title").text_content() or ""  # "Turkey: N events"
    expected = int(title.split(":")[1].split()[0])
    turkey.click()
    page.wait_for_url("**/events?**country=TUR**")
    assert "type=CONSULT" in page.url  # the map's filters are kept
    assert _total(page) == expected > 0
    # a place dot leads to the events that happened there
    page.goto(big_server + "/map")
    dot = page.locator('svg.worldmap a.place[data-place="Singapore"]')
    dot.click()
    page.wait_for_url("**/events?place=Singapore**")
    assert _total(page) == 250  # every sixth invented event is placed in Singapore
    # a small country is a dot too, and clickable
    assert page.goto(big_server + "/map").ok
    sync_api.expect(page.locator('svg.worldmap a.country.small[data-country="SGP"]')).to_have_count(1)
    assert not offsite


def test_facet_click_and_sort(browser, big_server):
    page = _page(browser, big_server, [])
    page.goto(big_server + "/events")
    assert _total(page) == 1_500
    agree = page.locator('aside.facets section[data-facet="type"] li a', has_text="AGREE")
    count = int(agree.locator("xpath=following-sibling::span").inner_text())
    agree.click()
    page.wait_for_url("**type=AGREE**")
    assert _total(page) == count
    page.locator(".sorts a", has_text="score").click()
    page.wait_for_url("**sort=score**")
    sync_api.expect(page.locator('.sorts a[aria-current="true"]')).to_have_text("score")
    first = page.locator("#main table.rows tbody a.rowlink").first.get_attribute("href")
    api = page.request.get(big_server + "/api/events?type=AGREE&sort=score&limit=1").json()
    assert first == f"/events/{api['items'][0]['id']}"
    assert api["items"][0]["score"] == 5.0  # the highest invented score comes first


def test_filtered_csv_download_holds_every_matching_row(browser, big_server, tmp_path):
    import csv

    page = _page(browser, big_server, [])
    page.goto(big_server + "/events?country=Turkey&since=2020&until=2022")
    shown = _total(page)
    assert shown > 50, "more matches than one page"
    with page.expect_download() as info:
        page.locator(".downloads a", has_text="CSV").click()
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == shown
    assert all("TUR" in r["actor_countries"] or "TUR" in r["recipient_countries"] for r in rows)
    assert all("2020" <= r["date"][:4] <= "2022" for r in rows)
