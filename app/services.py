"""The composition root's clients: made once per process, handed down, closed on the way out.

With a service URL configured the real service is used. Only `herald dev` (`embedded=True`) may fall back
to the embedded MongoDB-wire server and the in-memory queue, event bus, session store and rate limiter;
every other command refuses to start without the URLs (`Settings.require_services`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import httpx
import structlog
from beanie import init_beanie
from pymongo import AsyncMongoClient
from redis.asyncio import Redis

from app.embedded import embedded_mongodb
from app.metric_sources import metric_sources
from app.networks import oauth_networks
from app.settings import Settings
from app.storage import open_storage
from integrations.cache import Cache, MemoryCache, RedisCache
from integrations.crypto import CredentialCipher, load_or_create_key
from integrations.events import EventBus, MemoryEventBus
from integrations.events_redis import RedisEventBus
from integrations.live_access import LiveAccess
from integrations.mailer import Mailer, SmtpConfig, SmtpMailer
from integrations.oauth_states import MemoryOAuthStateStore, OAuthStateStore, RedisOAuthStateStore
from integrations.one_time_tokens import MemoryOneTimeTokenStore, OneTimeTokenStore, RedisOneTimeTokenStore
from integrations.passwords import Passwords
from integrations.platforms.base import Platform
from integrations.platforms.bluesky import Bluesky
from integrations.platforms.metrics import MetricsSource
from integrations.platforms.oauth import OAuthConnector
from integrations.queue import JobQueue, MemoryJobQueue, QueueSpec, RabbitJobQueue
from integrations.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from integrations.safe_fetch import FetchPolicy, safe_client
from integrations.sessions import MemorySessionStore, RedisSessionStore, SessionStore
from integrations.storage import Storage
from integrations.subscription_slots import RedisSubscriptionSlots
from models.documents import DOCUMENT_MODELS
from models.outbox import POST_PUBLISH as POST_PUBLISH  # the queue's name belongs to the outbox's jobs
from models.platform import PlatformName

if TYPE_CHECKING:
    from integrations.gemini import Gemini

log = structlog.get_logger(__name__)

ANALYTICS_COLLECT = "analytics.collect"


@dataclass(frozen=True)
class Services:
    """Everything a resolver or a worker talks to outside its own process."""

    settings: Settings
    events: EventBus
    queue: JobQueue
    sessions: SessionStore
    rate_limiter: RateLimiter
    cipher: CredentialCipher
    storage: Storage
    bluesky: Bluesky
    platforms: Mapping[PlatformName, Platform]
    connectors: Mapping[PlatformName, OAuthConnector]  # networks connected with OAuth
    oauth_states: OAuthStateStore
    live: LiveAccess  # ends sockets and subscriptions when a session or membership ends
    gemini: Gemini | None  # None without GEMINI_API_KEY: AI fields answer AI_NOT_CONFIGURED
    metrics: Mapping[PlatformName, MetricsSource] = field(default_factory=dict)  # analytics readings
    cache: Cache = field(default_factory=MemoryCache)  # analytics answers (Redis when configured)
    passwords: Passwords = field(default_factory=Passwords)  # argon2, off the event loop
    one_time_tokens: OneTimeTokenStore = field(default_factory=MemoryOneTimeTokenStore)  # password resets
    mailer: Mailer | None = None  # None without SMTP_URL: passwordResetRequest answers NOT_CONFIGURED


def queue_specs(settings: Settings) -> list[QueueSpec]:
    """The queues Herald declares, with one delay queue per retry step."""
    return [
        QueueSpec(POST_PUBLISH, tuple(settings.retry_delays_seconds)),
        # A failed reading is planned again by the worker itself (see workers.analytics): no delay queues.
        QueueSpec(ANALYTICS_COLLECT),
    ]


def fetch_policy(settings: Settings) -> FetchPolicy:
    """How Herald calls addresses users name (FETCH_ALLOW_PRIVATE_ADDRESSES, LINK_PREVIEW_*)."""
    return FetchPolicy(
        timeout_seconds=settings.link_preview_timeout_seconds,
        max_page_bytes=settings.link_preview_max_bytes,
        max_image_bytes=settings.link_preview_max_bytes,
        allow_private_addresses=settings.fetch_allow_private_addresses,
    )


def smtp_mailer(settings: Settings) -> Mailer | None:
    """The process's mailer, or None when no SMTP_URL is set."""
    if settings.smtp_url is None:
        return None
    config = SmtpConfig.from_url(settings.smtp_url.get_secret_value())
    return SmtpMailer(config, sender=settings.smtp_from, timeout_seconds=settings.smtp_timeout_seconds)


def gemini_client(settings: Settings) -> Gemini | None:
    """The process's Gemini client, or None when no API key is set."""
    if settings.gemini_api_key is None:
        return None
    from integrations.gemini import Gemini  # the Gemini SDK is slow to import: only with a key

    return Gemini(
        settings.gemini_api_key.get_secret_value(),
        model=settings.gemini_model,
        base_url=settings.gemini_base_url,
        timeout_seconds=settings.gemini_timeout_seconds,
        max_retries=settings.gemini_max_retries,
    )


@asynccontextmanager
async def open_services(settings: Settings, *, embedded: bool = False) -> AsyncIterator[Services]:
    """Connect to (or, for `herald dev`, start) every service; close them all on exit."""
    if not embedded:
        settings.require_services()
    async with AsyncExitStack() as stack:
        mongodb_url = settings.mongodb_url or await stack.enter_async_context(
            embedded_mongodb(settings.data_dir / "mongodb", settings.secantusd_command)
        )
        mongo: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(mongodb_url, tz_aware=True)
        stack.push_async_callback(mongo.close)
        await init_beanie(database=mongo[settings.mongodb_database], document_models=DOCUMENT_MODELS)

        events: EventBus
        sessions: SessionStore
        oauth_states: OAuthStateStore
        limiter: RateLimiter
        cache: Cache
        tokens: OneTimeTokenStore
        if settings.redis_url:
            redis = Redis.from_url(settings.redis_url)
            stack.push_async_callback(redis.aclose)
            prefix = settings.redis_prefix
            events = RedisEventBus(redis, prefix=prefix, max_len=settings.event_stream_max_len)
            sessions = RedisSessionStore(redis, prefix=prefix, ttl_seconds=settings.session_ttl_seconds)
            oauth_states = RedisOAuthStateStore(
                redis, prefix=prefix, ttl_seconds=settings.oauth_state_ttl_seconds
            )
            limiter = RedisRateLimiter(redis, prefix=prefix)
            cache = RedisCache(redis, prefix=prefix)
            tokens = RedisOneTimeTokenStore(redis, prefix=prefix)
        else:
            events = MemoryEventBus(max_len=settings.event_stream_max_len)
            sessions = MemorySessionStore(ttl_seconds=settings.session_ttl_seconds)
            oauth_states = MemoryOAuthStateStore(ttl_seconds=settings.oauth_state_ttl_seconds)
            limiter = MemoryRateLimiter()
            cache = MemoryCache()
            tokens = MemoryOneTimeTokenStore()
        await events.start()
        stack.push_async_callback(events.close)
        slots = RedisSubscriptionSlots(redis, prefix=settings.redis_prefix) if settings.redis_url else None
        live = LiveAccess(events, max_per_user=settings.max_subscriptions_per_user, slots=slots)
        stack.push_async_callback(live.close)

        queue: JobQueue
        if settings.rabbitmq_url:
            queue = RabbitJobQueue(
                settings.rabbitmq_url.get_secret_value(),
                queue_specs(settings),
                prefix=settings.rabbitmq_prefix,
            )
        else:
            queue = MemoryJobQueue(queue_specs(settings))
        await queue.connect()
        stack.push_async_callback(queue.close)

        keys = settings.fernet_keys.get_secret_value() if settings.fernet_keys else None
        cipher = CredentialCipher.from_setting(keys or load_or_create_key(settings.data_dir / "fernet.key"))
        storage = await stack.enter_async_context(open_storage(settings))
        bluesky = Bluesky(fetch_policy=fetch_policy(settings))
        http = httpx.AsyncClient(timeout=settings.platform_http_timeout_seconds)
        stack.push_async_callback(http.aclose)
        networks = oauth_networks(settings, http)
        # Accounts' own PDSs are addresses users named: called within the safe-fetch policy.
        pds_http = safe_client(fetch_policy(settings), timeout_seconds=settings.platform_http_timeout_seconds)
        stack.push_async_callback(pds_http.aclose)
        gemini = gemini_client(settings)
        if gemini is not None:
            stack.push_async_callback(gemini.close)
        log.info(
            "services.ready",
            mongodb="embedded" if not settings.mongodb_url else "external",
            redis="memory" if not settings.redis_url else "external",
            rabbitmq="memory" if not settings.rabbitmq_url else "external",
        )
        yield Services(
            settings=settings,
            events=events,
            queue=queue,
            sessions=sessions,
            rate_limiter=limiter,
            cipher=cipher,
            storage=storage,
            bluesky=bluesky,
            platforms={PlatformName.BLUESKY: bluesky, **networks.platforms},
            connectors=networks.connectors,
            oauth_states=oauth_states,
            live=live,
            gemini=gemini,
            metrics=metric_sources(settings, http, networks.platforms, pds_http=pds_http),
            cache=cache,
            passwords=Passwords(concurrency=settings.password_hash_concurrency),
            one_time_tokens=tokens,
            mailer=smtp_mailer(settings),
        )
