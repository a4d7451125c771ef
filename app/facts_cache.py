"""A disk cache of extracted facts, so a restart need not run the pipeline on the articles
it shipped with. An entry is keyed by the article text, the spaCy pipeline and the source of
the extraction code: any change to one of them misses the cache."""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path

from pydantic import ValidationError
from spacy.language import Language

from app.models import Facts

logger = logging.getLogger("newsfacts.cache")

_APP_DIR = Path(__file__).resolve().parent


@cache
def extraction_code_version() -> str:
    """A digest of every source file the facts depend on (the extraction and the models)."""
    digest = hashlib.sha256()
    for path in sorted([*(_APP_DIR / "extraction").rglob("*.py"), _APP_DIR / "models.py"]):
        digest.update(path.relative_to(_APP_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class FactsCache:
    def __init__(self, folder: Path, nlp: Language) -> None:
        self.folder = folder
        meta = nlp.meta
        self._salt = "\0".join(
            [str(meta.get("lang")), str(meta.get("name")), str(meta.get("version")),
             ",".join(nlp.pipe_names), extraction_code_version()]
        )  # fmt: skip

    def _path(self, text: str) -> Path:
        key = hashlib.sha256(f"{self._salt}\0{text}".encode()).hexdigest()
        return self.folder / f"{key}.json"

    def get(self, text: str) -> Facts | None:
        path = self._path(text)
        try:
            return Facts.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValidationError, ValueError) as error:
            logger.warning("ignored an unreadable cache entry %s: %s", path.name, error)
            return None

    def put(self, text: str, facts: Facts) -> None:
        path = self._path(text)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".tmp")
            partial.write_text(facts.model_dump_json(), encoding="utf-8")
            partial.replace(path)
        except OSError as error:  # a read-only image still serves; it just extracts at start
            logger.info("facts cache not written (%s)", error)
