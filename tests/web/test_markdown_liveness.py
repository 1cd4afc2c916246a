"""No Markdown an editor may send stalls the desk: the preview never writes, a save writes only after
rendering, and the worst accepted text leaves another editor's save and the scheduler's tick on time."""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import event

import content.rendering
import content.spoken.markup
from bench.adversarial_markdown import PIECES, deepest_list, largest_accepted
from content.markdown_bounds import MAX_BRACKETS, MAX_DEPTH, MAX_MARKDOWN_CHARS
from content.messages import MessageInput, create_message
from content.models import Message, MessageKind, Role
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_user
from tests.scenarios import planned
from tests.web.helpers import csrf_token, edit, log_in

DEADLINE = 10  # seconds; before the fix the preview alone rendered for minutes with the write lock held
# 50,000 characters within every bound; bleach's linkifier, before the fix, took 40 s over its run of "(".
WORST = largest_accepted(PIECES["open parentheses [a](((…"])


def desk(session, now):
    area = make_area(session)
    messages = []
    for username in ("bientap1", "bientap2"):
        editor = make_user(session, role=Role.EDITOR, area=area, username=username)
        messages.append(create_message(session, editor, MessageInput(
            kind=MessageKind.ARTICLE, title=f"Phòng chống đuối nước ({username})", body_md="Dòng một.",
            area_id=area.id), now=now))
    session.commit()
    return messages


def preview(client, body: str):
    return client.post("/desk/preview", json={"body_md": body},
                       headers={"X-CSRFToken": csrf_token(client, "/desk/messages/new")})


def test_the_worst_accepted_markdown_stalls_neither_another_save_nor_the_scheduler(
        app, session, session_factory, now, monkeypatch):
    mine, theirs = desk(session, now)
    delivery, *_ = planned(session, now)
    alice, bob = app.test_client(), app.test_client()
    log_in(alice, "bientap1")
    log_in(bob, "bientap2")

    # The others start once Alice's text is being parsed, so they meet whatever lock that holds. A parse
    # cached by an earlier test would never start.
    getattr(content.rendering.render_markdown, "cache_clear", lambda: None)()
    rendering = threading.Event()
    real_parse = content.rendering.markdown.markdown

    def parse_and_tell(source: str, **options: object) -> str:
        rendering.set()
        return real_parse(source, **options)

    monkeypatch.setattr(content.rendering.markdown, "markdown", parse_and_tell)
    results: dict[str, object] = {}

    def alice_previews_then_saves() -> None:
        results["preview"] = preview(alice, WORST).status_code
        results["alice saves"] = edit(alice, mine, version=1, title=mine.title, body=WORST).status_code

    def bob_saves() -> None:
        rendering.wait(DEADLINE)
        results["bob saves"] = edit(bob, theirs, version=1, title=theirs.title, body="Dòng một, đã sửa.").status_code

    def scheduler_ticks() -> None:
        rendering.wait(DEADLINE)
        results["tick"] = run_tick(session_factory, now=delivery.due_at, worker="w1").sent

    threads = [threading.Thread(target=job, daemon=True) for job in (alice_previews_then_saves, bob_saves,
                                                                      scheduler_ticks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE)
    assert results == {"preview": 200, "alice saves": 302, "bob saves": 302, "tick": 1}
    session.expire_all()
    assert session.get(Message, mine.id).body_md == WORST


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT", "BEGIN IMMEDIATE")


def test_a_preview_writes_nothing_and_leaves_the_write_lock_free_while_it_renders(app, client, session, now,
                                                                                   database_url, monkeypatch):
    """On both databases the preview sends no write; on SQLite another writer can take the lock mid-render."""
    desk(session, now)
    log_in(client, "bientap1")
    statements: list[str] = []
    lock_free: list[bool] = []
    real_render = content.spoken.markup.render_markdown

    def render_and_try_to_write(source: str) -> str:
        if database_url.startswith("sqlite"):
            other = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                lock_free.append(True)
            except sqlite3.OperationalError:
                lock_free.append(False)
            finally:
                other.close()
        return real_render(source)

    def record(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        statements.append(statement.lstrip().upper())

    engine = app.extensions["loa.engine"]
    event.listen(engine, "before_cursor_execute", record)
    monkeypatch.setattr(content.spoken.markup, "render_markdown", render_and_try_to_write)
    try:
        assert preview(client, "**Gọi 113** ngay.").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert statements and not [s for s in statements if s.startswith(WRITES) or "FOR UPDATE" in s]
    assert all(lock_free) and (lock_free or not database_url.startswith("sqlite"))


def test_a_list_nested_10000_deep_is_a_field_error_in_the_preview_and_on_save(client, session, now):
    mine, _ = desk(session, now)
    log_in(client, "bientap1")
    answer = preview(client, deepest_list())
    assert answer.status_code == 400
    assert answer.get_json()["field"] == "body_md" and "tầng" in answer.get_json()["error"]
    response = edit(client, mine, version=1, title=mine.title, body=deepest_list())
    assert response.status_code == 400 and f"vượt giới hạn {MAX_DEPTH} tầng" in response.get_data(as_text=True)


def test_an_oversized_text_is_a_field_error_that_keeps_what_was_typed(client, session, now):
    mine, _ = desk(session, now)
    log_in(client, "bientap1")
    typed = "Bà con lưu ý. " * (MAX_MARKDOWN_CHARS // 14 + 1)
    response = edit(client, mine, version=1, title=mine.title, body=typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f"vượt giới hạn {MAX_MARKDOWN_CHARS:,}" in page
    assert typed.strip() in page
    session.expire_all()
    assert session.get(Message, mine.id).body_md == "Dòng một."


def test_text_past_a_parser_bound_is_a_field_error_that_keeps_what_was_typed(client, session, now):
    mine, _ = desk(session, now)
    log_in(client, "bientap1")
    typed = "Bà con xem [hướng dẫn] ở đây. " + "[" * MAX_BRACKETS
    answer = preview(client, typed)
    assert answer.status_code == 400
    assert answer.get_json()["field"] == "body_md" and "dấu [" in answer.get_json()["error"]
    response = edit(client, mine, version=1, title=mine.title, body=typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f"vượt giới hạn {MAX_BRACKETS:,}" in page and typed.strip() in page
    session.expire_all()
    assert session.get(Message, mine.id).body_md == "Dòng một."
