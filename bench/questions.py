"""`python -m bench.questions`: what a question across articles costs the server, and the
trade of `NEWSFACTS_QUESTION_NICENESS`, on one archive filled as for rows 12 to 15.

For each niceness in turn (alternating, `--rounds` times): the server's CPU time per
question of each kind (from /proc, over sequential GETs), the p99 of rows 12 to 14's
paced probes, and row 15's ratio."""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

from bench import procs
from bench.archive_rows import (
    _archive_env,
    _facts_template,
    _paced_gets,
    _row_facts_under_questions,
    _sqlite_url,
    fill_archive,
)
from bench.load import find_wrk
from bench.rows import Options

KINDS = ("speaker", "words", "actors")


def _cpu_ms_per_get(port: int, pid: int, paths: list[str]) -> float:
    connection = http.client.HTTPConnection(procs.HOST, port, timeout=30)
    try:
        before = procs.cpu_seconds(pid)
        for path in paths:
            connection.request("GET", path)
            connection.getresponse().read()
        return (procs.cpu_seconds(pid) - before) / len(paths) * 1000
    finally:
        connection.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.questions", description=__doc__)
    parser.add_argument("--archive-size", type=int, default=5000)
    parser.add_argument("--niceness", default="0,19", help="values to compare, e.g. 0,10,19")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    base = Options(seconds=4, rounds=2, soak_seconds=1, wrk=find_wrk(install=False), pin=True)
    template = _facts_template(base)
    with tempfile.TemporaryDirectory() as folder:
        url = _sqlite_url(Path(folder))
        _, varied = fill_archive(url, args.archive_size, template)
        pick = random.Random(15)
        speakers = sorted(varied.spoken)
        paths: list[str] = []
        for _ in range(300):
            words = " ".join(pick.sample(varied.vocabulary, 2))
            name = pick.choice(varied.names).split()[pick.randrange(2)]
            paths += [
                f"/v1/quotes?speaker={pick.choice(speakers)}",
                f"/v1/quotes?{urlencode({'q': words})}",
                f"/v1/actors?q={name}",
            ]
        print(f"SQLite archive of {args.archive_size:,} articles", flush=True)
        for _ in range(args.rounds):
            for niceness in args.niceness.split(","):
                options = Options(
                    seconds=base.seconds,
                    rounds=base.rounds,
                    soak_seconds=1,
                    wrk=base.wrk,
                    pin=True,
                    app_env={"NEWSFACTS_QUESTION_NICENESS": niceness},
                )
                with procs.running("app", "app", env=_archive_env(options, url)) as app:
                    _paced_gets(app.port, paths[:60], per_second=50)  # warm-up
                    cpu = [_cpu_ms_per_get(app.port, app.pid, paths[i:600:3]) for i in range(3)]
                    latencies, _ = _paced_gets(app.port, paths, per_second=50)
                p99 = [statistics.quantiles(latencies[i::3], n=100)[98] for i in range(3)]
                row = _row_facts_under_questions(options, url, paths)
                print(
                    f"niceness {niceness}: server CPU per question "
                    + ", ".join(f"{k} {c:.2f} ms" for k, c in zip(KINDS, cpu, strict=True))
                    + "; p99 "
                    + ", ".join(f"{k} {p:.1f} ms" for k, p in zip(KINDS, p99, strict=True))
                    + f"; row 15 {row.ratio} ({row.value} vs {row.reference})",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
