"""The public tip-off pages: the form at /phan-anh, the receipt, and the status page opened with the code alone.

Every bad input comes back as the form with a sentence by its field and everything typed kept; nothing that
identifies the sender is stored; the text and contact are not in the database in clear. People and places invented.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from campaigns.tipoff_models import Tipoff, TipoffAddition, TipoffPhoto
from campaigns.tipoff_sealing import unseal_text
from content.models import AuditLog
from tests.tipoff_world import SECRET_BODY, SECRET_CONTACT, make_tipoff_world, photo_with_gps
from tests.web.helpers import csrf_token

FORM = "/phan-anh"
STATUS = "/phan-anh/tra-cuu"
ADD = "/phan-anh/bo-sung"


@pytest.fixture
def world(session):
    return make_tipoff_world(session)


def fields(world, **overrides):
    values = {"kind": "report", "commune": world.commune.code, "village": world.village.code,
              "occurred_on": "2026-11-20", "occurred_time": "19:45", "body": SECRET_BODY, "anonymous": "1",
              "contact": "", "website": ""}
    values.update(overrides)
    return values


def send(client, world, **overrides):
    data = fields(world, **overrides)
    data["csrf_token"] = csrf_token(client, FORM)
    return client.post(FORM, data=data, content_type="multipart/form-data")


def receipt_code(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return re.search(r'id="receipt-code">([0-9A-Z-]+)<', response.get_data(as_text=True)).group(1)


def count(session, model=Tipoff) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_the_form_says_where_emergencies_go_and_offers_the_real_areas(client, world):
    response = client.get(FORM)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    for number in ("113", "114", "115"):
        assert f'href="tel:{number}"' in page
    assert "Xã Đồng Sen" in page and "Thôn Gò Mít" in page and "Phường Bến Mới" in page
    assert "Thôn Cũ" not in page  # retired


def test_an_anonymous_tip_off_gets_a_receipt_and_stores_nothing_about_the_sender(app, client, world, session):
    response = send(client, world)
    code = receipt_code(response)
    assert response.headers["Cache-Control"] == "no-store" and response.headers["Referrer-Policy"] == "no-referrer"
    tipoff = session.scalars(select(Tipoff)).one()
    assert tipoff.area_id == world.village.id and tipoff.contact_ciphertext is None
    assert unseal_text(app.config["TIPOFF_KEY"], tipoff.body_ciphertext) == SECRET_BODY
    row = " ".join(str(value) for value in session.execute(select(Tipoff.__table__)).one())
    assert "127.0.0.1" not in row and code not in row
    assert count(session, AuditLog) == 0  # not even an audit line that could carry the address


def test_a_tip_off_with_contact_and_a_photo_keeps_both_sealed(app, client, world, session):
    data = fields(world, anonymous="0", contact=SECRET_CONTACT)
    data["csrf_token"] = csrf_token(client, FORM)
    data["photos"] = (BytesIO(photo_with_gps()), "IMG_0001.jpg")
    receipt_code(client.post(FORM, data=data, content_type="multipart/form-data"))
    tipoff = session.scalars(select(Tipoff)).one()
    assert unseal_text(app.config["TIPOFF_KEY"], tipoff.contact_ciphertext) == SECRET_CONTACT
    assert count(session, TipoffPhoto) == 1


def test_the_database_holds_neither_the_text_nor_the_contact_in_clear(app, client, world, session, engine):
    receipt_code(send(client, world, anonymous="0", contact=SECRET_CONTACT))
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(FULL)"))
        path = engine.url.database
        stored = b"".join(Path(name).read_bytes() for name in (path, path + "-wal") if Path(name).exists())
    else:
        stored = " ".join(session.scalars(text("SELECT t::text FROM tipoffs t"))).encode()
    assert b"gAAAAA" in stored  # the sealed row was read: a Fernet token, and nothing in clear
    for secret in (SECRET_BODY, SECRET_CONTACT, "0912 345 678", "chất cấm"):
        assert secret.encode("utf-8") not in stored


@pytest.mark.parametrize(("overrides", "field", "says"), [
    ({"kind": ""}, "kind", "Hãy chọn loại"),
    ({"commune": ""}, "commune", "Hãy chọn xã"),
    ({"commune": "TP91-02"}, "village", "không thuộc Phường Bến Mới"),
    ({"occurred_on": "2999-01-01"}, "occurred_on", "sau hôm nay"),
    ({"occurred_on": "31/02/2026"}, "occurred_on", "không đọc được"),
    ({"occurred_time": "7 giờ tối"}, "occurred_time", "giờ:phút"),
    ({"body": "   "}, "body", "Hãy viết"),
    ({"body": "x" * 5001}, "body", "tối đa 5000"),
    ({"anonymous": "0", "contact": ""}, "contact", "chưa ghi số điện thoại"),
    ({"website": "http://spam.example"}, "website", "ô ẩn"),
])
def test_each_bad_input_comes_back_with_its_reason_and_everything_typed(client, world, session, overrides, field,
                                                                        says):
    typed = fields(world, **overrides)
    response = send(client, world, **overrides)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-error"' in page and says in page
    if typed["body"].strip() and len(typed["body"]) < 200:
        assert typed["body"] in page
    assert f'value="{typed["commune"]}" selected' in page or not typed["commune"]
    assert count(session) == 0
    assert "chọn lại ảnh" not in page  # no photo was chosen, so none was lost


def test_a_refused_form_with_contact_keeps_the_contact_and_asks_for_the_photos_again(client, world, session):
    data = fields(world, anonymous="0", contact=SECRET_CONTACT, kind="")
    data["csrf_token"] = csrf_token(client, FORM)
    data["photos"] = (BytesIO(photo_with_gps()), "IMG_0002.jpg")
    page = client.post(FORM, data=data, content_type="multipart/form-data").get_data(as_text=True)
    assert SECRET_CONTACT in page and "hãy chọn lại ảnh" in page
    assert count(session, TipoffPhoto) == 0


def test_a_file_that_is_not_a_photo_is_refused_by_its_field(client, world, session):
    data = fields(world)
    data["csrf_token"] = csrf_token(client, FORM)
    data["photos"] = (BytesIO(b"MZ\x90\x00 not a picture"), "anh.jpg")
    response = client.post(FORM, data=data, content_type="multipart/form-data")
    assert response.status_code == 400 and 'id="photos-error"' in response.get_data(as_text=True)
    assert count(session) == 0


def test_the_code_alone_opens_the_status_and_lets_the_sender_add_information(client, world, session):
    code = receipt_code(send(client, world))
    token = csrf_token(client, STATUS)
    page = client.post(STATUS, data={"code": code.lower().replace("-", " "), "csrf_token": token}).get_data(as_text=True)
    assert "Đã nhận, chờ cán bộ xem" in page and "Thôn Gò Mít, Xã Đồng Sen" in page
    assert SECRET_BODY not in page  # a code found on a lost phone does not hand over what was reported
    response = client.post(ADD, data={"code": code, "body": "Xe máy màu đỏ, không biển số", "csrf_token": token},
                           content_type="multipart/form-data")
    assert response.status_code == 200 and "Đã nhận phần bổ sung" in response.get_data(as_text=True)
    assert count(session, TipoffAddition) == 1


def test_an_empty_addition_is_refused_and_a_long_one_comes_back_whole(client, world, session):
    code = receipt_code(send(client, world))
    token = csrf_token(client, STATUS)
    empty = client.post(ADD, data={"code": code, "body": " ", "csrf_token": token}, content_type="multipart/form-data")
    long_text = "Bổ sung dài " + "y" * 3000
    long = client.post(ADD, data={"code": code, "body": long_text, "csrf_token": token},
                       content_type="multipart/form-data")
    assert empty.status_code == 400 and 'id="body-error"' in empty.get_data(as_text=True)
    assert long.status_code == 400 and long_text in long.get_data(as_text=True)
    assert count(session, TipoffAddition) == 0


@pytest.mark.parametrize(("typed", "says", "status"), [
    ("", "Hãy nhập mã tra cứu", 404),
    ("12345", "gồm 16 chữ và số", 404),
    ("ABCD-2345-EFGH-6789", "Không có phản ánh nào với mã này", 404),
])
def test_a_missing_malformed_or_unknown_code_says_which(client, world, typed, says, status):
    response = client.post(STATUS, data={"code": typed, "csrf_token": csrf_token(client, STATUS)})
    page = response.get_data(as_text=True)
    assert response.status_code == status and says in page and f'value="{typed}"' in page


def test_adding_with_an_unknown_code_stores_nothing(client, world, session):
    response = client.post(ADD, data={"code": "ABCD-2345-EFGH-6789", "body": "Thêm", "csrf_token": csrf_token(client, STATUS)},
                           content_type="multipart/form-data")
    assert response.status_code == 404 and count(session, TipoffAddition) == 0


def test_the_rate_limit_refuses_with_the_form_and_everything_typed_and_stores_nothing(app, client, world, session):
    app.config["TIPOFF_RATE_LIMIT"] = "2 per minute"
    receipt_code(send(client, world))
    receipt_code(send(client, world))
    response = send(client, world, body="Lần thứ ba trong một phút")
    page = response.get_data(as_text=True)
    assert response.status_code == 429 and "quá nhiều lần" in page and "Lần thứ ba trong một phút" in page
    assert count(session) == 2


def test_looking_up_codes_is_rate_limited_too(app, client, world):
    app.config["TIPOFF_LOOKUP_RATE_LIMIT"] = "3 per minute"
    token = csrf_token(client, STATUS)
    statuses = [client.post(STATUS, data={"code": f"ABCD-2345-EFGH-678{n}", "csrf_token": token}).status_code
                for n in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_the_portal_header_leads_to_the_form(client, world):
    assert 'href="/phan-anh"' in client.get("/tim-kiem").get_data(as_text=True)


def test_the_search_page_keeps_its_own_answer_to_too_many_requests(app, client, world):
    app.config["SEARCH_RATE_LIMIT"] = "1 per minute"
    client.get("/tim-kiem?q=lua")
    response = client.get("/tim-kiem?q=lua")
    assert response.status_code == 429 and "Quá nhiều yêu cầu" in response.get_data(as_text=True)
    assert "Mã tra cứu" not in response.get_data(as_text=True)
