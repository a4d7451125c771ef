"""The cue of a quoted stretch: the speech verb in its sentence that the quote belongs to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from app.extraction.document import ArticleDoc
from app.extraction.quote_rules.attribution import Masked, claimant, is_speech_cue, source_of

# `“…” ― Pamela Padilla`: a closing mark, then a dash and the name signing the quote.
_SIGNATURE = re.compile(r"[\"”»’]?[ \t]*(?:[―—–]|--?)[ \t]*(?=[A-Z])")
_LONGEST_NAME = 5
# `Said Ellis: “…”`: a speech verb opening the sentence, the speaker after it, a colon.
_SAID_NAME = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:Said|Says|Added|Asked|Wrote|Explained|Countered)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*:\s*[\"“]?$"
)
# How far into the next sentence an attribution of the quote before it may start.
_LONGEST_SIGNING = 10
_OWN_CONTENT = frozenset(["ccomp", "xcomp"])

# Relations by which a clause is the content of the verb above it (`said that X was
# "…"`): walking up through them stays inside what the cue reports.
_CONTENT_CLAUSES = frozenset(["ccomp", "xcomp", "conj", "pcomp"])
# Relations by which a clause is what the verb above it reports (not `conj`: `X said …
# and Y complained …` are two attributions); through the preposition of `by calling`.
_REPORTED = frozenset(["ccomp", "xcomp", "pcomp", "prep"])


def _cues(tokens: Span, masked: Masked) -> list[Token]:
    return [
        t for t in tokens if not masked(t) and is_speech_cue(t) and source_of(t, masked) is not None
    ]


def _holds(verb: Token, masked: Masked) -> bool:
    """A verb whose subject holds the words below it: `Reid went after Trump as a "…"`."""
    return bool(
        verb.pos_ == "VERB"
        and verb.lemma_ != "be"  # `X was "…"` judges X; the words are the narrator's
        and verb.dep_ not in _CONTENT_CLAUSES
        and source_of(verb, masked) is not None
    )


def _governing(
    quoted: Span, cues: Sequence[Token], masked: Masked
) -> tuple[Token | None, Token | None]:
    """The nearest cue above the quote in the tree (`complained about "…"`, `"…," he
    said`), or else the first verb above it with a subject of its own."""
    ids = {cue.i for cue in cues}
    inside = range(quoted.start, quoted.end)
    holder = None
    for token in quoted:
        if token.head.i in inside or token.is_punct:
            continue
        # A speech verb above the holder reports the holder's clause too (`Kerry said
        # the U.S. would work to take "robust steps"`), unless that clause only sets the
        # scene (`as Trump went on about "…", Melanie said …`).
        for ancestor in token.ancestors:
            if ancestor.i in ids:
                return _reporting(ancestor, ids), None
            if claimant(ancestor, masked) is not None:
                return ancestor, None  # `Trump's claim that there were "thousands …"`
            if _holds(ancestor, masked):
                holder = holder or ancestor
                if _subordinate(ancestor):
                    break
    return None, holder


def _reporting(cue: Token, ids: set[int]) -> Token:
    """The outermost cue whose reported clause holds this one: in `Holm said the ad
    "wrongly" suggests …` the words quoted are Holm's, not the ad's."""
    outer = node = cue
    while node.dep_ in _REPORTED and node.head.i != node.i:
        node = node.head
        if node.i in ids:
            outer = node
    return outer


def _parenthetical(quoted: Span, cues: Sequence[Token]) -> Token | None:
    """A cue hanging from the quote: `"…," he said, "…"` parsed with the quote as root."""
    inside = range(quoted.start, quoted.end)
    return next((cue for cue in cues if any(a.i in inside for a in cue.ancestors)), None)


def _subordinate(verb: Token) -> bool:
    """`… when Clinton blasted him`, `an architect who said …`: a clause about the quote's
    moment or about a noun, not the quote's own attribution."""
    return verb.dep_ == "relcl" or any(c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children)


def _as_cue(verb: Token) -> bool:
    """`…, as a Homeland Security memo put it`: the clause attributes the words."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return marks == ["as"]


def _nearest(quoted: Span, cues: Sequence[Token]) -> Token | None:
    def distance(cue: Token) -> int:
        return quoted.start - cue.i if cue.i < quoted.start else cue.i - quoted.end

    return min(cues, key=distance, default=None)


def cue_of_quote(
    parsed: ArticleDoc, quoted: Span, masked: Masked, *, partial: bool
) -> Token | None:
    """The cue in the sentences of the quote, outside any quotation. A fragment quoted
    within a clause belongs to that clause's subject before any cue further off."""
    first, last = parsed.sentence_of(quoted.start), parsed.sentence_of(quoted.end - 1)
    cues = _cues(parsed.doc[first.start : last.end], masked)
    governing, holder = _governing(quoted, cues, masked)
    # `as X put it`, or an aside (`…, Mr. Obama said, …`), names whose words the sentence
    # holds, before any verb the fragment sits under.
    said_as = _nearest(quoted, [cue for cue in cues if _as_cue(cue) or cue.dep_ == "parataxis"])
    if governing is not None or said_as is not None:
        return governing or said_as
    if partial and holder is not None:
        return holder
    free = [cue for cue in cues if not _subordinate(cue)]
    return (
        _parenthetical(quoted, free)
        or _nearest(quoted, free)
        or holder
        or _signed_after(parsed, last, masked)
    )


def _signed_after(parsed: ArticleDoc, last: Span, masked: Masked) -> Token | None:
    """`"Why not?" the senator asked.`: the parser ends the sentence at the question
    mark; the attribution is the next sentence when it opens with one of its own."""
    doc = last.doc
    if last.end >= len(doc) or not masked(doc[last.end - 1]):
        return None
    following = parsed.sentence_of(last.end)
    cues = [
        cue
        for cue in _cues(following, masked)
        if (cue.dep_ == "ROOT" or cue.i - following.start < _LONGEST_SIGNING)
        and not _reports_something(cue)
    ]
    return cues[0] if cues else None


def _reports_something(cue: Token) -> bool:
    """A cue with words of its own to report: `He said the plan failed`."""
    return any(child.dep_ in _OWN_CONTENT for child in cue.children)


def introducing_cue(parsed: ArticleDoc, quoted: Span, masked: Masked) -> Token | None:
    """`Smith said:` closing the sentence or paragraph before a quote that starts anew."""
    before = quoted.start - 1
    doc = quoted.doc
    while before >= 0 and (doc[before].is_space or doc[before].is_quote):
        before -= 1
    if before < 0 or doc[before].text != ":":
        return None
    colon = doc[before]
    cues = _cues(doc[parsed.sentence_of(colon.i).start : colon.i], masked)
    return cues[-1] if cues else None


def signature(parsed: ArticleDoc, end: int) -> Token | None:
    """The last word of a name signed after the quote ending at character `end`."""
    match = _SIGNATURE.match(parsed.text, end)
    if match is None:
        return None
    doc = parsed.doc
    first = parsed.token_at(match.end())
    last = first
    while last + 1 < min(len(doc), first + _LONGEST_NAME) and doc[last + 1].is_title:
        last += 1
    return doc[last] if doc[first].is_title else None


def opening_signature(parsed: ArticleDoc, start: int) -> Token | None:
    """The last word of the name in `Said Ellis: “…”` before the quote at `start`."""
    paragraph_start = parsed.text.rfind("\n", 0, start) + 1
    match = _SAID_NAME.search(parsed.text, paragraph_start, start)
    if match is None:
        return None
    return parsed.doc[parsed.token_at(match.end("name") - 1)]
