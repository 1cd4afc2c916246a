"""Accounts in the domain: who may grant which scope, what ends sessions, the password policy and hashes."""

from __future__ import annotations

import unicodedata

import pytest
from werkzeug.security import generate_password_hash

import content.passwords
from content.errors import InvalidInput, PermissionDenied
from content.legacy_hashes import check_legacy_hash
from content.models import Role
from content.passwords import password_problem, verify_password
from content.users import authenticate, change_password, create_user, update_user
from tests.counting_hasher import CountingHasher
from tests.factories import PASSWORD, make_area, make_user


@pytest.fixture
def areas(session):
    province = make_area(session, name="Tỉnh Sơn Khê")
    other_province = make_area(session, name="Tỉnh Hà Lãng")
    commune = make_area(session, parent=province, name="Xã Bến Gỗ")
    neighbour = make_area(session, parent=province, name="Xã Đồng Sậy")
    return {"province": province, "other_province": other_province, "commune": commune, "neighbour": neighbour}


def test_a_commune_admin_cannot_make_itself_nationwide(session, areas):
    admin = make_user(session, role=Role.ADMIN, area=areas["commune"])
    with pytest.raises(PermissionDenied):
        update_user(session, admin, actor=admin, role=Role.ADMIN, area=None, is_active=True)
    assert admin.area is areas["commune"]


def test_nobody_changes_their_own_role_area_or_activity(session, areas):
    admin = make_user(session, role=Role.ADMIN, area=None)
    for change in ({"role": Role.EDITOR, "area": None, "is_active": True},
                   {"role": Role.ADMIN, "area": areas["commune"], "is_active": True},
                   {"role": Role.ADMIN, "area": None, "is_active": False}):
        with pytest.raises(PermissionDenied):
            update_user(session, admin, actor=admin, **change)
    assert (admin.role, admin.area, admin.is_active) == (Role.ADMIN, None, True)


def test_saving_yourself_unchanged_is_allowed(session, areas):
    admin = make_user(session, role=Role.ADMIN, area=areas["commune"])
    update_user(session, admin, actor=admin, role=Role.ADMIN, area=areas["commune"], is_active=True)
    assert admin.area is areas["commune"]


def test_an_admin_grants_only_areas_inside_its_own(session, areas):
    admin = make_user(session, role=Role.ADMIN, area=areas["province"])
    editor = make_user(session, role=Role.EDITOR, area=areas["commune"])
    update_user(session, editor, actor=admin, role=Role.EDITOR, area=areas["neighbour"], is_active=True)
    assert editor.area is areas["neighbour"]
    for outside in (areas["other_province"], None):
        with pytest.raises(PermissionDenied):
            update_user(session, editor, actor=admin, role=Role.EDITOR, area=outside, is_active=True)
    assert editor.area is areas["neighbour"]


def test_only_a_nationwide_admin_grants_the_whole_country(session, areas):
    national = make_user(session, role=Role.ADMIN, area=None)
    editor = make_user(session, role=Role.EDITOR, area=areas["commune"])
    update_user(session, editor, actor=national, role=Role.EDITOR, area=None, is_active=True)
    assert editor.area is None


def test_an_admin_cannot_touch_a_user_above_its_scope(session, areas):
    commune_admin = make_user(session, role=Role.ADMIN, area=areas["commune"])
    for above in (make_user(session, role=Role.ADMIN, area=None),
                  make_user(session, role=Role.ADMIN, area=areas["province"])):
        with pytest.raises(PermissionDenied):
            update_user(session, above, actor=commune_admin, role=above.role, area=above.area, is_active=False)
        assert above.is_active


def test_creating_a_user_outside_the_actors_scope_is_refused(session, areas):
    admin = make_user(session, role=Role.ADMIN, area=areas["province"])
    for outside in (areas["other_province"], None):
        with pytest.raises(PermissionDenied):
            create_user(session, actor=admin, username="ngoai", password=PASSWORD, role=Role.EDITOR, area=outside)
    created = create_user(session, actor=admin, username="trong", password=PASSWORD, role=Role.EDITOR,
                          area=areas["commune"])
    assert created.area is areas["commune"]


def test_a_non_admin_cannot_create_users(session, areas):
    editor = make_user(session, role=Role.EDITOR, area=areas["province"])
    with pytest.raises(PermissionDenied):
        create_user(session, actor=editor, username="moi", password=PASSWORD, role=Role.EDITOR, area=areas["commune"])


def test_role_area_and_activity_changes_end_the_users_sessions(session, areas):
    admin = make_user(session, role=Role.ADMIN, area=areas["province"])
    editor = make_user(session, role=Role.EDITOR, area=areas["commune"])
    versions = [editor.session_version]
    for change in ({"role": Role.APPROVER, "area": areas["commune"], "is_active": True},
                   {"role": Role.APPROVER, "area": areas["neighbour"], "is_active": True},
                   {"role": Role.APPROVER, "area": areas["neighbour"], "is_active": False}):
        update_user(session, editor, actor=admin, **change)
        versions.append(editor.session_version)
    update_user(session, editor, actor=admin, role=Role.APPROVER, area=areas["neighbour"], is_active=False)
    versions.append(editor.session_version)
    assert versions == [1, 2, 3, 4, 4]


def test_a_password_change_ends_the_users_sessions(session):
    user = make_user(session)
    change_password(session, user, current=PASSWORD, new="con-đò-sang-sông-chiều", confirm="con-đò-sang-sông-chiều")
    assert user.session_version == 2


@pytest.mark.parametrize(("password", "username", "refused"), [
    ("ngắn-quá-1", "lan", True),                      # 10 characters: under the floor of 12
    ("a" * 11 + "b", "lan", False),                   # exactly 12
    ("x" * 129, "lan", True),                         # past the ceiling
    ("mây-trắng-bay-" * 4 + "qua-đèo", "lan", False),  # 63 characters: long passphrases are welcome
    ("password1234", "lan", True),                    # in the leaked-password list
    ("PASSWORD1234", "lan", True),                    # the same, in capitals
    ("iloveyou1234", "lan", True),
    ("nguyenvanbinh-2026", "NguyenVanBinh", True),    # contains the username, whatever its case
    ("loa-demo-2026", "quantri", False),              # the published demo password still passes
])
def test_the_password_policy(password, username, refused):
    assert (password_problem(password, username=username) is not None) is refused


def test_a_weak_password_is_refused_on_creation_and_change(session):
    with pytest.raises(InvalidInput) as error:
        make_user(session, password="matkhau123456")
    assert "password" in error.value.errors
    user = make_user(session)
    with pytest.raises(InvalidInput) as error:
        change_password(session, user, current=PASSWORD, new="qwertyuiop123", confirm="qwertyuiop123")
    assert "new" in error.value.errors


def test_passwords_are_stored_as_argon2id_with_owasp_parameters_outside_tests(session, monkeypatch):
    monkeypatch.undo()  # drop the suite's cheap hasher: this test checks the real one
    hasher = content.passwords.HASHER
    assert hasher.time_cost >= 2 and hasher.memory_cost >= 19 * 1024 and hasher.parallelism >= 1
    user = make_user(session, username="lanht", password="sông-Đáy-mùa-nước-nổi")
    assert user.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "sông" not in user.password_hash
    assert authenticate(session, "lanht", "sông-Đáy-mùa-nước-nổi") is user
    assert authenticate(session, "lanht", "sông-Đáy-mùa-nước-cạn") is None


def test_an_old_scrypt_hash_still_logs_in_and_is_replaced_by_argon2id(session):
    user = make_user(session, username="cuongnv")
    user.password_hash = generate_password_hash("mat-khau-cu", "scrypt")  # short: set before the policy
    session.flush()
    assert authenticate(session, "cuongnv", "sai-mat-khau") is None
    assert user.password_hash.startswith("scrypt:")
    assert authenticate(session, "cuongnv", "mat-khau-cu") is user
    assert user.password_hash.startswith("$argon2id$")
    assert authenticate(session, "cuongnv", "mat-khau-cu") is user


@pytest.mark.parametrize("method", ["scrypt", "scrypt:1024:8:1", "pbkdf2", "pbkdf2:sha256:1000", "pbkdf2:sha512:1000"])
def test_werkzeug_hashes_are_checked_without_werkzeug_and_replaced_on_login(session, method):
    user = make_user(session, username="ngocdt")
    user.password_hash = generate_password_hash("Bến-Gỗ-cũ", method)
    session.flush()
    assert authenticate(session, "ngocdt", "Bến-Gỗ-mới") is None
    assert user.password_hash.startswith(method.split(":")[0] + ":")
    assert authenticate(session, "ngocdt", unicodedata.normalize("NFD", "Bến-Gỗ-cũ")) is user
    assert user.password_hash.startswith("$argon2id$")
    assert authenticate(session, "ngocdt", "Bến-Gỗ-cũ") is user


@pytest.mark.parametrize("stored", ["scrypt:1024:8:1$muoi", "scrypt:x:8:1$muoi$00", "pbkdf2:sha256:1:2$muoi$00",
                                    "pbkdf2:khong-co:1000$muoi$00", "md5$muoi$00", ""])
def test_a_malformed_legacy_hash_never_matches(stored):
    assert check_legacy_hash(stored, "") is False
    assert verify_password(stored, "") is False


def test_a_password_typed_composed_or_decomposed_is_the_same_password(session):
    composed = "Đường-về-xã-Bến-Gỗ"
    user = make_user(session, username="hoatt", password=composed)
    assert authenticate(session, "hoatt", unicodedata.normalize("NFD", composed)) is user


@pytest.mark.parametrize("who", ["unknown", "inactive", "wrong password", "right password"])
def test_every_login_attempt_runs_the_real_hash_verifier_once(session, monkeypatch, who):
    """Timing: an unknown or inactive name must cost what a known one does (counted, not timed)."""
    hasher = CountingHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(content.passwords, "HASHER", hasher)
    make_user(session, username="thuy", password="bến-nước-đầu-đình")
    make_user(session, username="khoa", password="bến-nước-đầu-đình").is_active = False
    session.flush()
    CountingHasher.calls = 0
    name, password = {"unknown": ("khongco", "bến-nước-đầu-đình"), "inactive": ("khoa", "bến-nước-đầu-đình"),
                      "wrong password": ("thuy", "sai-mat-khau-roi"),
                      "right password": ("thuy", "bến-nước-đầu-đình")}[who]
    authenticate(session, name, password)
    assert CountingHasher.calls == 1
