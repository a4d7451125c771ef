"""Reported speech: the content a cue attributes without quoting it.

`X said (that) …`, `…, X said`, `according to X, …`, `X vowed to …`, `X repeated a demand
that …`. The content is a stretch of tokens of the cue's own sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.quote_rules.attribution import (
    Masked,
    acts_as_verb,
    is_according_to,
    source_of,
)
from app.extraction.quote_rules.content import (
    MEASURES,
    according_content,
    clause_content,
    has_subject,
    infinitive_content,
    naming_content,
    noun_content,
    object_content,
    seen_as,
)
from app.extraction.quote_rules.lexicon import (
    AS_VERBS,
    CONTENT_NOUNS,
    FOR_VERBS,
    INFINITIVE_VERBS,
    NAMING_VERBS,
    OBJECT_VERBS,
    REPORTING_VERBS,
    STANCE_ADJECTIVES,
)
from app.extraction.quote_rules.marks import DOUBLE, SINGLE

_SHORTEST_CONTENT = 3
# Verbs whose `that` clause is a fact or a consequence, not anyone's words or views.
_NOT_ATTITUDES = frozenset(["be", "make", "ensure", "mean", "see", "require", "seem"])
_VERBS = REPORTING_VERBS | INFINITIVE_VERBS | OBJECT_VERBS | FOR_VERBS | NAMING_VERBS | AS_VERBS
_EDGE_WORDS = frozenset(["that", "whether", ","])


@dataclass(frozen=True)
class Reported:
    """Reported content: its tokens (in order, maybe around an aside) and the cue."""

    cue: Token
    cue_text: str
    tokens: tuple[Token, ...]


def _blank(token: Token) -> bool:
    return bool(token.is_punct or token.is_space)


def _trimmed(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """Without the complementiser and the punctuation at the edges."""
    start, end = 0, len(tokens)
    while start < end and (_blank(tokens[start]) or tokens[start].lower_ in _EDGE_WORDS):
        start += 1
    while end > start and _blank(tokens[end - 1]):
        end -= 1
    return tuple(tokens[start:end])


def _candidates(doc: Doc) -> Iterator[tuple[Token, str, list[Token] | None]]:
    """(cue, cue words, content tokens) for every reporting construction."""
    for token in doc:
        lemma = token.lemma_.lower()
        if is_according_to(token):
            clause = token.head.pos_ in ("VERB", "AUX")
            yield token, "according to", according_content(token) if clause else None
        elif lemma in _VERBS and acts_as_verb(token) and not _passive_participle(token):
            content = clause_content(token) if lemma in REPORTING_VERBS else None
            if content is None and lemma in INFINITIVE_VERBS:
                content = infinitive_content(token)
            if content is None and lemma in NAMING_VERBS:
                content = naming_content(token)
            if content is None and lemma in OBJECT_VERBS | FOR_VERBS:
                content = object_content(token, with_object=lemma in OBJECT_VERBS)
            if content is None and lemma in AS_VERBS:
                content = seen_as(token)
            yield token, token.text, content
        elif token.pos_ == "VERB" and lemma not in _NOT_ATTITUDES and _that_clause(token):
            # Any verb that takes a `that` clause reports a stance: `Clinton hopes that …`.
            yield token, token.text, clause_content(token)
        elif token.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES and token.dep_ == "acomp":
            # The cue is the verb with its adjective: `was sure (that) …`.
            verb = token.head
            stance = next((c for c in token.children if c.dep_ == "ccomp"), None)
            content = list(stance.subtree) if stance is not None else None
            yield verb, doc[verb.i : token.i + 1].text, content
        elif token.pos_ == "NOUN" and lemma in CONTENT_NOUNS:
            if any(child.dep_ == "poss" for child in token.children):
                # `Trump's claim that …`: the noun is the cue, its owner the source.
                yield token, token.text, noun_content(token)
            elif _voiced(token):
                # The cue is the verb that voices the noun: `repeated a demand`.
                verb = token.head
                yield verb, doc[verb.i : token.i + 1].text, noun_content(token)


def _passive_participle(verb: Token) -> bool:
    """`a group called Lashkar`, `the programme announced in May`: a participle that
    describes a noun reports nobody's words; nor does `Asked whether …, Ellison replied`,
    whose subject was asked, not asking."""
    if verb.tag_ != "VBN":
        return False
    bare = not has_subject(verb) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.dep_ == "acl" or (verb.dep_ == "advcl" and bare)


def _that_clause(verb: Token) -> bool:
    return any(
        child.dep_ == "ccomp"
        and any(c.lower_ == "that" and c.dep_ == "mark" for c in child.children)
        for child in verb.children
    )


def _voiced(noun: Token) -> bool:
    return bool(noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.i < noun.i)


def _quoted(tokens: Sequence[Token]) -> bool:
    marks = DOUBLE.glyphs + SINGLE.opening
    return any(t.text in marks for t in tokens)


def reported_speech(doc: Doc, masked: Masked) -> list[Reported]:
    """Every indirect quote of the document with a source, outside quotations."""
    found: list[Reported] = []
    for cue, cue_text, content in _candidates(doc):
        if content is None or masked(cue) or source_of(cue, masked) is None:
            continue
        # A non-projective parse lists a subtree out of reading order.
        tokens = _trimmed(sorted(content, key=lambda t: t.i))
        if len(tokens) < _SHORTEST_CONTENT or _quoted(tokens) or any(masked(t) for t in tokens):
            continue
        if all(t.ent_type_ in MEASURES for t in tokens):
            continue  # `spoke about five minutes`
        found.append(Reported(cue, cue_text, tokens))
    return _outermost(found)


def _outermost(found: Sequence[Reported]) -> list[Reported]:
    """Without the attributions inside another's content (`the paper said he plans to
    visit`): what the paper reported is one quote, not also a plan of his own."""
    inside = {t.i for reported in found for t in reported.tokens}
    return [r for r in found if r.cue.i not in inside]
