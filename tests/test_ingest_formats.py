"""Each input format, from small inputs written here, becomes the same kind of clean Article."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from eventwire.ingest import read_paths
from eventwire.ingest.build import article_id
from eventwire.model import Article, Rejection

P1 = (
    "The foreign ministers of Norland and Suddenia met in the capital on Monday to discuss fishing "
    "rights, and agreed to set up a joint commission before the end of the year."
)
P2 = "The commission will report to both governments within six months, officials from both sides said."
P3 = "Talks on a wider trade agreement are expected to resume in the spring, according to diplomats."


def _all(paths: list[Path | str], **kw: int) -> list[Article | Rejection]:
    return list(read_paths([str(p) for p in paths], **kw))


def _articles(items: list[Article | Rejection]) -> list[Article]:
    bad = [i for i in items if isinstance(i, Rejection)]
    assert not bad, bad
    return [i for i in items if isinstance(i, Article)]


HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Norland and Suddenia agree fishing commission | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Norland and Suddenia agree fishing commission">
<meta name="author" content="Petra Novak">
<meta property="article:published_time" content="2023-05-02T09:30:00+00:00">
<link rel="canonical" href="https://news.example.org/2023/05/02/fishing">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Norland and Suddenia agree fishing commission</h1>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<aside><h3>Related</h3><ul><li><a href="/x">Storm in Westland destroys homes</a></li></ul></aside>
<footer>Copyright The Daily Example</footer>
</body></html>"""


def test_html_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    [a] = _articles(_all([p]))
    assert a.title == "Norland and Suddenia agree fishing commission"
    assert a.author == "Petra Novak"
    assert a.published == "2023-05-02"
    assert a.publisher == "The Daily Example"
    assert a.url == "https://news.example.org/2023/05/02/fishing"
    assert a.language == "en"
    assert a.source_format == "html"
    assert P1 in a.text and P3 in a.text
    assert "Westland" not in a.text and "Home" not in a.text and "Copyright" not in a.text
    assert a.path == str(p)


def test_html_without_date_stays_undated(tmp_path: Path) -> None:
    p = tmp_path / "undated.htm"
    p.write_text(f"<html><body><article><p>{P1}</p><p>{P2}</p></article></body></html>", encoding="utf-8")
    [a] = _articles(_all([p]))
    assert a.published is None  # never the file time or today


def test_html_content_in_a_txt_file_is_read_as_html(tmp_path: Path) -> None:
    p = tmp_path / "saved.txt"
    p.write_text(HTML, encoding="utf-8")
    [a] = _articles(_all([p]))
    assert a.source_format == "html" and "<p>" not in a.text


def test_json_news_please_record(tmp_path: Path) -> None:
    rec = {
        "title": "Norland and Suddenia agree fishing commission",
        "maintext": f"{P1}\n{P2}",
        "date_publish": "2023-05-02 09:30:00",
        "authors": ["Petra Novak", "Jan Example"],
        "url": "https://news.example.org/a",
        "source_domain": "news.example.org",
        "language": "en",
    }
    p = tmp_path / "one.json"
    p.write_text(json.dumps(rec), encoding="utf-8")
    [a] = _articles(_all([p]))
    assert (a.title, a.published, a.author, a.publisher, a.url, a.language) == (
        rec["title"],
        "2023-05-02",
        "Petra Novak, Jan Example",
        "news.example.org",
        "https://news.example.org/a",
        "en",
    )
    assert a.path == str(p) and a.source_format == "json"
    assert a.text.startswith(P1)


def test_json_variant_fields_and_lists(tmp_path: Path) -> None:
    recs = [
        {
            "headline": "First",
            "body": P1,
            "pubDate": "Tue, 02 May 2023 10:00:00 GMT",
            "author": {"name": "A B"},
        },
        {"title": "Second", "content": f"<p>{P2}</p><p>{P3}</p>", "published": "2023-05-03"},
    ]
    p = tmp_path / "many.json"
    p.write_text(json.dumps({"articles": recs}), encoding="utf-8")
    a, b = _articles(_all([p]))
    assert a.path == f"{p}#1" and b.path == f"{p}#2"
    assert a.published == "2023-05-02" and a.author == "A B" and a.title == "First"
    assert b.published == "2023-05-03" and "<p>" not in b.text and P3 in b.text


def test_jsonl_items_and_a_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "One", "text": P1, "date": "2023-01-01"}),
        "",
        '{"title": "broken", "text": ',
        json.dumps({"title": "Two", "text": P2}),
        json.dumps({"title": "No text"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _all([p])
    arts = [i for i in items if isinstance(i, Article)]
    rejs = [i for i in items if isinstance(i, Rejection)]
    assert [a.path for a in arts] == [f"{p}#1", f"{p}#4"]
    assert arts[0].published == "2023-01-01" and arts[1].published is None
    assert rejs[0].path == f"{p}:3" and rejs[0].reason.startswith("malformed JSON at line 3")
    assert rejs[1].path == f"{p}#5" and "no article text" in rejs[1].reason


def test_jsonl_saved_as_json(tmp_path: Path) -> None:
    p = tmp_path / "lines.json"
    p.write_text(json.dumps({"text": P1}) + "\n" + json.dumps({"text": P2}) + "\n", encoding="utf-8")
    assert len(_articles(_all([p]))) == 2


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Example Wire</title><link>https://wire.example.org</link><language>en-gb</language>
<item><title>Fishing commission agreed</title><link>https://wire.example.org/1</link>
<dc:creator>Petra Novak</dc:creator><pubDate>Tue, 02 May 2023 09:30:00 GMT</pubDate>
<description><![CDATA[<p>{P1}</p><p>{P2}</p>]]></description></item>
<item><title>Trade talks to resume</title><link>https://wire.example.org/2</link>
<pubDate>Wed, 03 May 2023 11:00:00 +0100</pubDate><description>{P3}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title>Fishing commission agreed</title><link href="https://atom.example.org/1"/>
<id>urn:1</id><updated>2023-05-04T10:00:00Z</updated><published>2023-05-02T10:00:00Z</published>
<author><name>Jan Example</name></author>
<content type="html">&lt;p&gt;{P1}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items(tmp_path: Path) -> None:
    p = tmp_path / "wire.xml"
    p.write_text(RSS, encoding="utf-8")
    a, b = _articles(_all([p]))
    assert (a.title, a.url, a.author, a.published, a.publisher) == (
        "Fishing commission agreed",
        "https://wire.example.org/1",
        "Petra Novak",
        "2023-05-02",
        "Example Wire",
    )
    assert a.language == "en" and a.source_format == "rss"
    assert P2 in a.text and "<p>" not in a.text
    assert b.published == "2023-05-03" and b.path == f"{p}#2"


def test_atom_entry(tmp_path: Path) -> None:
    p = tmp_path / "feed.atom"
    p.write_text(ATOM, encoding="utf-8")
    [a] = _articles(_all([p]))
    assert (a.title, a.author, a.published, a.url, a.source_format) == (
        "Fishing commission agreed",
        "Jan Example",
        "2023-05-02",
        "https://atom.example.org/1",
        "atom",
    )


def _warc_bytes(pages: list[tuple[str, str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_and_warc_gz(tmp_path: Path) -> None:
    pages = [
        ("https://news.example.org/fishing", "text/html; charset=utf-8", HTML),
        ("https://news.example.org/logo.png", "image/png", "not html"),
    ]
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        p = tmp_path / name
        p.write_bytes(_warc_bytes(pages, gz))
        [a] = _articles(_all([p]))
        assert a.source_format == "warc"
        assert a.url == "https://news.example.org/2023/05/02/fishing"  # the page's canonical URL
        assert a.published == "2023-05-02" and P2 in a.text
        assert a.path.startswith(str(p) + "#")


def test_warc_record_url_used_when_page_has_none(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"
    p = tmp_path / "bare.warc.gz"
    p.write_bytes(_warc_bytes([("https://x.example.org/story", "text/html", page)], True))
    [a] = _articles(_all([p]))
    assert a.url == "https://x.example.org/story"
    assert a.published is None  # the crawl time is not a publication date


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    md = (
        "---\ntitle: Fishing commission agreed\nauthor: Petra Novak\ndate: 2023-05-02\n---\n\n"
        f"# Fishing commission agreed\n\n{P1.replace('joint commission', '**joint commission**')}\n\n"
        f"> {P2}\n\n![chart](chart.png)\n\nSee [the statement](https://example.org/s) for details of the plan.\n"
    )
    p = tmp_path / "story.md"
    p.write_text(md, encoding="utf-8")
    [a] = _articles(_all([p]))
    assert (a.title, a.author, a.published, a.source_format) == (
        "Fishing commission agreed",
        "Petra Novak",
        "2023-05-02",
        "markdown",
    )
    assert "**" not in a.text and "](" not in a.text and "#" not in a.text
    assert a.text.startswith(P1)
    assert "See the statement for details" in a.text


def test_reuters_sgml(tmp_path: Path) -> None:
    sgml = (
        '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
        '<REUTERS TOPICS="YES" NEWID="7">\n<DATE> 2-MAR-1987 10:00:00.00</DATE>\n'
        "<TEXT>&#2;\n<TITLE>NORLAND, SUDDENIA AGREE ON FISHING</TITLE>\n"
        "<DATELINE>    VALLETTA, March 2 - </DATELINE><BODY>The foreign ministers of Norland and\n"
        "Suddenia agreed on Monday to set up a joint fishing commission,\nofficials said.\n"
        " REUTER\n&#3;</BODY></TEXT>\n</REUTERS>\n"
        '<REUTERS TOPICS="NO" NEWID="8">\n<DATE> 2-MAR-1987 10:01:00.00</DATE>\n'
        '<TEXT TYPE="BRIEF">&#2;\n<TITLE>FLASH ONLY</TITLE>\n</TEXT>\n</REUTERS>\n'
    )
    p = tmp_path / "reut2-999.sgm"
    p.write_bytes(sgml.encode("latin-1"))
    items = _all([p])
    [a] = [i for i in items if isinstance(i, Article)]
    # a title-only flash is no story: rejected by name, never silently dropped
    assert [(r.path, r.reason[:10]) for r in items if isinstance(r, Rejection)] == [(f"{p}#8", "empty body")]
    assert a.path == f"{p}#7" and a.published == "1987-03-02" and a.publisher == "Reuters"
    assert a.text == (
        "VALLETTA, March 2 - The foreign ministers of Norland and Suddenia agreed on Monday to set up "
        "a joint fishing commission, officials said."
    )


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text(P2, encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text(P1, encoding="utf-8")
    (tmp_path / "a" / "0.TXT").write_text(P3, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(P1 + " hidden", encoding="utf-8")
    (tmp_path / "a" / "notes.pdfx").write_text(P1, encoding="utf-8")
    (tmp_path / "a" / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "README.TXT").write_text(P1 + " readme", encoding="utf-8")
    arts = _articles(_all([tmp_path]))
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in arts] == ["a/0.TXT", "a/1.txt", "b/2.txt"]
    assert arts[1].path == str(tmp_path / "a" / "1.txt")
    assert len(_articles(_all([tmp_path / "README.TXT"]))) == 1  # named explicitly: read


def test_same_content_same_id_across_formats_and_paths(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(f"{P1}\n\n{P2}\n", encoding="utf-8")
    (tmp_path / "y.txt").write_text(f"{P1}\r\n{P2}\r\n\r\n", encoding="utf-8")
    (tmp_path / "z.json").write_text(json.dumps({"maintext": f"{P1}\n{P2}"}), encoding="utf-8")
    arts = _articles(_all([tmp_path]))
    assert len({a.id for a in arts}) == 1
    assert arts[0].id == article_id(arts[0].text)
    again = _articles(_all([tmp_path]))
    assert [a.id for a in again] == [a.id for a in arts]
    (tmp_path / "w.txt").write_text(f"{P1}\n\n{P3}\n", encoding="utf-8")
    assert len({a.id for a in _articles(_all([tmp_path]))}) == 2


def test_gzip_warc_magic_checked(tmp_path: Path) -> None:
    p = tmp_path / "notes.txt.gz"
    p.write_bytes(gzip.compress(P1.encode()))
    [r] = _all([p])
    assert isinstance(r, Rejection) and "gzip" in r.reason


TEASER_PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Envoy recalled - Example Times</title>
<script>window.dataLayer=[];</script></head><body>
<header><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></header>
<main><div class="story-wrapper has-sidebar">
<h1>Norland recalls envoy</h1><div class="byline">By ANA EXAMPLE</div>
<div class="date">Published 12 June 2024</div>
<p>{P1}</p>
<div><h4>Read more:</h4><a href="/x">Suddenia elects a new parliament in a close vote</a></div>
<p>{P2}</p><p>{P3}</p>
<div class="share-buttons"><span>Share this story on social media with your friends</span></div>
</div>
<section><h3>More news</h3><article><h4>Storm hits Westland</h4>
<p>A storm damaged hundreds of homes in Westland on Wednesday, officials said in a statement.</p>
</article></section></main><footer>Example Times</footer></body></html>"""


def test_html_teaser_boxes_are_cut_before_extraction(tmp_path: Path) -> None:
    p = tmp_path / "teasers.html"
    p.write_text(TEASER_PAGE, encoding="utf-8")
    [a] = _articles(_all([p]))
    assert a.text.split("\n\n") == [P1, P2, P3]
    assert (a.title, a.author, a.published) == ("Norland recalls envoy", "Ana Example", "2024-06-12")


def test_timeml_document(tmp_path: Path) -> None:
    tml = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X_1</DOCID>\n'
        '<DCT>VALLETTA, <TIMEX3 tid="t0" type="DATE" value="2005-04-01" functionInDocument="CREATION_TIME">'
        "April 1, 2005</TIMEX3> (Xinhua)</DCT>\n<TITLE>Norland and Suddenia agree</TITLE>\n<TEXT>\n"
        'The foreign ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on '
        '<TIMEX3 tid="t1" type="DATE" value="2005-04-01">Friday</TIMEX3> and agreed on a commission.\n'
        '</TEXT>\n<MAKEINSTANCE eventID="e1" eiid="ei1"/>\n</TimeML>\n'
    )
    p = tmp_path / "doc.tml"
    p.write_text(tml, encoding="utf-8")
    [a] = _articles(_all([p]))
    assert (a.title, a.published, a.publisher, a.source_format) == (
        "Norland and Suddenia agree",
        "2005-04-01",
        "Xinhua",
        "timeml",
    )
    assert a.text == "The foreign ministers met on Friday and agreed on a commission."
