"""E-mail (.eml) and saved web archives (.mhtml/.mht), both MIME messages."""
from __future__ import annotations

import email
import email.policy
import email.utils
import re
from email.message import EmailMessage

from ..errors import IngestError
from .decode import decode_bytes

MAX_PARTS = 500


def _parse(data: bytes, source: str) -> EmailMessage:
    try:
        return email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; this is a last resort
        raise IngestError(source, f"cannot read the message ({type(exc).__name__})") from None


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except Exception:  # malformed headers raise from the default policy
        try:
            value = message.get_all(name, [None])[0]
        except Exception:
            return None
    return " ".join(str(value).split()) or None if value is not None else None


def _part_text(part, source: str) -> str | None:
    """Decoded text of a leaf part, or None if it has no usable payload."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        return None
    if not payload:
        return None
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_bytes(payload, source)
    except IngestError:
        return None


def _leaves(message: EmailMessage):
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            break
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            continue
        yield part


def message_body(data: bytes, source: str) -> tuple[str, str, EmailMessage]:
    """("html" | "plain", text, message): the preferred body of a MIME message."""
    message = _parse(data, source)
    html = plain = None
    for part in _leaves(message):
        kind = part.get_content_type()
        if kind == "text/html" and html is None:
            html = _part_text(part, source)
        elif kind == "text/plain" and plain is None:
            plain = _part_text(part, source)
        if html is not None:
            break
    if html and html.strip():
        return "html", html, message
    if plain and plain.strip():
        return "plain", plain, message
    raise IngestError(source, "the message has no readable text or HTML part")


def email_info(message: EmailMessage) -> dict[str, str | None]:
    info: dict[str, str | None] = {"title": _header(message, "Subject")}
    date_value = _header(message, "Date")
    if date_value:
        try:
            info["published"] = email.utils.parsedate_to_datetime(date_value).date().isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    sender = _header(message, "From")
    if sender:
        name, address = email.utils.parseaddr(sender)
        name = re.sub(r"\s+via\s+.*$", "", name).strip(" \"'")
        if name:
            info["outlet"] = name
    return info
