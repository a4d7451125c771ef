"""Name mentions grouped into actors: one draft per real-world person, organisation, place.

Names are first gathered by their text (words that name no actor left out: creeds,
titles, events, works, common words capitalised at a sentence's start), typed (rules and
reference data first, then the model's majority label), completed with the occurrences
the model missed, and then grouped: a bare surname joins the full name it stands for, a
title the monarch it names, a short, clipped, legal or abbreviated organisation name the
full one, the names of one country one another; places that act in a sports report are
teams.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from app.extraction.actor_rules.countries import (
    country_code,
    nationality_country,
    region_country,
)
from app.extraction.actor_rules.entity_types import (
    Typing,
    reports,
    typing_by_apposition,
    typing_by_context,
    typing_by_gazetteer,
    typing_by_name,
)
from app.extraction.actor_rules.gazetteer import abbreviated_region, city, place_spelling
from app.extraction.actor_rules.lexicon import (
    COMPASS_POINTS,
    ENTITY_TYPES,
    FEATURES_OF,
    GENERATIONS,
    INSTITUTION_HEADS,
    LOCATIVE_PREPOSITIONS,
    MATCH_VERBS,
    NUMERIC_ENTITIES,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PLACE_HEADS,
    ROYAL_ADDRESSES,
    ROYAL_TITLES,
    SPORT_WORDS,
    TITLE_WORDS,
    Gender,
)
from app.extraction.actor_rules.not_names import (
    capitalised_common_word,
    is_common_word,
    names_a_thing,
    not_a_name,
    quoted_title_tokens,
)
from app.extraction.actor_rules.spans import (
    clean_name,
    complete_organization,
    complete_person,
    doubled,
    hosted_institution,
    name_key,
    person_words,
    royal_name,
    without_legal_form,
    words,
)
from app.extraction.document import ArticleDoc
from app.extraction.quote_rules.lexicon import SPEECH_VERBS
from app.extraction.regex_gate import first_character_gated
from app.models import ActorType, Mention, Role

# A match score: `2-1`, `1–0`.
_SCORE = first_character_gated(re.compile(r"\b\d{1,2}\s?[-–]\s?\d{1,2}\b"))
# Shortest clipped word that stands for a longer one (`Fed` for `Federal`).
_SHORTEST_CLIPPING = 3
# Links by which a list is a modifier of a noun rather than a list of actors.
_MODIFIER_LINKS = frozenset({"compound", "amod", "nmod"})
# Longest acronym: a longer word in capitals is a dateline's or a headline's.
_LONGEST_ACRONYM = 6
# An acronym in brackets after a name (`(NTSB)`, `(M5S)`), and the words its letters skip.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]")
_OPENING_ACRONYM = re.compile(r"\((?=[A-Z][A-Z0-9&]*[A-Z0-9]\))")
_UNSPELLED = frozenset({"of", "the", "and", "for", "on", "&", "-", ","})
# Head nouns of institutions and places, capitalised, as words of the text.
_HEADS = "|".join(w.title() for w in sorted({*ORG_HEADS, *PLACE_HEADS}) if w.isalpha())
# A head noun after a capitalised word (`Deseret News`): the group is the head.
_HEAD_NOUN = first_character_gated(re.compile(rf"\b[A-Z][\w'’-]* ({_HEADS})\b"))
_MATCH_VERB = first_character_gated(re.compile(rf"\b(?:{'|'.join(sorted(MATCH_VERBS))})\b"))
_SPORT_WORD = first_character_gated(
    re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(SPORT_WORDS)))})\b", re.I)
)
# Longest name, in tokens, that the search for mentions the model missed tries.
_LONGEST_NAME = 5


@dataclass
class Draft:
    """One actor while the rules assemble it."""

    type: ActorType
    kind: str | None = None
    names: list[Span] = field(default_factory=list)
    titled: dict[int, Span] = field(default_factory=dict)
    descriptions: list[Span] = field(default_factory=list)
    pronouns: list[Span] = field(default_factory=list)
    field_mentions: list[Mention] = field(default_factory=list)
    field_names: list[str] = field(default_factory=list)
    # How reference data spells the actor: `Illinois` for `Ill.`, `New York` for `NEW YORK`.
    spellings: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    role_heads: set[str] = field(default_factory=set)
    country: str | None = None
    gender: Gender | None = None
    name: str = ""

    @property
    def first(self) -> int:
        """Token index of the first body mention (fields-only actors come last)."""
        return min((span.start for span in self.names), default=1 << 30)

    def absorb(self, other: Draft) -> None:
        self.names += other.names
        self.titled.update(other.titled)
        self.descriptions += other.descriptions
        self.pronouns += other.pronouns
        self.field_mentions += other.field_mentions
        self.field_names += other.field_names
        self.spellings += other.spellings
        self.role_heads |= other.role_heads
        self.kind = self.kind or other.kind
        self.country = self.country or other.country

    def add_role(self, role: Role) -> None:
        same = next((r for r in self.roles if r.title.lower() == role.title.lower()), None)
        if same is None:
            self.roles.append(role)
        elif same.affiliation is None and role.affiliation is not None:
            self.roles[self.roles.index(same)] = role

    def choose_name(self) -> None:
        """The fullest form: most words, then most characters, then as usually written
        (not a dateline's `NAIROBI`), then the earliest; but not a form that glues words
        before a name already written (`Crooked Hillary Clinton` after `Hillary Clinton`)."""
        forms = [s.text for s in sorted(self.names, key=lambda s: s.start)] + self.field_names
        forms += self.spellings
        proper = _without_epithets(forms) or forms
        self.name = max(
            proper, key=lambda f: (len(f.split()), len(f), not f.isupper(), -forms.index(f))
        )


def _without_epithets(forms: list[str]) -> list[str]:
    """The forms, in reading order, that add no leading words to an earlier form of two
    words or more: news prose writes the full name first, so words glued before it later
    are a nickname or an epithet (`Crooked Hillary Clinton`), not a fuller name."""
    seen: set[tuple[str, ...]] = set()
    kept: list[str] = []
    for form in forms:
        parts = tuple(words(form))
        if not any(parts[i:] in seen for i in range(1, len(parts) - 1)):
            kept.append(form)
        seen.add(parts)
    return kept


@dataclass
class _Surface:
    """Every mention of one name text, and what is known of its type."""

    key: str
    spans: list[Span] = field(default_factory=list)
    labels: Counter[ActorType] = field(default_factory=Counter)
    typing: Typing | None = None


def _surfaces(parsed: ArticleDoc) -> dict[str, _Surface]:
    surfaces: dict[str, _Surface] = {}
    covered: set[int] = set()  # tokens a name took beyond its entity
    doc, text = parsed.doc, parsed.text
    in_introduced = _add_introduced(doc, text, surfaces) | _add_features_of(doc, surfaces)
    in_titles = quoted_title_tokens(doc, text)
    for entity in doc.ents:
        label = ENTITY_TYPES.get(entity.label_)
        if label is None or entity.start in covered or entity.start in in_titles:
            continue
        if in_introduced and not in_introduced.isdisjoint(range(entity.start, entity.end)):
            continue  # read whole with its acronym above
        name = clean_name(entity, person=label == "person")
        if name is None or (len(name) == 1 and not_a_name(name[0])):
            continue
        name = complete_person(name) if label == "person" else doubled(name, text)
        covered.update(range(entity.end, name.end))
        typing = (
            typing_by_context(name, label)
            or typing_by_name(name)
            or typing_by_apposition(name)
            or typing_by_gazetteer(name, label)
        )
        names = [name]
        if (typing.type if typing else label) == "organization":
            name = complete_organization(name)
            covered.update(range(entity.end, name.end))
            names = list(hosted_institution(name) or [name])
        for name in names:
            region = abbreviated_region(name.text)
            key = name_key(region.name if region is not None else without_legal_form(name.text))
            surface = surfaces.setdefault(key, _Surface(key))
            surface.spans.append(name)
            surface.labels[label] += 1
            surface.typing = surface.typing or typing
    for name, label in _listed_with(surfaces.values()):
        surface = surfaces.setdefault(name_key(name.text), _Surface(name_key(name.text)))
        surface.spans.append(name)
        surface.labels[label] += 1
    named = [*_named_by_apposition(doc), *_royals_named(doc), *_teams_named(parsed)]
    named += _institutions_named(doc, text)
    for name, typing in named:
        surface = surfaces.setdefault(name_key(name.text), _Surface(name_key(name.text)))
        surface.spans.append(name)
        surface.labels[typing.type] += 1
        surface.typing = surface.typing or typing
    return surfaces


def _add_introduced(doc: Doc, text: str, surfaces: dict[str, _Surface]) -> set[int]:
    """Add the names that introduce an acronym, with it; the tokens they take."""
    taken: set[int] = set()
    for full, acronym in _introduced_acronyms(doc, text):
        labels = Counter(
            ENTITY_TYPES[e.label_]
            for e in doc.ents
            if e.label_ in ENTITY_TYPES and e.start < acronym.end and full.start < e.end
        )
        # People are not named by acronyms that way: a place keeps the model's label.
        placed = bool(labels) and labels.most_common(1)[0][0] == "place"
        label: ActorType = "place" if placed else "organization"
        surface = surfaces.setdefault(name_key(full.text), _Surface(name_key(full.text)))
        surface.spans += [full, acronym]
        surface.labels[label] += 2
        surface.typing = surface.typing or typing_by_name(full) or Typing(label)
        taken.update(range(full.start, acronym.end))
    return taken


def _add_features_of(doc: Doc, surfaces: dict[str, _Surface]) -> set[int]:
    """Add the places named `<feature> of <name>` where the model labelled the name alone
    or cut the feature off (`the Plains of Arafat`, `the Bay of` + `Biscay`): the feature
    says a place, whatever the label; the tokens they take."""
    taken: set[int] = set()
    for entity in doc.ents:
        start = entity.start
        if start < 2 or doc[start - 1].lower_ != "of" or entity.label_ not in ENTITY_TYPES:
            continue
        feature = doc[start - 2]
        if feature.lower_ not in FEATURES_OF or not feature.is_title:
            continue
        name = doc[start - 2 : entity.end]
        if name[-1].is_punct:
            continue
        surface = surfaces.setdefault(name_key(name.text), _Surface(name_key(name.text)))
        surface.spans.append(name)
        surface.labels["place"] += 1
        surface.typing = Typing("place")
        taken.update(range(start - 2, entity.end))
    return taken


def _introduced_acronyms(doc: Doc, text: str) -> Iterator[tuple[Span, Span]]:
    """A name and the acronym in brackets after it that spells its initials: `Movimento 5
    Stelle (M5S)`, `the Union of Rationalist Atheists and Agnostics (UAAR)`. The acronym
    says where the name starts and that it is one name, however the model cut it."""
    for token in _tokens_at(doc, text, _OPENING_ACRONYM):
        if token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = doc[token.i + 1]
        letters = [c.lower() for c in acronym.text if c.isalnum()]
        if not _ACRONYM.fullmatch(acronym.text) or len(letters) > _LONGEST_ACRONYM:
            continue
        start = _initials_start(doc, token.i, letters)
        if start is not None:
            yield doc[start : token.i], doc[acronym.i : acronym.i + 1]


def _initials_start(doc: Doc, end: int, letters: list[str]) -> int | None:
    """Where the words before token `end` start whose initials spell the letters, reading
    back over the small words a name's initials leave out (`of`, `and`, `the`)."""
    remaining = list(letters)
    i = end - 1
    while i >= 0 and remaining:
        word = doc[i]
        if word.lower_ in _UNSPELLED and i < end - 1:
            i -= 1
            continue
        if not (word.is_title or word.is_upper or word.is_digit):
            return None
        if word.lower_[0] != remaining.pop():
            return None
        i -= 1
    first = i + 1
    if remaining or end - first < 2 or doc[first].lower_ in _UNSPELLED:
        return None
    return first


def _listed_with(surfaces: Iterable[_Surface]) -> Iterator[tuple[Span, ActorType]]:
    """Uncommon proper nouns the model left unlabelled in a list with names it labelled
    (`Zeus, Hera, Poseidon and Athena`) name the same kind of actor as most of the list;
    not in a list that modifies a noun (`the State and Homeland Security Departments`)."""
    labelled: dict[int, ActorType] = {}
    roots: list[Token] = []
    for surface in surfaces:
        label = surface.labels.most_common(1)[0][0]
        labelled.update({span.root.i: label for span in surface.spans})
        roots += [span.root for span in surface.spans]
    found: set[int] = set()
    for root in roots:
        members = [root, *root.conjuncts]
        if any(m.dep_ in _MODIFIER_LINKS for m in members):
            continue
        for member in members:
            if member.i in labelled or member.i in found or not _lone_proper_noun(member):
                continue
            found.add(member.i)
            kinds = Counter(labelled[m.i] for m in members if m.i in labelled)
            yield member.doc[member.i : member.i + 1], kinds.most_common(1)[0][0]


def _lone_proper_noun(token: Token) -> bool:
    """An unlabelled, uncommon, capitalised proper noun that is a whole name by itself."""
    return (
        not token.ent_type_
        and token.pos_ == "PROPN"
        and token.is_title
        and not any(c.dep_ == "compound" for c in token.children)
        and not is_common_word(token.text)
    )


def _named_by_apposition(doc: Doc) -> Iterator[tuple[Span, Typing]]:
    """Proper nouns the model left unlabelled that an apposition types: `Rosneft, the
    state oil giant,` names an organisation."""
    for token in doc:
        # The tagger calls an unknown capitalised word opening a sentence a common noun.
        if token.pos_ not in ("PROPN", "NOUN") or token.ent_type_ or not token.is_title:
            continue
        if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        name = doc[start : token.i + 1]
        if any(t.ent_type_ for t in name):
            continue
        typing = typing_by_apposition(name)
        if typing is not None and typing.type != "person":
            yield name, typing


def _royals_named(doc: Doc) -> Iterator[tuple[Span, Typing]]:
    """`King Frederik X`, `Queen Margrethe`: a monarch the model left unlabelled."""
    for token in doc:
        if token.lower_ not in ROYAL_TITLES or not token.is_title or token.ent_type_:
            continue
        for length in (3, 2):
            name = doc[token.i : token.i + length]
            if len(name) == length and _free_royal(name) and royal_name(name):
                yield name, Typing("person")
                break


def _institutions_named(doc: Doc, text: str) -> Iterator[tuple[Span, Typing]]:
    """Runs of proper nouns the model left unlabelled that end in an institution's head
    noun: `The Deseret News observed`, `the Saudi Interior Ministry`; a nationality before
    them is part of the name."""
    for token in _tokens_at(doc, text, _HEAD_NOUN):
        if token.dep_ == "compound" or not _free_word(token):
            continue
        start = token.i
        while start > 0:
            before = doc[start - 1]
            if _joins_name(before):
                start -= 2  # `Al-Ghaza Hotel`
            elif before.dep_ in ("compound", "amod") and (
                _free_word(before) or (before.ent_type_ == "NORP" and before.is_title)
            ):
                start -= 1
            else:
                break
        name = doc[start : token.i + 1]
        if len(name) > 1 and (typing := typing_by_name(name)) is not None:
            yield name, typing


def _teams_named(parsed: ArticleDoc) -> Iterator[tuple[Span, Typing]]:
    """Capitalised words the model left unlabelled that play in a sports report: the
    subject or object of `beat`, `drew with`, `lost to` in a sentence with a score or a
    word of the game (`Southampton beat Wolves 2-0`)."""
    doc, text = parsed.doc, parsed.text
    for match in _MATCH_VERB.finditer(text):
        i = parsed.token_at(match.start())
        sentence = parsed.sentence_of(i)
        words = text[sentence.start_char : sentence.end_char]
        if not _SCORE.search(words) and not _SPORT_WORD.search(words):
            continue
        verb = doc[i]
        sides = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
        for preposition in verb.children:
            if preposition.dep_ == "prep" and preposition.lower_ in ("with", "to", "against"):
                sides += [c for c in preposition.children if c.dep_ == "pobj"]
        for side in sides:
            if side.ent_type_ or not side.is_title or side.pos_ not in ("PROPN", "NOUN"):
                continue
            if side.is_sent_start and is_common_word(side.text):
                continue  # `Fans beat drums`: a common word capitalised by its place
            start = side.i
            while start > 0 and doc[start - 1].dep_ == "compound" and _free_word(doc[start - 1]):
                start -= 1
            yield doc[start : side.i + 1], Typing("organization", "team")


def _tokens_at(doc: Doc, text: str, pattern: re.Pattern[str]) -> Iterator[Token]:
    """The tokens that the pattern (or its group) matches whole in the text: a search over
    the text costs far less than reading every token."""
    for match in pattern.finditer(text):
        span = doc.char_span(*match.span(match.lastindex or 0))
        if span is not None and len(span) == 1:
            yield span[0]


def _free_word(token: Token) -> bool:
    return not token.ent_type_ and token.is_title and token.pos_ == "PROPN"


def _joins_name(token: Token) -> bool:
    """A hyphen with no space around it between two words of a name the model left
    unlabelled (`Al-Ghaza`)."""
    doc = token.doc
    return (
        token.text == "-"
        and token.i > 0
        and not token.whitespace_
        and not doc[token.i - 1].whitespace_
        and _free_word(doc[token.i - 1])
    )


def _free_royal(name: Span) -> bool:
    return all(not t.ent_type_ and t.text[:1].isupper() for t in name)


def _capitalised_word(surface: _Surface, people: _PersonWords) -> bool:
    """`Media` of `Media contact:`; but never a word of a person's name."""
    word = surface.key
    if " " in word or word in people.first or word in people.last:
        return False
    return capitalised_common_word(surface.spans)


@dataclass(frozen=True)
class _PersonWords:
    """First and last words of the full personal names the article gives."""

    first: frozenset[str]
    last: frozenset[str]

    @classmethod
    def of(cls, surfaces: Iterable[_Surface]) -> _PersonWords:
        names = [
            parts
            for s in surfaces
            if _typed_as(s) == "person"
            and len(parts := person_words(s.spans[0].text)) > 1
            and not _has_acronym(s.spans[0].text)
        ]
        return cls(frozenset(n[0] for n in names), frozenset(n[-1] for n in names))


def _typed_as(surface: _Surface) -> ActorType:
    """The type the rules gave the name (`Adebayo Okonkwo, the governor,` is a person
    whatever the model said), else the model's majority label."""
    return surface.typing.type if surface.typing else surface.labels.most_common(1)[0][0]


def _organization_starts(surfaces: Iterable[_Surface]) -> frozenset[str]:
    """First words of the organisations' names of two words or more (`acme` of `Acme
    Robotics`): a word alone that the model took for a person is their short form."""
    return frozenset(
        s.key.split()[0] for s in surfaces if " " in s.key and _typed_as(s) == "organization"
    )


def _is_acronym(text: str) -> bool:
    """`LSEG`, `CRISPR`: capitals only, too short for a dateline's place, and no place."""
    letters = text.replace(".", "")
    return (
        letters.isalpha()
        and letters.isupper()
        and 2 <= len(letters) <= _LONGEST_ACRONYM
        and place_spelling(text) is None
        and not country_code(text)
    )


def _has_acronym(name: str) -> bool:
    """Whether a word of the name is an acronym of three letters or more: no personal name
    has one (`KTV Izmir`; two capitals may be initials, `AJ Lee`)."""
    return any(len(word) > 2 and _is_acronym(word) for word in name.split())


def _resolve(
    surface: _Surface,
    people: _PersonWords,
    organization_starts: frozenset[str],
    parsed: ArticleDoc,
) -> Typing:
    if surface.typing is not None:
        return surface.typing
    parts = person_words(surface.spans[0].text) if surface.spans else surface.key.split()
    if len(parts) == 1 and (parts[0] in people.first or parts[0] in people.last):
        return Typing("person")  # `Lavrov` labelled ORG once is still Sergei Lavrov
    if len(parts) > 1 and parts[-1] in people.last:
        return Typing("person")  # `Keith Lamont Scott` labelled ORG, beside `Lamont Scott`
    label = surface.labels.most_common(1)[0][0]
    if label == "place" and _speaks(surface, organization_starts):
        return Typing("person")  # `Haaland said`, labelled GPE
    if label == "organization" and _speaks(surface, organization_starts, parsed):
        return Typing("person")  # `Okonkwo said "no." She left.`, labelled ORG
    if label == "person" and (
        _has_acronym(surface.spans[0].text) or (len(parts) == 1 and parts[0] in organization_starts)
    ):
        return Typing("organization")  # `LSEG said`, `KTV Izmir`, `Acme` of `Acme Robotics`
    if label != "place" and len(parts) == 1 and any(reports(s) for s in surface.spans):
        return Typing("organization")
    return Typing(label)


def _speaks(
    surface: _Surface, organization_starts: frozenset[str], parsed: ArticleDoc | None = None
) -> bool:
    """Whether a single word the model took for a place is a person who speaks: the subject
    of a speech verb (`Haaland said`), no place the gazetteer knows (those that speak are
    governments), no acronym, no word of an organisation's longer name, never led by `the`.
    An organisation speaks as often as a person does (`Microsoft said`), so a word the
    model took for an organisation needs more: `he` or `she` after what it said, before any
    other person is named (checked where the article is given)."""
    spans = surface.spans
    if not spans or len(spans[0]) != 1 or surface.key in organization_starts:
        return False
    word = spans[0][0]
    if not word.text.istitle() or city(word.text) is not None or _is_acronym(word.text):
        return False
    if any(s.start > 0 and s.doc[s.start - 1].lower_ == "the" for s in spans):
        return False
    speaking = [s for s in spans if s.root.dep_ == "nsubj" and s.root.head.lemma_ in SPEECH_VERBS]
    if parsed is not None:
        return any(_referred_to_as_person(s, parsed) for s in speaking)
    return bool(speaking)


def _referred_to_as_person(span: Span, parsed: ArticleDoc) -> bool:
    """Whether `he` or `she` (or `his`, `her`, …) follows the name in its sentence or the
    next, outside quotation marks, before another person is named."""
    doc, sentence = span.doc, parsed.sentence_of(span.start)
    stop = parsed.sentence_of(sentence.end).end if sentence.end < len(doc) else sentence.end
    quoted = False
    for token in doc[span.end : stop]:
        if token.is_quote:
            quoted = not quoted
        elif token.ent_type_ == "PERSON":
            return False
        elif not quoted and token.lower_ in PERSON_PRONOUNS:
            return True
    return False


def _add_missed(doc: Doc, typed: dict[str, tuple[_Surface, Typing]]) -> None:
    """Proper nouns the model left unlabelled (or took for a nationality: `El-Erian`) that
    spell a known name join its mentions."""
    index: dict[tuple[str, ...], _Surface] = {}
    for surface, typing in list(typed.values()):
        index[tuple(surface.key.split())] = surface
        for span in surface.spans:  # the acronym a name introduced: `(M5S)`
            index.setdefault(tuple(words(span.text)), surface)
        head, *rest = surface.key.split()
        if typing.type == "organization" and head in INSTITUTION_HEADS and rest[:1] == ["of"]:
            index.setdefault(tuple(rest[1:]), surface)  # `Scientology` of `Church of Scientology`
        if typing.type == "person":
            parts = person_words(surface.spans[0].text)
            index.setdefault(tuple(parts), surface)
            for word in (parts[0], parts[-1]):
                bare = typed.setdefault(word, (_Surface(word), Typing("person")))[0]
                index.setdefault((word,), bare)
    # Words the rules already added to a name (`Queen` of `Queen Elizabeth II`) are taken.
    taken = {t.i for surface, _ in typed.values() for span in surface.spans for t in span}
    free = [_free(token) for token in doc]
    i = 0
    while i < len(doc):
        i += 1 if i in taken else _match_at(doc, i, index, taken, free)


def _free(token: Token) -> bool:
    """A word of a name the model did not label as an actor or a number (it may have taken
    it for a nationality or a title: `El-Erian`): a proper noun, or the hyphen inside one."""
    entity = token.ent_type_
    if entity in ENTITY_TYPES or entity in NUMERIC_ENTITIES:
        return False
    pos = token.pos_
    # The tagger calls an unknown capitalised word opening a sentence a common noun.
    if pos == "PROPN" or (pos == "NOUN" and token.is_sent_start is True and token.is_title):
        return True
    doc = token.doc
    joins = token.text == "-" and not token.whitespace_ and 0 < token.i < len(doc) - 1
    return joins and not doc[token.i - 1].whitespace_


def _match_at(
    doc: Doc, i: int, index: dict[tuple[str, ...], _Surface], taken: set[int], free: list[bool]
) -> int:
    """Add the longest known name starting at token i; how many tokens to move on by.
    `free[j]` is `_free(doc[j])`, worked out once per document."""
    continues = i > 0 and free[i - 1] and doc[i - 1].lower_ not in TITLE_WORDS
    if not free[i] or doc[i].text == "-" or continues:
        return 1  # not the start of a proper name the model left unlabelled
    for length in range(min(_LONGEST_NAME, len(doc) - i), 0, -1):
        end = i + length
        if doc[end - 1].text == "-" or not all(free[j] and j not in taken for j in range(i, end)):
            continue
        span = doc[i:end]
        surface = index.get(tuple(words(span.text))) or index.get(tuple(person_words(span.text)))
        runs_on = end < len(doc) and free[end]
        if surface is not None and not runs_on:
            surface.spans.append(span)
            return length
    return 1


def _people(surfaces: list[_Surface]) -> list[Draft]:
    """Full names by first and last word; a bare name joins the full name it stands for.

    Where two people share the bare name (`Shinzo Abe` and his father `Shintaro Abe`), it
    goes to the one the article has named most up to there: news prose names the lesser
    one in full each time to keep them apart.
    """
    full: dict[tuple[str, str], Draft] = {}
    owner_of_full: dict[int, Draft] = {}
    spans: list[Span] = []
    for surface in surfaces:
        parts = person_words(surface.spans[0].text)
        spans += surface.spans
        if len(parts) > 1:
            draft = full.setdefault((parts[0], parts[-1]), Draft("person"))
            owner_of_full.update({span.start: draft for span in surface.spans})
    by_last: dict[str, list[Draft]] = {}
    by_first: dict[str, list[Draft]] = {}
    for (first, last), draft in full.items():
        by_last.setdefault(last, []).append(draft)
        by_first.setdefault(first, []).append(draft)
    named_so_far: Counter[int] = Counter()
    first_named: dict[int, int] = {}
    alone: dict[str, Draft] = {}
    for span in sorted(spans, key=lambda s: s.start):
        word = " ".join(person_words(span.text))
        candidates = by_last.get(word) or by_first.get(word) or []
        if word in ROYAL_ADDRESSES:
            candidates = [d for (first, _), d in full.items() if first in ROYAL_TITLES]
        draft = (
            owner_of_full.get(span.start)
            or _bare_owner(candidates, named_so_far, first_named)
            or alone.setdefault(word, Draft("person"))
        )
        draft.names.append(span)
        named_so_far[id(draft)] += 1
        first_named.setdefault(id(draft), span.start)
    return list(full.values()) + list(alone.values())


def _bare_owner(
    candidates: list[Draft], named_so_far: Counter[int], first_named: dict[int, int]
) -> Draft | None:
    """Of the people a bare name may be, the one named most so far, then the first named."""
    if not candidates:
        return None
    return max(candidates, key=lambda d: (named_so_far[id(d)], -first_named.get(id(d), 1 << 30)))


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ("of", "the", "and", "for"))


def _shorter_form_of(short: Draft, long: Draft) -> bool:
    """`Kyodo` of `Kyodo News`, `Intelligence Committee` of `House Intelligence Committee`,
    `Scientology` of `Church of Scientology`,
    `Foreign Ministry` of `Russian Foreign Ministry`, `EU` of `European Union`, `Fed` of
    `Federal Reserve`; for organisations (`Mexico` is not `Mexico City`), and for places
    only where a state or country follows (`Washington D.C.`)."""
    a, b = words(short.name), words(long.name)
    if (
        b[0] in INSTITUTION_HEADS
        and b[1:2] == ["of"]
        and b[2:] == a
        and long.type == "organization"
    ):
        # `Scientology` of `the Church of Scientology`, unless it is a real place (`Texas`).
        known_place = place_spelling(short.name) or country_code(short.name)
        return short.type == "organization" or not (known_place or region_country(short.name))
    if short.type == "place" == long.type and len(a) < len(b) and b[: len(a)] == a:
        # `Washington` of `Washington D.C.`: a place named with its state after it; `the
        # North` of `North Korea`, once the country is named.
        rest = " ".join(b[len(a) :])
        compass = a[0] in COMPASS_POINTS and len(a) == 1 and len(b) == 2
        return compass or bool(
            abbreviated_region(rest) or region_country(rest) or country_code(rest)
        )
    if short.type != "organization" or long.type != "organization" or len(a) >= len(b):
        return False
    if b[: len(a)] == a:
        return not _houses(a, b[len(a) :])
    if b[-len(a) :] == a and (len(a) > 1 or nationality_country(b[0])):
        return True
    if nationality_country(b[0]) and b[1 : 1 + len(a)] == a:
        return True  # `Supreme Court` of `Italian Supreme Court of Cassation`
    if len(a) == 1 and a[0] in INSTITUTION_HEADS and b[-1] == a[0]:
        return True  # `the Court` of `the Supreme Court`
    if len(a) == 1 and len(b) > 1 and len(a[0]) >= _SHORTEST_CLIPPING and b[0].startswith(a[0]):
        return True  # `the Fed` of `the Federal Reserve`
    return _abbreviates(short, long)


def _houses(name: list[str], more: list[str]) -> bool:
    """Whether a whole institution's name goes on into another institution's that it
    houses: `University of Texas Arlington` and its `… Muslim Student Association`,
    `Harvard University` and its `… Press`; but `Democratic Party of Japan` is the party."""
    whole = name[-1] in ORG_HEADS or (name[0] in INSTITUTION_HEADS and name[1:2] == ["of"])
    return whole and any(w in ORG_HEADS or w in INSTITUTION_HEADS or w in ORG_NOUNS for w in more)


def _abbreviates(short: Draft, long: Draft) -> bool:
    """`EU` of `European Union`: the short name spells the long one's initials."""
    letters = short.name.replace(".", "")
    return (
        " " not in letters and letters.isupper() and letters.lower() == _initials(long.name.lower())
    )


def _part_of_name(short: Draft, long: Draft) -> bool:
    """`Peña Nieto` of `Enrique Peña Nieto`, `Aung San` of `Aung San Suu Kyi`; but
    `Donald Trump` is not `Donald Trump Jr.`"""
    a, b = words(short.name), words(long.name)
    if len(a) < 2 or len(a) >= len(b) or GENERATIONS & set(b):
        return False
    return a in (b[: len(a)], b[-len(a) :])


def _absorb_shorter(drafts: list[Draft], stands_for: Callable[[Draft, Draft], bool]) -> list[Draft]:
    """Join each draft to the only longer draft it stands for; shortest first, so that a
    chain (`Kyodo` → `Kyodo News` → …) ends in the longest. Only drafts that share a first
    or last word, or whose initials the short form spells, are compared."""
    by_key: dict[str, list[Draft]] = {}
    for draft in drafts:
        draft.choose_name()
        parts = words(draft.name)
        keys = {parts[0], parts[-1], parts[0][:_SHORTEST_CLIPPING]}
        if nationality_country(parts[0]) and len(parts) > 1:
            keys.add(parts[1])  # `Supreme Court` of `Italian Supreme Court of Cassation`
        for key in keys:
            by_key.setdefault(key, []).append(draft)
        for key in {_initials(name_key(draft.name))}:
            by_key.setdefault(key, []).append(draft)
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: len(words(d.name))):
        parts = words(draft.name)
        keys = {parts[0], parts[-1], draft.name.replace(".", "").lower()}
        keys.add(parts[0][:_SHORTEST_CLIPPING])
        pool = {id(d): d for key in keys for d in by_key.get(key, [])}
        longer = [d for d in pool.values() if d is not draft and stands_for(draft, d)]
        # `USI` beside `University of Southern Indiana` and `USI Art Collections`: the name
        # it abbreviates.
        longer = [d for d in longer if _abbreviates(draft, d)] or longer
        if len(longer) == 1:
            longer[0].absorb(draft)
        else:
            kept.append(draft)
    return kept


def _one_per_country(drafts: list[Draft]) -> list[Draft]:
    """`U.S.`, `United States` and `America` name one country."""
    by_code: dict[str, Draft] = {}
    kept: list[Draft] = []
    for draft in drafts:
        code = draft.country if draft.kind == "country" else None
        if code is not None and code in by_code:
            by_code[code].absorb(draft)
            continue
        if code is not None:
            by_code[code] = draft
        kept.append(draft)
    return kept


def _place_spellings(surface: _Surface) -> list[str]:
    """The spelled-out name of an abbreviated state (`Ill.`) and the usual spelling of a
    place a dateline writes in capitals (`NEW YORK`)."""
    spellings: list[str] = []
    for span in surface.spans:
        if (region := abbreviated_region(span.text)) is not None:
            spellings.append(region.name)
        elif span.text.isupper() and (spelled := place_spelling(span.text)) is not None:
            spellings.append(spelled)
    return spellings


def _plays(span: Span, parsed: ArticleDoc) -> bool:
    """Whether a place's name acts in a sentence of a sports report, not as where it
    happens: `Belgium faced Panama at the Fisht Stadium in Sochi` (Belgium, Panama)."""
    root = span.root
    located = root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS
    return _sporting(parsed.sentence_of(span.start)) and not located


def _sporting(sentence: Span) -> bool:
    """Whether a sentence is a sports report's: a score, or a word of the game."""
    return bool(_SCORE.search(sentence.text)) or any(
        t.lower_ in SPORT_WORDS for t in sentence if not t.ent_type_
    )


def _teams(drafts: Iterable[Draft], parsed: ArticleDoc) -> None:
    """Countries and cities that act as teams in most of their mentions are teams; a
    region only where it is a city as well (`Southampton`, not `Florida`)."""
    for draft in drafts:
        if draft.type != "place" or not draft.names:
            continue
        if draft.kind == "region" and city(draft.name) is None:
            continue
        if 2 * sum(_plays(span, parsed) for span in draft.names) >= len(draft.names):
            draft.type, draft.kind = "organization", "team"


def group_names(parsed: ArticleDoc) -> list[Draft]:
    """The article body's actors from its named entities, each with its name mentions."""
    doc = parsed.doc
    surfaces = _surfaces(parsed)
    people_words = _PersonWords.of(surfaces.values())
    starts = _organization_starts(surfaces.values())
    typed = {
        key: (s, _resolve(s, people_words, starts, parsed))
        for key, s in surfaces.items()
        if not _capitalised_word(s, people_words) and not names_a_thing(s.spans)
    }
    _add_missed(doc, typed)
    people = [s for s, t in typed.values() if t.type == "person" and s.spans]
    others: list[Draft] = []
    for surface, typing in typed.values():
        if typing.type != "person" and surface.spans:
            draft = Draft(typing.type, typing.kind, names=list(surface.spans))
            if typing.type == "place":
                draft.country = country_code(surface.key) or region_country(surface.key)
                draft.spellings = _place_spellings(surface)
            others.append(draft)
    drafts = _absorb_shorter(_people(people), _part_of_name)
    drafts += _absorb_shorter(_one_per_country(others), _shorter_form_of)
    _teams(drafts, parsed)
    for draft in drafts:
        draft.choose_name()
    return sorted(drafts, key=lambda d: d.first)
