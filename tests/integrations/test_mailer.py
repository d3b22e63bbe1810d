"""The mailer speaks SMTP to a real (local) server, with and without credentials."""

from __future__ import annotations

import smtplib

import pytest

from integrations.mailer import MailerConfigError, SmtpConfig, SmtpMailer
from tests.services.smtp_server import running_smtp


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.test", SmtpConfig("mail.test", 25, False, False, None, None)),
        ("smtp://u%40x:p%3Aw@mail.test:2525", SmtpConfig("mail.test", 2525, False, False, "u@x", "p:w")),
        ("smtp://mail.test:587?starttls=true", SmtpConfig("mail.test", 587, False, True, None, None)),
        ("smtps://u:p@mail.test", SmtpConfig("mail.test", 465, True, False, "u", "p")),
    ],
)
def test_smtp_urls(url: str, expected: SmtpConfig) -> None:
    assert SmtpConfig.from_url(url) == expected


@pytest.mark.parametrize("url", ["http://mail.test", "smtp://", "mail.test:25"])
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(MailerConfigError):
        SmtpConfig.from_url(url)


@pytest.mark.parametrize("credentials", [None, ("herald", "s3cret:pass")])
async def test_a_message_reaches_the_server(credentials: tuple[str, str] | None) -> None:
    async with running_smtp(credentials) as server:
        mailer = SmtpMailer(SmtpConfig.from_url(server.url), sender="Herald <herald@example.test>")

        await mailer.send("ada@example.test", "Hello", "Line one.\nLine two.\n")

        [message] = await server.wait_for(1)
    assert message["To"] == "ada@example.test"
    assert message["From"] == "Herald <herald@example.test>"
    assert message["Subject"] == "Hello"
    assert message.get_content().replace("\r\n", "\n") == "Line one.\nLine two.\n"


async def test_wrong_credentials_fail_loudly() -> None:
    async with running_smtp(("herald", "right")) as server:
        config = SmtpConfig.from_url(server.url.replace("right", "wrong"))
        mailer = SmtpMailer(config, sender="herald@example.test", timeout_seconds=3)
        with pytest.raises((smtplib.SMTPException, OSError)):
            await mailer.send("a@example.test", "x", "y")
        assert server.messages == []
