"""The analyst's web app: server-rendered pages and a JSON API over one read-only store.

Each view is one function that gathers its data through dyad.web.queries; the API returns
that data as JSON and the page renders it, so both always agree. Library errors become
HTTP errors here, at the edge: bad parameters are 4xx, a query past the time limit is 503.
"""

# no `from __future__ import annotations`: FastAPI reads the routes' annotations, and Filtered is
# local to create_app
import hmac
import importlib.resources
from pathlib import Path
from typing import Annotated, Any, Literal

import pycountry
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.dates import iso_to_date
from dyad.records import EVENT_TYPES
from dyad.web import charts
from dyad.web import queries as q
from dyad.web.access import DEFAULT_CACHE_SIZE, StoreAccess, file_version
from dyad.web.highlight import Mark, annotate

ISO_CODES = frozenset(c.alpha_3 for c in pycountry.countries)  # valid even where the store names none
MAX_PAGE = 500  # rows any one request may ask for
QUERY_TIMEOUT_S = 5.0
TOKEN_COOKIE = "dyad_token"
Code = Annotated[str, PathParam(pattern=r"^[A-Za-z]{2,3}$", description="ISO 3166-1 alpha-3 country or IGO code")]
By = Annotated[
    Literal["country", "actor"], Query(description="country pairs, or named actors and their named recipients")
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows to return, at most {MAX_PAGE}")]


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    timeout_s: float = QUERY_TIMEOUT_S,
    cache_size: int = DEFAULT_CACHE_SIZE,
) -> FastAPI:
    """The app over the database at `db_path`, opened read-only; with `token`, every request must carry it
    (header `X-Dyad-Token` or `Authorization: Bearer`, or `?token=`, which then sets a cookie for the pages)."""
    access = StoreAccess(db_path, timeout_s=timeout_s, cache_size=cache_size)
    # no /docs or /redoc: FastAPI's pages load their scripts from a CDN; the schema is at /openapi.json
    app = FastAPI(
        title="dyad",
        summary="Political events and happenings from news articles, read-only.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.access = access
    templates = Jinja2Templates(directory=str(importlib.resources.files("dyad.web") / "templates"))
    templates.env.globals.update(badges=q.BADGES, type_colours=charts.TYPE_COLOURS, event_types=EVENT_TYPES)

    # Added before the token check, so it runs inside it: an answer kept is only given to a request that
    # passed the check. Kept answers are served here, on the event loop, without a worker thread.
    @app.middleware("http")
    async def reuse_answers(request: Request, call_next: Any) -> Response:
        if request.method != "GET" or access.cache_size <= 0:
            return await call_next(request)
        key = (request.url.path, request.url.query)
        kept = access.answer(key)
        if kept is not None:
            body, media_type = kept  # type: ignore[misc]  # kept below as (bytes, str)
            return Response(body, media_type=media_type, headers={"X-Dyad-Cache": "hit"})
        version = file_version(access.path)
        response = await call_next(request)
        if response.status_code != 200 or "set-cookie" in response.headers:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        if file_version(access.path) == version:  # no commit while it was made: the answer is of `version`
            access.keep(key, version, (body, response.headers.get("content-type")))
        return Response(body, status_code=200, headers=dict(response.headers))

    if token is not None:

        @app.middleware("http")
        async def require_token(request: Request, call_next: Any) -> Response:
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            given = (
                request.headers.get("x-dyad-token")
                or bearer
                or request.query_params.get("token")
                or request.cookies.get(TOKEN_COOKIE)
                or ""
            )
            if not hmac.compare_digest(given.encode(), token.encode()):
                return PlainTextResponse("a valid token is required (X-Dyad-Token header or ?token=)", 401)
            response = await call_next(request)
            if request.query_params.get("token"):
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return response

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(request: Request, status: int, detail: Any) -> Response:
        if is_api(request):
            return JSONResponse({"detail": jsonable_encoder(detail)}, status)
        message = detail if isinstance(detail, str) else "; ".join(_explain(d) for d in detail)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 422, exc.errors())

    @app.exception_handler(q.QueryTimeout)
    async def timeout(request: Request, exc: q.QueryTimeout) -> Response:
        return error(request, 503, str(exc))

    def country(code: str) -> str:
        code = code.upper()
        if code not in access.known_countries and code not in ISO_CODES:
            raise HTTPException(404, f"unknown country code {code!r}: use an ISO 3166-1 alpha-3 code such as CUB")
        return code

    def filters(
        type: Annotated[str | None, Query(description=f"PLOVER type: {', '.join(EVENT_TYPES)}")] = None,
        context: Annotated[str | None, Query(max_length=40)] = None,
        modality: Annotated[str | None, Query(description=", ".join(q.BADGES))] = None,
        since: Annotated[str | None, Query(description="earliest date, YYYY[-MM[-DD]]")] = None,
        until: Annotated[str | None, Query(description="latest date, YYYY[-MM[-DD]]")] = None,
        min_confidence: Annotated[float, Query(ge=0, le=1)] = 0.0,
    ) -> q.Filters:
        if type and type.upper() not in EVENT_TYPES:
            raise HTTPException(422, f"unknown type {type!r}; choose from {', '.join(EVENT_TYPES)}")
        if modality and modality not in q.BADGES:
            raise HTTPException(422, f"unknown modality {modality!r}; choose from {', '.join(q.BADGES)}")
        return q.Filters(
            type=type.upper() if type else None,
            context=context or None,
            modality=modality or None,
            since=_date(since, "since"),
            until=_date(until, "until"),
            min_confidence=min_confidence,
        )

    Filtered = Annotated[q.Filters, Depends(filters)]

    # -- the views: data for the API and the pages alike, answered again from the cache until the file changes
    def overview() -> dict[str, Any]:
        def gather(db: q.Reader) -> dict[str, Any]:
            return {
                "counts": q.corpus_counts(db),
                "happenings_by_month": [
                    {"month": m, "type": t, "happenings": n} for m, t, n in q.happenings_by_month(db)
                ],
                "busiest_dyads": [vars(d) for d in access.busiest_dyads],
                "latest_failures": q.latest_failures(db, 10),
            }

        return access.read(gather)

    def dyad(first: str, second: str, f: q.Filters, limit: int, offset: int) -> dict[str, Any]:
        first, second = country(first), country(second)
        return access.read(
            lambda db: {
                "first": first,
                "second": second,
                "filters": f,
                "timeline": q.dyad_timeline(db, first, second, f),
                "happenings": q.dyad_happenings(db, first, second, f, limit, offset),
            },
        )

    def network(by: str, limit: int) -> list[q.Edge]:
        edges = q.named_network if by == "actor" else q.network
        return access.read(lambda db: edges(db, limit))

    def places(at: str | None, limit: int) -> dict[str, Any]:
        return access.read(
            lambda db: {
                "places": q.places(db, limit),
                "at": at,
                "happenings": q.happenings_at(db, at, limit) if at else [],
            },
        )

    def happening(happening_id: str) -> dict[str, Any]:
        def gather(db: q.Reader) -> dict[str, Any] | None:
            item = q.happening(db, happening_id)
            if item is None:
                return None
            reports = q.happening_reports(db, happening_id)
            return {"happening": item, "reports": reports, "articles": q.articles(db, [e.article_id for e in reports])}

        found = access.read(gather)
        if found is None:
            raise HTTPException(404, f"no happening {happening_id!r}")
        return found

    def article(article_id: str) -> dict[str, Any]:
        def gather(db: q.Reader) -> dict[str, Any] | None:
            found = q.articles(db, [article_id])
            if not found:
                return None
            coded = q.article_events(db, article_id)
            return {"article": found[0], "events": [{"event": e, "happening": h} for e, h in coded]}

        found = access.read(gather)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return found

    def search(text: str, limit: int) -> dict[str, Any]:
        def gather(db: q.Reader) -> dict[str, Any]:
            hits = access.search(text, limit, reader=db)
            of_event = q.happenings_of_events(db, [h.id for h in hits if h.kind == "evidence"])
            return {"q": text, "hits": [{**vars(h), "happening": of_event.get(h.id)} for h in hits]}

        return access.read(gather)

    # -- JSON API ------------------------------------------------------------------------
    @app.get("/api/overview", tags=["api"])
    def api_overview() -> Any:
        """Corpus counts, happenings by type per month, the busiest dyads and the latest failures."""
        return jsonable_encoder(overview())

    @app.get("/api/dyad/{first}/{second}", tags=["api"])
    def api_dyad(first: Code, second: Code, f: Filtered, limit: Limit = 100, offset: int = 0) -> Any:
        """A pair's monthly cooperation and conflict, and its happenings, filtered."""
        return jsonable_encoder(dyad(first, second, f, limit, max(offset, 0)))

    @app.get("/api/network", tags=["api"])
    def api_network(by: By = "country", limit: Limit = 60) -> Any:
        """Country pairs (or, with by=actor, named actors and their named recipients) weighted by the
        happenings naming both, with their mean Goldstein score."""
        return jsonable_encoder({"by": by, "edges": network(by, limit)})

    @app.get("/api/map", tags=["api"])
    def api_map(at: Annotated[str | None, Query(max_length=200)] = None, limit: Limit = 300) -> Any:
        """Happening places with their happening and source counts; `at` lists the happenings at one place."""
        return jsonable_encoder(places(at, limit))

    @app.get("/api/happenings/{happening_id}", tags=["api"])
    def api_happening(happening_id: str) -> Any:
        """One happening, every report of it, and the articles that carry them."""
        return jsonable_encoder(happening(happening_id))

    @app.get("/api/articles/{article_id}", tags=["api"])
    def api_article(article_id: str) -> Any:
        """One article with its sections, and every event coded from it."""
        return jsonable_encoder(article(article_id))

    @app.get("/api/search", tags=["api"])
    def api_search(q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)], limit: Limit = 20) -> Any:
        """Full-text (BM25) over evidence sentences and articles; evidence hits name their happening."""
        return jsonable_encoder(search(q_, limit))

    # -- pages -----------------------------------------------------------------------------
    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request) -> HTMLResponse:
        data = overview()
        chart = charts.months_by_type([(r["month"], r["type"], r["happenings"]) for r in data["happenings_by_month"]])
        return page(request, "overview.html", data=data, chart=chart)

    @app.get("/dyad/{first}/{second}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request, first: Code, second: Code, f: Filtered, limit: Limit = 100, offset: int = 0
    ) -> HTMLResponse:
        data = dyad(first, second, f, limit, max(offset, 0))
        return page(request, "dyad.html", data=data, chart=charts.timeline(data["timeline"]), contexts=access.contexts)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, by: By = "country", limit: Limit = 60) -> HTMLResponse:
        edges = network(by, limit)
        return page(request, "network.html", edges=edges, by=by, chart=charts.network(edges))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(
        request: Request, at: Annotated[str | None, Query(max_length=200)] = None, limit: Limit = 300
    ) -> HTMLResponse:
        data = places(at, limit)
        return page(request, "map.html", data=data, chart=charts.world_map(data["places"]))

    @app.get("/happening/{happening_id}", response_class=HTMLResponse, include_in_schema=False)
    def happening_page(request: Request, happening_id: str) -> HTMLResponse:
        data = happening(happening_id)
        texts = {}
        for art in data["articles"]:
            marks = [
                Mark(v.start, v.end, f"{e.type} {e.id}")
                for e in data["reports"]
                if e.article_id == art.id
                for v in e.evidence
            ]
            texts[art.id] = annotate(art.text, art.sections, marks)
        return page(request, "happening.html", data=data, texts=texts)

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        data = article(article_id)
        marks = [Mark(v.start, v.end, f"{c['event'].type} {c['event'].id}") for c in data["events"]
                 for v in c["event"].evidence]  # fmt: skip
        text = annotate(data["article"].text, data["article"].sections, marks)
        return page(request, "article.html", data=data, text=text)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, q_: Annotated[str, Query(alias="q", max_length=200)] = "", limit: Limit = 20
    ) -> HTMLResponse:
        data = search(q_, limit) if q_.strip() else {"q": q_, "hits": []}
        return page(request, "search.html", data=data)

    return app


def _date(value: str | None, name: str) -> Any:
    if not value:
        return None
    try:
        return iso_to_date(value)[0]
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY[-MM[-DD]], got {value!r}") from None


def _explain(item: Any) -> str:
    """One validation error as a line a person reads."""
    if isinstance(item, dict):
        where = ".".join(str(part) for part in item.get("loc", ())[1:])
        return f"{where}: {item.get('msg', '')}"
    return str(item)
