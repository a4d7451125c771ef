"""`python -m bench.steps [--rounds N] [--json]`: the CPU time of each step of an extraction,
in this process, against `nlp.pipe` over the same bodies.

For each round, `nlp.pipe` runs over the bodies of the bench texts (spaCy's own speed: the
floor), then each text goes through the steps an extraction process takes for a job:
parsing the article, spaCy on its body (one `nlp(body)` call, as a request has one text),
the extraction rules, and encoding the facts document. CPU time (`time.process_time`),
summed over the rounds, so that the ratios hold when other processes share the cores.

`as_models` is, for comparison, what handing the document over as models would cost: the
child pickling the `Facts`, the server unpickling it, then validating and encoding it as a
FastAPI `response_model` does (the extraction processes send the encoded bytes instead).
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections.abc import Callable
from typing import TypeVar

STEPS = ("parse", "spacy", "rules", "encode")
T = TypeVar("T")


def measure(rounds: int) -> dict[str, float]:
    """CPU seconds per pass over the bench texts: each step, and `pipe` (nlp.pipe)."""
    from pydantic import TypeAdapter

    from app.extraction.article import parse_article
    from app.extraction.pipeline import extract_from_doc, load_pipeline
    from app.models import Facts
    from app.runner import encode_facts
    from app.settings import get_settings
    from bench.texts import load_texts

    nlp = load_pipeline(get_settings().spacy_pipeline)
    texts = load_texts()
    bodies = [parse_article(text).body for text in texts]
    response_model = TypeAdapter(Facts)
    spent = dict.fromkeys(("pipe", *STEPS, "as_models"), 0.0)

    def timed(step: str, work: Callable[[], T]) -> T:
        started = time.process_time()
        result = work()
        spent[step] += time.process_time() - started
        return result

    for text in texts:  # warm-up, not counted
        encode_facts(extract_from_doc(parse_article(text), nlp(parse_article(text).body)))
    spent = dict.fromkeys(spent, 0.0)
    for _ in range(rounds):
        timed("pipe", lambda: list(nlp.pipe(bodies)))
        for text in texts:
            article = timed("parse", lambda: parse_article(text))  # noqa: B023
            doc = timed("spacy", lambda: nlp(article.body))  # noqa: B023
            facts = timed("rules", lambda: extract_from_doc(article, doc))  # noqa: B023
            timed("encode", lambda: encode_facts(facts))  # noqa: B023
            timed(
                "as_models",
                lambda: response_model.dump_json(
                    response_model.validate_python(pickle.loads(pickle.dumps(facts)))  # noqa: B023
                ),
            )
    return {step: seconds / rounds for step, seconds in spent.items()}


def table(per_pass: dict[str, float]) -> list[str]:
    pipe = per_pass["pipe"]
    lines = [f"nlp.pipe over the 5 bodies: {pipe * 1000:.1f} ms CPU per pass"]
    for step in STEPS:
        lines.append(
            f"  {step:<7} {per_pass[step] * 1000:7.1f} ms  {per_pass[step] / pipe:6.3f} of nlp.pipe"
        )
    path = sum(per_pass[step] for step in STEPS)
    lines.append(
        f"  {'all':<7} {path * 1000:7.1f} ms  {path / pipe:6.3f} of nlp.pipe: the best row 2 "
        f"can be per CPU second is {pipe / path:.2f} (a server and a pipe that cost nothing)"
    )
    lines.append(
        f"handing the document over as models instead of bytes: "
        f"{per_pass['as_models'] * 1000:.1f} ms (pickle, unpickle, validate, encode)"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.steps", description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the texts (5)")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    per_pass = measure(args.rounds)
    if args.json:
        print(json.dumps(per_pass), flush=True)
    else:
        print("\n".join(table(per_pass)))


if __name__ == "__main__":
    main()
