"""Linux processes as /proc shows them: a process's children, and its memory from
/proc/PID/smaps_rollup (RSS, PSS, the pages it alone maps)."""

from __future__ import annotations

from pathlib import Path


def children(pid: int) -> list[int]:
    """Direct child processes of `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def memory_kb(pid: int | str) -> dict[str, int]:
    """The kB fields of /proc/PID/smaps_rollup (`Rss`, `Pss`, `Private_Dirty`, …); `pid`
    may be `"self"`."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields


def own_kb(fields: dict[str, int]) -> int:
    """The memory no other process maps (USS), from `memory_kb`'s fields."""
    return fields["Private_Clean"] + fields["Private_Dirty"]
