"""Meta's errors classified from their codes (Graph API "Handling Errors", Instagram "Error Codes"),
and the usage headers that make Herald wait before Meta refuses."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from integrations.platforms.base import AuthExpired, InvalidContent, OutcomeUnknown, Permanent, Transient
from integrations.platforms.meta_errors import GraphError, classify, container_failure
from integrations.platforms.meta_graph import DEFAULT_RATE_LIMIT_WAIT, usage_wait
from tests.services.meta_wire import graph_error


@pytest.mark.parametrize(
    ("status", "code", "subcode", "publishing", "kind", "herald_code"),
    [
        (400, 190, 463, False, AuthExpired, "TOKEN_EXPIRED"),
        (400, 102, None, False, AuthExpired, "TOKEN_EXPIRED"),
        (403, 200, None, False, AuthExpired, "PERMISSION_MISSING"),
        (400, 10, None, True, AuthExpired, "PERMISSION_MISSING"),
        (500, 1, None, False, Transient, "SERVICE_UNAVAILABLE"),
        (503, 2, None, False, Transient, "SERVICE_UNAVAILABLE"),
        (500, 2, None, True, OutcomeUnknown, "OUTCOME_UNKNOWN"),
        (502, None, None, True, OutcomeUnknown, "OUTCOME_UNKNOWN"),
        (400, 36000, 2207004, False, InvalidContent, "MEDIA_TOO_LARGE"),
        (400, 9004, 2207052, False, InvalidContent, "MEDIA_UNREACHABLE"),
        (400, 36003, 2207009, False, InvalidContent, "MEDIA_ASPECT_RATIO"),
        (400, -2, 2207003, False, Transient, "MEDIA_NOT_READY"),
        (400, 1, 2207099, False, InvalidContent, "MEDIA_REJECTED"),
        (400, 4, 2207051, False, Permanent, "ACCOUNT_RESTRICTED"),
        (400, 368, None, True, Permanent, "ACCOUNT_BLOCKED"),
        (400, 506, None, True, InvalidContent, "DUPLICATE_POST"),
        (400, 100, None, True, InvalidContent, "CONTENT_REJECTED"),
        (403, 3, None, False, Permanent, "REQUEST_REFUSED"),
    ],
)
def test_an_error_code_maps_to_its_failure(
    status: int, code: int | None, subcode: int | None, publishing: bool, kind: type, herald_code: str
) -> None:
    body = graph_error(code, "whatever Meta says", subcode=subcode) if code is not None else None
    failure = classify(GraphError.from_body(status, body), "Facebook", publishing=publishing)
    assert type(failure) is kind and failure is not None and failure.code == herald_code


@pytest.mark.parametrize(
    ("code", "subcode"), [(4, None), (17, None), (32, None), (613, None), (80001, None), (9, 2207042)]
)
def test_throttling_codes_are_left_to_the_caller_who_knows_when(code: int, subcode: int | None) -> None:
    assert (
        classify(
            GraphError.from_body(400, graph_error(code, "slow down", subcode=subcode)), "X", publishing=True
        )
        is None
    )


def test_the_users_message_is_preferred_in_reasons() -> None:
    body = graph_error(100, "Invalid parameter", error_user_msg="The link is not valid.")
    failure = classify(GraphError.from_body(400, body), "Facebook", publishing=True)
    assert failure is not None and "The link is not valid." in failure.message


def test_a_threads_container_error_is_put_in_words() -> None:
    assert "could not download the video" in container_failure("Threads", "FAILED_DOWNLOADING_VIDEO").message
    assert container_failure("Threads", None).code == "MEDIA_REJECTED"


@pytest.mark.parametrize(
    ("status", "kind", "code"),
    [
        ("2207026", InvalidContent, "MEDIA_FORMAT_UNSUPPORTED"),
        ("Error: Media upload has failed with error code 2207052", InvalidContent, "MEDIA_UNREACHABLE"),
        ("2207001", Transient, "MEDIA_NOT_READY"),
        ("2207099", InvalidContent, "MEDIA_REJECTED"),
    ],
)
def test_an_instagram_container_error_is_read_from_its_subcode(status: str, kind: type, code: str) -> None:
    failure = container_failure("Instagram", status)
    assert type(failure) is kind and failure.code == code


def test_usage_headers_below_the_limit_do_not_wait() -> None:
    headers = {"x-app-usage": json.dumps({"call_count": 89, "total_time": 10, "total_cputime": 5})}
    assert usage_wait(headers, 90) is None


def test_app_usage_at_the_limit_waits_the_default() -> None:
    headers = {"x-app-usage": json.dumps({"call_count": 10, "total_time": 91, "total_cputime": 5})}
    assert usage_wait(headers, 90) == DEFAULT_RATE_LIMIT_WAIT


def test_business_usage_waits_for_metas_estimate() -> None:
    usage = {"123": [{"type": "pages", "call_count": 95, "estimated_time_to_regain_access": 30}]}
    assert usage_wait({"x-business-use-case-usage": json.dumps(usage)}, 90) == timedelta(minutes=30)


def test_unreadable_usage_headers_are_ignored() -> None:
    assert usage_wait({"x-app-usage": "not json", "x-business-use-case-usage": "[1, 2]"}, 90) is None
