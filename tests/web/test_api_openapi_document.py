"""The OpenAPI document is valid OpenAPI 3.1 and lists every operation with its problems."""

from __future__ import annotations

from openapi_spec_validator import validate

from campaigns.api_tokens import SCOPES


def test_the_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert document["openapi"] == "3.1.0"
    assert "/messages/{message_id}" in document["paths"]


def test_every_operation_names_its_scope_and_its_problem_responses(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, methods in document["paths"].items():
        for method, entry in methods.items():
            assert entry["security"][0]["bearer"][0] in SCOPES, (path, method)
            for status in ("400", "401", "403", "404", "422", "429"):
                assert entry["responses"][status]["content"]["application/problem+json"], (path, method, status)
    for scope in SCOPES:
        assert scope in document["info"]["description"]
