"""The content a reporting construction gives its words: a clause, an infinitive, an
object, a named thing, or the clause around an aside, read off the dependency parse.

Each function takes the cue and returns the tokens of what it reports (or None); the
parse's common slips are mended here, where they are met: a complement hung on the
object, an attribution taken for the subject of its own clause, a colon that ends the
narrator's clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.quote_rules.attribution import is_speech_cue
from app.extraction.quote_rules.lexicon import OBJECT_PREPOSITIONS, SOURCE_NOUNS

_ANONYMITY = frozenset(["name", "identify", "quote"])
_CLAUSES = frozenset(["ccomp"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_ASIDE_MARKS = frozenset([",", "—", "–", "--", "-"])
# Entity types of amounts and times: `spoke for an hour` has no topic.
MEASURES = frozenset(["DATE", "TIME", "CARDINAL", "QUANTITY"])
# Prepositions that give the grounds of a judgment on its object.
_GROUNDS = frozenset(["for", "as", "of", "over"])


def _subtree_without(root: Token, cut: Token) -> list[Token]:
    """The clause of `root` without the attribution hanging from it (`…, he said, …`),
    and without the comma that set the attribution off."""
    first = cut.left_edge.i
    if first > 0 and cut.doc[first - 1].is_punct:
        first -= 1
    return [t for t in root.subtree if not first <= t.i <= cut.right_edge.i]


def clause_content(verb: Token) -> list[Token] | None:
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
    return verb.dep_ == "advcl" and marks == ["as"] and said_nothing and has_subject(verb)


def _around_aside(verb: Token) -> list[Token] | None:
    """`Acts of protest, he said, are …`: the clause around an attribution set off by
    commas, whatever the parser did with the words before the aside."""
    doc = verb.doc
    subjects = [c for c in verb.lefts if c.dep_ in _SUBJECTS]
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


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _bare_clause(child: Token) -> bool:
    return (
        child.dep_ == "advcl"
        and has_subject(child)
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


def infinitive_content(verb: Token) -> list[Token] | None:
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


def object_content(verb: Token, *, with_object: bool) -> list[Token] | None:
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
                c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in MEASURES
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


def seen_as(verb: Token) -> list[Token] | None:
    """`see the program as a loophole`: the object and what it is seen as."""
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None:
        return None
    # The parser hangs `as …` on the verb or on its object.
    around = [*verb.children, *thing.children]
    seen_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in around)
    return _object_and_grounds(verb, thing) if seen_as else None


def naming_content(verb: Token) -> list[Token] | None:
    """`called the charges unsubstantiated`: from the object to the end of its name."""
    named = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")), None)
    if named is None or any(c.lower_ == "to" for c in named.children):
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj"), named)
    first = min(thing.left_edge.i, named.left_edge.i)
    return list(verb.doc[first : named.right_edge.i + 1])


def according_content(token: Token) -> list[Token]:
    """`According to X, …` or `…, according to X`: the clause on the other side of it."""
    clause = token.head
    if token.i > clause.i:
        return list(token.doc[clause.left_edge.i : token.left_edge.i])
    return list(token.doc[token.right_edge.i + 1 : clause.right_edge.i + 1])


def noun_content(noun: Token) -> list[Token] | None:
    """`a demand that Tokyo acknowledge …`: the clause the noun introduces."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(c.lower_ == "that" for c in child.children):
            return list(child.subtree)
    return None
