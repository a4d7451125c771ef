"""The typed documents the API serves and the command line prints."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

QuoteKind = Literal["direct", "partial", "indirect"]
ActorType = Literal["person", "organization", "place"]
MentionKind = Literal["name", "pronoun", "description"]
MentionField = Literal["title", "byline", "dateline", "image_caption", "image_credit", "body"]
DateType = Literal["date", "time", "duration", "set"]
Direction = Literal["past", "same", "future"]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    """Pydantic would take `0` or `1700000000` as a date; clients mean YYYY-MM-DD."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    if isinstance(value, int | float):
        raise ValueError("expected a date as YYYY-MM-DD, not a number")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]

BLANK_TEXT = "The text is blank."
MAX_TITLE_CHARS = 1000


def _encodable(value: str) -> str:
    """JSON may escape a lone surrogate (`"\\ud800"`), but it is no character: the facts
    could not be written back as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PydanticCustomError(
            "lone_surrogate",
            "A lone surrogate at position {position} is not a character; send UTF-8 text.",
            {"position": error.start},
        ) from None
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", BLANK_TEXT)
    return value


UnicodeText = Annotated[str, AfterValidator(_encodable)]
# What `_not_blank` checks, said in the schema: at least one character that is not a space.
NOT_BLANK_SCHEMA: dict[str, Any] = {"pattern": r"\S"}


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Paragraph(Model):
    index: int = Field(ge=0, description="Position of the paragraph in the body, from 0.")
    section: str | None = Field(None, description="Heading of the section it belongs to.")
    text: str = Field(description="The paragraph's text, as it stands in `body`.")
    start: int = Field(ge=0, description="Offset of its first character in `body`.")
    end: int = Field(ge=0, description="Offset just past its last character in `body`.")


class RelatedArticle(Model):
    title: str = Field(description="Headline of the linked article.")
    url: str | None = Field(None, description="Its address, when the link gives one.")


class ArticleSummary(Model):
    id: str = Field(description="Stable slug, from the URL's last path segment or the headline.")
    title: str | None = Field(description="The headline; null when the text has none.")
    byline: str | None = Field(None, description="Author or agency, from the `By` line.")
    published: dt.date | None = Field(
        None, description="Publication date; relative dates resolve against it."
    )
    url: str | None = Field(None, description="Original address of the article.")
    word_count: int = Field(ge=0, description="Words in the body.")


class Article(ArticleSummary):
    site_name: str | None = Field(None, description="The publication, from a web page's metadata.")
    dateline: str | None = Field(
        None, description="The wire or release dateline read off the lead: `HAVANA (AP)`."
    )
    image_caption: str | None = Field(None, description="Caption of the lead image.")
    image_credit: str | None = Field(None, description="Who took or supplied the image.")
    sections: list[str] = Field([], description="Section headings, in order.")
    related_articles: list[RelatedArticle] = Field(
        [], description="`Related article` links found in the text (not part of the body)."
    )
    paragraphs: list[Paragraph] = Field([], description="The body's paragraphs, in order.")
    body: str = Field(description="The body text; paragraphs are joined by a blank line.")


class Located(Model):
    """Where a fact stands in the article body."""

    paragraph: int = Field(ge=0, description="Index of the paragraph where it starts.")
    start: int = Field(ge=0, description="Character offset in `article.body`.")
    end: int = Field(ge=0, description="Character offset just past it in `article.body`.")
    sentence: str = Field(description="The sentence it came from.")
    sentence_start: int = Field(ge=0, description="Offset of the sentence in `article.body`.")
    sentence_end: int = Field(ge=0, description="Offset just past the sentence.")


class SpeakerRef(Model):
    id: str | None = Field(description="Actor id; null for an unnamed source.")
    name: str = Field(description="Canonical actor name, or the description of an unnamed source.")


class Segment(Model):
    start: int = Field(ge=0, description="Character offset in `article.body`.")
    end: int = Field(ge=0, description="Character offset just past it in `article.body`.")


class Quote(Located):
    id: str = Field(description="Stable id within the article: `q1`, `q2`… in reading order.")
    kind: QuoteKind = Field(
        description="`direct`: a whole quoted statement; `partial`: a few quoted words inside "
        "the writer's sentence; `indirect`: reported speech with no quotation marks."
    )
    text: str = Field(
        description="The words a reader would quote: those between the marks (without the "
        "marks, the spaces inside them, or the comma that hands over to the attribution), an "
        "answer or question of an interview (without its `Q:` or `Name:` label), or the "
        "reported content. It is `article.body[start:end]` when `segments` has one entry, "
        "else the text of each segment joined by a space."
    )
    segments: list[Segment] = Field(
        min_length=1,
        description="Where the words stand in `article.body`, in reading order: one range "
        "for words read in one piece; one per paragraph (or line) for a quote that runs over "
        "several, whose continuing paragraphs open with a mark of their own; and the pieces "
        "around an aside left out of reported speech (`Bridges, she said, bring trade`). "
        "`start` is the first one's start and `end` the last one's end.",
    )
    speaker: SpeakerRef | None = Field(None, description="Who said it; null when no one is named.")
    cue: str | None = Field(None, description="The word that attributes it: `said`, `told`.")
    audience: str | None = Field(None, description="Who it was said to: `reporters`.")
    said_on: str | None = Field(
        None,
        description="Id of the date mention in the clause of the quote's own cue that says when "
        "it was said (`told reporters Wednesday`); that mention's `quote_id` is this quote.",
    )
    channel: str | None = Field(None, description="What carried it: `a Kyodo News report`.")


class Mention(Model):
    text: str = Field(description="The words as written.")
    kind: MentionKind = Field(
        description="`name` (`Sergei Lavrov`), `pronoun` (`he`) or `description` "
        "(`the foreign minister`)."
    )
    field: MentionField = Field("body", description="Which field of the article it is in.")
    paragraph: int | None = Field(None, description="Paragraph index for body mentions.")
    start: int = Field(ge=0, description="Character offset within `field`.")
    end: int = Field(ge=0, description="Character offset just past it within `field`.")


class Role(Model):
    title: str = Field(description="The role as written: `Foreign Minister`, `spokesman`.")
    affiliation: str | None = Field(None, description="Whose role it is: a country, a party…")


class Actor(Model):
    id: str = Field(description="Stable id within the article: a slug of the name.")
    name: str = Field(description="Canonical name: the fullest name the article uses.")
    type: ActorType = Field(description="`person`, `organization` or `place`.")
    kind: str | None = Field(None, description="Finer kind: country, city, newspaper, ministry…")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    roles: list[Role] = Field([], description="Titles and functions the article gives it.")
    mentions: list[Mention] = Field([], description="Every place the article refers to it.")
    salience: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="How central the actor is to the article, from 0 to 1, relative to the "
        "most central actor (1.0): mentions weigh more by name than by pronoun, in the "
        "headline and early paragraphs than late, and each quote the actor said adds to it.",
    )
    quote_ids: list[str] = Field([], description="Ids of the quotes it said.")


class Interval(Model):
    start: dt.date = Field(description="First day.")
    end: dt.date = Field(description="Exclusive end.")


class DateMention(Located):
    id: str = Field(description="Stable id within the article: `d1`, `d2`… in reading order.")
    text: str = Field(description="The expression as written, with its modifier: `early 2018`.")
    type: DateType = Field(
        description="TIMEX3 type: `date` (a day, week, month, year…), `time` (a time of day), "
        "`duration` (`three years`) or `set` (`every week`)."
    )
    value: str | None = Field(None, description="TIMEX3 value, null when it cannot be normalised.")
    mod: str | None = Field(None, description="TIMEX3 mod: MORE_THAN, APPROX, START, END…")
    quant: str | None = Field(
        None, description="TIMEX3 quant of a set: `EVERY` (`every six months`), `EACH`."
    )
    granularity: str | None = Field(
        None,
        description="The unit the value counts in: `time` (of day), `day`, `weekend`, `week`, "
        "`month`, `quarter`, `season`, `half`, `year`, `decade` or `century` (the unit of a "
        "duration or of a set's repetition too); null when it has none.",
    )
    interval: Interval | None = Field(
        None, description="The days the value covers; null when it cannot be placed on a calendar."
    )
    anchor: str | None = Field(
        None,
        description="What a relative expression was counted from: `publication` (the "
        "article's `published` date), or the id of the earlier date mention it refers to "
        "(`a day later`); null for an absolute date (`Jan. 16, 2019`).",
    )
    direction: Direction | None = Field(
        None,
        description="Where the date lies from its `anchor`: `past` (before it), `same` (the "
        "period holds it) or `future` (after it); null for an absolute date.",
    )
    quote_id: str | None = Field(
        None,
        description="Id of the quote this date says was said then (`Lavrov told reporters "
        "Wednesday`); that quote's `said_on` is this mention.",
    )


class TimelineEntry(Model):
    """A dated statement: a resolved date and the sentence that says what happened then."""

    date_id: str = Field(description="Id of the date mention.")
    text: str = Field(description="The date expression as written.")
    value: str | None = Field(description="Its TIMEX3 value.")
    interval: Interval = Field(description="The days it covers; the timeline's order.")
    paragraph: int = Field(description="Index of the paragraph it is in.")
    sentence: str = Field(description="The sentence that says what happened then.")
    actor_ids: list[str] = Field(description="Actors mentioned in the sentence.")
    quote_ids: list[str] = Field(
        description="Quotes said on this date (whose `said_on` is this mention)."
    )


class Facts(Model):
    article: Article = Field(description="The article the facts come from.")
    quotes: list[Quote] = Field(description="Quotes in reading order.")
    actors: list[Actor] = Field(description="Actors, most salient first.")
    dates: list[DateMention] = Field(description="Temporal expressions in reading order.")


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[UnicodeText, AfterValidator(_not_blank)] = Field(
        min_length=1,
        json_schema_extra=NOT_BLANK_SCHEMA,
        description="Article text: scraped markdown or plain text. Its length is limited by "
        "the service's settings (413 beyond).",
    )
    title: UnicodeText | None = Field(
        None, max_length=MAX_TITLE_CHARS, description="Headline, when `text` carries none."
    )
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD.")


class ArticleRef(Model):
    id: str = Field(description="The article's id.")
    title: str | None = Field(description="Its headline.")
    published: dt.date | None = Field(description="Its publication date.")


class KeyedSpeaker(SpeakerRef):
    key: str | None = Field(
        description="The speaker's key across articles (`GET /v1/actors/{key}`); null for an "
        "unnamed source, which is no actor."
    )


class ArchiveQuote(Quote):
    """A quote found across the archive, with the article it is in."""

    speaker: KeyedSpeaker | None = Field(
        None, description="Who said it; null when no one is named."
    )
    article: ArticleRef = Field(description="The article the quote is in.")


class ArchiveActor(Model):
    """One real-world actor across every article it appears in."""

    key: str = Field(
        description="Stable key across articles: a slug of the name and a digest of the folded "
        "name and type (with the article, for a person named by one word only)."
    )
    name: str = Field(description="Canonical name.")
    type: ActorType = Field(description="`person`, `organization` or `place`.")
    kind: str | None = Field(None, description="Finer kind: country, city, newspaper, ministry…")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    article_count: int = Field(ge=0, description="Articles it appears in.")
    quote_count: int = Field(ge=0, description="Quotes it said, in all of them.")
    first_seen: dt.date | None = Field(description="Earliest publication date of those articles.")
    last_seen: dt.date | None = Field(description="Latest publication date of those articles.")
    roles: list[Role] = Field([], description="The roles the articles give it, each once.")


class ArchiveTimelineEntry(TimelineEntry):
    """A dated statement of one article, in a timeline across articles."""

    actor_keys: list[str] = Field(description="Keys of the actors in the sentence.")
    article: ArticleRef = Field(description="The article the statement is in.")


class ExtractHtmlRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    html: Annotated[UnicodeText, AfterValidator(_not_blank)] = Field(
        min_length=1,
        json_schema_extra=NOT_BLANK_SCHEMA,
        description="A whole HTML page: its main text is the article's body. Its size is "
        "limited by the service's settings (413 beyond).",
    )
    title: UnicodeText | None = Field(
        None, max_length=MAX_TITLE_CHARS, description="Headline; wins over the page's."
    )
    published: IsoDate | None = Field(
        None, description="Publication date, YYYY-MM-DD; wins over the page's metadata."
    )
