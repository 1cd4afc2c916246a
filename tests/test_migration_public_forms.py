"""Migration 0009 (public forms): every existing revision gets what the public reads of it, derived as a save would."""

from __future__ import annotations

import json

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from content.schema import alembic_config, upgrade_database
from content.spoken import DEFAULT_RULES

REVISION = "0009"
AT = "2026-11-23 01:00:00"
NAME = "Đinh Thị Hoa"


def insert(connection, table: str, **values: object) -> int:  # type: ignore[no-untyped-def]
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    return connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"), values).scalar_one()


def test_existing_revisions_get_their_public_forms_masked_and_read_with_the_installs_dictionary(tmp_path):
    url = f"sqlite:///{tmp_path / 'before.db'}"
    before = ScriptDirectory.from_config(alembic_config(url)).get_revision(REVISION).down_revision
    upgrade_database(url, str(before))
    engine = create_engine(url)
    with engine.begin() as connection:
        area = insert(connection, "areas", code="01", name="Tỉnh Thử", kind="province", division_type="", path="/01/")
        user = insert(connection, "users", username="bientap", full_name="", password_hash="x", role="editor",
                      is_active=True, created_at=AT, session_version=1)
        image = insert(connection, "media_items", sha256="a" * 64, mime_type="image/jpeg", width=10, height=10,
                       byte_size=100, original_name="", alt_text=f"{NAME} trao trả chiếc ví", hidden_names="[]",
                       created_at=AT)
        insert(connection, "spoken_abbreviations", abbreviation="CA", expansion="lực lượng Công an", updated_at=AT)
        ids = {}
        for kind, title, body, consent in (("story", f"Gương sáng {NAME}", f"<p>Chị <strong>{NAME}</strong> báo CA xã.</p>",
                                            False),
                                           ("article", "Cảnh giác lừa đảo", "<p>Gọi CA xã.</p>", False)):
            message = insert(connection, "messages", kind=kind, status="approved", title=title, slug=kind,
                             summary=f"{NAME} trả lại ví." if kind == "story" else "", body_md="", body_html=body,
                             priority="normal", area_id=area, author_id=user, image_id=image if kind == "story" else None,
                             search_text="", version=1, created_at=AT, updated_at=AT,
                             person_name=NAME if kind == "story" else None, deed="Trả lại ví" if kind == "story" else None,
                             name_consent=consent)
            ids[kind] = insert(connection, "revisions", message_id=message, number=1, title=title, body_md="",
                               body_html=body, fields=json.dumps({"summary": f"{NAME} trả lại ví." if kind == "story" else ""}),
                               author_id=user, created_at=AT)
    upgrade_database(url, REVISION)
    with engine.connect() as connection:
        rows = {row.id: row for row in connection.execute(text("SELECT * FROM revisions"))}
    engine.dispose()
    story, article = rows[ids["story"]], rows[ids["article"]]
    assert (story.public_title, story.public_summary, story.public_person, story.public_deed) == \
        ("Gương sáng Đ.T.H.", "Đ.T.H. trả lại ví.", "Đ.T.H.", "Trả lại ví")
    assert story.public_html == "<p>Chị <strong>Đ.T.H.</strong> báo CA xã.</p>"
    assert story.public_image_alt == "Đ.T.H. trao trả chiếc ví"
    assert story.spoken_text == "Gương sáng Đ.T.H.\nChị Đ.T.H. báo lực lượng Công an xã."
    assert article.spoken_text == "Cảnh giác lừa đảo.\nGọi lực lượng Công an xã."
    assert article.public_person is None and article.public_html == "<p>Gọi CA xã.</p>"
    expected = DEFAULT_RULES.with_changes(abbreviations={"CA": "lực lượng Công an"}).stamp
    assert story.spoken_stamp == article.spoken_stamp == expected
