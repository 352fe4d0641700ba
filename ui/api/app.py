"""The FastAPI application over one SearchService: search, articles, versions, diffs, changesets,
citations in a posted text, health. OpenAPI at /openapi.json.

Endpoints are plain (sync) functions: FastAPI runs them in its thread pool, and the service is safe
across threads. Every refusal is a JSON `{"error": {status, code, message, parameter}}` in French; an
unexpected exception is logged with its traceback and answered as a JSON 500 without it.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from typing import Annotated

from fastapi import Body, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from corpus.model import article_key
from search.diff import diff_words
from search.results import SearchRequest
from search.service import SearchService
from ui.api import checks, payloads
from ui.api.checks import ApiError
from ui.api.limits import BodyLimit

log = logging.getLogger("lexsearch.api")

FIELD_NAMES_FR = {"q": "la requête", "limit": "limit", "page": "page", "all_versions": "all_versions"}


class CiteRequest(BaseModel):
    text: str = Field(description="le texte à lire", max_length=checks.MAX_CITE_CHARS)
    code: str | None = Field(None, description="code par défaut du texte", max_length=checks.MAX_ID_CHARS)


def create_app(service: SearchService) -> FastAPI:
    app = FastAPI(
        title="lexsearch",
        version="1",
        description="Recherche dans le droit français versionné : toutes les versions de chaque article, "
        "diffs, textes modificatifs, citations.",
        docs_url=None,  # the Swagger page loads its scripts from a CDN: the description is enough
        redoc_url=None,
        redirect_slashes=False,  # "/versions/x/" is a 404 in JSON, not an empty redirect
    )
    app.add_middleware(BodyLimit, max_bytes=checks.MAX_BODY_BYTES)
    _errors(app)
    _search_routes(app, service)
    _page_routes(app, service)
    return app


def _errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    def api_error(request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(error.body(), status_code=error.status)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = error.errors()
        first = problems[0] if problems else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("query", "body", "path")]
        parameter = ".".join(location) or None
        message = _validation_message(first, parameter)
        return JSONResponse(ApiError(400, "invalid_parameter", message, parameter).body(), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        messages = {
            404: "ressource introuvable",
            405: "méthode non permise sur cette ressource",
            413: f"corps de requête trop grand : au plus {checks.MAX_BODY_BYTES} octets.",
        }
        message = messages.get(error.status_code, str(error.detail))
        return JSONResponse(
            ApiError(error.status_code, "http_error", message).body(),
            status_code=error.status_code,
            headers=getattr(error, "headers", None),
        )

    @app.exception_handler(Exception)
    def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("erreur inattendue sur %s %s", request.method, request.url.path)
        body = ApiError(
            500, "internal_error", "erreur interne du serveur (consignée dans son journal)"
        ).body()
        return JSONResponse(body, status_code=500)


def _validation_message(problem: dict, parameter: str | None) -> str:
    kind = str(problem.get("type", ""))
    name = parameter or "la requête"
    if kind.startswith("int"):
        return f"{name} : un nombre entier est attendu."
    if kind.startswith("bool"):
        return f"{name} : true ou false est attendu."
    if kind == "string_too_long":
        limit = (problem.get("ctx") or {}).get("max_length")
        return f"{name} : trop long (au plus {limit} caractères)."
    if kind == "missing":
        return f"{name} : champ obligatoire absent."
    if kind in ("json_invalid", "model_attributes_type", "dict_type"):
        return 'corps de requête : un objet JSON {"text": …, "code": …} est attendu.'
    if kind.startswith("string"):
        return f"{name} : du texte est attendu."
    return f"{name} : valeur invalide."


def _search_routes(app: FastAPI, service: SearchService) -> None:
    @app.get("/", summary="Les ressources de l'API")
    def root() -> dict:
        return {
            "name": "lexsearch",
            "links": {
                "search": "/search?q=licenciement+pour+motif+%C3%A9conomique",
                "openapi": "/openapi.json",
                "health": "/health",
            },
        }

    @app.get("/health", summary="État du service et index servi")
    def health() -> dict:
        from analyzers.lemmas import LEMMATIZER

        return {
            "status": "ok",
            "pid": os.getpid(),
            "index": service.index_generation,
            "lemma_model_loaded": LEMMATIZER.model_loaded,
        }

    @app.get("/search", summary="Recherche (mêmes champs que `lexsearch search --json`, plus des liens)")
    def search(
        q: Annotated[str, Query(description="mots, « phrase exacte », -exclusion, L. 1233-3")] = "",
        at: Annotated[str | None, Query(description="versions en vigueur à cette date (AAAA-MM-JJ)")] = None,
        all_versions: Annotated[bool, Query(description="toutes les versions, anciennes rédactions")] = False,
        code: Annotated[str | None, Query(description="code : titre, abréviation ou LEGITEXT")] = None,
        status: Annotated[str | None, Query(description="statut de la version (in_force, repealed…)")] = None,
        section: Annotated[str | None, Query(description="mot du titre de section", max_length=200)] = None,
        limit: Annotated[int, Query(description=f"articles par page (1 à {checks.MAX_LIMIT})")] = 10,
        page: Annotated[int, Query(description="page, à partir de 1")] = 1,
    ) -> dict:
        query = checks.check_query(q)
        day = checks.parse_day(at, "at")
        if day is not None and all_versions:
            raise checks.bad(
                "at", "at et all_versions s'excluent : choisissez une date ou toutes les versions."
            )
        code_id = checks.resolve_code(code, service.codes())
        size, offset = checks.check_page(limit, page)
        request = SearchRequest(
            query=query,
            at=day,
            all_versions=all_versions,
            code=code_id,
            status=checks.check_status(status),
            section=section or None,
            limit=size,
            offset=offset,
        )
        body = payloads.results_json(service.search(request), links=True)
        params = {"q": query, "at": at, "all_versions": all_versions, "code": code_id, "status": status}
        params |= {"section": section, "limit": size}
        body["page"] = page
        body["links"] = {"self": payloads.search_path({**params, "page": page})}
        if offset + size < body["total"]:
            body["links"]["next"] = payloads.search_path({**params, "page": page + 1})
        if page > 1:
            body["links"]["prev"] = payloads.search_path({**params, "page": page - 1})
        return body

    @app.post("/citations", summary="Références trouvées dans un texte, avec liens vers les articles")
    def citations(request: Annotated[CiteRequest, Body()]) -> dict:
        from ui.cli.cite import cite

        known = {code.code_id for code in service.codes()}
        found = cite(request.text, request.code)
        for record in found["citations"]:
            code_id = record.get("code_id")
            if code_id in known:
                record["links"] = [payloads.article_by_number_path(code_id, n) for n in record["articles"]]
        return found


def _page_routes(app: FastAPI, service: SearchService) -> None:
    @app.get("/articles/{article_id}", summary="Un article et la liste de ses versions")
    def article(article_id: Annotated[str, Path()]) -> dict:
        found = service.article(checks.check_id(article_id, "article_id"))
        if found is None:
            raise ApiError(404, "not_found", f"article inconnu « {article_id} ».", "article_id")
        return payloads.article_json(found, service.versions_of(found.article_id))

    @app.get("/codes/{code}/articles/{number}", summary="Un article par code et numéro (L1233-3)")
    def article_by_number(code: Annotated[str, Path()], number: Annotated[str, Path()]) -> dict:
        code_id = checks.resolve_code(code, service.codes())
        found = service.articles_by_key(article_key(code_id, checks.check_id(number, "number")))
        if not found:
            raise ApiError(404, "not_found", f"pas d'article {number} dans ce code.", "number")
        return payloads.article_json(found[0], service.versions_of(found[0].article_id))

    @app.get("/versions/{version_id}", summary="Une version d'article, avec son texte")
    def version(version_id: Annotated[str, Path()]) -> dict:
        return payloads.version_json(_version(service, version_id))

    @app.get("/versions/{version_id}/diff", summary="Diff avec la version précédente")
    def diff(version_id: Annotated[str, Path()]) -> dict:
        found = _version(service, version_id)
        previous = service.previous_version(found.version_id)
        return payloads.diff_json(
            found, previous, diff_words(previous.text if previous else None, found.text)
        )

    @app.get("/changesets/{text_id}", summary="Tout ce qu'un texte modificatif a changé à une date")
    def changeset(
        text_id: Annotated[str, Path()],
        date_: Annotated[str | None, Query(alias="date", description="date d'effet (AAAA-MM-JJ)")] = None,
    ) -> dict:
        checks.check_id(text_id, "text_id")
        effective = checks.parse_day(date_, "date")
        if effective is None:
            return _changesets_of(service, text_id)
        found = service.changeset(text_id, effective)
        if found is None:
            raise ApiError(404, "not_found", f"aucun changement du texte {text_id} le {effective}.", "date")
        return payloads.changeset_json(found)


def _version(service: SearchService, version_id: str):
    found = service.version(checks.check_id(version_id, "version_id"))
    if found is None:
        raise ApiError(404, "not_found", f"version inconnue « {version_id} ».", "version_id")
    return found


def _changesets_of(service: SearchService, text_id: str) -> dict:
    """Without a date: the dates on which this text changed the corpus, each a link."""
    dates: list[date | None] = [when for text, when, _ in service.changesets() if text.text_id == text_id]
    if not dates:
        raise ApiError(404, "not_found", f"texte modificatif inconnu « {text_id} ».", "text_id")
    return {
        "text_id": text_id,
        "changesets": [
            {"effective_on": payloads.day(when), "links": {"self": payloads.changeset_path(text_id, when)}}
            for when in dates
        ],
    }
