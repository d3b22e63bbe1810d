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


class MediaBackend(enum.StrEnum):
    LOCAL = "local"
    S3 = "s3"


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
    # The built web console (`make web`), served at `/`; relative to the working directory.
    web_dist_dir: Path = Path("web/dist")

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
    # Only failed logins count. Past the first two limits the (email, address) pair or the address is
    # refused for the rest of the window; past the third (failures on one email from everywhere) every
    # attempt on that email waits `login_slowdown_seconds` first, so its owner is slowed, never locked out.
    login_limit_per_email_address: int = Field(default=10, ge=1)
    login_limit_per_address: int = Field(default=50, ge=1)
    login_limit_per_email: int = Field(default=100, ge=1)
    login_slowdown_seconds: float = Field(default=2.0, ge=0)
    login_limit_window_seconds: int = Field(default=15 * 60, ge=1)
    # Peers whose X-Forwarded-For / Forwarded headers name the client (as uvicorn's setting: comma-
    # separated IPs or CIDR ranges, or "*"); empty trusts none and the peer's own address is the client's.
    forwarded_allow_ips: str = ""
    # Subscriptions one user may hold at once (in all API processes together with Redis; per process
    # without); past it a subscribe gets SUBSCRIPTION_LIMIT.
    max_subscriptions_per_user: int = Field(default=50, ge=1)
    # Password reset by email: without SMTP_URL passwordResetRequest answers NOT_CONFIGURED. A reset
    # link is {PASSWORD_RESET_URL or PUBLIC_BASE_URL/reset-password}?token=..., valid for the TTL.
    password_reset_ttl_seconds: int = Field(default=3600, ge=60)
    password_reset_url: str | None = None
    # argon2 checks running at once in one process (each holds a thread and a core for ~0.3 s).
    password_hash_concurrency: int = Field(default=4, ge=1)

    # GraphQL.
    graphql_max_depth: int = 12
    graphql_max_tokens: int = 2_000
    graphql_max_aliases: int = 30
    # A /graphql body over this many bytes is refused (413) as it streams in; media uploads have their own.
    graphql_max_body_bytes: int = Field(default=1_000_000, gt=0)
    # Any string argument or variable longer than this is refused before a resolver runs.
    graphql_max_string_length: int = Field(default=100_000, gt=0)
    # signUp, logIn, password and AI mutations one request may hold in all.
    graphql_max_expensive_fields: int = Field(default=3, ge=1)
    # Empty: on outside production, off in production.
    graphiql_enabled: bool | None = None
    graphql_anonymous_introspection: bool | None = None

    # Publishing.
    scheduler_tick_seconds: float = 1.0
    scheduler_batch_size: int = 200
    queued_reenqueue_after_seconds: float = 60.0
    worker_prefetch: int = 8
    # Short and renewed often: a dead worker's target is taken over (reconciled first) within ~15 s.
    worker_lease_seconds: float = Field(default=10.0, gt=0)
    worker_lease_renew_seconds: float = Field(default=3.0, gt=0)
    worker_shutdown_grace_seconds: float = 110.0
    retry_delays_seconds: tuple[float, ...] = Field(default=(30.0, 120.0, 600.0, 1800.0, 7200.0))
    event_stream_max_len: int = 10_000
    # The outbox relay (resolvers.post_events): a pass every interval in each post worker and the scheduler;
    # a relay holds the entries it sends this long, so what a dead process held is sent again after it.
    outbox_relay_interval_seconds: float = Field(default=1.0, gt=0)
    outbox_relay_lease_seconds: float = Field(default=3.0, gt=0)
    # How often the scheduler compares SCHEDULED/PUBLISHING posts with their targets (and repairs them).
    post_status_sweep_seconds: float = Field(default=30.0, gt=0)

    # Bluesky.
    bluesky_default_service: str = "https://bsky.social"
    # Every address Herald calls on a user's behalf (a PDS, link-card pages) must be public unless this
    # allows private, loopback and link-local ones (tests; a self-hosted PDS on a LAN).
    fetch_allow_private_addresses: bool = False
    # Link cards: how the page a post links to (and its image) is fetched.
    link_preview_timeout_seconds: float = Field(default=5.0, gt=0)
    link_preview_max_bytes: int = Field(default=5_000_000, gt=0)

    # Connecting networks with OAuth. Empty base URL: PUBLIC_BASE_URL; callbacks are
    # {base}/oauth/{threads|instagram|facebook|reddit}/callback. Empty result URL: Herald's /oauth/result.
    oauth_redirect_base_url: str | None = None
    oauth_result_url: str | None = None
    oauth_state_ttl_seconds: int = Field(default=600, gt=0)
    # A network without its app credentials answers oauthStart with NOT_CONFIGURED.
    meta_app_id: str | None = None
    meta_app_secret: SecretStr | None = None
    meta_graph_url: str = "https://graph.facebook.com"
    meta_login_url: str = "https://www.facebook.com"
    meta_api_version: str = "v23.0"
    threads_app_id: str | None = None
    threads_app_secret: SecretStr | None = None
    threads_graph_url: str = "https://graph.threads.net"
    threads_authorize_url: str = "https://threads.net/oauth/authorize"
    threads_api_version: str = "v1.0"
    reddit_client_id: str | None = None
    reddit_client_secret: SecretStr | None = None
    reddit_www_url: str = "https://www.reddit.com"
    reddit_api_url: str = "https://oauth.reddit.com"
    reddit_developer_username: str | None = None
    # Meta containers (Threads, Instagram): status polls while a post is prepared.
    meta_container_poll_seconds: float = Field(default=60.0, gt=0)
    meta_container_timeout_seconds: float = Field(default=300.0, gt=0)
    # Back off when Meta's usage headers report the app at this share of its rate limit.
    meta_usage_limit_percent: float = Field(default=90.0, gt=0, le=100)
    platform_http_timeout_seconds: float = Field(default=20.0, gt=0)
    # The scheduler refreshes tokens due within this sweep; a failed refresh that may pass waits this long.
    token_refresh_interval_seconds: float = Field(default=60.0, gt=0)
    token_refresh_retry_seconds: float = Field(default=300.0, gt=0)

    # Email. smtp://user:password@host:port (add ?starttls=true to upgrade) or smtps://... (TLS).
    smtp_url: SecretStr | None = None
    smtp_from: str = "Herald <herald@localhost>"
    smtp_timeout_seconds: float = Field(default=10.0, gt=0)

    # AI writing help (Gemini). Without a key every AI field answers AI_NOT_CONFIGURED.
    gemini_api_key: SecretStr | None = None
    gemini_model: str = "gemini-2.5-flash"
    gemini_base_url: str | None = None
    gemini_timeout_seconds: float = Field(default=30.0, gt=0)
    gemini_max_retries: int = Field(default=2, ge=0, le=5)
    ai_daily_requests_per_workspace: int = Field(default=200, ge=1)

    # Analytics: reading published posts' numbers back (see models.metric_cadence for the cadence).
    # The scheduler plans readings this often, holds a claimed one this long (a lost job comes back
    # after it), and a worker leases a post this long while it reads it.
    analytics_plan_interval_seconds: float = Field(default=5.0, gt=0)
    analytics_claim_hold_seconds: float = Field(default=600.0, gt=0)
    analytics_lease_seconds: float = Field(default=60.0, gt=0)
    # Interval = clamp(min, max(age x age_ratio, unchanged time x unchanged_stretch), max); none after
    # stop_after_days. A failed reading is retried after retry_seconds, doubling, max_failures in a row.
    analytics_min_interval_seconds: float = Field(default=300.0, gt=0)
    analytics_max_interval_seconds: float = Field(default=86_400.0, gt=0)
    analytics_age_ratio: float = Field(default=0.25, ge=0)
    analytics_unchanged_stretch: float = Field(default=0.5, ge=0)
    analytics_stop_after_days: float = Field(default=30.0, gt=0)
    analytics_retry_seconds: float = Field(default=600.0, gt=0)
    analytics_max_failures: int = Field(default=6, ge=1)
    analytics_account_interval_seconds: float = Field(default=86_400.0, gt=0)
    # Analytics' own allowances, so readings never use up what publishing needs: readings per account
    # per hour, Meta's app usage (%) at which analytics stops first, Reddit reads per minute (the app's).
    analytics_account_requests_per_hour: int = Field(default=60, ge=1)
    analytics_usage_limit_percent: float = Field(default=60.0, gt=0, le=100)
    analytics_reddit_requests_per_minute: int = Field(default=30, ge=1)
    # postTargetMetricsRefresh: at most one per target in this many seconds.
    analytics_refresh_interval_seconds: float = Field(default=60.0, gt=0)
    # Dashboards: cached answers live this long (a new reading invalidates them at once); the heatmap
    # covers this many days; the overview lists this many top posts.
    analytics_cache_ttl_seconds: float = Field(default=300.0, gt=0)
    analytics_heatmap_days: int = Field(default=90, ge=1)
    analytics_top_posts: int = Field(default=10, ge=1, le=100)

    # Media. `local` keeps files under data_dir/media, served by Herald with signed URLs.
    media_backend: MediaBackend = MediaBackend.LOCAL
    media_signing_key: SecretStr | None = None
    s3_bucket: str | None = None
    s3_region: str = "us-east-1"
    s3_endpoint_url: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None
    s3_path_style: bool = False
    media_max_image_bytes: int = Field(default=25_000_000, gt=0)
    # GraphQL's Int (byteSize) stops at 2^31 - 1.
    media_max_video_bytes: int = Field(default=500_000_000, gt=0, le=2_000_000_000)
    # Checked from the header before anything is decoded; Pillow's own ceiling is 200 MP.
    media_max_pixels: int = Field(default=50_000_000, gt=0, le=200_000_000)
    media_upload_ttl_seconds: int = Field(default=900, gt=0)
    media_url_ttl_seconds: int = Field(default=3600, gt=0)
    # Uploads never completed (and refused files) are deleted this long after they were asked for, at
    # the next sweep: 45 min + 10 min keeps the worst case under an hour, after the upload URL (15 min)
    # and a completion's check (10 min) are long over.
    media_orphan_after_seconds: int = Field(default=45 * 60, gt=0)
    media_sweep_interval_seconds: float = Field(default=600.0, gt=0)
    # What a workspace may store: READY files plus the declared sizes of uploads not yet completed; and
    # how many upload URLs it may hold at once that were not completed yet.
    media_quota_bytes_per_workspace: int = Field(default=5 * 1024**3, gt=0)
    media_max_pending_uploads_per_workspace: int = Field(default=20, ge=1)
    # Meta fetches media by URL: refuse media whose URL host is loopback/private/link-local (tests' fakes,
    # which run on 127.0.0.1, turn this off).
    media_urls_public_check: bool = True

    @property
    def serves_graphiql(self) -> bool:
        """GraphiQL in the browser at /graphql: off in production unless enabled."""
        if self.graphiql_enabled is not None:
            return self.graphiql_enabled
        return self.environment != Environment.PRODUCTION

    @property
    def allows_anonymous_introspection(self) -> bool:
        """`__schema`/`__type` without signing in: refused in production unless allowed."""
        if self.graphql_anonymous_introspection is not None:
            return self.graphql_anonymous_introspection
        return self.environment != Environment.PRODUCTION

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
                *self._media_requirements(),
            )
            if not value
        ]
        if missing:
            raise SystemExit(
                f"{', '.join(missing)} must be set for this command; "
                "`herald dev` runs everything in one process on embedded defaults instead."
            )

    def _media_requirements(self) -> list[tuple[str, object]]:
        # Signed local URLs must survive restarts and agree between processes, so the key is configured;
        # S3 credentials may come from the environment's own chain (an IAM role), the bucket may not.
        if self.media_backend is MediaBackend.LOCAL:
            return [("MEDIA_SIGNING_KEY", self.media_signing_key)]
        return [("S3_BUCKET", self.s3_bucket)]
