"""The spaCy references, each in a fresh process.

`python -m bench.reference load` prints the seconds spaCy's own import + `spacy.load` take.
`python -m bench.reference pipe` loads the pipeline, then for each number of seconds read
from stdin runs `nlp.pipe` over the bench texts for at least that long and prints the words
and seconds: one warm process, so that its runs can alternate with the API's. It runs at
the CPU priority the server gives its extraction processes (the same conditions).
"""

from __future__ import annotations

import json
import sys
import time

STARTED = time.perf_counter()


def main() -> None:
    command = sys.argv[1]
    import spacy

    from app.settings import get_settings

    nlp = spacy.load(get_settings().spacy_pipeline)
    if command == "load":
        print(json.dumps({"seconds": time.perf_counter() - STARTED}), flush=True)
        return
    from app.runner import CHILD_NICENESS, lower_priority
    from bench.texts import load_texts, word_count

    lower_priority(CHILD_NICENESS)
    texts = load_texts()
    words_per_pass = sum(word_count(text) for text in texts)
    list(nlp.pipe(texts))  # warm-up pass, not timed
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        minimum = float(line)
        words = 0
        started = time.perf_counter()
        cpu_started = time.process_time()
        while True:
            for _ in nlp.pipe(texts):
                pass
            words += words_per_pass
            elapsed = time.perf_counter() - started
            if elapsed >= minimum:
                break
        cpu = time.process_time() - cpu_started
        print(json.dumps({"words": words, "seconds": elapsed, "cpu": cpu}), flush=True)


if __name__ == "__main__":
    main()
