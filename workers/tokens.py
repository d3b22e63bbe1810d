"""Keeping OAuth tokens alive: the scheduler refreshes every token whose `token_refresh_at` has come.

A refresh the network refuses for good (a revoked grant, error 190) marks the account NEEDS_REAUTH with
the network's reason, so the user hears about it before a post fails. A refresh that fails in a way that
may pass (the network is down, throttled, or answered without a token) keeps the working token and is
tried again later: a temporary failure never passes for a dead token.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from app.services import Services
from integrations.platforms.base import AuthExpired, PublishFailure, RateLimited
from integrations.platforms.oauth import token_times
from models.clock import utcnow
from models.social_account import AccountStatus, SocialAccount

log = structlog.get_logger(__name__)

# A refresh in progress holds its account this long; a refresher that dies lets it come back then.
HOLD = timedelta(minutes=5)


class TokenRefresher:
    """Refreshes due tokens in batches; any number may run, each account is claimed by one."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.settings = services.settings

    async def sweep(self, now: datetime | None = None, limit: int = 100) -> int:
        """Refresh up to `limit` accounts whose refresh time has come; returns how many were tried."""
        now = now or utcnow()
        tried = 0
        while tried < limit:
            account = await SocialAccount.claim_token_refresh(now, HOLD)
            if account is None:
                break
            tried += 1
            await self.refresh(account)
        return tried

    async def refresh(self, account: SocialAccount) -> None:
        """Refresh one account's token and record the outcome."""
        connector = self.services.connectors.get(account.platform)
        if connector is None:
            await account.defer_token_refresh(None)
            return
        cipher = self.services.cipher
        try:
            fresh = await connector.refresh(cipher.decrypt(account.credentials))
        except AuthExpired as failure:
            log.warning("token.refresh.refused", account_id=str(account.id), code=failure.code)
            await account.mark_status(AccountStatus.NEEDS_REAUTH, failure.message)
            return
        except PublishFailure as failure:
            await self._later(account, failure)
            return
        except Exception:  # a bug must not stop the sweep for every other account
            log.exception("token.refresh.crashed", account_id=str(account.id))
            await account.defer_token_refresh(
                utcnow() + timedelta(seconds=self.settings.token_refresh_retry_seconds)
            )
            return
        expires_at, refresh_at = token_times(fresh)
        await account.store_credentials(cipher.encrypt(fresh), expires_at=expires_at, refresh_at=refresh_at)
        log.info("token.refresh.done", account_id=str(account.id), expires_at=str(expires_at))

    async def _later(self, account: SocialAccount, failure: PublishFailure) -> None:
        retry = utcnow() + timedelta(seconds=self.settings.token_refresh_retry_seconds)
        at = max(retry, failure.retry_at) if isinstance(failure, RateLimited) else retry
        log.warning("token.refresh.deferred", account_id=str(account.id), code=failure.code, retry_at=str(at))
        await account.defer_token_refresh(at)
