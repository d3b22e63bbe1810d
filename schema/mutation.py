"""Core mutations. Each field takes one `input:` (plus `id:` where it acts on one object)."""

from __future__ import annotations

import strawberry

from schema import accounts, auth, post_mutations, workspaces

_ = strawberry.mutation


@strawberry.type
class CoreMutation:
    """Sign-up and sessions, workspaces, accounts and posts."""

    sign_up = _(resolver=auth.sign_up, description="Create a user and a workspace they own; signs them in.")
    log_in = _(resolver=auth.log_in, description="Open a session (rate-limited per email and per address).")
    log_out = _(resolver=auth.log_out, description="End the session of the token this request carries.")
    workspace_create = _(resolver=workspaces.workspace_create, description="Create a workspace you own.")
    bluesky_account_connect = _(
        resolver=accounts.bluesky_account_connect,
        description="Connect a Bluesky account with an app password (needs ADMIN).",
    )
    social_account_disconnect = _(
        resolver=accounts.social_account_disconnect,
        description="Forget an account's credentials; it can no longer be published to (needs ADMIN).",
    )
    post_create = _(resolver=post_mutations.post_create, description="Write a post (needs EDITOR).")
    post_update = _(resolver=post_mutations.post_update, description="Change a post not queued yet.")
    post_delete = _(resolver=post_mutations.post_delete, description="Remove a post from Herald.")
    post_schedule = _(resolver=post_mutations.post_schedule, description="Publish at a given time.")
    post_publish_now = _(resolver=post_mutations.post_publish_now, description="Publish at once.")
    post_cancel = _(resolver=post_mutations.post_cancel, description="Stop targets that have not started.")
    post_target_retry = _(
        resolver=post_mutations.post_target_retry, description="Try a FAILED or UNCONFIRMED target again."
    )
