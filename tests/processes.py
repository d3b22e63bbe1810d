"""Processes on this machine, read from /proc: which `secantusd-py` servers a test (or the run) left."""

from __future__ import annotations

import os
from pathlib import Path


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1])


def _live_pids() -> list[int]:
    pids = [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]
    return [pid for pid in pids if (stat := _stat(pid)) is not None and stat[0] != "Z"]


def descendants(root: int) -> set[int]:
    """Live children, grandchildren … of `root`."""
    parents = {pid: stat[1] for pid in _live_pids() if (stat := _stat(pid)) is not None}
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def secantusd_servers(*, naming: str | None = None, among: set[int] | None = None) -> dict[int, str]:
    """Live `secantusd-py` processes whose command line contains `naming`, or whose pid is in `among`."""
    servers = {}
    for pid in _live_pids():
        argv = _cmdline(pid)
        if not any("secantusd" in Path(arg).name for arg in argv):
            continue
        command = " ".join(argv).strip()
        if (naming is not None and naming in command) or (among is not None and pid in among):
            servers[pid] = command
    return servers
