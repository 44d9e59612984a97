"""Supabase-shaped URLs and API keys for tests (unsigned: nothing here reaches Supabase)."""

from __future__ import annotations

import base64
import json
import time

REF = "abcdefghijklmnopqrst"
OTHER_REF = "tsrqponmlkjihgfedcba"
URL = f"https://{REF}.supabase.co"


def jwt(role: str, *, ref: str = REF, alg: str = "HS256", exp: int | None = None) -> str:
    """A key shaped like Supabase's legacy anon / service_role JWTs."""

    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    payload: dict[str, object] = {"iss": "supabase", "ref": ref, "role": role, "iat": 1700000000}
    payload["exp"] = exp if exp is not None else int(time.time()) + 10 * 365 * 86400
    return f"{part({'alg': alg, 'typ': 'JWT'})}.{part(payload)}.c2lnbmF0dXJlLWZvci10ZXN0cw"


ANON = jwt("anon")
SERVICE = jwt("service_role")
SB_PUBLISHABLE = "sb_publishable_cHVibGlzaGFibGUta2V5LWZvcg"
SB_SECRET = "sb_secret_Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4"
