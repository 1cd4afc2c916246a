"""Login throttling: failures counted per account and per address, 429 with Retry-After and a Vietnamese page."""

from __future__ import annotations

import os

import pytest
from flask import request

import content.passwords
from content.models import Role
from tests.counting_hasher import CountingHasher
from tests.factories import PASSWORD, make_area, make_user
from tests.web.helpers import csrf_token

THROTTLED = "Có quá nhiều lần đăng nhập sai"


@pytest.fixture
def accounts(session):
    province = make_area(session, name="Tỉnh Sơn Khê")
    make_user(session, role=Role.EDITOR, area=province, username="bientap")
    make_user(session, role=Role.EDITOR, area=province, username="kedoan")
    session.commit()


def attempt(client, username: str, password: str, address: str = "198.51.100.7"):
    return client.post("/desk/login", data={"username": username, "password": password,
                                            "csrf_token": csrf_token(client, "/desk/login")},
                       environ_base={"REMOTE_ADDR": address})


def assert_throttled(response) -> None:
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert THROTTLED in response.get_data(as_text=True)


def test_five_failures_on_one_account_lock_it_from_every_address(client, accounts):
    for n in range(5):
        assert attempt(client, "bientap", "sai-mat-khau", address=f"198.51.100.{n}").status_code == 200
    # Another address, the right password, another spelling of the name: still refused, password unchecked.
    response = attempt(client, " BienTap ", PASSWORD, address="203.0.113.9")
    assert_throttled(response)
    assert 'value=" BienTap "' in response.get_data(as_text=True)  # what was typed comes back
    assert int(response.headers["Retry-After"]) <= 15 * 60
    assert attempt(client, "kedoan", PASSWORD, address="203.0.113.9").status_code == 302  # other accounts are fine


def test_a_locked_account_does_not_say_whether_the_password_was_right(client, accounts):
    for _ in range(5):
        attempt(client, "bientap", "sai-mat-khau")
    right, wrong = attempt(client, "bientap", PASSWORD), attempt(client, "bientap", "sai-mat-khau")
    assert (right.status_code, right.get_data(as_text=True)) == (wrong.status_code, wrong.get_data(as_text=True))


def test_an_unknown_name_is_throttled_like_a_real_one(client, accounts):
    for _ in range(5):
        attempt(client, "khongtontai", "sai-mat-khau")
    assert_throttled(attempt(client, "khongtontai", "sai-mat-khau"))


def test_twenty_failures_from_one_address_lock_that_address(client, accounts):
    for n in range(20):
        assert attempt(client, f"ten{n}", "Password123!").status_code == 200
    assert_throttled(attempt(client, "bientap", PASSWORD))
    assert attempt(client, "bientap", PASSWORD, address="203.0.113.9").status_code == 302


def test_a_success_clears_no_failure_count(client, accounts):
    """Logging into one's own account between guesses must not buy more guesses, at that account or elsewhere."""
    for _ in range(4):
        attempt(client, "bientap", "sai-mat-khau")
    for n in range(15):
        attempt(client, f"ten{n}", "sai-mat-khau")
    assert attempt(client, "bientap", PASSWORD).status_code == 302  # under both limits: let in
    assert attempt(client, "bientap", "sai-mat-khau").status_code == 200  # 5th for the account, 20th for the address
    assert_throttled(attempt(client, "bientap", PASSWORD))
    assert_throttled(attempt(client, "kedoan", PASSWORD))


def test_thirty_attempts_a_minute_from_one_address_are_the_most_even_when_they_succeed(client, accounts):
    for _ in range(30):
        assert attempt(client, "kedoan", PASSWORD).status_code == 302
    assert_throttled(attempt(client, "kedoan", PASSWORD))


def test_the_address_is_the_proxys_unless_proxy_count_is_set(client, accounts):
    # Without LOA_PROXY_COUNT a client's own X-Forwarded-For is ignored: it cannot dodge the address limit.
    for n in range(20):
        client.post("/desk/login", data={"username": f"ten{n}", "password": "sai-mat-khau",
                                         "csrf_token": csrf_token(client, "/desk/login")},
                    headers={"X-Forwarded-For": f"192.0.2.{n}"})
    assert_throttled(attempt(client, "bientap", PASSWORD, address="127.0.0.1"))


def test_behind_one_proxy_the_address_comes_from_x_forwarded_for(database_url, session_factory, accounts, clock):
    from web import create_app

    app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret", "TESTING": True,
                      "SERVER_NAME": "loa.test", "PROXY_COUNT": 1})
    try:
        seen = []
        app.before_request(lambda: seen.append(request.remote_addr))
        client = app.test_client()
        client.get("/desk/login", headers={"X-Forwarded-For": "203.0.113.50", "X-Forwarded-Host": "evil.example"})
        assert seen == ["203.0.113.50"]
        page = client.get("/desk/login", headers={"X-Forwarded-Host": "evil.example"}).get_data(as_text=True)
        assert "evil.example" not in page
    finally:
        app.extensions["loa.engine"].dispose()


def test_throttling_works_with_redis_as_the_store(database_url, session_factory, accounts, clock, monkeypatch):
    import redis  # in the test extras: its absence is a broken install, not a reason to skip

    store = redis.Redis.from_url("redis://127.0.0.1:6379/1")
    try:
        store.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379: .ci/run should have started it")
        # Like chromium and espeak-ng: a service a developer's machine may lack, never missing in CI.
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    from web import create_app

    store.flushdb()
    monkeypatch.setenv("LOA_RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/1")
    app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret", "TESTING": True,
                      "SERVER_NAME": "loa.test"})
    try:
        client = app.test_client()
        for _ in range(5):
            attempt(client, "bientap", "sai-mat-khau")
        assert any(b"login-account" in key for key in store.keys())
        # A second web process sharing the store sees the same count.
        other = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret",
                            "TESTING": True, "SERVER_NAME": "loa.test"})
        assert_throttled(attempt(other.test_client(), "bientap", PASSWORD))
        other.extensions["loa.engine"].dispose()
    finally:
        store.flushdb()
        app.extensions["loa.engine"].dispose()


def test_a_login_runs_the_hash_verifier_once_whether_or_not_the_name_exists(client, accounts, monkeypatch):
    monkeypatch.setattr(content.passwords, "HASHER", CountingHasher(time_cost=1, memory_cost=8, parallelism=1))
    CountingHasher.calls = 0
    attempt(client, "khongtontai", "sai-mat-khau")
    assert CountingHasher.calls == 1
    attempt(client, "bientap", "sai-mat-khau")
    assert CountingHasher.calls == 2
