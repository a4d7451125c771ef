"""Load the spaCy pipeline and turn an article into its `Facts`."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.extraction.actors import extract_actors
from app.extraction.article import PARAGRAPH_SEPARATOR, parse_article
from app.extraction.dates import extract_dates
from app.extraction.document import ArticleDoc
from app.extraction.quotes import extract_quotes
from app.models import Article, Facts

PARAGRAPH_BOUNDARIES = "newsfacts_paragraph_boundaries"


@Language.component(PARAGRAPH_BOUNDARIES)
def mark_paragraph_boundaries(doc: Doc) -> Doc:
    """No sentence runs across a paragraph break: the token after one starts a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if PARAGRAPH_SEPARATOR in previous.text_with_ws or (
            previous.is_space and "\n" in previous.text
        ):
            token.is_sent_start = True
    return doc


def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path and add our components."""
    nlp = spacy.load(name)
    if PARAGRAPH_BOUNDARIES not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPH_BOUNDARIES, before=before)
    return nlp


def extract_from_doc(article: Article, doc: Doc) -> Facts:
    parsed = ArticleDoc(article, doc)
    dates = extract_dates(parsed)
    actor_index = extract_actors(parsed)
    quotes = extract_quotes(parsed, actor_index, dates)
    return Facts(
        article=article,
        quotes=quotes,
        actors=actor_index.finalise(quotes),
        dates=dates,
    )


def extract_facts(article: Article, nlp: Language) -> Facts:
    return extract_from_doc(article, nlp(article.body))


def extract_text(
    nlp: Language, text: str, *, title: str | None = None, published: dt.date | None = None
) -> Facts:
    return extract_facts(parse_article(text, title=title, published=published), nlp)
