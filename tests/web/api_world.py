"""What the API tests share: a province with two communes, their people, tokens, and a call with a token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from campaigns.api_tokens import SCOPES, issue_api_token
from content.messages import MessageInput, create_message
from content.models import Area, Message, MessageKind, Role, User
from tests.factories import make_area, make_user

ALL_SCOPES = tuple(SCOPES)


@dataclass
class ApiWorld:
    province: Area
    commune_a: Area
    commune_b: Area
    admin: User
    editor_a: User
    editor_b: User
    approver_a: User


def api_world(session: Session) -> ApiWorld:
    province = make_area(session, name="Tỉnh Sông Lam")
    commune_a = make_area(session, parent=province, name="Xã Đồng Xuân")
    commune_b = make_area(session, parent=province, name="Xã Bến Thủy")
    world = ApiWorld(province=province, commune_a=commune_a, commune_b=commune_b,
                     admin=make_user(session, role=Role.ADMIN, area=province),
                     editor_a=make_user(session, role=Role.EDITOR, area=commune_a),
                     editor_b=make_user(session, role=Role.EDITOR, area=commune_b),
                     approver_a=make_user(session, role=Role.APPROVER, area=commune_a))
    session.commit()
    return world


def token_for(session: Session, user: User, now: datetime, *, scopes: tuple[str, ...] = ("messages:read",
                                                                                        "messages:write"),
              days: int = 90) -> str:
    issued = issue_api_token(session, issuer=None, name="Cổng thông tin tỉnh", user=user, scopes=scopes, now=now,
                             days=days)
    session.commit()
    return issued.secret


def draft(session: Session, author: User, area: Area, now: datetime, *, title: str = "Cảnh giác lừa đảo qua mạng",
          body: str = "Không chuyển tiền cho người lạ gọi điện xưng là công an.") -> Message:
    message = create_message(session, author, MessageInput(kind=MessageKind.ARTICLE, title=title, body_md=body,
                                                           area_id=area.id), now=now)
    session.commit()
    return message


def bearer(token: str) -> dict[str, Any]:
    return {"Authorization": f"Bearer {token}"}
