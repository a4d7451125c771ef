"""Reported speech: the content a cue attributes without quoting it.

`X said (that) …`, `…, X said`, `according to X, …`, `X vowed to …`, `X repeated a demand
that …`. The content is a stretch of tokens of the cue's own sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.quote_rules.attribution import (
    Masked,
    acts_as_verb,
    is_according_to,
    is_speech_cue,
    source_of,
)
from app.extraction.quote_rules.lexicon import (
    AS_VERBS,
    CONTENT_NOUNS,
    FOR_VERBS,
    INFINITIVE_VERBS,
    NAMING_VERBS,
    OBJECT_PREPOSITIONS,
    OBJECT_VERBS,
    REPORTING_VERBS,
    SOURCE_NOUNS,
    STANCE_ADJECTIVES,
)
from app.extraction.quote_rules.marks import DOUBLE, SINGLE

_SHORTEST_CONTENT = 3
_ANONYMITY = frozenset(["name", "identify", "quote"])
# Verbs whose `that` clause is a fact or a consequence, not anyone's words or views.
_NOT_ATTITUDES = frozenset(["be", "make", "ensure", "mean", "see", "require", "seem"])
_VERBS = REPORTING_VERBS | INFINITIVE_VERBS | OBJECT_VERBS | FOR_VERBS | NAMING_VERBS | AS_VERBS
_CLAUSES = frozenset(["ccomp"])
_EDGE_WORDS = frozenset(["that", "whether", ","])
_ASIDE_MARKS = frozenset([",", "—", "–", "--", "-"])
_MEASURES = frozenset(["DATE", "TIME", "CARDINAL", "QUANTITY"])
# Prepositions that give the grounds of a judgment on its object.
_GROUNDS = frozenset(["for", "as", "of", "over"])


@dataclass(frozen=True)
class Reported:
    """Reported content: its tokens (in order, maybe around an aside) and the cue."""

    cue: Token
    cue_text: str
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        """The words, a space where an aside was taken out between two of them."""
        words = [self.tokens[0].text]
        for before, token in itertools.pairwise(self.tokens):
            gap = token.i != before.i + 1 or before.whitespace_
            words.append((" " if gap else "") + token.text)
        return "".join(words)

    @property
    def start_char(self) -> int:
        return int(self.tokens[0].idx)

    @property
    def end_char(self) -> int:
        last = self.tokens[-1]
        return int(last.idx + len(last.text))


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


def _subtree_without(root: Token, cut: Token) -> list[Token]:
    """The clause of `root` without the attribution hanging from it (`…, he said, …`),
    and without the comma that set the attribution off."""
    first = cut.left_edge.i
    if first > 0 and cut.doc[first - 1].is_punct:
        first -= 1
    return [t for t in root.subtree if not first <= t.i <= cut.right_edge.i]


def _clause_content(verb: Token) -> list[Token] | None:
    """`said (that) …` and `…, X said`: the clausal complement, or the clause said of."""
    if (clause := _complement(verb)) is not None:
        return _without_other_attributions(clause)
    if verb.dep_ in ("parataxis", "ccomp") and _follows_comma(verb) and verb.i > verb.head.i:
        return _subtree_without(verb.head, verb)
    if verb.dep_ == "parataxis" and verb.i < verb.head.i:
        return _around_aside(verb)
    if _as_said(verb):
        return _subtree_without(verb.head, verb)
    return None


def _as_said(verb: Token) -> bool:
    """`The sky is falling, as X said`: the clause says nothing of its own (unlike `as she
    said goodbye`) and has its own speaker (unlike `as expected`), so it attributes the
    clause it hangs from."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    said_nothing = not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.children)
    return verb.dep_ == "advcl" and marks == ["as"] and said_nothing and _has_subject(verb)


def _around_aside(verb: Token) -> list[Token] | None:
    """`Acts of protest, he said, are …`: the clause around an attribution set off by
    commas, whatever the parser did with the words before the aside."""
    doc = verb.doc
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    start = subjects[-1].left_edge.i - 1
    end = verb.right_edge.i if doc[verb.right_edge.i].text in _ASIDE_MARKS else verb.i + 1
    if start < 0 or end >= len(doc) or {doc[start].text, doc[end].text} - _ASIDE_MARKS:
        return None
    return [t for t in verb.head.subtree if not start <= t.i <= end]


def _complement(verb: Token) -> Token | None:
    """The clause the verb reports: its complement after it, else one before it set off by
    a comma (`"…," X said`), not by a colon, which ends a clause of the narrator's own
    (`fireworks erupted: X said …`). A parser may attach `said after the vote he would …`
    as an adverbial clause; one with a subject and no conjunction is the complement."""
    after = [c for c in verb.rights if c.dep_ in _CLAUSES]
    if after:
        return after[0]
    if (told := _clause_on_object(verb)) is not None:
        return told
    before = [c for c in verb.lefts if c.dep_ in _CLAUSES]
    if before and not _colon_between(before[-1], verb):
        return before[-1]
    return next((c for c in verb.rights if _bare_clause(c)), None)


def _clause_on_object(verb: Token) -> Token | None:
    """`told a meeting of leaders that few people understood …`, `warned for weeks that a
    cut was likely`: a `that` clause the parser hung on the object or on a phrase after
    the verb, though `that` only introduces it."""
    for thing in verb.rights:
        if thing.dep_ not in ("dobj", "dative", "prep"):
            continue
        for clause in thing.subtree:
            if clause.dep_ in ("relcl", "acl") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                return clause
    return None


def _colon_between(clause: Token, verb: Token) -> bool:
    return any(t.text in (":", ";") for t in verb.doc[clause.right_edge.i + 1 : verb.i])


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _bare_clause(child: Token) -> bool:
    return (
        child.dep_ == "advcl"
        and _has_subject(child)
        and not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in child.children)
    )


def _without_other_attributions(clause: Token) -> list[Token]:
    """The clause without coordinated clauses that are attributions of their own: `X said
    the plan failed, and Y replied …` or `… and warned against …` report only `the plan
    failed`."""
    cuts = [
        other
        for other in clause.subtree
        if other.i != clause.i and other.dep_ == "conj" and is_speech_cue(other)
    ]
    kept = list(clause.subtree)
    for conj in cuts:
        first = conj.left_edge.i
        while first > clause.left_edge.i and conj.doc[first - 1].dep_ in ("cc", "punct"):
            first -= 1
        kept = [t for t in kept if not first <= t.i <= conj.right_edge.i]
    return kept


def _follows_comma(verb: Token) -> bool:
    """`…, X said`: the attribution set off from the clause it reports."""
    first = verb.left_edge.i
    return first > 0 and verb.doc[first - 1].text in _ASIDE_MARKS


def _infinitive_content(verb: Token) -> list[Token] | None:
    """`vowed not to surrender …`, `urged Congress to act`; not a source's request for
    anonymity (`asked not to be named`), which news prose adds to any attribution; nor a
    passive (`is expected to`), whose subject is what is expected, not who expects it."""
    if any(child.dep_ == "auxpass" for child in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and any(c.lower_ == "to" for c in child.children):
            anonymity = child.lemma_ in _ANONYMITY and child.tag_ == "VBN"
            return None if anonymity else list(child.subtree)
    return None


def _object_content(verb: Token, *, with_object: bool) -> list[Token] | None:
    """`mentioned disparaging remarks`, `called for the repeal`, `laid out her proposals`;
    the direct object only `with_object` (`called Trump a liar` is not `called for`)."""
    for child in verb.children:
        # `proposed dropping the tax break`, parsed as an object or as a complement
        gerund = child.tag_ == "VBG" and child.dep_ in ("dobj", "xcomp")
        what = child.pos_ in ("NOUN", "PROPN") and child.lemma_ not in SOURCE_NOUNS
        if with_object and ((child.dep_ == "dobj" and what) or gerund):
            return _object_and_grounds(verb, child)
        if child.dep_ in ("prep", "prt") and child.lower_ in OBJECT_PREPOSITIONS:
            # `warned for weeks that …`, `spoke for an hour`: a time, not a topic.
            objects = [
                c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in _MEASURES
            ]
            for next_word in verb.rights if child.dep_ == "prt" else objects:
                if next_word.dep_ in ("dobj", "pobj"):
                    return list(next_word.subtree)
    return None


def _object_and_grounds(verb: Token, thing: Token) -> list[Token]:
    """The object with what the judgment says of it: `criticized the officer for
    shooting …`, `cited the election as a reason …`, `accused Holt of being …`."""
    last = thing.right_edge.i
    for child in verb.rights:
        if child.i > thing.i and child.dep_ == "prep" and child.lower_ in _GROUNDS:
            last = max(last, child.right_edge.i)
    return list(verb.doc[thing.left_edge.i : last + 1])


def _seen_as(verb: Token) -> list[Token] | None:
    """`see the program as a loophole`: the object and what it is seen as."""
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None:
        return None
    # The parser hangs `as …` on the verb or on its object.
    around = [*verb.children, *thing.children]
    seen_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in around)
    return _object_and_grounds(verb, thing) if seen_as else None


def _naming_content(verb: Token) -> list[Token] | None:
    """`called the charges unsubstantiated`: from the object to the end of its name."""
    named = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")), None)
    if named is None or any(c.lower_ == "to" for c in named.children):
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj"), named)
    first = min(thing.left_edge.i, named.left_edge.i)
    return list(verb.doc[first : named.right_edge.i + 1])


def _according_content(token: Token) -> list[Token]:
    """`According to X, …` or `…, according to X`: the clause on the other side of it."""
    clause = token.head
    if token.i > clause.i:
        return list(token.doc[clause.left_edge.i : token.left_edge.i])
    return list(token.doc[token.right_edge.i + 1 : clause.right_edge.i + 1])


def _noun_content(noun: Token) -> list[Token] | None:
    """`a demand that Tokyo acknowledge …`: the clause the noun introduces."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(c.lower_ == "that" for c in child.children):
            return list(child.subtree)
    return None


def _candidates(doc: Doc) -> Iterator[tuple[Token, str, list[Token] | None]]:
    """(cue, cue words, content tokens) for every reporting construction."""
    for token in doc:
        lemma = token.lemma_.lower()
        if is_according_to(token):
            clause = token.head.pos_ in ("VERB", "AUX")
            yield token, "according to", _according_content(token) if clause else None
        elif acts_as_verb(token) and lemma in _VERBS and not _names_a_noun(token):
            content = _clause_content(token) if lemma in REPORTING_VERBS else None
            if content is None and lemma in INFINITIVE_VERBS:
                content = _infinitive_content(token)
            if content is None and lemma in NAMING_VERBS:
                content = _naming_content(token)
            if content is None and lemma in OBJECT_VERBS | FOR_VERBS:
                content = _object_content(token, with_object=lemma in OBJECT_VERBS)
            if content is None and lemma in AS_VERBS:
                content = _seen_as(token)
            yield token, token.text, content
        elif token.pos_ == "VERB" and lemma not in _NOT_ATTITUDES and _that_clause(token):
            # Any verb that takes a `that` clause reports a stance: `Clinton hopes that …`.
            yield token, token.text, _clause_content(token)
        elif token.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES and token.dep_ == "acomp":
            # The cue is the verb with its adjective: `was sure (that) …`.
            verb = token.head
            stance = next((c for c in token.children if c.dep_ == "ccomp"), None)
            content = list(stance.subtree) if stance is not None else None
            yield verb, doc[verb.i : token.i + 1].text, content
        elif token.pos_ == "NOUN" and lemma in CONTENT_NOUNS:
            if any(child.dep_ == "poss" for child in token.children):
                # `Trump's claim that …`: the noun is the cue, its owner the source.
                yield token, token.text, _noun_content(token)
            elif _voiced(token):
                # The cue is the verb that voices the noun: `repeated a demand`.
                verb = token.head
                yield verb, doc[verb.i : token.i + 1].text, _noun_content(token)


def _names_a_noun(verb: Token) -> bool:
    """`a group called Lashkar`, `the programme announced in May`: a participle that
    describes a noun reports nobody's words; nor does `Asked whether …, Ellison replied`,
    whose subject was asked, not asking."""
    bare = not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    return verb.tag_ == "VBN" and (verb.dep_ == "acl" or (verb.dep_ == "advcl" and bare))


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
        if all(t.ent_type_ in _MEASURES for t in tokens):
            continue  # `spoke about five minutes`
        found.append(Reported(cue, cue_text, tokens))
    return _outermost(found)


def _outermost(found: Sequence[Reported]) -> list[Reported]:
    """Without the attributions inside another's content (`the paper said he plans to
    visit`): what the paper reported is one quote, not also a plan of his own."""
    inside = {t.i for reported in found for t in reported.tokens}
    return [r for r in found if r.cue.i not in inside]
