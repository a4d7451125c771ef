"""Capitalised words that name no actor: creeds, titles and a title's portfolio,
events, works and products, and common words capitalised only by their place.

The small model labels many of them as people, places or organisations; the words
themselves and the words around them say otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token
from wordfreq import zipf_frequency

from app.extraction.actor_rules.countries import country_code, nationality_country, region_country
from app.extraction.actor_rules.gazetteer import city
from app.extraction.actor_rules.lexicon import (
    CREED_ENDINGS,
    EVENT_HEADS,
    FAITHS,
    ROYAL_TITLES,
    TIME_ZONES,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    WORK_NOUNS,
)

# How common (Zipf scale: 4 is once in 100,000 words) a word must be for a capitalised
# common noun to be read as that noun rather than a name.
COMMON_ZIPF = 4.0


def not_a_name(token: Token) -> bool:
    """Nationality words are an actor's country, not an actor; time zones, faiths and
    creeds (`Islam`, `Marxism`, `Islamophobia`) are no actor; nor is a title or a word of
    one (`Emeritus Professor …`; but `the Queen` stands for a monarch), nor the portfolio
    of a title (`Minister of Education`, `Secretary of State`) unless it is a place."""
    word = token.lower_
    return (
        bool(nationality_country(word))
        or word in TIME_ZONES
        or word in FAITHS
        or word.endswith(CREED_ENDINGS)
        or (word in TITLE_WORDS | TITLE_MODIFIERS and word not in ROYAL_TITLES)
        or _portfolio(token)
    )


def _portfolio(token: Token) -> bool:
    """A common word after a title and `of` (`Minister of Education`), not a name of its
    own (`the secretary general of CEI`)."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].lower_ not in ("of", "for"):
        return False
    if not token.is_title or not is_common_word(token.text):
        return False
    title = doc[token.i - 2].lower_
    if title not in TITLE_WORDS and not title.endswith(("minister", "secretary")):
        return False
    return not (country_code(token.text) or region_country(token.text) or city(token.text))


def names_a_thing(spans: Iterable[Span]) -> bool:
    """Whether the name is an event's (`Taipei Lantern Festival`, `Operation Clambake`) or
    follows a noun for a work or a product (`the film Easy Rider`, `the graphic novel
    Angel Catbird`, `the browser Firefox`)."""
    for span in spans:
        doc = span.doc
        if span[-1].lower_ in EVENT_HEADS or (len(span) > 1 and span[0].lower_ == "operation"):
            return True
        # Not a noun after the name: `the Tom Cruise video` is about him, `the Pfizer
        # vaccine` made by it.
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text.islower() and before.lower_ in WORK_NOUNS:
            return True
    return False


def capitalised_common_word(spans: Iterable[Span]) -> bool:
    """A common English word (by wordfreq) that the tagger reads as a common noun or an
    adjective and that is capitalised only because it opens a sentence or a line: `Media
    contact:`, `Legal experts said`."""
    spans = list(spans)
    return all(
        len(span) == 1 and span[0].is_sent_start and span[0].pos_ in ("NOUN", "ADJ")
        for span in spans
    ) and is_common_word(spans[0].text)


def is_common_word(word: str) -> bool:
    """Whether the word is common in English (once in 100,000 words or more often)."""
    return zipf_frequency(word.lower(), "en") >= COMMON_ZIPF
