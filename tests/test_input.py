"""Real-world input: web pages, wire copy, press releases, other languages, hostile text;
through the API and the command line."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.models import Facts
from tests.conftest import Extract
from tests.test_api import assert_problem
from tests.test_cli import run_cli

LEAD = (
    "The Port Edwin harbour council voted on Monday to open a ferry line between the old "
    "town and the northern islands, ending a dispute that had run for three years."
)
QUOTE_PARAGRAPH = (
    '"This line will change how people on the islands get to work," council chair Helen '
    "Marsh told reporters after the vote. She said the first boats would sail in September."
)
SECOND_QUOTE = (
    'Opposition councillor Tomas Reyes called the plan rushed. "Nobody has told us what the '
    'tickets will cost," he said.'
)
CLOSING = (
    "The council expects about 2,000 passengers a day in the first year, according to a "
    "report published last week."
)
ARTICLE_TEXT = "\n\n".join(
    ["Harbour council approves new ferry line", LEAD, QUOTE_PARAGRAPH, SECOND_QUOTE, CLOSING]
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour council approves new ferry line | The Coastal Ledger</title>
<meta property="og:title" content="Harbour council approves new ferry line">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2024-05-14T09:30:00Z">
<link rel="canonical" href="https://ledger.example/news/harbour-ferry-line">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour council approves new ferry line",
 "datePublished": "2024-05-14T09:30:00Z",
 "author": {{"@type": "Person", "name": "Maria Lindqvist"}},
 "publisher": {{"@type": "Organization", "name": "The Coastal Ledger"}}}}
</script></head>
<body>
<div class="cookie-banner">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Harbour council approves new ferry line</h1>
<p class="byline">By Maria Lindqvist</p>
<time datetime="2024-05-14T09:30:00Z">May 14, 2024</time>
<p>{LEAD}</p>
<div class="ad">Advertisement: Buy the new Zephyr sedan today and save thousands!</div>
<p>{QUOTE_PARAGRAPH}</p>
<p>{SECOND_QUOTE}</p>
<p>{CLOSING}</p>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Island school reopens after storm</a></li>
<li><a href="/b">Fish prices climb again this spring</a></li></ul></aside>
</article></main>
<section class="comments"><h3>Comments</h3>
<p>Great news for the islands! Posted by islander42</p></section>
<footer><p>© 2024 The Coastal Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""

FRENCH = (
    "Le président de la République a déclaré mardi que le gouvernement présenterait un "
    "nouveau projet de loi sur les retraites avant la fin du mois, selon plusieurs ministres."
)
GERMAN = (
    "Die Bundesregierung hat am Dienstag angekündigt, dass sie noch vor dem Sommer ein neues "
    "Gesetz zur Rente vorlegen werde, sagte ein Sprecher des Ministeriums in Berlin."
)


def _post(client: TestClient, **kwargs: Any) -> Facts:
    response = client.post("/v1/extract", **kwargs)
    assert response.status_code == 200, response.text
    return Facts.model_validate(response.json())


def assert_exact_offsets(facts: Facts) -> None:
    body = facts.article.body
    for quote in facts.quotes:
        assert body[quote.start : quote.end] == quote.text
    for date in facts.dates:
        assert body[date.start : date.end] == date.text
    for actor in facts.actors:
        for mention in actor.mentions:
            if mention.field == "body":
                assert body[mention.start : mention.end] == mention.text


def _speakers(facts: Facts) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in facts.quotes]


# --- web pages ---------------------------------------------------------------------------


def assert_the_page_article(facts: Facts) -> None:
    article = facts.article
    assert article.title == "Harbour council approves new ferry line"
    assert article.byline == "Maria Lindqvist"
    assert article.url == "https://ledger.example/news/harbour-ferry-line"
    assert article.site_name == "The Coastal Ledger"
    assert [p.text for p in article.paragraphs] == [LEAD, QUOTE_PARAGRAPH, SECOND_QUOTE, CLOSING]
    for junk in ("cookies", "Zephyr", "Weather", "Island school", "islander42", "Privacy"):
        assert junk not in article.body
    assert_exact_offsets(facts)


def test_a_web_page_as_json(client: TestClient) -> None:
    facts = _post(client, json={"html": PAGE})
    assert_the_page_article(facts)
    assert facts.article.published == dt.date(2024, 5, 14)
    speakers = dict(_speakers(facts))
    assert speakers["This line will change how people on the islands get to work"] == (
        "Helen Marsh"
    )
    assert speakers["Nobody has told us what the tickets will cost"] == "Tomas Reyes"


def test_a_web_page_as_a_raw_body_with_the_published_date_of_the_request(
    client: TestClient,
) -> None:
    facts = _post(
        client,
        content=PAGE.encode(),
        headers={"content-type": "text/html; charset=utf-8"},
        params={"published": "2024-05-20"},
    )
    assert_the_page_article(facts)
    assert facts.article.published == dt.date(2024, 5, 20)


def test_the_page_gives_the_quotes_of_the_same_article_as_text(client: TestClient) -> None:
    from_page = _speakers(_post(client, json={"html": PAGE}))
    from_text = _speakers(_post(client, json={"text": ARTICLE_TEXT, "published": "2024-05-14"}))
    assert from_page == from_text
    assert len(from_page) >= 3


def test_a_page_with_no_article_gives_its_metadata_and_no_facts(client: TestClient) -> None:
    facts = _post(client, json={"html": "<html><head><title>Ferry</title></head></html>"})
    assert facts.article.title == "Ferry"
    assert facts.article.body == ""
    assert not facts.quotes and not facts.actors and not facts.dates


def test_the_command_line_reads_a_web_page(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    result = run_cli("extract", str(page))
    assert result.returncode == 0, result.stderr
    facts = Facts.model_validate_json(result.stdout)
    assert_the_page_article(facts)
    assert facts.article.published == dt.date(2024, 5, 14)


@pytest.mark.parametrize("media_type", ["text/plain", "text/markdown"])
def test_plain_text_and_markdown_as_raw_bodies(client: TestClient, media_type: str) -> None:
    facts = _post(
        client,
        content=ARTICLE_TEXT.encode(),
        headers={"content-type": media_type},
        params={"published": "2024-05-14", "title": "Ferry line approved"},
    )
    assert facts.article.title == "Ferry line approved"
    assert facts.article.paragraphs[0].text == "Harbour council approves new ferry line"
    assert facts.article.published == dt.date(2024, 5, 14)


def test_a_raw_body_of_another_media_type_is_refused(client: TestClient) -> None:
    response = client.post(
        "/v1/extract", content=b"<a/>", headers={"content-type": "application/xml"}
    )
    assert_problem(response, 415)


def test_json_takes_text_or_html_not_both(client: TestClient) -> None:
    assert_problem(client.post("/v1/extract", json={"text": LEAD, "html": PAGE}), 422)


# --- plain text, wire copy, press releases -------------------------------------------------


def test_a_lead_sentence_is_not_a_headline(client: TestClient) -> None:
    text = (
        "Health Minister Sarah Okafor and her deputy, Daniel Brooks, visited the hospital on "
        'Monday.\n\n"We need more nurses on every ward," she said.'
    )
    facts = _post(client, json={"text": text, "published": "2024-03-06"})
    assert facts.article.title is None
    assert facts.article.paragraphs[0].text.startswith("Health Minister Sarah Okafor")
    assert _speakers(facts) == [("We need more nurses on every ward", "Sarah Okafor")]
    roles = {a.name: [r.title for r in a.roles] for a in facts.actors}
    assert "Health Minister" in roles["Sarah Okafor"]
    assert "deputy" in roles["Daniel Brooks"]
    assert [(d.text, d.value) for d in facts.dates] == [("Monday", "2024-03-04")]


def test_one_newline_between_paragraphs(client: TestClient) -> None:
    text = (
        "Storm hits coast\nA storm hit the coast on Monday.\n"
        '"We lost everything," said fisherman Paul Ames.'
    )
    facts = _post(client, json={"text": text, "published": "2024-03-06"})
    assert facts.article.title == "Storm hits coast"
    assert [p.text for p in facts.article.paragraphs] == [
        "A storm hit the coast on Monday.",
        '"We lost everything," said fisherman Paul Ames.',
    ]
    assert _speakers(facts) == [("We lost everything", "Paul Ames")]


@pytest.mark.parametrize(
    ("dateline", "place", "published", "expected"),
    [
        ("WASHINGTON, July 31 (Reuters) -", "Washington", "2024-08-02", "2024-07-31"),
        ("HAVANA (AP) —", "Havana", "2024-08-02", "2024-08-02"),
        ("SAN FRANCISCO, March 4, 2024 /PRNewswire/ --", "San Francisco", None, "2024-03-04"),
        ("LONDON, Aug. 3 (AFP) -", "London", "2024-08-05", "2024-08-03"),
        ("LONDON, Dec. 31 (AFP) -", "London", "2025-01-02", "2024-12-31"),
    ],
)
def test_wire_and_release_datelines(
    client: TestClient, dateline: str, place: str, published: str | None, expected: str
) -> None:
    lead = "The port authority said today that it would hire 200 workers."
    payload = {"text": f"{dateline} {lead}", "published": published}
    facts = _post(client, json={k: v for k, v in payload.items() if v})
    assert facts.article.dateline == dateline.rsplit(" ", 1)[0]  # without its dash
    assert facts.article.published == dt.date.fromisoformat(expected)
    assert [(d.text, d.value) for d in facts.dates][-1] == ("today", expected)
    lead_sentence = next(q for q in facts.quotes if q.text.startswith("it would hire"))
    assert lead_sentence.sentence == lead
    assert all(d.value == expected for d in facts.dates)  # the dateline's own date too
    actor = next(a for a in facts.actors if a.name == place)
    assert actor.type == "place"
    assert "dateline" in [m.field for m in actor.mentions]
    assert_exact_offsets(facts)


PRESS_RELEASE = """Acme Robotics Opens Plant in Ohio

SAN FRANCISCO, March 4, 2024 /PRNewswire/ -- Acme Robotics today opened a plant in Dayton.

"Dayton has the workers we need," said Acme chief executive Laura Chen.

About Acme Robotics

Acme Robotics, founded in 2009, builds warehouse robots. "We ship worldwide," the company says.

Forward-looking statements

This release contains forward-looking statements about 2025 that involve risks.

Media contact:
Peter Olsen, Brightline PR, press@acme.example

###
"""


def test_press_release_furniture_gives_no_facts(client: TestClient) -> None:
    facts = _post(client, json={"text": PRESS_RELEASE})
    assert facts.article.title == "Acme Robotics Opens Plant in Ohio"
    assert facts.article.published == dt.date(2024, 3, 4)
    assert [p.text for p in facts.article.paragraphs] == [
        "SAN FRANCISCO, March 4, 2024 /PRNewswire/ -- Acme Robotics today opened a plant in "
        "Dayton.",
        '"Dayton has the workers we need," said Acme chief executive Laura Chen.',
    ]
    assert _speakers(facts) == [("Dayton has the workers we need", "Laura Chen")]
    names = {a.name for a in facts.actors}
    assert not names & {"Peter Olsen", "Brightline PR"}
    assert [(d.text, d.value) for d in facts.dates] == [
        ("March 4, 2024", "2024-03-04"),
        ("today", "2024-03-04"),
    ]


def test_the_command_line_reads_wire_copy(tmp_path: Path) -> None:
    story = tmp_path / "wire.txt"
    story.write_text(PRESS_RELEASE, encoding="utf-8")
    result = run_cli("extract", str(story))
    assert result.returncode == 0, result.stderr
    facts = Facts.model_validate_json(result.stdout)
    assert facts.article.dateline == "SAN FRANCISCO, March 4, 2024 /PRNewswire/"
    assert facts.article.published == dt.date(2024, 3, 4)


# --- other languages -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (GERMAN, "de")])
def test_another_language_is_refused_naming_it(
    client: TestClient, tmp_path: Path, text: str, language: str
) -> None:
    problem = assert_problem(client.post("/v1/extract", json={"text": text}), 422)
    assert problem["language"] == language
    assert f"'{language}'" in problem["detail"]
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    result = run_cli("extract", str(story))
    assert result.returncode != 0
    assert result.stdout == ""
    assert problem["detail"] in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        '"Merci beaucoup," said the chef.',
        f"{LEAD}\n\n{QUOTE_PARAGRAPH}\n\n{SECOND_QUOTE}\n\nThe mayor answered in French: "
        f"« {FRENCH} »",
    ],
    ids=["short", "mostly-english"],
)
def test_short_or_mostly_english_text_passes(client: TestClient, text: str) -> None:
    _post(client, json={"text": text})


# --- hostile text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("," * 20_000, "run of 20000 punctuation or symbol characters"),
        ("😀" * 20_000, "run of 20000 punctuation or symbol characters"),
        (("ha " + "😀 " * 9) * 1_000, "letters or digits"),
        ("x" * 20_000, "word of 20000 characters"),
        (f"{LEAD}\n\nIt said {'!?' * 5_000} and left.", "run of 10000 punctuation or symbol"),
        (f"{LEAD}\n\nIt said {'!?' * 60} and left.", "run of 120 punctuation or symbol"),
    ],
    ids=[
        "commas",
        "emoji-run",
        "emoji-and-words",
        "long-word",
        "long-run-in-prose",
        "run-in-prose",
    ],
)
def test_hostile_text_is_refused_at_once(client: TestClient, text: str, problem: str) -> None:
    started = time.monotonic()
    response = client.post("/v1/extract", json={"text": text})
    elapsed = time.monotonic() - started
    assert problem in assert_problem(response, 422)["detail"]
    assert elapsed < 1.0


def test_the_command_line_refuses_hostile_text(tmp_path: Path) -> None:
    story = tmp_path / "commas.txt"
    story.write_text("," * 20_000, encoding="utf-8")
    result = run_cli("extract", str(story))
    assert result.returncode != 0
    assert "not prose" in result.stderr


def fill(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def nested_quotes(length: int) -> str:
    units = length // 20
    return fill('Ann Lee said, "' * units + 'no." ' * units, length)


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "nested-quotes": nested_quotes,
    "one-word-paragraphs": lambda length: fill("Election\n\n", length),
    "one-word-lines": lambda length: fill("Election\n", length),
    "one-sentence": lambda length: fill("and the council said ", length),
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_prose_is_extracted(client: TestClient, make: Callable[[int], str]) -> None:
    # Small: the server's extraction processes run at the lowest priority, and their cost
    # is measured by the next test.
    assert_exact_offsets(_post(client, json={"text": make(600)}))


def test_pathological_prose_costs_no_more_than_prose(extract: Extract) -> None:
    prose = fill(f"{LEAD}\n\n{QUOTE_PARAGRAPH}\n\n{SECOND_QUOTE}\n\n{CLOSING}\n\n", 20_000)

    def seconds(text: str) -> float:
        started = time.process_time()  # CPU time: steadier than wall time on a busy machine
        extract(text)
        return time.process_time() - started

    reference = min(seconds(prose) for _ in range(2))
    for name, make in PATHOLOGICAL.items():
        cost = seconds(make(20_000))
        assert cost < 3 * reference + 0.5, f"{name}: {cost:.2f} s vs prose {reference:.2f} s"
