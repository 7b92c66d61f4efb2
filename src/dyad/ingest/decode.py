"""Bytes to text, refusing what is not an article: empty, binary or undecodable input."""

from __future__ import annotations

import logging

from charset_normalizer import CharsetMatch, from_bytes

from dyad.errors import InputError

log = logging.getLogger(__name__)

# Share of control characters above which a file is treated as binary, not text.
_BINARY_CONTROL_RATIO = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13}
# charset-normalizer's "chaos" above which a guessed decoding is rejected as garbage.
_MAX_CHAOS = 0.15
_WESTERN = "cp1252"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean a binary file (an image, a PDF, a zip)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_RATIO


def decode_bytes(data: bytes, source: str) -> str:
    """Decode UTF-8, else the charset charset-normalizer finds; raise InputError otherwise."""
    if not data.strip():
        raise InputError(source, "empty file: no text to read")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            reason = f"undecodable text: starts with a UTF-16 byte-order mark but is not UTF-16 ({error.reason})"
            raise InputError(source, reason) from None
    if looks_binary(data):
        raise InputError(source, "binary file: this is not text (is it an image, PDF or archive?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    best = _best_match(data)
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(
            source,
            f"undecodable text: not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start})"
            " and no other encoding fits",
        )
    log.warning("%s: not UTF-8, decoded as %s", source, best.encoding)
    return str(best)


def _best_match(data: bytes) -> CharsetMatch | None:
    """charset-normalizer's best guess; on a tie, windows-1252, the commonest legacy charset.

    Short Western text often fits cp1250, cp1252 and cp1257 equally well, and the guess
    between them would turn "Núñez" into "Núńez".
    """
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding == _WESTERN and (match.chaos, match.coherence) == (best.chaos, best.coherence):
            return match
    return best
