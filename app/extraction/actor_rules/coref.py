"""Which person a pronoun or a description refers to.

Pronouns: the nearest compatible person earlier in the same sentence, else in the
sentences before, where the subject is preferred (news prose keeps its subject as the
topic: `Lavrov told reporters. He repeated …`). A person is compatible when the gender
is not known to differ; an object pronoun never refers to the subject of its own
clause (`Putin is showing him` is not Putin). Genders come from the words (`Mr.`,
`his father`, `spokeswoman`, `X and her deputy`) and from how most pronouns resolve. Pronouns inside
quotation marks are the quoted speaker's, and names inside them are not antecedents of
the narration.

Descriptions: a singular noun phrase whose head noun is the head of one person's role
and whose proper modifiers agree with that role's affiliation or that person's country
(`a top Putin aide` → the `Putin foreign policy aide`), when exactly one person fits. A
bare `the president` is left alone: which president it means is beyond these rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from app.extraction.actor_rules.countries import nationality_country
from app.extraction.actor_rules.grouping import Draft
from app.extraction.actor_rules.lexicon import PERSON_PRONOUNS, TITLE_WORDS, Gender
from app.extraction.actor_rules.roles import trim_description

# How many sentences back a pronoun may find its person.
_PRONOUN_REACH = 4
_SUBJECTS = ("nsubj", "nsubjpass")
# Links inside a noun phrase, from a name up to the phrase's head.
_NAME_LINKS = ("appos", "compound", "flat")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    person: Draft
    subject: bool
    oblique: bool  # inside a prepositional phrase: `campaigned for nominee Donald Trump`
    coordinated: bool = False  # one of several: `Cavaleiro and Jonny scored` is no `he`


def _is_subject(head: Token) -> bool:
    return head.dep_ in _SUBJECTS or (head.dep_ == "appos" and head.head.dep_ in _SUBJECTS)


def _phrase_head(head: Token) -> Token:
    """The head of the noun phrase a name stands in (`her deputy, Daniel Brooks` → deputy)."""
    while head.dep_ in _NAME_LINKS and head.head.i != head.i:
        head = head.head
    return head


def _is_coordinated(head: Token) -> bool:
    """Whether the mention is one conjunct of several (`Ivan Cavaleiro and Jonny`): a
    singular pronoun does not refer back to one member of a pair whose gender does not
    tell them apart."""
    head = _phrase_head(head)
    return head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)


def _gender_from_partner(person: Draft) -> Gender | None:
    """The gender a possessive in the next conjunct tells: in `Sarah Okafor and her
    deputy` or `Carlos Vega and his lawyer`, the possessive is the first person's."""
    for span in person.names:
        for conjunct in _phrase_head(span.root).children:
            if conjunct.dep_ != "conj":
                continue
            for word in conjunct.children:
                use = PERSON_PRONOUNS.get(word.lower_)
                if word.dep_ == "poss" and use is not None:
                    return use[0]
    return None


def _is_oblique(head: Token) -> bool:
    """Whether the phrase a mention heads is the object of a preposition."""
    return _phrase_head(head).dep_ == "pobj"


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause a token stands in."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _pick(candidates: Sequence[_Mention], *, same_sentence: bool) -> _Mention | None:
    if not candidates:
        return None
    if same_sentence:
        # The nearest, passing over people inside prepositional phrases when another fits:
        # `Christie, who campaigned for Trump since he …` is Christie.
        direct = [m for m in candidates if not m.oblique] or list(candidates)
        return max(direct, key=lambda m: m.start)
    subjects = [m for m in candidates if m.subject]
    return (
        min(subjects, key=lambda m: m.start) if subjects else max(candidates, key=lambda m: m.start)
    )


def _antecedents(
    doc: Doc, people: Sequence[Draft], quoted: Sequence[bool]
) -> tuple[dict[int, list[_Mention]], dict[int, Draft], list[int]]:
    """Person mentions by sentence, the person of each mention token, each token's sentence."""
    sentence_of = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        sentence_of[sentence.start : sentence.end] = [number] * len(sentence)
    by_sentence: dict[int, list[_Mention]] = {}
    owner: dict[int, Draft] = {}
    for person in people:
        for span in person.names + person.descriptions:
            if not quoted[span.root.i]:
                root = span.root
                mention = _Mention(
                    span.start,
                    span.end,
                    person,
                    _is_subject(root),
                    _is_oblique(root),
                    _is_coordinated(root),
                )
                by_sentence.setdefault(sentence_of[span.start], []).append(mention)
            owner.update({t.i: person for t in span})
    return by_sentence, owner, sentence_of


def _resolve_all(
    doc: Doc, people: Sequence[Draft], quoted: Sequence[bool], genders: Mapping[int, Gender]
) -> list[tuple[Token, Draft]]:
    """Each third-person pronoun outside quotations with the person it refers to."""
    by_sentence, owner, sentence_of = _antecedents(doc, people, quoted)
    # `He` of `He Jiankui` is a name, not a pronoun.
    in_names = {t.i for person in people for span in person.names for t in span}
    resolved: list[tuple[Token, Draft]] = []
    for token in doc:
        use = PERSON_PRONOUNS.get(token.lower_)
        if use is None or token.pos_ != "PRON" or quoted[token.i] or token.i in in_names:
            continue
        gender, role = use
        subject = _clause_subject(token) if role == "object" else None
        barred = owner.get(subject.i) if subject is not None else None

        def fits(m: _Mention, gender: Gender = gender, barred: Draft | None = barred) -> bool:
            known = genders.get(id(m.person))
            return m.person is not barred and (
                known == gender if m.coordinated else known in (None, gender)
            )

        here = sentence_of[token.i]
        chosen = _pick(
            [m for m in by_sentence.get(here, []) if m.end <= token.i and fits(m)],
            same_sentence=True,
        )
        for back in range(here - 1, max(here - 1 - _PRONOUN_REACH, -1), -1):
            if chosen is not None:
                break
            chosen = _pick([m for m in by_sentence.get(back, []) if fits(m)], same_sentence=False)
        if chosen is None:
            continue
        resolved.append((token, chosen.person))
        owner[token.i] = chosen.person
        by_sentence.setdefault(here, []).append(
            _Mention(
                token.i, token.i + 1, chosen.person, token.dep_ in _SUBJECTS, _is_oblique(token)
            )
        )
    return resolved


def resolve_pronouns(doc: Doc, people: Sequence[Draft], quoted: Sequence[bool]) -> None:
    """Add to each person the pronouns (`he`, `his`, `her`…) that refer to them.

    Two passes: the first with only the genders the words tell (`Mr.`, `his father`,
    `spokeswoman`); a person most pronouns then call `she` (by two to one at least) is
    taken as a woman, and the second pass resolves again with those genders.
    """
    for person in people:
        person.gender = person.gender or _gender_from_partner(person)
    known = {id(p): p.gender for p in people if p.gender is not None}
    votes: dict[int, Counter[Gender]] = {}
    for token, person in _resolve_all(doc, people, quoted, known):
        votes.setdefault(id(person), Counter())[PERSON_PRONOUNS[token.lower_][0]] += 1
    for person in people:
        tally = votes.get(id(person), Counter())
        leader = next(iter(tally.most_common(1)), None)
        if (
            person.gender is None
            and leader is not None
            and leader[1] >= 2 * (tally.total() - leader[1])
        ):
            person.gender = leader[0]
    known = {id(p): p.gender for p in people if p.gender is not None}
    for token, person in _resolve_all(doc, people, quoted, known):
        person.pronouns.append(doc[token.i : token.i + 1])


def _agrees(modifier: Token, person: Draft, owners: Mapping[int, Draft]) -> bool | None:
    """Whether a proper modifier fits the person's affiliations; None if it says nothing."""
    affiliations = {role.affiliation for role in person.roles if role.affiliation}
    if (owner := owners.get(modifier.i)) is not None:
        return owner.name in affiliations or (
            owner.country is not None and owner.country == person.country
        )
    if code := nationality_country(modifier.text):
        return code == person.country
    return None


def link_descriptions(doc: Doc, people: Sequence[Draft], owners: Mapping[int, Draft]) -> None:
    """Add to each person the descriptions (`a top Putin aide`) the text ties to them."""
    taken = set(owners) | {
        t.i for p in people for s in (*p.descriptions, *p.titled.values()) for t in s
    }
    heads = {
        head: [p for p in people if head in p.role_heads] for p in people for head in p.role_heads
    }
    for token in doc:
        if token.tag_ != "NN" or token.i in taken or token.lower_ not in heads:
            continue
        phrase = doc[token.left_edge.i : token.i + 1]
        fitting = []
        for person in heads[token.lower_]:
            verdicts = [_agrees(t, person, owners) for t in phrase[:-1]]
            if True in verdicts and False not in verdicts:
                fitting.append(person)
        if len(fitting) == 1:
            fitting[0].descriptions.append(trim_description(phrase, fitting[0], owners))
            taken.update(t.i for t in phrase)


# Nouns besides the titles that a definite description of a person may be headed by.
_PERSON_NOUNS = frozenset({"lady", "strategist", "politician", "businessman", "businesswoman"})
# How many sentences back a definite description may find the subject it renames.
_RENAMING_REACH = 2


def _renaming_phrase(head: Token) -> Span | None:
    """`the former secretary of state`, `Obama's former campaign strategist`: a subject
    noun phrase that is definite (the article or a possessor) and says more than the bare
    title, so that it renames someone rather than naming an office."""
    if head.tag_ != "NN" or head.dep_ not in _SUBJECTS:
        return None
    if head.lower_ not in TITLE_WORDS and head.lower_ not in _PERSON_NOUNS:
        return None
    doc = head.doc
    left = head.left_edge.i
    if doc[left].lower_ != "the" and not any(c.dep_ == "poss" for c in head.children):
        return None
    right = head.right_edge.i
    if any(t.is_punct or t.pos_ in ("VERB", "AUX", "PRON") for t in doc[left : right + 1]):
        right = head.i
    phrase = doc[left : right + 1]
    return phrase if len(phrase) > 2 or doc[left].lower_ != "the" else None


def _renamed_subject(
    by_sentence: Mapping[int, list[_Mention]], here: int, excluded: set[int]
) -> Draft | None:
    """The person the sentences just before keep as their subject (the earliest subject
    of the nearest sentence that has one), unless the phrase itself names that person."""
    for back in range(here - 1, max(here - 1 - _RENAMING_REACH, -1), -1):
        subjects = [m for m in by_sentence.get(back, []) if m.subject]
        if subjects:
            person = min(subjects, key=lambda m: m.start).person
            return None if id(person) in excluded else person
    return None


def _own_words(phrase: Span, head: Token) -> list[Token]:
    """The phrase's words outside its possessor: `former campaign strategist` of
    `Obama's former campaign strategist`."""
    possessor = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    return [t for t in phrase if t.i not in possessor]


def _proper(token: Token) -> bool:
    """A capitalised word inside the phrase (`the Indiana governor`, `the New York
    businessman`) tells which person it means by itself, which the subject before may
    not fit; such phrases are left to the role rules."""
    return token.text[:1].isupper() and token.lower_ != "the"


def link_renamings(
    doc: Doc, people: Sequence[Draft], owners: Mapping[int, Draft], quoted: Sequence[bool]
) -> None:
    """A definite description in subject position renames the person the sentences just
    before had as their subject: news prose varies its words for the topic person
    (`Hillary Clinton spoke out Tuesday … the former secretary of state said`). Not where
    another person holds that title and the subject does not, nor where a proper word
    inside the phrase names who it is."""
    by_sentence, owner, sentence_of = _antecedents(doc, list(people), quoted)
    for person in people:
        for span in person.pronouns:
            root = span.root
            mention = _Mention(span.start, span.end, person, _is_subject(root), False)
            by_sentence.setdefault(sentence_of[span.start], []).append(mention)
    for token in doc:
        if quoted[token.i] or token.i in owner or token.i in owners:
            continue
        phrase = _renaming_phrase(token)
        if phrase is None or any(
            owner.get(t.i) is not None or _proper(t) for t in _own_words(phrase, token)
        ):
            continue
        excluded = {id(d) for t in phrase if (d := owners.get(t.i)) is not None}
        renamed = _renamed_subject(by_sentence, sentence_of[token.i], excluded)
        holders = [p for p in people if token.lower_ in p.role_heads]
        if renamed is None or (holders and renamed not in holders):
            continue
        renamed.descriptions.append(phrase)
        owner.update({t.i: renamed for t in phrase})
