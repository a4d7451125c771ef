"""The typed documents the API serves and the command line prints."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

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


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Paragraph(Model):
    index: int = Field(ge=0, description="Position of the paragraph in the body, from 0.")
    section: str | None = Field(None, description="Heading of the section it belongs to.")
    text: str
    start: int = Field(ge=0, description="Offset of its first character in `body`.")
    end: int = Field(ge=0, description="Offset just past its last character in `body`.")


class RelatedArticle(Model):
    title: str
    url: str | None = None


class ArticleSummary(Model):
    id: str = Field(description="Stable slug, from the URL's last path segment or the headline.")
    title: str | None
    byline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    word_count: int = Field(ge=0)


class Article(ArticleSummary):
    site_name: str | None = Field(None, description="The publication, from a web page's metadata.")
    dateline: str | None = Field(
        None, description="The wire or release dateline read off the lead: `HAVANA (AP)`."
    )
    image_caption: str | None = None
    image_credit: str | None = None
    sections: list[str] = []
    related_articles: list[RelatedArticle] = []
    paragraphs: list[Paragraph] = []
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


class Quote(Located):
    id: str
    kind: QuoteKind
    text: str = Field(description="The words between the marks, or the reported content.")
    speaker: SpeakerRef | None = None
    cue: str | None = Field(None, description="The word that attributes it: `said`, `told`.")
    audience: str | None = Field(None, description="Who it was said to: `reporters`.")
    said_on: str | None = Field(None, description="Id of the date mention saying when.")
    channel: str | None = Field(None, description="What carried it: `a Kyodo News report`.")


class Mention(Model):
    text: str
    kind: MentionKind
    field: MentionField = "body"
    paragraph: int | None = Field(None, description="Paragraph index for body mentions.")
    start: int = Field(ge=0, description="Character offset within `field`.")
    end: int = Field(ge=0)


class Role(Model):
    title: str
    affiliation: str | None = None


class Actor(Model):
    id: str
    name: str
    type: ActorType
    kind: str | None = Field(None, description="Finer kind: country, city, newspaper, ministry…")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    roles: list[Role] = []
    mentions: list[Mention] = []
    salience: float = Field(0.0, ge=0.0, le=1.0)
    quote_ids: list[str] = []


class Interval(Model):
    start: dt.date
    end: dt.date = Field(description="Exclusive end.")


class DateMention(Located):
    id: str
    text: str
    type: DateType
    value: str | None = Field(None, description="TIMEX3 value, null when it cannot be normalised.")
    mod: str | None = Field(None, description="TIMEX3 mod: MORE_THAN, APPROX, START, END…")
    granularity: str | None = None
    interval: Interval | None = None
    anchor: str | None = Field(
        None, description="`publication`, or the id of the date mention it is relative to."
    )
    direction: Direction | None = None
    quote_id: str | None = None


class TimelineEntry(Model):
    """A dated statement: a resolved date and the sentence that says what happened then."""

    date_id: str
    text: str = Field(description="The date expression as written.")
    value: str | None
    interval: Interval
    paragraph: int
    sentence: str
    actor_ids: list[str] = Field(description="Actors mentioned in the sentence.")
    quote_ids: list[str] = Field(description="Quotes in the sentence.")


class Facts(Model):
    article: Article
    quotes: list[Quote]
    actors: list[Actor]
    dates: list[DateMention]


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="Article text: scraped markdown or plain text.")
    title: str | None = Field(None, description="Headline, when `text` carries none.")
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD.")


class ExtractHtmlRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    html: str = Field(
        min_length=1, description="A whole HTML page: its main text is the article's body."
    )
    title: str | None = Field(None, description="Headline; wins over the page's.")
    published: IsoDate | None = Field(
        None, description="Publication date, YYYY-MM-DD; wins over the page's metadata."
    )
