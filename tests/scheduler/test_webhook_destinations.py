"""A webhook never posts to this machine or a private network: checked before sending and on the connection itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import partial

import pytest

from bench.fakes.samples import make_outgoing
from bench.fakes.tls import self_signed
from bench.fakes.webhook import WebhookReceiver
from campaigns.credentials import generate_key, set_channel_secret, unseal
from campaigns.destinations import parse_allowed_hosts
from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from scheduler.channels import ChannelError, Endpoints
from scheduler.channels.public_only import public_only_session
from scheduler.channels.webhook import SignedWebhook
from scheduler.dispatch import run_tick
from scheduler.sending import DispatchSettings
from tests.factories import make_channel
from tests.scenarios import approved_message

SECRET = "whsec_xa-dong-son_41c2"
KEY = generate_key()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver(SECRET) as fake:
        yield fake


def port(fake: WebhookReceiver) -> str:
    return fake.url.rsplit(":", 1)[1]


def public_address(host: str, port: int) -> list[str]:
    """What a rebinding DNS server answers the first time: a harmless public address."""
    return ["93.184.215.14"]


def refusal(connector: SignedWebhook, url: str) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        connector.send(make_outgoing({"url": url}, secret=SECRET))
    error = caught.value
    assert error.final and error.needs_attention and not error.retryable, error
    assert "127.0.0.1" in str(error) and SECRET not in str(error)
    return error


def test_a_webhook_to_this_machine_is_refused_and_nothing_is_sent(receiver):
    refusal(SignedWebhook(timeout=2.0), f"{receiver.url}/hook")
    assert receiver.requests == []


def test_a_name_that_resolves_to_this_machine_is_refused_at_send(receiver):
    # The operator allowed 127.0.0.1 by that name; "localhost" is another name and gets no pass.
    connector = SignedWebhook(timeout=2.0, allowed_hosts=parse_allowed_hosts("127.0.0.1"))
    refusal(connector, f"http://localhost:{port(receiver)}/hook")
    assert receiver.requests == []


def test_a_name_rebound_to_this_machine_after_the_check_is_caught_on_the_connection(receiver):
    looked_up: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        looked_up.append(host)
        return public_address(host, port)

    refusal(SignedWebhook(timeout=2.0, resolve=rebinding), f"http://localhost:{port(receiver)}/hook")
    assert looked_up == ["localhost"]  # the check before sending was fooled...
    assert receiver.requests == []  # ...the one on the socket was not


def test_https_keeps_its_certificate_check_and_the_connection_check(tmp_path):
    context, certificate = self_signed(tmp_path, "localhost")
    receiver = WebhookReceiver(SECRET)
    receiver.tls = context
    with receiver:
        url = f"https://localhost:{port(receiver)}/hook"
        allowed = SignedWebhook(timeout=2.0, allowed_hosts=parse_allowed_hosts("localhost"))
        allowed.http.verify = str(certificate)
        assert allowed.send(make_outgoing({"url": url}, secret=SECRET)) == "wh-1"

        untrusted = SignedWebhook(timeout=2.0, allowed_hosts=parse_allowed_hosts("localhost"))
        with pytest.raises(ChannelError):  # the certificate is checked: this client does not trust it
            untrusted.send(make_outgoing({"url": url}, secret=SECRET))

        rebound = SignedWebhook(timeout=2.0, resolve=public_address)
        rebound.http.verify = str(certificate)
        refusal(rebound, url)
    assert list(receiver.accepted.values()) == ["wh-1"]


def test_proxies_from_the_environment_are_not_used(monkeypatch):
    """Through a proxy the connected peer would be the proxy, and the address check would prove nothing."""
    monkeypatch.setenv("HTTPS_PROXY", "http://10.9.9.9:3128")
    session = public_only_session()
    assert session.trust_env is False
    assert session.merge_environment_settings("https://nhan.example.vn/", {}, None, None, None)["proxies"] == {}


def test_a_delivery_to_a_refused_destination_fails_and_flags_the_channel(session, session_factory, now, receiver):
    # Saved before destinations were checked, or its name moved since: the send is where it is caught.
    channel = make_channel(session, ChannelKind.WEBHOOK, name="Webhook xã Đông Sơn",
                           settings={"url": f"http://localhost:{port(receiver)}/hook"})
    set_channel_secret(channel, KEY, SECRET)
    deliveries = []
    for _ in range(2):
        message, _editor, approver, _data = approved_message(session, now)
        deliveries += plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=5), now=now,
                                      channels=[channel])
    session.commit()
    # One sending thread: with several, each may take one of the two before the first refusal flags the channel.
    settings = DispatchSettings(base_url="https://loa.example.vn", unseal=partial(unseal, KEY), endpoints=Endpoints(),
                                parallel=1)
    report = run_tick(session_factory, now=now + timedelta(minutes=5), worker="w1", settings=settings)
    session.expire_all()
    rows = [session.get(Delivery, d.id) for d in deliveries]
    assert receiver.requests == []
    assert (report.failed, report.deferred) == (1, 1)
    assert sorted(row.status.value for row in rows) == [DeliveryStatus.FAILED.value, DeliveryStatus.PLANNED.value]
    failed = next(row for row in rows if row.status is DeliveryStatus.FAILED)
    assert "127.0.0.1" in failed.last_error and "LOA_WEBHOOK_ALLOWED_HOSTS" in failed.last_error
    assert "127.0.0.1" in session.get(Channel, channel.id).needs_attention
    # The other waits for the channel to be fixed rather than being sent there on the next tick.
    assert run_tick(session_factory, now=now + timedelta(hours=1), worker="w1", settings=settings).claimed == 0


def test_the_same_delivery_goes_out_when_the_operator_allows_the_host(session, session_factory, now, receiver):
    channel = make_channel(session, ChannelKind.WEBHOOK, settings={"url": f"{receiver.url}/hook"})
    set_channel_secret(channel, KEY, SECRET)
    message, _editor, approver, _data = approved_message(session, now)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now, now=now, channels=[channel])
    session.commit()
    endpoints = Endpoints(webhook_allowed_hosts=parse_allowed_hosts("127.0.0.1"))  # LOA_WEBHOOK_ALLOWED_HOSTS
    report = run_tick(session_factory, now=now, worker="w1",
                      settings=DispatchSettings(base_url="https://loa.example.vn", unseal=partial(unseal, KEY),
                                                endpoints=endpoints))
    assert report.sent == 1 and len(receiver.accepted) == 1
    session.expire_all()
    assert session.get(Delivery, delivery.id).status is DeliveryStatus.SENT
