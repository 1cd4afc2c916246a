"""Desk lists: scoped to the user's area, searchable without diacritics, filtered, paged."""

from __future__ import annotations

from campaigns.message_lists import MessageFilter, list_messages
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, MessageStatus, Role
from tests.factories import make_area, make_user


def write(session, author, area, title, now, kind=MessageKind.ARTICLE):
    return create_message(session, author, MessageInput(kind=kind, title=title, body_md="Nội dung tuyên truyền.",
                                                        area_id=area.id), now=now)


def test_search_ignores_diacritics_and_case(session, now):
    province = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=province)
    write(session, editor, province, "Công an xã cảnh báo lừa đảo", now)
    write(session, editor, province, "Phòng cháy chữa cháy", now)
    titles = [m.title for m in list_messages(session, editor, MessageFilter(query="cong an LUA dao")).items]
    assert titles == ["Công an xã cảnh báo lừa đảo"]
    assert list_messages(session, editor, MessageFilter(query="Đảo")).total == 1


def test_a_commune_editor_sees_only_their_commune(session, now):
    province = make_area(session)
    ours, theirs = make_area(session, parent=province), make_area(session, parent=province)
    provincial = make_user(session, role=Role.EDITOR, area=province)
    write(session, provincial, ours, "Tin xã mình", now)
    write(session, provincial, theirs, "Tin xã bên", now)
    local = make_user(session, role=Role.EDITOR, area=ours)
    assert [m.title for m in list_messages(session, local, MessageFilter()).items] == ["Tin xã mình"]
    assert list_messages(session, provincial, MessageFilter()).total == 2


def test_views_and_filters_narrow_the_list(session, now):
    province = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=province)
    draft = write(session, editor, province, "Bản nháp", now)
    notice = write(session, editor, province, "Thông báo", now, kind=MessageKind.NOTICE)
    transition_message(session, notice, "submit", actor=editor, now=now)
    assert [m.id for m in list_messages(session, editor, MessageFilter(view="mine")).items] == [draft.id]
    assert [m.id for m in list_messages(session, editor, MessageFilter(view="review")).items] == [notice.id]
    assert list_messages(session, editor, MessageFilter(kind=MessageKind.NOTICE)).total == 1
    assert list_messages(session, editor, MessageFilter(status=MessageStatus.DRAFT)).total == 1


def test_pages_hold_the_page_size_and_clamp_past_the_end(session, now):
    province = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=province)
    for n in range(5):
        write(session, editor, province, f"Tin số {n}", now)
    first = list_messages(session, editor, MessageFilter(), page=1, per_page=2)
    assert (len(first.items), first.total, first.pages, first.has_prev, first.has_next) == (2, 5, 3, False, True)
    last = list_messages(session, editor, MessageFilter(), page=99, per_page=2)
    assert (len(last.items), last.page, last.has_prev, last.has_next) == (1, 3, True, False)


def test_a_radio_operator_may_list_neither_messages_nor_campaigns(session, now):
    import pytest

    from campaigns.campaign_records import list_campaigns
    from content.errors import PermissionDenied

    commune = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=commune)
    write(session, editor, commune, "Bản nháp chưa duyệt của xã", now)
    operator = make_user(session, role=Role.RADIO_OPERATOR, area=commune)
    with pytest.raises(PermissionDenied):
        list_messages(session, operator, MessageFilter())
    with pytest.raises(PermissionDenied):
        list_campaigns(session, operator)


def test_search_matches_whole_words_not_pieces_of_words(session, now):
    province = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=province)
    wanted = write(session, editor, province, "Hướng dẫn trả lại ví nhặt được", now)
    write(session, editor, province, "Việc tốt của xã Phú Lâm", now)
    write(session, editor, province, "Trải nghiệm vì cộng đồng", now)
    write(session, editor, province, "Trả lại tiền thừa là việc tốt", now)
    found = list_messages(session, editor, MessageFilter(query="tra lai vi"))
    assert [m.id for m in found.items] == [wanted.id]


def test_search_ranks_a_title_match_first(session, now):
    province = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=province)
    # Written first, so without ranking the newer body match would lead.
    in_title = write(session, editor, province, "Lừa đảo giả danh công an", now)
    in_body = create_message(session, editor, MessageInput(
        kind=MessageKind.ARTICLE, title="Thông báo của xã", body_md="Cẩn thận với chiêu lừa đảo mới.",
        area_id=province.id), now=now)
    found = list_messages(session, editor, MessageFilter(query="lua dao"))
    assert [m.id for m in found.items] == [in_title.id, in_body.id]
