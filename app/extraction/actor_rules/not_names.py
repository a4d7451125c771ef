"""Capitalised words that name no actor: creeds, titles and a title's portfolio,
events, works and products, and common words capitalised only by their place.

The small model labels many of them as people, places or organisations; the words
themselves and the words around them say otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

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

# A quotation on one line, and the small words a title leaves in lower case.
_QUOTATION = re.compile(r"[\"“]([^\"“”\n]{3,120})[\"”]")
_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs"]
)
_WORD = re.compile(r"[^\W\d_]+")
_SPEAKERS = frozenset(["i", "we", "you", "my", "our", "your", "me", "us"])
# Fewest words of a quotation in Title Case that is the title of a work.
_TITLE_WORDS_MIN = 3

# Shortest follower's word (`Buddhist`; not `Christ`) and how common its creed's word is.
_ADHERENT_MIN = 7
_CREED_ZIPF = 2.0

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
        or _adherent(word)
        or (word in TITLE_WORDS | TITLE_MODIFIERS and word not in ROYAL_TITLES)
        or _portfolio(token)
    )


def _adherent(word: str) -> bool:
    """A follower of a creed named after it (`Scientologist`, `Calvinists`): a long word in
    `-ist` whose creed (`-ism`, `-y`) is an English word."""
    stem = word.removesuffix("s").removesuffix("ist")
    if len(word) < _ADHERENT_MIN or stem == word.removesuffix("s"):
        return False
    return any(_zipf(stem + end) >= _CREED_ZIPF for end in ("ism", "y"))


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


def _zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word. The package is imported here, on
    first use: its import takes a fifth of a second that the server's start need not pay
    (`load_word_frequencies` reads it once the server is ready)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def load_word_frequencies() -> None:
    """Read wordfreq's English list (28 MB in memory), which its first look-up otherwise does."""
    _zipf("the")


def is_common_word(word: str) -> bool:
    """Whether the word is common in English (once in 100,000 words or more often)."""
    return _zipf(word.lower()) >= COMMON_ZIPF


def quoted_title_tokens(doc: Doc, text: str) -> set[int]:
    """Tokens of the titles of works that news style puts in quotation marks (AP style
    quotes composition titles): a quotation of three words or more, all in Title Case
    (`"Andy Warhol: Photographs and Prints from the University Collection"`). The names
    inside belong to the title, not to actors."""
    inside: set[int] = set()
    for match in _QUOTATION.finditer(text):
        if not _title_case(match.group(1)):
            continue  # most quotations are speech: tell them by their text alone
        title = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if title is None:
            continue
        words = [t for t in title if t.is_alpha]
        title_case = all(t.text[0].isupper() or t.lower_ in _TITLE_SMALL_WORDS for t in words)
        # Someone speaking in capitals says `I` or `we`; a sentence ends inside no title.
        spoken = any(t.lower_ in _SPEAKERS for t in words)
        ended = any(t.text in ".!?" for t in title[:-1])
        if len(words) >= _TITLE_WORDS_MIN and title_case and not spoken and not ended:
            inside.update(t.i for t in title)
    return inside


def _title_case(text: str) -> bool:
    words = _WORD.findall(text)
    return len(words) >= _TITLE_WORDS_MIN and all(
        w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words
    )
