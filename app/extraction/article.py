"""Parse an article file (scraped markdown or plain text) into an `Article`.

The scraped layout: a ``#`` headline, a ``By`` byline, a dateline, a bold image
caption with its credit after `` / ``, body paragraphs with ``##`` section headings,
``**Related article:** [title](link)`` lines and an ``Original url:`` footer.
Plain text is taken with its first line as the headline when that line reads like one,
and with one paragraph a line when its lines read as whole paragraphs. A wire or press
release dateline (`WASHINGTON, July 31 (Reuters) -`) opening the lead is read into
`Article.dateline` (the pipeline keeps it a sentence apart from the lead); a press
release's closing furniture (`###`, `About Acme`, `Media contact:`, `Forward-looking
statements`) is not article prose and is dropped, and so are lines made only of symbols
(`* * *`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from dateutil import parser as date_parser

from app.extraction.ids import slug
from app.models import Article, Paragraph, RelatedArticle

PARAGRAPH_SEPARATOR = "\n\n"
# Hard-wrapped text keeps its lines to about 80 characters.
_LONGEST_WRAPPED_LINE = 100

# Bounded, so that a text full of unclosed `[` or `_` costs linear time.
_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_LINK_PARTS = re.compile(r"\[([^\]\n]{0,500})\]\(([^)\n]{0,2000})\)")
_ANGLE_URL = re.compile(r"^<(https?://[^>\s]+)>$")
_BARE_URL = re.compile(r"^(https?://\S+)$")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.{1,500}?)(?<=\S)\3(?![\w*])"
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BYLINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)
_RELATED = re.compile(
    r"^\*\*\s*(?:related(?: article| story| reading)?s?)\s*:?\s*\*\*\s*:?\s*(.*)$", re.I
)
_BOLD_LINE = re.compile(r"^\*\*(.+)\*\*$")
_URL_FOOTER = re.compile(r"^(?:original\s+)?(?:url|source)\s*:\s*(.*)$", re.IGNORECASE)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}})(?:[,\s]+\d{{1,2}}:\d{{2}}.*)?$",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")
_SENTENCE_END = re.compile(r"[.!?\"”’]$")
# A first line ending so leads into the text below it: a dateline (`NAIROBI, Kenya (AP) _`)
# or an introduction (`On Monday, Oct. 26:`), not a headline.
_LEAD_MARK = re.compile(r"(?:\s[_—–-]+|--|[:;,])$")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_HEADLINE_MAX_WORDS = 25
# Words that Title Case leaves in lower case; any other lower-case word of more than three
# letters in a line ending in a full stop makes it a sentence (`visited the hospital`).
_TITLE_CASE_LOWER = frozenset(
    {
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "over",
        "than",
        "that",
        "this",
        "about",
        "after",
        "amid",
        "near",
        "when",
    }
)
# A headline does not end on a word that needs another after it.
_DANGLING = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "is",
        "are",
        "was",
        "were",
    }
)
# Two sentences on one line: `Markets fell. Investors fled.`
_TWO_SENTENCES = re.compile(r"[a-z0-9][.!?][\"”’]?\s+[\"“‘]?[A-Z]")
# A line that opens a paragraph: a capital, a digit or an opening quotation mark.
_OPENS_PARAGRAPH = re.compile(r"^[\"“‘'(]?[A-Z0-9]")

# Wire and release datelines: a place in capitals, maybe a region, a date, an agency in
# parentheses or slashes, then a dash: `WASHINGTON, July 31 (Reuters) -`, `HAVANA (AP) —`,
# `SAN FRANCISCO, March 4, 2024 /PRNewswire/ --`, `NAIROBI, Kenya (AP) _`.
_WIRE_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*)"
    rf"(?:,\s+(?!{_MONTHS}\s+\d)[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}})?"
    rf"(?:,?\s+(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}})(?:,\s+(?P<year>\d{{4}}))?)?"
    rf"(?:\s*(?:\([^()\n]{{1,40}}\)|/[^/\n]{{1,40}}/))?)"
    rf"\s*(?:--|[-—–_])(?:\s+|$)"
)
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
# Where a press release's closing furniture starts: nothing from there on is prose.
_FURNITURE = re.compile(
    r"^(?:#{3}|-30-|"
    r"(?i:(?:media|press|investor|news)\s+(?:contacts?|relations|inquiries|enquiries)\b.*)|"
    r"(?i:contacts?\s*:.*)|"
    r"(?i:(?:cautionary\s+(?:note|statement)\s+regarding\s+)?forward[- ]looking\s+statements?\b.*)|"
    r"(?i:safe\s+harbou?r\s+statement\b.*)|"
    # `About Acme Robotics` (`, Inc.`): a heading of capitalised words, not `About half…`
    r"About\s+[A-Z][\w&'’.-]*(?:,?\s+(?:[A-Z&][\w&'’.-]*|of|and|for|the))*|"
    r"SOURCE\s+[A-Z].{0,60})$"
)
_NO_WORD = re.compile(r"^[^\w]*$")


def clean_inline(text: str) -> str:
    """Reduce markdown links to their text and drop emphasis markers."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    return re.sub(r"\s+", " ", text).strip()


def article_id(url: str | None, title: str | None, body: str) -> str:
    """A stable id: the URL's last path segment, else the headline, else a hash of the body."""
    if url:
        segments = [s for s in urlparse(url).path.split("/") if s]
        if segments and (from_url := slug(segments[-1].rsplit(".", 1)[0], max_length=80)):
            return from_url
    if title and (from_title := slug(title, max_length=80)):
        return from_title
    return "article-" + hashlib.sha256(body.encode()).hexdigest()[:12]


def _parse_date(text: str) -> dt.date | None:
    try:
        return date_parser.parse(text, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def _date_from_url(url: str | None) -> dt.date | None:
    if not url or not (match := _URL_DATE.search(url)):
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _looks_like_headline(line: str) -> bool:
    """Short, starting with a capital, not ending on a word that needs more, one sentence
    at most; and when it ends in a full stop, in Title Case (a sentence-case line ending in
    one is the lead: `Health Minister Sarah Okafor visited the hospital on Monday.`)."""
    words = _WORD.findall(line)
    if not words or len(words) > _HEADLINE_MAX_WORDS or _LEAD_MARK.search(line):
        return False
    if line[0].islower():  # headlines start with a capital; this is a sentence's tail
        return False
    if words[-1].lower() in _DANGLING or _TWO_SENTENCES.search(line):
        return False
    if not _SENTENCE_END.search(line):
        return True
    lower_words = [w for w in words if len(w) > 3 and w[0].islower() and w not in _TITLE_CASE_LOWER]
    return not lower_words


@dataclass
class _Draft:
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    section: str | None = None
    related: list[RelatedArticle] = field(default_factory=list)
    paragraphs: list[tuple[str | None, str]] = field(default_factory=list)
    is_markdown: bool = False
    awaiting_url: bool = False

    def clean(self, text: str) -> str:
        return clean_inline(text) if self.is_markdown else re.sub(r"\s+", " ", text).strip()

    def add_block(self, block: str) -> None:
        if self.awaiting_url:
            self.awaiting_url = False
            if url := _footer_url(block):
                self.url = url
                return
        if heading := _HEADING.match(block):
            text = clean_inline(heading.group(2))
            if len(heading.group(1)) == 1 and self.title is None and not self.paragraphs:
                self.title = text
            else:
                self.section = text
            return
        if footer := _URL_FOOTER.match(block):
            self.url = _footer_url(footer.group(1)) or self.url
            self.awaiting_url = self.url is None
            return
        if related := _RELATED.match(block):
            link = _LINK_PARTS.search(related.group(1))
            title = clean_inline(link.group(1) if link else related.group(1))
            url = link.group(2).strip() if link and link.group(2).strip() not in ("", "#") else None
            self.related.append(RelatedArticle(title=title, url=url))
            return
        if not self.paragraphs and self._take_front_matter(block):
            return
        if text := self.clean(block):
            self.paragraphs.append((self.section, text))

    def _take_front_matter(self, block: str) -> bool:
        """Byline, dateline and image caption stand before the first body paragraph."""
        if self.byline is None and (byline := _BYLINE.match(block)) and "\n" not in block:
            self.byline = self.clean(byline.group(1))
            return True
        if self.published is None and _DATELINE.match(block.strip()):
            self.published = _parse_date(block)
            return self.published is not None
        if self.is_markdown and self.image_caption is None and (bold := _BOLD_LINE.match(block)):
            caption, _, credit = clean_inline(bold.group(1)).rpartition(" / ")
            self.image_caption = caption or credit
            self.image_credit = credit if caption else None
            return True
        return False


def _footer_url(text: str) -> str | None:
    text = text.strip()
    match = _ANGLE_URL.match(text) or _BARE_URL.match(text)
    return match.group(1) if match else None


def _blocks(text: str) -> list[str]:
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return [b.strip() for b in re.split(r"\n\s*\n", normalised) if b.strip()]


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """A block's lines are paragraphs, not the hard-wrapped lines of one: one of them is
    longer than any wrapped text has, or each line (after a first that reads as a
    headline) is a whole sentence: it opens like a paragraph and ends like a sentence."""
    if any(len(line) > _LONGEST_WRAPPED_LINE for line in lines):
        return True
    rest = lines[1:] if _looks_like_headline(lines[0]) else lines
    return len(lines) > 1 and all(
        _OPENS_PARAGRAPH.match(line) and _SENTENCE_END.search(line) for line in rest
    )


def _line_paragraphs(blocks: list[str]) -> list[str]:
    """Plain text that puts one paragraph on each line, with no blank line between, is
    split at its newlines; hard-wrapped paragraphs stay whole."""
    split: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        split.extend(lines if _one_paragraph_per_line(lines) else [block])
    return split


def _is_markdown(blocks: list[str]) -> bool:
    return any(
        _HEADING.match(b) or _BOLD_LINE.match(b) or _LINK.search(b) or _URL_FOOTER.match(b)
        for b in blocks
    )


@dataclass(frozen=True)
class ArticleMetadata:
    """What is known of an article besides its paragraphs."""

    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    site_name: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None


@dataclass(frozen=True)
class Dateline:
    text: str  # `WASHINGTON, July 31 (Reuters)`, without its dash
    place: str  # `WASHINGTON`
    month: int | None = None
    day: int | None = None
    year: int | None = None

    def date(self, published: dt.date | None) -> dt.date | None:
        """The day it names: with its own year, else in the year that puts it nearest to
        `published` (a `Dec. 31` dateline on a story published on Jan. 2)."""
        if self.month is None or self.day is None:
            return None
        years = [self.year] if self.year else []
        if not years and published is not None:
            years = [published.year - 1, published.year, published.year + 1]
        candidates: list[dt.date] = []
        for year in years:
            try:
                candidates.append(dt.date(year, self.month, self.day))
            except ValueError:
                continue
        if not candidates:
            return None
        anchor = published or candidates[0]
        return min(candidates, key=lambda day: abs((day - anchor).days))


def read_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """The dateline opening a lead paragraph, and the paragraph without it."""
    if not (match := _WIRE_DATELINE.match(paragraph)):
        return None
    month = match.group("month")
    dateline = Dateline(
        text=match.group("dateline").strip(),
        place=match.group("place"),
        month=_MONTH_NUMBERS[month[:3].lower()] if month else None,
        day=int(match.group("day")) if match.group("day") else None,
        year=int(match.group("year")) if match.group("year") else None,
    )
    return dateline, paragraph[match.end() :].strip()


def _without_furniture(
    paragraphs: list[tuple[str | None, str]],
) -> list[tuple[str | None, str]]:
    """Drop lines made only of symbols, and everything from the first line or section of
    press-release furniture on (after the lead: a lead is never furniture)."""
    kept: list[tuple[str | None, str]] = []
    for section, text in paragraphs:
        if kept and (_FURNITURE.match(text) or (section and _FURNITURE.match(section))):
            break
        if not _NO_WORD.match(text):
            kept.append((section, text))
    return kept


def article_from_paragraphs(
    paragraphs: list[tuple[str | None, str]],
    metadata: ArticleMetadata,
    *,
    related: list[RelatedArticle] | None = None,
) -> Article:
    """Assemble an article from its (section, text) paragraphs: the lead's dateline is read,
    the closing furniture dropped, and the paragraphs joined into the body.
    The dateline's date is the article's date (its own year, or the year of `published`);
    otherwise `metadata.published` is."""
    paragraphs = _without_furniture(paragraphs)
    dateline: Dateline | None = None
    if paragraphs and (read := read_dateline(paragraphs[0][1])):
        # Read, and left where it stands: the pipeline makes it a sentence of its own, so
        # the lead parses without it, and its date and place stay mentions in the body.
        dateline = read[0]
    published = (dateline and dateline.date(metadata.published)) or metadata.published
    built: list[Paragraph] = []
    offset = 0
    for index, (section, paragraph_text) in enumerate(paragraphs):
        if index:
            offset += len(PARAGRAPH_SEPARATOR)
        end = offset + len(paragraph_text)
        built.append(
            Paragraph(index=index, section=section, text=paragraph_text, start=offset, end=end)
        )
        offset = end
    body = PARAGRAPH_SEPARATOR.join(p.text for p in built)
    sections = list(dict.fromkeys(p.section for p in built if p.section))
    return Article(
        id=article_id(metadata.url, metadata.title, body),
        title=metadata.title,
        byline=metadata.byline,
        published=published or _date_from_url(metadata.url),
        url=metadata.url,
        site_name=metadata.site_name,
        dateline=dateline.text if dateline else None,
        word_count=len(_WORD.findall(body)),
        image_caption=metadata.image_caption,
        image_credit=metadata.image_credit,
        sections=sections,
        related_articles=related or [],
        paragraphs=built,
        body=body,
    )


def parse_article(
    text: str, *, title: str | None = None, published: dt.date | None = None
) -> Article:
    """Parse article text; `title` and `published` given from outside take precedence."""
    blocks = _blocks(text)
    draft = _Draft(title=title, is_markdown=_is_markdown(blocks))
    if not draft.is_markdown:
        blocks = _line_paragraphs(blocks)
    if blocks and not draft.is_markdown:
        first = blocks[0]
        if title is not None and clean_inline(first) == title:
            blocks = blocks[1:]
        elif (
            title is None and "\n" not in first and len(blocks) > 1 and _looks_like_headline(first)
        ):
            draft.title = clean_inline(first)
            blocks = blocks[1:]
    for block in blocks:
        draft.add_block(block)
    metadata = ArticleMetadata(
        title=draft.title,
        byline=draft.byline,
        published=published or draft.published,
        url=draft.url,
        image_caption=draft.image_caption,
        image_credit=draft.image_credit,
    )
    return article_from_paragraphs(draft.paragraphs, metadata, related=draft.related)
