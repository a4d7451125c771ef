"""Parse an article file (scraped markdown or plain text) into an `Article`.

The scraped layout: a ``#`` headline, a ``By`` byline, a dateline, a bold image
caption with its credit after `` / ``, body paragraphs with ``##`` section headings,
``**Related article:** [title](link)`` lines and an ``Original url:`` footer.
Plain text is taken with its first line as the headline when that line reads like one.
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

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ANGLE_URL = re.compile(r"^<(https?://[^>\s]+)>$")
_BARE_URL = re.compile(r"^(https?://\S+)$")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])"
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
    words = _WORD.findall(line)
    if not words or len(words) > _HEADLINE_MAX_WORDS or _LEAD_MARK.search(line):
        return False
    if line[0].islower():  # headlines start with a capital; this is a sentence's tail
        return False
    if not _SENTENCE_END.search(line):
        return True
    # A headline ending in a full stop still capitalises most of its words.
    capitalised = sum(word[0].isupper() for word in words if len(word) > 3)
    long_words = sum(len(word) > 3 for word in words)
    return long_words > 0 and capitalised / long_words >= 0.6


@dataclass
class _Draft:
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    section: str | None = None
    sections: list[str] = field(default_factory=list)
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
                self.sections.append(text)
            return
        if footer := _URL_FOOTER.match(block):
            self.url = _footer_url(footer.group(1)) or self.url
            self.awaiting_url = self.url is None
            return
        if related := _RELATED.match(block):
            link = re.search(r"\[([^\]]*)\]\(([^)]*)\)", related.group(1))
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


def _line_paragraphs(blocks: list[str]) -> list[str]:
    """Plain text that puts one paragraph on each line, with no blank line between:
    a block holding a line longer than any hard-wrapped text has is split at its
    newlines."""
    split: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        wrapped = all(len(line) <= _LONGEST_WRAPPED_LINE for line in lines)
        split.extend([block] if wrapped else lines)
    return split


def _is_markdown(blocks: list[str]) -> bool:
    return any(
        _HEADING.match(b) or _BOLD_LINE.match(b) or _LINK.search(b) or _URL_FOOTER.match(b)
        for b in blocks
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

    paragraphs: list[Paragraph] = []
    offset = 0
    for index, (section, paragraph_text) in enumerate(draft.paragraphs):
        if index:
            offset += len(PARAGRAPH_SEPARATOR)
        end = offset + len(paragraph_text)
        paragraphs.append(
            Paragraph(index=index, section=section, text=paragraph_text, start=offset, end=end)
        )
        offset = end
    body = PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)
    return Article(
        id=article_id(draft.url, draft.title, body),
        title=draft.title,
        byline=draft.byline,
        published=published or draft.published or _date_from_url(draft.url),
        url=draft.url,
        word_count=len(_WORD.findall(body)),
        image_caption=draft.image_caption,
        image_credit=draft.image_credit,
        sections=draft.sections,
        related_articles=draft.related,
        paragraphs=paragraphs,
        body=body,
    )
