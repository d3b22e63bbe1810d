"""`.env.example` documents every setting, and says what `herald dev` and production need."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_lists_every_setting_once() -> None:
    names = [
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert sorted(names) == sorted(field.upper() for field in Settings.model_fields)


def test_env_example_values_are_valid_settings() -> None:
    settings = Settings(_env_file=ROOT / ".env.example")
    assert settings == Settings(_env_file=None)


def test_production_commands_refuse_embedded_defaults() -> None:
    with pytest.raises(SystemExit, match="MONGODB_URL, REDIS_URL, RABBITMQ_URL, FERNET_KEYS"):
        Settings(_env_file=None).require_services()
