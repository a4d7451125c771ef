"""A real server's memory: its extraction processes share what it loaded."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from devtools.processes import children, memory_kb, own_kb
from tests.live_server import live_server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="Linux /proc only"),
]

# Words the rules look up in every data package: a creed (word frequencies), a dateline
# city and an AP state abbreviation (places), a nationality (countries), holidays.
TEXT = (
    "BERLIN — Buddhism and Christianity were on the agenda, Mayor Ann Lee of Springfield, "
    "Ill., said on Thanksgiving.\n\n"
    '"Ramadan starts soon, and we will talk again after Eid al-Fitr," she told the French '
    "envoy on Monday."
)


def test_the_extraction_processes_share_the_pipeline_and_the_data_packages() -> None:
    # The pipeline is about 55 MB and the rules' data packages about 50 MB; an extraction
    # process that read its own packages would hold about 80 MB after its first job.
    with live_server({"NEWSFACTS_EXTRACTION_CONCURRENCY": "2"}) as server:
        for _ in range(4):  # jobs go to the idle processes in turn: two each
            answer = httpx.post(f"{server.base_url}/v1/extract", json={"text": TEXT}, timeout=60)
            assert answer.status_code == 200
            assert answer.json()["actors"]
        extraction_processes = children(server.process.pid)
        own = [own_kb(memory_kb(pid)) / 1024 for pid in extraction_processes]
    assert len(extraction_processes) == 2
    assert max(own) < 35, own
