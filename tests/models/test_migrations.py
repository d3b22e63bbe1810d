"""Data migrations run once per database, however many schedulers start."""

from __future__ import annotations

import uuid

from app.services import Services
from models.migrations import migrate


async def test_a_step_runs_once_and_is_then_skipped(services: Services) -> None:
    calls: list[str] = []

    async def step() -> int:
        calls.append("ran")
        return 1

    name = f"test-{uuid.uuid4().hex}"
    assert await migrate([(name, step)]) == [name]
    assert await migrate([(name, step)]) == []
    assert calls == ["ran"]


async def test_the_shipped_migrations_run_on_a_database_that_has_them_done(services: Services) -> None:
    await migrate()
    assert await migrate() == []
