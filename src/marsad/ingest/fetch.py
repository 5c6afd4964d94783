"""Fetching URLs with httpx: timeout, redirect limit, a size cap enforced while streaming,
and a descriptive User-Agent. Every failure is a :class:`FetchError` saying what happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import FetchError


@dataclass
class Fetched:
    url: str               # the final URL, after redirects
    requested: str
    status: int
    content_type: str      # media type without parameters, lower case ("" if none)
    charset: str | None
    data: bytes


def user_agent(settings: Any) -> str:
    from .. import __version__

    return str(settings.user_agent).replace("{version}", __version__)


def make_client(settings: Any):
    import httpx

    return httpx.Client(
        follow_redirects=True,
        max_redirects=int(settings.fetch_max_redirects),
        timeout=httpx.Timeout(float(settings.fetch_timeout)),
        headers={"User-Agent": user_agent(settings),
                 "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                           "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"},
    )


def fetch(url: str, settings: Any, client: Any = None) -> Fetched:
    """GET ``url``; the body may not exceed ``settings.max_document_bytes``."""
    import httpx

    own = client is None
    client = client or make_client(settings)
    cap = int(settings.max_document_bytes)
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise FetchError(f"the page is {int(declared):,} bytes, over the "
                                 f"max_document_bytes limit of {cap:,}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():  # decoded (gzip, br) bytes: the cap holds after decompression
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"the page is over the max_document_bytes limit of "
                                     f"{cap:,} bytes; stopped reading")
                chunks.append(chunk)
            data = b"".join(chunks)
            ctype = resp.headers.get("content-type", "")
            media = ctype.split(";")[0].strip().lower()
            charset = None
            for part in ctype.split(";")[1:]:
                k, _, v = part.partition("=")
                if k.strip().lower() == "charset" and v.strip():
                    charset = v.strip().strip('"').lower()
            return Fetched(url=str(resp.url), requested=url, status=resp.status_code,
                           content_type=media, charset=charset, data=data)
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {settings.fetch_max_redirects} redirects "
                         "(setting fetch_max_redirects)") from None
    except httpx.TimeoutException:
        raise FetchError(f"no answer within {settings.fetch_timeout} seconds "
                         "(setting fetch_timeout)") from None
    except httpx.ConnectError as exc:
        msg = str(exc) or exc.__class__.__name__
        if "name or service not known" in msg.lower() or "nodename nor servname" in msg.lower() \
                or "name resolution" in msg.lower() or "no address" in msg.lower():
            raise FetchError(f"the host name cannot be resolved (DNS): {msg}") from None
        raise FetchError(f"cannot connect: {msg}") from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise FetchError(f"not a URL that can be fetched: {exc}") from None
    except httpx.DecodingError as exc:
        raise FetchError(f"the compressed body cannot be decoded: {exc}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{exc.__class__.__name__}: {exc}") from None
    finally:
        if own:
            client.close()

