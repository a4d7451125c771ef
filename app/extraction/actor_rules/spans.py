"""Entity spans reduced to the name they carry, and the keys names are compared by."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from app.extraction.actor_rules.lexicon import DETERMINERS, TITLE_MODIFIERS, TITLE_WORDS
from app.extraction.document import ArticleDoc

# What a markdown link or emphasis leaves when the scraper keeps it: `[Bloomberg](#)`.
_MARKUP = re.compile(r"[\[\]()#*_<>|]|https?:|www\.")
_JOINERS = re.compile(r"[-/–]")
_QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")


def _is_possessive(token: Token) -> bool:
    return token.tag_ == "POS" or token.lower_ in ("'s", "’s", "'", "’")


def clean_name(span: Span, *, person: bool) -> Span | None:
    """The name inside an entity span: no article, title, possessive or punctuation.

    `the Sankei` → `Sankei`, `President Putin` → `Putin`, `Japan's` → `Japan`, `RIA
    Novosti news agency` → `RIA Novosti` (lower-case words end no name; they stay after it
    for the typing rules to read); None when nothing of a name is left, or when the span
    is markup residue.
    """
    start, end = span.start, span.end
    doc = span.doc

    def droppable_head(token: Token) -> bool:
        if token.is_punct or token.is_space or token.lower_ in DETERMINERS:
            return True
        titled = token.lower_ in TITLE_WORDS or token.lower_ in TITLE_MODIFIERS
        return person and titled and end - token.i > 1

    while start < end and droppable_head(doc[start]):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or _is_possessive(doc[end - 1])
        or doc[end - 1].text.islower()
    ):
        end -= 1
    name = doc[start:end]
    if not len(name) or _MARKUP.search(name.text) or not any(t.text[:1].isupper() for t in name):
        return None
    return name


def complete_person(name: Span) -> Span:
    """A personal name the model cut short (`Enrique Peña` of `Enrique Peña Nieto`) runs
    on over the unlabelled proper nouns its last word is a compound of."""
    doc, end = name.doc, name.end
    while (
        end < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].pos_ == "PROPN"
        and not doc[end].ent_type_
        and doc[end].text[:1].isupper()
    ):
        end += 1
    return doc[name.start : end]


def complete_organization(name: Span) -> Span:
    """An organisation's name the model cut short at the front (`Duma` of `State Duma`)
    takes back the unlabelled capitalised words that are compounds of it."""
    doc, start = name.doc, name.start
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and name.start <= doc[start - 1].head.i < name.end
        and doc[start - 1].pos_ == "PROPN"
        and not doc[start - 1].ent_type_
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].lower_ not in TITLE_WORDS
    ):
        start -= 1
    return doc[start : name.end]


def name_key(text: str) -> str:
    """How names are compared: case, curly apostrophes, spacing and the `-` or `/` that
    join parts (`Washington Post-ABC News`, `Washington Post/ABC News`) do not count."""
    return " ".join(_JOINERS.sub(" ", text.replace("’", "'").lower()).split())


def words(text: str) -> list[str]:
    return name_key(text).split()


def quoted_tokens(parsed: ArticleDoc) -> list[bool]:
    """For each body token, whether it stands between quotation marks."""
    inside = [False] * len(parsed.doc)
    starts = [token.idx for token in parsed.doc]
    for match in _QUOTED.finditer(parsed.text):
        first = bisect.bisect_right(starts, match.start())
        last = bisect.bisect_left(starts, match.end())
        inside[first:last] = [True] * (last - first)
    return inside
