"""Word tables of English news attribution, by lemma."""

from __future__ import annotations

# Verbs that attribute quoted words to a speaker: `"…," she said`, `he told reporters "…"`.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "ask",
        "answer",
        "argue",
        "claim",
        "complain",
        "declare",
        "explain",
        "insist",
        "note",
        "reply",
        "report",
        "state",
        "warn",
        "write",
        "acknowledge",
        "admit",
        "announce",
        "assert",
        "caution",
        "comment",
        "concede",
        "confirm",
        "contend",
        "deny",
        "emphasize",
        "emphasise",
        "observe",
        "predict",
        "promise",
        "recall",
        "remark",
        "respond",
        "stress",
        "suggest",
        "tweet",
        "vow",
        "urge",
        "quip",
        "joke",
        "shout",
        "yell",
        "scream",
        "whisper",
        "exclaim",
        "testify",
        "boast",
        "lament",
        "mutter",
        "reiterate",
        "retort",
        "counter",
        "charge",
        "allege",
        "maintain",
        "pledge",
        "threaten",
        "demand",
        "plead",
        "describe",
        "call",
        "post",
        "proclaim",
        "muse",
        "recount",
        "reckon",
        "agree",
        "continue",
        "accuse",
        "blast",
        "slam",
        "criticize",
        "criticise",
        "dismiss",
        "label",
        "brand",
        "dub",
        "decry",
        "denounce",
        "condemn",
        "mock",
        "praise",
        "hail",
    ]
)

# Verbs that report the content of a clause (`X said (that) …`, `…, X said`) without
# quoting it. Beyond speech, news attributes content to beliefs and to evidence:
# `officials believe …`, `a poll found …`.
REPORTING_VERBS = SPEECH_VERBS | frozenset(
    [
        "believe",
        "think",
        "worry",
        "fear",
        "hope",
        "expect",
        "know",
        "learn",
        "estimate",
        "find",
        "show",
        "indicate",
        "reveal",
        "signal",
        "hint",
        "mention",
        "remind",
        "acknowledge",
        "predict",
        "suspect",
        "conclude",
        "contend",
        "feel",
    ]
)

# Speech acts whose content is their object: `Clinton mentioned disparaging remarks`,
# `Trump called for the complete repeal of Obamacare` (with its particle or preposition).
OBJECT_VERBS = frozenset(
    [
        "cite",
        "show",
        "note",
        "claim",
        "mention",
        "discuss",
        "question",
        "criticize",
        "criticise",
        "attack",
        "blast",
        "slam",
        "praise",
        "propose",
        "endorse",
        "reference",
        "outline",
        "detail",
        "deny",
        "dispute",
        "defend",
        "blame",
        "highlight",
        "express",
        "reject",
        "condemn",
        "denounce",
        "unveil",
        "announce",
        "promise",
        "demand",
        "recommend",
        "lay",
        "tout",
        "predict",
    ]
)
# Objects that are where words came from, not what was said: `citing unnamed officials`.
SOURCE_NOUNS = frozenset(
    ["official", "source", "person", "people", "expert", "analyst", "aide", "report", "data"]
)
# Verbs that name something, their content the object and what it is called: `called
# the charges unsubstantiated`, `labelled him a liar`.
NAMING_VERBS = frozenset(["call", "label", "brand", "dub", "term", "deem"])
# Verbs whose content is the object of `for`: `called for the repeal`, `pushed for talks`.
FOR_VERBS = frozenset(["call", "push", "press", "lobby", "advocate", "argue", "plead"])
# Prepositions and particles that carry the object of a speech act: `called for`,
# `laid out`, `complained about`.
OBJECT_PREPOSITIONS = frozenset(["for", "out", "about"])

# Verbs whose reported content is an infinitive: `X vowed to …`, `X urged Y to …`.
INFINITIVE_VERBS = frozenset(
    [
        "want",
        "tell",
        "warn",
        "agree",
        "vow",
        "promise",
        "pledge",
        "threaten",
        "refuse",
        "urge",
        "ask",
        "call",
        "demand",
        "plead",
        "offer",
        "swear",
    ]
)

# Nouns that carry reported content in a clause: `repeated a demand that …`.
CONTENT_NOUNS = frozenset(
    [
        "demand",
        "claim",
        "warning",
        "statement",
        "assertion",
        "argument",
        "promise",
        "pledge",
        "insistence",
        "suggestion",
        "belief",
        "fear",
        "allegation",
        "charge",
        "reminder",
        "assurance",
        "announcement",
        "admission",
        "threat",
        "vow",
        "prediction",
        "accusation",
    ]
)

# What words come through: the subject of a cue (`a Kyodo News report said`) or the object
# of `in` / `on` beside it (`said in a statement`).
CHANNEL_NOUNS = frozenset(
    [
        "report",
        "statement",
        "interview",
        "article",
        "editorial",
        "tweet",
        "post",
        "letter",
        "memo",
        "release",
        "poll",
        "survey",
        "study",
        "broadcast",
        "speech",
        "newspaper",
        "paper",
        "magazine",
        "agency",
        "website",
        "column",
        "op-ed",
        "podcast",
        "video",
        "blog",
        "email",
        "document",
        "filing",
        "transcript",
        "communique",
        "briefing",
        "appearance",
        "program",
        "programme",
        "show",
        "channel",
        "network",
        "radio",
        "television",
        "twitter",
        "facebook",
        "message",
    ]
)

# Pronouns that stand for the noun their clause is about, and those that never name a
# source.
RELATIVE_PRONOUNS = frozenset(["who", "that", "which"])
NON_SOURCES = frozenset(["it", "i", "we", "you", "this", "that", "there", "which", "who"])
