"""Runs extractions off the event loop, with a bound on waiting work and a time limit.

spaCy and the extraction rules are CPU-bound Python that holds the GIL, so extractions in
threads of the server process starve its event loop (GETs wait behind them). Each slot is
therefore a child process forked from the server once the pipeline and the rules' data
packages are loaded: the child inherits them (their pages are shared copy-on-write,
nothing is loaded twice), runs in a session of its own (see `lower_priority`) and takes
jobs over a pipe. An extraction past its time limit kills its child, which is forked
again; a slot never stays stuck.

The child answers with the facts document already encoded as JSON, once, by pydantic-core:
the bytes cross the pipe as they are and the API sends them as they came, so the server
neither unpickles a tree of models nor validates and encodes it again.

Where `os.fork` does not exist the extractions run in threads, as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import pickle
import queue
import resource
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from multiprocessing.connection import Connection

from spacy.language import Language

from app.extraction.pipeline import Source, extract_source, load_data_packages
from app.models import Facts

# Extra niceness of the extraction children. Their own session already keeps them from
# slowing the event loop (bench row 3); a positive value favours GETs further, at the
# cost of extraction throughput whenever other processes compete for the cores.
CHILD_NICENESS = 0
# The event loop waits this much past the time limit for the slot's own verdict.
_GRACE_S = 2.0


class ExtractionBusyError(Exception):
    """Too many extractions are waiting already."""


class ExtractionTimeoutError(Exception):
    """An extraction ran past its time limit."""


class ExtractionCrashError(Exception):
    """The process running an extraction died (it has been replaced)."""


class _IdleChildGoneError(Exception):
    """The child was gone before it got the job (killed from outside, say)."""


Job = Source


@dataclass(frozen=True)
class ExtractedFacts:
    """The facts document of one extraction, as the JSON the API serves."""

    json: bytes

    @cached_property
    def facts(self) -> Facts:
        """The document as models, for a caller that needs them: decoded on first use."""
        return Facts.model_validate_json(self.json)


def encode_facts(facts: Facts) -> bytes:
    """Compact JSON, byte for byte what `model_dump_json` writes, without the `str` between."""
    return facts.__pydantic_serializer__.to_json(facts)


def run_job(nlp: Language, job: Job) -> bytes:
    """What an extraction process does with a job: the facts document, encoded."""
    return encode_facts(extract_source(nlp, job))


def _close_inherited_fds(keep: set[int]) -> None:
    """Close every descriptor but stdio and `keep`: the server's sockets and event loop must
    not stay open in the child (a connection would outlive its close in the server)."""
    highest = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if highest == resource.RLIM_INFINITY or highest > 1 << 20:
        highest = 1 << 20
    low = 3
    for fd in sorted(keep):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, highest)


def _fresh_stdio() -> None:
    """New stdout and stderr objects for the child, and the log handlers pointed at them: a
    thread of the server may have held the old ones' locks mid-write at the fork, and a
    child that wrote a warning or a log line through them would wait forever."""
    old = {id(stream) for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__)}
    sys.stdout = open(1, "w", 1, closefd=False, errors="backslashreplace")  # noqa: SIM115
    sys.stderr = open(2, "w", 1, closefd=False, errors="backslashreplace")  # noqa: SIM115
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if isinstance(handler, logging.StreamHandler) and id(handler.stream) in old:
                handler.stream = sys.stderr


def lower_priority(niceness: int) -> None:
    """Keep this process from slowing the server's event loop. With autogroup scheduling
    (Linux, on by default in Debian) the CPU is shared between sessions first, so a busy
    child in the server's session would slow the server too: the child gets a session of
    its own. A positive `niceness` then lowers that session (and the process) further."""
    with contextlib.suppress(OSError):
        os.setsid()
    if not niceness:
        return
    with contextlib.suppress(OSError), open("/proc/self/autogroup", "w") as autogroup:
        autogroup.write(str(niceness))
    with contextlib.suppress(OSError):
        os.nice(niceness)


def _child_main(nlp: Language, jobs: Connection, results: Connection, niceness: int) -> None:
    """The body of a forked child: run jobs until the pipe closes. Never returns."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        with contextlib.suppress(ValueError, OSError):
            signal.set_wakeup_fd(-1)  # the server's wakeup pipe is not ours
        _close_inherited_fds({jobs.fileno(), results.fileno()})
        _fresh_stdio()
        lower_priority(niceness)
        while True:
            try:
                job: Job | None = jobs.recv()
            except (EOFError, OSError):  # the server is gone
                break
            if job is None:
                break
            try:
                answer = run_job(nlp, job)
            except Exception as error:
                try:
                    answer = pickle.dumps(error)
                except Exception:  # an exception that does not pickle
                    answer = pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))
            try:
                results.send_bytes(answer)
            except (OSError, ValueError):
                break
    except BaseException:
        code = 1
    finally:
        os._exit(code)


class _Child:
    """One forked extraction process and the two pipes to it."""

    def __init__(self, nlp: Language, niceness: int) -> None:
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        # The child's garbage collector would write to every object it inherits (their GC
        # headers), copying the pages it shares with the server; frozen, they stay shared.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(job_write)
            os.close(result_read)
            _child_main(
                nlp,
                Connection(job_read, writable=False),
                Connection(result_write, readable=False),
                niceness,
            )
        os.close(job_read)
        os.close(result_write)
        self.pid = pid
        self.jobs = Connection(job_write, readable=False)
        self.results = Connection(result_read, writable=False)
        self.working = False  # it holds a job it has not answered

    def run(self, job: Job, deadline: float) -> ExtractedFacts:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ExtractionTimeoutError
        try:
            self.jobs.send(job)
        except OSError as error:  # it died while idle: the job never started
            raise _IdleChildGoneError from error
        self.working = True
        if not self.results.poll(remaining):
            raise ExtractionTimeoutError
        answer = self.results.recv_bytes()
        self.working = False
        # A facts document is a JSON object, so it opens with `{`; a pickled error never does.
        if answer.startswith(b"{"):
            return ExtractedFacts(answer)
        raised: Exception = pickle.loads(answer)
        raise raised

    def stop(self, *, kill: bool) -> None:
        with contextlib.suppress(OSError):
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            else:
                self.jobs.send(None)
        self.jobs.close()
        self.results.close()
        if kill:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            return
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                    time.sleep(0.01)
                    continue
            return
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class _ChildPool:
    """`size` children, forked by `fill`, each used by one thread at a time; a child that
    timed out or died is replaced by a fresh fork."""

    def __init__(self, nlp: Language, size: int, niceness: int) -> None:
        self._nlp = nlp
        self._size = size
        self._niceness = niceness
        self._lock = threading.Lock()
        self._closed = False
        self._idle: queue.SimpleQueue[_Child] = queue.SimpleQueue()
        self._all: set[_Child] = set()

    def fill(self) -> None:
        """Fork the children, unless the pool is closed already (a server stopped while it
        started)."""
        with self._lock:
            if not self._closed:
                for _ in range(self._size):
                    self._idle.put(self._add_child())

    def _fork(self) -> _Child:
        with self._lock:
            if self._closed:
                raise RuntimeError("the extraction runner is closed")
            return self._add_child()

    def _add_child(self) -> _Child:
        """A new child, forked under `self._lock`, so that `close` stops it too."""
        child = _Child(self._nlp, self._niceness)
        self._all.add(child)
        return child

    def _retire(self, child: _Child) -> None:
        with self._lock:
            self._all.discard(child)
        child.stop(kill=True)

    def run(self, job: Job, deadline: float) -> ExtractedFacts:
        try:  # a job sent before `fill` waits for it
            child = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise ExtractionTimeoutError from None
        try:
            try:
                return child.run(job, deadline)
            except _IdleChildGoneError:  # the job is safe to give to a fresh child
                self._retire(child)
                child = self._fork()
                return child.run(job, deadline)
        except ExtractionTimeoutError:
            if child.working:  # stuck on the job: only a new process frees the slot
                self._retire(child)
                child = self._fork()
            raise
        except (EOFError, OSError, _IdleChildGoneError) as error:
            self._retire(child)
            child = self._fork()
            raise ExtractionCrashError(str(error) or type(error).__name__) from error
        finally:
            self._idle.put(child)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            children = list(self._all)
            self._all.clear()
        for child in children:
            child.stop(kill=False)


class ExtractionRunner:
    def __init__(
        self,
        nlp: Language,
        *,
        concurrency: int,
        timeout_s: float,
        processes: bool = True,
        niceness: int = CHILD_NICENESS,
        start: bool = True,
    ) -> None:
        """With `start=False` nothing is loaded nor forked until `start()`; jobs sent before
        wait for it (within their time limit)."""
        self._nlp = nlp
        self._executor = ThreadPoolExecutor(concurrency, thread_name_prefix="extract")
        self._pool = (
            _ChildPool(nlp, concurrency, niceness) if processes and hasattr(os, "fork") else None
        )
        self._max_pending = concurrency * 4
        self._pending = 0
        self._timeout_s = timeout_s
        if start:
            self.start()

    def start(self) -> None:
        """Load the rules' data packages, then fork the extraction processes, which share
        them (and the pipeline) with this process instead of each reading its own."""
        load_data_packages()
        if self._pool is not None:
            self._pool.fill()

    def _run(self, job: Job, deadline: float) -> ExtractedFacts:
        if self._pool is not None:
            return self._pool.run(job, deadline)
        return ExtractedFacts(run_job(self._nlp, job))

    async def extract(self, source: Source) -> ExtractedFacts:
        if self._pending >= self._max_pending:
            raise ExtractionBusyError
        self._pending += 1
        try:
            deadline = time.monotonic() + self._timeout_s
            loop = asyncio.get_running_loop()
            job = loop.run_in_executor(self._executor, self._run, source, deadline)
            limit = self._timeout_s + (_GRACE_S if self._pool is not None else 0)
            return await asyncio.wait_for(job, limit)
        except TimeoutError as error:
            raise ExtractionTimeoutError from error
        finally:
            self._pending -= 1

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        if self._pool is not None:
            self._pool.close()
