"""Start `secantusd-py` so it cannot outlive Herald, even when Herald is SIGKILLed.

Run as a script (no Herald imports, so it starts in milliseconds):
    python secantusd_watchdog.py <pipe-fd> <stop-timeout-seconds> <secantusd-py> <args...>

Herald holds the only write end of the pipe; `<pipe-fd>` is its read end. This process forks a watchdog and
then *becomes* `secantusd-py` (exec), so Herald's child pid is the server's pid. The watchdog blocks on
the pipe: end-of-file means Herald is gone (however it died), and the watchdog sends the server SIGTERM
(a clean WiredTiger checkpoint), then SIGKILL if it has not exited within the timeout.
"""

from __future__ import annotations

import os
import signal
import sys
import time


def _watch(pipe_fd: int, server_pid: int, stop_timeout: float) -> None:
    os.closerange(0, pipe_fd)  # the data folder's lock and the log belong to the server alone
    os.closerange(pipe_fd + 1, 1 << 16)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while os.read(pipe_fd, 64):  # Herald never writes: this returns b"" when its write end closes
        pass
    if os.getppid() != server_pid:
        return  # the server already stopped (and its pid may belong to someone else by now)
    os.kill(server_pid, signal.SIGTERM)
    deadline = time.monotonic() + stop_timeout
    while os.getppid() == server_pid and time.monotonic() < deadline:
        time.sleep(0.05)
    if os.getppid() == server_pid:
        os.kill(server_pid, signal.SIGKILL)


def main(argv: list[str]) -> None:
    pipe_fd, stop_timeout, command = int(argv[0]), float(argv[1]), argv[2:]
    server_pid = os.getpid()
    if os.fork() == 0:
        try:
            _watch(pipe_fd, server_pid, stop_timeout)
        finally:
            os._exit(0)
    os.close(pipe_fd)
    os.execv(command[0], command)  # noqa: S606 (secantusd-py with the arguments Herald chose)


if __name__ == "__main__":
    main(sys.argv[1:])
