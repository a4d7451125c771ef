"""Names the text states for one thing: `known as the Northern Territories in Japan and
the Southern Kurils in Russia` makes the two names one place, and `the Federal Security
Service (FSB)` the two names one organisation.

The names are the objects of `as` after `known`, `referred to`, `dubbed`… and their
conjuncts; the `in Japan` that says where a name is used is not one of them. The thing
named is a place or an organisation as its head noun says (`The islands`). A name in
brackets right after another of the same type, other than a person's, is its short form.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from app.extraction.actor_rules.grouping import Draft
from app.extraction.actor_rules.lexicon import GEO_NOUNS, ORG_NOUNS

_NAMING_VERBS = frozenset({"know", "refer", "dub", "call", "name", "describe"})


def _ticker(token: Token, owners: Mapping[int, Draft]) -> None:
    """`Halvorsen Shipping (NYSE: HSHP)`: a listed company, whatever the model took it for;
    a ticker the model left unlabelled after the exchange is a mention of it."""
    doc = token.doc
    before = owners.get(token.i - 1) if token.i > 0 else None
    if token.text != "(" or before is None or before.type == "place":
        return
    window = doc[token.i + 1 : token.i + 5]
    colon = next((t.i for t in window if t.text == ":"), None)
    if colon is None or colon + 2 >= len(doc) or doc[colon + 2].text != ")":
        return
    ticker = doc[colon + 1]
    if ticker.text.isupper() and ticker.is_alpha:
        before.type, before.kind = "organization", before.kind or "company"
        if ticker.i not in owners:
            before.names.append(doc[ticker.i : ticker.i + 1])


def _bracketed(token: Token, owners: Mapping[int, Draft]) -> tuple[Draft, Draft] | None:
    """The name before an opening bracket and the other name of its type inside it."""
    doc = token.doc
    if token.text != "(" or token.i == 0 or token.i + 2 >= len(doc):
        return None
    closed = next((t for t in doc[token.i + 1 : token.i + 6] if t.text == ")"), None)
    if closed is None:
        return None
    # `Thomson Reuters (NYSE: TRI)`: the ticker after the exchange stands for the company.
    colon = next((t.i for t in doc[token.i + 1 : closed.i] if t.text == ":"), None)
    before = owners.get(token.i - 1)
    inside = owners.get(colon + 1 if colon is not None else token.i + 1)
    if before is None or inside is None or before is inside or before.type == "person":
        return None
    if before.type != inside.type:
        return None
    return before, inside


def merge_stated_aliases(doc: Doc, drafts: list[Draft], owners: Mapping[int, Draft]) -> list[Draft]:
    """The drafts with each set of stated aliases merged into its first-named draft."""
    absorbed: set[int] = set()
    for token in doc:
        _ticker(token, owners)
        bracketed = _bracketed(token, owners)
        if bracketed is not None and id(bracketed[1]) not in absorbed:
            bracketed[0].absorb(bracketed[1])
            absorbed.add(id(bracketed[1]))
        if token.lower_ != "as" or token.head.lemma_ not in _NAMING_VERBS:
            continue
        verb = token.head
        named: list[Draft] = []
        for obj in (c for c in token.children if c.dep_ == "pobj"):
            for head in (obj, *obj.conjuncts):
                draft = owners.get(head.i)
                if draft is not None and draft.type != "person" and draft not in named:
                    named.append(draft)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owner = owners.get(subject.i) if subject is not None else None
        if owner is not None and owner not in named:
            named.insert(0, owner)
        if len(named) < 2:
            continue
        target = named[0]
        if subject is not None and subject.lemma_.lower() in GEO_NOUNS:
            target.type = "place"
        elif subject is not None and subject.lemma_.lower() in ORG_NOUNS:
            target.type = "organization"
        for other in named[1:]:
            target.absorb(other)
            absorbed.add(id(other))
    return [d for d in drafts if id(d) not in absorbed]
