"""`python -m bench [--quick]`: measures the performance table of issue 6 and prints it.

Every row is a ratio against a reference measured in the same run, on the same machine,
beside the absolute numbers. Servers run as subprocesses on free loopback ports and are
always stopped; every loop is bounded by time.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import archive_rows, machine, procs, rows
from bench.load import find_wrk
from bench.procs import ROOT

RESULTS = ROOT / "bench" / "results"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="short runs (2 s, 2 rounds, 10 s soak) for a check"
    )
    parser.add_argument("--seconds", type=float, help="length of one measurement (default 4)")
    parser.add_argument("--rounds", type=int, help="A/B alternations per row (default 6)")
    parser.add_argument("--soak-seconds", type=float, help="length of the row 6 load (default 60)")
    parser.add_argument(
        "--rows",
        default="1,2,3,4,6,7,8,9,11,12",
        help=(
            "rows to run, e.g. 1,3 (5 comes with 3, 2a and 2b with 2, 10 with 9, 13 to 15 with 12)"
        ),
    )
    parser.add_argument(
        "--archive-size",
        type=int,
        help="articles stored for rows 9, 10 and 12 to 15 (default 100,000; 10,000 with --quick)",
    )
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help=(
            "the archive of rows 9, 10 and 12 to 15: a SQLite file, or a throwaway PostgreSQL "
            "cluster the bench starts and removes (Debian's postgresql package)"
        ),
    )
    parser.add_argument("--no-pin", action="store_true", help="do not pin server and wrk to cores")
    parser.add_argument("--python-load", action="store_true", help="ignore wrk if installed")
    parser.add_argument(
        "--no-install", action="store_true", help="do not try to apt-get install wrk"
    )
    parser.add_argument(
        "--app-env",
        action="append",
        default=[],
        metavar="NEWSFACTS_X=VALUE",
        help="a setting for the app servers (repeatable), e.g. NEWSFACTS_LOG_LEVEL=warning",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    return parser


def _options(args: argparse.Namespace) -> rows.Options:
    quick = args.quick
    wrk = None if args.python_load else find_wrk(install=not args.no_install)
    app_env = dict(item.split("=", 1) for item in args.app_env if "=" in item)
    return rows.Options(
        seconds=args.seconds or (2.0 if quick else 4.0),
        rounds=args.rounds or (2 if quick else 6),
        soak_seconds=args.soak_seconds or (10.0 if quick else 60.0),
        wrk=wrk,
        pin=not args.no_pin,
        concurrency=int(app_env.get("NEWSFACTS_EXTRACTION_CONCURRENCY", "2")),
        app_env=app_env,
        archive_size=args.archive_size or (10_000 if quick else 100_000),
        database=args.database,
    )


def _table(results: list[rows.Row]) -> list[str]:
    header = ("measure", "value", "reference (same run)", "ratio", "target", "ok")
    cells = [header] + [
        (r.measure, r.value, r.reference, r.ratio, r.target, "yes" if r.ok else "NO")
        for r in results
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(row) for row in cells[1:]]
    return out


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds, so every server started gets stopped


def _row_order(row: rows.Row) -> tuple[int, str]:
    """`2b. …` sorts after `2a. …` and before `3. …`."""
    number = row.measure.split(".")[0]
    digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits), number[len(digits) :]


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGHUP, _exit_on_signal)
    args = _parser().parse_args(argv)
    for old_log in procs.LOGS.glob("*.log"):
        old_log.unlink()
    options = _options(args)
    # The servers' archive (and anything else they write) goes to a folder of this run.
    state = tempfile.TemporaryDirectory(prefix="newsfacts-bench-")
    options.app_env.setdefault("NEWSFACTS_STATE_DIR", state.name)
    wanted = {int(n) for n in args.rows.split(",") if n.strip()}
    from app.settings import get_settings

    pipeline = get_settings().spacy_pipeline
    generator = f"wrk {machine.wrk_version(options.wrk)}" if options.wrk else "python (bench.load)"
    pinned = "server on cpu 0, load generator on cpu 1" if options.server_cpus else "not pinned"
    header = [
        f"newsfacts bench, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{'quick' if args.quick else 'full'} mode",
        *machine.describe(pipeline, generator),
        f"row 1 pinning: {pinned}; extraction concurrency {options.concurrency}"
        + "".join(f"; {k}={v}" for k, v in options.app_env.items())
        + f"; archive of rows 9, 10, 12-15: {options.database}",
    ]
    for text in header:
        print(text, flush=True)

    results: list[rows.Row] = []
    failures: list[str] = []

    def run(number: int, measure: Callable[[], None]) -> None:
        if number not in wanted:
            return
        started = time.perf_counter()
        print(f"... row {number}", file=sys.stderr, flush=True)
        try:
            measure()
        except Exception as error:
            failures.append(f"row {number} failed: {type(error).__name__}: {error}")
            traceback.print_exc()
        print(f"... row {number}: {time.perf_counter() - started:.0f} s", file=sys.stderr)

    def latency_and_memory() -> None:
        row, memory = rows.row_latency(options)
        results.append(row)
        results.append(rows.row_memory(memory))

    run(1, lambda: results.append(rows.row_throughput(options)))
    run(2, lambda: results.extend([*rows.row_extraction(options), rows.row_rules_share(options)]))
    run(3, latency_and_memory)
    run(4, lambda: results.append(rows.row_cold_start(options)))
    run(6, lambda: results.append(rows.row_soak(options)))
    run(7, lambda: results.append(archive_rows.row_add_throughput(options)))
    run(8, lambda: results.append(archive_rows.row_added_facts(options)))
    run(9, lambda: results.extend(archive_rows.rows_large_archive(options)))
    run(11, lambda: results.append(rows.row_hostile(options)))
    run(12, lambda: results.extend(archive_rows.rows_across(options)))
    results.sort(key=_row_order)

    print()
    for text in _table(results):
        print(text)
    print()
    for result in results:
        for note in result.notes:
            print(f"{result.measure.split('.')[0]}. {note}")
    for failure in failures:
        print(failure)
    for log in procs.kept_logs:
        print(f"a server logged a traceback: {log.relative_to(ROOT)}")
    met = sum(r.ok for r in results)
    print(
        f"\n{met} of {len(results)} rows meet their target"
        + (" (with failures)" if failures else "")
    )

    path = args.json or RESULTS / "latest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "header": header,
                "rows": [dataclasses.asdict(r) for r in results],
                "failures": failures,
            },
            indent=2,
        )
    )
    state.cleanup()
    return 0 if met == len(results) and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
