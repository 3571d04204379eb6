"""Time-based one-time passwords computed as an authenticator app does (RFC 6238, SHA-1,
6 digits, 30 seconds), independently of the library the app uses to check them."""

import base64
import hashlib
import hmac
import struct
import time


def totp(secret_base32: str, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    key = base64.b32decode(
        secret_base32.replace(" ", "").upper() + "=" * (-len(secret_base32.replace(" ", "")) % 8)
    )
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)
