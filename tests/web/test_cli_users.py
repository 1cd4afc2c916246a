"""`loa user create` in a set-up script: the password from standard input, an option, or the prompt."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from content.models import User
from content.users import authenticate
from web.cli import cli

PASSWORD = "Mat-khau-dai-cua-chi-Lan-2026"


@pytest.fixture
def create(app):  # type: ignore[no-untyped-def]
    def run(*args: str, input: str | None = None):
        return app.test_cli_runner().invoke(cli, ["user", "create", "lan.nguyen", "--role", "editor",
                                                  "--full-name", "Nguyễn Thị Lan", *args], input=input)

    return run


def test_the_password_is_read_from_standard_input(create, session):
    result = create("--password-stdin", input=f"{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Password" not in result.output  # nothing was asked
    user = authenticate(session, "lan.nguyen", PASSWORD)
    assert user is not None and user.full_name == "Nguyễn Thị Lan"


def test_a_windows_line_ending_is_not_part_of_the_password(create, session):
    assert create("--password-stdin", input=f"{PASSWORD}\r\n").exit_code == 0
    assert authenticate(session, "lan.nguyen", PASSWORD) is not None


def test_the_password_may_be_given_as_an_option(create, session):
    result = create("--password", PASSWORD)
    assert result.exit_code == 0, result.output
    assert authenticate(session, "lan.nguyen", PASSWORD) is not None


def test_without_either_the_password_is_asked_twice(create, session):
    result = create(input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("Password") == 1 and "Repeat for confirmation" in result.output
    assert authenticate(session, "lan.nguyen", PASSWORD) is not None


def test_both_ways_at_once_is_refused(create, session):
    result = create("--password", PASSWORD, "--password-stdin", input=f"{PASSWORD}\n")
    assert result.exit_code == 2 and "not both" in result.output
    assert session.scalar(select(User).where(User.username == "lan.nguyen")) is None


@pytest.mark.parametrize("given", ["", "\n"])
def test_an_empty_standard_input_is_said_to_be_empty(create, session, given):
    result = create("--password-stdin", input=given)
    assert result.exit_code == 2 and "standard input was empty" in result.output
    assert session.scalar(select(User).where(User.username == "lan.nguyen")) is None


def test_a_short_password_from_standard_input_is_refused_like_any_other(create, session):
    result = create("--password-stdin", input="ngan\n")
    assert result.exit_code == 1 and "Mật khẩu" in result.output, result.output
    assert session.scalar(select(User).where(User.username == "lan.nguyen")) is None
