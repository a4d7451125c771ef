"""Quote F1 of articles given as whole HTML pages against the same articles given as text.

Each plain-text article (first line the headline, blank lines between paragraphs) is put
into a news page with a cookie banner, navigation, an ad between paragraphs, related links,
comments, a footer and JSON-LD metadata; both are extracted, and the (quote, speaker) pairs
of the page are scored against those of the text.

    .venv/bin/python scripts/html_vs_text.py bench/texts ../shared/eval/polnear/dev/text
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import sys
from pathlib import Path

from app.extraction.guards import UnreadableTextError
from app.extraction.pipeline import Source, extract_source, load_pipeline
from app.models import Facts
from app.settings import get_settings

PUBLISHED = dt.date(2024, 5, 14)


def page(title: str, paragraphs: list[str]) -> str:
    metadata = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{PUBLISHED.isoformat()}T08:00:00Z",
            "author": {"@type": "Person", "name": "Staff Writer"},
        }
    )
    body = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    body.insert(min(2, len(body)), '<div class="ad">Advertisement: save 20% on tyres now</div>')
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | The Daily Example</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="The Daily Example">
<script type="application/ld+json">{metadata}</script></head><body>
<div class="cookie-consent">We use cookies. <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<article><h1>{html.escape(title)}</h1>{"".join(body)}
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Markets slide again</a></li>
<li><a href="/y">Weather turns cold</a></li></ul></aside></article>
<section id="comments"><p>First! Great article. Posted by reader99</p></section>
<footer>© The Daily Example. <a href="/terms">Terms</a></footer></body></html>"""


def pairs(facts: Facts) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in facts.quotes]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    nlp = load_pipeline(get_settings().spacy_pipeline)
    matched = from_page_total = from_text_total = 0
    for path in sorted(p for folder in args.folders for p in folder.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        title, paragraphs = blocks[0], [" ".join(b.split()) for b in blocks[1:]]
        text = "\n\n".join(paragraphs)
        try:
            as_text = extract_source(nlp, Source(text, title=title, published=PUBLISHED))
        except UnreadableTextError as error:
            print(f"{path.name}: skipped: {error.detail}", file=sys.stderr)
            continue
        as_page = extract_source(nlp, Source(page(title, paragraphs), "html"))
        expected, found = pairs(as_text), pairs(as_page)
        common = sum(min(expected.count(p), found.count(p)) for p in set(expected))
        matched += common
        from_text_total += len(expected)
        from_page_total += len(found)
        if common != len(expected) or common != len(found):
            print(f"{path.name}: {common} of {len(expected)} text quotes, {len(found)} from page")
    precision = matched / from_page_total if from_page_total else 1.0
    recall = matched / from_text_total if from_text_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"quote+speaker F1 of the pages against the texts: {f1:.3f} "
        f"(P {precision:.3f} R {recall:.3f}; {from_text_total} quotes from the texts)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
