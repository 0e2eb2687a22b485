"""The bearer token that authorises writes: reads are open, ``POST`` needs ``Authorization: Bearer <token>``.

The token comes from ``Settings.token`` (``DYAD_TOKEN`` or the config file). With none configured,
writes are disabled (403 E406). A missing header is 401 E401, a wrong token 403 E402; tokens are
compared in constant time (``hmac.compare_digest``).
"""

from __future__ import annotations

import hmac

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dyad.errors import Errors
from dyad.server.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="The token set in DYAD_TOKEN (or the 'token' setting).")


def check_token(configured: str | None, given: str | None) -> None:
    """Raise the right ``ApiError`` unless ``given`` is the ``configured`` token."""
    if not configured:
        raise ApiError(Errors.E406)
    if not given:
        raise ApiError(Errors.E401, headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise ApiError(Errors.E402)


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """FastAPI dependency of every write route."""
    given = credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else None
    check_token(request.app.state.settings.token, given)
