"""The article parser: the scraped-markdown layout and plain text."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extraction.article import PARAGRAPH_SEPARATOR, parse_article
from app.models import Article
from tests.conftest import SHIPPED_ARTICLE

MARKDOWN = """

# Mayor Opens New Bridge Over River

By [Jane Doe](https://example.com/jane) and [Reuters](#)

March 3, 2021

**The new bridge at dawn / City Press Office**

The mayor opened the bridge on Tuesday, three years after work began.

**Related article:** [Bridge Costs Soar](https://example.com/costs)

"It is a great day," she said.

## **Traffic**

Traffic is expected to ease by *next spring*.

Original url:

<https://news.example.com/2021/03/03/mayor-opens-bridge-a123>
"""


@pytest.fixture(scope="module")
def markdown_article() -> Article:
    return parse_article(MARKDOWN)


@pytest.fixture(scope="module")
def shipped_article() -> Article:
    return parse_article(SHIPPED_ARTICLE.read_text(encoding="utf-8"))


def test_markdown_metadata(markdown_article: Article) -> None:
    assert markdown_article.title == "Mayor Opens New Bridge Over River"
    assert markdown_article.byline == "Jane Doe and Reuters"
    assert markdown_article.published == dt.date(2021, 3, 3)
    assert markdown_article.image_caption == "The new bridge at dawn"
    assert markdown_article.image_credit == "City Press Office"
    assert markdown_article.url == "https://news.example.com/2021/03/03/mayor-opens-bridge-a123"
    assert markdown_article.id == "mayor-opens-bridge-a123"


def test_markdown_body_sections_and_related(markdown_article: Article) -> None:
    assert [p.section for p in markdown_article.paragraphs] == [None, None, "Traffic"]
    assert markdown_article.sections == ["Traffic"]
    assert markdown_article.paragraphs[2].text == "Traffic is expected to ease by next spring."
    assert [(r.title, r.url) for r in markdown_article.related_articles] == [
        ("Bridge Costs Soar", "https://example.com/costs")
    ]


def test_paragraph_offsets_index_the_body(markdown_article: Article) -> None:
    body = markdown_article.body
    for paragraph in markdown_article.paragraphs:
        assert body[paragraph.start : paragraph.end] == paragraph.text
    assert body == PARAGRAPH_SEPARATOR.join(p.text for p in markdown_article.paragraphs)
    assert markdown_article.word_count == len(body.split())


def test_shipped_article_metadata(shipped_article: Article) -> None:
    assert (
        shipped_article.title == "Putin Takes Hard Line on Japan Island Dispute Before Abe's Visit"
    )
    assert shipped_article.byline == "Bloomberg"
    assert shipped_article.published == dt.date(2019, 1, 21)
    assert shipped_article.image_caption == "Sergei Lavrov and Taro Kono"
    assert shipped_article.image_credit == "Russian Foreign Ministry"
    assert shipped_article.sections == ["Security Tensions"]
    assert len(shipped_article.related_articles) == 2
    assert len(shipped_article.paragraphs) == 19
    assert shipped_article.url is not None
    assert shipped_article.url.startswith("https://www.themoscowtimes.com/2019/01/21/")
    assert not any("Related article" in p.text for p in shipped_article.paragraphs)


def test_plain_text_with_headline() -> None:
    article = parse_article(
        "Storm Hits Coast\n\nA storm hit the coast on Sunday.\n\nThousands lost power."
    )
    assert article.title == "Storm Hits Coast"
    assert article.id == "storm-hits-coast"
    assert [p.text for p in article.paragraphs] == [
        "A storm hit the coast on Sunday.",
        "Thousands lost power.",
    ]


def test_title_case_headline_ending_in_a_full_stop() -> None:
    article = parse_article("Senate Passes the Budget Bill.\n\nThe Senate voted 51-49 on Friday.")
    assert article.title == "Senate Passes the Budget Bill."


def test_plain_text_without_headline_and_given_date() -> None:
    text = "NAIROBI, Kenya (AP) _\n\nBombs exploded outside the embassy on Friday,\nkilling 12."
    article = parse_article(text, published=dt.date(1998, 8, 7))
    assert article.title is None
    assert article.published == dt.date(1998, 8, 7)
    # The dateline is read, and stays where it stands.
    assert article.dateline == "NAIROBI, Kenya (AP)"
    assert article.paragraphs[0].text == "NAIROBI, Kenya (AP) _"
    # Lines wrapped inside a paragraph are joined.
    assert article.paragraphs[1].text == "Bombs exploded outside the embassy on Friday, killing 12."
    assert article.id.startswith("article-")


def test_one_paragraph_per_line_without_blank_lines() -> None:
    first = (
        "The storm reached the coast late on Sunday, flooding roads, closing schools and "
        "cutting power to thousands of homes."
    )
    second = '"We have never seen water this high," the mayor told reporters.'
    article = parse_article(f"Storm Hits Coast\n\n{first}\n{second}")
    assert [p.text for p in article.paragraphs] == [first, second]


def test_given_title_is_not_repeated_in_the_body() -> None:
    article = parse_article("Storm Hits Coast\n\nA storm hit.", title="Storm Hits Coast")
    assert article.title == "Storm Hits Coast"
    assert [p.text for p in article.paragraphs] == ["A storm hit."]


def test_published_date_from_the_url() -> None:
    article = parse_article(
        "# Title\n\nBody text.\n\nOriginal url: <https://x.com/2020/02/29/story>"
    )
    assert article.published == dt.date(2020, 2, 29)
    assert article.id == "story"


@pytest.mark.parametrize("text", ["", "   \n\n  ", '"""', "# ", "**"])
def test_degenerate_text_never_fails(text: str) -> None:
    article = parse_article(text)
    assert article.body == PARAGRAPH_SEPARATOR.join(p.text for p in article.paragraphs)


@pytest.mark.parametrize(
    "first_line",
    ["On Monday, Oct. 26:", "and then the storm came"],
)
def test_a_lead_in_line_is_body_not_headline(first_line: str) -> None:
    article = parse_article(f"{first_line}\n\nThe council met on Tuesday.")
    assert article.title is None
    assert article.paragraphs[0].text == first_line
