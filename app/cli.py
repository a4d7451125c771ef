"""Command line: `python -m app extract PATH [--published DATE]` and `python -m app serve`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from app.settings import get_settings


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from error


_HTML_SUFFIXES = frozenset([".html", ".htm", ".xhtml"])


def _read(path: str, *, is_html: bool) -> str:
    raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    # A page may misdeclare its encoding: keep what reads, as the API does.
    return raw.decode("utf-8", errors="replace" if is_html else "strict")


def _extract(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from app.extraction.guards import TextTooLongError, UnreadableTextError
    from app.extraction.pipeline import Source, extract_source, load_pipeline
    from app.models import ExtractHtmlRequest, ExtractRequest

    source = "standard input" if args.path == "-" else args.path
    is_html = args.html or Path(args.path).suffix.lower() in _HTML_SUFFIXES
    try:
        text = _read(args.path, is_html=is_html)
    except (OSError, UnicodeDecodeError) as error:
        print(f"newsfacts: cannot read {source}: {error}", file=sys.stderr)
        return 2
    try:  # the checks POST /v1/extract makes, with the same messages
        request = (
            ExtractHtmlRequest(html=text, title=args.title, published=args.published)
            if is_html
            else ExtractRequest(text=text, title=args.title, published=args.published)
        )
    except ValidationError as error:
        for problem in error.errors():
            print(f"newsfacts: {source}: {problem['msg']}", file=sys.stderr)
        return 2
    nlp = load_pipeline(get_settings().spacy_pipeline)
    try:
        facts = extract_source(
            nlp,
            Source(
                text,
                "html" if is_html else "text",
                title=request.title,
                published=request.published,
            ),
        )
    except (UnreadableTextError, TextTooLongError) as error:
        print(f"newsfacts: {source}: {error.detail}", file=sys.stderr)
        return 3
    print(facts.model_dump_json(indent=2 if args.pretty else None))
    return 0


def _prepare(args: argparse.Namespace) -> int:
    from app.extraction.pipeline import load_pipeline
    from app.store import ArticleStore, facts_cache

    settings = get_settings()
    nlp = load_pipeline(settings.spacy_pipeline)
    store = ArticleStore.load(settings.data_dir, nlp, facts_cache(settings, nlp))
    for failure in store.failures:
        print(f"newsfacts: skipped {failure.file}: {failure.reason}", file=sys.stderr)
    print(f"{len(store.facts)} article(s) extracted into {settings.cache_dir}")
    return 0 if store.facts else 1


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.logs import log_config

    settings = get_settings()
    uvicorn.run(
        "app.api.main:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers or settings.workers,
        log_level=settings.log_level,
        log_config=log_config(settings.log_level),
        access_log=False,
        timeout_graceful_shutdown=10,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="Print an article file's facts as JSON.")
    extract.add_argument(
        "path",
        help="Scraped markdown or plain-text article, or a whole web page (.html, .htm); "
        "`-` reads standard input.",
    )
    extract.add_argument(
        "--html", action="store_true", help="Read the input as a web page whatever its name."
    )
    extract.add_argument("--published", type=_date, help="Publication date, YYYY-MM-DD.")
    extract.add_argument("--title", help="Headline, when the file has none.")
    extract.add_argument("--pretty", action="store_true", help="Indent the JSON.")
    extract.set_defaults(run=_extract)

    prepare = commands.add_parser(
        "prepare", help="Extract the shipped articles into the cache, for a fast start."
    )
    prepare.set_defaults(run=_prepare)

    serve = commands.add_parser("serve", help="Serve the HTTP API (settings: NEWSFACTS_*).")
    serve.add_argument("--host", help="Overrides NEWSFACTS_HOST.")
    serve.add_argument("--port", type=int, help="Overrides NEWSFACTS_PORT.")
    serve.add_argument("--workers", type=int, help="Overrides NEWSFACTS_WORKERS.")
    serve.set_defaults(run=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result
