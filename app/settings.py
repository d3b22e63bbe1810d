"""Every setting Herald reads, with its default. `.env.example` documents the same list.

The service URLs keep their conventional unprefixed names (`MONGODB_URL`, `REDIS_URL`, `RABBITMQ_URL`)
so that compose files and hosting platforms can set them as they usually do; a URL left empty means
"use the embedded default" and only `herald dev` accepts that (see `Settings.require_services`).
"""

from __future__ import annotations

import enum
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Environment(enum.StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Herald's configuration, read from the environment and an optional `.env` file."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    environment: Environment = Environment.DEVELOPMENT
    host: str = "127.0.0.1"
    port: int = 8000
    public_base_url: str = "http://127.0.0.1:8000"
    data_dir: Path = Path("var")
    log_level: str = "INFO"
    log_json: bool = False
    allowed_origins: list[str] = Field(default_factory=list)

    # Services. Empty means embedded (herald dev only).
    mongodb_url: str | None = None
    mongodb_database: str = "herald"
    redis_url: str | None = None
    redis_prefix: str = "herald"
    rabbitmq_url: SecretStr | None = None
    rabbitmq_prefix: str = ""
    secantusd_command: str = "secantusd-py"

    # Secrets. Comma-separated Fernet keys; the first encrypts, all decrypt (rotation).
    fernet_keys: SecretStr | None = None

    # Auth.
    session_ttl_seconds: int = 14 * 24 * 3600
    login_limit_per_email: int = 10
    login_limit_per_address: int = 50
    login_limit_window_seconds: int = 15 * 60

    # GraphQL.
    graphql_max_depth: int = 12
    graphql_max_tokens: int = 2_000
    graphql_max_aliases: int = 30

    # Publishing.
    scheduler_tick_seconds: float = 1.0
    scheduler_batch_size: int = 200
    queued_reenqueue_after_seconds: float = 60.0
    worker_prefetch: int = 8
    worker_lease_seconds: float = 120.0
    worker_lease_renew_seconds: float = 30.0
    worker_shutdown_grace_seconds: float = 110.0
    retry_delays_seconds: tuple[float, ...] = Field(default=(30.0, 120.0, 600.0, 1800.0, 7200.0))
    event_stream_max_len: int = 10_000

    # Bluesky.
    bluesky_default_service: str = "https://bsky.social"

    @property
    def masks_errors(self) -> bool:
        """Unexpected errors reach clients only as "Unexpected error." outside development."""
        return self.environment is not Environment.DEVELOPMENT

    def require_services(self) -> None:
        """Refuse to start a production-shaped process on embedded defaults.

        The in-memory queue and event bus only work inside one process: silently using them in `herald
        serve` next to a separate `herald worker` would lose every job.
        """
        missing = [
            name
            for name, value in (
                ("MONGODB_URL", self.mongodb_url),
                ("REDIS_URL", self.redis_url),
                ("RABBITMQ_URL", self.rabbitmq_url),
                ("FERNET_KEYS", self.fernet_keys),
            )
            if not value
        ]
        if missing:
            raise SystemExit(
                f"{', '.join(missing)} must be set for this command; "
                "`herald dev` runs everything in one process on embedded defaults instead."
            )
