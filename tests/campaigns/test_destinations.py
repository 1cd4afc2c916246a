"""Webhook destinations: only public addresses, however spelled, unless the operator names the host."""

from __future__ import annotations

import threading
import time

import pytest

from campaigns.destinations import check_webhook_url, is_public, literal_address, parse_allowed_hosts, resolver_within


def resolves_to(*addresses: str):  # type: ignore[no-untyped-def]
    return lambda host, port: list(addresses)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8080/hook",
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://[::1]/hook",
    "http://10.20.30.40/hook",
    "http://172.16.5.4/hook",
    "http://192.168.1.10/hook",
    "http://100.64.0.9/hook",  # carrier-grade NAT
    "http://0.0.0.0:5000/",
    "http://[::]/",
    "http://2130706433/",  # 127.0.0.1 as one decimal number
    "http://0177.0.0.1/",  # octal
    "http://0x7f.1/",  # hexadecimal, short form
    "http://127.1/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[::ffff:a9fe:a9fe]/",  # 169.254.169.254, mapped and in hex
    "http://[64:ff9b::a9fe:a9fe]/",  # through NAT64
    "http://[2002:7f00:1::]/",  # 6to4 around 127.0.0.1
    "http://[fe80::1]/",
    "http://[fd12:3456::1]/",  # unique local
    "http://224.0.0.251/",  # multicast
    "http://[ff02::1]/",
    "http://240.0.0.1/",  # reserved
    "http://255.255.255.255/",
    "http://localhost:8080/hook",  # a name for this machine, really resolved
])
def test_an_internal_address_is_refused_however_it_is_written(url):
    refusal = check_webhook_url(url)
    assert refusal is not None and "LOA_WEBHOOK_ALLOWED_HOSTS" in refusal


def test_a_name_is_judged_by_every_address_it_resolves_to():
    assert check_webhook_url("https://nhan.xahoaphong.example/loa", resolve=resolves_to("93.184.215.14")) is None
    refusal = check_webhook_url("https://nhan.xahoaphong.example/loa",
                                resolve=resolves_to("93.184.215.14", "10.0.0.7"))
    assert refusal is not None and "10.0.0.7" in refusal


def test_a_public_address_is_accepted():
    assert check_webhook_url("https://93.184.215.14/loa") is None
    assert check_webhook_url("https://[2606:4700::6810:84e5]/loa") is None


def test_a_name_that_does_not_resolve_yet_is_left_to_the_check_at_send():
    def nowhere(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    assert check_webhook_url("https://nhan.xahoaphong.example/loa", resolve=nowhere) is None


def test_a_host_the_operator_allows_may_be_private():
    allowed = parse_allowed_hosts("hooks.noibo, 127.0.0.1")
    assert check_webhook_url("https://HOOKS.noibo./loa", allowed_hosts=allowed, resolve=resolves_to("10.1.1.1")) is None
    assert check_webhook_url("http://127.0.0.1:9000/loa", allowed_hosts=allowed) is None


def test_allowing_an_address_does_not_allow_a_name_that_resolves_to_it():
    """Names are matched as written: a DNS name the operator never listed gets no pass from an allowed IP."""
    allowed = parse_allowed_hosts(["127.0.0.1"])
    assert check_webhook_url("http://localhost:9000/loa", allowed_hosts=allowed) is not None
    assert check_webhook_url("http://2130706433:9000/loa", allowed_hosts=allowed) is None  # the same address


@pytest.mark.parametrize("url", ["ftp://nhan-tin/", "https://", "http://[::1/", "javascript:alert(1)"])
def test_what_is_not_a_web_address_is_refused(url):
    assert "https://" in (check_webhook_url(url) or "")


def test_credentials_in_the_address_are_refused():
    assert "mật khẩu" in (check_webhook_url("https://loa:matkhau@93.184.215.14/hook") or "")


def test_spellings_of_one_address_are_read_alike():
    assert literal_address("2130706433") == literal_address("0x7f.0.0.1") == literal_address("127.0.0.1")
    assert literal_address("nhan.example") is None
    assert not is_public(literal_address("::ffff:10.0.0.1"))  # type: ignore[arg-type]
    assert parse_allowed_hosts("[::1], Hooks.Noibo.") == {"::1", "hooks.noibo"}


def test_a_lookup_that_hangs_is_given_up_on_rather_than_holding_the_save():
    release = threading.Event()

    def hanging(host: str, port: int) -> list[str]:
        release.wait(10)
        return ["10.0.0.1"]

    started = time.monotonic()
    try:
        assert check_webhook_url("https://nhan.xahoaphong.example/loa", resolve=resolver_within(0.2, hanging)) is None
    finally:
        release.set()
    assert time.monotonic() - started < 5
