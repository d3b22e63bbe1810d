"""What a starting process imports before it works: a replacement worker, scheduler or API must not wait
for libraries it needs only later (issue 16: a post worker consumes within 2 s of exec)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Imported on first use only: the atproto SDK (most of a second) at the first call to Bluesky.
DEFERRED = ("atproto_client",)

# What each command imports before it starts (see app/cli.py).
COMMANDS = {
    "worker post": "app.services, workers.post, workers.runtime",
    "scheduler": "app.services, workers.scheduler, workers.runtime",
    "serve": "app.main",
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_starting_process_leaves_the_network_sdks_unloaded(command: str) -> None:
    # given a fresh interpreter that imports what `herald <command>` imports before it serves or consumes
    probe = f"import sys, {COMMANDS[command]}; print(' '.join(m for m in {DEFERRED!r} if m in sys.modules))"

    # when it has imported them
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    # then none of the deferred SDKs is loaded yet
    assert loaded.stdout.split() == []
