"""A whole HTML page to its article: trafilatura finds the main text (the article's
paragraphs, without navigation, ads, related links, comments or cookie banners) and the
page's metadata (`og:*`, `article:published_time`, JSON-LD `NewsArticle`, `<time>`);
htmldate, which it calls, reads the publication date. A page with no article text gives
an article with an empty body and the page's metadata."""

from __future__ import annotations

import datetime as dt
import re
from types import ModuleType
from typing import TYPE_CHECKING

from app.extraction.article import ArticleMetadata, article_from_paragraphs
from app.models import Article

if TYPE_CHECKING:
    from lxml.etree import _Element

# The tags of trafilatura's output that hold the article's prose, in reading order.
_PROSE_TAGS = frozenset(["p", "quote", "item"])
_HEADING_TAG = "head"
_DATE = {
    # the first publication, not the last update; only the page's own markup, no guessing
    # from dates printed in the text
    "original_date": True,
    "extensive_search": False,
}


def _text(element: _Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _blocks(body: _Element) -> list[tuple[bool, str]]:
    """(is_heading, text) for each heading and prose block, lists item by item."""
    blocks: list[tuple[bool, str]] = []
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == _HEADING_TAG:
            blocks.append((True, _text(element)))
        elif tag in _PROSE_TAGS and not any(
            isinstance(child.tag, str) and child.tag in _PROSE_TAGS for child in element
        ):
            blocks.append((False, _text(element)))
    return [(heading, text) for heading, text in blocks if text]


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def load_html_reader() -> ModuleType:
    """trafilatura, imported on first use: its import (with lxml, htmldate and courlan)
    takes a tenth of a second that the server's start need not pay."""
    import trafilatura

    return trafilatura


def parse_webpage(
    html: str, *, title: str | None = None, published: dt.date | None = None
) -> Article:
    """The article of an HTML page; `title` and `published` given from outside win over
    the page's metadata."""
    trafilatura = load_html_reader()
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=_DATE,
    )
    blocks: list[tuple[bool, str]] = []
    if isinstance(document, trafilatura.settings.Document) and document.body is not None:
        blocks = _blocks(document.body)
    else:  # a page with no article text still has its metadata
        document = trafilatura.extract_metadata(html, date_config=_DATE)
    headline = title or document.title or None
    paragraphs: list[tuple[str | None, str]] = []
    section: str | None = None
    for is_heading, text in blocks:
        if not is_heading:
            paragraphs.append((section, text))
        elif paragraphs or text != headline:  # the page repeats its headline as an <h1>
            section = text
    metadata = ArticleMetadata(
        title=headline,
        byline=document.author or None,
        published=published or _date(document.date),
        url=document.url or None,
        site_name=document.sitename or None,
    )
    return article_from_paragraphs(paragraphs, metadata)
