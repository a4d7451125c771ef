"""Load the spaCy pipeline and turn an article into its `Facts`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.extraction.actor_rules.countries import load_countries
from app.extraction.actor_rules.gazetteer import load_places
from app.extraction.actor_rules.not_names import load_word_frequencies
from app.extraction.actors import extract_actors
from app.extraction.article import PARAGRAPH_SEPARATOR, parse_article
from app.extraction.dates import extract_dates
from app.extraction.document import ArticleDoc
from app.extraction.guards import check_length, check_prose, check_words
from app.extraction.language import check_english
from app.extraction.quotes import extract_quotes
from app.extraction.timex.named import load_holiday_calendars
from app.extraction.webpage import load_html_reader, parse_webpage
from app.models import Article, DateMention, Facts, Quote

PARAGRAPH_BOUNDARIES = "newsfacts_paragraph_boundaries"


# A dateline ends at a dash within the first words of a paragraph: `MADRID, Aug. 3 -`,
# `HAVANA (AP) --`, `SAN MATEO, California —`.
_DATELINE_DASHES = frozenset(["-", "--", "—", "–", "_"])
_LONGEST_DATELINE = 12
# No sentence of news prose runs this many tokens without a full stop; past it one is
# forced, so that rules that look across a sentence cost time linear in the text.
MAX_SENTENCE_TOKENS = 150
_SENTENCE_ENDS = frozenset([".", "!", "?", ";"])

SourceFormat = Literal["text", "html"]


@dataclass(frozen=True)
class Source:
    """What a client hands over: article text (scraped markdown or plain) or a whole HTML
    page, with the headline and publication date it knows."""

    content: str
    format: SourceFormat = "text"
    title: str | None = None
    published: dt.date | None = None
    max_chars: int | None = None  # of the article's text (an HTML page may be longer)


@Language.component(PARAGRAPH_BOUNDARIES)
def mark_paragraph_boundaries(doc: Doc) -> Doc:
    """No sentence runs across a paragraph break: the token after one starts a sentence;
    and a dateline opening a paragraph is a sentence of its own, so that the parser does
    not take the place for the subject of the lead."""
    starts = [0]
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if PARAGRAPH_SEPARATOR in previous.text_with_ws or (
            previous.is_space and "\n" in previous.text
        ):
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:
        if (end := _dateline_end(doc, start)) is not None:
            doc[end].is_sent_start = True
    _bound_sentence_length(doc)
    return doc


def _bound_sentence_length(doc: Doc) -> None:
    since_end = 0
    for token in doc[1:]:
        if token.is_sent_start or doc[token.i - 1].text in _SENTENCE_ENDS:
            since_end = 0
        else:
            since_end += 1
        if since_end >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            since_end = 0


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token after the dash that ends a dateline opening the paragraph at `start`: the
    paragraph opens with a word in capitals and no lower-case word comes before the dash."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for token in doc[start + 1 : start + _LONGEST_DATELINE]:
        if token.text in _DATELINE_DASHES:
            return token.i + 1 if token.i + 1 < len(doc) else None
        if (token.is_lower and token.is_alpha) or token.is_space:
            return None
    return None


def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path and add our components."""
    nlp = spacy.load(name)
    if PARAGRAPH_BOUNDARIES not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPH_BOUNDARIES, before=before)
    return nlp


def load_data_packages() -> None:
    """Read every data package the rules look words up in (word frequencies, places,
    countries, holiday calendars: about 50 MB and 0.8 s) and import the HTML reader, which
    each would otherwise do on its first use: a process that forks extraction processes
    loads them first, so that they share one copy instead of reading one each."""
    load_word_frequencies()
    load_places()
    load_countries()
    load_holiday_calendars()
    load_html_reader()


def extract_from_doc(article: Article, doc: Doc) -> Facts:
    parsed = ArticleDoc(article, doc)
    dates = extract_dates(parsed)
    actor_index = extract_actors(parsed)
    quotes = extract_quotes(parsed, actor_index, dates)
    return Facts(
        article=article,
        quotes=quotes,
        actors=actor_index.finalise(quotes),
        dates=_with_quotes_said_then(dates, quotes),
    )


def _with_quotes_said_then(
    dates: Sequence[DateMention], quotes: Sequence[Quote]
) -> list[DateMention]:
    """Each date mention that says when a quote was said names it (the first, if several)."""
    said_then: dict[str, str] = {}
    for quote in quotes:
        if quote.said_on is not None:
            said_then.setdefault(quote.said_on, quote.id)
    return [
        date.model_copy(update={"quote_id": said_then[date.id]}) if date.id in said_then else date
        for date in dates
    ]


def extract_facts(article: Article, nlp: Language) -> Facts:
    return extract_from_doc(article, nlp(article.body))


def parse_source(source: Source) -> Article:
    """The article a source holds, once it is known to be English prose of at most
    `max_chars`; raises `UnreadableTextError` or `TextTooLongError` otherwise, before any
    model sees it."""
    if source.format == "html":
        article = parse_webpage(source.content, title=source.title, published=source.published)
    else:
        check_length(source.content, source.max_chars)
        check_words(source.content)  # the parser's patterns too; it drops lines of symbols
        article = parse_article(source.content, title=source.title, published=source.published)
    check_length(article.body, source.max_chars)
    check_prose(article.body)
    check_english(article.body)
    return article


def extract_source(nlp: Language, source: Source) -> Facts:
    return extract_facts(parse_source(source), nlp)


def extract_text(
    nlp: Language, text: str, *, title: str | None = None, published: dt.date | None = None
) -> Facts:
    return extract_source(nlp, Source(text, title=title, published=published))
