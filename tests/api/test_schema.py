"""Property-based run over the OpenAPI schema: whatever a client sends, never a 5xx."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from api.stats import ViewCounter
from tests.api.conftest import issue_tokens, make_settings
from tests.conftest import write_mini_content


@pytest.fixture
def schema_app(tmp_path: Path) -> Iterator[FastAPI]:
    app = create_app(make_settings(tmp_path, write_mini_content(tmp_path / "content")), counter=ViewCounter())
    app.state.token = issue_tokens(app)["admin"]
    yield app
    app.state.repo.close()


EXAMPLES = 25


@pytest.mark.slow
def test_no_server_errors(schema_app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", schema_app)
    headers = {"Authorization": f"Bearer {schema_app.state.token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        run()
