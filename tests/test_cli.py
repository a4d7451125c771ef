"""The command line: `python -m app extract` prints the facts document the API serves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.models import Facts
from app.settings import PROJECT_ROOT
from tests.conftest import SHIPPED_ARTICLE


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
    )


def test_extract_prints_a_valid_facts_document() -> None:
    result = run_cli("extract", str(SHIPPED_ARTICLE))
    assert result.returncode == 0, result.stderr
    facts = Facts.model_validate_json(result.stdout)
    assert facts.article.title is not None
    assert facts.article.title.startswith("Putin Takes Hard Line")
    assert facts.quotes and facts.actors and facts.dates


def test_extract_plain_text_with_published_date(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("The council met on Monday and will vote on Friday.\n", encoding="utf-8")
    result = run_cli("extract", str(article), "--published", "2024-05-15")
    assert result.returncode == 0, result.stderr
    facts = Facts.model_validate_json(result.stdout)
    assert facts.article.title is None
    assert facts.article.published is not None
    assert facts.article.published.isoformat() == "2024-05-15"


def test_extract_reports_a_missing_file_and_a_bad_date(tmp_path: Path) -> None:
    missing = run_cli("extract", str(tmp_path / "absent.md"))
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr
    bad_date = run_cli("extract", str(SHIPPED_ARTICLE), "--published", "yesterday")
    assert bad_date.returncode == 2
    assert "YYYY-MM-DD" in bad_date.stderr


def test_extract_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "extract", "-", "--published", "2024-05-15"],
        input="Mayor Jane Doe said on Monday that the bridge would reopen.\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    facts = Facts.model_validate_json(result.stdout)
    assert [date.value for date in facts.dates] == ["2024-05-13"]


@pytest.mark.parametrize("content", ["", "  \n\n\t \n"], ids=["empty", "blank"])
def test_an_empty_or_blank_file_fails_with_the_apis_message(
    client: TestClient, tmp_path: Path, content: str
) -> None:
    article = tmp_path / "story.txt"
    article.write_text(content, encoding="utf-8")
    result = run_cli("extract", str(article))
    assert result.returncode != 0
    assert result.stdout == ""
    problem = client.post("/v1/extract", json={"text": content}).json()
    message = problem["errors"][0]["message"]
    assert message in result.stderr
    assert str(article) in result.stderr
