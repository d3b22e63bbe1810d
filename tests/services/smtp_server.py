"""A local SMTP server (aiosmtpd) in the test's event loop, on a free port; it keeps what it received."""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import warnings
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass
class SmtpServer:
    """Messages received, in order; `credentials` when the server requires AUTH."""

    port: int
    credentials: tuple[str, str] | None
    messages: list[EmailMessage] = field(default_factory=list)
    arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    @property
    def url(self) -> str:
        auth = f"{self.credentials[0]}:{self.credentials[1]}@" if self.credentials else ""
        return f"smtp://{auth}127.0.0.1:{self.port}"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.content if isinstance(envelope.content, bytes) else str(envelope.content).encode()
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        async with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 OK"

    async def wait_for(self, count: int, timeout: float = 15) -> list[EmailMessage]:
        """The first `count` messages, once they have arrived (a bounded wait)."""
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: len(self.messages) >= count), timeout)
        return self.messages[:count]

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and (data.login.decode(), data.password.decode()) == self.credentials
        )
        return AuthResult(success=ok)


@contextlib.asynccontextmanager
async def running_smtp(credentials: tuple[str, str] | None = None) -> AsyncIterator[SmtpServer]:
    """Serve SMTP on 127.0.0.1:<free port> until the block ends."""
    box = SmtpServer(port=0, credentials=credentials)

    def protocol() -> SMTP:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # plain AUTH on loopback, for the test only
            return SMTP(
                box,
                hostname="smtp.test",
                auth_required=credentials is not None,
                auth_require_tls=False,
                authenticator=box.authenticate if credentials else None,
            )

    server = await asyncio.get_running_loop().create_server(protocol, "127.0.0.1", 0)
    box.port = server.sockets[0].getsockname()[1]
    try:
        yield box
    finally:
        server.close()
        await server.wait_closed()
