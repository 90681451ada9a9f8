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
