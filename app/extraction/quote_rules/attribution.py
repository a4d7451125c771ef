"""Attribution clauses on the dependency parse: the cue, who spoke, to whom, through what.

Every function takes the cue token (a speech verb, or `according` of `according to`) and
reads its neighbours in the tree; nothing here knows about actors, and quotations only
as a mask: a source is never a word inside quotation marks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from app.extraction.quote_rules.lexicon import (
    CHANNEL_NOUNS,
    CONTENT_NOUNS,
    NON_SOURCES,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from app.extraction.quote_rules.marks import DOUBLE

_SUBJECTS = frozenset(["nsubj", "nsubjpass", "csubj"])
# Dependents that leave a noun phrase's core: clauses about the noun, asides, lists.
_CLAUSAL = frozenset(["relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "parataxis"])
# How a verb with no subject of its own shares one: `stood up and said`, `…, saying`.
_SHARED_SUBJECT = frozenset(["conj", "xcomp", "advcl"])
# A verb attached by one of these heads a clause of its own: what it dates is not the saying.
_OTHER_CLAUSES = frozenset(["conj", "parataxis", "advcl", "ccomp", "xcomp", "relcl", "csubj"])
_VERBS = frozenset(["VERB", "AUX"])
_LONGEST_DESCRIPTION = 12
# Words that cannot end a noun phrase cut short: `the secretary of state and`.
_DANGLING = frozenset(["punct", "cc", "prep", "det", "case"])
_NOMINALS = frozenset(["NOUN", "PROPN", "PRON"])
_TIME_ENTITIES = frozenset(["DATE", "TIME"])
_DOUBLE_MARKS = frozenset(DOUBLE.glyphs)
# Relations a misparsed post-verbal subject gets: `said the CDC's Dr. Michael Jhung`.
_INVERTED = frozenset(["dobj", "attr", "npadvmod", "oprd", "nsubj"])

Masked = Callable[[Token], bool]


@dataclass(frozen=True)
class Attribution:
    """A cue and the parts of its clause: who (the head token of the source) and how."""

    cue: Token
    cue_text: str
    source: Token | None
    audience: Span | None
    channel: Span | None


def is_according_to(token: Token) -> bool:
    return bool(
        token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
    )


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that the parser gave a subject:
    `Trump claims that …` tagged as the plural noun `claims`."""
    return token.pos_ in ("VERB", "AUX") or (
        token.pos_ == "NOUN" and any(child.dep_ in _SUBJECTS for child in token.children)
    )


def _puts_it(token: Token) -> bool:
    """`as a Homeland Security memo put it`."""
    return token.lemma_ == "put" and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in token.children
    )


def is_speech_cue(token: Token) -> bool:
    return is_according_to(token) or (
        token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in SPEECH_VERBS or _puts_it(token))
    )


def _according_source(token: Token) -> Token | None:
    to = token.nbor()
    return next((child for child in to.children if child.dep_ == "pobj"), None)


def _nominal(token: Token, masked: Masked) -> bool:
    """A word that can name a source: a noun or pronoun outside quotations, not a date."""
    return bool(
        token.pos_ in _NOMINALS
        and any(c.isalpha() for c in token.text)
        and token.ent_type_ not in _TIME_ENTITIES
        and not masked(token)
    )


def _subject(verb: Token, masked: Masked) -> Token | None:
    """The verb's subject, borrowed up a chain of verbs that share it."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and _nominal(c, masked)]
        # `which Ashdown said would …`: the relative pronoun is the reported clause's.
        named = [c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS]
        subjects = named or subjects
        # An aside's verb may be given the words before the aside as a second subject:
        # `The museum, Roberts said, would …`; the nearer one is the verb's own.
        aside = verb.dep_ == "parataxis"
        subject = (subjects[-1] if aside else subjects[0]) if subjects else None
        if subject is None and verb.tag_ == "VBG" and verb.i > 0:
            # `footage of Clinton asking, "…"`: the noun a participle follows acts it.
            before = verb.doc[verb.i - 1]
            subject = before if before.pos_ == "PROPN" and _nominal(before, masked) else None
        # `sings to Clinton before asking her`: the verb the preposition hangs from acts.
        after_preposition = verb.dep_ == "pcomp" and verb.head.dep_ == "prep"
        above = verb.head.head if after_preposition else verb.head
        shares = (verb.dep_ in _SHARED_SUBJECT or after_preposition) and not masked(above)
        if subject is not None or not shares or above.i == verb.i:
            return subject
        if verb.tag_ == "VBG" and _is_relative(above):
            # `an architect who said he was stiffed …, saying, "…"`, `around the stadium
            # where the Panthers played, while chanting "…"`: a participle after a relative
            # clause is the main clause's, not the relative clause's.
            governing = (above.head, *above.head.ancestors)
            above = next((a for a in governing if _has_subject(a, masked)), above)
        verb = above


def _has_subject(token: Token, masked: Masked) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in _SUBJECTS and _nominal(c, masked) for c in token.children
    )


def _is_relative(verb: Token) -> bool:
    """A relative clause, by its label or its `where`/`when` (which the parser may hang
    elsewhere)."""
    return verb.dep_ == "relcl" or any(
        c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < verb.i for c in verb.children
    )


def _inverted_source(verb: Token, masked: Masked) -> Token | None:
    """`"…," said the CDC's Dr. Michael Jhung`: a noun after the verb, parsed as its object."""
    return next(
        (
            child
            for child in verb.rights
            if child.dep_ in _INVERTED and child.pos_ == "PROPN" and _nominal(child, masked)
        ),
        None,
    )


def _beside_quote(cue: Token, masked: Masked) -> Token | None:
    """`"…," Flynn, a top surrogate, said` or `"…," said Flynn` when the parse lost the
    subject: the noun phrase between the closing mark and the cue, or just after the cue."""
    doc = cue.doc
    start = cue.i
    while start > 0 and not masked(doc[start - 1]) and not doc[start - 1].is_sent_end:
        start -= 1
    if start == 0 or not masked(doc[start - 1]):
        return None
    between = doc[start : cue.i]
    if all(t.is_punct for t in between):
        after = [t for t in cue.rights if t.dep_ in _INVERTED and _nominal(t, masked)]
        return after[0] if after else None
    outside = range(start, cue.i)
    nominals = [t for t in between if _nominal(t, masked)]
    heads = [t for t in nominals if t.head.i not in outside]
    # With no phrase head left in the parse, a name ends its phrase: `Chief Chuck Jordan`.
    names = [t for t in nominals if t.pos_ == "PROPN"]
    first = next(iter(heads or names[-1:] or nominals[-1:]), None)
    if first is None:
        return None
    # A noun phrase ends in its head: `Tulsa police Chief Chuck Jordan` is Jordan.
    last = first.i
    while last + 1 < cue.i and _nominal(doc[last + 1], masked):
        last += 1
    return doc[last]


def claimant(noun: Token, masked: Masked) -> Token | None:
    """Whose claim a content noun is: `Trump's claim that …`."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONTENT_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and _nominal(c, masked)), None)


def source_of(cue: Token, masked: Masked) -> Token | None:
    """The head token of whoever the cue attributes the words to."""
    if is_according_to(cue):
        return _according_source(cue)
    if (owner := claimant(cue, masked)) is not None:
        return owner
    source = _subject(cue, masked)
    if source is None and is_speech_cue(cue):
        # Only speech verbs put their subject after them or lose it to a quotation.
        source = _inverted_source(cue, masked) or _beside_quote(cue, masked)
    if source is not None and source.lower_ in RELATIVE_PRONOUNS and source.head.dep_ == "relcl":
        source = source.head.head  # `Reid, who said …`: the noun the clause is about
    if source is None or source.lower_ in NON_SOURCES:
        return None
    return source


def _in_core(child: Token) -> bool:
    """A conjunct with no determiner of its own is more of the same person: `the former
    secretary of state and current nominee`; with one it is someone else."""
    if child.dep_ == "conj":
        return not any(c.dep_ == "det" for c in child.children)
    return child.dep_ not in _CLAUSAL


def noun_core(head: Token) -> Span:
    """The noun phrase of `head` without its clauses and asides, as a contiguous span."""
    kept = [head, *(t for child in head.children if _in_core(child) for t in child.subtree)]
    start = min(t.i for t in kept)
    end = max(t.i for t in kept) + 1
    while start < head.i and head.doc[start].is_punct:
        start += 1
    end = min(end, max(start, head.i) + _LONGEST_DESCRIPTION)
    # Quoted words are never part of the phrase: `the advertisement "wrongly" suggests`.
    marks = [t.i for t in head.doc[start:end] if t.text in _DOUBLE_MARKS]
    start = max([start, *(i + 1 for i in marks if i < head.i)])
    end = min([end, *(i for i in marks if i > head.i)])
    while end - 1 > head.i and head.doc[end - 1].dep_ in _DANGLING:
        end -= 1
    return head.doc[start:end]


def _pobj_span(prep: Token) -> Span | None:
    pobj = next((child for child in prep.children if child.dep_ == "pobj"), None)
    return noun_core(pobj) if pobj is not None else None


def audience_of(cue: Token) -> Span | None:
    """Whom the words were addressed to: `told reporters`, `said to the Rossiya 1 TV channel`."""
    for child in cue.children:
        if child.dep_ == "dative" and child.pos_ != "ADP":
            return noun_core(child)
        if cue.lemma_ == "tell" and child.dep_ == "dobj":
            return noun_core(child)
        if child.dep_ in ("dative", "prep") and child.lower_ == "to" and cue.lemma_ != "accord":
            return _pobj_span(child)
    return None


def _is_channel(token: Token) -> bool:
    return token.lemma_.lower() in CHANNEL_NOUNS


def channel_of(cue: Token, source: Token | None) -> Span | None:
    """What carried the words: the source itself when it is a report, or `in an interview`."""
    if source is not None and _is_channel(source):
        return noun_core(source)
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "via"):
            span = _pobj_span(child)
            if span is not None and (_is_channel(span.root) or span.root.ent_type_ == "ORG"):
                return span
    if source is not None:
        # `a report, cited by TASS`: the agency that relayed the words.
        for child in source.children:
            if child.dep_ == "acl" and child.lemma_ in ("cite", "quote"):
                return child.doc[child.i : child.right_edge.i + 1]
    return None


def attribution(cue: Token, masked: Masked, cue_text: str | None = None) -> Attribution:
    """The parts of the cue's clause; `cue_text` when the cue is more than its token."""
    if cue_text is None:
        cue_text = "according to" if is_according_to(cue) else cue.text
    source = source_of(cue, masked)
    return Attribution(cue, cue_text, source, audience_of(cue), channel_of(cue, source))


def in_clause(token: Token, cue: Token, content: Iterable[Token]) -> bool:
    """Whether the token belongs to the cue's own clause, not to the words it reports nor to
    another clause of the sentence: in `X vowed …, and Y recalled the defeat in 1945`,
    `1945` hangs from `recalled`, a clause of its own joined to the cue."""
    inside = {t.i for t in content}
    node = token
    while node.head.i != node.i and node.i not in inside:
        if node.pos_ in _VERBS and node.dep_ in _OTHER_CLAUSES:
            return False
        if node.head.i == cue.i:
            return True
        node = node.head
    return False
