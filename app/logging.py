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
