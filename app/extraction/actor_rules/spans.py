"""Entity spans reduced to the name they carry, and the keys names are compared by."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from app.extraction.actor_rules.countries import nationality_country
from app.extraction.actor_rules.legal_forms import basename
from app.extraction.actor_rules.lexicon import (
    COMPASS_POINTS,
    CREDIT_LABELS,
    DETERMINERS,
    GENERATIONS,
    INSTITUTION_HEADS,
    ORG_HEADS,
    PREFIXES,
    ROYAL_TITLES,
    SUFFIX_WORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from app.extraction.actor_rules.not_names import is_common_word
from app.extraction.document import ArticleDoc

# What a markdown link or emphasis leaves when the scraper keeps it: `[Bloomberg](#)`.
_MARKUP = re.compile(r"[\[\]()#*_<>|]|https?:|www\.")
_JOINERS = re.compile(r"[-/–]")
_INNER_POSSESSIVE = re.compile(r"(?<=\w)'s\s+(?=\w)")
_SCORE = re.compile(r"^\d+\s*[-–]\s*\d+$")
_QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")


def _is_possessive(token: Token) -> bool:
    return token.tag_ == "POS" or token.lower_ in ("'s", "’s", "'", "’")


def _hyphen_joined(token: Token) -> bool:
    """Whether a word is the tail of a hyphenated name (`Chung-tai`, `Jong-un`): the part
    after the hyphen belongs to the name even in lower case; but `Warhol-like` and
    `Ohio-based` are adjectives made of a name."""
    doc = token.doc
    return (
        token.lower_ not in SUFFIX_WORDS
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and not doc[token.i - 1].whitespace_
        and not doc[token.i - 2].whitespace_
        and doc[token.i - 2].text[:1].isupper()
    )


def royal_name(span: Span) -> bool:
    """`Queen Elizabeth II`, `Prince Harry`, `Pope Francis`: a royal title with one name
    and perhaps a regnal number, the way monarchs are named."""
    rest = [t.lower_ for t in span[1:] if t.lower_ not in GENERATIONS]
    return span[0].lower_ in ROYAL_TITLES and len(rest) == 1


def _before_colon(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":"


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
        return person and titled and end - token.i > 1 and not royal_name(doc[token.i : end])

    while start < end and droppable_head(doc[start]):
        start += 1
    if not person and end - start > 2:
        start = _after_inner_article(doc[start:end])
    # `pro-Beijing DAB`: a prefixed word is an adjective (`pro-Beijing` is no mention of
    # Beijing), no part of the name after it.
    if start + 2 < end and doc[start].lower_ in PREFIXES and doc[start + 1].text == "-":
        start += 3
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or _is_possessive(doc[end - 1])
        or (doc[end - 1].text.islower() and not _hyphen_joined(doc[end - 1]))
        # `Baltimore Mayor`, `State Department Spokesperson`: a title ends no other name.
        or (not person and doc[end - 1].lower_ in TITLE_WORDS)
        # `Scientology on French (television)`: a nationality after a lower-case word.
        or (end - start > 2 and nationality_country(doc[end - 1].text) and doc[end - 2].is_lower)
    ):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in CREDIT_LABELS and _before_colon(doc[end - 1]):
        end -= 1  # `Washington D.C. Image:`, where a caption's credit follows
    if end - start > 3 and _SCORE.match(doc[end - 3 : end].text):
        end -= 3  # `Arsenal 2-1`: a score is no part of a club's name
    name = doc[start:end]
    if (
        not len(name)
        or (not person and _titles_a_person(name))
        or _MARKUP.search(name.text)
        or not any(t.text[:1].isupper() for t in name)
    ):
        return None
    if start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text[-1:].isalnum():
        return None  # `Min` of `90Min`: part of a longer word
    if start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in PREFIXES:
        return None  # the model left out the prefix of `pro-Beijing`
    if len(name) > 2 and name[0].lower_ in COMPASS_POINTS and name[1].lower_ in ("and", "&"):
        return None  # `North and South Korea`: two countries, neither of them named whole
    return name


def doubled(name: Span, text: str) -> Span:
    """A one-word name next to the same word again is that word twice (`Duran Duran`,
    `Talk Talk`), however the model labelled the two. Read in the text, which costs less
    than making the tokens around every name."""
    if len(name) != 1:
        return name
    start, end = name.start_char, name.end_char
    word = text[start:end]
    if (
        text.startswith(" " + word, end)
        and not text[end + len(word) + 1 : end + len(word) + 2].isalnum()
    ):
        return name.doc[name.start : name.end + 1]
    if (
        text.endswith(word + " ", 0, start)
        and not text[start - len(word) - 2 : start - len(word) - 1].isalnum()
    ):
        return name.doc[name.start - 1 : name.end]
    return name


def _after_inner_article(name: Span) -> int:
    """Where the name starts after a `the` the model ran it over from the name before a
    missing comma (`According to Rathbun the Scientology property`); a `the` after `of`,
    `for` or `and` is the name's own (`Church of the Holy Sepulchre`)."""
    for token in name[1:-1]:
        before = token.doc[token.i - 1]
        if token.lower_ == "the" and before.text[:1].isupper():
            return token.i + 1
    return name.start


def _titles_a_person(name: Span) -> bool:
    """`Shadow Home` of `Shadow Home Secretary Yvette Cooper`: words of a title, named
    by no word of an institution, before the title word itself."""
    doc = name.doc
    if name.end >= len(doc) or doc[name.end].lower_ not in TITLE_WORDS:
        return False
    if name[0].lower_ not in TITLE_MODIFIERS:
        return False
    return not any(t.lower_ in ORG_HEADS or t.lower_ in INSTITUTION_HEADS for t in name)


def complete_person(name: Span) -> Span:
    """A personal name the model cut short runs on over the unlabelled proper nouns its
    last word is a compound of (`Enrique Peña` of `Enrique Peña Nieto`) and over the tail
    of a hyphenated given name (`Wong Yeung` of `Wong Yeung-tat`); a one-word name takes
    back the unlabelled name before it (`Ho` of `Junius Ho`, `Jiankui` of `He Jiankui`);
    a royal title before a name is part of it (`Queen` of `Queen Elizabeth II`)."""
    doc, start, end = name.doc, name.start, name.end
    while end < len(doc) and (
        (
            doc[end - 1].dep_ == "compound"
            and doc[end - 1].head.i == end
            and doc[end].pos_ == "PROPN"
            and not doc[end].ent_type_
            and doc[end].text[:1].isupper()
        )
        or (end + 1 < len(doc) and doc[end].text == "-" and _hyphen_joined(doc[end + 1]))
    ):
        end += 2 if doc[end].text == "-" else 1
    if start > 0 and royal_name(doc[start - 1 : end]):
        start -= 1
    elif len(name) == 1 and start > 0:
        before = doc[start - 1]
        given_name = (
            before.dep_ == "compound"
            and before.head.i == start
            and before.pos_ == "PROPN"
            and not before.ent_type_
            and before.is_title
            and before.lower_ not in TITLE_WORDS
        )
        # A pronoun is never followed by a name: `He Jiankui` is a family name and a given name.
        if given_name or before.text == "He":
            start -= 1
    return doc[start:end]


def complete_organization(name: Span) -> Span:
    """An organisation's name the model cut short at the front (`Duma` of `State Duma`)
    takes back the unlabelled capitalised words that are compounds of it, and the `of`
    phrase the model cut off its end."""
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
    return doc[start : _joined_end(doc[name.start : _of_phrase_end(name)])]


def _joined_end(name: Span) -> int:
    """Where an institution's name ends that goes on with `and` and capitalised common
    words of no institution of their own: `Tang Teaching Museum and Art Gallery`; but not
    `the Council and European Parliament`, nor one word (`the Senate and House`)."""
    doc, end = name.doc, name.end
    if name[-1].lower_ not in INSTITUTION_HEADS or end + 2 >= len(doc) or doc[end].lower_ != "and":
        return end
    stop = end + 1
    while stop < len(doc) and doc[stop].is_title and doc[stop].is_alpha:
        stop += 1
    joined = doc[end + 1 : stop]
    if len(joined) < 2 or any(
        t.lower_ in INSTITUTION_HEADS or t.lower_ in ORG_HEADS or not is_common_word(t.text)
        for t in joined
    ):
        return end
    return stop


def _of_phrase_end(name: Span) -> int:
    """Where an institution's name ends that the model cut before its `of` or `for` phrase:
    `Joint Council` + `for the Welfare of Immigrants`, `Ministry` + `of Culture and Sports`.
    Only after a head noun of institutions, and only over capitalised words."""
    doc, end = name.doc, name.end
    if name[-1].lower_ not in INSTITUTION_HEADS:
        return end
    while end + 1 < len(doc) and doc[end].lower_ in ("of", "for", "on"):
        start = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        stop = start
        while stop < len(doc) and (
            (doc[stop].text[:1].isupper() and doc[stop].is_alpha and not doc[stop].is_sent_start)
            or (doc[stop].lower_ in ("and", "&") and stop + 1 < len(doc) and doc[stop + 1].is_title)
        ):
            stop += 1
        if stop == start or doc[stop - 1].lower_ in ("and", "&"):
            break
        end = stop
    return end


def hosted_institution(name: Span) -> tuple[Span, Span] | None:
    """`Block Museum of Art at Northwestern University`: an institution housed in another
    that the text names with it; the two names, or None."""
    doc = name.doc
    for token in name[1:-1]:
        if token.lower_ != "at" or name[0].lower_ == "university":
            continue
        host = doc[token.i + 1 : name.end]
        if host[0].lower_ == "the":
            host = host[1:]
        if len(host) and host[-1].lower_ in INSTITUTION_HEADS and host[0].is_title:
            return doc[name.start : token.i], host
    return None


def name_key(text: str) -> str:
    """How names are compared: case, spacing, the `-` or `/` that join parts (`Washington
    Post-ABC News`, `Washington Post/ABC News`) and a possessive inside the name (`New
    People's Party`, `New People Party`) do not count."""
    text = _INNER_POSSESSIVE.sub(" ", text.replace("’", "'"))
    return " ".join(_JOINERS.sub(" ", text.lower()).split())


def without_legal_form(name: str) -> str:
    """The name without its legal form (cleanco): `Acme Robotics, Inc.` → `Acme Robotics`,
    so that both forms are one organisation; other names come back as they are."""
    while (base := basename(name)) and base != name:
        name = base
    return name


def words(text: str) -> list[str]:
    return name_key(text).split()


def person_words(text: str) -> list[str]:
    """The words of a personal name: a hyphen joins the parts of one name (`El-Erian`,
    `Chung-tai`), so that a hyphenated surname alone still stands for the full name."""
    return text.replace("’", "'").lower().split()


def quoted_tokens(parsed: ArticleDoc) -> list[bool]:
    """For each body token, whether it stands between quotation marks."""
    inside = [False] * len(parsed.doc)
    starts = [token.idx for token in parsed.doc]
    for match in _QUOTED.finditer(parsed.text):
        first = bisect.bisect_right(starts, match.start())
        last = bisect.bisect_left(starts, match.end())
        inside[first:last] = [True] * (last - first)
    return inside
