"""Input files the ingest tests write for themselves: wire copy, web pages, WARCs, feeds.

Every text here is written for these tests; nothing is copied from real outlets.
"""

from __future__ import annotations

import gzip as gzip_module
import io
from dataclasses import dataclass
from html import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Distinct English paragraphs; an article is one of these, so every article has its own id.
STORIES = {
    "tractors": "Belarus and Cuba signed an agreement on Tuesday for the supply of tractors and buses to Havana, "
    "officials in Minsk said. The deal runs for three years and includes spare parts and training for mechanics.",
    "fuel": "Russia sent a tanker of diesel fuel to Cuba on Monday to ease blackouts across the island, the energy "
    "ministry in Moscow said. Power cuts have lasted up to twelve hours a day in eastern provinces this month.",
    "sanctions": "The European Union imposed new sanctions on Belarus on Wednesday over the detention of opposition "
    "activists, freezing the assets of six officials. Minsk called the measures an act of economic pressure.",
    "port": "China agreed to finance a deep water port on the Caribbean coast of Nicaragua, the government in "
    "Managua announced on Thursday. Construction is expected to begin next spring and to employ two thousand people.",
    "arrest": "Police in Caracas arrested a human rights activist on Friday after she criticised the electoral "
    "council, her lawyer said. Venezuelan prosecutors accused her of inciting hatred, a charge she denies.",
    "roadmap": "Iran and Belarus agreed on a roadmap for cooperation in industry and agriculture during talks in "
    "Minsk on Saturday. The foreign ministers said trade between the two countries should double by next year.",
    "vote": "The United Nations General Assembly voted again on Wednesday to condemn the American embargo on Cuba, "
    "with most member states supporting the resolution. Washington and one ally voted against the text.",
    "medics": "China delivered medical supplies and ventilators to Venezuela on Sunday, the health ministry in "
    "Caracas said. A team of doctors from Beijing will stay for two months to train staff at public hospitals.",
    "blackout": "Residents of Santiago de Cuba protested in the streets on Saturday night after a blackout that "
    "lasted two days, witnesses said. Police dispersed the crowd and detained several people near the main square.",
    "exercise": "Russian and Belarusian troops began joint military exercises near the Polish border on Monday, the "
    "defence ministry in Minsk said. Poland responded by moving additional units to its eastern regions.",
    "treaty": "Venezuela and Russia signed a strategic partnership treaty in Moscow on Wednesday, covering energy, "
    "mining and defence. President Maduro thanked his host for what he called unwavering support.",
    "priest": "A court in Managua sentenced a Catholic priest to ten years in prison on Tuesday for conspiracy, "
    "church officials said. The United States condemned the verdict and called for his immediate release.",
    "solar": "China will build solar parks in Cuba with a combined capacity of one thousand megawatts, the Cuban "
    "energy ministry said on Friday. The first parks are due to connect to the national grid before the summer.",
    "summit": "Leaders of the Eurasian Economic Union met in Minsk on Thursday and agreed to cut tariffs on farm "
    "machinery, the Belarusian presidency said. Iran attended the summit as an observer for the first time.",
}
SPANISH = (
    "El gobierno de Cuba firmó el martes un acuerdo con Bielorrusia para la compra de tractores y autobuses, "
    "según informaron fuentes oficiales en La Habana. El acuerdo tendrá una duración de tres años y prevé la "
    "formación de mecánicos cubanos en Minsk."
)


def html_page(
    body: str,
    *,
    title: str = "Test headline",
    date: str | None = None,
    site: str | None = "Test Wire",
    canonical: str | None = None,
    charset: str = "utf-8",
) -> str:
    """A news page with navigation, a cookie banner and a footer around one article."""
    head = [f'<meta charset="{charset}">', f"<title>{escape(title)} | {site or 'Site'}</title>"]
    if site:
        head.append(f'<meta property="og:site_name" content="{escape(site)}">')
    if date:
        head.append(f'<meta property="article:published_time" content="{date}T08:30:00Z">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    paragraphs = "\n".join(f"<p>{escape(sentence.strip())}.</p>" for sentence in body.split(". ") if sentence.strip())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head>' + "".join(head) + "</head><body>\n"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>\n'
        '<div class="cookies">We use cookies to improve your experience.</div>\n'
        f"<main><article><h1>{escape(title)}</h1>\n{paragraphs}\n</article></main>\n"
        "<footer>Copyright 2025 Test Wire. All rights reserved. Contact us.</footer>\n</body></html>\n"
    ).replace("..</p>", ".</p>")


def empty_page() -> str:
    """A page that is all furniture: a menu and a footer, no article."""
    return (
        "<!DOCTYPE html><html><head><title>Index</title></head><body>"
        '<nav><a href="/">Home</a></nav><div class="grid"></div><footer>Contact</footer></body></html>'
    )


@dataclass
class WarcRecord:
    """What one record of a test WARC holds; `corrupt` flips bytes after the digests are taken."""

    uri: str
    payload: bytes
    record_type: str = "response"
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = "2025-04-02T10:00:00Z"
    corrupt: bool = False


def warc_bytes(records: list[WarcRecord], *, gzip: bool) -> tuple[bytes, list[int], list[str]]:
    """A WARC file, with each record's byte offset and WARC-Record-ID.

    Each record is written on its own and, for WARC.gz, compressed as its own gzip member,
    which is how crawlers write them and what lets a reader skip a damaged one.
    """
    out = bytearray()
    offsets, ids = [], []
    for spec in records:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        headers = {"WARC-Date": spec.date}
        http = None
        if spec.record_type in ("response", "request"):
            first = spec.status if spec.record_type == "response" else f"GET {spec.uri} HTTP/1.1"
            protocol = "HTTP/1.1" if spec.record_type == "response" else ""
            http = StatusAndHeaders(first, [("Content-Type", spec.content_type)], protocol=protocol)
        record = writer.create_warc_record(
            spec.uri, spec.record_type, payload=io.BytesIO(spec.payload), http_headers=http, warc_headers_dict=headers
        )
        ids.append(record.rec_headers.get_header("WARC-Record-ID").strip("<>"))
        writer.write_record(record)
        raw = buffer.getvalue()
        if spec.corrupt:
            cut = len(raw) - 40
            raw = raw[:cut] + bytes(b ^ 0x20 for b in raw[cut : cut + 8]) + raw[cut + 8 :]
        offsets.append(len(out))
        out += gzip_module.compress(raw) if gzip else raw
    return bytes(out), offsets, ids


def rss(items: list[dict[str, str]], *, title: str = "Test Wire: World") -> str:
    """An RSS 2.0 channel; each item may have title, link, guid, pubDate, description, content."""
    parts = []
    for item in items:
        fields = [f"<{key}>{escape(value)}</{key}>" for key, value in item.items() if key != "content"]
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>https://wire.example/</link><description>Test</description>"
        + "".join(parts)
        + "</channel></rss>\n"
    )


def atom(entries: list[dict[str, str]], *, title: str = "Test Atom Wire") -> str:
    """An Atom feed; each entry has id, title, link, updated and summary (HTML)."""
    parts = [
        f"<entry><id>{escape(e['id'])}</id><title>{escape(e['title'])}</title>"
        f'<link href="{escape(e["link"])}"/><updated>{e["updated"]}</updated>'
        f'<summary type="html">{escape(e["summary"])}</summary></entry>'
        for e in entries
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test:feed</id><updated>2025-04-01T00:00:00Z</updated>"
        + "".join(parts)
        + "</feed>\n"
    )
