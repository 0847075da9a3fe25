#!/usr/bin/env python3
"""Verifies an Easel callback the way a receiver should (Standard Webhooks, standard library only).

    python3 verify_webhook.py WHSEC_SECRET WEBHOOK_ID WEBHOOK_TIMESTAMP WEBHOOK_SIGNATURE BODY_FILE

Exits 0 when the signature is valid and the timestamp is within 5 minutes, 1 otherwise.
The Easel test suite runs this file against real deliveries.
"""
import base64
import hashlib
import hmac
import sys
import time

TOLERANCE_SECONDS = 5 * 60


def verify(secret: str, webhook_id: str, timestamp: str, signature_header: str, body: bytes) -> bool:
    # The key is the base64 part of "whsec_…".
    key = base64.b64decode(secret.removeprefix("whsec_"))
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False  # too old or from the future: a replay
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # The header may carry several space-separated signatures (e.g. during secret rotation).
    for candidate in signature_header.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


if __name__ == "__main__":
    secret, webhook_id, timestamp, signature, body_file = sys.argv[1:6]
    with open(body_file, "rb") as f:
        body = f.read()
    ok = verify(secret, webhook_id, timestamp, signature, body)
    print("valid" if ok else "invalid")
    sys.exit(0 if ok else 1)
