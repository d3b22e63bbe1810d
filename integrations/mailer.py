"""Sending email through an SMTP server (`SMTP_URL`), for password resets and invitations.

`SMTP_URL` is `smtp://[user:password@]host[:port]` (plain, port 25 by default; add `?starttls=true` to
upgrade with STARTTLS before logging in) or `smtps://[user:password@]host[:port]` (TLS from the first
byte, port 465 by default). User and password are URL-encoded. The SMTP conversation runs in a thread
(stdlib `smtplib`), one connection per message: Herald sends few, and a long-lived connection would
only time out between them.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit


class Mailer(Protocol):
    """Sends one plain-text email."""

    async def send(self, to: str, subject: str, text: str) -> None: ...


class MailerConfigError(ValueError):
    """`SMTP_URL` is not a URL this mailer understands."""


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """Where and how to talk SMTP."""

    host: str
    port: int
    implicit_tls: bool  # smtps://
    starttls: bool
    username: str | None
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> SmtpConfig:
        """Parse `smtp://` / `smtps://` URLs (see the module docstring)."""
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise MailerConfigError("SMTP_URL must look like smtp://user:password@host:port or smtps://...")
        query = parse_qs(parts.query)
        implicit_tls = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if implicit_tls else 25),
            implicit_tls=implicit_tls,
            starttls=not implicit_tls and query.get("starttls", ["false"])[0].lower() in ("1", "true", "yes"),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )


class SmtpMailer:
    """Sends each message over a fresh SMTP connection, in a worker thread."""

    def __init__(
        self,
        config: SmtpConfig,
        *,
        sender: str,
        timeout_seconds: float = 10.0,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        self._config = config
        self._sender = sender
        self._timeout = timeout_seconds
        self._tls = tls_context or ssl.create_default_context()

    async def send(self, to: str, subject: str, text: str) -> None:
        """Send a plain-text message; raises `smtplib.SMTPException` or `OSError` when it fails."""
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(text)
        await asyncio.to_thread(self._send, message)

    def _send(self, message: EmailMessage) -> None:
        config = self._config
        smtp: smtplib.SMTP
        if config.implicit_tls:
            smtp = smtplib.SMTP_SSL(config.host, config.port, timeout=self._timeout, context=self._tls)
        else:
            smtp = smtplib.SMTP(config.host, config.port, timeout=self._timeout)
        with smtp:
            if config.starttls:
                smtp.starttls(context=self._tls)
            if config.username is not None:
                smtp.login(config.username, config.password or "")
            smtp.send_message(message)
