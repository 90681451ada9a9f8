"""Bad input is named with a one-line reason and never stops a run."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import read_paths
from eventwire.ingest.htmlread import html_depth
from eventwire.model import Article, Rejection

P1 = (
    "The foreign ministers of Norland and Suddenia met in the capital on Monday to discuss fishing "
    "rights, and agreed to set up a joint commission before the end of the year."
)


def _one(path: Path, **kw: int) -> Article | Rejection:
    items = list(read_paths([str(path)], **kw))
    assert len(items) == 1, items
    return items[0]


def _reason(path: Path, **kw: int) -> str:
    r = _one(path, **kw)
    assert isinstance(r, Rejection), r
    assert r.path == str(path)
    assert "\n" not in r.reason and "Traceback" not in r.reason
    return r.reason


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_bytes(b"  \n\n\t \n")
    assert _reason(tmp_path / "e.txt") == "empty file"
    assert _reason(tmp_path / "w.txt") == "empty file"


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (PDF)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (PNG image)"),
        (bytes(range(256)) * 40, "binary content"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary content (ZIP/Office)"),
    ],
)
def test_binary_named_txt(tmp_path: Path, data: bytes, expect: str) -> None:
    p = tmp_path / "story.txt"
    p.write_bytes(data)
    assert _reason(p) == expect


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = (
        "Café talks in Zürich ended on Friday with a “framework” deal, the négociateurs said. "
        if encoding == "cp1252"
        else "Café talks in Zürich ended on Friday with a framework deal, the négociateurs said. "
    ) * 3
    p = tmp_path / "old.txt"
    p.write_bytes(text.encode(encoding))
    a = _one(p)
    assert isinstance(a, Article), a
    assert "Zürich" in a.text and "négociateurs" in a.text
    if encoding == "cp1252":
        assert "“framework”" in a.text


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "wide.txt"
    p.write_bytes(P1.encode("utf-16"))
    a = _one(p)
    assert isinstance(a, Article) and a.text == P1


def test_malformed_json(tmp_path: Path) -> None:
    p = tmp_path / "bad.json"
    p.write_text('{\n  "title": "x",\n  "text": "abc"\n  "date": 1\n}', encoding="utf-8")
    assert _reason(p).startswith("malformed JSON at line 4:")


def test_json_without_text(tmp_path: Path) -> None:
    p = tmp_path / "meta.json"
    p.write_text('{"title": "Only a title", "url": "https://example.org"}', encoding="utf-8")
    assert "no article text" in _reason(p)


def test_json_scalar(tmp_path: Path) -> None:
    p = tmp_path / "n.json"
    p.write_text("[1, 2]", encoding="utf-8")
    items = list(read_paths([str(p)]))
    assert all(isinstance(i, Rejection) for i in items) and len(items) == 2


def test_deeply_nested_json(tmp_path: Path) -> None:
    p = tmp_path / "deep.json"
    p.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    r = _one(p)
    assert isinstance(r, Rejection)


def test_malformed_xml_feed(tmp_path: Path) -> None:
    p = tmp_path / "broken.xml"
    p.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a', encoding="utf-8"
    )
    [r] = list(read_paths([str(p)]))
    assert isinstance(r, Rejection) and r.path.startswith(str(p))
    assert r.reason.startswith("malformed XML") or r.reason in ("feed has no items", "feed item has no text")
    p.write_text("<?xml version='1.0'?><rss><channel><item><title>&undefined;<</rss>", encoding="utf-8")
    assert _reason(p).startswith("malformed XML")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    p = tmp_path / "data.xml"
    p.write_text('<?xml version="1.0"?><catalog><book id="1">A</book></catalog>', encoding="utf-8")
    assert _reason(p) == "XML that is neither RSS nor Atom"


def test_deeply_nested_html_is_rejected_quickly(tmp_path: Path) -> None:
    p = tmp_path / "deep.html"
    p.write_text(
        "<html><body>" + "<div>" * 200_000 + P1 + "</div>" * 200_000 + "</body></html>", encoding="utf-8"
    )
    assert _reason(p).startswith("HTML nested deeper than")


def test_depth_scan_ignores_unclosed_paragraphs_and_scripts() -> None:
    page = "<html><body>" + "<p>para" * 5000 + "<script>" + "<div>" * 900 + "</script></body></html>"
    assert html_depth(page, 400) <= 3
    assert html_depth("<div>" * 50, 400) == 50
    assert html_depth("<div>" * 1000, 400) == 401  # stops counting once over the limit


def test_deeply_nested_feed(tmp_path: Path) -> None:
    p = tmp_path / "deep.rss"
    p.write_text(
        '<?xml version="1.0"?><rss><channel>' + "<x>" * 50_000 + "</x>" * 50_000 + "</channel></rss>"
    )
    assert _reason(p).startswith("XML nested deeper than")


def test_oversize_file_checked_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text(P1 * 20, encoding="utf-8")
    assert _reason(p, max_bytes=1000) == "file larger than 1000 bytes"
    assert isinstance(_one(p, max_bytes=1_000_000), Article)


def test_missing_path_and_too_short_text(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert _reason(missing) == "no such file or directory"
    p = tmp_path / "tiny.txt"
    p.write_text("Hi.", encoding="utf-8")
    assert "too short" in _reason(p) or "no article text" in _reason(p)


def test_not_a_warc(tmp_path: Path) -> None:
    p = tmp_path / "fake.warc"
    p.write_text(P1, encoding="utf-8")
    assert _reason(p) == "not a WARC file"


def test_truncated_warc_gz(tmp_path: Path) -> None:
    import gzip

    p = tmp_path / "cut.warc.gz"
    p.write_bytes(
        gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\n<html>")[:-10]
    )
    items = list(read_paths([str(p)]))
    assert items and all(isinstance(i, Rejection) for i in items)


def test_bad_files_do_not_stop_the_folder(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "2.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "3.txt").write_text(P1, encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Rejection", "Rejection", "Article"]


def test_hostile_markup_is_read_in_one_pass(tmp_path: Path) -> None:
    # unclosed comments and stray '<' made the lazy regexes quadratic; now they are linear scans
    p = tmp_path / "hostile.html"
    p.write_text("<html><body>" + '<!-- a <script> <p x="<" ' * 20_000 + "</body></html>", encoding="utf-8")
    [r] = list(read_paths([str(p)]))
    assert isinstance(r, Rejection) and r.reason == "no article text in HTML"


def test_text_too_long_for_one_article(tmp_path: Path) -> None:
    p = tmp_path / "dump.txt"
    p.write_text((P1 + "\n") * 7000, encoding="utf-8")  # ~1.2 M characters
    assert _reason(p).startswith("text longer than 1000000 characters")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from(
            [b"<rss><channel><item>", b'{"a": [', b"<html><body><div><p>", b"WARC/1.0\r\n"]
        ).flatmap(lambda head: st.binary(max_size=500).map(lambda tail: head + tail)),
    ),
    ext=st.sampled_from(
        [".txt", ".html", ".json", ".jsonl", ".xml", ".md", ".warc", ".warc.gz", ".sgm", ".tml"]
    ),
)
def test_any_bytes_give_articles_or_rejections_never_errors(tmp_path: Path, data: bytes, ext: str) -> None:
    p = tmp_path / f"fuzz{ext}"
    p.write_bytes(data)
    items = list(read_paths([str(p)], max_bytes=100_000))
    assert items
    for it in items:
        assert isinstance(it, (Article, Rejection))
        if isinstance(it, Rejection):
            assert it.reason and "\n" not in it.reason and not it.reason.startswith("unreadable")
