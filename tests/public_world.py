"""The feed world seen by the public: its messages, a good-deed story with a picture, and one withdrawn message,
with the clock past every publish time — for the browser tests of the portal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Channel
from campaigns.planning import plan_deliveries
from content.media import store_image
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import Message, MessageKind
from scheduler.dispatch import run_tick
from tests.feed_world import FeedWorld, build_feed_world
from tests.samples import image_bytes


@dataclass
class PublicWorld:
    feeds: FeedWorld
    story: Message      # a good deed in the commune, with its picture, the person's name masked
    withdrawn: Message  # the other province's notice, archived after it was published

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.feeds, name)


def _publish_story(world: FeedWorld, session: Session, session_factory, media_root: Path,  # type: ignore[no-untyped-def]
                   now: datetime) -> Message:
    picture = store_image(session, data=image_bytes(), original_name="nguoi-tot.png",
                          alt_text="Anh Đinh Văn Sơn trao lại chiếc ví", uploader=world.editor,
                          media_root=media_root, now=now)
    story = create_message(session, world.editor, MessageInput(
        kind=MessageKind.STORY, title="Anh Đinh Văn Sơn trả lại ví cho người đánh rơi",
        body_md="Anh nhặt được chiếc ví ở chợ xã và mang đến trụ sở công an. Xem thêm tại "
                "[trang của xã](https://xa-binh-minh.example.vn/tin-tuc).",
        area_id=world.commune.id, target_area_ids=(world.commune.id,), image_id=picture.id,
        summary="Một việc làm đẹp ở xã Bình Minh.",
        story=StoryFields(person_name="Đinh Văn Sơn", deed="Trả lại ví.", person_area_id=world.commune.id)),
        now=now)
    transition_message(session, story, "submit", actor=world.editor, now=now)
    transition_message(session, story, "approve", actor=world.approver, now=now)
    plan_deliveries(session, story, actor=world.approver, due_at=now + timedelta(minutes=6), now=now,
                    channels=list(session.scalars(select(Channel))))
    session.commit()
    run_tick(session_factory, now=now + timedelta(minutes=6), worker="test")
    found = session.get(Message, story.id)
    assert found is not None
    session.refresh(found)
    return found


def build_public_world(app, session: Session, session_factory, now: datetime, clock,  # type: ignore[no-untyped-def]
                       tmp_path: Path) -> PublicWorld:
    app.config["MEDIA_ROOT"] = tmp_path / "media"
    feeds = build_feed_world(session, session_factory, now, app.config["MEDIA_ROOT"])
    story = _publish_story(feeds, session, session_factory, app.config["MEDIA_ROOT"], now)
    transition_message(session, feeds.elsewhere, "archive", actor=feeds.approver, now=now + timedelta(minutes=20))
    session.commit()
    clock.set(now + timedelta(minutes=30))
    return PublicWorld(feeds, story, feeds.elsewhere)
