"""Actors: people, organisations and places, one entry per real-world actor.

The steps, each a module of `actor_rules`: named entities grouped into actors
(`grouping`, with the label fixes of `entity_types`), stated aliases merged
(`aliases`), titles and appositions read into roles (`roles`), descriptions and
pronouns tied to people (`coref`), and the headline, byline, caption and credit
searched (`fields`). `ActorIndex` then answers which actor a body token mentions.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span

from app.extraction.actor_rules.aliases import merge_stated_aliases
from app.extraction.actor_rules.coref import (
    link_descriptions,
    link_renamings,
    resolve_pronouns,
)
from app.extraction.actor_rules.fields import field_mentions
from app.extraction.actor_rules.grouping import Draft, group_names
from app.extraction.actor_rules.roles import affiliation_of, assign_roles, title_run
from app.extraction.actor_rules.spans import name_key, quoted_tokens
from app.extraction.document import ArticleDoc
from app.extraction.ids import IdAllocator
from app.models import Actor, Mention, MentionKind, Quote

_FIELD_ORDER = {
    "title": 0,
    "byline": 1,
    "dateline": 2,
    "image_caption": 3,
    "image_credit": 4,
    "body": 5,
}

# Salience weights. A headline or caption mention says the article is about the actor;
# a byline or credit only says who wrote or took it. Early paragraphs carry the story
# (inverted pyramid); pronouns and descriptions count less than names; each quote the
# actor said counts as much as two name mentions.
_FIELD_WEIGHT = {
    "title": 3.0,
    "image_caption": 1.5,
    "byline": 0.5,
    "dateline": 0.5,
    "image_credit": 0.5,
}
_KIND_WEIGHT: dict[MentionKind, float] = {"name": 1.0, "description": 0.7, "pronoun": 0.5}
_QUOTE_WEIGHT = 2.0


@dataclass
class ActorIndex:
    """The article's actors and which body tokens mention which actor.

    A token belongs to at most one actor: a name's own tokens first, then the title
    before it (`Japanese Prime Minister`), then descriptions (`a top Putin aide`), then
    pronouns (`he`, `his`) resolved to the person they refer to.
    """

    actors: list[Actor]
    actor_by_token: dict[int, str]
    _by_id: dict[str, Actor] = field(init=False, repr=False)
    _person_tokens: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {actor.id: actor for actor in self.actors}
        people = {actor.id for actor in self.actors if actor.type == "person"}
        self._person_tokens = sorted(i for i, a in self.actor_by_token.items() if a in people)

    def actor_of(self, span: Span) -> Actor | None:
        """The actor a span mentions: that of its syntactic head, else of any of its tokens.

        The head decides where a phrase names several actors: `a top Putin aide` is the
        aide, not Putin; `Abe's years of effort` falls back to Abe.
        """
        for i in (span.root.i, *(token.i for token in span)):
            if (actor := self.actor_at_token(i)) is not None:
                return actor
        return None

    def actor_at_token(self, i: int) -> Actor | None:
        """The actor body token i mentions (name, title, description or pronoun), if any."""
        actor_id = self.actor_by_token.get(i)
        return self.by_id(actor_id) if actor_id is not None else None

    def by_id(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def named(self, text: str) -> Actor | None:
        """The one actor that the text names: its full name, a name mention, or a person's
        surname (`El-Erian` for `Mohamed El-Erian`); None when no actor or several fit."""
        key = name_key(text)
        by_name = [
            actor
            for actor in self.actors
            if key == name_key(actor.name)
            or key in {name_key(m.text) for m in actor.mentions if m.kind == "name"}
        ]
        by_surname = [
            actor
            for actor in self.actors
            if actor.type == "person" and key == name_key(actor.name.split()[-1])
        ]
        for fitting in (by_name, by_surname):
            if len(fitting) == 1:
                return fitting[0]
        return None

    def people_before(self, i: int, limit: int = 3) -> list[Actor]:
        """Up to `limit` distinct people mentioned before body token i, the nearest first
        (by name, title, description or resolved pronoun)."""
        found: list[Actor] = []
        position = bisect.bisect_left(self._person_tokens, i) - 1
        while position >= 0 and len(found) < limit:
            actor = self.actor_at_token(self._person_tokens[position])
            if actor is not None and actor not in found:
                found.append(actor)
            position -= 1
        return found

    def finalise(self, quotes: Sequence[Quote]) -> list[Actor]:
        """Attach the quotes each actor said and a salience in [0, 1]; most salient first."""
        said: dict[str, list[str]] = {}
        for quote in quotes:
            if quote.speaker and quote.speaker.id:
                said.setdefault(quote.speaker.id, []).append(quote.id)
        weights = {
            actor.id: _weight(actor.mentions) + _QUOTE_WEIGHT * len(said.get(actor.id, []))
            for actor in self.actors
        }
        top = max(weights.values(), default=1.0) or 1.0
        finished = [
            actor.model_copy(
                update={
                    "quote_ids": said.get(actor.id, []),
                    "salience": round(weights[actor.id] / top, 4),
                }
            )
            for actor in self.actors
        ]
        return sorted(finished, key=lambda a: -a.salience)


def _weight(mentions: Iterable[Mention]) -> float:
    total = 0.0
    for mention in mentions:
        weight = _KIND_WEIGHT[mention.kind]
        if mention.field == "body":
            weight *= 1.0 + 1.0 / (1 + (mention.paragraph or 0))
        else:
            weight *= _FIELD_WEIGHT[mention.field]
        total += weight
    return total


# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "Ø": "O",
        "ø": "o",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "ß": "ss",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Þ": "Th",
        "þ": "th",
        "ı": "i",
    }
)


def _ascii(name: str) -> str:
    """The name without accents, so that its slug keeps every letter: `pena-nieto`,
    `odegaard`."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _owners(drafts: Iterable[Draft]) -> dict[int, Draft]:
    return {token.i: draft for draft in drafts for span in draft.names for token in span}


def _organization_countries(
    parsed: ArticleDoc,
    organizations: Iterable[Draft],
    owners: dict[int, Draft],
    countries: dict[str, str],
) -> None:
    """`Japan's Defense Ministry`, `Russian Foreign Ministry`: the words before tell."""
    for draft in organizations:
        for name in draft.names:
            if (run := title_run(name, parsed.sentence_of(name.start).start)) is not None:
                draft.country = draft.country or affiliation_of(list(run), owners, countries)[1]
            if len(name) > 1:
                draft.country = draft.country or affiliation_of([name[0]], owners, countries)[1]


def _place_countries(places: Iterable[Draft], owners: dict[int, Draft]) -> None:
    """`Hermosillo, Mexico`: a place named before a country lies in it."""
    for place in places:
        for name in place.names:
            doc = name.doc
            if place.country or name.end + 1 >= len(doc) or doc[name.end].text != ",":
                continue
            country = owners.get(name.end + 1)
            if country is not None and country.kind == "country" and country is not place:
                place.country = country.country


def _body_mentions(draft: Draft) -> list[tuple[Span, MentionKind]]:
    names = [draft.titled.get(span.start, span) for span in draft.names]
    spans: list[tuple[Span, MentionKind]] = [(span, "name") for span in names]
    spans += [(span, "description") for span in draft.descriptions]
    spans += [(span, "pronoun") for span in draft.pronouns]
    return spans


def _token_claims(draft: Draft) -> list[tuple[int, Span]]:
    """The spans by which an actor claims body tokens, with the strength of each claim."""
    claims = [(0, span) for span in draft.pronouns]
    claims += [(1, span) for span in draft.descriptions]
    claims += [(2, span) for span in draft.titled.values()]
    return claims + [(3, span) for span in draft.names]


def _actor(parsed: ArticleDoc, draft: Draft, actor_id: str) -> Actor:
    mentions = [
        Mention(
            text=span.text,
            kind=kind,
            paragraph=parsed.paragraph_at(span.start_char),
            start=span.start_char,
            end=span.end_char,
        )
        for span, kind in _body_mentions(draft)
    ]
    mentions += draft.field_mentions
    mentions.sort(key=lambda m: (_FIELD_ORDER[m.field], m.start))
    return Actor(
        id=actor_id,
        name=draft.name,
        type=draft.type,
        kind=draft.kind,
        country=draft.country,
        roles=draft.roles,
        mentions=mentions,
    )


def extract_actors(parsed: ArticleDoc) -> ActorIndex:
    """The article's actors, each once under its fullest name, with every mention, role,
    country and kind the text gives; ids are slugs of the names, in reading order.
    Salience and quote ids come later, from `ActorIndex.finalise`."""
    doc = parsed.doc
    drafts = group_names(parsed)
    drafts = merge_stated_aliases(doc, drafts, _owners(drafts))
    for draft in drafts:
        draft.choose_name()
    owners = _owners(drafts)
    countries = {d.country: d.name for d in drafts if d.kind == "country" and d.country}
    people = [d for d in drafts if d.type == "person"]
    assign_roles(parsed, people, owners, countries)
    organizations = [d for d in drafts if d.type == "organization"]
    _organization_countries(parsed, organizations, owners, countries)
    _place_countries((d for d in drafts if d.type == "place"), owners)
    link_descriptions(doc, people, owners)
    quoted = quoted_tokens(parsed)
    resolve_pronouns(doc, people, quoted)
    link_renamings(doc, people, owners, quoted)
    field_mentions(parsed.article, drafts)

    ids = IdAllocator()
    actors: list[Actor] = []
    claims: list[tuple[int, Span, str]] = []
    for draft in sorted(drafts, key=lambda d: d.first):
        actor = _actor(parsed, draft, ids.allocate(_ascii(draft.name)))
        actors.append(actor)
        claims += [(strength, span, actor.id) for strength, span in _token_claims(draft)]
    # Weakest claim first, so that a name's own tokens are written last and win.
    actor_by_token: dict[int, str] = {}
    for _strength, span, actor_id in sorted(claims, key=lambda claim: claim[0]):
        actor_by_token.update({token.i: actor_id for token in span})
    return ActorIndex(actors, actor_by_token)
