"""Which link targets a page may carry: plain https URLs whose host a reader can trust.

A browser and Python do not always read a URL the same way: browsers treat ``\\`` as
``/``, read ``0x7f.0.0.1`` or ``2130706433`` as an IP address, and show a Unicode host
(``juridischlоket.nl`` with a Cyrillic ``о``) exactly like the real one. So a host must be
plain ASCII letters, digits and hyphens, ending in a top-level domain of letters, and the reviewer is
shown :func:`real_host`, the host as the browser will contact it.
"""

from __future__ import annotations

from functools import lru_cache

import re
from urllib.parse import urlsplit

from bot.content.characters import char_problem
from bot.i18n import N_

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_NUMERIC = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")
_TLD = re.compile(r"^[a-z]{2,63}$")


def real_host(url: str) -> str:
    """The host a browser would contact, in ASCII (punycode where it is not plain ASCII)."""
    try:
        host = urlsplit(url.replace("\\", "/")).hostname or ""
    except ValueError:
        return "(not a valid URL)"
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host.encode("ascii", "backslashreplace").decode("ascii")


def _host_problem(url: str, host: str) -> str | None:
    if not host.isascii():
        return N_("link {url!r} has a host that is not plain ASCII ({host}); write the host "
                  "in ASCII letters", url=url, host=real_host(url))
    labels = host.split(".")
    if _NUMERIC.match(labels[-1]):
        return N_("link {url!r} points to an IP address", url=url)
    if len(labels) < 2:
        return N_("link {url!r} has no public host name", url=url)
    # Browsers read a host whose last label is a number (decimal, octal or 0x hex) as an
    # IP address; a label such as the 113 in www.113.nl is an ordinary name.
    if _NUMERIC.match(labels[-1]) or ":" in host:
        return N_("link {url!r} points to an IP address", url=url)
    if any(label.startswith("xn--") for label in labels):
        return N_("link {url!r} uses a punycode host", url=url)
    if not all(_LABEL.match(label) for label in labels) or not _TLD.match(labels[-1]):
        return N_("link {url!r} has a host with characters other than a-z, 0-9, '-' and '.'",
                  url=url)
    return None


@lru_cache(maxsize=4096)
def check_url(url: str) -> str | None:
    """Return why a link target is refused, or None when it is a plain https URL.

    Cached: every language of a page cites the same sources, so loading the content checks
    each link several times.
    """
    if "\\" in url:
        return N_("link {url!r} contains a backslash", url=url)
    if any(c.isspace() for c in url):
        return N_("link {url!r} contains spaces", url=url)
    if why := char_problem(url):
        return N_("link {url!r} {problem}", url=url, problem=why)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return N_("link {url!r} is not a valid URL", url=url)
    if parts.scheme != "https":
        return N_("link {url!r} is not https", url=url)
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return N_("link {url!r} carries a user name or password", url=url)
    return _host_problem(url, (parts.hostname or "").lower())
