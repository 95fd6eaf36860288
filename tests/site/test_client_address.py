"""The address rate limits count by: REMOTE_ADDR, or what a trusted proxy reports; never a 500, never forged."""

import pytest
from django.test import RequestFactory, override_settings

from botevgrad.client_address import UNKNOWN_ADDRESS, client_address


def address(remote_addr, forwarded=None, proxies=()):
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    with override_settings(TRUSTED_PROXIES=list(proxies)):
        return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_header_is_ignored():
    assert address("203.0.113.7", forwarded="198.51.100.1") == "203.0.113.7"


def test_header_from_an_untrusted_peer_is_ignored():
    assert address("203.0.113.7", forwarded="198.51.100.1", proxies=["10.0.0.0/8"]) == "203.0.113.7"


def test_trusted_proxy_reports_the_visitor():
    assert address("10.0.0.2", forwarded="198.51.100.1", proxies=["10.0.0.0/8"]) == "198.51.100.1"


def test_a_visitor_cannot_rotate_a_forged_first_hop():
    # The visitor sent "X-Forwarded-For: 1.2.3.4"; our proxy appended the real address.
    assert address("10.0.0.2", forwarded="1.2.3.4, 198.51.100.1", proxies=["10.0.0.2"]) == "198.51.100.1"


def test_chain_of_trusted_proxies_is_walked_from_the_right():
    assert address("10.0.0.2", forwarded="198.51.100.1, 10.0.0.9", proxies=["10.0.0.0/24"]) == "198.51.100.1"


@pytest.mark.parametrize("remote_addr", ["", "garbage", "a, b", "999.1.1.1", None])
def test_missing_or_broken_peer_address_is_a_shared_key_not_an_error(remote_addr):
    assert address(remote_addr) == UNKNOWN_ADDRESS


@pytest.mark.parametrize("forwarded", ["", "garbage", "a, b", "1.2.3.4, nonsense", "²", "x" * 10_000])
def test_broken_header_from_the_proxy_falls_back_to_the_peer(forwarded):
    assert address("10.0.0.2", forwarded=forwarded, proxies=["10.0.0.2"]) == "10.0.0.2"
