"""One error shape for every error the service answers: ``{"status", "error", "message", "detail"}``.

>>> ApiError(404, "not_found", "no entity abc").body()
{'status': 404, 'error': 'not_found', 'message': 'no entity abc', 'detail': None}
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("api")


class ErrorBody(BaseModel):
    """What every error response carries (documented once in the OpenAPI schema)."""

    status: int
    error: str
    message: str
    detail: Any = None


class ApiError(Exception):
    """An error with its HTTP status, a stable machine-readable code and a message for people."""

    def __init__(self, status: int, code: str, message: str, *, detail: Any = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return ErrorBody(status=self.status, error=self.code, message=self.message, detail=self.detail).model_dump()

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


def _code_for(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return exc.response()


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    return ApiError(exc.status_code, _code_for(exc.status_code), str(exc.detail), headers=headers).response()


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # FastAPI's own list of problems, without the echoed input (it may be large).
    problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
    text = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in problems)
    return ApiError(422, "invalid_parameter", text or "invalid request", detail=problems).response()


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return ApiError(500, "internal_error", f"internal error: {type(exc).__name__}").response()


def install_handlers(app: FastAPI) -> None:
    """Route every kind of failure through :class:`ApiError`'s shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)


# For the ``responses=`` argument of routes: the shape shows up in /docs.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 403, 404, 406, 413, 415, 422, 503, 504)
}
