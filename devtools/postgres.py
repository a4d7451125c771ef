"""A throwaway PostgreSQL cluster (Debian's `postgresql` package): `initdb` in a temporary
folder, a free port on 127.0.0.1, trust authentication, stopped and removed at the end."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg

from devtools.ports import free_port


def _bin_dir() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql; .ci/run does)")
    return Path(found[-1]).parent


def _server_user() -> str | None:
    """PostgreSQL refuses to run as root: it runs as `postgres` (or `nobody`) then."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root, with no user to run PostgreSQL as")


class PostgresCluster:
    def __init__(self) -> None:
        self._bin = _bin_dir()
        self._user = _server_user()
        self.folder = Path(tempfile.mkdtemp(prefix="newsfacts-pg-"))
        if self._user is not None:
            shutil.chown(self.folder, self._user)
        self.port = free_port()
        self._run("initdb", "-D", str(self.folder / "data"), "-U", "newsfacts", "--auth=trust",
                  "-E", "UTF8", "--no-sync")  # fmt: skip
        self._databases = 0

    def _run(self, program: str, *args: str) -> None:
        command = [str(self._bin / program), *args]
        if self._user is not None:
            command = ["runuser", "-u", self._user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-o", options,
                  "-l", str(self.folder / "log"), "-w", "start")  # fmt: skip

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://newsfacts@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        self._databases += 1
        name = f"archive{self._databases}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="newsfacts", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # stopped already
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def running_cluster() -> Iterator[PostgresCluster]:
    """A started cluster, removed when the block ends however it ends."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()
