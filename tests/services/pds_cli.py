"""The test PDS for the web console's e2e (`web/e2e/`), which is not Python: start it, create an account
with an app password, print `{"url", "handle", "appPassword"}` as one line of JSON, and stop when stdin
closes (the e2e ends, or dies).

    .venv/bin/python -m tests.services.pds_cli alice.test
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

from tests.services.pds import start_pds


async def _serve(handle: str) -> None:
    with tempfile.TemporaryDirectory(prefix="herald-e2e-pds-") as workdir:
        async with start_pds(Path(workdir)) as pds:
            account = await pds.create_account(handle, f"{handle}@example.test", f"{handle}-password")
            app_password = await pds.create_app_password(account)
            ready = {"url": pds.url, "handle": account.handle, "appPassword": app_password}
            print(json.dumps(ready), flush=True)
            await asyncio.to_thread(sys.stdin.read)  # until the parent closes it


if __name__ == "__main__":
    asyncio.run(_serve(sys.argv[1] if len(sys.argv) > 1 else "alice.test"))
