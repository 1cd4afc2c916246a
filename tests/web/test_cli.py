"""The `loa` command as an operator runs it, against the test database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from campaigns.feedback_models import MessageFeedback
from campaigns.models import Delivery, DeliveryStatus, Station
from campaigns.programme_models import Programme
from campaigns.tipoff_models import Tipoff
from content.models import Area, Message, MessageKind, MessageStatus, Role, User
from web.cli import cli


@pytest.fixture
def loa(database_url, session_factory, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LOA_DATABASE_URL", database_url)
    monkeypatch.setenv("LOA_SECRET_KEY", "cli-test")
    monkeypatch.setenv("LOA_MEDIA_ROOT", str(tmp_path / "media"))
    monkeypatch.chdir(tmp_path)

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return run


def test_importing_a_province_twice_updates_instead_of_duplicating(loa, session):
    first = loa("areas", "import", "--province", "37")
    assert first.exit_code == 0, first.output
    second = loa("areas", "import", "--province", "37")
    assert "0 created" in second.output and "0 updated" in second.output
    assert session.scalar(select(func.count()).select_from(Area)) == 130


def test_an_unknown_province_is_a_clear_error(loa):
    result = loa("areas", "import", "--province", "99")
    assert result.exit_code != 0
    assert "99" in result.output


def test_creating_a_user_for_an_unknown_area_says_so(loa, session):
    result = loa("user", "create", "canbo", "--role", "editor", "--area", "XYZ", input="mat-khau-dai\nmat-khau-dai\n")
    assert result.exit_code != 0 and "XYZ" in result.output
    assert session.scalar(select(User).where(User.username == "canbo")) is None


def test_the_demo_loads_every_kind_of_thing_once(loa, session, tmp_path):
    result = loa("demo", "--no-serve")
    assert result.exit_code == 0, result.output
    assert "loa-demo-2026" in result.output and "pheduyet" in result.output
    again = loa("demo", "--no-serve")
    assert "already loaded" in again.output
    assert session.scalar(select(func.count()).select_from(Message)) == 37
    statuses = set(session.scalars(select(Message.status)))
    assert {MessageStatus.PUBLISHED, MessageStatus.SCHEDULED, MessageStatus.IN_REVIEW,
            MessageStatus.DRAFT, MessageStatus.CHANGES_REQUESTED} <= statuses
    assert session.scalar(select(func.count()).select_from(Station)) == 4
    pictured = session.scalars(select(Message).where(Message.image_id.is_not(None))).all()
    assert {m.kind for m in pictured} == {MessageKind.STORY, MessageKind.ARTICLE}
    assert all(m.image.alt_text.startswith("Tranh minh họa") for m in pictured)
    assert len(list((tmp_path / "media").rglob("*.png"))) == 6  # three pictures and their thumbnails
    waiting = session.scalars(select(Delivery).where(Delivery.status == DeliveryStatus.PLANNED)).all()
    assert waiting and all(d.due_at.date() >= date.today() - timedelta(days=1) for d in waiting)
    # A weekly programme with a message planned into each of its next four airings (public holidays aside).
    programmes = {p.name: p for p in session.scalars(select(Programme))}
    assert set(programmes) == {"Chung tay phòng chống tội phạm", "Gương người tốt, việc tốt"}
    assert 3 <= sum(d.programme_id == programmes["Chung tay phòng chống tội phạm"].id for d in waiting) <= 4
    # The people's answers: readers' feedback on published messages, and tip-offs for the one officer granted them.
    assert session.scalar(select(func.count()).select_from(MessageFeedback)) > 0
    assert session.scalar(select(func.count()).select_from(Tipoff)) == 4
    readers = set(session.scalars(select(User.username).where(User.reads_tipoffs.is_(True))))
    assert readers == {"pheduyet"}


def test_db_upgrade_on_an_empty_database_gives_the_models_schema(tmp_path, monkeypatch):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from content.db import Base, make_engine
    from content.schema import is_model_object

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    monkeypatch.setenv("LOA_DATABASE_URL", url)
    monkeypatch.setenv("LOA_SECRET_KEY", "cli-test")
    result = CliRunner().invoke(cli, ["db", "upgrade"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    engine = make_engine(url)
    with engine.connect() as connection:
        # The search index migration 0015 adds beside the models is left out, as in tests/test_migrations.py.
        assert compare_metadata(MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": is_model_object}), Base.metadata) == []
    engine.dispose()


def test_the_demo_refuses_a_database_with_real_accounts(loa, session):
    from content.users import create_user

    create_user(session, actor=None, username="canbo.xa", password="mat-khau-rieng-dai", role=Role.EDITOR, area=None,
                full_name="Vũ Thị Mận")
    session.commit()
    refused = loa("demo", "--no-serve")
    assert refused.exit_code != 0
    assert "--force" in refused.output and "loa-demo-2026" in refused.output
    session.expire_all()
    assert session.scalar(select(User).where(User.username == "quantri")) is None
    assert session.scalar(select(func.count()).select_from(Message)) == 0


def test_the_demo_loads_into_a_database_with_real_accounts_when_forced(loa, session):
    from content.users import create_user

    create_user(session, actor=None, username="canbo.xa", password="mat-khau-rieng-dai", role=Role.EDITOR, area=None,
                full_name="Vũ Thị Mận")
    session.commit()
    forced = loa("demo", "--no-serve", "--force")
    assert forced.exit_code == 0, forced.output
    session.expire_all()
    assert session.scalar(select(User).where(User.username == "quantri")) is not None


def test_a_demo_database_loaded_before_the_mark_existed_is_still_recognised(session):
    from content.users import create_user
    from scheduler.demo import holds_only_demo_data

    assert holds_only_demo_data(session)  # no accounts at all
    for username in ("quantri", "bientap", "bientap2", "pheduyet", "phatthanh", "phantich"):
        create_user(session, actor=None, username=username, password="loa-demo-2026", role=Role.EDITOR, area=None)
    session.flush()
    assert holds_only_demo_data(session)
    create_user(session, actor=None, username="canbo.xa", password="mat-khau-rieng-dai", role=Role.EDITOR, area=None)
    session.flush()
    assert not holds_only_demo_data(session)
