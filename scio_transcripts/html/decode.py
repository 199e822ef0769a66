"""Bytes of a saved page to text: the charset the page declares, else UTF-8, else GB18030."""

from __future__ import annotations

import codecs
import re

# '<meta charset="gbk">' or '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'.
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    r"\A[\ufeff\s]*(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)",
    re.IGNORECASE | re.DOTALL,
)
# A Chinese page that declares one of these is usually GBK in fact; GB18030 reads all of them.
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"}


def looks_like_html(text: str) -> bool:
    """Whether a text is a saved web page rather than a transcript saved as text."""
    return bool(_HTML_START.match(text[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares, as Python names it (GB2312 and GBK as GB18030)."""
    declared = _DECLARED.search(data[:4096])
    if declared is None:
        return None
    name = declared.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in _GB else name


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the charset it was read with.

    A byte-order mark wins; then the charset a ``<meta>`` declares (GB2312 and GBK read as their
    superset GB18030); then UTF-8; then GB18030, which the Chinese sites served before UTF-8.

    Raises:
        UnicodeDecodeError: If no charset reads the bytes (a binary file named ``.html``).
    """
    for bom, charset in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(charset), charset
    declared = declared_charset(data)
    tried = [declared] if declared else []
    tried += ["utf-8", "gb18030"]
    last: UnicodeDecodeError | None = None
    for charset in dict.fromkeys(tried):
        try:
            codecs.lookup(charset)
            text = data.decode(charset)
        except LookupError:
            continue
        except UnicodeDecodeError as error:
            last = error
            continue
        if "\x00" in text:  # a binary file that happens to decode
            last = UnicodeDecodeError(charset, data, text.index("\x00"), text.index("\x00") + 1, "NUL byte")
            continue
        return text, charset
    assert last is not None
    raise last
