"""The rows of the performance table, each measured against its reference."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from bench import procs
from bench.load import LoadResult, run_load
from bench.texts import load_texts, word_count

MB = 1024 * 1024


@dataclass
class Options:
    seconds: float  # one side of one measurement
    rounds: int  # A/B alternations for rows 1, 2 and 4
    soak_seconds: float  # row 6
    wrk: str | None
    pin: bool
    concurrency: int = 2  # NEWSFACTS_EXTRACTION_CONCURRENCY the app runs with (its default)
    app_env: dict[str, str] = field(default_factory=dict)  # more NEWSFACTS_* for the app
    archive_size: int = 100_000  # articles stored for rows 9, 10 and 12 to 15
    database: str = "sqlite"  # the archive of rows 9, 10 and 12 to 15: sqlite or postgresql

    @property
    def server_cpus(self) -> set[int] | None:
        return {0} if self.pin and procs.can_pin() else None

    @property
    def load_cpus(self) -> set[int] | None:
        return {1} if self.pin and procs.can_pin() else None


@dataclass
class Row:
    measure: str
    value: str
    reference: str
    ratio: str
    target: str
    ok: bool
    notes: list[str] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)


def app_env(options: Options) -> dict[str, str]:
    return {"NEWSFACTS_EXTRACTION_CONCURRENCY": str(options.concurrency), **options.app_env}


def article_id(port: int) -> str:
    status, body = procs.http_get(port, "/v1/articles")
    if status != 200:
        raise RuntimeError(f"GET /v1/articles answered {status}")
    items = json.loads(body)["items"]
    if not items:
        raise RuntimeError("the app serves no article")
    found: str = items[0]["id"]
    return found


# --- row 1 -------------------------------------------------------------------------------


def row_throughput(options: Options) -> Row:
    """GET /facts on the app vs a bare Starlette app serving the same bytes, both pinned
    alike, measured in alternation."""
    with contextlib.ExitStack() as stack:
        app = stack.enter_context(
            procs.running("app", "app", env=app_env(options), cpus=options.server_cpus)
        )
        aid = article_id(app.port)
        path = f"/v1/articles/{aid}/facts"
        status, body = procs.http_get(app.port, path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        body_file = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "facts.json"
        body_file.write_bytes(body)
        bare = stack.enter_context(
            procs.running(
                "bare",
                "bench.bare",
                env={"BENCH_BODY_FILE": str(body_file)},
                cpus=options.server_cpus,
            )
        )
        results: dict[str, list[LoadResult]] = {"app": [], "bare": []}
        for server in (app, bare):  # warm-up
            run_load(
                f"http://{procs.HOST}:{server.port}{path}",
                connections=64,
                seconds=1,
                wrk=options.wrk,
                cpus=options.load_cpus,
            )
        for _ in range(options.rounds):
            for name, server in (("app", app), ("bare", bare)):
                results[name].append(
                    run_load(
                        f"http://{procs.HOST}:{server.port}{path}",
                        connections=64,
                        seconds=options.seconds,
                        wrk=options.wrk,
                        cpus=options.load_cpus,
                    )
                )
    app_rps = statistics.median(r.rps for r in results["app"])
    bare_rps = statistics.median(r.rps for r in results["bare"])
    errors = sum(r.errors for rs in results.values() for r in rs)
    ratio = statistics.median(
        a.rps / b.rps for a, b in zip(results["app"], results["bare"], strict=True)
    )
    return Row(
        "1. GET /facts throughput, 1 worker, 64 conns",
        f"{app_rps:,.0f} req/s",
        f"{bare_rps:,.0f} req/s bare Starlette",
        f"{ratio:.2f}",
        ">= 0.85",
        ratio >= 0.85 and errors == 0,
        [
            f"body {len(body):,} bytes (no gzip: the client sends no Accept-Encoding); "
            f"{options.rounds} alternating {options.seconds:g} s runs, ratio = median of the "
            "pairs' ratios; "
            f"app runs {', '.join(f'{r.rps:,.0f}' for r in results['app'])}; "
            f"bare runs {', '.join(f'{r.rps:,.0f}' for r in results['bare'])}; "
            f"p99 app {statistics.median(r.p99_ms for r in results['app']):.1f} ms, "
            f"bare {statistics.median(r.p99_ms for r in results['bare']):.1f} ms; "
            f"errors {errors}"
        ],
        {"app_rps": app_rps, "bare_rps": bare_rps, "errors": errors, "body_bytes": len(body)},
    )


# --- extraction clients --------------------------------------------------------------------


def _post(connection: http.client.HTTPConnection, text: str) -> int:
    payload = json.dumps({"text": text}).encode()
    connection.request(
        "POST", "/v1/extract", body=payload, headers={"content-type": "application/json"}
    )
    response = connection.getresponse()
    response.read()
    return response.status


class Clients:
    """`count` clients, each sending one request after another until stopped (threads: they
    only wait on sockets); a connection that fails is counted as status 0 and replaced.
    Client `index` starts at turn `index * stride` of `_send`'s sequence. With `cpus`,
    each thread runs on those only (the load generator's, away from a pinned server)."""

    stride = 1
    timeout_s = 60.0

    def __init__(self, port: int, count: int, cpus: set[int] | None = None) -> None:
        self.port = port
        self._cpus = cpus
        self.statuses: Counter[int] = Counter()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(count)
        ]

    def _send(self, connection: http.client.HTTPConnection, turn: int) -> int:
        """Send the request of this turn and read its answer; its status."""
        raise NotImplementedError

    def _answered(self, turn: int, status: int) -> None:
        """Count what a subclass measures besides the status (under the lock)."""

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(procs.HOST, self.port, timeout=self.timeout_s)

    def _run(self, index: int) -> None:
        if self._cpus is not None:
            os.sched_setaffinity(0, self._cpus)  # this thread only
        connection = self._connect()
        turn = index * self.stride
        try:
            while not self._stop.is_set():
                try:
                    status = self._send(connection, turn)
                except (OSError, http.client.HTTPException):
                    status = 0
                    connection.close()
                    connection = self._connect()
                with self._lock:
                    self.statuses[status] += 1
                    self._answered(turn, status)
                turn += 1
        finally:
            connection.close()

    def __enter__(self) -> Self:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout_s + 30)


class Posters(Clients):
    """Clients posting the bench texts to `POST /v1/extract` in turn."""

    def __init__(self, port: int, count: int) -> None:
        super().__init__(port, count)
        self.texts = load_texts()
        self.words = 0

    def _text(self, turn: int) -> str:
        return self.texts[turn % len(self.texts)]

    def _send(self, connection: http.client.HTTPConnection, turn: int) -> int:
        return _post(connection, self._text(turn))

    def _answered(self, turn: int, status: int) -> None:
        if status == 200:
            self.words += word_count(self._text(turn))

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != 200)


# --- row 2 -------------------------------------------------------------------------------


def _reference(*args: str, timeout: float) -> tuple[dict[str, float], float]:
    """Runs `python -m bench.reference ARGS`; the JSON it prints and spawn-to-print seconds."""
    return _reference_module("bench.reference", *args, timeout=timeout)


def _reference_module(
    module: str, *args: str, timeout: float = 600
) -> tuple[dict[str, float], float]:
    """Runs `python -m MODULE ARGS`; the JSON it prints and spawn-to-print seconds."""
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=procs.ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            elapsed = time.perf_counter() - started
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    if not line:
        raise RuntimeError(f"{module} {' '.join(args)} printed nothing")
    parsed: dict[str, float] = json.loads(line)
    return parsed, elapsed


def _api_words_per_s(port: int, seconds: float, pid: int) -> tuple[float, int, float, Counter[int]]:
    """Words per second of one client, the words, and the CPU seconds the server process
    `pid` and its children spent on them (not on the warm-up pass)."""
    texts = load_texts()
    statuses: Counter[int] = Counter()
    connection = http.client.HTTPConnection(procs.HOST, port, timeout=60)
    try:

        def post(text: str) -> int:
            nonlocal connection
            try:
                return _post(connection, text)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(procs.HOST, port, timeout=60)
                return 0

        for text in texts:  # warm-up pass, not timed
            statuses[post(text)] += 1
        words = 0
        cpu_before = procs.tree_cpu_seconds(pid)
        started = time.perf_counter()
        while True:
            for text in texts:
                status = post(text)
                statuses[status] += 1
                words += word_count(text) if status == 200 else 0
            elapsed = time.perf_counter() - started
            if elapsed >= seconds:
                cpu = procs.tree_cpu_seconds(pid) - cpu_before
                return words / elapsed, words, cpu, statuses
    finally:
        connection.close()


def _concurrent_words_per_s(port: int, clients: int, seconds: float) -> float:
    with Posters(port, clients) as posters:
        time.sleep(1)
        words_before = posters.words
        started = time.perf_counter()
        time.sleep(seconds)
        words = posters.words - words_before
        elapsed = time.perf_counter() - started
    return words / elapsed


@contextlib.contextmanager
def _pipe_reference() -> Iterator[Callable[[float], tuple[float, float]]]:
    """A warm `nlp.pipe` process: call it with seconds, get words per second."""
    with subprocess.Popen(
        [sys.executable, "-m", "bench.reference", "pipe"],
        cwd=procs.ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        stdin, stdout = process.stdin, process.stdout

        def run(seconds: float) -> tuple[float, float]:
            """Words per second, and per CPU second."""
            stdin.write(f"{seconds}\n")
            stdin.flush()
            line = stdout.readline()
            if not line:
                raise RuntimeError("bench.reference pipe stopped")
            result = json.loads(line)
            words = float(result["words"])
            return words / float(result["seconds"]), words / max(float(result["cpu"]), 1e-9)

        try:
            if not json.loads(stdout.readline() or "{}").get("ready"):
                raise RuntimeError("bench.reference pipe did not start")
            yield run
        finally:
            stdin.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def row_extraction(options: Options) -> list[Row]:
    """Row 2, one client vs a warm nlp.pipe; and row 2b, as many clients as extraction
    processes vs one client, measured in the same alternation."""
    texts = load_texts()
    total_words = sum(word_count(t) for t in texts)
    raw: list[float] = []
    api: list[float] = []
    raw_cpu: list[float] = []  # words per CPU second: steadier when others share the cores
    api_cpu: list[float] = []
    concurrent: list[float] = []
    statuses: Counter[int] = Counter()
    with (
        procs.running("app", "app", env=app_env(options)) as app,
        _pipe_reference() as pipe,
    ):
        for _ in range(options.rounds):
            raw_wall, raw_cpu_rate = pipe(options.seconds)
            raw.append(raw_wall)
            raw_cpu.append(raw_cpu_rate)
            words_per_s, words, cpu, round_statuses = _api_words_per_s(
                app.port, options.seconds, app.pid
            )
            api.append(words_per_s)
            api_cpu.append(words / max(cpu, 1e-9))
            statuses.update(round_statuses)
            concurrent.append(
                _concurrent_words_per_s(app.port, options.concurrency, options.seconds)
            )
    raw_wps = statistics.median(raw)
    api_wps = statistics.median(api)
    errors = sum(n for status, n in statuses.items() if status != 200)
    ratio = statistics.median(a / r for a, r in zip(api, raw, strict=True))
    cpu_ratio = statistics.median(a / r for a, r in zip(api_cpu, raw_cpu, strict=True))
    return [
        Row(
            "2. POST /v1/extract words/s (1 client)",
            f"{api_wps:,.0f} words/s",
            f"{raw_wps:,.0f} words/s nlp.pipe",
            f"{ratio:.2f} (per CPU s {cpu_ratio:.2f})",
            ">= 0.85 (per CPU s >= 0.80)",
            ratio >= 0.85 and cpu_ratio >= 0.80 and errors == 0,
            [
                f"{len(texts)} articles, {total_words:,} words (bench/texts); one client posting "
                f"them in turn vs one warm nlp.pipe process over them; {options.rounds} "
                f"alternating {options.seconds:g} s runs, ratio = median of the pairs' ratios; "
                f"API runs {', '.join(f'{x:,.0f}' for x in api)}; "
                f"nlp.pipe runs {', '.join(f'{x:,.0f}' for x in raw)}; non-200 answers {errors}",
                f"per CPU second (server worker + extraction processes vs the nlp.pipe process, "
                f"steadier when other processes share the cores): "
                f"{statistics.median(api_cpu):,.0f} vs {statistics.median(raw_cpu):,.0f} words, "
                f"ratio {cpu_ratio:.2f}",
            ],
            {"api_wps": api_wps, "raw_wps": raw_wps, "cpu_ratio": cpu_ratio, "errors": errors},
        ),
        _row_scaling(options, api, concurrent, raw_wps),
    ]


def _row_scaling(
    options: Options, single: list[float], concurrent: list[float], raw_wps: float
) -> Row:
    clients = options.concurrency
    ratio = statistics.median(c / s for c, s in zip(concurrent, single, strict=True))
    target = 0.9 * clients
    return Row(
        f"2b. POST /v1/extract, {clients} clients vs 1",
        f"{statistics.median(concurrent):,.0f} words/s",
        f"{statistics.median(single):,.0f} words/s 1 client",
        f"{ratio:.2f}x",
        f">= {target:.1f}x",
        ratio >= target,
        [
            f"{clients} clients = the extraction concurrency (one process each); each round "
            f"runs 1 client, then {clients}, {options.seconds:g} s each, alternating with "
            f"row 2; ratio = median of the rounds' ratios; {clients} clients runs "
            f"{', '.join(f'{x:,.0f}' for x in concurrent)} words/s = "
            f"{statistics.median(concurrent) / raw_wps:.2f}x one nlp.pipe; with fewer free "
            "cores than clients (the load average) it cannot scale"
        ],
        {"ratio": ratio, "concurrent_wps": statistics.median(concurrent)},
    )


def row_rules_share(options: Options) -> Row:
    """Row 2a: the rules' CPU time over spaCy's, in a process of its own (`bench.steps`)."""
    rounds = max(options.rounds, 3)
    per_pass, _ = _reference_module("bench.steps", "--json", "--rounds", str(rounds))
    ratio = per_pass["rules"] / per_pass["pipe"]
    path = sum(per_pass[step] for step in ("parse", "spacy", "rules", "encode"))
    return Row(
        "2a. rules CPU over nlp.pipe, in process",
        f"{per_pass['rules'] * 1000:.0f} ms rules",
        f"{per_pass['pipe'] * 1000:.0f} ms nlp.pipe",
        f"{ratio:.2f}",
        "<= 0.20",
        ratio <= 0.20,
        [
            f"CPU time per pass over the 5 bench texts, {rounds} passes (python -m bench.steps): "
            f"parse {per_pass['parse'] * 1000:.1f} ms, spaCy one nlp(body) per text "
            f"{per_pass['spacy'] * 1000:.0f} ms ({per_pass['spacy'] / per_pass['pipe']:.2f}x "
            f"nlp.pipe over the bodies), rules {per_pass['rules'] * 1000:.0f} ms, encoding "
            f"{per_pass['encode'] * 1000:.1f} ms; an extraction costs "
            f"{path / per_pass['pipe']:.2f}x nlp.pipe, so row 2 per CPU second cannot pass about "
            f"{per_pass['pipe'] / path:.2f} however little the server costs"
        ],
        dict(per_pass),
    )


# --- rows 3 and 5 ----------------------------------------------------------------------------


@dataclass
class Memory:
    worker_rss: int
    worker_peak: int
    worker_pss: int
    children_rss: list[int]
    children_pss: list[int]

    @classmethod
    def of(cls, pid: int) -> Memory:
        kids = procs.children(pid)
        return cls(
            procs.rss(pid),
            procs.peak_rss(pid),
            procs.pss(pid),
            [procs.rss(k) for k in kids],
            [procs.pss(k) for k in kids],
        )

    @property
    def tree_pss(self) -> int:
        return self.worker_pss + sum(self.children_pss)


def _probe(port: int, path: str, seconds: float) -> LoadResult:
    """A light, paced GET load: 2 connections, 10 ms apart (not enough to queue)."""
    return run_load(
        f"http://{procs.HOST}:{port}{path}",
        connections=2,
        seconds=seconds,
        wrk=None,
        interval_s=0.01,
    )


def row_latency(options: Options) -> tuple[Row, Memory]:
    # A p99 needs more samples than a mean: half the rounds, twice as long.
    rounds, seconds = max(1, (options.rounds + 1) // 2), 2 * options.seconds
    idle: list[LoadResult] = []
    busy: list[LoadResult] = []
    statuses: Counter[int] = Counter()
    with procs.running("app", "app", env=app_env(options)) as app:
        path = f"/v1/articles/{article_id(app.port)}/facts"
        _probe(app.port, path, 1)  # warm-up
        for _ in range(rounds):
            idle.append(_probe(app.port, path, seconds))
            with Posters(app.port, 4) as posters:
                time.sleep(1)  # extractions are running before the probe starts
                busy.append(_probe(app.port, path, seconds))
            statuses.update(posters.statuses)
        memory = Memory.of(app.pid)
    idle_p99 = statistics.median(r.p99_ms for r in idle)
    busy_p99 = statistics.median(r.p99_ms for r in busy)
    ratio = busy_p99 / idle_p99
    get_errors = sum(r.errors for r in idle + busy)
    errors = get_errors + sum(n for status, n in statuses.items() if status != 200)
    row = Row(
        "3. GET p99 while 4 clients extract",
        f"{busy_p99:.1f} ms",
        f"{idle_p99:.1f} ms with no extraction",
        f"{ratio:.2f}",
        "<= 3x",
        ratio <= 3 and errors == 0,
        [
            f"paced probe: 2 connections, 10 ms between requests; median of {rounds} "
            f"alternating {seconds:g} s runs; p99 busy "
            f"{', '.join(f'{r.p99_ms:.1f}' for r in busy)} ms, idle "
            f"{', '.join(f'{r.p99_ms:.1f}' for r in idle)} ms; p50 busy "
            f"{statistics.median(r.p50_ms for r in busy):.1f} ms, idle "
            f"{statistics.median(r.p50_ms for r in idle):.1f} ms; extractions answered: "
            f"{dict(statuses)}; GET errors {get_errors}"
        ],
        {"busy_p99_ms": busy_p99, "idle_p99_ms": idle_p99, "errors": errors},
    )
    return row, memory


def row_memory(memory: Memory) -> Row:
    children = ""
    if memory.children_rss:
        children = (
            f"; {len(memory.children_rss)} extraction process(es): RSS "
            + ", ".join(f"{r / MB:.0f}" for r in memory.children_rss)
            + " MB, PSS "
            + ", ".join(f"{p / MB:.0f}" for p in memory.children_pss)
            + f" MB; whole worker tree PSS {memory.tree_pss / MB:.0f} MB"
        )
    biggest = max([memory.worker_peak, *memory.children_rss])
    # The worker and the extraction processes it forked share most of their pages: PSS
    # counts each shared page once, split between its sharers, so the tree's PSS is what
    # the worker really costs; and no single process may pass the limit either.
    return Row(
        "5. memory per worker (after row 3)",
        f"{memory.worker_rss / MB:.0f} MB RSS",
        "-",
        f"tree PSS {memory.tree_pss / MB:.0f} MB",
        "<= 350 MB",
        biggest <= 350 * MB and memory.tree_pss <= 350 * MB,
        [
            f"server worker RSS {memory.worker_rss / MB:.0f} MB (peak {memory.worker_peak / MB:.0f}"
            f" MB), PSS {memory.worker_pss / MB:.0f} MB{children}"
        ],
        {
            "worker_rss": memory.worker_rss,
            "worker_peak": memory.worker_peak,
            "children_rss": memory.children_rss,
            "tree_pss": memory.tree_pss,
        },
    )


# --- row 4 -------------------------------------------------------------------------------


def row_cold_start(options: Options) -> Row:
    spacy_s: list[float] = []
    app_s: list[float] = []
    for _ in range(options.rounds):
        _, elapsed = _reference("load", timeout=120)
        spacy_s.append(elapsed)
        with procs.running("app", "app", env=app_env(options)) as app:
            app_s.append(app.ready_after)
    spacy = statistics.median(spacy_s)
    served = statistics.median(app_s)
    return Row(
        "4. cold start: serve to ready /readyz",
        f"{served:.2f} s",
        f"{spacy:.2f} s spaCy import+load",
        f"+{served - spacy:.2f} s",
        "<= +1.00 s",
        served - spacy <= 1.0,
        [
            f"both from process spawn, median of {options.rounds} alternating runs; "
            f"app {', '.join(f'{s:.2f}' for s in app_s)} s; "
            f"spaCy {', '.join(f'{s:.2f}' for s in spacy_s)} s"
        ],
        {"app_s": served, "spacy_s": spacy},
    )


# --- row 6 -------------------------------------------------------------------------------


def _sample_memory(pid: int, stop: threading.Event, samples: list[tuple[float, int, int]]) -> None:
    started = time.perf_counter()
    while not stop.wait(1.0):
        memory = Memory.of(pid)
        samples.append(
            (
                time.perf_counter() - started,
                memory.worker_rss,
                memory.worker_rss + sum(memory.children_rss),
            )
        )


@contextlib.contextmanager
def _sampling(pid: int) -> Iterator[list[tuple[float, int, int]]]:
    samples: list[tuple[float, int, int]] = []
    stop = threading.Event()
    thread = threading.Thread(target=_sample_memory, args=(pid, stop, samples), daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join(timeout=10)


def _window(
    samples: list[tuple[float, int, int]],
    start: float,
    end: float,
    pick: Callable[[tuple[float, int, int]], int],
) -> float:
    last = samples[-1][0]
    chosen = [pick(s) for s in samples if start * last <= s[0] <= end * last]
    return statistics.mean(chosen) if chosen else float("nan")


def row_soak(options: Options) -> Row:
    with procs.running("app", "app", env=app_env(options)) as app:
        path = f"/v1/articles/{article_id(app.port)}/facts"
        with _sampling(app.pid) as samples, Posters(app.port, options.concurrency) as posters:
            load = run_load(
                f"http://{procs.HOST}:{app.port}{path}",
                connections=64,
                seconds=options.soak_seconds,
                wrk=options.wrk,
            )
        memory = Memory.of(app.pid)
    errors = load.errors + posters.errors
    first = _window(samples, 0.15, 0.35, lambda s: s[1])
    last = _window(samples, 0.80, 1.0, lambda s: s[1])
    growth = last - first
    tree_growth = _window(samples, 0.80, 1.0, lambda s: s[2]) - _window(
        samples, 0.15, 0.35, lambda s: s[2]
    )
    limit = 10 * MB
    return Row(
        f"6. {options.soak_seconds:g} s load, 64 conns + {options.concurrency} extracting",
        f"{errors} errors",
        "-",
        f"RSS {growth / MB:+.1f} MB",
        "0 errors, RSS growth < 10 MB",
        errors == 0 and growth < limit and tree_growth < limit,
        [
            f"{load.requests:,} GETs ({load.rps:,.0f} req/s, p99 {load.p99_ms:.1f} ms, "
            f"{load.errors} errors) and {sum(posters.statuses.values())} extractions "
            f"({dict(posters.statuses)}); worker RSS {first / MB:.0f} MB early -> "
            f"{last / MB:.0f} MB late (peak {memory.worker_peak / MB:.0f} MB); worker + "
            f"extraction processes RSS growth {tree_growth / MB:+.1f} MB"
        ],
        {"errors": errors, "rss_growth": growth, "tree_rss_growth": tree_growth},
    )


# --- row 11 ------------------------------------------------------------------------------

HOSTILE_CHARS = 100_000


def _filled(unit: str, length: int = HOSTILE_CHARS) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def hostile_texts() -> dict[str, str]:
    """Worst cases of 100,000 characters for the tokenizer and the extraction rules."""
    return {
        "one long token": "x" * HOSTILE_CHARS,
        "punctuation run": "," * HOSTILE_CHARS,
        "emoji run": "😀" * HOSTILE_CHARS,
        "5,000 nested quotation marks": _filled('Ann Lee said, "' * 5_000 + 'no." ' * 5_000),
        "10,000 one-word paragraphs": _filled("Election\n\n"),
    }


def _timed_post(port: int, pid: int, text: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the server and its extraction processes, and status."""
    connection = http.client.HTTPConnection(procs.HOST, port, timeout=600)
    try:
        cpu = procs.tree_cpu_seconds(pid)
        started = time.perf_counter()
        status = _post(connection, text)
        return time.perf_counter() - started, procs.tree_cpu_seconds(pid) - cpu, status
    finally:
        connection.close()


def row_hostile(options: Options) -> Row:
    """Each worst-case input against 100,000 characters of news prose, posted one at a time
    to one server (with a time limit that does not cut the measure short); the best of a
    few runs of each, in CPU seconds of the server's processes, steadier than wall time
    when other processes share the cores."""
    prose = _filled("\n\n".join(load_texts()) + "\n\n")
    cases = hostile_texts()
    rounds = max(1, min(options.rounds, 2))
    env = {**app_env(options), "NEWSFACTS_EXTRACTION_TIMEOUT_S": "600"}
    with procs.running("app", "app", env=env) as app:
        _timed_post(app.port, app.pid, load_texts()[0])  # warm the extraction process

        def best(text: str) -> tuple[float, float, int]:
            runs = [_timed_post(app.port, app.pid, text) for _ in range(rounds)]
            return min(runs, key=lambda run: run[1])

        reference = best(prose)
        timings = {name: best(text) for name, text in cases.items()}
    worst_name, worst = max(timings.items(), key=lambda item: item[1][1])
    ratio = worst[1] / reference[1]
    answered = all(status in (200, 422) for _, _, status in timings.values())
    return Row(
        "11. worst-case 100,000-char inputs vs prose",
        f"slowest {worst[1]:.2f} CPU s ({worst_name})",
        f"{reference[1]:.2f} CPU s for 100,000 chars of prose (status {reference[2]})",
        f"{ratio:.2f}",
        "<= 2.0",
        ratio <= 2.0 and reference[2] == 200 and answered,
        [
            f"each input posted alone, best of {rounds}, CPU s / wall s (status): "
            + "; ".join(
                f"{name} {cpu:.2f} / {wall:.2f} ({status})"
                for name, (wall, cpu, status) in timings.items()
            )
            + f"; prose {reference[1]:.2f} / {reference[0]:.2f}"
        ],
        {"reference_cpu_s": reference[1], **{name: t[1] for name, t in timings.items()}},
    )
