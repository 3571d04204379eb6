"""One-time codes from an authenticator app (TOTP, RFC 6238) as a second step of sign-in, through
django-otp: enrolment and checking. Every write to a device is here (issue 13)."""

import base64
import io
import math

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .events import security_event

DEVICE_NAME = "Authenticator app"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def totp_enrolment_start(*, user) -> TOTPDevice:
    """The device being set up: the same unconfirmed one on every visit, so the key a phone
    already scanned stays right until the first code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def code_accepted(request: HttpRequest, device: TOTPDevice, code: str) -> tuple[bool, str]:
    """Check a code (each code works once; codes up to 30 s either side are allowed for a
    phone's clock); on success the session is marked as verified. (accepted, why not)."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        # django-otp doubles the wait after each wrong code: 1 s, 2 s, 4 s...
        until = (details or {}).get("locked_until")
        wait = max(1, math.ceil((until - timezone.now()).total_seconds())) if until else 1
        return (
            False,
            f"Too many wrong codes: wait {wait} second{'s' if wait != 1 else ''}, "
            "then type the newest code.",
        )
    with transaction.atomic():
        if not device.verify_token(code.replace(" ", "")):
            security_event("one_time_code_failed", request)
            return False, "That code is not right: type the 6 digits the app shows now."
        if not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            security_event("one_time_codes_set_up", request)
    otp_login(request, device)
    security_event("one_time_code_accepted", request)
    return True, ""


def key_for_typing(device: TOTPDevice) -> str:
    """The key in base32, as authenticator apps ask for it typed, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device: TOTPDevice) -> SafeString:
    """The device's otpauth:// address as a QR code, an SVG drawn on the server: no image
    service sees the key, and no script or inline style is needed (CSP)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode().split("?>", 1)[-1].strip()
    return mark_safe(  # made here from our own URL: nothing a user typed
        svg.replace("<svg ", '<svg role="img" aria-label="QR code of the key" class="qr-code" ', 1)
    )


@transaction.atomic
def totp_devices_remove(*, request: HttpRequest, devices) -> list[str]:
    """Remove authenticators (a lost phone): their owners set codes up again at next sign-in.
    Returns the owners' usernames."""
    usernames = sorted({device.user.get_username() for device in devices})
    for username in usernames:
        security_event("one_time_codes_removed", request, target=username)
    devices.delete()
    return usernames
