"""`python -m bench.rules_profile [--seconds S] [--rate N] [--top N]`: where the extraction
rules spend their CPU time, in process.

Starts a process that parses the bench texts and runs spaCy on their bodies once, then,
after one warm-up pass, runs `extract_from_doc` (the rules, models included) over the five
texts again and again for `--seconds`; py-spy samples it meanwhile. Only samples inside
`extract_from_doc` (and not in the warm-up) count, so the shares are of the rules' time.
py-spy, unlike cProfile, adds nothing to each call, so spaCy's Cython (`Token` creation,
`Doc.__getitem__`, which cProfile times per call) keeps its real weight; it counts in the
Python function that called it. The rules' time
against `nlp.pipe` is `python -m bench.steps`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from bench.hotspots import _function, _py_spy

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.models import Article

ENTRY = "extract_from_doc (app/extraction/pipeline.py)"
WARM_UP = "_warm_up (bench/rules_profile.py)"


def loop(seconds: float) -> None:
    """Extract the bench texts' facts from their parsed docs until `seconds` have passed."""
    from app.extraction.article import parse_article
    from app.extraction.pipeline import extract_from_doc, load_pipeline
    from app.settings import get_settings
    from bench.texts import load_texts

    nlp = load_pipeline(get_settings().spacy_pipeline)
    articles = [parse_article(text) for text in load_texts()]
    parsed = [(article, nlp(article.body)) for article in articles]
    _warm_up(parsed)
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for article, doc in parsed:
            extract_from_doc(article, doc)


def _warm_up(parsed: list[tuple[Article, Doc]]) -> None:
    """One pass that loads the data the rules use (gazetteers, word lists) and fills the
    caches; samples under this function are left out."""
    from app.extraction.pipeline import extract_from_doc

    for article, doc in parsed:
        extract_from_doc(article, doc)


def shares(raw: str) -> tuple[int, Counter[str], Counter[str]]:
    """Samples in `extract_from_doc`, and per function those it is innermost in (own) and
    those it is anywhere on the stack of (inclusive); frames above the entry are dropped."""
    samples, own, within = 0, Counter[str](), Counter[str]()
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        functions = [_function(frame) for frame in stack.split(";")]
        if ENTRY not in functions or WARM_UP in functions:
            continue
        functions = functions[functions.index(ENTRY) + 1 :]
        count = int(count_text)
        samples += count
        own[functions[-1] if functions else ENTRY] += count
        for function in set(functions):
            within[function] += count
    return samples, own, within


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rules_profile", description=__doc__)
    parser.add_argument("--seconds", type=float, default=40, help="length of the loop (40)")
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second (250)")
    parser.add_argument("--top", type=int, default=20, help="functions listed (20)")
    parser.add_argument("--loop", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.loop:
        loop(args.seconds)
        return 0
    py_spy = _py_spy()
    if py_spy is None:
        print("py-spy is not installed (make install)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-rules-") as folder:
        raw = Path(folder) / "py-spy.txt"
        command = [py_spy, "record", "--format", "raw", "--rate", str(args.rate)]
        command += ["--output", str(raw), "--", sys.executable, "-m", "bench.rules_profile"]
        command += ["--loop", "--seconds", str(args.seconds)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples, own, within = shares(raw.read_text())
    print(f"{samples} samples in extract_from_doc")
    listings = (("innermost function (self)", own), ("on the stack (inclusive)", within))
    for title, counter in listings:
        print(f"  {title}:")
        for name, count in counter.most_common(args.top):
            print(f"    {count / max(samples, 1):6.1%}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
