"""Changing a password, and resetting a forgotten one through an emailed single-use token."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app.services import Services, smtp_mailer
from app.settings import Settings
from tests.herald_client import Member, sign_up
from tests.services.smtp_server import SmtpServer, running_smtp
from tests.stack import ApiServer, data, running_api

PASSWORD = "correct horse battery"
CHANGE = """
mutation ($input: PasswordChangeInput!) {
  passwordChange(input: $input) { user { email } userErrors { code field } }
}"""
REQUEST = """
mutation ($input: PasswordResetRequestInput!) {
  passwordResetRequest(input: $input) { accepted userErrors { code } }
}"""
COMPLETE = """
mutation ($input: PasswordResetCompleteInput!) {
  passwordResetComplete(input: $input) { done userErrors { code field } }
}"""
LOG_IN = "mutation ($input: LogInInput!) { logIn(input: $input) { token userErrors { code } } }"


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpServer]:
    async with running_smtp(("herald", "mail-pass")) as server:
        yield server


@pytest.fixture
async def mailing_api(settings: Settings, services: Services, smtp: SmtpServer) -> AsyncIterator[ApiServer]:
    """An API with SMTP_URL pointing at the local SMTP server."""
    mailing = settings.model_copy(
        update={"smtp_url": smtp.url, "password_reset_url": "https://app.example.test/reset"}
    )
    mailing = Settings.model_validate(mailing.model_dump())  # SMTP_URL as the SecretStr it is
    own = dataclasses.replace(services, settings=mailing, mailer=smtp_mailer(mailing))
    async with running_api(mailing, own) as api:
        yield api


async def log_in(api: ApiServer, email: str, password: str) -> dict[str, Any]:
    result: dict[str, Any] = (await data(api, LOG_IN, {"input": {"email": email, "password": password}}))[
        "logIn"
    ]
    return result


async def is_live(api: ApiServer, token: str) -> bool:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            api.graphql_url, json={"query": "{ me { id } }"}, headers={"authorization": f"Bearer {token}"}
        )
    return response.status_code == 200


async def test_changing_the_password_ends_the_other_sessions(api: ApiServer) -> None:
    # given a user signed in twice
    member = await sign_up(api)
    other = (await log_in(api, member.email, PASSWORD))["token"]

    # when they change the password in the first session
    changes = {"currentPassword": PASSWORD, "newPassword": "a brand new password"}
    payload = (await data(api, CHANGE, {"input": changes}, token=member.token))["passwordChange"]
    assert payload == {"user": {"email": member.email}, "userErrors": []}

    # then that session lives on, the other ended, and only the new password works
    assert await is_live(api, member.token) and not await is_live(api, other)
    assert (await log_in(api, member.email, PASSWORD))["userErrors"] == [{"code": "INVALID_CREDENTIALS"}]
    assert (await log_in(api, member.email, "a brand new password"))["userErrors"] == []


@pytest.mark.parametrize(
    ("current", "new", "code", "field"),
    [
        ("not my password", "a brand new password", "WRONG_PASSWORD", ["currentPassword"]),
        (PASSWORD, "short", "PASSWORD_TOO_WEAK", ["newPassword"]),
    ],
)
async def test_a_password_change_is_refused(
    api: ApiServer, current: str, new: str, code: str, field: list[str]
) -> None:
    member = await sign_up(api)
    changes = {"currentPassword": current, "newPassword": new}
    payload = (await data(api, CHANGE, {"input": changes}, token=member.token))["passwordChange"]
    assert payload == {"user": None, "userErrors": [{"code": code, "field": field}]}
    assert (await log_in(api, member.email, PASSWORD))["userErrors"] == []


async def test_a_password_is_reset_with_the_emailed_token(mailing_api: ApiServer, smtp: SmtpServer) -> None:
    # given a user signed in on two devices who forgot the password
    api = mailing_api
    member = await sign_up(api)
    other = (await log_in(api, member.email, PASSWORD))["token"]

    # when they ask for a reset, an email with a link arrives
    payload = (await data(api, REQUEST, {"input": {"email": member.email.upper()}}))["passwordResetRequest"]
    assert payload == {"accepted": True, "userErrors": []}
    [message] = await smtp.wait_for(1)
    assert message["To"] == member.email
    token = _token_in(message.get_content())

    # and they set a new password with its token
    reset = {"token": token, "newPassword": "my new long password"}
    assert (await data(api, COMPLETE, {"input": reset}))["passwordResetComplete"] == {
        "done": True,
        "userErrors": [],
    }

    # then every session ended, the new password works, and the token is spent
    assert not await is_live(api, member.token) and not await is_live(api, other)
    assert (await log_in(api, member.email, "my new long password"))["userErrors"] == []
    again = await data(api, COMPLETE, {"input": {**reset, "newPassword": "yet another password"}})
    assert again["passwordResetComplete"]["userErrors"] == [{"code": "INVALID_TOKEN", "field": ["token"]}]


async def test_a_reset_request_answers_the_same_for_an_unknown_email(
    mailing_api: ApiServer, smtp: SmtpServer
) -> None:
    # given a request for an email without an account, then one for a user
    unknown = f"nobody-{uuid.uuid4().hex[:8]}@example.test"
    member = await sign_up(mailing_api)
    answers = [
        (await data(mailing_api, REQUEST, {"input": {"email": email}}))["passwordResetRequest"]
        for email in (unknown, member.email)
    ]

    # then both answers are the same, and the only email goes to the user
    assert answers == [{"accepted": True, "userErrors": []}] * 2
    [message] = await smtp.wait_for(1)
    assert message["To"] == member.email and len(smtp.messages) == 1


async def test_a_weak_new_password_does_not_spend_the_token(mailing_api: ApiServer, smtp: SmtpServer) -> None:
    member: Member = await sign_up(mailing_api)
    await data(mailing_api, REQUEST, {"input": {"email": member.email}})
    token = _token_in((await smtp.wait_for(1))[0].get_content())

    weak = await data(mailing_api, COMPLETE, {"input": {"token": token, "newPassword": "short"}})
    assert weak["passwordResetComplete"]["userErrors"] == [
        {"code": "PASSWORD_TOO_WEAK", "field": ["newPassword"]}
    ]
    strong = {"token": token, "newPassword": "a long enough password"}
    assert (await data(mailing_api, COMPLETE, {"input": strong}))["passwordResetComplete"]["done"] is True


async def test_a_made_up_token_is_refused(mailing_api: ApiServer) -> None:
    made_up = {"token": "made-up", "newPassword": "a long enough password"}
    payload = (await data(mailing_api, COMPLETE, {"input": made_up}))["passwordResetComplete"]
    assert payload == {"done": False, "userErrors": [{"code": "INVALID_TOKEN", "field": ["token"]}]}


async def test_without_smtp_a_reset_is_not_configured(api: ApiServer) -> None:
    payload = (await data(api, REQUEST, {"input": {"email": "someone@example.test"}}))["passwordResetRequest"]
    assert payload == {"accepted": False, "userErrors": [{"code": "NOT_CONFIGURED"}]}


def _token_in(text: str) -> str:
    match = re.search(r"https://app\.example\.test/reset\?token=([A-Za-z0-9_-]+)", text)
    assert match is not None, text
    return match[1]
