"""Tense analysis: which way a relative date points, from spaCy's parse of its clause."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span, Token

from app.models import Direction

# `could`, `may`, `must` say nothing of time: `could not be reached Wednesday` is past.
_FUTURE_AUXILIARIES: Final = frozenset({"will", "'ll", "wo", "shall", "would"})
# A possibility with no perfect and no negation lies ahead: `could vote Tuesday`, `may arrive
# in March`; `could not be reached Wednesday`, `may have left Friday` are told of the past.
_POSSIBILITY: Final = frozenset({"could", "might", "may", "should", "must"})
_PERFECT: Final = frozenset({"has", "have", "'ve", "'s"})
_PERFECT_FORMS: Final = _PERFECT | {"had", "'d"}
# Verbs of arranging: what they govern lies ahead, `plans to meet Tuesday`, `set for April`.
_PROSPECTIVE: Final = frozenset(
    {"plan", "expect", "schedule", "due", "intend", "hope", "want", "aim", "prepare", "promise",
     "vow", "threaten", "propose", "wish", "slate", "arrange", "postpone", "delay", "adjourn",
     "reschedule", "defer"}
)  # fmt: skip
# `is to resume`, `set to meet`, `going to vote`: an infinitive after these lies ahead.
_AHEAD_OF_INFINITIVE: Final = _PROSPECTIVE | {
    "be", "set", "go", "poise", "decide", "agree", "ask", "order", "urge", "pledge", "vote"
}  # fmt: skip
_CLAUSAL_HEADS: Final = frozenset({"VERB", "AUX"})
# Verbs whose simple present tells a timetable, which lies ahead: `the law takes effect Jan.
# 1`, `talks resume Monday`, `the offer expires Friday`, `the museum opens in March`.
_SCHEDULED: Final = frozenset(
    {"start", "begin", "open", "reopen", "expire", "resume", "launch", "kick", "convene",
     "commence", "premiere", "debut"}
)  # fmt: skip
# `takes effect`, `goes into effect`, `comes into force`; `is due`, `is effective`.
_COMING_INTO: Final = frozenset({"effect", "force"})
_DUE: Final = frozenset({"due", "effective"})


def governing_verb(span: Span) -> Token | None:
    """The verb of the clause the expression belongs to (climbing over nouns it modifies)."""
    token = span.root.head if span.root.head.i != span.root.i else span.root
    while token.pos_ not in _CLAUSAL_HEADS or token.i in range(span.start, span.end):
        if token.head.i == token.i:
            return token if token.pos_ in _CLAUSAL_HEADS else None
        token = token.head
    return token


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass")]


def _clause_above(verb: Token) -> Token:
    """The nearest verb above `verb`, climbing over prepositions and nouns (else the root)."""
    token = verb.head
    while token.pos_ not in _CLAUSAL_HEADS and token.head.i != token.i:
        token = token.head
    return token


def _outer_clause_is_past(verb: Token) -> bool:
    """`A service planned for Saturday was canceled`: the plan lay ahead of a past event."""
    token = _clause_above(verb)
    if token.pos_ not in _CLAUSAL_HEADS or token.i == verb.i:
        return False
    return token.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in _auxiliaries(token))


_NEGATIONS: Final = frozenset({"not", "n't", "never", "neither", "nor", "no", "nobody", "none"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})


def _negated(verb: Token) -> bool:
    """`could not be reached`, `no one could be located`, `neither he nor she could`."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in _NEGATIONS:
            return True
        if child.dep_ in _SUBJECTS and any(t.lower_ in _NEGATIONS for t in child.subtree):
            return True
    return False


def _possibility_ahead(verb: Token, words: set[str]) -> bool:
    negated = bool(words & _POSSIBILITY) and _negated(verb)
    return bool(words & _POSSIBILITY) and not negated and not words & _PERFECT_FORMS


def _told_as_past(head: Token) -> bool:
    """`had planned to`, `had been due to`: the arrangement itself lies in the past."""
    clause = head if head.pos_ in _CLAUSAL_HEADS else head.head  # `due` is `been`'s
    return "had" in {aux.lower_ for aux in _auxiliaries(clause)}


def _timetabled(verb: Token) -> bool:
    """A simple present that tells a timetable: `starts`, `takes effect`, `is due`."""
    if verb.tag_ not in ("VBZ", "VBP") or _auxiliaries(verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma in _SCHEDULED:
        return True
    below = [grandchild for child in verb.children for grandchild in (child, *child.children)]
    if lemma in ("take", "go", "come"):
        return any(token.lower_ in _COMING_INTO for token in below)
    return lemma == "be" and any(child.lower_ in _DUE for child in verb.children)


def verb_direction(verb: Token, at: int) -> Direction:
    """Past, present (`same`) or future, from the verb's tag and its auxiliaries.

    `at` is the position of the expression: after a verb of arranging (`planned a rally on
    Saturday`, `a summit set for April`) it names what lies ahead; fronted (`On Friday, the
    government planned …`) it says when the arranging happened.
    """
    auxiliaries = _auxiliaries(verb)
    words = {aux.lower_ for aux in auxiliaries}
    arranged = verb.lemma_.lower() in _PROSPECTIVE or (
        verb.lemma_.lower() == "set" and any(child.lower_ == "for" for child in verb.children)
    )  # `a summit set for April`
    if arranged and verb.dep_ == "acl" and not auxiliaries and _outer_clause_is_past(verb):
        return "past"  # a reduced relative inside a past report: `the rally planned for Friday`
    # `had been due to expire Friday`: the arrangement is told as past.
    if words & _FUTURE_AUXILIARIES or (arranged and at > verb.i and "had" not in words):
        return "future"
    if _possibility_ahead(verb, words):
        return "future"
    if "to" in words and verb.head.i != verb.i:
        head = verb.head
        if _told_as_past(head):
            return "past"
        if head.i < verb.i and head.lemma_.lower() in _AHEAD_OF_INFINITIVE:
            return "future"  # `is to resume Tuesday`, `set to meet Monday`
        return verb_direction(head, at)
    if any(aux.tag_ == "VBD" for aux in auxiliaries) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        # `has met`, or a reduced relative `a meeting held Tuesday`; `is expected` stays present.
        passive_present = any(aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries) and not (
            words & _PERFECT and any(aux.dep_ == "aux" for aux in auxiliaries)
        )
        return "same" if passive_present else "past"
    if verb.tag_ == "VBG":
        if words & _PERFECT_FORMS:
            return "past"  # `have been searching since the Oct. 23 slaying`
        if any(aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries):
            return "future"  # `is meeting Tuesday`: a present progressive for an arrangement
        if verb.head.i != verb.i and not auxiliaries:
            # `with the third departing Thursday`: the clause the participle hangs from
            return verb_direction(_clause_above(verb), at)
    return "future" if _timetabled(verb) else "same"


def clause_direction(span: Span) -> Direction:
    verb = governing_verb(span)
    return verb_direction(verb, span.start) if verb is not None else "same"
