"""Rows 7 to 10 (the archive, issue 14) and 12 to 15 (questions across articles, issue 15),
each measured against its reference in the same run. Rows 7 and 8 use a SQLite archive in
a temporary folder; rows 9, 10 and 12 to 15 the database `--database` names: a SQLite file,
or a database of a throwaway PostgreSQL cluster that the bench starts and removes."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import http.client
import json
import random
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from bench import procs
from bench.load import LoadResult, run_load
from bench.rows import MB, Clients, Options, Row, app_env
from bench.texts import FOLDER, load_texts, word_count

if TYPE_CHECKING:
    from sqlalchemy import Engine, Table

KEY = "bench-key"
AUTH = {"authorization": f"Bearer {KEY}", "content-type": "application/json"}


def _sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'archive.sqlite3'}"


def _archive_env(options: Options, database_url: str, **extra: str) -> dict[str, str]:
    return {
        **app_env(options),
        "NEWSFACTS_API_KEYS": KEY,
        "NEWSFACTS_DATABASE_URL": database_url,
        **extra,
    }


@contextlib.contextmanager
def _databases(options: Options) -> Iterator[Callable[[], str]]:
    """A maker of new, empty archive databases of the kind `options.database` names,
    all removed when the block ends."""
    with contextlib.ExitStack() as stack:
        if options.database == "postgresql":
            from devtools.postgres import running_cluster

            yield stack.enter_context(running_cluster()).new_database
            return

        def new_sqlite() -> str:
            return _sqlite_url(Path(stack.enter_context(tempfile.TemporaryDirectory())))

        yield new_sqlite


def _database_size(database_url: str) -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite":
        return Path(parsed.database or "").stat().st_size
    engine = create_engine(parsed)
    try:
        with engine.connect() as connection:
            return connection.scalar(text("SELECT pg_database_size(current_database())")) or 0
    finally:
        engine.dispose()


def _database_name(options: Options) -> str:
    return "PostgreSQL" if options.database == "postgresql" else "SQLite"


def _post(connection: http.client.HTTPConnection, path: str, payload: object) -> tuple[int, bytes]:
    connection.request("POST", path, body=json.dumps(payload).encode(), headers=AUTH)
    response = connection.getresponse()
    return response.status, response.read()


# --- row 7 -------------------------------------------------------------------------------


def _words_per_s(
    port: int, path: str, seconds: float, serials: Iterator[int]
) -> tuple[float, Counter[int]]:
    """One client posting the bench texts in turn, each under a title never sent before,
    so that every POST /v1/articles extracts and stores (and /v1/extract gets the same)."""
    texts = load_texts()
    statuses: Counter[int] = Counter()
    connection = http.client.HTTPConnection(procs.HOST, port, timeout=60)
    words = 0
    started = time.perf_counter()
    try:
        while time.perf_counter() - started < seconds:
            for text in texts:
                status, _ = _post(
                    connection, path, {"text": text, "title": f"Bench story {next(serials)}"}
                )
                statuses[status] += 1
                words += word_count(text) if status in (200, 201) else 0
    finally:
        connection.close()
    return words / (time.perf_counter() - started), statuses


def row_add_throughput(options: Options) -> Row:
    serials = iter(range(10**9))
    added: list[float] = []
    extracted: list[float] = []
    statuses: dict[str, Counter[int]] = {"add": Counter(), "extract": Counter()}
    with (
        tempfile.TemporaryDirectory() as folder,
        procs.running("app", "app", env=_archive_env(options, _sqlite_url(Path(folder)))) as app,
    ):
        for path in ("/v1/extract", "/v1/articles"):  # warm-up
            _words_per_s(app.port, path, 1, serials)
        for _ in range(options.rounds):
            for name, path, results in (
                ("extract", "/v1/extract", extracted),
                ("add", "/v1/articles", added),
            ):
                rate, round_statuses = _words_per_s(app.port, path, options.seconds, serials)
                results.append(rate)
                statuses[name].update(round_statuses)
    errors = sum(n for s, n in statuses["add"].items() if s != 201) + sum(
        n for s, n in statuses["extract"].items() if s != 200
    )
    ratio = statistics.median(a / e for a, e in zip(added, extracted, strict=True))
    return Row(
        "7. POST /v1/articles words/s vs /v1/extract",
        f"{statistics.median(added):,.0f} words/s",
        f"{statistics.median(extracted):,.0f} words/s POST /v1/extract",
        f"{ratio:.2f}",
        ">= 0.90",
        ratio >= 0.90 and errors == 0,
        [
            f"one client posting bench/texts, each under a new title; {options.rounds} "
            f"alternating {options.seconds:g} s runs, ratio = median of the pairs' ratios; "
            f"add runs {', '.join(f'{x:,.0f}' for x in added)}; extract runs "
            f"{', '.join(f'{x:,.0f}' for x in extracted)}; SQLite archive; answers "
            f"{ {k: dict(v) for k, v in statuses.items()} }"
        ],
        {"ratio": ratio, "errors": errors},
    )


# --- row 8 -------------------------------------------------------------------------------


def row_added_facts(options: Options) -> Row:
    """The same article twice on one server: shipped (from its data folder) and added (a
    copy under another id); GET /facts of each, alternating, with wrk."""
    text_file = sorted(FOLDER.glob("*.txt"))[0]
    results: dict[str, list[float]] = {"added": [], "shipped": []}
    errors = 0
    with contextlib.ExitStack() as stack:
        data = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        shutil.copy(text_file, data / text_file.name)
        env = _archive_env(
            options, _sqlite_url(data), NEWSFACTS_DATA_DIR=str(data), NEWSFACTS_FACTS_CACHE="0"
        )
        app = stack.enter_context(procs.running("app", "app", env=env, cpus=options.server_cpus))
        connection = http.client.HTTPConnection(procs.HOST, app.port, timeout=60)
        status, body = _post(connection, "/v1/articles", {"text": text_file.read_text()})
        connection.close()
        if status != 201:
            raise RuntimeError(f"POST /v1/articles answered {status}")
        added_id = json.loads(body)["article"]["id"]
        _, listing = procs.http_get(app.port, "/v1/articles")
        shipped_id = next(i["id"] for i in json.loads(listing)["items"] if i["id"] != added_id)
        paths = {
            "added": f"/v1/articles/{added_id}/facts",
            "shipped": f"/v1/articles/{shipped_id}/facts",
        }
        for path in paths.values():  # warm-up
            run_load(f"http://{procs.HOST}:{app.port}{path}", connections=64, seconds=1,
                     wrk=options.wrk, cpus=options.load_cpus)  # fmt: skip
        for _ in range(options.rounds):
            for name, path in paths.items():
                load = run_load(
                    f"http://{procs.HOST}:{app.port}{path}",
                    connections=64,
                    seconds=options.seconds,
                    wrk=options.wrk,
                    cpus=options.load_cpus,
                )
                results[name].append(load.rps)
                errors += load.errors
    ratio = statistics.median(
        a / s for a, s in zip(results["added"], results["shipped"], strict=True)
    )
    return Row(
        "8. GET /facts of an added article (cached)",
        f"{statistics.median(results['added']):,.0f} req/s",
        f"{statistics.median(results['shipped']):,.0f} req/s the same article shipped",
        f"{ratio:.2f}",
        ">= 0.90",
        ratio >= 0.90 and errors == 0,
        [
            f"{text_file.name} shipped and added on one server, 64 connections; "
            f"{options.rounds} alternating {options.seconds:g} s runs, ratio = median of the "
            f"pairs' ratios; added runs {', '.join(f'{x:,.0f}' for x in results['added'])}; "
            f"shipped runs {', '.join(f'{x:,.0f}' for x in results['shipped'])}; "
            f"errors {errors}"
        ],
        {"ratio": ratio, "errors": errors},
    )


# --- rows 9 and 10 ---------------------------------------------------------------------------


def _facts_template(options: Options) -> bytes:
    with (
        tempfile.TemporaryDirectory() as folder,
        procs.running("app", "app", env=_archive_env(options, _sqlite_url(Path(folder)))) as app,
    ):
        connection = http.client.HTTPConnection(procs.HOST, app.port, timeout=60)
        status, body = _post(connection, "/v1/extract", {"text": load_texts()[0]})
        connection.close()
    if status != 200:
        raise RuntimeError(f"POST /v1/extract answered {status}")
    return body


_FIRST_NAMES = [
    "Ada",
    "Alan",
    "Amara",
    "Anton",
    "Beatriz",
    "Boris",
    "Carla",
    "Chen",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jamal",
    "Jana",
    "Kenji",
    "Lena",
    "Liam",
    "Lucia",
    "Mara",
    "Mateo",
    "Nadia",
    "Omar",
    "Oskar",
    "Priya",
    "Rafael",
    "Rosa",
    "Sami",
    "Sofia",
    "Tariq",
    "Tomas",
    "Una",
    "Vera",
    "Wei",
    "Yara",
    "Zofia",
    "Zuri",
]
_LAST_NAMES = [
    "Abara",
    "Baptiste",
    "Castillo",
    "Dvorak",
    "Eriksen",
    "Fontaine",
    "Garcia",
    "Haddad",
    "Ibsen",
    "Jovanovic",
    "Kowalski",
    "Lindqvist",
    "Mbeki",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rahman",
    "Santos",
    "Takahashi",
    "Urquhart",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Alvarez",
    "Brennan",
    "Costa",
    "Delgado",
    "Engel",
    "Ferreira",
    "Gallo",
    "Horvat",
    "Iyer",
    "Jensen",
    "Kaplan",
    "Laurent",
    "Moreau",
    "Nakamura",
    "Olsen",
    "Pereira",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Vasquez",
    "Walsh",
    "Young",
]


class _Varied:
    """Per copy, the template's actors under other names (drawn from a fixed set of
    first x last names, about 2,000 people) and its quotes in other words (shuffled from
    the bench texts), so that speakers, names and words spread over the archive as in a
    real one. Seeded: every run fills the same archive."""

    def __init__(self) -> None:
        from app.storage.schema import actors, quotes, timeline_actors

        self._actors, self._quotes, self._timeline_actors = actors, quotes, timeline_actors
        self._random = random.Random(15)
        self.vocabulary = sorted({w for t in load_texts() for w in t.split() if w.isalpha()})
        self._keys: dict[tuple[str, str], str] = {}
        self.names = [f"{first} {last}" for first in _FIRST_NAMES for last in _LAST_NAMES]
        self.spoken: set[str] = set()

    def _key(self, name: str, actor_type: str) -> str:
        from app.storage.keys import actor_key

        if (name, actor_type) not in self._keys:
            # Two-word names: the key does not depend on the article.
            self._keys[name, actor_type] = actor_key(name, actor_type, "")
        return self._keys[name, actor_type]

    def copy(
        self, rows_of_one: dict[Table, list[dict[str, Any]]], article_id: str
    ) -> dict[Table, list[dict[str, Any]]]:
        from app.storage.keys import fold

        pick = self._random
        renamed: dict[str, tuple[str, str]] = {}  # template key -> (name, key)
        copied: dict[Table, list[dict[str, Any]]] = {}
        for row in rows_of_one[self._actors]:
            name = pick.choice(self.names)
            key = self._key(name, row["type"])
            if row["key"] is not None:
                renamed[row["key"]] = (name, key)
        for table, rows in rows_of_one.items():
            copied[table] = [row | {"article_id": article_id} for row in rows]
        for row in copied[self._actors]:
            if row["key"] in renamed:
                row["name"], row["key"] = renamed[row["key"]]
                row["name_folded"] = fold(row["name"])
        for row in copied[self._quotes]:
            if row["speaker_key"] in renamed:
                row["speaker_name"], row["speaker_key"] = renamed[row["speaker_key"]]
                self.spoken.add(row["speaker_key"])
            row["text"] = " ".join(pick.choices(self.vocabulary, k=len(row["text"].split())))
        for row in copied[self._timeline_actors]:
            row["actor_key"] = renamed.get(row["actor_key"], (None, row["actor_key"]))[1]
        return copied


def fill_archive(database_url: str, count: int, template: bytes) -> tuple[list[str], _Varied]:
    """`count` copies of one extracted facts document under new ids, with all their rows
    and the actor keys' summaries as an add writes them (the extraction itself is
    measured by row 7); each copy's actors, speakers and quote
    words vary (`_Varied`). The facts documents keep the template's: only the rows that
    answer questions across articles differ. Returns the ids and what was drawn."""
    from sqlalchemy import insert

    from app.models import Facts
    from app.storage import Archive
    from app.storage.indexing import fact_rows
    from app.storage.schema import actors, articles
    from app.storage.summaries import add_to_summaries

    facts = Facts.model_validate_json(template)
    original = json.dumps(facts.article.id)
    text = template.decode()
    rows_of_one = fact_rows(facts)
    varied = _Varied()
    archive = Archive(database_url, extraction_version="bench")
    archive.ping()  # creates the schema
    ids = [f"bench-copy-{n:06d}" for n in range(count)]
    for start in range(0, count, 2000):
        chunk = ids[start : start + 2000]
        article_rows = []
        facts_rows: dict[Table, list[dict[str, Any]]] = {table: [] for table in rows_of_one}
        for article_id in chunk:
            body = text.replace(original, json.dumps(article_id), 1)
            article_rows.append(
                {
                    "id": article_id,
                    "content_key": hashlib.sha256(article_id.encode()).hexdigest(),
                    "title": facts.article.title,
                    "byline": None,
                    "published": facts.article.published,
                    "url": None,
                    "word_count": facts.article.word_count,
                    "added_at": dt.datetime.now(dt.UTC),
                    "extraction_version": "bench",
                    "facts": body,
                    "facts_gzip": gzip.compress(body.encode(), compresslevel=1, mtime=0),
                }
            )
            for table, rows in varied.copy(rows_of_one, article_id).items():
                facts_rows[table] += rows
        with archive.engine.begin() as connection:
            connection.execute(insert(articles), article_rows)
            for table, rows in facts_rows.items():
                if rows:
                    connection.execute(insert(table), rows)
            add_to_summaries(connection, facts_rows[actors])
    _settle(archive.engine)
    archive.close()
    return ids, varied


def _settle(engine: Engine) -> None:
    """Bring the planner's statistics and PostgreSQL's visibility map up to date, as
    autovacuum and autoanalyze keep them on a live archive: measured right after a bulk
    fill, the probes would time the catching up, not the queries."""
    statement = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(statement)


def rows_large_archive(options: Options) -> list[Row]:
    template = _facts_template(options)
    database = _database_name(options)
    with _databases(options) as new_database:
        empty, full = new_database(), new_database()
        started = time.perf_counter()
        ids, _ = fill_archive(full, options.archive_size, template)
        fill_s = time.perf_counter() - started
        size = _database_size(full)
        starts: dict[str, list[float]] = {"empty": [], "full": []}
        rss: dict[str, list[int]] = {"empty": [], "full": []}
        for _ in range(options.rounds):
            for name, url in (("empty", empty), ("full", full)):
                with procs.running("app", "app", env=_archive_env(options, url)) as app:
                    starts[name].append(app.ready_after)
                    rss[name].append(procs.rss(app.pid))
        # Nothing fits in a cache this small: every GET reads the database.
        env = _archive_env(options, full, NEWSFACTS_CACHE_MB="0.001")
        with procs.running("app", "app", env=env) as app:
            latencies, statuses = _uncached_gets(app.port, ids, 1000 * options.rounds)
    start_ratio = statistics.median(starts["full"]) / statistics.median(starts["empty"])
    rss_ratio = statistics.median(rss["full"]) / statistics.median(rss["empty"])
    p99 = statistics.quantiles(latencies, n=100)[98]
    p50 = statistics.median(latencies)
    count = f"{options.archive_size:,}"
    errors = sum(n for s, n in statuses.items() if s != 200)
    target = 30 if options.database == "postgresql" else 20
    return [
        Row(
            f"9. start and RSS, {count} stored articles",
            f"{statistics.median(starts['full']):.2f} s, "
            f"{statistics.median(rss['full']) / MB:.0f} MB",
            f"{statistics.median(starts['empty']):.2f} s, "
            f"{statistics.median(rss['empty']) / MB:.0f} MB empty archive",
            f"x{start_ratio:.2f}, x{rss_ratio:.2f}",
            "<= x1.10 both",
            start_ratio <= 1.10 and rss_ratio <= 1.10,
            [
                f"spawn to ready /readyz and the worker's RSS then, median of {options.rounds} "
                f"alternating starts; {database} database {size / MB:,.0f} MB, filled in "
                f"{fill_s:.0f} s "
                f"with copies of the facts of {sorted(FOLDER.glob('*.txt'))[0].name}"
            ],
            {"start_ratio": start_ratio, "rss_ratio": rss_ratio},
        ),
        Row(
            "10. GET /facts of an added article not cached",
            f"p99 {p99:.1f} ms",
            f"p50 {p50:.1f} ms",
            "-",
            f"p99 <= {target} ms ({database})",
            p99 <= target and errors == 0,
            [
                f"{len(latencies):,} GETs one at a time over random ids of the {count}, "
                "NEWSFACTS_CACHE_MB=0.001 so that each one reads the database; answers "
                f"{dict(statuses)}; {database}"
            ],
            {"p99_ms": p99, "p50_ms": p50, "errors": errors},
        ),
    ]


def _uncached_gets(port: int, ids: list[str], count: int) -> tuple[list[float], Counter[int]]:
    picker = random.Random(14)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    connection = http.client.HTTPConnection(procs.HOST, port, timeout=30)
    try:
        for _ in range(count):
            path = f"/v1/articles/{picker.choice(ids)}/facts"
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            statuses[response.status] += 1
    finally:
        connection.close()
    return latencies, statuses


# --- rows 12 to 15 ---------------------------------------------------------------------------


def _paced_gets(port: int, paths: list[str], per_second: float) -> tuple[list[float], Counter[int]]:
    """One GET at a time, started every 1/`per_second` s (or as soon as the previous one
    answers, if it is late): the latency a lone user sees, not a queue's."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    connection = http.client.HTTPConnection(procs.HOST, port, timeout=30)
    due = time.perf_counter()
    try:
        for path in paths:
            time.sleep(max(0.0, due - time.perf_counter()))
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            statuses[response.status] += 1
            due = started + 1 / per_second
    finally:
        connection.close()
    return latencies, statuses


class _Askers(Clients):
    """Clients asking cross-article questions (`paths`, in turn) as fast as they are
    answered."""

    stride = 97  # the clients start at different questions
    timeout_s = 30.0

    def __init__(self, port: int, count: int, paths: list[str], cpus: set[int] | None) -> None:
        self.paths = paths
        super().__init__(port, count, cpus)

    def _send(self, connection: http.client.HTTPConnection, turn: int) -> int:
        connection.request("GET", self.paths[turn % len(self.paths)])
        response = connection.getresponse()
        response.read()
        return response.status


def _shipped_id(port: int) -> str:
    status, body = procs.http_get(port, "/v1/articles?limit=500")
    if status != 200:
        raise RuntimeError(f"GET /v1/articles answered {status}")
    for item in json.loads(body)["items"]:
        if not item["id"].startswith("bench-copy-"):
            found: str = item["id"]
            return found
    raise RuntimeError("no shipped article among the first 500 listed")


def _row_facts_under_questions(options: Options, database_url: str, paths: list[str]) -> Row:
    """GET /facts of the shipped article with wrk, as row 1, alone and while 4 clients ask
    questions across articles of the same server, in alternation."""
    runs: dict[str, list[float]] = {"idle": [], "asked": []}
    answered: Counter[int] = Counter()
    errors = 0
    env = _archive_env(options, database_url)
    with procs.running("app", "app", env=env, cpus=options.server_cpus) as app:
        url = f"http://{procs.HOST}:{app.port}/v1/articles/{_shipped_id(app.port)}/facts"

        def load(seconds: float) -> LoadResult:
            return run_load(url, connections=64, seconds=seconds, wrk=options.wrk,
                            cpus=options.load_cpus)  # fmt: skip

        load(1)  # warm-up, of the server and of the database's cache
        with _Askers(app.port, 4, paths, options.load_cpus):
            load(1)
        for _ in range(options.rounds):
            idle = load(options.seconds)
            with _Askers(app.port, 4, paths, options.load_cpus) as askers:
                asked = load(options.seconds)
            answered.update(askers.statuses)
            runs["idle"].append(idle.rps)
            runs["asked"].append(asked.rps)
            errors += idle.errors + asked.errors
    ratio = statistics.median(a / i for a, i in zip(runs["asked"], runs["idle"], strict=True))
    failed = sum(n for status, n in answered.items() if status != 200)
    asked_s = options.rounds * options.seconds
    return Row(
        "15. GET shipped /facts while 4 clients ask across articles",
        f"{statistics.median(runs['asked']):,.0f} req/s",
        f"{statistics.median(runs['idle']):,.0f} req/s idle",
        f"{ratio:.2f}",
        ">= 0.80",
        ratio >= 0.80 and errors == 0 and failed == 0,
        [
            f"wrk at 64 connections as row 1 (server and wrk pinned alike); {options.rounds} "
            f"alternating {options.seconds:g} s runs, ratio = median of the pairs' ratios; "
            f"asked runs {', '.join(f'{x:,.0f}' for x in runs['asked'])}; idle runs "
            f"{', '.join(f'{x:,.0f}' for x in runs['idle'])}; the 4 clients asked rows 12 to "
            f"14's questions in turn, {sum(answered.values()) / asked_s:,.0f} answers/s, "
            f"answers {dict(answered)}; wrk errors {errors}; {_database_name(options)}"
        ],
        {"ratio": ratio, "errors": errors + failed},
    )


def rows_across(options: Options) -> list[Row]:
    """p99 of the questions across articles (issue 15) on an archive of
    `options.archive_size` varied copies (`fill_archive`), and row 15 on the same archive."""
    template = _facts_template(options)
    database = _database_name(options)
    with _databases(options) as new_database:
        url = new_database()
        started = time.perf_counter()
        _, varied = fill_archive(url, options.archive_size, template)
        fill_s = time.perf_counter() - started
        size = _database_size(url)
        quote_count = _quote_count(url)
        pick = random.Random(15)
        count = 500 * options.rounds
        speakers = sorted(varied.spoken)
        probes = {
            "speaker": [f"/v1/quotes?speaker={pick.choice(speakers)}" for _ in range(count)],
            "words": [
                f"/v1/quotes?{urlencode({'q': ' '.join(pick.sample(varied.vocabulary, 2))})}"
                for _ in range(count)
            ],
            "actors": [
                f"/v1/actors?q={pick.choice(varied.names).split()[pick.randrange(2)]}"
                for _ in range(count)
            ],
        }
        results: dict[str, tuple[list[float], Counter[int]]] = {}
        with procs.running("app", "app", env=_archive_env(options, url)) as app:
            for paths in probes.values():  # warm-up
                _paced_gets(app.port, paths[:50], per_second=50)
            for name, paths in probes.items():
                results[name] = _paced_gets(app.port, paths, per_second=50)
        mixed = [path for three in zip(*probes.values(), strict=True) for path in three]
        under_questions = _row_facts_under_questions(options, url, mixed)
    archive = (
        f"{options.archive_size:,} stored articles, {quote_count:,} quotes, "
        f"{len(speakers):,} speakers; {database} database {size / MB:,.0f} MB filled in "
        f"{fill_s:.0f} s"
    )
    measured = (
        ("12. GET /v1/quotes?speaker=", "speaker", 25.0, "a random speaker key"),
        ("13. GET /v1/quotes?q= (two words)", "words", 50.0, "two random words of bench/texts"),
        ("14. GET /v1/actors?q=", "actors", 25.0, "a random first name or surname"),
    )
    rows = []
    for title, name, target, asked in measured:
        latencies, statuses = results[name]
        p99 = statistics.quantiles(latencies, n=100)[98]
        p50 = statistics.median(latencies)
        errors = sum(n for s, n in statuses.items() if s != 200)
        rows.append(
            Row(
                title,
                f"p99 {p99:.1f} ms",
                f"p50 {p50:.1f} ms",
                "-",
                f"p99 <= {target:g} ms ({database})",
                p99 <= target and errors == 0,
                [
                    f"{len(latencies):,} GETs of {asked}, one at a time, 50 a second; "
                    f"{archive}; answers {dict(statuses)}"
                ],
                {"p99_ms": p99, "p50_ms": p50, "errors": errors},
            )
        )
    return [*rows, under_questions]


def _quote_count(database_url: str) -> int:
    from sqlalchemy import create_engine, func, select

    from app.storage.schema import quotes

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(quotes)) or 0
    finally:
        engine.dispose()
