"""structlog set-up: readable lines in a terminal, JSON in production (`LOG_JSON=true`)."""

from __future__ import annotations

import logging

import structlog

from app.settings import Settings


def configure_logging(settings: Settings) -> None:
    """Route structlog and the standard library's loggers through one renderer."""
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer()
        if settings.log_json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    level = logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.INFO)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
    )
    logging.basicConfig(level=level, format="%(name)s %(levelname)s %(message)s")
    # httpx logs every request's URL at INFO, and Meta's Graph API takes tokens and app secrets as query
    # parameters (its paging links carry them too): keep those URLs out of the logs.
    logging.getLogger("httpx").setLevel(max(level, logging.WARNING))
    access_log = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecretQueries) for f in access_log.filters):
        access_log.addFilter(RedactSecretQueries())


# Signed media URLs carry their signature in the query string, OAuth callbacks their code and state, and a
# GET to /graphql its variables (a password, a token): whoever reads the access log could replay them.
SECRET_QUERY_PATHS = ("/media/", "/oauth/", "/graphql")


class RedactSecretQueries(logging.Filter):
    """Drops the query string from uvicorn's access lines for paths whose query strings are secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        # uvicorn's access record: ('%s - "%s %s HTTP/%s" %d', client, method, path?query, version, status)
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            path, separator, _query = args[2].partition("?")
            if separator and path.startswith(SECRET_QUERY_PATHS):
                record.args = (args[0], args[1], f"{path}?[redacted]", *args[3:])
        return True
