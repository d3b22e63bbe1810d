"""The suite's local services for the web console's e2e (`web/e2e/`, which is not Python): the real Bluesky
PDS with one account and an app password, the Threads, Meta and Reddit fakes with a user who consents
to each (Facebook's without the insights permission), and the Gemini fake scripted for the composer's AI
assist (captions for Bluesky, streamed, then a shorter text). Prints one line of JSON,
`{"pds": {"url", "handle", "appPassword"}, "env": {SETTING: value}}` (`env`: the settings that point a
Herald at the fakes), and stops when stdin closes (the e2e ends, or dies).

    .venv/bin/python -m tests.services.e2e_services alice.test
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

from tests.services.gemini_server import API_KEY, GeminiServer, json_answer
from tests.services.networks import network_settings, running_networks
from tests.services.pds import start_pds

E2E_CAPTION = "Fresh from Herald: posts written with a little help."
E2E_CAPTIONS = {"BLUESKY": {"text": E2E_CAPTION, "hashtags": ["herald"]}}
E2E_REWRITE = {"text": "Herald helps you write."}


async def _serve(handle: str) -> None:
    with tempfile.TemporaryDirectory(prefix="herald-e2e-pds-") as workdir:
        async with (
            start_pds(Path(workdir)) as pds,
            running_networks() as networks,
            GeminiServer().running() as gemini,
        ):
            # The e2e asks for captions (the text arrives in pieces, a little apart), then a rewrite
            gemini.script(json_answer(E2E_CAPTIONS, chunks=6, chunk_interval=0.15), json_answer(E2E_REWRITE))
            account = await pds.create_account(handle, f"{handle}@example.test", f"{handle}-password")
            app_password = await pds.create_app_password(account)
            name = handle.split(".")[0]
            networks.threads.consenting = networks.threads.add_user(f"{name}_threads")
            networks.reddit.consenting = networks.reddit.add_user(f"{name}_reddit")
            # Facebook: one page, with the insights permission unticked (the console says to reconnect)
            meta_user = networks.meta.add_user(name.title(), pages=1)
            meta_user.declines = {"read_insights"}
            networks.meta.consenting = meta_user
            gemini_settings = {"gemini_api_key": API_KEY, "gemini_base_url": gemini.url}
            settings = {**network_settings(networks), **gemini_settings}
            env = {key.upper(): _env_value(value) for key, value in settings.items()}
            bluesky = {"url": pds.url, "handle": account.handle, "appPassword": app_password}
            ready = {"pds": bluesky, "env": env}
            print(json.dumps(ready), flush=True)
            await asyncio.to_thread(sys.stdin.read)  # until the parent closes it


def _env_value(value: object) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


if __name__ == "__main__":
    asyncio.run(_serve(sys.argv[1] if len(sys.argv) > 1 else "alice.test"))
