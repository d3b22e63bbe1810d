"""Connected network accounts."""

from __future__ import annotations

from datetime import datetime
from typing import TypeAlias

import strawberry

from app.context import Info
from models.platform import PlatformName
from models.social_account import AccountStatus
from models.social_account import Capability as CapabilityModel
from models.social_account import SocialAccount as AccountModel
from resolvers import accounts as use_cases
from resolvers.codes import AccessErrorCode, AccountErrorCode
from schema.common import UserError, attempt, error_codes, signed_in, typed_errors
from schema.metrics import followers_history
from schema.relay import Node, parse_id_of, to_global_id

strawberry.enum(PlatformName, name="Platform", description="A network Herald publishes to.")
strawberry.enum(
    AccountStatus,
    name="SocialAccountStatus",
    description="ACTIVE publishes; NEEDS_REAUTH must be reconnected; DISCONNECTED was removed by an admin.",
)


strawberry.enum(
    CapabilityModel,
    name="AccountCapability",
    description="Something an account does only with a permission granted when it was connected. "
    "INSIGHTS: the network's insights (views, reach, saves, shares; on Threads every post metric).",
)

AccountCode: TypeAlias = AccountErrorCode | AccessErrorCode
"""What connecting and disconnecting accounts can answer with."""


@strawberry.type(description="Something an account cannot do until an admin reconnects it, and why.")
class MissingCapability:
    capability: CapabilityModel = strawberry.field(description="What is missing.")
    message: str = strawberry.field(description="What to do about it, in words a user can read.")

    @classmethod
    def of(cls, account: AccountModel, capability: CapabilityModel) -> MissingCapability:
        label = account.platform.value.title()
        # A Facebook Page is known by its name; the other networks' accounts by their @handle.
        named = account.handle if account.platform is PlatformName.FACEBOOK else f"@{account.handle}"
        return cls(
            capability=capability,
            message=f"Reconnect {named} to see its insights: {label} did not grant Herald "
            "the permission to read them when it was connected (posts still publish).",
        )


@strawberry.type(description="An account on a network, connected to a workspace.")
class SocialAccount(Node):
    platform: PlatformName
    handle: str = strawberry.field(description="The account's handle on its network.")
    display_name: str | None = strawberry.field(description="The account's display name, if known.")
    external_id: str = strawberry.field(description="The network's id for the account (a DID on Bluesky).")
    status: AccountStatus
    status_reason: str | None = strawberry.field(description="Why the account is not ACTIVE, in words.")
    created_at: datetime
    updated_at: datetime
    missing_capabilities: list[MissingCapability] = strawberry.field(
        description="What this account cannot do until an admin reconnects it (it was connected before "
        "Herald asked for the permission, or the permission was not granted), e.g. INSIGHTS: reconnect "
        "to see insights. Empty when nothing is missing."
    )
    followers_history = strawberry.field(
        resolver=followers_history, description="Its followers as Herald read them (daily) in [from, to)."
    )

    @classmethod
    def from_model(cls, account: AccountModel) -> SocialAccount:
        return cls(
            id=to_global_id("SocialAccount", account.id),
            platform=account.platform,
            handle=account.handle,
            display_name=account.display_name,
            external_id=account.external_id,
            status=account.status,
            status_reason=account.status_reason,
            created_at=account.created_at,
            updated_at=account.updated_at,
            missing_capabilities=[MissingCapability.of(account, c) for c in account.missing_capabilities()],
        )


@strawberry.input(description="A Bluesky account to connect with an app password (Settings → App passwords).")
class BlueskyAccountConnectInput:
    workspace_id: strawberry.ID
    handle: str = strawberry.field(description="Like alice.bsky.social.")
    app_password: str = strawberry.field(description="An app password, not the account's main password.")
    service_url: str | None = strawberry.field(
        default=None, description="The account's PDS; https://bsky.social when omitted."
    )


@strawberry.type(description="A reason an account could not be connected.")
class SocialAccountConnectError(UserError):
    code: AccountCode = error_codes(
        "SocialAccountConnectErrorCode",
        "Why an account could not be connected. SERVICE_URL_NOT_ALLOWED: the PDS (the service URL, or the "
        "one the account's DID document names) is on a private or local network address, or answered with "
        "a redirect; Herald calls only public addresses and follows no redirects.",
        AccountCode,
    )


@strawberry.type(description="The result of connecting an account.")
class SocialAccountConnectPayload:
    account: SocialAccount | None
    user_errors: list[SocialAccountConnectError]


@strawberry.type(description="A reason an account could not be disconnected.")
class SocialAccountDisconnectError(UserError):
    code: AccountCode = error_codes(
        "SocialAccountDisconnectErrorCode", "Why an account could not be disconnected.", AccountCode
    )


@strawberry.type(description="The result of socialAccountDisconnect.")
class SocialAccountDisconnectPayload:
    account: SocialAccount | None
    user_errors: list[SocialAccountDisconnectError]


async def bluesky_account_connect(
    info: Info, input: BlueskyAccountConnectInput
) -> SocialAccountConnectPayload:
    account, errors = await attempt(
        use_cases.bluesky_account_connect(
            info.context.services,
            signed_in(info),
            workspace_id=parse_id_of("Workspace", input.workspace_id),
            handle=input.handle,
            app_password=input.app_password,
            service_url=input.service_url,
        )
    )
    return SocialAccountConnectPayload(
        account=SocialAccount.from_model(account) if account else None,
        user_errors=typed_errors(SocialAccountConnectError, errors),
    )


async def social_account_disconnect(info: Info, id: strawberry.ID) -> SocialAccountDisconnectPayload:
    account, errors = await attempt(
        use_cases.social_account_disconnect(
            info.context.services, signed_in(info), parse_id_of("SocialAccount", id)
        )
    )
    return SocialAccountDisconnectPayload(
        account=SocialAccount.from_model(account) if account else None,
        user_errors=typed_errors(SocialAccountDisconnectError, errors),
    )
