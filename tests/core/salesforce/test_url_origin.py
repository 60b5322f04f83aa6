"""Which server a URL names: one answer, the one urllib3 connects to, or none at all."""

from __future__ import annotations

import pytest
from urllib3.util import parse_url

from syncerr_gui.core.salesforce.url_origin import Origin, parse_origin


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://acme.my.salesforce.com", Origin("https", "acme.my.salesforce.com", None)),
        ("https://Acme.My.Salesforce.com:443/lightning/page", Origin("https", "acme.my.salesforce.com", 443)),
        ("https://127.0.0.1:8443/services", Origin("https", "127.0.0.1", 8443)),
        ("http://localhost:1717", Origin("http", "localhost", 1717)),
        ("https://[::1]:8443", Origin("https", "::1", 8443)),
    ],
)
def test_a_plain_url_names_its_origin(url: str, origin: Origin) -> None:
    assert parse_origin(url) == origin


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example\\.force.com",  # urlsplit: a force.com host; urllib3: evil.example
        "https://evil.example\\@acme.my.salesforce.com",
        "https://evil.example@acme.my.salesforce.com",  # userinfo
        "https://user:pw@acme.my.salesforce.com",
        "https://acme.my.salesforce.com\t.evil.example",
        "https://x <img src=/dev/zero>",
        "https://acme.my.salesforce.com:99999",
        "https://acme.my.salesforce.com:port",
        "https://evil.example%5c.force.com",
        "ftp://acme.my.salesforce.com",
        "https://",
        "",
    ],
)
def test_an_ambiguous_or_odd_url_names_no_origin(url: str) -> None:
    assert parse_origin(url) is None


def test_the_backslash_url_really_is_read_two_ways() -> None:
    from urllib.parse import urlsplit

    url = "https://evil.example\\.force.com"
    assert urlsplit(url).hostname.endswith(".force.com")
    assert parse_url(url).host == "evil.example"  # what requests would connect to


def test_the_origin_url_leaves_out_the_default_port() -> None:
    assert Origin("https", "acme.my.salesforce.com", 443).url == "https://acme.my.salesforce.com"
    assert Origin("https", "::1", 8443).url == "https://[::1]:8443"
    assert Origin("http", "localhost", 1717).url == "http://localhost:1717"
