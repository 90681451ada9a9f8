"""Property-based API testing: schemathesis generates requests from /openapi.json.

Every documented operation is called over real HTTP with a bounded number of generated inputs
(valid and invalid); none may answer 5xx, and answers must match the documented status codes
and schemas. The ingest route is exercised too: with no token configured it must refuse every
generated body with a documented 403, never fail.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from eventwire.store import Store  # noqa: E402
from eventwire.web.app import create_app  # noqa: E402
from eventwire.web.testing import serve, synthetic_corpus  # noqa: E402

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("schemathesis") / "eventwire.db"
    store = Store(f"sqlite:///{db}")
    synthetic_corpus(store)
    with serve(create_app(store, token="")) as base:
        yield base
    store.close()


def _operations(base: str):
    schema = schemathesis.openapi.from_url(base + "/openapi.json")
    ops = [result.ok() for result in schema.get_all_operations()]
    assert len(ops) >= 15, "every kind's list and detail, dyads, timeline and ingest are documented"
    return ops


def test_no_server_errors_and_documented_answers(base_url):
    checked = []
    for op in _operations(base_url):

        @given(case=op.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(
                checks=[not_a_server_error, status_code_conformance, response_schema_conformance]
            )

        run()
        checked.append(f"{op.method.upper()} {op.path}")
    assert "POST /api/ingest" in checked and "GET /api/dyads/{a}/{b}/timeline" in checked
