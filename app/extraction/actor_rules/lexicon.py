"""Word tables of English news prose that the actor rules consult (all lower case)."""

from __future__ import annotations

from typing import Literal

from app.models import ActorType

Gender = Literal["m", "f"]

# spaCy's OntoNotes labels that name an actor; NORP (nationalities, parties) never does.
ENTITY_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}

DETERMINERS = frozenset({"the", "a", "an"})

# spaCy's labels of numbers and times: their words are never part of a name.
NUMERIC_ENTITIES = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)

# Faiths and the endings of words for creeds and their followers: beliefs, not actors.
FAITHS = frozenset({"islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism"})
CREED_ENDINGS = ("ism", "isms", "phobia")

# `the North` stands for `North Korea` once the country is named.
COMPASS_POINTS = frozenset({"north", "south", "east", "west"})

# Time zones that wire copy capitalises and the model takes for organisations (`10 a.m. GMT`).
TIME_ZONES = frozenset({"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "msk"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of a sports report: a country or city acting in a sentence with one of them (or
# with a score) is its team (`Sweden defeated South Korea 1–0`).
SPORT_WORDS = _words(
    """match game goal goals penalty striker midfielder goalkeeper defender referee
    kick-off half-time halftime fixture derby qualifier equaliser equalizer"""
)
# Verbs of one side playing another (`Southampton beat Wolves`, `drew with Wolves`), in
# every form, so that the text can be searched for them.
MATCH_VERBS = _words(
    """beat beats beaten beating defeat defeats defeated draw draws drew drawn lose loses lost
    face faces faced host hosts hosted play plays played thrash thrashed edge edged
    overcome overcame rout routed stun stunned eliminate eliminated hold holds held tie
    ties tied"""
)
# Prepositions that make a place where something happens, not who acts.
LOCATIVE_PREPOSITIONS = _words("in at from near to into across around outside inside")

# Head nouns of institutions whose names go on with `of` or `for` (`Ministry of Culture`,
# `Council for the Welfare of Immigrants`).
INSTITUTION_HEADS = _words(
    """council foundation ministry department institute university association society
    commission committee agency office board bureau center centre school college academy
    league alliance union federation movement fund court museum church municipality"""
)
# Last words of the names of places (`Orange County`, `Pearl River`, `Victoria Station`).
PLACE_HEADS = _words(
    """county province prefecture island islands river lake bay sea ocean
    peninsula strait valley mountain mountains station airport stadium street avenue
    square bridge hotel mosque temple cathedral"""
)
# Natural features named with `of` before a name (`the Plains of Arafat`, `the Bay of Biscay`).
FEATURES_OF = _words("plains plain gulf bay strait straits isle sea lake cape")
# Last words of the names of events (`Lantern Festival`, `World Cup`), which are no actors.
EVENT_HEADS = _words(
    """festival fair expo exhibition conference summit games olympics cup championship
    championships tournament marathon awards"""
)
# Nouns for things people make, use or watch: a name after one (`the film Easy Rider`,
# `the browser Firefox`) is a work or a product, no actor.
WORK_NOUNS = _words(
    """film movie documentary novel book memoir album song single series sitcom show
    musical opera play game video browser app software console smartphone phone car
    vaccine drug brand product painting sculpture"""
)

# Words that make the phrase before a name a title or role (`Foreign Minister`, `Japanese
# counterpart`, `campaign manager`), and that the model sometimes tags as part of a
# PERSON entity, where they are no part of the name.
TITLE_WORDS = _words(
    """president vice prime minister secretary chief cabinet general attorney senator sen. sen
    rep. rep representative congressman congresswoman lawmaker legislator gov. gov governor
    mayor king queen prince princess emperor empress sheikh chancellor premier ambassador
    envoy diplomat consul spokesman spokeswoman spokesperson aide adviser advisor director
    chairman chairwoman chair ceo executive founder president-elect manager strategist
    commander gen. lt. col. maj. capt. sgt. adm. officer judge justice prosecutor lawyer
    pope archbishop bishop rev. cardinal imam rabbi dr. dr prof. professor expert analyst
    economist scientist researcher historian mr. mr mrs. mrs ms. ms miss sir lord lady dame
    speaker leader candidate nominee counterpart deputy official head editor columnist
    correspondent reporter anchor host commentator critic pollster author coach detective
    sergeant lieutenant captain colonel inspector agent trooper sheriff"""
)
# Words that qualify a title (`former Foreign Minister`): stripped from a PERSON entity's
# front like titles, but no title by themselves.
TITLE_MODIFIERS = _words(
    """former then acting late ex first foreign defense defence finance interior emeritus
    shadow deputy"""
)

# Prefixes that make an adjective of a name (`pro-Beijing`, `anti-Kremlin`, `ex-Labour`).
PREFIXES = _words("pro anti ex non pan post pre neo pseudo quasi mid")
# Words that make an adjective of a name after a hyphen (`Warhol-like`, `Ohio-based`).
SUFFIX_WORDS = _words(
    """like based led backed style born owned run made era type linked allied aligned
    friendly funded controlled held bound"""
)

# Suffixes that tell a son from his father of the same name.
GENERATIONS = _words("jr jr. sr sr. ii iii iv v vi vii viii ix x xi xii")

# Titles that are part of how a monarch or pope is named (`Queen Elizabeth II`, `Pope
# Francis`): kept in the name, so that `the Queen` alone finds who it stands for.
ROYAL_TITLES = _words("king queen prince princess emperor empress pope")
# Forms of address that stand for the article's one monarch: `Her Majesty`.
ROYAL_ADDRESSES = _words("majesty highness")

# Honorifics tell a person's gender and are not roles.
HONORIFICS: dict[str, Gender] = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dame": "f",
}

# Nouns that describe a person by a relation, not a role, and tell the gender.
KINSHIP: dict[str, Gender] = {
    "father": "m",
    "son": "m",
    "brother": "m",
    "husband": "m",
    "uncle": "m",
    "grandfather": "m",
    "nephew": "m",
    "grandson": "m",
    "mother": "f",
    "daughter": "f",
    "sister": "f",
    "wife": "f",
    "aunt": "f",
    "grandmother": "f",
    "niece": "f",
    "widow": "f",
    "granddaughter": "f",
}

# Role words that tell the gender of whoever holds them.
GENDERED_ROLE_WORDS: dict[str, Gender] = {
    "spokesman": "m",
    "chairman": "m",
    "congressman": "m",
    "king": "m",
    "prince": "m",
    "emperor": "m",
    "spokeswoman": "f",
    "chairwoman": "f",
    "congresswoman": "f",
    "queen": "f",
    "princess": "f",
    "empress": "f",
    "lady": "f",
}

# Third-person pronouns that refer to a person: gender and grammatical use.
PronounUse = Literal["subject", "object", "possessive", "reflexive"]
PERSON_PRONOUNS: dict[str, tuple[Gender, PronounUse]] = {
    "he": ("m", "subject"),
    "him": ("m", "object"),
    "his": ("m", "possessive"),
    "himself": ("m", "reflexive"),
    "she": ("f", "subject"),
    "her": ("f", "object"),
    "hers": ("f", "possessive"),
    "herself": ("f", "reflexive"),
}

# The last word of an organisation's name tells that it is one, and often its kind.
ORG_HEADS: dict[str, str | None] = {
    "ministry": "ministry",
    "department": "government department",
    "office": None,
    "university": "university",
    "college": "university",
    "institute": "institute",
    "school": "school",
    "news": "news agency",
    "press": "news agency",
    "agency": "agency",
    "times": "newspaper",
    "post": "newspaper",
    "journal": "newspaper",
    "herald": "newspaper",
    "tribune": "newspaper",
    "gazette": "newspaper",
    "telegraph": "newspaper",
    "party": "party",
    "inc": "company",
    "inc.": "company",
    "corp": "company",
    "corp.": "company",
    "corporation": "company",
    "co.": "company",
    "ltd": "company",
    "ltd.": "company",
    "llc": "company",
    "plc": "company",
    "bank": "bank",
    "council": None,
    "commission": None,
    "committee": None,
    "court": "court",
    "center": None,
    "centre": None,
    "fund": None,
    "service": None,
    "foundation": "foundation",
    "association": "association",
    "federation": None,
    "parliament": "legislature",
    "duma": "legislature",
    "assembly": "legislature",
    "bundestag": "legislature",
    "knesset": "legislature",
    "congress": "legislature",
    "senate": "legislature",
    "army": "armed forces",
    "navy": "armed forces",
}

# A name followed by one of these nouns names a news outlet: `the Sankei newspaper`.
# Social platforms news prose cites as channels (`wrote on Twitter`); the small model
# often takes them for people.
PLATFORMS = frozenset(
    [
        "twitter",
        "facebook",
        "instagram",
        "youtube",
        "tiktok",
        "linkedin",
        "telegram",
        "whatsapp",
        "reddit",
        "snapchat",
        "weibo",
        "wechat",
        "truth social",
        "threads",
        "bluesky",
    ]
)

MEDIA_NOUNS: dict[str, str] = {
    "newspaper": "newspaper",
    "daily": "newspaper",
    "tabloid": "newspaper",
    "magazine": "magazine",
    "weekly": "magazine",
    "broadcaster": "broadcaster",
    "television": "broadcaster",
    "tv": "broadcaster",
    "radio": "broadcaster",
    "network": "broadcaster",
    "website": "news website",
    "site": "news website",
    "outlet": "news outlet",
    "news": "news agency",
    "agency": "news agency",
}

# A name before `report` is who reported (`a Kyodo News report`) unless it is a person or place.
REPORT_NOUNS = frozenset({"report", "reports", "reporting", "poll", "survey", "editorial"})

# Words of a byline or photo credit that mark an organisation rather than a person.
CREDIT_ORG_WORDS = frozenset(
    set(ORG_HEADS)
    | {"photo", "photos", "images", "pictures", "staff", "wire", "service", "pool"}
    | {"presse", "commons", "media", "tv", "online"}
)
# Words that label a credit after a caption (`… in Washington. Image: Jane Roe`).
CREDIT_LABELS = frozenset({"image", "photo", "picture", "video", "audio", "credit", "source"})
# Trailing words of a photo credit that say what was credited, not who.
CREDIT_SUFFIXES = frozenset({"photo", "photos", "file", "pool", "handout", "via"})

# Head nouns that make the thing a stated alias or an apposition names (`The islands are
# known as …`, `Gazprom, the state energy giant,`) a place or an organisation.
GEO_NOUNS = _words(
    """island region territory area city town village province peninsula river sea strait
    mountain valley country state district border archipelago"""
)
ORG_NOUNS = _words(
    """company group party organization organisation agency firm movement militia giant maker
    producer manufacturer operator bank lender carrier airline retailer insurer network
    broadcaster newspaper daily outlet university institute tank foundation charity ministry
    department court committee council body regulator watchdog club team army union pollster
    center centre fund service"""
)
